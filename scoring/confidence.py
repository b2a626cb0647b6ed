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
- *too close to call*: an entry holding an award place whose probability of truly holding
  that place is below ``too_close_below`` (the rubric's ``confidence.too_close_below``).

Making the figures honest. The plain bootstrap of a ranking is over-confident: it asks how
the *estimated* ranking would move, centred on the estimates, whereas what a reader wants is
the chance that the entry *truly* holds the place. Hall & Miller (2009) show that the naive
bootstrap misjudges ranks exactly where entries are close together — the crowded middle of a
field — and suggest the m-out-of-n bootstrap; with 3–9 judges, m < n leaves too few judges to
apply the panel rule, so this module corrects the judge bootstrap in five steps, each checked
against simulations with a known truth (``python -m bench.simulate``; tables in
docs/FAIRNESS.md). In the simulations the plain bootstrap's 90 % rank intervals hold the true
rank 69–95 % of the time (69–83 % in incomplete designs); the calibrated ones 86–98 %, most of
them 88–96 %; places given 0.85 by the plain bootstrap are right 80 % of the time, by the
calibrated figures 83 %.

1. *Shared shifts out.* Drawing the lenient judge twice lifts every entry of a complete
   design alike, which cannot change a rank; each resample's mean deviation is removed.
2. *Variance bias per rule.* A bootstrap over k marks understates the mean's variance by
   (k − 1)/k, and overstates a median's (by about 20 %): :func:`variance_factor` corrects
   each entry's variance for its rule and number of marks.
3. *Moderated variances.* An entry's variance from 3–7 judges is itself very uncertain, and
   an entry whose judges happened to agree would look certain. It is pulled towards the
   category's pooled variance with the weight of :data:`PRIOR_DF` degrees of freedom (the
   empirical-Bayes variance moderation of Smyth 2004).
4. *Regression to the mean.* Observed totals spread wider than the true qualities, because
   noise adds spread; the winner is partly the luckiest. Each entry is shrunk towards the
   category mean by its reliability λᵢ = τ² / (τ² + seᵢ²) (τ²: the spread of true quality,
   the spread of the totals minus the mean squared standard error), and its spread scaled by
   √λᵢ: the empirical-Bayes posterior of a normal model (Efron & Morris 1973). When the
   panel cannot tell the entries apart at all (τ² ≤ 0), or a single judge leaves nothing to
   measure disagreement by, every entry gets an equal share of every place — which is the
   honest answer; when the judges agree exactly on every entry, the panel's order holds in
   every draw.
5. *Smoothing.* With 5 judges there are only 126 different resamples, shared by every entry,
   so the bootstrap ties entries' deviations together by accident (two entries whose judges'
   residuals happen to look alike move together). Half of each draw's variance
   (:data:`SMOOTHING`) comes from independent normal noise instead — a smoothed bootstrap.

``method="bootstrap"`` gives the plain judge bootstrap, for comparison.

Speed: the resampled marks are a resamples × entries × judges array of multiplicities
(processed in chunks so memory stays near 100 MB); the panel rules are weighted order
statistics on the marks sorted once per entry. 2,000 resamples of 5,000 entries × 7 judges
take 2–5 seconds and about 170 MB (``python -m bench.simulate --speed``). Reproducible: the
same ``seed`` gives the same figures (numpy ``Generator``, one independent stream per
category in sorted order).

References: Hall, P. & Miller, H. (2009), Using the bootstrap to quantify the authority of an
empirical ranking, Annals of Statistics 37(6B), 3929–3959; Smyth, G. K. (2004), Linear models
and empirical Bayes methods for assessing differential expression in microarray experiments,
Statistical Applications in Genetics and Molecular Biology 3(1), article 3; Silverman, B. W.
& Young, G. A. (1987), The bootstrap: to smooth or not to smooth?, Biometrika 74, 469–479;
Xie, M., Singh, K. & Zhang, C.-H. (2009), Confidence intervals for population ranks in the
presence of ties and near ties, JASA 104, 775–788; Efron, B. & Morris, C. (1973), Stein's
estimation rule and its competitors — an empirical Bayes approach, JASA 68, 117–130.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from scoring.panel import judge_ranks
from scoring.problems import Problem, warning
from scoring.rubric import Panel
from scoring.rules.panel import PANEL_RULES, panel_statistic

__all__ = ["confidence_for", "panel_statistic", "rank_confidence", "variance_factor"]

ConfidenceMethod = Literal["calibrated", "bootstrap"]
N_RESAMPLES = 2000
INTERVAL = 0.9
PRIOR_DF = 8.0
"""Weight, in degrees of freedom, of the category's pooled variance when each entry's own
variance is moderated (:func:`_calibrate`); chosen with the simulation benchmark."""
SMOOTHING = 0.5
"""Share of each draw's variance that comes from independent normal noise rather than from
the judge bootstrap (the smoothed bootstrap, :func:`_calibrate`)."""
_CHUNK_CELLS = 2_000_000
"""Work arrays hold about this many cells (~16 MB each), so memory stays bounded."""


def _competition_ranks(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Competition ranks (1 = highest) along the last axis of a 2-D array, and the size of
    each value's tie group. Values are compared in nano units, so float noise from summing
    in another order never makes or breaks a tie."""
    keyed = np.round(values, 9)
    n = keyed.shape[1]
    # the order inside a tie group does not matter (groups are found below), so the faster
    # unstable sort will do
    order = np.argsort(-keyed, axis=1)
    ordered = np.take_along_axis(keyed, order, axis=1)
    new = np.ones(ordered.shape, dtype=bool)
    new[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    last = np.ones(ordered.shape, dtype=bool)
    last[:, :-1] = new[:, 1:]
    position = np.arange(n)
    start = np.maximum.accumulate(np.where(new, position, 0), axis=1)
    end = np.minimum.accumulate(np.where(last, position, n - 1)[:, ::-1], axis=1)[:, ::-1]
    rank = np.empty_like(order)
    size = np.empty_like(order)
    np.put_along_axis(rank, order, start + 1, axis=1)
    np.put_along_axis(size, order, end - start + 1, axis=1)
    return rank, size


def _places(draws: np.ndarray, n_places: int) -> tuple[np.ndarray, np.ndarray]:
    """(share of resamples in place p, for p = 1 … n_places, per entry; every resample's
    rank of every entry as int32), ranked a chunk of resamples at a time to bound memory."""
    n_resamples, n = draws.shape
    shares = np.zeros((n_places, n))
    ranks = np.empty((n_resamples, n), dtype=np.int32)
    chunk = max(1, _CHUNK_CELLS // max(n, 1) // 4)
    for begin in range(0, n_resamples, chunk):
        rank, size = _competition_ranks(draws[begin:begin + chunk])
        ranks[begin:begin + chunk] = rank
        for p in range(1, n_places + 1):
            # tied entries spanning places rank … rank + size − 1 share each equally
            shares[p - 1] += (((rank <= p) & (p < rank + size)) / size).sum(axis=0)
    return shares / n_resamples, ranks


def _rank_interval(ranks: np.ndarray, interval: float) -> tuple[np.ndarray, np.ndarray]:
    """The (1 − interval)/2 and (1 + interval)/2 quantiles of each column, as the smallest
    rank whose empirical distribution function reaches them (numpy's "inverted_cdf"),
    sorted a chunk of columns at a time."""
    n_resamples, n = ranks.shape
    tail = (1 - interval) / 2
    at_low = max(int(np.ceil(tail * n_resamples)) - 1, 0)
    at_high = max(int(np.ceil((1 - tail) * n_resamples)) - 1, 0)
    low = np.empty(n, dtype=np.int64)
    high = np.empty(n, dtype=np.int64)
    chunk = max(1, _CHUNK_CELLS // max(n_resamples, 1))
    for begin in range(0, n, chunk):
        ordered = np.sort(ranks[:, begin:begin + chunk], axis=0)
        low[begin:begin + chunk] = ordered[at_low]
        high[begin:begin + chunk] = ordered[at_high]
    return low, high


# ---------------------------------------------------------------------------------------------
# One category


def _marks(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Entry ids, and the marks as an entries × judges array sorted ascending per entry
    (absent = NaN, last), with each slot's judge index and a present mask."""
    wide = rows.pivot(index="entry_id", columns="judge_id", values="total").sort_index()
    x = wide.to_numpy(dtype=np.float64)
    order = np.argsort(np.where(np.isnan(x), np.inf, x), axis=1, kind="stable")
    sorted_x = np.take_along_axis(x, order, axis=1)
    return wide.index.to_numpy(dtype=object), sorted_x, order, ~np.isnan(sorted_x)


def _own_draws(rng: np.random.Generator, own: np.ndarray, k: int) -> np.ndarray:
    """For entries none of whose judges was drawn: a draw among their own judges, as counts
    per sorted slot (an entry's present slots come first in sorted order, so a pick is a slot
    index below its number of judges)."""
    picks = np.floor(rng.random((len(own), k)) * own[:, None]).astype(int)
    valid = np.arange(k)[None, :] < own[:, None]
    return ((picks[:, :, None] == np.arange(k)) & valid[:, :, None]).sum(axis=1)


def _resample(sorted_x: np.ndarray, slots: np.ndarray, present: np.ndarray, panel: Panel,
              rule: str, n_resamples: int, rng: np.random.Generator) -> np.ndarray:
    """The panel statistic of every entry in every resample (resamples × entries)."""
    n, k = sorted_x.shape
    draws = rng.multinomial(k, np.full(k, 1.0 / k), size=n_resamples)  # resamples × judges
    own = present.sum(axis=1)
    marks = np.where(present, sorted_x, 0.0)
    out = np.empty((n_resamples, n))
    if PANEL_RULES.get(rule).order_free:
        # The mean needs no order: each resample's sums are one matrix product, resamples ×
        # judges @ judges × entries (marks put back in judge order).
        by_judge = np.zeros((n, k))
        scored = np.zeros((n, k))
        np.put_along_axis(by_judge, slots, marks, axis=1)
        np.put_along_axis(scored, slots, present.astype(np.float64), axis=1)
        chunk = max(1, _CHUNK_CELLS // max(n, 1))
        for begin in range(0, n_resamples, chunk):
            part = draws[begin:begin + chunk].astype(np.float64)
            sums = part @ by_judge.T
            counts = part @ scored.T
            empty_r, empty_e = np.nonzero(counts == 0)
            if len(empty_r):
                fallback = _own_draws(rng, own[empty_e], k)
                sums[empty_r, empty_e] = (fallback * marks[empty_e]).sum(axis=1)
                counts[empty_r, empty_e] = fallback.sum(axis=1)
            out[begin:begin + chunk] = sums / counts
        return out
    chunk = max(1, _CHUNK_CELLS // max(n * k, 1))
    for begin in range(0, n_resamples, chunk):
        w = draws[begin:begin + chunk][:, slots] * present  # chunk × entries × slots
        empty_r, empty_e = np.nonzero(w.sum(axis=-1) == 0)
        if len(empty_r):
            w[empty_r, empty_e] = _own_draws(rng, own[empty_e], k)
        out[begin:begin + chunk] = panel_statistic(sorted_x[None], w, rule, trim=panel.trim,
                                                   min_judges=panel.min_judges)
    return out


def _leave_one_out(sorted_x: np.ndarray, slots: np.ndarray, present: np.ndarray, panel: Panel,
                   rule: str, point: np.ndarray) -> np.ndarray:
    """The panel statistic without each judge in turn (judges × entries); an entry that only
    that judge scored keeps its value."""
    k = sorted_x.shape[1]
    without = present[None] & (slots[None] != np.arange(k)[:, None, None])
    values = panel_statistic(sorted_x[None], without.astype(np.int64), rule, trim=panel.trim,
                             min_judges=panel.min_judges)
    return np.where(np.isnan(values), point[None], values)


@lru_cache(maxsize=256)
def variance_factor(rule: str, marks: int, trim: int = 1, min_judges: int = 5) -> float:
    """How much a judge bootstrap understates the variance of the panel rule over ``marks``
    marks: E[true variance] / E[bootstrap mean squared deviation], under normal noise.

    For the mean (and any rule that is a mean at that size: the median of two marks, the
    trimmed mean below ``min_judges``) it is exactly m / (m − 1): the bootstrap divides by m
    where the unbiased variance divides by m − 1. For the median and the trimmed mean there is
    no such formula, so it is measured once per (rule, size) by a fixed-seed simulation
    (40,000 panels for the true variance, 4,000 × 50 resamples for the bootstrap's; relative
    error about 2 %; cached, about 0.1 s per size). Medians of 3–12 marks
    come out near 0.8 — the bootstrap *over*-states a median's variance — trimmed means near
    0.95.
    """
    if marks <= 1:
        return 1.0
    if PANEL_RULES.get(rule).is_mean_of(marks, trim=trim, min_judges=min_judges):
        return marks / (marks - 1)
    rng = np.random.default_rng(20091201)
    # the true variance from many panels (cheap), the bootstrap's from fewer panels × 50
    # resamples each, drawn as picks and sorted (faster than multinomial counts)
    many = np.sort(rng.standard_normal((40_000, marks)), axis=1)
    ones = np.ones(marks, dtype=np.int64)
    true = panel_statistic(many, ones, rule, trim=trim, min_judges=min_judges).var()
    x = many[:4000]
    point = panel_statistic(x, ones, rule, trim=trim, min_judges=min_judges)
    picks = rng.integers(0, marks, size=(50, len(x), marks))
    resampled = np.sort(np.take_along_axis(np.broadcast_to(x, picks.shape), picks, axis=2),
                        axis=2)
    boot = panel_statistic(resampled, ones, rule, trim=trim, min_judges=min_judges)
    return float(true / np.mean((boot - point[None]) ** 2))


def _calibrate(point: np.ndarray, boot: np.ndarray, own: np.ndarray, factor: np.ndarray,
               rng: np.random.Generator, prior_df: float | None = None) -> np.ndarray:
    """Bootstrap draws turned into draws of the entries' true standing (module docstring).
    ``own``: each entry's number of marks; ``factor``: its :func:`variance_factor`. ``boot``
    is overwritten with the result."""
    prior_df = PRIOR_DF if prior_df is None else prior_df
    deviation = boot  # worked on in place: at national scale each copy is 80 MB
    deviation -= point[None]
    # A shift shared by every entry in a resample (drawing the lenient judge twice lifts
    # every entry in a complete design) cannot change a rank: take it out.
    deviation -= deviation.mean(axis=1, keepdims=True)
    raw2 = np.mean(deviation**2, axis=0)
    se2 = raw2 * factor
    # Each entry's own variance comes from a handful of judges and is itself very noisy (from
    # 5 judges its relative error is about 70 %); an entry whose judges happened to agree
    # would look certain. Moderate it towards the category's: (d·s² + d₀·s₀²) / (d + d₀),
    # d = k − 1 the entry's degrees of freedom, s₀² the pooled per-judge variance over k.
    informative = own >= 2
    per_judge = se2 * own
    pooled = float(np.mean(per_judge[informative])) if informative.any() else 0.0
    df = np.where(informative, own - 1, 0).astype(float)
    prior = pooled / np.maximum(own, 1)
    se2 = (df * se2 + prior_df * prior) / np.maximum(df + prior_df, 1e-12)
    n = len(point)
    mu = float(point.mean())
    tau2 = float(point.var(ddof=1)) - float(se2.mean()) if n > 1 else 0.0
    if tau2 <= 0 or not informative.any():
        # the panel cannot tell the entries apart, or no entry has two marks to measure the
        # judges' disagreement by (a single judge): an equal share of every place each
        deviation[:] = mu
        return deviation
    if pooled <= 0:
        # every judge agrees exactly with every other on every entry: nothing varies, and the
        # panel's order is as sure as the data can make it (ties still share their places)
        deviation[:] = point[None]
        return deviation
    shrink = tau2 / (tau2 + se2)
    # the bootstrap's shape, rescaled to the moderated variance; where the bootstrap did not
    # move at all (one judge, or judges in perfect agreement) a normal draw instead
    flat = raw2 <= 1e-12 * max(pooled, 1e-300)
    scale = np.sqrt(se2 / np.where(flat, 1.0, raw2))
    noise = deviation
    noise *= (scale * np.sqrt(shrink * (1 - SMOOTHING)))[None]
    if flat.any():
        noise[:, flat] = 0.0
    # smoothing: part of the variance from independent normal noise (all of it where the
    # bootstrap did not move)
    share = np.where(flat, 1.0, SMOOTHING)
    if SMOOTHING > 0 or flat.any():
        sd = np.sqrt(se2 * shrink * share)[None]
        chunk = max(1, _CHUNK_CELLS // max(n, 1))
        for begin in range(0, len(noise), chunk):  # in chunks: no second full-size array
            part = noise[begin:begin + chunk]
            part += rng.standard_normal(part.shape) * sd
    noise += (mu + shrink * (point - mu))[None]
    return noise


# ---------------------------------------------------------------------------------------------
# The public call


def rank_confidence(judge_totals: pd.DataFrame, panel: Panel | None = None, *,
                    places: int | Mapping[str, int] = 3,
                    n_resamples: int = N_RESAMPLES, seed: int = 0,
                    interval: float = INTERVAL, too_close_below: float = 0.8,
                    method: ConfidenceMethod = "calibrated",
                    standings: pd.DataFrame | None = None,
                    ) -> tuple[pd.DataFrame, list[Problem]]:
    """Each entry's probability of each award place, rank interval and margin, per category.

    ``judge_totals``: ``entry_id, category, judge_id, total``. ``panel``: the rubric's panel
    rule (default: mean). ``places``: how many award places (per category when a mapping).
    ``standings`` (optional): the official ``entry_id, rank`` and, when present, ``name``,
    ``place`` (the place's label) and ``place_index`` (−1: no place, e.g. below the minimum
    total); without it, ranks are the competition ranks of the panel statistic.

    Returns ``(frame, problems)``. The frame has one row per entry: ``entry_id, category,
    total`` (the panel statistic), ``rank, margin_next, p_place_1 … p_place_P, p_other,
    p_own_place, p_awarded, rank_low, rank_high, loo_rank_best, loo_rank_worst,
    loo_worst_without, too_close``; ``problems`` warns about places too close to call and
    about placed entries that fall out of the awards without one judge.
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
        # the rank sum orders entries as the mean of the judges' ranks does (every judge
        # ranks every entry); negated, so that higher is better like every other statistic
        marks["total"] = -judge_ranks(marks)
        rule = "mean"
    categories = sorted(marks["category"].astype(str).unique())
    streams = np.random.SeedSequence(seed).spawn(len(categories))
    max_places = max((places.get(c, 0) if isinstance(places, Mapping) else places)
                     for c in categories) if categories else 0
    official = (standings.set_index("entry_id") if standings is not None else None)
    frames = []
    problems: list[Problem] = []
    for category, stream in zip(categories, streams, strict=True):
        rng = np.random.default_rng(stream)
        n_places = places.get(category, 0) if isinstance(places, Mapping) else places
        rows = marks[marks["category"].astype(str) == category]
        entry_ids, sorted_x, order, present = _marks(rows)
        slots = order  # the judge index in each sorted slot
        own = present.sum(axis=1)
        point = panel_statistic(sorted_x, present.astype(np.int64), rule, trim=panel.trim,
                                min_judges=panel.min_judges)
        boot = _resample(sorted_x, slots, present, panel, rule, n_resamples, rng)
        if method == "calibrated":
            sizes = np.unique(own)
            factors = {m: variance_factor(rule, int(m), panel.trim, panel.min_judges)
                       for m in sizes}
            factor = np.array([factors[m] for m in sizes])[np.searchsorted(sizes, own)]
            draws = _calibrate(point, boot, own, factor, rng)
        else:
            draws = boot
        frame = pd.DataFrame({"entry_id": entry_ids, "category": category, "total": point})
        shares, rank = _places(draws, n_places)
        del draws  # the largest array: free it before the next category
        for p in range(1, max_places + 1):
            frame[f"p_place_{p}"] = shares[p - 1] if p <= n_places else 0.0
        frame["p_other"] = 1.0 - frame[[f"p_place_{p}" for p in range(1, max_places + 1)]].sum(
            axis=1)
        frame["rank_low"], frame["rank_high"] = _rank_interval(rank, interval)
        loo = _leave_one_out(sorted_x, slots, present, panel, rule, point)
        loo_rank, _ = _competition_ranks(loo)
        judges = np.asarray(sorted(rows["judge_id"].astype(str).unique()), dtype=object)
        frame["loo_rank_best"] = loo_rank.min(axis=0)
        frame["loo_rank_worst"] = loo_rank.max(axis=0)
        frame["loo_worst_without"] = judges[np.argmax(loo_rank, axis=0)]
        frames.append(_official(frame, official, n_places, max_places, too_close_below))
    columns = ["entry_id", "category", "name", "total", "rank", "place", "margin_next",
               *[f"p_place_{p}" for p in range(1, max_places + 1)], "p_other", "p_own_place",
               "p_awarded", "rank_low", "rank_high", "loo_rank_best", "loo_rank_worst",
               "loo_worst_without", "too_close"]
    if not frames:
        return pd.DataFrame(columns=columns), problems
    result = pd.concat(frames, ignore_index=True).loc[:, columns]
    problems += _problems(result, too_close_below, places)
    return result, problems


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
        rank, _ = _competition_ranks(frame["total"].to_numpy()[None])
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
    frame["too_close"] = (frame["place"] != "") & (frame["p_own_place"] < too_close_below)
    return frame


def _problems(frame: pd.DataFrame, too_close_below: float,
              places: int | Mapping[str, int]) -> list[Problem]:
    problems = []
    for row in frame[frame["too_close"]].itertuples(index=False):
        margin = "–" if pd.isna(row.margin_next) else f"{row.margin_next:.2f}"
        problems.append(warning("fairness.too_close", cell=str(row.entry_id),
                                category=row.category, place=row.place, name=row.name,
                                percent=round(100 * row.p_own_place),
                                threshold=round(100 * too_close_below), margin=margin))
    n_places = (frame["category"].map(places) if isinstance(places, Mapping)
                else pd.Series(places, index=frame.index))
    falls = (frame["place"] != "") & (frame["loo_rank_worst"] > n_places)
    for row in frame[falls].itertuples(index=False):
        problems.append(warning("fairness.one_judge_decides", cell=str(row.entry_id),
                                category=row.category, judge=row.loo_worst_without,
                                name=row.name, place=row.place, rank=int(row.loo_rank_worst)))
    return problems


def confidence_for(result: object, *, n_resamples: int = N_RESAMPLES, seed: int = 0,
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
                           places=places, n_resamples=n_resamples, seed=seed,
                           interval=interval, method=method,
                           too_close_below=rubric.confidence.too_close_below,
                           standings=standings)
