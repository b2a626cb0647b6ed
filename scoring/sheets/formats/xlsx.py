"""Office Open XML workbooks (.xlsx, .xlsm, .xltx, .xltm), read with openpyxl.

Words used here (see :mod:`.book` for *grid* and *book*):

- *sheet part*: a worksheet's XML inside the ZIP archive (``xl/worksheets/sheet1.xml``).
- *count*: the rows, cells, formulas and error cells of a sheet part, counted from the stream
  of its XML without building anything (:func:`scan_xlsx`), so that a sheet over the limits
  is refused before openpyxl builds it.
- *cached value*: the result of a formula as the file saved it (openpyxl's ``data_only``); a
  formula without one becomes a :class:`~.book.NoValue`.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any
from xml.etree.ElementTree import ParseError

import numpy as np
from defusedxml import DefusedXmlException
from openpyxl import Workbook, load_workbook
from openpyxl.utils.escape import unescape

from scoring.problems import Problem, error
from scoring.sheets.formats.book import Book, CellError, Grid, NoValue
from scoring.sheets.formats.common import (
    DEFAULT_LIMITS,
    Limits,
    MemberError,
    check_shape,
    size_problems,
)
from scoring.sheets.formats.members import iter_member
from scoring.sheets.formats.strings import SHARED_STRINGS, SharedText, shared_string_lengths
from scoring.sheets.formats.zipped import workbook_sheets

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


_ERRORS = (b't="e"', b"t='e'")
"""An error cell's type attribute (``<c r="B2" t="e">``)."""


@dataclass
class _Count:
    rows: int = 0
    cells: int = 0
    formulas: int = 0
    errors: int = 0
    """Cells whose saved value is an error (``#DIV/0!``): calamine reads them as empty."""
    text: int = 0
    """The text volume of its shared-string cells (:mod:`.strings`); counting stops once
    it is over the limit."""
    not_finite: list[str] = field(default_factory=list)
    """Cells (``B7``) whose number is NaN or infinite: no spreadsheet program writes them,
    and openpyxl refuses the whole file over one; the reader names them instead."""


_NOT_FINITE = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Za-z]{1,3}\d{1,7})"[^>]*>\s*<(?:\w+:)?v>\s*[+-]?'
    rb"(?:nan|inf(?:inity)?)\s*</(?:\w+:)?v>", re.IGNORECASE)
_NOT_FINITE_TAIL = 400
"""Bytes kept across chunks when looking for such a cell (one ``<c>`` element's length)."""
_NOT_FINITE_SHOWN = 20
"""Such cells named per sheet at most."""


def scan_xlsx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, _Count]:
    """Rows, cells and formulas of each worksheet, counted from the stream of its XML
    without building anything (memory: a few chunks), keyed by the sheet's name (by its part's
    name when the workbook part does not name it). Raises :class:`MemberError`."""
    counts: dict[str, _Count] = {}
    with zipfile.ZipFile(BytesIO(data)) as archive:
        infos = archive.infolist()
        parts = [info for info in infos if _SHEET_PART.fullmatch(info.filename)]
    try:
        _, names = workbook_sheets(data, {i.filename: i for i in infos},
                                           "xl/workbook.xml", limits)
    except (MemberError, ParseError, DefusedXmlException, ValueError):
        names = {}
    keep = 16  # longest tag prefix looked for, kept across chunk boundaries
    shared = [info for info in infos if SHARED_STRINGS.fullmatch(info.filename)]
    lengths = (shared_string_lengths(data, shared[0], limits) if shared
               else np.zeros(0, dtype=np.int64))
    for info in parts:
        count = _Count()
        text = SharedText(lengths)
        tail = b""
        long_tail = b""
        for chunk in iter_member(data, info, limits.max_uncompressed_bytes):
            window = tail + chunk
            wide = long_tail + chunk
            lowered = wide.lower()
            if (b"nan" in lowered or b"inf" in lowered) and \
                    len(count.not_finite) < _NOT_FINITE_SHOWN:
                for match in _NOT_FINITE.finditer(wide):
                    cell = match.group(1).decode().upper()
                    if cell not in count.not_finite:
                        count.not_finite.append(cell)
            long_tail = wide[-_NOT_FINITE_TAIL:]
            count.text = text.add(chunk)
            if count.text > limits.max_text_chars:
                break  # refused: the rest need not be read
            # a match is counted in the window where it ends past the kept tail: those in
            # the window less those wholly inside the tail (tags cannot overlap)
            for tag, prefixed, name in _TAGS:
                found = _tags(window, tag, prefixed) - _tags(tail, tag, prefixed)
                setattr(count, name, getattr(count, name) + found)
            count.errors += sum(window.count(e) - tail.count(e) for e in _ERRORS)
            tail = window[-keep:]
        counts[names.get(info.filename, info.filename)] = count
    return counts



def text_problems(counts: dict[str, _Count], filename: str, limits: Limits
                  ) -> list[Problem]:
    """One error per sheet whose text volume is over the limit (see :mod:`.strings`)."""
    return [error("layout.text_too_large", file=filename, sheet=sheet,
                  count=f"{count.text:,}".replace(",", "."),
                  limit=f"{limits.max_text_chars:,}".replace(",", "."))
            for sheet, count in counts.items() if count.text > limits.max_text_chars]


def not_finite_problems(counts: dict[str, _Count], filename: str) -> list[Problem]:
    """One error per sheet naming its NaN or infinite number cells (see :class:`_Count`)."""
    return [error("cell.not_finite", file=filename, sheet=sheet,
                  cell=count.not_finite[0], cells=", ".join(count.not_finite))
            for sheet, count in counts.items() if count.not_finite]


def load_xlsx(data: bytes, filename: str, limits: Limits, workbook: Workbook | None
              ) -> tuple[Book | None, list[Problem]]:
    try:
        counts = scan_xlsx(data, limits)
    except MemberError as exc:
        return None, [exc.problem(filename)]
    problems = [p for part, count in counts.items()
                for p in size_problems(filename, part, count.rows, 0, count.cells, limits)]
    problems += text_problems(counts, filename, limits) + not_finite_problems(counts, filename)
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
    problems = check_shape(height, width, limits, file=filename, sheet=ws.title)
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
