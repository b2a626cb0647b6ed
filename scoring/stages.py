"""A competition in stages: gates, scored rounds, shortlists and the final combination.

Words used here:
- *stage*: one step of the rubric's ``stages``, in order. A *gate* checks yes/no inputs (a
  risalah submitted on time): an entry with a "no" stops there, and the names of the inputs
  that were "no" are its *reason* ("Tidak lolos: Risalah diserahkan"). A *scored* stage
  is one judged round of some of the criteria, scored like a whole competition (its own
  panel rule and total formula) over the entries still in and the marks for its criteria.
- *shortlist*: after a scored stage, who goes on: the best N per category (all those tied at
  the cut go on too) or those whose stage total reaches ``min_total``.
- *finalist*: an entry that went through every stage. Its *final* figure combines the scored
  stages' totals (``final.combine``: ``weighted_sum`` with weights as shares, ``cumulative``,
  ``last``) and is ranked with the rubric's tie-breaks.
- *kept rank*: an entry that stopped at a scored stage keeps its rank there; in the overall
  standings it comes after everyone who went further (rank = those ahead + its place among
  the entries that stopped there). An entry stopped by a gate has no rank.

Standings columns besides the usual ones: the inputs (one per input id), one per scored stage
(named by the stage's id: the entry's total there), ``reached`` (the last stage the entry took
part in), ``stage_rank`` (its rank there; none for a gate) and ``reason`` (a gate's reason).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from scoring import awards, inputs, table
from scoring.entries import Entries
from scoring.problems import Problem, error, has_errors, warning
from scoring.ranking import Tie
from scoring.result import Result, StageResult
from scoring.rounding import round_half_away, to_nano
from scoring.rubric import Awards, Rubric, Stage
from scoring.rules import tiebreaks

ScoreRound = Callable[..., Result]
"""``score_round(rubric, entries, scores, problems, lang, entry_inputs) -> Result``: one
judged round (:func:`scoring.pipeline.score` without stages)."""
RankFinal = Callable[[pd.DataFrame, tiebreaks.Context, Rubric],
                     tuple[pd.DataFrame, list[Tie]]]
"""Ranks with the rubric's tie-breaks (``pipeline._ranked``)."""


def stage_rubric(rubric: Rubric, stage: Stage) -> Rubric:
    """The rubric of one scored stage: its criteria only (in every category that uses them),
    its panel rule, total formula and tie-breaks (else the rubric's that look at its
    criteria; a stage's own replace the categories' too), no awards."""
    leaves = {leaf for node in stage.criteria for leaf in rubric.leaves_below(node)}
    nodes = {n for n in rubric.nodes if set(rubric.leaves_below(n)) <= leaves}

    def mine(rules: Iterable) -> tuple:
        return tuple(r for r in rules if r.criterion is None or r.criterion in nodes)

    categories = []
    for category in rubric.categories:
        chosen = tuple(leaf for leaf in rubric.leaf_ids_for(category.id) if leaf in leaves)
        overrides = category.overrides
        if overrides is not None:
            overrides = overrides.model_copy(update={
                "total": None, "panel": None if stage.panel else overrides.panel,
                "tie_breaks": (None if overrides.tie_breaks is None or stage.tie_breaks
                               else mine(overrides.tie_breaks))})
        categories.append(category.model_copy(update={"criteria": chosen,
                                                      "overrides": overrides}))
    return rubric.model_copy(update={
        "categories": tuple(categories), "panel": stage.panel or rubric.panel,
        "total": stage.total, "stages": (), "awards": Awards(),
        "tie_breaks": mine(rubric.tie_breaks if stage.tie_breaks is None
                           else stage.tie_breaks)})


def _shortlisted(standings: pd.DataFrame, stage: Stage) -> set[str]:
    rule = stage.shortlist
    if rule is None:
        return set(standings["entry_id"])
    if rule.best is not None:
        return set(standings.loc[standings["rank"] <= rule.best, "entry_id"])
    reaches = to_nano(standings["total"]) >= to_nano(rule.min_total)
    return set(standings.loc[np.asarray(reaches), "entry_id"])


def _final(results: Sequence[tuple[Stage, Result]], finalists: list[str], rubric: Rubric
           ) -> pd.Series:
    """Each finalist's final figure from the scored stages' totals."""
    totals = pd.DataFrame({stage.id: result.standings.set_index("entry_id")["total"]
                           for stage, result in results}).reindex(finalists)
    combine = rubric.final.combine
    if combine == "last":
        figure = totals[results[-1][0].id]
    elif combine == "cumulative":
        figure = totals.sum(axis=1, min_count=1)
    else:
        weights = pd.Series({s.id: rubric.final.weights.get(s.id, 0.0) for s, _ in results})
        figure = (totals * weights).sum(axis=1, min_count=1) / weights.sum()
    return pd.Series(round_half_away(figure.to_numpy(dtype="float64"),
                                     rubric.rounding.total), index=figure.index)


def score_in_stages(rubric: Rubric, entries: Entries, scores: pd.DataFrame,
                    problems: Iterable[Problem], lang: str, entry_inputs: pd.DataFrame | None,
                    *, print_id: str, score_round: ScoreRound, rank_final: RankFinal
                    ) -> Result:
    """Score a competition in stages (see the module's words)."""
    scores = table.make(scores)
    found: list[Problem] = [*problems, *entries.check_categories(rubric.category_ids)]
    values, missing = inputs.complete(entry_inputs, rubric, entries)
    found += missing
    inside = [e.id for e in entries if e.category in rubric.category_ids]
    done: list[StageResult] = []
    scored: list[tuple[Stage, Result]] = []
    for number, stage in enumerate(rubric.stages):
        last = number == len(rubric.stages) - 1
        if stage.kind == "gate":
            gate = values.loc[inside, list(stage.inputs)]
            reasons = {entry_id: tuple(i for i in stage.inputs if row[i] == 0)
                       for entry_id, row in gate.iterrows() if (row == 0).any()}
            advanced = [e for e in inside if e not in reasons]
            done.append(StageResult(stage, tuple(inside), tuple(advanced), reasons=reasons))
            inside = advanced
            continue
        sub = stage_rubric(rubric, stage)
        leaves = {leaf.id for leaf in sub.leaves if any(
            leaf.id in sub.leaf_ids_for(c) for c in sub.category_ids)}
        for_stage = scores["criterion_id"].isin(leaves).to_numpy()
        taking_part = scores["entry_id"].isin(inside).to_numpy()
        ignored = sorted(set(scores.loc[for_stage & ~taking_part, "entry_id"]))
        if ignored:
            found.append(warning("stage.scores_ignored", cell=", ".join(ignored),
                                 stage=stage.label(lang), entries=", ".join(ignored)))
        kept = set(inside)
        result = score_round(sub, Entries(tuple(e for e in entries if e.id in kept)),
                             scores[for_stage & taking_part], (), lang, entry_inputs)
        found += result.problems
        if not result.ok:
            return Result(rubric, entries, print_id, scores, tuple(found),
                          stages=(*done, StageResult(stage, tuple(inside), ())))
        advanced = inside if last else [e for e in inside
                                        if e in _shortlisted(result.standings, stage)]
        done.append(StageResult(stage, tuple(inside), tuple(advanced), result))
        scored.append((stage, result))
        inside = advanced
    if has_errors(found) or not scored:
        if not scored:
            found.append(error("scores.none"))
        return Result(rubric, entries, print_id, scores, tuple(found), stages=tuple(done))
    standings, ties = _standings(rubric, entries, done, scored, inside, rank_final, lang)
    if rubric.inputs:
        standings = standings.join(values, on="entry_id")
    return Result(rubric, entries, print_id, scores, tuple(found), standings=standings,
                  judge_totals=pd.concat([r.judge_totals for _, r in scored],
                                         ignore_index=True),
                  panel_scores=_merged([r.panel_scores for _, r in scored]),
                  ties=tuple(ties), stages=tuple(done))


def _merged(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Per-entry frames of the stages side by side: each entry's own figure for each column
    from the stage where it has one (a later stage's figure where both do)."""
    merged = frames[0].set_index(["entry_id", "category"])
    for frame in frames[1:]:
        merged = frame.set_index(["entry_id", "category"]).combine_first(merged)
    return merged.reset_index()


def _standings(rubric: Rubric, entries: Entries, done: list[StageResult],
               scored: list[tuple[Stage, Result]], finalists: list[str],
               rank_final: RankFinal, lang: str) -> tuple[pd.DataFrame, list[Tie]]:
    everyone = [e for e in entries if e.category in rubric.category_ids]
    nodes = [node.id for node, _, _ in rubric.walk()]
    frame = pd.DataFrame({"entry_id": [e.id for e in everyone],
                          "name": [e.name for e in everyone],
                          "category": [e.category for e in everyone]})
    parts = _merged([r.standings[["entry_id", "category", "n_judges", *nodes]]
                     for _, r in scored]).drop(columns="category")
    frame = frame.merge(parts, on="entry_id", how="left")
    for stage, result in scored:
        frame[stage.id] = frame["entry_id"].map(result.standings.set_index("entry_id")["total"])
    reached = {e: s.stage.id for s in done for e in s.entered}
    frame["reached"] = frame["entry_id"].map(reached)
    frame["stage_rank"] = np.nan
    frame["reason"] = ""
    for step in done:
        stopped = set(step.entered) - set(step.advanced)
        if step.result is not None and step is not done[-1] and stopped:
            ranks = step.result.standings.set_index("entry_id")["rank"]
            rows = frame["entry_id"].isin(stopped)
            frame.loc[rows, "stage_rank"] = frame.loc[rows, "entry_id"].map(ranks)
        for entry_id in step.reasons:
            frame.loc[frame["entry_id"] == entry_id, "reason"] = step.reason(
                entry_id, rubric, lang)
    final = _final(scored, finalists, rubric)
    is_final = frame["entry_id"].isin(finalists).to_numpy()
    frame["total"] = frame["entry_id"].map(final)
    frame["deciding"] = frame["total"]
    last = scored[-1][1].standings.set_index("entry_id")["rank"]
    frame.loc[is_final, "stage_rank"] = frame.loc[is_final, "entry_id"].map(last)
    keyed = frame[is_final].set_index("entry_id")
    context = tiebreaks.Context(keyed, pd.concat([r.judge_totals for _, r in scored]))
    key_frame = pd.DataFrame({"entry_id": keyed.index, "category": keyed["category"].to_numpy(),
                              "_primary": keyed["total"].to_numpy()})
    ranked, ties = rank_final(key_frame, context, rubric)
    frame = frame.merge(ranked[["entry_id", "rank", "tied", "decided_by"]], on="entry_id",
                        how="left")
    frame["decided_by"] = frame["decided_by"].fillna("")
    _kept_ranks(frame, done)
    frame["trim_fallback"] = False
    frame = awards.recommend(frame, rubric, lang)
    frame.loc[~frame["entry_id"].isin(finalists), ["eligible", "place", "band"]] = [
        False, "", ""]
    frame.loc[~frame["entry_id"].isin(finalists), "place_index"] = -1
    order = {c: i for i, c in enumerate(rubric.category_ids)}
    frame = (frame.assign(_order=frame["category"].map(order))
             .sort_values(["_order", "rank", "stage_rank", "entry_id"], na_position="last")
             .drop(columns="_order").reset_index(drop=True))
    return frame, ties


def _kept_ranks(frame: pd.DataFrame, done: list[StageResult]) -> None:
    """The overall rank of entries that stopped at a scored stage: after everyone who went
    further in their category, in the order of their rank in that stage (ties kept)."""
    for step in reversed(done[:-1]):
        stopped = frame["entry_id"].isin(set(step.entered) - set(step.advanced)).to_numpy()
        if step.result is None or not stopped.any():
            continue
        for category in frame.loc[stopped, "category"].unique():
            ahead = int((frame["category"].eq(category) & frame["rank"].notna()).sum())
            rows = stopped & frame["category"].eq(category).to_numpy()
            own = frame.loc[rows, "stage_rank"].rank(method="min")
            frame.loc[rows, "rank"] = ahead + own
            frame.loc[rows, "tied"] = own.duplicated(keep=False).to_numpy()
            frame.loc[rows, "deciding"] = frame.loc[rows, step.stage.id]
    frame["tied"] = frame["tied"].astype("boolean").fillna(False).astype(bool)

