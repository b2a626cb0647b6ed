"""The Judges (Juri) page's model: each judge against the rest of the panel (count, mean,
severity, spread, correlations, flags), the marks far from the others', and how far the panel
agrees — on the totals and per criterion group (ICC forms with 95% intervals, Kendall's W,
Krippendorff's alpha).

Words used here:
- *flag*: something :mod:`scoring.diagnostics` notices about a judge — a ranking that
  disagrees with the panel's, nearly constant scores, marks far from the others'.
- *help*: a text shown on a column header, saying what the column means.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from scoring.agreement import AgreementSummary, agreement_summary
from scoring.i18n import t
from scoring.result import Result
from ui.views.format import number_text, percent_text

SHARED_COLUMNS = {"judge": "col.judge", "entry": "col.entry", "mean": "app.fair.method.mean",
                  "kendall": "fairness.col.kendall_w", "alpha": "app.agreement.alpha"}
"""Columns whose header is a text used elsewhere too (one key per text)."""


def judge_column(key: str, lang: str) -> str:
    """The header of the judge tables' column ``key`` (``app.judges.col.*`` or shared)."""
    return t(SHARED_COLUMNS.get(key, f"app.judges.col.{key}"), lang)


def agreement_column(key: str, lang: str) -> str:
    """The header of the agreement tables' column ``key`` (``app.fair.agreement.col.*`` or
    shared)."""
    return t(SHARED_COLUMNS.get(key, f"app.fair.agreement.col.{key}"), lang)


def judge_totals_of(result: Result, category: str) -> pd.DataFrame:
    totals = result.judge_totals
    if totals.empty:
        return totals
    return totals.loc[totals["category"] == category].reset_index(drop=True)


def judge_diagnostics(result: Result, *, outlier_sds: float = 3.0) -> Any:
    """:func:`scoring.diagnostics.judge_diagnostics` on the result's judge totals."""
    from scoring.diagnostics import judge_diagnostics as diagnose

    return diagnose(result.judge_totals, outlier_sds=outlier_sds)


@dataclass(frozen=True)
class JudgeTables:
    judges: pd.DataFrame
    judges_numbers: list[str]
    outliers: pd.DataFrame
    outliers_numbers: list[str]


def judge_tables(result: Result, category: str, lang: str, *, outlier_sds: float = 3.0
                 ) -> JudgeTables:
    """Each judge's mean, spread, offset and correlation with the rest of the panel, and the
    marks that stand far from the others', as display frames."""
    found = judge_diagnostics(result, outlier_sds=outlier_sds)
    judges = found.judges[found.judges["category"] == category]
    cols = {k: judge_column(k, lang)
            for k in ("judge", "n_scores", "mean", "spread", "offset", "correlation",
                      "rank_correlation", "n_outliers")}
    source = {"judge": "judge_id"}
    table_ = pd.DataFrame({cols[k]: judges[source.get(k, k)].to_numpy() for k in cols})
    numbers = [cols[k] for k in ("mean", "spread", "offset", "correlation", "rank_correlation")]
    names = {e.id: e.name for e in result.entries}
    far = found.outliers[found.outliers["category"] == category]
    ocols = {k: judge_column(k, lang)
             for k in ("judge", "entry", "total", "others_mean", "difference", "sds")}
    outliers = pd.DataFrame({
        ocols["judge"]: far["judge_id"].to_numpy(),
        ocols["entry"]: far["entry_id"].map(names).to_numpy(),
        ocols["total"]: far["total"].astype(float).to_numpy(),
        ocols["others_mean"]: far["others_mean"].astype(float).to_numpy(),
        ocols["difference"]: far["difference"].astype(float).to_numpy(),
        ocols["sds"]: far["sds"].astype(float).to_numpy(),
    })
    return JudgeTables(table_.reset_index(drop=True), numbers, outliers,
                       [ocols[k] for k in ("total", "others_mean", "difference", "sds")])


def spread_weights(result: Result, category: str) -> pd.DataFrame | None:
    """Each judge's slope and ``spread_weight`` (the share of its own slope kept) in a
    category, when the rubric normalises with ``leniency_spread``; None otherwise."""
    offsets = result.judge_offsets
    if result.rubric.normalisation.method != "leniency_spread" or offsets.empty:
        return None
    rows = offsets[(offsets["category"] == category)
                   & (offsets["method"] == "leniency_spread")]
    if rows.empty:
        return None
    return pd.DataFrame({"judge_id": rows["judge_id"].astype(str).to_numpy(),
                         "slope": rows["slope"].astype(float).to_numpy(),
                         "spread_weight": rows["spread_weight"].astype(float).to_numpy()})


def pulled_text(spread_weight: float, lang: str) -> str:
    """How far a judge's spread was pulled toward the panel's, in words: a weight of 0,4
    keeps 40 % of the judge's own slope, so "ditarik 60% ke arah panel"."""
    if spread_weight is None or not np.isfinite(spread_weight):
        return "–"
    return t("app.fair.judges.pulled", lang, percent=percent_text(1 - spread_weight, lang))


@dataclass(frozen=True)
class JudgeReport:
    """The Judges page's tables for one category: each judge (with flags), the marks far from
    the others', one sentence per flag, and a help text per column."""

    judges: pd.DataFrame
    judges_numbers: list[str]
    outliers: pd.DataFrame
    outliers_numbers: list[str]
    flags: list[tuple[str, str]]
    """(judge, what is flagged) per flag."""
    help: dict[str, str]


def judge_report(result: Result, category: str, lang: str, *, outlier_sds: float = 3.0
                 ) -> JudgeReport:
    """Each judge's count, mean, severity (offset from the panel), spread and correlations
    with the rest of the panel, with the flags of :mod:`scoring.diagnostics`: a ranking that
    disagrees with the panel's, nearly constant scores, marks far from the others' (listed)."""
    from scoring.diagnostics import DISAGREE_BELOW

    found = judge_diagnostics(result, outlier_sds=outlier_sds)
    judges = found.judges[found.judges["category"] == category]
    far = found.outliers[found.outliers["category"] == category]
    names = {e.id: e.name for e in result.entries}
    keys = ("judge", "n_scores", "mean", "offset", "spread", "correlation", "rank_correlation",
            "n_outliers", "flags")
    cols = {k: judge_column(k, lang) for k in keys if k not in ("offset", "flags")}
    cols["offset"] = t("app.fair.judges.col.offset", lang)
    cols["flags"] = t("app.fair.judges.col.flags", lang)
    flag_words = []
    for row in judges.itertuples(index=False):
        words = []
        if row.disagrees:
            words.append(t("app.fair.judges.flag.disagrees", lang))
        if row.flat:
            words.append(t("app.fair.judges.flag.flat", lang))
        if row.n_outliers:
            words.append(t("app.fair.judges.flag.far", lang, count=int(row.n_outliers)))
        flag_words.append("; ".join(words))
    source = {"judge": "judge_id"}
    frame = pd.DataFrame({cols[k]: judges[source.get(k, k)].to_numpy()
                          for k in keys if k != "flags"})
    frame[cols["flags"]] = flag_words
    numbers = [cols[k] for k in ("mean", "offset", "spread", "correlation",
                                 "rank_correlation")]
    help_texts = {cols[k]: t(f"app.fair.judges.help.{k}", lang) for k in keys if k != "judge"}
    weights = spread_weights(result, category)
    if weights is not None:
        at = list(frame.columns).index(cols["spread"]) + 1
        by_judge = weights.set_index("judge_id").reindex(judges["judge_id"].astype(str))
        slope, pulled = (t(f"app.fair.judges.col.{k}", lang) for k in ("slope", "spread_weight"))
        frame.insert(at, slope, by_judge["slope"].astype(float).to_numpy())
        frame.insert(at + 1, pulled, [pulled_text(w, lang) for w in by_judge["spread_weight"]])
        numbers.append(slope)
        help_texts[slope] = t("app.fair.judges.help.slope", lang)
        help_texts[pulled] = t("app.fair.judges.help.spread_weight", lang)

    lines: list[tuple[str, str]] = []
    for row in judges.itertuples(index=False):
        judge = str(row.judge_id)
        if row.disagrees:
            lines.append((judge, t("app.fair.judges.flag_line.disagrees", lang,
                                   rho=number_text(row.rank_correlation, lang),
                                   limit=number_text(DISAGREE_BELOW, lang, 1))))
        if row.flat:
            others = (row.spread / row.spread_ratio
                      if np.isfinite(row.spread_ratio) and row.spread_ratio > 0 else np.nan)
            if not np.isfinite(others):
                others = judges.loc[judges["judge_id"] != row.judge_id, "spread"].median()
            lines.append((judge, t("app.fair.judges.flag_line.flat", lang,
                                   spread=number_text(row.spread, lang),
                                   others=number_text(others, lang))))
        own = far[far["judge_id"] == row.judge_id]
        if len(own):
            listed = ", ".join(f"{names.get(e, e)} ({number_text(s, lang, 1)}×)"
                               for e, s in zip(own["entry_id"], own["sds"], strict=True))
            lines.append((judge, t("app.fair.judges.flag_line.far", lang, entries=listed)))

    tables = judge_tables(result, category, lang, outlier_sds=outlier_sds)
    return JudgeReport(frame.reset_index(drop=True), numbers, tables.outliers,
                       tables.outliers_numbers, lines, help_texts)


# --- agreement ----------------------------------------------------------------------------


def agreement_of(result: Result, category: str) -> AgreementSummary | None:
    """ICC, Kendall's W and Krippendorff's alpha on the judges' totals of one category
    (None when there is nothing to compare, or the data cannot define them)."""
    part = judge_totals_of(result, category)
    if part.empty:
        return None
    try:
        return agreement_summary(part, value_col="total")
    except ValueError:
        return None


def quality_word(value: float, lang: str) -> str:
    """A plain word for an agreement coefficient (ICC bands of Koo & Li 2016)."""
    if value is None or not np.isfinite(value):
        return t("app.agreement.undefined", lang)
    if value < 0.5:
        return t("app.agreement.poor", lang)
    if value < 0.75:
        return t("app.agreement.moderate", lang)
    if value < 0.9:
        return t("app.agreement.good", lang)
    return t("app.agreement.excellent", lang)


@dataclass(frozen=True)
class AgreementTable:
    """A display frame of agreement statistics, its number columns and a help per column."""

    frame: pd.DataFrame
    number_columns: list[str]
    help: dict[str, str]


def _finite(value: object) -> float:
    """A statistic as a float, NaN (shown "–") where it is infinite or undefined: an interval
    bound of a perfectly agreeing panel can be infinite."""
    number = float(value)  # type: ignore[arg-type]
    return number if np.isfinite(number) else np.nan


def _ci_text(form: Any, lang: str) -> str:
    return f"{number_text(form.ci_low, lang)}–{number_text(form.ci_high, lang)}"


def icc_forms_table(summary: AgreementSummary, lang: str) -> AgreementTable:
    """The six Shrout & Fleiss forms: form, what it measures, value and its 95% interval."""
    from scoring.agreement import FORMS

    cols = {k: agreement_column(k, lang)
            for k in ("form", "meaning", "value", "ci_low", "ci_high")}
    forms = [summary.icc[f] for f in FORMS] if summary.icc is not None else []
    frame = pd.DataFrame({
        cols["form"]: [f.form for f in forms],
        cols["meaning"]: [t(f"app.fair.agreement.meaning.{f.form}", lang) for f in forms],
        cols["value"]: [_finite(f.value) for f in forms],
        cols["ci_low"]: [_finite(f.ci_low) for f in forms],
        cols["ci_high"]: [_finite(f.ci_high) for f in forms],
    })
    ci_help = t("app.fair.agreement.help.ci", lang)
    return AgreementTable(frame, [cols["value"], cols["ci_low"], cols["ci_high"]],
                          {cols["ci_low"]: ci_help, cols["ci_high"]: ci_help})


def group_agreement(result: Result, category: str
                    ) -> list[tuple[str | None, AgreementSummary | None]]:
    """Agreement on the total (``None``) and on each top-level criterion group a category
    uses (by node id), each from the judges' own parts — the engine's
    :func:`scoring.agreement.agreement_by_part`, so the page shows what the results workbook
    shows; None where it cannot be defined."""
    from scoring.agreement import TOTAL_PART, agreement_by_part, result_parts

    part = judge_totals_of(result, category)
    if part.empty:
        return []
    parts = result_parts(result.rubric).get(category, [TOTAL_PART])
    try:
        found = agreement_by_part(part, {category: parts})
    except ValueError:
        found = {}
    return [(None if name == TOTAL_PART else name, found.get((category, name)))
            for name in parts]


_GROUP_FORMS = ("ICC(2,1)", "ICC(2,k)", "ICC(3,1)", "ICC(3,k)")


def group_agreement_tables(result: Result, category: str, lang: str
                           ) -> tuple[AgreementTable, AgreementTable]:
    """``(groups, forms)``: one row per criterion group (the total first) with the entries
    compared, ICC(2,1) and ICC(2,k) with their 95% intervals, ICC(3,1), ICC(3,k), Kendall's W
    and Krippendorff's alpha; and every ICC form of every group with its interval."""
    cols = {k: agreement_column(k, lang)
            for k in ("group", "n_entries", "kendall", "alpha", "form", "value", "ci_low",
                      "ci_high")}
    ci = t("app.fair.agreement.col.ci", lang)
    rows, long_rows = [], []
    for column, summary in group_agreement(result, category):
        label = (t("col.total", lang) if column is None
                 else result.rubric.nodes[column].label(lang))
        row: dict[str, object] = {cols["group"]: label}
        row[cols["n_entries"]] = summary.n_complete_entries if summary else 0
        for form in _GROUP_FORMS:
            item = summary.icc[form] if summary and summary.icc else None
            row[form] = _finite(item.value) if item else np.nan
            if form in ("ICC(2,1)", "ICC(2,k)"):
                row[f"{ci} {form}"] = _ci_text(item, lang) if item else "–"
        row[cols["kendall"]] = _finite(summary.kendall.w) if summary and summary.kendall \
            else np.nan
        row[cols["alpha"]] = _finite(summary.alpha) if summary else np.nan
        rows.append(row)
        if summary and summary.icc:
            long_rows += [{cols["group"]: label, cols["form"]: f.form,
                           cols["value"]: _finite(f.value), cols["ci_low"]: _finite(f.ci_low),
                           cols["ci_high"]: _finite(f.ci_high)} for f in summary.icc]
    groups = pd.DataFrame(rows)
    help_texts = {form: t("app.fair.agreement.help.icc", lang, form=form,
                          meaning=t(f"app.fair.agreement.meaning.{form}", lang))
                  for form in _GROUP_FORMS}
    help_texts.update({f"{ci} {form}": t("app.fair.agreement.help.ci", lang)
                       for form in ("ICC(2,1)", "ICC(2,k)")})
    help_texts[cols["n_entries"]] = t("app.fair.agreement.help.n_entries", lang)
    help_texts[cols["kendall"]] = t("app.agreement.kendall_help", lang)
    help_texts[cols["alpha"]] = t("app.agreement.alpha_help", lang)
    forms = pd.DataFrame(long_rows, columns=[cols[k] for k in ("group", "form", "value",
                                                                "ci_low", "ci_high")])
    return (AgreementTable(groups, [*_GROUP_FORMS, cols["kendall"], cols["alpha"]],
                           help_texts),
            AgreementTable(forms, [cols["value"], cols["ci_low"], cols["ci_high"]], {}))
