"""Issue 15's smaller defects: reserved criterion ids refused with a path and a message, and a
rank-sum panel's rank sum shown as the figure the ranking was decided on."""

from __future__ import annotations

import pytest

from scoring.columns import RESERVED_IDS
from scoring.pipeline import score
from scoring.rubric import parse_rubric

from .helpers import entries_of, marks, single_leaf

RUBRIC = """
id: t
title: T
categories: [{{id: A, name: A}}]
criteria:
  - {{id: ok, name: Fine, scale: {{min: 0, max: 10}}}}
  - {{id: g, name: Group, children: [{{id: {leaf}, name: Leaf, scale: {{min: 0, max: 10}}}}]}}
"""


@pytest.mark.parametrize("reserved", ["total", "rank", "category", "entry_id", "name",
                                      "judge_id", "Total", "rank_sum", "score", "deciding"])
def test_a_criterion_id_that_is_an_internal_column_is_refused(reserved: str) -> None:
    rubric, problems = parse_rubric(RUBRIC.format(leaf=reserved), "r.yaml")
    assert rubric is None
    assert [(p.code, p.file, p.cell, p.params["id"]) for p in problems] == [
        ("rubric.reserved_id", "r.yaml", "criteria[1].children[0].id", reserved)]
    english = problems[0].message("en")
    assert f"The id '{reserved}' is a column name Juri uses itself" in english
    assert "judge_id" in english and "{" not in problems[0].message("id")


def test_the_reserved_ids_come_from_the_tables_columns() -> None:
    from scoring import table
    assert {"total", "rank", "category", "entry_id", "name", "judge_id"} <= RESERVED_IDS
    assert {c.casefold() for c in table.COLUMNS} <= RESERVED_IDS


def test_a_rank_sum_decides_and_is_shown_as_the_deciding_figure() -> None:
    rubric = single_leaf(panel={"rule": "rank_sum"})
    entries = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))
    # judge J1 ranks e1 (90) 1, e2 (80) 2, e3 (70) 3; J2 ranks e2 (85) 1, e3 (75) 2, e1 (60) 3
    scores = marks(entries, {("e1", "J1"): {"c": 90}, ("e2", "J1"): {"c": 80},
                             ("e3", "J1"): {"c": 70}, ("e1", "J2"): {"c": 60},
                             ("e2", "J2"): {"c": 85}, ("e3", "J2"): {"c": 75}})
    result = score(rubric, entries, scores)
    assert result.ok, [p.message("en") for p in result.problems]
    rows = result.category("A").set_index("entry_id")
    # rank sums: e1 1 + 3 = 4, e2 2 + 1 = 3, e3 3 + 2 = 5 (lowest wins)
    assert rows["deciding"].to_dict() == {"e2": 3, "e1": 4, "e3": 5}
    assert rows["rank"].to_dict() == {"e2": 1, "e1": 2, "e3": 3}
    # the mean grades stay in "total": e1 (90 + 60) / 2 = 75 ranks 2nd though above e3's 72.5
    assert rows["total"].to_dict() == {"e2": 82.5, "e1": 75.0, "e3": 72.5}
    assert result.deciding_column("A") == "rank_sum"
    assert result.deciding_label("A", "en") == "Rank sum"
    data = result.to_json_dict("en", confidence=False)
    assert data["deciding"] == {"A": "rank_sum"}
    assert [(r["entry_id"], r["deciding"]) for r in data["categories"]["A"]] == [
        ("e2", 3), ("e1", 4), ("e3", 5)]


def test_a_mean_panel_decides_on_the_total() -> None:
    rubric = single_leaf()
    entries = entries_of(("e1", "A"), ("e2", "A"))
    scores = marks(entries, {("e1", "J1"): {"c": 90}, ("e2", "J1"): {"c": 80},
                             ("e1", "J2"): {"c": 60}, ("e2", "J2"): {"c": 85}})
    result = score(rubric, entries, scores)
    rows = result.category("A").set_index("entry_id")
    # e1 (90 + 60) / 2 = 75, e2 (80 + 85) / 2 = 82.5
    assert rows["deciding"].to_dict() == {"e2": 82.5, "e1": 75.0}
    assert result.deciding_column("A") == "total"
    assert result.deciding_label("A", "id") == "Nilai akhir"
