"""Uploads: kept byte for byte, versioned per judge, never overwritten, never counted twice."""

from __future__ import annotations

import hashlib

import pytest

from scoring.problems import error, warning
from scoring.store import UnknownCompetitionError, UnknownUploadError

from .helpers import new_competition, sheet_bytes, sheet_scores


@pytest.fixture
def competition_id(archive):
    return new_competition(archive)


def test_an_upload_keeps_the_file_and_its_scores(archive, competition_id):
    data = sheet_bytes("Juri 1")
    scores = sheet_scores("Juri 1")
    receipt = archive.store_upload(competition_id, "juri 1.xlsx", data, "Juri 1", "panitia",
                                   scores)
    assert receipt.status == "new" and receipt.counts
    assert (receipt.version, receipt.superseded_id, receipt.score_count) == (1, None, 9)
    assert receipt.sha256 == hashlib.sha256(data).hexdigest()
    assert receipt.problems == ()
    assert archive.upload_bytes(receipt.upload_id) == data
    stored = archive.upload_scores(receipt.upload_id)
    assert stored.drop(columns="upload_id").equals(scores.astype({"score": "float64"}))
    assert stored["upload_id"].tolist() == [receipt.upload_id] * 9
    uploads = archive.uploads(competition_id)
    assert uploads.loc[0, ["judge", "version", "status", "current", "purpose", "filename",
                           "size", "uploader", "score_count"]].tolist() == [
        "Juri 1", 1, "ok", True, "sheet", "juri 1.xlsx", 4096, "panitia", 9]


def test_the_same_file_twice_is_recognised_and_not_counted_twice(archive, competition_id):
    data = sheet_bytes("Juri 1")
    first = archive.store_upload(competition_id, "a.xlsx", data, "Juri 1", "panitia",
                                 sheet_scores("Juri 1"))
    again = archive.store_upload(competition_id, "a (1).xlsx", data, "  juri   1 ", "ketua",
                                 sheet_scores("Juri 1"))
    assert again.status == "duplicate" and not again.counts
    assert (again.upload_id, again.version, again.judge) == (first.upload_id, 1, "Juri 1")
    assert [p.code for p in again.problems] == ["store.upload_duplicate"]
    assert len(archive.uploads(competition_id)) == 1
    assert len(archive.current_scores(competition_id)) == 9


def test_a_new_file_for_a_judge_supersedes_the_old_one_which_stays_readable(
        archive, competition_id):
    old = archive.store_upload(competition_id, "v1.xlsx", sheet_bytes("Juri 1", variant=1),
                               "Juri 1", "panitia", sheet_scores("Juri 1", base=70))
    new = archive.store_upload(competition_id, "v2.xlsx", sheet_bytes("Juri 1", variant=2),
                               "Juri 1", "panitia", sheet_scores("Juri 1", base=80))
    assert (new.status, new.version, new.superseded_id) == ("new_version", 2, old.upload_id)
    current = archive.current_scores(competition_id)
    assert current["upload_id"].unique().tolist() == [new.upload_id]
    assert current["score"].tolist()[:3] == [80.0, 81.0, 82.0]
    # nothing overwritten: the first version is all still there
    assert archive.upload_bytes(old.upload_id) == sheet_bytes("Juri 1", variant=1)
    assert archive.upload_scores(old.upload_id)["score"].tolist()[:3] == [70.0, 71.0, 72.0]
    uploads = archive.uploads(competition_id)
    assert uploads[["version", "current"]].values.tolist() == [[1, False], [2, True]]


def test_going_back_to_an_older_file_makes_a_new_version(archive, competition_id):
    a, b = sheet_bytes("Juri 1", variant=1), sheet_bytes("Juri 1", variant=2)
    archive.store_upload(competition_id, "a.xlsx", a, "Juri 1", "p", sheet_scores("Juri 1"))
    archive.store_upload(competition_id, "b.xlsx", b, "Juri 1", "p", sheet_scores("Juri 1"))
    back = archive.store_upload(competition_id, "a.xlsx", a, "Juri 1", "p",
                                sheet_scores("Juri 1"))
    assert (back.status, back.version) == ("new_version", 3)
    assert archive.current_scores(competition_id)["upload_id"].unique().tolist() == [
        back.upload_id]


def test_current_scores_hold_one_upload_per_judge_ordered_by_judge(archive, competition_id):
    for judge in ("Juri 2", "juri 1", "Juri 3"):
        archive.store_upload(competition_id, f"{judge}.xlsx", sheet_bytes(judge), judge, "p",
                             sheet_scores(judge))
    archive.store_upload(competition_id, "j2b.xlsx", sheet_bytes("Juri 2", variant=2),
                         "JURI 2", "p", sheet_scores("JURI 2", base=60))
    current = archive.current_scores(competition_id)
    assert current["judge_id"].unique().tolist() == ["juri 1", "JURI 2", "Juri 3"]
    assert len(current) == 27
    assert list(current.columns) == ["entry_id", "category", "judge_id", "criterion_id",
                                     "score", "source_file", "source_sheet", "source_cell",
                                     "upload_id"]


def test_a_file_with_errors_is_kept_but_neither_scored_nor_superseding(archive, competition_id):
    good = archive.store_upload(competition_id, "good.xlsx", sheet_bytes("Juri 1"), "Juri 1",
                                "p", sheet_scores("Juri 1"))
    bad_bytes = sheet_bytes("Juri 1", variant=9)
    found = [error("file.unreadable", file="bad.xlsx", reason="sheet missing"),
             warning("file.not_found", file="bad.xlsx", path="x")]
    bad = archive.store_upload(competition_id, "bad.xlsx", bad_bytes, "Juri 1", "p",
                               sheet_scores("Juri 1"), found)
    assert (bad.status, bad.version, bad.superseded_id, bad.score_count) == (
        "rejected", 2, None, 0)
    assert archive.upload_bytes(bad.upload_id) == bad_bytes
    assert archive.upload_problems(bad.upload_id) == found
    assert archive.upload_scores(bad.upload_id).empty
    assert archive.current_scores(competition_id)["upload_id"].unique().tolist() == [
        good.upload_id]
    # the same broken file again is a duplicate of it, not a third version
    again = archive.store_upload(competition_id, "bad.xlsx", bad_bytes, "Juri 1", "p", None,
                                 found)
    assert (again.status, again.upload_id) == ("duplicate", bad.upload_id)
    # and the good file again is a duplicate of the current upload
    good_again = archive.store_upload(competition_id, "good.xlsx", sheet_bytes("Juri 1"),
                                      "Juri 1", "p", sheet_scores("Juri 1"))
    assert (good_again.status, good_again.upload_id) == ("duplicate", good.upload_id)


def test_scores_in_another_judges_name_are_rejected(archive, competition_id):
    receipt = archive.store_upload(competition_id, "x.xlsx", b"x", "Juri 1", "p",
                                   sheet_scores("Juri 2"))
    assert receipt.status == "rejected"
    assert [(p.code, dict(p.params)) for p in receipt.problems] == [
        ("store.judge_mismatch", {"judge": "Juri 1", "found": "Juri 2"})]
    assert archive.current_scores(competition_id).empty


def test_a_file_without_scores_is_rejected(archive, competition_id):
    receipt = archive.store_upload(competition_id, "empty.xlsx", b"empty", "Juri 1", "p",
                                   sheet_scores("Juri 1").iloc[0:0])
    assert receipt.status == "rejected"
    assert [p.code for p in receipt.problems] == ["store.upload_no_scores"]
    assert archive.uploads(competition_id)["score_count"].tolist() == [0]


def test_unknown_ids_and_a_missing_judge(archive, competition_id):
    with pytest.raises(UnknownCompetitionError):
        archive.store_upload(999, "x.xlsx", b"x", "Juri 1", "p", sheet_scores("Juri 1"))
    with pytest.raises(UnknownCompetitionError):
        archive.current_scores(999)
    with pytest.raises(UnknownUploadError):
        archive.upload_bytes(999)
    with pytest.raises(ValueError, match="judge"):
        archive.store_upload(competition_id, "x.xlsx", b"x", "  ", "p", sheet_scores(""))


def test_the_on_locked_hook_runs_inside_the_transaction_and_a_failure_there_stores_nothing(
        archive, competition_id):
    seen = []

    def look_then_fail():
        # the file's row is written but not committed: another reader does not see it
        seen.append(len(archive.uploads(competition_id)))
        raise RuntimeError("stopped inside the upload")

    with pytest.raises(RuntimeError, match="stopped inside the upload"):
        archive.store_upload(competition_id, "juri1.xlsx", sheet_bytes("Juri 1"), "Juri 1",
                             "panitia", sheet_scores("Juri 1"), on_locked=look_then_fail)
    assert seen == [0]
    assert archive.uploads(competition_id).empty
    receipt = archive.store_upload(competition_id, "juri1.xlsx", sheet_bytes("Juri 1"),
                                   "Juri 1", "panitia", sheet_scores("Juri 1"))
    assert (receipt.status, receipt.version) == ("new", 1)


def test_judges_are_told_apart_by_their_folded_name(archive, competition_id):
    # "Dra. Sri Wahyuni" and "DRA SRI  WAHYUNI" are one judge (scoring.identity.judge_key):
    # the second file is the judge's version 2, not a second judge
    first = archive.store_upload(competition_id, "a.xlsx", sheet_bytes("Dra. Sri Wahyuni"),
                                 "Dra. Sri Wahyuni", "panitia",
                                 sheet_scores("Dra. Sri Wahyuni"))
    second = archive.store_upload(competition_id, "b.xlsx", sheet_bytes("DRA SRI  WAHYUNI"),
                                  "DRA SRI  WAHYUNI", "panitia",
                                  sheet_scores("Dra Sri Wahyuni"))
    assert (first.status, first.version) == ("new", 1)
    assert (second.status, second.version, second.superseded_id) == (
        "new_version", 2, first.upload_id)
    assert second.problems == ()
