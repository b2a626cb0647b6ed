"""Rank confidence: the vectorised panel rules, the place probabilities and their flags."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from scoring import panel as panel_rules
from scoring.confidence import (
    confidence_for,
    panel_statistic,
    rank_confidence,
    variance_factor,
)
from scoring.pipeline import score
from scoring.rubric import Panel
from tests.helpers import entries_of, marks, single_leaf


def totals_of(table: dict[str, list[float]], category: str = "A") -> pd.DataFrame:
    """Judge totals from {entry_id: [J1's total, J2's, …]} (NaN: not scored)."""
    rows = [{"entry_id": e, "category": category, "judge_id": f"J{j + 1}", "total": t}
            for e, values in table.items() for j, t in enumerate(values) if not np.isnan(t)]
    return pd.DataFrame(rows)


# e2 and e3 have the same marks from the same judges: in every resample they tie
FIELD = {
    "e1": [95, 96, 94, 95, 95],  # mean 95
    "e2": [85, 86, 84, 85, 85],  # mean 85
    "e3": [85, 86, 84, 85, 85],  # mean 85
    "e4": [70, 71, 69, 72, 68],  # mean 70
    "e5": [60, 61, 59, 62, 58],  # mean 60
    "e6": [50, 52, 48, 51, 49],  # mean 50
}


# --- the panel rules -------------------------------------------------------------------------


def test_panel_statistic_by_hand() -> None:
    x = np.array([50.0, 70, 85, 90, 100])
    ones = np.ones(5, dtype=int)
    assert panel_statistic(x, ones, "mean") == pytest.approx(79)  # 395 / 5
    assert panel_statistic(x, ones, "median") == pytest.approx(85)
    # drop 50 and 100: (70 + 85 + 90) / 3
    assert panel_statistic(x, ones, "trimmed_mean", trim=1, min_judges=5) == pytest.approx(
        245 / 3)
    # below min_judges the trimmed mean is the plain mean
    assert panel_statistic(x, ones, "trimmed_mean", trim=1, min_judges=6) == pytest.approx(79)


def test_panel_statistic_counts_multiplicities_and_skips_absent_marks() -> None:
    x = np.array([50.0, 70, 85, 90, np.nan])
    w = np.array([2, 1, 1, 0, 0])  # 50 drawn twice, 90 not drawn, the last judge absent
    # marks 50, 50, 70, 85
    assert panel_statistic(x, w, "mean") == pytest.approx(255 / 4)
    assert panel_statistic(x, w, "median") == pytest.approx(60)  # (50 + 70) / 2
    w5 = np.array([2, 1, 1, 1, 0])  # 50, 50, 70, 85, 90: drop one 50 and the 90
    assert panel_statistic(x, w5, "trimmed_mean", trim=1, min_judges=5) == pytest.approx(
        (50 + 70 + 85) / 3)
    assert np.isnan(panel_statistic(x, np.zeros(5, dtype=int), "mean"))


@pytest.mark.parametrize("rule", ["mean", "median", "trimmed_mean"])
def test_panel_statistic_agrees_with_the_pipelines_panel_rules(rule: str) -> None:
    rng = np.random.default_rng(3)
    n, k = 40, 7
    values = np.round(rng.normal(70, 10, (n, k)), 1)
    values[rng.random((n, k)) < 0.25] = np.nan  # some entries with 3–7 judges
    long = pd.DataFrame({"entry_id": np.repeat(np.arange(n), k),
                         "judge_id": np.tile([f"J{j}" for j in range(k)], n),
                         "total": values.ravel()}).dropna()
    rules = Panel(rule=rule, trim=1, min_judges=5)  # type: ignore[arg-type]
    weights, _ = panel_rules.panel_weights(long, ["entry_id"], "total", rules)
    expected = panel_rules.combine(long, ["entry_id"], ["total"], weights)["total"]
    ordered = np.sort(values, axis=1)
    got = panel_statistic(ordered, (~np.isnan(ordered)).astype(int), rule, trim=1,
                          min_judges=5)
    present = sorted(long["entry_id"].unique())
    assert got[present] == pytest.approx(expected.reindex(present).to_numpy())


def test_the_bootstrap_variance_factor() -> None:
    # the mean: the plug-in variance over m marks divides by m, the unbiased one by m − 1
    assert variance_factor("mean", 5) == pytest.approx(5 / 4)
    assert variance_factor("median", 2) == pytest.approx(2)  # the median of two is a mean
    assert variance_factor("trimmed_mean", 4, 1, 5) == pytest.approx(4 / 3)  # falls back
    # the bootstrap over-states a median's variance: the factor is below 1
    assert 0.5 < variance_factor("median", 5) < 0.95


# --- place probabilities ---------------------------------------------------------------------


def test_probabilities_add_up_to_one_per_entry() -> None:
    frame, _ = rank_confidence(totals_of(FIELD), places=3, n_resamples=300, seed=1)
    places = frame[["p_place_1", "p_place_2", "p_place_3", "p_other"]].sum(axis=1)
    assert places.to_numpy() == pytest.approx(1.0)
    assert ((frame["rank_low"] <= frame["rank"]) | (frame["rank_high"] >= frame["rank"])).all()


def test_the_same_seed_gives_the_same_figures() -> None:
    rng = np.random.default_rng(0)
    close = {f"e{i}": list(70 + rng.normal(0, 3, 5)) for i in range(12)}
    first, _ = rank_confidence(totals_of(close), places=3, n_resamples=200, seed=42)
    again, _ = rank_confidence(totals_of(close), places=3, n_resamples=200, seed=42)
    other, _ = rank_confidence(totals_of(close), places=3, n_resamples=200, seed=43)
    pd.testing.assert_frame_equal(first, again)
    assert not np.allclose(first["p_place_1"], other["p_place_1"])


@pytest.mark.parametrize("method", ["calibrated", "bootstrap"])
def test_a_clear_winner_and_a_dead_heat(method: str) -> None:
    frame, problems = rank_confidence(totals_of(FIELD), places=3, n_resamples=500, seed=7,
                                      method=method)  # type: ignore[arg-type]
    rows = frame.set_index("entry_id")
    # e1 leads by 10 points with judges within ±1: first in (practically) every resample
    assert rows.loc["e1", "p_place_1"] > 0.99
    assert rows.loc["e1", "rank_low"] == rows.loc["e1", "rank_high"] == 1
    assert not rows.loc["e1", "too_close"]
    # e2 and e3 hold places 2 and 3 between them, each with even chances. The plain
    # bootstrap ties them in every resample (same marks, same judges drawn), so they share
    # both places exactly; the calibrated draws add independent noise (the smoothing), so
    # the halves hold up to sampling error: SD √(¼ / 500) ≈ 0.022, allowed 0.08.
    even = 0.01 if method == "bootstrap" else 0.08
    for entry in ("e2", "e3"):
        assert rows.loc[entry, "rank"] == 2
        assert rows.loc[entry, "p_place_2"] == pytest.approx(0.5, abs=even)
        assert rows.loc[entry, "p_place_2"] + rows.loc[entry, "p_place_3"] == pytest.approx(
            1, abs=0.01)
        # both surely belong among the three awarded (p_awarded ≈ ½ + ½ = 1): the flag asks
        # about the award band, so it stays down; their coin-flip order shows in p_own_place
        assert rows.loc[entry, "p_awarded"] == pytest.approx(1, abs=0.01)
        assert not rows.loc[entry, "too_close"]
    assert not [p for p in problems if p.code == "fairness.too_close"]
    # with two places, e2 and e3 tie for the last one: each belongs among the awarded with
    # probability ½, below ⅔ — both flagged
    frame, problems = rank_confidence(totals_of(FIELD), places=2, n_resamples=500, seed=7,
                                      method=method)  # type: ignore[arg-type]
    assert sorted(p.params["name"] for p in problems if p.code == "fairness.too_close") == [
        "e2", "e3"]
    assert "1 chance in 3" in problems[0].message("en")
    # margins to the next entry in the official order e1, e2, e3, e4, e5, e6
    assert rows["margin_next"].to_dict() == pytest.approx(
        {"e1": 10, "e2": 0, "e3": 15, "e4": 10, "e5": 10, "e6": np.nan}, nan_ok=True)
    assert rows.loc["e6", "p_other"] == pytest.approx(1)


def test_places_per_category_and_categories_apart() -> None:
    both = pd.concat([totals_of(FIELD, "A"), totals_of(FIELD, "B")])
    frame, _ = rank_confidence(both, places={"A": 3, "B": 1}, n_resamples=200, seed=1)
    b = frame[frame["category"] == "B"].set_index("entry_id")
    assert (b["p_place_2"] == 0).all() and (b["p_place_3"] == 0).all()
    assert b.loc["e2", "place"] == "" and np.isnan(b.loc["e2", "p_own_place"])
    a = frame[frame["category"] == "A"].set_index("entry_id")
    assert a.loc["e2", "place"] == "2"


def test_a_place_won_by_one_judge_alone_is_reported() -> None:
    # J1's 100 lifts e1 to (100 + 70 + 70) / 3 = 80 above e2's 78; without J1, e1 has 70
    table = {"e1": [100, 70, 70], "e2": [78, 78, 78], "e3": [60, 61, 59]}
    frame, problems = rank_confidence(totals_of(table), places=1, n_resamples=200, seed=1)
    rows = frame.set_index("entry_id")
    assert rows.loc["e1", "rank"] == 1 and rows.loc["e1", "loo_rank_worst"] == 2
    assert rows.loc["e1", "loo_worst_without"] == "J1"
    decided = [p for p in problems if p.code == "fairness.one_judge_decides"]
    assert [(p.params["judge"], p.params["name"]) for p in decided] == [("J1", "e1")]


def test_incomplete_designs_and_lone_judges() -> None:
    # e4 is scored by one judge only; e1–e3 by overlapping pairs
    table = {"e1": [80, 82, np.nan], "e2": [np.nan, 75, 77], "e3": [70, np.nan, 72],
             "e4": [np.nan, np.nan, 82]}
    frame, _ = rank_confidence(totals_of(table), places=2, n_resamples=300, seed=2)
    sums = frame[["p_place_1", "p_place_2", "p_other"]].sum(axis=1)
    assert sums.to_numpy() == pytest.approx(1.0)
    # a lone judge's 82 against e1's 81 is not certain: it borrows the category's spread
    # (without that it would not move at all and win every resample)
    assert 0 < frame.set_index("entry_id").loc["e4", "p_place_1"] < 1


def test_rank_sum_is_resampled_as_the_mean_judge_rank() -> None:
    table = {"e1": [90, 70, 85], "e2": [80, 80, 85], "e3": [70, 90, 60]}
    frame, _ = rank_confidence(totals_of(table), Panel(rule="rank_sum"), places=1,
                               n_resamples=100, seed=1)
    # judge ranks (1 = best): e1 1, 3, 1.5; e2 2, 2, 1.5; e3 3, 1, 3 → means 5.5/3, 5.5/3, 7/3
    totals = frame.set_index("entry_id")["total"]
    assert totals.to_dict() == pytest.approx({"e1": -5.5 / 3, "e2": -5.5 / 3, "e3": -7 / 3})


def test_confidence_for_a_pipeline_result_uses_its_official_places() -> None:
    rubric = single_leaf(awards={"places": [{"name": "Juara I"}, {"name": "Juara II"}]},
                         confidence={"too_close_below": 0.9})
    entries = entries_of(*((e, "A") for e in FIELD))
    scores = {(e, f"J{j + 1}"): {"c": v} for e, values in FIELD.items()
              for j, v in enumerate(values)}
    result = score(rubric, entries, marks(entries, scores))
    frame, problems = confidence_for(result, n_resamples=200, seed=1)
    rows = frame.set_index("entry_id")
    assert rows.loc["e1", "place"] == "Juara I" and rows.loc["e1", "name"] == "Entry e1"
    # the pipeline shares rank 2 between e2 and e3 (no tie-break): both Juara II
    assert rows.loc["e2", "place"] == rows.loc["e3", "place"] == "Juara II"
    assert {p.params["name"] for p in problems if p.code == "fairness.too_close"} == {
        "Entry e2", "Entry e3"}
    assert "Juara II" in problems[0].message("id")


@pytest.mark.parametrize("rule", ["mean", "rank_sum"])
def test_judges_in_perfect_agreement_make_the_order_certain(rule: str) -> None:
    # every judge gives each entry the same total (mean), or orders the entries alike
    # (rank sum: each judge ranks e1 1st, e2 2nd, e3 3rd): nothing varies between judges, so
    # the panel's order holds in every resample — not "an even chance each", which is the
    # answer for entries the panel cannot tell apart
    table = ({"e1": [90, 90, 90], "e2": [80, 80, 80], "e3": [70, 70, 70]} if rule == "mean"
             else {"e1": [90, 95, 88], "e2": [80, 85, 87], "e3": [70, 60, 50]})
    frame, problems = rank_confidence(totals_of(table), Panel(rule=rule), places=2,
                                      n_resamples=100, seed=1)
    rows = frame.set_index("entry_id")
    assert rows["p_own_place"].to_dict() == pytest.approx({"e1": 1, "e2": 1, "e3": np.nan},
                                                          nan_ok=True)
    assert rows.loc["e3", "p_other"] == 1
    assert not [p for p in problems if p.code == "fairness.too_close"]


def test_a_single_judge_gives_no_certainty() -> None:
    # one judge: no entry has two marks, so nothing measures how far judges disagree; the
    # figures say "cannot tell" (an equal share each) rather than "certain"
    frame, _ = rank_confidence(totals_of({"e1": [90], "e2": [80]}), places=1,
                               n_resamples=100, seed=1)
    assert frame["p_place_1"].tolist() == pytest.approx([0.5, 0.5])


# --- the redesign: same figures as before, bounded memory, resamples chosen by precision ----

REFERENCE = Path(__file__).parent / "data" / "confidence_reference.csv"
"""Figures of the rank-confidence code as it was before the per-entry-panel redesign
(judges × entries × judges arrays), computed by that code with 20,000 resamples, seed 11:
the bundled sample through :func:`confidence_for`, and the simulated competition in
``confidence_simulated_totals.csv`` (120 entries, 12 judges, 4 random judges per entry)
under the median and the mean."""
REFERENCE_RESAMPLES = 20_000


def _within_monte_carlo_error(new: pd.DataFrame, case: str) -> None:
    old = pd.read_csv(REFERENCE).query("case == @case").set_index("entry_id")
    got = new.set_index("entry_id").loc[old.index]
    for column in ("p_place_1", "p_place_2", "p_place_3", "p_awarded"):
        p = old[column].to_numpy()
        # the old figure's own Monte Carlo error (Laplace-smoothed, as the new code's)
        q = (p * REFERENCE_RESAMPLES + 1) / (REFERENCE_RESAMPLES + 2)
        old_error = np.sqrt(q * (1 - q) / REFERENCE_RESAMPLES)
        error = np.sqrt(got["mc_error"].to_numpy() ** 2 + old_error**2)
        # 4.5 standard errors: over ~1,200 comparisons a false alarm has odds ~1 in 100
        assert np.all(np.abs(got[column].to_numpy() - p) <= 4.5 * error), column
    # leave-one-judge-out has no randomness: exactly the same
    assert got["loo_rank_best"].tolist() == old["loo_rank_best"].tolist()
    assert got["loo_rank_worst"].tolist() == old["loo_rank_worst"].tolist()
    # interval ends are quantiles of a noisy rank: a few ranks at most, none on average
    for end in ("rank_low", "rank_high"):
        moved = got[end].to_numpy() - old[end].to_numpy()
        assert np.abs(moved).max() <= 4 and abs(moved.mean()) < 0.5, end


def test_the_sample_gets_the_figures_of_the_old_code_within_monte_carlo_error() -> None:
    from scoring.workspace import session

    result = session.run_competition(session.sample_competition()).result
    frame, _ = confidence_for(result, seed=3)
    assert (frame["mc_error"] <= 0.0112).all()  # ±0.01, or √(¼ / 2,000) at the cap
    _within_monte_carlo_error(frame, "sample")


@pytest.mark.parametrize("rule", ["median", "mean"])
def test_a_simulated_incomplete_design_gets_the_figures_of_the_old_code(rule: str) -> None:
    totals = pd.read_csv(Path(__file__).parent / "data" / "confidence_simulated_totals.csv")
    frame, _ = rank_confidence(totals, Panel(rule=rule), places=3, seed=3)
    _within_monte_carlo_error(frame, f"simulated-{rule}")


def test_resamples_stop_once_the_probabilities_are_precise() -> None:
    # a clear order: every place probability is 0 or 1, whose smoothed error after the
    # 500-resample pilot is √(p̃(1 − p̃) / 500) with p̃ = 1/502: √(0.001988 / 500) = 0.0020,
    # under 0.01, so the pilot is enough
    clear = {"e1": [95, 96, 94], "e2": [80, 81, 79], "e3": [60, 61, 59], "e4": [40, 41, 39]}
    frame, _ = rank_confidence(totals_of(clear), places=2, seed=1)
    assert frame["resamples"].unique().tolist() == [500]
    assert frame["mc_error"].max() == pytest.approx(np.sqrt((1 / 502) * (501 / 502) / 500))
    # a dead heat between two entries: p = ½ needs ¼ / 0.01² = 2,500, above the cap of 2,000
    heat = {"e1": [80, 81, 79], "e2": [81, 80, 79]}
    frame, _ = rank_confidence(totals_of(heat), places=1, seed=1)
    assert frame["resamples"].unique().tolist() == [2000]
    # asked for a fixed number (precision None): exactly that many
    frame, _ = rank_confidence(totals_of(heat), places=1, n_resamples=300, precision=None)
    assert frame["resamples"].unique().tolist() == [300]


def test_memory_grows_with_the_marks_not_judges_times_entries_times_judges() -> None:
    # 2,000 entries, 150 judges, 5 judges per entry: 10,000 marks. The old design's
    # leave-one-out array alone was judges × entries × judges = 150 × 2,000 × 150 floats
    # = 45,000,000 × 8 bytes = 360 MB; the per-entry panels need far less
    rng = np.random.default_rng(1)
    n, k, m = 2000, 150, 5
    judges = np.argsort(rng.random((n, k)), axis=1)[:, :m].ravel()
    entry = np.repeat(np.arange(n), m)
    totals = pd.DataFrame({
        "entry_id": [f"e{i:04d}" for i in entry], "category": "A",
        "judge_id": [f"J{j:03d}" for j in judges],
        "total": np.round(70 + rng.normal(0, 6, n)[entry] + rng.normal(0, 4, n * m), 2)})
    tracemalloc.start()
    try:
        frame, _ = rank_confidence(totals, places=3, seed=1)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(frame) == n
    assert peak < 360 * 2**20 / 3


def test_the_threshold_reads_as_odds() -> None:
    from scoring.confidence import TOO_CLOSE_BELOW, threshold_odds

    # 1 − ⅔ = ⅓: "more than 1 chance in 3"; 1 − 0.8 = ⅕; 1 − 0.9 = 1/10
    assert threshold_odds(TOO_CLOSE_BELOW) == (1, 3)
    assert threshold_odds(0.8) == (1, 5)
    assert threshold_odds(0.9) == (1, 10)
