"""The people of a shared workspace, as stored: organiser accounts and their sign-in attempts,
a competition's judges with their private links, assignments and final submissions.

Persistence only: every function takes an open :class:`~sqlalchemy.Connection` (inside the
caller's transaction, so that a change and its audit record commit together) and neither
hashes, signs nor decides. The rules are in :mod:`scoring.workspace`.

Words used here (see :mod:`scoring.store.schema` for the columns):
- *username key*: the folded username the caller computed; unique among organisers.
- *link*: a judge's private link is stored as a *nonce* (random text that the signed token
  carries), the times it was issued and expires, and when it was revoked. Issuing a link
  again stores a new nonce, so every older token stops working.
- *assignment*: ``(judge, scope, target)`` with scope ``category`` or ``entry``.
- *submission*: a judge's "kirim final" of one upload, with a JSON summary; the newest counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Connection, delete, func, insert, select, update

from scoring.store import schema

CATEGORY, ENTRY = "category", "entry"
SCOPES = (CATEGORY, ENTRY)
ASSIGNMENT_COLUMNS = ("judge_id", "scope", "target")
SUBMISSION_COLUMNS = ("judge_id", "upload_id", "submitted_at", "summary_json")


class UnknownJudgeError(LookupError):
    """No judge with this id."""


@dataclass(frozen=True)
class OrganiserRecord:
    id: int
    username: str
    username_key: str
    password_hash: str
    disabled: bool
    created_at: str


@dataclass(frozen=True)
class JudgeRecord:
    id: int
    competition_id: int
    name: str
    name_key: str
    agency: str
    link_nonce: str | None
    link_issued_at: str | None
    link_expires_at: str | None
    link_revoked_at: str | None
    created_at: str


# --- organisers -------------------------------------------------------------------------------


def insert_organiser(conn: Connection, *, username: str, username_key: str,
                     password_hash: str, created_by: str, at: str) -> int:
    return int(conn.execute(insert(schema.organisers).values(
        username=username, username_key=username_key, password_hash=password_hash,
        created_at=at, created_by=created_by, disabled=False)).inserted_primary_key[0])


def find_organiser(conn: Connection, username_key: str) -> OrganiserRecord | None:
    o = schema.organisers
    row = conn.execute(select(o).where(o.c.username_key == username_key)).first()
    if row is None:
        return None
    return OrganiserRecord(row.id, row.username, row.username_key, row.password_hash,
                           bool(row.disabled), row.created_at)


def organiser_count(conn: Connection) -> int:
    return int(conn.scalar(select(func.count()).select_from(schema.organisers)))


def set_password_hash(conn: Connection, organiser_id: int, password_hash: str) -> None:
    o = schema.organisers
    conn.execute(update(o).where(o.c.id == organiser_id).values(password_hash=password_hash))


def record_attempt(conn: Connection, username_key: str, succeeded: bool, at: str,
                   detail: str = "") -> None:
    conn.execute(insert(schema.sign_in_attempts).values(
        username_key=username_key, succeeded=succeeded, attempted_at=at, detail=detail))


def recent_failures(conn: Connection, username_key: str, since: str) -> list[str]:
    """The times of the failed sign-ins for ``username_key`` at or after ``since`` and after
    its last successful one, oldest first."""
    a = schema.sign_in_attempts
    last_ok = conn.scalar(select(func.max(a.c.attempted_at))
                          .where(a.c.username_key == username_key, a.c.succeeded.is_(True)))
    query = (select(a.c.attempted_at)
             .where(a.c.username_key == username_key, a.c.succeeded.is_(False),
                    a.c.attempted_at >= since)
             .order_by(a.c.attempted_at))
    if last_ok:
        query = query.where(a.c.attempted_at > last_ok)
    return list(conn.scalars(query))


# --- judges and their links --------------------------------------------------------------------


def insert_judge(conn: Connection, *, competition_id: int, name: str, name_key: str,
                 agency: str, at: str) -> int:
    return int(conn.execute(insert(schema.judges).values(
        competition_id=competition_id, name=name, name_key=name_key, agency=agency,
        created_at=at)).inserted_primary_key[0])


def find_judge(conn: Connection, competition_id: int, name_key: str) -> JudgeRecord | None:
    j = schema.judges
    row = conn.execute(select(j).where(j.c.competition_id == competition_id,
                                       j.c.name_key == name_key)).first()
    return None if row is None else _judge(row)


def judge(conn: Connection, judge_id: int) -> JudgeRecord:
    row = conn.execute(select(schema.judges).where(schema.judges.c.id == judge_id)).first()
    if row is None:
        raise UnknownJudgeError(judge_id)
    return _judge(row)


def judges(conn: Connection, competition_id: int) -> list[JudgeRecord]:
    j = schema.judges
    rows = conn.execute(select(j).where(j.c.competition_id == competition_id)
                        .order_by(j.c.name_key)).all()
    return [_judge(row) for row in rows]


def set_link(conn: Connection, judge_id: int, *, nonce: str, issued_at: str,
             expires_at: str) -> None:
    """Store a new link for the judge (and forget any revocation of the old one)."""
    j = schema.judges
    conn.execute(update(j).where(j.c.id == judge_id).values(
        link_nonce=nonce, link_issued_at=issued_at, link_expires_at=expires_at,
        link_revoked_at=None))


def revoke_link(conn: Connection, judge_id: int, at: str) -> None:
    j = schema.judges
    conn.execute(update(j).where(j.c.id == judge_id).values(link_revoked_at=at))


# --- assignments ------------------------------------------------------------------------------


def add_assignment(conn: Connection, competition_id: int, judge_id: int, scope: str,
                   target: str) -> bool:
    """Assign; False when the judge already had this assignment."""
    if scope not in SCOPES:
        raise ValueError(f"unknown assignment scope {scope!r}; use one of {SCOPES}")
    a = schema.assignments
    if conn.scalar(select(a.c.id).where(a.c.judge_id == judge_id, a.c.scope == scope,
                                        a.c.target == target)) is not None:
        return False
    conn.execute(insert(a).values(competition_id=competition_id, judge_id=judge_id,
                                  scope=scope, target=target))
    return True


def assignments(conn: Connection, competition_id: int) -> pd.DataFrame:
    """``judge_id, scope, target`` of every assignment in the competition."""
    a = schema.assignments
    rows = conn.execute(select(a.c.judge_id, a.c.scope, a.c.target)
                        .where(a.c.competition_id == competition_id)
                        .order_by(a.c.judge_id, a.c.scope, a.c.target)).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=list(ASSIGNMENT_COLUMNS))


# --- final submissions ------------------------------------------------------------------------


def insert_submission(conn: Connection, *, competition_id: int, judge_id: int, upload_id: int,
                      at: str, summary_json: str) -> int:
    return int(conn.execute(insert(schema.submissions).values(
        competition_id=competition_id, judge_id=judge_id, upload_id=upload_id,
        submitted_at=at, summary_json=summary_json)).inserted_primary_key[0])


def latest_submissions(conn: Connection, competition_id: int) -> pd.DataFrame:
    """Each judge's newest final submission: :data:`SUBMISSION_COLUMNS`."""
    s = schema.submissions
    newest = (select(func.max(s.c.id)).where(s.c.competition_id == competition_id)
              .group_by(s.c.judge_id))
    rows = conn.execute(select(s.c.judge_id, s.c.upload_id, s.c.submitted_at, s.c.summary_json)
                        .where(s.c.id.in_(newest)).order_by(s.c.judge_id)).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=list(SUBMISSION_COLUMNS))


def delete_competition_people(conn: Connection, competition_id: int) -> None:
    """Remove a competition's submissions, assignments and judges (deleting a draft)."""
    for table in (schema.submissions, schema.assignments, schema.judges):
        conn.execute(delete(table).where(table.c.competition_id == competition_id))


def _judge(row: Any) -> JudgeRecord:
    return JudgeRecord(row.id, row.competition_id, row.name, row.name_key, row.agency,
                       row.link_nonce, row.link_issued_at, row.link_expires_at,
                       row.link_revoked_at, row.created_at)
