"""Workbooks read with python-calamine: .xls, .ods and .xlsb, each completed by its own module.

calamine gives the values and the merged ranges; what it misses comes from
:mod:`.xls` (error values, number formats, hidden rows and columns, through xlrd) and
:mod:`.ods` (merged ranges, hidden rows and columns, percent cells, errors, from the XML, which
is also counted before calamine sees it). An .xlsb gets calamine's values only.

Words used here: *start* and *end* are calamine's first and last used (row, column), counted
from 0; the grids count from 1 (see :mod:`.book`).
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from scoring.problems import Problem, error
from scoring.sheets.formats import ods, xls
from scoring.sheets.formats.book import ERROR_TEXTS, Book, CellError, Grid
from scoring.sheets.formats.common import (
    MAX_CELLS,
    Limits,
    MemberError,
    check_shape,
    size_problems,
)


def load_calamine(data: bytes, filename: str, kind: str, limits: Limits
                  ) -> tuple[Book | None, list[Problem]]:
    """The book of an .xls, .ods or .xlsb (``kind``); None and the problems when a sheet
    is over the limits (an .ods is counted before calamine opens it)."""
    import python_calamine

    problems: list[Problem] = []
    grids = []
    ods_tables: dict[str, ods.OdsTable] = {}
    xls_extras: dict[str, xls.XlsExtras] | None = None
    if kind == "ods":
        try:
            ods_tables = ods.scan_ods(data, limits)
        except MemberError as exc:
            return None, [exc.problem(filename)]
        for name, table in ods_tables.items():
            problems += size_problems(filename, name, table.rows, table.columns,
                                      table.cells, limits)
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
            found = check_shape(end[0] + 1, end[1] + 1, limits, file=filename,
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
            extra: dict[str, Any] = {}
            if kind == "xls":
                if xls_extras is None:
                    xls_extras = xls.read_extras(data, limits)
                extra = _xls_extras(rows, xls_extras.get(name), end)
            elif name in ods_tables:
                merged = merged or tuple(ods_tables[name].merged)
                extra = _ods_extras(rows, ods_tables[name], end)
            grids.append(Grid(name, rows, merged, hidden=hidden.get(name, False), **extra))
    if problems:
        return None, problems
    return Book(filename, kind, tuple(grids)), []


def _xls_extras(rows: dict[int, dict[int, Any]], extras: xls.XlsExtras | None,
                end: tuple[int, int]) -> dict[str, Any]:
    """Error values into ``rows`` (calamine gives them as empty cells), and the number
    formats of number cells and the hidden rows and columns up to the last used ones."""
    if extras is None:
        return {}
    for (r, c), code in extras.errors.items():
        if c not in rows.get(r, {}):
            rows.setdefault(r, {})[c] = CellError(code)
    formats = {(r, c): number_format for (r, c), number_format in extras.formats.items()
               if _is_number(rows.get(r, {}).get(c))}
    return {"formats": formats,
            "hidden_rows": frozenset(r for r in extras.hidden_rows if r <= end[0] + 1),
            "hidden_columns": frozenset(c for c in extras.hidden_columns if c <= end[1] + 1)}


def _ods_extras(rows: dict[int, dict[int, Any]], table: ods.OdsTable, end: tuple[int, int]
                ) -> dict[str, Any]:
    """Error values into ``rows`` (calamine reads a formula's error as 0), the percent cells
    and the hidden rows and columns up to the last used ones."""
    for (r, c), code in table.errors.items():
        rows.setdefault(r, {})[c] = CellError(code)
    hidden_rows, hidden_columns = table.hidden(end[0] + 1, end[1] + 1)
    return {"formats": dict.fromkeys(table.percent, "0%"), "hidden_rows": hidden_rows,
            "hidden_columns": hidden_columns}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)

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
