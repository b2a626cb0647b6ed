"""Unggah / Upload: the judges' filled workbooks, read and checked; the checking report by file
and sheet; who has not scored what."""

import streamlit as st

from scoring.i18n import t
from scoring.mappings import SHEET_TYPES
from scoring.workspace.session import files_digest
from ui import PAGES, charts, common, mapping, state
from ui.views import upload as views

lang = state.lang()
limit_mb = state.max_upload_mb()

st.title(t("app.upload.title", lang))
st.markdown(t("app.upload.intro", lang, limit=limit_mb))

uploaded = st.file_uploader(t("mapping_app.upload.label", lang), type=list(SHEET_TYPES),
                            accept_multiple_files=True, max_upload_size=limit_mb,
                            key=state.uploader_key("sheets"),
                            help=t("mapping_app.upload.help", lang, limit=limit_mb))
st.caption(t("app.upload.widget_hint", lang))
if uploaded:
    files = tuple((f.name, f.getvalue()) for f in uploaded)
    digest = files_digest(files)
    if digest != st.session_state.get("applied_upload"):
        st.session_state["applied_upload"] = digest
        # judges' own workbooks of a shape mapped before are read by that mapping at once
        state.set_competition(mapping.with_remembered(state.competition().with_files(files)))

current = state.competition()
if state.is_ready():
    outcome = state.outcome()
else:
    with st.status(t("app.upload.reading", lang), expanded=True) as status:
        bar = st.progress(0.0)

        def on_file(index: int, count: int, name: str) -> None:
            bar.progress(index / max(count, 1),
                         text=t("app.upload.reading_file", lang, name=name, index=index + 1,
                                count=count))

        outcome = state.outcome(on_file=on_file)
        bar.progress(1.0, text=t("app.upload.read_done", lang, count=len(current.files)))
        status.update(label=t("app.upload.read_done", lang, count=len(current.files)),
                      state="error" if outcome.errors else "complete", expanded=False)

with st.container(border=True):
    if current.source == "sample":
        st.markdown(t("app.upload.using_sample", lang, count=len(current.files)))
    else:
        st.markdown(t("app.upload.using_upload", lang, count=len(current.files)))
        st.button(t("app.upload.back_to_sample", lang), on_click=state.back_to_sample,
                  icon=":material/undo:")
    st.caption(", ".join(common.escape(name) for name in current.file_names))

columns = st.columns(4)
columns[0].metric(t("app.upload.n_files", lang), len(current.files))
columns[1].metric(t("app.upload.n_scores", lang), common.count_text(len(outcome.scores), lang))
columns[2].metric(t("app.upload.n_errors", lang), len(outcome.errors))
columns[3].metric(t("app.upload.n_warnings", lang), len(outcome.warnings))

if outcome.errors:
    st.error(t("app.upload.has_errors", lang, count=len(outcome.errors)), icon=":material/block:")
elif outcome.warnings:
    st.warning(t("app.upload.only_warnings", lang, count=len(outcome.warnings)),
               icon=":material/warning:")
else:
    st.success(t("app.upload.all_good", lang), icon=":material/check_circle:")
if outcome.ok:
    st.page_link(PAGES[2].path, label=t("app.upload.see_results", lang),
                 icon=":material/arrow_forward:")

mapping.step(lang)

if outcome.problems:
    st.header(t("app.report.title", lang))
    common.problems_report(outcome.problems, lang, rubric=outcome.rubric,
                           entries=outcome.entries)

if outcome.rubric is not None and outcome.entries is not None:
    st.header(t("app.coverage.title", lang))
    st.caption(t("app.coverage.help", lang))
    rubric, entries = outcome.rubric, outcome.entries
    for category, tab in common.category_tabs(rubric, lang):
        with tab:
            cells, missing = views.coverage(outcome.scores, rubric, entries, category.id)
            if cells.empty:
                st.info(t("app.coverage.nothing", lang))
                continue
            if missing.empty and not outcome.errors:
                st.success(t("app.coverage.complete", lang), icon=":material/check_circle:")
            elif missing.empty:  # every cell scored, but a file was refused or has errors
                st.info(t("app.coverage.complete", lang), icon=":material/info:")
            else:
                st.warning(t("app.coverage.gaps", lang, count=len(missing)),
                           icon=":material/warning:")
                st.dataframe(views.missing_frame(missing, rubric, lang), hide_index=True)
            st.altair_chart(charts.coverage_matrix(cells, lang), width="stretch")
