"""Panel rules on judges' totals and per criterion, worked out by hand."""

import pytest

from scoring.pipeline import score
from tests.helpers import entries_of, marks, rubric_from, single_leaf

ONE = entries_of(("e1", "A"))
FIVE_JUDGES = {("e1", f"J{i}"): {"c": v} for i, v in enumerate([50, 70, 85, 90, 100], 1)}


def total_of(rubric, scores, entries=ONE, entry="e1") -> float:
    result = score(rubric, entries, marks(entries, scores))
    assert result.ok, result.problems
    return float(result.standings.set_index("entry_id").loc[entry, "total"])


def test_mean() -> None:
    # (50 + 70 + 85 + 90 + 100) / 5 = 395 / 5 = 79
    assert total_of(single_leaf(panel={"rule": "mean"}), FIVE_JUDGES) == 79


def test_median_odd_and_even() -> None:
    assert total_of(single_leaf(panel={"rule": "median"}), FIVE_JUDGES) == 85
    four = {k: v for k, v in FIVE_JUDGES.items() if k[1] != "J5"}
    # 50, 70, 85, 90: (70 + 85) / 2 = 77.5
    assert total_of(single_leaf(panel={"rule": "median"}), four) == 77.5


def test_trimmed_mean_drops_highest_and_lowest() -> None:
    rubric = single_leaf(panel={"rule": "trimmed_mean", "trim": 1, "min_judges": 5})
    # drop 50 and 100: (70 + 85 + 90) / 3 = 245 / 3 = 81.666… → 81.67
    assert total_of(rubric, FIVE_JUDGES) == 81.67


def test_trimmed_mean_falls_back_below_min_judges_and_says_so() -> None:
    rubric = single_leaf(panel={"rule": "trimmed_mean", "trim": 1, "min_judges": 5})
    four = {k: v for k, v in FIVE_JUDGES.items() if k[1] != "J5"}
    result = score(rubric, ONE, marks(ONE, four))
    # plain mean (50 + 70 + 85 + 90) / 4 = 295 / 4 = 73.75
    assert result.standings.loc[0, "total"] == 73.75
    assert bool(result.standings.loc[0, "trim_fallback"]) is True
    assert [p.code for p in result.warnings] == ["panel.trim_fallback"]
    assert result.warnings[0].params["count"] == 1


def test_trim_two_of_seven() -> None:
    rubric = single_leaf(panel={"rule": "trimmed_mean", "trim": 2, "min_judges": 7})
    seven = {("e1", f"J{i}"): {"c": v} for i, v in enumerate([10, 20, 60, 70, 80, 95, 99], 1)}
    # drop 10, 20, 95, 99: (60 + 70 + 80) / 3 = 70
    assert total_of(rubric, seven) == 70


def test_panel_subtotals_come_from_the_judges_kept() -> None:
    data = {
        "id": "t", "title": "T", "categories": [{"id": "A", "name": "A"}],
        "criteria": [
            {"id": "a", "name": "A", "weight": 1, "scale": {"min": 0, "max": 100}},
            {"id": "b", "name": "B", "weight": 1, "scale": {"min": 0, "max": 100}},
        ],
        "panel": {"rule": "median"},
    }
    scores = {("e1", "J1"): {"a": 100, "b": 0},   # total 50
              ("e1", "J2"): {"a": 40, "b": 80},   # total 60, the median judge
              ("e1", "J3"): {"a": 90, "b": 90}}   # total 90
    result = score(rubric_from(data), ONE, marks(ONE, scores))
    row = result.standings.iloc[0]
    # percent weighting, two equal halves: a part = a / 2
    assert row["total"] == 60
    assert row["a"] == 20 and row["b"] == 40  # J2's parts: 40 / 2 and 80 / 2


def test_median_per_criterion_differs_from_median_of_totals() -> None:
    data = {
        "id": "t", "title": "T", "categories": [{"id": "A", "name": "A"}],
        "criteria": [
            {"id": "a", "name": "A", "weight": 1, "scale": {"min": 0, "max": 100}},
            {"id": "b", "name": "B", "weight": 1, "scale": {"min": 0, "max": 100}},
        ],
    }
    scores = {("e1", "J1"): {"a": 10, "b": 90},   # total 50
              ("e1", "J2"): {"a": 50, "b": 20},   # total 35
              ("e1", "J3"): {"a": 60, "b": 30}}   # total 45
    # median of totals: 45
    assert total_of(rubric_from(data, panel={"rule": "median"}), scores) == 45
    # median per criterion: a → 50, b → 30; total (50 + 30) / 2 = 40
    per_criterion = rubric_from(data, panel={"rule": "median", "apply_to": "criterion"})
    assert total_of(per_criterion, scores) == 40
    result = score(per_criterion, ONE, marks(ONE, scores))
    assert result.panel_scores.set_index("entry_id").loc["e1", "a"] == 50


def test_trimmed_mean_per_criterion_rounds_criterion_stage() -> None:
    data = {
        "id": "t", "title": "T", "weighting": "points",
        "categories": [{"id": "A", "name": "A"}],
        "criteria": [{"id": "a", "name": "A", "weight": 1,
                      "scale": {"min": 0, "max": 10, "step": 0.01}}],
        "panel": {"rule": "trimmed_mean", "trim": 1, "min_judges": 4, "apply_to": "criterion"},
        "rounding": {"criterion": 2, "total": None},
    }
    scores = {("e1", "J1"): {"a": 1.0}, ("e1", "J2"): {"a": 2.67},
              ("e1", "J3"): {"a": 2.68}, ("e1", "J4"): {"a": 9.0}}
    # drop 1.0 and 9.0: (2.67 + 2.68) / 2 = 2.675 → 2.68 at the criterion stage
    assert total_of(rubric_from(data), scores) == 2.68


def test_mean_of_totals_rounds_halves_away_from_zero() -> None:
    data = {
        "id": "t", "title": "T", "weighting": "points",
        "categories": [{"id": "A", "name": "A"}],
        "criteria": [{"id": "a", "name": "A", "weight": 1,
                      "scale": {"min": 0, "max": 10, "step": 0.01}}],
        "rounding": {"total": 2},
    }
    # (0.12 + 0.13) / 2 = 0.125 → 0.13; (2.67 + 2.68) / 2 = 2.675 → 2.68
    two = entries_of(("e1", "A"), ("e2", "A"))
    scores = {("e1", "J1"): {"a": 0.12}, ("e1", "J2"): {"a": 0.13},
              ("e2", "J1"): {"a": 2.67}, ("e2", "J2"): {"a": 2.68}}
    assert total_of(rubric_from(data), scores, two, "e1") == 0.13
    assert total_of(rubric_from(data), scores, two, "e2") == 2.68


def test_rank_sum() -> None:
    rubric = single_leaf(panel={"rule": "rank_sum"}, tie_breaks=[{"rule": "most_first_places"}])
    three = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))
    scores = {
        ("e1", "J1"): {"c": 90}, ("e2", "J1"): {"c": 80}, ("e3", "J1"): {"c": 70},
        ("e1", "J2"): {"c": 70}, ("e2", "J2"): {"c": 80}, ("e3", "J2"): {"c": 90},
        ("e1", "J3"): {"c": 85}, ("e2", "J3"): {"c": 85}, ("e3", "J3"): {"c": 60},
    }
    result = score(rubric, three, marks(three, scores))
    assert result.ok, result.problems
    rows = result.standings.set_index("entry_id")
    # ranks J1: 1, 2, 3; J2: 3, 2, 1; J3: 1.5, 1.5, 3 (85 = 85 share (1 + 2) / 2)
    assert rows.loc["e1", "rank_sum"] == 1 + 3 + 1.5  # 5.5
    assert rows.loc["e2", "rank_sum"] == 2 + 2 + 1.5  # 5.5
    assert rows.loc["e3", "rank_sum"] == 3 + 1 + 3  # 7
    # e1 and e2 tie on 5.5; first places: e1 by J1 and J3 (2), e2 by J3 (1) → e1 ahead
    assert rows.loc["e1", "rank"] == 1 and rows.loc["e2", "rank"] == 2
    assert rows.loc["e1", "decided_by"] == "most_first_places"
    assert rows.loc["e3", "rank"] == 3
    # the total shown beside a rank sum is the mean: e1 (90 + 70 + 85) / 3 = 81.67
    assert rows.loc["e1", "total"] == 81.67


def test_rank_sum_needs_every_judge_on_every_entry() -> None:
    rubric = single_leaf(panel={"rule": "rank_sum"})
    two = entries_of(("e1", "A"), ("e2", "A"))
    scores = {("e1", "J1"): {"c": 90}, ("e2", "J1"): {"c": 80}, ("e1", "J2"): {"c": 70}}
    result = score(rubric, two, marks(two, scores))
    assert not result.ok
    assert [(p.code, p.params["judge"], p.params["entries"]) for p in result.errors] == [
        ("panel.rank_sum_incomplete", "J2", "e2")]


@pytest.mark.parametrize("rule", ["mean", "median", "trimmed_mean"])
def test_one_judge_is_that_judge(rule: str) -> None:
    assert total_of(single_leaf(panel={"rule": rule, "min_judges": 3}),
                    {("e1", "J1"): {"c": 64.5}}) == 64.5
