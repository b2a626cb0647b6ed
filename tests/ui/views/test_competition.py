"""The Competition page's model (ui/views/competition.py): the rubric for people."""

from __future__ import annotations

import pytest

from scoring.i18n import t
from ui.views import competition as competition_view


def test_rubric_frame_shows_the_tree_with_percentages(sample) -> None:
    frame = competition_view.rubric_frame(sample.rubric, "id")
    weight = t("app.rubric.weight_in", "id", category="OPD")
    ids = frame[t("col.entry_id", "id")].tolist()
    assert ids[:3] == ["risalah", "langkah", "l1_tema"]
    top = frame[frame[t("col.entry_id", "id")].isin([n.id for n in sample.rubric.criteria])]
    assert top[weight].sum() == pytest.approx(100)
    assert frame.loc[ids.index("risalah"), weight] == pytest.approx(40)
    assert frame.loc[ids.index("l1_tema"), t("col.criterion", "id")].startswith("\u2003\u2003")
    assert frame.loc[ids.index("l1_tema"), t("col.scale", "id")] == "0–100 (kelipatan 1)"


def test_rule_texts(sample) -> None:
    rubric = sample.rubric
    assert "1 nilai tertinggi" in competition_view.panel_rule_text(rubric, "id")
    assert competition_view.tie_rule_label(rubric, "criterion:risalah", "en") == (
        "the Written report (risalah) score")
    assert competition_view.rounding_text(rubric, "id").startswith("subtotal kelompok 2 desimal")
    _, frame, note = competition_view.award_frames(rubric, "id")[0]
    assert frame[t("col.award", "id")].tolist()[:2] == ["Juara I", "Juara II"]
    assert "50" in note
