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


# --- leniency-and-spread: how far each judge's spread was pulled toward the panel's ---------


def _leniency_spread_sample():
    import yaml

    from scoring.workspace import session

    data = yaml.safe_load(session.SAMPLE_RUBRIC.read_text(encoding="utf-8"))
    data["normalisation"] = {"method": "leniency_spread", "min_scores": 5}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return session.run_competition(session.sample_competition().with_rubric("ls.yaml", text))


def test_pulled_text_says_the_share_taken_from_the_panel() -> None:
    # a weight of 0,4 keeps 40 % of the judge's own slope: 1 − 0,4 = 0,6 is pulled
    assert judges_view.pulled_text(0.4, "id") == "ditarik 60% ke arah panel"
    assert judges_view.pulled_text(0.4, "en") == "pulled 60% toward the panel"
    assert judges_view.pulled_text(float("nan"), "id") == "–"


def test_the_judge_report_shows_each_judges_spread_weight_beside_the_slope(sample) -> None:
    outcome = _leniency_spread_sample()
    report = judges_view.judge_report(outcome.result, "KEL", "id")
    columns = list(report.judges.columns)
    slope, pulled = t("app.fair.judges.col.slope", "id"), t("app.fair.judges.col.spread_weight",
                                                             "id")
    assert columns.index(slope) == columns.index(t("app.judges.col.spread", "id")) + 1
    assert columns.index(pulled) == columns.index(slope) + 1
    assert slope in report.judges_numbers and pulled in report.help
    # every sample judge scored all 27 KEL entries; with min_scores 5 the panel's spread
    # counts as 2 × 5 = 10 marks: weight 27 / (27 + 10) = 27/37, pulled 10/37 = 27,03 %
    assert set(report.judges[pulled]) == {"ditarik 27% ke arah panel"}
    # OPD: 31 entries, pulled 10 / (31 + 10) = 10/41 = 24,39 %
    opd = judges_view.judge_report(outcome.result, "OPD", "en")
    assert set(opd.judges[t("app.fair.judges.col.spread_weight", "en")]) == {
        "pulled 24% toward the panel"}
    # the slopes are the engine's, near 1 for a panel that spreads alike
    assert np.allclose(report.judges[slope].to_numpy(),
                       outcome.result.judge_offsets.query("category == 'KEL'")["slope"],
                       atol=0)
    # without leniency_spread there is neither column
    plain = judges_view.judge_report(sample.result, "KEL", "id")
    assert slope not in plain.judges.columns and pulled not in plain.judges.columns


# --- the panel planner ----------------------------------------------------------------------


def _plan_rows(category: str, chances: list[float], target: float):
    import pandas as pd

    rows = []
    found = False
    for size, chance in enumerate(chances, start=1):
        meets = chance >= target
        rows.append({"category": category, "entries": 27, "judges": 5, "per_entry": size,
                     "entries_per_judge": -(-27 * size // 5), "p_best_wins": chance,
                     "meets_target": meets, "recommended": meets and not found})
        found = found or meets
    return pd.DataFrame(rows)


def test_the_plan_names_the_recommended_size_and_marks_its_row(sample) -> None:
    from ui.views import planner

    # KEL: 27 entries, 5 judges; 3 judges per entry give 0,91 ≥ 0,9 first: recommended.
    # Each judge then scores ⌈27 × 3 / 5⌉ = ⌈16,2⌉ = 17 entries.
    plan = _plan_rows("KEL", [0.55, 0.8, 0.91], 0.9)
    found = planner.category_plan(plan, sample.result, "KEL", 0.9, "id")
    assert found is not None and found.reached
    assert found.sentence == (
        "Kategori Kelompok Budaya Kerja Kelurahan: 3 juri per peserta (17 peserta per juri, "
        "dari 5 juri) memberi peluang 91% bahwa juara I memang yang terbaik (target 90%)")
    table = found.table
    assert list(table[t("app.fair.plan.col.per_entry", "id")]) == [1, 2, 3]
    assert list(table[t("app.fair.plan.col.per_judge", "id")]) == [6, 11, 17]  # ⌈27k/5⌉
    assert list(table[t("app.fair.plan.col.chance", "id")]) == ["55%", "80%", "91%"]
    assert list(table[t("app.fair.plan.col.recommended", "id")]) == ["", "", "✓ disarankan"]


def test_a_target_out_of_reach_names_the_last_row(sample) -> None:
    from ui.views import planner

    # even all 5 judges on every entry give 0,85 < 0,95: the last row, out of reach
    plan = _plan_rows("KEL", [0.5, 0.6, 0.7, 0.8, 0.85], 0.95)
    found = planner.category_plan(plan, sample.result, "KEL", 0.95, "en")
    assert found is not None and not found.reached
    assert found.sentence.startswith(
        "Category Kelurahan work-culture groups: even 5 judges per entry (27 entries per "
        "judge) give only a 85% chance (target 95%)")
    assert set(found.table[t("app.fair.plan.col.recommended", "en")]) == {""}
    assert planner.category_plan(plan, sample.result, "OPD", 0.95, "en") is None


def test_the_assumptions_are_listed_with_the_engines_estimates(sample) -> None:
    from scoring.planner import plan_for
    from ui.views import planner

    plan, assumptions = planner.plan_figures(sample.result, 0.9)
    engine_plan, engine_assumptions = plan_for(sample.result, target=0.9)
    assert plan.equals(engine_plan) and assumptions.equals(engine_assumptions)
    lines = planner.assumption_lines(assumptions, sample.result, "id")
    assert lines[0] == t("fairness.plan.assumptions", "id")
    assert len(lines) == 1 + len(sample.result.rubric.categories)
    kel = engine_assumptions.set_index("category").loc["KEL"]
    assert lines[1] == (
        f"Kategori Kelompok Budaya Kerja Kelurahan: 27 peserta, 5 juri; sebaran mutu "
        f"{view_format.number_text(kel['quality_sd'], 'id')}, sebaran kelonggaran juri "
        f"{view_format.number_text(kel['offset_sd'], 'id')}, sebaran acak per nilai "
        f"{view_format.number_text(kel['noise_sd'], 'id')}")
