"""Judge diagnostics: offsets, spread, agreement and outliers, on hand-made panels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoring.diagnostics import JUDGE_COLUMNS, OUTLIER_COLUMNS, judge_diagnostics

# A fixed, hand-written pattern of small disagreements (in points) for up to 5 judges on up
# to 12 entries, so that the panel has a spread to measure against and the tests do not hang
# on a random generator.
WOBBLE = np.array([
    [0.5, -1.0, 1.5, -0.5, 0.0], [-1.5, 0.5, 0.0, 1.0, -0.5], [1.0, 0.0, -1.0, -1.5, 1.5],
    [0.0, 1.5, -0.5, 0.5, -1.0], [-0.5, -1.5, 1.0, 0.0, 1.0], [1.5, 0.5, -1.5, -1.0, 0.5],
    [-1.0, 1.0, 0.5, 1.5, -1.5], [0.5, -0.5, -1.0, 0.0, 1.0], [-1.5, 0.0, 1.5, 0.5, -0.5],
    [1.0, -1.0, 0.0, -0.5, 0.5], [0.0, 1.5, -1.5, 1.0, -1.0], [-0.5, -0.5, 1.0, -1.0, 1.5],
])


def panel(quality: list[float], offsets: list[float], category: str = "A") -> pd.DataFrame:
    """Judge totals: quality + offset + WOBBLE, entries e01…, judges J1…"""
    rows = []
    for i, q in enumerate(quality):
        for j, offset in enumerate(offsets):
            rows.append({"entry_id": f"e{i + 1:02d}", "category": category,
                         "judge_id": f"J{j + 1}", "total": q + offset + WOBBLE[i, j]})
    return pd.DataFrame(rows)


QUALITY = [62.0, 66, 70, 74, 78, 82, 86, 90, 64, 72, 80, 88]


def row(diag, judge: str) -> pd.Series:
    return diag.judges.set_index("judge_id").loc[judge]


def test_offsets_are_measured_against_the_other_judges_on_the_same_entries() -> None:
    # three judges, two entries; C always 6 above A and B, who agree
    totals = pd.DataFrame({
        "entry_id": ["e1", "e1", "e1", "e2", "e2", "e2"], "category": "A",
        "judge_id": ["A", "B", "C", "A", "B", "C"],
        "total": [70.0, 70.0, 76.0, 80.0, 80.0, 86.0]})
    diag = judge_diagnostics(totals)
    # C: 76 − (70 + 70)/2 = 6 on e1, 86 − 80 = 6 on e2 → +6
    # A: 70 − (70 + 76)/2 = −3 and 80 − 83 = −3 → −3; B likewise
    assert row(diag, "C")["offset"] == pytest.approx(6)
    assert row(diag, "A")["offset"] == pytest.approx(-3)
    assert row(diag, "B")["offset"] == pytest.approx(-3)
    assert list(diag.judges.columns) == list(JUDGE_COLUMNS)


def test_a_panel_that_agrees_raises_no_flag() -> None:
    diag = judge_diagnostics(panel(QUALITY, [2, -2, 0, 1, -1]))
    assert diag.problems == ()
    assert diag.outliers.empty
    assert (diag.judges["rank_correlation"] > 0.9).all()
    # offsets: J1 is 2 above the others' mean (−2 + 0 + 1 − 1)/4 = −0.5 → 2.5, ± the wobble
    assert row(diag, "J1")["offset"] == pytest.approx(2.5, abs=0.5)


def test_a_constant_judge_is_flagged_flat() -> None:
    totals = panel(QUALITY, [0, 0, 0, 0, 0])
    totals.loc[totals["judge_id"] == "J3", "total"] = 75.0
    diag = judge_diagnostics(totals)
    j3 = row(diag, "J3")
    assert j3["spread"] == 0 and bool(j3["flat"])
    assert np.isnan(j3["correlation"])  # a constant has no correlation, and no error
    assert not row(diag, "J1")["flat"]
    flat = [p for p in diag.problems if p.code == "fairness.judge_flat"]
    assert [p.params["judge"] for p in flat] == ["J3"]


def test_a_judge_who_reverses_the_order_is_flagged() -> None:
    totals = panel(QUALITY, [0, 0, 0, 0, 0])
    j4 = totals["judge_id"] == "J4"
    # J4 scores the mirror image: the best entry lowest
    totals.loc[j4, "total"] = 150 - totals.loc[j4, "total"]
    diag = judge_diagnostics(totals)
    assert row(diag, "J4")["rank_correlation"] < -0.9
    assert [p.params["judge"] for p in diag.problems
            if p.code == "fairness.judge_disagrees"] == ["J4"]


def test_a_mark_far_from_the_others_on_one_entry_is_listed() -> None:
    totals = panel(QUALITY, [3, -3, 0, 1, -1])
    e05_j2 = (totals["entry_id"] == "e05") & (totals["judge_id"] == "J2")
    # e05: quality 78, wobble row (−0.5, −1.5, 1.0, 0.0, 1.0); J2: 78 − 3 − 1.5 = 73.5 → 48.5
    totals.loc[e05_j2, "total"] -= 25
    diag = judge_diagnostics(totals)
    assert list(diag.outliers.columns) == list(OUTLIER_COLUMNS)
    assert diag.outliers[["entry_id", "judge_id"]].values.tolist() == [["e05", "J2"]]
    found = diag.outliers.iloc[0]
    # the others on e05: 78 + 3 − 0.5, 78 + 0 + 1, 78 + 1 + 0, 78 − 1 + 1 = 80.5, 79, 79, 78
    assert found["total"] == pytest.approx(48.5)
    assert found["others_mean"] == pytest.approx((80.5 + 79 + 79 + 78) / 4)  # 79.125
    assert found["difference"] == pytest.approx(48.5 - 79.125)
    assert found["sds"] < -3
    outlier = next(p for p in diag.problems if p.code == "fairness.judge_outlier")
    assert outlier.params["entry_id"] == "e05" and outlier.params["judge"] == "J2"
    assert "e05" in outlier.message("id")


def test_two_judges_cannot_tell_who_is_odd() -> None:
    totals = panel(QUALITY, [0, 0])
    totals.loc[(totals["entry_id"] == "e03") & (totals["judge_id"] == "J1"), "total"] -= 30
    assert judge_diagnostics(totals).outliers.empty


def test_categories_are_looked_at_apart() -> None:
    both = pd.concat([panel(QUALITY, [5, -5, 0], "A"), panel(QUALITY, [-5, 5, 0], "B")])
    judges = judge_diagnostics(both).judges.set_index(["category", "judge_id"])
    # J1 is 5 above the others' mean (−5 + 0)/2 = −2.5 → 7.5 in A, and −7.5 in B
    assert judges.loc[("A", "J1"), "offset"] == pytest.approx(7.5, abs=1)
    assert judges.loc[("B", "J1"), "offset"] == pytest.approx(-7.5, abs=1)
