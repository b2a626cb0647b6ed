"""Panel planner: the model's estimates, the chance that the best entry wins, and a plan
whose recommended panel meets its target in competitions simulated independently."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoring.planner import (
    PLAN_COLUMNS,
    Assumptions,
    chance_best_wins,
    entries_per_judge,
    estimate,
    plan,
    plan_for,
)


def competition(n: int, k: int, per_entry: int, *, quality_sd: float, offset_sd: float,
                noise_sd: float, rng: np.random.Generator
                ) -> tuple[pd.DataFrame, np.ndarray]:
    """Judge totals of one competition: each entry scored by ``per_entry`` of ``k`` judges
    drawn at random; total = 70 + quality + offset + noise. Also the true qualities."""
    quality = rng.normal(0, quality_sd, n)
    offset = rng.normal(0, offset_sd, k)
    judges = np.argsort(rng.random((n, k)), axis=1)[:, :per_entry].ravel()
    entry = np.repeat(np.arange(n), per_entry)
    total = 70 + quality[entry] + offset[judges] + rng.normal(0, noise_sd, len(entry))
    return pd.DataFrame({"entry_id": [f"e{i:03d}" for i in entry], "category": "A",
                         "judge_id": [f"J{j:02d}" for j in judges], "total": total}), quality


def test_entries_per_judge_by_hand() -> None:
    # 60 entries × 3 judges each = 180 marks over 9 judges: 20 each; 61 × 3 = 183: ⌈20.3⌉ = 21
    assert entries_per_judge(60, 9, 3) == 20
    assert entries_per_judge(61, 9, 3) == 21


def test_the_chance_at_the_edges() -> None:
    # no noise and no offsets: the panel sees the true order, the best always wins
    exact = Assumptions(entries=10, judges=5, quality_sd=6, offset_sd=0, noise_sd=0)
    assert chance_best_wins(exact, 1) == 1.0
    # all entries equally good: any of the 10 may come first, 1 in 10 (Monte Carlo error
    # √(0.1 × 0.9 / 4,000) ≈ 0.005; allowed 4 × that)
    alike = Assumptions(entries=10, judges=5, quality_sd=0, offset_sd=2, noise_sd=4)
    assert chance_best_wins(alike, 3) == pytest.approx(0.1, abs=0.02)
    # a single entry always wins
    assert chance_best_wins(Assumptions(1, 3, 6, 2, 4), 1) == 1.0


def test_estimates_recover_the_model() -> None:
    rng = np.random.default_rng(3)
    totals, _ = competition(600, 12, 4, quality_sd=6, offset_sd=3, noise_sd=4, rng=rng)
    [(category, model)] = estimate(totals).items()
    assert category == "A" and model.entries == 600 and model.judges == 12
    # noise from 2,400 marks (1,789 degrees of freedom): SE of the SD ≈ 4 / √(2 × 1,789)
    # ≈ 0.07; quality from 600 entries: SE ≈ 6 / √1,200 ≈ 0.2; offsets from only 12
    # judges: SE ≈ 3 / √22 ≈ 0.65
    assert model.noise_sd == pytest.approx(4, abs=0.3)
    assert model.quality_sd == pytest.approx(6, abs=0.8)
    assert model.offset_sd == pytest.approx(3, abs=2.0)


def test_the_recommended_panel_meets_the_target_in_independent_simulations() -> None:
    # known judges: offsets spread 2, noise 3, entries' qualities spread 6; 20 entries and
    # 12 judges. The planner sees only one finished competition (6 judges per entry).
    rng = np.random.default_rng(11)
    n, k = 20, 12
    finished, _ = competition(n, k, 6, quality_sd=6, offset_sd=2, noise_sd=3, rng=rng)
    table, assumptions = plan_for(type("R", (), {"judge_totals": finished})(), target=0.75)
    assert table.columns.tolist() == list(PLAN_COLUMNS)
    assert assumptions["category"].tolist() == ["A"]
    [chosen] = table.loc[table["recommended"], "per_entry"].tolist()
    assert table["recommended"].sum() == 1
    # every smaller panel falls short of the target by the planner's own figures
    assert (table.loc[table["per_entry"] < chosen, "p_best_wins"] < 0.75).all()
    # Now competitions drawn afresh from the true model with the chosen panel size, scored
    # by the panel's mean: the best entry must win at least 75 % of the time, up to the
    # error of the estimates (allowed 0.05) and the Monte Carlo error of 1,500 runs
    # (√(0.75 × 0.25 / 1,500) ≈ 0.011; 3 × that).
    wins = 0
    runs = 1500
    for _ in range(runs):
        totals, quality = competition(n, k, chosen, quality_sd=6, offset_sd=2, noise_sd=3,
                                      rng=rng)
        means = totals.groupby("entry_id")["total"].mean()
        wins += int(means.idxmax() == f"e{int(np.argmax(quality)):03d}")
    assert wins / runs >= 0.75 - 0.05 - 3 * 0.011


def test_a_target_out_of_reach_recommends_nothing() -> None:
    # noise far above the spread of quality: even every judge on every entry falls short
    hopeless = {"A": Assumptions(entries=50, judges=3, quality_sd=1, offset_sd=0,
                                 noise_sd=20)}
    table = plan(hopeless, target=0.9)
    assert table["per_entry"].tolist() == [1, 2, 3]
    assert not table["recommended"].any()
    with pytest.raises(ValueError, match="target"):
        plan(hopeless, target=1.5)


def test_the_cli_plans_the_sample_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json
    from pathlib import Path

    from scoring.cli import main

    root = Path(__file__).resolve().parent.parent
    sheets = sorted(str(p) for p in (root / "data" / "samples" / "budaya_kerja_2026").glob(
        "*.xlsx"))
    code = main(["plan", "--rubric", str(root / "rubrics" / "budaya_kerja_tulta.yaml"),
                 "--entries", str(root / "data" / "entries_pekalongan_sample.csv"),
                 "--target", "0.8", "--judges", "6", "--json", *sheets])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["target"] == 0.8
    assert [a["category"] for a in data["assumptions"]] == ["KEL", "OPD"]
    assert all(a["judges"] == 5 for a in data["assumptions"])  # this year's
    for category in ("KEL", "OPD"):
        rows = [r for r in data["plan"] if r["category"] == category]
        assert [r["per_entry"] for r in rows] == list(range(1, len(rows) + 1))
        assert all(r["judges"] == 6 for r in rows)  # next year's, as asked
        # the last row is the recommendation (the search stops there) or the whole panel
        assert rows[-1]["recommended"] == (rows[-1]["p_best_wins"] >= 0.8)
        assert sum(r["recommended"] for r in rows) <= 1
