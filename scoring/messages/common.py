"""Texts shared by every part: severities, generic words."""

MESSAGES = {
    "problem.error": ("KESALAHAN", "ERROR"),
    "problem.warning": ("PERINGATAN", "WARNING"),
    "file.unreadable": (
        "Berkas tidak dapat dibaca: {reason}",
        "The file cannot be read: {reason}",
    ),
    "file.not_found": ("Berkas tidak ditemukan: {path}", "File not found: {path}"),
}
