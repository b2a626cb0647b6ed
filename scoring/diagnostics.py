"""Judge diagnostics: how each judge scores compared with the rest of the panel.

Words used here:

- *judge totals*: the long frame ``entry_id, category, judge_id, total``; everything here is
  per category (a judge who scores in two categories is looked at twice).
- *the others' mean*: for one judge's total on one entry, the mean of the *other* judges'
  totals on that entry (leave-that-judge-out). Comparing a judge with a panel that includes
  the judge would flatter the judge; with three judges it would flatter a lot.
- *offset*: the judge's mean difference from the others' mean over the entries the judge
  shares with others: positive = scores higher than the others (lenient), negative = lower
  (severe). Unlike a difference of plain means it is fair in incomplete designs, because it
  compares the judge with the others on the same entries only.
- *spread*: the standard deviation of the judge's totals; *spread ratio*: the spread over
  the median spread of the category's other judges.
- *correlation* / *rank correlation*: Pearson / Spearman correlation, over the entries the
  judge shares with others, between the judge's totals and the others' mean. A judge who
  orders the entries like the rest of the panel is near 1.
- *difference in SDs* (``sds``): how unusual one mark is for that judge: (the judge's total −
  the others' mean − the judge's own offset) divided by the category's usual spread of that
  quantity (a robust standard deviation: 1.4826 × the median absolute deviation, so that the
  outliers themselves do not widen the yardstick). A judge's steady severity is not an
  outlier; a single entry the judge sees very differently from the others is. Outliers are
  peeled one per entry at a time (the most unusual first, then the others' means again
  without it), so that one wild mark does not make its neighbours look odd.

Flags (each also a warning :class:`~scoring.problems.Problem`, codes in
:mod:`scoring.messages.fairness`):

- ``disagrees``: rank correlation with the others below ``disagree_below`` (over at least
  ``min_common`` shared entries);
- ``flat``: spread ratio below ``flat_below`` (nearly the same total for everything);
- outliers: marks with ``|sds| ≥ outlier_sds``, only on entries scored by at least three
  judges — with two judges, which of them is the odd one cannot be told.

Input: the judge totals frame; output: DataFrames. Everything is vectorised with groupby
sums; nothing loops over entries.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scoring.problems import Problem, warning

DISAGREE_BELOW = 0.3
"""Rank correlation with the others below which a judge is flagged. Judges of a working panel
are typically at 0.5–0.9; below 0.3 the judge's order shares little with the panel's."""
FLAT_BELOW = 0.3
"""Spread ratio below which a judge is flagged as giving nearly the same total to all."""
OUTLIER_SDS = 3.0
"""|sds| at or above which a mark is listed (≈ 3 in 1,000 marks by chance if the
differences were normal)."""
MIN_COMMON = 5
"""Fewest shared entries for a correlation; fewer give NaN and no flag."""

JUDGE_COLUMNS = ("category", "judge_id", "n_scores", "n_compared", "mean", "spread",
                 "spread_ratio", "offset", "correlation", "rank_correlation", "n_outliers",
                 "disagrees", "flat")
OUTLIER_COLUMNS = ("category", "entry_id", "judge_id", "total", "others_mean", "difference",
                   "sds")


@dataclass(frozen=True)
class Diagnostics:
    """``judges``: one row per category and judge (:data:`JUDGE_COLUMNS`); ``outliers``: one
    row per listed mark (:data:`OUTLIER_COLUMNS`), most unusual first; ``problems``: one
    warning per flag and per outlier."""

    judges: pd.DataFrame
    outliers: pd.DataFrame
    problems: tuple[Problem, ...]


def _group_correlation(keys: list[pd.Series], a: pd.Series, b: pd.Series) -> pd.Series:
    """Pearson correlation of ``a`` and ``b`` within each group of ``keys`` (NaN where one of
    them does not vary), from group sums: no loop over groups."""
    frame = pd.DataFrame({"a": a, "b": b})
    grouped = frame.groupby(keys, observed=True, sort=True)
    centred = frame - grouped.transform("mean")
    sums = pd.DataFrame({"ab": centred["a"] * centred["b"], "aa": centred["a"] ** 2,
                         "bb": centred["b"] ** 2}).groupby(keys, observed=True, sort=True).sum()
    denominator = np.sqrt(sums["aa"] * sums["bb"])
    # a judge with one spread-less column has no correlation, not a division error
    return (sums["ab"] / denominator.where(denominator > 1e-12)).astype(float)


def _peel(marks: pd.DataFrame, offset_of: np.ndarray, unit: np.ndarray, limit: float
          ) -> pd.DataFrame:
    """The outlying marks, found one per entry per pass.

    One wild mark also shifts the others' mean of every other judge on that entry (by a
    quarter of its size with five judges), which can push sound marks over the line. So each
    pass lists only the most unusual mark of each entry, if it is over the line, and leaves
    it out of the others' means of the next pass; passes stop when nothing new is found or
    fewer than two others would remain. The judges' offsets and the yardstick stay those
    measured on all marks (both are robust to a few wild marks: a mean over many entries,
    a median absolute deviation).
    """
    x = marks["total"].to_numpy()
    entry = marks.groupby(["category", "entry_id"], observed=True, sort=False).ngroup()
    entry = entry.to_numpy()
    active = np.ones(len(marks), dtype=bool)
    found: list[pd.DataFrame] = []
    while True:
        total = np.bincount(entry, np.where(active, x, 0.0))
        count = np.bincount(entry, active.astype(float))
        others = count[entry] - 1
        with np.errstate(invalid="ignore", divide="ignore"):
            others_mean = (total[entry] - x) / others
            sds = (x - others_mean - offset_of) / unit
        size = np.where(active & (others >= 2) & (np.abs(sds) >= limit), np.abs(sds), -1.0)
        # the most unusual candidate of each entry: sort by size, keep the first per entry
        order = np.lexsort((-size, entry))
        first = np.ones(len(order), dtype=bool)
        first[1:] = entry[order][1:] != entry[order][:-1]
        chosen = order[first & (size[order] >= 0)]
        if len(chosen) == 0:
            break
        found.append(pd.DataFrame({
            "category": marks["category"].to_numpy()[chosen],
            "entry_id": marks["entry_id"].to_numpy()[chosen],
            "judge_id": marks["judge_id"].to_numpy()[chosen], "total": x[chosen],
            "others_mean": others_mean[chosen], "difference": x[chosen] - others_mean[chosen],
            "sds": sds[chosen]}))
        active[chosen] = False
    if not found:
        return pd.DataFrame(columns=list(OUTLIER_COLUMNS))
    listed = pd.concat(found, ignore_index=True)
    listed = listed.assign(_size=listed["sds"].abs()).sort_values(
        ["category", "_size", "entry_id", "judge_id"], ascending=[True, False, True, True])
    return listed.loc[:, list(OUTLIER_COLUMNS)].reset_index(drop=True)


def judge_diagnostics(judge_totals: pd.DataFrame, *, disagree_below: float = DISAGREE_BELOW,
                      flat_below: float = FLAT_BELOW, outlier_sds: float = OUTLIER_SDS,
                      min_common: int = MIN_COMMON) -> Diagnostics:
    """Each judge's offset, spread and agreement with the rest of the panel, the judges who
    disagree or barely vary, and the marks far from the others' on specific entries."""
    marks = judge_totals.loc[judge_totals["total"].notna(),
                             ["entry_id", "category", "judge_id", "total"]].copy()
    marks["total"] = marks["total"].astype(float)
    marks = marks.sort_values(["category", "judge_id", "entry_id"], kind="mergesort")
    marks = marks.reset_index(drop=True)
    judge_key = [marks["category"], marks["judge_id"]]

    by_entry = marks.groupby(["category", "entry_id"], observed=True)["total"]
    entry_sum = by_entry.transform("sum")
    entry_n = by_entry.transform("size")
    others_n = entry_n - 1
    marks["others_mean"] = ((entry_sum - marks["total"]) / others_n.where(others_n > 0))
    marks["difference"] = marks["total"] - marks["others_mean"]
    shared = marks["others_mean"].notna()

    by_judge = marks.groupby(judge_key, observed=True, sort=True)["total"]
    judges = pd.DataFrame({"n_scores": by_judge.size(), "mean": by_judge.mean(),
                           "spread": by_judge.std(ddof=1)})
    judges["spread"] = judges["spread"].fillna(0.0)
    compared = marks[shared]
    ckey = [compared["category"], compared["judge_id"]]
    judges["n_compared"] = compared.groupby(ckey, observed=True).size()
    judges["offset"] = compared.groupby(ckey, observed=True)["difference"].mean()
    judges["n_compared"] = judges["n_compared"].fillna(0).astype(int)

    pearson = _group_correlation(ckey, compared["total"], compared["others_mean"])
    rank_a = compared.groupby(ckey, observed=True)["total"].rank()
    rank_b = compared.groupby(ckey, observed=True)["others_mean"].rank()
    spearman = _group_correlation(ckey, rank_a, rank_b)
    enough = judges["n_compared"] >= min_common
    judges["correlation"] = pearson.reindex(judges.index).where(enough)
    judges["rank_correlation"] = spearman.reindex(judges.index).where(enough)

    # the median spread of the *other* judges of the category, without a loop: for each
    # judge, drop itself from its category's list of spreads
    spreads = judges["spread"].groupby(level=0, observed=True).agg(list)
    others_spread = [
        float(np.median(np.delete(np.asarray(spreads.loc[cat]), i)))
        if len(spreads.loc[cat]) > 1 else np.nan
        for cat, i in zip(judges.index.get_level_values(0),
                          judges.groupby(level=0, observed=True).cumcount(), strict=True)]
    judges["others_spread"] = others_spread
    judges["spread_ratio"] = judges["spread"] / judges["others_spread"].where(
        judges["others_spread"] > 0)

    # outliers: marks on entries with at least two other judges
    offset_of = judges["offset"].reindex(pd.MultiIndex.from_arrays(judge_key)).to_numpy()
    residual = (marks["difference"] - offset_of).where(shared & (others_n >= 2))
    centre = residual.groupby(marks["category"], observed=True).transform("median")
    mad = (residual - centre).abs().groupby(marks["category"], observed=True).transform(
        "median")
    unit = 1.4826 * mad
    # perfectly agreeing panels have a zero MAD: fall back to the plain SD, then to "none"
    fallback = residual.groupby(marks["category"], observed=True).transform("std")
    unit = (unit.where(unit > 1e-9, fallback).where(lambda u: u > 1e-9)).to_numpy()
    outliers = _peel(marks, offset_of, unit, outlier_sds)
    counts = outliers.groupby(["category", "judge_id"], observed=True).size()
    judges["n_outliers"] = counts.reindex(judges.index).fillna(0).astype(int)

    judges["disagrees"] = (judges["rank_correlation"] < disagree_below).fillna(False)
    judges["flat"] = (judges["spread_ratio"] < flat_below).fillna(False)
    judges = judges.reset_index(names=["category", "judge_id"])
    judges = judges.loc[:, list(JUDGE_COLUMNS)]

    problems: list[Problem] = []
    for row in judges[judges["disagrees"]].itertuples(index=False):
        problems.append(warning("fairness.judge_disagrees", cell=str(row.judge_id),
                                category=row.category, judge=row.judge_id,
                                rho=f"{row.rank_correlation:.2f}"))
    for row in judges[judges["flat"]].itertuples(index=False):
        others = row.spread / row.spread_ratio if row.spread_ratio > 0 else np.nan
        if row.spread == 0:
            others = judges.loc[(judges["category"] == row.category)
                                & (judges["judge_id"] != row.judge_id), "spread"].median()
        problems.append(warning("fairness.judge_flat", cell=str(row.judge_id),
                                category=row.category, judge=row.judge_id,
                                spread=f"{row.spread:.2f}", others=f"{others:.2f}"))
    for row in outliers.itertuples(index=False):
        problems.append(warning("fairness.judge_outlier", cell=f"{row.judge_id} / {row.entry_id}",
                                category=row.category, judge=row.judge_id,
                                entry_id=row.entry_id, total=f"{row.total:.2f}",
                                others=f"{row.others_mean:.2f}", sds=f"{row.sds:.1f}"))
    return Diagnostics(judges, outliers, tuple(problems))
