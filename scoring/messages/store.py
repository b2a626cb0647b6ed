"""Texts for the archive (scoring.store): uploads, publishing, lineage, past-year imports."""

MESSAGES = {
    # uploads
    "store.upload_duplicate": (
        "Berkas ini sama persis dengan unggahan #{upload_id} (versi {version}) juri {judge}; "
        "tidak disimpan dua kali",
        "This file is identical to upload #{upload_id} (version {version}) of judge {judge}; "
        "it is not stored twice",
    ),
    "store.upload_after_publish": (
        "Hasil lomba {title!r} sudah diumumkan (revisi {revision}). Berkas ini disimpan, "
        "tetapi tidak mengubah hasil yang diumumkan; berkas ini hanya dipakai bila hasil "
        "dikoreksi",
        "The result of {title!r} has been published (revision {revision}). This file is "
        "stored but does not change the published result; it is used only if the result is "
        "corrected",
    ),
    "store.judge_mismatch": (
        "Berkas diunggah sebagai milik juri {judge!r}, tetapi nilainya atas nama {found}",
        "The file was uploaded as judge {judge!r}'s, but its scores are in the name of {found}",
    ),
    "store.upload_no_scores": (
        "Berkas tidak berisi nilai; disimpan, tetapi tidak dipakai",
        "The file contains no scores; it is stored but not used",
    ),
    "store.stored_problem": (
        "Masalah tersimpan dengan kode {code!r} yang tidak dikenal lagi oleh versi ini",
        "A stored problem with the code {code!r}, which this version no longer knows",
    ),
    # publishing
    "store.already_published": (
        "Hasil lomba {title!r} sudah diumumkan (revisi {revision}); perubahan hanya dapat "
        "dibuat sebagai koreksi dengan alasan",
        "The result of {title!r} is already published (revision {revision}); a change can "
        "only be made as a correction with a reason",
    ),
    "store.not_published": (
        "Hasil lomba {title!r} belum diumumkan; koreksi hanya untuk hasil yang sudah diumumkan",
        "The result of {title!r} has not been published; only a published result can be "
        "corrected",
    ),
    "store.reason_required": (
        "Koreksi hasil lomba {title!r} harus disertai alasan",
        "A correction of the result of {title!r} needs a reason",
    ),
    # entries and lineage
    "store.unknown_entry": (
        "Peserta dengan id {id!r} tidak ada dalam daftar induk peserta",
        "There is no entry with the id {id!r} in the entries registry",
    ),
    "store.lineage_unknown_kind": (
        "Jenis perubahan {kind!r} tidak dikenal; pilih salah satu dari {expected}",
        "Unknown kind of change {kind!r}; choose one of {expected}",
    ),
    "store.lineage_rename_shape": (
        "Ganti nama menghubungkan tepat satu peserta lama dengan satu peserta baru "
        "(tertulis {n_from} lama, {n_to} baru)",
        "A rename links exactly one old entry to one new entry ({n_from} old, {n_to} new "
        "given)",
    ),
    "store.lineage_merge_shape": (
        "Penggabungan menghubungkan dua peserta lama atau lebih dengan satu peserta baru "
        "(tertulis {n_from} lama, {n_to} baru)",
        "A merge links two or more old entries to one new entry ({n_from} old, {n_to} new "
        "given)",
    ),
    "store.lineage_split_shape": (
        "Pemecahan menghubungkan satu peserta lama dengan dua peserta baru atau lebih "
        "(tertulis {n_from} lama, {n_to} baru)",
        "A split links one old entry to two or more new entries ({n_from} old, {n_to} new "
        "given)",
    ),
    "store.lineage_cycle": (
        "Tautan {from_id} → {to_id} membuat lingkaran: {to_id} sudah menjadi asal {from_id}",
        "The link {from_id} → {to_id} makes a loop: {to_id} is already an ancestor of "
        "{from_id}",
    ),
    # importing past years
    "store.import_missing_column": (
        "Kolom {column!r} tidak ditemukan; judul kolom yang dikenali: {accepted}",
        "No {column!r} column found; recognised headers: {accepted}",
    ),
    "store.import_ignored_column": (
        "Kolom {column!r} tidak dikenali dan diabaikan",
        "Column {column!r} is not recognised and is ignored",
    ),
    "store.import_empty_value": (
        "Kolom {column!r} kosong",
        "The {column!r} column is empty",
    ),
    "store.import_bad_rank": (
        "Peringkat {given!r} bukan bilangan bulat positif",
        "Rank {given!r} is not a positive whole number",
    ),
    "store.import_bad_number": (
        "Nilai {given!r} bukan angka",
        "Total {given!r} is not a number",
    ),
    "store.import_unknown_entry": (
        "Peserta {name!r} tidak ada dalam daftar induk peserta; periksa ejaannya atau "
        "tambahkan nama ini sebagai alias",
        "Entry {name!r} is not in the entries registry; check the spelling or add this name "
        "as an alias",
    ),
    "store.import_ambiguous_entry": (
        "Nama {name!r} cocok dengan lebih dari satu peserta: {candidates}",
        "The name {name!r} matches more than one entry: {candidates}",
    ),
    "store.import_uncertain_match": (
        "Nama {name!r} dicocokkan dengan {entry_name} ({entry_id}) tanpa kepastian; periksa",
        "The name {name!r} was matched to {entry_name} ({entry_id}) without certainty; check",
    ),
    "store.import_duplicate_entry": (
        "Peserta {entry_id} muncul dua kali dalam kategori {category} (juga di baris {other})",
        "Entry {entry_id} appears twice in category {category} (also on row {other})",
    ),
    "store.import_empty": (
        "Berkas tidak berisi baris hasil",
        "The file contains no result rows",
    ),
    "store.import_already": (
        "Berkas ini sudah diimpor sebagai lomba #{competition_id} ({title}, {year}); tidak "
        "diimpor dua kali",
        "This file was already imported as competition #{competition_id} ({title}, {year}); "
        "it is not imported twice",
    ),
}
