"""Weighted totals and subtotals, worked out by hand, in both weighting modes."""

import pandas as pd
import pytest

from scoring.pipeline import score
from scoring.totals import node_parts
from tests.helpers import entries_of, marks, rubric_from
from tests.test_rubric import GOOD

ENTRIES = entries_of(("e1", "A"), ("e2", "A"), ("e3", "B"))


def test_percent_weighting_totals_on_0_to_100() -> None:
    rubric = rubric_from(GOOD, rounding={"total": 2, "group": 2})
    scores = marks(ENTRIES, {
        ("e1", "J1"): {"c1": 8, "c2": 70, "c3": 4},
        ("e2", "J1"): {"c1": 10, "c2": 100, "c3": 5},
        ("e3", "J1"): {"c1": 6, "c2": 80},
    })
    result = score(rubric, ENTRIES, scores)
    assert result.ok, result.problems
    rows = result.standings.set_index("entry_id")
    # category A: c1 → 1.5 per point, c2 → 0.45 per point, c3 → 8 per point (test_rubric)
    # e1: c1 8 × 1.5 = 12; c2 70 × 0.45 = 31.5; g1 = 43.5; c3 4 × 8 = 32; total 75.5
    assert rows.loc["e1", "c1"] == pytest.approx(12)
    assert rows.loc["e1", "c2"] == pytest.approx(31.5)
    assert rows.loc["e1", "g1"] == pytest.approx(43.5)
    assert rows.loc["e1", "c3"] == pytest.approx(32)
    assert rows.loc["e1", "total"] == pytest.approx(75.5)
    # full marks give exactly 100: 10 × 1.5 + 100 × 0.45 + 5 × 8 = 15 + 45 + 40
    assert rows.loc["e2", "total"] == pytest.approx(100)
    # category B uses g1 only: c1 → 2.5 per point, c2 → 0.75 per point
    # e3: 6 × 2.5 + 80 × 0.75 = 15 + 60 = 75
    assert rows.loc["e3", "total"] == pytest.approx(75)
    assert pd.isna(rows.loc["e3", "c3"])


def test_points_weighting_totals_in_points() -> None:
    rubric = rubric_from(GOOD, weighting="points", rounding={"total": None})
    scores = marks(ENTRIES, {("e1", "J1"): {"c1": 8, "c2": 70, "c3": 4}})
    rows = score(rubric, ENTRIES, scores).judge_totals.set_index("entry_id")
    # multipliers 60 × 1, 60 × 3, 40: 8 × 60 + 70 × 180 + 4 × 40 = 480 + 12600 + 160 = 13240
    assert rows.loc["e1", "g1"] == pytest.approx(480 + 12600)
    assert rows.loc["e1", "total"] == pytest.approx(13240)


def test_rounding_at_each_stage() -> None:
    # points weighting, c1 × 0.5 and c2 × 0.5 in a group; c3 × 1
    data = {
        "id": "r", "title": "R", "weighting": "points",
        "categories": [{"id": "A", "name": "A"}],
        "criteria": [
            {"id": "g", "name": "G", "weight": 1, "children": [
                {"id": "c1", "name": "C1", "weight": 0.5,
                 "scale": {"min": 0, "max": 10, "step": 0.05}},
                {"id": "c2", "name": "C2", "weight": 0.5,
                 "scale": {"min": 0, "max": 10, "step": 0.05}}]},
            {"id": "c3", "name": "C3", "weight": 1, "scale": {"min": 0, "max": 10, "step": 0.005}},
        ],
    }
    leaf = pd.DataFrame({"c1": [0.25], "c2": [0.05], "c3": [2.675]})
    category = pd.Series(["A"])
    exact = node_parts(leaf, category, rubric_from(data, rounding={"total": None}))
    # c1 part 0.5 × 0.25 = 0.125, c2 part 0.025, g = 0.15, total = 0.15 + 2.675 = 2.825
    assert exact.loc[0, "c1"] == pytest.approx(0.125)
    assert exact.loc[0, "total"] == pytest.approx(2.825)

    by_criterion = node_parts(leaf, category, rubric_from(
        data, rounding={"weighted_criterion": 2, "total": None}))
    # 0.125 → 0.13 and 0.025 → 0.03 (half away from zero); g = 0.16; c3 2.675 → 2.68
    assert by_criterion.loc[0, "c1"] == 0.13
    assert by_criterion.loc[0, "c2"] == 0.03
    assert by_criterion.loc[0, "g"] == pytest.approx(0.16)
    assert by_criterion.loc[0, "c3"] == 2.68
    assert by_criterion.loc[0, "total"] == pytest.approx(2.84)

    by_group = node_parts(leaf, category, rubric_from(
        data, rounding={"group": 1, "total": None}))
    # g = 0.125 + 0.025 = 0.15 → 0.2 at one decimal; total 0.2 + 2.675 = 2.875
    assert by_group.loc[0, "g"] == 0.2
    assert by_group.loc[0, "total"] == pytest.approx(2.875)

    by_total = node_parts(leaf, category, rubric_from(data, rounding={"total": 2}))
    # 2.825 → 2.83
    assert by_total.loc[0, "total"] == 2.83
