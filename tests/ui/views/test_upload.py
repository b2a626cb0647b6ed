"""The Upload page's model (ui/views/upload.py): who scored what."""

from __future__ import annotations

from scoring.i18n import t
from ui.views import upload as upload_view


def test_coverage_finds_who_has_not_scored_what(sample) -> None:
    scores = sample.scores
    gap = (scores["judge_id"] == scores["judge_id"].iloc[0]) & (
        scores["entry_id"] == "opd-dinkes") & scores["criterion_id"].isin(["l1_tema", "alat"])
    cells, missing = upload_view.coverage(scores[~gap], sample.rubric, sample.entries, "OPD")
    assert len(cells) == 5 * 31
    assert cells["expected"].iloc[0] == 18
    assert len(missing) == 1
    assert missing.iloc[0]["missing"] == ["l1_tema", "alat"]
    frame = upload_view.missing_frame(missing, sample.rubric, "id")
    assert frame.iloc[0][t("app.coverage.criteria", "id")] == (
        "Langkah 1: Menentukan tema dan sasaran, Penggunaan tujuh alat")
    complete, none_missing = upload_view.coverage(scores, sample.rubric, sample.entries, "KEL")
    assert none_missing.empty and (complete["share"] == 1).all()
