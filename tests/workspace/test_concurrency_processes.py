"""Concurrent first publishes and corrections from eight separate processes (SQLite and
PostgreSQL): the same claims as the thread versions in ``test_concurrency.py``, with nothing
shared but the database. Each worker (``python -m tests.store.workers publish|correct``)
writes a ready file and starts only when the test writes the go file, so that all eight race.
"""


from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scoring.entries import parse_entries
from scoring.pipeline import score
from scoring.rubric import parse_rubric
from scoring.store import open_archive
from scoring.workspace import assignments, judging, release

from .shared import (
    ENTRIES_CSV,
    ORGANISER,
    RUBRIC_TEXT,
    filled_sheet,
)

# eight Python processes each importing the engine: tens of seconds on two cores
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
WORKERS = 8
TIMEOUT = 240


def race(arguments: list[list[str]], folder: Path) -> list[dict]:
    """Start one worker per argument list, let them all go at once, return their JSON lines."""
    go = folder / "go"
    processes, ready = [], []
    for k, args in enumerate(arguments):
        ready.append(folder / f"ready-{k}")
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "tests.store.workers", *args, "--ready", str(ready[-1]),
             "--go", str(go)],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=os.environ.copy()))
    deadline = time.monotonic() + TIMEOUT
    while not all(p.exists() for p in ready):
        for process in processes:
            if process.poll() is not None:
                pytest.fail(f"worker ended early: {process.communicate()[1]}")
        if time.monotonic() > deadline:
            pytest.fail("workers did not get ready in time")
        time.sleep(0.05)
    go.write_text("go\n", encoding="utf-8")
    outcomes = []
    for process in processes:
        out, err = process.communicate(timeout=TIMEOUT)
        assert process.returncode == 0, err
        outcomes.append(json.loads(out.strip().splitlines()[-1]))
    return outcomes


def test_eight_processes_publishing_the_same_new_competition_make_one(db_url, tmp_path):
    # the same bytes for every process (a template written twice differs in its timestamps)
    sheets = []
    for judge, mark in (("budi", 7), ("sari", 9)):
        sheets += ["--sheet", str(tmp_path / f"{judge}.xlsx")]
        (tmp_path / f"{judge}.xlsx").write_bytes(filled_sheet(judge.title(), mark))
    outcomes = race([["publish", db_url, *sheets]] * WORKERS, tmp_path)
    published = [o for o in outcomes if "refused" not in o]
    refused = [o["refused"] for o in outcomes if "refused" in o]
    # one process published it (not always the one that created it); the seven others found
    # it published already
    assert [o["revision"] for o in published] == [1]
    assert refused == [["store.already_published"]] * (WORKERS - 1)
    with open_archive(db_url) as check:
        competitions = check.competitions()
        assert len(competitions) == 1
        competition_id = int(competitions["competition_id"].iloc[0])
        assert published[0]["competition_id"] == competition_id
        uploads = check.uploads(competition_id)
        # the two judges' sheets, each kept once (the other seven sent the same bytes)
        assert sorted(uploads["judge"]) == ["Budi", "Sari"]
        assert check.results(competition_id).upload_ids == tuple(sorted(uploads["upload_id"]))


def test_eight_processes_correcting_at_once_each_match_their_own_recorded_uploads(
        archive, db_url, tmp_path):
    competition_id, _ = release.create_competition(archive, ORGANISER, RUBRIC_TEXT,
                                                   ENTRIES_CSV)
    budi = assignments.add_judge(archive, ORGANISER, competition_id, "Budi")
    judging.upload_sheet(archive, ORGANISER, budi, "budi.xlsx", filled_sheet("Budi", 5))
    release.publish(archive, ORGANISER, competition_id,
                    confirm_title="Lomba Poster Inovasi Pelayanan Publik", confirm_year=2026)
    # marks 5.5, 6, 6.5 … 9: every worker's sheet differs from the others and from revision 1
    marks = [5.5 + 0.5 * k for k in range(WORKERS)]
    outcomes = race([["correct", db_url, str(competition_id), str(budi), str(m)]
                     for m in marks], tmp_path)
    corrected = [o for o in outcomes if "refused" not in o]
    # a worker whose own sheet was superseded before its correction ran finds the newest
    # sheet published already by another worker: "no change", never a wrong revision
    assert all(o["refused"] == ["access.release.no_change"] for o in outcomes
               if "refused" in o)
    revisions = sorted(o["revision"] for o in corrected)
    assert revisions == list(range(2, 2 + len(corrected))) and corrected
    assert archive.revisions(competition_id)["revision"].tolist() == [1, *revisions]
    rubric, _ = parse_rubric(RUBRIC_TEXT, "rubric")
    entries, _ = parse_entries(ENTRIES_CSV, "entries")
    uploads = archive.uploads(competition_id).set_index("upload_id")
    for revision in [1, *revisions]:
        published = archive.results(competition_id, revision)
        # recomputed here from the revision's own recorded uploads, one sheet of Budi's
        assert len(published.upload_ids) == 1
        recorded = archive.revision_scores(competition_id, revision)
        assert set(recorded["upload_id"]) == set(published.upload_ids)
        expected = score(rubric, entries, recorded.drop(columns="upload_id"))
        assert published.fingerprint == expected.fingerprint
        totals = {row["entry_id"]: row["total"] for rows in
                  json.loads(published.result_json)["categories"].values() for row in rows}
        assert totals == {row["entry_id"]: row["total"] for rows in
                          json.loads(expected.to_json())["categories"].values()
                          for row in rows}
    for o in corrected:
        assert uploads.loc[o["upload_ids"][0], "judge"] == "Budi"
    sheets = [archive.results(competition_id, r).upload_ids for r in [1, *revisions]]
    assert len(set(sheets)) == len(sheets)
