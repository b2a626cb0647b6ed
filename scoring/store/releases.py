"""Creating, publishing and deleting competitions, each as one transaction that cannot race.

Words used here:
- *natural key* (:func:`natural_key`): what makes two competitions made with the tool the same
  one: its title (spaces folded), year, rubric fingerprint and entries list. It is stored in
  ``competitions.natural_key`` under a unique index, so eight processes creating the same
  competition at once make exactly one (:func:`create_or_find`): on SQLite the write lock
  serialises them; on PostgreSQL the losers' inserts fail on the index and their transaction
  is run again, finding the winner's row.
- *snapshot*: the uploads a revision is computed from. :func:`publish_snapshot` reads each
  judge's current upload *inside* the transaction that holds the competition's exclusive lock,
  computes the result from exactly those stored scores (a callback from the workflow layer:
  the store computes nothing itself) and records them with the revision, so a revision's
  result always equals the one computed from its own recorded uploads.
- *no change*: a correction whose result has the same fingerprint (rubric, entries and every
  score) as the newest revision is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, delete, select, update

from scoring.entries import Entry
from scoring.problems import error
from scoring.store import schema
from scoring.store.archive import (
    DRAFT,
    PUBLISHED,
    Archive,
    current_upload_ids,
    insert_competition,
    insert_revision,
    latest_revision,
    lock_competition,
    register,
    scores_frame,
)
from scoring.store.errors import StoreRefusedError
from scoring.store.people import delete_competition_people
from scoring.store.results import parse_result

AfterWrite = Callable[[Connection, int], None]
"""Called inside the transaction with the competition id (or revision): for the audit log."""


@dataclass(frozen=True)
class Snapshot:
    """What a revision was computed from and what it became."""

    competition_id: int
    revision: int
    upload_ids: tuple[int, ...]
    result_json: str


def natural_key(title: str, year: int, rubric_fingerprint: str, entries_csv: str) -> str:
    parts = (" ".join(title.split()), str(int(year)), rubric_fingerprint,
             hashlib.sha256(entries_csv.encode("utf-8")).hexdigest())
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def create_or_find(archive: Archive, *, title: str, year: int, rubric_text: str,
                   rubric_fingerprint: str, entries_csv: str, entries: Sequence[Entry],
                   created_by: str, after: AfterWrite | None = None) -> tuple[int, bool]:
    """The competition with this natural key, created as a draft when there is none;
    ``(id, created)``. ``after`` runs in the same transaction, only when it was created."""
    key = natural_key(title, year, rubric_fingerprint, entries_csv)
    c = schema.competitions

    def work(conn: Connection) -> tuple[int, bool]:
        found = conn.scalar(select(c.c.id).where(c.c.natural_key == key))
        if found is not None:
            return int(found), False
        competition_id = insert_competition(
            conn, title=title, year=year, rubric_text=rubric_text,
            rubric_fingerprint=rubric_fingerprint, entries_csv=entries_csv, status=DRAFT,
            origin="tool", created_by=created_by)
        conn.execute(update(c).where(c.c.id == competition_id).values(natural_key=key))
        register(conn, list(entries), year)
        if after is not None:
            after(conn, competition_id)
        return competition_id, True

    return archive.write(work)


def publish_snapshot(archive: Archive, competition_id: int,
                     compute: Callable[[pd.DataFrame], str], by: str, *, reason: str = "",
                     correction: bool, after: AfterWrite | None = None) -> Snapshot:
    """Publish (``correction`` False: revision 1 of a draft) or correct (a published
    competition, with ``reason``) from the current uploads read under the competition's lock.

    ``compute(scores)`` gets the snapshot's score table (with ``upload_id``) and returns the
    result JSON; if it raises, nothing is stored. Refusals (:class:`StoreRefusedError`):
    ``store.already_published``, ``store.not_published``, ``store.reason_required``,
    ``access.release.no_change``. ``after(conn, revision)`` runs in the same transaction.
    """
    reason = " ".join(reason.split())

    def work(conn: Connection) -> Snapshot:
        competition = lock_competition(conn, competition_id, exclusive=True)
        current = latest_revision(conn, competition_id)
        if not correction and competition.status == PUBLISHED:
            raise StoreRefusedError([error("store.already_published", title=competition.title,
                                           revision=current)])
        if correction and competition.status != PUBLISHED:
            raise StoreRefusedError([error("store.not_published", title=competition.title)])
        if correction and not reason:
            raise StoreRefusedError([error("store.reason_required", title=competition.title)])
        ids = current_upload_ids(conn, competition_id)
        result_json = compute(scores_frame(conn, ids))
        fingerprint, rows = parse_result(result_json)
        if correction:
            r = schema.revisions
            previous = conn.scalar(select(r.c.fingerprint).where(
                r.c.competition_id == competition_id, r.c.revision == current))
            if previous == fingerprint:
                raise StoreRefusedError([error("access.release.no_change", revision=current)])
        revision = current + 1
        insert_revision(conn, competition_id, revision, result_json, fingerprint, rows,
                        by=by, reason=reason, upload_ids=ids)
        if not correction:
            conn.execute(update(schema.competitions)
                         .where(schema.competitions.c.id == competition_id)
                         .values(status=PUBLISHED))
        if after is not None:
            after(conn, revision)
        return Snapshot(competition_id, revision, tuple(ids), result_json)

    return archive.write(work)


def delete_draft(archive: Archive, competition_id: int, after: AfterWrite | None = None
                 ) -> str:
    """Delete a draft competition with its uploads, scores, judges and assignments; returns
    its title. Refused (``access.release.not_draft``) once it is published. The entries
    registry and the audit log keep their rows."""

    def work(conn: Connection) -> str:
        competition = lock_competition(conn, competition_id, exclusive=True)
        if competition.status != DRAFT or latest_revision(conn, competition_id):
            raise StoreRefusedError([error("access.release.not_draft",
                                           title=competition.title)])
        u, s = schema.uploads, schema.scores
        upload_ids = select(u.c.id).where(u.c.competition_id == competition_id)
        delete_competition_people(conn, competition_id)
        conn.execute(delete(s).where(s.c.upload_id.in_(upload_ids)))
        conn.execute(delete(u).where(u.c.competition_id == competition_id))
        conn.execute(delete(schema.competitions)
                     .where(schema.competitions.c.id == competition_id))
        if after is not None:
            after(conn, competition_id)
        return str(competition.title)

    return archive.write(work)
