"""Standard competition ranks, each tie-break rule, shared ranks, ties on rounded or exact."""

import pytest

from scoring.pipeline import score
from tests.helpers import entries_of, marks, rubric_from, single_leaf

TWO_CRITERIA = {
    "id": "t", "title": "T", "categories": [{"id": "A", "name": "A"}],
    "criteria": [
        {"id": "a", "name": "Risalah", "weight": 1, "scale": {"min": 0, "max": 100}},
        {"id": "b", "name": "Presentasi", "weight": 1, "scale": {"min": 0, "max": 100}},
    ],
}
FOUR = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"), ("e4", "A"))


def ranked(rubric, scores, entries=FOUR):
    result = score(rubric, entries, marks(entries, scores))
    assert result.ok, result.problems
    return result, result.standings.set_index("entry_id")


def test_standard_competition_ranks_1_2_2_4() -> None:
    scores = {("e1", "J"): {"c": 90}, ("e2", "J"): {"c": 80}, ("e3", "J"): {"c": 80},
              ("e4", "J"): {"c": 70}}
    result, rows = ranked(single_leaf(), scores)
    assert rows["rank"].to_dict() == {"e1": 1, "e2": 2, "e3": 2, "e4": 4}
    assert rows["tied"].to_dict() == {"e1": False, "e2": True, "e3": True, "e4": False}
    [tie] = result.ties
    assert (tie.rank, set(tie.entries), tie.unresolved) == (2, {"e2", "e3"}, (("e2", "e3"),))


def test_criterion_tie_break_only_inside_the_tied_group() -> None:
    rubric = rubric_from(TWO_CRITERIA, tie_breaks=[{"criterion": "a"}])
    # totals (a + b) / 2: e1 80, e2 80, e3 90, e4 60; e4 has the highest a of all, but it is
    # not tied with anyone, so it stays last
    scores = {("e1", "J"): {"a": 70, "b": 90}, ("e2", "J"): {"a": 90, "b": 70},
              ("e3", "J"): {"a": 90, "b": 90}, ("e4", "J"): {"a": 100, "b": 20}}
    result, rows = ranked(rubric, scores)
    assert rows["rank"].to_dict() == {"e3": 1, "e2": 2, "e1": 3, "e4": 4}
    assert rows["tied"].sum() == 0
    # e2's part for a is 90 / 2 = 45 against e1's 35
    assert rows.loc["e2", "decided_by"] == "criterion:a"
    assert rows.loc["e1", "decided_by"] == "criterion:a"
    [tie] = result.ties
    assert tie.steps[0].rule == "criterion:a"
    assert dict(tie.steps[0].values) == {"e2": 45, "e1": 35}
    assert result.tie_rule_label("criterion:a", "id") == "nilai Risalah"


def test_a_tie_no_rule_separates_stays_shared() -> None:
    rubric = rubric_from(TWO_CRITERIA, tie_breaks=[{"criterion": "a"}, {"criterion": "b"}])
    three = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))
    scores = {("e1", "J1"): {"a": 80, "b": 80}, ("e2", "J1"): {"a": 80, "b": 80},
              ("e3", "J1"): {"a": 10, "b": 10}}
    result, rows = ranked(rubric, scores, three)
    # e1 and e2 equal on total, a and b: stays shared
    assert rows.loc["e1", "rank"] == rows.loc["e2", "rank"] == 1
    assert bool(rows.loc["e1", "tied"]) and rows.loc["e3", "rank"] == 3
    assert [p.code for p in result.warnings] == []  # no places in this rubric
    [tie] = result.ties
    assert [(s.rule, s.separated) for s in tie.steps] == [("criterion:a", False),
                                                          ("criterion:b", False)]
    assert tie.unresolved == (("e1", "e2"),)


def test_chain_first_rule_ties_second_separates() -> None:
    rubric = rubric_from(TWO_CRITERIA, tie_breaks=[{"criterion": "a"},
                                                   {"rule": "highest_lowest_judge_total"}])
    two = entries_of(("e1", "A"), ("e2", "A"))
    # both: a mean 80, b mean 80 → total 80 and a part 40; judge totals e1 70/90, e2 75/85
    scores = {("e1", "J1"): {"a": 70, "b": 70}, ("e1", "J2"): {"a": 90, "b": 90},
              ("e2", "J1"): {"a": 75, "b": 75}, ("e2", "J2"): {"a": 85, "b": 85}}
    result, rows = ranked(rubric, scores, two)
    assert rows.loc["e2", "rank"] == 1 and rows.loc["e1", "rank"] == 2
    assert rows.loc["e2", "decided_by"] == "highest_lowest_judge_total"
    [tie] = result.ties
    # the first rule is tried and leaves them equal (both a parts are 80 / 2 = 40)
    assert [(s.rule, s.separated) for s in tie.steps] == [
        ("criterion:a", False), ("highest_lowest_judge_total", True)]
    assert dict(tie.steps[0].values) == {"e2": 40, "e1": 40}
    assert dict(tie.steps[1].values) == {"e2": 75, "e1": 70}


def test_median_judge_total_rule() -> None:
    rubric = single_leaf(tie_breaks=[{"rule": "median_judge_total"}])
    two = entries_of(("e1", "A"), ("e2", "A"))
    # means equal at 70: e1 60, 60, 90 (median 60); e2 50, 70, 90 (median 70)
    scores = {("e1", "J1"): {"c": 60}, ("e1", "J2"): {"c": 60}, ("e1", "J3"): {"c": 90},
              ("e2", "J1"): {"c": 50}, ("e2", "J2"): {"c": 70}, ("e2", "J3"): {"c": 90}}
    _, rows = ranked(rubric, scores, two)
    assert rows.loc["e2", "rank"] == 1 and rows.loc["e2", "decided_by"] == "median_judge_total"


def test_mean_judge_total_rule_under_a_trimmed_panel() -> None:
    rubric = single_leaf(panel={"rule": "trimmed_mean", "trim": 1, "min_judges": 3},
                         tie_breaks=[{"rule": "mean_judge_total"}])
    two = entries_of(("e1", "A"), ("e2", "A"))
    # trimmed means both 70 (the middle judge); plain means e1 (10 + 70 + 100) / 3 = 60,
    # e2 (60 + 70 + 71) / 3 = 67 → e2 ahead
    scores = {("e1", "J1"): {"c": 10}, ("e1", "J2"): {"c": 70}, ("e1", "J3"): {"c": 100},
              ("e2", "J1"): {"c": 60}, ("e2", "J2"): {"c": 70}, ("e2", "J3"): {"c": 71}}
    _, rows = ranked(rubric, scores, two)
    assert rows.loc["e2", "rank"] == 1 and rows.loc["e2", "decided_by"] == "mean_judge_total"


def test_most_first_places_rule() -> None:
    rubric = single_leaf(tie_breaks=[{"rule": "most_first_places"}])
    three = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))
    # means e1 (95 + 95 + 40) / 3 = 76.67; e2 (90 + 90 + 50) / 3 = 76.67; e3 (10 + 10 + 99) / 3
    # = 39.67; J1 and J2 rank e1 first, J3 ranks e3 first: e1 has 2 first places, e2 none
    scores = {("e1", "J1"): {"c": 95}, ("e1", "J2"): {"c": 95}, ("e1", "J3"): {"c": 40},
              ("e2", "J1"): {"c": 90}, ("e2", "J2"): {"c": 90}, ("e2", "J3"): {"c": 50},
              ("e3", "J1"): {"c": 10}, ("e3", "J2"): {"c": 10}, ("e3", "J3"): {"c": 99}}
    _, rows = ranked(rubric, scores, three)
    assert rows.loc["e1", "total"] == rows.loc["e2", "total"] == 76.67
    assert rows.loc["e1", "rank"] == 1 and rows.loc["e1", "decided_by"] == "most_first_places"


def test_ties_on_rounded_or_exact_totals() -> None:
    two = entries_of(("e1", "A"), ("e2", "A"))
    scores = {("e1", "J1"): {"c": 80.01}, ("e1", "J2"): {"c": 80.00},   # mean 80.005 → 80.01
              ("e2", "J1"): {"c": 80.00}, ("e2", "J2"): {"c": 80.02}}   # mean 80.01
    _, rounded = ranked(single_leaf(rounding={"total": 2, "ties_on": "rounded"}), scores, two)
    assert rounded["rank"].to_dict() == {"e1": 1, "e2": 1}
    _, exact = ranked(single_leaf(rounding={"total": 2, "ties_on": "exact"}), scores, two)
    # exact means 80.005 < 80.01: e2 first, although both show 80.01
    assert exact["rank"].to_dict() == {"e2": 1, "e1": 2}
    assert exact.loc["e1", "total"] == exact.loc["e2", "total"] == 80.01


def test_categories_are_ranked_separately() -> None:
    both = entries_of(("a1", "A"), ("a2", "A"), ("b1", "B"))
    rubric = single_leaf(categories=[{"id": "A", "name": "A"}, {"id": "B", "name": "B"}])
    scores = {("a1", "J"): {"c": 50}, ("a2", "J"): {"c": 60}, ("b1", "J"): {"c": 10}}
    _, rows = ranked(rubric, scores, both)
    assert rows["rank"].to_dict() == {"a2": 1, "a1": 2, "b1": 1}


@pytest.mark.parametrize("size", [1, 3])
def test_ranks_ignore_float_noise(size: int) -> None:
    entries = entries_of(*[(f"e{i}", "A") for i in range(size + 1)])
    data = {
        "id": "t", "title": "T", "weighting": "points",
        "categories": [{"id": "A", "name": "A"}],
        "criteria": [
            {"id": "x", "name": "X", "weight": 1, "scale": {"min": 0, "max": 1, "step": 0.1}},
            {"id": "y", "name": "Y", "weight": 1, "scale": {"min": 0, "max": 1, "step": 0.1}}],
        "rounding": {"total": None, "ties_on": "exact"},
    }
    # 0.1 + 0.2 and 0.3 + 0.0 are equal in decimal though not in binary floating point
    scores = {(f"e{i}", "J"): ({"x": 0.1, "y": 0.2} if i % 2 else {"x": 0.3, "y": 0.0})
              for i in range(size + 1)}
    _, rows = ranked(rubric_from(data), scores, entries)
    assert set(rows["rank"]) == {1}
