"""The archive's building blocks: the statements one transaction is made of (rows inserted,
locks taken, the current uploads found), shared by :mod:`scoring.store.archive` and the other
modules of the package, and the words stored in its columns.

Words used here (the values of the columns):
- ``competitions.status``: :data:`DRAFT` until published, then :data:`PUBLISHED`;
- ``uploads.status``: :data:`OK` (its scores count) or :data:`REJECTED`;
- ``uploads.purpose``: :data:`SHEET` (a judge's scores) or :data:`PAST_RESULTS`;
- *current upload*: a judge's newest ``ok`` sheet (:func:`current_upload_ids`).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
from sqlalchemy import Connection, func, insert, select, text, update

from scoring import table
from scoring.entries import ALIAS_SEPARATOR, Entry
from scoring.identity import clean_name, name_id
from scoring.problems import Problem
from scoring.store import schema
from scoring.store.errors import UnknownCompetitionError
from scoring.store.timeutil import utc_now

DRAFT, PUBLISHED = "draft", "published"
OK, REJECTED = "ok", "rejected"
SHEET, PAST_RESULTS = "sheet", "past_results"
SCORE_COLUMNS = (*table.COLUMNS, "upload_id")


def insert_competition(conn: Connection, *, title: str, year: int, rubric_text: str,
                       rubric_fingerprint: str, entries_csv: str, status: str, origin: str,
                       created_by: str) -> int:
    title = " ".join(title.split())
    if not title:
        raise ValueError("a competition needs a title")
    return int(conn.execute(insert(schema.competitions).values(
        title=title, year=int(year), rubric_text=rubric_text,
        rubric_fingerprint=rubric_fingerprint, entries_csv=entries_csv, status=status,
        origin=origin, created_at=utc_now(), created_by=created_by,
    )).inserted_primary_key[0])


def register(conn: Connection, items: Sequence[Entry], year: int) -> None:
    """Add ``items`` to the registry or update them, as listed in a competition of ``year``.

    An entry's official name and category are those of the newest year that listed it; any
    other name it was listed under is kept as an alias, so old files still match.
    """
    e = schema.entries
    ids = [item.id for item in items]
    existing = {row.entry_id: row for row in
                conn.execute(select(e).where(e.c.entry_id.in_(ids))).all()} if ids else {}
    now = utc_now()
    for item in items:
        old = existing.get(item.id)
        if old is None:
            conn.execute(insert(e).values(
                entry_id=item.id, name=item.name, category=item.category,
                aliases=join_aliases(item.aliases, official=item.name), last_year=year,
                updated_at=now))
            continue
        old_aliases = tuple(a for a in old.aliases.split(ALIAS_SEPARATOR) if a)
        if year >= old.last_year:
            name, category, last_year = item.name, item.category, year
        else:
            name, category, last_year = old.name, old.category, old.last_year
        aliases = join_aliases((*old_aliases, old.name, *item.aliases, item.name),
                                official=name)
        if (name, category, aliases, last_year) != (old.name, old.category, old.aliases,
                                                   old.last_year):
            conn.execute(update(e).where(e.c.entry_id == item.id).values(
                name=name, category=category, aliases=aliases, last_year=last_year,
                updated_at=now))


def lock_competition(conn: Connection, competition_id: int, *, exclusive: bool) -> Any:
    """The competition's row, locked for this transaction on PostgreSQL (shared for uploads,
    exclusive for publishing); on SQLite the write transaction already holds the lock."""
    row = conn.execute(select(schema.competitions)
                       .where(schema.competitions.c.id == competition_id)
                       .with_for_update(read=not exclusive)).first()
    if row is None:
        raise UnknownCompetitionError(competition_id)
    return row


def lock_judge(conn: Connection, competition_id: int, key: str) -> None:
    """On PostgreSQL, one upload at a time per judge and competition (a transaction-scoped
    advisory lock), so concurrent uploads of one judge get their version numbers in turn
    instead of clashing on them; other judges' uploads go on in parallel. SQLite's write
    transaction already serialises every upload."""
    if conn.dialect.name != "postgresql":
        return
    judge_hash = zlib.crc32(key.encode("utf-8"))
    judge_hash -= 1 << 32 if judge_hash >= 1 << 31 else 0  # PostgreSQL's int4 is signed
    conn.execute(text("SELECT pg_advisory_xact_lock(:competition, :judge)"),
                 {"competition": competition_id, "judge": judge_hash})


def latest_revision(conn: Connection, competition_id: int) -> int:
    r = schema.revisions
    return int(conn.scalar(select(func.coalesce(func.max(r.c.revision), 0))
                           .where(r.c.competition_id == competition_id)))


def current_upload_ids(conn: Connection, competition_id: int) -> list[int]:
    """Each judge's current upload (newest ``ok`` sheet), ordered by the folded judge name."""
    u = schema.uploads
    u2 = u.alias("newer")
    newest = (select(func.max(u2.c.version))
              .where(u2.c.competition_id == u.c.competition_id,
                     u2.c.judge_key == u.c.judge_key, u2.c.status == OK)
              .scalar_subquery())
    return list(conn.scalars(
        select(u.c.id).where(u.c.competition_id == competition_id, u.c.status == OK,
                             u.c.purpose == SHEET, u.c.version == newest)
        .order_by(u.c.judge_key)))


def scores_frame(conn: Connection, upload_ids: Sequence[int]) -> pd.DataFrame:
    """The scores of ``upload_ids`` as a score table plus ``upload_id``, in that order of
    uploads and, within one, in the order they were stored."""
    if not upload_ids:
        frame = table.empty()
        frame["upload_id"] = pd.Series(dtype="int64")
        return frame
    s = schema.scores
    rows = conn.execute(select(*(s.c[c] for c in SCORE_COLUMNS))
                        .where(s.c.upload_id.in_(list(upload_ids)))
                        .order_by(s.c.upload_id, s.c.id)).all()
    frame = pd.DataFrame.from_records(rows, columns=list(SCORE_COLUMNS))
    position = frame["upload_id"].map({u: i for i, u in enumerate(upload_ids)})
    frame = frame.iloc[position.to_numpy().argsort(kind="stable")]
    upload_column = frame["upload_id"].astype("int64").to_numpy()
    frame = table.make(frame)
    frame["upload_id"] = upload_column
    return frame


def insert_revision(conn: Connection, competition_id: int, revision: int, result_json: str,
                    fingerprint: str, rows: Sequence[dict[str, Any]], *, by: str, reason: str,
                    upload_ids: Sequence[int]) -> None:
    conn.execute(insert(schema.revisions).values(
        competition_id=competition_id, revision=revision, result_json=result_json,
        fingerprint=fingerprint, published_at=utc_now(), published_by=by, reason=reason))
    if rows:
        conn.execute(insert(schema.result_rows),
                     [{**row, "competition_id": competition_id, "revision": revision}
                      for row in rows])
    if upload_ids:
        conn.execute(insert(schema.revision_uploads),
                     [{"competition_id": competition_id, "revision": revision,
                       "upload_id": upload_id} for upload_id in upload_ids])


def chosen_uploads(conn: Connection, competition_id: int, ids: list[int] | None) -> list[int]:
    if ids is None:
        return current_upload_ids(conn, competition_id)
    u = schema.uploads
    known = set(conn.scalars(select(u.c.id).where(u.c.competition_id == competition_id,
                                                  u.c.id.in_(ids)))) if ids else set()
    if missing := sorted(set(ids) - known):
        raise ValueError(f"uploads {missing} are not uploads of competition {competition_id}")
    return ids


def join_aliases(names: Iterable[str], official: str) -> str:
    """``names`` without repeats and without the official name: a name that is the same
    name (:func:`scoring.identity.same_name`) as one kept already is left out."""
    seen = {name_id(official)}
    kept = []
    for name in names:
        name = clean_name(name)
        if name and name_id(name) not in seen:
            seen.add(name_id(name))
            kept.append(name)
    return ALIAS_SEPARATOR.join(kept)


def score_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    records = frame.loc[:, list(table.COLUMNS)].to_dict("records")
    for record in records:
        score = record["score"]
        record["score"] = None if score is None or math.isnan(score) else float(score)
    return records


def problem_record(problem: Problem) -> dict[str, Any]:
    return {"severity": problem.severity, "code": problem.code, "params": dict(problem.params),
            "file": problem.file, "sheet": problem.sheet, "cell": problem.cell}


def problem_from_record(record: dict[str, Any]) -> Problem:
    where = {key: record.get(key, "") for key in ("file", "sheet", "cell")}
    params = dict(record.get("params") or {})
    if "entry" in params:
        # stored before problems named entries by name: they name them by id
        params.setdefault("entry_name", params["entry"])
    try:
        return Problem(record["severity"], record["code"], params, **where)
    except (KeyError, ValueError):
        # a code this version's catalogue no longer has: keep the record readable
        return Problem("warning", "store.stored_problem",
                       {"code": record.get("code", "")}, **where)
