"""Competitions from creation to release: create (a stored draft), publish with a
confirmation, correct with a reason, show the released results to the public, delete a draft.

Words used here:
- *create* (:func:`create_competition`): store the rubric and entries as a draft the moment
  an organiser starts; the same competition created twice (even by eight processes at once)
  is one (:func:`scoring.store.releases.create_or_find`).
- *confirmation*: publishing asks the organiser to type the competition's title and year;
  a mismatch is refused (``access.release.confirm_mismatch``).
- *snapshot*: a revision is computed from the judges' current uploads read under the
  competition's lock and records exactly those (:func:`scoring.store.releases.publish_snapshot`);
  never from a page's memory.
- *correction*: a new revision with a reason; one that changes nothing is refused
  (``access.release.no_change``).
- *released results* (:func:`released_results`): the newest revision's places, totals and
  awards per category (no judge's marks), for anyone once published; with whether it was
  corrected and when (WIB).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection

from scoring.entries import Entries, parse_entries
from scoring.identity import clean_name
from scoring.pipeline import score
from scoring.problems import ProblemsError, error
from scoring.rubric import Rubric, parse_rubric
from scoring.store import releases
from scoring.store.archive import Archive, UploadReceipt
from scoring.store.errors import StoreRefusedError
from scoring.workspace.access import MANAGE, RELEASED, AccessRefusedError, Actor, require
from scoring.workspace.audit import record
from scoring.workspace.publishing import (
    Submission,
    competition_inputs,
    competition_year,
    submit,
)
from scoring.workspace.times import local_time, moment

RESULT_COLUMNS = ("category", "rank", "tied", "name", "total", "award")


@dataclass(frozen=True)
class Released:
    competition_id: int
    title: str
    year: int
    revision: int
    corrected: bool
    published_at: str
    """Local time (WIB) of this revision, with the zone."""
    reason: str
    table: pd.DataFrame


@dataclass(frozen=True)
class FilesPublished:
    """What :func:`publish_files` did: the competition, whether it was created, each file's
    submission (its receipt and the readers' problems), and the revision (None when nothing
    was published because files were rejected)."""

    competition_id: int
    created: bool
    submissions: tuple[Submission, ...]
    revision: int | None

    @property
    def receipts(self) -> tuple[UploadReceipt, ...]:
        return tuple(s.receipt for s in self.submissions)

    @property
    def rejected(self) -> int:
        return sum(1 for r in self.receipts if r.status == "rejected")


def read_inputs(rubric_text: str, entries_csv: str) -> tuple[Rubric, Entries]:
    rubric, problems = parse_rubric(rubric_text, "rubric")
    entries, more = parse_entries(entries_csv, "entries")
    if rubric is None or entries is None:
        raise ProblemsError([*problems, *more])
    return rubric, entries


def create_competition(archive: Archive, actor: Actor, rubric_text: str, entries_csv: str,
                       *, now: dt.datetime | None = None) -> tuple[int, bool]:
    """Store the competition as a draft (or find the same one); ``(id, created)``."""
    require(actor, MANAGE)
    rubric, entries = read_inputs(rubric_text, entries_csv)
    at = moment(now)
    return releases.create_or_find(
        archive, title=rubric.title, year=competition_year(rubric), rubric_text=rubric_text,
        rubric_fingerprint=rubric.fingerprint, entries_csv=entries.to_csv(),
        entries=entries.items, created_by=actor.name,
        after=lambda conn, cid: record(conn, actor, "competition.created", cid,
                                       {"title": rubric.title}, now=at))


def scorer(rubric: Rubric, entries: Entries, lang: str = "id"
           ) -> Callable[[pd.DataFrame], str]:
    """The computation a snapshot is published with: scores -> result JSON; raises
    :class:`ProblemsError` when errors block the result."""

    def compute(scores: pd.DataFrame) -> str:
        result = score(rubric, entries, scores.drop(columns="upload_id"), lang=lang)
        if not result.ok:
            raise ProblemsError(result.problems)
        return result.to_json(lang)

    return compute


def publish(archive: Archive, actor: Actor, competition_id: int, *, confirm_title: str,
            confirm_year: int, lang: str = "id", now: dt.datetime | None = None
            ) -> releases.Snapshot:
    """Publish revision 1 after the organiser typed the title and year."""
    require(actor, MANAGE)
    competition = archive.competition(competition_id)
    if (clean_name(confirm_title) != clean_name(competition.title)
            or int(confirm_year) != competition.year):
        raise AccessRefusedError([error("access.release.confirm_mismatch",
                                        title=competition.title, year=competition.year)])
    rubric, entries = competition_inputs(archive, competition_id)
    return releases.publish_snapshot(
        archive, competition_id, scorer(rubric, entries, lang), actor.name, correction=False,
        after=_logged(actor, "publish", competition_id, moment(now)))


def correct(archive: Archive, actor: Actor, competition_id: int, reason: str, *,
            lang: str = "id", now: dt.datetime | None = None) -> releases.Snapshot:
    """Publish the next revision from the current uploads, with ``reason``."""
    require(actor, MANAGE)
    rubric, entries = competition_inputs(archive, competition_id)
    return releases.publish_snapshot(
        archive, competition_id, scorer(rubric, entries, lang), actor.name, reason=reason,
        correction=True, after=_logged(actor, "correction", competition_id, moment(now),
                                       reason=reason))


def publish_files(archive: Archive, actor: Actor, rubric_text: str, entries_csv: str,
                  files: Iterable[tuple[str, bytes]], *, reason: str = "", lang: str = "id",
                  now: dt.datetime | None = None) -> FilesPublished:
    """Create (or find) the competition, keep every file, then publish revision 1 — or, when
    it is published already and ``reason`` is given, correct it. For the CLI and automation.

    Nothing is published when a file was rejected (``revision`` None). Refused before any file
    is kept (:class:`StoreRefusedError`) when the actor has no name
    (``store.publisher_required``) or the competition is published and there is no reason
    (``store.already_published``); a correction that changes nothing is refused
    (``access.release.no_change``) and leaves the revision as it was.
    """
    require(actor, MANAGE)
    if not clean_name(actor.name):
        raise StoreRefusedError([error("store.publisher_required")])
    rubric, entries = read_inputs(rubric_text, entries_csv)
    competition_id, created = create_competition(archive, actor, rubric_text, entries_csv,
                                                 now=now)
    competition = archive.competition(competition_id)
    if competition.is_published and not " ".join(reason.split()):
        raise StoreRefusedError([error("store.already_published", title=competition.title,
                                       revision=int(archive.revisions(competition_id)
                                                     ["revision"].max()))])
    done = tuple(submit(archive, competition_id, files, rubric, entries, actor.name))
    for receipt in (s.receipt for s in done):
        archive.write(lambda conn, r=receipt: record(
            conn, actor, "upload", competition_id,
            {"judge": r.judge, "upload_id": r.upload_id, "status": r.status}, now=now))
    if any(s.receipt.status == "rejected" for s in done):
        return FilesPublished(competition_id, created, done, None)
    if competition.is_published:
        snapshot = correct(archive, actor, competition_id, reason, lang=lang, now=now)
    else:
        snapshot = publish(archive, actor, competition_id, confirm_title=competition.title,
                           confirm_year=competition.year, lang=lang, now=now)
    return FilesPublished(competition_id, created, done, snapshot.revision)


def released_results(archive: Archive, actor: Actor, competition_id: int,
                     revision: int | None = None, lang: str = "id") -> Released:
    """The released result (newest revision by default): places, totals, awards."""
    competition = archive.competition(competition_id)
    require(actor, RELEASED, competition_id=competition_id, released=competition.is_published)
    published = archive.results(competition_id, revision)
    if published is None:
        raise AccessRefusedError([error("access.refused.not_released")])
    rows = archive.result_table(competition_id, published.revision)
    table = rows.loc[:, list(RESULT_COLUMNS)].reset_index(drop=True)
    return Released(competition_id, competition.title, competition.year, published.revision,
                    published.revision > 1, local_time(published.published_at, lang),
                    published.reason, table)


def released_competitions(archive: Archive) -> pd.DataFrame:
    """The published competitions anyone may see, newest year first."""
    found = archive.competitions()
    return found[found["status"] == "published"].reset_index(drop=True)


def delete_draft(archive: Archive, actor: Actor, competition_id: int, *,
                 now: dt.datetime | None = None) -> str:
    """Delete a draft competition (organisers; logged); returns its title."""
    require(actor, MANAGE)
    return releases.delete_draft(archive, competition_id,
                                 after=_logged(actor, "draft.deleted", competition_id,
                                               moment(now)))


def _logged(actor: Actor, action: str, competition_id: int, at: dt.datetime,
            **detail: object) -> Callable[[Connection, int], None]:
    def after(conn: Connection, value: int) -> None:
        record(conn, actor, action, competition_id, {"value": value, **detail}, now=at)

    return after
