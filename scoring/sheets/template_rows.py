"""Where a template's entry rows are after a judge deleted or inserted rows.

Words used here:

- *home row*: the row the template wrote for an entry (its :class:`RowLayout`).
- *moved row*: an entry's row found, by the entry id in its id cell, on another row than its
  home row: a judge deleted (or inserted) a row above it.
- *missing* entry: one whose row is nowhere, while other rows moved: its row was deleted.
  It is one problem (``entry.row_missing``) naming that entry, not one "edited row" per row
  below it.
"""

from __future__ import annotations

from collections.abc import Callable

from scoring.identity import id_key
from scoring.sheets.template import SheetLayout

SHIFT_SCAN = 5
"""Rows below a template's last entry row searched for entry rows pushed down by inserted
rows."""


def placed_rows(id_at: Callable[[int], str], layout: SheetLayout
                ) -> tuple[dict[str, int], set[str]]:
    """Where each entry's row is now (entry id -> row), and the entries whose row is gone.

    ``id_at(row)`` is the folded id (:func:`scoring.identity.id_key`) in the row's id cell.
    A row that still holds its own entry's id is that entry's, whatever else moved. Without
    any moved row nothing is missing: an id typed over is an edited row
    (``entry.row_edited``), reported by the row's own reading.
    """
    home = {r.row for r in layout.rows if id_at(r.row) == id_key(r.entry_id)}
    expected = {id_key(r.entry_id): r.entry_id for r in layout.rows}
    found = {r.entry_id: r.row for r in layout.rows if r.row in home}
    for number in range(layout.first_data_row, layout.last_data_row + SHIFT_SCAN + 1):
        key = id_at(number)
        if number not in home and key in expected and expected[key] not in found:
            found[expected[key]] = number
    moved = any(found.get(r.entry_id, r.row) != r.row for r in layout.rows)
    placed = {r.entry_id: (found.get(r.entry_id, r.row) if moved else r.row)
              for r in layout.rows}
    missing = {r.entry_id for r in layout.rows if moved and r.entry_id not in found}
    return placed, missing
