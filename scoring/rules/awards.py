"""Award rules: how a category's award settings turn ranks and totals into awards.

Words used here:
- *award rule*: one kind of award a rubric's ``awards`` (or ``awards.categories.<id>``)
  lists under a key: ``places`` (Juara I, II, III, Harapan I … by rank) or ``bands``
  (Emas ≥ 75 … by score). Each is registered here by that key, with its label and its
  implementation, :meth:`AwardRule.assign`.
- *place*: given to final rank 1, 2, 3 …; entries sharing a rank share its place (juara
  kembar), and with standard competition ranks the next entry takes the place of its own
  rank (1, 2, 2, 4: no third place).
- *band*: the highest band whose threshold the total reaches (totals compared in nano units,
  so float noise never moves an entry across a threshold).
- *eligible*: the rows that may get an award at all (decided by :mod:`scoring.awards`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from scoring.rounding import to_nano
from scoring.rules.registry import Registry, Rule


@dataclass(frozen=True)
class AwardRule(Rule, ABC):
    """An award rule; ``assign`` writes its columns for the eligible rows."""

    @abstractmethod
    def assign(self, out: pd.DataFrame, eligible: pd.Series, settings: Sequence[Any],
               lang: str) -> None:
        """Write this rule's columns of ``out`` for the rows ``eligible`` marks, from the
        category's ``settings`` (labels in ``lang``)."""


@dataclass(frozen=True)
class Places(AwardRule):
    def assign(self, out: pd.DataFrame, eligible: pd.Series, settings: Sequence[Any],
               lang: str) -> None:
        """``place_index`` (0 for the first place), ``place``, ``reward`` and ``amount`` from
        each eligible row's ``rank``; ``settings``: the rubric's places, first place first."""
        index = out["rank"] - 1
        placed = eligible & (index < len(settings))
        out.loc[placed, "place_index"] = index[placed]
        table = pd.DataFrame([{"place": p.label(lang), "reward": p.reward or "",
                               "amount": np.nan if p.amount is None else p.amount}
                              for p in settings])
        chosen = table.reindex(out.loc[placed, "place_index"].to_numpy())
        for column in ("place", "reward", "amount"):
            out.loc[placed, column] = chosen[column].to_numpy()


@dataclass(frozen=True)
class Bands(AwardRule):
    def assign(self, out: pd.DataFrame, eligible: pd.Series, settings: Sequence[Any],
               lang: str) -> None:
        """``band`` from each eligible row's ``total``; ``settings``: the rubric's bands,
        highest threshold first."""
        thresholds = np.array([b.min for b in settings])
        labels = np.array([b.label(lang) for b in settings] + [""], dtype=object)
        reaches = to_nano(out.loc[eligible, "total"])[:, None] >= to_nano(thresholds)[None, :]
        # the first (highest) band the total reaches; len(bands) when none
        first = np.argmax(reaches, axis=1)
        reached = reaches.any(axis=1)
        out.loc[eligible, "band"] = labels[np.where(reached, first, len(settings))]


AWARD_RULES: Registry[AwardRule] = Registry("award rule")
AWARD_RULES.register(Places("places", "award.rule.places"))
AWARD_RULES.register(Bands("bands", "award.rule.bands"))
