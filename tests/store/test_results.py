"""Publishing freezes a result; corrections add revisions; every revision stays readable."""

from __future__ import annotations

import pytest

from scoring.store import StoreRefusedError, UnknownRevisionError

from .helpers import new_competition, result_json, sheet_bytes, sheet_scores

FIRST = result_json({
    "OPD": [("opd-a", "Dinas A", 1, False, 85.5, "Juara I"),
            ("opd-b", "Dinas B", 2, False, 80.25, "Juara II")],
    "Kelurahan": [("kel-x", "Kelurahan X", 1, False, 77.0, None)],
}, fingerprint="f1")
CORRECTED = result_json({
    "OPD": [("opd-b", "Dinas B", 1, True, 86.0, "Juara I"),
            ("opd-a", "Dinas A", 1, True, 86.0, "Juara I")],
    "Kelurahan": [("kel-x", "Kelurahan X", 1, False, 77.0, None)],
}, fingerprint="f2")


def _plain(frame):
    """Rows as lists, with missing values as None (pandas shows a missing text as NaN)."""
    return frame.astype(object).where(frame.notna(), None).values.tolist()


@pytest.fixture
def competition_id(archive):
    competition_id = new_competition(archive)
    for judge in ("Juri 1", "Juri 2"):
        archive.store_upload(competition_id, f"{judge}.xlsx", sheet_bytes(judge), judge,
                             "panitia", sheet_scores(judge))
    return competition_id


def test_publishing_stores_the_result_as_given_and_the_uploads_it_used(archive,
                                                                         competition_id):
    used = archive.current_scores(competition_id)["upload_id"].unique().tolist()
    assert archive.results(competition_id) is None
    assert archive.publish(competition_id, FIRST, "ketua panitia") == 1
    assert archive.competition(competition_id).status == "published"
    published = archive.results(competition_id)
    assert published.result_json == FIRST
    assert (published.revision, published.fingerprint, published.published_by,
            published.reason) == (1, "f1", "ketua panitia", "")
    assert published.upload_ids == tuple(used)
    assert published.data()["categories"]["OPD"][0]["subtotals"] == {"risalah": 85.5}
    table = archive.result_table(competition_id)
    assert _plain(table) == [
        ["Kelurahan", "kel-x", "Kelurahan X", 1, False, 77.0, None],
        ["OPD", "opd-a", "Dinas A", 1, False, 85.5, "Juara I"],
        ["OPD", "opd-b", "Dinas B", 2, False, 80.25, "Juara II"],
    ]
    assert archive.competitions()["latest_revision"].tolist() == [1]


def test_a_published_result_cannot_be_published_again(archive, competition_id):
    archive.publish(competition_id, FIRST, "ketua")
    with pytest.raises(StoreRefusedError) as caught:
        archive.publish(competition_id, CORRECTED, "ketua")
    assert [(p.code, p.params["revision"]) for p in caught.value.problems] == [
        ("store.already_published", 1)]
    assert archive.results(competition_id).result_json == FIRST


def test_uploads_after_publishing_are_kept_but_never_change_the_published_revision(
        archive, competition_id):
    archive.publish(competition_id, FIRST, "ketua")
    frozen = archive.revision_scores(competition_id, 1)
    late = archive.store_upload(competition_id, "juri1-fix.xlsx",
                                sheet_bytes("Juri 1", variant=2), "Juri 1", "panitia",
                                sheet_scores("Juri 1", base=90))
    assert late.status == "new_version"
    assert [(p.severity, p.code) for p in late.problems] == [
        ("warning", "store.upload_after_publish")]
    assert archive.revision_scores(competition_id, 1).equals(frozen)
    assert archive.results(competition_id).result_json == FIRST
    assert late.upload_id in archive.current_scores(competition_id)["upload_id"].tolist()


def test_a_correction_adds_a_revision_and_both_stay_readable(archive, competition_id):
    archive.publish(competition_id, FIRST, "ketua")
    late = archive.store_upload(competition_id, "juri1-fix.xlsx",
                                sheet_bytes("Juri 1", variant=2), "Juri 1", "panitia",
                                sheet_scores("Juri 1", base=90))
    revision = archive.correct(competition_id, CORRECTED, "  Salah ketik nilai   Juri 1 ",
                               "ketua")
    assert revision == 2
    latest = archive.results(competition_id)
    assert (latest.revision, latest.result_json, latest.reason) == (
        2, CORRECTED, "Salah ketik nilai Juri 1")
    assert late.upload_id in latest.upload_ids
    assert archive.results(competition_id, 1).result_json == FIRST
    assert late.upload_id not in archive.results(competition_id, 1).upload_ids
    revisions = archive.revisions(competition_id)
    assert revisions[["revision", "fingerprint", "reason", "upload_count"]].values.tolist() == [
        [1, "f1", "", 2], [2, "f2", "Salah ketik nilai Juri 1", 2]]
    assert archive.result_table(competition_id, 1)["rank"].tolist() == [1, 1, 2]
    assert archive.result_table(competition_id)[["entry_id", "rank", "tied"]].values.tolist() \
        == [["kel-x", 1, False], ["opd-a", 1, True], ["opd-b", 1, True]]
    # nine scores per sheet, base … base + 8: Juri 1's correction has base 90, the rest 70
    assert archive.revision_scores(competition_id, 2)["score"].max() == 98.0
    assert archive.revision_scores(competition_id, 1)["score"].max() == 78.0


def test_a_correction_needs_a_published_result_and_a_reason(archive, competition_id):
    with pytest.raises(StoreRefusedError) as caught:
        archive.correct(competition_id, CORRECTED, "alasan", "ketua")
    assert [p.code for p in caught.value.problems] == ["store.not_published"]
    archive.publish(competition_id, FIRST, "ketua")
    with pytest.raises(StoreRefusedError) as caught:
        archive.correct(competition_id, CORRECTED, "   ", "ketua")
    assert [p.code for p in caught.value.problems] == ["store.reason_required"]
    assert archive.revisions(competition_id)["revision"].tolist() == [1]


def test_publishing_with_the_uploads_the_result_was_computed_from(archive, competition_id):
    first_two = archive.current_scores(competition_id)["upload_id"].unique().tolist()
    archive.store_upload(competition_id, "j3.xlsx", sheet_bytes("Juri 3"), "Juri 3", "p",
                         sheet_scores("Juri 3"))
    archive.publish(competition_id, FIRST, "ketua", upload_ids=first_two)
    assert archive.results(competition_id).upload_ids == tuple(first_two)
    assert archive.revision_scores(competition_id, 1)["judge_id"].unique().tolist() == [
        "Juri 1", "Juri 2"]


def test_uploads_of_another_competition_cannot_be_named(archive, competition_id):
    other = new_competition(archive, 2025)
    foreign = archive.store_upload(other, "x.xlsx", b"x", "Juri 1", "p",
                                   sheet_scores("Juri 1")).upload_id
    with pytest.raises(ValueError, match="not uploads of competition"):
        archive.publish(competition_id, FIRST, "ketua", upload_ids=[foreign])
    assert archive.competition(competition_id).status == "draft"


def test_unknown_revisions_and_malformed_results(archive, competition_id):
    archive.publish(competition_id, FIRST, "ketua")
    with pytest.raises(UnknownRevisionError):
        archive.results(competition_id, 5)
    with pytest.raises(UnknownRevisionError):
        archive.revision_scores(competition_id, 5)
    with pytest.raises(ValueError, match="not JSON"):
        archive.correct(competition_id, "{not json", "x", "ketua")
    with pytest.raises(ValueError, match="categories"):
        archive.correct(competition_id, '{"fingerprint": "x"}', "x", "ketua")
