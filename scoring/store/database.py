"""Where the archive lives and how Juri connects to it.

Words used here:
- *database URL*: an SQLAlchemy URL. ``sqlite:///path/to/file.db`` for the embedded database
  (one file, no server), ``postgresql://user:password@host:5432/name`` for a PostgreSQL
  server. The same code runs on both.
- *default database*: ``data/juri.db`` inside the repository (:func:`default_database_path`),
  used when neither an explicit URL nor the environment variable :data:`URL_ENV` is given.
- *write transaction*: a transaction opened on :func:`writer` (an engine view with the
  execution option ``juri_write``). On SQLite it starts with ``BEGIN IMMEDIATE``, which takes
  the database's single write lock at the start instead of at the first write, so that two
  writers queue on the busy timeout instead of one failing with "database is locked" when it
  tries to upgrade a read lock. Read transactions start with a plain ``BEGIN``.

SQLite settings, applied to every connection: write-ahead logging (``journal_mode=WAL``:
readers do not block the writer and a killed process leaves no half-written transaction), a
busy timeout of :data:`BUSY_TIMEOUT_SECONDS` (concurrent writers wait rather than fail), and
foreign keys on. Python's ``sqlite3`` module is put in autocommit mode and SQLAlchemy emits
``BEGIN`` itself, the workaround the SQLAlchemy SQLite documentation gives for the module's
legacy transaction handling (which would otherwise run DDL outside transactions).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

URL_ENV = "JURI_DATABASE_URL"
BUSY_TIMEOUT_SECONDS = 60
REPO_ROOT = Path(__file__).resolve().parents[2]


def default_database_path() -> Path:
    """The embedded database used when nothing else is configured: ``<repo>/data/juri.db``."""
    return REPO_ROOT / "data" / "juri.db"


def default_database_url() -> str:
    return f"sqlite:///{default_database_path()}"


def database_url(url: str | None = None) -> str:
    """The URL to use: ``url`` if given, else ``$JURI_DATABASE_URL``, else the default file."""
    return url or os.environ.get(URL_ENV) or default_database_url()


def normalise_url(url: str) -> URL:
    """Parse ``url``; PostgreSQL URLs without a driver get psycopg 3 (``postgresql+psycopg``)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with Juri's connection settings (see the module docstring)."""
    parsed = normalise_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            # every pooled connection would get its own empty in-memory database
            raise ValueError("the archive needs an SQLite file, not an in-memory database")
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if backend == "postgresql":
        # pre-ping: a server restart between two page loads must not surface as an error
        return create_engine(parsed, pool_pre_ping=True)
    raise ValueError(f"unsupported database {backend!r}: use sqlite or postgresql")


def writer(engine: Engine) -> Engine:
    """``engine`` seen as a writer: its transactions take the write lock up front on SQLite."""
    return engine.execution_options(juri_write=True)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # hand BEGIN over to SQLAlchemy (see _sqlite_on_begin)
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Any) -> None:
    immediate = connection.get_execution_options().get("juri_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
