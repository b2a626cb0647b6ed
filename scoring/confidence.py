"""Rank confidence: how sure the ranking is, from resampling the judges.

Words used here:

- *judge totals*: the long frame ``entry_id, category, judge_id, total`` (normalised totals
  when the rubric normalises). Everything is per category.
- *panel statistic*: the panel rule applied to one entry's marks, each counted as often as
  its judge was drawn (:func:`scoring.rules.panel.panel_statistic`: the one implementation
  of each rule, which the pipeline's :mod:`scoring.panel` uses too); a rule that combines
  ranks (``rank_sum``) is resampled as the mean of each judge's negated rank.
- *resample*: the category's judges drawn with replacement (a bootstrap over judges: "had
  another panel of the same kind sat"); a judge drawn twice counts twice, as a panel with
  that judge's twin would. An entry none of whose judges was drawn (possible in incomplete
  designs) has its own judges drawn for it instead.
- *leave-one-judge-out*: the panel without one judge at a time: which places depend on a
  single judge.
- *place probability*: the share of resamples in which an entry finishes in award place p
  (1 … P). Entries tied in a resample share the places they span equally, so each entry's
  place probabilities and its ``p_other`` add up to 1.
- *rank interval*: the (1 − ``interval``)/2 and (1 + ``interval``)/2 quantiles of the entry's
  rank over the resamples (ranks are competition ranks: 1, 2, 2, 4).
- *margin to the next*: the entry's panel statistic minus that of the entry ranked just
  below it.
- *own place probability* (``p_own_place``): the chance that an entry holding an award place
  truly holds that very place; *award probability* (``p_awarded``): the chance that it truly
  belongs among the awarded places (the award band).
- *too close to call*: an entry holding an award place whose award probability is below
  ``too_close_below`` (the rubric's ``confidence.too_close_below``, default ⅔: "more than 1
  chance in 3 that the order differs", :func:`threshold_odds`). In the simulations both
  probabilities are calibrated over the awarded places (calibration error ≤ 0.05) and the
  award probability separates right from wrong places far better than the old flag, which
  fired on the own-place probability below 0.8 and so marked ~90 % of correct places.

How the draws are made honest (the plain judge bootstrap is over-confident) is described in
:mod:`scoring.resampling`, which draws them; this module turns them into figures and flags.
``method="bootstrap"`` gives the plain judge bootstrap, for comparison.

Speed and memory: per category the marks are per-entry panels (entries × the most judges
any entry has), so memory grows with the number of marks, not with judges × entries ×
judges; resamples are drawn in batches, vectorised, and their number is chosen by the
precision needed (:data:`PRECISION`, at most :data:`N_RESAMPLES`): each entry's ``mc_error``
says how precise its probabilities are. ``python -m bench.simulate --speed`` times it.
Reproducible: the same ``seed`` gives the same figures (numpy ``Generator``, one independent
stream per category in sorted order, one per batch within it).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import numpy as np
import pandas as pd

from scoring.problems import Problem, warning
from scoring.resampling import (
    ConfidenceMethod,
    Draws,
    Panels,
    competition_ranks,
    leave_one_out,
    mc_error,
    rank_interval,
    variance_factor,
)
from scoring.rubric import Panel
from scoring.rules.panel import PANEL_RULES, panel_statistic, rank_marks

__all__ = ["confidence_for", "panel_statistic", "rank_confidence", "variance_factor"]

N_RESAMPLES = 2000
"""The most resamples per category. With :data:`PRECISION` 0.01 a probability of ½ would need
¼ / 0.01² = 2,500; at this cap its standard error is 0.011."""
PRECISION = 0.01
"""Resampling stops when every place probability's Monte Carlo standard error,
√(p(1 − p) / resamples), is at most this."""
INTERVAL = 0.9
TOO_CLOSE_BELOW = 2 / 3
"""The default flag threshold: a place is too close to call when the entry's probability of
truly belonging in it is below ⅔ — more than 1 chance in 3 that the order differs."""

# ---------------------------------------------------------------------------------------------
# The public call


def rank_confidence(judge_totals: pd.DataFrame, panel: Panel | None = None, *,
                    places: int | Mapping[str, int] = 3,
                    n_resamples: int = N_RESAMPLES, precision: float | None = PRECISION,
                    seed: int = 0, interval: float = INTERVAL,
                    too_close_below: float = TOO_CLOSE_BELOW,
                    method: ConfidenceMethod = "calibrated",
                    standings: pd.DataFrame | None = None,
                    ) -> tuple[pd.DataFrame, list[Problem]]:
    """Each entry's probability of each award place, rank interval and margin, per category.

    ``judge_totals``: ``entry_id, category, judge_id, total``. ``panel``: the rubric's panel
    rule (default: mean). ``places``: how many award places (per category when a mapping).
    ``n_resamples``: the most resamples per category; ``precision``: stop sooner once every
    place probability's Monte Carlo standard error is at most this (None: always
    ``n_resamples``). ``standings`` (optional): the official ``entry_id, rank`` and, when
    present, ``name``, ``place`` (the place's label) and ``place_index`` (−1: no place);
    without it, ranks are the competition ranks of the panel statistic.

    Returns ``(frame, problems)``. The frame has one row per entry: ``entry_id, category,
    name, total`` (the panel statistic), ``rank, place, margin_next, p_place_1 … p_place_P,
    p_other, p_own_place, p_awarded, mc_error`` (the largest Monte Carlo standard error of
    the entry's probabilities), ``resamples, rank_low, rank_high, loo_rank_best,
    loo_rank_worst, loo_worst_without, too_close``; ``problems`` warns about places too close
    to call and about placed entries that fall out of the awards without one judge.
    """
    panel = panel or Panel()
    if not 0 < interval < 1:
        raise ValueError(f"interval must be between 0 and 1, not {interval}")
    if n_resamples < 1:
        raise ValueError("n_resamples must be at least 1")
    marks = judge_totals.loc[judge_totals["total"].notna(),
                             ["entry_id", "category", "judge_id", "total"]].copy()
    marks["total"] = marks["total"].astype(np.float64)
    rule = panel.rule
    if PANEL_RULES.get(rule).ranks:
        # a rule that combines ranks is resampled as the mean of each judge's rank figure
        # (negated ranks, or percentiles), higher being better like every other statistic
        marks["total"] = rank_marks(rule, marks)
        rule = "mean"
    categories = sorted(marks["category"].astype(str).unique())
    streams = np.random.SeedSequence(seed).spawn(len(categories))
    max_places = max((places.get(c, 0) if isinstance(places, Mapping) else places)
                     for c in categories) if categories else 0
    official = (standings.set_index("entry_id") if standings is not None else None)
    frames = []
    for category, stream in zip(categories, streams, strict=True):
        n_places = places.get(category, 0) if isinstance(places, Mapping) else places
        panels = Panels.of(marks[marks["category"].astype(str) == category])
        point = panel_statistic(panels.x, panels.present.astype(np.int64), rule,
                                trim=panel.trim, min_judges=panel.min_judges)
        run = Draws(panels, panel, rule, point, method, n_places, stream)
        shares, rank, used = run.adaptive(n_resamples, precision)
        frame = pd.DataFrame({"entry_id": panels.entry_ids, "category": category,
                              "total": point})
        for p in range(1, max_places + 1):
            frame[f"p_place_{p}"] = shares[p - 1] if p <= n_places else 0.0
        frame["p_other"] = 1.0 - frame[[f"p_place_{p}" for p in range(1, max_places + 1)]].sum(
            axis=1)
        frame["mc_error"] = mc_error(shares, used)
        frame["resamples"] = used
        frame["rank_low"], frame["rank_high"] = rank_interval(rank, interval)
        del rank  # the largest array: free it before the next category
        best, worst, worst_at = leave_one_out(panels, panel, rule, point)
        frame["loo_rank_best"], frame["loo_rank_worst"] = best, worst
        frame["loo_worst_without"] = panels.judge_ids[worst_at]
        frames.append(_official(frame, official, n_places, max_places, too_close_below))
    columns = ["entry_id", "category", "name", "total", "rank", "place", "margin_next",
               *[f"p_place_{p}" for p in range(1, max_places + 1)], "p_other", "p_own_place",
               "p_awarded", "mc_error", "resamples", "rank_low", "rank_high", "loo_rank_best",
               "loo_rank_worst", "loo_worst_without", "too_close"]
    if not frames:
        return pd.DataFrame(columns=columns), []
    result = pd.concat(frames, ignore_index=True).loc[:, columns]
    return result, _problems(result, too_close_below, places)


def _official(frame: pd.DataFrame, official: pd.DataFrame | None, n_places: int,
              max_places: int, too_close_below: float) -> pd.DataFrame:
    """Official rank, place, margin to the next entry and the too-close flag of one
    category's frame."""
    if official is not None:
        known = official.reindex(frame["entry_id"])
        frame["rank"] = known["rank"].to_numpy()
        frame["name"] = (known["name"].fillna("").to_numpy() if "name" in known
                         else frame["entry_id"])
        placed = (known["place_index"].to_numpy() >= 0 if "place_index" in known
                  else frame["rank"].to_numpy() <= n_places)
        # Int64 first: an entry missing from the standings makes the ranks float ("2.0")
        labels = pd.Series(frame["rank"]).astype("Int64").astype(str).to_numpy()
        frame["place"] = (known["place"].fillna("").to_numpy() if "place" in known
                          else np.where(placed, labels, ""))
    else:
        rank, _ = competition_ranks(frame["total"].to_numpy()[None])
        frame["rank"] = rank[0]
        frame["name"] = frame["entry_id"]
        placed = frame["rank"].to_numpy() <= n_places
        frame["place"] = np.where(placed, frame["rank"].astype(str), "")
    frame = frame.sort_values(["rank", "total", "entry_id"], ascending=[True, False, True],
                              kind="mergesort").reset_index(drop=True)
    frame["margin_next"] = frame["total"] - frame["total"].shift(-1)
    frame["p_awarded"] = frame[[f"p_place_{p}" for p in range(1, n_places + 1)]].sum(axis=1)
    own = np.zeros(len(frame))
    ranks = frame["rank"].to_numpy()
    for p in range(1, min(n_places, max_places) + 1):
        own = np.where(ranks == p, frame[f"p_place_{p}"].to_numpy(), own)
    frame["p_own_place"] = np.where(frame["place"] != "", own, np.nan)
    # the flag asks whether the entry truly belongs among the awarded: the award band's
    # probability, calibrated over awarded places in the simulations (docs/FAIRNESS.md)
    frame["too_close"] = (frame["place"] != "") & (frame["p_awarded"] < too_close_below)
    return frame


def _problems(frame: pd.DataFrame, too_close_below: float,
              places: int | Mapping[str, int]) -> list[Problem]:
    problems = []
    for row in frame[frame["too_close"]].itertuples(index=False):
        margin = "–" if pd.isna(row.margin_next) else f"{row.margin_next:.2f}"
        odds, out_of = threshold_odds(too_close_below)
        problems.append(warning("fairness.too_close", cell=str(row.entry_id),
                                category=row.category, place=row.place, name=row.name,
                                percent=round(100 * row.p_awarded),
                                own=round(100 * row.p_own_place), odds=odds, out_of=out_of,
                                margin=margin))
    n_places = (frame["category"].map(places) if isinstance(places, Mapping)
                else pd.Series(places, index=frame.index))
    falls = (frame["place"] != "") & (frame["loo_rank_worst"] > n_places)
    for row in frame[falls].itertuples(index=False):
        problems.append(warning("fairness.one_judge_decides", cell=str(row.entry_id),
                                category=row.category, judge=row.loo_worst_without,
                                name=row.name, place=row.place, rank=int(row.loo_rank_worst)))
    return problems


def threshold_odds(too_close_below: float) -> tuple[int, int]:
    """The flag's threshold as odds an organiser reads: (1, 3) for ⅔ — "more than 1 chance
    in 3 that the order differs" (1 − threshold as the nearest fraction, denominator ≤ 20)."""
    chance = Fraction(1 - too_close_below).limit_denominator(20)
    return chance.numerator, chance.denominator


def confidence_for(result: object, *, n_resamples: int = N_RESAMPLES,
                   precision: float | None = PRECISION, seed: int = 0,
                   interval: float = INTERVAL, method: ConfidenceMethod = "calibrated",
                   ) -> tuple[pd.DataFrame, list[Problem]]:
    """:func:`rank_confidence` for a :class:`~scoring.result.Result`: the judges' totals as
    its panel combined them (normalised when the rubric normalises), the rubric's panel rule,
    places per category and ``confidence.too_close_below``, and the official ranks, names and
    places of its standings."""
    rubric = result.rubric  # type: ignore[attr-defined]
    standings = result.standings  # type: ignore[attr-defined]
    if standings.empty:
        return pd.DataFrame(), []
    places = {c: len(rubric.awards.for_category(c).places) for c in rubric.category_ids}
    totals = getattr(result, "panel_totals", None)
    if totals is None or totals.empty:
        totals = result.judge_totals  # type: ignore[attr-defined]
    return rank_confidence(totals, rubric.panel,
                           places=places, n_resamples=n_resamples, precision=precision,
                           seed=seed,
                           interval=interval, method=method,
                           too_close_below=rubric.confidence.too_close_below,
                           standings=standings)
