"""Inter-judge agreement: how far the judges of a panel agree on the same entries.

Pure statistics: numpy and scipy, no pages, no files. Callers turn a ``ValueError`` raised
here into a message for the user; a statistic that the data cannot define (every score equal,
no pair of scores to compare) comes back as ``nan``, never as an exception.

Words used here:

- *target*: what is scored: an entry (a competing group), or one entry on one criterion.
  Krippendorff calls it a *unit*; Shrout & Fleiss a *target*; Kendall an *object*.
- *judge*: one member of the panel (a *rater*, *observer* or *coder* in the literature).
- *score matrix*: a 2-D array with **one row per target and one column per judge**. Every public
  function here takes this same orientation (``n_targets × k_judges``). Krippendorff's papers and
  the ``krippendorff`` package print the transpose (judges in rows): pass ``data.T``.
- *missing score*: ``nan``, a judge who did not score that target. Only Krippendorff's alpha
  accepts it; ICC and Kendall's W need every judge to have scored every target.
- *form*: which of the six Shrout & Fleiss (1979) intraclass correlations:

  ========  ==========================================================================
  ICC(1,1)  one-way random: each target may have had its own judges; one judge's score.
  ICC(2,1)  two-way random, absolute agreement: the judges are a sample of possible judges,
            and a judge who is stricter than the others counts as disagreement.
  ICC(3,1)  two-way mixed, consistency: these judges only; a constant offset between
            judges (one always 5 points lower) does not count, only the ordering and spacing.
  ICC(1,k)  ICC(1,1) for the *mean* of the k judges' scores, and likewise
  ICC(2,k)  ICC(2,1) and
  ICC(3,k)  ICC(3,1).  For a panel whose averaged score decides the result, the ``k`` forms
            describe the reliability of that average.
  ========  ==========================================================================

  In McGraw & Wong's (1996) names: ICC(1,1)=ICC(1), ICC(2,1)=ICC(A,1), ICC(3,1)=ICC(C,1), and
  ICC(·,k) = ICC(1,k), ICC(A,k), ICC(C,k).

- *mean squares* (the two-way ANOVA without replication that all six forms are built from):
  ``ms_targets`` (between targets, BMS / MSR), ``ms_within`` (within targets, WMS / MSW),
  ``ms_judges`` (between judges, JMS / MSC), ``ms_error`` (residual, EMS / MSE).
- *Kendall's W*: agreement on the *order* of the targets (each judge's scores are turned into
  ranks, higher score = better), from 0 (no common order) to 1 (every judge ranks alike).
- *Krippendorff's alpha* (interval metric): 1 − observed / expected disagreement on squared
  differences; 1 is perfect agreement, 0 is agreement no better than chance, below 0 is
  systematic disagreement. It uses every target scored by at least two judges.

References (formulas are implemented from these):

- Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
  reliability. Psychological Bulletin 86(2), 420–428. (Mean squares, the six forms, the F
  intervals, and the Satterthwaite degrees of freedom for ICC(2,1).)
- McGraw, K. O. & Wong, S. P. (1996). Forming inferences about some intraclass correlation
  coefficients. Psychological Methods 1(1), 30–46, Table 7 (intervals for the ``k`` forms).
- Kendall, M. G. & Babington Smith, B. (1939). The problem of m rankings. Annals of
  Mathematical Statistics 10, 275–287. Kendall, M. G. (1948). Rank Correlation Methods.
  Siegel, S. (1956). Nonparametric Statistics for the Behavioral Sciences. (W with the tie
  correction, as also documented for the NAG Library routine G08DAF.)
- Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for
  Communication, University of Pennsylvania, departmental paper 43.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy import stats

FORMS = ("ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)")


def _ratio(a: float, b: float) -> float:
    """a / b as a float, with IEEE results instead of errors: x/0 = ±inf, 0/0 = nan.

    A zero denominator is a real case, not a bug: judges in perfect agreement have a zero
    error mean square, hence an infinite F and an ICC of exactly 1.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.divide(np.float64(a), np.float64(b)))


# ---------------------------------------------------------------------------------------------
# Input checks


def _score_matrix(scores: ArrayLike, *, allow_missing: bool, what: str) -> np.ndarray:
    """``scores`` as a float matrix (targets × judges), or a ``ValueError`` saying what is wrong."""
    try:
        matrix = np.asarray(scores, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what}: the scores are not all numbers ({exc})") from exc
    if matrix.ndim != 2:
        raise ValueError(
            f"{what}: expected a 2-D matrix of targets × judges, got {matrix.ndim} dimension(s)"
        )
    n_targets, n_judges = matrix.shape
    if n_judges < 2:
        raise ValueError(f"{what}: needs at least 2 judges, got {n_judges}")
    if np.isinf(matrix).any():
        raise ValueError(f"{what}: the scores contain an infinite value")
    if not allow_missing:
        if n_targets < 2:
            raise ValueError(f"{what}: needs at least 2 targets, got {n_targets}")
        missing = np.isnan(matrix)
        if missing.any():
            # Name the first few holes so the caller can point the user at them.
            where = ", ".join(f"(target {r}, judge {c})" for r, c in np.argwhere(missing)[:5])
            raise ValueError(
                f"{what}: {int(missing.sum())} missing score(s) (NaN), e.g. at {where}; "
                "use only targets scored by every judge"
            )
    return matrix


# ---------------------------------------------------------------------------------------------
# Intraclass correlation


@dataclass(frozen=True)
class ICCForm:
    """One intraclass correlation with its confidence interval and its F test of ICC = 0."""

    form: str
    value: float
    ci_low: float
    ci_high: float
    f_value: float
    df1: float
    df2: float
    p_value: float


@dataclass(frozen=True)
class ICCResult:
    """The six Shrout & Fleiss forms for one score matrix, and the mean squares behind them."""

    forms: tuple[ICCForm, ...]
    n_targets: int
    n_judges: int
    confidence: float
    ms_targets: float
    ms_within: float
    ms_judges: float
    ms_error: float

    def __getitem__(self, form: str) -> ICCForm:
        for item in self.forms:
            if item.form == form:
                return item
        raise KeyError(f"unknown ICC form {form!r}; the forms are {', '.join(FORMS)}")

    def __iter__(self) -> Iterator[ICCForm]:
        return iter(self.forms)

    def to_frame(self) -> pd.DataFrame:
        """One row per form: ``form, value, ci_low, ci_high, f_value, df1, df2, p_value``."""
        return pd.DataFrame([vars(item) for item in self.forms])


def icc(scores: ArrayLike, *, confidence: float = 0.95) -> ICCResult:
    """The six Shrout & Fleiss (1979) ICCs of a complete ``n_targets × k_judges`` matrix.

    Raises ``ValueError`` if a score is missing (NaN) or infinite, or if there are fewer than
    2 targets or 2 judges. A matrix whose scores are all equal gives ``nan`` everywhere (no
    variance to share out). Values are not clipped: a negative ICC means the judges disagree
    more than chance would make them.
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")
    x = _score_matrix(scores, allow_missing=False, what="ICC")
    n, k = x.shape

    # Two-way ANOVA without replication (Shrout & Fleiss 1979), as whole-matrix sums.
    grand = x.mean()
    target_means = x.mean(axis=1)
    judge_means = x.mean(axis=0)
    ss_total = float(((x - grand) ** 2).sum())
    ss_targets = float(k * ((target_means - grand) ** 2).sum())
    ss_judges = float(n * ((judge_means - grand) ** 2).sum())
    # Subtracting sums of squares can leave -1e-15 where the true value is 0; clip so that a
    # perfect-agreement matrix gives exactly 0 error rather than a tiny negative variance.
    ss_within = max(ss_total - ss_targets, 0.0)
    ss_error = max(ss_within - ss_judges, 0.0)

    df_targets, df_within = n - 1, n * (k - 1)
    df_judges, df_error = k - 1, (n - 1) * (k - 1)
    bms = ss_targets / df_targets
    wms = ss_within / df_within
    jms = ss_judges / df_judges
    ems = ss_error / df_error

    tail = (1 + confidence) / 2  # upper quantile of a two-sided interval, e.g. 0.975
    f_q = stats.f.ppf

    icc1 = _ratio(bms - wms, bms + (k - 1) * wms)
    icc2 = _ratio(bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n)
    icc3 = _ratio(bms - ems, bms + (k - 1) * ems)
    icc1k = _ratio(bms - wms, bms)
    icc2k = _ratio(bms - ems, bms + (jms - ems) / n)
    icc3k = _ratio(bms - ems, bms)

    # ICC(1,·): F = BMS/WMS on (n-1, n(k-1)) df (Shrout & Fleiss 1979, interval for ICC(1,1)).
    f1 = _ratio(bms, wms)
    f1_low = f1 / f_q(tail, df_targets, df_within)
    f1_high = f1 * f_q(tail, df_within, df_targets)
    # ICC(3,·): F = BMS/EMS on (n-1, (n-1)(k-1)) df (ibid., interval for ICC(3,1)).
    f3 = _ratio(bms, ems)
    f3_low = f3 / f_q(tail, df_targets, df_error)
    f3_high = f3 * f_q(tail, df_error, df_targets)

    # Bounds from F bounds: (F - 1)/(F + k - 1) for one judge, 1 - 1/F for the mean of k.
    # The first is written 1 - k/(F + k - 1) so that F = inf gives 1, not inf/inf.
    def single(f: float) -> float:
        return float(1 - _ratio(k, f + k - 1))

    def average(f: float) -> float:
        return float(1 - _ratio(1, f))

    # ICC(2,1): F has no exact distribution; Shrout & Fleiss (1979) approximate
    # the denominator's degrees of freedom v (Satterthwaite). McGraw & Wong (1996, Table 7)
    # write v = (a·MSC + b·MSE)² / ((a·MSC)²/(k-1) + (b·MSE)²/((n-1)(k-1))) with
    # a = kρ/(n(1-ρ)), b = 1 + kρ(n-1)/(n(1-ρ)); multiplying a and b by n(1-ρ) leaves v
    # unchanged and avoids dividing by zero when ρ = 1.
    a = k * icc2
    b = n * (1 + (k - 1) * icc2) - k * icc2
    v = _ratio(
        (a * jms + b * ems) ** 2,
        (a * jms) ** 2 / df_judges + (b * ems) ** 2 / df_error,
    )
    if ems == 0 and jms == 0:
        # Every judge gave every target the same score: v is 0/0, but the bounds below do
        # not depend on the F quantile when EMS = MSC = 0 (both equal 1), so any finite v.
        v = float(df_error)
    f_star = f_q(tail, df_targets, v)
    f_star2 = f_q(tail, v, df_targets)
    icc2_low = _ratio(
        n * (bms - f_star * ems),
        f_star * (k * jms + (k * n - k - n) * ems) + n * bms,
    )
    icc2_high = _ratio(
        n * (f_star2 * bms - ems),
        k * jms + (k * n - k - n) * ems + n * f_star2 * bms,
    )
    # McGraw & Wong (1996, Table 7) bounds for ICC(A,k); algebraically the Spearman–Brown
    # step-up of the ICC(2,1) bounds, with the same v.
    icc2k_low = _ratio(n * (bms - f_star * ems), f_star * (jms - ems) + n * bms)
    icc2k_high = _ratio(n * (f_star2 * bms - ems), jms - ems + n * f_star2 * bms)

    p1 = float(stats.f.sf(f1, df_targets, df_within))
    p3 = float(stats.f.sf(f3, df_targets, df_error))
    one = (f1, df_targets, df_within, p1)
    two = (f3, df_targets, df_error, p3)  # forms 2 and 3 test ICC = 0 with the same F
    # float() everywhere so that results hold plain Python floats, not numpy scalars.
    forms = tuple(ICCForm(name, *map(float, numbers)) for name, *numbers in (
        ("ICC(1,1)", icc1, single(f1_low), single(f1_high), *one),
        ("ICC(2,1)", icc2, icc2_low, icc2_high, *two),
        ("ICC(3,1)", icc3, single(f3_low), single(f3_high), *two),
        ("ICC(1,k)", icc1k, average(f1_low), average(f1_high), *one),
        ("ICC(2,k)", icc2k, icc2k_low, icc2k_high, *two),
        ("ICC(3,k)", icc3k, average(f3_low), average(f3_high), *two),
    ))
    return ICCResult(
        forms=forms, n_targets=n, n_judges=k, confidence=confidence,
        ms_targets=bms, ms_within=wms, ms_judges=jms, ms_error=ems,
    )


# ---------------------------------------------------------------------------------------------
# Kendall's W


@dataclass(frozen=True)
class KendallW:
    """Kendall's coefficient of concordance, tie-corrected, with its Friedman chi-square test.

    ``chi2 = n_judges · (n_targets − 1) · w`` is Friedman's statistic (with its own tie
    correction) on ``df = n_targets − 1``; ``p_value`` is its upper tail, a large-sample
    approximation (for 7 targets or fewer Siegel (1956) gives exact tables instead).
    """

    w: float
    chi2: float
    df: int
    p_value: float
    n_targets: int
    n_judges: int
    ties: float  # Σ over judges and tie groups of (t³ − t); 0 when no judge gave a tie


def kendall_w(scores: ArrayLike) -> KendallW:
    """Kendall's W of a complete ``n_targets × m_judges`` matrix (higher score = better).

    Each judge's scores are ranked among the targets, tied scores sharing their average rank,
    and W is corrected for those ties (Kendall 1948; Siegel 1956):
    ``W = 12 S / (m² (n³ − n) − m Σ (t³ − t))``, ``S`` the sum of squared deviations of the
    targets' rank sums from their mean. Raises ``ValueError`` for missing scores or fewer than
    2 targets or judges; ``w`` is ``nan`` when every judge gave every target the same score.
    """
    x = _score_matrix(scores, allow_missing=False, what="Kendall's W")
    n, m = x.shape
    # Rank within each judge (column). Ranking direction does not change W, only which end
    # is "best"; ascending ranks of scores are fine because W uses squared deviations.
    ranks = stats.rankdata(x, method="average", axis=0)
    # Size t of the tie group each score belongs to is max-rank − min-rank + 1; summing
    # t² − 1 over the t members of a group gives t³ − t, so no loop over groups is needed.
    group_size = stats.rankdata(x, method="max", axis=0) - stats.rankdata(x, method="min", axis=0)
    group_size = group_size + 1
    ties = float((group_size**2 - 1).sum())

    rank_sums = ranks.sum(axis=1)
    s = float(((rank_sums - rank_sums.mean()) ** 2).sum())
    denominator = m**2 * (n**3 - n) - m * ties
    w = s * 12 / denominator if denominator > 0 else float("nan")
    chi2 = m * (n - 1) * w
    df = n - 1
    p_value = float(stats.chi2.sf(chi2, df)) if np.isfinite(chi2) else float("nan")
    return KendallW(w=w, chi2=chi2, df=df, p_value=p_value, n_targets=n, n_judges=m, ties=ties)


# ---------------------------------------------------------------------------------------------
# Krippendorff's alpha


def krippendorff_alpha_interval(scores: ArrayLike) -> float:
    """Krippendorff's alpha with the interval metric, for ``n_targets × k_judges`` with gaps.

    Orientation: targets (units) in rows, judges in columns, like :func:`icc` and
    :func:`kendall_w`; Krippendorff (2011) prints judges in rows, so pass ``table.T`` for his
    layout. Missing scores are ``nan``. A target with fewer than two scores is not pairable and
    drops out, as in Krippendorff's definition. Returns ``nan`` when alpha is undefined: no
    pairable target, or every pairable score equal (no expected disagreement to compare to).

    With the squared-difference metric the coincidence-matrix sums collapse to sums of squares
    (Krippendorff 2011, interval δ² = (c − k)²): for ``n`` pairable values, target ``u`` with
    ``m_u`` values and within-target sum of squares ``SS_u``, and total sum of squares ``SS``,
    ``D_o = (2/n) Σ_u m_u SS_u / (m_u − 1)``, ``D_e = 2 SS / (n − 1)``, ``alpha = 1 − D_o/D_e``.
    """
    x = _score_matrix(scores, allow_missing=True, what="Krippendorff's alpha")
    present = ~np.isnan(x)
    per_target = present.sum(axis=1)
    pairable = per_target >= 2
    x, m_u = x[pairable], per_target[pairable]
    n = int(m_u.sum())
    if n < 2:
        return float("nan")
    target_means = np.nansum(x, axis=1) / m_u
    ss_u = np.nansum((x - target_means[:, None]) ** 2, axis=1)
    values = x[~np.isnan(x)]
    ss_total = float(((values - values.mean()) ** 2).sum())
    if ss_total == 0:
        return float("nan")
    d_observed = 2 / n * float((m_u * ss_u / (m_u - 1)).sum())
    d_expected = 2 * ss_total / (n - 1)
    return 1 - d_observed / d_expected


# ---------------------------------------------------------------------------------------------
# All of it from the long table


@dataclass(frozen=True)
class AgreementSummary:
    """ICC, Kendall's W and Krippendorff's alpha for one long table of scores.

    ``icc`` and ``kendall`` use only the *complete* entries (scored by every judge); they are
    ``None`` when fewer than 2 entries are complete or fewer than 2 judges scored. ``alpha``
    uses every entry with at least two scores (``n_alpha_entries`` of them).
    """

    n_entries: int
    n_judges: int
    n_complete_entries: int
    dropped_entry_ids: tuple[str, ...]  # not scored by every judge: left out of ICC and W
    n_alpha_entries: int
    icc: ICCResult | None
    kendall: KendallW | None
    alpha: float

    @property
    def n_dropped_entries(self) -> int:
        return len(self.dropped_entry_ids)


def agreement_summary(
    scores: pd.DataFrame,
    *,
    entry_col: str = "entry_id",
    judge_col: str = "judge_id",
    value_col: str = "value",
    confidence: float = 0.95,
) -> AgreementSummary:
    """All agreement statistics from a long table with one row per (entry, judge) score.

    ``value`` is what the judges are compared on, e.g. each judge's weighted total per entry.
    Rows whose value is missing count as "not scored". Every entry in the table is counted
    (an entry without any score is reported as dropped); a judge with no score at all is not
    counted, since otherwise that empty column would drop every entry from ICC and W.

    Raises ``ValueError`` if a column is missing, a value is not a number, or one judge has
    more than one score for the same entry (which score counts is not guessed).
    """
    missing_cols = [c for c in (entry_col, judge_col, value_col) if c not in scores.columns]
    if missing_cols:
        raise ValueError(f"agreement: the score table has no column {', '.join(missing_cols)}")
    table = pd.DataFrame({
        "entry": scores[entry_col].astype(str),
        "judge": scores[judge_col].astype(str),
    })
    try:
        table["value"] = pd.to_numeric(scores[value_col]).astype(float).to_numpy()
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"agreement: column {value_col!r} has a value that is not a number"
        ) from exc

    all_entries = sorted(table["entry"].unique())
    scored = table[table["value"].notna()]
    twice = scored[scored.duplicated(["entry", "judge"], keep=False)]
    if len(twice):
        pairs = twice[["entry", "judge"]].drop_duplicates().head(5)
        listed = ", ".join(f"({e}, {j})" for e, j in pairs.itertuples(index=False))
        raise ValueError(
            f"agreement: a judge scored the same entry more than once: {listed}"
        )

    wide = scored.pivot(index="entry", columns="judge", values="value")
    wide = wide.reindex(index=all_entries).sort_index(axis=1)
    matrix = wide.to_numpy(dtype=float)
    n_judges = matrix.shape[1]

    complete = ~np.isnan(matrix).any(axis=1) if n_judges else np.zeros(len(wide), bool)
    dropped = tuple(str(e) for e in wide.index[~complete])
    complete_matrix = matrix[complete]

    icc_result: ICCResult | None = None
    kendall_result: KendallW | None = None
    if n_judges >= 2 and complete_matrix.shape[0] >= 2:
        icc_result = icc(complete_matrix, confidence=confidence)
        kendall_result = kendall_w(complete_matrix)

    n_alpha = int(((~np.isnan(matrix)).sum(axis=1) >= 2).sum()) if n_judges else 0
    alpha = krippendorff_alpha_interval(matrix) if n_judges >= 2 else float("nan")

    return AgreementSummary(
        n_entries=len(all_entries),
        n_judges=n_judges,
        n_complete_entries=int(complete.sum()),
        dropped_entry_ids=dropped,
        n_alpha_entries=n_alpha,
        icc=icc_result,
        kendall=kendall_result,
        alpha=alpha,
    )


# ---------------------------------------------------------------------------------------------
# Overall and per criterion group, for a result

TOTAL_PART = "total"
"""The part name of the judges' whole totals in :func:`agreement_by_part`."""


def _form_key(form: str) -> str:
    """``ICC(2,1)`` → ``icc_2_1``; ``ICC(3,k)`` → ``icc_3_k``: column names."""
    return "icc_" + form[4:-1].replace(",", "_")


AGREEMENT_COLUMNS = (
    "category", "part", "n_entries", "n_judges", "n_complete_entries", "n_alpha_entries",
    *[f"{_form_key(f)}{end}" for f in FORMS for end in ("", "_low", "_high")],
    "kendall_w", "kendall_p", "alpha",
)
"""The columns of :func:`agreement_frame`: per category and part, the counts, each ICC form
with its confidence interval, Kendall's W with its p-value, and Krippendorff's alpha."""


def agreement_by_part(judge_totals: pd.DataFrame, parts: dict[str, list[str]] | None = None,
                      *, confidence: float = 0.95
                      ) -> dict[tuple[str, str], AgreementSummary | None]:
    """:func:`agreement_summary` per category and part of the judges' totals.

    ``judge_totals``: one row per entry and judge, ``entry_id, category, judge_id``, the
    ``total`` and a column per criterion or group with that judge's part of it (the Result's
    ``judge_totals``). ``parts``: category → the part columns to compare (default: only
    ``total``). A part is compared on the judges' points for it; since a part is the group's
    score times a constant, every statistic is the same as on the group's own scores. None
    for a part with fewer than two judges' scores.
    """
    out: dict[tuple[str, str], AgreementSummary | None] = {}
    for category, rows in judge_totals.groupby("category", sort=True, observed=True):
        wanted = (parts or {}).get(str(category), [TOTAL_PART])
        for part in wanted:
            if part not in rows.columns:
                continue
            marks = rows[["entry_id", "judge_id", part]].dropna(subset=[part])
            if marks["judge_id"].nunique() < 2:
                out[(str(category), part)] = None
                continue
            out[(str(category), part)] = agreement_summary(
                marks, value_col=part, confidence=confidence)
    return out


def result_parts(rubric: object) -> dict[str, list[str]]:
    """Category → ``total`` and the top-level criteria and groups the category is scored on,
    in rubric order: the parts :func:`agreement_frame` compares for a result."""
    out = {}
    for category in rubric.category_ids:  # type: ignore[attr-defined]
        used = set(rubric.leaf_ids_for(category))  # type: ignore[attr-defined]
        out[category] = [TOTAL_PART, *[
            node.id for node in rubric.criteria  # type: ignore[attr-defined]
            if used.intersection(rubric.leaves_below(node.id))]]  # type: ignore[attr-defined]
    return out


def agreement_frame(result: object, *, confidence: float = 0.95) -> pd.DataFrame:
    """Agreement of a :class:`~scoring.result.Result`'s judges, overall (part ``total``) and
    per top-level criterion or group, per category: one row each with
    :data:`AGREEMENT_COLUMNS`. On the judges' totals as they gave them (before any
    normalisation): ICC(2,1) counts a strict judge as disagreement, ICC(3,1) does not. A part
    whose statistics the data cannot define has NaN figures."""
    judge_totals = result.judge_totals  # type: ignore[attr-defined]
    if judge_totals.empty:
        return pd.DataFrame(columns=list(AGREEMENT_COLUMNS))
    found = agreement_by_part(judge_totals, result_parts(result.rubric),  # type: ignore[attr-defined]
                              confidence=confidence)
    rows = []
    for (category, part), summary in found.items():
        row: dict[str, object] = {"category": category, "part": part}
        if summary is not None:
            row.update(n_entries=summary.n_entries, n_judges=summary.n_judges,
                       n_complete_entries=summary.n_complete_entries,
                       n_alpha_entries=summary.n_alpha_entries, alpha=summary.alpha)
            if summary.icc is not None:
                for item in summary.icc:
                    key = _form_key(item.form)
                    row[key], row[f"{key}_low"], row[f"{key}_high"] = (
                        item.value, item.ci_low, item.ci_high)
            if summary.kendall is not None:
                row["kendall_w"], row["kendall_p"] = summary.kendall.w, summary.kendall.p_value
        rows.append(row)
    return pd.DataFrame(rows).reindex(columns=list(AGREEMENT_COLUMNS))
