"""The Judges (Juri) page's panel planner: how many judges per entry next year for a chosen
chance that each category's winner is truly the best (:mod:`scoring.planner`), as display
tables, one sentence per category and the model's assumptions.

Words used here:
- *target*: the chance the organiser asks for that the winner is truly the best (0.8–0.95,
  :data:`TARGETS`).
- *recommended row*: the smallest panel size meeting the target; when none does, the last row
  (every judge on every entry) is the category's *out of reach* row.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from scoring.i18n import format_number, t
from scoring.planner import TARGET, plan_for
from scoring.result import Result
from ui.views.format import number_text, percent_text

TARGETS = (0.8, 0.85, 0.9, 0.95)
"""The targets the page's slider offers."""
DEFAULT_TARGET = TARGET


def plan_figures(result: Result, target: float = DEFAULT_TARGET
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(plan, assumptions)`` of :func:`scoring.planner.plan_for` (fixed seed: the same
    competition always gives the same plan); empty frames when there is nothing to plan."""
    if not result.ok:
        return pd.DataFrame(), pd.DataFrame()
    return plan_for(result, target=target)


@dataclass(frozen=True)
class CategoryPlan:
    """One category's plan: the table (judges per entry, entries per judge, chance that the
    winner is the best, the recommended row marked), the sentence naming the recommended
    size (or saying the target is out of reach) and whether it is reached."""

    table: pd.DataFrame
    sentence: str
    reached: bool


def _percent(value: float, lang: str) -> str:
    """A chance as a whole percentage without the sign (the messages add "%")."""
    return format_number(100 * float(value), lang, 0)


def category_plan(plan: pd.DataFrame, result: Result, category: str, target: float,
                  lang: str) -> CategoryPlan | None:
    """The :class:`CategoryPlan` of ``category`` from the plan frame (None when the plan
    does not cover it: fewer than two entries or no judges)."""
    rows = plan[plan["category"] == category] if not plan.empty else plan
    if rows.empty:
        return None
    label = _category_label(result, category, lang)
    chosen = rows[rows["recommended"]]
    reached = not chosen.empty
    row = (chosen if reached else rows.tail(1)).iloc[0]
    key = "fairness.plan.recommend" if reached else "fairness.plan.out_of_reach"
    sentence = t(key, lang, category=label, per_entry=int(row["per_entry"]),
                 per_judge=int(row["entries_per_judge"]), judges=int(row["judges"]),
                 percent=_percent(row["p_best_wins"], lang), target=_percent(target, lang))
    mark = "✓ " + t("app.fair.plan.recommended_mark", lang)
    table = pd.DataFrame({
        t("app.fair.plan.col.per_entry", lang): rows["per_entry"].astype(int).to_numpy(),
        t("app.fair.plan.col.per_judge", lang): rows["entries_per_judge"].astype(int)
        .to_numpy(),
        t("app.fair.plan.col.chance", lang): [percent_text(p, lang)
                                              for p in rows["p_best_wins"]],
        t("app.fair.plan.col.recommended", lang): [mark if r else ""
                                                   for r in rows["recommended"]],
    })
    return CategoryPlan(table, sentence, reached)


def _category_label(result: Result, category: str, lang: str) -> str:
    for item in result.rubric.categories:
        if item.id == category:
            return item.label(lang)
    return category


def assumption_lines(assumptions: pd.DataFrame, result: Result, lang: str) -> list[str]:
    """The model's assumptions: the heading sentence (``fairness.plan.assumptions``), then
    one line per category with its estimated spreads (``fairness.plan.model``)."""
    if assumptions.empty:
        return []
    lines = [t("fairness.plan.assumptions", lang)]
    for row in assumptions.to_dict("records"):
        lines.append(t("fairness.plan.model", lang,
                       category=_category_label(result, str(row["category"]), lang),
                       entries=int(row["entries"]), judges=int(row["judges"]),
                       quality_sd=number_text(row["quality_sd"], lang),
                       offset_sd=number_text(row["offset_sd"], lang),
                       noise_sd=number_text(row["noise_sd"], lang)).strip())
    return lines
