"""Texts for uploaded files refused (or flagged) before any parser reads them."""

MESSAGES = {
    "safety.empty": (
        "Berkas kosong (0 bita). Unggah ulang berkas yang sudah diisi.",
        "The file is empty (0 bytes). Upload the filled-in file again.",
    ),
    "safety.too_large": (
        "Berkas terlalu besar ({size_id}; batas {limit_id}). Hapus lembar, gambar atau baris "
        "kosong yang tidak perlu, atau bagi isinya menjadi beberapa berkas.",
        "The file is too large ({size_en}; the limit is {limit_en}). Remove sheets, pictures or "
        "empty rows that are not needed, or split it into several files.",
    ),
    "safety.not_a_spreadsheet": (
        "Berkas ini bukan lembar kerja yang dapat dibaca (isinya: {detected_id}). Buka di Excel "
        "atau LibreOffice lalu simpan sebagai .xlsx, kemudian unggah berkas itu.",
        "This file is not a spreadsheet Juri can read (it contains: {detected_en}). Open it in "
        "Excel or LibreOffice, save it as .xlsx, and upload that file.",
    ),
    "safety.wrong_extension": (
        "Nama berkas berakhiran {extension}, tetapi isinya {detected}; berkas dibaca sebagai "
        "{detected}. Periksa bahwa ini berkas yang dimaksud.",
        "The file name ends in {extension} but the file is {detected}; it is read as "
        "{detected}. Check that this is the intended file.",
    ),
    "safety.encrypted": (
        "Berkas dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca. Buka di "
        "Excel, hapus kata sandinya (File › Info › Protect Workbook › Encrypt with Password), "
        "simpan, lalu unggah lagi.",
        "The file is password-protected (encrypted) and cannot be read. Open it in Excel, "
        "remove the password (File › Info › Protect Workbook › Encrypt with Password), save, "
        "and upload it again.",
    ),
    "safety.truncated": (
        "Berkas terpotong atau tidak lengkap ({reason_id}). Unggah ulang; bila tetap gagal, "
        "simpan ulang berkas dari Excel.",
        "The file is cut short or incomplete ({reason_en}). Upload it again; if that fails, "
        "save the file again from Excel.",
    ),
    "safety.corrupt": (
        "Berkas rusak dan tidak dapat dibaca dengan aman ({reason_id}). Simpan ulang berkas "
        "dari Excel lalu unggah lagi.",
        "The file is damaged and cannot be read safely ({reason_en}). Save it again from Excel "
        "and upload it again.",
    ),
    "safety.too_many_members": (
        "Berkas berisi terlalu banyak bagian ({count}; batas {limit}). Lembar kerja biasa "
        "tidak serumit ini: simpan ulang dari Excel, atau salin data ke buku kerja baru.",
        "The file holds too many parts ({count}; the limit is {limit}). An ordinary workbook "
        "is not this complex: save it again from Excel, or copy the data to a new workbook.",
    ),
    "safety.uncompressed_too_large": (
        "Isi berkas setelah dibuka terlalu besar ({size_id}; batas {limit_id}). Hapus lembar "
        "atau gambar yang tidak perlu, atau bagi isinya menjadi beberapa berkas.",
        "The file's content is too large once unpacked ({size_en}; the limit is {limit_en}). "
        "Remove sheets or pictures that are not needed, or split it into several files.",
    ),
    "safety.zip_bomb": (
        "Berkas ditolak: bagian {member} mengembang {ratio} kali lipat saat dibuka (batas "
        "{limit} kali). Berkas seperti ini bisa melumpuhkan server. Simpan ulang data di buku "
        "kerja baru.",
        "The file is refused: its part {member} expands {ratio} times when unpacked (the limit "
        "is {limit} times). Such a file can bring a server down. Save the data again in a new "
        "workbook.",
    ),
    "safety.overlapping_members": (
        "Berkas ditolak: bagian {member} dan {other} memakai data yang sama. Excel tidak "
        "pernah membuat berkas seperti ini; cara ini dipakai untuk berkas yang mengembang "
        "berlipat-lipat. Simpan ulang data di buku kerja baru.",
        "The file is refused: its parts {member} and {other} share the same data. Excel never "
        "makes such files; the trick is used for files that expand many times over. Save the "
        "data again in a new workbook.",
    ),
    "safety.size_mismatch": (
        "Berkas ditolak: isi bagian {member} lebih besar dari ukuran yang tercatat "
        "({declared} bita). Berkas rusak atau sengaja dibuat berbahaya; simpan ulang dari Excel.",
        "The file is refused: the part {member} holds more than its recorded size "
        "({declared} bytes). The file is damaged or made to harm; save it again from Excel.",
    ),
    "safety.part_too_large": (
        "Bagian {member} terlalu besar ({size_id}; batas {limit_id}). Simpan ulang berkas dari "
        "Excel, atau salin data ke buku kerja baru.",
        "The part {member} is too large ({size_en}; the limit is {limit_en}). Save the file "
        "again from Excel, or copy the data to a new workbook.",
    ),
    "safety.too_many_sheets": (
        "Buku kerja berisi terlalu banyak lembar ({count}; batas {limit}). Hapus lembar yang "
        "tidak perlu atau bagi menjadi beberapa berkas.",
        "The workbook has too many sheets ({count}; the limit is {limit}). Delete sheets that "
        "are not needed or split it into several files.",
    ),
    "safety.too_many_rows": (
        "Lembar {sheet_name!r} berisi terlalu banyak baris ({count}; batas {limit}). Hapus "
        "baris kosong di bawah data (sering kali berformat tetapi kosong), atau salin data ke "
        "lembar baru.",
        "The sheet {sheet_name!r} has too many rows ({count}; the limit is {limit}). Delete the "
        "empty rows below the data (often formatted but empty), or copy the data to a new "
        "sheet.",
    ),
    "safety.too_many_columns": (
        "Lembar {sheet_name!r} berisi terlalu banyak kolom ({count}; batas {limit}). Hapus "
        "kolom kosong di kanan data, atau salin data ke lembar baru.",
        "The sheet {sheet_name!r} has too many columns ({count}; the limit is {limit}). Delete "
        "the empty columns to the right of the data, or copy the data to a new sheet.",
    ),
    "safety.cell_too_long": (
        "Isi sel terlalu panjang ({length} karakter; batas {limit}). Excel sendiri tidak "
        "membuat sel sepanjang ini: periksa isi sel tersebut.",
        "The cell holds too much text ({length} characters; the limit is {limit}). Excel itself "
        "does not make cells this long: check what is in it.",
    ),
    "safety.xml_entities": (
        "Berkas ditolak: bagian {member} memuat deklarasi DTD/entitas XML, yang tidak pernah "
        "ada di lembar kerja biasa dan dapat dipakai untuk menyerang server. Salin data ke buku "
        "kerja baru di Excel lalu unggah berkas itu.",
        "The file is refused: its part {member} holds an XML DTD/entity declaration, which "
        "ordinary spreadsheets never contain and which can be used to attack a server. Copy "
        "the data into a new workbook in Excel and upload that file.",
    ),
}
