"""Tie-break rules: a registry keyed by name, each giving every entry a value (higher wins).

Words used here:
- *rule*: how to compare entries still tied; ``criterion:<id>`` compares the panel's part for
  a criterion or group, the named rules compare something about the judges' totals.
- *context*: what a rule may look at — the panel's figures per entry (``standings``, one row
  per entry, indexed by entry id) and each judge's total per entry (``judge_totals``).

As in Tabbycat's standings, the rubric's precedence is an ordered list of keys, and the app's
choices come from :data:`RULES`, so they cannot drift from the code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from scoring.rubric import TIE_BREAK_RULES, TieBreak


@dataclass(frozen=True)
class Context:
    standings: pd.DataFrame
    judge_totals: pd.DataFrame


def _by_entry(ctx: Context) -> pd.core.groupby.SeriesGroupBy:
    return ctx.judge_totals.groupby("entry_id", observed=True)["total"]


def _most_first_places(ctx: Context) -> pd.Series:
    totals = ctx.judge_totals
    best = totals.groupby(["category", "judge_id"], observed=True)["total"].transform("max")
    firsts = totals.assign(first=(totals["total"] == best).astype(int))
    return firsts.groupby("entry_id", observed=True)["first"].sum()


RULES: dict[str, Callable[[Context], pd.Series]] = {
    "median_judge_total": lambda ctx: _by_entry(ctx).median(),
    "mean_judge_total": lambda ctx: _by_entry(ctx).mean(),
    "most_first_places": _most_first_places,
    "highest_lowest_judge_total": lambda ctx: _by_entry(ctx).min(),
}
"""Named rules; ``message`` ids ``tiebreak.<name>`` describe them in both languages."""

assert tuple(RULES) == TIE_BREAK_RULES, "rubric.TIE_BREAK_RULES and RULES must agree"


def values(rule: TieBreak, ctx: Context) -> pd.Series:
    """The rule's value for every entry in ``ctx.standings`` (higher is better)."""
    if rule.criterion is not None:
        return ctx.standings[rule.criterion]
    return RULES[str(rule.rule)](ctx).reindex(ctx.standings.index)
