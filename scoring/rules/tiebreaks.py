"""Tie-break rules: each gives every entry a value, higher winning, to compare entries still
tied.

Words used here:
- *tie-break*: a rubric's ``tie_breaks`` item — ``criterion: <id>`` compares the panel's part
  for a criterion or group (keyed ``criterion:<id>`` in results); ``rule: <name>`` names a
  rule registered here, which compares something about the judges' totals.
- *context*: what a rule may look at — the panel's figures per entry (``standings``, one row
  per entry, indexed by entry id) and each judge's total per entry (``judge_totals``).

As in Tabbycat's standings, the rubric's precedence is an ordered list of keys, and the app's
choices come from :data:`TIE_BREAKS`, so they cannot drift from the code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import pandas as pd

from scoring.rules.registry import Registry, Rule


@dataclass(frozen=True)
class Context:
    standings: pd.DataFrame
    judge_totals: pd.DataFrame

    def by_entry(self) -> pd.core.groupby.SeriesGroupBy:
        """The judges' totals grouped by entry."""
        return self.judge_totals.groupby("entry_id", observed=True)["total"]


@dataclass(frozen=True)
class TieBreakRule(Rule):
    """A named tie-break; ``compute`` gives each entry of the context its value."""

    compute: Callable[[Context], pd.Series] = field(kw_only=True)


def _most_first_places(ctx: Context) -> pd.Series:
    """How many judges gave the entry their highest total of the category (a judge's equal
    highest totals each count)."""
    totals = ctx.judge_totals
    best = totals.groupby(["category", "judge_id"], observed=True)["total"].transform("max")
    firsts = totals.assign(first=(totals["total"] == best).astype(int))
    return firsts.groupby("entry_id", observed=True)["first"].sum()


TIE_BREAKS: Registry[TieBreakRule] = Registry("tie-break rule")
TIE_BREAKS.register(TieBreakRule("median_judge_total", "tiebreak.median_judge_total",
                                 compute=lambda ctx: ctx.by_entry().median()))
TIE_BREAKS.register(TieBreakRule("mean_judge_total", "tiebreak.mean_judge_total",
                                 compute=lambda ctx: ctx.by_entry().mean()))
TIE_BREAKS.register(TieBreakRule("most_first_places", "tiebreak.most_first_places",
                                 compute=_most_first_places))
TIE_BREAKS.register(TieBreakRule("highest_lowest_judge_total",
                                 "tiebreak.highest_lowest_judge_total",
                                 compute=lambda ctx: ctx.by_entry().min()))


class TieBreakItem(Protocol):
    """A rubric's tie-break item (:class:`scoring.rubric.TieBreak`)."""

    criterion: str | None
    rule: str | None


def values(item: TieBreakItem, ctx: Context) -> pd.Series:
    """The item's value for every entry in ``ctx.standings`` (higher is better)."""
    if item.criterion is not None:
        return ctx.standings[item.criterion]
    return TIE_BREAKS.get(str(item.rule)).compute(ctx).reindex(ctx.standings.index)
