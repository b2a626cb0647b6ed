"""Problems of the workflows over a competition (scoring/workspace/): uploads refused before
they are read, and publishing without a name. The codes keep their first names (``app.…``,
``store.…``): they are stable, and the archive keeps them with every upload."""

MESSAGES = {
    "app.upload.too_large": (
        "Berkas terlalu besar ({size} MB; batas {limit} MB per berkas) dan tidak dibaca",
        "The file is too large ({size_en} MB; the limit is {limit_en} MB per file) and was "
        "not read",
    ),
    "app.upload.not_text": (
        "Berkas ini bukan teks UTF-8, jadi tidak dapat dibaca sebagai rubrik atau daftar "
        "peserta",
        "This file is not UTF-8 text, so it cannot be read as a rubric or an entries list",
    ),
    "store.publisher_required": (
        "Isi nama yang mengumumkan; nama itu dicatat pada setiap berkas dan revisi",
        "Fill in who publishes; the name is recorded with every file and revision",
    ),
}
