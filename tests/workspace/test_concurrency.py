"""Concurrent first publishes and corrections (threads, SQLite and PostgreSQL), and a fresh
real database that never receives the sample."""


from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from scoring.entries import parse_entries
from scoring.pipeline import score
from scoring.problems import ProblemsError
from scoring.rubric import parse_rubric
from scoring.store import open_archive
from scoring.workspace import assignments, judging, release

from .shared import (
    ENTRIES_CSV,
    ORGANISER,
    RUBRIC_TEXT,
    filled_sheet,
)

WORKERS = 8


def test_eight_concurrent_first_publishes_make_one_competition_with_all_uploads(db_url):
    files = [("budi.xlsx", filled_sheet("Budi", 7)), ("sari.xlsx", filled_sheet("Sari", 9))]

    def publish(_: int) -> object:
        with open_archive(db_url) as mine:
            try:
                return release.publish_files(mine, ORGANISER, RUBRIC_TEXT, ENTRIES_CSV, files)
            except ProblemsError as refused:
                return [p.code for p in refused.problems]

    with ThreadPoolExecutor(WORKERS) as pool:
        outcomes = list(pool.map(publish, range(WORKERS)))
    published = [o for o in outcomes if not isinstance(o, list)]
    refused = [o for o in outcomes if isinstance(o, list)]
    assert [o.revision for o in published] == [1]
    assert refused == [["store.already_published"]] * (WORKERS - 1)
    with open_archive(db_url) as check:
        competitions = check.competitions()
        assert len(competitions) == 1
        competition_id = int(competitions["competition_id"].iloc[0])
        uploads = check.uploads(competition_id)
        assert sorted(uploads["judge"]) == ["Budi", "Sari"]
        assert check.results(competition_id).upload_ids == tuple(sorted(uploads["upload_id"]))


def test_eight_concurrent_corrections_each_match_their_own_recorded_uploads(archive):
    competition_id, _ = release.create_competition(archive, ORGANISER, RUBRIC_TEXT,
                                                   ENTRIES_CSV)
    budi = assignments.add_judge(archive, ORGANISER, competition_id, "Budi")
    judging.upload_sheet(archive, ORGANISER, budi, "budi.xlsx", filled_sheet("Budi", 5))
    release.publish(archive, ORGANISER, competition_id,
                    confirm_title="Lomba Poster Inovasi Pelayanan Publik", confirm_year=2026)
    url = archive.engine.url.render_as_string(hide_password=False)

    def correct(k: int) -> object:
        with open_archive(url) as mine:
            # marks 5.5, 6, 6.5 … 9: every worker's sheet differs
            judging.upload_sheet(mine, ORGANISER, budi, f"budi-{k}.xlsx",
                                 filled_sheet("Budi", 5.5 + 0.5 * k))
            try:
                return release.correct(mine, ORGANISER, competition_id, f"koreksi {k}").revision
            except ProblemsError as refused:
                return [p.code for p in refused.problems]

    with ThreadPoolExecutor(WORKERS) as pool:
        outcomes = list(pool.map(correct, range(WORKERS)))
    revisions = sorted(o for o in outcomes if isinstance(o, int))
    assert all(o == ["access.release.no_change"] for o in outcomes if isinstance(o, list))
    assert revisions == list(range(2, 2 + len(revisions))) and revisions
    rubric, _ = parse_rubric(RUBRIC_TEXT, "rubric")
    entries, _ = parse_entries(ENTRIES_CSV, "entries")
    for revision in [1, *revisions]:
        recorded = archive.revision_scores(competition_id, revision)
        expected = score(rubric, entries, recorded.drop(columns="upload_id"))
        published = archive.results(competition_id, revision)
        assert published.fingerprint == expected.fingerprint
        totals = {row["entry_id"]: row["total"] for rows in
                  json.loads(published.result_json)["categories"].values() for row in rows}
        assert totals == {row["entry_id"]: row["total"] for rows in
                          json.loads(expected.to_json())["categories"].values()
                          for row in rows}


def test_a_fresh_database_has_no_sample_and_its_first_publication_is_revision_1(db_url):
    with open_archive(db_url) as fresh:
        assert len(fresh.competitions()) == 0 and len(fresh.registry()) == 0
        done = release.publish_files(fresh, ORGANISER, RUBRIC_TEXT, ENTRIES_CSV,
                                     [("budi.xlsx", filled_sheet("Budi"))])
        assert (done.created, done.revision, done.rejected) == (True, 1, 0)
        assert len(fresh.competitions()) == 1
