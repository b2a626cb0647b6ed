"""The demo apart from real data (scoring.workspace.demo): its own database, marked as the
demo; the sample loaded once even when two processes open it at once; never into a real one."""


from __future__ import annotations

import pytest

from scoring.problems import ProblemsError
from scoring.store import open_archive
from scoring.store.settings import DEMO, get_setting, is_demo
from scoring.workspace import demo, release
from scoring.workspace.archive import open_for_app
from scoring.workspace.sample import seed_sample

from .shared import (
    ENTRIES_CSV,
    ORGANISER,
    RUBRIC_TEXT,
    filled_sheet,
)
from .test_concurrency_processes import race

SAMPLE_YEARS = [2024, 2025, 2026]


def test_the_demo_has_its_own_database():
    assert demo.demo_url({}).endswith("/data/demo.db")
    assert demo.demo_url({demo.DEMO_URL_ENV: "sqlite:////tmp/x.db"}) == "sqlite:////tmp/x.db"


def test_opening_the_demo_marks_it_and_loads_the_sample_once(db_url):
    with demo.open_demo(db_url) as opened:
        assert is_demo(opened)
        assert sorted(opened.competitions()["year"]) == SAMPLE_YEARS
    with demo.open_demo(db_url) as again:  # opening it again adds nothing
        assert sorted(again.competitions()["year"]) == SAMPLE_YEARS


def test_two_processes_opening_an_empty_demo_at_once_load_it_once(db_url, tmp_path):
    outcomes = race([["demo", db_url]] * 2, tmp_path)
    # each process returned only after the sample was there: three years, not six
    assert outcomes == [{"competitions": 3}, {"competitions": 3}]
    with open_archive(db_url) as check:
        assert sorted(check.competitions()["year"]) == SAMPLE_YEARS


def test_the_sample_never_goes_into_a_real_database(db_url):
    with open_archive(db_url) as real:
        release.create_competition(real, ORGANISER, RUBRIC_TEXT, ENTRIES_CSV)
        with pytest.raises(ProblemsError) as refused:
            seed_sample(real)
        assert [p.code for p in refused.value.problems] == ["store.not_demo"]
    # pointing the demo at it is refused too, and marks nothing
    with pytest.raises(ProblemsError) as refused:
        demo.open_demo(db_url)
    assert [p.code for p in refused.value.problems] == ["store.not_demo"]
    with open_archive(db_url) as real:
        assert not is_demo(real)
        assert len(real.competitions()) == 1


def test_a_fresh_real_database_opened_as_the_app_does_gets_no_sample(db_url):
    opened = open_for_app(db_url)
    assert opened.ok and not opened.seeded
    real = opened.archive
    try:
        assert len(real.competitions()) == 0 and len(real.registry()) == 0
        with real.reading() as conn:
            assert get_setting(conn, DEMO) is None
        done = release.publish_files(real, ORGANISER, RUBRIC_TEXT, ENTRIES_CSV,
                                     [("budi.xlsx", filled_sheet("Budi"))])
        # the first real publication is revision 1 of the only competition
        assert (done.created, done.revision) == (True, 1)
        assert len(real.competitions()) == 1
        assert sorted(real.registry()["entry_id"]) == ["dinkes", "disdik", "sma1", "smp2"]
    finally:
        real.close()
