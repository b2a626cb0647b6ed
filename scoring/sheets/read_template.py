"""Reading a filled judge template (see :mod:`scoring.sheets.template`) into the score table.

Words used here:
- *score cell*: a cell the template's layout assigns to one (entry, criterion); *non-empty*
  means it holds anything but nothing or spaces.
- *entry row*: a data row the template wrote for an entry; an *added row* is a row below the
  last entry row that the judge filled in.
- *compatible rubric*: the rubric in use has the template's rubric id and, for every category
  sheet, exactly the same criteria with the same scales. A compatible rubric of another
  version or fingerprint is a warning and the scores are read; an incompatible one is an error
  and no score is read, since the cells may not mean what the rubric says.

A *comment* is the text in an entry row's comment cell (templates that have the column): kept
with its file, sheet and cell in :attr:`WorkbookRead.comments` (:data:`COMMENT_COLUMNS`), never
part of the score table; it is for the organisers and that entry's feedback report only.

The file is read once with python-calamine (values only); the score cells of a sheet are
checked over whole arrays (the scales' min, max and step as arrays over its columns) and the
read scores become the table column-wise. openpyxl is loaded only when an empty-looking score
cell is on a sheet whose XML has formulas or error values (calamine shows both as empty).
Percent-formatted score cells (0.85 shown as 85 %) are found from the styles part and read as
85 on a scale above 1, with a ``cell.percent_scaled`` warning (:mod:`.template_cells`).

Every non-empty score cell ends either as a row of the table or inside the ``cell`` of exactly
one problem (a single cell, or a row range such as ``D12:H12`` for a row-level problem).
"""

from __future__ import annotations

import functools
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from io import BytesIO
from typing import Any

import numpy as np
import pandas as pd
import python_calamine
from openpyxl import Workbook, load_workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from scoring import table
from scoring.entries import Entries
from scoring.i18n import t
from scoring.identity import clean_name, id_key, same_judge, same_name
from scoring.problems import Problem, error, warning
from scoring.rubric import Rubric
from scoring.sheets.formats.common import DEFAULT_LIMITS, Limits, size_problems
from scoring.sheets.formats.xlsx import _Count, scan_xlsx
from scoring.sheets.formats.zipped import workbook_sheets
from scoring.sheets.template import (
    MARKER,
    META_SHEET,
    RowLayout,
    SheetLayout,
    TemplateDamagedError,
    TemplateMeta,
    meta_from_rows,
)
from scoring.sheets.template_cells import (
    BLANK,
    OK,
    OUT,
    TEXT,
    Cells,
    blank,
    both,
    check,
    percent_cells,
    plain,
    shown,
    span,
)
from scoring.sheets.template_rows import placed_rows

COMMENT_COLUMNS = ("entry_id", "category", "judge_id", "comment", "source_file",
                   "source_sheet", "source_cell")


_NO_COMMENTS = pd.DataFrame({c: pd.Series(dtype="string") for c in COMMENT_COLUMNS})


def no_comments() -> pd.DataFrame:
    return _NO_COMMENTS.copy()


@dataclass(frozen=True)
class WorkbookRead:
    """What reading one workbook gives: its scores, its problems, and whose they are.

    ``judge`` is the judge id (:func:`scoring.identity.clean_name` of the judge cell), empty
    when unknown; ``judge_sheet`` and ``judge_cell`` say where it was read.
    """

    table: pd.DataFrame
    problems: tuple[Problem, ...]
    judge: str = ""
    judge_sheet: str = ""
    judge_cell: str = ""
    comments: pd.DataFrame = field(default_factory=no_comments)
    """The judges' written comments (:data:`COMMENT_COLUMNS`); empty without any."""

    @classmethod
    def failed(cls, *problems: Problem) -> WorkbookRead:
        return cls(table.empty(), problems)


def read_template(data: bytes, *, file: str, rubric: Rubric, entries: Entries,
                  limits: Limits = DEFAULT_LIMITS) -> WorkbookRead | None:
    """Read the .xlsx ``data`` if it is a Juri template; None when it is not one (or cannot be
    opened this way: over the limits, damaged), for the general reader to read or report."""
    try:
        counts = scan_xlsx(data, limits)
    except Exception:  # a damaged archive: the general reader says why
        return None
    if any(size_problems(file, part, count.rows, 0, count.cells, limits)
           for part, count in counts.items()):
        return None
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(BytesIO(data))
    except Exception:  # any failure to open: the general reader says why
        return None
    try:
        if META_SHEET not in book.sheet_names:
            return None
        meta_rows = [[plain(v) for v in row] for row in _values(book, META_SHEET)]
        if not (meta_rows and meta_rows[0] and meta_rows[0][0] == MARKER):
            return None
        fallback = _Fallback(data, counts)
        try:
            return _read_book(book, meta_rows, fallback, file=file, rubric=rubric,
                              entries=entries, percent=_percent(data, limits))
        finally:
            fallback.close()
    except python_calamine.CalamineError:
        return None
    finally:
        book.close()


def _percent(data: bytes, limits: Limits) -> dict[str, frozenset[str]]:
    """The percent cells of each sheet (:func:`~.template_cells.percent_cells`)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = {info.filename: info for info in archive.infolist()}
        _, parts = workbook_sheets(data, infos, "xl/workbook.xml", limits)
        return percent_cells(data, parts, set(parts.values()), limits)
    except Exception:  # formats are a help: without them the values stand as stored
        return {}


def _values(book: Any, name: str) -> list[list[Any]]:
    """A sheet's values from A1 as calamine gives them (``""`` for an empty cell)."""
    return book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def _read_book(book: Any, meta_rows: list[list[Any]], fallback: _Fallback, *, file: str,
               rubric: Rubric, entries: Entries, percent: dict[str, frozenset[str]]
               ) -> WorkbookRead:
    try:
        meta = meta_from_rows(meta_rows)
    except TemplateDamagedError as exc:
        return WorkbookRead.failed(error("template.damaged", file=file, sheet=META_SHEET,
                                         cell=exc.cell, detail=exc.detail))
    problems: list[Problem] = []
    names = set(book.sheet_names)
    sheets = {name: _Sheet(name, _values(book, name)) for name in
              {meta.judge_sheet, *(layout.title for layout in meta.sheets)} if name in names}
    judge = _read_judge(sheets.get(meta.judge_sheet), meta, file, problems)

    fits = meta.rubric_id == rubric.id and all(
        _layout_fits(layout, rubric) for layout in meta.sheets)
    same = (meta.rubric_id, meta.rubric_version, meta.rubric_fingerprint) == (
        rubric.id, rubric.version, rubric.fingerprint)
    if not same:
        problems.append(_rubric_mismatch(meta, rubric, file, fits))
    elif not fits:
        # The very rubric the template was made from, yet the recorded layout does not match
        # it: the metadata was changed by hand.
        problems.append(error("template.damaged", file=file, sheet=META_SHEET,
                              detail="layout does not match the rubric"))
    if not fits:
        # The cells may not mean what the rubric says; reading them would be guessing.
        return WorkbookRead(table.empty(), tuple(problems), judge, meta.judge_sheet,
                            meta.judge_cell)

    reader = _SheetReader(file=file, rubric=rubric, entries=entries, judge=judge,
                          fallback=fallback, percent=percent)
    for layout in meta.sheets:
        if layout.title not in sheets:
            problems.append(error("template.sheet_missing", file=file, sheet=layout.title,
                                  sheet_name=layout.title))
            continue
        reader.read(sheets[layout.title], layout)
    problems.extend(reader.problems)
    comments = (pd.DataFrame(reader.comments, columns=list(COMMENT_COLUMNS)).astype("string")
                if reader.comments else no_comments())
    return WorkbookRead(reader.table(), tuple(problems), judge,
                        meta.judge_sheet, meta.judge_cell, comments)


@dataclass
class _Sheet:
    """One sheet's values from A1 (calamine's rows; row and column count from 1)."""

    title: str
    rows: list[list[Any]]

    def raw(self, row: int, column: int) -> Any:
        if 0 < row <= len(self.rows):
            values = self.rows[row - 1]
            if 0 < column <= len(values):
                return values[column - 1]
        return ""

    def value(self, coordinate: str) -> object:
        column, row = coordinate_from_string(coordinate)
        return plain(self.raw(row, column_index_from_string(column)))

    def block(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The raw values at ``rows`` x ``columns`` (1-based), as an object array."""
        width = max((len(r) for r in self.rows), default=0)
        need = max(int(columns.max(initial=0)), width)
        grid = np.full((len(self.rows) + 1, need + 1), "", dtype=object)
        for number, values in enumerate(self.rows, start=1):
            grid[number, 1:len(values) + 1] = values
        inside = np.where(rows < len(grid), rows, 0)  # row 0 is all empty
        return grid[np.ix_(inside, columns)]


def _read_judge(sheet: _Sheet | None, meta: TemplateMeta, file: str,
                problems: list[Problem]) -> str:
    judge = clean_name(sheet.value(meta.judge_cell) if sheet is not None else None)
    where = {"file": file, "sheet": meta.judge_sheet, "cell": meta.judge_cell}
    if not judge:
        problems.append(error("judge.missing_name", **where))
    elif meta.judge and not same_judge(meta.judge, judge):
        problems.append(warning("judge.changed", **where, judge=judge,
                                template_judge=clean_name(meta.judge)))
    return judge


def _rubric_mismatch(meta: TemplateMeta, rubric: Rubric, file: str, fits: bool) -> Problem:
    """A template from another rubric or version: a warning when it still fits, else an error."""
    detail = "template.text.mismatch_read" if fits else "template.text.mismatch_not_read"
    make = warning if fits else error
    return make("template.rubric_mismatch", file=file,
                template_rubric=meta.rubric_id, template_version=meta.rubric_version,
                template_fingerprint=meta.rubric_fingerprint[:12],
                rubric=rubric.id, version=rubric.version, fingerprint=rubric.fingerprint[:12],
                detail_id=t(detail, "id"), detail_en=t(detail, "en"))


def _layout_fits(layout: SheetLayout, rubric: Rubric) -> bool:
    """True when the sheet's columns are exactly the category's criteria, scales unchanged."""
    if layout.category not in rubric.category_ids:
        return False
    ids = [c.criterion_id for c in layout.columns]
    if len(set(ids)) != len(ids) or set(ids) != set(rubric.leaf_ids_for(layout.category)):
        return False
    return all(rubric.nodes[c.criterion_id].scale == c.scale for c in layout.columns)


class _Fallback:
    """What calamine shows as an empty cell but may not be one: an error value (``#N/A``) or
    a formula whose result was never saved (a file written by a program that does not
    calculate; it must not be reported as missing). Looked up with openpyxl, loaded only when
    an empty-looking score cell is on a sheet whose count has formulas or errors."""

    def __init__(self, data: bytes, counts: dict[str, _Count]) -> None:
        self._data = data
        self._counts = counts
        self._books: dict[bool, Workbook] = {}

    def _cell(self, sheet: str, coordinate: str, data_only: bool) -> Any:
        if data_only not in self._books:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # features openpyxl drops: no cell values
                self._books[data_only] = load_workbook(BytesIO(self._data),
                                                       data_only=data_only)
        return self._books[data_only][sheet][coordinate]

    def look(self, sheet: str, coordinate: str) -> tuple[str, str] | None:
        """``("error", "#N/A")``, ``("formula", "=A1+1")`` or None (the cell is empty)."""
        count = self._counts.get(sheet)
        if count is not None and not (count.errors or count.formulas):
            return None
        cell = self._cell(sheet, coordinate, True)
        if cell.data_type == "e" and cell.value is not None:
            return "error", str(cell.value)
        cell = self._cell(sheet, coordinate, False)
        if cell.data_type != "f":
            return None
        value = cell.value
        return "formula", value if isinstance(value, str) else str(getattr(value, "text", value))

    def close(self) -> None:
        for wb in self._books.values():
            wb.close()


@functools.lru_cache(maxsize=1 << 16)
def _same_name(found: object, expected: str) -> bool:
    """:func:`scoring.identity.same_name`, remembered: the same names recur in every file."""
    return same_name(found, expected)


@dataclass
class _SheetReader:
    file: str
    rubric: Rubric
    entries: Entries
    judge: str
    fallback: _Fallback
    percent: dict[str, frozenset[str]] = field(default_factory=dict)
    """Each sheet's percent cells (see :mod:`.template_cells`)."""

    def __post_init__(self) -> None:
        self.tables: list[dict[str, np.ndarray]] = []
        """Each sheet's read scores, column by column."""
        self.comments: list[dict[str, str]] = []
        self.problems: list[Problem] = []
        self.missing: Callable[..., Problem] = (
            error if self.rubric.missing_scores == "error" else warning)

    def read(self, sheet: _Sheet, layout: SheetLayout) -> None:
        where = {"file": self.file, "sheet": sheet.title}
        for col in layout.columns:
            coordinate = f"{col.column}{layout.header_row}"
            found = clean_name(sheet.value(coordinate))
            if found != clean_name(col.header):
                self.problems.append(error("template.header_edited", **where,
                                           cell=coordinate, found=found,
                                           expected=col.header))
        id_column = column_index_from_string(layout.id_column)
        placed, missing = placed_rows(
            lambda number: id_key(plain(sheet.raw(number, id_column))), layout)
        rows = [replace(row, row=placed[row.entry_id]) for row in layout.rows
                if row.entry_id not in missing]
        last = layout.last_data_row
        used = set(placed.values())
        below = [r for r in range(last + 1, len(sheet.rows) + 1) if r not in used]
        columns = np.array([column_index_from_string(c.column) for c in layout.columns])
        numbers = np.array([r.row for r in rows] + below, dtype=np.int64)
        letters = [c.column for c in layout.columns]
        marked = self.percent.get(sheet.title)
        percent = None if not marked else np.array(
            [[f"{letter}{number}" in marked for letter in letters] for number in numbers],
            dtype=bool).reshape(len(numbers), len(letters))
        cells = check(sheet.block(numbers, columns), layout.columns, percent)
        keep = np.zeros(cells.state.shape, dtype=bool)
        at = 0
        for row in layout.rows:
            if row.entry_id in missing:
                entry = self.entries.by_id.get(row.entry_id)
                self.problems.append(self.missing(
                    "entry.row_missing", **where, cell=f"{layout.id_column}{row.row}",
                    entry=row.entry_id, name=entry.name if entry else row.name))
                continue
            keep[at] = self._entry_row(sheet, layout, rows[at], cells, at, letters)
            at += 1
        for offset, number in enumerate(below, start=len(rows)):
            filled = self._filled(sheet.title, cells.state[offset],
                                  [f"{letter}{number}" for letter in letters])
            if filled:
                label = (clean_name(sheet.value(f"{layout.id_column}{number}"))
                         or clean_name(sheet.value(f"{layout.name_column}{number}"))
                         or f"#{number}")
                self.problems.append(error("entry.unknown", **where, cell=span(filled),
                                           entry=label, category=layout.category))
        self._table(sheet.title, layout, rows, numbers, letters, cells, keep)
        self._scaled(sheet.title, numbers, letters, cells, keep)

    def _scaled(self, title: str, numbers: np.ndarray, letters: list[str], cells: Cells,
                keep: np.ndarray) -> None:
        """One warning per column whose read scores include percent cells read as
        hundredths of the scale (see :mod:`.template_cells`)."""
        for j in np.flatnonzero((cells.scaled & keep).any(axis=0)):
            at = np.flatnonzero(cells.scaled[:, j] & keep[:, j])
            first, last = f"{letters[j]}{numbers[at[0]]}", f"{letters[j]}{numbers[at[-1]]}"
            value = both(float(cells.numbers[at[0], j]))
            self.problems.append(warning(
                "cell.percent_scaled", file=self.file, sheet=title,
                cell=first if len(at) == 1 else f"{first}:{last}", column=letters[j],
                count=len(at), example=shown(cells.raw[at[0], j]), value_id=value["id"],
                value_en=value["en"]))

    def _filled(self, title: str, state: np.ndarray, coordinates: list[str]) -> list[str]:
        """The cells of a row that hold anything (an error value or a formula too)."""
        return [coordinates[j] for j in range(len(state)) if state[j] != BLANK
                or self.fallback.look(title, coordinates[j]) is not None]

    def _table(self, title: str, layout: SheetLayout, rows: list[RowLayout],
               numbers: np.ndarray, letters: list[str], cells: Cells, keep: np.ndarray
               ) -> None:
        """The read scores, column-wise: row-major, as the cells are in the sheet."""
        ri, ci = np.nonzero(keep)
        if not len(ri):
            return
        ids = np.array([r.entry_id for r in rows] + [""] * (len(numbers) - len(rows)),
                       dtype=object)
        criteria = np.array([c.criterion_id for c in layout.columns], dtype=object)
        row_text = numbers.astype(str).astype(object)
        self.tables.append({
            "entry_id": ids[ri], "category": np.full(len(ri), layout.category, dtype=object),
            "criterion_id": criteria[ci], "score": cells.numbers[ri, ci],
            "source_sheet": np.full(len(ri), title, dtype=object),
            "source_cell": np.array(letters, dtype=object)[ci] + row_text[ri]})

    def table(self) -> pd.DataFrame:
        """The scores of every sheet read, as one score table."""
        if not self.tables:
            return table.empty()
        columns = {name: np.concatenate([part[name] for part in self.tables])
                   for name in self.tables[0]}
        size = len(columns["score"])
        return table.make(pd.DataFrame({
            **columns, "judge_id": np.full(size, self.judge, dtype=object),
            "source_file": np.full(size, self.file, dtype=object)}))

    def _entry_row(self, sheet: _Sheet, layout: SheetLayout, row: RowLayout, cells: Cells,
                   at: int, letters: list[str]) -> np.ndarray:
        """The problems of one entry row; which of its cells are read scores."""
        where = {"file": self.file, "sheet": sheet.title}
        state = cells.state[at]
        none = np.zeros(len(state), dtype=bool)
        coordinates = [f"{letter}{row.row}" for letter in letters]
        entry = self.entries.by_id.get(row.entry_id)
        if entry is None or entry.category != layout.category:
            # Written for an entry no longer in the list (or moved to another category): its
            # scores cannot be attributed. Without scores there is nothing to report.
            filled = self._filled(sheet.title, state, coordinates)
            if filled:
                self.problems.append(error("entry.unknown", **where, cell=span(filled),
                                           entry=row.entry_id, category=layout.category))
            return none

        id_cell = f"{layout.id_column}{row.row}"
        name_cell = f"{layout.name_column}{row.row}"
        if id_key(sheet.value(id_cell)) != id_key(row.entry_id):
            self.problems.append(error("entry.row_edited", **where, cell=id_cell,
                                       found=clean_name(sheet.value(id_cell)),
                                       expected=row.entry_id, entry=row.entry_id,
                                       entry_name=entry.name))
        elif not _same_name(sheet.value(name_cell), row.name):
            self.problems.append(error("entry.row_edited", **where, cell=name_cell,
                                       found=clean_name(sheet.value(name_cell)),
                                       expected=row.name, entry=row.entry_id,
                                       entry_name=entry.name))
        # An edited row is still read (the error blocks the result) so that each score stays
        # visible with its cell while the organisers sort it out.
        if layout.comment_column:
            note = f"{layout.comment_column}{row.row}"
            value = sheet.value(note)
            if not blank(value):
                self.comments.append({
                    "entry_id": row.entry_id, "category": layout.category,
                    "judge_id": self.judge, "comment": str(value).strip(),
                    "source_file": self.file, "source_sheet": sheet.title,
                    "source_cell": note})
        if not (state != OK).any():
            return state == OK
        return self._row_problems(sheet.title, layout, row, entry.name, cells, at,
                                  coordinates)

    def _row_problems(self, title: str, layout: SheetLayout, row: RowLayout, name: str,
                      cells: Cells, at: int, coordinates: list[str]) -> np.ndarray:
        where = {"file": self.file, "sheet": title}
        state = cells.state[at]
        blanks: list[int] = []
        formulas = 0
        for j, col in enumerate(layout.columns):
            if state[j] == OK:
                continue
            leaf = self.rubric.nodes[col.criterion_id]
            about = {"entry": row.entry_id, "entry_name": name, "criterion": leaf.id,
                     "criterion_name": leaf.name, "criterion_name_en": leaf.label("en")}
            here = {**where, "cell": coordinates[j]}
            value = plain(cells.raw[at, j])
            if state[j] == BLANK:
                found = self.fallback.look(title, coordinates[j])
                if found is None:
                    blanks.append(j)
                elif found[0] == "formula":
                    formulas += 1
                    self.problems.append(error("score.formula_no_value", **here, **about,
                                               formula=found[1]))
                else:
                    self.problems.append(error("score.not_a_number", **here, **about,
                                               value=found[1]))
                continue
            if state[j] == TEXT:
                self.problems.append(error("score.not_a_number", **here, **about,
                                           value=shown(value)))
                continue
            number = float(cells.numbers[at, j])
            scale = col.scale
            read, low, high, step = (both(number), both(scale.min), both(scale.max),
                                     both(scale.step))
            numbers = {"score": number, "value_id": read["id"], "value_en": read["en"],
                       "min_id": low["id"], "min_en": low["en"]}
            if state[j] == OUT:
                self.problems.append(error("score.out_of_range", **here, **about, **numbers,
                                           max_id=high["id"], max_en=high["en"]))
            else:
                self.problems.append(error("score.off_step", **here, **about, **numbers,
                                           step_id=step["id"], step_en=step["en"]))
        if blanks and len(blanks) == len(layout.columns) and not formulas:
            # One problem for an entry the judge left out entirely, not one per criterion.
            self.problems.append(self.missing(
                "entry.not_scored", **where, cell=span(coordinates), entry=row.entry_id,
                name=name))
        else:
            for j in blanks:
                leaf = self.rubric.nodes[layout.columns[j].criterion_id]
                self.problems.append(self.missing(
                    "score.missing", **where, cell=coordinates[j], entry=row.entry_id,
                    entry_name=name, criterion=leaf.id, criterion_name=leaf.name,
                    criterion_name_en=leaf.label("en")))
        return state == OK
