"""Each cell quirk of real score sheets, in a judge's own recap: what it is read as, or the
problem naming its cell.

The sheet (built here with ``corpus.Sheet``): the judge's name in A1, a header on row 3
(``Nama Peserta | Kebaruan ide | Dampak bagi warga``), one row per entry from row 4. The rubric
has a scale of 0–100 in steps of 0.01 (``ide``, column B) and one of 0–5000 in steps of 0.5
(``dampak``, column C), so that percentages and thousands both fit.
"""

from __future__ import annotations

import pytest

from scoring.entries import Entries
from scoring.rubric import Rubric
from tests.sheets.helpers import FOUR_ENTRIES, cells_rubric

from . import corpus
from .helpers import read

ENTRIES = FOUR_ENTRIES
ROWS = {"Ani Rahayu": 4, "Bayu Pratama": 5, "Citra Lestari": 6, "Dodi Hermawan": 7}


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return cells_rubric()


def sheet(**rows: tuple[object, object]) -> corpus.Sheet:
    """The recap with ``Ani=(b, c)``-style rows (by first name); others get 50 and 100."""
    out = corpus.Sheet("Nilai").put("A1", "Nama Juri: Siti Aminah")
    out.put("A3", "Nama Peserta", "Kebaruan ide", "Dampak bagi warga")
    for name, row in ROWS.items():
        out.put(f"A{row}", name, *rows.get(name.split()[0], (50, 100)))
    return out


def scores(frame) -> dict[str, float]:
    """source cell -> score, for every row of the table (all of them on sheet Nilai)."""
    assert set(frame.source_sheet) <= {"Nilai", "c"}
    return dict(zip(frame.source_cell, frame.score, strict=True))


def where(problems) -> list[tuple[str, str, str]]:
    return [(p.severity, p.code, p.cell) for p in problems]


OTHERS = {"B5": 50.0, "C5": 100.0, "B6": 50.0, "C6": 100.0, "B7": 50.0, "C7": 100.0}


def test_numbers_stored_as_text(rubric: Rubric) -> None:
    data = corpus.to_xlsx([sheet(Ani=("85", " 1250 "), Bayu=("'70", "\u2212" + "0"))])
    frame, problems = read(data, rubric, ENTRIES)
    assert problems == []
    assert scores(frame) == {**OTHERS, "B4": 85.0, "C4": 1250.0, "B5": 70.0, "C5": 0.0}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_decimal_commas_and_points(rubric: Rubric, kind: str) -> None:
    data = corpus.write([sheet(Ani=("85,25", "1250,5"), Bayu=("85.25", "1250.5"))], kind)
    frame, problems = read(data, rubric, ENTRIES, f"c.{kind}")
    assert problems == []
    assert scores(frame) == {**OTHERS, "B4": 85.25, "C4": 1250.5, "B5": 85.25, "C5": 1250.5}


def test_thousands_separators(rubric: Rubric) -> None:
    data = corpus.to_xlsx([sheet(Ani=(50, "1.250,5"), Bayu=(50, "1,250.5"),
                                 Citra=(50, "2 500"), Dodi=(50, "4.999,5"))])
    frame, problems = read(data, rubric, ENTRIES)
    assert problems == []
    assert scores(frame) == {"B4": 50.0, "C4": 1250.5, "B5": 50.0, "C5": 1250.5,
                             "B6": 50.0, "C6": 2500.0, "B7": 50.0, "C7": 4999.5}


def test_one_group_of_three_after_a_point_is_a_decimal(rubric: Rubric) -> None:
    # "1.250" alone could be either; judges write decimals far more often than thousands, and
    # the scale then checks the figure: 1.25 is a score, 1.255 is off the step of 0.01
    data = corpus.to_xlsx([sheet(Ani=("1.250", 100), Bayu=("1.255", 100))])
    frame, problems = read(data, rubric, ENTRIES)
    assert where(problems) == [("error", "score.off_step", "B5")]
    assert scores(frame)["B4"] == 1.25
    assert "B5" not in scores(frame)


def test_non_breaking_and_other_unusual_spaces(rubric: Rubric) -> None:
    data = corpus.to_xlsx([sheet(Ani=("85\u00a0", "1\u00a0250"),
                                 Bayu=("\u202f70,5", "2\u2009000"))])
    data_names = corpus.to_xlsx([
        sheet().put("A4", "Ani\u00a0Rahayu").put("A5", "Bayu\u200bPratama")])
    frame, problems = read(data, rubric, ENTRIES)
    assert problems == []
    assert scores(frame) == {**OTHERS, "B4": 85.0, "C4": 1250.0, "B5": 70.5, "C5": 2000.0}
    names, problems = read(data_names, rubric, ENTRIES)
    assert problems == []
    assert set(names.entry_id) == {"p-ani", "p-bayu", "u-citra", "u-dodi"}


@pytest.mark.parametrize("kind", ["xlsx", "ods", "xls"])
def test_percent_cells(rubric: Rubric, kind: str) -> None:
    # 85,5% formatted as percent is stored as 0.855; typed as text it says "%"
    base = sheet(Ani=(0.855, 100), Bayu=(0.9, 100), Citra=("85,5%", 100))
    base.formats.update({"B4": "0.0%", "B5": "0%"})
    frame, problems = read(corpus.write([base], kind), rubric, ENTRIES, f"c.{kind}")
    assert scores(frame) == {"B4": 85.5, "C4": 100.0, "B5": 90.0, "C5": 100.0,
                             "B6": 85.5, "C6": 100.0, "B7": 50.0, "C7": 100.0}
    [problem] = problems
    assert (problem.severity, problem.code, problem.cell) == (
        "warning", "cell.percent_scaled", "B4:B6")
    assert (problem.params["column"], problem.params["count"]) == ("B", 3)


def test_formula_with_a_saved_result(rubric: Rubric) -> None:
    base = sheet()
    base.cells["B4"] = corpus.Formula("=80+5.5", 85.5)
    base.cells["C4"] = corpus.Formula("=B4*10", 855)
    frame, problems = read(corpus.to_xlsx([base]), rubric, ENTRIES)
    assert problems == []
    assert scores(frame) == {**OTHERS, "B4": 85.5, "C4": 855.0}


def test_formula_without_a_saved_result(rubric: Rubric) -> None:
    base = sheet()
    base.cells["C5"] = corpus.Formula("=B5*20")
    frame, problems = read(corpus.to_xlsx([base]), rubric, ENTRIES)
    [problem] = problems
    assert (problem.severity, problem.code, problem.sheet, problem.cell) == (
        "error", "score.formula_no_value", "Nilai", "C5")
    assert (problem.params["formula"], problem.params["entry"]) == ("B5*20", "p-bayu")
    assert "C5" not in scores(frame) and len(frame) == 7


def test_merged_cells(rubric: Rubric) -> None:
    # the name merged over two columns is read from its anchor; a score merged over two
    # criteria is the first criterion's, and the covered cell is a missing score, never a copy
    base = sheet(Ani=(80, None))
    base.merged.append("B4:C4")
    base.put("A8", "Dodi Hermawan").cells.pop("A7")
    base.merged.append("A8:A9")
    base.put("B8", 50, 100)
    base.cells.pop("B7")
    base.cells.pop("C7")
    frame, problems = read(corpus.to_xlsx([base]), rubric, ENTRIES)
    assert where(problems) == [("error", "score.missing", "C4")]
    assert scores(frame) == {"B4": 80.0, "B5": 50.0, "C5": 100.0, "B6": 50.0, "C6": 100.0,
                             "B8": 50.0, "C8": 100.0}


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_hidden_rows_and_columns_are_read_with_a_warning(rubric: Rubric, kind: str) -> None:
    base = sheet(Bayu=(70, 700))
    base.hidden_rows.add(5)
    base.hidden_columns.add("C")
    frame, problems = read(corpus.write([base], kind), rubric, ENTRIES, f"c.{kind}")
    [problem] = problems
    # hidden: row 5 (B5, C5) and column C (C4 to C7)
    assert (problem.severity, problem.code, problem.cell) == ("warning", "cell.hidden", "B4:C7")
    assert (problem.params["rows"], problem.params["columns"]) == ("5", "C")
    assert scores(frame) == {"B4": 50.0, "C4": 100.0, "B5": 70.0, "C5": 700.0, **{
        k: v for k, v in OTHERS.items() if k[1] != "5"}}


@pytest.mark.parametrize("code", ["#DIV/0!", "#N/A", "#VALUE!"])
@pytest.mark.parametrize("kind", ["xlsx", "ods", "xls", "csv"])
def test_error_values(rubric: Rubric, code: str, kind: str) -> None:
    base = sheet()
    base.cells["C6"] = corpus.ErrorValue(code)
    frame, problems = read(corpus.write([base], kind), rubric, ENTRIES, f"c.{kind}")
    [problem] = problems
    assert (problem.severity, problem.code, problem.cell) == ("error", "cell.error_value", "C6")
    assert (problem.params["value"], problem.params["entry"]) == (code, "u-citra")
    assert "C6" not in scores(frame) and len(frame) == 7


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_formula_whose_saved_result_is_an_error(rubric: Rubric, kind: str) -> None:
    # LibreOffice saves it as the number 0 marked as an error: never a score of 0
    base = sheet()
    base.cells["B5"] = corpus.Formula("=C5/0", corpus.ErrorValue("#DIV/0!"))
    frame, problems = read(corpus.write([base], kind), rubric, ENTRIES, f"c.{kind}")
    assert [(p.code, p.cell, p.params["value"]) for p in problems] == [
        ("cell.error_value", "B5", "#DIV/0!")]
    assert len(frame) == 7


def test_text_that_is_no_number(rubric: Rubric) -> None:
    frame, problems = read(corpus.to_xlsx([sheet(Ani=("delapan puluh", True))]), rubric,
                           ENTRIES)
    assert where(problems) == [("error", "score.not_a_number", "B4"),
                               ("error", "score.not_a_number", "C4")]
    assert len(frame) == 6


# --- the judge's own total ------------------------------------------------------------------

# The poster contest weighs by points: total = 3 × ide + 2 × desain + 3 × dampak (+ 1 ×
# kerapian for PELAJAR). By hand: Ani 3×8 + 2×7.5 + 3×9 + 4 = 70; Bayu 18 + 12 + 21 + 3 = 54;
# Citra 18 + 13 + 21 = 52; Dodi 27 + 18 + 28.5 = 73.5.
POSTER = {"Ani Rahayu": [8, 7.5, 9, 4], "Bayu Pratama": [6, 6, 7, 3],
          "Citra Lestari": [6, 6.5, 7, None], "Dodi Hermawan": [9, 9, 9.5, None]}


def with_totals(**totals: object) -> bytes:
    base = corpus.poster_recap("Siti Aminah", POSTER)
    base.put("G3", "Total")
    for row, value in zip(range(4, 8), totals.values(), strict=True):
        base.cells[f"G{row}"] = value
    return corpus.to_xlsx([base])


def test_totals_that_agree(poster: Rubric, poster_entries: Entries) -> None:
    # Dodi's 73.5 shown without decimals: 74 (or 73) is a rounding, not a mismatch
    frame, problems = read(with_totals(Ani=70, Bayu="54,0", Citra=52.0, Dodi=74),
                           poster, poster_entries)
    assert problems == []
    assert len(frame) == 14


def test_a_total_that_differs_beyond_rounding(poster: Rubric, poster_entries: Entries) -> None:
    frame, problems = read(with_totals(Ani=70, Bayu=55, Citra=52, Dodi=72),
                           poster, poster_entries)
    assert [(p.severity, p.code, p.sheet, p.cell, p.params["cells"], p.params["entry"],
             p.params["expected_en"], p.params["given_en"]) for p in problems] == [
        ("warning", "total.mismatch", "Siti Aminah", "G5", "C5:F5", "p-bayu", "54", "55"),
        ("warning", "total.mismatch", "Siti Aminah", "G7", "C7:F7", "u-dodi", "73.5", "72"),
    ]
    assert problems[0].message("en") == (
        "The judge's total 55 differs from the weighted total of the scores in C5:F5: 54 "
        "(entry 'Bayu Pratama'). The official result is computed from the scores per "
        "criterion; check the scores or the total's formula.")
    assert len(frame) == 14  # the scores are read all the same


def test_a_total_formula_with_its_saved_result(poster: Rubric, poster_entries: Entries) -> None:
    totals = {name: corpus.Formula(f"=3*C{row}+2*D{row}+3*E{row}+F{row}", value)
              for (name, row), value in zip(ROWS.items(), (70, 54, 52, 80), strict=True)}
    _frame, problems = read(with_totals(**totals), poster, poster_entries)
    assert where(problems) == [("warning", "total.mismatch", "G7")]


def test_a_column_of_plain_sums(poster: Rubric, poster_entries: Entries) -> None:
    # the judge added the scores up: said once, then checked as sums (Ani 28.5, Bayu 22,
    # Citra 19.5, Dodi 27.5; Dodi's 30 is wrong)
    _frame, problems = read(with_totals(Ani=28.5, Bayu=22, Citra=19.5, Dodi=30),
                           poster, poster_entries)
    assert [(p.code, p.cell, p.params["kind_en"]) for p in problems] == [
        ("total.unweighted", "G4:G7", "plain sum"), ("total.mismatch", "G7", "plain sum")]
    assert problems[1].params["expected_en"] == "27.5"
