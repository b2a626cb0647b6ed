"""Texts of the upload page's mapping step, the remembered mappings and the CLI's mapping
commands (``score --mapping``, ``detect``)."""

MESSAGES = {
    # --- the upload page ------------------------------------------------------------------------
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
    # --- the mapping step ----------------------------------------------------------------------
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
    "mapping_app.columns": ("Kolom", "Columns"),
    "mapping_app.column": ("Kolom {column} · {header}", "Column {column} · {header}"),
    "mapping_app.column_help": (
        "Terdeteksi: {confidence}. {candidates}", "Detected: {confidence}. {candidates}"),
    "mapping_app.rows": ("Baris peserta yang terdeteksi", "Entry rows detected"),
    "mapping_app.questions": ("Perlu keputusan Anda", "Needs your decision"),
    "mapping_app.choose": ("Pilih…", "Choose…"),
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
    "mapping_app.not_saved": (
        "Pemetaan tidak dapat disimpan ke {path}: {reason}. Pemetaan tetap diingat selama "
        "sesi ini.",
        "The mapping could not be saved to {path}: {reason}. It is remembered for this "
        "session.",
    ),
    "mapping_app.col.row": ("Baris", "Row"),
    "mapping_app.col.rows": ("Baris", "Rows"),
    "mapping_app.forms": ("Formulir yang terdeteksi", "Forms detected"),
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
