"""Checks that need the whole rubric file (ids, references between parts, the rules' own
settings). They read the raw mapping defensively, so they run even when its structure has
mistakes, and every mistake is reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scoring.columns import RESERVED_IDS, is_reserved
from scoring.formula import parse_formula
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

    problems += _formula_checks(raw, first_seen, file)
    problems += _stage_checks(raw, first_seen, file)

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


def _formula_checks(raw: Mapping[str, Any], nodes: Mapping[str, str], file: str
                    ) -> list[Problem]:
    """The inputs' ids (unique, not a node's, not reserved, not ``panel``) and every formula
    (``total``, ``categories[i].overrides.total``) over the names a formula may use."""
    problems: list[Problem] = []
    names = dict(nodes)
    inputs = raw.get("inputs")
    for i, item in enumerate(inputs if isinstance(inputs, list) else []):
        input_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(input_id, (str, int)):
            continue
        input_id, here = str(input_id), f"inputs[{i}].id"
        if input_id in names:
            problems.append(error("rubric.duplicate_id", file=file, cell=here, id=input_id,
                                  other=names[input_id]))
        elif is_reserved(input_id):
            problems.append(error("rubric.reserved_id", file=file, cell=here, id=input_id,
                                  reserved=RESERVED_LIST))
        names.setdefault(input_id, here)
    problems += _criterion_input_refs(raw, set(names) - set(nodes), file)
    known = [*names, "panel"]
    formulas = [("total", raw.get("total"))]
    categories = raw.get("categories")
    for i, cat in enumerate(categories if isinstance(categories, list) else []):
        overrides = cat.get("overrides") if isinstance(cat, dict) else None
        if isinstance(overrides, dict) and "total" in overrides:
            formulas.append((f"categories[{i}].overrides.total", overrides["total"]))
    stages = raw.get("stages")
    for i, stage in enumerate(stages if isinstance(stages, list) else []):
        if isinstance(stage, dict) and "total" in stage:
            formulas.append((f"stages[{i}].total", stage["total"]))
    if raw.get("total") is not None and stages:
        problems.append(error("rubric.total_with_stages", file=file, cell="total"))
    for where, text in formulas:
        panel = _panel_of(raw, where)
        named = panel.get("rule", "mean") if isinstance(panel, dict) else "mean"
        if text is not None and named in PANEL_RULES and PANEL_RULES.get(named).ranks:
            problems.append(error("rubric.formula_with_rank_panel", file=file, cell=where,
                                  rule=named))
        if text is not None and (nodes or where != "total"):
            problems += parse_formula(str(text), known, file=file,
                                      cell=where)[1]
    return problems


def _criterion_input_refs(raw: Mapping[str, Any], input_ids: set[str], file: str
                          ) -> list[Problem]:
    """Criteria whose ``convert_times`` or ``only_if`` names no input; a ``convert`` table
    with percent weighting (its points have no maximum to share out)."""
    problems: list[Problem] = []
    percent = raw.get("weighting", "percent") == "percent"
    stack = [(f"criteria[{i}]", node) for i, node in enumerate(raw.get("criteria") or [])
             ] if isinstance(raw.get("criteria"), list) else []
    while stack:
        where, node = stack.pop(0)
        if not isinstance(node, dict):
            continue
        for key in ("convert_times", "only_if"):
            named = node.get(key)
            if named is not None and str(named) not in input_ids:
                problems.append(error("rubric.unknown_input", file=file, cell=f"{where}.{key}",
                                      id=named, known=", ".join(sorted(input_ids)) or "–"))
        if node.get("convert") is not None and percent:
            problems.append(error("rubric.convert_needs_points", file=file,
                                  cell=f"{where}.convert"))
        children = node.get("children")
        if isinstance(children, list):
            stack += [(f"{where}.children[{j}]", child) for j, child in enumerate(children)]
    return problems


def _panel_of(raw: Mapping[str, Any], where: str) -> Any:
    """The panel a formula written at ``where`` is computed after: the stage's or the
    category's own when it has one, else the rubric's."""
    parts = where.split(".")[0]
    owner: Any = raw
    if "[" in parts:
        key, index = parts[:-1].split("[")
        items = raw.get(key)
        owner = items[int(index)] if isinstance(items, list) and int(index) < len(items) else {}
        owner = owner.get("overrides", owner) if key == "categories" else owner
    chosen = owner.get("panel") if isinstance(owner, dict) else None
    return chosen if chosen is not None else raw.get("panel")


def _leaves_of(raw: Mapping[str, Any]) -> dict[str, set[str]]:
    """Node id -> the ids of the leaves below it (itself for a leaf), from the raw tree."""
    below: dict[str, set[str]] = {}

    def visit(node: Any) -> set[str]:
        if not isinstance(node, dict):
            return set()
        children = node.get("children")
        found = (set().union(*(visit(c) for c in children)) if isinstance(children, list)
                 and children else {str(node.get("id"))})
        below[str(node.get("id"))] = found
        return found

    for node in raw.get("criteria") or [] if isinstance(raw.get("criteria"), list) else []:
        visit(node)
    return below


def _stage_checks(raw: Mapping[str, Any], nodes: Mapping[str, str], file: str
                  ) -> list[Problem]:
    """Stages: ids unique among nodes and inputs, criteria known and in one stage only, a
    gate's inputs known and yes/no, each stage's panel rule, the final weights' stages."""
    stages = raw.get("stages")
    if not isinstance(stages, list):
        return []
    problems: list[Problem] = []
    inputs = raw.get("inputs") if isinstance(raw.get("inputs"), list) else []
    kinds = {str(i.get("id")): i.get("kind", "number") for i in inputs if isinstance(i, dict)}
    names = {**nodes, **{k: "inputs" for k in kinds}}
    below = _leaves_of(raw)
    owner: dict[str, str] = {}
    scored: set[str] = set()
    for i, stage in enumerate(stages):
        if not isinstance(stage, dict):
            continue
        here = f"stages[{i}]"
        stage_id = str(stage.get("id"))
        if stage_id in names:
            problems.append(error("rubric.duplicate_id", file=file, cell=f"{here}.id",
                                  id=stage_id, other=names[stage_id]))
        elif is_reserved(stage_id):
            problems.append(error("rubric.reserved_id", file=file, cell=f"{here}.id",
                                  id=stage_id, reserved=RESERVED_LIST))
        names.setdefault(stage_id, f"{here}.id")
        if stage.get("kind", "scored") == "scored":
            scored.add(stage_id)
        chosen = stage.get("criteria")
        for j, node_id in enumerate(chosen if isinstance(chosen, list) else []):
            if str(node_id) not in below:
                problems.append(error("rubric.unknown_criterion", file=file,
                                      cell=f"{here}.criteria[{j}]", id=node_id))
                continue
            for leaf in sorted(below[str(node_id)]):
                if leaf in owner and owner[leaf] != stage_id:
                    problems.append(error("rubric.stage_overlap", file=file,
                                          cell=f"{here}.criteria[{j}]", id=leaf,
                                          other=owner[leaf]))
                owner.setdefault(leaf, stage_id)
        gate = stage.get("inputs")
        for j, input_id in enumerate(gate if isinstance(gate, list) else []):
            if str(input_id) not in kinds:
                problems.append(error("rubric.unknown_input", file=file,
                                      cell=f"{here}.inputs[{j}]", id=input_id,
                                      known=", ".join(sorted(kinds)) or "–"))
            elif kinds[str(input_id)] != "yes_no":
                problems.append(error("rubric.gate_not_yes_no", file=file,
                                      cell=f"{here}.inputs[{j}]", id=input_id))
        if isinstance(stage.get("panel"), dict):
            _panel_checks(stage["panel"], f"{here}.panel", file, problems)
        problems += _tie_break_refs(stage.get("tie_breaks"), f"{here}.tie_breaks",
                                    set(nodes), file)
    final = raw.get("final")
    weights = final.get("weights") if isinstance(final, dict) else None
    for stage_id in weights if isinstance(weights, dict) else {}:
        if str(stage_id) not in scored:
            problems.append(error("rubric.unknown_stage", file=file,
                                  cell=f"final.weights.{stage_id}", id=stage_id,
                                  known=", ".join(sorted(scored)) or "–"))
    return problems
