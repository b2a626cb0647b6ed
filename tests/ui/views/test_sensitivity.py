"""The Sensitivity page's model (ui/views/sensitivity.py)."""

from __future__ import annotations

from scoring.i18n import t
from ui.views import sensitivity as sensitivity_view


def test_official_normalisation_of_a_rubric(sample) -> None:
    rubric = sample.rubric
    assert sensitivity_view.official_normalisation(rubric) == "none"
    severity = rubric.model_copy(update={"normalisation": rubric.normalisation.model_copy(
        update={"method": "severity"})})
    assert sensitivity_view.official_normalisation(severity) == "severity"
    assert t("fairness.method.severity", "id") in sensitivity_view.official_method_text(
        severity, "id")


def test_sensitivity_table_and_chart_of_the_sample(sample) -> None:
    figures, _ = sensitivity_view.sensitivity_figures(sample)
    table = sensitivity_view.sensitivity_table(figures, sample.result, "OPD", "id")
    assert table.method_columns == [sensitivity_view.method_label(m, "id")
                                    for m in sensitivity_view.sensitivity_methods()]
    changed = table.frame.loc[table.place_changed, t("col.entry", "id")]
    expected = figures[(figures["category"] == "OPD") & figures["changed"]]["name"]
    assert list(changed) == list(expected)
    assert table.n_place_changed == len(expected)
    data = sensitivity_view.sensitivity_chart_data(figures, sample.result, "OPD", "id")
    assert set(data["method"]) == {t("app.fair.sens.col.official_rank", "id"),
                                   *table.method_columns}
    assert set(expected) <= set(data["name"])
    assert data["rank"].notna().all()
