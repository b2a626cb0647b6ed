"""Weighted totals and subtotals over the criteria tree, for many rows at once.

Words used here:
- *leaf matrix*: a frame with one row per scored thing (an entry as one judge scored it, or
  an entry as the panel scored it) and one column per leaf criterion, in the criterion's scale.
- *part*: what a node adds to the total; a group's part is the sum of its children's parts,
  so the parts of the top-level nodes add up to the total. In percent weighting the total is
  on 0–100 and a part is in points of it; in points weighting everything is in raw points.
- *node frame*: the leaf matrix turned into parts, one column per node (leaves and groups) and
  a ``total`` column, rounded at each stage the rubric states.
- *performed*: an entry × leaf mask, False where a criterion's ``only_if`` input is 0 for
  the entry (an element it did not perform): no mark is expected there.
- *converted marks*: a leaf matrix whose marks went through their criterion's ``convert``
  table (times the entry's ``convert_times`` input), before any panel rule.
- *formula total*: where a category's total is a formula (:meth:`Rubric.formula_for`), the
  node frame's ``total`` becomes the formula's value over the parts, the entry's inputs and
  ``panel`` — the panel's total, kept in a ``panel`` column.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.rounding import round_half_away
from scoring.rubric import Rubric
from scoring.rubric.model import PANEL_NAME

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



def _formula_values(parts: pd.DataFrame, inputs: pd.DataFrame) -> dict[str, object]:
    """The named quantities of a formula for each row of a node frame (index with
    ``entry_id``): the parts by node id (0 for a criterion the entry did not perform), the
    inputs by id, ``panel``."""
    entry_ids = parts.index.get_level_values("entry_id")
    values: dict[str, object] = {c: parts[c].fillna(0).to_numpy(dtype="float64")
                                 for c in parts.columns if c != TOTAL}
    values[PANEL_NAME] = parts[TOTAL].to_numpy(dtype="float64")
    for column in inputs.columns:
        values[column] = inputs[column].reindex(entry_ids).to_numpy(dtype="float64")
    return values


def formula_totals(parts: pd.DataFrame, inputs: pd.DataFrame, rubric: Rubric,
                   *, rounded: bool = True) -> pd.DataFrame:
    """The node frame of the panel (index ``entry_id, category``) with each formula
    category's ``total`` made by its formula (rounded at the ``total`` stage) and the panel's
    own total kept as ``panel``; unchanged when no category has a formula."""
    categories = parts.index.get_level_values("category")
    with_formula = [c for c in rubric.category_ids if rubric.formula_for(c) is not None]
    if not with_formula:
        return parts
    out = parts.copy()
    out[PANEL_NAME] = out[TOTAL]
    values = _formula_values(parts, inputs)
    total = out[TOTAL].to_numpy(dtype="float64").copy()
    for category in with_formula:
        rows = np.asarray(categories == category)
        if not rows.any():
            continue
        formula = rubric.formula_for(category)
        assert formula is not None
        mine = {name: np.asarray(v)[rows] for name, v in values.items()}
        total[rows] = np.broadcast_to(formula.evaluate(mine), (int(rows.sum()),))
    out[TOTAL] = round_half_away(total, rubric.rounding.total if rounded else None)
    return out


def worked_lines(parts: pd.DataFrame, inputs: pd.DataFrame, rubric: Rubric, lang: str
                 ) -> pd.Series:
    """Each formula row's worked line (``(7,5 + 0,6) × 3,2 − 1 = 24,92``) from the rounded
    node frame :func:`formula_totals` made; "" where the category has no formula."""
    values = _formula_values(parts.drop(columns=[TOTAL]).rename(columns={PANEL_NAME: TOTAL}),
                             inputs) if PANEL_NAME in parts else {}
    categories = parts.index.get_level_values("category")
    decimals = rubric.rounding.total if rubric.rounding.total is not None else 2
    lines = []
    for i, category in enumerate(categories):
        formula = rubric.formula_for(category)
        if formula is None:
            lines.append("")
            continue
        row = {name: float(np.asarray(values[name])[i]) for name in formula.names}
        lines.append(formula.worked(row, lang, decimals) if all(
            np.isfinite(v) for v in row.values()) else "")
    return pd.Series(lines, index=parts.index, dtype="object")


def performed(rubric: Rubric, inputs: pd.DataFrame) -> pd.DataFrame:
    """Entry × leaf: False where the leaf's ``only_if`` input is 0 for the entry (rows: the
    input frame's entries; every leaf without ``only_if`` is True)."""
    mask = pd.DataFrame(True, index=inputs.index, columns=[leaf.id for leaf in rubric.leaves])
    for leaf in rubric.leaves:
        if leaf.only_if is not None:
            mask[leaf.id] = inputs[leaf.only_if].fillna(0).to_numpy() != 0
    return mask


def converted_marks(wide: pd.DataFrame, rubric: Rubric, inputs: pd.DataFrame) -> pd.DataFrame:
    """A leaf matrix (index with ``entry_id``) with each mark through its criterion's
    ``convert`` table and times its ``convert_times`` input; unchanged without tables."""
    if not any(leaf.convert is not None for leaf in rubric.leaves):
        return wide
    out = wide.copy()
    entry_ids = wide.index.get_level_values("entry_id")
    for leaf in rubric.leaves:
        if leaf.convert is None or leaf.id not in out:
            continue
        points = leaf.converted(out[leaf.id].to_numpy(dtype="float64"))
        if leaf.convert_times is not None:
            points = points * inputs[leaf.convert_times].reindex(entry_ids).to_numpy()
        out[leaf.id] = points
    return out
