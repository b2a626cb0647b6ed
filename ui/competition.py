"""Kompetisi / Competition: the rubric (chosen from rubrics/ or uploaded) as a readable table,
the entries list, and the judges' templates to download."""

import streamlit as st

from scoring.i18n import format_date, t
from scoring.workspace import session, templates
from ui import common, state
from ui.views import competition as views

lang = state.lang()
limit = state.max_upload_bytes()

st.title(t("app.page.competition", lang))

# --- choosing the rubric and the entries --------------------------------------------------
with st.container(border=True):
    st.subheader(t("app.competition.inputs", lang))
    current = state.competition()
    names = [path.name for path in templates.rubric_files()]
    options = names if current.rubric_name in names else [current.rubric_name, *names]

    def choose_rubric() -> None:
        name = st.session_state["rubric_choice"]
        if name in names:
            state.set_competition(state.competition().with_rubric(
                name, templates.read_rubric_file(name)))
            state.forget_uploads()

    left, right = st.columns(2)
    st.session_state["rubric_choice"] = current.rubric_name
    left.selectbox(t("app.competition.rubric_file", lang), options, key="rubric_choice",
                   on_change=choose_rubric)
    rubric_upload = right.file_uploader(t("app.competition.rubric_upload", lang),
                                        type=["yaml", "yml"], key=state.uploader_key("rubric"),
                                        max_upload_size=state.max_upload_mb())
    entries_upload = right.file_uploader(t("app.competition.entries_upload", lang),
                                         type=["csv"], key=state.uploader_key("entries"),
                                         max_upload_size=state.max_upload_mb())
    upload_problems = []
    for upload, applied_key, setter in (
            (rubric_upload, "applied_rubric", "with_rubric"),
            (entries_upload, "applied_entries", "with_entries")):
        if upload is None:
            continue
        data = upload.getvalue()
        text, problems = session.text_upload(upload.name, data, limit)
        upload_problems += problems
        digest = session.digest(data)
        if text is not None and st.session_state.get(applied_key) != digest:
            st.session_state[applied_key] = digest
            state.set_competition(getattr(state.competition(), setter)(upload.name, text))
    common.problems_report(upload_problems, lang)
    current = state.competition()
    st.caption(t("app.competition.in_use", lang, rubric=common.escape(current.rubric_name),
                 entries=common.escape(current.entries_name)))
    if not state.is_sample():
        st.button(t("app.upload.back_to_sample", lang), on_click=state.back_to_sample,
                  icon=":material/undo:")

rubric, rubric_problems = state.rubric_of(current)
entries, entries_problems = state.entries_of(current)

# --- the rubric ------------------------------------------------------------------------------
if rubric is None:
    st.error(t("app.competition.rubric_broken", lang, file=common.escape(current.rubric_name),
               count=len(rubric_problems)), icon=":material/error:")
    common.problems_report(rubric_problems, lang)
else:
    st.header(rubric.label(lang))
    facts = [t("app.competition.rubric_id", lang, id=common.escape(rubric.id),
               version=common.escape(rubric.version))]
    if rubric.organiser:
        facts.append(common.escape(rubric.organiser))
    if rubric.place:
        facts.append(common.escape(rubric.place))
    if rubric.date is not None:
        facts.append(format_date(rubric.date, lang))
    st.caption(" · ".join(facts))

    st.subheader(t("app.competition.criteria", lang))
    criteria = views.rubric_frame(rubric, lang)
    weight_columns = [t("app.rubric.weight_in", lang, category=c.id) for c in rubric.categories]
    common.table(criteria, weight_columns, lang, key="rubric_table")
    st.caption(t("app.competition.criteria_help", lang))

    st.subheader(t("app.competition.rules", lang))
    st.markdown("\n".join([
        t("app.competition.weighting", lang, text=t(f"weighting.{rubric.weighting}", lang)),
        t("app.competition.panel", lang, text=views.panel_rule_text(rubric, lang)),
        t("app.competition.rounding", lang, text=views.rounding_text(rubric, lang)),
        t("app.competition.missing", lang,
          text=t(f"app.rubric.missing.{rubric.missing_scores}", lang)),
        t("app.competition.tie_breaks", lang, text="; ".join(
            f"{i}. {views.tie_rule_label(rubric, rule.key, lang)}"
            for i, rule in enumerate(rubric.tie_breaks, start=1))
          or t("app.competition.no_tie_breaks", lang)),
    ]))
    st.subheader(t("app.competition.categories", lang))
    st.markdown("\n".join(
        t("app.competition.category_line", lang, name=common.escape(c.label(lang)),
          id=common.escape(c.id),
          criteria=(t("app.competition.all_criteria", lang) if c.criteria is None else
                    ", ".join(common.escape(rubric.nodes[n].label(lang)) for n in c.criteria)))
        for c in rubric.categories))

    st.subheader(t("app.competition.awards", lang))
    for heading, frame, note in views.award_frames(rubric, lang):
        if frame.empty and not note:
            continue
        st.markdown(f"**{common.escape(heading)}**")
        if not frame.empty:
            st.dataframe(frame, hide_index=True)
        if note:
            st.caption(note)

# --- the entries -----------------------------------------------------------------------------
st.header(t("app.competition.entries", lang))
if entries is None:
    st.error(t("app.competition.entries_broken", lang,
               file=common.escape(current.entries_name)), icon=":material/error:")
    common.problems_report(entries_problems, lang)
else:
    if rubric is not None:
        counts = [t("app.competition.entries_count", lang, name=common.escape(c.label(lang)),
                    count=len(entries.in_category(c.id))) for c in rubric.categories]
        st.markdown("  \n".join(counts))
        common.problems_report(entries.check_categories(rubric.category_ids,
                                                        current.entries_name), lang)
    st.dataframe(views.entries_frame(entries, rubric, lang), hide_index=True,
                 key="entries_table")

# --- templates -------------------------------------------------------------------------------
if rubric is not None and entries is not None:
    st.header(t("app.competition.templates", lang))
    st.markdown(t("app.competition.templates_help", lang))
    default = "\n".join(templates.sample_judges()) if current.source == "sample" else ""
    typed = st.text_area(t("app.competition.judge_names", lang), value=default, height=140,
                         key="judge_names")
    judges = tuple(templates.judge_names(typed))
    made, problems = state.templates(rubric, entries, judges)
    if problems:
        common.problems_report(problems, lang)
    else:
        st.download_button(
            t("app.competition.download_zip", lang, count=len(made)),
            data=state.templates_zip(f"{current.rubric_key}|{current.entries_key}", judges,
                                     made),
            file_name=t("app.competition.zip_name", lang, id=rubric.id),
            mime="application/zip", icon=":material/folder_zip:", type="primary")
        columns = st.columns(3)
        for i, ((filename, data), judge) in enumerate(zip(made, judges or ("",), strict=True)):
            columns[i % 3].download_button(
                judge or t("app.competition.blank_template", lang), data=data,
                file_name=filename, icon=":material/download:", key=f"template_{i}",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
