"""Texts for judge templates: the words printed on them and the problems found in filled ones.

Keys starting with ``template.label.`` and ``template.text.`` are printed on the template; the
others are problem codes (see :mod:`scoring.problems`).
"""

MESSAGES = {
    # --- printed on the template ---------------------------------------------------------------
    "template.label.category": ("Kategori", "Category"),
    "template.label.judge": ("Nama juri", "Judge"),
    "template.label.no": ("No", "No"),
    "template.label.entry_id": ("Id", "Id"),
    "template.label.entry_name": ("Nama peserta", "Entry"),
    "template.label.weight": ("Bobot", "Weight"),
    "template.label.scale": ("Skala", "Scale"),
    "template.label.step": ("Langkah", "Step"),
    "template.label.total": ("Total juri", "Judge's total"),
    "template.label.comment": ("Catatan juri (tidak wajib)", "Judge's comment (optional)"),
    "template.label.guidance": ("Panduan", "Guidance"),
    "template.text.instructions": (
        "Isi nilai hanya pada sel kuning. Angka desimal boleh ditulis dengan koma atau titik "
        "(85,5). Kolom total hanya bantuan; nilai resmi dihitung ulang oleh panitia.",
        "Type scores in the yellow cells only. Decimals may use a comma or a point (85.5). "
        "The total column is only a help; the official result is computed again by the "
        "organisers.",
    ),
    "template.text.total_note": (
        "Hanya bantuan untuk juri: jumlah nilai × bobot. Panitia menghitung ulang hasil resmi "
        "dari nilai per kriteria.",
        "Only a help for the judge: the sum of score × weight. The organisers compute the "
        "official result again from the scores per criterion.",
    ),
    "template.text.validation_title": ("Nilai tidak sah", "Invalid score"),
    "template.text.validation_error": (
        "Nilai harus angka dari {min} sampai {max}, kelipatan {step}.",
        "The score must be a number from {min} to {max}, in steps of {step}.",
    ),
    "template.text.page": ("Halaman &P dari &N", "Page &P of &N"),
    "template.text.meta_note": (
        "Lembar ini dibuat oleh Juri untuk membaca templat kembali. Jangan diubah.",
        "Juri wrote this sheet to read the template back. Do not edit it.",
    ),
    "template.text.mismatch_read": (
        "Kriteria dan skalanya sama, jadi nilai tetap dibaca; periksa apakah perubahan rubrik "
        "memang dimaksudkan.",
        "The criteria and their scales are the same, so the scores are still read; check that "
        "the change to the rubric was intended.",
    ),
    "template.text.mismatch_not_read": (
        "Kriteria atau skalanya berbeda, jadi nilai dalam berkas ini tidak dibaca; buat templat "
        "baru dari rubrik yang berlaku.",
        "The criteria or their scales differ, so the scores in this file are not read; make new "
        "templates from the rubric in use.",
    ),
    # --- problems in filled templates ----------------------------------------------------------
    "template.damaged": (
        "Data templat dalam berkas ini rusak dan tidak dapat dibaca: {detail}",
        "The template data in this file is damaged and cannot be read: {detail}",
    ),
    "template.sheet_missing": (
        "Lembar {sheet_name!r} dari templat tidak ada lagi dalam berkas; nilainya tidak dapat "
        "dibaca",
        "The template's sheet {sheet_name!r} is no longer in the file; its scores cannot be read",
    ),
    "template.rubric_mismatch": (
        "Templat dibuat dari rubrik {template_rubric!r} versi {template_version!r} (sidik jari "
        "{template_fingerprint}), bukan dari rubrik yang dipakai, {rubric!r} versi {version!r} "
        "(sidik jari {fingerprint}). {detail_id}",
        "The template was made from rubric {template_rubric!r} version {template_version!r} "
        "(fingerprint {template_fingerprint}), not from the rubric in use, {rubric!r} version "
        "{version!r} (fingerprint {fingerprint}). {detail_en}",
    ),
    "template.header_edited": (
        "Judul kolom kriteria diubah: tertulis {found!r}, seharusnya {expected!r}; periksa "
        "apakah kolom bergeser",
        "A criterion column heading was changed: it reads {found!r} instead of {expected!r}; "
        "check whether columns were moved",
    ),
    "judge.missing_name": (
        "Nama juri belum diisi",
        "The judge's name is not filled in",
    ),
    "judge.changed": (
        "Templat dibuat untuk juri {template_judge!r}, tetapi nama juri tertulis {judge!r}",
        "The template was made for judge {template_judge!r}, but the judge's name reads "
        "{judge!r}",
    ),
    "judge.duplicate": (
        "Juri {judge!r} sudah mengirim berkas {first_file!r}; nilai dalam berkas ini tidak "
        "dipakai. Hapus salah satu berkas.",
        "Judge {judge!r} already submitted {first_file!r}; the scores in this file are not "
        "used. Remove one of the files.",
    ),
    "entry.row_edited": (
        "Baris peserta diubah: tertulis {found!r}, seharusnya {expected!r} (peserta "
        "{entry_name!r})",
        "An entry row was edited: it reads {found!r} instead of {expected!r} (entry "
        "{entry_name!r})",
    ),
    "entry.unknown": (
        "Baris dengan nilai untuk peserta yang tidak ada dalam daftar peserta kategori "
        "{category!r}: {entry!r}; nilainya tidak dipakai",
        "A row with scores for an entry that is not in the entries list of category "
        "{category!r}: {entry!r}; its scores are not used",
    ),
    "entry.row_missing": (
        "Baris untuk peserta {name!r} tidak ada (terhapus?); baris di bawahnya bergeser dan "
        "tetap dibaca menurut kode pesertanya",
        "The row for entry {name!r} is missing (deleted?); the rows below are shifted and are "
        "still read by their entry code",
    ),
    "entry.not_scored": (
        "Peserta {name!r} belum dinilai sama sekali",
        "Entry {name!r} has no scores at all",
    ),
    "score.missing": (
        "Nilai kosong: {criterion_name} untuk peserta {entry_name!r}",
        "Missing score: {criterion_name_en} for entry {entry_name!r}",
    ),
    "score.not_a_number": (
        "Nilai {value!r} bukan angka ({criterion_name}, peserta {entry_name!r})",
        "Score {value!r} is not a number ({criterion_name_en}, entry {entry_name!r})",
    ),
    "score.formula_no_value": (
        "Sel berisi rumus {formula!r} tanpa hasil tersimpan; buka dan simpan berkas di Excel "
        "atau tulis angkanya ({criterion_name}, peserta {entry_name!r})",
        "The cell holds the formula {formula!r} with no saved result; open and save the file "
        "in Excel, or type the number ({criterion_name_en}, entry {entry_name!r})",
    ),
    "score.out_of_range": (
        "Nilai {value_id} di luar skala {min_id}–{max_id} ({criterion_name}, peserta "
        "{entry_name!r})",
        "Score {value_en} is outside the scale {min_en}–{max_en} ({criterion_name_en}, "
        "entry {entry_name!r})",
    ),
    "score.off_step": (
        "Nilai {value_id} bukan kelipatan {step_id} dari {min_id} ({criterion_name}, peserta "
        "{entry_name!r})",
        "Score {value_en} is not a step of {step_en} from {min_en} ({criterion_name_en}, "
        "entry {entry_name!r})",
    ),
}
