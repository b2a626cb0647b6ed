"""Certificates (piagam): one landscape A4 page per entry with a place, all in one PDF.

Words used here:
- *certificate template*: the settings' ``certificate`` (title and the sentence under the
  recipient with ``{place}``, ``{category}``, ``{competition}``, ``{year}``); the recipient is
  the entry's official name. A shared place says so ("Juara II (juara kembar)").
- *signatory*: the settings' ``certificate_signatory``, else the chair of the committee.
"""

from __future__ import annotations

from fpdf.enums import XPos, YPos

from scoring.documents import facts
from scoring.documents.pdf import FAMILY, DocumentPDF
from scoring.documents.settings import DocumentSettings, Signatory
from scoring.i18n import DEFAULT_LANGUAGE, format_date, t
from scoring.result import Result


def certificates(result: Result, settings: DocumentSettings,
                 lang: str = DEFAULT_LANGUAGE) -> bytes:
    """Every winner's certificate as one PDF (one page each; no page without a winner)."""
    rubric = result.rubric
    pdf = DocumentPDF(result, settings, lang, landscape=True, footer=False)
    pdf.set_auto_page_break(False)
    template = settings.certificate
    signer = settings.certificate_signatory or settings.chair or Signatory(name="……………………")
    year = rubric.year or (rubric.date.year if rubric.date else "")
    for category in rubric.categories:
        for winner in facts.winners(result, category.id, lang):
            pdf.add_page()
            pdf.set_draw_color(47, 111, 176)
            pdf.set_line_width(1.2)
            pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)
            pdf.set_line_width(0.3)
            pdf.rect(11, 11, pdf.w - 22, pdf.h - 22)
            pdf.set_draw_color(0)
            pdf.set_y(16)
            pdf.letterhead()
            pdf.set_font(FAMILY, "B", 28)
            pdf.cell(0, 14, template.title.upper(), align="C", new_x=XPos.LMARGIN,
                     new_y=YPos.NEXT)
            pdf.set_font(FAMILY, size=13)
            pdf.cell(0, 9, t("documents.certificate.for", lang), align="C",
                     new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_font(FAMILY, "B", 22)
            pdf.multi_cell(0, 11, winner.name, align="C", new_x=XPos.LMARGIN,
                           new_y=YPos.NEXT)
            pdf.ln(2)
            pdf.set_font(FAMILY, size=13)
            pdf.multi_cell(0, 7, template.text.format(
                place=winner.place, category=category.label(lang),
                competition=rubric.label(lang), year=year), align="C",
                new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_font(FAMILY, size=11)
            pdf.cell(0, 7, t("documents.col.total", lang) + ": "
                     + facts.total_text(result, winner.total, lang), align="C",
                     new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_y(max(pdf.get_y() + 4, pdf.h - 72))
            dated = (t("documents.place_city_date", lang, place=rubric.place or "……",
                       date=format_date(rubric.date, lang)) if rubric.date else "")
            pdf.signatures([(signer.title, signer.model_copy(update={"title": ""}))],
                           columns=2, dated=dated)
            pdf.set_xy(14, pdf.h - 16)
            pdf.set_font(FAMILY, size=6)
            pdf.set_text_color(120)
            pdf.cell(0, 3, t("documents.fingerprint", lang, fingerprint=result.fingerprint))
            pdf.set_text_color(0)
    if pdf.page_no() == 0:
        pdf.add_page()
        pdf.paragraph(t("documents.no_winners", lang))
    return pdf.bytes()
