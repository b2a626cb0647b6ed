"""Combining the judges' marks into the panel's: mean, median, trimmed mean, rank sum.

Words used here:
- *mark*: what one judge gave one entry — a total, or one criterion's score.
- *panel weight*: each mark's share in the panel's figure for its entry. Every rule except rank
  sum is a weighted mean of the marks (mean: 1/n each; median: 1 for the middle mark or ½ for
  the two middle ones; trimmed mean: 1/(n − 2·trim) for the marks kept), so the same weights
  combine the subtotals too, and the panel's subtotals come from the same judges as its total.
- *fallback*: a trimmed mean with fewer than ``min_judges`` marks uses the plain mean.
- *rank sum*: each judge's totals ranked within the category (1 = best; tied totals share the
  average rank); the entry with the lowest sum of ranks wins.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.rubric import Panel


def panel_weights(marks: pd.DataFrame, by: list[str], value: str, panel: Panel
                  ) -> tuple[pd.Series, pd.Series]:
    """Each mark's panel weight, and whether its group fell back to the plain mean.

    Marks are ordered by value (then judge) inside each group; which of two equal marks is
    dropped by trimming does not change the total, and the judge order makes it repeatable.
    """
    ordered = marks.sort_values([*by, value, "judge_id"])
    grouped = ordered.groupby(by, sort=False, observed=True)
    count = grouped[value].transform("size").to_numpy()
    position = grouped.cumcount().to_numpy()
    fallback = np.zeros(len(ordered), dtype=bool)
    if panel.rule == "median":
        middle = count // 2
        odd = count % 2 == 1
        chosen = np.where(odd, position == middle,
                          (position == middle - 1) | (position == middle))
        weight = chosen / np.where(odd, 1, 2)
    elif panel.rule == "trimmed_mean":
        fallback = count < panel.min_judges
        kept = (position >= panel.trim) & (position < count - panel.trim)
        weight = np.where(fallback, 1 / count,
                          kept / np.maximum(count - 2 * panel.trim, 1))
    else:  # mean; rank sum reports the mean of totals beside the sum of ranks
        weight = 1 / count
    weights = pd.Series(weight, index=ordered.index).reindex(marks.index)
    fallbacks = pd.Series(fallback, index=ordered.index).reindex(marks.index)
    return weights, fallbacks


def combine(marks: pd.DataFrame, by: list[str], columns: list[str], weights: pd.Series
            ) -> pd.DataFrame:
    """Σ weight × mark per group, for each of ``columns`` (NaN marks count as absent)."""
    weighted = marks[columns].mul(weights, axis=0)
    weighted[by] = marks[by]
    return weighted.groupby(by, sort=True, observed=True)[columns].sum(min_count=1)


def judge_ranks(judge_totals: pd.DataFrame) -> pd.Series:
    """Each judge's rank of each entry within its category (1 = best, ties averaged)."""
    return judge_totals.groupby(["category", "judge_id"], observed=True)["total"].rank(
        method="average", ascending=False)
