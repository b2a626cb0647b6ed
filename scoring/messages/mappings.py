"""Texts of :mod:`scoring.mappings` (how a judge's own workbook is read, the questions left
open, the remembered mappings) and of the CLI's mapping commands (``score --mapping``,
``detect``). The upload page's own words are in ui/views/texts/mapping.py."""

MESSAGES = {
    # --- what a mapping says ----------------------------------------------------------------
    "mapping_app.layout.recap": ("rekap (satu baris per peserta)",
                                 "recap (a row per entry)"),
    "mapping_app.layout.form": ("formulir per peserta", "a form per entry"),
    "mapping_app.layout.long": ("tabel panjang (peserta, kriteria, nilai)",
                                "long table (entry, criterion, score)"),
    "mapping_app.header_row": ("baris judul {row}", "header row {row}"),
    "mapping_app.judge": ("juri: {judge} {source}", "judge: {judge} {source}"),
    "mapping_app.judge_source.label": ("(dari sel {cell})", "(from cell {cell})"),
    "mapping_app.judge_source.sheet": ("(dari nama lembar)", "(from the sheet's name)"),
    "mapping_app.judge_source.file": ("(dari nama berkas — mohon dikonfirmasi)",
                                      "(from the file's name — please confirm)"),
    "mapping_app.judge_source.column": ("(dari kolom juri)", "(from the judge column)"),
    "mapping_app.judge_source.mapping": ("(ditetapkan)", "(set by hand)"),
    "mapping_app.ignore": ("(abaikan, jangan dibaca)", "(ignore, do not read)"),
    "mapping_app.candidates": ("Calon: {names}.", "Candidates: {names}."),
    "mapping_app.no_candidates": ("Tidak ada calon yang mirip.", "No similar candidate."),
    "mapping_app.confidence": ("{status} ({score})", "{status} ({score})"),
    "mapping_app.status.exact": ("pasti", "exact"),
    "mapping_app.status.confident": ("yakin", "confident"),
    "mapping_app.status.uncertain": ("ragu", "unsure"),
    "mapping_app.status.none": ("tidak cocok", "no match"),
    "mapping_app.status.confirmed": ("dikonfirmasi", "confirmed"),
    "mapping_app.status.assumed": ("diasumsikan", "assumed"),
    "mapping_app.ask.entry": (
        "Nama peserta {text!r} ({where}): peserta yang mana?",
        "Entry name {text!r} ({where}): which entry?",
    ),
    "mapping_app.ask.column": (
        "Kolom {column} {text!r} ({where}): kriteria yang mana?",
        "Column {column} {text!r} ({where}): which criterion?",
    ),
    "mapping_app.ask.criterion": (
        "Judul {text!r} ({where}): kriteria yang mana?",
        "Heading {text!r} ({where}): which criterion?",
    ),
    "mapping_app.ask.block": (
        "Formulir mulai baris {row} ({where}): peserta yang mana?",
        "The form from row {row} ({where}): which entry?",
    ),
    "mapping_app.ask.judge": (
        "Juri lembar ini ({where}); terdeteksi dari nama berkas: {text!r}. Siapa jurinya?",
        "The judge of this sheet ({where}); found from the file's name: {text!r}. Who is it?",
    ),
    "mapping_app.not_saved": (
        "Pemetaan tidak dapat disimpan ke {path}: {reason}. Pemetaan tetap diingat selama "
        "sesi ini.",
        "The mapping could not be saved to {path}: {reason}. It is remembered for this "
        "session.",
    ),
    "mapping_app.col.row": ("Baris", "Row"),
    "mapping_app.col.rows": ("Baris", "Rows"),
    "mapping_app.col.text": ("Tertulis", "As written"),
    "mapping_app.col.entry": ("Peserta", "Entry"),
    "mapping_app.col.confidence": ("Keyakinan", "Confidence"),
    "mapping_app.col.cell": ("Sel", "Cell"),
    "mapping_app.col.judge": ("Juri", "Judge"),
    "mapping_app.col.criterion": ("Kriteria", "Criterion"),
    "mapping_app.col.score": ("Nilai", "Score"),
    # --- column roles --------------------------------------------------------------------------
    "mapping_app.role.ignore": ("(abaikan, jangan dibaca)", "(ignore, do not read)"),
    "mapping_app.role.entry": ("Nama peserta", "Entry name"),
    "mapping_app.role.entry_id": ("Kode peserta", "Entry id"),
    "mapping_app.role.number": ("Nomor urut", "Row number"),
    "mapping_app.role.total": ("Jumlah buatan juri (diperiksa)", "The judge's own total "
                               "(checked)"),
    "mapping_app.role.subtotal": ("Subjumlah", "Subtotal"),
    "mapping_app.role.rank": ("Peringkat", "Rank"),
    "mapping_app.role.note": ("Catatan", "Note"),
    "mapping_app.role.category": ("Kategori", "Category"),
    "mapping_app.role.judge": ("Nama juri", "Judge's name"),
    "mapping_app.role.criterion": ("Kriteria", "Criterion"),
    "mapping_app.role.score": ("Nilai", "Score"),
    "mapping_app.role.weight": ("Bobot", "Weight"),
    "mapping_app.role.scale": ("Skala", "Scale"),
    "mapping_app.role.weighted": ("Nilai berbobot", "Weighted score"),
    # --- YAML comments -------------------------------------------------------------------------
    "mapping_app.yaml.pending": (
        "{count} hal belum pasti dan tidak dibaca; tambahkan keputusan Anda di bawah "
        "(columns, entries, criteria):",
        "{count} items are unsure and not read; add your decisions below (columns, entries, "
        "criteria):",
    ),
    # --- CLI -----------------------------------------------------------------------------------
    "mapping_app.cli.template": (
        "{file} adalah templat Juri: tidak perlu pemetaan.",
        "{file} is a Juri template: no mapping is needed.",
    ),
    "mapping_app.cli.refused": (
        "{file} tidak dapat dipetakan (lihat masalah di atas).",
        "{file} cannot be mapped (see the problems above).",
    ),
    "mapping_app.cli.sheet": ("Lembar {sheet!r}: {about}", "Sheet {sheet!r}: {about}"),
    "mapping_app.cli.read": (
        "{count} nilai terbaca dengan pemetaan ini.", "{count} scores read by this mapping."),
    "mapping_app.cli.pending": (
        "Perlu dikonfirmasi ({count}):", "To confirm ({count}):"),
}
