"""Penghargaan / Rewards: the recommended winners per category, margins, how ties were broken,
ties left for the organisers, and the official results workbook."""

import streamlit as st

from scoring import service
from scoring.i18n import t
from ui import common, state

lang = state.lang()
outcome = state.outcome()

st.title(t("app.rewards.title", lang))
common.source_caption(outcome, lang)

if common.require_result(outcome, lang):
    result = outcome.result
    assert result is not None
    st.info(t("app.rewards.recommendation", lang), icon=":material/gavel:")
    for category in result.rubric.categories:
        st.header(category.label(lang))
        items = service.awards(result, category.id, lang)
        if not items:
            st.caption(t("app.rewards.none", lang))
            continue
        columns = st.columns(3)
        for i, item in enumerate(items):
            with columns[i % 3].container(border=True):
                st.markdown(t("app.rewards.card", lang, award=common.escape(item.award),
                              name=common.escape(item.name), total=item.total_text,
                              margin=item.margin_text))
                if item.note:
                    st.caption(item.note)
                if item.shared:
                    st.warning(t("app.rewards.shared", lang), icon=":material/balance:")
        for sentence in service.unresolved_ties(result, category.id, lang):
            st.error(sentence, icon=":material/balance:")
        steps = service.tie_steps(result, category.id, lang)
        if steps:
            with st.expander(t("app.rewards.ties", lang, count=len(steps))):
                for heading, lines in steps:
                    st.markdown(f"**{common.escape(heading)}**")
                    st.markdown("\n".join(f"- {common.escape(line)}" for line in lines))
        st.subheader(t("app.rewards.table", lang))
        st.dataframe(service.awards_frame(items, lang), hide_index=True)

    st.divider()
    current = state.competition()
    st.download_button(
        t("app.rewards.download", lang),
        data=state.results_workbook(current.key, lang, result),
        file_name=t("app.rewards.download_name", lang, id=result.rubric.id),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:", type="primary")
    st.caption(t("app.fingerprint_full", lang, fingerprint=result.fingerprint))
