"""Filling a Juri template by program, as a judge would type it: where each score cell is,
the judge cell, and a filled copy. Used by the sample generator, the benchmarks and the tests;
words are those of :mod:`scoring.sheets.template`.
"""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO

from openpyxl import Workbook, load_workbook

from scoring.sheets.template import read_meta


def _open(data: bytes, **options: object) -> Workbook:
    return load_workbook(BytesIO(data), **options)  # type: ignore[arg-type]


def template_cells(data: bytes) -> dict[tuple[str, str], tuple[str, str]]:
    """(entry id, criterion id) -> (sheet title, cell such as ``"E12"``) of a template."""
    wb = _open(data, read_only=True)
    try:
        meta = read_meta(wb)
    finally:
        wb.close()
    return {(row.entry_id, col.criterion_id): (layout.title, f"{col.column}{row.row}")
            for layout in meta.sheets for row in layout.rows for col in layout.columns}


def judge_cell(data: bytes) -> tuple[str, str]:
    """(sheet title, cell) of a template's judge cell."""
    wb = _open(data, read_only=True)
    try:
        meta = read_meta(wb)
    finally:
        wb.close()
    return meta.judge_sheet, meta.judge_cell


def fill_template(data: bytes, scores: Mapping[tuple[str, str], object],
                  judge: str | None = None) -> bytes:
    """A copy of the template with ``scores`` written in, as a judge would type them.

    ``scores`` maps (entry id, criterion id) to a number, a text (``"85,5"``), a formula
    (``"=80+5"``) or any value openpyxl can store; None clears the cell. ``judge``, if given,
    is written in the judge cell. For tests, benchmarks and sample files.
    """
    cells = template_cells(data)
    # rich_text keeps the bilingual labels' smaller English words when saving again.
    wb = _open(data, rich_text=True)
    for key, value in scores.items():
        sheet, cell = cells[key]
        wb[sheet][cell].value = value
    if judge is not None:
        meta = read_meta(wb)
        wb[meta.judge_sheet][meta.judge_cell].value = judge
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
