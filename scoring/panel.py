"""Combining the judges' marks into the panel's, over a long frame of marks.

Words used here (the rules themselves, and *share*, are defined in
:mod:`scoring.rules.panel`, the one implementation used here and in rank confidence):
- *mark*: what one judge gave one entry — a total, or one criterion's score.
- *panel weight*: each mark's share in the panel's figure for its entry. Every rule except rank
  sum is a weighted mean of the marks, so the same weights combine the subtotals too, and the
  panel's subtotals come from the same judges as its total.
- *fallback*: a trimmed mean with fewer than ``min_judges`` marks uses the plain mean.
- *judge ranks*: for the rank rules, each judge's totals ranked within the category (1 =
  best; tied totals share the average rank): :func:`scoring.rules.panel.rank_marks`.
"""

from __future__ import annotations

import pandas as pd

from scoring.rubric import Panel
from scoring.rules.panel import PANEL_RULES


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
    rule = PANEL_RULES.get(panel.rule)
    numerator, denominator, fallback = rule.shares(
        position, position + 1, count,
        **rule.bind(trim=panel.trim, min_judges=panel.min_judges))
    weight = numerator / denominator
    weights = pd.Series(weight, index=ordered.index).reindex(marks.index)
    fallbacks = pd.Series(fallback, index=ordered.index).reindex(marks.index)
    return weights, fallbacks


def combine(marks: pd.DataFrame, by: list[str], columns: list[str], weights: pd.Series
            ) -> pd.DataFrame:
    """Σ weight × mark per group, for each of ``columns`` (NaN marks count as absent)."""
    weighted = marks[columns].mul(weights, axis=0)
    weighted[by] = marks[by]
    return weighted.groupby(by, sort=True, observed=True)[columns].sum(min_count=1)

