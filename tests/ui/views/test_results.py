"""The Results page's model (ui/views/results.py): the ranking and the charts' data."""

from __future__ import annotations

import pytest

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


# Three judges, four entries, ranked on the rank percentile: each judge's rank r of its m = 4
# entries becomes 100 × (m − r) / (m − 1), i.e. 100, 66,67, 33,33, 0 for ranks 1–4.
#   Juri A: e1 100 > e2 80 > e3 79 > e4 60  → e1 100, e2 66,67, e3 33,33, e4 0
#   Juri B: e2 90 > e3 85 > e4 60 > e1 50   → e1 0,   e2 100,   e3 66,67, e4 33,33
#   Juri C: e1 95 > e2 85 > e3 80 > e4 70   → e1 100, e2 66,67, e3 33,33, e4 0
# Means: e2 (66,67 + 100 + 66,67) / 3 = 77,78; e1 (100 + 0 + 100) / 3 = 66,67;
# e3 (33,33 + 66,67 + 33,33) / 3 = 44,44; e4 (0 + 33,33 + 0) / 3 = 11,11.
PERCENTILE_MARKS = {
    "Juri A": {"e1": 100, "e2": 80, "e3": 79, "e4": 60},
    "Juri B": {"e1": 50, "e2": 90, "e3": 85, "e4": 60},
    "Juri C": {"e1": 95, "e2": 85, "e3": 80, "e4": 70},
}


def test_a_rank_rule_category_shows_its_deciding_figure_before_the_total() -> None:
    from scoring.workspace import session
    from tests.ui.test_fairness_pages import RUBRIC, _competition

    rubric = RUBRIC.replace("rule: mean", "rule: rank_percentile")
    result = session.run_competition(_competition(PERCENTILE_MARKS, rubric)).result
    assert result.deciding_column("UMUM") == "rank_percentile"
    for lang, label in (("id", "Persentil peringkat"), ("en", "Rank percentile")):
        table = results_view.ranking_table(result, "UMUM", lang)
        frame = table.frame
        assert table.deciding_column == label == result.deciding_label("UMUM", lang)
        assert list(frame.columns[:6]) == [t("col.rank", lang), t("col.tied", lang),
                                           t("col.entry", lang), label, t("col.total", lang),
                                           t("col.award", lang)]
        assert list(frame[t("col.entry", lang)]) == [
            "Peserta E2", "Peserta E1", "Peserta E3", "Peserta E4"]
        expected = [(200 / 3 + 100 + 200 / 3) / 3, (100 + 0 + 100) / 3,
                    (100 / 3 + 200 / 3 + 100 / 3) / 3, (0 + 100 / 3 + 0) / 3]
        assert frame[label].to_numpy() == pytest.approx(expected, abs=1e-9)
        assert label in table.number_columns
        widths = results_view.ranking_widths(table)
        assert widths[label]["width"] == widths[t("col.total", lang)]["width"]
    # a category decided on the total has no second figure: the total is the deciding one
    mean = session.run_competition(_competition(PERCENTILE_MARKS)).result
    table = results_view.ranking_table(mean, "UMUM", "id")
    assert table.deciding_column == t("col.total", "id")
    assert "Persentil peringkat" not in table.frame.columns
