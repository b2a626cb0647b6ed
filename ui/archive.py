"""Arsip / Archive (for organisers): the competitions kept in the archive, publishing this
session's competition (or correcting it, with a reason), every judge's uploads exactly as
they came, and every published revision."""

import streamlit as st

from scoring.i18n import t
from scoring.problems import ProblemsError
from scoring.workspace import archive as records
from ui import archive_common, common, state
from ui.views import archive as views

lang = state.lang()
st.title(t("app.archive.title", lang))
opened = state.archive()
archive_common.location_caption(opened, lang)


def publish() -> None:
    """The publish button's action (runs before the page, so the lists below are fresh)."""
    by = st.session_state.get("archive_by", "")
    reason = st.session_state.get("archive_reason", "")
    try:
        report = state.publish_session(by, reason)
    except ProblemsError as refused:
        st.session_state[state.ARCHIVE_NOTICE_KEY] = ("error", list(refused.problems), None)
        return
    st.session_state["archive_reason"] = ""
    st.session_state["archive_competition"] = report.competition_id
    st.session_state[state.ARCHIVE_NOTICE_KEY] = ("success", [], report)


if archive_common.usable(opened, lang):
    archive = opened.archive

    st.subheader(t("app.archive.publish_title", lang))
    outcome = state.outcome()
    if common.require_result(outcome, lang):
        found = state.archived_competition()
        existing = archive.competition(found) if found is not None else None
        common.source_caption(outcome, lang)
        if existing is None:
            st.markdown(t("app.archive.publish_new", lang))
        elif existing.is_published:
            st.markdown(t("app.archive.publish_correct", lang, id=existing.id,
                          title=common.escape(existing.title),
                          revision=int(archive.revisions(existing.id)["revision"].max())))
        else:
            st.markdown(t("app.archive.publish_draft", lang, id=existing.id,
                          title=common.escape(existing.title)))
        st.text_input(t("app.archive.by", lang), key="archive_by",
                      help=t("app.archive.by_help", lang))
        if existing is not None and existing.is_published:
            st.text_area(t("app.archive.reason", lang), key="archive_reason",
                         help=t("app.archive.reason_help", lang))
        st.button(t("app.archive.publish" if existing is None or not existing.is_published
                    else "app.archive.correct", lang),
                  type="primary", on_click=publish, key="archive_publish",
                  icon=":material/publish:")
    notice = st.session_state.pop(state.ARCHIVE_NOTICE_KEY, None)
    if notice is not None:
        kind, problems, report = notice
        if kind == "success":
            st.success(t("app.archive.published", lang, id=report.competition_id,
                         revision=report.revision, new=report.count("new"),
                         versions=report.count("new_version"),
                         duplicates=report.count("duplicate"),
                         rejected=report.count("rejected")), icon=":material/check_circle:")
        else:
            st.error(t("app.archive.not_published", lang), icon=":material/block:")
            if all(p.code.startswith("store.") for p in problems):
                for problem in problems:
                    st.error(problem.message(lang))
            else:
                common.problems_report(problems, lang)

    st.subheader(t("app.archive.competitions", lang))
    competitions = views.competitions_table(archive, lang)
    if competitions.empty:
        st.info(t("app.archive.empty", lang), icon=":material/info:")
    else:
        st.dataframe(competitions, hide_index=True, key="archive_competitions")
        ids = [int(i) for i in archive.competitions()["competition_id"]]
        if st.session_state.get("archive_competition") not in ids:
            mine = state.archived_competition()
            st.session_state["archive_competition"] = mine if mine in ids else ids[0]
        chosen = st.selectbox(t("app.page.competition", lang), ids, key="archive_competition",
                              format_func=lambda i: views.competition_label(archive, i, lang))

        st.subheader(t("app.archive.uploads", lang))
        st.caption(t("app.archive.uploads_help", lang))
        uploads = views.uploads_table(archive, chosen, lang)
        if uploads.empty:
            st.caption(t("app.archive.no_uploads", lang))
        else:
            st.dataframe(uploads, hide_index=True, key="archive_uploads")
            options = views.upload_options(archive, chosen, lang)
            upload_id = st.selectbox(t("app.archive.choose_upload", lang), list(options),
                                     format_func=options.get, key=f"archive_upload_{chosen}")
            st.download_button(t("app.archive.download_upload", lang),
                               archive.upload_bytes(upload_id),
                               file_name=views.upload_filename(archive, chosen, upload_id),
                               mime="application/octet-stream", icon=":material/download:",
                               key="archive_upload_download")
            common.problems_report(archive.upload_problems(upload_id), lang,
                                   expand_errors=False)

        st.subheader(t("app.archive.revisions", lang))
        revisions = views.revisions_table(archive, chosen, lang)
        if revisions.empty:
            st.caption(t("app.archive.no_revisions", lang))
        else:
            st.dataframe(revisions, hide_index=True, key="archive_revisions")
            numbers = [int(r) for r in archive.revisions(chosen)["revision"]]
            revision = st.selectbox(t("app.archive.choose_revision", lang), numbers,
                                    index=len(numbers) - 1, key=f"archive_revision_{chosen}",
                                    format_func=lambda r: t("app.archive.revision_option",
                                                            lang, revision=r))
            result_table, totals = views.revision_table(
                archive, chosen, revision, lang, records.category_labels(archive, lang))
            common.table(result_table, totals, lang, key="archive_revision_table")
            published = archive.results(chosen, revision)
            st.download_button(t("app.archive.download_revision", lang),
                               published.result_json.encode("utf-8"),
                               file_name=f"hasil_{chosen}_revisi_{revision}.json",
                               mime="application/json", icon=":material/download:",
                               key="archive_revision_download")
