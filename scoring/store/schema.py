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
  in a competition from 1; ``judge_key`` is the judge's name case- and space-folded, which is
  how judges are told apart. ``status`` is ``ok`` (its scores count) or ``rejected`` (kept,
  but the file had errors, so its scores are not stored or used). ``purpose`` is ``sheet`` (a
  judge's scores) or ``past_results`` (a past year's results file). ``problems_json`` keeps the
  problems found in the file.
- ``scores``: the long score table of each ``ok`` upload (the columns of
  :data:`scoring.table.COLUMNS`) with the ``upload_id`` it came from.
- ``revisions``: a published result. Revision 1 is the publication; each correction adds the
  next revision with a ``reason``. ``result_json`` is the result exactly as published.
- ``revision_uploads``: which uploads a revision was computed from.
- ``result_rows``: each revision's result flattened to one row per entry, for history queries.
- ``lineage``: links from an entry to its successor (``rename``, ``merge``, ``split``) with
  the year the change took effect.

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
