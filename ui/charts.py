"""Altair charts of the app. Data frames come from the page models (:mod:`ui.views`); here
only marks, encodings and labels (every title from the catalogue, every mark with a
tooltip)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from scoring.i18n import t

ROW_HEIGHT = 20
LABEL_WIDTH = 280
"""Room right of the history charts for the names at the lines' ends (pixels)."""
MIN_HISTORY_HEIGHT = 280
"""The history charts are never shorter, even with one entry."""
_NUMBER_LOCALE = {
    "id": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["Rp", ""]},
}


def _finish(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """Axis numbers the Indonesian way (85,5) in Indonesian."""
    return chart.configure(locale={"number": _NUMBER_LOCALE[lang]}).configure_axis(
        labelLimit=320)


def ranked_totals(panel: pd.DataFrame, judges: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Each entry in rank order: the panel total (a bar mark) and each judge's total (points),
    with a line from the lowest to the highest judge total to show the spread."""
    order = panel.sort_values(["rank", "name"])["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None)
    entry = alt.Tooltip("name:N", title=t("col.entry", lang))
    rank = alt.Tooltip("rank:Q", title=t("col.rank", lang))
    spread = alt.Chart(judges).mark_rule(color="#9aa5b1").encode(
        y=y,
        x=alt.X("min(judge_total):Q", title=t("col.score", lang),
                scale=alt.Scale(zero=False)),
        x2="max(judge_total):Q",
        tooltip=[entry, alt.Tooltip("min(judge_total):Q", format=",.2f",
                                    title=t("app.chart.lowest_judge", lang)),
                 alt.Tooltip("max(judge_total):Q", format=",.2f",
                             title=t("app.chart.highest_judge", lang))],
    )
    points = alt.Chart(judges).mark_circle(size=45, opacity=0.8).encode(
        y=y,
        x=alt.X("judge_total:Q", scale=alt.Scale(zero=False)),
        color=alt.Color("judge:N", title=t("col.judge", lang),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=260)),
        tooltip=[entry, rank, alt.Tooltip("judge:N", title=t("col.judge", lang)),
                 alt.Tooltip("judge_total_text:N", title=t("app.chart.judge_total", lang))],
    )
    totals = alt.Chart(panel).mark_tick(color="#111111", thickness=3, size=14).encode(
        y=y,
        x=alt.X("total:Q", scale=alt.Scale(zero=False)),
        tooltip=[entry, rank, alt.Tooltip("total_text:N", title=t("col.total", lang)),
                 alt.Tooltip("award:N", title=t("col.award", lang))],
    )
    chart = alt.layer(spread, points, totals).properties(height=alt.Step(ROW_HEIGHT))
    return _finish(chart, lang)


def criteria_heatmap(data: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Entries (rank order) × criteria: the panel's score as a share of the scale's maximum."""
    entries = data.sort_values(["rank", "name"])["label"].drop_duplicates().tolist()
    criteria = (data.sort_values("criterion_order")["criterion"].drop_duplicates().tolist())
    chart = alt.Chart(data).mark_rect().encode(
        x=alt.X("criterion:N", sort=criteria, title=None,
                axis=alt.Axis(labelAngle=-50, labelLimit=240, labelOverlap=False)),
        y=alt.Y("label:N", sort=entries, title=None),
        color=alt.Color("share:Q", title=t("app.chart.share_of_max", lang),
                        scale=alt.Scale(scheme="blues"), legend=alt.Legend(format=".0%")),
        tooltip=[alt.Tooltip("name:N", title=t("col.entry", lang)),
                 alt.Tooltip("criterion:N", title=t("col.criterion", lang)),
                 alt.Tooltip("score_text:N", title=t("app.chart.panel_score", lang)),
                 alt.Tooltip("max_text:N", title=t("app.chart.scale_max", lang)),
                 alt.Tooltip("share_text:N", title=t("app.chart.share_of_max", lang))],
    ).properties(height=alt.Step(ROW_HEIGHT), width=alt.Step(2 * ROW_HEIGHT))
    return _finish(chart, lang)


def judge_distributions(data: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Each judge's totals as ticks, with the judge's mean as a diamond."""
    y = alt.Y("judge:N", title=None)
    judge = alt.Tooltip("judge:N", title=t("col.judge", lang))
    ticks = alt.Chart(data).mark_tick(thickness=2, size=22, opacity=0.7).encode(
        y=y,
        x=alt.X("total:Q", title=t("app.chart.judge_total", lang),
                scale=alt.Scale(zero=False)),
        color=alt.Color("judge:N", legend=None),
        tooltip=[judge, alt.Tooltip("name:N", title=t("col.entry", lang)),
                 alt.Tooltip("total_text:N", title=t("app.chart.judge_total", lang))],
    )
    means = alt.Chart(data).mark_point(shape="diamond", filled=True, size=160,
                                       color="#111111").encode(
        y=y,
        x=alt.X("mean(total):Q"),
        tooltip=[judge, alt.Tooltip("judge_mean_text:N", title=t("app.chart.judge_mean", lang))],
    )
    chart = alt.layer(ticks, means).properties(height=alt.Step(2 * ROW_HEIGHT))
    return _finish(chart, lang)


def coverage_matrix(cells: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Judges × entries: how many of the expected scores each judge gave each entry."""
    entries = cells.sort_values("rank_order")["name"].drop_duplicates().tolist()
    base = alt.Chart(cells).encode(
        x=alt.X("judge:N", title=t("col.judge", lang), axis=alt.Axis(labelAngle=-30,
                                                                    labelLimit=200)),
        y=alt.Y("name:N", sort=entries, title=None),
        tooltip=[alt.Tooltip("judge:N", title=t("col.judge", lang)),
                 alt.Tooltip("name:N", title=t("col.entry", lang)),
                 alt.Tooltip("scored:Q", title=t("app.coverage.scored", lang)),
                 alt.Tooltip("expected:Q", title=t("app.coverage.expected", lang))],
    )
    rects = base.mark_rect(stroke="white").encode(
        color=alt.Color("share:Q", title=t("app.coverage.share", lang),
                        scale=alt.Scale(domain=[0, 1], range=["#d7301f", "#fdd49e", "#31a354"]),
                        legend=alt.Legend(format=".0%")))
    labels = base.mark_text(fontSize=10).encode(text="scored:Q")
    chart = alt.layer(rects, labels).properties(height=alt.Step(ROW_HEIGHT))
    return _finish(chart, lang)


def rank_per_method(data: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Each entry's rank under each method (the official rank first): a line per entry, rank 1
    at the top; a flat line is a rank no method changes."""
    methods = data.sort_values("method_order")["method"].drop_duplicates().tolist()
    x = alt.X("method:N", sort=methods, title=t("app.fair.sens.col.method", lang),
              axis=alt.Axis(labelAngle=-25, labelLimit=200, labelOverlap=False))
    y = alt.Y("rank:Q", title=t("col.rank", lang),
              scale=alt.Scale(reverse=True, zero=False, nice=False),
              axis=alt.Axis(tickMinStep=1, format="d"))
    colour = alt.Color("name:N", title=t("col.entry", lang),
                       legend=alt.Legend(orient="right", labelLimit=300))
    tooltip = [alt.Tooltip("name:N", title=t("col.entry", lang)),
               alt.Tooltip("method:N", title=t("app.fair.sens.col.method", lang)),
               alt.Tooltip("rank_text:N", title=t("col.rank", lang)),
               alt.Tooltip("official_rank:Q", title=t("app.fair.sens.col.official_rank", lang)),
               alt.Tooltip("changed_text:N", title=t("app.fair.sens.col.place_changed", lang))]
    base = alt.Chart(data).encode(x=x, y=y, color=colour, tooltip=tooltip)
    lines = base.mark_line(strokeWidth=2, opacity=0.7)
    points = base.mark_point(filled=True, size=70)
    lowest = int(data["rank"].max()) if len(data) else 1
    chart = alt.layer(lines, points).properties(height=max(320, 28 * lowest))
    return _finish(chart, lang)


def _history_tooltip(lang: str) -> list[alt.Tooltip]:
    return [alt.Tooltip("name:N", title=t("col.entry", lang)),
            alt.Tooltip("year:O", title=t("app.history.year", lang)),
            alt.Tooltip("rank_text:N", title=t("col.rank", lang)),
            alt.Tooltip("total_text:N", title=t("col.total", lang)),
            alt.Tooltip("award:N", title=t("col.award", lang)),
            alt.Tooltip("names_then:N", title=t("app.history.name_then", lang))]


def _history_layers(data: pd.DataFrame, y: alt.Y, lang: str, height: int) -> alt.TopLevelMixin:
    """Lines per entry over the years and a point per year, each line named at its end (no
    legend to cut off); entries not highlighted (``highlight`` False) are faded."""
    faded = alt.condition(alt.datum.highlight, alt.value(0.95), alt.value(0.15))
    base = alt.Chart(data).encode(
        x=alt.X("year:O", title=t("app.history.year", lang), axis=alt.Axis(labelAngle=0)),
        y=y,
        color=alt.Color("name:N", title=t("col.entry", lang), legend=None),
    )
    lines = base.mark_line(strokeWidth=2.5).encode(
        opacity=faded, tooltip=[alt.Tooltip("name:N", title=t("col.entry", lang))])
    points = base.mark_circle(size=80).encode(opacity=faded, tooltip=_history_tooltip(lang))
    ends = base.transform_filter(alt.datum.line_end).mark_text(
        align="left", dx=8, fontSize=12, limit=LABEL_WIDTH - 10).encode(
        text="name:N", opacity=faded, tooltip=_history_tooltip(lang))
    chart = alt.layer(lines, points, ends).properties(
        height=height, padding={"left": 5, "top": 5, "bottom": 5, "right": LABEL_WIDTH})
    return _finish(chart, lang)


def rank_bump(data: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """A bump chart: each entry's rank per year, rank 1 at the top (``data`` from
    :func:`ui.views.history.chart_data`)."""
    lowest = max(int(data["rank"].max()) if data["rank"].notna().any() else 1, 2)
    y = alt.Y("rank:Q", title=t("col.rank", lang),
              scale=alt.Scale(reverse=True, domain=[1, lowest], nice=False, zero=False),
              axis=alt.Axis(values=list(range(1, lowest + 1)), format="d"))
    return _history_layers(data, y, lang, max(MIN_HISTORY_HEIGHT, 24 * lowest))


def total_lines(data: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Each entry's total per year (``data`` from :func:`ui.views.history.chart_data`)."""
    y = alt.Y("total:Q", title=t("col.total", lang), scale=alt.Scale(zero=False))
    return _history_layers(data, y, lang, max(MIN_HISTORY_HEIGHT, 360))
