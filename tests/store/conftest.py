"""Fixtures for the archive tests: every test that takes ``db_url`` or ``archive`` runs twice,
on SQLite and on a real PostgreSQL server.

- ``backend``: ``sqlite`` or ``postgresql``.
- ``db_url``: a fresh, empty database for one test. SQLite: a file in the test's temporary
  folder. PostgreSQL: a new schema on the server at ``$JURI_TEST_POSTGRES_URL`` (the URL given
  to the archive selects it through ``search_path``), dropped after the test.
  Without that variable the PostgreSQL variants are skipped, except under ``CI=true``, where
  they fail: CI must never pass by skipping them (``.ci/postgres.sh`` starts a server).
- ``archive``: the archive opened (and migrated) on ``db_url``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from scoring.store import Archive, open_archive
from scoring.store.database import normalise_url

POSTGRES_ENV = "JURI_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def db_url(backend: str, tmp_path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'juri.db'}"
        return
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {POSTGRES_ENV} is not set: the PostgreSQL variants of "
                        "the store tests must run in CI (start a server with .ci/postgres.sh)")
        pytest.skip(f"PostgreSQL variant: set {POSTGRES_ENV} (bash .ci/postgres.sh prints one)")
    schema_name = f"juri_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(normalise_url(server))
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema_name}"'))
        url = normalise_url(server).update_query_dict(
            {"options": f"-csearch_path={schema_name}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema_name}" CASCADE'))
        admin.dispose()


@pytest.fixture
def archive(db_url: str) -> Iterator[Archive]:
    opened = open_archive(db_url)
    try:
        yield opened
    finally:
        opened.close()
