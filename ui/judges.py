"""Juri / Judges: how each judge scores against the rest of the panel, the marks far from the
others', and how far the panel agrees (ICC, Kendall's W, Krippendorff's alpha)."""

import streamlit as st

from scoring import service
from scoring.i18n import format_number, t
from ui import common, state

lang = state.lang()
outcome = state.outcome()

st.title(t("app.judges.title", lang))
common.source_caption(outcome, lang)


def number(value: float) -> str:
    return service.number_text(value, lang)


if common.require_result(outcome, lang):
    result = outcome.result
    assert result is not None
    st.markdown(t("app.judges.intro", lang))
    threshold = st.select_slider(t("app.judges.threshold", lang), options=[2.0, 2.5, 3.0, 4.0],
                                 value=3.0, key="outlier_sds",
                                 format_func=lambda v: format_number(v, lang, 1))
    for category, tab in common.category_tabs(result.rubric, lang):
        with tab:
            tables = service.judge_tables(result, category.id, lang, outlier_sds=threshold)
            st.subheader(t("app.judges.per_judge", lang))
            common.table(tables.judges, tables.judges_numbers, lang,
                         key=f"judges_{category.id}")
            st.caption(t("app.judges.per_judge_help", lang))

            st.subheader(t("app.judges.far", lang))
            if tables.outliers.empty:
                st.success(t("app.judges.far_none", lang,
                             threshold=format_number(threshold, lang, 1)),
                           icon=":material/check_circle:")
            else:
                common.table(tables.outliers, tables.outliers_numbers, lang,
                             key=f"outliers_{category.id}")
                st.caption(t("app.judges.far_help", lang,
                             threshold=format_number(threshold, lang, 1)))

            st.subheader(t("app.agreement.title", lang))
            summary = service.agreement_of(result, category.id)
            if summary is None or summary.icc is None or summary.kendall is None:
                st.info(t("app.agreement.unavailable", lang))
                continue
            single, panel = summary.icc["ICC(2,1)"], summary.icc["ICC(2,k)"]
            columns = st.columns(4)
            columns[0].metric(t("app.agreement.icc_single", lang), number(single.value),
                              help=t("app.agreement.icc_single_help", lang))
            columns[1].metric(t("app.agreement.icc_panel", lang), number(panel.value),
                              help=t("app.agreement.icc_panel_help", lang))
            columns[2].metric(t("app.agreement.kendall", lang), number(summary.kendall.w),
                              help=t("app.agreement.kendall_help", lang))
            columns[3].metric(t("app.agreement.alpha", lang), number(summary.alpha),
                              help=t("app.agreement.alpha_help", lang))
            st.markdown(t(
                "app.agreement.explain", lang,
                n_judges=summary.n_judges, n_entries=summary.n_complete_entries,
                panel=number(panel.value), panel_word=service.quality_word(panel.value, lang),
                low=number(panel.ci_low), high=number(panel.ci_high),
                single=number(single.value),
                single_word=service.quality_word(single.value, lang),
                w=number(summary.kendall.w), alpha=number(summary.alpha)))
            if summary.n_dropped_entries:
                st.caption(t("app.agreement.dropped", lang, count=summary.n_dropped_entries))
