"""One representation of a workbook, whatever format it came in: a book of grids.

The model (:class:`Grid`, :class:`Book`, cell values and cell names) is defined in
:mod:`scoring.sheets.formats.book` and named here too, where every layout reader has always
found it; this module picks the reader for a file's kind (:func:`load_book`). Each kind has
its module in :mod:`scoring.sheets.formats`.

What each format gives (what is missing is a documented gap, not an error):

====== ============================== ====== ====== ======= ============================
kind   parser                         merged hidden formats errors / formulas w/o value
====== ============================== ====== ====== ======= ============================
xlsx   openpyxl (cached values)       yes    yes    yes     yes / yes
xls    python-calamine + xlrd‡        yes    yes‡   yes‡    yes‡ / no
ods    python-calamine + the XML†     yes†   yes†   %†      yes† / no
xlsb   python-calamine                no     no     no      no / no
csv    :mod:`.csvread`                --     --     --      ``#DIV/0!`` text / --
====== ============================== ====== ====== ======= ============================

† python-calamine gives neither an .ods's merged ranges, its hidden rows and columns nor
its percent cells, and reads a formula's error as 0; they are read from its ``content.xml``
(:mod:`.formats.ods`), streamed through the bounded reader, which also counts each table's
repeated rows and cells before calamine builds them.

‡ python-calamine gives an .xls's error values as empty cells, and no number formats or
hidden rows and columns; they are read with xlrd (:mod:`.formats.xls`) from the workbook
stream, which olefile takes out of the OLE2 file, from its mini stream too.

Memory is bounded before anything is materialised: an .xlsx's sheets are first scanned as a
stream (rows, cells and formulas counted without building anything) and refused over the
:class:`~scoring.sheets.safety.Limits`, and so is an .ods's; other kinds are read row by row
and stopped at the row limit.
"""

from __future__ import annotations

from openpyxl import Workbook

from scoring.problems import Problem, error
from scoring.sheets.csvread import read_csv
from scoring.sheets.formats.book import (
    ERROR_TEXTS,
    Book,
    CellError,
    CellValue,
    Grid,
    NoValue,
    blank,
    cell_name,
    cells_of,
    column_letter,
    column_number,
    span,
)
from scoring.sheets.formats.calamine import load_calamine
from scoring.sheets.formats.common import DEFAULT_LIMITS, MAX_CELLS, Limits
from scoring.sheets.formats.xls import biff_errors
from scoring.sheets.formats.xlsx import load_xlsx, scan_xlsx

__all__ = [
    "ERROR_TEXTS",
    "MAX_CELLS",
    "Book",
    "CellError",
    "CellValue",
    "Grid",
    "NoValue",
    "biff_errors",
    "blank",
    "cell_name",
    "cells_of",
    "column_letter",
    "column_number",
    "load_book",
    "scan_xlsx",
    "span",
]


def load_book(data: bytes, filename: str, kind: str, limits: Limits = DEFAULT_LIMITS,
              workbook: Workbook | None = None) -> tuple[Book | None, list[Problem]]:
    """The book in ``data`` (already passed by :func:`safety.inspect_bytes` as ``kind``).

    ``workbook`` is the .xlsx already opened with openpyxl (``data_only=True``) when the caller
    has it. Returns None and the problems when the file cannot be read within the limits.
    """
    try:
        if kind == "xlsx":
            return load_xlsx(data, filename, limits, workbook)
        if kind == "csv":
            return read_csv(data, filename, limits)
        if kind in ("xls", "ods", "xlsb"):
            return load_calamine(data, filename, kind, limits)
    except Exception as exc:  # any failure to parse an upload is a problem with the file
        reason = str(exc) or type(exc).__name__
        return None, [error("file.unreadable", file=filename, reason=reason[:300])]
    return None, [error("file.unreadable", file=filename, reason=f"unsupported kind {kind}")]
