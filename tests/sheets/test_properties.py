"""Property-based tests of the readers: for sheets of random shape and content, reading never
raises, and every non-empty cell in the scoring region ends as a score (its own value, for
the entry its row names) or inside a problem's cell range — nothing is lost, nothing guessed.

The sheets are generated with known meanings: each value says which number it stands for (or
none), each name which entry it surely is (or none), so the checks do not ask the reader.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from scoring.entries import Entries, Entry
from scoring.problems import Problem
from scoring.rubric import Rubric
from scoring.sheets import fill_template, read_workbook, template_cells, write_template
from scoring.sheets.grid import cells_of

from . import corpus
from .helpers import render

SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

WHOLE_FILE = {"layout.unrecognised", "layout.sheet_not_read", "file.unreadable"}
"""Problems that stand for every cell of their sheet (or file): nothing of it was read."""


@dataclass(frozen=True)
class Value:
    """A cell's content and the number it means (None: not a number the reader may take)."""

    content: object
    number: float | None


VALUES = st.one_of(
    st.integers(min_value=-2, max_value=12).map(lambda n: Value(n, float(n))),
    st.sampled_from([1.5, 7.25, 9.5, 10.0]).map(lambda x: Value(x, x)),
    st.sampled_from([Value("8,5", 8.5), Value("7.5", 7.5), Value(" 9 ", 9.0),
                     Value("6\u00a0", 6.0), Value("delapan", None), Value("#N/A", None),
                     Value("x1", None), Value(True, None), Value("1.250", 1.25),
                     Value(corpus.ErrorValue("#DIV/0!"), None),
                     Value(corpus.Formula("=4+4", 8), 8.0),
                     Value(corpus.Formula("=A1*2"), None)]),
)
CELLS = st.one_of(st.none(), st.just(Value("  ", None)), VALUES)

NAMES = {
    # as written -> the entry it surely is (None: not sure, so never to be read as anyone's)
    "Ani Rahayu": "p-ani", "ani  rahayu": "p-ani", "BAYU PRATAMA": "p-bayu",
    "Citra Lestari": "u-citra", "Dodi Hermawan": "u-dodi", "Dodi Hermawan Putra": None,
    "Anita": None, "qzx vw": None,
}
NAME = st.one_of(st.none(), st.sampled_from(sorted(NAMES)))
POSTER_HEADINGS = {"Kebaruan Ide": "ide", "Desain visual": "desain",
                   "DAMPAK BAGI WARGA": "dampak", "Kerapian": "kerapian"}


def effective(value: Value | None, kind: str) -> Value | None:
    """What the file holds once written in ``kind`` (the writers write a formula's saved
    result where the format keeps no formula)."""
    if value is None:
        return None
    content = value.content
    if kind in ("csv", "xls", "ods") and isinstance(content, corpus.Formula):
        if content.cached is None:
            return None  # nothing saved: the cell reads as empty
        return Value(content.cached, value.number)
    if isinstance(content, str) and not content.strip():
        return None
    return value


def scorelike(value: Value) -> bool:
    """A number, an error value or a formula: what a judge means as a score."""
    return value.number is not None or value.content == "#N/A" or isinstance(
        value.content, (corpus.ErrorValue, corpus.Formula))


def covered(cell: str, sheet: str, problems: list[Problem]) -> bool:
    target = next(iter(cells_of(cell)))
    for problem in problems:
        if problem.sheet not in ("", sheet):
            continue
        if problem.code in WHOLE_FILE:
            return True
        if problem.cell and target in cells_of(problem.cell):
            return True
    return False


def check(region: dict[str, tuple[Value, str | None]], frame: pd.DataFrame,
          problems: list[Problem], sheet: str) -> None:
    """``region``: cell -> (its value, the entry its row surely names)."""
    render(problems)
    scored = {cell: row for cell, row in zip(frame.source_cell,
                                             frame.itertuples(index=False), strict=True)}
    assert len(scored) == len(frame), "a cell read twice"
    for cell, (value, entry) in region.items():
        if cell in scored:
            row = scored[cell]
            assert value.number is not None and row.score == value.number, (cell, value)
            assert entry is not None and row.entry_id == entry, (cell, entry, row.entry_id)
        else:
            assert covered(cell, sheet, problems), (cell, value, [
                (p.code, p.sheet, p.cell) for p in problems])
    assert set(scored) <= set(region), set(scored) - set(region)


# --- the recap ------------------------------------------------------------------------------


@st.composite
def recaps(draw: st.DrawFn) -> tuple[corpus.Sheet, list[str], list[tuple[int, str | None,
                                                                       list[Value | None]]]]:
    headings = draw(st.permutations(sorted(POSTER_HEADINGS)))
    headings = headings[:draw(st.integers(min_value=2, max_value=4))]
    header_row = draw(st.integers(min_value=1, max_value=4))
    sheet = corpus.Sheet("Rekap")
    if header_row > 1:
        sheet.put("A1", "REKAP NILAI LOMBA POSTER")
    layout: list[str | None] = []
    if draw(st.booleans()):
        layout.append("No")
    layout.append("Nama Peserta")
    if draw(st.booleans()):
        layout.append(None)  # an empty spacer column
    layout += headings
    if draw(st.booleans()):
        layout.append("Total")
    sheet.put(f"A{header_row}", *layout)
    row = header_row
    rows = []
    for number in range(draw(st.integers(min_value=0, max_value=6))):
        row += 1 + draw(st.sampled_from([0, 0, 0, 1]))  # now and then an empty row
        name = draw(NAME)
        values = [draw(CELLS) for _ in headings]
        cells = []
        for heading in layout:
            if heading == "No":
                cells.append(number + 1)
            elif heading == "Nama Peserta":
                cells.append(name)
            elif heading == "Total":
                cells.append(draw(st.one_of(st.none(), st.integers(0, 40))))
            elif heading is None:
                cells.append(None)
            else:
                value = values[headings.index(heading)]
                cells.append(None if value is None else value.content)
        sheet.put(f"A{row}", *cells)
        rows.append((row, name, values))
    if draw(st.booleans()):
        sheet.put(f"B{row + 2}", "Catatan: nilai sementara")
    return sheet, [layout.index(h) + 1 for h in headings], rows


@SETTINGS
@given(recap=recaps(), kind=st.sampled_from(["xlsx", "csv", "ods", "xls"]))
def test_every_score_cell_of_a_recap_is_read_or_a_problem(
        poster: Rubric, poster_entries: Entries, recap, kind: str) -> None:
    sheet, columns, rows = recap
    frame, problems = read_workbook(corpus.write([sheet], kind), f"r.{kind}", poster,
                                    poster_entries)
    # a row with neither a name nor anything like a score, below the last that has one, is
    # a note under the table, not part of it
    data = [row for row, name, values in rows
            if name or any(held is not None and scorelike(held)
                           for held in (effective(v, kind) for v in values))]
    region = {}
    for row, name, values in rows:
        if not data or row > data[-1]:
            continue
        for column, value in zip(columns, values, strict=True):
            held = effective(value, kind)
            if held is not None:
                region[f"{get_column_letter(column)}{row}"] = (held, NAMES.get(name or ""))
    check(region, frame, problems, "r" if kind == "csv" else "Rekap")


# --- the long table -------------------------------------------------------------------------

CRITERIA = {"Kebaruan ide": "ide", "Desain Visual": "desain", "dampak bagi warga": "dampak",
            "Kerapian": "kerapian", "Desain poster": None, "Kreativitas": None}


@st.composite
def long_tables(draw: st.DrawFn):
    roles = list(draw(st.permutations(["Peserta", "Kriteria", "Nilai", "Juri"])))
    if draw(st.booleans()):
        roles.remove("Juri")
    header_row = draw(st.integers(min_value=1, max_value=3))
    sheet = corpus.Sheet("Data").put(f"A{header_row}", *roles)
    rows = []
    for row in range(header_row + 1, header_row + 1 + draw(st.integers(0, 10))):
        name = draw(NAME)
        criterion = draw(st.one_of(st.none(), st.sampled_from(sorted(CRITERIA))))
        value = draw(CELLS)
        judge = draw(st.sampled_from([None, "Siti Aminah", "Budi Santoso"]))
        content = {"Peserta": name, "Kriteria": criterion, "Juri": judge,
                   "Nilai": None if value is None else value.content}
        sheet.put(f"A{row}", *[content[r] for r in roles])
        rows.append((row, name, criterion, value))
    return sheet, roles.index("Nilai") + 1, rows


@SETTINGS
@given(long=long_tables(), kind=st.sampled_from(["xlsx", "csv", "ods"]))
def test_every_score_of_a_long_table_is_read_or_a_problem(
        poster: Rubric, poster_entries: Entries, long, kind: str) -> None:
    sheet, score_column, rows = long
    frame, problems = read_workbook(corpus.write([sheet], kind), f"l.{kind}", poster,
                                    poster_entries)
    region = {}
    for row, name, criterion, value in rows:
        held = effective(value, kind)
        if held is not None:
            sure = NAMES.get(name or "") if CRITERIA.get(criterion or "") else None
            region[f"{get_column_letter(score_column)}{row}"] = (held, sure)
    check(region, frame, problems, "l" if kind == "csv" else "Data")
    for row, _, criterion, _ in rows:
        cell = f"{get_column_letter(score_column)}{row}"
        read = frame[frame.source_cell == cell]
        if not read.empty:
            assert read.criterion_id.iloc[0] == CRITERIA[criterion]


# --- our own template -----------------------------------------------------------------------


@st.composite
def templates(draw: st.DrawFn):
    count = draw(st.integers(min_value=1, max_value=6))
    categories = [draw(st.sampled_from(["PELAJAR", "UMUM"])) for _ in range(count)]
    entries = Entries(tuple(Entry(f"e{i}", f"Peserta {i}", category)
                            for i, category in enumerate(categories)))
    return entries, draw(st.lists(CELLS, min_size=4 * count, max_size=4 * count))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(template=templates())
def test_every_cell_of_a_template_is_read_or_a_problem(poster: Rubric, template) -> None:
    entries, values = template
    # fill_template types what a judge types: an error as its text, a formula unsaved
    values = [None if v is None else
              Value(v.content.code, None) if isinstance(v.content, corpus.ErrorValue) else
              Value(v.content.text, None) if isinstance(v.content, corpus.Formula) else v
              for v in values]
    data = write_template(poster, entries, "Siti Aminah")
    cells = template_cells(data)
    keys = sorted(cells)
    filled = fill_template(data, {key: (None if value is None else value.content)
                                  for key, value in zip(keys, values, strict=False)})
    frame, problems = read_workbook(filled, "t.xlsx", poster, entries)
    for sheet in {s for s, _ in cells.values()}:
        region = {cell: (held, entry_id)
                  for (entry_id, _), (s, cell), value in zip(keys, map(cells.get, keys),
                                                               values, strict=False)
                  if s == sheet and (held := effective(value, "xlsx")) is not None}
        check(region, frame[frame.source_sheet == sheet], [
            p for p in problems if p.sheet in ("", sheet)], sheet)


# --- a form per entry -----------------------------------------------------------------------

FORM_LABELS = {
    # the group's name in the title cell -> its sure entry; "?" a near miss; None no entry
    "KBK Dinas Kesehatan": "opd-dinkes", "Dinas Perhubungan": "opd-dishub",
    "Dinas Perhubungan Laut": "?", "KBK Maju Jaya": None, "Kelurahan Medono": "kel-medono"}
FORM_SHEETS = {"Dinkes": "opd-dinkes", "Lembar1": None, "Medono": "kel-medono"}
FORM_CELLS = ["D9", "D10", "D11", "D12", "D13", "D14", "D15", "D16", "D18", "D19", "D20",
              "D22", "D23", "D24", "D26", "D27", "D28", "D29"]
"""The score cells of ``corpus.form``, one per criterion."""


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(forms=st.lists(st.tuples(st.sampled_from(sorted(FORM_LABELS)),
                                st.sampled_from(sorted(FORM_SHEETS)),
                                st.lists(CELLS, min_size=18, max_size=18)),
                      min_size=1, max_size=3, unique_by=lambda form: form[1]),
       kind=st.sampled_from(["xlsx", "ods", "xls"]))
def test_every_score_of_a_form_is_read_or_a_problem(tulta: Rubric, pekalongan: Entries,
                                                    forms, kind: str) -> None:
    sheets = []
    for label, sheet_name, values in forms:
        sheet = corpus.form(sheet_name, label, [0] * 18, 0)
        del sheet.cells["D30"]  # no total: the scores are random
        for cell, value in zip(FORM_CELLS, values, strict=True):
            sheet.cells.pop(cell)
            if value is not None:
                sheet.cells[cell] = value.content
        sheets.append(sheet)
    frame, problems = read_workbook(corpus.write(sheets, kind), f"f.{kind}", tulta, pekalongan)
    for label, sheet_name, values in forms:
        # the title's entry; when it names none at all, the sheet's; a near miss: nobody's
        labelled = FORM_LABELS[label]
        entry = FORM_SHEETS[sheet_name] if labelled is None else (
            None if labelled == "?" else labelled)
        region = {cell: (held, entry) for cell, value in zip(FORM_CELLS, values, strict=True)
                  if (held := effective(value, kind)) is not None}
        check(region, frame[frame.source_sheet == sheet_name],
              [p for p in problems if p.sheet in ("", sheet_name)], sheet_name)
