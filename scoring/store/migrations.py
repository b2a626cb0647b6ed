"""Schema versions: how a database made by an older Juri opens in a newer one.

Words used here:
- *migration*: one numbered step that changes the schema (:class:`Migration`). The steps are
  :data:`MIGRATIONS`, in order, numbered 1, 2, 3 …; step ``n`` turns a version ``n − 1``
  database into a version ``n`` one. A new database is built by running every step from 1,
  so new and upgraded databases are made the same way.
- *schema version*: the number of the last applied step, read from the ``schema_version``
  table (one row per applied step: ``version``, ``name``, ``applied_at``). A database without
  that table is at version 0 (empty).

The rules for adding a step:

1. Never edit a step that has shipped: a database somewhere was made by it. Add a new one at
   the end of :data:`MIGRATIONS` with the next number.
2. A step uses only its own table definitions (a frozen copy, or plain DDL), never the ones
   in :mod:`scoring.store.schema`, which describe the *newest* schema.
3. Update :mod:`scoring.store.schema` to the schema after the new step; a test compares them.
4. Prefer DDL both backends share (``CREATE TABLE``, ``ALTER TABLE … ADD COLUMN … DEFAULT``).

:func:`migrate` runs all pending steps in one transaction (DDL is transactional on SQLite and
PostgreSQL), under the write lock on SQLite and an advisory lock on PostgreSQL, so two
processes opening an old database at once upgrade it once, and a failure leaves it as it was.
A database with more steps than this Juri knows is refused (:class:`SchemaTooNewError`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Double,
    Engine,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    insert,
    inspect,
    select,
    text,
)

from scoring.identity import judge_key
from scoring.store import schema
from scoring.store.database import writer
from scoring.store.errors import SchemaTooNewError
from scoring.store.timeutil import utc_now

_ADVISORY_LOCK_KEY = 0x4A555249  # "JURI": serialises migrations on a PostgreSQL database


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    """Competitions, the entries registry, uploads, scores and published results."""
    md = MetaData()
    Table("competitions", md,
          Column("id", Integer, primary_key=True),
          Column("title", Text, nullable=False),
          Column("year", Integer, nullable=False),
          Column("rubric_text", Text, nullable=False),
          Column("rubric_fingerprint", String(64), nullable=False),
          Column("entries_csv", Text, nullable=False),
          Column("status", String(16), nullable=False),
          Column("created_at", String(40), nullable=False),
          Column("created_by", Text, nullable=False))
    Table("entries", md,
          Column("entry_id", String(200), primary_key=True),
          Column("name", Text, nullable=False),
          Column("category", Text, nullable=False),
          Column("aliases", Text, nullable=False),
          Column("last_year", Integer, nullable=False),
          Column("updated_at", String(40), nullable=False))
    Table("uploads", md,
          Column("id", Integer, primary_key=True),
          Column("competition_id", Integer, ForeignKey("competitions.id"), nullable=False),
          Column("judge", Text, nullable=False),
          Column("judge_key", String(200), nullable=False),
          Column("version", Integer, nullable=False),
          Column("status", String(16), nullable=False),
          Column("filename", Text, nullable=False),
          Column("sha256", String(64), nullable=False),
          Column("size", Integer, nullable=False),
          Column("data", LargeBinary, nullable=False),
          Column("uploaded_at", String(40), nullable=False),
          Column("uploader", Text, nullable=False),
          Column("problems_json", Text, nullable=False),
          UniqueConstraint("competition_id", "judge_key", "version",
                           name="uq_uploads_judge_version"),
          Index("ix_uploads_competition_sha", "competition_id", "sha256"))
    Table("scores", md,
          Column("id", Integer, primary_key=True),
          Column("upload_id", Integer, ForeignKey("uploads.id"), nullable=False),
          Column("entry_id", Text, nullable=False),
          Column("category", Text, nullable=False),
          Column("judge_id", Text, nullable=False),
          Column("criterion_id", Text, nullable=False),
          Column("score", Double, nullable=True),
          Column("source_file", Text, nullable=False),
          Column("source_sheet", Text, nullable=False),
          Column("source_cell", Text, nullable=False),
          Index("ix_scores_upload", "upload_id"))
    Table("revisions", md,
          Column("competition_id", Integer, ForeignKey("competitions.id"), primary_key=True,
                 autoincrement=False),
          Column("revision", Integer, primary_key=True, autoincrement=False),
          Column("result_json", Text, nullable=False),
          Column("fingerprint", Text, nullable=False),
          Column("published_at", String(40), nullable=False),
          Column("published_by", Text, nullable=False),
          Column("reason", Text, nullable=False))
    Table("revision_uploads", md,
          Column("competition_id", Integer, primary_key=True, autoincrement=False),
          Column("revision", Integer, primary_key=True, autoincrement=False),
          Column("upload_id", Integer, ForeignKey("uploads.id"), primary_key=True,
                 autoincrement=False),
          ForeignKeyConstraint(["competition_id", "revision"],
                               ["revisions.competition_id", "revisions.revision"]))
    Table("result_rows", md,
          Column("competition_id", Integer, primary_key=True, autoincrement=False),
          Column("revision", Integer, primary_key=True, autoincrement=False),
          Column("category", String(200), primary_key=True),
          Column("entry_id", String(200), primary_key=True),
          Column("name", Text, nullable=False),
          Column("rank", Integer, nullable=True),
          Column("tied", Boolean, nullable=False),
          Column("total", Double, nullable=True),
          Column("award", Text, nullable=True),
          ForeignKeyConstraint(["competition_id", "revision"],
                               ["revisions.competition_id", "revisions.revision"]),
          Index("ix_result_rows_entry", "entry_id"))
    md.create_all(conn)


def _v2_lineage_and_imports(conn: Connection) -> None:
    """Entry lineage across years; imported past years (origin) and their files (purpose)."""
    conn.execute(text(
        "ALTER TABLE competitions ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'tool'"))
    conn.execute(text(
        "ALTER TABLE uploads ADD COLUMN purpose VARCHAR(16) NOT NULL DEFAULT 'sheet'"))
    md = MetaData()
    # a stand-in for the existing table, only so that the foreign keys below resolve
    Table("entries", md, Column("entry_id", String(200), primary_key=True))
    lineage = Table("lineage", md,
                    Column("id", Integer, primary_key=True),
                    Column("kind", String(16), nullable=False),
                    Column("from_entry", String(200), ForeignKey("entries.entry_id"),
                           nullable=False),
                    Column("to_entry", String(200), ForeignKey("entries.entry_id"),
                           nullable=False),
                    Column("year", Integer, nullable=False),
                    Column("note", Text, nullable=False),
                    Column("created_at", String(40), nullable=False),
                    UniqueConstraint("from_entry", "to_entry", name="uq_lineage_link"))
    lineage.create(conn)


def _v3_judge_keys(conn: Connection) -> None:
    """Judges told apart by :func:`scoring.identity.judge_key` (accents and punctuation folded
    too, not only case and spaces): every judge's sheet gets its key again from its ``judge``.

    Sheets that were two judges' and are now one judge's (``Dra. Sri`` and ``Dra Sri``) become
    one line of versions, numbered again 1, 2, 3 … in the order they were uploaded, so the
    newest is the current one. (This step calls the key function of the Juri that runs it;
    a later change of the key adds a new step like this one.)
    """
    rows = conn.execute(text(
        "SELECT id, competition_id, judge, judge_key, version FROM uploads"
        " WHERE purpose = 'sheet' ORDER BY competition_id, id")).all()
    lines: dict[tuple[int, str], list[Any]] = {}
    for row in rows:
        lines.setdefault((row.competition_id, judge_key(row.judge)), []).append(row)
    final: dict[int, tuple[str, int]] = {}
    for (_, key), line in lines.items():
        renumber = len({row.judge_key for row in line}) > 1
        for number, row in enumerate(line, start=1):
            wanted = (key, number if renumber else row.version)
            if wanted != (row.judge_key, row.version):
                final[row.id] = wanted
    # two passes, so that no intermediate state repeats a (competition, judge, version)
    for upload_id in final:
        conn.execute(text("UPDATE uploads SET version = :v WHERE id = :id"),
                     {"v": -upload_id, "id": upload_id})
    for upload_id, (key, version) in final.items():
        conn.execute(text("UPDATE uploads SET judge_key = :k, version = :v WHERE id = :id"),
                     {"k": key, "v": version, "id": upload_id})


def _v4_shared_workspace(conn: Connection) -> None:
    """The shared workspace: organisers and their sign-ins, judges with their private links,
    assignments, final submissions, the audit log, and a unique key per competition."""
    conn.execute(text("ALTER TABLE competitions ADD COLUMN natural_key VARCHAR(64)"))
    conn.execute(text(
        "CREATE UNIQUE INDEX uq_competitions_natural_key ON competitions (natural_key)"))
    md = MetaData()
    # stand-ins for the existing tables, only so that the foreign keys below resolve
    Table("competitions", md, Column("id", Integer, primary_key=True))
    Table("uploads", md, Column("id", Integer, primary_key=True))
    Table("organisers", md,
          Column("id", Integer, primary_key=True),
          Column("username", Text, nullable=False),
          Column("username_key", String(200), nullable=False),
          Column("password_hash", Text, nullable=False),
          Column("created_at", String(40), nullable=False),
          Column("created_by", Text, nullable=False),
          Column("disabled", Boolean, nullable=False, server_default=text("false")),
          UniqueConstraint("username_key", name="uq_organisers_username"))
    Table("sign_in_attempts", md,
          Column("id", Integer, primary_key=True),
          Column("username_key", String(200), nullable=False),
          Column("succeeded", Boolean, nullable=False),
          Column("attempted_at", String(40), nullable=False),
          Column("detail", Text, nullable=False),
          Index("ix_sign_in_attempts_user_time", "username_key", "attempted_at"))
    Table("judges", md,
          Column("id", Integer, primary_key=True),
          Column("competition_id", Integer, ForeignKey("competitions.id"), nullable=False),
          Column("name", Text, nullable=False),
          Column("name_key", String(200), nullable=False),
          Column("agency", Text, nullable=False),
          Column("link_nonce", String(64), nullable=True),
          Column("link_issued_at", String(40), nullable=True),
          Column("link_expires_at", String(40), nullable=True),
          Column("link_revoked_at", String(40), nullable=True),
          Column("created_at", String(40), nullable=False),
          UniqueConstraint("competition_id", "name_key", name="uq_judges_name"))
    Table("assignments", md,
          Column("id", Integer, primary_key=True),
          Column("competition_id", Integer, ForeignKey("competitions.id"), nullable=False),
          Column("judge_id", Integer, ForeignKey("judges.id"), nullable=False),
          Column("scope", String(16), nullable=False),
          Column("target", String(200), nullable=False),
          UniqueConstraint("judge_id", "scope", "target", name="uq_assignments_target"))
    Table("submissions", md,
          Column("id", Integer, primary_key=True),
          Column("competition_id", Integer, ForeignKey("competitions.id"), nullable=False),
          Column("judge_id", Integer, ForeignKey("judges.id"), nullable=False),
          Column("upload_id", Integer, ForeignKey("uploads.id"), nullable=False),
          Column("submitted_at", String(40), nullable=False),
          Column("summary_json", Text, nullable=False),
          Index("ix_submissions_judge", "judge_id"))
    Table("audit_log", md,
          Column("id", Integer, primary_key=True),
          Column("at", String(40), nullable=False),
          Column("actor", Text, nullable=False),
          Column("role", String(16), nullable=False),
          Column("action", String(40), nullable=False),
          Column("competition_id", Integer, nullable=True),
          Column("detail_json", Text, nullable=False),
          Index("ix_audit_log_competition", "competition_id"))
    for name in ("organisers", "sign_in_attempts", "judges", "assignments", "submissions",
                 "audit_log"):
        md.tables[name].create(conn)


def _v5_settings(conn: Connection) -> None:
    """The database's own settings (``demo``: this is the demo database)."""
    md = MetaData()
    Table("settings", md,
          Column("name", String(100), primary_key=True),
          Column("value", Text, nullable=False),
          Column("updated_at", String(40), nullable=False)).create(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "competitions, entries, uploads, scores, results", _v1_initial),
    Migration(2, "entry lineage; imported past years", _v2_lineage_and_imports),
    Migration(3, "judges told apart by their folded name", _v3_judge_keys),
    Migration(4, "shared workspace: organisers, judges, links, assignments, submissions, "
                 "audit log", _v4_shared_workspace),
    Migration(5, "settings: the demo database's mark", _v5_settings),
)


def schema_version(engine: Engine) -> int:
    """The database's schema version: the last applied migration, 0 for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(schema.schema_version.name):
            return 0
        return int(conn.scalar(select(func.coalesce(func.max(schema.schema_version.c.version),
                                                    0))))


def migrate(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Apply the pending ``migrations``; returns the versions applied (empty: up to date)."""
    _check_numbering(migrations)
    current = schema_version(engine)
    if current > len(migrations):
        raise SchemaTooNewError(_too_new(current, len(migrations)))
    if current == len(migrations):
        return []
    applied_now: list[int] = []
    with writer(engine).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK_KEY})
        schema.schema_version.create(conn, checkfirst=True)
        # read again under the lock: another process may have migrated meanwhile
        applied = list(conn.scalars(select(schema.schema_version.c.version)
                                    .order_by(schema.schema_version.c.version)))
        if applied != list(range(1, len(applied) + 1)):
            raise RuntimeError(f"schema_version has gaps: {applied}")
        if len(applied) > len(migrations):
            raise SchemaTooNewError(_too_new(len(applied), len(migrations)))
        for migration in migrations[len(applied):]:
            migration.apply(conn)
            conn.execute(insert(schema.schema_version).values(
                version=migration.version, name=migration.name, applied_at=utc_now()))
            applied_now.append(migration.version)
    return applied_now


def _check_numbering(migrations: Sequence[Migration]) -> None:
    numbers = [m.version for m in migrations]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"migrations must be numbered 1, 2, 3 … in order, not {numbers}")


def _too_new(found: int, known: int) -> str:
    return (f"the database is at schema version {found}, but this Juri knows only up to "
            f"{known}: open it with a newer Juri")
