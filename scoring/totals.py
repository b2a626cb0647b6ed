"""Weighted totals and subtotals over the criteria tree, for many rows at once.

Words used here:
- *leaf matrix*: a frame with one row per scored thing (an entry as one judge scored it, or
  an entry as the panel scored it) and one column per leaf criterion, in the criterion's scale.
- *part*: what a node adds to the total; a group's part is the sum of its children's parts,
  so the parts of the top-level nodes add up to the total. In percent weighting the total is
  on 0–100 and a part is in points of it; in points weighting everything is in raw points.
- *node frame*: the leaf matrix turned into parts, one column per node (leaves and groups) and
  a ``total`` column, rounded at each stage the rubric states.
"""

from __future__ import annotations

import pandas as pd

from scoring.rounding import round_half_away
from scoring.rubric import Rubric

TOTAL = "total"


def weight_matrix(rubric: Rubric) -> pd.DataFrame:
    """Category × leaf effective weights (NaN where a category does not use a leaf)."""
    leaf_ids = [leaf.id for leaf in rubric.leaves]
    rows = {cat: rubric.effective_weights(cat) for cat in rubric.category_ids}
    return pd.DataFrame.from_dict(rows, orient="index").reindex(columns=leaf_ids)


def node_parts(leaf_scores: pd.DataFrame, categories: pd.Series, rubric: Rubric,
               *, rounded: bool = True) -> pd.DataFrame:
    """Every node's part and the total for each row of a leaf matrix.

    ``categories`` gives each row's category (same index). With ``rounded=False`` no stage is
    rounded: the exact figures, used when the rubric decides ties on exact totals.
    """
    stages = rubric.rounding
    decimals = (lambda stage: getattr(stages, stage)) if rounded else (lambda stage: None)
    leaf_ids = [leaf.id for leaf in rubric.leaves]
    weights = weight_matrix(rubric).reindex(categories.to_numpy()).to_numpy()
    scores = leaf_scores.reindex(columns=leaf_ids).to_numpy(dtype="float64")
    parts = pd.DataFrame(round_half_away(scores * weights, decimals("weighted_criterion")),
                         index=leaf_scores.index, columns=leaf_ids)
    # children come before their parent in reversed document order
    for node in reversed(rubric.groups):
        children = parts[[child.id for child in node.children]]
        parts[node.id] = round_half_away(children.sum(axis=1, min_count=1), decimals("group"))
    top = parts[[node.id for node in rubric.criteria]]
    parts[TOTAL] = round_half_away(top.sum(axis=1, min_count=1), decimals("total"))
    node_order = [node.id for node, _, _ in rubric.walk()]
    return parts[[*node_order, TOTAL]]


def leaf_matrix(scores: pd.DataFrame, index: list[str]) -> pd.DataFrame:
    """The long score table pivoted to one row per ``index`` and one column per criterion."""
    return scores.pivot_table(index=index, columns="criterion_id", values="score",
                              aggfunc="first", observed=True, sort=True)

