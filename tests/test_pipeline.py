"""The score() call: checks on the table, missing scores, fingerprint, JSON shape."""

import json

import pandas as pd
import pytest

from scoring import table
from scoring.pipeline import fingerprint, score
from scoring.problems import warning
from tests.helpers import entries_of, marks, rubric_from, single_leaf
from tests.test_ranking import TWO_CRITERIA

TWO = entries_of(("e1", "A"), ("e2", "A"))


def codes(result) -> list[str]:
    return sorted(p.code for p in result.problems)


def test_table_checks_name_the_source_cell() -> None:
    rubric = single_leaf(categories=[{"id": "A", "name": "A"}, {"id": "B", "name": "B"}])
    scores = marks(TWO, {("e1", "J"): {"c": 50}, ("e2", "J"): {"c": 101}})
    extra = table.make([
        {"entry_id": "ghost", "category": "A", "judge_id": "J", "criterion_id": "c",
         "score": 5, "source_file": "f.xlsx", "source_sheet": "A", "source_cell": "C9"},
        {"entry_id": "e1", "category": "B", "judge_id": "J", "criterion_id": "c",
         "score": 5, "source_file": "f.xlsx", "source_sheet": "B", "source_cell": "C3"},
        {"entry_id": "e1", "category": "A", "judge_id": "J", "criterion_id": "zz",
         "score": 5, "source_file": "f.xlsx", "source_sheet": "A", "source_cell": "D3"},
        {"entry_id": "e1", "category": "A", "judge_id": "j", "criterion_id": "c",
         "score": 51, "source_file": "g.xlsx", "source_sheet": "A", "source_cell": "C3"},
        {"entry_id": "e2", "category": "A", "judge_id": "K", "criterion_id": "c",
         "score": 50.005, "source_file": "g.xlsx", "source_sheet": "A", "source_cell": "C4"},
    ])
    result = score(rubric, TWO, table.concat([scores, extra]))
    assert not result.ok and result.standings.empty
    found = {(p.code, p.file, p.cell) for p in result.problems}
    assert found == {
        ("table.out_of_range", "test.xlsx", "e2/J/c"),
        ("table.unknown_entry", "f.xlsx", "C9"),
        ("table.wrong_category", "f.xlsx", "C3"),
        ("table.unknown_criterion", "f.xlsx", "D3"),
        ("table.duplicate_score", "g.xlsx", "C3"),   # judge "j" is judge "J"
        ("table.off_step", "g.xlsx", "C4"),
    }
    out_of_range = next(p for p in result.problems if p.code == "table.out_of_range")
    assert out_of_range.message("id") == "Nilai 101 di luar skala 0–100"
    assert out_of_range.message("en") == "Score 101 is outside the scale 0–100"


def test_missing_scores_error_by_default() -> None:
    rubric = rubric_from(TWO_CRITERIA)
    scores = marks(TWO, {("e1", "J"): {"a": 50, "b": 60}, ("e2", "J"): {"a": 70}})
    result = score(rubric, TWO, scores)
    assert codes(result) == ["score.incomplete"]
    assert result.errors[0].params["criteria"] == "Presentasi"


def test_missing_scores_counted_as_minimum() -> None:
    rubric = rubric_from(TWO_CRITERIA, missing_scores="minimum")
    scores = marks(TWO, {("e1", "J"): {"a": 50, "b": 60}, ("e2", "J"): {"a": 70}})
    result = score(rubric, TWO, scores)
    assert codes(result) == ["score.filled_minimum"] and result.ok
    # e2: a 70, b counted as 0 → (70 + 0) / 2 = 35
    assert result.standings.set_index("entry_id").loc["e2", "total"] == 35


def test_missing_scores_exclude_the_judge_for_that_entry() -> None:
    rubric = rubric_from(TWO_CRITERIA, missing_scores="exclude_judge")
    scores = marks(TWO, {("e1", "J"): {"a": 50, "b": 60}, ("e2", "J"): {"a": 70},
                         ("e1", "K"): {"a": 70, "b": 80}, ("e2", "K"): {"a": 90, "b": 90}})
    result = score(rubric, TWO, scores)
    assert codes(result) == ["score.judge_excluded"] and result.ok
    rows = result.standings.set_index("entry_id")
    # e2 only from K: (90 + 90) / 2 = 90; e1 mean of 55 and 75 = 65
    assert rows.loc["e2", "total"] == 90 and rows.loc["e2", "n_judges"] == 1
    assert rows.loc["e1", "total"] == 65 and rows.loc["e1", "n_judges"] == 2


def test_unscored_entry_is_a_warning_and_not_ranked() -> None:
    result = score(single_leaf(), TWO, marks(TWO, {("e1", "J"): {"c": 50}}))
    assert result.ok and codes(result) == ["entry.unscored"]
    assert list(result.standings["entry_id"]) == ["e1"]


def test_no_scores_at_all() -> None:
    result = score(single_leaf(), TWO, table.empty())
    assert codes(result) == ["scores.none"] and not result.ok


def test_reader_problems_are_carried_and_block_when_errors() -> None:
    scores = marks(TWO, {("e1", "J"): {"c": 50}, ("e2", "J"): {"c": 60}})
    note = warning("entry.unscored", file="x.xlsx", entry_id="e9", name="Nine")
    result = score(single_leaf(), TWO, scores, problems=[note, note])
    assert result.ok and result.problems == (note,)


def test_entries_in_unknown_category() -> None:
    entries = entries_of(("e1", "A"), ("z1", "Z"))
    result = score(single_leaf(), entries, marks(entries_of(("e1", "A")),
                                                 {("e1", "J"): {"c": 50}}))
    assert codes(result) == ["entries.unknown_category"]


def test_fingerprint_is_stable_and_sensitive() -> None:
    rubric = single_leaf()
    scores = marks(TWO, {("e1", "J"): {"c": 50}, ("e2", "J"): {"c": 60}})
    shuffled = scores.iloc[::-1].assign(source_file="other.xlsx")
    first = fingerprint(rubric, TWO, scores)
    assert first == fingerprint(rubric, TWO, shuffled)  # order and source do not matter
    changed = scores.assign(score=[50, 60.5])
    assert fingerprint(rubric, TWO, changed) != first
    assert fingerprint(single_leaf(title="Other"), TWO, scores) != first
    assert len(first) == 64


def test_json_shape_and_determinism() -> None:
    rubric = rubric_from(TWO_CRITERIA, awards={"places": [{"name": "Juara I"}]},
                         tie_breaks=[{"criterion": "a"}])
    scores = marks(TWO, {("e1", "J"): {"a": 90, "b": 70}, ("e2", "J"): {"a": 70, "b": 90}})
    result = score(rubric, TWO, scores)
    text = result.to_json()
    assert text == score(rubric, TWO, scores).to_json()
    data = json.loads(text)
    assert set(data) >= {"fingerprint", "categories", "problems"}
    [first, second] = data["categories"]["A"]
    assert first == {
        "entry_id": "e1", "name": "Entry e1", "rank": 1, "tied": False, "total": 80,
        "subtotals": {"a": 45, "b": 35}, "award": "Juara I", "place": "Juara I",
        "band": None, "reward": None, "decided_by": "criterion:a", "n_judges": 1}
    assert second["rank"] == 2 and second["award"] is None
    assert data["ties"][0]["steps"] == [
        {"rule": "criterion:a", "separated": True, "values": {"e1": 45, "e2": 35}}]


@pytest.mark.parametrize("rule", ["mean", "median", "trimmed_mean"])
def test_missing_entry_from_one_judge_incomplete_design(rule: str) -> None:
    # J2 did not see e2 at all: not a missing score, an incomplete design
    scores = marks(TWO, {("e1", "J1"): {"c": 50}, ("e2", "J1"): {"c": 60},
                         ("e1", "J2"): {"c": 70}})
    result = score(single_leaf(panel={"rule": rule, "min_judges": 3}), TWO, scores)
    assert result.ok
    rows = result.standings.set_index("entry_id")
    assert rows.loc["e1", "total"] == 60 and rows.loc["e2", "total"] == 60
    assert isinstance(rows, pd.DataFrame)
