"""The organiser's set-up of a competition: create it (a stored draft from a rubric and an
entries list), its judges and their agencies, assignments, the judges' private links (issue,
copy a ready-to-send message, revoke, reissue) and deleting a draft."""

import streamlit as st

from scoring.i18n import t
from scoring.workspace import assignments, links, release
from ui import common, state, who
from ui.organiser_common import COMPETITION_KEY, attempt, choose_competition, organiser_page
from ui.views import workspace as model

lang = state.lang()
actor, archive = organiser_page("app.setup.title", lang)

with st.expander(t("app.setup.create", lang), icon=":material/add_circle:",
                 expanded=not len(archive.competitions())):
    rubric_file = st.file_uploader(t("app.setup.rubric", lang), type=["yaml", "yml"],
                                   key="ws_new_rubric")
    entries_file = st.file_uploader(t("app.setup.entries", lang), type=["csv"],
                                    key="ws_new_entries")
    if st.button(t("app.setup.create_button", lang), type="primary",
                 disabled=rubric_file is None or entries_file is None):
        made = attempt(lambda: release.create_competition(
            archive, actor, rubric_file.getvalue().decode("utf-8-sig"),
            entries_file.getvalue().decode("utf-8-sig")), lang)
        if made is not None:
            competition_id, created = made
            st.session_state[COMPETITION_KEY] = competition_id
            title = archive.competition(competition_id).title
            st.session_state["ws_setup_notice"] = t(
                "app.setup.created" if created else "app.setup.found", lang,
                title=common.escape(title))
            st.rerun()
if st.session_state.get("ws_setup_notice"):
    st.success(st.session_state.pop("ws_setup_notice"), icon=":material/check_circle:")

competition_id = choose_competition(archive, lang)
if competition_id is None:
    st.info(t("app.setup.none", lang))
    st.stop()
competition = archive.competition(competition_id)

# --- judges --------------------------------------------------------------------------------
st.subheader(t("app.setup.judges", lang))
judges = assignments.judges_frame(archive, actor, competition_id, lang)
if len(judges):
    st.dataframe(model.judges_table(judges, lang), hide_index=True)
with st.form("ws_add_judge", clear_on_submit=True):
    name = st.text_input(t("app.setup.judge_name", lang), key="ws_judge_name")
    agency = st.text_input(t("app.setup.judge_agency", lang), key="ws_judge_agency")
    added = st.form_submit_button(t("app.setup.add_judge", lang)) and name.strip()
    if added and attempt(lambda: assignments.add_judge(archive, actor, competition_id, name,
                                                       agency), lang) is not None:
        st.session_state["ws_setup_notice"] = t("app.setup.judge_added", lang,
                                                judge=common.escape(name.strip()))
        st.rerun()
if not len(judges):
    st.stop()
names = dict(zip(judges["judge_id"].astype(int), judges["name"], strict=True))

# --- assignments ---------------------------------------------------------------------------
with st.expander(t("app.setup.assign", lang), icon=":material/assignment_ind:"):
    st.caption(t("app.setup.assign_hint", lang))
    _, entries = release.read_inputs(competition.rubric_text, competition.entries_csv)
    chosen = st.selectbox(t("app.setup.assign_judge", lang), list(names), key="ws_assign_judge",
                          format_func=lambda jid: common.escape(names[jid]))
    category = st.selectbox(t("app.setup.assign_category", lang), list(entries.categories),
                            key="ws_assign_category")
    if st.button(t("app.setup.assign_button", lang)) and attempt(
            lambda: assignments.assign(archive, actor, chosen, category=category),
            lang) is not None:
        st.session_state["ws_setup_notice"] = t("app.setup.assigned", lang)
        st.rerun()

# --- links ---------------------------------------------------------------------------------
st.subheader(t("app.setup.links", lang))
try:
    secret = who.secret()
except links.AccessRefusedError:
    st.warning(t("app.ws.no_secret", lang), icon=":material/key_off:")
    secret = ""
if secret:
    base = st.text_input(t("app.setup.base_url", lang),
                         value=model.base_url(st.context.url), key="ws_base_url")
    judge_id = st.selectbox(t("app.setup.assign_judge", lang), list(names), key="ws_link_judge",
                            format_func=lambda jid: common.escape(names[jid]))
    issue, revoke = st.columns(2)
    if issue.button(t("app.setup.issue", lang, judge=common.escape(names[judge_id])),
                    key="ws_issue", icon=":material/link:"):
        link = attempt(lambda: links.issue_link(archive, actor, judge_id, secret), lang)
        if link is not None:
            st.session_state["ws_link"] = (judge_id, link.url(base), link.message(
                base, competition.title, competition.year, lang))
    revoked = revoke.button(t("app.setup.revoke", lang, judge=common.escape(names[judge_id])),
                            key="ws_revoke", icon=":material/link_off:")
    if revoked and attempt(lambda: links.revoke_link(archive, actor, judge_id),
                           lang) is not None:
        st.session_state.pop("ws_link", None)
        st.session_state["ws_setup_notice"] = t("app.setup.revoked", lang,
                                                judge=common.escape(names[judge_id]))
        st.rerun()
    shown = st.session_state.get("ws_link")
    if shown and shown[0] in names:
        st.success(t("app.setup.issued", lang, judge=common.escape(names[shown[0]])),
                   icon=":material/link:")
        st.code(shown[1], language=None)
        st.code(shown[2], language=None, wrap_lines=True)

# --- delete a draft ------------------------------------------------------------------------
if competition.status == "draft":
    with st.expander(t("app.setup.delete", lang), icon=":material/delete:"):
        sure = st.checkbox(t("app.setup.delete_confirm", lang,
                             title=common.escape(competition.title)), key="ws_delete_sure")
        if st.button(t("app.setup.delete", lang), disabled=not sure, key="ws_delete"):
            title = attempt(lambda: release.delete_draft(archive, actor, competition_id), lang)
            if title is not None:
                st.session_state.pop(COMPETITION_KEY, None)
                st.session_state["ws_setup_notice"] = t("app.setup.deleted", lang,
                                                        title=common.escape(title))
                st.rerun()
