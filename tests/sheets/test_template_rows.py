"""A judge who deletes or inserts a row in a template: one problem naming the right entry,
the moved rows still read by their entry code (issue 12), never a cascade of edited rows."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook

from scoring.entries import Entries
from scoring.rubric import Rubric
from scoring.sheets import fill_template

from .helpers import full_scores, read

TULTA_OPD_ROWS = 31 * 18
"""Scores on the OPD sheet: 31 agencies (rows 10–40) × 18 criteria."""
ALL_SCORES = 1044
"""Scores in the whole filled template: 31 agencies and 27 kelurahan, 18 criteria each:
(31 + 27) × 18 = 1044."""


def _rows_changed(data: bytes, sheet: str, *, delete: int = 0, insert: int = 0) -> bytes:
    wb = load_workbook(BytesIO(data))
    if delete:
        wb[sheet].delete_rows(delete)
    if insert:
        wb[sheet].insert_rows(insert)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_deleted_row_is_one_problem_naming_its_entry(tulta: Rubric, pekalongan: Entries,
                                                      tulta_template: bytes) -> None:
    # rows 10, 11, 12 of the OPD sheet are Disdukcapil, Dinarpus and RSUD Bendan (the
    # entries list's order); the judge deletes row 12 after filling every score with 80
    filled = fill_template(tulta_template, full_scores(tulta_template))
    frame, problems = read(_rows_changed(filled, "OPD", delete=12), tulta, pekalongan)
    assert [(p.code, p.severity, p.sheet, p.cell, p.params["name"]) for p in problems] == [
        ("entry.row_missing", "error", "OPD", "B12", "RSUD Bendan")]
    assert "RSUD Bendan" in problems[0].message("id")
    # every other score is read: 1044 − 18 of the deleted row
    assert len(frame) == ALL_SCORES - 18
    assert "opd-rsud-bendan" not in set(frame["entry_id"])
    # Dinas Kesehatan, written for row 13, moved up to row 12 and is read there
    dinkes = frame[frame["entry_id"] == "opd-dinkes"]
    assert set(dinkes["source_cell"].str[1:]) == {"12"}
    assert len(dinkes) == 18


def test_an_inserted_row_moves_the_rows_below_without_a_problem(
        tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    filled = fill_template(tulta_template, full_scores(tulta_template))
    frame, problems = read(_rows_changed(filled, "OPD", insert=15), tulta, pekalongan)
    assert problems == []
    assert len(frame) == ALL_SCORES
    # the last agency, written for row 40, is now on row 41 (below the template's last row)
    last = frame[(frame["source_sheet"] == "OPD") & frame["source_cell"].str.endswith("41")]
    assert len(last) == 18
