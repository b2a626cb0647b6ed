"""What if: the same marks scored under other group weights or another panel rule.

A simulation changes nothing official: it scores a modified copy of the rubric
(:func:`simulated_rubric`) on the outcome's score table.
"""

from __future__ import annotations

from collections.abc import Mapping

from scoring.pipeline import score
from scoring.result import Result
from scoring.rubric import Rubric
from scoring.rules.panel import PANEL_RULES as PANEL_RULE_REGISTRY
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
    if rule == "rank_sum":
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
