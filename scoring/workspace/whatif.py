"""What if: the same marks scored under other group weights or another panel rule.

A simulation changes nothing official: it scores a modified copy of the rubric
(:func:`simulated_rubric`) on the outcome's score table. Moving only the weights need not
score again: :func:`basis` scores once per panel rule and keeps each judge's per-criterion
marks, and :func:`retotal` weighs them again (no file is read, nothing checked again).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from scoring.pipeline import score
from scoring.result import Result
from scoring.rubric import Rubric
from scoring.rules.panel import PANEL_RULES as PANEL_RULE_REGISTRY
from scoring.sensitivity import ranked_from_judges
from scoring.totals import TOTAL, leaf_matrix, node_parts
from scoring.workspace.session import Outcome

PANEL_RULES = PANEL_RULE_REGISTRY.names()
"""The panel rules a rubric may name, in the order offered (from the registry
:data:`scoring.rules.panel.PANEL_RULES`)."""


def simulated_rubric(rubric: Rubric, weights: Mapping[str, float], rule: str) -> Rubric:
    """The rubric with other top-level weights and another panel rule.

    Criteria are frozen models: each top-level node is copied with its new weight and the
    tuple rebuilt. The copy is validated again as a new Rubric, because ``model_copy`` would
    carry over the original's cached tree and fingerprint.
    """
    if rule not in PANEL_RULES:
        raise ValueError(f"unknown panel rule {rule!r}")
    criteria = tuple(node.model_copy(update={"weight": float(weights.get(node.id, node.weight))})
                     for node in rubric.criteria)
    panel_update: dict[str, object] = {"rule": rule}
    if not PANEL_RULE_REGISTRY.get(rule).per_criterion:
        panel_update["apply_to"] = "total"  # a rank sum is taken over judges' totals only
    if rule == "trimmed_mean" and rubric.panel.min_judges <= 2 * rubric.panel.trim:
        panel_update["min_judges"] = 2 * rubric.panel.trim + 1
    panel = rubric.panel.model_copy(update=panel_update)
    fields = {name: getattr(rubric, name) for name in type(rubric).model_fields}
    fields.update(criteria=criteria, panel=panel)
    return type(rubric).model_validate(fields)


def simulate(outcome: Outcome, weights: Mapping[str, float], rule: str, lang: str) -> Result:
    """Score the same marks again under other weights and panel rule (nothing official)."""
    if outcome.result is None or outcome.rubric is None or outcome.entries is None:
        raise ValueError("no result to simulate")
    rubric = simulated_rubric(outcome.rubric, weights, rule)
    return score(rubric, outcome.entries, outcome.scores, (), lang=lang)


# --- moving the weights: totals again from the judges' per-criterion marks -----------------


@dataclass(frozen=True)
class Basis:
    """What a weights-only what-if recomputes from, for one panel rule: the full scoring of
    the outcome's marks under that rule at the rubric's own weights (``exact``) and each
    judge's marks per criterion (``marks``: one row per entry, category and judge, one column
    per leaf criterion, in the criterion's own scale; these do not depend on the weights)."""

    rubric: Rubric
    rule: str
    exact: Result
    marks: pd.DataFrame
    quick: bool
    """The rule combines the judges' totals with a weighted mean of them (not a rank sum,
    not per criterion), nothing is normalised and every mark is as the judge gave it, so
    :func:`retotal` gives what scoring again would give."""

    @property
    def weights(self) -> dict[str, float]:
        """The top-level weights ``exact`` was scored with (the rubric's own)."""
        return {node.id: float(node.weight) for node in self.rubric.criteria}


ADJUSTED_MARKS = frozenset({"score.filled_minimum", "score.judge_excluded"})
"""Problem codes that mean the pipeline changed the marks (filled or left out a judge)."""


def basis(outcome: Outcome, rule: str, lang: str) -> Basis:
    """Score the outcome's marks once under ``rule`` (no file is read) and keep each judge's
    per-criterion marks for :func:`retotal`."""
    if outcome.rubric is None:
        raise ValueError("no result to simulate")
    weights = {node.id: float(node.weight) for node in outcome.rubric.criteria}
    exact = simulate(outcome, weights, rule, lang)
    rubric = exact.rubric
    quick = (exact.ok and rubric.panel.apply_to == "total"
             and not PANEL_RULE_REGISTRY.get(rule).ranks
             and not rubric.normalisation.active and len(rubric.panel_groups()) == 1
             and not any(p.code in ADJUSTED_MARKS for p in exact.problems))
    marks = leaf_matrix(exact.scores, ["entry_id", "category", "judge_id"]) if quick else \
        pd.DataFrame()
    if quick:
        marks = marks.reindex(columns=[leaf.id for leaf in rubric.leaves])
    return Basis(outcome.rubric, rule, exact, marks, quick)


def retotal(base: Basis, weights: Mapping[str, float], lang: str) -> pd.DataFrame:
    """The ranking under other top-level weights, without reading or checking anything again.

    One row per ranked entry, in rubric category order and rank order: ``entry_id, name,
    category, total, rank, tied``. At the rubric's own weights it is the exact scoring's
    ranking. Otherwise, when :attr:`Basis.quick`, each judge's parts and total are weighed
    again from their per-criterion marks and the rule combines them
    (:func:`scoring.sensitivity.ranked_from_judges`: the rubric's rounding and tie-breaks);
    else the marks are scored again in full (:func:`simulate`).
    """
    columns = ["entry_id", "name", "category", TOTAL, "rank", "tied"]
    if not base.exact.ok:
        return pd.DataFrame(columns=columns)
    chosen = {k: float(weights.get(k, v)) for k, v in base.weights.items()}
    if chosen == base.weights:
        return base.exact.standings.loc[:, columns].reset_index(drop=True)
    if not base.quick:
        again = simulate_result(base, chosen, lang)
        return again.standings.loc[:, columns].reset_index(drop=True) if again.ok else \
            pd.DataFrame(columns=columns)
    rubric = simulated_rubric(base.rubric, chosen, base.rule)
    categories = pd.Series(base.marks.index.get_level_values("category"),
                           index=base.marks.index)
    judge_parts = node_parts(base.marks, categories, rubric).reset_index()
    ranked = ranked_from_judges(judge_parts, rubric, rubric.panel)
    names = {e.id: e.name for e in base.exact.entries}
    ranked.insert(1, "name", ranked["entry_id"].map(names))
    order = {c: i for i, c in enumerate(base.rubric.category_ids)}
    ranked = (ranked.assign(_order=ranked["category"].map(order))
              .sort_values(["_order", "rank", "entry_id"], kind="mergesort"))
    return ranked.loc[:, columns].reset_index(drop=True)


def simulate_result(base: Basis, weights: Mapping[str, float], lang: str) -> Result:
    """The marks of ``base`` scored again in full under ``weights`` and its rule."""
    rubric = simulated_rubric(base.rubric, weights, base.rule)
    return score(rubric, base.exact.entries, base.exact.scores, (), lang=lang)
