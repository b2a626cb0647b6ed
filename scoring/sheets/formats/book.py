"""The model every format is read into: a book of grids, whatever the file was.

Every layout reader (:mod:`scoring.sheets.recap`, :mod:`~scoring.sheets.forms`,
:mod:`~scoring.sheets.long`) reads a :class:`Grid` and never the file itself, so a layout does
not care whether the judge saved .xlsx, .xlsm, .xls, .ods or .csv. The modules of
:mod:`scoring.sheets.formats` build these; :mod:`scoring.sheets.grid` picks the one for a file.

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
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter


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
