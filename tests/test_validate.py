"""scoring.validate.check_table: each check on a small hand-built table."""

from __future__ import annotations

import pytest

from scoring import table
from scoring.validate import check_table
from tests.helpers import entries_of, rubric_from

RUBRIC = rubric_from({
    "id": "v", "title": "V",
    "categories": [{"id": "A", "name": "A"}, {"id": "B", "name": "B", "criteria": ["c1"]}],
    "criteria": [{"id": "c1", "name": "C1", "scale": {"min": 0, "max": 10, "step": 0.5}},
                 {"id": "c2", "name": "C2", "scale": {"min": 1, "max": 5}}],
})
ENTRIES = entries_of(("a1", "A"), ("b1", "B"))


def row(entry: str, category: str, judge: str, criterion: str, value: object,
        cell: str = "F1") -> dict:
    return {"entry_id": entry, "category": category, "judge_id": judge,
            "criterion_id": criterion, "score": value, "source_file": "j.xlsx",
            "source_sheet": "S", "source_cell": cell}


def check(*rows: dict) -> tuple[list[str], list[tuple[str, str, dict]]]:
    clean, problems = check_table(table.make(list(rows)), RUBRIC, ENTRIES)
    return (clean["source_cell"].tolist(),
            [(p.code, p.cell, dict(p.params)) for p in problems])


def test_good_rows_pass_untouched() -> None:
    kept, problems = check(row("a1", "A", "Ana", "c1", 7.5, "F1"),
                           row("a1", "A", "Ana", "c2", 3, "F2"),
                           row("b1", "B", "Ana", "c1", 0, "F3"))
    assert kept == ["F1", "F2", "F3"] and problems == []


def test_an_empty_table_has_no_problems() -> None:
    clean, problems = check_table(table.empty(), RUBRIC, ENTRIES)
    assert clean.empty and problems == []


def test_unknown_entry() -> None:
    kept, problems = check(row("zz", "A", "Ana", "c1", 5, "F9"))
    assert kept == []
    assert problems == [("table.unknown_entry", "F9", {"entry_id": "zz"})]


def test_wrong_category() -> None:
    kept, problems = check(row("a1", "B", "Ana", "c1", 5, "F4"))
    assert kept == []
    assert problems == [("table.wrong_category", "F4",
                         {"entry_id": "a1", "expected": "A", "given": "B"})]


def test_criterion_not_scored_in_the_category() -> None:
    # category B is scored on c1 only
    kept, problems = check(row("b1", "B", "Ana", "c2", 3, "G2"))
    assert kept == []
    assert problems == [("table.unknown_criterion", "G2",
                         {"criterion_id": "c2", "category": "B"})]


def test_not_a_number() -> None:
    kept, problems = check(row("a1", "A", "Ana", "c1", None, "F5"))
    assert kept == []
    assert problems == [("table.not_a_number", "F5", {"entry_id": "a1", "criterion_id": "c1"})]


@pytest.mark.parametrize(("criterion", "value", "shown", "low", "high"), [
    ("c1", 10.5, "10.5", "0", "10"),   # above c1's 10
    ("c1", -0.5, "-0.5", "0", "10"),   # below c1's 0
    ("c2", 0, "0", "1", "5"),          # below c2's 1
])
def test_out_of_range(criterion: str, value: float, shown: str, low: str, high: str) -> None:
    kept, problems = check(row("a1", "A", "Ana", criterion, value, "H1"))
    assert kept == []
    [(code, cell, params)] = problems
    assert (code, cell) == ("table.out_of_range", "H1")
    assert (params["score"], params["min"], params["max"]) == (shown, low, high)


@pytest.mark.parametrize(("criterion", "value", "kept_it"), [
    ("c1", 7.3, False),   # (7.3 − 0) / 0.5 = 14.6: not whole
    ("c1", 7.5, True),    # 7.5 / 0.5 = 15
    ("c1", 0.3, False),   # 0.3 / 0.5 = 0.6
    ("c2", 2.5, False),   # (2.5 − 1) / 1 = 1.5
    ("c2", 4, True),      # (4 − 1) / 1 = 3
])
def test_off_step(criterion: str, value: float, kept_it: bool) -> None:
    kept, problems = check(row("a1", "A", "Ana", criterion, value, "K1"))
    assert kept == (["K1"] if kept_it else [])
    assert [code for code, _, _ in problems] == ([] if kept_it else ["table.off_step"])


def test_a_second_score_by_the_same_judge_is_a_duplicate_naming_the_first() -> None:
    # the judge's name written in another case is the same judge
    kept, problems = check(row("a1", "A", "Ana", "c1", 5, "F1"),
                           row("a1", "A", "ANA", "c1", 6, "F7"),
                           row("a1", "A", "Budi", "c1", 6, "F8"))
    assert kept == ["F1", "F8"]
    assert problems == [("table.duplicate_score", "F7",
                         {"judge": "ANA", "entry_id": "a1", "criterion_id": "c1",
                          "other": "j.xlsx › S › F1"})]


def test_every_bad_row_is_reported_once_and_the_rest_kept() -> None:
    kept, problems = check(row("zz", "A", "Ana", "c1", 5, "R1"),     # unknown entry
                           row("a1", "A", "Ana", "c1", 11, "R2"),    # out of range
                           row("a1", "A", "Ana", "c2", 2, "R3"),     # good
                           row("b1", "B", "Ana", "c2", None, "R4"))  # c2 not in B (and empty)
    assert kept == ["R3"]
    assert [(code, cell) for code, cell, _ in problems] == [
        ("table.unknown_entry", "R1"), ("table.unknown_criterion", "R4"),
        ("table.out_of_range", "R2")]
