"""The names of the columns the engine's own tables use, in one place.

Words used here:
- *internal column*: a column of the score table (:data:`scoring.table.COLUMNS`), of the
  judges' totals or of the standings (:class:`scoring.result.Result`) that is not named after
  a rubric node. The criteria's parts are columns of the same tables, named by the node's id,
  so an id equal to an internal column would overwrite it: :data:`RESERVED_IDS` are refused
  by the rubric validator (compared without case, so ``Total`` is refused too).
"""

from __future__ import annotations

from scoring.table import COLUMNS as SCORE_COLUMNS

STANDINGS_COLUMNS = (
    "entry_id", "name", "category", "n_judges", "total", "rank_sum", "deciding", "rank",
    "tied", "decided_by", "eligible", "place", "place_index", "reward", "amount", "band",
    "trim_fallback", "panel", "worked", "reached", "stage_rank", "reason",
)
"""Columns of the standings besides the nodes' parts (``deciding``: the figure the rank was
decided on — the total, or the rank sum for a rank-sum panel; ``panel``: the panel's total
when a formula makes the total; ``worked``: the formula's worked line; ``reached``,
``stage_rank``, ``reason``: a competition in stages, :mod:`scoring.stages`)."""

OTHER_COLUMNS = ("judge", "raw_total", "n_scores", "offset", "slope", "index", "level_0")
"""Columns of the judges' totals, the normalisation's fit, and pandas' own index names."""

RESERVED_IDS = frozenset(name.casefold() for name in (*SCORE_COLUMNS, *STANDINGS_COLUMNS,
                                                      *OTHER_COLUMNS))
"""Ids a criterion may not take (casefolded)."""


def is_reserved(node_id: str) -> bool:
    """True when ``node_id`` names an internal column (case ignored)."""
    return node_id.casefold() in RESERVED_IDS
