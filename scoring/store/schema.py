"""The archive's tables as they are after the newest migration (what the queries use).

The tables are *made* by :mod:`scoring.store.migrations`, never by ``metadata.create_all``,
so that a new database and an upgraded old one are built the same way; a test checks that the
migrated database has exactly the tables and columns declared here. When a migration changes
the schema, change this file to match.

Words used here (one table each):
- ``schema_version``: one row per applied migration (version, name, time applied).
- ``competitions``: one competition in one year: title, year, the rubric file's full text and
  fingerprint, the entries list as CSV text, ``status`` (``draft`` until published, then
  ``published``) and ``origin`` (``tool``: scored with Juri; ``import``: a past year's results
  imported from a file).
- ``entries``: the entries registry, shared by all years: a stable ``entry_id``, the official
  ``name``, ``category``, ``aliases`` (other names, ``|``-separated) and ``last_year``, the year
  of the newest competition that listed the entry (an older competition does not overwrite
  a newer official name).
- ``uploads``: every file as it came (``data``, ``sha256``, original ``filename``, ``judge``,
  ``uploader``, ``uploaded_at``), before it is parsed. ``version`` counts a judge's uploads
  in a competition from 1; ``judge_key`` is the judge's name folded
  (:func:`scoring.identity.judge_key`), which is how judges are told apart. ``status`` is
  ``ok`` (its scores count) or ``rejected`` (kept, but the file had errors, so its scores
  are not stored or used). ``purpose`` is ``sheet`` (a judge's scores) or ``past_results``
  (a past year's results file). ``problems_json`` keeps the problems found in the file.
- ``scores``: the long score table of each ``ok`` upload (the columns of
  :data:`scoring.table.COLUMNS`) with the ``upload_id`` it came from.
- ``revisions``: a published result. Revision 1 is the publication; each correction adds the
  next revision with a ``reason``. ``result_json`` is the result exactly as published.
- ``revision_uploads``: which uploads a revision was computed from.
- ``result_rows``: each revision's result flattened to one row per entry, for history queries.
- ``lineage``: links from an entry to its successor (``rename``, ``merge``, ``split``) with
  the year the change took effect.

The shared workspace (migration 4):
- ``competitions.natural_key``: for competitions made with the tool, a hash of what makes two
  of them the same competition (title, year, rubric fingerprint, entries); unique, so that
  concurrent "create this competition" calls make exactly one. Empty for imported years.
- ``organisers``: organiser accounts: ``username`` (as typed), ``username_key`` (folded,
  unique), ``password_hash`` (argon2, never the password), ``disabled``.
- ``sign_in_attempts``: every organiser sign-in, ``succeeded`` or not, for the rate limit.
- ``judges``: a competition's judges: ``name``, ``name_key`` (the judge key), ``agency`` (for
  conflicts of interest) and their private link: ``link_nonce`` (changed by every reissue),
  ``link_issued_at``, ``link_expires_at``, ``link_revoked_at``.
- ``assignments``: a judge assigned a ``scope`` (``category`` or ``entry``) ``target`` id.
- ``submissions``: a judge's final submission ("kirim final") of one upload, with a summary.
- ``audit_log``: append-only: who (``actor``, ``role``), ``action``, ``competition_id``,
  ``detail_json``, ``at``.

The database's own settings (migration 5):
- ``settings``: one ``value`` per ``name``. ``demo`` marks the demo database (written when it
  is created empty; only a database so marked ever receives the bundled sample);
  ``sample_seeded`` records that the sample is being (``seeding``) or was (``done``) loaded.

Times are UTC ISO 8601 text (``2026-11-02T08:15:00.123456+00:00``): the same on both
databases, sortable as text.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Double,
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
    text,
)

metadata = MetaData()

ID = String(200)
"""Entry ids and folded judge names: bounded so they can be indexed on every backend."""
TIME = String(40)
HASH = String(64)

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", TIME, nullable=False),
)

competitions = Table(
    "competitions", metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("rubric_text", Text, nullable=False),
    Column("rubric_fingerprint", HASH, nullable=False),
    Column("entries_csv", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("origin", String(16), nullable=False, server_default="tool"),
    Column("natural_key", HASH, nullable=True),
    Index("uq_competitions_natural_key", "natural_key", unique=True),
)

entries = Table(
    "entries", metadata,
    Column("entry_id", ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("aliases", Text, nullable=False),
    Column("last_year", Integer, nullable=False),
    Column("updated_at", TIME, nullable=False),
)

uploads = Table(
    "uploads", metadata,
    Column("id", Integer, primary_key=True),
    Column("competition_id", Integer, ForeignKey("competitions.id"), nullable=False),
    Column("judge", Text, nullable=False),
    Column("judge_key", ID, nullable=False),
    Column("version", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("filename", Text, nullable=False),
    Column("sha256", HASH, nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("uploaded_at", TIME, nullable=False),
    Column("uploader", Text, nullable=False),
    Column("problems_json", Text, nullable=False),
    Column("purpose", String(16), nullable=False, server_default="sheet"),
    UniqueConstraint("competition_id", "judge_key", "version", name="uq_uploads_judge_version"),
    Index("ix_uploads_competition_sha", "competition_id", "sha256"),
)

scores = Table(
    "scores", metadata,
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
    Index("ix_scores_upload", "upload_id"),
)

revisions = Table(
    "revisions", metadata,
    Column("competition_id", Integer, ForeignKey("competitions.id"), primary_key=True,
           autoincrement=False),
    Column("revision", Integer, primary_key=True, autoincrement=False),
    Column("result_json", Text, nullable=False),
    Column("fingerprint", Text, nullable=False),
    Column("published_at", TIME, nullable=False),
    Column("published_by", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

revision_uploads = Table(
    "revision_uploads", metadata,
    Column("competition_id", Integer, primary_key=True, autoincrement=False),
    Column("revision", Integer, primary_key=True, autoincrement=False),
    Column("upload_id", Integer, ForeignKey("uploads.id"), primary_key=True,
           autoincrement=False),
    ForeignKeyConstraint(["competition_id", "revision"],
                         ["revisions.competition_id", "revisions.revision"]),
)

result_rows = Table(
    "result_rows", metadata,
    Column("competition_id", Integer, primary_key=True, autoincrement=False),
    Column("revision", Integer, primary_key=True, autoincrement=False),
    Column("category", ID, primary_key=True),
    Column("entry_id", ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("rank", Integer, nullable=True),
    Column("tied", Boolean, nullable=False),
    Column("total", Double, nullable=True),
    Column("award", Text, nullable=True),
    ForeignKeyConstraint(["competition_id", "revision"],
                         ["revisions.competition_id", "revisions.revision"]),
    Index("ix_result_rows_entry", "entry_id"),
)

lineage = Table(
    "lineage", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("from_entry", ID, ForeignKey("entries.entry_id"), nullable=False),
    Column("to_entry", ID, ForeignKey("entries.entry_id"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("note", Text, nullable=False),
    Column("created_at", TIME, nullable=False),
    UniqueConstraint("from_entry", "to_entry", name="uq_lineage_link"),
)

organisers = Table(
    "organisers", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", Text, nullable=False),
    Column("username_key", ID, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("disabled", Boolean, nullable=False, server_default=text("false")),
    UniqueConstraint("username_key", name="uq_organisers_username"),
)

sign_in_attempts = Table(
    "sign_in_attempts", metadata,
    Column("id", Integer, primary_key=True),
    Column("username_key", ID, nullable=False),
    Column("succeeded", Boolean, nullable=False),
    Column("attempted_at", TIME, nullable=False),
    Column("detail", Text, nullable=False),
    Index("ix_sign_in_attempts_user_time", "username_key", "attempted_at"),
)

judges = Table(
    "judges", metadata,
    Column("id", Integer, primary_key=True),
    Column("competition_id", Integer, ForeignKey("competitions.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("name_key", ID, nullable=False),
    Column("agency", Text, nullable=False),
    Column("link_nonce", HASH, nullable=True),
    Column("link_issued_at", TIME, nullable=True),
    Column("link_expires_at", TIME, nullable=True),
    Column("link_revoked_at", TIME, nullable=True),
    Column("created_at", TIME, nullable=False),
    UniqueConstraint("competition_id", "name_key", name="uq_judges_name"),
)

assignments = Table(
    "assignments", metadata,
    Column("id", Integer, primary_key=True),
    Column("competition_id", Integer, ForeignKey("competitions.id"), nullable=False),
    Column("judge_id", Integer, ForeignKey("judges.id"), nullable=False),
    Column("scope", String(16), nullable=False),
    Column("target", ID, nullable=False),
    UniqueConstraint("judge_id", "scope", "target", name="uq_assignments_target"),
)

submissions = Table(
    "submissions", metadata,
    Column("id", Integer, primary_key=True),
    Column("competition_id", Integer, ForeignKey("competitions.id"), nullable=False),
    Column("judge_id", Integer, ForeignKey("judges.id"), nullable=False),
    Column("upload_id", Integer, ForeignKey("uploads.id"), nullable=False),
    Column("submitted_at", TIME, nullable=False),
    Column("summary_json", Text, nullable=False),
    Index("ix_submissions_judge", "judge_id"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", TIME, nullable=False),
    Column("actor", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("action", String(40), nullable=False),
    Column("competition_id", Integer, nullable=True),
    Column("detail_json", Text, nullable=False),
    Index("ix_audit_log_competition", "competition_id"),
)

settings = Table(
    "settings", metadata,
    Column("name", String(100), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", TIME, nullable=False),
)
