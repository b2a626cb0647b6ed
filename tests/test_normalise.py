"""Judge normalisation: hand-worked examples and recovery of known judge habits.

Tolerances come from the noise: in a complete design with n entries and k judges, the
least-squares offset of a judge has standard error σ·√((1 − 1/k)/n) (each offset is a mean of
n differences from the entry means, which share 1/k of the judge's own noise). Tests allow
four standard errors, so a correct fit fails about once in 16,000 runs per offset — and the
seeds are fixed.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from scoring.normalise import OFFSET_COLUMNS, SLOPE_FLOOR, normalise, total_bounds
from tests.helpers import single_leaf


def frame(rows: list[tuple[str, str, float]], category: str = "A") -> pd.DataFrame:
    """Judge totals from (entry_id, judge_id, total)."""
    return pd.DataFrame([{"entry_id": e, "category": category, "judge_id": j, "total": t}
                         for e, j, t in rows])


def simulated(offsets: list[float], n: int, noise: float, seed: int,
              slopes: list[float] | None = None, quality_sd: float = 8.0
              ) -> tuple[pd.DataFrame, np.ndarray]:
    """Complete design: total = 70 + offset_j + slope_j (q_i − 70) + noise."""
    rng = np.random.default_rng(seed)
    k = len(offsets)
    quality = 70 + rng.normal(0, quality_sd, n)
    slope = np.ones(k) if slopes is None else np.asarray(slopes)
    e = np.repeat(np.arange(n), k)
    j = np.tile(np.arange(k), n)
    total = 70 + np.asarray(offsets)[j] + slope[j] * (quality[e] - 70) + rng.normal(0, noise,
                                                                                    n * k)
    return pd.DataFrame({"entry_id": [f"e{i:03d}" for i in e], "category": "A",
                         "judge_id": [f"J{x}" for x in j], "total": total}), quality


def by_judge(offsets: pd.DataFrame, column: str) -> dict[str, float]:
    return dict(zip(offsets["judge_id"], offsets[column], strict=True))


# --- z-scores --------------------------------------------------------------------------------


def test_zscore_makes_two_judges_with_the_same_pattern_identical() -> None:
    totals = frame([("e1", "A", 60), ("e2", "A", 70), ("e3", "A", 80),
                    ("e1", "B", 70), ("e2", "B", 80), ("e3", "B", 90)])
    adjusted, offsets, problems = normalise(totals, "zscore", min_scores=3)
    assert problems == []
    # A: mean 70, SD 10 → z = −1, 0, 1; B: mean 80, SD 10 → the same z.
    # Panel mean (60+70+80+70+80+90)/6 = 75; pooled SD √((200 + 200) / (2 + 2)) = 10.
    # Both judges: 75 + 10·z = 65, 75, 85.
    got = adjusted.set_index(["judge_id", "entry_id"])["total"]
    assert got["A"].tolist() == pytest.approx([65, 75, 85])
    assert got["B"].tolist() == pytest.approx([65, 75, 85])
    assert adjusted["raw_total"].tolist() == [60, 70, 80, 70, 80, 90]
    # offset = judge mean − panel mean; slope = judge SD / panel SD
    assert by_judge(offsets, "offset") == pytest.approx({"A": -5, "B": 5})
    assert by_judge(offsets, "slope") == pytest.approx({"A": 1, "B": 1})
    assert list(offsets.columns) == list(OFFSET_COLUMNS)


def test_zscore_rescales_spread_too() -> None:
    # A spreads twice as wide as B: A 50, 70, 90 (SD 20), B 65, 75, 85 (SD 10).
    totals = frame([("e1", "A", 50), ("e2", "A", 70), ("e3", "A", 90),
                    ("e1", "B", 65), ("e2", "B", 75), ("e3", "B", 85)])
    adjusted, offsets, _ = normalise(totals, "zscore", min_scores=3)
    # panel mean 72.5; pooled SD √((800 + 200) / 4) = √250 ≈ 15.81; both z = −1, 0, 1
    spread = np.sqrt(250)
    got = adjusted.set_index(["judge_id", "entry_id"])["total"]
    assert got["A"].tolist() == pytest.approx([72.5 - spread, 72.5, 72.5 + spread])
    assert got["B"].tolist() == pytest.approx(got["A"].tolist())
    assert by_judge(offsets, "slope") == pytest.approx({"A": 20 / spread, "B": 10 / spread})


def test_zscore_warns_on_an_incomplete_design_and_a_constant_judge() -> None:
    totals = frame([("e1", "A", 60), ("e2", "A", 70), ("e3", "A", 80),
                    ("e1", "B", 75), ("e2", "B", 75), ("e3", "B", 75),
                    ("e1", "C", 60), ("e2", "C", 90)])
    adjusted, _, problems = normalise(totals, "zscore", min_scores=2)
    codes = sorted(p.code for p in problems)
    assert codes == ["fairness.constant_judge", "fairness.zscore_uneven"]
    constant = next(p for p in problems if p.code == "fairness.constant_judge")
    assert constant.params["judge"] == "B" and not constant.is_error
    # a constant judge carries no order: every mark becomes the panel's mean
    panel_mean = totals["total"].mean()
    b = adjusted[adjusted["judge_id"] == "B"]["total"]
    assert b.tolist() == pytest.approx([panel_mean] * 3)


# --- the severity model ----------------------------------------------------------------------


def test_severity_recovers_known_offsets_in_a_complete_design() -> None:
    true = [5, -3, 0, 2, -4]  # sums to 0, as the model's offsets do
    totals, _ = simulated(true, n=200, noise=4, seed=11)
    adjusted, offsets, problems = normalise(totals, "severity")
    assert problems == []
    # SE = 4 · √((1 − 1/5) / 200) = 0.253; four of them ≈ 1.0
    se = 4 * np.sqrt((1 - 1 / 5) / 200)
    fitted = by_judge(offsets, "offset")
    for j, offset in enumerate(true):
        assert abs(fitted[f"J{j}"] - offset) < 4 * se
    # the model's own standard errors agree with the formula (σ estimated: within 15 %)
    assert offsets["offset_se"].to_numpy() == pytest.approx(se, rel=0.15)
    assert sum(fitted.values()) == pytest.approx(0, abs=1e-9)
    # the adjusted total is the raw total minus the judge's offset
    judge_offset = adjusted["judge_id"].map(fitted)
    assert (adjusted["raw_total"] - adjusted["total"]).to_numpy() == pytest.approx(
        judge_offset.to_numpy())


def test_severity_matches_a_direct_least_squares_fit_on_an_incomplete_design() -> None:
    # 90 entries in 9 blocks; block b is scored by judges b, b+1, b+2 (mod 9): each entry by
    # 3 of 9 judges, each judge 30 entries, and the panels chain into one connected design.
    # Offsets are sorted, so that panels of neighbouring judges are all strict or all
    # lenient: the case where raw means mislead.
    rng = np.random.default_rng(5)
    true = np.array([-8.0, -6, -4, -2, 0, 2, 4, 6, 8])
    n, k = 90, 9
    quality = 70 + rng.normal(0, 6, n)
    block = np.arange(n) // 10
    e = np.repeat(np.arange(n), 3)
    j = ((block[:, None] + np.arange(3)) % k).ravel()
    total = quality[e] + true[j] + rng.normal(0, 1, len(e))
    totals = pd.DataFrame({"entry_id": [f"e{i:02d}" for i in e], "category": "A",
                           "judge_id": [f"J{x}" for x in j], "total": total})
    adjusted, offsets, problems = normalise(totals, "severity")
    assert problems == []
    fitted = np.array([by_judge(offsets, "offset")[f"J{x}"] for x in range(k)])

    # the same model solved directly: [entry dummies | judge dummies] plus a row Σ offsets = 0
    design = np.zeros((len(e) + 1, n + k))
    design[np.arange(len(e)), e] = 1
    design[np.arange(len(e)), n + j] = 1
    design[-1, n:] = 1
    solution = np.linalg.lstsq(design, np.append(total, 0.0), rcond=None)[0]
    assert fitted == pytest.approx(solution[n:], abs=1e-8)

    # Each offset rests on 30 scores, each compared with 2 other judges: SE ≈ σ·√(3/2 / 30)
    # ≈ 0.22 σ plus what the chain of blocks adds; with σ = 1, 1.0 point is > 4 SE.
    assert np.abs(fitted - true).max() < 1.0
    # and the adjusted means rank the entries closer to the truth than the raw means
    raw_mean = totals.groupby("entry_id")["total"].mean().to_numpy()
    fair_mean = adjusted.groupby("entry_id")["total"].mean().to_numpy()
    truth = pd.Series(quality, index=[f"e{i:02d}" for i in range(n)]).sort_index().to_numpy()
    spearman = lambda a: pd.Series(a).rank().corr(pd.Series(truth).rank())  # noqa: E731
    assert spearman(fair_mean) > spearman(raw_mean) + 0.1


def test_severity_refuses_a_disconnected_design_and_names_the_judges() -> None:
    rows = [(f"e{i}", judge, 60 + i + (5 if judge in "AB" else 0))
            for i in range(1, 7) for judge in "AB"]
    rows += [(f"e{i}", judge, 60 + i) for i in range(7, 13) for judge in "CD"]
    totals = frame(rows)
    adjusted, offsets, problems = normalise(totals, "severity")
    assert [(p.code, p.severity) for p in problems] == [("fairness.disconnected", "error")]
    assert problems[0].params["groups"] == "[A, B] · [C, D]"
    assert problems[0].params["count"] == 2
    assert "A, B" in problems[0].message("en") and "C, D" in problems[0].message("id")
    # the category is left as given, and the offsets say so
    assert adjusted["total"].tolist() == adjusted["raw_total"].tolist()
    assert set(offsets["method"]) == {"none"}


def test_a_judge_with_too_few_scores_is_refused_by_name() -> None:
    totals, _ = simulated([2, -2, 0], n=10, noise=1, seed=3)
    totals = totals[~((totals["judge_id"] == "J2") & (totals["entry_id"] > "e001"))]
    _, _, problems = normalise(totals, "severity", min_scores=5)
    assert [p.code for p in problems] == ["fairness.too_few_scores"]
    assert problems[0].params["judges"] == "J2 (2)"
    assert problems[0].is_error
    # leniency-and-spread needs as many for the level, and shrinks the slope (below)
    _, _, problems = normalise(totals, "leniency_spread", min_scores=5)
    assert [p.code for p in problems] == ["fairness.too_few_scores"]


def test_categories_are_normalised_apart() -> None:
    one = frame([("e1", "A", 60), ("e2", "A", 70), ("e1", "B", 70), ("e2", "B", 80)], "X")
    other = frame([("f1", "A", 90), ("f2", "A", 90), ("f1", "B", 80), ("f2", "B", 80)], "Y")
    _, offsets, _ = normalise(pd.concat([one, other]), "severity", min_scores=2)
    got = offsets.set_index(["category", "judge_id"])["offset"]
    # X: B is 10 above A on both entries → ±5; Y: A is 10 above B → ±5 the other way
    assert got.to_dict() == pytest.approx({("X", "A"): -5, ("X", "B"): 5,
                                           ("Y", "A"): 5, ("Y", "B"): -5})


def test_severity_is_fast_at_national_scale() -> None:
    totals, _ = simulated([3, -3, 1, -1, 2, -2, 0], n=5000, noise=4, seed=1)
    start = time.perf_counter()
    normalise(totals, "severity")
    # a k × k solve after one pass over the scores: milliseconds; generous for slow CI
    assert time.perf_counter() - start < 5


# --- leniency and spread ---------------------------------------------------------------------


def test_leniency_spread_recovers_known_slopes_and_levels() -> None:
    true_offsets = [4.0, -4.0, 1.0, 0.0, -1.0]
    true_slopes = [0.6, 1.4, 1.0, 1.0, 1.0]  # average 1, as the model's are
    totals, quality = simulated(true_offsets, n=200, noise=4, seed=2, slopes=true_slopes)
    adjusted, offsets, problems = normalise(totals, "leniency_spread")
    assert problems == []
    slope = by_judge(offsets, "slope")
    # slope SE ≈ σ / (√n · SD of quality) = 4 / (√200 · 8) ≈ 0.035; 4 SE ≈ 0.15
    for j, b in enumerate(true_slopes):
        assert abs(slope[f"J{j}"] - b) < 0.15
    # The model's levels are offsets at the sample's mean quality q̄, not at 70:
    # a_j + (b_j − 1)(q̄ − 70) (which still sums to 0, as Σ(b_j − 1) = 0). Level SE ≈ 0.25.
    level = by_judge(offsets, "offset")
    for j, (a, b) in enumerate(zip(true_offsets, true_slopes, strict=True)):
        assert abs(level[f"J{j}"] - (a + (b - 1) * (quality.mean() - 70))) < 1.0
    # After adjustment the narrow and the wide judge space the entries alike: each judge's
    # adjusted totals rise one for one with the true quality (raw: 0.6 and 1.4). The judge's
    # noise is kept as it is, so that slope's SE is 4 / (√200 · 8) ≈ 0.035; 4 SE ≈ 0.15.
    wide = adjusted.pivot(index="entry_id", columns="judge_id", values="total").sort_index()
    for judge in ("J0", "J1"):
        assert np.polyfit(quality, wide[judge].to_numpy(), 1)[0] == pytest.approx(1, abs=0.15)
    # In a complete design the panel's mean of the adjusted totals is the raw mean: the
    # adjustments a_j + (b_j − 1)(q̂ − q̄) average to 0 over the judges, as Σ a = 0 and
    # mean b = 1.
    means = adjusted.groupby("entry_id")[["total", "raw_total"]].mean()
    assert means["total"].to_numpy() == pytest.approx(means["raw_total"].to_numpy())


def test_leniency_spread_holds_the_slope_of_a_judge_who_ignores_the_entries() -> None:
    totals, _ = simulated([0, 0, 0, 0], n=40, noise=1, seed=4)
    rng = np.random.default_rng(0)
    j3 = totals["judge_id"] == "J3"
    totals.loc[j3, "total"] = 70 + rng.normal(0, 8, int(j3.sum()))  # unrelated to quality
    # min_scores 2: spread weight 40 / (40 + 2 × 2) ≈ 0.91, so a slope near 0 stays near
    # 1 − 0.91 = 0.09, under the floor
    _, offsets, problems = normalise(totals, "leniency_spread", min_scores=2)
    flat = [p for p in problems if p.code == "fairness.flat_slope"]
    assert [p.params["judge"] for p in flat] == ["J3"]
    assert by_judge(offsets, "slope")["J3"] == pytest.approx(SLOPE_FLOOR, rel=0.3)


# --- the rest --------------------------------------------------------------------------------


def test_none_returns_the_totals_unchanged() -> None:
    totals = frame([("e1", "A", 60), ("e2", "A", 70)])
    adjusted, offsets, problems = normalise(totals, "none")
    assert adjusted["total"].tolist() == [60, 70] and problems == []
    assert by_judge(offsets, "offset") == {"A": 0.0}
    assert totals.columns.tolist() == ["entry_id", "category", "judge_id", "total"]  # pure


def test_adjusted_totals_are_never_cut_so_the_margin_stays_right() -> None:
    # 0–100 scale. J1: e1 99, e2 95, e3 50; J2 (lenient, at the ceiling): e1 100, e2 100,
    # e3 70. Judge means 244/3 = 81.33 and 270/3 = 90, grand mean 85.67, so the severity
    # offsets are −4.33 (J1) and +4.33 (J2), and J1's 99 on e1 becomes 103.33.
    totals = frame([("e1", "J1", 99), ("e2", "J1", 95), ("e3", "J1", 50),
                    ("e1", "J2", 100), ("e2", "J2", 100), ("e3", "J2", 70)])
    adjusted, _, problems = normalise(totals, "severity", min_scores=2,
                                      bounds={"A": (0.0, 100.0)})
    assert adjusted["total"].max() == pytest.approx(99 + 13 / 3)  # 103.33, not cut to 100
    assert [p.code for p in problems] == ["fairness.beyond_scale"]
    assert problems[0].params["count"] == 1
    # The panel's means: e1 (103.33 + 95.67) / 2 = 99.5, e2 (99.33 + 95.67) / 2 = 97.5, a
    # margin of 2.0 (the raw margin: (99 + 100) / 2 − (95 + 100) / 2). Cut at 100, e1 would
    # have been (100 + 95.67) / 2 = 97.83, a margin of only 0.33.
    means = adjusted.groupby("entry_id")["total"].mean()
    assert means["e1"] == pytest.approx(99.5) and means["e2"] == pytest.approx(97.5)
    assert means["e1"] - means["e2"] == pytest.approx(2.0)


def test_the_pipeline_ranks_and_margins_on_the_unclipped_totals() -> None:
    from scoring.confidence import confidence_for
    from scoring.pipeline import score
    from tests.helpers import entries_of, marks

    # the same marks as above through the pipeline (one criterion on 0–100)
    rubric = single_leaf(normalisation={"method": "severity", "min_scores": 2})
    entries = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))
    given = {"J1": [99, 95, 50], "J2": [100, 100, 70]}
    result = score(rubric, entries, marks(entries, {
        (e, j): {"c": values[i]} for j, values in given.items()
        for i, e in enumerate(("e1", "e2", "e3"))}))
    totals = result.standings.set_index("entry_id")["total"]
    assert totals["e1"] == pytest.approx(99.5) and totals["e2"] == pytest.approx(97.5)
    assert "fairness.beyond_scale" in [p.code for p in result.problems]
    frame_, _ = confidence_for(result, n_resamples=100, precision=None)
    assert frame_.set_index("entry_id").loc["e1", "margin_next"] == pytest.approx(2.0)


def test_a_judge_with_four_marks_is_shrunk_not_refused() -> None:
    # min_scores 3: the level needs 3 marks; the slope's prior counts as n₀ = 2 × 3 = 6
    # marks. J3 marked 4 entries: spread weight 4 / (4 + 6) = 0.4 (pulled 60 % toward the
    # panel's spread); J0–J2 marked 12 each: 12 / (12 + 6) = ⅔, not listed (12 ≥ 6).
    totals, _ = simulated([2, -2, 0, 1], n=12, noise=1, seed=5, slopes=[1, 1, 1, 2.0])
    keep = (totals["judge_id"] != "J3") | totals["entry_id"].isin(["e000", "e001", "e002",
                                                                    "e003"])
    totals = totals[keep]
    adjusted, offsets, problems = normalise(totals, "leniency_spread", min_scores=3)
    assert [p.code for p in problems] == ["fairness.spread_shrunk"]
    assert problems[0].params["judges"] == "J3 (4: 60%)"
    weight = by_judge(offsets, "spread_weight")
    assert weight == pytest.approx({"J0": 2 / 3, "J1": 2 / 3, "J2": 2 / 3, "J3": 0.4})
    assert not adjusted["total"].isna().any()
    # J3 spreads twice as wide as the others; shrunk, its fitted slope stays between the
    # panel's 1 and what its 4 marks alone say (fit with every weight 1)
    from scoring.rules.normalisation import _leniency_spread

    e, _ = pd.factorize(totals["entry_id"], sort=True)
    j, judges = pd.factorize(totals["judge_id"], sort=True)
    alone = _leniency_spread(e, j, totals["total"].to_numpy(), e.max() + 1, len(judges), "A",
                             judges, np.ones(len(judges)))[3]
    shrunk = by_judge(offsets, "slope")["J3"]
    assert 1 < shrunk < alone[3]


def test_total_bounds_of_a_rubric() -> None:
    assert total_bounds(single_leaf()) == {"A": (0.0, 100.0)}


def test_unknown_method_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown normalisation"):
        normalise(frame([("e1", "A", 60)]), "rank")  # type: ignore[arg-type]
