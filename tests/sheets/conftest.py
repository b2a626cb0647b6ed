"""Shared fixtures for the template tests: the shipped rubrics, entries and helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.entries import Entries, Entry, load_entries
from scoring.rubric import Rubric, load_rubric
from scoring.sheets import write_template

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def tulta() -> Rubric:
    return load_rubric(ROOT / "rubrics" / "budaya_kerja_tulta.yaml")


@pytest.fixture(scope="session")
def poster() -> Rubric:
    return load_rubric(ROOT / "rubrics" / "lomba_inovasi_poster.yaml")


@pytest.fixture(scope="session")
def pekalongan() -> Entries:
    return load_entries(ROOT / "data" / "entries_pekalongan_sample.csv")


@pytest.fixture(scope="session")
def poster_entries() -> Entries:
    return Entries((
        Entry("p-ani", "Ani Rahayu", "PELAJAR"),
        Entry("p-bayu", "Bayu Pratama", "PELAJAR"),
        Entry("u-citra", "Citra Lestari", "UMUM"),
        Entry("u-dodi", "Dodi Hermawan", "UMUM"),
    ))


@pytest.fixture(scope="session")
def tulta_template(tulta: Rubric, pekalongan: Entries) -> bytes:
    return write_template(tulta, pekalongan, "Dr. Budi Santoso")


@pytest.fixture(scope="session")
def poster_template(poster: Rubric, poster_entries: Entries) -> bytes:
    return write_template(poster, poster_entries, "Siti Aminah")
