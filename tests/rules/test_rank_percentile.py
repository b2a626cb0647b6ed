"""The rank-percentile panel rule for incomplete panels, worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from scoring.confidence import rank_confidence
from scoring.pipeline import score
from scoring.rubric import Panel
from scoring.rules.panel import PANEL_RULES, rank_marks
from tests.helpers import entries_of, marks, single_leaf

# Each judge marks a different subset of e1–e4 (one criterion, 0–100):
#   J1: e1 90, e2 80, e3 70   → ranks 1, 2, 3 of n = 3 → percentiles 100·(3−r)/2 = 100, 50, 0
#   J2: e2 85, e3 75, e4 65   → e2 100, e3 50, e4 0
#   J3: e1 60, e4 70          → n = 2: e4 100·(2−1)/1 = 100, e1 0
# Mean percentile: e1 (100 + 0)/2 = 50, e2 (50 + 100)/2 = 75, e3 (0 + 50)/2 = 25,
# e4 (0 + 100)/2 = 50 → e2 first, e1 and e4 share second, e3 fourth.
GIVEN = {"J1": {"e1": 90, "e2": 80, "e3": 70}, "J2": {"e2": 85, "e3": 75, "e4": 65},
         "J3": {"e1": 60, "e4": 70}}
EXPECTED = {"e1": 50.0, "e2": 75.0, "e3": 25.0, "e4": 50.0}


def totals(given: dict[str, dict[str, float]]) -> pd.DataFrame:
    return pd.DataFrame([{"entry_id": e, "category": "A", "judge_id": j, "total": v}
                         for j, row in given.items() for e, v in row.items()])


def test_rank_marks_are_percentiles_within_what_each_judge_marked() -> None:
    frame = totals(GIVEN)
    frame["figure"] = rank_marks("rank_percentile", frame)
    got = frame.set_index(["judge_id", "entry_id"])["figure"].to_dict()
    assert got == {("J1", "e1"): 100, ("J1", "e2"): 50, ("J1", "e3"): 0,
                   ("J2", "e2"): 100, ("J2", "e3"): 50, ("J2", "e4"): 0,
                   ("J3", "e1"): 0, ("J3", "e4"): 100}
    # the rank sum's figure is the negated rank
    assert rank_marks("rank_sum", frame).tolist() == [-1, -2, -3, -1, -2, -3, -2, -1]
    # a judge who marked a single entry gives it the middle, 50
    lone = totals({"J1": {"e1": 80}})
    assert rank_marks("rank_percentile", lone).tolist() == [50]


def test_the_pipeline_ranks_an_incomplete_panel_by_mean_percentile() -> None:
    entries = entries_of(*((e, "A") for e in EXPECTED))
    scores = marks(entries, {(e, j): {"c": v} for j, row in GIVEN.items()
                             for e, v in row.items()})
    result = score(single_leaf(panel={"rule": "rank_percentile"}), entries, scores)
    assert result.ok, [p.code for p in result.problems]
    rows = result.standings.set_index("entry_id")
    assert rows["rank_percentile"].to_dict() == pytest.approx(EXPECTED)
    assert rows["rank"].to_dict() == {"e2": 1, "e1": 2, "e4": 2, "e3": 4}
    # the rank sum refuses the same design: not every judge ranked every entry
    refused = score(single_leaf(panel={"rule": "rank_sum"}), entries, scores)
    assert "panel.rank_sum_incomplete" in [p.code for p in refused.errors]


def test_a_disconnected_panel_is_refused_naming_the_groups() -> None:
    # J1 and J2 never share an entry with J3 and J4: two groups whose percentiles cannot
    # be compared
    given = {"J1": {"e1": 90, "e2": 80}, "J2": {"e1": 85, "e2": 70},
             "J3": {"e3": 60, "e4": 50}, "J4": {"e3": 65, "e4": 55}}
    entries = entries_of(*((e, "A") for e in ("e1", "e2", "e3", "e4")))
    scores = marks(entries, {(e, j): {"c": v} for j, row in given.items()
                             for e, v in row.items()})
    result = score(single_leaf(panel={"rule": "rank_percentile"}), entries, scores)
    [problem] = [p for p in result.errors if p.code == "panel.rank_disconnected"]
    assert problem.params["count"] == 2
    assert "[J1, J2] · [J3, J4]" in problem.message("en")


def test_rank_confidence_resamples_the_mean_percentile() -> None:
    frame, _ = rank_confidence(totals(GIVEN), Panel(rule="rank_percentile"), places=1,
                               n_resamples=200, precision=None, seed=1)
    assert frame.set_index("entry_id")["total"].to_dict() == pytest.approx(EXPECTED)
    assert PANEL_RULES.get("rank_percentile").ranks
    assert not PANEL_RULES.get("rank_percentile").complete
