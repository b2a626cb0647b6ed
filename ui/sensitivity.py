"""Kepekaan / Sensitivity: the ranking under each panel rule and normalisation side by side,
with the entries whose place changes highlighted. A comparison only: nothing official changes
(the official result is the rubric's, on the Results and Rewards pages)."""

import streamlit as st

from scoring.i18n import t
from ui import charts, common, fairness_state, state
from ui.views import sensitivity as views

lang = state.lang()
outcome = state.outcome()

st.title(t("app.fair.sens.title", lang))
st.warning(t("app.fair.sens.banner", lang), icon=":material/compare_arrows:")
common.source_caption(outcome, lang)

if common.require_result(outcome, lang):
    result = outcome.result
    assert result is not None
    st.markdown(views.official_method_text(result.rubric, lang))
    figures, problems = fairness_state.sensitivity(outcome)
    if figures.empty:
        st.error(t("app.fair.sens.blocked", lang))
        common.problems_report(problems, lang)
    else:
        st.caption(t("app.fair.sens.intro", lang))
        blocked = [p for p in problems if p.is_error]
        if blocked:
            st.info(t("app.fair.sens.not_available", lang) + "\n\n" + "\n".join(
                f"- {common.escape(p.message(lang))}" for p in blocked))
        with st.expander(t("app.fair.sens.methods", lang)):
            st.dataframe(views.sensitivity_methods_frame(result.rubric, lang),
                         hide_index=True)
        for category, tab in common.category_tabs(result.rubric, lang):
            with tab:
                table = views.sensitivity_table(figures, result, category.id, lang)
                counts = st.columns(2)
                counts[0].metric(t("app.fair.sens.changed_count", lang), table.n_place_changed)
                counts[1].metric(t("app.fair.sens.rank_changed_count", lang),
                                 table.n_rank_changed)
                if table.n_place_changed == 0:
                    st.success(t("app.fair.sens.stable", lang), icon=":material/check_circle:")
                st.dataframe(views.sensitivity_styled(table, lang), hide_index=True,
                             key=f"sensitivity_{category.id}",
                             column_config={t("col.entry", lang):
                                            st.column_config.Column(width="medium")})
                st.subheader(t("app.fair.sens.chart", lang))
                data = views.sensitivity_chart_data(figures, result, category.id, lang)
                if not data.empty:
                    st.altair_chart(charts.rank_per_method(data, lang), width="stretch")
                st.caption(t("app.fair.sens.chart_help", lang))
