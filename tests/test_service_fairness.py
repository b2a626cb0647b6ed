"""The service functions behind the app's fairness views (no Streamlit): confidence texts,
agreement per criterion group against the engine's own table, the judge report, and the
sensitivity table and its styling."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoring import service
from scoring.agreement import agreement_frame
from scoring.i18n import t


@pytest.fixture(scope="module")
def sample() -> service.Outcome:
    return service.run_competition(service.sample_competition())


@pytest.mark.parametrize(("value", "lang", "text"), [
    (0.5123, "id", "51%"), (0.5123, "en", "51%"), (1.0, "id", "> 99%"), (0.996, "en", "> 99%"),
    (0.994, "id", "99%"), (0.004, "id", "< 1%"), (0.0, "id", "0%"), (np.nan, "id", "–"),
    (None, "en", "–"), (0.805, "id", "81%"),
])
def test_percent_text(value, lang, text) -> None:
    assert service.percent_text(value, lang) == text


def test_rank_interval_text() -> None:
    assert service.rank_interval_text(1, 1, "id") == "1"
    assert service.rank_interval_text(2, 3, "id") == "2–3"
    assert service.rank_interval_text(998, 1250, "id") == "998–1.250"
    assert service.rank_interval_text(998, 1250, "en") == "998–1,250"
    assert service.rank_interval_text(np.nan, 3, "en") == "–"


def test_confidence_figures_hold_every_ranked_entry_and_match_the_engine(sample) -> None:
    from scoring.confidence import confidence_for

    result = sample.result
    figures = service.confidence_figures(result)
    assert list(figures.columns) == list(service.CONFIDENCE_COLUMNS)
    assert set(figures["entry_id"]) == set(result.standings["entry_id"])
    engine, _ = confidence_for(result, seed=service.CONFIDENCE_SEED,
                               n_resamples=service.CONFIDENCE_RESAMPLES)
    pd.testing.assert_frame_equal(figures, engine.loc[:, list(service.CONFIDENCE_COLUMNS)])
    placed = figures[figures["p_own_place"].notna()]
    assert ((placed["p_own_place"] >= 0) & (placed["p_own_place"] <= 1)).all()
    assert (figures["rank_low"] <= figures["rank_high"]).all()


def test_award_confidence_for_bands_gives_the_interval_only() -> None:
    """The poster rubric awards bands, not places: no probability of a place, no flag."""
    from tests.ui.test_pages import POSTER_ENTRIES, _poster_sheets

    rubric_text, files = _poster_sheets()
    competition = service.Competition("poster.yaml", rubric_text, "poster.csv", POSTER_ENTRIES,
                                      tuple(files), source="upload")
    result = service.run_competition(competition).result
    figures = service.confidence_figures(result)
    for category in result.rubric.category_ids:
        items = service.awards(result, category, "id")
        sure = service.award_confidence(items, figures, result, category, "id")
        for found in sure.values():
            assert found.probability is None and not found.too_close
            assert found.interval_text != "–"


def test_group_agreement_is_the_engines_table(sample) -> None:
    """The figures per criterion group on the Judges page are those of
    :func:`scoring.agreement.agreement_frame` (what the results workbook shows)."""
    result = sample.result
    engine = agreement_frame(result)
    for category in result.rubric.category_ids:
        groups, forms = service.group_agreement_tables(result, category, "en")
        rows = engine[engine["category"] == category].reset_index(drop=True)
        assert len(groups.frame) == len(rows)
        np.testing.assert_allclose(groups.frame["ICC(2,1)"], rows["icc_2_1"])
        np.testing.assert_allclose(groups.frame["ICC(3,k)"], rows["icc_3_k"])
        np.testing.assert_allclose(groups.frame[t("app.fair.agreement.col.kendall", "en")],
                                   rows["kendall_w"])
        np.testing.assert_allclose(groups.frame[t("app.fair.agreement.col.alpha", "en")],
                                   rows["alpha"])
        assert len(forms.frame) == 6 * len(rows)
        assert set(groups.help) >= {"ICC(2,1)", t("app.fair.agreement.col.kendall", "en")}


def test_icc_forms_table_has_six_forms_inside_their_intervals(sample) -> None:
    summary = service.agreement_of(sample.result, "KEL")
    table = service.icc_forms_table(summary, "id")
    frame = table.frame
    assert len(frame) == 6
    value, low, high = (t(f"app.fair.agreement.col.{k}", "id")
                        for k in ("value", "ci_low", "ci_high"))
    assert ((frame[low] <= frame[value]) & (frame[value] <= frame[high])).all()


def test_judge_report_lists_the_far_mark_by_entry_name(sample) -> None:
    report = service.judge_report(sample.result, "OPD", "id")
    assert [judge for judge, _ in report.flags] == ["Dr. Agus Pranoto, M.M."]
    assert "Sekretariat Daerah" in report.flags[0][1]
    assert "-3,1×" in report.flags[0][1]
    flags = report.judges.set_index(t("app.judges.col.judge", "id"))[
        t("app.fair.judges.col.flags", "id")]
    assert flags["Dr. Agus Pranoto, M.M."] == t("app.fair.judges.flag.far", "id", count=1)
    assert set(report.help) == set(report.judges.columns) - {t("app.judges.col.judge", "id")}


def test_official_normalisation_of_a_rubric(sample) -> None:
    rubric = sample.rubric
    assert service.official_normalisation(rubric) == "none"
    severity = rubric.model_copy(update={"normalisation": rubric.normalisation.model_copy(
        update={"method": "severity"})})
    assert service.official_normalisation(severity) == "severity"
    assert t("fairness.method.severity", "id") in service.official_method_text(severity, "id")


def test_sensitivity_table_and_chart_of_the_sample(sample) -> None:
    figures, _ = service.sensitivity_figures(sample)
    table = service.sensitivity_table(figures, sample.result, "OPD", "id")
    assert table.method_columns == [service.method_label(m, "id")
                                    for m in service.sensitivity_methods()]
    changed = table.frame.loc[table.place_changed, t("col.entry", "id")]
    expected = figures[(figures["category"] == "OPD") & figures["changed"]]["name"]
    assert list(changed) == list(expected)
    assert table.n_place_changed == len(expected)
    data = service.sensitivity_chart_data(figures, sample.result, "OPD", "id")
    assert set(data["method"]) == {t("app.fair.sens.col.official_rank", "id"),
                                   *table.method_columns}
    assert set(expected) <= set(data["name"])
    assert data["rank"].notna().all()
