"""Resampling one category's judges: the draws behind rank confidence.

Words used here (*judge totals*, *panel statistic*, *resample*, *place probability* and
*rank interval* as in :mod:`scoring.confidence`, which uses this module):

- *panels*: one category's marks as per-entry panels (:class:`Panels`): entries × slots,
  each entry's marks sorted, a slot per judge of that entry. The arrays grow with the number
  of marks, not with judges × entries.
- *batch*: resamples drawn together, each batch from its own random stream, so that a
  second pass over the batches sees the same draws (:class:`Draws`).
- *Monte Carlo error*: how far a probability from this many resamples may be from the one
  infinitely many would give (:func:`mc_error`).

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

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse

from scoring.rubric import Panel
from scoring.rules.panel import PANEL_RULES, panel_statistic

__all__ = ["Draws", "Panels", "competition_ranks", "leave_one_out", "mc_error",
           "rank_interval", "variance_factor"]

ConfidenceMethod = Literal["calibrated", "bootstrap"]
PILOT = 500
"""Resamples of the first round, from which the number needed for :data:`PRECISION` is
estimated."""
BATCH = 250
"""Resamples drawn together; batch b always comes from the same random stream, so a second
pass over the batches sees the very same draws."""
PRIOR_DF = 8.0
"""Weight, in degrees of freedom, of the category's pooled variance when each entry's own
variance is moderated (:func:`_calibration`); chosen with the simulation benchmark."""
SMOOTHING = 0.5
"""Share of each draw's variance that comes from independent normal noise rather than from
the judge bootstrap (the smoothed bootstrap, :func:`_calibration`)."""
_CHUNK_CELLS = 2_000_000
"""Work arrays hold about this many cells (~16 MB each), so memory stays bounded."""
_KEEP_CELLS = 16_000_000
"""Resampled figures kept between the two passes over the batches (128 MB at most); beyond
it a batch is drawn again from its own stream, which gives the very same figures."""



def competition_ranks(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Competition ranks (1 = highest) along the last axis of a 2-D array, and the size of
    each value's tie group. Values are compared in nano units, so float noise from summing
    in another order never makes or breaks a tie."""
    keyed = np.round(values, 9)
    n = keyed.shape[1]
    # the order inside a tie group does not matter (groups are found below): unstable sort
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


def rank_interval(ranks: np.ndarray, interval: float) -> tuple[np.ndarray, np.ndarray]:
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
# One category's panels


@dataclass(frozen=True)
class Panels:
    """One category's marks as per-entry panels: ``x`` entries × slots, each entry's marks
    sorted ascending (absent slots NaN, last), ``judge`` each slot's judge code (0 where
    absent), ``present`` the slots holding a mark. Slots = the most judges any entry has,
    so the arrays grow with the marks, not with entries × judges."""

    entry_ids: np.ndarray
    judge_ids: np.ndarray
    x: np.ndarray
    judge: np.ndarray
    present: np.ndarray

    @classmethod
    def of(cls, rows: pd.DataFrame) -> Panels:
        e, entry_ids = pd.factorize(rows["entry_id"], sort=True)
        j, judge_ids = pd.factorize(rows["judge_id"].astype(str), sort=True)
        x = rows["total"].to_numpy(dtype=np.float64)
        order = np.lexsort((j, x, e))
        e, j, x = e[order], j[order], x[order]
        own = np.bincount(e, minlength=len(entry_ids))
        starts = np.concatenate([[0], np.cumsum(own)[:-1]])
        slot = np.arange(len(e)) - starts[e]
        shape = (len(entry_ids), int(own.max()) if len(own) else 0)
        values = np.full(shape, np.nan)
        judge = np.zeros(shape, dtype=np.int64)
        values[e, slot] = x
        judge[e, slot] = j
        return cls(np.asarray(entry_ids, dtype=object), np.asarray(judge_ids, dtype=object),
                   values, judge, ~np.isnan(values))

    @property
    def own(self) -> np.ndarray:
        """Each entry's number of marks."""
        return self.present.sum(axis=1)

    def by_judge(self) -> sparse.csr_matrix:
        """Entries × judges, the marks (zeros where absent), and the same with ones."""
        e, s = np.nonzero(self.present)
        shape = (len(self.entry_ids), len(self.judge_ids))
        marks = sparse.csr_matrix((self.x[e, s], (e, self.judge[e, s])), shape=shape)
        ones = sparse.csr_matrix((np.ones(len(e)), (e, self.judge[e, s])), shape=shape)
        return marks, ones


def _own_draws(rng: np.random.Generator, own: np.ndarray, k: int) -> np.ndarray:
    """For entries none of whose judges was drawn: a draw among their own judges, as counts
    per slot (an entry's present slots come first, so a pick is a slot below its count)."""
    picks = np.floor(rng.random((len(own), k)) * own[:, None]).astype(int)
    valid = np.arange(k)[None, :] < own[:, None]
    return ((picks[:, :, None] == np.arange(k)) & valid[:, :, None]).sum(axis=1)


def _resample(panels: Panels, panel: Panel, rule: str, n_resamples: int,
              rng: np.random.Generator) -> np.ndarray:
    """The panel statistic of every entry in ``n_resamples`` resamples (resamples × entries):
    the category's judges drawn with replacement, each entry's marks counted as often as
    their judge was drawn."""
    n, slots = panels.x.shape
    k = len(panels.judge_ids)
    draws = rng.multinomial(k, np.full(k, 1.0 / k), size=n_resamples)  # resamples × judges
    own = panels.own
    marks = np.where(panels.present, panels.x, 0.0)
    out = np.empty((n_resamples, n))
    if PANEL_RULES.get(rule).order_free:
        # the mean needs no order: a resample's sums are one sparse product
        by_judge, scored = panels.by_judge()
        part = draws.T.astype(np.float64)
        sums = np.asarray(by_judge @ part).T
        counts = np.asarray(scored @ part).T
        empty_r, empty_e = np.nonzero(counts == 0)
        if len(empty_r):
            fallback = _own_draws(rng, own[empty_e], slots)
            sums[empty_r, empty_e] = (fallback * marks[empty_e]).sum(axis=1)
            counts[empty_r, empty_e] = fallback.sum(axis=1)
        return sums / counts
    chunk = max(1, _CHUNK_CELLS // max(n * slots, 1))
    for begin in range(0, n_resamples, chunk):
        w = draws[begin:begin + chunk][:, panels.judge] * panels.present  # chunk × n × slots
        empty_r, empty_e = np.nonzero(w.sum(axis=-1) == 0)
        if len(empty_r):
            w[empty_r, empty_e] = _own_draws(rng, own[empty_e], slots)
        out[begin:begin + chunk] = panel_statistic(panels.x[None], w, rule, trim=panel.trim,
                                                   min_judges=panel.min_judges)
    return out


def leave_one_out(panels: Panels, panel: Panel, rule: str, point: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each entry's best and worst rank with one judge left out at a time, and the judge
    whose absence gives the worst (the first such judge). Without judge j only the entries
    j marked move; an entry that only j marked keeps its value. Per judge a row of entries,
    a chunk of judges at a time."""
    n, slots = panels.x.shape
    k = len(panels.judge_ids)
    # the statistic of each entry without the mark in each slot: entries × slots × slots
    without = panels.present[:, None, :] & ~np.eye(slots, dtype=bool)[None]
    alone = panel_statistic(panels.x[:, None, :], without.astype(np.int64), rule,
                            trim=panel.trim, min_judges=panel.min_judges)
    alone = np.where(np.isnan(alone), point[:, None], alone)
    e, s = np.nonzero(panels.present)
    j = panels.judge[e, s]
    best = np.full(n, np.iinfo(np.int64).max)
    worst = np.zeros(n, dtype=np.int64)
    worst_at = np.zeros(n, dtype=np.int64)
    chunk = max(1, _CHUNK_CELLS // max(n, 1))
    for begin in range(0, k, chunk):
        stop = min(k, begin + chunk)
        values = np.broadcast_to(point, (stop - begin, n)).copy()
        mine = (j >= begin) & (j < stop)
        values[j[mine] - begin, e[mine]] = alone[e[mine], s[mine]]
        rank, _ = competition_ranks(values)
        best = np.minimum(best, rank.min(axis=0))
        top = rank.max(axis=0)
        later = top > worst
        worst_at = np.where(later, begin + np.argmax(rank, axis=0), worst_at)
        worst = np.maximum(worst, top)
    return best, worst, worst_at


@lru_cache(maxsize=256)
def variance_factor(rule: str, marks: int, trim: int = 1, min_judges: int = 5) -> float:
    """How much a judge bootstrap understates the variance of the panel rule over ``marks``
    marks: E[true variance] / E[bootstrap mean squared deviation], under normal noise.

    For the mean (and any rule that is a mean at that size: the median of two marks, the
    trimmed mean below ``min_judges``) it is exactly m / (m − 1): the bootstrap divides by m
    where the unbiased variance divides by m − 1. For the median and the trimmed mean there is
    no such formula, so it is measured once per (rule, size) by a fixed-seed simulation
    (40,000 panels for the true variance, 4,000 × 50 resamples for the bootstrap's; relative
    error about 2 %; cached, about 0.1 s per size). Medians of 3–12 marks come out near 0.8 —
    the bootstrap *over*-states a median's variance — trimmed means near 0.95.
    """
    if marks <= 1:
        return 1.0
    if PANEL_RULES.get(rule).is_mean_of(marks, trim=trim, min_judges=min_judges):
        return marks / (marks - 1)
    rng = np.random.default_rng(20091201)
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


def calibration(point: np.ndarray, raw2: np.ndarray, own: np.ndarray, factor: np.ndarray,
                 prior_df: float = PRIOR_DF
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How bootstrap deviations become draws of the entries' true standing (module
    docstring, steps 2–5): ``draw = centre + coef × deviation + sd × N(0, 1)`` per entry.
    ``raw2``: each entry's mean squared bootstrap deviation (shared shifts out); ``own``: its
    number of marks; ``factor``: its :func:`variance_factor`."""
    n = len(point)
    zeros = np.zeros(n)
    se2 = raw2 * factor
    # Each entry's own variance comes from a handful of judges and is itself very noisy (from
    # 5 judges its relative error is about 70 %); an entry whose judges happened to agree
    # would look certain. Moderate it towards the category's: (d·s² + d₀·s₀²) / (d + d₀),
    # d = k − 1 the entry's degrees of freedom, s₀² the pooled per-judge variance over k.
    informative = own >= 2
    per_judge = se2 * own
    pooled = float(np.mean(per_judge[informative])) if informative.any() else 0.0
    df = np.where(informative, own - 1, 0).astype(float)
    se2 = (df * se2 + prior_df * pooled / np.maximum(own, 1)) / np.maximum(df + prior_df,
                                                                           1e-12)
    mu = float(point.mean())
    tau2 = float(point.var(ddof=1)) - float(se2.mean()) if n > 1 else 0.0
    if tau2 <= 0 or not informative.any():
        # the panel cannot tell the entries apart, or no entry has two marks to measure the
        # judges' disagreement by (a single judge): an equal share of every place each
        return np.full(n, mu), zeros, zeros
    if pooled <= 0:
        # every judge agrees exactly with every other on every entry: the panel's order is as
        # sure as the data can make it (ties still share their places)
        return point.copy(), zeros, zeros
    shrink = tau2 / (tau2 + se2)
    # the bootstrap's shape rescaled to the moderated variance; where the bootstrap did not
    # move at all (one judge, or judges in perfect agreement) a normal draw instead
    flat = raw2 <= 1e-12 * max(pooled, 1e-300)
    scale = np.sqrt(se2 / np.where(flat, 1.0, raw2))
    coef = np.where(flat, 0.0, scale * np.sqrt(shrink * (1 - SMOOTHING)))
    sd = np.sqrt(se2 * shrink * np.where(flat, 1.0, SMOOTHING))
    return mu + shrink * (point - mu), coef, sd


# ---------------------------------------------------------------------------------------------
# Resampling one category, in batches


def mc_error(shares: np.ndarray, n_resamples: int) -> np.ndarray:
    """Each entry's largest Monte Carlo standard error over its place probabilities and its
    chance of any place: √(p̃(1 − p̃) / R), with p̃ = (R·p + 1) / (R + 2) so that a
    probability seen as 0 or 1 still owns an error (Laplace's rule of succession)."""
    p = np.vstack([shares, shares.sum(axis=0, keepdims=True)])
    smoothed = (p * n_resamples + 1) / (n_resamples + 2)
    return np.sqrt(np.max(smoothed * (1 - smoothed), axis=0) / n_resamples)


@dataclass
class Draws:
    """One category's resampling: its panels, rule, point figures and random streams."""

    panels: Panels
    panel: Panel
    rule: str
    point: np.ndarray
    method: ConfidenceMethod
    n_places: int
    seed: np.random.SeedSequence
    kept: dict[int, np.ndarray] = field(default_factory=dict)

    def _stream(self, batch: int, part: int) -> np.random.Generator:
        key = (*self.seed.spawn_key, batch, part)
        return np.random.default_rng(np.random.SeedSequence(self.seed.entropy,
                                                            spawn_key=key))

    def _batches(self, n_resamples: int) -> list[tuple[int, int]]:
        size = max(1, min(BATCH, _CHUNK_CELLS // max(len(self.point), 1)))
        return [(b, min(size, n_resamples - begin))
                for b, begin in enumerate(range(0, n_resamples, size))]

    def _deviations(self, batch: int, size: int) -> np.ndarray:
        """Batch ``batch``'s bootstrap figures (calibrated: their deviations from the point
        figures), a fresh array; drawn once and kept while :data:`_KEEP_CELLS` allow."""
        if batch in self.kept:
            return self.kept[batch].copy()
        figures = _resample(self.panels, self.panel, self.rule, size, self._stream(batch, 0))
        if self.method == "calibrated":
            figures -= self.point[None]
            # a shift shared by every entry (drawing the lenient judge twice lifts every
            # entry of a complete design) cannot change a rank: take it out
            figures -= figures.mean(axis=1, keepdims=True)
        if (len(self.kept) + 1) * figures.size <= _KEEP_CELLS:
            self.kept[batch] = figures
            return figures.copy()
        return figures

    def run(self, n_resamples: int) -> tuple[np.ndarray, np.ndarray]:
        """(share of resamples in place p, p = 1 … n_places, per entry; every resample's
        rank of every entry). Calibrated: a first pass over the batches measures each
        entry's bootstrap variance, a second draws the same batches again and turns them
        into draws of the true standing."""
        n = len(self.point)
        batches = self._batches(n_resamples)
        if self.method == "calibrated":
            squares = np.zeros(n)
            for batch, size in batches:
                squares += np.square(self._deviations(batch, size)).sum(axis=0)
            own = self.panels.own
            sizes = np.unique(own)
            factors = np.array([variance_factor(self.rule, int(m), self.panel.trim,
                                                self.panel.min_judges) for m in sizes])
            centre, coef, sd = calibration(self.point, squares / n_resamples, own,
                                            factors[np.searchsorted(sizes, own)])
        shares = np.zeros((self.n_places, n))
        ranks = np.empty((n_resamples, n), dtype=np.uint16 if n < 65_535 else np.int32)
        begin = 0
        for batch, size in batches:
            draws = self._deviations(batch, size)
            if self.method == "calibrated":
                draws *= coef[None]
                draws += centre[None]
                draws += self._stream(batch, 1).standard_normal(draws.shape) * sd[None]
            rank, tied = competition_ranks(draws)
            ranks[begin:begin + size] = rank
            begin += size
            for p in range(1, self.n_places + 1):
                # tied entries spanning places rank … rank + tied − 1 share each equally
                shares[p - 1] += (((rank <= p) & (p < rank + tied)) / tied).sum(axis=0)
        return shares / n_resamples, ranks

    def adaptive(self, n_resamples: int, precision: float | None
                 ) -> tuple[np.ndarray, np.ndarray, int]:
        """:meth:`run` with as many resamples as ``precision`` needs (at most
        ``n_resamples``): a pilot of :data:`PILOT` estimates how many; None: exactly
        ``n_resamples``. Returns (shares, ranks, resamples used)."""
        if precision is None or n_resamples <= PILOT:
            return (*self.run(n_resamples), n_resamples)
        shares, ranks = self.run(PILOT)
        needed = int(np.ceil(float(np.max(mc_error(shares, PILOT), initial=0.0) ** 2
                                   * PILOT / precision**2)))
        if needed <= PILOT:
            return shares, ranks, PILOT
        total = min(n_resamples, needed)
        return (*self.run(total), total)
