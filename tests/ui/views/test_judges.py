"""The Judges page's model (ui/views/judges.py): each judge against the panel, agreement."""

from __future__ import annotations

import numpy as np

from scoring.agreement import agreement_frame
from scoring.i18n import t
from ui.views import format as view_format
from ui.views import judges as judges_view


def test_judge_tables_and_agreement(sample) -> None:
    tables = judges_view.judge_tables(sample.result, "OPD", "id", outlier_sds=3.0)
    judges = tables.judges
    assert len(judges) == 5
    assert judges[t("app.judges.col.correlation", "id")].between(-1, 1).all()
    loose = judges_view.judge_tables(sample.result, "OPD", "id", outlier_sds=2.0)
    assert len(loose.outliers) >= len(tables.outliers)
    summary = judges_view.agreement_of(sample.result, "OPD")
    assert summary is not None and summary.n_judges == 5 and summary.n_complete_entries == 31
    assert 0 < summary.kendall.w <= 1
    assert judges_view.quality_word(0.91, "id") == t("app.agreement.excellent", "id")
    assert judges_view.quality_word(float("nan"), "en") == t("app.agreement.undefined", "en")
    assert view_format.number_text(float("inf"), "id") == "–"
    assert view_format.number_text(0.5, "id") == "0,50"


def test_group_agreement_is_the_engines_table(sample) -> None:
    """The figures per criterion group on the Judges page are those of
    :func:`scoring.agreement.agreement_frame` (what the results workbook shows)."""
    result = sample.result
    engine = agreement_frame(result)
    for category in result.rubric.category_ids:
        groups, forms = judges_view.group_agreement_tables(result, category, "en")
        rows = engine[engine["category"] == category].reset_index(drop=True)
        assert len(groups.frame) == len(rows)
        np.testing.assert_allclose(groups.frame["ICC(2,1)"], rows["icc_2_1"])
        np.testing.assert_allclose(groups.frame["ICC(3,k)"], rows["icc_3_k"])
        np.testing.assert_allclose(groups.frame[t("fairness.col.kendall_w", "en")],
                                   rows["kendall_w"])
        np.testing.assert_allclose(groups.frame[t("app.agreement.alpha", "en")],
                                   rows["alpha"])
        assert len(forms.frame) == 6 * len(rows)
        assert set(groups.help) >= {"ICC(2,1)", t("fairness.col.kendall_w", "en")}


def test_icc_forms_table_has_six_forms_inside_their_intervals(sample) -> None:
    summary = judges_view.agreement_of(sample.result, "KEL")
    table = judges_view.icc_forms_table(summary, "id")
    frame = table.frame
    assert len(frame) == 6
    value, low, high = (t(f"app.fair.agreement.col.{k}", "id")
                        for k in ("value", "ci_low", "ci_high"))
    assert ((frame[low] <= frame[value]) & (frame[value] <= frame[high])).all()


def test_judge_report_lists_the_far_mark_by_entry_name(sample) -> None:
    report = judges_view.judge_report(sample.result, "OPD", "id")
    assert [judge for judge, _ in report.flags] == ["Dr. Agus Pranoto, M.M."]
    assert "Sekretariat Daerah" in report.flags[0][1]
    assert "-3,1×" in report.flags[0][1]
    flags = report.judges.set_index(t("col.judge", "id"))[
        t("app.fair.judges.col.flags", "id")]
    assert flags["Dr. Agus Pranoto, M.M."] == t("app.fair.judges.flag.far", "id", count=1)
    assert set(report.help) == set(report.judges.columns) - {t("col.judge", "id")}
