"""Berita Acara Penilaian (the minutes of the judging), as PDF and .docx.

Words used here:
- *opening*: the date sentence in words ("Pada hari ini Kamis tanggal tiga puluh …",
  :func:`scoring.documents.terbilang.date_sentence`), the place and the competition.
- *method*: the panel rule, rounding and tie-breaks in plain words, and the criteria groups
  with their weights.
- *signatures*: one block for every judge whose scores made the result (named as the
  settings' ``judges`` give them) and one for the chair of the committee.
"""

from __future__ import annotations

from scoring.documents import blocks as b
from scoring.documents import facts
from scoring.documents.settings import DocumentSettings, Signatory
from scoring.documents.terbilang import date_sentence
from scoring.i18n import DEFAULT_LANGUAGE, format_date, format_number, t
from scoring.result import Result


def _criteria(result: Result, lang: str) -> str:
    rubric = result.rubric
    first = rubric.category_ids[0]
    shares = rubric.weight_percentages(first)
    return "; ".join(f"{node.label(lang)} {format_number(shares[node.id], lang, 0)} %"
                     for node in rubric.criteria if node.id in shares)


def minutes(result: Result, settings: DocumentSettings,
            lang: str = DEFAULT_LANGUAGE) -> b.Draft:
    """The minutes as blocks (rendered by :func:`scoring.documents.blocks.to_pdf`/``to_docx``)."""
    rubric = result.rubric
    doc = b.Draft(result, settings, lang)
    add = doc.blocks.append
    add(b.Letterhead())
    add(b.Title(t("documents.minutes.title", lang), (rubric.label(lang).upper(),)))
    sentence = (date_sentence(rubric.date, lang) if rubric.date
                else t("documents.words.today", lang, date="……………"))
    add(b.Para(t("documents.minutes.opening", lang, sentence=sentence,
                 place=rubric.place or "……………", competition=rubric.label(lang))))
    judges = [settings.judge(j) for j in facts.judges(result)]
    add(b.Heading(t("documents.minutes.judges", lang)))
    for n, judge in enumerate(judges, start=1):
        add(b.Para(f"{n}. {judge.name}" + (f", {judge.title}" if judge.title else ""), "L"))
    add(b.Heading(t("documents.minutes.method", lang)))
    add(b.Para(facts.method_text(result, lang)))
    add(b.Para(t("documents.minutes.criteria", lang, criteria=_criteria(result, lang))))
    add(b.Heading(t("documents.minutes.results", lang)))
    for category in rubric.categories:
        add(b.Para(t("documents.category", lang, category=category.label(lang)), "L",
                   bold=True))
        placed = facts.winners(result, category.id, lang)
        if not placed:
            add(b.Para(t("documents.no_winners", lang)))
            continue
        add(b.Table(tuple(t(f"documents.col.{c}", lang) for c in ("no", "place", "entry",
                                                                   "total")),
                    tuple((str(i), s.place, s.name, facts.total_text(result, s.total, lang))
                          for i, s in enumerate(placed, start=1)),
                    (6, 22, 52, 14), ("LEFT", "LEFT", "LEFT", "RIGHT")))
    for note in facts.tie_notes(result, lang):
        add(b.Para("• " + note, "L"))
    add(b.Para(t("documents.minutes.closing", lang)))
    dated = (t("documents.place_city_date", lang, place=rubric.place or "……………",
               date=format_date(rubric.date, lang)) if rubric.date else "")
    people: list[tuple[str, Signatory]] = [
        (t("documents.judge_n", lang, n=n), judge) for n, judge in enumerate(judges, start=1)]
    chair = settings.chair or Signatory(name="……………………………")
    people.append((t("documents.chair", lang), chair))
    add(b.Signatures(tuple(people), dated=dated, columns=3))
    return doc


