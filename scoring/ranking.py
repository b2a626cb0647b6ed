"""Ranks per category: standard competition ranks (1, 2, 2, 4), tie-breaks, explicit ties.

Words used here:
- *keys*: the primary value (the total, or minus the rank sum) followed by one value per
  tie-break rule, all "higher is better", compared in nano units (:mod:`scoring.rounding`) so
  float noise never makes or breaks a tie.
- Applying tie-breaks one after another *only inside the group still tied* is the same as
  ordering by the whole tuple of keys, which is how the ranks are computed (vectorised);
  the explanation of which rule separated which entries is then read off tie group by group.
- *tie*: entries equal on the primary value. A tie that no rule separates stays shared (the
  entries share the rank, ``tied`` is true) and is reported for the organisers to decide.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scoring.rounding import to_nano


@dataclass(frozen=True)
class TieStep:
    """One rule applied inside one group still tied: its value for each entry of the group,
    and whether it separated any of them (a rule that leaves them equal is recorded too, so
    the explanation shows every comparison made)."""

    rule: str
    values: tuple[tuple[str, float], ...]
    separated: bool


@dataclass(frozen=True)
class Tie:
    """Entries of one category equal on the primary value, and how the tie was broken."""

    category: str
    rank: int
    entries: tuple[str, ...]
    steps: tuple[TieStep, ...]
    unresolved: tuple[tuple[str, ...], ...]
    """Groups that no rule separated: they share a rank."""


def rank(frame: pd.DataFrame, keys: list[str], rules: list[str]
         ) -> tuple[pd.DataFrame, list[Tie]]:
    """Rank the rows of ``frame`` (columns ``entry_id``, ``category`` and ``keys``).

    ``rules[i]`` names ``keys[i + 1]``. Returns ``frame`` with ``rank``, ``tied`` and
    ``decided_by`` (the rule that separated the entry from those it was tied with, or empty)
    added, in rank order within each category; and the ties found.
    """
    nano = {k: to_nano(frame[k]) for k in keys}
    work = frame.assign(**{f"_k{i}": nano[k] for i, k in enumerate(keys)})
    key_cols = [f"_k{i}" for i in range(len(keys))]
    work = work.sort_values(["category", *key_cols, "entry_id"],
                            ascending=[True] + [False] * len(key_cols) + [True],
                            kind="mergesort")
    previous = work.shift(1)
    same_category = (work["category"] == previous["category"]).to_numpy()
    same_keys = same_category & np.all(
        [(work[c] == previous[c]).to_numpy() for c in key_cols], axis=0)
    position = work.groupby("category", sort=False).cumcount().to_numpy() + 1
    final_rank = pd.Series(np.where(same_keys, np.nan, position), index=work.index).ffill()
    work["rank"] = final_rank.astype(int)
    block = (~same_keys).cumsum()
    work["tied"] = pd.Series(block, index=work.index).map(
        pd.Series(block).value_counts()).to_numpy() > 1
    work["decided_by"] = ""

    ties: list[Tie] = []
    primary = work.groupby(["category", key_cols[0]], sort=False)
    for (category, _), group in primary:
        if len(group) < 2:
            continue
        tie, decided = _explain(group, keys, key_cols, rules)
        ties.append(Tie(str(category), int(group["rank"].min()), tuple(group["entry_id"]),
                        *tie))
        work.loc[list(decided), "decided_by"] = list(decided.values())
    return work.drop(columns=key_cols), ties


def _explain(group: pd.DataFrame, keys: list[str], key_cols: list[str], rules: list[str]
             ) -> tuple[tuple[tuple[TieStep, ...], tuple[tuple[str, ...], ...]], dict]:
    """Which rule separated which entries of one tie group (groups are small: a loop)."""
    steps: list[TieStep] = []
    decided: dict[object, str] = {}
    pending = [group]
    for level, rule in enumerate(rules, start=1):
        still_tied = []
        for sub in pending:
            values = sub[key_cols[level]]
            shown = sub[keys[level]].astype(float)
            steps.append(TieStep(rule, tuple(zip(sub["entry_id"], shown, strict=True)),
                                 separated=values.nunique() > 1))
            for _, part in sub.groupby(key_cols[level], sort=False):
                if len(part) > 1:
                    still_tied.append(part)
                elif values.nunique() > 1:
                    decided[part.index[0]] = rule
        pending = still_tied
    unresolved = tuple(tuple(part["entry_id"]) for part in pending)
    return (tuple(steps), unresolved), decided
