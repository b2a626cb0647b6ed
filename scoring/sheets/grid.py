"""One representation of a workbook, whatever format it came in: a book of grids.

Every layout reader (:mod:`scoring.sheets.recap`, :mod:`~scoring.sheets.forms`,
:mod:`~scoring.sheets.long`) reads a :class:`Grid` and never the file itself, so a layout does
not care whether the judge saved .xlsx, .xlsm, .xls, .ods or .csv.

Words used here:

- *grid*: one sheet as read: its non-empty cells by row and column (1-based, as Excel numbers
  them), its merged ranges, its hidden rows and columns, and the number formats of its number
  cells; each of the last three only where the format and the parser keep them.
- *book*: the grids of one file in workbook order, with the file's name and *kind*
  (:data:`scoring.sheets.safety.Kind`).
- *cell value*: ``str``, ``int``, ``float``, ``bool``, a date or time, a :class:`CellError`
  (``#DIV/0!`` and its kin, as the file saved it) or a :class:`NoValue` (a formula whose result
  was never saved). Empty cells are absent: only non-empty cells are kept, so a sheet with one
  mark in row 90,000 costs one cell, not 90,000 rows.
- *anchor*: the top-left cell of a merged range, the only one holding its value; the
  *filled* value of any cell of the range is the anchor's (used for headings and labels).

What each format gives (what is missing is a documented gap, not an error):

====== ========================= ====== ====== ======= ============================
kind   parser                    merged hidden formats errors / formulas w/o value
====== ========================= ====== ====== ======= ============================
xlsx   openpyxl (cached values)  yes    yes    yes     yes / yes
xls    python-calamine           yes    no     %‡      yes‡ / no
ods    python-calamine           yes†   yes†   %†      yes† / no
xlsb   python-calamine           no     no     no      no / no
csv    :mod:`.csvread`           --     --     --      ``#DIV/0!`` text / --
====== ========================= ====== ====== ======= ============================

† python-calamine gives neither an .ods's merged ranges, its hidden rows and columns nor
its percent cells, and reads a formula's error as 0; they are read from its ``content.xml``
(:func:`scan_ods`), streamed through the bounded reader, which also counts each table's
repeated rows and cells before calamine builds them.

‡ python-calamine gives an .xls's error values as empty cells, and no number formats; the
errors and the percent cells are read from the BIFF records (:func:`biff_cells`).

Memory is bounded before anything is materialised: an .xlsx's sheets are first scanned as a
stream (rows, cells and formulas counted without building anything) and refused over the
:class:`~scoring.sheets.safety.Limits`, and so is an .ods's (:func:`scan_ods`); other kinds
are read row by row and stopped at the row limit.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from io import BytesIO
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from openpyxl import Workbook, load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.escape import unescape

from scoring.problems import Problem, error
from scoring.sheets import safety
from scoring.sheets.safety import DEFAULT_LIMITS, Limits

MAX_CELLS = 2_000_000
"""Non-empty cells per sheet: 100,000 rows × 20 columns, far beyond any judge's recap."""


@dataclass(frozen=True)
class CellError:
    """An error value a spreadsheet saved in a cell (``#DIV/0!``, ``#N/A``, ``#VALUE!`` …)."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class NoValue:
    """A formula whose result the file does not hold (written by a program that does not
    calculate); ``formula`` is its text without the leading ``=``."""

    formula: str

    def __str__(self) -> str:
        return "=" + self.formula


CellValue = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | \
    CellError | NoValue

ERROR_TEXTS = frozenset({"#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
                         "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!",
                         "#CONNECT!", "#BUSY!", "#UNKNOWN!", "ERR:502", "ERR:503", "ERR:504",
                         "ERR:508", "ERR:511", "ERR:522", "#N/A!"})
"""Error values as Excel and LibreOffice show them; the same text in a CSV is an error too."""


def column_letter(column: int) -> str:
    return get_column_letter(column)


def column_number(letters: str) -> int:
    """``"D"`` -> 4; raises ValueError for anything that is not a column's letters."""
    return column_index_from_string(letters.strip().upper())


def cell_name(row: int, column: int) -> str:
    """``(5, 3)`` -> ``"C5"``: how problems name a cell, also for a CSV file."""
    return f"{get_column_letter(column)}{row}"


def span(cells: Iterable[tuple[int, int]]) -> str:
    """The smallest range holding ``cells``: ``D12``, ``D12:H12`` or ``D5:D40``."""
    cells = list(cells)
    if not cells:
        return ""
    rows = [r for r, _ in cells]
    columns = [c for _, c in cells]
    first = cell_name(min(rows), min(columns))
    last = cell_name(max(rows), max(columns))
    return first if first == last else f"{first}:{last}"


_RANGE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$")


def cells_of(reference: str) -> set[tuple[int, int]]:
    """Every (row, column) of ``D12`` or ``D12:H12``; empty for anything else."""
    found = _RANGE.match(reference.strip())
    if not found:
        return set()
    first_col, first_row, last_col, last_row = found.groups()
    top, left = int(first_row), column_number(first_col)
    bottom = int(last_row) if last_row else top
    right = column_number(last_col) if last_col else left
    return {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}


@dataclass(frozen=True)
class Grid:
    """One sheet as read; see the module's words. Rows and columns count from 1."""

    name: str
    rows: Mapping[int, Mapping[int, Any]]
    """row -> {column -> non-empty value}; rows without any value are absent."""
    merged: tuple[tuple[int, int, int, int], ...] = ()
    """(first row, first column, last row, last column) of each merged range."""
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    formats: Mapping[tuple[int, int], str] = field(default_factory=dict)
    """Number format of each number cell whose format is not ``General``."""
    hidden: bool = False
    """The sheet itself is hidden."""

    @cached_property
    def height(self) -> int:
        return max(self.rows, default=0)

    @cached_property
    def width(self) -> int:
        return max((max(cells) for cells in self.rows.values() if cells), default=0)

    @cached_property
    def row_numbers(self) -> tuple[int, ...]:
        """The rows that hold something, top to bottom."""
        return tuple(sorted(self.rows))

    def value(self, row: int, column: int) -> Any:
        """The cell's own value (None when empty, and for every cell of a merged range but its
        anchor)."""
        cells = self.rows.get(row)
        return cells.get(column) if cells else None

    @cached_property
    def _anchors(self) -> dict[tuple[int, int], tuple[int, int]]:
        # only ranges of reasonable size are spread out; a merge over a whole column would
        # otherwise cost a million entries
        anchors: dict[tuple[int, int], tuple[int, int]] = {}
        for top, left, bottom, right in self.merged:
            if (bottom - top + 1) * (right - left + 1) > 10_000:
                continue
            for r in range(top, bottom + 1):
                for c in range(left, right + 1):
                    anchors[r, c] = (top, left)
        return anchors

    def anchor(self, row: int, column: int) -> tuple[int, int]:
        """The anchor of the merged range holding the cell; the cell itself when unmerged."""
        return self._anchors.get((row, column), (row, column))

    def filled(self, row: int, column: int) -> Any:
        """The cell's value, or its merged range's value (for headings and labels)."""
        return self.value(*self.anchor(row, column))

    def text(self, row: int, column: int) -> str:
        """The filled value as text with its spaces folded; ``""`` for empty cells and for
        numbers (a heading or a name is text)."""
        value = self.filled(row, column)
        if isinstance(value, str):
            return " ".join(value.split())
        return ""

    def column_values(self, column: int, rows: Iterable[int] | None = None
                      ) -> Iterator[tuple[int, Any]]:
        """(row, value) of the non-empty cells of a column, top to bottom."""
        for row in (self.row_numbers if rows is None else rows):
            value = self.value(row, column)
            if value is not None:
                yield row, value


@dataclass(frozen=True)
class Book:
    """The grids of one file, in workbook order."""

    file: str
    kind: str
    grids: tuple[Grid, ...]

    @cached_property
    def by_name(self) -> dict[str, Grid]:
        return {grid.name: grid for grid in self.grids}


def blank(value: Any) -> bool:
    """True for nothing and for text of spaces only."""
    return value is None or (isinstance(value, str) and not value.strip())


# --- loading ---------------------------------------------------------------------------------


def load_book(data: bytes, filename: str, kind: str, limits: Limits = DEFAULT_LIMITS,
              workbook: Workbook | None = None) -> tuple[Book | None, list[Problem]]:
    """The book in ``data`` (already passed by :func:`safety.inspect_bytes` as ``kind``).

    ``workbook`` is the .xlsx already opened with openpyxl (``data_only=True``) when the caller
    has it. Returns None and the problems when the file cannot be read within the limits.
    """
    try:
        if kind == "xlsx":
            return _load_xlsx(data, filename, limits, workbook)
        if kind == "csv":
            from scoring.sheets.csvread import read_csv

            return read_csv(data, filename, limits)
        if kind in ("xls", "ods", "xlsb"):
            return _load_calamine(data, filename, kind, limits)
    except Exception as exc:  # any failure to parse an upload is a problem with the file
        reason = str(exc) or type(exc).__name__
        return None, [error("file.unreadable", file=filename, reason=reason[:300])]
    return None, [error("file.unreadable", file=filename, reason=f"unsupported kind {kind}")]


_TAG_ENDS = (b" ", b">", b"/", b"\t", b"\r", b"\n")
_TAGS = tuple((tag, re.compile(rb"<\w+:" + tag + rb"[\s/>]"), name)
              for tag, name in ((b"row", "rows"), (b"c", "cells"), (b"f", "formulas")))
"""Rows, cells and formulas: the tag, the tag with a namespace prefix (``<x:row``)."""


def _tags(text: bytes, tag: bytes, prefixed: re.Pattern[bytes]) -> int:
    """How many ``tag`` elements start in ``text`` (bytes.count: no object per match)."""
    found = sum(text.count(b"<" + tag + end) for end in _TAG_ENDS)
    if b":" + tag in text:
        found += len(prefixed.findall(text))
    return found

_SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")


@dataclass
class _Count:
    rows: int = 0
    cells: int = 0
    formulas: int = 0


def scan_xlsx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, _Count]:
    """Rows, cells and formulas of each worksheet, counted from the stream of its XML
    without building anything (memory: a few chunks), keyed by the sheet's name (by its part's
    name when the workbook part does not name it). Raises :class:`safety.MemberError`."""
    counts: dict[str, _Count] = {}
    with zipfile.ZipFile(BytesIO(data)) as archive:
        infos = archive.infolist()
        parts = [info for info in infos if _SHEET_PART.fullmatch(info.filename)]
    try:
        _, names = safety._workbook_sheets(data, {i.filename: i for i in infos},
                                           "xl/workbook.xml", limits)
    except (safety.MemberError, ParseError, DefusedXmlException, ValueError):
        names = {}
    keep = 16  # longest tag prefix looked for, kept across chunk boundaries
    for info in parts:
        count = _Count()
        tail = b""
        for chunk in safety.iter_member(data, info, limits.max_uncompressed_bytes):
            window = tail + chunk
            # a match is counted in the window where it ends past the kept tail: those in
            # the window less those wholly inside the tail (tags cannot overlap)
            for tag, prefixed, name in _TAGS:
                found = _tags(window, tag, prefixed) - _tags(tail, tag, prefixed)
                setattr(count, name, getattr(count, name) + found)
            tail = window[-keep:]
        counts[names.get(info.filename, info.filename)] = count
    return counts


def _size_problems(filename: str, sheet: str, rows: int, columns: int, cells: int,
                   limits: Limits) -> list[Problem]:
    """A sheet's rows and columns over the limits, and its cells over :data:`MAX_CELLS`."""
    problems = list(safety.check_shape(rows, columns, limits, file=filename, sheet=sheet))
    if cells > MAX_CELLS:
        problems.append(error("layout.sheet_too_large", file=filename, sheet=sheet,
                              count=cells, limit=MAX_CELLS))
    return problems


def _load_xlsx(data: bytes, filename: str, limits: Limits, workbook: Workbook | None
               ) -> tuple[Book | None, list[Problem]]:
    try:
        counts = scan_xlsx(data, limits)
    except safety.MemberError as exc:
        return None, [exc.problem(filename)]
    problems = [p for part, count in counts.items()
                for p in _size_problems(filename, part, count.rows, 0, count.cells, limits)]
    if problems:
        return None, problems
    opened = workbook
    if opened is None:
        opened = _openpyxl(data, data_only=True)
    formulas_wb = (_openpyxl(data, data_only=False)
                   if any(c.formulas for c in counts.values()) else None)
    try:
        grids = []
        for ws in opened.worksheets:
            grid, found = _grid_from_openpyxl(ws, formulas_wb, filename, limits)
            problems += found
            if grid is not None:
                grids.append(grid)
    finally:
        if formulas_wb is not None:
            formulas_wb.close()
        if workbook is None:
            opened.close()
    return Book(filename, "xlsx", tuple(grids)), problems


def _openpyxl(data: bytes, data_only: bool) -> Workbook:
    with warnings.catch_warnings():
        # openpyxl warns about features it does not keep (extensions, data validation styles);
        # none of them touches cell values. Macros (.xlsm) are dropped: keep_vba is False.
        warnings.simplefilter("ignore")
        return load_workbook(BytesIO(data), data_only=data_only)


def _grid_from_openpyxl(ws: Any, formulas_wb: Workbook | None, filename: str, limits: Limits
                        ) -> tuple[Grid | None, list[Problem]]:
    rows: dict[int, dict[int, Any]] = {}
    formats: dict[tuple[int, int], str] = {}
    # openpyxl keeps a sheet's cells in ``_cells`` keyed by (row, column); walking it visits
    # only cells the file has, where iter_rows would create every empty cell in between.
    for (r, c), cell in ws._cells.items():
        value = cell.value
        if value is None:
            continue
        if cell.data_type == "e":
            value = CellError(str(value))
        elif isinstance(value, str) and "_x" in value:
            # Excel writes characters XML cannot hold (control characters) as _x0007_;
            # openpyxl leaves them so: the reader cleans the real characters
            value = unescape(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            number_format = cell.number_format
            if number_format and number_format != "General":
                formats[r, c] = number_format
        rows.setdefault(r, {})[c] = value
    height = max(rows, default=0)
    width = max((max(cells) for cells in rows.values()), default=0)
    problems = safety.check_shape(height, width, limits, file=filename, sheet=ws.title)
    if problems:
        return None, problems
    if formulas_wb is not None and ws.title in formulas_wb.sheetnames:
        for (r, c), cell in formulas_wb[ws.title]._cells.items():
            if cell.data_type == "f" and rows.get(r, {}).get(c) is None:
                text = cell.value if isinstance(cell.value, str) else str(
                    getattr(cell.value, "text", cell.value))
                rows.setdefault(r, {})[c] = NoValue(text.lstrip("="))
    merged = tuple((m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges)
    hidden_rows = frozenset(r for r, dim in ws.row_dimensions.items() if dim.hidden)
    hidden_columns: set[int] = set()
    for dim in ws.column_dimensions.values():
        if dim.hidden and dim.min and dim.max:
            # a hidden range past the data (Excel hides "to the end" as up to XFD) is cut
            hidden_columns.update(range(dim.min, min(dim.max, max(width, dim.min)) + 1))
    return Grid(ws.title, rows, merged, hidden_rows, frozenset(hidden_columns), formats,
                hidden=ws.sheet_state != "visible"), []


def _load_calamine(data: bytes, filename: str, kind: str, limits: Limits
                   ) -> tuple[Book | None, list[Problem]]:
    import python_calamine

    problems: list[Problem] = []
    grids = []
    ods_tables: dict[str, OdsTable] = {}
    xls_cells: dict[str, tuple[dict[tuple[int, int], str], set[tuple[int, int]]]] | None = None
    if kind == "ods":
        try:
            ods_tables = scan_ods(data, limits)
        except safety.MemberError as exc:
            return None, [exc.problem(filename)]
        for name, table in ods_tables.items():
            problems += _size_problems(filename, name, table.rows, table.columns, table.cells,
                                       limits)
        if problems:
            return None, problems
    with python_calamine.CalamineWorkbook.from_filelike(BytesIO(data)) as workbook:
        hidden = {meta.name: str(meta.visible).rsplit(".", 1)[-1] != "Visible"
                  for meta in workbook.sheets_metadata}
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            start, end = sheet.start, sheet.end
            if start is None or end is None:
                grids.append(Grid(name, {}, hidden=hidden.get(name, False)))
                continue
            found = safety.check_shape(end[0] + 1, end[1] + 1, limits, file=filename,
                                       sheet=name)
            if found:
                problems += found
                continue
            rows = _calamine_rows(sheet, start, end, limits)
            cells = sum(len(v) for v in rows.values())
            if cells > MAX_CELLS:
                problems.append(error("layout.sheet_too_large", file=filename, sheet=name,
                                      count=cells, limit=MAX_CELLS))
                continue
            merged = tuple((top + 1, left + 1, bottom + 1, right + 1)
                           for (top, left), (bottom, right) in (sheet.merged_cell_ranges or ()))
            formats: dict[tuple[int, int], str] = {}
            if kind == "xls":
                if xls_cells is None:
                    xls_cells = biff_cells(data, limits)
                errors, percent = xls_cells.get(name, ({}, set()))
                for (r, c), code in errors.items():
                    if c not in rows.get(r, {}):
                        rows.setdefault(r, {})[c] = CellError(code)
                formats = dict.fromkeys(percent, "0%")
            hidden_rows: frozenset[int] = frozenset()
            hidden_columns: frozenset[int] = frozenset()
            if name in ods_tables:
                for (r, c), code in ods_tables[name].errors.items():
                    rows.setdefault(r, {})[c] = CellError(code)
                merged = merged or tuple(ods_tables[name].merged)
                hidden_rows, hidden_columns = ods_tables[name].hidden(end[0] + 1, end[1] + 1)
                formats = dict.fromkeys(ods_tables[name].percent, "0%")
            grids.append(Grid(name, rows, merged, hidden_rows, hidden_columns, formats,
                              hidden=hidden.get(name, False)))
    if problems:
        return None, problems
    return Book(filename, kind, tuple(grids)), []


_ODS_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODS_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ODS_CALCEXT_NS = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


@dataclass
class OdsTable:
    """What :func:`scan_ods` found of one table: its merged ranges (first row, first column,
    last row, last column) and the last row and column holding something, repeats counted."""

    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    rows: int = 0
    columns: int = 0
    cells: int = 0
    hidden_rows: list[tuple[int, int]] = field(default_factory=list)
    """(first, last) of each run of hidden (collapsed or filtered) rows; likewise columns."""
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    defined_columns: int = 0
    percent: set[tuple[int, int]] = field(default_factory=set)
    """Cells of value type ``percentage`` (85% is kept as 0.85, as in Excel)."""
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    """(row, column) -> the error a formula gave (``#DIV/0!``): LibreOffice saves such a cell
    as the number 0 marked ``calcext:value-type="error"``, which calamine reads as 0."""

    def hidden(self, height: int, width: int) -> tuple[frozenset[int], frozenset[int]]:
        """The hidden rows and columns up to the grid's last row and column (a run hidden
        to the end of the sheet is not spread over a million rows)."""
        rows = {r for first, last in self.hidden_rows for r in range(first, min(last, height) + 1)}
        columns = {c for first, last in self.hidden_columns
                   for c in range(first, min(last, width) + 1)}
        return frozenset(rows), frozenset(columns)


def scan_ods(data: bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, OdsTable]:
    """Each table of an .ods, by name, from its ``content.xml`` streamed into expat with
    nothing built (memory: a chunk), before python-calamine sees the file.

    An .ods says "this row, a million times" in a few bytes (``number-rows-repeated``), and
    calamine builds every repeated cell that holds a value: 1,048,576 rows of 20 such cells
    cost it over a gigabyte. Counting the repeats here lets the reader refuse such a table
    first. A cell holds something when it has a value type, a formula or content. Also gives
    the merged ranges (``number-rows-spanned``, ``number-columns-spanned``), which calamine
    does not. :func:`safety.inspect_bytes` has refused any DTD already; expat is told to
    refuse one too. Raises ValueError (or expat's error) for a part it cannot read.
    """
    from xml.parsers import expat

    sep = "}"
    table_ns, office_ns = _ODS_TABLE_NS + sep, _ODS_OFFICE_NS + sep
    tables: dict[str, OdsTable] = {}
    state = {"depth": 0, "row": 0, "column": 0, "repeat": 1, "in_cell": 0}
    current: list[OdsTable] = []
    cell: dict[str, int] = {}
    text: list[str] = []

    def characters(data: str) -> None:
        if cell.get("error") and sum(map(len, text)) < 40:
            text.append(data)

    def number(attrs: Mapping[str, str], name: str) -> int:
        try:
            return max(1, int(attrs.get(table_ns + name, "1")))
        except ValueError:
            return 1

    def filled() -> None:
        if not cell or cell.get("counted"):
            return
        cell["counted"] = 1
        table = current[-1]
        last_row = state["row"] + state["repeat"] - 1
        last_column = cell["column"] + cell["repeat"] - 1
        table.rows = max(table.rows, last_row)
        table.columns = max(table.columns, last_column)
        table.cells += state["repeat"] * cell["repeat"]

    def start(tag: str, attrs: Mapping[str, str]) -> None:
        if state["in_cell"]:
            state["in_cell"] += 1
            filled()  # content inside the cell: a text:p, a link …
            return
        namespace, _, local = tag.rpartition(sep)
        if namespace + sep != table_ns:
            return
        if local == "table":
            state["depth"] += 1
            if state["depth"] == 1:
                current.append(tables.setdefault(attrs.get(table_ns + "name", ""), OdsTable()))
                state["row"] = 0
        elif state["depth"] != 1:
            return
        elif local == "table-column":
            table, repeat = current[-1], number(attrs, "number-columns-repeated")
            if attrs.get(table_ns + "visibility", "visible") != "visible":
                table.hidden_columns.append((table.defined_columns + 1,
                                             table.defined_columns + repeat))
            table.defined_columns += repeat
        elif local == "table-row":
            state.update(row=state["row"] + 1, column=0,
                         repeat=number(attrs, "number-rows-repeated"))
            if attrs.get(table_ns + "visibility", "visible") != "visible":
                current[-1].hidden_rows.append((state["row"], state["row"] + state["repeat"] - 1))
        elif local in ("table-cell", "covered-table-cell"):
            column = state["column"] + 1
            repeat = number(attrs, "number-columns-repeated")
            cell.clear()
            cell.update(column=column, repeat=repeat)
            state["column"] += repeat
            state["in_cell"] = 1
            rows, columns = (number(attrs, "number-rows-spanned"),
                             number(attrs, "number-columns-spanned"))
            if local == "table-cell" and (rows > 1 or columns > 1):
                current[-1].merged.append((state["row"], column, state["row"] + rows - 1,
                                           column + columns - 1))
            if office_ns + "value-type" in attrs or table_ns + "formula" in attrs:
                filled()
            if attrs.get(office_ns + "value-type") == "percentage" and \
                    len(current[-1].percent) < MAX_CELLS:
                current[-1].percent.add((state["row"], column))
            if attrs.get(_ODS_CALCEXT_NS + sep + "value-type") == "error" and \
                    len(current[-1].errors) < MAX_CELLS:
                cell["error"] = 1
                text.clear()

    def end(tag: str) -> None:
        if state["in_cell"]:
            state["in_cell"] -= 1
            if not state["in_cell"]:
                if cell.get("error"):
                    code = "".join(text).strip()[:20]
                    current[-1].errors[state["row"], cell["column"]] = (
                        code if code.startswith(("#", "Err:")) else "#VALUE!")
                cell.clear()
            return
        namespace, _, local = tag.rpartition(sep)
        if namespace + sep != table_ns:
            return
        if local == "table":
            state["depth"] -= 1
        elif local == "table-row" and state["depth"] == 1:
            state["row"] += state["repeat"] - 1

    def refuse(*_: object) -> None:
        raise ValueError("a DTD in content.xml")

    parser = expat.ParserCreate(namespace_separator=sep)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    with zipfile.ZipFile(BytesIO(data)) as archive:
        info = archive.getinfo("content.xml")
    for chunk in safety.iter_member(data, info, limits.max_uncompressed_bytes):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
    return tables


_BIFF_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
                0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA"}


def biff_errors(data: bytes, limits: Limits = DEFAULT_LIMITS
                ) -> dict[str, dict[tuple[int, int], str]]:
    """The error values of an .xls by sheet name (see :func:`biff_cells`)."""
    return {name: cells for name, (cells, _) in biff_cells(data, limits).items() if cells}


def biff_cells(data: bytes, limits: Limits = DEFAULT_LIMITS
               ) -> dict[str, tuple[dict[tuple[int, int], str], set[tuple[int, int]]]]:
    """What python-calamine does not give of an .xls, by sheet name: its error values
    ((row, column) 1-based -> ``#DIV/0!`` and its kin: the BOOLERR records and the FORMULA
    records whose saved result is an error; calamine gives them as empty cells) and its
    percent cells (numbers whose format, through their XF record, shows ``%``). Empty when
    the workbook stream cannot be read (the cells are then as calamine gives them)."""
    import struct

    stream = safety.cfb_stream(data, "Workbook", limits.max_uncompressed_bytes) or \
        safety.cfb_stream(data, "Book", limits.max_uncompressed_bytes)
    if stream is None:
        return {}

    def records(position: int) -> Iterator[tuple[int, bytes]]:
        while position + 4 <= len(stream):
            kind, length = struct.unpack_from("<HH", stream, position)
            yield kind, stream[position + 4:position + 4 + length]
            if kind == 0x000A:  # EOF: the end of this substream
                return
            position += 4 + length

    sheets: list[tuple[str, int]] = []
    formats: dict[int, str] = {9: "0%", 10: "0.00%"}  # the built-in percent formats
    xf_formats: list[int] = []
    for kind, payload in records(0):
        if kind == 0x0085 and len(payload) >= 8:  # BOUNDSHEET8: where each sheet starts
            offset, _, _, count, high = struct.unpack_from("<LBBBB", payload)
            raw = payload[8:8 + count * (2 if high & 1 else 1)]
            sheets.append((raw.decode("utf-16-le" if high & 1 else "latin-1", "replace"),
                           offset))
        elif kind == 0x041E and len(payload) >= 5:  # FORMAT: a number format's text
            number, count, high = struct.unpack_from("<HHB", payload)
            raw = payload[5:5 + count * (2 if high & 1 else 1)]
            formats[number] = raw.decode("utf-16-le" if high & 1 else "latin-1", "replace")
        elif kind == 0x00E0 and len(payload) >= 4:  # XF: a cell style and its format
            xf_formats.append(struct.unpack_from("<H", payload, 2)[0])
    percent_xfs = {index for index, number in enumerate(xf_formats)
                   if is_percent(formats.get(number, ""))}
    found: dict[str, tuple[dict[tuple[int, int], str], set[tuple[int, int]]]] = {}
    # each sheet's records once, and no more sheets than a workbook may have (the reader
    # refuses more anyway): a hostile directory cannot make this walk the stream many times
    walked: set[int] = set()
    for name, offset in sheets[:limits.max_sheets]:
        if offset in walked:
            continue
        walked.add(offset)
        errors: dict[tuple[int, int], str] = {}
        percent: set[tuple[int, int]] = set()
        for kind, payload in records(offset):
            if len(payload) < 6:
                continue
            row, column, xf = struct.unpack_from("<HHH", payload)
            code = None
            if kind == 0x0205 and len(payload) >= 8 and payload[7] == 1:  # BOOLERR, an error
                code = _BIFF_ERRORS.get(payload[6])
            elif kind == 0x0006 and len(payload) >= 14 and payload[6] == 2 and \
                    payload[12:14] == b"\xff\xff":  # FORMULA whose result is an error
                code = _BIFF_ERRORS.get(payload[8])
            elif kind in (0x0203, 0x027E, 0x0006) and xf in percent_xfs:  # NUMBER, RK
                percent.add((row + 1, column + 1))
            elif kind == 0x00BD and percent_xfs:  # MULRK: a run of (XF, RK) from column
                for index in range((len(payload) - 6) // 6):
                    if struct.unpack_from("<H", payload, 4 + 6 * index)[0] in percent_xfs:
                        percent.add((row + 1, column + 1 + index))
            if code is not None:
                errors[row + 1, column + 1] = code
        found[name] = (errors, percent)
    return found


def is_percent(number_format: str) -> bool:
    """True for a number format showing ``%`` outside quotes (``0%``, ``0.00%``)."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format)


def _calamine_rows(sheet: Any, start: tuple[int, int], end: tuple[int, int], limits: Limits
                   ) -> dict[int, dict[int, Any]]:
    """Non-empty cells by 1-based row and column, read one row at a time.

    ``iter_rows`` yields rows from the first row of the sheet but columns from the first used
    column (python-calamine 0.9); the row offset is checked against the count, in case another
    version starts at the first used row too.
    """
    rows: dict[int, dict[int, Any]] = {}
    count = 0
    for index, values in enumerate(sheet.iter_rows()):
        count += 1
        if index > end[0] or index >= limits.max_rows + 1:
            break
        kept = {start[1] + j + 1: _calamine_value(v) for j, v in enumerate(values)
                if not (v == "" or v is None)}
        if kept:
            rows[index + 1] = kept
    if count == end[0] - start[0] + 1 and start[0] > 0:
        rows = {r + start[0]: cells for r, cells in rows.items()}
    return rows


def _calamine_value(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        # calamine gives every number as float; a whole number is shown as one
        return int(value)
    if isinstance(value, str) and value.strip() in ERROR_TEXTS:
        return CellError(value.strip())
    return value
