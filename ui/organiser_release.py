"""Releasing a competition's results: publish after typing its title and year, then
corrections (a new revision with a reason). Each revision is computed from the judges'
stored uploads at that moment, never from this page."""

import streamlit as st

from scoring.i18n import t
from scoring.workspace import release
from scoring.workspace.revisions import revision_diff
from ui import common, state
from ui.organiser_common import attempt, choose_competition, organiser_page
from ui.views import workspace as model

lang = state.lang()
actor, archive = organiser_page("app.release.title", lang)
competition_id = choose_competition(archive, lang)
if competition_id is None:
    st.info(t("app.setup.none", lang))
    st.stop()
competition = archive.competition(competition_id)
if st.session_state.get("ws_release_notice"):
    st.success(st.session_state.pop("ws_release_notice"), icon=":material/campaign:")

if not competition.is_published:
    st.info(t("app.release.hidden", lang), icon=":material/visibility_off:")
    st.markdown(t("app.release.confirm", lang, title=common.escape(competition.title),
                  year=competition.year))
    with st.form("ws_publish"):
        title = st.text_input(t("app.release.confirm_title", lang), key="ws_confirm_title")
        year = st.number_input(t("app.release.confirm_year", lang), min_value=1900,
                               max_value=2999, value=None, step=1, key="ws_confirm_year")
        go = st.form_submit_button(t("app.release.publish", lang), type="primary")
    if go:
        done = attempt(lambda: release.publish(archive, actor, competition_id,
                                               confirm_title=title,
                                               confirm_year=int(year or 0), lang=lang), lang)
        if done is not None:
            st.session_state["ws_release_notice"] = t("app.release.published", lang,
                                                      revision=done.revision)
            st.rerun()
    st.stop()

released = release.released_results(archive, actor, competition_id, lang=lang)
st.markdown(t("app.release.current", lang, revision=released.revision,
              time=released.published_at))
if released.corrected:
    st.caption(common.escape(model.released_note(released, lang)))
with st.form("ws_correct"):
    st.markdown(f"**{t('app.release.correct', lang)}**")
    reason = st.text_input(t("app.release.reason", lang), key="ws_correct_reason")
    go = st.form_submit_button(t("app.release.correct_button", lang))
if go and not reason.strip():
    st.error(t("app.release.need_reason", lang))
elif go:
    done = attempt(lambda: release.correct(archive, actor, competition_id, reason.strip(),
                                           lang=lang), lang)
    if done is not None:
        st.session_state["ws_release_notice"] = t("app.release.published", lang,
                                                  revision=done.revision)
        st.rerun()

revisions = archive.revisions(competition_id)["revision"].astype(int).tolist()
if len(revisions) > 1:
    st.subheader(t("app.release.diff", lang))
    left, right = st.columns(2)
    old = left.selectbox(t("app.release.diff_old", lang), revisions[:-1],
                         index=len(revisions) - 2, key="ws_diff_old")
    new = right.selectbox(t("app.release.diff_new", lang), revisions,
                          index=len(revisions) - 1, key="ws_diff_new")
    diff = attempt(lambda: revision_diff(archive, actor, competition_id, old, new, lang), lang)
    if diff is not None:
        st.markdown(diff.summary(lang))
        if len(diff.entries_frame(lang)):
            st.dataframe(diff.entries_frame(lang), hide_index=True)
        if len(diff.files):
            st.dataframe(diff.files_frame(lang), hide_index=True)
