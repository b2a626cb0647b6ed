"""Texts for names that do not match an entry or a criterion with certainty."""

MESSAGES = {
    "match.entry_uncertain": (
        "Nama peserta {name!r} tidak cocok dengan pasti; yang paling mirip: {candidates}. "
        "Periksa nama ini, atau tambahkan sebagai alias peserta yang benar di daftar peserta.",
        "The entry name {name!r} does not match with certainty; the closest are: {candidates}. "
        "Check the name, or add it as an alias of the right entry in the entries list.",
    ),
    "match.entry_none": (
        "Nama peserta {name!r} tidak ditemukan di daftar peserta. Periksa ejaannya, atau "
        "tambahkan peserta atau alias ini ke daftar peserta.",
        "The entry name {name!r} is not in the entries list. Check the spelling, or add the "
        "entry or this alias to the entries list.",
    ),
    "match.criterion_uncertain": (
        "Judul kolom {name!r} tidak cocok dengan pasti dengan satu kriteria; yang paling mirip: "
        "{candidates}. Pakai nama kriteria seperti di templat.",
        "The column heading {name!r} does not match one criterion with certainty; the closest "
        "are: {candidates}. Use the criterion names as in the template.",
    ),
    "match.entry_fuzzy": (
        "Nama {written!r} dibaca sebagai peserta {matched!r} (kemiripan {score}). Periksa; "
        "bila benar, simpan pemetaannya agar diingat.",
        "The name {written!r} was read as the entry {matched!r} (likeness {score}). Check it; "
        "if right, save the mapping so that it is remembered.",
    ),
    "match.criterion_fuzzy": (
        "Judul {written!r} dibaca sebagai kriteria {matched!r} (kemiripan {score}).",
        "The heading {written!r} was read as the criterion {matched!r} (likeness {score}).",
    ),
    "match.criterion_none": (
        "Judul kolom {name!r} tidak cocok dengan kriteria mana pun di rubrik. Pakai nama "
        "kriteria seperti di templat.",
        "The column heading {name!r} matches no criterion of the rubric. Use the criterion "
        "names as in the template.",
    ),
}
