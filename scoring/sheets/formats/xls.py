"""What an Excel 97-2003 workbook (.xls) holds beyond its values, read with xlrd.

python-calamine gives an .xls's values (:mod:`.calamine`) but not all of it: its error values
come out as empty cells, and it gives no number formats and no hidden rows or columns. Those
are read here, from the workbook stream (taken out of the OLE2 file by olefile, regular or
mini stream, :mod:`.ole`) with xlrd's ``formatting_info``.

Words used here:

- *extras*: what this module adds to a sheet's grid (:class:`XlsExtras`): its *error values*
  (``#DIV/0!`` and its kin, saved in a cell or as a formula's result), the *number format* of
  each number cell that is not ``General`` (a percent format makes 85% read as 85), and its
  *hidden* rows and columns.

Memory and time are bounded by the workbook stream (never larger than the upload), by the
sheet limit (each distinct sheet name read once, at most ``max_sheets`` of them, so a
directory listing one sheet thousands of times costs one read) and by the row limit.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field

import xlrd

from scoring.sheets.formats import ole
from scoring.sheets.formats.common import DEFAULT_LIMITS, Limits

_log = logging.getLogger(__name__)

ERROR_CODES = {**xlrd.error_text_from_code, 0x2B: "#GETTING_DATA"}
"""BIFF error codes and their text, as Excel shows them."""


@dataclass(frozen=True)
class XlsExtras:
    """What calamine does not give of one sheet; rows and columns count from 1."""

    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    """The number format of each number cell whose format is not ``General``."""
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()


def workbook_stream(data: bytes, limits: Limits = DEFAULT_LIMITS) -> bytes | None:
    """The BIFF workbook stream of an .xls (None when the file holds none it can give)."""
    for name in ole.WORKBOOK_STREAMS:
        stream = ole.read_stream(data, name, limits.max_uncompressed_bytes)
        if stream is not None:
            return stream
    return None


def read_extras(data: bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, XlsExtras]:
    """The extras of each sheet of the .xls ``data``, by sheet name; empty when xlrd cannot
    read the workbook stream (the cells are then as calamine gives them)."""
    stream = workbook_stream(data, limits)
    if stream is None:
        return {}
    try:
        # xlrd takes a bare BIFF stream as well as an OLE2 file; it prints its warnings to
        # ``logfile``, which is kept out of the server's output
        book = xlrd.open_workbook(file_contents=stream, formatting_info=True, on_demand=True,
                                  ragged_rows=True, logfile=io.StringIO())
    except Exception as exc:  # any failure of xlrd on an upload only loses the extras
        _log.info("xlrd could not read the workbook stream: %s", exc)
        return {}
    found: dict[str, XlsExtras] = {}
    try:
        for index, name in enumerate(book.sheet_names()[:limits.max_sheets]):
            if name in found:
                continue
            try:
                sheet = book.sheet_by_index(index)
            except Exception as exc:  # a damaged sheet: its cells stay as calamine has them
                _log.info("xlrd could not read the sheet %r: %s", name, exc)
                continue
            found[name] = _extras(book, sheet, limits)
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return found


def _extras(book: xlrd.Book, sheet: xlrd.sheet.Sheet, limits: Limits) -> XlsExtras:
    number_formats = {key: value.format_str for key, value in book.format_map.items()}
    xf_formats = [number_formats.get(xf.format_key, "General") for xf in book.xf_list]
    errors: dict[tuple[int, int], str] = {}
    formats: dict[tuple[int, int], str] = {}
    for r in range(min(sheet.nrows, limits.max_rows)):
        for c, kind in enumerate(sheet.row_types(r)):
            if kind == xlrd.XL_CELL_ERROR:
                errors[r + 1, c + 1] = ERROR_CODES.get(sheet.cell_value(r, c), "#VALUE!")
            elif kind == xlrd.XL_CELL_NUMBER:
                xf = sheet.cell_xf_index(r, c)
                number_format = xf_formats[xf] if 0 <= xf < len(xf_formats) else "General"
                if number_format and number_format != "General":
                    formats[r + 1, c + 1] = number_format
    hidden_rows = frozenset(r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden)
    hidden_columns = frozenset(c + 1 for c, info in sheet.colinfo_map.items() if info.hidden)
    return XlsExtras(errors, formats, hidden_rows, hidden_columns)


def biff_errors(data: bytes, limits: Limits = DEFAULT_LIMITS
                ) -> dict[str, dict[tuple[int, int], str]]:
    """The error values of an .xls by sheet name, for the sheets that have any."""
    return {name: extras.errors for name, extras in read_extras(data, limits).items()
            if extras.errors}
