"""OpenDocument spreadsheets (.ods): what python-calamine does not give, read from the XML.

Words used here:

- *table*: an .ods's name for a sheet; its ``content.xml`` holds every table.
- *repeat*: an .ods says "this row, a million times" in a few bytes
  (``number-rows-repeated``, ``number-columns-repeated``); :func:`scan_ods` counts repeats
  without building them, so that a table over the limits is refused before calamine builds
  every repeated cell.
- what calamine misses and :class:`OdsTable` keeps: merged ranges, hidden rows and columns,
  percent cells, and a formula's error (which calamine reads as 0).
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from io import BytesIO

from scoring.sheets.formats.common import DEFAULT_LIMITS, MAX_CELLS, Limits
from scoring.sheets.formats.members import iter_member

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
    does not. :func:`scoring.sheets.safety.inspect_bytes` has refused any DTD already; expat
    is told to refuse one too. Raises ValueError (or expat's error) for a part it cannot read.
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
    for chunk in iter_member(data, info, limits.max_uncompressed_bytes):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
    return tables
