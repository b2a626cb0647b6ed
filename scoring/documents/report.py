"""The results report (PDF): for the mayor and the public record.

Words used here:
- *winners table*: per category the entries with a place: place, entry, total, amount and how
  sure the place is (the seeded rank confidence of :meth:`scoring.result.Result.confidence`:
  the probability the entry keeps its place when the judges are resampled).
- *chart*: the totals of each category as bars (altair, drawn to PNG by vl-convert).
- *appendix*: the full ranking of every category.
- *QR code*: leads to the settings' public results page, or holds the fingerprint.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import vl_convert as vlc

from scoring.confidence import threshold_odds
from scoring.documents import facts
from scoring.documents.pdf import DocumentPDF
from scoring.documents.settings import DocumentSettings
from scoring.i18n import DEFAULT_LANGUAGE, format_number, t
from scoring.result import CONFIDENCE_RESAMPLES, CONFIDENCE_SEED, Result


def _sure(result: Result) -> dict[tuple[str, str], tuple[float, bool]]:
    frame, _ = result.confidence()
    if frame.empty:
        return {}
    return {(r["category"], r["entry_id"]): (float(r["p_own_place"]), bool(r["too_close"]))
            for r in frame.to_dict("records")}


def _sure_text(value: tuple[float, bool] | None, lang: str) -> str:
    if value is None or pd.isna(value[0]):
        return "–"
    text = format_number(100 * value[0], lang, 0) + " %"
    return f"{text} ({t('documents.report.too_close', lang)})" if value[1] else text


def totals_chart(result: Result, category: str, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """A PNG bar chart of the totals of ``category``, best on top."""
    rows = facts.standings(result, category, lang)
    frame = pd.DataFrame({"entry": [s.name for s in rows], "total": [s.total for s in rows],
                          "placed": [bool(s.place) for s in rows]})
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("total:Q", title=t("documents.col.total", lang)),
        y=alt.Y("entry:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("placed:N", legend=None,
                        scale=alt.Scale(domain=[True, False], range=["#2f6fb0", "#b8c7d9"])),
    ).properties(width=420, height=max(60, 14 * len(frame)),
                 title=t("documents.report.chart", lang))
    return vlc.vegalite_to_png(chart.to_json(), scale=2)


def results_report(result: Result, settings: DocumentSettings,
                   lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The results report as PDF bytes."""
    pdf = DocumentPDF(result, settings, lang)
    pdf.add_page()
    pdf.letterhead()
    pdf.title_block(t("documents.report.title", lang), result.rubric.label(lang),
                    facts.held_text(result, lang))
    sure = _sure(result)
    for category in result.rubric.categories:
        pdf.heading(t("documents.category", lang, category=category.label(lang)))
        placed = facts.winners(result, category.id, lang)
        if not placed:
            pdf.paragraph(t("documents.no_winners", lang))
            continue
        rows = [(s.place, s.name, facts.total_text(result, s.total, lang),
                 facts.money(s.amount, lang), _sure_text(sure.get((category.id, s.entry_id)),
                                                         lang))
                for s in placed]
        pdf.grid([t(f"documents.col.{c}", lang) for c in ("place", "entry", "total", "amount",
                                                           "sure")],
                 rows, (22, 40, 14, 18, 16), ("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT"))

    pdf.heading(t("documents.report.method", lang))
    pdf.paragraph(facts.method_text(result, lang))
    for note in facts.tie_notes(result, lang):
        pdf.paragraph("• " + note)
    pdf.heading(t("documents.report.sure", lang))
    threshold = result.rubric.confidence.too_close_below
    odds, out_of = threshold_odds(threshold)
    pdf.paragraph(t("documents.report.sure_text", lang,
                    resamples=format_number(CONFIDENCE_RESAMPLES, lang, 0),
                    seed=CONFIDENCE_SEED, threshold=round(100 * threshold), odds=odds,
                    out_of=out_of))

    top = pdf.get_y()
    if top > pdf.h - 55:
        pdf.add_page()
        top = pdf.get_y()
    pdf.qr(settings.public_url or result.fingerprint, pdf.l_margin, top + 2)
    pdf.set_xy(pdf.l_margin + 28, top + 4)
    pdf.multi_cell(pdf.epw - 28, 5, t("documents.report.verify", lang) + "\n"
                   + t("documents.fingerprint", lang, fingerprint=result.fingerprint)
                   + (f"\n{settings.public_url}" if settings.public_url else ""), align="L")
    pdf.set_y(max(pdf.get_y(), top + 28))
    if settings.chair is not None:
        pdf.signatures([(t("documents.chair", lang), settings.chair)], columns=2)

    for category in result.rubric.categories:
        if not facts.standings(result, category.id, lang):
            continue
        pdf.add_page()
        pdf.heading(t("documents.report.chart", lang) + " · " + category.label(lang))
        pdf.png(totals_chart(result, category.id, lang), width=150)
    pdf.add_page()
    pdf.heading(t("documents.report.appendix", lang), 13)
    for category in result.rubric.categories:
        everyone = facts.standings(result, category.id, lang)
        if not everyone:
            continue
        pdf.heading(t("documents.category", lang, category=category.label(lang)), 11)
        rows = [(f"{s.rank}{'=' if s.tied else ''}", s.name,
                 facts.total_text(result, s.total, lang), facts.award_of(s)) for s in everyone]
        pdf.grid([t(f"documents.col.{c}", lang) for c in ("rank", "entry", "total", "place")],
                 rows, (10, 50, 14, 26), ("RIGHT", "LEFT", "RIGHT", "LEFT"), size=8)
    return pdf.bytes()
