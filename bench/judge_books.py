"""Judges' own workbooks of every kind the readers meet, each with the truth it was made from.

The reading-quality benchmark (:mod:`bench.reading_quality`) reads these and compares what was
read with the truth kept here; the truth comes from this generator, never from a reader.

Words used here:

- *kind*: what sort of workbook a judge made (:data:`KINDS`): a recap with title rows and
  merged group headers, one form per entry (with a ``No`` column and headings carrying a
  scale such as ``Nilai (0-100)``), a long list, several judges in one file, scores typed as
  text with a decimal comma, totals typed by hand, .xls and .ods, misspelt entry names, a
  file without the judge's name in it.
- *truth*: ``{(judge, entry id, criterion id): score}``, every mark the judge gave.
- *book*: one generated file: its kind, file name, bytes, truth and whether the judge's
  name is written inside (:class:`JudgeBook`).

The files are built with the test corpus's writers (:mod:`tests.sheets.corpus`: openpyxl for
.xlsx, hand-made OpenDocument and BIFF8 for .ods and .xls), so the benchmark and the tests
share one way of making a workbook.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from scoring.entries import Entries, Entry
from scoring.rubric import Rubric
from tests.sheets.corpus import Sheet, column_span, write

KINDS: tuple[str, ...] = ("recap", "recap_scales", "forms", "forms_unheaded", "long",
                          "several_judges", "decimal_text", "hand_totals", "xls", "ods",
                          "misspelt", "no_judge")
JUDGES = ("Dr. Budi Santoso", "Siti Aminah, S.Sos", "Ir. Hendra Wijaya", "Dra. Sri Wahyuni",
          "Agus Salim, M.Si")

Truth = dict[tuple[str, str, str], float]


@dataclass(frozen=True)
class JudgeBook:
    """One generated workbook (see the module's words)."""

    kind: str
    file: str
    data: bytes
    truth: Truth
    judge_named: bool = True


# --- how judges write headings and names ------------------------------------------------------

def _leaf_heading(rubric: Rubric, leaf_id: str, rng: random.Random, *, scales: bool) -> str:
    """A leaf's heading as a judge writes it: its name, perhaps numbered, with its scale."""
    leaf = rubric.nodes[leaf_id]
    name = leaf.name
    if name.startswith("Langkah") and ":" in name and rng.random() < 0.5:
        name = name.split(":", 1)[1].strip()
        name = f"{leaf_id[1]}. {name}"
    if not scales:
        return name
    scale = leaf.scale
    assert scale is not None
    high = f"{scale.max:g}"
    return rng.choice((f"{name} (0-{high})", f"{name}\n(maks {high})", f"{name} [0–{high}]",
                       f"a) {name} (skor 0-{high})", f"{name} (%)", name))


def _group_of(rubric: Rubric, leaf_id: str) -> str:
    """The name of the top-level criterion above a leaf (a recap's merged group header)."""
    parents = rubric.parents
    node = leaf_id
    while parents[node] is not None:
        node = parents[node]  # type: ignore[assignment]
    return rubric.nodes[node].name


def misspell(name: str, rng: random.Random) -> str:
    """One typing slip in the longest word: a letter dropped or two letters swapped."""
    words = name.split()
    index = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[index]
    if len(word) < 6:
        return name
    at = rng.randrange(2, len(word) - 2)
    word = word[:at] + word[at + 1:] if rng.random() < 0.5 else \
        word[:at] + word[at + 1] + word[at] + word[at + 2:]
    words[index] = word
    return " ".join(words)


def _score(rng: random.Random) -> float:
    return float(rng.randrange(55, 96))


def _entries(entries: Entries, rng: random.Random, count: int) -> list[Entry]:
    category = rng.choice(sorted({e.category for e in entries}))
    pool = [e for e in entries if e.category == category]
    return rng.sample(pool, min(count, len(pool)))


def _written(entry: Entry, rng: random.Random, *, typo: bool = False) -> str:
    name = entry.name
    if typo:
        return misspell(name, rng)
    return name


# --- the kinds --------------------------------------------------------------------------------

def recap_sheet(rubric: Rubric, judge: str | None, rows: Sequence[tuple[str, str, list[float]]],
                rng: random.Random, *, name: str = "Rekap", scales: bool = False,
                as_text: bool = False, totals: bool = True) -> Sheet:
    """A recap: two title rows, the judge's label, merged group headers over the criteria,
    a ``No`` column, one row per entry (``rows``: written name, entry id, scores in leaf
    order), the judge's plain sum typed by hand, a signature."""
    leaves = [leaf.id for leaf in rubric.leaves]
    sheet = Sheet(name)
    sheet.put("A1", "REKAPITULASI PENILAIAN LOMBA BUDAYA KERJA")
    sheet.put("A2", f"TAHUN {rubric.year}")
    last = column_span("C", len(leaves) + 1)[-1]
    sheet.merged += [f"A1:{last}1", f"A2:{last}2"]
    if judge:
        sheet.put("A3", f"Nama Juri : {judge}")
    sheet.put("A5", "No", "Nama Kelompok")
    columns = column_span("C", len(leaves))
    start = 0
    for index in range(1, len(leaves) + 1):
        if index == len(leaves) or _group_of(rubric, leaves[index]) != \
                _group_of(rubric, leaves[start]):
            sheet.cells[f"{columns[start]}5"] = _group_of(rubric, leaves[start]).upper()
            if index - 1 > start:
                sheet.merged.append(f"{columns[start]}5:{columns[index - 1]}5")
            start = index
    for column, leaf in zip(columns, leaves, strict=True):
        sheet.cells[f"{column}6"] = _leaf_heading(rubric, leaf, rng, scales=scales)
    total_column = column_span("C", len(leaves) + 1)[-1]
    if totals:
        sheet.cells[f"{total_column}5"] = "Jumlah"
        sheet.merged.append(f"{total_column}5:{total_column}6")
    sheet.merged += ["A5:A6", "B5:B6"]
    for number, (written, _, scores) in enumerate(rows, start=1):
        row = 6 + number
        values: list[object] = [f"{s:.1f}".replace(".", ",") if as_text else s for s in scores]
        sheet.put(f"A{row}", number, written, *values)
        if totals:
            sheet.cells[f"{total_column}{row}"] = sum(scores)
    end = 7 + len(rows)
    sheet.put(f"B{end + 1}", "Catatan: nilai sudah termasuk wawancara.")
    sheet.put(f"{columns[-3]}{end + 3}", f"Pekalongan, 30 November {rubric.year}")
    if judge:
        sheet.put(f"{columns[-3]}{end + 6}", judge)
    return sheet


def _recap_rows(rubric: Rubric, entries: Entries, rng: random.Random, judge: str,
                truth: Truth, *, typos: float = 0.0) -> list[tuple[str, str, list[float]]]:
    rows = []
    for entry in _entries(entries, rng, rng.randrange(6, 15)):
        scores = [_score(rng) for _ in rubric.leaves]
        for leaf, score in zip(rubric.leaves, scores, strict=True):
            truth[(judge, entry.id, leaf.id)] = score
        rows.append((_written(entry, rng, typo=rng.random() < typos), entry.id, scores))
    return rows


def form_sheet(rubric: Rubric, judge: str, written: str, scores: Sequence[float],
               rng: random.Random, *, score_heading: str = "Nilai (0-100)",
               scales: bool = True, gap: int = 0) -> Sheet:
    """One form per sheet: title, ``Nama Kelompok : <name>``, a ``No`` column numbering the
    criteria, their headings (the last always with its scale), a weight column and the
    score, a total typed by hand and the judge's signature."""
    sheet = Sheet(written[:31].replace(":", " "))
    sheet.put("A1", "FORMULIR PENILAIAN")
    sheet.put("A3", "Nama Kelompok", None, f": {written}")
    sheet.put("A4", "Nama Juri", None, f": {judge}")
    sheet.put("A6", "No", "Aspek Penilaian", "Bobot", score_heading)
    row, group = 6, ""
    if gap:
        # notes between the heading row and the first criterion
        sheet.put("B7", "Petunjuk: isi nilai 0-100 untuk setiap aspek")
        row += gap
    for number, (leaf, score) in enumerate(zip(rubric.leaves, scores, strict=True), start=1):
        top = _group_of(rubric, leaf.id)
        if top != group and top != leaf.name:
            row += 1
            sheet.put(f"B{row}", top)
            group = top
        row += 1
        last = number == len(rubric.leaves)
        heading = _leaf_heading(rubric, leaf.id, rng, scales=scales or last)
        if last and "(" not in heading and "[" not in heading:
            heading = f"{leaf.name} (0-{leaf.scale.max:g})" if leaf.scale else heading
        sheet.put(f"A{row}", number, heading, leaf.weight, score)
    sheet.put(f"B{row + 1}", "Jumlah")
    sheet.cells[f"D{row + 1}"] = sum(scores)
    sheet.put(f"C{row + 3}", "Penilai,")
    sheet.put(f"C{row + 6}", judge)
    return sheet


def _forms(rubric: Rubric, entries: Entries, rng: random.Random, judge: str, truth: Truth,
           *, score_heading: str, gap: int = 0) -> list[Sheet]:
    sheets = []
    for entry in _entries(entries, rng, rng.randrange(3, 7)):
        scores = [_score(rng) for _ in rubric.leaves]
        for leaf, score in zip(rubric.leaves, scores, strict=True):
            truth[(judge, entry.id, leaf.id)] = score
        sheets.append(form_sheet(rubric, judge, entry.name, scores, rng,
                                 score_heading=score_heading, gap=gap))
    return sheets


def long_sheet(rubric: Rubric, entries: Entries, rng: random.Random, truth: Truth) -> Sheet:
    """A long list: judge, entry, criterion, score, a row per mark, for two judges."""
    sheet = Sheet("Data").put("A1", "No", "Juri", "Nama Peserta", "Kriteria", "Nilai")
    row = 1
    # a list names each criterion on its own, so two of the same name carry their group's
    labels = rubric.leaf_labels()
    chosen = _entries(entries, rng, rng.randrange(3, 6))
    for judge in rng.sample(JUDGES, 2):
        for entry in chosen:
            for leaf in rubric.leaves:
                score = _score(rng)
                truth[(judge, entry.id, leaf.id)] = score
                row += 1
                heading = _leaf_heading(rubric, leaf.id, rng, scales=False)
                if "›" in labels[leaf.id]:
                    heading = labels[leaf.id].replace(" › ", ": ")
                sheet.put(f"A{row}", row - 1, judge, entry.name, heading, score)
    return sheet


def generate(kind: str, rubric: Rubric, entries: Entries, rng: random.Random,
             number: int) -> JudgeBook:
    """One workbook of ``kind`` (see :data:`KINDS`)."""
    judge = rng.choice(JUDGES)
    truth: Truth = {}
    file_kind = {"xls": "xls", "ods": "ods"}.get(kind, "xlsx")
    file = f"nilai_{kind}_{number}.{file_kind}"
    named = True
    if kind == "forms":
        sheets = _forms(rubric, entries, rng, judge, truth, score_heading="Nilai (0-100)")
    elif kind == "forms_unheaded":
        # the heading row far above the first criterion, the score column's heading naming
        # no role: the "No" and weight columns also hold a number on every criterion row
        sheets = _forms(rubric, entries, rng, judge, truth, score_heading="Hasil Juri",
                        gap=4)
    elif kind == "long":
        sheets = [long_sheet(rubric, entries, rng, truth)]
    elif kind == "several_judges":
        sheets = []
        for index, other in enumerate(rng.sample(JUDGES, 3), start=1):
            rows = _recap_rows(rubric, entries, rng, other, truth)
            sheets.append(recap_sheet(rubric, other, rows, rng, name=f"Juri {index}"))
    else:
        typos = 0.3 if kind == "misspelt" else 0.0
        rows = _recap_rows(rubric, entries, rng, judge, truth, typos=typos)
        if kind == "no_judge":
            # the judge's name only in the file's name, as the organiser saved it
            named = False
            file = f"{judge}.xlsx"
        sheets = [recap_sheet(rubric, judge if named else None, rows, rng,
                              scales=kind in ("recap_scales", "misspelt"),
                              as_text=kind == "decimal_text",
                              totals=kind != "recap")]
    return JudgeBook(kind, file, write(sheets, file_kind), truth, named)


def books(rubric: Rubric, entries: Entries, *, per_kind: int = 10, seed: int = 12,
          kinds: Sequence[str] = KINDS) -> Iterator[JudgeBook]:
    """``per_kind`` workbooks of every kind, the same for the same seed."""
    rng = random.Random(seed)
    for kind in kinds:
        for number in range(1, per_kind + 1):
            yield generate(kind, rubric, entries, rng, number)
