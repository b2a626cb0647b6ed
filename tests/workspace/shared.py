"""Helpers and fixtures for the shared workspace's tests (imported by the test modules that
use them): a small competition (the poster rubric, two categories of two entries) in a fresh
archive on SQLite and PostgreSQL (the store tests' ``db_url`` and ``archive`` fixtures), an
organiser actor, and judges' filled sheets made from the template.

- ``ENTRIES_CSV``: four entries; ``dinkes`` and ``disdik`` are agencies (category UMUM),
  ``sma1`` and ``smp2`` schools (PELAJAR).
- :func:`filled_sheet`: the template for those entries filled with one mark for every cell.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scoring.entries import Entries, parse_entries
from scoring.rubric import parse_rubric
from scoring.sheets import fill_template, template_cells, write_template
from scoring.store import Archive
from scoring.workspace import release
from scoring.workspace.access import organiser
from tests.store.conftest import archive, backend, db_url  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2]
RUBRIC_TEXT = (ROOT / "rubrics" / "lomba_inovasi_poster.yaml").read_text("utf-8")
ENTRIES_CSV = ("id,name,category\n"
               "sma1,SMA Negeri 1,PELAJAR\n"
               "smp2,SMP Negeri 2,PELAJAR\n"
               "dinkes,Dinas Kesehatan,UMUM\n"
               "disdik,Dinas Pendidikan,UMUM\n")
ORGANISER = organiser("panitia")
NOW = dt.datetime(2026, 11, 2, 8, 15, tzinfo=dt.UTC)


def filled_sheet(judge: str, mark: float = 8, *, only: set[str] | None = None) -> bytes:
    """The template of the entries (or ``only`` those ids) with ``mark`` in every cell
    (capped at the criterion's maximum: ``kerapian`` goes up to 5)."""
    rubric, _ = parse_rubric(RUBRIC_TEXT, "rubric")
    entries, _ = parse_entries(ENTRIES_CSV, "entries")
    if only is not None:
        entries = Entries(tuple(e for e in entries if e.id in only))
    template = write_template(rubric, entries, judge=judge)
    scale = {c.id: c.scale.max for c in rubric.criteria}
    marks = {key: min(mark, scale[key[1]]) for key in template_cells(template)}
    return fill_template(template, marks, judge=judge)


@pytest.fixture
def competition(archive: Archive) -> int:  # noqa: F811 - the imported fixture
    competition_id, created = release.create_competition(archive, ORGANISER, RUBRIC_TEXT,
                                                         ENTRIES_CSV, now=NOW)
    assert created
    return competition_id
