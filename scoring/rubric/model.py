"""The :class:`Rubric`: the whole rubric as one immutable object, with the criteria tree's
figures (leaves, groups, effective weights per category) worked out once and cached.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any, Literal

from pydantic import Field

from scoring.formula import Formula, parse_formula
from scoring.rubric.flow import Final, Input, Stage
from scoring.rubric.parts import (
    Awards,
    Category,
    Confidence,
    Criterion,
    Normalisation,
    Panel,
    Rounding,
    TieBreak,
    _Model,
)

PANEL_NAME = "panel"
"""The name of the panel's total in a formula."""


class Rubric(_Model):
    id: str = Field(min_length=1)
    version: str = "1"
    title: str = Field(min_length=1)
    title_en: str | None = None
    year: int | None = None
    organiser: str | None = None
    place: str | None = None
    date: dt.date | None = None
    weighting: Literal["percent", "points"] = "percent"
    missing_scores: Literal["error", "minimum", "exclude_judge"] = "error"
    categories: tuple[Category, ...] = Field(min_length=1)
    criteria: tuple[Criterion, ...] = Field(min_length=1)
    panel: Panel = Panel()
    rounding: Rounding = Rounding()
    tie_breaks: tuple[TieBreak, ...] = ()
    awards: Awards = Awards()
    confidence: Confidence = Confidence()
    normalisation: Normalisation = Normalisation()
    inputs: tuple[Input, ...] = ()
    total: str | None = None
    """A formula for the total over the panel's figures and the inputs (:meth:`formula_for`);
    None: the total is the panel's."""
    stages: tuple[Stage, ...] = ()
    """A competition in stages (:mod:`scoring.stages`); empty: one judged round."""
    final: Final = Final()

    def label(self, lang: str = "id") -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False
                   ) -> Rubric:
        """A copy with ``update`` applied; the figures cached from the tree are made anew."""
        copy = super().model_copy(update=update, deep=deep)
        for name in _CACHED:
            copy.__dict__.pop(name, None)
        return copy

    # --- the tree ---------------------------------------------------------------------------

    def walk(self) -> Iterator[tuple[Criterion, Criterion | None, int]]:
        """Every node in document order with its parent and depth (top level is 0)."""
        stack: list[tuple[Criterion, Criterion | None, int]] = [
            (node, None, 0) for node in reversed(self.criteria)]
        while stack:
            node, parent, depth = stack.pop()
            yield node, parent, depth
            stack.extend((child, node, depth + 1) for child in reversed(node.children))

    @cached_property
    def nodes(self) -> Mapping[str, Criterion]:
        return {node.id: node for node, _, _ in self.walk()}

    @cached_property
    def parents(self) -> Mapping[str, str | None]:
        return {node.id: (parent.id if parent else None) for node, parent, _ in self.walk()}

    @cached_property
    def leaves(self) -> tuple[Criterion, ...]:
        return tuple(node for node, _, _ in self.walk() if node.is_leaf)

    @cached_property
    def groups(self) -> tuple[Criterion, ...]:
        return tuple(node for node, _, _ in self.walk() if not node.is_leaf)

    @cached_property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)

    def panel_for(self, category_id: str) -> Panel:
        """The panel rule of a category: its override, else the rubric's."""
        overrides = self.category(category_id).overrides
        return overrides.panel if overrides and overrides.panel else self.panel

    def tie_breaks_for(self, category_id: str) -> tuple[TieBreak, ...]:
        """The tie-breaks of a category, in order: its override, else the rubric's."""
        overrides = self.category(category_id).overrides
        if overrides and overrides.tie_breaks is not None:
            return overrides.tie_breaks
        return self.tie_breaks

    def panel_groups(self) -> tuple[tuple[Panel, tuple[str, ...]], ...]:
        """The categories grouped by their panel rule, in rubric order (one group unless a
        category overrides the panel)."""
        return _grouped((self.panel_for(c), c) for c in self.category_ids)

    def tie_break_groups(self) -> tuple[tuple[tuple[TieBreak, ...], tuple[str, ...]], ...]:
        """The categories grouped by their tie-breaks, in rubric order."""
        return _grouped((self.tie_breaks_for(c), c) for c in self.category_ids)

    @cached_property
    def formula_names(self) -> tuple[str, ...]:
        """The names a formula may use: every node id (the panel's part of it), every input
        id, and ``panel`` (the panel's total)."""
        return (*self.nodes, *(i.id for i in self.inputs), PANEL_NAME)

    @cached_property
    def _formulas(self) -> dict[str, Formula | None]:
        out: dict[str, Formula | None] = {}
        for category in self.categories:
            overrides = category.overrides
            text = overrides.total if overrides and overrides.total else self.total
            out[category.id] = (parse_formula(text, self.formula_names)[0]
                                if text is not None else None)
        return out

    def formula_for(self, category_id: str) -> Formula | None:
        """The formula of a category's total: its override, else the rubric's ``total``;
        None when the total is the panel's."""
        return self._formulas[category_id]

    def stage(self, stage_id: str) -> Stage:
        for item in self.stages:
            if item.id == stage_id:
                return item
        raise KeyError(stage_id)

    def input(self, input_id: str) -> Input:
        for item in self.inputs:
            if item.id == input_id:
                return item
        raise KeyError(input_id)

    def weight_of(self, node_id: str, category_id: str) -> float:
        """A node's weight in a category: the category's override, else its own."""
        overrides = self.category(category_id).overrides
        own = self.nodes[node_id].weight
        return overrides.weights.get(node_id, own) if overrides else own

    def leaves_below(self, node_id: str) -> tuple[str, ...]:
        node = self.nodes[node_id]
        if node.is_leaf:
            return (node.id,)
        return tuple(leaf for child in node.children for leaf in self.leaves_below(child.id))

    def leaf_labels(self, lang: str = "id", leaf_ids: Iterable[str] | None = None
                    ) -> dict[str, str]:
        """A label per leaf (of ``leaf_ids``, or every leaf) that tells it apart: the leaf's
        own name, or "parent › leaf" where two of them share a name (Yel-yel › Kreativitas,
        Fragmen › Kreativitas)."""
        ids = [leaf.id for leaf in self.leaves] if leaf_ids is None else list(leaf_ids)
        own = {leaf: self.nodes[leaf].label(lang) for leaf in ids}
        counts = Counter(own.values())
        labels = {}
        for leaf, label in own.items():
            parent = self.parents.get(leaf)
            if counts[label] > 1 and parent is not None:
                label = f"{self.nodes[parent].label(lang)} › {label}"
            labels[leaf] = label
        return labels

    def leaf_ids_for(self, category_id: str) -> tuple[str, ...]:
        """The leaves a category is scored on, in document order."""
        chosen = self.category(category_id).criteria
        if chosen is None:
            return tuple(leaf.id for leaf in self.leaves)
        wanted = {leaf for node_id in chosen for leaf in self.leaves_below(node_id)}
        return tuple(leaf.id for leaf in self.leaves if leaf.id in wanted)

    def effective_weights(self, category_id: str) -> dict[str, float]:
        """Leaf id -> the factor its score is multiplied by to give its part of the total.

        Percent weighting: the product, down the path, of each node's share among the siblings
        the category uses, times ``100 / scale.max``; so the leaves' parts add to 100 at most.
        Points weighting: the product of the weights down the path. A node's weight is the
        category's override where it has one (:meth:`weight_of`).
        """
        used = set(self.leaf_ids_for(category_id))
        weights: dict[str, float] = {}

        def visit(nodes: tuple[Criterion, ...], factor: float) -> None:
            live = [n for n in nodes if used.intersection(self.leaves_below(n.id))]
            weight = {n.id: self.weight_of(n.id, category_id) for n in live}
            total_weight = sum(weight.values())
            for node in live:
                share = (weight[node.id] / total_weight if self.weighting == "percent"
                         else weight[node.id])
                if node.is_leaf:
                    assert node.scale is not None
                    weights[node.id] = (factor * share * 100 / node.scale.max
                                        if self.weighting == "percent" else factor * share)
                else:
                    visit(node.children, factor * share)

        visit(self.criteria, 1.0)
        return weights

    def weight_percentages(self, category_id: str) -> dict[str, float]:
        """Node id -> its share of the total in percent (for showing a rubric to people)."""
        weights = self.effective_weights(category_id)
        maximum = {leaf: weights[leaf] * self.nodes[leaf].scale.max for leaf in weights}  # type: ignore[union-attr]
        grand = sum(maximum.values())
        shares = {}
        for node_id in self.nodes:
            below = [maximum[leaf] for leaf in self.leaves_below(node_id) if leaf in maximum]
            if below:
                shares[node_id] = 100 * sum(below) / grand
        return shares

    def max_total(self, category_id: str) -> float:
        weights = self.effective_weights(category_id)
        return sum(w * self.nodes[leaf].scale.max for leaf, w in weights.items())  # type: ignore[union-attr]

    @cached_property
    def fingerprint(self) -> str:
        data = self.model_dump(mode="json")
        if self.normalisation == Normalisation():
            # no normalisation, as written or by default: the fingerprint stays what it was
            # before the key existed, so templates made then still match their rubric
            del data["normalisation"]
        for category in data["categories"]:
            if category["overrides"] is None:  # likewise for keys added since
                del category["overrides"]
            elif category["overrides"]["total"] is None:
                del category["overrides"]["total"]
        if not self.stages:
            del data["final"]
        for key, unset in (("inputs", []), ("total", None), ("stages", [])):
            if data[key] == unset:
                del data[key]
        stack = list(data["criteria"])
        while stack:
            node = stack.pop()
            for key in _NODE_KEYS_SINCE:
                if node.get(key) is None:
                    node.pop(key, None)
            stack.extend(node["children"])
        return fingerprint_of(data)


_NODE_KEYS_SINCE = ("convert", "convert_times", "only_if")
"""Criterion keys added after rubrics were first fingerprinted: left out when unset."""

_CACHED = tuple(name for name, value in vars(Rubric).items()
                if isinstance(value, cached_property))


def _grouped(pairs: Iterable[tuple[Any, str]]) -> tuple[tuple[Any, tuple[str, ...]], ...]:
    """``(key, category)`` pairs as ``(key, categories)`` groups in first-seen order."""
    groups: dict[Any, list[str]] = {}
    for key, category in pairs:
        groups.setdefault(key, []).append(category)
    return tuple((key, tuple(categories)) for key, categories in groups.items())


def fingerprint_of(data: Any) -> str:
    """sha256 of the canonical JSON of ``data`` (sorted keys, no spaces): stable across runs."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                           default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
