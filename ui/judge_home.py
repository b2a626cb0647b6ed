"""A judge's own page (through their private link): the entries assigned to them, their
template, their uploads (stored at once, kept across reloads), the checking report of the
newest one, and "Kirim final". Never the ranking, never another judge's marks."""

import streamlit as st

from scoring.i18n import t
from scoring.mappings import SHEET_TYPES
from scoring.workspace import assignments, judging
from ui import common, state, who
from ui.organiser_common import attempt
from ui.views import workspace as model

lang = state.lang()
st.title(t("app.judge.title", lang))
session = who.current()
actor, archive = session.actor, session.archive
if actor is None or actor.judge_id is None or archive is None:
    st.error(t("access.link.invalid", lang), icon=":material/lock:")
    st.stop()
judge_id = actor.judge_id
competition = archive.competition(actor.competition_id)
st.markdown(t("app.judge.intro", lang, name=common.escape(actor.name),
              title=common.escape(competition.title), year=competition.year))

mine = assignments.judge_entries(archive, actor, judge_id)
with st.expander(t("app.judge.entries", lang, count=len(mine.assigned))):
    st.dataframe(
        {t("app.judge.col.entry", lang): [e.name for e in mine.assigned],
         t("app.judge.col.category", lang): [e.category for e in mine.assigned]},
        hide_index=True)
if mine.conflicted:
    st.info(t("app.judge.conflicted", lang,
              names=", ".join(common.escape(e.name) for e in mine.conflicted)),
            icon=":material/block:")
st.download_button(t("app.judge.template", lang),
                   data=assignments.judge_template(archive, actor, judge_id),
                   file_name=f"templat_{judge_id}.xlsx", icon=":material/download:",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

uploaded = st.file_uploader(t("app.judge.upload", lang), type=list(SHEET_TYPES),
                            key=state.uploader_key("judge_sheet"),
                            max_upload_size=state.max_upload_mb())
if uploaded is not None:
    done = attempt(lambda: judging.upload_sheet(archive, actor, judge_id, uploaded.name,
                                                uploaded.getvalue()), lang)
    state.forget_uploads()
    if done is not None:
        st.session_state["judge_last"] = t(
            "app.judge.uploaded", lang, file=common.escape(uploaded.name),
            version=done.receipt.version,
            status=model.upload_status(done.receipt.status, lang))
        st.rerun()  # a refusal stays on the page instead
if st.session_state.get("judge_last"):
    st.success(st.session_state["judge_last"], icon=":material/cloud_done:")

st.subheader(t("app.judge.versions", lang))
uploads = judging.own_uploads(archive, actor, judge_id)
if not len(uploads):
    st.info(t("app.judge.none", lang))
    st.stop()
st.markdown(model.latest_upload(uploads, lang, common.escape))
st.dataframe(model.uploads_table(uploads, lang), hide_index=True)
newest = int(uploads["upload_id"].iloc[-1])
st.subheader(t("app.judge.report", lang))
report = judging.own_report(archive, actor, judge_id, newest)
if report:
    common.problems_report(report, lang)
else:
    st.success(t("app.judge.clean", lang), icon=":material/check_circle:")

if uploads["current"].any() and st.button(t("app.judge.final", lang), type="primary",
                                          icon=":material/send:"):
    final = attempt(lambda: judging.mark_final(archive, actor, judge_id), lang)
    if final is not None:
        st.success(t("app.judge.final_done", lang, summary=final.summary(lang)),
                   icon=":material/task_alt:")
