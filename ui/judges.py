"""Juri / Judges: how each judge scores against the rest of the panel (severity, spread,
correlation, count, flags), the marks far from the others', and how far the panel agrees —
on the totals and per criterion group (ICC forms with 95% intervals, Kendall's W,
Krippendorff's alpha)."""

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from scoring.i18n import format_number, t
from ui import common, fairness_state, state
from ui.views import judges as views
from ui.views import planner
from ui.views.format import number_text, styled

lang = state.lang()
outcome = state.outcome()

st.title(t("app.page.judges", lang))
common.source_caption(outcome, lang)


def number(value: float) -> str:
    return number_text(value, lang)


def helped_table(frame: pd.DataFrame, numbers: Sequence[str], helps: Mapping[str, str],
                 key: str) -> None:
    """A table with the numbers the reader's way and a help text on column headers."""
    config = {column: st.column_config.Column(help=text) for column, text in helps.items()
              if column in frame.columns}
    st.dataframe(styled(frame, numbers, lang), hide_index=True, key=key,
                 column_config=config or None)


if common.require_result(outcome, lang):
    result = outcome.result
    assert result is not None
    st.markdown(t("app.judges.intro", lang))
    threshold = st.select_slider(t("app.judges.threshold", lang), options=[2.0, 2.5, 3.0, 4.0],
                                 value=3.0, key="outlier_sds",
                                 format_func=lambda v: format_number(v, lang, 1))
    for category, tab in common.category_tabs(result.rubric, lang):
        with tab:
            report = views.judge_report(result, category.id, lang, outlier_sds=threshold)
            st.subheader(t("app.judges.per_judge", lang))
            helped_table(report.judges, report.judges_numbers, report.help,
                         key=f"judges_{category.id}")
            st.caption(t("app.judges.per_judge_help", lang))

            st.subheader(t("app.fair.judges.flags", lang))
            if report.flags:
                for judge, text in report.flags:
                    st.warning(f"**{common.escape(judge)}**: {common.escape(text)}",
                               icon=":material/flag:")
            else:
                st.success(t("app.fair.judges.flags_none", lang), icon=":material/check_circle:")

            st.subheader(t("app.judges.far", lang))
            if report.outliers.empty:
                st.success(t("app.judges.far_none", lang,
                             threshold=format_number(threshold, lang, 1)),
                           icon=":material/check_circle:")
            else:
                common.table(report.outliers, report.outliers_numbers, lang,
                             key=f"outliers_{category.id}")
                st.caption(t("app.judges.far_help", lang,
                             threshold=format_number(threshold, lang, 1)))

            st.subheader(t("app.agreement.title", lang))
            summary = views.agreement_of(result, category.id)
            if summary is None or summary.icc is None or summary.kendall is None:
                st.info(t("app.agreement.unavailable", lang))
                continue
            single, panel = summary.icc["ICC(2,1)"], summary.icc["ICC(2,k)"]
            columns = st.columns(4)
            columns[0].metric(t("app.agreement.icc_single", lang), number(single.value),
                              help=t("app.agreement.icc_single_help", lang))
            columns[1].metric(t("app.agreement.icc_panel", lang), number(panel.value),
                              help=t("app.agreement.icc_panel_help", lang))
            columns[2].metric(t("fairness.col.kendall_w", lang), number(summary.kendall.w),
                              help=t("app.agreement.kendall_help", lang))
            columns[3].metric(t("app.agreement.alpha", lang), number(summary.alpha),
                              help=t("app.agreement.alpha_help", lang))
            st.markdown(t(
                "app.agreement.explain", lang,
                n_judges=summary.n_judges, n_entries=summary.n_complete_entries,
                panel=number(panel.value), panel_word=views.quality_word(panel.value, lang),
                low=number(panel.ci_low), high=number(panel.ci_high),
                single=number(single.value),
                single_word=views.quality_word(single.value, lang),
                w=number(summary.kendall.w), alpha=number(summary.alpha)))
            if summary.n_dropped_entries:
                st.caption(t("app.agreement.dropped", lang, count=summary.n_dropped_entries))
            with st.expander(t("app.fair.agreement.forms", lang)):
                forms = views.icc_forms_table(summary, lang)
                helped_table(forms.frame, forms.number_columns, forms.help,
                             key=f"icc_forms_{category.id}")
                st.caption(t("app.fair.agreement.forms_help", lang))

            st.subheader(t("app.fair.agreement.groups", lang))
            groups, group_forms = views.group_agreement_tables(result, category.id, lang)
            helped_table(groups.frame, groups.number_columns, groups.help,
                         key=f"agreement_groups_{category.id}")
            st.caption(t("app.fair.agreement.groups_help", lang))
            with st.expander(t("app.fair.agreement.groups_forms", lang)):
                helped_table(group_forms.frame, group_forms.number_columns, group_forms.help,
                             key=f"agreement_group_forms_{category.id}")

    st.divider()
    st.header(t("app.fair.plan.title", lang))
    st.markdown(t("app.fair.plan.intro", lang))
    target = st.select_slider(t("app.fair.plan.target", lang), options=list(planner.TARGETS),
                              value=planner.DEFAULT_TARGET, key="plan_target",
                              format_func=lambda v: format_number(100 * v, lang, 0) + "%")
    plan, assumptions = fairness_state.plan(result, target)
    for category in result.rubric.categories:
        st.subheader(category.label(lang))
        found = planner.category_plan(plan, result, category.id, target, lang)
        if found is None:
            st.caption(t("app.fair.plan.unavailable", lang))
            continue
        if found.reached:
            st.success(common.escape(found.sentence), icon=":material/groups:")
        else:
            st.warning(common.escape(found.sentence), icon=":material/groups:")
        st.dataframe(found.table, hide_index=True, key=f"plan_{category.id}")
    lines = planner.assumption_lines(assumptions, result, lang)
    if lines:
        heading, *models = lines
        st.caption(common.escape(heading) + "\n" + "\n".join(
            f"- {common.escape(line)}" for line in models))
