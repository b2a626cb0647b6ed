"""Panel rules: how the judges' marks for one entry become the panel's figure.

Words used here:
- *mark*: what one judge gave one entry (a total, or one criterion's score).
- *multiplicity*: how many times a mark counts — 1 in the official result; 0, 1, 2 … in a
  resample of the judges (:mod:`scoring.confidence`), where a judge drawn twice counts twice.
- *span*: with the marks of a group sorted ascending and each counted by its multiplicity,
  mark i covers the 1-based positions ``lower + 1 … upper`` (``lower``: the multiplicities
  before it, ``upper = lower + multiplicity``), of ``m`` positions in all.
- *share*: each mark's part in the panel's figure, as ``numerator / denominator``, found from
  its span alone (elementwise, so one implementation serves a pandas column of marks and a
  resamples × entries × judges array): mean ``multiplicity / m``; median ½ for each middle
  position the span holds (the middle position twice for odd m), over 1; trimmed mean the
  part of the span inside positions ``trim + 1 … m − trim``, over ``m − 2·trim``, or the
  mean (*fallback*) below ``min_judges`` positions. Every rule but rank sum is thus a
  weighted mean of the marks, so the same shares combine the subtotals too.
- *rank sum*: each judge's totals ranked within the category (1 = best, ties averaged); the
  lowest sum of ranks wins. Its shares are the mean's (the mean of the totals is reported
  beside the rank sum); resampled, it is the mean of the judges' negated ranks. It needs
  every judge to rank every entry.
- *rank percentile*: for panels where each judge marks a different subset. Each judge's
  totals are ranked within what that judge marked (ties averaged) and turned into a
  percentile, ``100 × (n − rank) / (n − 1)`` for a judge who marked ``n`` entries (100: the
  judge's best, 0: the judge's last, 50 for a judge with a single entry); the entry's figure
  is the mean of its judges' percentiles, highest first. A judge's percentiles compare the
  entries that judge saw, so the panel must be connected (the pipeline checks it).
- *rank figure*: what a rank rule averages per mark, higher being better
  (:func:`rank_marks`): the negated rank for rank sum, the percentile for rank percentile.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scoring.rules.registry import Mistake, Parameter, Registry, Rule

Shares = tuple[np.ndarray, np.ndarray, np.ndarray]
"""(numerator, denominator, fallback) of each mark's share."""

TRIM = Parameter("trim", default=1, minimum=1)
"""trimmed_mean: how many of the highest and of the lowest marks to drop."""
MIN_JUDGES = Parameter("min_judges", default=5, minimum=1)
"""trimmed_mean: the fewest marks for trimming; below it the plain mean is used."""


@dataclass(frozen=True)
class PanelRule(Rule):
    """A panel rule. ``order_free``: the figure is Σ multiplicity·mark / Σ multiplicity and
    needs no sorting; ``per_criterion``: may be applied to each criterion before weighting;
    ``normalisable``: judges' totals may be normalised before it; ``compared``: shown as a
    variant in the sensitivity report; ``ranks``: combines each judge's ranks, not marks."""

    order_free: bool = False
    per_criterion: bool = True
    normalisable: bool = True
    compared: bool = True
    ranks: bool = False
    complete: bool = False
    """Needs every judge to mark every entry of the category (the rank sum)."""

    def rank_figure(self, ranks: pd.Series, marked: pd.Series) -> pd.Series:
        """A rank rule's figure per mark from the judge's rank of it and how many entries
        that judge marked in the category (higher is better)."""
        return -ranks

    def shares(self, lower: np.ndarray, upper: np.ndarray, m: np.ndarray, **params: int
               ) -> Shares:
        """Each mark's share from its span (see the module docstring); arrays broadcast."""
        count = upper - lower
        return count, m, np.zeros(np.shape(count), dtype=bool)

    def is_mean_of(self, marks: int, **params: int) -> bool:
        """Whether, over ``marks`` marks counted once each, the rule is the plain mean (the
        median of two marks is; a trimmed mean below ``min_judges`` marks is)."""
        position = np.arange(marks)
        numerator, denominator, _ = self.shares(position, position + 1, np.int64(marks),
                                                **self.bind(**params))
        return bool(np.all(np.asarray(numerator) * marks == denominator))


@dataclass(frozen=True)
class Median(PanelRule):
    def shares(self, lower: np.ndarray, upper: np.ndarray, m: np.ndarray, **params: int
               ) -> Shares:
        # 1-based positions of the middle mark(s): both (m + 1) / 2 for odd m
        low = np.floor((m + 1) / 2)
        high = np.floor(m / 2) + 1
        holds = (((lower < low) & (low <= upper)).astype(np.int64)
                 + ((lower < high) & (high <= upper)))
        return holds, np.full(np.shape(m), 2), np.zeros(np.shape(holds), dtype=bool)


@dataclass(frozen=True)
class TrimmedMean(PanelRule):
    def shares(self, lower: np.ndarray, upper: np.ndarray, m: np.ndarray, **params: int
               ) -> Shares:
        trim, min_judges = params["trim"], params["min_judges"]
        fallback = m < min_judges
        kept = np.clip(np.minimum(upper, m - trim) - np.maximum(lower, trim), 0, None)
        numerator = np.where(fallback, upper - lower, kept)
        denominator = np.where(fallback, m, np.maximum(m - 2 * trim, 1))
        return numerator, denominator, np.broadcast_to(fallback, np.shape(numerator))

    def check(self, **settings: object) -> list[Mistake]:
        trim = settings.get("trim", TRIM.default)
        min_judges = settings.get("min_judges", MIN_JUDGES.default)
        if (isinstance(trim, int) and isinstance(min_judges, int) and trim >= TRIM.minimum
                and min_judges <= 2 * trim):
            return [Mistake("min_judges", "rubric.trim_too_large",
                            {"trim": trim, "double": 2 * trim, "min_judges": min_judges})]
        return []


@dataclass(frozen=True)
class RankPercentile(PanelRule):
    def rank_figure(self, ranks: pd.Series, marked: pd.Series) -> pd.Series:
        spread = (marked - 1).where(marked > 1)
        return (100 * (marked - ranks) / spread).fillna(50.0)


PANEL_RULES: Registry[PanelRule] = Registry("panel rule")
PANEL_RULES.register(PanelRule("mean", "panel.mean", order_free=True))
PANEL_RULES.register(Median("median", "panel.median"))
PANEL_RULES.register(TrimmedMean("trimmed_mean", "panel.trimmed_mean", (TRIM, MIN_JUDGES)))
PANEL_RULES.register(PanelRule("rank_sum", "panel.rank_sum", order_free=True,
                               per_criterion=False, normalisable=False, compared=False,
                               ranks=True, complete=True))
PANEL_RULES.register(RankPercentile("rank_percentile", "panel.rank_percentile",
                                    order_free=True, per_criterion=False, normalisable=False,
                                    compared=False, ranks=True))


def rank_marks(rule: str, judge_totals: pd.DataFrame) -> pd.Series:
    """The rank figure of each mark under the rank rule ``rule`` (see the module docstring):
    each judge's totals ranked within the category (1 = best, ties averaged)."""
    groups = judge_totals.groupby(["category", "judge_id"], observed=True)["total"]
    ranks = groups.rank(method="average", ascending=False)
    return PANEL_RULES.get(rule).rank_figure(ranks, groups.transform("size"))


def panel_statistic(values: np.ndarray, weights: np.ndarray, rule: str = "mean",
                    **params: int) -> np.ndarray:
    """The panel rule over the last axis, each mark counted ``weights`` times.

    ``values``: marks sorted ascending along the last axis (absent marks anywhere, as NaN,
    with weight 0); ``weights``: whole multiplicities, broadcastable to ``values``;
    ``params``: the rule's settings (``trim``, ``min_judges``; others ignored). NaN where no
    mark counts.
    """
    chosen = PANEL_RULES.get(rule)
    bound = chosen.bind(**params)
    values, weights = np.broadcast_arrays(values, weights)
    w = weights.astype(np.float64)
    x = np.where(w > 0, values, 0.0)
    m = w.sum(axis=-1)
    upper = np.cumsum(w, axis=-1)
    numerator, denominator, _ = chosen.shares(upper - w, upper, m[..., None], **bound)
    denominator = np.broadcast_to(denominator, numerator.shape)[..., 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        figure = (numerator * x).sum(axis=-1) / denominator
    return np.where(m > 0, figure, np.nan)
