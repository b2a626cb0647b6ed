"""The Competition (Kompetisi) page's model: the rubric for people — its criteria tree with
weights and scales, its rules in words, its award tiers — and the entries list.

Words used here:
- *share*: a criterion's weight as a percentage of the total of a category.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from scoring.entries import Entries
from scoring.i18n import format_number, t
from scoring.rubric import Criterion, Rubric
from ui.views.format import decimals_of


def scale_text(node: Criterion, lang: str) -> str:
    if node.scale is None:
        return ""
    low, high = (format_number(v, lang, decimals_of(v)) for v in (node.scale.min, node.scale.max))
    step = format_number(node.scale.step, lang, decimals_of(node.scale.step))
    return t("app.rubric.scale", lang, min=low, max=high, step=step)


def rubric_frame(rubric: Rubric, lang: str) -> pd.DataFrame:
    """The criteria tree: one row per node, indented name, id, its weight as a percentage of
    the total per category (empty where a category does not use it), scale, description."""
    shares = {c.id: rubric.weight_percentages(c.id) for c in rubric.categories}
    rows = []
    for node, _, depth in rubric.walk():
        row: dict[str, object] = {
            t("col.criterion", lang): "\u2003" * depth + node.label(lang),
            t("col.entry_id", lang): node.id,
        }
        for category in rubric.categories:
            share = shares[category.id].get(node.id)
            row[t("app.rubric.weight_in", lang, category=category.id)] = (
                np.nan if share is None else share)
        row[t("col.scale", lang)] = scale_text(node, lang)
        guidance = [t("app.rubric.level", lang,
                      min=format_number(level.min, lang, decimals_of(level.min)),
                      max=format_number(level.max, lang, decimals_of(level.max)),
                      text=(level.text_en if lang == "en" and level.text_en else level.text))
                    for level in node.levels]
        row[t("app.rubric.description", lang)] = " ".join(
            part for part in [node.description or "", *guidance] if part)
        rows.append(row)
    return pd.DataFrame(rows)


def panel_rule_text(rubric: Rubric, lang: str) -> str:
    """The panel rule in words (the same words as the results workbook)."""
    rule = rubric.panel
    text = t(f"panel.{rule.rule}", lang, trim=rule.trim, min_judges=rule.min_judges)
    return f"{text}, {t(f'panel.apply_to.{rule.apply_to}', lang)}"


def tie_rule_label(rubric: Rubric, key: str, lang: str) -> str:
    """A tie-break key in words (as :meth:`Result.tie_rule_label`, without a Result)."""
    if key.startswith("criterion:"):
        return t("tiebreak.criterion", lang, name=rubric.nodes[key.split(":", 1)[1]].label(lang))
    return t(f"tiebreak.{key}", lang)


def rounding_text(rubric: Rubric, lang: str) -> str:
    stages = rubric.rounding
    parts = [t(f"app.rubric.rounding.{stage}", lang, decimals=getattr(stages, stage))
             for stage in ("criterion", "weighted_criterion", "group", "total")
             if getattr(stages, stage) is not None]
    return "; ".join(parts) if parts else t("app.rubric.rounding.none", lang)


def award_frames(rubric: Rubric, lang: str) -> list[tuple[str, pd.DataFrame, str]]:
    """(heading, table, note) per set of award rules: the defaults, then each category that
    has its own."""
    out = []
    sets: list[tuple[str, Any]] = [(t("app.rubric.awards_default", lang), rubric.awards)]
    for category_id, rules in rubric.awards.categories.items():
        sets.append((rubric.category(category_id).label(lang), rules))
    for heading, rules in sets:
        rows = [{t("col.award", lang): place.label(lang),
                 t("app.rubric.award_rule", lang): t("app.rubric.rank_n", lang, rank=i + 1),
                 t("col.reward", lang): place.reward or ""}
                for i, place in enumerate(rules.places)]
        rows += [{t("col.award", lang): band.label(lang),
                  t("app.rubric.award_rule", lang): t(
                      "app.rubric.band_min", lang,
                      min=format_number(band.min, lang, decimals_of(band.min))),
                  t("col.reward", lang): ""}
                 for band in rules.bands]
        note = (t("app.rubric.min_total", lang,
                  min=format_number(rules.min_total, lang, decimals_of(rules.min_total)))
                if rules.min_total is not None else "")
        out.append((heading, pd.DataFrame(rows), note))
    return out


def entries_frame(entries: Entries, rubric: Rubric | None, lang: str) -> pd.DataFrame:
    names = {}
    if rubric is not None:
        names = {c.id: c.label(lang) for c in rubric.categories}
    return pd.DataFrame({
        t("col.entry_id", lang): [e.id for e in entries],
        t("col.entry", lang): [e.name for e in entries],
        t("col.category", lang): [names.get(e.category, e.category) for e in entries],
        t("app.entries.aliases", lang): [", ".join(e.aliases) for e in entries],
    })
