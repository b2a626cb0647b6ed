"""Feedback reports (rapor): one page per entry, for every entry, winners or not.

Words used here:
- *criteria group*: a top-level node of the criteria tree that the entry's category uses;
  its figure is the panel's part of the total for that group.
- *category median* and *winner*: the median of a group's figure over the category's ranked
  entries, and the figure of the entry ranked first (the first listed when first is shared).
- *strongest / weakest criteria*: the leaf criteria where the panel's score, as a share of
  the criterion's own scale, is highest / lowest (:data:`SHOWN` of each).
- *last year*: ``previous`` maps an entry id to ``(year, rank, total)`` from the archive;
  without it the report says there is no earlier result.
- *comments*: the judges' written comments on the entry (the template's comment column,
  :func:`scoring.sheets.read_template.comments_of`), a frame with ``entry_id, judge_id,
  comment`` and where each came from. A report shows only its own entry's comments.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping

import pandas as pd

from scoring.documents import facts
from scoring.documents.pdf import DocumentPDF
from scoring.documents.settings import DocumentSettings
from scoring.i18n import DEFAULT_LANGUAGE, format_number, t
from scoring.result import Result

SHOWN = 2
"""How many strongest and weakest criteria a report names."""

Previous = Mapping[str, tuple[int, int, float]]


def group_table(result: Result, entry_id: str, lang: str = DEFAULT_LANGUAGE
                ) -> list[tuple[str, float, float, float]]:
    """``(group, entry's figure, category median, winner's figure)`` per criteria group."""
    row = result.standings[result.standings["entry_id"] == entry_id].iloc[0]
    ranked = result.category(row["category"])
    shares = result.rubric.weight_percentages(row["category"])
    out = []
    for node in result.rubric.criteria:
        if node.id not in shares:
            continue
        out.append((node.label(lang), float(row[node.id]), float(ranked[node.id].median()),
                    float(ranked[node.id].iloc[0])))
    return out


def strongest_weakest(result: Result, entry_id: str, lang: str = DEFAULT_LANGUAGE
                      ) -> tuple[list[str], list[str]]:
    """The names of the :data:`SHOWN` strongest and weakest leaf criteria of the entry."""
    scores = result.panel_scores.set_index("entry_id").loc[entry_id]
    share = {}
    for leaf_id in result.rubric.leaf_ids_for(str(scores["category"])):
        scale = result.rubric.nodes[leaf_id].scale
        if scale is None or pd.isna(scores.get(leaf_id)) or scale.max == scale.min:
            continue
        share[leaf_id] = (float(scores[leaf_id]) - scale.min) / (scale.max - scale.min)
    order = sorted(share, key=lambda leaf: (-share[leaf], leaf))
    label = result.rubric.nodes
    return ([label[i].label(lang) for i in order[:SHOWN]],
            [label[i].label(lang) for i in order[::-1][:SHOWN]])


def feedback_pdf(result: Result, settings: DocumentSettings, entry_id: str,
                 lang: str = DEFAULT_LANGUAGE, *, comments: pd.DataFrame | None = None,
                 previous: Previous | None = None) -> bytes:
    """The feedback report of one entry as PDF bytes."""
    pdf = DocumentPDF(result, settings, lang)
    _page(pdf, result, entry_id, lang, comments, previous or {})
    return pdf.bytes()


def _page(pdf: DocumentPDF, result: Result, entry_id: str, lang: str,
          comments: pd.DataFrame | None, previous: Previous) -> None:
    mine = next(s for c in result.rubric.category_ids for s in facts.standings(result, c, lang)
                if s.entry_id == entry_id)
    category = result.rubric.category(mine.category)
    count = len(result.category(mine.category))
    pdf.add_page()
    pdf.letterhead()
    pdf.title_block(t("documents.feedback.title", lang), result.rubric.label(lang))
    pdf.heading(mine.name, 14)
    pdf.paragraph(t("documents.category", lang, category=category.label(lang)), align="L")
    pdf.paragraph(t("documents.feedback.place", lang, rank=mine.rank, count=count,
                    total=facts.total_text(result, mine.total, lang)), align="L")
    if facts.award_of(mine):
        pdf.paragraph(t("documents.feedback.award", lang, award=facts.award_of(mine)),
                      align="L")
    pdf.heading(t("documents.feedback.groups", lang))
    number = lambda value: format_number(value, lang, facts.decimals(result))  # noqa: E731
    pdf.grid([t(f"documents.feedback.col.{c}", lang) for c in ("group", "own", "median",
                                                                "winner")],
             [(name, number(own), number(median), number(best))
              for name, own, median, best in group_table(result, entry_id, lang)],
             (40, 16, 16, 16), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
    strong, weak = strongest_weakest(result, entry_id, lang)
    pdf.paragraph(t("documents.feedback.strongest", lang, criteria=", ".join(strong)), align="L")
    pdf.paragraph(t("documents.feedback.weakest", lang, criteria=", ".join(weak)), align="L")
    if entry_id in previous:
        year, rank, total = previous[entry_id]
        pdf.paragraph(t("documents.feedback.change", lang, year=year, old_rank=rank,
                        rank=mine.rank, old_total=facts.total_text(result, total, lang),
                        total=facts.total_text(result, mine.total, lang)), align="L")
    else:
        pdf.paragraph(t("documents.feedback.no_history", lang), align="L")
    pdf.heading(t("documents.feedback.comments", lang))
    own = (comments[comments["entry_id"] == entry_id] if comments is not None
           and not comments.empty else pd.DataFrame())
    if own.empty:
        pdf.paragraph(t("documents.feedback.no_comments", lang), align="L")
    for row in own.to_dict("records"):
        judge = pdf.settings.judge(str(row["judge_id"])).name
        pdf.paragraph(f"{judge}: {row['comment']}", align="L")
    pdf.ln(2)
    pdf.paragraph(t("documents.feedback.private", lang), size=8, align="L")


def _file_name(standing: facts.Standing) -> str:
    name = re.sub(r"[^0-9A-Za-z]+", "_", standing.name).strip("_")[:60]
    return f"{standing.category}_{standing.rank:03d}_{name or standing.entry_id}.pdf"


def feedback_zip(result: Result, settings: DocumentSettings, lang: str = DEFAULT_LANGUAGE,
                 *, comments: pd.DataFrame | None = None, previous: Previous | None = None
                 ) -> bytes:
    """Every entry's feedback report, one PDF each, in one zip (dated as the competition)."""
    day = result.rubric.date
    when = (max(day.year, 1980), day.month, day.day, 0, 0, 0) if day else (2000, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for category in result.rubric.category_ids:
            for standing in facts.standings(result, category, lang):
                data = feedback_pdf(result, settings, standing.entry_id, lang,
                                    comments=comments, previous=previous)
                archive.writestr(zipfile.ZipInfo(_file_name(standing), date_time=when), data)
    return out.getvalue()
