"""The Result of scoring a competition, and its JSON form.

Words used here:
- *standings*: one row per ranked entry: ``entry_id, name, category, n_judges, total``, the
  panel's part for every criterion and group (columns named by node id), ``rank_sum`` (rank-sum
  panels only), ``deciding`` (the figure the rank was decided on: the rank sum, lowest wins,
  for a rank-sum panel, else the total; :meth:`Result.deciding_column`),
  ``rank, tied, decided_by, eligible, place, place_index, reward, amount, band``
  and ``trim_fallback``; with entry inputs, one column per input id; where a formula makes
  the total, ``panel`` (the panel's own total) and ``worked`` (the formula's worked line,
  in the language ``score`` was given). Sorted by category (rubric order) and rank.
- *judge totals*: one row per entry and judge with that judge's parts and total.
- *panel scores*: one row per entry with the panel's score for each leaf criterion in the
  criterion's own scale (what the heatmap shows).
- *fingerprint*: sha256 over the rubric, the entries and every score as given; printed on every
  export so that anyone can check a result was made from the same inputs.
- *normalised totals*: when the rubric normalises judges (``normalisation``), one row per entry
  and judge, ``entry_id, category, judge_id, total, raw_total``: the total the panel combined
  and the total as the judge gave it; empty without normalisation. *judge offsets*: the fitted
  offset, slope and count per category and judge (:data:`scoring.normalise.OFFSET_COLUMNS`).
- *confidence*: each ranked entry's probability of each award place, rank interval, margin to
  the next entry and too-close flag (:mod:`scoring.confidence`), computed on demand with a
  fixed seed — not by ``score()``, which stays fast — and kept, so the JSON and the workbook
  show the same figures and an export is the same byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from scoring.confidence import INTERVAL, N_RESAMPLES, confidence_for
from scoring.entries import Entries
from scoring.i18n import DEFAULT_LANGUAGE, t
from scoring.problems import HasProblems, Problem, has_errors
from scoring.ranking import Tie
from scoring.rubric import Rubric, Stage
from scoring.rules.panel import PANEL_RULES

CONFIDENCE_RESAMPLES = N_RESAMPLES
"""Resamples behind the confidence figures of the JSON and the workbook."""
CONFIDENCE_SEED = 0
"""Their seed: the same inputs give the same figures, byte for byte."""
CONFIDENCE_INTERVAL = INTERVAL
JSON_SCHEMA = 2
"""The version of the JSON shape: 2 added ``schema``, each entry's ``inputs``, ``panel`` and
``worked`` (with entry inputs and a total formula), and, for a competition in stages, each
entry's ``stage`` and the top-level ``stages``; a rank is null for an entry a gate stopped."""


@dataclass(frozen=True)
class StageResult:
    """One stage of a competition in stages (:mod:`scoring.stages`): who took part, who went
    on, a scored stage's own result (None for a gate) and a gate's reasons (entry id -> the
    ids of the inputs that were "no")."""

    stage: Stage
    entered: tuple[str, ...]
    advanced: tuple[str, ...]
    result: Result | None = None
    reasons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def reason(self, entry_id: str, rubric: Rubric, lang: str = DEFAULT_LANGUAGE) -> str:
        """Why a gate stopped an entry: "Tidak lolos: Risalah diserahkan"; "" if it did not."""
        if entry_id not in self.reasons:
            return ""
        names = ", ".join(rubric.input(i).label(lang) for i in self.reasons[entry_id])
        return t("stage.gate_failed", lang, reason=names)


@dataclass(frozen=True)
class Result(HasProblems):
    rubric: Rubric
    entries: Entries
    fingerprint: str
    scores: pd.DataFrame
    problems: tuple[Problem, ...]
    standings: pd.DataFrame = field(default_factory=pd.DataFrame)
    judge_totals: pd.DataFrame = field(default_factory=pd.DataFrame)
    panel_scores: pd.DataFrame = field(default_factory=pd.DataFrame)
    ties: tuple[Tie, ...] = ()
    normalised_totals: pd.DataFrame = field(default_factory=pd.DataFrame)
    judge_offsets: pd.DataFrame = field(default_factory=pd.DataFrame)
    stages: tuple[StageResult, ...] = ()
    _cache: dict[tuple[object, ...], object] = field(default_factory=dict, init=False,
                                                     repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """A result exists: no problem is an error."""
        return not has_errors(self.problems)

    @property
    def panel_totals(self) -> pd.DataFrame:
        """``entry_id, category, judge_id, total``: each judge's total as the panel combined
        it — normalised when the rubric normalises, else as the judge gave it."""
        source = (self.normalised_totals if not self.normalised_totals.empty
                  else self.judge_totals)
        if source.empty:
            return source
        return source.loc[:, ["entry_id", "category", "judge_id", "total"]]

    def confidence(self, *, n_resamples: int = CONFIDENCE_RESAMPLES, seed: int = CONFIDENCE_SEED
                   ) -> tuple[pd.DataFrame, list[Problem]]:
        """Rank confidence of the standings (:func:`scoring.confidence.confidence_for`),
        computed once per ``(n_resamples, seed)`` and kept. Empty without standings."""
        key = ("confidence", n_resamples, seed)
        if key not in self._cache:
            self._cache[key] = confidence_for(self, n_resamples=n_resamples, seed=seed)
        frame, problems = self._cache[key]  # type: ignore[misc]
        return frame, list(problems)

    def category(self, category_id: str) -> pd.DataFrame:
        """The standings of one category in rank order."""
        if self.standings.empty:
            return self.standings
        rows = self.standings[self.standings["category"] == category_id]
        return rows.sort_values(["rank", "entry_id"]).reset_index(drop=True)

    def subtotal_columns(self) -> list[str]:
        """Node ids in document order (groups and leaves)."""
        return [node.id for node, _, _ in self.rubric.walk()]

    def deciding_column(self, category_id: str) -> str:
        """The standings column a category's ranks were decided on: the rank rule's figure
        (``rank_sum``, lowest wins) when the category's panel ranks, else ``total``; the
        standings repeat it as ``deciding``."""
        rule = self.rubric.panel_for(category_id).rule
        return rule if PANEL_RULES.get(rule).ranks else "total"

    def deciding_label(self, category_id: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """The heading of a category's deciding figure: "Jumlah peringkat" or "Nilai akhir"."""
        return t(f"col.{self.deciding_column(category_id)}", lang)

    def tie_rule_label(self, key: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """A tie-break key as people read it: ``criterion:risalah`` → "nilai Risalah"."""
        if key.startswith("criterion:"):
            node = self.rubric.nodes[key.split(":", 1)[1]]
            return t("tiebreak.criterion", lang, name=node.label(lang))
        return t(f"tiebreak.{key}", lang)

    def to_json_dict(self, lang: str = DEFAULT_LANGUAGE, *, confidence: bool = True
                     ) -> dict[str, object]:
        """The documented JSON shape (README, "The CLI"); numbers as rounded by the rubric.
        ``confidence``: include each entry's rank confidence (seeded, so the text is the same
        on every run; about a quarter of a second for 60 entries × 5 judges, some seconds for
        5,000 × 7; computed once per result and kept)."""
        categories: dict[str, list[dict[str, object]]] = {}
        nodes = self.subtotal_columns()
        sure = (self._confidence_by_entry() if confidence and self.ok and not self.stages
                else {})
        for category_id in self.rubric.category_ids:
            rows = []
            for row in self.category(category_id).to_dict("records"):
                item: dict[str, object] = {
                    "entry_id": row["entry_id"],
                    "name": row["name"],
                    "rank": _number(row["rank"]),
                    "tied": bool(row["tied"]),
                    "total": _number(row["total"]),
                    "subtotals": {n: _number(row[n]) for n in nodes if pd.notna(row[n])},
                    "award": row["place"] or row["band"] or None,
                    "place": row["place"] or None,
                    "band": row["band"] or None,
                    "reward": row["reward"] or None,
                    "decided_by": row["decided_by"] or None,
                    "n_judges": _number(row["n_judges"]),
                }
                if "rank_sum" in row:
                    item["rank_sum"] = _number(row["rank_sum"])
                item["deciding"] = _number(row["deciding"])
                if self.rubric.inputs:
                    item["inputs"] = {i.id: _number(row[i.id]) for i in self.rubric.inputs}
                if row.get("worked"):
                    item["panel"] = _number(row["panel"])
                    item["worked"] = row["worked"]
                if self.stages:
                    item["stage"] = {
                        "reached": row["reached"], "rank": _number(row["stage_rank"]),
                        "reason": self._stage_reason(row["entry_id"], lang),
                        "totals": {s.stage.id: _number(row[s.stage.id]) for s in self.stages
                                   if s.result is not None}}
                if (category_id, row["entry_id"]) in sure:
                    item["confidence"] = sure[(category_id, row["entry_id"])]
                rows.append(item)
            categories[category_id] = rows
        chosen = self.rubric.normalisation
        normalisation: dict[str, object] = {"method": chosen.method,
                                            "min_scores": chosen.min_scores}
        if not self.judge_offsets.empty:
            normalisation["judges"] = [
                {"category": r["category"], "judge_id": r["judge_id"],
                 "n_scores": int(r["n_scores"]), "offset": _number(round(r["offset"], 6)),
                 "slope": _number(round(r["slope"], 6)),
                 "spread_weight": _number(round(r.get("spread_weight", 1.0), 6))}
                for r in self.judge_offsets.to_dict("records")]
        out: dict[str, object] = {
            "schema": JSON_SCHEMA,
            "fingerprint": self.fingerprint,
            "rubric": {"id": self.rubric.id, "version": self.rubric.version,
                       "fingerprint": self.rubric.fingerprint},
            "normalisation": normalisation,
            "deciding": {c: self.deciding_column(c) for c in self.rubric.category_ids},
        }
        if self.stages:
            out["stages"] = [_stage_json(s, self.rubric, lang) for s in self.stages]
        if sure:
            out["confidence"] = {"method": "calibrated", "resamples": CONFIDENCE_RESAMPLES,
                                 "seed": CONFIDENCE_SEED, "interval": CONFIDENCE_INTERVAL,
                                 "too_close_below": self.rubric.confidence.too_close_below}
        return {
            **out,
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

    def _stage_reason(self, entry_id: str, lang: str) -> str | None:
        """The reason a gate stopped the entry, in ``lang``; None when none did."""
        for step in self.stages:
            if entry_id in step.reasons:
                return step.reason(entry_id, self.rubric, lang)
        return None

    def to_json(self, lang: str = DEFAULT_LANGUAGE, *, confidence: bool = True) -> str:
        return json.dumps(self.to_json_dict(lang, confidence=confidence), ensure_ascii=False,
                          indent=2, sort_keys=False)

    def _confidence_by_entry(self) -> dict[tuple[str, str], dict[str, object]]:
        frame, _ = self.confidence()
        if frame.empty:
            return {}
        places = [c for c in frame.columns if c.startswith("p_place_")]
        out = {}
        for row in frame.to_dict("records"):
            n_places = len(self.rubric.awards.for_category(row["category"]).places)
            out[(row["category"], row["entry_id"])] = {
                "p_own_place": _probability(row["p_own_place"]),
                "p_places": [_probability(row[c]) for c in places[:n_places]],
                "p_awarded": _probability(row["p_awarded"]),
                "rank_interval": [_number(row["rank_low"]), _number(row["rank_high"])],
                "margin_next": _number(None if pd.isna(row["margin_next"])
                                       else round(float(row["margin_next"]), 6)),
                "too_close": bool(row["too_close"]),
            }
        return out


def _probability(value: object) -> float | None:
    if value is None or pd.isna(value):
        return None
    return round(float(value), 4)  # type: ignore[arg-type]


def _number(value: object) -> float | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() else round(number, 9)


def _stage_json(step: StageResult, rubric: Rubric, lang: str) -> dict[str, object]:
    """One stage in the JSON: who took part and went on, a gate's reasons, a scored stage's
    ranking per category."""
    out: dict[str, object] = {"id": step.stage.id, "name": step.stage.label(lang),
                              "kind": step.stage.kind, "entered": len(step.entered),
                              "advanced": list(step.advanced)}
    if step.reasons:
        out["failed"] = [{"entry_id": e, "inputs": list(ids),
                          "reason": step.reason(e, rubric, lang)}
                         for e, ids in step.reasons.items()]
    if step.result is not None and not step.result.standings.empty:
        out["categories"] = {
            c: [{"entry_id": r["entry_id"], "rank": _number(r["rank"]),
                 "tied": bool(r["tied"]), "total": _number(r["total"]),
                 "decided_by": r["decided_by"] or None,
                 **({"worked": r["worked"]} if r.get("worked") else {})}
                for r in step.result.category(c).to_dict("records")]
            for c in rubric.category_ids}
    return out
