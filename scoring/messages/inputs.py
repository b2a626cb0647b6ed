"""Texts for entry inputs (values per entry that are not judged), the totals formulas make of
them, and competitions in stages."""

MESSAGES = {
    "inputs.no_entry_column": (
        "Tidak ada kolom id atau nama peserta di baris judul (tertulis: {headers})",
        "No entry id or name column in the header row (found: {headers})",
    ),
    "inputs.unknown_column": (
        "Kolom {header!r} bukan masukan rubrik dan diabaikan (masukan: {known})",
        "Column {header!r} is not one of the rubric's inputs and is ignored (inputs: {known})",
    ),
    "inputs.unknown_entry": (
        "Peserta {name!r} tidak ada dalam daftar peserta",
        "Entry {name!r} is not in the entries list",
    ),
    "inputs.duplicate_entry": (
        "Peserta {entry_id} muncul lagi (juga di baris {other}); baris ini diabaikan",
        "Entry {entry_id} appears again (also on row {other}); this row is ignored",
    ),
    "inputs.not_a_number": (
        "{input}: {value!r} bukan angka",
        "{input}: {value!r} is not a number",
    ),
    "inputs.not_yes_no": (
        "{input}: {value!r} bukan ya/tidak (ya, tidak, 1, 0)",
        "{input}: {value!r} is not yes/no (yes, no, 1, 0)",
    ),
    "inputs.out_of_scale": (
        "{input}: {value} di luar skala {min}–{max}",
        "{input}: {value} is outside the scale {min}–{max}",
    ),
    "inputs.missing": (
        "{name} ({entry_id}): nilai {input} belum ada",
        "{name} ({entry_id}): no value of {input}",
    ),
    "inputs.none_declared": (
        "Rubrik tidak menyatakan masukan ('inputs'); berkas masukan diabaikan",
        "The rubric declares no inputs ('inputs'); the inputs file is ignored",
    ),
    "score.not_performed": (
        "Nilai {criterion} dari {judge} diabaikan — peserta {entry_id} tidak menampilkan "
        "unsur ini (menurut berkas masukan)",
        "{judge}'s mark for {criterion} is left out — entry {entry_id} did not perform it "
        "(by the inputs file)",
    ),
    "stage.scores_ignored": (
        "Tahap {stage}: nilai untuk peserta yang tidak ikut tahap ini diabaikan ({entries})",
        "Stage {stage}: marks for entries not taking part in it are left out ({entries})",
    ),
    "stage.stopped": ("berhenti di tahap {stage}", "stopped at stage {stage}"),
    "stage.gate_failed": ("Tidak lolos: {reason}", "Did not pass: {reason}"),
    "formula.no_value": (
        "{name} ({entry_id}): rumus nilai akhir tidak menghasilkan angka (pembagian dengan "
        "nol?)",
        "{name} ({entry_id}): the total's formula gives no number (a division by zero?)",
    ),
}
