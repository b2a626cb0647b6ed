"""Reading files in worker processes gives exactly what reading them one by one gives."""

from __future__ import annotations

import pandas as pd
import pytest

from scoring.entries import Entries
from scoring.pipeline import fingerprint
from scoring.rubric import Rubric
from scoring.sheets import fill_template, read_many, write_template
from scoring.sheets.parallel import MIN_FILES_PER_WORKER, read_many_parallel, worker_count
from tests.sheets.helpers import TULTA_CRITERIA, codes


def _batch(rubric: Rubric, entries: Entries) -> list[tuple[str, bytes]]:
    """16 files (enough for two workers): each judge scores four entries of the sample with
    marks that differ per judge, entry and criterion; one file has an out-of-range mark and
    a mark typed as text, one is a second file by judge 3, one is not a workbook at all."""
    chosen = tuple(entries)[:4]
    mine = Entries(chosen)
    files = []
    for j in range(1, 15):
        template = write_template(rubric, mine, f"Juri {j}")
        marks: dict[tuple[str, str], object] = {
            (entry.id, criterion): 50 + (j * 7 + e * 3 + c) % 50
            for e, entry in enumerate(chosen) for c, criterion in enumerate(TULTA_CRITERIA)}
        if j == 5:
            marks[(chosen[0].id, "alat")] = 101
            marks[(chosen[1].id, "tanya_jawab")] = "85,0"
        files.append((f"juri_{j:02d}.xlsx", fill_template(template, marks)))
    files.append(("juri_03_again.xlsx", files[2][1]))
    files.append(("catatan.xlsx", b"not a workbook"))
    return files


@pytest.fixture(scope="module")
def batch(tulta: Rubric, pekalongan: Entries) -> list[tuple[str, bytes]]:
    return _batch(tulta, pekalongan)


def test_parallel_reading_equals_serial_reading(batch, tulta, pekalongan, monkeypatch) -> None:
    from scoring.sheets import parallel as module

    monkeypatch.setattr(module, "MIN_FILES_PER_WORKER", 8)  # so this small batch uses workers
    assert module.worker_count(len(batch), 2) == 2
    serial, serial_problems = read_many(batch, tulta, pekalongan)
    seen: list[tuple[int, int, str]] = []
    parallel, parallel_problems = read_many_parallel(
        batch, tulta, pekalongan, workers=2,
        progress=lambda done, total, name: seen.append((done, total, name)))

    pd.testing.assert_frame_equal(parallel, serial)
    assert parallel_problems == serial_problems
    assert fingerprint(tulta, pekalongan, parallel) == fingerprint(tulta, pekalongan, serial)
    assert seen == [(i + 1, len(batch), name) for i, (name, _) in enumerate(batch)]

    # what the batch holds, worked out from how it was made: 14 judges × 4 entries × 18
    # criteria = 1,008 marks; judge 5 has one out-of-range mark (101) that is left out and
    # one typed as "85,0" that is read as 85; judge 3's second file is a duplicate, left out.
    assert len(parallel) == 14 * 4 * 18 - 1
    typed = parallel[(parallel["judge_id"] == "Juri 5")
                     & (parallel["entry_id"] == tuple(pekalongan)[1].id)
                     & (parallel["criterion_id"] == "tanya_jawab")]
    assert typed["score"].tolist() == [85.0]
    assert (parallel["source_file"] == "juri_03_again.xlsx").sum() == 0
    found = codes(parallel_problems)
    assert found.count("score.out_of_range") == 1
    assert found.count("judge.duplicate") == 1
    assert any(p.file == "catatan.xlsx" and p.is_error for p in parallel_problems)


def test_a_small_batch_is_read_in_this_process() -> None:
    # 2 workers need 2 × 50 = 100 files; 99 files stay in this process (0 workers)
    assert MIN_FILES_PER_WORKER == 50
    assert worker_count(99, 2) == 0
    assert worker_count(100, 2) == 2
    # 300 files over 3 allowed workers: 300 // 50 = 6 would fit, capped at 3
    assert worker_count(300, 3) == 3
    # one worker is no parallelism: read here
    assert worker_count(300, 1) == 0
