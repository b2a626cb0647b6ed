"""Reliability: concurrent uploads from threads and from processes, a process killed in the
middle of storing an upload, and the same file uploaded at the same time twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from scoring.store import schema

from .helpers import new_competition, sheet_bytes, sheet_scores

REPO = Path(__file__).resolve().parents[2]
JUDGES = [f"Juri {i}" for i in range(1, 9)]
ROWS = 300
SIZE = 64 * 1024
BIG_ROWS = 30_000
BIG_SIZE = 8 * 1024 * 1024


def _worker(url, competition_id, judge, *, rows=ROWS, size=SIZE, variant=1, ready=None,
            go=None, pause=None, pause_marker=None):
    command = [sys.executable, "-m", "tests.store.workers", url, str(competition_id), judge,
               "--rows", str(rows), "--size", str(size), "--variant", str(variant)]
    if ready:
        command += ["--ready", str(ready), "--go", str(go)]
    if pause is not None:
        command += ["--pause", str(pause), "--pause-marker", str(pause_marker)]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=os.environ.copy())


def _wait_for(paths, processes, timeout=120):
    deadline = time.monotonic() + timeout
    while not all(Path(p).exists() for p in paths):
        for process in processes:
            if process.poll() is not None:
                pytest.fail(f"worker ended early: {process.communicate()[1]}")
        if time.monotonic() > deadline:
            pytest.fail("workers did not get ready in time")
        time.sleep(0.02)


def _receipts(processes):
    receipts = []
    for process in processes:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
        receipts.append(json.loads(out.strip().splitlines()[-1]))
    return receipts


def _score_rows(archive):
    with archive.reading() as conn:
        return conn.scalar(select(func.count()).select_from(schema.scores))


def _assert_every_judge_landed_once(archive, competition_id, receipts):
    assert sorted(r["status"] for r in receipts) == ["new"] * 8
    assert {r["version"] for r in receipts} == {1}
    uploads = archive.uploads(competition_id)
    assert sorted(uploads["judge"]) == JUDGES
    assert uploads["score_count"].tolist() == [ROWS] * 8
    assert uploads["current"].all()
    current = archive.current_scores(competition_id)
    assert current.groupby("judge_id").size().to_dict() == dict.fromkeys(JUDGES, ROWS)
    assert _score_rows(archive) == 8 * ROWS
    for receipt in receipts:
        assert archive.upload_bytes(receipt["upload_id"]) == sheet_bytes(receipt["judge"], SIZE)


def test_eight_judges_uploading_at_once_from_threads_all_land_once(archive):
    competition_id = new_competition(archive)
    start = threading.Barrier(len(JUDGES))

    def upload(judge):
        data, scores = sheet_bytes(judge, SIZE), sheet_scores(judge, rows=ROWS)
        start.wait()
        receipt = archive.store_upload(competition_id, f"{judge}.xlsx", data, judge,
                                       "panitia", scores)
        return {"upload_id": receipt.upload_id, "status": receipt.status,
                "judge": receipt.judge, "version": receipt.version}

    with ThreadPoolExecutor(len(JUDGES)) as pool:
        receipts = list(pool.map(upload, JUDGES))
    _assert_every_judge_landed_once(archive, competition_id, receipts)


def test_eight_judges_uploading_at_once_from_processes_all_land_once(archive, db_url,
                                                                     tmp_path):
    competition_id = new_competition(archive)
    go = tmp_path / "go"
    ready = [tmp_path / f"ready-{i}" for i in range(len(JUDGES))]
    workers = [_worker(db_url, competition_id, judge, ready=ready[i], go=go)
               for i, judge in enumerate(JUDGES)]
    _wait_for(ready, workers)
    go.write_text("go")
    _assert_every_judge_landed_once(archive, competition_id, _receipts(workers))


def test_the_same_file_sent_eight_times_at_once_is_stored_once(archive):
    competition_id = new_competition(archive)
    data, scores = sheet_bytes("Juri 1", SIZE), sheet_scores("Juri 1", rows=ROWS)
    start = threading.Barrier(8)

    def upload(_):
        start.wait()
        return archive.store_upload(competition_id, "juri1.xlsx", data, "Juri 1", "panitia",
                                    scores)

    with ThreadPoolExecutor(8) as pool:
        receipts = list(pool.map(upload, range(8)))
    assert sorted(r.status for r in receipts) == ["duplicate"] * 7 + ["new"]
    assert len({r.upload_id for r in receipts}) == 1
    assert len(archive.uploads(competition_id)) == 1
    assert len(archive.current_scores(competition_id)) == ROWS


def test_one_judge_sending_eight_different_files_at_once_gets_eight_versions(archive):
    competition_id = new_competition(archive)
    start = threading.Barrier(8)

    def upload(variant):
        data = sheet_bytes("Juri 1", SIZE, variant)
        scores = sheet_scores("Juri 1", rows=ROWS, base=variant)
        start.wait()
        return archive.store_upload(competition_id, f"v{variant}.xlsx", data, "Juri 1", "p",
                                    scores)

    with ThreadPoolExecutor(8) as pool:
        receipts = list(pool.map(upload, range(1, 9)))
    assert sorted(r.version for r in receipts) == list(range(1, 9))
    uploads = archive.uploads(competition_id)
    assert uploads["current"].tolist().count(True) == 1
    newest = uploads.loc[uploads["version"].idxmax(), "upload_id"]
    assert archive.current_scores(competition_id)["upload_id"].unique().tolist() == [newest]


def test_a_process_killed_inside_an_upload_leaves_nothing_of_it(archive, db_url, tmp_path,
                                                                backend):
    competition_id = new_competition(archive)
    marker = tmp_path / "paused"
    worker = _worker(db_url, competition_id, "Juri 1", rows=BIG_ROWS, size=BIG_SIZE,
                     pause=120, pause_marker=marker)
    _wait_for([marker], [worker])
    # the worker has written the file's row and sleeps before the scores, in its transaction:
    # nobody else sees the row
    assert archive.uploads(competition_id).empty
    worker.send_signal(signal.SIGKILL)
    worker.communicate(timeout=60)
    assert worker.returncode == -signal.SIGKILL

    assert archive.uploads(competition_id).empty
    assert _score_rows(archive) == 0
    if backend == "sqlite":
        with archive.reading() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    # the lock died with the process: the same judge's upload goes in as version 1
    receipt = archive.store_upload(competition_id, "juri1.xlsx", sheet_bytes("Juri 1", SIZE),
                                   "Juri 1", "panitia", sheet_scores("Juri 1", rows=ROWS))
    assert (receipt.status, receipt.version, receipt.score_count) == ("new", 1, ROWS)


def test_a_process_killed_at_any_moment_leaves_its_upload_whole_or_absent(archive, db_url):
    competition_id = new_competition(archive)
    for variant, delay in enumerate((0.5, 1.0, 1.5, 2.0, 2.5, 3.5), start=1):
        worker = _worker(db_url, competition_id, "Juri 1", rows=BIG_ROWS, size=BIG_SIZE,
                         variant=variant)
        time.sleep(delay)
        worker.send_signal(signal.SIGKILL)
        worker.communicate(timeout=60)
        uploads = archive.uploads(competition_id)
        assert set(uploads["score_count"]) <= {BIG_ROWS}, uploads
        assert _score_rows(archive) == BIG_ROWS * len(uploads)
    # and one left alone lands whole
    worker = _worker(db_url, competition_id, "Juri 1", rows=BIG_ROWS, size=BIG_SIZE,
                     variant=99)
    (receipt,) = _receipts([worker])
    assert (receipt["status"], receipt["score_count"]) in {("new", BIG_ROWS),
                                                           ("new_version", BIG_ROWS)}
    assert len(archive.upload_bytes(receipt["upload_id"])) == BIG_SIZE
