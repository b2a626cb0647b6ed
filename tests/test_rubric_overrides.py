"""Per-category overrides (``categories[i].overrides``): weights, panel rule and tie-breaks
that differ by category, validated with their paths; the arithmetic worked by hand."""

from __future__ import annotations

import pytest
import yaml

from scoring.pipeline import score
from scoring.rubric import parse_rubric

from .helpers import entries_of, marks, rubric_from

BASE = {
    "id": "t", "title": "T",
    "categories": [
        {"id": "A", "name": "A"},
        {"id": "B", "name": "B", "overrides": {"weights": {"a": 3}, "panel": {"rule": "median"},
                                               "tie_breaks": [{"criterion": "b"}]}},
    ],
    "criteria": [{"id": "a", "name": "A", "scale": {"min": 0, "max": 100}},
                 {"id": "b", "name": "B", "scale": {"min": 0, "max": 100}}],
    "tie_breaks": [{"criterion": "a"}],
}


def test_the_rubric_answers_per_category() -> None:
    rubric = rubric_from(BASE)
    # A: a and b share 1 : 1 of 100 points on a 0-100 scale: 0.5 each
    assert rubric.effective_weights("A") == {"a": 0.5, "b": 0.5}
    # B: a weighs 3, b 1: a 3/4 = 0.75, b 1/4 = 0.25
    assert rubric.effective_weights("B") == {"a": 0.75, "b": 0.25}
    assert rubric.panel_for("A").rule == "mean" and rubric.panel_for("B").rule == "median"
    assert [r.key for r in rubric.tie_breaks_for("A")] == ["criterion:a"]
    assert [r.key for r in rubric.tie_breaks_for("B")] == ["criterion:b"]
    assert rubric.weight_percentages("B")["a"] == 75.0


def test_each_category_is_scored_by_its_own_rules() -> None:
    rubric = rubric_from(BASE)
    entries = entries_of(("e1", "A"), ("e2", "A"), ("e3", "B"), ("e4", "B"))
    scores = marks(entries, {
        ("e1", "J1"): {"a": 80, "b": 60}, ("e1", "J2"): {"a": 60, "b": 40},
        ("e1", "J3"): {"a": 100, "b": 100},
        ("e2", "J1"): {"a": 70, "b": 70}, ("e2", "J2"): {"a": 70, "b": 70},
        ("e2", "J3"): {"a": 70, "b": 70},
        ("e3", "J1"): {"a": 80, "b": 40}, ("e3", "J2"): {"a": 60, "b": 60},
        ("e3", "J3"): {"a": 100, "b": 100},
        ("e4", "J1"): {"a": 60, "b": 100}, ("e4", "J2"): {"a": 60, "b": 100},
        ("e4", "J3"): {"a": 60, "b": 20},
    })
    result = score(rubric, entries, scores)
    assert result.ok, [p.message("en") for p in result.problems]
    rows = result.standings.set_index("entry_id")
    # A, mean of judges' totals 0.5a + 0.5b: e1 (70 + 50 + 100) / 3 = 73.33; e2 70
    assert rows.loc["e1", "total"] == 73.33 and rows.loc["e2", "total"] == 70
    assert rows.loc["e1", "rank"] == 1 and rows.loc["e2", "rank"] == 2
    # B, median of 0.75a + 0.25b: e3 judges 60 + 10 = 70, 45 + 15 = 60, 100 -> median 70;
    # e4 45 + 25 = 70, 70, 45 + 5 = 50 -> median 70: tied (a mean would give 76.67, 63.33)
    assert rows.loc["e3", "total"] == 70 and rows.loc["e4", "total"] == 70
    # B breaks ties on b: e4's panel part of b is 0.25 x 100 = 25, e3's 0.25 x 40 = 10
    # (the rubric's own tie-break, on a, would put e3 first: 0.75 x 80 = 60 > 45)
    assert rows.loc["e4", "rank"] == 1 and rows.loc["e3", "rank"] == 2
    assert rows.loc["e4", "decided_by"] == "criterion:b"
    assert [(t.category, set(t.entries)) for t in result.ties] == [("B", {"e3", "e4"})]


def problems_of(overrides: dict) -> list[tuple[str, str]]:
    raw = {**BASE, "categories": [{"id": "A", "name": "A"},
                                  {"id": "B", "name": "B", "overrides": overrides}]}
    rubric, problems = parse_rubric(yaml.safe_dump(raw), "r.yaml")
    assert rubric is None
    for p in problems:
        assert "{" not in p.message("id") + p.message("en")
    return [(p.code, p.cell) for p in problems]


@pytest.mark.parametrize(("overrides", "expected"), [
    ({"weights": {"zz": 2}}, [("rubric.unknown_criterion", "categories[1].overrides.weights.zz")]),
    ({"weights": {"a": 0}}, [("rubric.weight_not_positive", "categories[1].overrides.weights")]),
    ({"panel": {"rule": "modus"}},
     [("rubric.not_one_of", "categories[1].overrides.panel.rule")]),
    ({"panel": {"rule": "rank_sum", "apply_to": "criterion"}},
     [("rubric.rank_sum_per_criterion", "categories[1].overrides.panel.apply_to")]),
    ({"tie_breaks": [{"criterion": "zz"}]},
     [("rubric.unknown_criterion", "categories[1].overrides.tie_breaks[0].criterion")]),
    ({"weight": {"a": 2}}, [("rubric.unknown_key", "categories[1].overrides.weight")]),
])
def test_override_mistakes_name_their_path(overrides: dict, expected: list) -> None:
    assert problems_of(overrides) == expected


def test_a_normalisation_with_a_category_ranking_by_rank_sum_is_refused() -> None:
    raw = {**BASE, "normalisation": "severity",
           "categories": [{"id": "A", "name": "A"},
                          {"id": "B", "name": "B", "overrides": {"panel": {"rule": "rank_sum"}}}]}
    rubric, problems = parse_rubric(yaml.safe_dump(raw), "r.yaml")
    assert rubric is None
    assert [(p.code, p.cell, p.params["panel"]) for p in problems] == [
        ("rubric.normalisation_rank_sum", "normalisation", "categories[1].overrides.panel")]
