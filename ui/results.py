"""Hasil / Results: the ranking per category, and charts of totals, criteria and judges."""

import streamlit as st

from scoring.i18n import t
from ui import charts, common, state
from ui.views import results as views

lang = state.lang()
outcome = state.outcome()

st.title(t("app.results.title", lang))
common.source_caption(outcome, lang)

if common.require_result(outcome, lang):
    result = outcome.result
    assert result is not None
    if outcome.warnings:
        st.warning(t("app.results.warnings", lang, count=len(outcome.warnings)),
                   icon=":material/warning:")
    for category, tab in common.category_tabs(result.rubric, lang):
        with tab:
            top = views.leaders(result, category.id, lang)
            if top:
                st.markdown("  \n".join(
                    t("app.results.leader", lang, award=common.escape(item["award"]),
                      name=common.escape(item["name"]), total=item["total"])
                    for item in top[:3]))
            st.subheader(t("app.results.ranking", lang))
            ranking = views.ranking_table(result, category.id, lang)
            common.table(ranking.frame, ranking.number_columns, lang,
                         key=f"ranking_{category.id}", pinned=ranking.frame.columns[:3],
                         widths=views.ranking_widths(ranking))
            if ranking.deciding_column != t("col.total", lang):
                st.caption(t("app.fair.results.decided_on", lang,
                             figure=common.escape(ranking.deciding_column)))
            st.caption(t("app.results.sort_hint", lang))

            st.subheader(t("app.results.chart_totals", lang))
            st.caption(t("app.results.chart_totals_help", lang))
            panel, judges = views.totals_chart_data(result, category.id, lang)
            st.altair_chart(charts.ranked_totals(panel, judges, lang), width="stretch")

            st.subheader(t("app.results.chart_heatmap", lang))
            st.caption(t("app.results.chart_heatmap_help", lang))
            st.altair_chart(charts.criteria_heatmap(
                views.heatmap_data(result, category.id, lang), lang), width="stretch")

            st.subheader(t("app.results.chart_judges", lang))
            st.caption(t("app.results.chart_judges_help", lang))
            st.altair_chart(charts.judge_distributions(
                views.distribution_data(result, category.id, lang), lang), width="stretch")
