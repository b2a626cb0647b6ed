"""The Results page's model (ui/views/results.py): the ranking and the charts' data."""

from __future__ import annotations

from scoring.i18n import t
from ui.views import format as view_format
from ui.views import results as results_view

OPD_WINNER = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"


def test_ranking_table_columns_and_numbers(sample) -> None:
    table = results_view.ranking_table(sample.result, "OPD", "id")
    frame = table.frame
    assert list(frame.columns[:5]) == [t(k, "id") for k in (
        "col.rank", "col.tied", "col.entry", "col.total", "col.award")]
    assert "Risalah" in frame.columns and "Fragmen" in frame.columns
    judges = results_view.judges_of(sample.result, "OPD")
    assert len(judges) == 5 and all(j in frame.columns for j in judges)
    assert frame.iloc[0][t("col.entry", "id")] == OPD_WINNER
    assert frame[t("col.total", "id")].dtype.kind == "f"
    assert set(table.number_columns) >= {t("col.total", "id"), "Risalah", *judges}
    styled = view_format.styled(frame, table.number_columns, "id").to_html()
    assert "86,78" in styled and "86.78" not in styled


def test_leaders_and_chart_data(sample) -> None:
    top = results_view.leaders(sample.result, "KEL", "id")
    assert top[0] == {"award": "Juara I", "name": "Kelurahan Bandengan", "total": "90,62"}
    panel, judges = results_view.totals_chart_data(sample.result, "OPD", "id")
    assert len(panel) == 31 and len(judges) == 31 * 5
    assert panel.iloc[0]["label"] == f"1. {OPD_WINNER}"
    heat = results_view.heatmap_data(sample.result, "OPD", "id")
    assert len(heat) == 31 * 18
    assert heat["share"].between(0, 1).all()
    assert "Yel-yel › Kreativitas" in set(heat["criterion"])
    assert "Fragmen › Kreativitas" in set(heat["criterion"])
    spread = results_view.distribution_data(sample.result, "OPD", "en")
    assert set(spread["judge"]) == set(results_view.judges_of(sample.result, "OPD"))
    assert spread["total_text"].str.contains(r"^\d+\.\d\d$").all()
