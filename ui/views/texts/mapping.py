"""Texts of the upload page's mapping step (ui/mapping.py): what detection found in a judge's own
workbook, the organiser's corrections, and the remembered mappings."""

MESSAGES = {
    "mapping_app.upload.label": (
        "Lembar penilaian juri (.xlsx, .xlsm, .xls, .ods, .xlsb, .csv)",
        "Judges' sheets (.xlsx, .xlsm, .xls, .ods, .xlsb, .csv)",
    ),
    "mapping_app.upload.help": (
        "Templat dari halaman Kompetisi, atau lembar buatan juri sendiri (rekap, formulir per "
        "peserta, tabel panjang); paling besar {limit} MB per berkas. Makro tidak pernah "
        "dijalankan.",
        "Templates from the Competition page, or the judges' own sheets (a recap, a form per "
        "entry, a long table); at most {limit} MB each. Macros never run.",
    ),
    "mapping_app.title": ("Pemetaan lembar buatan juri", "Mapping the judges' own sheets"),
    "mapping_app.intro": (
        "Berkas berikut bukan templat Juri. Juri sudah menebak kolom dan baris mana berisi "
        "apa; yang belum pasti **tidak dibaca** sampai Anda memilihnya. Periksa, koreksi "
        "bila perlu, lalu konfirmasi: pemetaan diingat untuk juri itu, sehingga unggahan "
        "berikutnya dengan bentuk yang sama terbaca tanpa klik.",
        "These files are not Juri templates. Juri has guessed which column and row holds "
        "what; what is unsure is **not read** until you choose. Check, correct where needed, "
        "then confirm: the mapping is remembered for that judge, so the next upload of the "
        "same shape is read with no clicks.",
    ),
    "mapping_app.pending_notice": (
        "{count} berkas perlu dikonfirmasi pemetaannya.",
        "{count} files need their mapping confirmed.",
    ),
    "mapping_app.file.pending": (
        "{file} — {count} hal perlu dikonfirmasi", "{file} — {count} items to confirm"),
    "mapping_app.file.auto": (
        "{file} — terbaca otomatis, semua pasti", "{file} — read automatically, all sure"),
    "mapping_app.file.applied": (
        "{file} — dibaca dengan pemetaan yang dikonfirmasi",
        "{file} — read by the confirmed mapping",
    ),
    "mapping_app.file.unrecognised": (
        "{file} — tidak dikenali: petakan dengan tangan",
        "{file} — not recognised: map it by hand",
    ),
    "mapping_app.hand.intro": (
        "Tidak ada lembar di berkas ini yang dikenali. Pilih lembar yang berisi nilai dan "
        "baris judul kolomnya; Juri lalu mencocokkan judul kolom dengan kriteria dan nama di "
        "bawahnya dengan peserta, dan Anda memeriksanya seperti biasa.",
        "No sheet of this file was recognised. Choose the sheet that holds the scores and "
        "its header row; Juri then matches the headings to criteria and the names below to "
        "entries, and you check them as usual.",
    ),
    "mapping_app.hand.sheet": ("Lembar berisi nilai", "The sheet with the scores"),
    "mapping_app.hand.read": ("Baca sebagai rekap", "Read as a recap"),
    "mapping_app.header_row_input": (
        "Baris judul kolom (lembar {sheet})", "Header row (sheet {sheet})"),
    "mapping_app.header_row_help": (
        "Baris yang berisi nama kriteria di atas kolom nilai. Mengubahnya mencocokkan ulang "
        "semua kolom.",
        "The row with the criteria's names above the score columns. Changing it matches "
        "every column again.",
    ),
    "mapping_app.sheet": ("**Lembar {sheet}** · {about}", "**Sheet {sheet}** · {about}"),
    "mapping_app.columns": ("Kolom", "Columns"),
    "mapping_app.column": ("Kolom {column} · {header}", "Column {column} · {header}"),
    "mapping_app.column_help": (
        "Terdeteksi: {confidence}. {candidates}", "Detected: {confidence}. {candidates}"),
    "mapping_app.rows": ("Baris peserta yang terdeteksi", "Entry rows detected"),
    "mapping_app.questions": ("Perlu keputusan Anda", "Needs your decision"),
    "mapping_app.choose": ("Pilih…", "Choose…"),
    "mapping_app.n_read": ("Nilai terbaca dengan pemetaan ini", "Scores read by this mapping"),
    "mapping_app.n_pending": ("Masih perlu dikonfirmasi", "Still to confirm"),
    "mapping_app.preview": ("Nilai yang terbaca (contoh)", "Scores read (a sample)"),
    "mapping_app.confirm": ("Konfirmasi dan pakai pemetaan", "Confirm and use the mapping"),
    "mapping_app.confirm_help": (
        "Berkas dibaca dengan pemetaan ini, dan pemetaan diingat untuk juri yang sama dan "
        "bentuk lembar yang sama. Hal yang masih ragu tetap tidak dibaca (peringatan).",
        "The file is read by this mapping, and the mapping is remembered for the same judge "
        "and the same sheet shape. Items still unsure stay unread (warnings).",
    ),
    "mapping_app.download": ("Unduh pemetaan (YAML)", "Download the mapping (YAML)"),
    "mapping_app.download_help": (
        "Berkas kecil yang sama dipakai di baris perintah: python -m scoring score "
        "--mapping berkas.yaml …",
        "The same small file works on the command line: python -m scoring score "
        "--mapping file.yaml …",
    ),
    "mapping_app.reset": ("Kembali ke deteksi otomatis", "Back to automatic detection"),
    "mapping_app.applied": (
        "Pemetaan yang dikonfirmasi dipakai untuk membaca berkas ini.",
        "The confirmed mapping is used to read this file.",
    ),
    "mapping_app.remembered_saved": (
        "Diingat untuk juri {judge}: unggahan berikutnya dengan bentuk yang sama terbaca "
        "tanpa klik.",
        "Remembered for judge {judge}: the next upload of the same shape is read with no "
        "clicks.",
    ),
    "mapping_app.remembered_used": (
        "Dibaca dengan pemetaan yang diingat untuk juri {judge}.",
        "Read by the mapping remembered for judge {judge}.",
    ),
    "mapping_app.forms": ("Formulir yang terdeteksi", "Forms detected"),
}
