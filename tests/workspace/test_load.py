"""The load test (:mod:`bench.load`) at a reduced size: 30 judges uploading at once from two
processes sharing the database (SQLite and PostgreSQL), every upload stored exactly once
with its scores, one version per judge; and the check itself catches a duplicate."""
# ruff: noqa: F811 - pytest fixtures imported from .shared are parameters here

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from bench import load
from scoring.store import open_archive
from scoring.workspace import access, judging

from .shared import backend, db_url  # noqa: F401

# two Python processes each importing the engine, and 30 templates generated
pytestmark = pytest.mark.slow

JUDGES = 30


def resaved(data: bytes) -> bytes:
    """The same workbook zipped again without compression: the same cells, other bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item.filename))
    return out.getvalue()


@pytest.fixture(scope="module")
def competition(tmp_path_factory):
    return load.competition_for(JUDGES, tmp_path_factory.mktemp("load"))


def test_thirty_judges_from_two_processes_are_each_stored_once(db_url, competition, tmp_path):
    outcome = load.run(db_url, competition, processes=2, threads=2, folder=tmp_path)
    assert outcome.problems == []
    assert len(outcome.uploads) == JUDGES
    assert (outcome.uploads["error"] == "").all()
    # both processes took part: the judges are dealt out 15 and 15
    assert sorted(outcome.uploads.groupby("worker").size()) == [15, 15]
    assert outcome.uploads["status"].tolist() == ["new"] * JUDGES
    assert outcome.uploads["version"].tolist() == [1] * JUDGES
    with open_archive(db_url) as archive:
        competition_id = int(archive.competitions()["competition_id"].iloc[0])
        stored = archive.uploads(competition_id)
        assert sorted(stored["judge"]) == [f"Juri {k:04d}" for k in range(1, JUDGES + 1)]
        assert set(stored["upload_id"]) == set(outcome.uploads["upload_id"])
        truth = pd.read_parquet(competition.truth)
        # every mark written into the 30 files, and no other, is stored once
        marks = archive.current_scores(competition_id)
        assert len(marks) == len(truth)
        per_judge = stored.set_index("judge")["score_count"]
        assert per_judge.to_dict() == truth.groupby("judge_id").size().to_dict()
    assert outcome.p95 >= outcome.uploads["seconds"].median() > 0


def test_the_check_finds_a_second_version_and_its_marks(db_url, competition, tmp_path):
    with open_archive(db_url) as archive:
        competition_id, ids = load.prepare(archive, competition)
        uploads = []
        for name, path in zip(ids, competition.sheets, strict=True):
            actor = access.judge(name, ids[name], competition_id)
            judging.upload_sheet(archive, actor, ids[name], path.name, path.read_bytes())
            uploads.append({"judge": name, "error": ""})
        assert load.check(archive, competition_id, competition, pd.DataFrame(uploads)) == []
        # the first judge sends the same sheet again, saved anew (other bytes): version 2
        first = next(iter(ids))
        actor = access.judge(first, ids[first], competition_id)
        done = judging.upload_sheet(archive, actor, ids[first], "again.xlsx",
                                    resaved(competition.sheets[0].read_bytes()))
        assert done.receipt.version == 2
        found = load.check(archive, competition_id, competition, pd.DataFrame(uploads))
    assert f"more than one upload: {first}" in found
    assert f"{first}: version 2, ok" in found
