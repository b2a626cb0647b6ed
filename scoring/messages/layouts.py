"""Texts for judges' own workbooks (recap, form, long layouts), their cells and mapping files."""

MESSAGES = {
    # --- layouts ---------------------------------------------------------------------------
    "layout.unrecognised": (
        "Tidak ada lembar dalam berkas ini yang dikenali sebagai lembar nilai (templat Juri, "
        "rekap per peserta, formulir per peserta, atau tabel panjang peserta–kriteria–nilai). "
        "Pastikan judul kolom memakai nama kriteria rubrik dan nama peserta sesuai daftar "
        "peserta, atau pakai templat dari Juri.",
        "No sheet in this file is recognised as a score sheet (a Juri template, a recap with "
        "a row per entry, a form per entry, or a long table of entry–criterion–score). Make "
        "sure the headings use the rubric's criterion names and the entries list's names, "
        "or use a template from Juri.",
    ),
    "layout.sheet_not_read": (
        "Lembar {sheet_name!r} berisi angka tetapi tidak dikenali sebagai lembar nilai; "
        "isinya tidak dibaca. Bila berisi nilai, sesuaikan judul kolomnya atau petakan "
        "lembar ini.",
        "Sheet {sheet_name!r} holds numbers but is not recognised as a score sheet; it is "
        "not read. If it holds scores, fix its headings or map the sheet.",
    ),
    "layout.score_column_unsure": (
        "Kolom nilai formulir ini tidak pasti: kolom {column} dan kolom lain sama-sama berisi "
        "angka di setiap baris kriteria, dan tidak ada judul \"Nilai\". Nilainya belum dibaca: "
        "pastikan kolom {column} adalah nilai, atau pilih kolom lain.",
        "The marks column of this form is not certain: column {column} and another column "
        "both hold a number on every criterion row, and none is headed \"Nilai\" (score). "
        "The marks are not read yet: confirm that column {column} holds them, or choose "
        "another.",
    ),
    "layout.text_too_large": (
        "Sel-sel lembar ini berisi terlalu banyak teks (lebih dari {limit} karakter); berkas "
        "tidak dibaca. Hapus teks panjang yang berulang, atau bagi menjadi beberapa berkas.",
        "The cells of this sheet hold too much text (more than {limit} characters); the file "
        "was not read. Remove long repeated texts, or split it into several files.",
    ),
    "layout.sheet_too_large": (
        "Lembar berisi terlalu banyak sel ({count}; batas {limit}). Hapus baris dan kolom "
        "yang tidak perlu, atau bagi menjadi beberapa berkas.",
        "The sheet holds too many cells ({count}; the limit is {limit}). Remove rows and "
        "columns that are not needed, or split it into several files.",
    ),
    "layout.judge_from_file": (
        "Nama juri tidak tertulis di lembar ini; dipakai nama berkas: {judge!r}. Tulis "
        "\"Nama juri: …\" di lembar, atau tetapkan juri saat pemetaan.",
        "The judge's name is not on this sheet; the file's name is used: {judge!r}. Write "
        "\"Nama juri: …\" on the sheet, or set the judge when mapping.",
    ),
    "layout.row_without_entry": (
        "Baris {row} berisi nilai tetapi tanpa nama peserta; nilainya tidak dibaca.",
        "Row {row} holds scores but no entry name; its scores are not read.",
    ),
    "layout.row_incomplete": (
        "Baris {row} berisi nilai tetapi tanpa nama peserta atau tanpa kriteria; nilainya "
        "tidak dibaca.",
        "Row {row} holds a score but no entry or no criterion; its score is not read.",
    ),
    "layout.form_no_entry": (
        "Formulir di baris {first}–{last} tidak menyebut peserta yang dinilai; nilainya tidak "
        "dibaca. Tulis \"Nama kelompok: …\" di atas tabel, atau tetapkan pesertanya saat "
        "pemetaan.",
        "The form in rows {first}–{last} does not name the entry it scores; its scores are "
        "not read. Write \"Nama kelompok: …\" above the table, or set the entry when mapping.",
    ),
    "layout.criterion_twice": (
        "Kriteria {criterion_name} ({criterion!r}) muncul dua kali ({other} dan {column}); "
        "yang kedua tidak dibaca. Hapus atau ganti judul salah satunya.",
        "Criterion {criterion_name} ({criterion!r}) appears twice ({other} and {column}); "
        "the second is not read. Remove or rename one of them.",
    ),
    "layout.criteria_missing": (
        "Lembar ini tidak memuat kriteria: {criteria}. Tambahkan kolomnya, atau periksa "
        "judul kolom yang tidak dikenali.",
        "This sheet has no place for the criteria: {criteria}. Add them, or check the "
        "headings that were not recognised.",
    ),
    "layout.column_not_read": (
        "Kolom {column} ({header!r}) berisi angka tetapi judulnya tidak cocok dengan kriteria "
        "mana pun; kolom ini tidak dibaca.",
        "Column {column} ({header!r}) holds numbers but its heading matches no criterion; "
        "the column is not read.",
    ),
    "layout.score_without_criterion": (
        "Sel berisi angka tetapi barisnya tidak menyebut kriteria (kolom {column} kosong); "
        "angka ini tidak dibaca. Tulis kriterianya, atau hapus angka itu.",
        "The cell holds a number but its row names no criterion (column {column} is empty); "
        "the number is not read. Write the criterion, or remove the number.",
    ),
    "layout.criterion_group": (
        "{name!r} adalah kelompok kriteria ({criterion!r}), bukan kriteria yang dinilai; "
        "beri nilai untuk kriterianya: {leaves}.",
        "{name!r} is a group of criteria ({criterion!r}), not a scored criterion; score its "
        "criteria instead: {leaves}.",
    ),
    "layout.hidden_sheet": (
        "Lembar {sheet_name!r} tersembunyi tetapi berisi nilai; nilainya dibaca. Periksa "
        "apakah memang dimaksudkan.",
        "Sheet {sheet_name!r} is hidden but holds scores; they are read. Check that this is "
        "intended.",
    ),
    # --- cells -----------------------------------------------------------------------------
    "cell.not_finite": (
        "Sel {cells} berisi angka yang tidak sah (NaN atau tak hingga) yang tidak dibuat oleh "
        "program lembar kerja; berkas tidak dibaca. Ketik ulang angkanya lalu simpan lagi.",
        "Cells {cells} hold a number that is not valid (NaN or infinite), which no "
        "spreadsheet program writes; the file was not read. Type the numbers again and save.",
    ),
    "cell.error_value": (
        "Sel berisi nilai kesalahan {value} ({criterion_name}, peserta {entry_name!r}); perbaiki "
        "rumusnya atau tulis angkanya.",
        "The cell holds the error {value} ({criterion_name_en}, entry {entry_name!r}); fix the "
        "formula or type the number.",
    ),
    "cell.percent_scaled": (
        "Kolom {column}: {count} sel berformat persen (misalnya {example}) dibaca sebagai "
        "nilai ×100 (misalnya {value_id}) karena skala kriterianya lebih dari 1. Periksa.",
        "Column {column}: {count} cells formatted as percent (such as {example}) are read as "
        "the value ×100 (such as {value_en}) since the criterion's scale goes above 1. "
        "Check them.",
    ),
    "cell.hidden": (
        "Nilai di baris atau kolom tersembunyi tetap dibaca (baris: {rows}; kolom: "
        "{columns}). Periksa apakah memang dimaksudkan.",
        "Scores in hidden rows or columns are read (rows: {rows}; columns: {columns}). "
        "Check that this is intended.",
    ),
    "cell.control_characters": (
        "Sel berisi karakter kendali yang tidak terlihat; dibaca tanpa karakter itu: "
        "{value!r}.",
        "The cell holds invisible control characters; it is read without them: {value!r}.",
    ),
    # --- the judge's own totals ------------------------------------------------------------
    "total.mismatch": (
        "Total juri {given_id} tidak sama dengan {kind_id} dari nilai di {cells}: "
        "{expected_id} (peserta {entry_name!r}). Hasil resmi dihitung dari nilai per kriteria; "
        "periksa nilai atau rumus totalnya.",
        "The judge's total {given_en} differs from the {kind_en} of the scores in {cells}: "
        "{expected_en} (entry {entry_name!r}). The official result is computed from the scores "
        "per criterion; check the scores or the total's formula.",
    ),
    "total.unweighted": (
        "Kolom total juri berisi {kind_id} nilai, bukan total tertimbang rubrik; total "
        "diperiksa sebagai {kind_id}. Hasil resmi tetap memakai bobot rubrik.",
        "The judge's total column holds the {kind_en} of the scores, not the rubric's "
        "weighted total; it is checked as a {kind_en}. The official result still uses the "
        "rubric's weights.",
    ),
    # --- CSV -------------------------------------------------------------------------------
    "csv.legacy_encoding": (
        "Berkas CSV tidak berenkode UTF-8; dibaca sebagai Windows-1252. Periksa huruf "
        "beraksen pada nama, atau simpan ulang sebagai \"CSV UTF-8\".",
        "The CSV file is not UTF-8; it is read as Windows-1252. Check accented letters in "
        "names, or save it again as \"CSV UTF-8\".",
    ),
    # --- mapping files ---------------------------------------------------------------------
    "mapping.yaml_syntax": (
        "Berkas pemetaan bukan YAML yang sah: {reason}",
        "The mapping file is not valid YAML: {reason}",
    ),
    "mapping.invalid": (
        "Isi berkas pemetaan tidak sah: {reason_id}",
        "The mapping file is not valid here: {reason_en}",
    ),
    "mapping.missing_key": (
        "Kunci wajib tidak ada di berkas pemetaan",
        "A required key is missing from the mapping file",
    ),
    "mapping.incomplete": (
        "Pemetaan lembar {layout} harus menyebut kolom {role}",
        "A {layout} sheet's mapping must name a {role} column",
    ),
    "mapping.unknown_criterion": (
        "{id!r} bukan kriteria (daun) rubrik ini, dan bukan peran kolom",
        "{id!r} is not a (leaf) criterion of this rubric, nor a column role",
    ),
    "mapping.unknown_entry": (
        "{id!r} bukan id peserta dalam daftar peserta",
        "{id!r} is not an entry id in the entries list",
    ),
    "mapping.sheet_missing": (
        "Pemetaan menyebut lembar {sheet_name!r}, tetapi lembar itu tidak ada dalam berkas",
        "The mapping names sheet {sheet_name!r}, but the file has no such sheet",
    ),
    "mapping.shape_changed": (
        "Susunan buku kerja berbeda dari saat pemetaan dibuat (bentuk {found}, dulu "
        "{expected}); periksa hasil pembacaan.",
        "The workbook's structure differs from when the mapping was made (shape {found}, "
        "was {expected}); check what was read.",
    ),
}
