"""Year-over-year history of published results, following entries through their lineage.

Words used here:
- *result row*: one entry's line in the latest revision of a published competition (drafts
  and superseded revisions are left out), with the competition's ``year``.
- *group*: an entry as it is known today, identified by ``group_id``, one of the present ids
  of :mod:`scoring.store.lineage`. A past result is credited to every group its entry became:
  after a rename, to the new id; after a merge, to the merged entry; after a split, to each
  part.
- *standing*: a group's place in one year. When several of its predecessors took part that
  year (before a merge), the standing is the best of them (lowest rank, then highest total);
  ``recorded_ids`` names them all.
- *consecutive years*: two years in which the competition was held one after the other
  (years with no results in the data are skipped, so 2019 → 2022 counts when 2020 and 2021
  were not held).

With several competitions in one year (separate tracks), pass ``competition_ids`` to keep
their histories apart; ``category`` keeps one category.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection
from typing import TYPE_CHECKING, Literal

import pandas as pd
from sqlalchemy import func, select

from scoring.store import schema
from scoring.store.lineage import lineage_graph

if TYPE_CHECKING:
    from scoring.store.archive import Archive

RESULT_COLUMNS = ("year", "competition_id", "title", "origin", "revision", "category",
                  "entry_id", "name", "rank", "tied", "total", "award")
STANDING_COLUMNS = ("group_id", "name", "year", "category", "rank", "tied", "total", "award",
                    "recorded_ids")
IMPROVEMENT_COLUMNS = ("group_id", "name", "from_year", "to_year", "rank_before", "rank_after",
                       "rank_gain", "total_before", "total_after", "total_gain")
CONSISTENT_COLUMNS = ("group_id", "name", "years", "first_year", "last_year", "best_rank",
                      "worst_rank", "mean_rank")
NEW_ENTRANT_COLUMNS = ("group_id", "name", "year", "category", "rank", "total", "award")


def results_by_year(archive: Archive, *, category: str | None = None,
                    competition_ids: Collection[int] | None = None) -> pd.DataFrame:
    """Every result row of every published competition (:data:`RESULT_COLUMNS`), by year."""
    rr, c, r = schema.result_rows, schema.competitions, schema.revisions
    latest = (select(func.max(r.c.revision)).where(r.c.competition_id == rr.c.competition_id)
              .scalar_subquery())
    query = (select(c.c.year, c.c.id, c.c.title, c.c.origin, rr.c.revision, rr.c.category,
                    rr.c.entry_id, rr.c.name, rr.c.rank, rr.c.tied, rr.c.total, rr.c.award)
             .select_from(rr.join(c, c.c.id == rr.c.competition_id))
             .where(c.c.status == "published", rr.c.revision == latest))
    if category is not None:
        query = query.where(rr.c.category == category)
    if competition_ids is not None:
        query = query.where(c.c.id.in_(list(competition_ids)))
    query = query.order_by(c.c.year, c.c.id, rr.c.category, rr.c.rank, rr.c.entry_id)
    with archive.reading() as conn:
        rows = conn.execute(query).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=list(RESULT_COLUMNS))
    return _typed(frame)


def entry_history(archive: Archive, entry_id: str, *, include_descendants: bool = True
                  ) -> pd.DataFrame:
    """The results of an entry and of every entry it descends from (and, by default, that
    descend from it), by year: :data:`RESULT_COLUMNS` plus ``relation`` (``self``,
    ``ancestor`` or ``descendant``)."""
    graph = lineage_graph(archive)
    relation = {a: "ancestor" for a in graph.ancestors(entry_id)}
    if include_descendants:
        relation.update({d: "descendant" for d in graph.descendants(entry_id)})
    relation[entry_id] = "self"
    frame = results_by_year(archive)
    frame = frame[frame["entry_id"].isin(relation)].copy()
    frame["relation"] = frame["entry_id"].map(relation)
    return frame.sort_values(["year", "competition_id", "rank", "entry_id"],
                             na_position="last").reset_index(drop=True)


def standings_by_year(archive: Archive, *, category: str | None = None,
                      competition_ids: Collection[int] | None = None) -> pd.DataFrame:
    """Rank and total of each group in each year, following lineage (:data:`STANDING_COLUMNS`),
    by group, then year."""
    rows = results_by_year(archive, category=category, competition_ids=competition_ids)
    if rows.empty:
        return _typed(pd.DataFrame(columns=list(STANDING_COLUMNS)))
    graph = lineage_graph(archive)
    groups = {entry_id: graph.present_ids(entry_id) for entry_id in rows["entry_id"].unique()}
    credited = rows.assign(group_id=rows["entry_id"].map(groups)).explode("group_id")
    recorded = (credited.groupby(["group_id", "year"])["entry_id"]
                .agg(lambda ids: "|".join(sorted(set(ids)))).rename("recorded_ids"))
    best = (credited.sort_values(["group_id", "year", "rank", "total"],
                                 ascending=[True, True, True, False], na_position="last")
            .drop_duplicates(["group_id", "year"]))
    best = best.join(recorded, on=["group_id", "year"])
    best["name"] = best["group_id"].map(_official_names(archive)).fillna(best["name"])
    return _typed(best.loc[:, list(STANDING_COLUMNS)].sort_values(["group_id", "year"])
                  .reset_index(drop=True))


def most_improved(archive: Archive, *, by: Literal["rank", "total"] = "rank",
                  category: str | None = None, competition_ids: Collection[int] | None = None,
                  top: int | None = None) -> pd.DataFrame:
    """Changes between consecutive years (:data:`IMPROVEMENT_COLUMNS`), largest gain first.

    ``rank_gain`` is places gained (rank before − rank after: 7th → 2nd is 5);
    ``total_gain`` is total after − total before. ``by`` picks the one to sort on; rows
    where it is unknown come last. ``top`` keeps the first rows only.
    """
    if by not in ("rank", "total"):
        raise ValueError(f"by must be 'rank' or 'total', not {by!r}")
    standing = standings_by_year(archive, category=category, competition_ids=competition_ids)
    years = sorted(standing["year"].unique())
    following = dict(itertools.pairwise(years))
    before = standing.assign(to_year=standing["year"].map(following)).dropna(subset=["to_year"])
    before["to_year"] = before["to_year"].astype("int64")
    pairs = before.merge(standing, left_on=["group_id", "to_year"],
                         right_on=["group_id", "year"], suffixes=("_before", "_after"))
    frame = pd.DataFrame({
        "group_id": pairs["group_id"], "name": pairs["name_after"],
        "from_year": pairs["year_before"], "to_year": pairs["to_year"],
        "rank_before": pairs["rank_before"], "rank_after": pairs["rank_after"],
        "rank_gain": pairs["rank_before"] - pairs["rank_after"],
        "total_before": pairs["total_before"], "total_after": pairs["total_after"],
        "total_gain": pairs["total_after"] - pairs["total_before"],
    }, columns=list(IMPROVEMENT_COLUMNS))
    frame = frame.sort_values([f"{by}_gain", "to_year", "group_id"],
                              ascending=[False, True, True], na_position="last")
    frame = frame.reset_index(drop=True)
    return frame.head(top) if top is not None else frame


def consistent_top(archive: Archive, *, places: int = 3, min_years: int = 2,
                   category: str | None = None,
                   competition_ids: Collection[int] | None = None) -> pd.DataFrame:
    """Groups ranked ``places`` or better in every year they took part, in at least
    ``min_years`` years (:data:`CONSISTENT_COLUMNS`), best mean rank first."""
    standing = standings_by_year(archive, category=category, competition_ids=competition_ids)
    in_top = standing["rank"].le(places).fillna(False).astype(bool)
    summary = standing.assign(in_top=in_top).groupby("group_id").agg(
        name=("name", "last"), years=("year", "nunique"), first_year=("year", "min"),
        last_year=("year", "max"), best_rank=("rank", "min"), worst_rank=("rank", "max"),
        mean_rank=("rank", "mean"), always=("in_top", "all"))
    summary = summary[summary["always"] & (summary["years"] >= min_years)]
    summary = summary.reset_index().sort_values(["mean_rank", "years", "group_id"],
                                                ascending=[True, False, True])
    return _typed(summary.loc[:, list(CONSISTENT_COLUMNS)].reset_index(drop=True))


def new_entrants(archive: Archive, *, year: int | None = None, category: str | None = None,
                 competition_ids: Collection[int] | None = None) -> pd.DataFrame:
    """Groups taking part for the first time (:data:`NEW_ENTRANT_COLUMNS`), following
    lineage (a renamed or merged entry is not new).

    With ``year``, the newcomers of that year; without, those of every year but the first
    year held (when everyone is new).
    """
    standing = standings_by_year(archive, category=category, competition_ids=competition_ids)
    first = standing.sort_values("year").drop_duplicates("group_id")
    if year is not None:
        first = first[first["year"] == year]
    elif not first.empty:
        first = first[first["year"] > standing["year"].min()]
    first = first.sort_values(["year", "rank", "group_id"], na_position="last")
    return first.loc[:, list(NEW_ENTRANT_COLUMNS)].reset_index(drop=True)


def _official_names(archive: Archive) -> dict[str, str]:
    e = schema.entries
    with archive.reading() as conn:
        return dict(conn.execute(select(e.c.entry_id, e.c.name)).all())


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable integers for ranks and years, floats for totals, whatever the backend gave."""
    for column in ("year", "competition_id", "revision", "rank", "first_year", "last_year",
                   "best_rank", "worst_rank", "years"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    for column in ("total", "mean_rank"):
        if column in frame:
            frame[column] = frame[column].astype("float64")
    if "tied" in frame:
        frame["tied"] = frame["tied"].astype(bool)
    return frame
