"""The Results (Hasil) page's model: the ranking per category as a display frame, the leaders
in a sentence, and the data of its three charts (ranked totals, entries x criteria, judges'
distributions).

Words used here:
- *top node*: a top-level criterion (a group) whose subtotal the ranking shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scoring.i18n import format_number, t
from scoring.result import Result
from scoring.rubric import Criterion, Rubric
from ui.views.format import column_widths, decimals_of, unique_label


def top_nodes(rubric: Rubric, category: str) -> list[Criterion]:
    """The top-level criteria a category uses (the groups whose subtotals are shown)."""
    used = set(rubric.leaf_ids_for(category))
    return [node for node in rubric.criteria if used.intersection(rubric.leaves_below(node.id))]


def judges_of(result: Result, category: str) -> list[str]:
    totals = result.judge_totals
    if totals.empty:
        return []
    return sorted(totals.loc[totals["category"] == category, "judge_id"].unique(),
                  key=str.casefold)


@dataclass(frozen=True)
class RankingTable:
    """A display frame and which of its columns hold numbers (to format) and integers."""

    frame: pd.DataFrame
    number_columns: list[str]
    integer_columns: list[str]
    deciding_column: str = ""
    """The column of the figure the ranks were decided on (:meth:`Result.deciding_label`):
    the total, or a rank rule's figure (rank sum, rank percentile), which comes before it."""


def ranking_table(result: Result, category: str, lang: str) -> RankingTable:
    """Rank, tied mark, entry, the deciding figure (the total, or the rank rule's figure
    followed by the total), award, top-level subtotals, each judge's total."""
    rows = result.category(category)
    rubric = result.rubric
    taken: set[str] = set()
    col = {key: unique_label(t(key, lang), taken)
           for key in ("col.rank", "col.tied", "col.entry", "col.total", "col.award")}
    frame = pd.DataFrame({
        col["col.rank"]: rows["rank"].astype(int).to_numpy(),
        col["col.tied"]: np.where(rows["tied"].astype(bool), t("app.results.tied_mark", lang),
                                  ""),
        col["col.entry"]: rows["name"].to_numpy(),
    })
    deciding = result.deciding_column(category)
    deciding_label = col["col.total"]
    numbers = []
    if deciding != "total" and deciding in rows:
        deciding_label = unique_label(result.deciding_label(category, lang), taken)
        frame[deciding_label] = rows[deciding].astype(float).to_numpy()
        numbers.append(deciding_label)
    frame[col["col.total"]] = rows["total"].astype(float).to_numpy()
    numbers.append(col["col.total"])
    awards = rows["place"].where(rows["place"] != "", rows["band"])
    frame[col["col.award"]] = awards.fillna("").to_numpy()
    for node in top_nodes(rubric, category):
        label = unique_label(node.label(lang), taken)
        frame[label] = rows[node.id].astype(float).to_numpy()
        numbers.append(label)
    totals = result.judge_totals
    part = totals[totals["category"] == category]
    wide = part.pivot_table(index="entry_id", columns="judge_id", values="total",
                            aggfunc="first", observed=True)
    for judge in judges_of(result, category):
        label = unique_label(t("app.results.judge_column", lang, judge=judge), taken)
        frame[label] = wide[judge].reindex(rows["entry_id"]).astype(float).to_numpy()
        numbers.append(label)
    return RankingTable(frame, numbers, [col["col.rank"]], deciding_label)


def leaders(result: Result, category: str, lang: str) -> list[dict[str, str]]:
    """The entries with a place or band, for a short text summary: award, name, total."""
    rows = result.category(category)
    awarded = rows[(rows["place"] != "") | (rows["band"] != "")]
    return [{"award": str(row["place"] or row["band"]), "name": str(row["name"]),
             "total": format_number(row["total"], lang)}
            for row in awarded.to_dict("records")]


def totals_chart_data(result: Result, category: str, lang: str
                      ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(panel, judges)`` for the ranked-totals chart: one row per entry with its rank,
    label and total; one row per (entry, judge) with the judge's total."""
    rows = result.category(category)
    panel = pd.DataFrame({
        "entry_id": rows["entry_id"], "name": rows["name"],
        "rank": rows["rank"].astype(int),
        "label": [f"{r}. {n}" for r, n in zip(rows["rank"], rows["name"], strict=True)],
        "total": rows["total"].astype(float),
        "total_text": [format_number(v, lang) for v in rows["total"]],
        "award": rows["place"].where(rows["place"] != "", rows["band"]).fillna(""),
    })
    totals = result.judge_totals
    part = totals.loc[totals["category"] == category, ["entry_id", "judge_id", "total"]]
    judges = part.merge(panel[["entry_id", "name", "label", "rank"]], on="entry_id")
    judges = judges.rename(columns={"judge_id": "judge", "total": "judge_total"})
    judges["judge_total"] = judges["judge_total"].astype(float)
    judges["judge_total_text"] = [format_number(v, lang) for v in judges["judge_total"]]
    return panel.reset_index(drop=True), judges.reset_index(drop=True)


def heatmap_data(result: Result, category: str, lang: str) -> pd.DataFrame:
    """One row per (entry, leaf criterion): the panel's score as a share of the scale's
    maximum (``share`` 0–1), with texts for tooltips."""
    rubric = result.rubric
    rows = result.category(category)[["entry_id", "name", "rank"]]
    leaf_ids = list(rubric.leaf_ids_for(category))
    labels = rubric.leaf_labels(lang, leaf_ids)
    scores = result.panel_scores
    part = scores.loc[scores["category"] == category, ["entry_id", *leaf_ids]]
    long = part.melt(id_vars="entry_id", var_name="criterion_id", value_name="score")
    long = rows.merge(long, on="entry_id", how="inner")
    maximum = {leaf: float(rubric.nodes[leaf].scale.max) for leaf in leaf_ids}  # type: ignore[union-attr]
    order = {leaf: i for i, leaf in enumerate(leaf_ids)}
    long["rank"] = long["rank"].astype(int)
    long["label"] = long["rank"].astype(str) + ". " + long["name"]
    long["criterion"] = long["criterion_id"].map(labels)
    long["criterion_order"] = long["criterion_id"].map(order)
    long["score"] = long["score"].astype(float)
    long["share"] = long["score"] / long["criterion_id"].map(maximum)
    long["score_text"] = [format_number(v, lang) for v in long["score"]]
    long["max_text"] = [format_number(maximum[c], lang, decimals_of(maximum[c]))
                        for c in long["criterion_id"]]
    long["share_text"] = [format_number(100 * v, lang, 1) + " %" for v in long["share"]]
    return long.sort_values(["rank", "name", "criterion_order"]).reset_index(drop=True)


def distribution_data(result: Result, category: str, lang: str) -> pd.DataFrame:
    """Every judge total of a category: ``judge, name, total, total_text``, plus each judge's
    mean (``judge_mean``, ``judge_mean_text``)."""
    totals = result.judge_totals
    part = totals.loc[totals["category"] == category, ["entry_id", "judge_id", "total"]].copy()
    names = {e.id: e.name for e in result.entries}
    part["name"] = part["entry_id"].map(names)
    part["total"] = part["total"].astype(float)
    part["total_text"] = [format_number(v, lang) for v in part["total"]]
    means = part.groupby("judge_id")["total"].transform("mean")
    part["judge_mean"] = means
    part["judge_mean_text"] = [format_number(v, lang) for v in means]
    return part.rename(columns={"judge_id": "judge"}).reset_index(drop=True)


def ranking_widths(table: RankingTable) -> dict[str, dict[str, object]]:
    """Widths for the ranking table: narrow rank and tied mark, the entry's name wide, every
    figure narrow, so that a 1,440-pixel screen shows the ranking with its subtotals (judges'
    columns scroll beside the pinned rank, mark and name)."""
    rank, tied, entry, *rest = table.frame.columns
    award = next(c for c in rest if table.frame[c].dtype.kind not in "fi")
    decided = rest[:rest.index(award)]  # the deciding figure (and the total after it)
    figures = rest[rest.index(award) + 1:]
    return column_widths({rank: 56, tied: 40, entry: 240, **dict.fromkeys(decided, 80),
                          award: 110, **dict.fromkeys(figures, 90)})
