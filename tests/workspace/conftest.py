"""Fixtures for the workspace tests: the bundled sample competition, run once per module, and
the store tests' databases (``backend``: SQLite and PostgreSQL, ``db_url`` an empty database,
``archive`` that database opened)."""

from __future__ import annotations

import pytest

from scoring.workspace import session
from tests.store.conftest import archive, backend, db_url  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def sample() -> session.Outcome:
    return session.run_competition(session.sample_competition())
