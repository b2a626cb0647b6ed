"""The decree annex: "LAMPIRAN KEPUTUSAN WALI KOTA …", the winners list the legal office puts
under the mayor's decree, as .docx (to edit) and PDF.

Words used here:
- *decree fields*: number, date and subject from the settings' ``decree``; an empty one is
  printed as dots for the legal office to fill in.
- *winners table*: per category every entry with a place, its amount in figures and in words
  (terbilang); a shared place (juara kembar) is named so, with the amount the rubric's award
  rules give it.
"""

from __future__ import annotations

from scoring.documents import blocks as b
from scoring.documents import facts
from scoring.documents.settings import DocumentSettings, Signatory
from scoring.documents.terbilang import rupiah_words
from scoring.i18n import DEFAULT_LANGUAGE, format_date, t
from scoring.result import Result


def annex(result: Result, settings: DocumentSettings, lang: str = DEFAULT_LANGUAGE
          ) -> b.Draft:
    """The annex as blocks (rendered by :func:`scoring.documents.blocks.to_docx` or ``to_pdf``)."""
    decree = settings.decree
    blank = t("documents.annex.blank", lang)
    doc = b.Draft(result, settings, lang)
    add = doc.blocks.append
    add(b.Para(t("documents.annex.heading", lang, authority=decree.authority.upper()), "L",
               bold=True))
    add(b.Fields((
        (t("documents.annex.number", lang), decree.number or blank),
        (t("documents.annex.date", lang),
         format_date(decree.date, lang) if decree.date else blank),
        (t("documents.annex.about", lang), decree.about or result.rubric.label(lang).upper()),
    )))
    add(b.Title(result.rubric.label(lang).upper()))
    for category in result.rubric.categories:
        add(b.Heading(t("documents.category", lang, category=category.label(lang))))
        placed = facts.winners(result, category.id, lang)
        if not placed:
            add(b.Para(t("documents.no_winners", lang)))
            continue
        add(b.Table(
            tuple(t(f"documents.col.{c}", lang)
                  for c in ("no", "place", "entry", "total", "amount", "amount_words")),
            tuple((str(i), s.place, s.name, facts.total_text(result, s.total, lang),
                   facts.money(s.amount, lang),
                   rupiah_words(s.amount, lang) if s.amount is not None else "–")
                  for i, s in enumerate(placed, start=1)),
            (5, 17, 30, 9, 15, 28), ("LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT", "LEFT")))
    signer = decree.signatory or Signatory(name="……………………………")
    add(b.Signatures(((decree.authority.upper(), signer),), columns=2))
    return doc


