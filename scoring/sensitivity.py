"""Sensitivity report: the ranking under each panel rule and normalisation, side by side.

Words used here:

- *official rank*: the rank :func:`scoring.pipeline.score` gives under the rubric as written
  (its panel rule, tie-breaks and rounding).
- *variant*: the same competition under another panel rule (:data:`RULES`, from the
  registry :data:`scoring.rules.panel.PANEL_RULES`: ``mean``, ``median``, ``trimmed_mean``)
  or another normalisation (:data:`NORMALISATIONS`, from
  :data:`scoring.rules.normalisation.NORMALISATIONS`: ``zscore``, ``severity``,
  ``leniency_spread`` — each judge's total normalised with :func:`scoring.normalise.normalise`
  and combined with the rubric's panel rule, or the mean when the rubric uses rank sums).
- *from the judges' totals*: every variant starts from the official result's per-judge
  parts and totals (the marks are read, checked and weighted once, not once per variant):
  the variant's panel weights combine the judges' parts, rounded as the rubric rounds them,
  and the entries are ranked with the rubric's tie-breaks (on the rounded figures). Only a
  rubric that applies its rule to each criterion has its rule variants scored again in full,
  since those need the judges' criterion scores.
- *place*: the award place an entry's rank gives (rank ≤ the category's number of places),
  or "no place". An entry's place *changes* when a variant gives it another place; moving
  from 12th to 15th is a rank change but not a place change.

A variant the data cannot support (for example the severity model on a disconnected design)
gets no ranks (NaN) and its problems are returned. A rubric whose places are all safe under
every variant is robust to these choices; an entry whose place changes deserves a look
before the results are announced — not a different result: the rubric decides.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from scoring import panel as panel_rules
from scoring import ranking
from scoring.entries import Entries
from scoring.normalise import normalise, total_bounds
from scoring.pipeline import ENTRY_KEYS, _round_parts, score
from scoring.problems import Problem, warning
from scoring.result import Result
from scoring.rubric import Panel, Rubric
from scoring.rules import tiebreaks
from scoring.rules.normalisation import NORMALISATIONS as NORMALISATION_RULES
from scoring.rules.panel import PANEL_RULES
from scoring.totals import TOTAL

RULES = tuple(rule.name for rule in PANEL_RULES if rule.compared)
"""The panel rules compared: every registered rule that can stand in for another (not the
rank sum, which needs every judge to rank every entry)."""
NORMALISATIONS = tuple(method.name for method in NORMALISATION_RULES if method.active)
"""The normalisations compared: every registered method that changes the totals."""
VARIANTS = (*RULES, *NORMALISATIONS)


def _variant_rubric(rubric: Rubric, **changes: object) -> Rubric:
    """The rubric with parts replaced. Built anew rather than with ``model_copy``, which would
    carry the original's cached fingerprint and tree into the copy."""
    data = rubric.model_dump()
    for key, value in changes.items():
        data[key] = value
    return Rubric.model_validate(data)


def _raw_rubric(rubric: Rubric) -> Rubric:
    """The rubric without its own normalisation, when it has one (so variants start from the
    judges' totals as given)."""
    if not rubric.normalisation.active:
        return rubric
    return _variant_rubric(rubric, normalisation={**rubric.normalisation.model_dump(),
                                                  "method": "none"})


def _ranks_from_judges(judge_parts: pd.DataFrame, rubric: Rubric, panel: Panel
                       ) -> pd.Series:
    """Each entry's rank when ``panel`` combines the judges' parts and totals (one row per
    entry and judge): see :func:`ranked_from_judges`."""
    return ranked_from_judges(judge_parts, rubric, panel).set_index("entry_id")["rank"].astype(
        float)


def ranked_from_judges(judge_parts: pd.DataFrame, rubric: Rubric, panel: Panel
                       ) -> pd.DataFrame:
    """The panel's ranking when ``panel`` combines the judges' parts and totals (one row per
    entry and judge): the panel's parts rounded as the rubric rounds them, then ranked on the
    total with the rubric's tie-breaks. One row per entry: ``entry_id, category, total,
    rank, tied``."""
    columns = [c for c in judge_parts.columns if c not in (*ENTRY_KEYS, "judge_id")
               and pd.api.types.is_numeric_dtype(judge_parts[c])]
    weights, _ = panel_rules.panel_weights(judge_parts, ENTRY_KEYS, TOTAL, panel)
    parts = panel_rules.combine(judge_parts, ENTRY_KEYS, columns, weights)
    parts = _round_parts(parts, rubric).reset_index().set_index("entry_id")
    context = tiebreaks.Context(parts, judge_parts)
    keys = pd.DataFrame({"entry_id": parts.index, "category": parts["category"].to_numpy(),
                         "_primary": parts[TOTAL].to_numpy()})
    rule_keys = [rule.key for rule in rubric.tie_breaks]
    for rule in rubric.tie_breaks:
        keys[rule.key] = tiebreaks.values(rule, context).to_numpy()
    keys[TOTAL] = parts[TOTAL].to_numpy()
    ranked, _ = ranking.rank(keys, ["_primary", *rule_keys], rule_keys)
    return ranked.loc[:, ["entry_id", "category", TOTAL, "rank", "tied"]]


def _normalised_ranks(judge_parts: pd.DataFrame, rubric: Rubric, method: str,
                      min_scores: int) -> tuple[pd.Series, list[Problem]]:
    adjusted, _, problems = normalise(judge_parts, method, min_scores=min_scores,
                                      bounds=total_bounds(rubric))
    blocked = {p.params.get("category") for p in problems if p.is_error}
    rule = rubric.panel
    if not PANEL_RULES.get(rule.rule).normalisable:
        rule = rule.model_copy(update={"rule": "mean"})
    ranks = _ranks_from_judges(adjusted.drop(columns="raw_total"), rubric, rule)
    categories = judge_parts.drop_duplicates("entry_id").set_index("entry_id")["category"]
    return ranks.where(~categories.reindex(ranks.index).isin(blocked)), problems


def sensitivity(rubric: Rubric, entries: Entries, scores: pd.DataFrame, *,
                variants: Sequence[str] = VARIANTS, min_scores: int | None = None,
                official: Result | None = None,
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """Each entry's official rank beside its rank under each variant.

    Returns ``(frame, problems)``: one row per ranked entry with ``entry_id, name, category,
    official_rank, place`` (the official place's label), ``rank_<variant>`` for each variant,
    ``rank_changed`` (some variant ranks it otherwise) and ``changed`` (some variant gives it
    another award place; with no places in the rubric, any rank change), in official order;
    ``problems``: a warning per category whose places change, and the problems that kept a
    variant from being computed. When the official result has errors the frame is empty and
    its errors are returned. ``min_scores``: the fewest scores per judge for the normalised
    variants (default: the rubric's ``normalisation.min_scores``). ``official``: the result
    of ``score(rubric, entries, scores)`` when the caller has it already (saves scoring again).
    """
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        raise ValueError(f"unknown variant(s) {', '.join(unknown)}; use {', '.join(VARIANTS)}")
    if min_scores is None:
        min_scores = rubric.normalisation.min_scores
    if official is None:
        official = score(rubric, entries, scores)
    if not official.ok:
        return pd.DataFrame(), list(official.errors)
    base = official.standings[["entry_id", "name", "category", "rank", "place"]].rename(
        columns={"rank": "official_rank"})
    frame = base.set_index("entry_id")
    problems: list[Problem] = []
    raw = _raw_rubric(rubric)
    judge_parts = official.judge_totals  # the judges' own parts and totals, never normalised
    for variant in variants:
        if variant in RULES:
            if (rubric.panel.apply_to == "criterion"
                    and not PANEL_RULES.get(rubric.panel.rule).per_criterion):
                continue  # not a valid rubric; the loader refuses it already
            if rubric.panel.apply_to == "total":
                panel = raw.panel.model_copy(update={"rule": variant})
                ranks = _ranks_from_judges(judge_parts, raw, panel)
            else:
                changed = _variant_rubric(raw, panel={**raw.panel.model_dump(),
                                                      "rule": variant})
                result = score(changed, entries, scores)
                ranks = (result.standings.set_index("entry_id")["rank"].astype(float)
                         if result.ok else pd.Series(dtype=float))
        else:
            ranks, found = _normalised_ranks(judge_parts, raw, variant, min_scores)
            problems += [p for p in found if p.is_error]
        frame[f"rank_{variant}"] = ranks.reindex(frame.index)

    rank_columns = [f"rank_{v}" for v in variants]
    places = frame["category"].map(
        {c: len(rubric.awards.for_category(c).places) for c in rubric.category_ids})
    ranks = frame[rank_columns].to_numpy(dtype=float)
    official_rank = frame["official_rank"].to_numpy(dtype=float)[:, None]
    known = ~np.isnan(ranks)
    frame["rank_changed"] = (known & (ranks != official_rank)).any(axis=1)
    # a place is the rank when it is within the places, else "none" (P + 1); with no places
    # at all, every rank counts
    limit = np.where(places.to_numpy() > 0, places.to_numpy() + 1, np.inf)[:, None]
    place_of = np.minimum(ranks, limit)
    official_place = np.minimum(official_rank, limit)
    frame["changed"] = (known & (place_of != official_place)).any(axis=1)
    frame = frame.reset_index()
    for category, rows in frame[frame["changed"]].groupby("category", sort=False):
        problems.append(warning("fairness.place_changes", cell=", ".join(rows["entry_id"]),
                                category=category, count=len(rows),
                                names=", ".join(rows["name"])))
    columns = ["entry_id", "name", "category", "official_rank", "place", *rank_columns,
               "rank_changed", "changed"]
    return frame.loc[:, columns], problems
