"""The words judges put on their own sheets, as data: column headings, labels, footers.

Detection (:mod:`scoring.sheets.detect`) recognises a column or a label by its *folded* text
(:func:`scoring.identity.fold`: lower case, punctuation as spaces; a part in brackets is
dropped first, so ``Nilai (0-100)`` is ``nilai``). Extend these tables to teach Juri another
organiser's words; no code changes.

Words used here:

- *role*: what a column holds when it is not a criterion: ``entry`` (the entry's name),
  ``entry_id``, ``number`` (the row's number), ``total`` (the judge's own total or average),
  ``subtotal`` (a criteria group's total; set by detection, not by words), ``rank``, ``note``,
  ``category``, ``judge``, ``criterion`` (long layout: the criterion's name), ``score`` (long
  layout and forms: the score), ``weight``, ``scale`` and ``weighted`` (a form's weight,
  maximum and score × weight columns, never read as scores), ``ignore``.
- *label*: a cell naming what the cell to its right (or the text after its ``:``) holds:
  the judge's name (:data:`JUDGE_LABELS`) or, on a form, the entry's (:data:`ENTRY_LABELS`).
- *footer*: a row below a recap's table that ends it: sums, averages, notes, signatures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from scoring.identity import fold

Role = Literal["entry", "entry_id", "number", "total", "subtotal", "rank", "note", "category",
               "judge", "criterion", "score", "weight", "scale", "weighted", "ignore"]
ROLES: tuple[str, ...] = ("entry", "entry_id", "number", "total", "subtotal", "rank", "note",
                          "category", "judge", "criterion", "score", "weight", "scale",
                          "weighted", "ignore")

ROLE_WORDS: Mapping[str, frozenset[str]] = {
    "number": frozenset({"no", "nomor", "no urut", "nomor urut", "urut", "nr", "num"}),
    "entry": frozenset({
        "nama", "nama peserta", "peserta", "peserta lomba", "nama kelompok", "kelompok",
        "nama kbk", "kbk", "kelompok budaya kerja", "nama kelompok budaya kerja", "nama opd",
        "opd", "perangkat daerah", "nama perangkat daerah", "unit kerja", "nama unit kerja",
        "instansi", "nama instansi", "kelurahan", "nama kelurahan", "opd kelurahan",
        "opd kel", "satuan kerja", "skpd", "nama skpd", "nama tim", "tim", "entry", "entries",
        "name", "team", "group", "participant", "unit", "nama unit", "asal", "lokus",
    }),
    "entry_id": frozenset({"id", "kode", "kode peserta", "id peserta", "entry id", "code",
                           "no peserta", "nomor peserta"}),
    "total": frozenset({
        "jumlah", "total", "jumlah nilai", "nilai akhir", "total nilai", "nilai total",
        "skor total", "total skor", "jml", "jml nilai", "jumlah skor", "grand total",
        "total score", "final score", "skor akhir", "jumlah akhir", "total juri",
        "nilai akhir juri", "rata rata", "rerata", "nilai rata rata", "average", "mean",
        "sum", "judge s total",
    }),
    "rank": frozenset({"peringkat", "ranking", "rangking", "rank", "juara", "urutan"}),
    "note": frozenset({"keterangan", "ket", "catatan", "notes", "note", "remarks", "komentar",
                       "saran"}),
    "category": frozenset({"kategori", "category", "jenis", "kelompok kategori"}),
    "judge": frozenset({"juri", "nama juri", "penilai", "nama penilai", "judge", "dewan juri",
                        "tim penilai"}),
    "criterion": frozenset({
        "kriteria", "aspek", "aspek penilaian", "unsur", "unsur penilaian", "criterion",
        "criteria", "indikator", "komponen", "komponen penilaian", "uraian", "butir penilaian",
        "kriteria penilaian", "item", "aspek yang dinilai", "unsur yang dinilai",
    }),
    "score": frozenset({"nilai", "skor", "score", "angka", "poin", "nilai juri", "nilai angka",
                        "points", "mark", "marks", "nilai skor", "hasil penilaian"}),
    "weight": frozenset({"bobot", "weight", "bobot persen", "persentase", "bobot nilai"}),
    "scale": frozenset({"skala", "maks", "nilai maks", "nilai maksimal", "nilai maksimum",
                        "rentang", "rentang nilai", "max", "maximum", "range", "skor maks",
                        "skor maksimal", "skala nilai"}),
    "weighted": frozenset({"nilai x bobot", "nilai bobot", "nilai terbobot", "bobot x nilai",
                           "weighted", "weighted score", "skor terbobot", "nilai kali bobot",
                           "n x b", "skor x bobot", "nilai x bobot 100"}),
}
"""Role -> folded headings that name it."""

JUDGE_LABELS: frozenset[str] = frozenset({
    "nama juri", "juri", "penilai", "nama penilai", "dewan juri", "judge", "nama dewan juri",
    "tim penilai", "anggota juri", "juri penilai", "judge name", "judge s name", "nama judge",
})
ENTRY_LABELS: frozenset[str] = frozenset({
    "nama kelompok", "kelompok", "nama kbk", "kbk", "peserta", "nama peserta", "nama opd",
    "opd", "perangkat daerah", "nama perangkat daerah", "unit kerja", "nama unit kerja",
    "instansi", "nama instansi", "kelurahan", "nama kelurahan", "nama unit", "satuan kerja",
    "nama tim", "tim", "opd kelurahan", "nama kelompok budaya kerja", "kelompok budaya kerja",
    "entry", "team", "group", "unit", "asal", "asal opd", "asal kelurahan", "participant",
})
FOOTER_STARTS: tuple[str, ...] = (
    "jumlah", "total", "rata rata", "rerata", "catatan", "keterangan", "mengetahui", "ketua",
    "sekretaris", "anggota", "juri", "penilai", "dewan juri", "tim penilai", "ttd",
    "tanda tangan", "nip", "average", "note", "notes", "sum", "dibuat", "disetujui",
    "diperiksa", "tanggal", "grand total",
)
"""A row whose text (outside the score columns) starts with one of these ends a recap."""
GENERIC_SHEET_WORDS: frozenset[str] = frozenset({
    "sheet", "lembar", "kerja", "rekap", "rekapitulasi", "nilai", "penilaian", "data", "form",
    "formulir", "blanko", "hasil", "lampiran", "daftar", "tabel", "table", "skor", "score",
    "scores", "recap", "summary", "kbk", "lomba", "budaya", "input", "isian", "worksheet",
    "hal", "halaman", "page", "opd", "kelurahan", "kel", "kategori", "total", "final",
    "akhir", "draft", "copy", "salinan", "baru", "new", "contoh", "sample", "petunjuk",
    "instructions", "info", "keterangan", "catatan", "feuil", "tabelle", "hoja", "foglio",
    "blad", "arkusz", "planilha", "lembaran", "semua", "all", "gabungan", "juri", "penilai",
    "judge", "judges", "dewan",
})
"""Words of sheet names that say what a sheet is, not whose: such a name is no judge's."""
JUDGE_SHEET = re.compile(r"^(?:juri|penilai|judge)\s*[-_ ]?\s*(?:ke\s*)?\d{1,3}$",
                         re.IGNORECASE)
"""``Juri 1``, ``Penilai-2``: a sheet named for an anonymous judge is that judge's."""

MONTHS = frozenset({
    "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
    "september", "oktober", "nopember", "november", "desember", "january", "february",
    "march", "may", "june", "july", "august", "october", "december",
})
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


TEXT_SCAN = 300
"""Characters of a cell's text looked at to tell a heading, label or footer: every word in
these tables is short, and folding a 100 kB cell character by character would take seconds."""


def folded(text: str) -> str:
    """Folded text without bracketed parts (``Bobot (%)`` -> ``bobot``), of at most the
    first :data:`TEXT_SCAN` characters."""
    text = text[:TEXT_SCAN]
    stripped = _BRACKETS.sub(" ", text)
    return fold(stripped) or fold(text)


def role_of(text: str) -> str | None:
    """The role a heading names, or None."""
    key = folded(text)
    if not key:
        return None
    for role, words in ROLE_WORDS.items():
        if key in words:
            return role
    return None


def label_split(text: str) -> tuple[str, str]:
    """``"Nama Juri : Budi"`` -> (``"nama juri"``, ``"Budi"``); no colon: (folded, "")."""
    if ":" in text:
        label, value = text.split(":", 1)
        return folded(label), " ".join(value.split())
    return folded(text), ""


def is_place_and_date(text: str) -> bool:
    """``Pekalongan, 30 November 2026``: where and when a sheet was signed."""
    text = text[:TEXT_SCAN]
    words = set(fold(text).split())
    return bool(words & MONTHS) and bool(_YEAR.search(text))


def is_footer(text: str) -> bool:
    key = folded(text)
    if not key:
        return False
    return any(key == start or key.startswith(start + " ") for start in FOOTER_STARTS) or \
        is_place_and_date(text)


def is_generic_sheet_name(name: str) -> bool:
    """True for sheet names that say what a sheet is (``Rekap Nilai``, ``Sheet1``)."""
    if JUDGE_SHEET.match(name.strip()):
        return False
    words = [w for w in re.split(r"\d+", fold(name)) for w in w.split()]
    return all(w in GENERIC_SHEET_WORDS or len(w) <= 1 for w in words)
