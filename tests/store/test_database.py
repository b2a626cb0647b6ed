"""Where the archive lives: the URL setting, the default file, the connection settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from scoring.store import (
    URL_ENV,
    database_url,
    default_database_path,
    default_database_url,
    open_archive,
)
from scoring.store.database import make_engine, normalise_url

REPO = Path(__file__).resolve().parents[2]


def test_the_default_database_is_data_juri_db_in_the_repository():
    assert default_database_path() == REPO / "data" / "juri.db"
    assert default_database_url() == f"sqlite:///{REPO}/data/juri.db"


def test_an_explicit_url_beats_the_environment_which_beats_the_default(monkeypatch):
    monkeypatch.delenv(URL_ENV, raising=False)
    assert database_url() == default_database_url()
    monkeypatch.setenv(URL_ENV, "postgresql://juri@db.example/juri")
    assert database_url() == "postgresql://juri@db.example/juri"
    assert database_url("sqlite:///elsewhere.db") == "sqlite:///elsewhere.db"


def test_open_archive_without_a_url_uses_the_environment_variable(monkeypatch, tmp_path):
    target = tmp_path / "nested" / "from_env.db"
    monkeypatch.setenv(URL_ENV, f"sqlite:///{target}")
    with open_archive() as archive:
        assert archive.url == f"sqlite:///{target}"
    assert target.exists()  # the folder was made


def test_postgresql_urls_get_the_psycopg_3_driver():
    assert normalise_url("postgresql://u:p@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgres://u:p@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgresql+psycopg://u:p@h/db").drivername == "postgresql+psycopg"


def test_an_in_memory_sqlite_database_is_refused():
    with pytest.raises(ValueError, match="in-memory"):
        make_engine("sqlite://")
    with pytest.raises(ValueError, match="unsupported"):
        make_engine("mysql://u@h/db")


def test_sqlite_connections_use_wal_a_busy_timeout_and_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 60000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_the_shown_url_hides_the_password(db_url, backend):
    with open_archive(db_url) as archive:
        if backend == "postgresql":
            assert "***" in archive.url
            assert normalise_url(db_url).password not in archive.url
        else:
            assert archive.url == db_url
