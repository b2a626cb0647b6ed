"""The Result of scoring a competition, and its JSON form.

Words used here:
- *standings*: one row per ranked entry: ``entry_id, name, category, n_judges, total``, the
  panel's part for every criterion and group (columns named by node id), ``rank_sum`` (rank-sum
  panels only), ``rank, tied, decided_by, eligible, place, place_index, reward, amount, band``
  and ``trim_fallback``. Sorted by category (rubric order) and rank.
- *judge totals*: one row per entry and judge with that judge's parts and total.
- *panel scores*: one row per entry with the panel's score for each leaf criterion in the
  criterion's own scale (what the heatmap shows).
- *fingerprint*: sha256 over the rubric, the entries and every score as given; printed on every
  export so that anyone can check a result was made from the same inputs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from scoring.entries import Entries
from scoring.i18n import DEFAULT_LANGUAGE, t
from scoring.problems import Problem, has_errors
from scoring.ranking import Tie
from scoring.rubric import Rubric


@dataclass(frozen=True)
class Result:
    rubric: Rubric
    entries: Entries
    fingerprint: str
    scores: pd.DataFrame
    problems: tuple[Problem, ...]
    standings: pd.DataFrame = field(default_factory=pd.DataFrame)
    judge_totals: pd.DataFrame = field(default_factory=pd.DataFrame)
    panel_scores: pd.DataFrame = field(default_factory=pd.DataFrame)
    ties: tuple[Tie, ...] = ()

    @property
    def ok(self) -> bool:
        """A result exists: no problem is an error."""
        return not has_errors(self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    def category(self, category_id: str) -> pd.DataFrame:
        """The standings of one category in rank order."""
        if self.standings.empty:
            return self.standings
        rows = self.standings[self.standings["category"] == category_id]
        return rows.sort_values(["rank", "entry_id"]).reset_index(drop=True)

    def subtotal_columns(self) -> list[str]:
        """Node ids in document order (groups and leaves)."""
        return [node.id for node, _, _ in self.rubric.walk()]

    def tie_rule_label(self, key: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """A tie-break key as people read it: ``criterion:risalah`` → "nilai Risalah"."""
        if key.startswith("criterion:"):
            node = self.rubric.nodes[key.split(":", 1)[1]]
            return t("tiebreak.criterion", lang, name=node.label(lang))
        return t(f"tiebreak.{key}", lang)

    def to_json_dict(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, object]:
        """The documented JSON shape (README, "The CLI"); numbers as rounded by the rubric."""
        categories: dict[str, list[dict[str, object]]] = {}
        nodes = self.subtotal_columns()
        for category_id in self.rubric.category_ids:
            rows = []
            for row in self.category(category_id).to_dict("records"):
                item: dict[str, object] = {
                    "entry_id": row["entry_id"],
                    "name": row["name"],
                    "rank": int(row["rank"]),
                    "tied": bool(row["tied"]),
                    "total": _number(row["total"]),
                    "subtotals": {n: _number(row[n]) for n in nodes if pd.notna(row[n])},
                    "award": row["place"] or row["band"] or None,
                    "place": row["place"] or None,
                    "band": row["band"] or None,
                    "reward": row["reward"] or None,
                    "decided_by": row["decided_by"] or None,
                    "n_judges": int(row["n_judges"]),
                }
                if "rank_sum" in row:
                    item["rank_sum"] = _number(row["rank_sum"])
                rows.append(item)
            categories[category_id] = rows
        return {
            "fingerprint": self.fingerprint,
            "rubric": {"id": self.rubric.id, "version": self.rubric.version,
                       "fingerprint": self.rubric.fingerprint},
            "categories": categories,
            "ties": [
                {"category": tie.category, "rank": tie.rank, "entries": list(tie.entries),
                 "steps": [{"rule": s.rule, "separated": s.separated,
                            "values": {e: _number(v) for e, v in s.values}}
                           for s in tie.steps],
                 "unresolved": [list(group) for group in tie.unresolved]}
                for tie in self.ties],
            "problems": [p.to_dict(lang) for p in self.problems],
        }

    def to_json(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return json.dumps(self.to_json_dict(lang), ensure_ascii=False, indent=2, sort_keys=False)


def _number(value: object) -> float | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() else round(number, 9)
