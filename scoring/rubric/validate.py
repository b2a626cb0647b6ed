"""Checks that need the whole rubric file (ids, references between parts, the rules' own
settings). They read the raw mapping defensively, so they run even when its structure has
mistakes, and every mistake is reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scoring.columns import RESERVED_IDS, is_reserved
from scoring.problems import Problem, error
from scoring.rules.normalisation import NORMALISATIONS
from scoring.rules.panel import PANEL_RULES

RESERVED_LIST = ", ".join(sorted(RESERVED_IDS))


def cross_checks(raw: Mapping[str, Any], file: str) -> list[Problem]:
    """Checks that need the whole file (ids, references); defensive about its shape, so they
    run even when the structure has mistakes and every mistake is reported at once."""
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    leaf_scales: list[tuple[str, Any]] = []

    def visit(nodes: Any, where: str) -> None:
        if not isinstance(nodes, list):
            return
        for i, node in enumerate(nodes):
            here = f"{where}[{i}]"
            if not isinstance(node, dict):
                continue
            node_id = node.get("id")
            if isinstance(node_id, (str, int, float)):
                node_id = str(node_id)
                if node_id in first_seen:
                    problems.append(error("rubric.duplicate_id", file=file, cell=f"{here}.id",
                                          id=node_id, other=first_seen[node_id]))
                else:
                    first_seen[node_id] = f"{here}.id"
                if is_reserved(node_id):
                    problems.append(error("rubric.reserved_id", file=file, cell=f"{here}.id",
                                          id=node_id, reserved=RESERVED_LIST))
            if isinstance(node.get("scale"), dict):
                leaf_scales.append((f"{here}.scale.min", node["scale"].get("min")))
            visit(node.get("children"), f"{here}.children")

    visit(raw.get("criteria"), "criteria")
    known = set(first_seen)

    categories = raw.get("categories")
    category_ids: dict[str, str] = {}
    if isinstance(categories, list):
        for i, cat in enumerate(categories):
            if not isinstance(cat, dict):
                continue
            cat_id = cat.get("id")
            if isinstance(cat_id, (str, int)):
                cat_id = str(cat_id)
                if cat_id in category_ids:
                    problems.append(error("rubric.duplicate_id", file=file,
                                          cell=f"categories[{i}].id", id=cat_id,
                                          other=category_ids[cat_id]))
                else:
                    category_ids[cat_id] = f"categories[{i}].id"
            chosen = cat.get("criteria")
            if isinstance(chosen, list):
                if known and not chosen:
                    problems.append(error("rubric.category_no_criteria", file=file,
                                          cell=f"categories[{i}].criteria", id=cat_id))
                for j, node_id in enumerate(chosen):
                    if known and str(node_id) not in known:
                        problems.append(error("rubric.unknown_criterion", file=file,
                                              cell=f"categories[{i}].criteria[{j}]",
                                              id=node_id))

    problems += _tie_break_refs(raw.get("tie_breaks"), "tie_breaks", known, file)

    awards = raw.get("awards")
    if isinstance(awards, dict) and isinstance(awards.get("categories"), dict) and category_ids:
        for cat_id in awards["categories"]:
            if str(cat_id) not in category_ids:
                problems.append(error("rubric.unknown_category", file=file,
                                      cell=f"awards.categories.{cat_id}", id=cat_id))

    panels = [_panel_checks(raw.get("panel"), "panel", file, problems)]
    if isinstance(categories, list):
        for i, cat in enumerate(categories):
            overrides = cat.get("overrides") if isinstance(cat, dict) else None
            if isinstance(overrides, dict):
                panels += _override_checks(overrides, f"categories[{i}].overrides", known,
                                           file, problems)
    problems += _normalisation_checks(raw.get("normalisation"), panels, file)

    if raw.get("weighting", "percent") == "percent":
        for where, minimum in leaf_scales:
            if isinstance(minimum, (int, float)) and minimum < 0:
                problems.append(error("rubric.scale_negative", file=file, cell=where,
                                      min=minimum))
    return problems


def _tie_break_refs(rules: Any, where: str, known: set[str], file: str) -> list[Problem]:
    """Tie-breaks naming a criterion the rubric does not have."""
    problems: list[Problem] = []
    if isinstance(rules, list) and known:
        for i, rule in enumerate(rules):
            named = rule.get("criterion") if isinstance(rule, dict) else None
            if named is not None and str(named) not in known:
                problems.append(error("rubric.unknown_criterion", file=file,
                                      cell=f"{where}[{i}].criterion", id=named))
    return problems


def _panel_checks(panel: Any, where: str, file: str, problems: list[Problem]
                  ) -> tuple[Any, str, str]:
    """The panel rule's own checks, asked of its registry (appended to ``problems``); returns
    the rule (None when unknown), its ``apply_to`` and where it was written."""
    panel = panel if isinstance(panel, dict) else {}
    named = panel.get("rule", "mean")
    rule = PANEL_RULES.get(named) if named in PANEL_RULES else None
    apply_to = panel.get("apply_to", "total")
    if rule is not None:
        if not rule.per_criterion and apply_to == "criterion":
            problems.append(error("rubric.rank_sum_per_criterion", file=file,
                                  cell=f"{where}.apply_to"))
        settings = {p.name: panel.get(p.name, p.default) for p in rule.parameters}
        for mistake in rule.check(**settings):
            problems.append(error(mistake.code, file=file, cell=f"{where}.{mistake.setting}",
                                  **mistake.params))
    return rule, apply_to, where


def _override_checks(overrides: Mapping[str, Any], where: str, known: set[str], file: str,
                     problems: list[Problem]) -> list[tuple[Any, str, str]]:
    """A category's overrides: weights of known nodes, its tie-breaks' criteria and its panel
    rule's own checks (returned, for the normalisation check)."""
    weights = overrides.get("weights")
    if isinstance(weights, dict) and known:
        for node_id in weights:
            if str(node_id) not in known:
                problems.append(error("rubric.unknown_criterion", file=file,
                                      cell=f"{where}.weights.{node_id}", id=node_id))
    problems += _tie_break_refs(overrides.get("tie_breaks"), f"{where}.tie_breaks", known,
                                file)
    if "panel" in overrides:
        return [_panel_checks(overrides["panel"], f"{where}.panel", file, problems)]
    return []


def _normalisation_checks(normalisation: Any, panels: list[tuple[Any, str, str]], file: str
                          ) -> list[Problem]:
    """A normalisation that has no effect with one of the panels (a rank sum, or a panel
    applied per criterion)."""
    method = (normalisation.get("method") if isinstance(normalisation, dict)
              else normalisation)
    if not (method in NORMALISATIONS and NORMALISATIONS.get(method).active):
        return []
    where = "normalisation.method" if isinstance(normalisation, dict) else "normalisation"
    for rule, apply_to, written in panels:
        if rule is not None and not rule.normalisable:
            return [error("rubric.normalisation_rank_sum", file=file, cell=where,
                          method=method, panel=written)]
        if apply_to == "criterion":
            return [error("rubric.normalisation_per_criterion", file=file, cell=where,
                          method=method, panel=written)]
    return []
