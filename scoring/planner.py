"""Panel planner: how many judges per entry next year, for a chosen chance that each
category's winner is truly the best.

Words used here:

- *judge totals*: the long frame ``entry_id, category, judge_id, total`` of a finished
  competition (or a simulated one); everything is per category.
- *design*: ``per_entry`` judges score each entry, drawn from ``judges`` available, so each
  judge scores ``entries_per_judge = ⌈entries × per_entry / judges⌉`` entries.
- *the model* (the assumptions, stated with every plan): a judge's total is
  ``quality(entry) + offset(judge) + noise``, with qualities normal with spread
  ``quality_sd``, offsets normal with spread ``offset_sd`` and noise normal with spread
  ``noise_sd``, independent; the panel takes the mean of its judges' totals (no
  normalisation); judges are spread over the entries at random. In a complete design
  (every judge scores every entry) a judge's offset lifts every entry alike and cannot change
  the order, so only the noise counts.
- *estimates* (:func:`estimate`): from the finished competition, the additive judge model of
  :mod:`scoring.normalise` (least squares over every mark): ``noise_sd`` from its residuals,
  ``offset_sd`` from the spread of the fitted offsets less their own estimation error, and
  ``quality_sd`` from the spread of the fitted qualities less theirs. A spread that comes out
  negative (all of it explained by noise) is taken as 0.
- *chance the best wins* (:func:`chance_best_wins`): the share of simulated competitions of
  that design, under the model, whose panel puts the truly best entry first (ties in the
  panel's figure shared). Simulated, a fixed seed, :data:`SIMULATIONS` competitions: Monte
  Carlo error about ±0.005 at 0.9.
- *plan* (:func:`plan`): per category, the chance for each panel size from 1 to the judges
  available, and the smallest size meeting the target (``recommended``; none when even every
  judge on every entry falls short — the category needs better agreement between judges, not
  more of them).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from scoring.normalise import judge_groups
from scoring.rules.normalisation import _additive

TARGET = 0.9
"""The default chance that each category's winner is truly the best."""
SIMULATIONS = 4000
"""Simulated competitions per panel size."""
PLAN_COLUMNS = ("category", "entries", "judges", "per_entry", "entries_per_judge",
                "p_best_wins", "meets_target", "recommended")


@dataclass(frozen=True)
class Assumptions:
    """One category's model (see the module docstring), estimated or given."""

    entries: int
    judges: int
    quality_sd: float
    offset_sd: float
    noise_sd: float


def estimate(judge_totals: pd.DataFrame) -> dict[str, Assumptions]:
    """Each category's model from a finished competition's judge totals (a disconnected
    category is estimated group by group's largest: offsets cannot be compared across)."""
    out = {}
    marks = judge_totals[judge_totals["total"].notna()]
    for category, rows in marks.groupby("category", sort=True, observed=True):
        groups = judge_groups(rows)[str(category)]
        largest = max(groups, key=len)
        rows = rows[rows["judge_id"].astype(str).isin(largest)]
        e, entries = pd.factorize(rows["entry_id"], sort=True)
        j, judges = pd.factorize(rows["judge_id"].astype(str), sort=True)
        x = rows["total"].to_numpy(dtype=np.float64)
        n_e, n_j = len(entries), len(judges)
        if n_j < 2:
            out[str(category)] = Assumptions(n_e, n_j, float(np.std(x, ddof=1)) if len(x) > 1
                                             else 0.0, 0.0, 0.0)
            continue
        offsets, quality, offset_se = _additive(e, j, x, n_e, n_j)
        residual = x - quality[e] - offsets[j]
        dof = len(x) - n_e - n_j + 1
        noise2 = float(np.sum(residual**2) / dof) if dof > 0 else 0.0
        offset2 = float(np.var(offsets, ddof=1) - np.mean(np.nan_to_num(offset_se) ** 2))
        per_entry = np.bincount(e, minlength=n_e)
        quality2 = float(np.var(quality, ddof=1) - np.mean(noise2 / per_entry))
        out[str(category)] = Assumptions(n_e, n_j, float(np.sqrt(max(quality2, 0.0))),
                                         float(np.sqrt(max(offset2, 0.0))),
                                         float(np.sqrt(noise2)))
    return out


def entries_per_judge(entries: int, judges: int, per_entry: int) -> int:
    """How many entries each judge scores when ``per_entry`` of ``judges`` score each."""
    return int(np.ceil(entries * per_entry / max(judges, 1)))


def chance_best_wins(model: Assumptions, per_entry: int, *, simulations: int = SIMULATIONS,
                     seed: int = 0) -> float:
    """The chance, under ``model``, that a panel of ``per_entry`` judges per entry (drawn at
    random from ``model.judges``) puts the truly best entry first."""
    n, k = model.entries, max(model.judges, 1)
    if n <= 1:
        return 1.0
    r = min(per_entry, k)
    rng = np.random.default_rng(seed)
    quality = rng.normal(0.0, model.quality_sd, (simulations, n))
    if r >= k:  # complete: every judge on every entry, offsets shared by all
        error_sd = model.noise_sd / np.sqrt(k)
        figure = quality + rng.normal(0.0, 1.0, (simulations, n)) * error_sd
    else:
        # each entry's r judges drawn from k; their offsets do not cancel between entries
        offsets = rng.normal(0.0, model.offset_sd, (simulations, k))
        panels = np.argsort(rng.random((simulations, n, k)), axis=2)[:, :, :r]
        drawn = np.take_along_axis(offsets[:, None, :], panels, axis=2).mean(axis=2)
        figure = (quality + drawn
                  + rng.normal(0.0, 1.0, (simulations, n)) * model.noise_sd / np.sqrt(r))
    best = quality.argmax(axis=1)
    top = figure.max(axis=1, keepdims=True)
    firsts = np.isclose(figure, top, rtol=0, atol=1e-12)
    # a tie for first shares the win
    won = firsts[np.arange(simulations), best] / firsts.sum(axis=1)
    return float(won.mean())


def plan(models: dict[str, Assumptions], *, target: float = TARGET,
         judges: int | None = None, seed: int = 0) -> pd.DataFrame:
    """Per category and panel size (1 … the judges available; ``judges`` overrides the
    number each category had), the chance that the winner is truly the best:
    :data:`PLAN_COLUMNS`; ``recommended`` marks the smallest size meeting ``target``."""
    if not 0 < target < 1:
        raise ValueError(f"target must be between 0 and 1, not {target}")
    rows = []
    for category, model in sorted(models.items()):
        available = judges or model.judges
        sized = Assumptions(model.entries, available, model.quality_sd, model.offset_sd,
                            model.noise_sd)
        found = False
        for per_entry in range(1, max(available, 1) + 1):
            chance = chance_best_wins(sized, per_entry, seed=seed)
            meets = chance >= target
            rows.append({"category": category, "entries": model.entries,
                         "judges": available, "per_entry": per_entry,
                         "entries_per_judge": entries_per_judge(model.entries, available,
                                                                per_entry),
                         "p_best_wins": chance, "meets_target": meets,
                         "recommended": meets and not found})
            found = found or meets
            if found:
                break
    return pd.DataFrame(rows, columns=list(PLAN_COLUMNS))


def plan_for(result: object, *, target: float = TARGET, judges: int | None = None,
             seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The plan for a finished :class:`~scoring.result.Result` (for the Judges page and the
    CLI): ``(plan, assumptions)``, the assumptions one row per category (``category`` and
    the fields of :class:`Assumptions`). Empty frames when the result has no judge totals."""
    totals = result.judge_totals  # type: ignore[attr-defined]
    if totals is None or totals.empty:
        return pd.DataFrame(columns=list(PLAN_COLUMNS)), pd.DataFrame()
    models = estimate(totals)
    assumptions = pd.DataFrame([{"category": c, **asdict(m)} for c, m in sorted(
        models.items())])
    return plan(models, target=target, judges=judges, seed=seed), assumptions
