"""Riwayat / History: rank and total of every entry by year from the archive, followed
through renames; most improved, consistently at the top, new entrants; a downloadable table."""

import streamlit as st

from scoring.i18n import t
from scoring.workspace import archive as records
from ui import archive_common, charts, common, state
from ui.views import history as views
from ui.views.format import styled

lang = state.lang()
st.title(t("app.history.title", lang))
opened = state.archive()
archive_common.location_caption(opened, lang)

if archive_common.usable(opened, lang):
    archive = opened.archive
    data = records.history(archive)
    if data.empty:
        st.info(t("app.history.empty", lang), icon=":material/info:")
    else:
        labels = records.category_labels(archive, lang)
        categories = sorted(data["category"].unique(),
                            key=lambda c: (list(labels).index(c) if c in labels else 99, c))
        left, right = st.columns([1, 3])
        category = left.selectbox(t("col.category", lang), categories, key="history_category",
                                  format_func=lambda c: labels.get(c, c))
        in_category = data[data["category"] == category]
        names = dict(views.history_options(in_category))
        chosen = right.multiselect(t("app.competition.entries", lang), list(names),
                                   key=f"history_entries_{category}",
                                   format_func=lambda g: names.get(g, g),
                                   placeholder=t("app.history.all_entries", lang))
        shown = in_category[in_category["group_id"].isin(chosen)] if chosen else in_category
        years = sorted(int(y) for y in data["year"].unique())
        st.caption(t("app.history.summary", lang, count=len(names),
                     years=", ".join(map(str, years))))
        if renamed := views.renames(in_category, lang, common.escape):
            st.caption(t("app.history.renames", lang, items="; ".join(renamed)))

        top_col, find_col = st.columns([1, 3])
        top = top_col.number_input(t("app.history.top", lang), min_value=1, max_value=100,
                                   value=min(10, max(len(names), 1)), step=1,
                                   key="history_top", disabled=bool(chosen))
        query = find_col.text_input(t("app.history.find", lang), key="history_find")
        drawn = views.chart_entries(in_category, int(top), chosen)
        if not chosen and len(drawn) < len(names):
            st.caption(t("app.history.top_note", lang, shown=len(drawn), count=len(names)))
        chart_data = views.highlight_and_ends(
            views.chart_data(in_category[in_category["group_id"].isin(drawn)], lang), query)
        st.subheader(t("app.history.chart_ranks", lang))
        st.caption(t("app.history.chart_ranks_help", lang))
        st.altair_chart(charts.rank_bump(chart_data, lang), width="stretch")
        st.subheader(t("app.history.chart_totals", lang))
        st.altair_chart(charts.total_lines(chart_data, lang), width="stretch")

        st.subheader(t("app.history.table", lang))
        table, rank_cols, total_cols = views.history_table(shown, lang, labels)
        st.dataframe(styled(table, total_cols, lang, whole=rank_cols),
                     hide_index=True, key="history_table", placeholder="–")
        st.caption(t("app.history.table_help", lang))
        st.download_button(
            t("app.history.download", lang),
            views.history_workbook(table, lang, totals=total_cols,
                                   title=t("app.history.sheet_title", lang,
                                           category=labels.get(category, category))),
            file_name=f"riwayat_{category}.xlsx", icon=":material/download:",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="history_download")

        st.subheader(t("app.history.improved", lang))
        pairs = views.year_pairs(data)
        if not pairs:
            st.info(t("app.history.one_year", lang))
        else:
            pair = st.selectbox(t("app.history.period", lang), pairs, key="history_pair",
                                format_func=lambda p: f"{p[0]} → {p[1]}")
            by_rank, by_total = st.columns(2)
            for column, by in ((by_rank, "rank"), (by_total, "total")):
                with column:
                    st.markdown(f"**{t(f'app.history.improved_{by}', lang)}**")
                    found, ranks, totals = views.improvements(
                        archive, lang, by=by, category=category, pair=pair)
                    if found.empty:
                        st.caption(t("app.history.none", lang))
                        continue
                    st.markdown(views.leader_text(found, lang, by=by, escape=common.escape))
                    st.dataframe(styled(found, totals, lang, whole=ranks),
                                 hide_index=True, key=f"history_improved_{by}", placeholder="–")

        st.subheader(t("app.history.consistent", lang))
        places = st.number_input(t("app.history.places", lang), min_value=1, max_value=20,
                                 value=3, step=1, key="history_places")
        found, ranks, totals = views.consistent(archive, lang, places=int(places),
                                                category=category)
        st.caption(t("app.history.consistent_help", lang, places=int(places)))
        if found.empty:
            st.caption(t("app.history.none", lang))
        else:
            st.dataframe(styled(found, totals, lang, decimals=1, whole=ranks),
                         hide_index=True, key="history_consistent", placeholder="–")

        st.subheader(t("app.history.new", lang))
        found, ranks, totals = views.newcomers(archive, lang, category=category)
        if found.empty:
            st.caption(t("app.history.none", lang))
        else:
            st.dataframe(styled(found, totals, lang, whole=ranks),
                         hide_index=True, key="history_new", placeholder="–")
