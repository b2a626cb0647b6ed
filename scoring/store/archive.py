"""The archive: competitions, the entries registry, uploaded files and their scores, and
published results, in one database (see :mod:`scoring.store.schema` for the tables).

Words used here:
- *upload*: one file as a user gave it, kept byte for byte with its sha256, original name,
  judge, uploader and time, together with the scores read from it, in one transaction: an
  upload is either wholly in the database or not at all.
- *version*: a judge's uploads to a competition are numbered 1, 2, 3 …. A new file for the
  same judge is a new version; it *supersedes* the older one for scoring, and the older one
  stays readable (:meth:`Archive.upload_bytes`). Nothing is overwritten.
- *current upload*: a judge's newest upload whose status is ``ok``. The *current scores* of a
  competition are the scores of its current uploads, one per judge.
- *rejected upload*: a file whose reading found errors (or no scores). It is kept, with its
  problems, but has no scores and does not supersede the judge's current upload.
- *duplicate*: a file with the same sha256 as the judge's newest or current upload. It is
  recognised and not stored again, so it is never counted twice.
- *revision*: a published result. :meth:`Archive.publish` makes revision 1 and freezes it;
  :meth:`Archive.correct` adds revision 2, 3 … with a reason. Every revision stays readable,
  with the list of uploads it was computed from.

Publishing and later uploads (the choice made here): an upload to a published competition
is *stored but never used by a published revision*. A revision records the uploads it was
computed from, and revisions are never changed, so no upload can alter what was announced.
The late upload is current for the next correction, which is how a judge's corrected sheet
reaches a corrected result. Its receipt carries the warning ``store.upload_after_publish``.

Concurrency: every write is one transaction. On SQLite it takes the write lock at its start
(``BEGIN IMMEDIATE``) and waits on the busy timeout for other writers; on PostgreSQL uploads
share-lock their competition row (publishing locks it exclusively, so an upload and a
publication never interleave) and take an advisory lock for their judge, so one judge's
uploads get their version numbers in turn; a unique-key clash that slips through anyway is
retried from the start of the transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import pandas as pd
from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from scoring import table
from scoring.entries import Entry, parse_entries
from scoring.identity import clean_name, judge_key
from scoring.problems import Problem, error, has_errors, warning
from scoring.store import schema
from scoring.store.database import database_url, make_engine, writer
from scoring.store.errors import (
    StoreRefusedError,
    UnknownCompetitionError,
    UnknownRevisionError,
    UnknownUploadError,
)
from scoring.store.migrations import MIGRATIONS, Migration, migrate
from scoring.store.records import (
    DRAFT,
    OK,
    PUBLISHED,
    REJECTED,
    SHEET,
    chosen_uploads,
    current_upload_ids,
    insert_competition,
    insert_revision,
    latest_revision,
    lock_competition,
    lock_judge,
    problem_from_record,
    problem_record,
    register,
    score_records,
    scores_frame,
)
from scoring.store.results import ROW_COLUMNS, parse_result
from scoring.store.timeutil import utc_now

T = TypeVar("T")
UploadStatus = Literal["new", "new_version", "duplicate", "rejected"]
UPLOAD_COLUMNS = ("upload_id", "judge", "version", "status", "current", "purpose", "filename",
                  "sha256", "size", "uploaded_at", "uploader", "score_count")
REVISION_COLUMNS = ("revision", "fingerprint", "published_at", "published_by", "reason",
                    "upload_count")
COMPETITION_COLUMNS = ("competition_id", "title", "year", "status", "origin",
                       "rubric_fingerprint", "created_at", "created_by", "latest_revision")
REGISTRY_COLUMNS = ("entry_id", "name", "category", "aliases", "last_year")


@dataclass(frozen=True)
class UploadReceipt:
    """What happened to an upload.

    ``status``: ``new`` (the judge's first usable sheet), ``new_version`` (supersedes
    ``superseded_id``), ``duplicate`` (the same bytes as upload ``upload_id``; nothing
    stored) or ``rejected`` (kept, not used: the file had errors). ``problems`` are the
    archive's own remarks (duplicate, published, judge mismatch), not the reader's.
    """

    upload_id: int
    status: UploadStatus
    judge: str
    version: int
    sha256: str
    superseded_id: int | None = None
    score_count: int = 0
    problems: tuple[Problem, ...] = ()

    @property
    def counts(self) -> bool:
        """True when this upload's scores are now the judge's current scores."""
        return self.status in ("new", "new_version")


@dataclass(frozen=True)
class Competition:
    id: int
    title: str
    year: int
    rubric_text: str
    rubric_fingerprint: str
    entries_csv: str
    status: str
    origin: str
    created_at: str
    created_by: str

    @property
    def is_published(self) -> bool:
        return self.status == PUBLISHED


@dataclass(frozen=True)
class PublishedResult:
    """One revision of a competition's result, exactly as published."""

    competition_id: int
    revision: int
    result_json: str
    fingerprint: str
    published_at: str
    published_by: str
    reason: str
    upload_ids: tuple[int, ...]

    def data(self) -> dict[str, Any]:
        return json.loads(self.result_json)


def open_archive(url: str | None = None, *, migrations: Sequence[Migration] = MIGRATIONS
                 ) -> Archive:
    """Open (creating or upgrading as needed) the archive at ``url``.

    ``url`` defaults to ``$JURI_DATABASE_URL``, then to ``data/juri.db`` in the repository
    (:func:`scoring.store.database.default_database_path`). ``migrations`` is for tests that
    build an old database; leave it alone otherwise.
    """
    engine = make_engine(database_url(url))
    try:
        migrate(engine, migrations)
    except BaseException:
        engine.dispose()
        raise
    return Archive(engine)


class Archive:
    """The archive in one database; made by :func:`open_archive`. Safe to share by threads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = writer(engine)
        # one snapshot per read transaction on both backends (SQLite's reads are snapshots)
        self._reader = (engine.execution_options(isolation_level="REPEATABLE READ")
                        if engine.dialect.name == "postgresql" else engine)

    @property
    def url(self) -> str:
        """The database URL with any password hidden, for showing to users."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- transactions (for the modules of this package) ------------------------------------

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction: every query in it sees the same committed state."""
        with self._reader.connect() as conn, conn.begin():
            yield conn

    def write(self, work: Callable[[Connection], T], attempts: int = 5) -> T:
        """Run ``work`` in one write transaction; commit if it returns, roll back if it raises.

        On PostgreSQL two writers can race for the same unique key (a judge's next version);
        the loser's transaction fails with an integrity error and is run again from the start.
        """
        for attempt in range(1, attempts + 1):
            try:
                with self._writer.begin() as conn:
                    return work(conn)
            except IntegrityError:
                if attempt == attempts:
                    raise
        raise AssertionError("unreachable")

    # --- competitions and the entries registry ---------------------------------------------

    def create_competition(self, title: str, year: int, rubric_text: str,
                           rubric_fingerprint: str, entries_csv: str, created_by: str = ""
                           ) -> int:
        """Store a new competition (status draft) and add its entries to the registry.

        Raises :class:`StoreRefusedError` with the entries list's problems when it does not parse.
        """
        parsed, problems = parse_entries(entries_csv, file="entries")
        if parsed is None:
            raise StoreRefusedError(problems)

        def work(conn: Connection) -> int:
            competition_id = insert_competition(
                conn, title=title, year=year, rubric_text=rubric_text,
                rubric_fingerprint=rubric_fingerprint, entries_csv=entries_csv,
                status=DRAFT, origin="tool", created_by=created_by)
            register(conn, parsed.items, year)
            return competition_id

        return self.write(work)

    def competition(self, competition_id: int) -> Competition:
        with self.reading() as conn:
            row = conn.execute(select(schema.competitions)
                               .where(schema.competitions.c.id == competition_id)).first()
        if row is None:
            raise UnknownCompetitionError(competition_id)
        return _competition(row)

    def competitions(self) -> pd.DataFrame:
        """Every competition, newest year first (no rubric or entries text)."""
        c, r = schema.competitions, schema.revisions
        latest = (select(func.max(r.c.revision)).where(r.c.competition_id == c.c.id)
                  .scalar_subquery())
        query = (select(c.c.id, c.c.title, c.c.year, c.c.status, c.c.origin,
                        c.c.rubric_fingerprint, c.c.created_at, c.c.created_by, latest)
                 .order_by(c.c.year.desc(), c.c.id))
        with self.reading() as conn:
            rows = conn.execute(query).all()
        frame = pd.DataFrame([tuple(row) for row in rows], columns=list(COMPETITION_COLUMNS))
        frame["latest_revision"] = frame["latest_revision"].astype("Int64")
        return frame

    def register_entries(self, items: Iterable[Entry], year: int) -> None:
        """Add entries to the registry, or update them (see :func:`register`)."""
        entries = list(items)
        self.write(lambda conn: register(conn, entries, year))

    def registry(self) -> pd.DataFrame:
        """The entries registry: ``entry_id, name, category, aliases`` (``|``-joined),
        ``last_year``; sorted by id."""
        e = schema.entries
        with self.reading() as conn:
            rows = conn.execute(select(e.c.entry_id, e.c.name, e.c.category, e.c.aliases,
                                       e.c.last_year).order_by(e.c.entry_id)).all()
        return pd.DataFrame([tuple(row) for row in rows], columns=list(REGISTRY_COLUMNS))

    # --- uploads -----------------------------------------------------------------------------

    def store_upload(self, competition_id: int, filename: str, data: bytes, judge: str,
                     uploader: str, scores: pd.DataFrame | None,
                     problems: Iterable[Problem] = (), *,
                     on_locked: Callable[[], None] | None = None) -> UploadReceipt:
        """Keep a judge's file and the scores read from it, in one transaction.

        ``scores`` is the file's long score table (:mod:`scoring.table`); ``problems`` are
        what the reader found. With an error among them, or no scores, the file is kept as a
        rejected upload. Every score's ``judge_id`` must be ``judge`` (the same judge:
        :func:`scoring.identity.same_judge`); otherwise the upload is rejected with
        ``store.judge_mismatch``. ``on_locked`` is called inside the transaction, after the
        file's row is written and before its scores (tests stop a process there).
        """
        judge_name = clean_name(judge)
        key = judge_key(judge_name)
        if not key:
            raise ValueError("an upload needs the judge's name")
        digest = hashlib.sha256(data).hexdigest()
        reader_problems = list(problems)
        own_problems: list[Problem] = []
        frame = table.make(scores) if scores is not None else table.empty()
        found = sorted({clean_name(j) for j in frame["judge_id"]} - {""}, key=judge_key)
        if any(judge_key(name) != key for name in found):
            own_problems.append(error("store.judge_mismatch", file=filename, judge=judge_name,
                                      found=", ".join(found)))
        if not len(frame) and not has_errors(reader_problems):
            own_problems.append(error("store.upload_no_scores", file=filename))
        rejected = has_errors([*reader_problems, *own_problems])
        records = [] if rejected else score_records(frame)
        stored_problems = json.dumps([problem_record(p) for p in
                                      (*reader_problems, *own_problems)],
                                     ensure_ascii=False, default=str)

        def work(conn: Connection) -> UploadReceipt:
            competition = lock_competition(conn, competition_id, exclusive=False)
            lock_judge(conn, competition_id, key)
            u = schema.uploads
            previous = conn.execute(
                select(u.c.id, u.c.version, u.c.status, u.c.sha256, u.c.judge)
                .where(u.c.competition_id == competition_id, u.c.judge_key == key)
                .order_by(u.c.version.desc())).all()
            latest = previous[0] if previous else None
            current = next((row for row in previous if row.status == OK), None)
            for candidate in (latest, current):
                if candidate is not None and candidate.sha256 == digest:
                    return UploadReceipt(
                        candidate.id, "duplicate", candidate.judge, candidate.version, digest,
                        problems=(warning("store.upload_duplicate", file=filename,
                                          upload_id=candidate.id, version=candidate.version,
                                          judge=candidate.judge),))
            late: list[Problem] = []
            if competition.status == PUBLISHED:
                late.append(warning("store.upload_after_publish", file=filename,
                                    title=competition.title,
                                    revision=latest_revision(conn, competition_id)))
            version = (latest.version if latest else 0) + 1
            upload_id = conn.execute(insert(u).values(
                competition_id=competition_id, judge=judge_name, judge_key=key,
                version=version, status=REJECTED if rejected else OK, filename=filename,
                sha256=digest, size=len(data), data=data, uploaded_at=utc_now(),
                uploader=uploader, problems_json=stored_problems, purpose=SHEET,
            )).inserted_primary_key[0]
            if on_locked is not None:
                on_locked()
            if records:
                conn.execute(insert(schema.scores),
                             [{**record, "upload_id": upload_id} for record in records])
            if rejected:
                status: UploadStatus = "rejected"
            else:
                status = "new_version" if current is not None else "new"
            return UploadReceipt(
                upload_id, status, judge_name, version, digest,
                superseded_id=current.id if current is not None and not rejected else None,
                score_count=len(records), problems=(*own_problems, *late))

        return self.write(work)

    def uploads(self, competition_id: int) -> pd.DataFrame:
        """Every upload of a competition, oldest first, without the bytes (columns:
        :data:`UPLOAD_COLUMNS`; ``current`` marks each judge's current upload)."""
        u, s = schema.uploads, schema.scores
        counts = (select(s.c.upload_id, func.count().label("n")).group_by(s.c.upload_id)
                  .subquery())
        query = (select(u.c.id, u.c.judge, u.c.version, u.c.status, u.c.purpose, u.c.filename,
                        u.c.sha256, u.c.size, u.c.uploaded_at, u.c.uploader,
                        func.coalesce(counts.c.n, 0))
                 .select_from(u.outerjoin(counts, counts.c.upload_id == u.c.id))
                 .where(u.c.competition_id == competition_id).order_by(u.c.id))
        with self.reading() as conn:
            rows = conn.execute(query).all()
            current = set(current_upload_ids(conn, competition_id))
        records = [(r[0], r[1], r[2], r[3], r[0] in current, *r[4:]) for r in rows]
        return pd.DataFrame(records, columns=list(UPLOAD_COLUMNS))

    def upload_bytes(self, upload_id: int) -> bytes:
        """The file exactly as it was uploaded."""
        with self.reading() as conn:
            data = conn.scalar(select(schema.uploads.c.data)
                               .where(schema.uploads.c.id == upload_id))
        if data is None:
            raise UnknownUploadError(upload_id)
        return bytes(data)

    def upload_problems(self, upload_id: int) -> list[Problem]:
        """The problems found in an upload's file when it was stored."""
        with self.reading() as conn:
            stored = conn.scalar(select(schema.uploads.c.problems_json)
                                 .where(schema.uploads.c.id == upload_id))
        if stored is None:
            raise UnknownUploadError(upload_id)
        return [problem_from_record(record) for record in json.loads(stored)]

    def upload_scores(self, upload_id: int) -> pd.DataFrame:
        """The scores stored from one upload (empty for a rejected one)."""
        with self.reading() as conn:
            return scores_frame(conn, [upload_id])

    def current_scores(self, competition_id: int) -> pd.DataFrame:
        """The competition's current scores: from each judge's current upload only.

        Columns: the score table's (:data:`scoring.table.COLUMNS`) and ``upload_id``; rows by
        judge (folded name), then in the order of the file.
        """
        with self.reading() as conn:
            if conn.scalar(select(schema.competitions.c.id)
                           .where(schema.competitions.c.id == competition_id)) is None:
                raise UnknownCompetitionError(competition_id)
            return scores_frame(conn, current_upload_ids(conn, competition_id))

    # --- published results ------------------------------------------------------------------

    def publish(self, competition_id: int, result_json: str, published_by: str, *,
                upload_ids: Iterable[int] | None = None) -> int:
        """Publish the competition's result as revision 1 and freeze it; returns 1.

        ``upload_ids``: the uploads the result was computed from (the ``upload_id`` values
        of the :meth:`current_scores` it used); by default, the current uploads at this
        moment. Refused (:class:`StoreRefusedError`, ``store.already_published``) when the
        competition is already published: a change then needs :meth:`correct`.
        """
        fingerprint, rows = parse_result(result_json)
        ids = None if upload_ids is None else sorted(set(upload_ids))

        def work(conn: Connection) -> int:
            competition = lock_competition(conn, competition_id, exclusive=True)
            if competition.status == PUBLISHED:
                raise StoreRefusedError([error("store.already_published", title=competition.title,
                                          revision=latest_revision(conn, competition_id))])
            insert_revision(conn, competition_id, 1, result_json, fingerprint, rows,
                            by=published_by, reason="",
                            upload_ids=chosen_uploads(conn, competition_id, ids))
            conn.execute(update(schema.competitions)
                         .where(schema.competitions.c.id == competition_id)
                         .values(status=PUBLISHED))
            return 1

        return self.write(work)

    def correct(self, competition_id: int, result_json: str, reason: str, corrected_by: str,
                *, upload_ids: Iterable[int] | None = None) -> int:
        """Publish a corrected result as the next revision; returns its number.

        Earlier revisions stay as they were. Refused when the competition is not published
        (``store.not_published``) or ``reason`` is empty (``store.reason_required``).
        """
        fingerprint, rows = parse_result(result_json)
        ids = None if upload_ids is None else sorted(set(upload_ids))
        reason = " ".join(reason.split())

        def work(conn: Connection) -> int:
            competition = lock_competition(conn, competition_id, exclusive=True)
            if competition.status != PUBLISHED:
                raise StoreRefusedError([error("store.not_published", title=competition.title)])
            if not reason:
                raise StoreRefusedError([error("store.reason_required", title=competition.title)])
            revision = latest_revision(conn, competition_id) + 1
            insert_revision(conn, competition_id, revision, result_json, fingerprint, rows,
                            by=corrected_by, reason=reason,
                            upload_ids=chosen_uploads(conn, competition_id, ids))
            return revision

        return self.write(work)

    def results(self, competition_id: int, revision: int | None = None
                ) -> PublishedResult | None:
        """A revision of the published result (the latest by default); None when the
        competition has not been published."""
        r, ru = schema.revisions, schema.revision_uploads
        with self.reading() as conn:
            if revision is None:
                revision = latest_revision(conn, competition_id)
                if revision == 0:
                    self._require_competition(conn, competition_id)
                    return None
            row = conn.execute(select(r).where(r.c.competition_id == competition_id,
                                               r.c.revision == revision)).first()
            if row is None:
                self._require_competition(conn, competition_id)
                raise UnknownRevisionError(f"competition {competition_id} revision {revision}")
            ids = tuple(conn.scalars(select(ru.c.upload_id)
                                     .where(ru.c.competition_id == competition_id,
                                            ru.c.revision == revision)
                                     .order_by(ru.c.upload_id)))
        return PublishedResult(competition_id, row.revision, row.result_json, row.fingerprint,
                               row.published_at, row.published_by, row.reason, ids)

    def revisions(self, competition_id: int) -> pd.DataFrame:
        """The competition's revisions, oldest first (:data:`REVISION_COLUMNS`)."""
        r, ru = schema.revisions, schema.revision_uploads
        count = (select(func.count()).where(ru.c.competition_id == r.c.competition_id,
                                            ru.c.revision == r.c.revision).scalar_subquery())
        query = (select(r.c.revision, r.c.fingerprint, r.c.published_at, r.c.published_by,
                        r.c.reason, count)
                 .where(r.c.competition_id == competition_id).order_by(r.c.revision))
        with self.reading() as conn:
            rows = conn.execute(query).all()
        return pd.DataFrame([tuple(row) for row in rows], columns=list(REVISION_COLUMNS))

    def result_table(self, competition_id: int, revision: int | None = None) -> pd.DataFrame:
        """A revision's result, one row per entry (:data:`scoring.store.results.ROW_COLUMNS`),
        by category and rank; empty when not published."""
        rr = schema.result_rows
        with self.reading() as conn:
            if revision is None:
                revision = latest_revision(conn, competition_id)
            rows = conn.execute(
                select(*(rr.c[c] for c in ROW_COLUMNS))
                .where(rr.c.competition_id == competition_id, rr.c.revision == revision)
                .order_by(rr.c.category, rr.c.rank, rr.c.entry_id)).all()
        frame = pd.DataFrame([tuple(row) for row in rows], columns=list(ROW_COLUMNS))
        frame["rank"] = frame["rank"].astype("Int64")
        frame["tied"] = frame["tied"].astype(bool)
        frame["total"] = frame["total"].astype("float64")
        return frame

    def revision_scores(self, competition_id: int, revision: int) -> pd.DataFrame:
        """The scores a revision was computed from (same columns as :meth:`current_scores`)."""
        ru = schema.revision_uploads
        with self.reading() as conn:
            ids = list(conn.scalars(select(ru.c.upload_id)
                                    .where(ru.c.competition_id == competition_id,
                                           ru.c.revision == revision)))
            if not ids and conn.scalar(
                    select(schema.revisions.c.revision)
                    .where(schema.revisions.c.competition_id == competition_id,
                           schema.revisions.c.revision == revision)) is None:
                raise UnknownRevisionError(f"competition {competition_id} revision {revision}")
            return scores_frame(conn, ids)

    @staticmethod
    def _require_competition(conn: Connection, competition_id: int) -> None:
        if conn.scalar(select(schema.competitions.c.id)
                       .where(schema.competitions.c.id == competition_id)) is None:
            raise UnknownCompetitionError(competition_id)


def _competition(row: Any) -> Competition:
    return Competition(row.id, row.title, row.year, row.rubric_text, row.rubric_fingerprint,
                       row.entries_csv, row.status, row.origin, row.created_at, row.created_by)
