"""The corpus: every example workbook the reader tests use, built here from readable parts.

Nothing is stored as an opaque binary file: each workbook is made by this module, from a
:class:`Sheet` description (cells by name, merged ranges, hidden rows and columns, number
formats, formulas with or without a saved result), by one of the writers:

- :func:`to_xlsx`: openpyxl, then the saved results of formulas patched into the sheet XML
  (openpyxl cannot calculate, Excel saves them); ``macros=True`` makes an .xlsm (the
  macro-enabled content type and a ``vbaProject.bin`` part, an OLE2 file made by
  :func:`ole2`);
- :func:`to_ods`: an OpenDocument spreadsheet written by hand (a ZIP of XML);
- :func:`to_xls`: an Excel 97-2003 workbook written by hand (BIFF8 records in an OLE2
  compound file): no installed library writes either; :func:`to_small_xls` keeps a small
  workbook stream in the OLE2 *mini stream* (:func:`ole2_mini`), as Excel does;
- :func:`to_csv`: comma or semicolon, decimal point or comma.

Then the example sheets judges really make (:func:`recap`, :func:`forms`, :func:`long_table`,
:func:`judges_workbook`, :func:`rows_xlsx` for plain rows) and the hostile files
(:func:`zip_of`, :func:`xlsx_by_hand`, :func:`billion_laughs`, :func:`overlapping_zip`,
:func:`ole2`, :func:`encrypted_xlsx`, …), shared with ``test_safety.py``, ``test_hostile.py``
and the page and mapping tests. The expected score tables are written out by hand in the
tests, never here.
"""

from __future__ import annotations

import csv
import io
import math
import re
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string, range_boundaries

# --- a sheet, whatever the format -------------------------------------------------------------


@dataclass(frozen=True)
class Formula:
    """A formula cell: its text (with ``=``) and the result the file saved, if any."""

    text: str
    cached: float | str | ErrorValue | None = None


@dataclass(frozen=True)
class ErrorValue:
    """An error value a spreadsheet saved (``#DIV/0!``)."""

    code: str


@dataclass
class Sheet:
    """One sheet: ``cells`` by name (``"B7"``), merged ranges, hidden rows and columns."""

    name: str
    cells: dict[str, Any] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[str] = field(default_factory=set)
    formats: dict[str, str] = field(default_factory=dict)
    hidden: bool = False

    def put(self, cell: str, *values: Any) -> Sheet:
        """Values in a row from ``cell`` rightwards (None leaves a cell empty)."""
        column, row = coordinate_from_string(cell)
        start = column_index_from_string(column)
        for offset, value in enumerate(values):
            if value is not None:
                self.cells[f"{get_column_letter(start + offset)}{row}"] = value
        return self

    def down(self, cell: str, *values: Any) -> Sheet:
        """Values in a column from ``cell`` downwards."""
        column, row = coordinate_from_string(cell)
        for offset, value in enumerate(values):
            if value is not None:
                self.cells[f"{column}{row + offset}"] = value
        return self

    def grid(self) -> dict[tuple[int, int], Any]:
        """(row, column) -> value."""
        out = {}
        for name, value in self.cells.items():
            column, row = coordinate_from_string(name)
            out[row, column_index_from_string(column)] = value
        return out


def column_span(first: str, count: int) -> list[str]:
    """``column_span("D", 3)`` -> ``["D", "E", "F"]``."""
    start = column_index_from_string(first)
    return [get_column_letter(start + i) for i in range(count)]


# --- .xlsx / .xlsm ----------------------------------------------------------------------------

XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def to_xlsx(sheets: Sequence[Sheet], *, macros: bool = False) -> bytes:
    """An .xlsx (or, with ``macros``, an .xlsm) of ``sheets``, as Excel would save it."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    cached: dict[int, dict[str, str]] = {}
    for index, sheet in enumerate(sheets):
        ws = workbook.create_sheet(sheet.name)
        for name, value in sheet.cells.items():
            cell = ws[name]
            if isinstance(value, Formula):
                cell.value = value.text
                if value.cached is not None:
                    cached.setdefault(index, {})[name] = value.cached
            elif isinstance(value, ErrorValue):
                cell.value = value.code
                cell.data_type = "e"
            else:
                cell.value = value
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"
            if name in sheet.formats:
                cell.number_format = sheet.formats[name]
        for merged in sheet.merged:
            ws.merge_cells(merged)
        for row in sheet.hidden_rows:
            ws.row_dimensions[row].hidden = True
        for column in sheet.hidden_columns:
            ws.column_dimensions[column].hidden = True
        if sheet.hidden:
            ws.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    if cached:
        data = _with_cached_results(data, cached)
    if macros:
        data = _as_xlsm(data)
    return data


def _rewrite(data: bytes, change: Mapping[str, Any]) -> bytes:
    """The ZIP ``data`` with members replaced (bytes) or edited (a function of the bytes),
    and new members added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    names = set(source.namelist())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            edit = change.get(item.filename)
            if callable(edit):
                content = edit(content)
            elif edit is not None:
                content = edit
            target.writestr(item, content)
        for name, content in change.items():
            if name not in names:
                target.writestr(name, content)
    return out.getvalue()


def _with_cached_results(data: bytes, cached: dict[int, dict[str, Any]]) -> bytes:
    """Saved results on formulas, as Excel writes them (openpyxl cannot)."""

    def patch(values: dict[str, Any]) -> Any:
        def edit(content: bytes) -> bytes:
            text = content.decode()
            for cell, value in values.items():
                if isinstance(value, ErrorValue):
                    kind, shown = ' t="e"', escape(value.code)
                elif isinstance(value, str):
                    kind, shown = ' t="str"', escape(value)
                else:
                    kind, shown = "", repr(float(value))
                text, n = re.subn(rf'<c r="{cell}"([^>]*)><f>([^<]*)</f><v\s*/>',
                                  rf'<c r="{cell}"\g<1>{kind}><f>\g<2></f><v>{shown}</v>', text)
                if n != 1:
                    text, n = re.subn(rf'<c r="{cell}"([^>]*)><f>([^<]*)</f><v></v>',
                                      rf'<c r="{cell}"\g<1>{kind}><f>\g<2></f>'
                                      rf"<v>{shown}</v>", text)
                assert n == 1, cell
            return text.encode()
        return edit

    return _rewrite(data, {f"xl/worksheets/sheet{index + 1}.xml": patch(values)
                           for index, values in cached.items()})


def _as_xlsm(data: bytes) -> bytes:
    """A macro-enabled workbook: its content type and a (harmless) VBA project part."""
    vba = ole2({"dir": b"\x01\x00" * 16, "Module1": b"Attribute VB_Name = \"Module1\"\r\n"
                b"Sub Auto_Open()\r\n  Shell \"calc.exe\"\r\nEnd Sub\r\n"})

    def types(content: bytes) -> bytes:
        text = content.decode().replace(XLSX_TYPE, XLSM_TYPE)
        return text.replace(
            "</Types>", '<Default Extension="bin" '
            'ContentType="application/vnd.ms-office.vbaProject"/></Types>').encode()

    def rels(content: bytes) -> bytes:
        return content.decode().replace(
            "</Relationships>",
            '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
            'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>').encode()

    return _rewrite(data, {"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels,
                           "xl/vbaProject.bin": vba})


# --- .ods -------------------------------------------------------------------------------------

ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'office:version="1.2"')


def _ods_cell(value: Any, span: tuple[int, int] | None, number_format: str = "") -> str:
    spans = ""
    if span is not None:
        spans = (f' table:number-rows-spanned="{span[0]}"'
                 f' table:number-columns-spanned="{span[1]}"')
    if isinstance(value, ErrorValue):
        value = Formula("=NA()", value)  # an error is what a formula gives
    if isinstance(value, Formula):
        formula = quoteattr("of:" + value.text)
        if isinstance(value.cached, ErrorValue):
            # as LibreOffice saves it: the number 0, marked as an error, the code as text
            return (f'<table:table-cell table:formula={formula} office:value-type="float" '
                    f'office:value="0" calcext:value-type="error"{spans}>'
                    f"<text:p>{escape(value.cached.code)}</text:p></table:table-cell>")
        if value.cached is None:
            return f"<table:table-cell table:formula={formula}{spans}/>"
        return (f'<table:table-cell table:formula={formula} office:value-type="float" '
                f'office:value="{value.cached}"{spans}><text:p>{value.cached}</text:p>'
                "</table:table-cell>")
    if isinstance(value, bool):
        return (f'<table:table-cell office:value-type="boolean" '
                f'office:boolean-value="{str(value).lower()}"{spans}>'
                f"<text:p>{str(value).upper()}</text:p></table:table-cell>")
    if isinstance(value, (int, float)) and "%" in number_format:
        return (f'<table:table-cell office:value-type="percentage" office:value="{value!r}"'
                f"{spans}><text:p>{value * 100:g}%</text:p></table:table-cell>")
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value!r}"{spans}>'
                f"<text:p>{value}</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string"{spans}><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>")


def to_ods(sheets: Sequence[Sheet]) -> bytes:
    """An OpenDocument spreadsheet of ``sheets`` (merged ranges, hidden rows and columns and
    percent cells kept; other number formats are not)."""
    tables = []
    for sheet in sheets:
        grid = sheet.grid()
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        covered: set[tuple[int, int]] = set()
        for merged in sheet.merged:
            left, top, right, bottom = range_boundaries(merged)
            spans[top, left] = (bottom - top + 1, right - left + 1)
            covered |= {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)
                        if (r, c) != (top, left)}
        height = max((r for r, _ in [*grid, *covered]), default=0)
        width = max((c for _, c in [*grid, *covered]), default=0)
        rows = []
        for row in range(1, height + 1):
            visibility = ' table:visibility="collapse"' if row in sheet.hidden_rows else ""
            cells = []
            for column in range(1, width + 1):
                if (row, column) in covered:
                    cells.append("<table:covered-table-cell/>")
                elif (row, column) in grid:
                    cells.append(_ods_cell(grid[row, column], spans.get((row, column)),
                                           sheet.formats.get(f"{get_column_letter(column)}{row}",
                                                             "")))
                else:
                    cells.append("<table:table-cell/>")
            rows.append(f"<table:table-row{visibility}>{''.join(cells)}</table:table-row>")
        # what LibreOffice writes after the last row: the rest of the sheet, empty, repeated
        rows.append(f'<table:table-row table:number-rows-repeated="{1_048_576 - height}">'
                    '<table:table-cell table:number-columns-repeated="1024"/>'
                    "</table:table-row>")
        columns = "".join(
            '<table:table-column table:visibility="collapse"/>'
            if get_column_letter(c) in sheet.hidden_columns else "<table:table-column/>"
            for c in range(1, width + 1))
        tables.append(f"<table:table table:name={quoteattr(sheet.name)}>{columns}"
                      '<table:table-column table:number-columns-repeated="1000"/>'
                      f"{''.join(rows)}</table:table>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               f"<office:document-content {ODS_NS}><office:body><office:spreadsheet>"
               f"{''.join(tables)}</office:spreadsheet></office:body>"
               "</office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    return ods_zip(content, manifest)


def ods_zip(content: str | bytes, manifest: str | bytes = b"<manifest/>") -> bytes:
    """An .ods package of ``content`` (content.xml) and ``manifest``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # the mimetype member comes first and uncompressed, as the ODF standard asks
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# --- .xls (BIFF8 in an OLE2 compound file) ----------------------------------------------------

NOSTREAM = 0xFFFFFFFF
END_OF_CHAIN = 0xFFFFFFFE
FAT_SECTOR = 0xFFFFFFFD


def ole2(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (version 3, 512-byte sectors) holding ``streams``.

    Streams are padded to 4096 bytes so that all live in regular sectors, as [MS-CFB]
    requires of streams that large. Layout: header, one FAT sector, the directory, the data.
    """
    size = 512
    entries = [("Root Entry", 5, b"")] + [(name, 2, data.ljust(4096, b"\0"))
                                         for name, data in streams.items()]
    directory_sectors = math.ceil(len(entries) * 128 / size)
    fat = {0: FAT_SECTOR}
    for sector in range(1, directory_sectors + 1):
        fat[sector] = sector + 1 if sector < directory_sectors else END_OF_CHAIN
    free = 1 + directory_sectors
    starts, body = [], b""
    for _, _, data in entries[1:]:
        count = math.ceil(len(data) / size)
        for k in range(count):
            fat[free + k] = free + k + 1 if k < count - 1 else END_OF_CHAIN
        starts.append(free)
        free += count
        body += data.ljust(count * size, b"\0")
    assert free <= size // 4, "one FAT sector is enough for these files"
    fat_bytes = struct.pack(f"<{size // 4}L", *(fat.get(i, NOSTREAM) for i in range(size // 4)))
    directory = b""
    for index, (name, kind, data) in enumerate(entries):
        encoded = (name + "\0").encode("utf-16-le")
        child = 1 if index == 0 and len(entries) > 1 else NOSTREAM
        right = index + 1 if 0 < index < len(entries) - 1 else NOSTREAM
        start = END_OF_CHAIN if index == 0 else starts[index - 1]
        directory += (encoded.ljust(64, b"\0") + struct.pack("<HBB3L", len(encoded), kind, 1,
                                                               NOSTREAM, right, child)
                      + b"\0" * 36 + struct.pack("<LQ", start, len(data)))
    directory = directory.ljust(directory_sectors * size, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<5H6s", 0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6)
              + struct.pack("<9L", 0, 1, 1, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
              + struct.pack("<109L", 0, *([NOSTREAM] * 108)))
    assert len(header) == 512
    return header + fat_bytes + directory + body


MINI_SECTOR = 64


def ole2_mini(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file whose ``streams`` (each under 4096 bytes) live in the
    *mini stream*, as [MS-CFB] requires of small streams.

    The mini stream is a stream of the root entry, held in regular 512-byte sectors and cut
    into 64-byte mini sectors; the mini FAT chains those as the FAT chains sectors. Layout:
    header, one FAT sector, the directory, one mini FAT sector, the mini stream.
    """
    size = 512
    assert all(len(data) < 4096 for data in streams.values()), "small streams only"
    mini_fat: dict[int, int] = {}
    mini_body, mini_starts = b"", []
    for data in streams.values():
        count = max(1, math.ceil(len(data) / MINI_SECTOR))
        first = len(mini_body) // MINI_SECTOR
        for k in range(count):
            mini_fat[first + k] = first + k + 1 if k < count - 1 else END_OF_CHAIN
        mini_starts.append(first)
        mini_body += data.ljust(count * MINI_SECTOR, b"\0")
    assert len(mini_fat) <= size // 4, "one mini FAT sector is enough for these files"
    entries = [("Root Entry", 5, len(mini_body))] + [(name, 2, len(data))
                                                    for name, data in streams.items()]
    directory_sectors = math.ceil(len(entries) * 128 / size)
    mini_fat_sector = 1 + directory_sectors
    container_start = mini_fat_sector + 1
    container_count = math.ceil(len(mini_body) / size)
    fat = {0: FAT_SECTOR, mini_fat_sector: END_OF_CHAIN}
    for sector in range(1, directory_sectors + 1):
        fat[sector] = sector + 1 if sector < directory_sectors else END_OF_CHAIN
    for k in range(container_count):
        sector = container_start + k
        fat[sector] = sector + 1 if k < container_count - 1 else END_OF_CHAIN
    assert container_start + container_count <= size // 4
    fat_bytes = struct.pack(f"<{size // 4}L", *(fat.get(i, NOSTREAM) for i in range(size // 4)))
    mini_fat_bytes = struct.pack(f"<{size // 4}L", *(mini_fat.get(i, NOSTREAM)
                                                     for i in range(size // 4)))
    directory = b""
    for index, (name, kind, length) in enumerate(entries):
        encoded = (name + "\0").encode("utf-16-le")
        child = 1 if index == 0 and len(entries) > 1 else NOSTREAM
        right = index + 1 if 0 < index < len(entries) - 1 else NOSTREAM
        start = container_start if index == 0 else mini_starts[index - 1]
        directory += (encoded.ljust(64, b"\0") + struct.pack("<HBB3L", len(encoded), kind, 1,
                                                               NOSTREAM, right, child)
                      + b"\0" * 36 + struct.pack("<LQ", start, length))
    directory = directory.ljust(directory_sectors * size, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<5H6s", 0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6)
              + struct.pack("<9L", 0, 1, 1, 0, 4096, mini_fat_sector, 1, END_OF_CHAIN, 0)
              + struct.pack("<109L", 0, *([NOSTREAM] * 108)))
    assert len(header) == 512
    return (header + fat_bytes + directory + mini_fat_bytes
            + mini_body.ljust(container_count * size, b"\0"))


def _record(kind: int, payload: bytes) -> bytes:
    return struct.pack("<HH", kind, len(payload)) + payload


def biff(*records: tuple[int, bytes]) -> bytes:
    """An Excel 97-2003 workbook stream: BOF, the given records, EOF."""
    bof = (0x0809, struct.pack("<6H4x", 0x0600, 0x0005, 0, 0, 0, 0))
    return b"".join(_record(kind, payload) for kind, payload in (bof, *records, (0x000A, b"")))


def _unicode(text: str, length_bytes: int = 2) -> bytes:
    """An XLUnicodeString: its length, a flag (1: UTF-16), the characters."""
    count = struct.pack("<H" if length_bytes == 2 else "<B", len(text))
    return count + b"\x01" + text.encode("utf-16-le")


_BIFF_ERRORS = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17,
                "#NAME?": 0x1D, "#NUM!": 0x24, "#N/A": 0x2A}


def to_xls(sheets: Sequence[Sheet]) -> bytes:
    """An Excel 97-2003 workbook of ``sheets`` (see :func:`xls_stream`), its workbook
    stream padded to 4096 bytes so that it lives in the OLE2 file's regular sectors."""
    return ole2({"Workbook": xls_stream(sheets)})


def to_small_xls(sheets: Sequence[Sheet]) -> bytes:
    """Like :func:`to_xls`, but the workbook stream is kept at its own size (under 4096
    bytes), so that it lives in the OLE2 *mini stream*, as Excel saves a tiny workbook."""
    return ole2_mini({"Workbook": xls_stream(sheets)})


def xls_stream(sheets: Sequence[Sheet]) -> bytes:
    """The BIFF8 workbook stream of ``sheets``: texts in the shared string table, numbers
    (a percent format kept), booleans and errors, merged ranges, hidden rows and columns;
    formulas are written as their saved result (an error result as a FORMULA record, as
    Excel writes it)."""
    strings: list[str] = []
    index_of: dict[str, int] = {}

    def string(text: str) -> int:
        if text not in index_of:
            index_of[text] = len(strings)
            strings.append(text)
        return index_of[text]

    bodies = []
    for sheet in sheets:
        grid = sheet.grid()
        records = []
        height = max((r for r, _ in grid), default=0)
        width = max((c for _, c in grid), default=0)
        # COLINFO (bit 0 of its flags: hidden) and ROW (bit 5: hidden), only for hidden ones
        records += [_record(0x007D, struct.pack("<6H", c - 1, c - 1, 2340, 15, 1, 0))
                    for c in sorted(map(column_index_from_string, sheet.hidden_columns))]
        records.append(_record(0x0200, struct.pack("<LLHHH", 0, height, 0, width, 0)))
        records += [_record(0x0208, struct.pack("<6HL", r - 1, 0, width, 255, 0, 0, 0x20))
                    for r in sorted(sheet.hidden_rows)]
        for (row, column), value in sorted(grid.items()):
            r, c = row - 1, column - 1
            if isinstance(value, Formula) and isinstance(value.cached, ErrorValue):
                # FORMULA: a saved result that is an error (type 2, the code, 0xFFFF), no
                # parsed expression
                result = bytes([2, 0, _BIFF_ERRORS[value.cached.code], 0, 0, 0, 0xFF, 0xFF])
                records.append(_record(0x0006, struct.pack("<HHH", r, c, 15) + result
                                       + struct.pack("<HLH", 0, 0, 0)))
                continue
            if isinstance(value, Formula):
                value = value.cached if value.cached is not None else ""
                if value == "":
                    continue
            if isinstance(value, ErrorValue):
                records.append(_record(0x0205, struct.pack("<HHHBB", r, c, 15,
                                                           _BIFF_ERRORS[value.code], 1)))
            elif isinstance(value, bool):
                records.append(_record(0x0205, struct.pack("<HHHBB", r, c, 15, int(value), 0)))
            elif isinstance(value, (int, float)):
                xf = 16 if "%" in sheet.formats.get(f"{get_column_letter(column)}{row}", "") \
                    else 15
                records.append(_record(0x0203, struct.pack("<HHHd", r, c, xf, float(value))))
            else:
                records.append(_record(0x00FD, struct.pack("<HHHL", r, c, 15,
                                                           string(str(value)))))
        if sheet.merged:
            ranges = [range_boundaries(m) for m in sheet.merged]
            payload = struct.pack("<H", len(ranges)) + b"".join(
                struct.pack("<4H", top - 1, bottom - 1, left - 1, right - 1)
                for left, top, right, bottom in ranges)
            records.append(_record(0x00E5, payload))
        bodies.append(records)

    sst = struct.pack("<LL", len(strings), len(strings)) + b"".join(
        _unicode(s) for s in strings)
    xf = struct.pack("<HHHBBBBLLH", 0, 0, 0xFFF5, 0x20, 0, 0, 0, 0, 0, 0x20C0)
    cell_xf = struct.pack("<HHHBBBBLLH", 0, 0, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0)
    # XF 16: a cell shown as a percentage, through a FORMAT record of its own (number 164)
    percent_xf = struct.pack("<HHHBBBBLLH", 0, 164, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0)
    percent_format = struct.pack("<H", 164) + _unicode("0.0%")
    font = struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + _unicode("Arial", 1)
    bof_globals = _record(0x0809, struct.pack("<HHHHLL", 0x0600, 0x0005, 0x0DBB, 0x07CC,
                                              0, 0x06))
    bof_sheet = _record(0x0809, struct.pack("<HHHHLL", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    eof = _record(0x000A, b"")

    def globals_stream(offsets: list[int]) -> bytes:
        parts = [bof_globals, _record(0x0042, struct.pack("<H", 1200)),
                 _record(0x0022, struct.pack("<H", 0))]
        parts += [_record(0x0031, font)] * 5 + [_record(0x041E, percent_format)]
        parts += [_record(0x00E0, xf)] * 15 + [_record(0x00E0, cell_xf),
                                               _record(0x00E0, percent_xf)]
        for sheet, offset in zip(sheets, offsets, strict=True):
            state = 1 if sheet.hidden else 0
            parts.append(_record(0x0085, struct.pack("<LBB", offset, state, 0)
                                 + _unicode(sheet.name, 1)))
        parts += [_record(0x00FC, sst), eof]
        return b"".join(parts)

    offsets = [0] * len(sheets)
    head = globals_stream(offsets)
    position = len(head)
    streams = []
    for index, records in enumerate(bodies):
        offsets[index] = position
        stream = bof_sheet + b"".join(records) + eof
        streams.append(stream)
        position += len(stream)
    return globals_stream(offsets) + b"".join(streams)


# --- .csv -------------------------------------------------------------------------------------


def to_csv(sheet: Sheet, *, separator: str = ",", decimal: str = ".",
           encoding: str = "utf-8") -> bytes:
    """The sheet as CSV text, numbers written with ``decimal``, as Excel exports them."""
    grid = sheet.grid()
    height = max((r for r, _ in grid), default=0)
    width = max((c for _, c in grid), default=0)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    for row in range(1, height + 1):
        values = []
        for column in range(1, width + 1):
            value = grid.get((row, column))
            if isinstance(value, Formula):
                value = value.cached
            if isinstance(value, ErrorValue):
                value = value.code
            if isinstance(value, float):
                value = f"{value:g}".replace(".", decimal)
            values.append("" if value is None else str(value))
        writer.writerow(values)
    return out.getvalue().encode(encoding)


def write(sheets: Sequence[Sheet], kind: str) -> bytes:
    """The sheets in a format: ``xlsx``, ``xlsm``, ``ods``, ``xls``, ``csv`` (first sheet)."""
    if kind == "xlsx":
        return to_xlsx(sheets)
    if kind == "xlsm":
        return to_xlsx(sheets, macros=True)
    if kind == "ods":
        return to_ods(sheets)
    if kind == "xls":
        return to_xls(sheets)
    if kind == "csv":
        [sheet] = sheets
        return to_csv(sheet)
    raise ValueError(kind)


# --- the sheets judges make -------------------------------------------------------------------

TULTA_HEADINGS = ("Langkah 1", "Langkah 2", "Langkah 3", "Langkah 4", "Langkah 5",
                  "Langkah 6", "Langkah 7", "Alat", "Penguasaan Materi", "Cara Penyampaian",
                  None, "Kreativitas", "Kekompakan", "Pesan", "Kreativitas", "Kekompakan",
                  "Pesan Pelayanan", "Kostum")
"""Row 6 of the recap from column D: the seven steps, the tools, presentation (two), questions
(headed on the group row), yel-yel (three) and fragmen (four)."""

TULTA_SCORES: dict[str, list[float]] = {
    # 18 scores in rubric order; the judge's own total (weighted, by hand) follows in V
    "Disdukcapil": [90, *[80] * 17],
    "Dinas Kesehatan": [75] * 18,
    "RSUD Bendan": [*[70] * 10, 90, *[70] * 7],
    "Kel. Kali Baros": [*[85] * 7, 95, *[85] * 10],
    "Medono": [*[60] * 17, 100],
}
TULTA_TOTALS = {"Disdukcapil": 80.42, "Dinas Kesehatan": 75, "RSUD Bendan": 73,
                "Kel. Kali Baros": 86.2, "Medono": 60.9}


def recap(judge: str = "Dr. Budi Santoso") -> Sheet:
    """A judge's own recap of the work-culture competition (see ``test_layouts.py``): title
    rows, the judge's name, merged group headings over two header rows, a numbering column,
    an empty spacer column C, a judge-computed total column V (a formula with its saved
    result), the agencies' averages (row 10) and a sub-heading (row 11) between the agencies
    and the kelurahan, and notes and a signature below the table."""
    sheet = Sheet("Rekap")
    sheet.put("A1", "REKAPITULASI PENILAIAN LOMBA BUDAYA KERJA")
    sheet.put("A2", "KOTA PEKALONGAN TAHUN 2026")
    sheet.merged += ["A1:V1", "A2:V2"]
    sheet.put("A3", f"Nama Juri : {judge}")
    sheet.put("A5", "No", "Nama Kelompok", None, "Risalah")
    sheet.put("L5", "Presentasi", None, "Tanya Jawab", "Yel-yel", None, None, "Fragmen")
    sheet.put("V5", "Jumlah")
    sheet.merged += ["A5:A6", "B5:B6", "D5:K5", "L5:M5", "N5:N6", "O5:Q5", "R5:U5", "V5:V6"]
    sheet.put("D6", *TULTA_HEADINGS[:10], None, *TULTA_HEADINGS[11:])
    rows = {"Disdukcapil": 7, "Dinas Kesehatan": 8, "RSUD Bendan": 9,
            "Kel. Kali Baros": 12, "Medono": 13}
    for number, (name, row) in enumerate(rows.items(), start=1):
        scores = TULTA_SCORES[name]
        sheet.put(f"A{row}", number, name, None, *scores)
        sheet.cells[f"V{row}"] = Formula(f"=SUMPRODUCT(D{row}:U{row},$D$15:$U$15)",
                                         TULTA_TOTALS[name])
    # the agencies' averages, between the two blocks: a footer row with entries below it
    sheet.put("B10", "Rata-rata OPD")
    for column, values in zip(column_span("D", 18), zip(*(TULTA_SCORES[n] for n in (
            "Disdukcapil", "Dinas Kesehatan", "RSUD Bendan")), strict=True), strict=True):
        sheet.cells[f"{column}10"] = Formula(f"=AVERAGE({column}7:{column}9)",
                                             round(sum(values) / 3, 2))
    sheet.put("B11", "KELURAHAN")
    # the weights the judge's formula uses, below the table: a footer row, not an entry
    sheet.put("B15", "Bobot", None, *[0.042] * 6, 0.028, 0.12, 0.1, 0.1, 0.15, 0.04, 0.03,
              0.03, 0.045, 0.0375, 0.045, 0.0225)
    sheet.put("B17", "Catatan: nilai sudah termasuk wawancara.")
    sheet.put("S19", "Pekalongan, 30 November 2026")
    sheet.put("S20", "Juri,")
    sheet.put("S23", judge)
    return sheet


TULTA_FORM_ROWS = (
    # (text in column B, is it a criterion with a score in D)
    ("Risalah", False),
    ("1. Menentukan tema dan sasaran", True),
    ("2. Menganalisis faktor penyebab", True),
    ("3. Menentukan penyebab dominan", True),
    ("4. Merencanakan perbaikan", True),
    ("5. Melaksanakan perbaikan", True),
    ("6. Mengevaluasi hasil", True),
    ("7. Menetapkan standar dan tema berikutnya", True),
    ("Penggunaan tujuh alat", True),
    ("Presentasi", False),
    ("Penguasaan materi", True),
    ("Cara penyampaian dan waktu", True),
    ("Tanya jawab", True),
    ("Yel-yel", False),
    ("Kreativitas", True),
    ("Kekompakan", True),
    ("Pesan", True),
    ("Fragmen", False),
    ("Kreativitas", True),
    ("Kekompakan", True),
    ("Pesan pelayanan", True),
    ("Kostum", True),
)
TULTA_WEIGHTS = (4.2, 4.2, 4.2, 4.2, 4.2, 4.2, 2.8, 12, 10, 10, 15, 4, 3, 3, 4.5, 3.75, 4.5,
                 2.25)


def form(sheet_name: str, group: str, scores: Sequence[float], total: float,
         judge: str = "Siti Aminah") -> Sheet:
    """One form: title, ``Nama Kelompok : <group>``, the judge's name, a table of criteria
    (column B) with a weight (C, never a score) and the score (D) from row 8, a total row
    (``Jumlah``, a formula with its saved result) and a signature."""
    sheet = Sheet(sheet_name)
    sheet.put("A1", "FORMULIR PENILAIAN LOMBA BUDAYA KERJA 2026")
    sheet.merged.append("A1:D1")
    sheet.put("A3", "Nama Kelompok", None, f": {group}")
    sheet.put("A4", "Nama Juri", None, f": {judge}")
    sheet.put("A6", "No", "Aspek Penilaian", "Bobot (%)", "Nilai")
    row, number, weights, values = 7, 0, iter(TULTA_WEIGHTS), iter(scores)
    for text, scored in TULTA_FORM_ROWS:
        row += 1
        if scored:
            number += 1
            sheet.put(f"A{row}", number, text, next(weights), next(values))
        else:
            sheet.put(f"B{row}", text)
    sheet.put(f"B{row + 1}", "Jumlah")
    sheet.cells[f"D{row + 1}"] = Formula(f"=SUMPRODUCT(C9:C{row},D9:D{row})/100", total)
    sheet.put(f"C{row + 3}", "Pekalongan, 30 November 2026")
    sheet.put(f"C{row + 4}", "Penilai,")
    sheet.put(f"C{row + 7}", judge)
    return sheet


FORM_GROUPS = {
    # sheet name, the group's name in the title cell, 18 scores, the weighted total
    "Dinkes": ("KBK Dinas Kesehatan", [*[80] * 7, 90, *[80] * 10], 81.2),
    "Dishub": ("Dinas Perhubungan", [70] * 18, 70),
    "Medono": ("Kelurahan Medono", [*[65] * 10, 85, *[65] * 7], 68),
}


def forms() -> list[Sheet]:
    """A form per entry, one sheet per group, and a sheet of instructions (no scores)."""
    sheets = [form(name, group, scores, total)
              for name, (group, scores, total) in FORM_GROUPS.items()]
    sheets.append(Sheet("Petunjuk").put("A1", "Isi nilai 0–100 pada kolom Nilai."))
    return sheets


def stacked_forms() -> Sheet:
    """Two forms one below the other on one sheet (rows 1–33 and 35–67)."""
    first = form("Formulir", "Dinas Perhubungan", [70] * 18, 70)
    second = form("x", "Kelurahan Medono", [*[65] * 10, 85, *[65] * 7], 68)
    for name, value in second.grid().items():
        first.cells[f"{get_column_letter(name[1])}{name[0] + 34}"] = value
    first.merged.append("A35:D35")
    return first


POSTER_LONG = (
    # judge, entry as written, criterion as written, score
    ("Siti Aminah", "Ani Rahayu", "Kebaruan Ide", 8),
    ("Siti Aminah", "Ani Rahayu", "Desain visual", 7.5),
    ("Siti Aminah", "Ani Rahayu", "Dampak bagi warga", 9),
    ("Siti Aminah", "Ani Rahayu", "Kerapian", 4),
    ("Siti Aminah", "Citra Lestari", "Kebaruan Ide", 6),
    ("Siti Aminah", "Citra Lestari", "Desain visual", 6.5),
    ("Siti Aminah", "Citra Lestari", "Dampak bagi warga", 7),
    ("Budi Santoso", "Ani Rahayu", "Kebaruan Ide", 7),
    ("Budi Santoso", "Ani Rahayu", "Desain visual", 8),
    ("Budi Santoso", "Ani Rahayu", "Dampak bagi warga", 8.5),
    ("Budi Santoso", "Ani Rahayu", "Kerapian", 5),
    ("Budi Santoso", "Citra Lestari", "Kebaruan Ide", 9),
    ("Budi Santoso", "Citra Lestari", "Desain visual", 8),
    ("Budi Santoso", "Citra Lestari", "Dampak bagi warga", 7.5),
)


def long_table(name: str = "Data") -> Sheet:
    """Rows of judge, entry, criterion, score under a header (row 1), for two judges."""
    sheet = Sheet(name).put("A1", "Juri", "Nama Peserta", "Kriteria", "Nilai")
    for row, values in enumerate(POSTER_LONG, start=2):
        sheet.put(f"A{row}", *values)
    return sheet


POSTER_HEADINGS = ("No", "Nama Peserta", "Kebaruan Ide", "Desain Visual", "Dampak bagi warga",
                   "Kerapian")


def poster_recap(name: str, scores: Mapping[str, Sequence[float | None]],
                 label: str | None = None, header_row: int = 3) -> Sheet:
    """A plain recap of the poster contest: a header at ``header_row``, a row per entry."""
    sheet = Sheet(name)
    if label:
        sheet.put("A1", label)
    sheet.put(f"A{header_row}", *POSTER_HEADINGS)
    for number, (entry, values) in enumerate(scores.items(), start=1):
        sheet.put(f"A{header_row + number}", number, entry, *values)
    return sheet


JUDGE_SHEETS = {
    "Siti Aminah": {"Ani Rahayu": [8, 7.5, 9, 4], "Bayu Pratama": [6, 6, 7, 3],
                    "Citra Lestari": [6, 6.5, 7, None], "Dodi Hermawan": [9, 9, 9.5, None]},
    "Juri 2": {"Ani Rahayu": [7, 8, 8.5, 5], "Bayu Pratama": [5.5, 7, 6, 2],
               "Citra Lestari": [9, 8, 7.5, None], "Dodi Hermawan": [8, 8.5, 9, None]},
}


def judges_workbook() -> list[Sheet]:
    """A sheet per judge: one named after its judge, one (``Juri 2``) with a label cell."""
    return [poster_recap("Siti Aminah", JUDGE_SHEETS["Siti Aminah"]),
            poster_recap("Juri 2", JUDGE_SHEETS["Juri 2"], label="Penilai: Budi Santoso")]


def poster_csv(*, separator: str, decimal: str, label: bool = True) -> bytes:
    """The first judge's recap as CSV, as Excel exports it in either locale."""
    sheet = poster_recap("x", JUDGE_SHEETS["Siti Aminah"],
                         label="Nama Juri" if label else None)
    if label:
        sheet.put("B1", "Siti Aminah")
    return to_csv(sheet, separator=separator, decimal=decimal)


# --- hostile and broken files (used by test_safety.py and test_hostile.py) ------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, payload in members.items():
            archive.writestr(name, payload)
    return buffer.getvalue()


def content_types(parts: dict[str, str]) -> bytes:
    overrides = "".join(f'<Override PartName="/{part}" ContentType="{kind}"/>'
                        for part, kind in parts.items())
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>").encode()


def sheet_xml(cell: str = "Dinkes", prolog: str = "", dimension: str = "A1:B1") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>' + prolog
            + f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/><sheetData>'
            f'<row r="1"><c r="A1" t="inlineStr"><is><t>{cell}</t></is></c>'
            '<c r="B1"><v>85</v></c></row></sheetData></worksheet>').encode()


def xlsx_by_hand(sheets: dict[str, bytes] | None = None, *, workbook_prolog: str = "",
         types_prolog: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal but complete .xlsx made by hand: openpyxl and calamine both read it."""
    sheets = sheets if sheets is not None else {"Nilai": sheet_xml()}
    parts = {"xl/workbook.xml": WORKBOOK_TYPE}
    parts.update({f"xl/worksheets/sheet{i}.xml": SHEET_TYPE for i in range(1, len(sheets) + 1)})
    types = content_types(parts)
    if types_prolog:
        types = types.replace(b"?>", b"?>" + types_prolog.encode(), 1)
    listing = "".join(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, name in enumerate(sheets, 1))
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?>{workbook_prolog}'
                f'<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>{listing}</sheets>'
                "</workbook>").encode()
    links = "".join(f'<Relationship Id="rId{i}" Type="{DOC_RELS}/worksheet" '
                    f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
    members = {
        "[Content_Types].xml": types,
        "_rels/.rels": (f'<Relationships xmlns="{RELS_NS}"><Relationship Id="rId1" '
                        f'Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>'
                        "</Relationships>").encode(),
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{RELS_NS}">{links}</Relationships>'
                                      .encode(),
    }
    for i, payload in enumerate(sheets.values(), 1):
        members[f"xl/worksheets/sheet{i}.xml"] = payload
    members.update(extra or {})
    return zip_of(members)


SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def shared_string_bomb(rows: int = 2000, columns: int = 500, length: int = 32_767) -> bytes:
    """A small .xlsx (about 2.5 MB) whose ``rows`` × ``columns`` cells (a million by
    default, within the row and column limits) all point at one shared string of ``length``
    characters: 32 GB of text once every cell is read."""
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{rows * columns}" '
           f'uniqueCount="1"><si><t>{"x" * length}</t></si></sst>').encode()
    letters = [get_column_letter(c) for c in range(1, columns + 1)]
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{col}{r}" t="s"><v>0</v></c>'
                                              for col in letters) + "</row>"
                   for r in range(1, rows + 1))
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
             f"{body}</sheetData></worksheet>").encode()
    data = xlsx_by_hand({"Nilai": sheet}, extra={"xl/sharedStrings.xml": sst})
    members = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            members[name] = archive.read(name)
    members["[Content_Types].xml"] = content_types({
        "xl/workbook.xml": WORKBOOK_TYPE, "xl/worksheets/sheet1.xml": SHEET_TYPE,
        "xl/sharedStrings.xml": SST_TYPE})
    members["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="{RELS_NS}"><Relationship Id="rId1" '
        f'Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship '
        f'Id="rId2" Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>").encode()
    return zip_of(members)


def ods_by_hand(tables: int = 2, prolog: str = "") -> bytes:
    body = "".join(f'<table:table table:name="Juri {i}"><table:table-row><table:table-cell/>'
                   "</table:table-row></table:table>" for i in range(1, tables + 1))
    content = ('<?xml version="1.0" encoding="UTF-8"?>' + prolog
               + '<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">'
               f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
               "</office:document-content>").encode()
    return ods_zip(content)


def billion_laughs(levels: int = 9) -> str:
    """The classic: each entity is ten of the one before; &lol9; is 10^9 'lol's (3 GB)."""
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, levels + 1)]
    return f"<!DOCTYPE lolz [{''.join(entities)}]>"


XXE = '<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def encrypted_xlsx() -> bytes:
    """A password-protected .xlsx, as Office saves it: an OLE2 file of an encryption header
    and the encrypted package."""
    return ole2({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 100,
                 "EncryptedPackage": b"\0" * 5000})


def encrypted_xls() -> bytes:
    """A password-protected .xls: a FILEPASS record after the BOF."""
    return ole2({"Workbook": biff((0x002F, b"\x01\x00" + b"\0" * 52))})


def docx() -> bytes:
    """A Word document (.docx): a ZIP like an .xlsx, of another content type."""
    return zip_of({"[Content_Types].xml": content_types(
        {"word/document.xml": "application/vnd.openxmlformats-officedocument."
                              "wordprocessingml.document.main+xml"}),
        "word/document.xml": b"<w:document/>"})


def rows_xlsx(sheets: Mapping[str, Iterable[Sequence[Any]]]) -> bytes:
    """An .xlsx saved by openpyxl: a sheet per name, in order, its rows appended from row 1
    (an empty row leaves a blank row)."""
    workbook = openpyxl.Workbook()
    for index, (name, rows) in enumerate(sheets.items()):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = name
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def openpyxl_workbook(sheets: int = 1, rows: int = 3) -> bytes:
    table = [["Peserta", "Langkah 1", "Langkah 2"],
             *([f"Kelurahan {row}", 80 + row % 20, 75] for row in range(rows))]
    return rows_xlsx({("Sheet" if index == 0 else f"Juri {index + 1}"): table
                      for index in range(sheets)})


def central_entry(data: bytes, name: str) -> int:
    """Offset of ``name``'s record in the central directory."""
    position = data.find(b"PK\x05\x06")
    offset = struct.unpack_from("<L", data, position + 16)[0]
    while data[offset:offset + 4] == b"PK\x01\x02":
        name_length, extra, comment = struct.unpack_from("<HHH", data, offset + 28)
        if data[offset + 46:offset + 46 + name_length].decode() == name:
            return offset
        offset += 46 + name_length + extra + comment
    raise KeyError(name)


def patched(data: bytes, name: str, *, file_size: int | None = None,
            flag_bits: int | None = None) -> bytes:
    """``data`` with ``name``'s declared uncompressed size or flags rewritten (a lying file)."""
    out = bytearray(data)
    record = central_entry(data, name)
    local = struct.unpack_from("<L", data, record + 42)[0]
    if file_size is not None:
        struct.pack_into("<L", out, record + 24, file_size)
        struct.pack_into("<L", out, local + 22, file_size)
    if flag_bits is not None:
        struct.pack_into("<H", out, record + 8, flag_bits)
        struct.pack_into("<H", out, local + 6, flag_bits)
    return bytes(out)


def overlapping_zip(copies: int, size: int) -> bytes:
    """A non-recursive zip bomb: many directory records all pointing at one compressed block."""
    payload = b"<" + b"a" * (size - 1)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    compressed = packer.compress(payload) + packer.flush()
    crc = zlib.crc32(payload)
    first = b"x/0.xml"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(compressed),
                        size, len(first), 0) + first + compressed
    directory = b""
    for index in range(copies):
        name = f"x/{index}.xml".encode()
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc,
                                 len(compressed), size, len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, copies, copies, len(directory),
                      len(local), 0)
    return local + directory + end


def peak_memory(action: Callable[[], object]) -> tuple[object, int]:
    """What ``action`` returns and the peak of Python memory it allocated, in bytes."""
    tracemalloc.start()
    try:
        result = action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak
