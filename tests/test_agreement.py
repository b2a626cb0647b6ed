"""Tests for scoring.agreement against published worked examples.

Every expected number below is written out literally from the source named next to it, at the
precision the source prints, and compared with a tolerance of half its last printed digit.
"""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from scoring.agreement import (
    FORMS,
    AgreementSummary,
    agreement_summary,
    icc,
    kendall_w,
    krippendorff_alpha_interval,
)

nan = np.nan

# Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
# reliability. Psychological Bulletin 86(2), 420-428. Table 2: four judges rate six targets.
# Rows are targets, columns judges 1-4.
SHROUT_FLEISS = np.array([
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
], dtype=float)

# Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
# Communication, University of Pennsylvania, departmental paper 43: the worked example with
# 4 observers (rows A-D) x 12 units and missing values. Printed judges-in-rows, so the tests
# pass its transpose (units in rows), the orientation scoring.agreement uses throughout.
KRIPPENDORFF_2011 = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
])

# NAG Library, routine G08DAF (nagf_nonpar_concordance_kendall), example program data and
# results (Mark 26.2 / 27 documentation, examples/baseresults/g08dafe.r): three comparisons
# (judges, rows) of ten objects, with ties; printed "Kendall's coefficient = 0.828,
# Significance = 0.008". The routine documents the Siegel (1956) tie correction.
NAG_G08DAF = np.array([
    [1.0, 4.5, 2.0, 4.5, 3.0, 7.5, 6.0, 9.0, 7.5, 10.0],
    [2.5, 1.0, 2.5, 4.5, 4.5, 8.0, 9.0, 6.5, 10.0, 6.5],
    [2.0, 1.0, 4.5, 4.5, 4.5, 4.5, 8.0, 8.0, 8.0, 10.0],
])


def _forms(result) -> dict[str, object]:
    return {f.form: f for f in result}


# --------------------------------------------------------------------------------------------
# ICC


def test_icc_values_match_shrout_fleiss_table_4():
    # Shrout & Fleiss (1979), Table 4, the six ICCs for the Table 2 data (two decimals).
    published = {
        "ICC(1,1)": 0.17, "ICC(2,1)": 0.29, "ICC(3,1)": 0.71,
        "ICC(1,k)": 0.44, "ICC(2,k)": 0.62, "ICC(3,k)": 0.91,
    }
    forms = _forms(icc(SHROUT_FLEISS))
    assert tuple(forms) == FORMS
    for form, value in published.items():
        assert forms[form].value == pytest.approx(value, abs=0.005), form


def test_icc_mean_squares_match_shrout_fleiss_anova():
    # Shrout & Fleiss (1979), analysis of variance of the Table 2 data: BMS 11.24, WMS 6.26,
    # JMS 32.49, EMS 1.02 (MSR/MSC/MSE are the same numbers in McGraw & Wong's notation).
    result = icc(SHROUT_FLEISS)
    assert result.ms_targets == pytest.approx(11.24, abs=0.005)
    assert result.ms_within == pytest.approx(6.26, abs=0.005)
    assert result.ms_judges == pytest.approx(32.49, abs=0.005)
    assert result.ms_error == pytest.approx(1.02, abs=0.005)
    assert (result.n_targets, result.n_judges) == (6, 4)


def test_icc_confidence_intervals_match_psych_on_shrout_fleiss_data():
    # R psych::ICC() on the Shrout & Fleiss (1979) Table 2 data (the example in psych's ICC help
    # page), output as printed in D. Wollschläger's R examples repository, github.com/dwoll/
    # RExRepos, Rmd/interRaterICC.Rmd: F 1.8 on (5, 18) with p 0.16477 for ICC1/ICC1k, F 11.0 on
    # (5, 15) with p 0.00013 for the others; lower bounds to 3 d.p., upper bounds to 2 d.p.
    published = {
        #            lower   upper
        "ICC(1,1)": (-0.133, 0.72),
        "ICC(2,1)": (0.019, 0.76),
        "ICC(3,1)": (0.342, 0.95),
        "ICC(1,k)": (-0.884, 0.91),
        "ICC(2,k)": (0.071, 0.93),
        "ICC(3,k)": (0.676, 0.99),
    }
    forms = _forms(icc(SHROUT_FLEISS))
    for form, (low, high) in published.items():
        assert forms[form].ci_low == pytest.approx(low, abs=0.0005), form
        assert forms[form].ci_high == pytest.approx(high, abs=0.005), form
    # The same output from DescTools::ICC (same source, second table): F-val 1.79 and 11.03,
    # p-val 0.164769 and 0.000135, df 5/18 and 5/15.
    for form in ("ICC(1,1)", "ICC(1,k)"):
        f = forms[form]
        assert (f.df1, f.df2) == (5, 18)
        assert f.f_value == pytest.approx(1.79, abs=0.005)
        assert f.p_value == pytest.approx(0.164769, abs=5e-7)
    for form in ("ICC(2,1)", "ICC(3,1)", "ICC(2,k)", "ICC(3,k)"):
        f = forms[form]
        assert (f.df1, f.df2) == (5, 15)
        assert f.f_value == pytest.approx(11.03, abs=0.005)
        assert f.p_value == pytest.approx(0.000135, abs=5e-7)


def test_icc_matches_desctools_on_a_two_judge_example():
    # Ten targets x two judges, labelled "McGraw & Wong (1996) Table 6" in R. P. Matthew's
    # f_ICC.m (2018), which quotes R DescTools::ICC output for it ("Verification from R"):
    #   type   est    F-val df1 df2 p-val   lwr.ci upr.ci
    published = {
        "ICC(1,1)": (0.722, 6.18, 9, 10, 0.00437, 0.241, 0.922),
        "ICC(2,1)": (0.720, 6.00, 9, 9, 0.00677, 0.228, 0.922),
        "ICC(3,1)": (0.714, 6.00, 9, 9, 0.00677, 0.197, 0.920),
        "ICC(1,k)": (0.838, 6.18, 9, 10, 0.00437, 0.389, 0.959),
        "ICC(2,k)": (0.837, 6.00, 9, 9, 0.00677, 0.371, 0.959),
        "ICC(3,k)": (0.833, 6.00, 9, 9, 0.00677, 0.329, 0.959),
    }
    data = np.array([[103, 119], [82, 65], [116, 106], [102, 102], [99, 105],
                     [98, 100], [104, 107], [62, 85], [97, 101], [107, 110]])
    forms = _forms(icc(data))
    for form, (value, f_value, df1, df2, p, low, high) in published.items():
        got = forms[form]
        assert got.value == pytest.approx(value, abs=0.0005), form
        assert got.f_value == pytest.approx(f_value, abs=0.005), form
        assert (got.df1, got.df2) == (df1, df2), form
        assert got.p_value == pytest.approx(p, abs=5e-6), form
        assert got.ci_low == pytest.approx(low, abs=0.0005), form
        assert got.ci_high == pytest.approx(high, abs=0.0005), form


@pytest.mark.parametrize("seed", range(5))
def test_icc_average_forms_are_spearman_brown_of_single_forms(seed):
    # A second, independent route to the k-judge numbers: the mean of k judges has reliability
    # k r / (1 + (k - 1) r) (Spearman-Brown). It maps each single-judge ICC *and each bound* of
    # its interval onto the average-judge one (Shrout & Fleiss 1979, eq. for ICC(1,k); McGraw &
    # Wong 1996, Table 7 gives the ICC(A,k) bounds in a form that reduces to this).
    rng = np.random.default_rng(seed)
    n, k = rng.integers(4, 15), rng.integers(2, 7)
    x = rng.normal(size=(n, 1)) * 2 + rng.normal(size=(1, k)) + rng.normal(size=(n, k))
    forms = _forms(icc(x))

    def step_up(r):
        return k * r / (1 + (k - 1) * r)

    for model in "123":
        single, average = forms[f"ICC({model},1)"], forms[f"ICC({model},k)"]
        assert single.ci_low < single.value < single.ci_high
        assert average.ci_low < average.value < average.ci_high
        for name in ("value", "ci_low", "ci_high"):
            assert getattr(average, name) == pytest.approx(step_up(getattr(single, name)))


@pytest.mark.parametrize(("form", "model"), [("ICC(1,1)", "oneway"), ("ICC(3,1)", "twoway")])
def test_icc_exact_intervals_have_their_nominal_coverage(form, model):
    # Under the models they are derived for, the ICC(1,1) and ICC(3,1) intervals are exact
    # F intervals (Shrout & Fleiss 1979), so a 95 % interval must contain the true ICC in about
    # 95 % of simulated panels. Fixed seed, 1000 panels: binomial s.d. is 0.7 points.
    rng = np.random.default_rng(20240601)
    true_icc, n, k, reps = 0.6, 12, 4, 1000
    target_sd, error_sd = np.sqrt(true_icc), np.sqrt(1 - true_icc)
    hits = 0
    for _ in range(reps):
        x = rng.normal(scale=target_sd, size=(n, 1)) + rng.normal(scale=error_sd, size=(n, k))
        if model == "twoway":
            x = x + np.array([[0.0, 1.5, -2.0, 3.0]])  # fixed judge offsets: ICC(3,1) ignores them
        f = icc(x)[form]
        hits += f.ci_low <= true_icc <= f.ci_high
    assert 0.93 <= hits / reps <= 0.97


def test_icc_confidence_level_changes_the_width():
    wide, narrow = icc(SHROUT_FLEISS, confidence=0.99), icc(SHROUT_FLEISS, confidence=0.80)
    for form in FORMS:
        assert wide[form].ci_low < narrow[form].ci_low < narrow[form].ci_high < wide[form].ci_high
        assert wide[form].value == narrow[form].value


def test_icc_table_has_the_documented_columns():
    frame = icc(SHROUT_FLEISS).to_frame()
    assert list(frame.columns) == [
        "form", "value", "ci_low", "ci_high", "f_value", "df1", "df2", "p_value"
    ]
    assert list(frame["form"]) == list(FORMS)
    with pytest.raises(KeyError):
        icc(SHROUT_FLEISS)["ICC(4,1)"]


def test_icc_perfect_agreement_is_one_with_a_degenerate_interval():
    x = np.tile(np.array([[1.0], [4.0], [2.0], [8.0]]), (1, 3))
    for f in icc(x):
        assert (f.value, f.ci_low, f.ci_high) == (1.0, 1.0, 1.0), f.form


def test_icc_of_a_constant_matrix_is_undefined():
    # No variance at all: every ICC is 0/0.
    for f in icc(np.full((5, 3), 7.0)):
        assert np.isnan(f.value), f.form


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        (np.array([[1.0, 2.0], [nan, 3.0], [2.0, 2.0]]), "missing"),
        (np.array([[1.0, 2.0, 3.0]]), "at least 2 targets"),
        (np.array([[1.0], [2.0], [3.0]]), "at least 2 judges"),
        (np.array([1.0, 2.0, 3.0]), "2-D"),
        (np.array([[1.0, np.inf], [2.0, 3.0]]), "infinite"),
        ([["a", "b"], ["c", "d"]], "not all numbers"),
    ],
)
def test_icc_rejects_bad_input(scores, message):
    with pytest.raises(ValueError, match=message):
        icc(scores)


# --------------------------------------------------------------------------------------------
# Kendall's W


def test_kendall_w_matches_nag_g08daf_example_with_ties():
    result = kendall_w(NAG_G08DAF.T)  # NAG prints judges in rows
    assert result.w == pytest.approx(0.828, abs=0.0005)
    assert result.p_value == pytest.approx(0.008, abs=0.0005)
    assert result.df == 9
    assert result.ties > 0


def test_kendall_w_matches_irr_example_without_ties():
    # R irr::kendall() output in D. Wollschläger's RExRepos (Rmd/interRaterICC.Rmd):
    # 6 subjects, 3 raters, W = 0.568, Chisq(5) = 8.52, p-value = 0.13.
    ratings = np.array([
        [1, 6, 3, 2, 5, 4],
        [1, 5, 6, 2, 4, 3],
        [2, 3, 6, 5, 4, 1],
    ]).T
    result = kendall_w(ratings)
    assert result.w == pytest.approx(0.568, abs=0.0005)
    assert result.chi2 == pytest.approx(8.52, abs=0.005)
    assert result.df == 5
    assert result.p_value == pytest.approx(0.13, abs=0.005)
    assert result.ties == 0


@pytest.mark.parametrize("seed", range(6))
def test_kendall_w_is_friedman_chi2_scaled(seed):
    # W = chi2_Friedman / (m (n - 1)); scipy's friedmanchisquare applies the tie correction,
    # and scores on a 1-4 scale make ties certain.
    rng = np.random.default_rng(seed)
    n, m = rng.integers(3, 12), rng.integers(2, 8)
    x = rng.integers(1, 5, size=(n, m)).astype(float)
    friedman = stats.friedmanchisquare(*x)  # one sample per target, measured by each judge
    result = kendall_w(x)
    assert result.chi2 == pytest.approx(friedman.statistic)
    assert result.w == pytest.approx(friedman.statistic / (m * (n - 1)))
    assert result.p_value == pytest.approx(friedman.pvalue)
    assert (result.n_targets, result.n_judges, result.df) == (n, m, n - 1)


def test_kendall_w_is_one_for_identical_rankings_even_with_ties():
    untied = np.tile(np.array([[3.0], [1.0], [4.0], [2.0]]), (1, 4))
    tied = np.tile(np.array([[80.0], [75.0], [80.0], [60.0], [75.0]]), (1, 3))
    assert kendall_w(untied).w == pytest.approx(1.0)
    assert kendall_w(tied).w == pytest.approx(1.0)
    # Judges who agree on the order but not on the numbers still concord perfectly.
    assert kendall_w(np.array([[1, 10], [2, 20], [3, 35.0]])).w == pytest.approx(1.0)


def test_kendall_w_of_reversed_rankings_is_zero():
    # Two judges with exactly opposite orders: every rank sum equals the mean.
    x = np.array([[1, 4], [2, 3], [3, 2], [4, 1.0]])
    assert kendall_w(x).w == pytest.approx(0.0)


def test_kendall_w_is_undefined_when_every_judge_ties_everything():
    result = kendall_w(np.full((4, 3), 5.0))
    assert np.isnan(result.w)
    assert np.isnan(result.p_value)


def test_kendall_w_rejects_missing_scores():
    with pytest.raises(ValueError, match="missing"):
        kendall_w(np.array([[1.0, 2.0], [nan, 1.0], [3.0, 3.0]]))


# --------------------------------------------------------------------------------------------
# Krippendorff's alpha


def test_alpha_matches_krippendorff_2011_worked_example():
    # Krippendorff (2011): alpha_interval = .849 for these data (nominal .743, ordinal .815,
    # ratio .797 for the other metrics). Unit 12 has one value and is not pairable.
    assert krippendorff_alpha_interval(KRIPPENDORFF_2011.T) == pytest.approx(0.849, abs=0.0005)


def test_alpha_ignores_units_with_a_single_value():
    without_unit_12 = KRIPPENDORFF_2011[:, :11]
    assert krippendorff_alpha_interval(without_unit_12.T) == pytest.approx(
        krippendorff_alpha_interval(KRIPPENDORFF_2011.T)
    )


@pytest.mark.parametrize("seed", range(8))
def test_alpha_matches_the_krippendorff_package(seed):
    rng = np.random.default_rng(seed)
    n_units, n_judges = rng.integers(5, 40), rng.integers(2, 7)
    x = rng.integers(1, 11, size=(n_units, n_judges)).astype(float)
    x += rng.normal(scale=0.5, size=(n_units, 1)) * rng.integers(0, 2)  # sometimes non-integer
    x[rng.random(x.shape) < 0.3] = nan
    x[0, :2] = [3.0, 7.0]  # at least one pairable unit
    expected = krippendorff.alpha(reliability_data=x.T, level_of_measurement="interval")
    assert krippendorff_alpha_interval(x) == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_alpha_is_one_for_perfect_agreement():
    x = np.array([[1.0, 1.0, nan], [2.0, 2.0, 2.0], [5.0, nan, 5.0], [3.0, 3.0, 3.0]])
    assert krippendorff_alpha_interval(x) == 1.0


def test_alpha_is_undefined_for_a_constant_matrix_or_no_pairable_unit():
    # Every value equal: expected disagreement is 0, alpha is 0/0 (the krippendorff package
    # raises instead; here undefined is nan so that a summary can still be built).
    assert np.isnan(krippendorff_alpha_interval(np.full((4, 3), 2.0)))
    assert np.isnan(krippendorff_alpha_interval(np.array([[1.0, nan], [nan, 2.0]])))


# --------------------------------------------------------------------------------------------
# agreement_summary


def _long(matrix: np.ndarray) -> pd.DataFrame:
    rows = [
        {"entry_id": f"E{i + 1}", "judge_id": f"J{j + 1}", "value": matrix[i, j]}
        for i in range(matrix.shape[0])
        for j in range(matrix.shape[1])
    ]
    return pd.DataFrame(rows)


def test_summary_uses_complete_entries_for_icc_and_w_and_all_for_alpha():
    # The Shrout & Fleiss data plus E7 (scored by two judges only) and E8 (by one judge).
    extra = np.array([[5.0, 6.0, nan, nan], [nan, nan, 4.0, nan]])
    matrix = np.vstack([SHROUT_FLEISS, extra])
    table = _long(matrix).dropna()  # absent rows, as a reader would produce them
    table = pd.concat(
        [table, pd.DataFrame([{"entry_id": "E9", "judge_id": "J1", "value": nan}])],
        ignore_index=True,
    )  # an entry listed with no score at all
    summary = agreement_summary(table)
    assert isinstance(summary, AgreementSummary)
    assert summary.n_entries == 9
    assert summary.n_judges == 4
    assert summary.n_complete_entries == 6
    assert summary.dropped_entry_ids == ("E7", "E8", "E9")
    assert summary.n_dropped_entries == 3
    # ICC on the complete entries is the Shrout & Fleiss (1979) Table 4 result.
    assert summary.icc is not None
    assert summary.icc["ICC(2,1)"].value == pytest.approx(0.29, abs=0.005)
    assert summary.icc["ICC(3,k)"].value == pytest.approx(0.91, abs=0.005)
    assert summary.kendall is not None
    assert summary.kendall.w == pytest.approx(kendall_w(SHROUT_FLEISS).w)
    # Alpha uses E1-E7 (E7 has two scores); E8 and E9 are not pairable.
    assert summary.n_alpha_entries == 7
    expected = krippendorff.alpha(reliability_data=matrix.T, level_of_measurement="interval")
    assert summary.alpha == pytest.approx(expected)


def test_summary_accepts_other_column_names():
    table = _long(SHROUT_FLEISS).rename(
        columns={"entry_id": "entry", "judge_id": "juri", "value": "total"}
    )
    summary = agreement_summary(table, entry_col="entry", judge_col="juri", value_col="total")
    assert summary.icc is not None
    assert summary.icc["ICC(1,1)"].value == pytest.approx(0.17, abs=0.005)


def test_summary_without_two_complete_entries_has_no_icc_or_w():
    matrix = np.array([[1.0, 2.0, 3.0], [2.0, nan, 4.0], [nan, 5.0, 6.0]])
    summary = agreement_summary(_long(matrix))
    assert summary.n_complete_entries == 1
    assert summary.icc is None
    assert summary.kendall is None
    assert summary.n_alpha_entries == 3
    assert np.isfinite(summary.alpha)


def test_summary_refuses_two_scores_from_one_judge_for_one_entry():
    table = _long(SHROUT_FLEISS)
    table = pd.concat([table, table.iloc[[0]].assign(value=1.0)], ignore_index=True)
    with pytest.raises(ValueError, match=r"more than once: \(E1, J1\)"):
        agreement_summary(table)


def test_summary_names_a_missing_column_and_a_non_numeric_value():
    with pytest.raises(ValueError, match="no column value"):
        agreement_summary(_long(SHROUT_FLEISS).drop(columns="value"))
    table = _long(SHROUT_FLEISS).astype({"value": object})
    table.loc[3, "value"] = "delapan"
    with pytest.raises(ValueError, match="not a number"):
        agreement_summary(table)


# --------------------------------------------------------------------------------------------
# Overall and per criterion group, for a result


def _two_part_result():
    from scoring.pipeline import score
    from tests.helpers import entries_of, marks, rubric_from

    # criterion a: the Shrout & Fleiss (1979) Table 2 scores (6 targets × 4 judges, 0–10);
    # criterion b: every judge gives entry i the score i + 1 (perfect agreement)
    rubric = rubric_from({
        "id": "t", "title": "T", "categories": [{"id": "A", "name": "A"}],
        "criteria": [{"id": "a", "name": "A", "weight": 1, "scale": {"min": 0, "max": 10}},
                     {"id": "b", "name": "B", "weight": 1, "scale": {"min": 0, "max": 10}}]})
    entries = entries_of(*[(f"e{i}", "A") for i in range(6)])
    table = {(f"e{i}", f"J{j}"): {"a": float(SHROUT_FLEISS[i, j]), "b": float(i + 1)}
             for i in range(6) for j in range(4)}
    result = score(rubric, entries, marks(entries, table))
    assert result.ok
    return result


def test_agreement_per_criterion_group_matches_shrout_fleiss_on_its_part():
    from scoring.agreement import AGREEMENT_COLUMNS, agreement_frame

    frame = agreement_frame(_two_part_result())
    assert tuple(frame.columns) == AGREEMENT_COLUMNS
    rows = frame.set_index("part")
    assert list(rows.index) == ["total", "a", "b"]
    # part a is 5 × the criterion's score (weight ½ of 100 points over a 0–10 scale): a
    # constant factor, so Table 4's figures hold for it
    published = {"icc_1_1": 0.17, "icc_2_1": 0.29, "icc_3_1": 0.71,
                 "icc_1_k": 0.44, "icc_2_k": 0.62, "icc_3_k": 0.91}
    for column, value in published.items():
        assert rows.loc["a", column] == pytest.approx(value, abs=0.005), column
    assert rows.loc["a", "icc_3_1_low"] < rows.loc["a", "icc_3_1"] < rows.loc["a", "icc_3_1_high"]
    assert rows.loc["a", "n_judges"] == 4 and rows.loc["a", "n_entries"] == 6
    # part b: the judges agree perfectly
    assert rows.loc["b", "icc_2_1"] == pytest.approx(1.0)
    assert rows.loc["b", "kendall_w"] == pytest.approx(1.0)
    assert rows.loc["b", "alpha"] == pytest.approx(1.0)
    # overall: on the judges' totals, part a plus part b
    assert rows.loc["total", "icc_3_1"] > rows.loc["a", "icc_3_1"]


def test_agreement_by_part_skips_a_part_with_one_judge():
    from scoring.agreement import agreement_by_part

    frame = pd.DataFrame({"entry_id": ["e1", "e2"], "category": "A", "judge_id": "J",
                          "total": [1.0, 2.0]})
    assert agreement_by_part(frame) == {("A", "total"): None}
