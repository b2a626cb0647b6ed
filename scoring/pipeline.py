"""``score(rubric, entries, scores) -> Result``: the one call the app and the CLI use.

The result is a pure function of its inputs. The steps, each over the whole table at once:

1. check the score table (:mod:`scoring.validate`) and each judge's completeness per entry,
   applying the rubric's ``missing_scores`` rule;
2. each judge's parts and total (:mod:`scoring.totals`);
3. the judges' totals normalised when the rubric says so (:mod:`scoring.normalise`: the
   judge's total is replaced by the normalised one; the judge's subtotals stay as given);
   then the panel's figures (:mod:`scoring.panel`), on judges' totals or per criterion;
4. ranks with tie-breaks per category (:mod:`scoring.ranking`,
   :mod:`scoring.rules.tiebreaks`);
5. award recommendations (:mod:`scoring.awards`).

Errors anywhere block the ranking: the Result then carries the problems and no standings.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

import numpy as np
import pandas as pd

from scoring import awards, inputs, panel, ranking, stages, table
from scoring.entries import Entries
from scoring.normalise import judge_groups, normalise, total_bounds
from scoring.problems import Problem, error, has_errors, warning
from scoring.result import Result
from scoring.rounding import round_half_away
from scoring.rubric import Rubric, fingerprint_of
from scoring.rules import tiebreaks
from scoring.rules.panel import PANEL_RULES, rank_marks
from scoring.totals import (
    TOTAL,
    converted_marks,
    formula_totals,
    node_parts,
    performed,
    weight_matrix,
    worked_lines,
)
from scoring.validate import check_table

ENTRY_KEYS = ["entry_id", "category"]
JUDGE_KEYS = ["entry_id", "category", "judge_id"]


MARK_KEYS = ("entry_id", "category", "judge_id", "criterion_id")
"""The columns that say which mark a score is (its sources left out of the fingerprint)."""


def marks_digest(scores: pd.DataFrame) -> str:
    """sha256 of the marks as a set: each key column (:data:`MARK_KEYS`) as its sorted
    distinct texts and one code per row, the scores as float64 bytes (``-0.0`` as ``0.0``,
    one NaN), rows in sorted order, so the same marks in any order give the same digest.
    Column bytes are hashed whole, without a text copy of every mark."""
    digest = hashlib.sha256()
    codes = []
    for column in MARK_KEYS:
        values = (scores[column].fillna("").astype(str) if column in scores
                  else pd.Series("", index=scores.index, dtype=object))
        found, distinct = pd.factorize(values, sort=True)
        codes.append(found.astype(np.int64))
        digest.update("\x1e".join([column, *map(str, distinct)]).encode() + b"\x1d")
    marks = (pd.to_numeric(scores["score"]).to_numpy(dtype=np.float64, na_value=np.nan)
             if "score" in scores else np.full(len(scores), np.nan)) + 0.0
    marks[np.isnan(marks)] = np.nan
    order = np.lexsort((marks, *reversed(codes)))
    for found in codes:
        digest.update(found[order].tobytes())
    digest.update(marks[order].tobytes())
    return digest.hexdigest()


def fingerprint(rubric: Rubric, entries: Entries, scores: pd.DataFrame,
                entry_inputs: pd.DataFrame | None = None) -> str:
    """sha256 over the rubric, the entries and the scores (:func:`marks_digest`: their
    sources left out, so the same marks typed into another file give the same fingerprint),
    and the entry inputs when there are any."""
    parts = {"rubric": rubric.fingerprint, "entries": fingerprint_of(entries.to_records()),
             "scores": marks_digest(scores)}
    if entry_inputs is not None and not entry_inputs.empty:
        given = entry_inputs.sort_index(kind="mergesort")
        parts["inputs"] = hashlib.sha256(
            given.to_csv(float_format="%.9g").encode()).hexdigest()
    return fingerprint_of(parts)


def _dedupe(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """The same problem found by a reader and by the table check is reported once."""
    seen: dict[tuple[str, str, str, str, str], Problem] = {}
    for p in problems:
        seen.setdefault((p.severity, p.code, p.file, p.sheet, p.cell), p)
    return tuple(seen.values())


def _not_yet_told(incomplete: list[Problem], found: list[Problem], scores: pd.DataFrame
                  ) -> list[Problem]:
    """The gaps of :func:`_complete` less those whose every absent criterion is a cell a
    reader already reported as an error (a score out of range, not a number): one problem
    per bad cell, not a second one for the gap it leaves."""
    judges = scores.groupby("source_file", observed=True)["judge_id"].unique()
    told = {(judge, p.params["entry"], p.params["criterion"])
            for p in found if p.is_error and p.file in judges.index
            and "entry" in p.params and "criterion" in p.params for judge in judges[p.file]}
    return [p for p in incomplete if not told or not all(
        (p.params["judge"], p.params["entry_id"], criterion) in told
        for criterion in str(p.params.get("criterion_ids", "")).split(","))]


def _complete(clean: pd.DataFrame, rubric: Rubric, done: pd.DataFrame
              ) -> tuple[pd.DataFrame, list[Problem]]:
    """Each judge's scores per entry as a leaf matrix, with the ``missing_scores`` rule applied
    to entries a judge scored only in part; ``done`` (entry × leaf, :func:`performed`) says
    which criteria each entry performed: marks of the others are left out, with a warning."""
    wide = clean.pivot_table(index=JUDGE_KEYS, columns="criterion_id", values="score",
                             aggfunc="first", observed=True)
    leaf_ids = [leaf.id for leaf in rubric.leaves]
    wide = wide.reindex(columns=leaf_ids)
    categories = wide.index.get_level_values("category")
    applies = weight_matrix(rubric).reindex(categories).notna().to_numpy()
    entry_done = done.reindex(wide.index.get_level_values("entry_id")).fillna(True)
    applies = applies & entry_done.to_numpy(dtype=bool)
    problems: list[Problem] = []
    extra = ~entry_done.to_numpy(dtype=bool) & wide.notna().to_numpy()
    for row, column in np.argwhere(extra):
        entry_id, _, judge = wide.index[row]
        problems.append(warning("score.not_performed", cell=f"{judge} / {entry_id}",
                                judge=judge, entry_id=entry_id,
                                criterion=rubric.nodes[leaf_ids[column]].name))
    wide = wide.mask(extra)
    missing = applies & wide.isna().to_numpy()
    rows_missing = np.flatnonzero(missing.any(axis=1))
    if len(rows_missing) == 0:
        return wide, problems
    rule = rubric.missing_scores
    code = {"error": "score.incomplete", "minimum": "score.filled_minimum",
            "exclude_judge": "score.judge_excluded"}[rule]
    make = error if rule == "error" else warning
    for row in rows_missing:
        entry_id, _, judge = wide.index[row]
        absent = [leaf_ids[i] for i in np.flatnonzero(missing[row])]
        names = ", ".join(rubric.nodes[c].name for c in absent)
        problems.append(make(code, cell=f"{judge} / {entry_id}", judge=judge,
                             entry_id=entry_id, criteria=names, criterion_ids=",".join(absent)))
    if rule == "minimum":
        minimum = np.array([leaf.scale.min for leaf in rubric.leaves])  # type: ignore[union-attr]
        filled = np.where(missing, minimum[None, :], wide.to_numpy())
        wide = pd.DataFrame(filled, index=wide.index, columns=wide.columns)
    elif rule == "exclude_judge":
        wide = wide.iloc[np.flatnonzero(~missing.any(axis=1))]
    return wide, problems


def _round_parts(parts: pd.DataFrame, rubric: Rubric) -> pd.DataFrame:
    """Round combined parts at the stage each column belongs to."""
    stages = rubric.rounding
    out = parts.copy()
    leaves = [leaf.id for leaf in rubric.leaves]
    groups = [group.id for group in rubric.groups]
    out[leaves] = round_half_away(out[leaves].to_numpy(), stages.weighted_criterion)
    out[groups] = round_half_away(out[groups].to_numpy(), stages.group)
    out[TOTAL] = round_half_away(out[TOTAL], stages.total)
    return out


def _panel(wide: pd.DataFrame, judge_parts: pd.DataFrame, rubric: Rubric, *, rounded: bool
           ) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """The panel's parts and total per entry, its leaf scores, and the trim fallbacks."""
    rule = rubric.panel
    columns = list(judge_parts.columns)
    if rule.apply_to == "total":
        marks = judge_parts.reset_index()
        weights, fallback = panel.panel_weights(marks, ENTRY_KEYS, TOTAL, rule)
        parts = panel.combine(marks, ENTRY_KEYS, columns, weights)
        if rounded:
            parts = _round_parts(parts, rubric)
        leaf_marks = wide.reset_index()
        leaf_scores = panel.combine(leaf_marks, ENTRY_KEYS, list(wide.columns), weights)
        fallbacks = fallback.groupby([marks["entry_id"], marks["category"]]).any()
        return parts, leaf_scores, fallbacks
    long = wide.stack(future_stack=True).dropna().rename("score").reset_index()
    weights, fallback = panel.panel_weights(long, [*ENTRY_KEYS, "criterion_id"], "score", rule)
    combined = panel.combine(long, [*ENTRY_KEYS, "criterion_id"], ["score"], weights)
    leaf_scores = combined["score"].unstack("criterion_id").reindex(columns=wide.columns)
    if rounded:
        leaf_scores = leaf_scores.apply(
            lambda col: round_half_away(col, rubric.rounding.criterion))
    categories = pd.Series(leaf_scores.index.get_level_values("category"),
                           index=leaf_scores.index)
    parts = node_parts(leaf_scores, categories, rubric, rounded=rounded)
    fallbacks = fallback.groupby([long["entry_id"], long["category"]]).any()
    return parts, leaf_scores, fallbacks


def _panels(wide: pd.DataFrame, judge_parts: pd.DataFrame, rubric: Rubric, *, rounded: bool
            ) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """:func:`_panel` for each group of categories sharing a panel rule (a category may
    override the rubric's, ``categories[i].overrides.panel``), put together."""
    found = []
    for chosen, categories in rubric.panel_groups():
        rows = wide.index.get_level_values("category").isin(categories)
        if rows.any():
            mine = judge_parts.index.get_level_values("category").isin(categories)
            found.append(_panel(wide[rows], judge_parts[mine],
                                rubric.model_copy(update={"panel": chosen}), rounded=rounded))
    if len(found) == 1:
        return found[0]
    parts, leaf_scores, fallbacks = (pd.concat(piece) for piece in zip(*found, strict=True))
    return parts, leaf_scores, fallbacks


def _normalised(judge_parts: pd.DataFrame, exact_judge_parts: pd.DataFrame, rubric: Rubric
                ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame,
                           list[Problem]]:
    """The judges' parts with each total replaced by its normalised value (rounded and exact
    figures), the normalised totals, the fitted offsets and the problems of the fit.

    Normalisation acts on each judge's total only: the panel rule then combines normalised
    totals (a trimmed mean drops the highest and lowest *normalised* totals), and the panel's
    subtotals come from the same judges' subtotals as given. Not applied (with a warning) to a
    rank sum or a per-criterion panel, which a rubric file cannot combine with it anyway."""
    chosen = rubric.normalisation
    empty = pd.DataFrame()
    if not chosen.active:
        return judge_parts, exact_judge_parts, empty, empty, []
    if (not PANEL_RULES.get(rubric.panel.rule).normalisable
            or rubric.panel.apply_to == "criterion"):
        return judge_parts, exact_judge_parts, empty, empty, [
            warning("fairness.normalisation_not_applied", method=chosen.method)]
    bounds = total_bounds(rubric)
    adjusted, offsets, problems = normalise(judge_parts[[TOTAL]].reset_index(), chosen.method,
                                            min_scores=chosen.min_scores, bounds=bounds)
    exact, _, _ = normalise(exact_judge_parts[[TOTAL]].reset_index(), chosen.method,
                            min_scores=chosen.min_scores, bounds=bounds)
    parts = judge_parts.copy()
    parts[TOTAL] = adjusted[TOTAL].to_numpy()
    exact_parts = exact_judge_parts.copy()
    exact_parts[TOTAL] = exact[TOTAL].to_numpy()
    return parts, exact_parts, adjusted, offsets, problems


def _rank_figures(judge_parts: pd.DataFrame, name: str) -> tuple[pd.Series, list[Problem]]:
    """A rank rule's figure per entry, higher first (minus the rank sum; the mean rank
    percentile), and its design errors: the rank sum needs every judge to rank every entry,
    the rank percentile a connected panel."""
    totals = judge_parts[[TOTAL]].reset_index()
    rule = PANEL_RULES.get(name)
    problems = []
    for (category, judge), rows in totals.groupby(["category", "judge_id"], observed=True):
        expected = set(totals.loc[totals["category"] == category, "entry_id"])
        absent = sorted(expected - set(rows["entry_id"]))
        if absent and rule.complete:
            problems.append(error("panel.rank_sum_incomplete", cell=str(judge),
                                  category=category, judge=judge, entries=", ".join(absent)))
    if not rule.complete:
        for category, groups in judge_groups(totals).items():
            if len(groups) > 1:
                problems.append(error("panel.rank_disconnected",
                                      cell=", ".join(j for g in groups for j in g),
                                      category=category, count=len(groups),
                                      groups=" · ".join("[" + ", ".join(g) + "]"
                                                        for g in groups)))
    figures = rank_marks(name, totals).groupby([totals["entry_id"], totals["category"]])
    return (figures.sum() if rule.complete else figures.mean()), problems


def _ranked(key_frame: pd.DataFrame, context: tiebreaks.Context, rubric: Rubric
            ) -> tuple[pd.DataFrame, list[ranking.Tie]]:
    """Ranks with the tie-breaks of each group of categories sharing them (a category may
    override the rubric's, ``categories[i].overrides.tie_breaks``)."""
    frames, ties = [], []
    for rules, categories in rubric.tie_break_groups():
        rows = key_frame["category"].isin(categories).to_numpy()
        frame = key_frame[rows].copy()
        keys = [rule.key for rule in rules]
        for rule in rules:
            frame[rule.key] = tiebreaks.values(rule, context).to_numpy()[rows]
        ranked, found = ranking.rank(frame, ["_primary", *keys], keys)
        frames.append(ranked)
        ties += found
    return pd.concat(frames), ties


def score(rubric: Rubric, entries: Entries, scores: pd.DataFrame,
          problems: Iterable[Problem] = (), lang: str = "id",
          entry_inputs: pd.DataFrame | None = None) -> Result:
    """Score a competition: the ranking per category with ties, tie-breaks and awards; a
    rubric with ``stages`` is scored stage by stage (:mod:`scoring.stages`), each scored stage
    as one round. ``problems``, ``lang`` and ``entry_inputs`` as in :func:`score_round`."""
    if not rubric.stages:
        return score_round(rubric, entries, scores, problems, lang, entry_inputs)
    result = stages.score_in_stages(
        rubric, entries, scores, problems, lang, entry_inputs,
        print_id=fingerprint(rubric, entries, table.make(scores), entry_inputs),
        score_round=score_round, rank_final=_ranked)
    return dataclasses.replace(result, problems=_dedupe(result.problems))


def score_round(rubric: Rubric, entries: Entries, scores: pd.DataFrame,
                problems: Iterable[Problem] = (), lang: str = "id",
                entry_inputs: pd.DataFrame | None = None) -> Result:
    """Score one judged round: the ranking per category with ties, tie-breaks and awards.

    ``problems`` are those the readers found; they are carried into the result, and any error
    among them blocks the ranking. ``lang`` is the language of award names in the standings.
    ``entry_inputs``: the input frame read from an inputs file (:mod:`scoring.inputs`), for
    rubrics whose totals are formulas.
    """
    scores = table.make(scores)
    found = [*problems, *entries.check_categories(rubric.category_ids)]
    clean, checked = check_table(scores, rubric, entries)
    found += checked
    print_id = fingerprint(rubric, entries, scores, entry_inputs)
    if clean.empty:
        found.append(error("scores.none"))
        return Result(rubric, entries, print_id, clean, _dedupe(found))

    input_values, missing_inputs = inputs.complete(entry_inputs, rubric, entries)
    found += missing_inputs
    wide, incomplete = _complete(clean, rubric, performed(rubric, input_values))
    found += _not_yet_told(incomplete, found, scores)
    wide = converted_marks(wide, rubric, input_values)
    categories = pd.Series(wide.index.get_level_values("category"), index=wide.index)
    judge_parts = node_parts(wide, categories, rubric, rounded=True)
    exact_judge_parts = node_parts(wide, categories, rubric, rounded=False)

    panel_parts, exact_panel_parts, normalised, offsets, fitted = _normalised(
        judge_parts, exact_judge_parts, rubric)
    found += fitted
    parts, leaf_scores, fallbacks = _panels(wide, panel_parts, rubric, rounded=True)
    exact_parts, _, _ = _panels(wide, exact_panel_parts, rubric, rounded=False)
    parts = formula_totals(parts, input_values, rubric, rounded=True)
    exact_parts = formula_totals(exact_parts, input_values, rubric, rounded=False)
    short = {p.params["entry_id"] for p in missing_inputs}
    for entry_id, _ in parts.index[parts[TOTAL].isna().to_numpy()]:
        if entry_id not in short:
            found.append(error("formula.no_value", cell=entry_id, entry_id=entry_id,
                               name=entries.by_id[entry_id].name))

    judged = set(scores["entry_id"])  # scored but rejected: the errors say why
    found += [warning("entry.unscored", cell=e.id, entry_id=e.id, name=e.name)
              for e in entries if e.id not in judged and e.category in rubric.category_ids]
    for category, count in fallbacks[fallbacks].groupby(level="category").size().items():
        found.append(warning("panel.trim_fallback", category=category, count=int(count),
                             min_judges=rubric.panel_for(str(category)).min_judges))

    figures: list[tuple[str, pd.Series]] = []  # a rank rule's figure, per group using one
    for chosen, in_group in rubric.panel_groups():
        mine = judge_parts[judge_parts.index.get_level_values("category").isin(in_group)]
        if PANEL_RULES.get(chosen.rule).ranks and len(mine):
            figure, rank_problems = _rank_figures(mine, chosen.rule)
            figures.append((chosen.rule, figure))
            found += rank_problems

    standings = parts.reset_index()
    names = {e.id: e.name for e in entries}
    standings.insert(1, "name", standings["entry_id"].map(names))
    counts = judge_parts.groupby(level=["entry_id", "category"]).size()
    standings.insert(3, "n_judges", counts.reindex(parts.index).to_numpy())
    standings["trim_fallback"] = fallbacks.reindex(parts.index).fillna(False).to_numpy()
    if rubric.inputs:
        standings = standings.join(input_values, on="entry_id")
    if "panel" in parts:
        standings["worked"] = worked_lines(parts, input_values, rubric, lang).to_numpy()

    judge_totals = judge_parts.reset_index()
    if has_errors(found):
        return Result(rubric, entries, print_id, clean, _dedupe(found),
                      judge_totals=judge_totals, normalised_totals=normalised,
                      judge_offsets=offsets)

    decided_on = parts if rubric.rounding.ties_on == "rounded" else exact_parts
    # the judge-total tie-breaks look at the totals the panel combined (normalised, if so)
    decided_judges = (panel_parts if rubric.rounding.ties_on == "rounded"
                      else exact_panel_parts).reset_index()
    keyed = decided_on.reset_index().set_index("entry_id")
    context = tiebreaks.Context(keyed, decided_judges)
    key_frame = pd.DataFrame({"entry_id": keyed.index, "category": keyed["category"].to_numpy()})
    key_frame["_primary"] = keyed[TOTAL].to_numpy()
    standings["deciding"] = standings[TOTAL]
    entry_keys = pd.MultiIndex.from_frame(key_frame[["entry_id", "category"]])
    for name, figure in figures:
        values = figure.reindex(parts.index).to_numpy()
        has = ~np.isnan(values)
        shown = -values if name == "rank_sum" else values
        if name not in standings:
            standings[name] = np.nan
        standings.loc[has, name] = shown[has]
        standings.loc[has, "deciding"] = shown[has]
        primary = figure.reindex(entry_keys).to_numpy()
        key_frame["_primary"] = np.where(np.isnan(primary), key_frame["_primary"], primary)
    ranked, ties = _ranked(key_frame, context, rubric)
    standings = standings.merge(ranked[["entry_id", "rank", "tied", "decided_by"]],
                                on="entry_id", how="left")
    standings = awards.recommend(standings, rubric, lang)
    order = {c: i for i, c in enumerate(rubric.category_ids)}
    standings = (standings.assign(_order=standings["category"].map(order))
                 .sort_values(["_order", "rank", "entry_id"]).drop(columns="_order")
                 .reset_index(drop=True))

    places = {c: len(rubric.awards.for_category(c).places) for c in rubric.category_ids}
    for tie in ties:
        for group in tie.unresolved:
            shared = standings.loc[standings["entry_id"].isin(group), "rank"].min()
            if shared <= places.get(tie.category, 0):
                found.append(warning("tie.unresolved", cell=", ".join(group),
                                     category=tie.category, rank=int(shared),
                                     names=", ".join(names[e] for e in group)))
    return Result(rubric, entries, print_id, clean, _dedupe(found), standings=standings,
                  judge_totals=judge_totals, panel_scores=leaf_scores.reset_index(),
                  ties=tuple(ties), normalised_totals=normalised, judge_offsets=offsets)
