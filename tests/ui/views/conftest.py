"""The bundled sample competition, run once per module for the tests here."""

from __future__ import annotations

import pytest

from scoring.workspace import session


@pytest.fixture(scope="module")
def sample() -> session.Outcome:
    return session.run_competition(session.sample_competition())
