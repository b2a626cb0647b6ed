"""Schema versions: a new database, an old one opened by a newer Juri, and the refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select, text

from scoring.store import (
    MIGRATIONS,
    Migration,
    SchemaTooNewError,
    link_entries,
    migrate,
    open_archive,
    schema_version,
)
from scoring.store import schema as tables
from scoring.store.database import make_engine

from .helpers import RUBRIC_FINGERPRINT, sheet_scores


def test_a_new_database_is_built_by_every_migration_in_order(db_url):
    with open_archive(db_url) as archive:
        assert schema_version(archive.engine) == 5
        with archive.reading() as conn:
            rows = conn.execute(select(tables.schema_version.c.version,
                                       tables.schema_version.c.name)
                                .order_by(tables.schema_version.c.version)).all()
        assert [tuple(r) for r in rows] == [
            (1, "competitions, entries, uploads, scores, results"),
            (2, "entry lineage; imported past years"),
            (3, "judges told apart by their folded name"),
            (4, "shared workspace: organisers, judges, links, assignments, submissions, "
                "audit log"),
            (5, "settings: the demo database's mark"),
        ]
        assert migrate(archive.engine) == []  # opening again changes nothing


def test_the_migrated_schema_is_the_one_the_queries_use(db_url):
    with open_archive(db_url) as archive:
        inspector = inspect(archive.engine)
        assert set(inspector.get_table_names()) == set(tables.metadata.tables)
        for name, table in tables.metadata.tables.items():
            migrated = {c["name"] for c in inspector.get_columns(name)}
            assert migrated == {c.name for c in table.columns}, name


def test_a_version_1_database_opens_in_this_version_with_its_data(db_url):
    old = open_archive(db_url, migrations=MIGRATIONS[:1])
    assert schema_version(old.engine) == 1
    assert not inspect(old.engine).has_table("lineage")
    # what the version-1 Juri wrote, in the version-1 shape (no origin, no purpose)
    with old.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO competitions (id, title, year, rubric_text, rubric_fingerprint,"
            " entries_csv, status, created_at, created_by) VALUES (1, 'Lomba 2024', 2024,"
            " 'id: lama', :fp, 'id,name,category\nopd-a,Dinas A,OPD\n', 'draft',"
            " '2024-11-30T08:00:00.000000+00:00', 'panitia')"), {"fp": RUBRIC_FINGERPRINT})
        conn.execute(text(
            "INSERT INTO entries (entry_id, name, category, aliases, last_year, updated_at)"
            " VALUES ('opd-a', 'Dinas A', 'OPD', '', 2024, '2024-11-30T08:00:00+00:00'),"
            " ('opd-b', 'Dinas B', 'OPD', '', 2024, '2024-11-30T08:00:00+00:00')"))
        conn.execute(text(
            "INSERT INTO uploads (id, competition_id, judge, judge_key, version, status,"
            " filename, sha256, size, data, uploaded_at, uploader, problems_json) VALUES"
            " (1, 1, 'Juri 1', 'juri 1', 1, 'ok', 'juri1.xlsx', :sha, 3, :data,"
            " '2024-11-30T09:00:00+00:00', 'panitia', '[]')"),
            {"sha": "0" * 64, "data": b"old"})
        conn.execute(text(
            "INSERT INTO scores (upload_id, entry_id, category, judge_id, criterion_id, score,"
            " source_file, source_sheet, source_cell) VALUES"
            " (1, 'opd-a', 'OPD', 'Juri 1', 'c1', 81.5, 'juri1.xlsx', 'Nilai', 'C2')"))
    old.close()

    with open_archive(db_url) as archive:
        assert schema_version(archive.engine) == len(MIGRATIONS)
        competition = archive.competition(1)
        assert (competition.title, competition.year, competition.origin) == (
            "Lomba 2024", 2024, "tool")
        uploads = archive.uploads(1)
        assert uploads[["upload_id", "purpose", "current"]].values.tolist() == [
            [1, "sheet", True]]
        assert archive.upload_bytes(1) == b"old"
        scores = archive.current_scores(1)
        assert scores[["entry_id", "criterion_id", "score"]].values.tolist() == [
            ["opd-a", "c1", 81.5]]
        # what version 2 added works on the upgraded database
        assert link_entries(archive, "rename", "opd-a", "opd-b", 2025) == 1
        # and new data goes in next to the old
        receipt = archive.store_upload(1, "juri1-v2.xlsx", b"new", "Juri 1", "panitia",
                                       sheet_scores("Juri 1"))
        assert (receipt.status, receipt.version, receipt.superseded_id) == (
            "new_version", 2, 1)


def test_a_database_newer_than_this_juri_is_refused(db_url):
    open_archive(db_url).close()
    with pytest.raises(SchemaTooNewError, match=f"schema version {len(MIGRATIONS)}"):
        open_archive(db_url, migrations=MIGRATIONS[:1])


def test_a_failing_migration_leaves_the_database_as_it_was(db_url):
    def broken(conn):
        conn.execute(text("CREATE TABLE half_done (id INTEGER PRIMARY KEY)"))
        raise RuntimeError("the last step failed")

    open_archive(db_url).close()
    engine = make_engine(db_url)
    try:
        with pytest.raises(RuntimeError, match="the last step failed"):
            migrate(engine, [*MIGRATIONS, Migration(len(MIGRATIONS) + 1, "broken", broken)])
        assert schema_version(engine) == len(MIGRATIONS)
        assert not inspect(engine).has_table("half_done")
    finally:
        engine.dispose()


def test_migrations_must_be_numbered_from_one_without_gaps(db_url):
    engine = make_engine(db_url)
    try:
        with pytest.raises(ValueError, match="numbered"):
            migrate(engine, [MIGRATIONS[1]])
    finally:
        engine.dispose()


def test_a_version_2_database_gets_folded_judge_keys_and_one_line_per_judge(db_url):
    old = open_archive(db_url, migrations=MIGRATIONS[:2])
    competition_id = old.create_competition("Lomba 2025", 2025, "id: x", RUBRIC_FINGERPRINT,
                                            "id,name,category\nopd-a,Dinas A,OPD\n")
    # version 2 told judges apart by case and spaces only: "Dra. Sri" and "Dra Sri" were two
    # judges, each with a version 1; "Budi" had two versions of its own
    with old.engine.begin() as conn:
        for upload_id, judge, key, version in ((1, "Dra. Sri", "dra. sri", 1),
                                               (2, "Budi", "budi", 1),
                                               (3, "Dra Sri", "dra sri", 1),
                                               (4, "BUDI", "budi", 2)):
            conn.execute(text(
                "INSERT INTO uploads (id, competition_id, judge, judge_key, version, status,"
                " filename, sha256, size, data, uploaded_at, uploader, problems_json, purpose)"
                " VALUES (:id, :c, :judge, :key, :version, 'ok', 'f.xlsx', :sha, 1, :data,"
                " '2025-11-30T09:00:00+00:00', 'panitia', '[]', 'sheet')"),
                {"id": upload_id, "c": competition_id, "judge": judge, "key": key,
                 "version": version, "sha": str(upload_id) * 64, "data": b"x"})
    old.close()

    with open_archive(db_url) as archive:
        with archive.reading() as conn:
            rows = conn.execute(text("SELECT id, judge_key, version FROM uploads ORDER BY id"))
            found = [tuple(r) for r in rows]
        # Sri's two sheets are one line now, numbered by upload order (ids 1 then 3);
        # Budi's versions were one line already and keep their numbers
        assert found == [(1, "dra sri", 1), (2, "budi", 1), (3, "dra sri", 2), (4, "budi", 2)]
        uploads = archive.uploads(competition_id)
        assert uploads.loc[uploads["current"], "upload_id"].tolist() == [3, 4]
