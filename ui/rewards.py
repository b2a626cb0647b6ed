"""Penghargaan / Rewards: the recommended winners per category, margins, how sure each place
is (probability, rank interval, too close to call), how ties were broken, ties left for the
organisers, and every printable document (made when its button is clicked)."""

from functools import partial

import streamlit as st

from scoring import documents
from scoring.i18n import t
from ui import common, fairness_state, state
from ui.views import rewards as views

lang = state.lang()
outcome = state.outcome()

st.title(t("app.page.rewards", lang))
common.source_caption(outcome, lang)

if common.require_result(outcome, lang):
    result = outcome.result
    assert result is not None
    st.info(t("app.rewards.recommendation", lang), icon=":material/gavel:")
    figures = fairness_state.confidence(result)
    interval = views.confidence_interval_text(lang)
    with st.container(border=True):
        st.markdown(views.confidence_note(result, lang))
    for category in result.rubric.categories:
        st.header(category.label(lang))
        items = views.awards(result, category.id, lang)
        if not items:
            st.caption(t("app.rewards.none", lang))
            continue
        sure = views.award_confidence(items, figures, result, category.id, lang)
        if not sure:
            st.caption(t("app.fair.conf.unavailable", lang))
        columns = st.columns(3)
        for i, item in enumerate(items):
            with columns[i % 3].container(border=True):
                st.markdown(t("app.rewards.card", lang, award=common.escape(item.award),
                              name=common.escape(item.name), total=item.total_text,
                              margin=item.margin_text))
                found = sure.get(item.entry_id)
                if found is not None and found.probability is not None:
                    st.markdown(t("app.fair.conf.place", lang, award=common.escape(item.award),
                                  awarded=common.escape(found.awarded_text),
                                  probability=common.escape(found.probability_text),
                                  interval=interval, ranks=found.interval_text))
                elif found is not None:
                    st.markdown(t("app.fair.conf.band", lang, interval=interval,
                                  ranks=found.interval_text))
                if found is not None and found.too_close:
                    st.warning(found.warning, icon=":material/help:")
                if found is not None and found.without_rank is not None:
                    key = "app.fair.conf.without_out" if found.falls_out else \
                        "app.fair.conf.without"
                    st.caption(t(key, lang, judge=common.escape(found.without),
                                 rank=found.without_rank))
                if item.note:
                    st.caption(item.note)
                if item.shared:
                    st.warning(t("app.rewards.shared", lang), icon=":material/balance:")
        close = sum(c.too_close for c in sure.values())
        if close:
            st.caption(t("app.fair.conf.count", lang, count=close))
        for sentence in views.unresolved_ties(result, category.id, lang):
            st.error(sentence, icon=":material/balance:")
        steps = views.tie_steps(result, category.id, lang)
        if steps:
            with st.expander(t("app.rewards.ties", lang, count=len(steps))):
                for heading, lines in steps:
                    st.markdown(f"**{common.escape(heading)}**")
                    st.markdown("\n".join(f"- {common.escape(line)}" for line in lines))
        st.subheader(t("app.rewards.table", lang))
        awarded = views.awards_confidence_frame(items, sure, lang)
        st.dataframe(awarded, hide_index=True,
                     column_config=views.awards_widths(awarded, lang))
        footnote = views.resampling_footnote(figures, category.id, lang)
        if footnote:
            st.caption(footnote)

    st.divider()
    st.subheader(t("app.rewards.doc.title", lang))
    st.caption(t("app.rewards.doc.help", lang))
    current = state.competition()
    settings = views.document_settings(current.rubric_name, current.rubric_text)
    choices = views.document_choices()
    columns = st.columns(3)
    for i, choice in enumerate(choices):
        # made only when clicked (a feedback zip takes a while); same bytes for same inputs
        columns[i % 3].download_button(
            choice.label(lang), file_name=choice.file_name(result),
            data=partial(views.document, choice, result, current.files, lang, settings),
            mime=documents.MIME[choice.fmt], icon=":material/download:",
            type="primary" if choice.kind == "workbook" else "secondary",
            key=f"document_{choice.kind}_{choice.fmt}", width="stretch")
    st.caption(t("app.fingerprint_full", lang, fingerprint=result.fingerprint))
