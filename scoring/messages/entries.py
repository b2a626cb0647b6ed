"""Texts for problems in entries lists."""

MESSAGES = {
    "entries.missing_column": (
        "Kolom wajib {column!r} tidak ada dalam daftar peserta",
        "The entries list has no {column!r} column",
    ),
    "entries.duplicate_id": (
        "Id peserta {id!r} muncul lebih dari sekali (juga di baris {other})",
        "Entry id {id!r} appears more than once (also on row {other})",
    ),
    "entries.empty_value": (
        "Kolom {column!r} kosong",
        "The {column!r} column is empty",
    ),
    "entries.unknown_category": (
        "Kategori {category!r} tidak ada dalam rubrik (kategori: {expected})",
        "Category {category!r} is not in the rubric (categories: {expected})",
    ),
    "entries.empty": ("Daftar peserta kosong", "The entries list is empty"),
}
