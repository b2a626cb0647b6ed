"""The archive as the app opens it, and the year-by-year rows its History page reads.

Words used here:
- *opened archive*: the outcome of :func:`open_for_app` — an :class:`Archive`, or the reason it
  could not be opened (a catalogue key), never an exception: a database that is down must not
  stop the rest of the app.
- *setting*: the app's own setting for the archive's URL (``database_url``); the environment
  (``$JURI_DATABASE_URL``) comes first, the default SQLite file ``data/juri.db`` last.
- *history row*: a group's standing in one year (:func:`scoring.store.history.standings_by_year`)
  under its present official name, with ``names_then``: the names it took part under that
  year when they differ from today's (a rename followed through the lineage).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import make_url

from scoring.problems import Problem, ProblemsError
from scoring.rubric import parse_rubric
from scoring.store.archive import Archive, open_archive
from scoring.store.database import URL_ENV, database_url, default_database_url
from scoring.store.errors import SchemaTooNewError
from scoring.store.history import (
    consistent_top,
    most_improved,
    new_entrants,
    results_by_year,
    standings_by_year,
)
from scoring.workspace.sample import seed_sample

__all__ = ["HISTORY_COLUMNS", "Archive", "OpenedArchive", "archive_source", "archive_url",
           "category_labels", "consistent_top", "history", "most_improved", "new_entrants",
           "open_for_app", "shown_url"]

log = logging.getLogger("juri.store")

HISTORY_COLUMNS = ("group_id", "name", "category", "year", "rank", "tied", "total", "award",
                   "names_then")


# --- where the archive is ----------------------------------------------------------------------


def archive_source(setting: str, environ: Mapping[str, str] | None = None) -> str:
    """Where the archive's URL comes from: ``env``, ``setting`` or ``default``."""
    environ = os.environ if environ is None else environ
    if environ.get(URL_ENV):
        return "env"
    return "setting" if setting else "default"


def archive_url(setting: str, environ: Mapping[str, str] | None = None) -> str:
    """The archive's URL: ``$JURI_DATABASE_URL``, else ``setting``, else data/juri.db."""
    environ = os.environ if environ is None else environ
    return environ.get(URL_ENV) or setting or default_database_url()


# --- opening the archive for the app ------------------------------------------------------


@dataclass(frozen=True)
class OpenedArchive:
    """The app's archive, or why there is none. ``location`` is the URL with any password
    hidden; ``seeded`` says the sample's three years were loaded just now; ``problem`` is a
    catalogue key (``app.archive.unavailable*``) and ``detail`` the driver's own words (for the
    log and an expander, never a traceback)."""

    archive: Archive | None
    location: str
    seeded: bool = False
    problem: str = ""
    detail: str = ""
    seed_problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.archive is not None


def shown_url(url: str) -> str:
    """``url`` with its password hidden (or as given when it does not parse)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1] if "@" in url else url


def open_for_app(url: str | None = None, *, seed: bool = True) -> OpenedArchive:
    """Open the archive at ``url`` (default: ``$JURI_DATABASE_URL``, else ``data/juri.db``)
    and, when it holds no competition yet and ``seed``, load the sample's three years.

    Never raises for a database that cannot be opened: the reason is in the result.
    """
    target = database_url(url)
    location = shown_url(target)
    try:
        archive = open_archive(target)
    except SchemaTooNewError as exc:
        log.warning("archive %s is newer than this version: %s", location, exc)
        return OpenedArchive(None, location, problem="app.archive.unavailable_newer",
                             detail=str(exc))
    except Exception as exc:
        log.warning("archive %s cannot be opened: %s", location, _short(exc))
        return OpenedArchive(None, location, problem="app.archive.unavailable",
                             detail=_short(exc))
    seeded, problems = False, ()
    if seed:
        try:
            seeded = seed_sample(archive)
        except ProblemsError as exc:
            problems = tuple(exc.problems)
        except Exception as exc:
            log.warning("could not load the sample into %s: %s", location, exc, exc_info=True)
            return OpenedArchive(archive, location, problem="app.archive.seed_failed",
                                 detail=_short(exc))
    return OpenedArchive(archive, location, seeded=seeded, seed_problems=problems)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:300] + "…") if len(text) > 300 else text or type(exc).__name__


# --- history ------------------------------------------------------------------------------


def category_labels(archive: Archive, lang: str) -> dict[str, str]:
    """Category id -> its name in ``lang``, from the newest competition whose rubric names it
    (imported past years have no rubric: their categories keep their ids)."""
    labels: dict[str, str] = {}
    found = archive.competitions()
    for competition_id in found.loc[found["origin"] == "tool", "competition_id"]:
        competition = archive.competition(int(competition_id))
        rubric, _ = parse_rubric(competition.rubric_text, f"competition {competition_id}")
        if rubric is None:
            continue
        for category in rubric.categories:
            labels.setdefault(category.id, category.label(lang))
    return labels


def history(archive: Archive, *, category: str | None = None) -> pd.DataFrame:
    """Every group's standing per year (:data:`HISTORY_COLUMNS`), under today's official
    name, by category, group and year."""
    standing = standings_by_year(archive, category=category)
    if standing.empty:
        frame = pd.DataFrame(columns=list(HISTORY_COLUMNS))
        return frame.astype({"year": "Int64", "rank": "Int64", "total": "float64",
                             "tied": bool})
    rows = results_by_year(archive, category=category)
    then = rows.drop_duplicates(["entry_id", "year"]).set_index(["entry_id", "year"])["name"]
    recorded = standing.assign(entry_id=standing["recorded_ids"].str.split("|")).explode(
        "entry_id")
    recorded["name_then"] = pd.Series(
        then.reindex(pd.MultiIndex.from_arrays([recorded["entry_id"],
                                                recorded["year"].astype("int64")])).to_numpy(),
        index=recorded.index)
    other = recorded[recorded["name_then"].notna()
                     & (recorded["name_then"] != recorded["name"])]
    names = (other.groupby(["group_id", "year"])["name_then"]
             .agg(lambda found: "; ".join(sorted(set(found)))))
    frame = standing.join(names.rename("names_then"), on=["group_id", "year"])
    frame["names_then"] = frame["names_then"].fillna("")
    frame = frame.sort_values(["category", "group_id", "year"]).reset_index(drop=True)
    return frame.loc[:, list(HISTORY_COLUMNS)]


def previous_results(archive: Archive, year: int, entry_ids: Collection[str]
                     ) -> dict[str, tuple[int, int, float]]:
    """Each entry's standing in the latest published year before ``year``, following renames
    and merges (lineage): ``entry_id -> (year, rank, total)``, for the feedback reports.
    Entries with no earlier ranked result are left out."""
    standing = standings_by_year(archive)
    wanted = set(entry_ids)
    earlier = standing[(standing["year"] < year) & standing["group_id"].isin(wanted)
                       & standing["rank"].notna()]
    latest = earlier.sort_values(["group_id", "year"]).drop_duplicates("group_id", keep="last")
    return {row.group_id: (int(row.year), int(row.rank), float(row.total))
            for row in latest.itertuples(index=False)}
