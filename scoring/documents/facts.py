"""What every document says about the result, worked out once: places, totals and amounts as
they are printed.

Words used here:
- *standing*: one ranked entry as documents show it (:class:`Standing`): rank, name, total,
  its place (award) if any, the amount of that place, and whether the place is *shared*
  (juara kembar: tied with another entry on the same place, no rule separating them).
- *winner*: a standing with a place. Amounts are the standings' own (``amount``), so they
  follow the rubric's award rules, shared places included.
- *decimals*: the rubric's rounding of totals (2 when it does not round), so every document
  prints a total as the workbook does (85,50).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from scoring.documents.workbook import panel_rule_text
from scoring.i18n import DEFAULT_LANGUAGE, format_date, format_number, t
from scoring.result import Result


@dataclass(frozen=True)
class Standing:
    category: str
    rank: int
    tied: bool
    entry_id: str
    name: str
    total: float
    place: str
    """The place as printed, "(juara kembar)" added when shared; empty without a place."""
    amount: float | None
    band: str
    decided_by: str


def decimals(result: Result) -> int:
    """Decimals of a printed total."""
    chosen = result.rubric.rounding.total
    return 2 if chosen is None else chosen


def total_text(result: Result, value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """A total as printed: 85,50."""
    return format_number(value, lang, decimals(result))


def money(amount: float | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Rp10.000.000, or Rp1.250.000,50 with cents; "–" without an amount."""
    if amount is None or pd.isna(amount):
        return t("documents.no_amount", lang)
    whole = float(amount).is_integer()
    return "Rp" + format_number(amount, lang, 0 if whole else 2)


def standings(result: Result, category: str, lang: str = DEFAULT_LANGUAGE) -> list[Standing]:
    """Every ranked entry of ``category`` in rank order."""
    frame = result.category(category)
    if frame.empty:
        return []
    placed = frame[frame["place"] != ""]
    shared_ranks = set(placed.loc[placed["tied"], "rank"])
    out = []
    for row in frame.to_dict("records"):
        place = str(row["place"] or "")
        if place and row["rank"] in shared_ranks:
            place = t("documents.shared_place", lang, place=place)
        amount = row.get("amount")
        out.append(Standing(
            category=category, rank=int(row["rank"]), tied=bool(row["tied"]),
            entry_id=str(row["entry_id"]), name=str(row["name"]),
            total=float(row["total"]), place=place,
            amount=None if amount is None or pd.isna(amount) else float(amount),
            band=str(row["band"] or ""), decided_by=str(row["decided_by"] or "")))
    return out


def winners(result: Result, category: str, lang: str = DEFAULT_LANGUAGE) -> list[Standing]:
    """The entries of ``category`` with a place, in rank order."""
    return [s for s in standings(result, category, lang) if s.place]


def award_of(standing: Standing) -> str:
    """Its place, else its band."""
    return standing.place or standing.band


def held_text(result: Result, lang: str = DEFAULT_LANGUAGE) -> str:
    """"Tanggal: 30 November 2026 · Tempat: Pekalongan" (empty parts as "–")."""
    day = result.rubric.date
    return t("documents.report.held", lang,
             date=format_date(day, lang) if day else "–", place=result.rubric.place or "–")


def method_text(result: Result, lang: str = DEFAULT_LANGUAGE) -> str:
    """The panel rule, rounding and tie-breaks in plain words."""
    rules = [result.tie_rule_label(rule.key, lang) for rule in result.rubric.tie_breaks]
    return t("documents.report.method_text", lang, rule=panel_rule_text(result, lang),
             decimals=decimals(result),
             tie_breaks="; ".join(rules) or t("documents.report.no_tie_breaks", lang))


def tie_notes(result: Result, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """How each tie among the ranked entries was decided, or that it was not."""
    names = {e.id: e.name for e in result.entries}
    notes = []
    for category in result.rubric.category_ids:
        for s in standings(result, category, lang):
            if s.decided_by:
                notes.append(t("documents.report.decided", lang, entry=s.name,
                               rule=result.tie_rule_label(s.decided_by, lang)))
    for tie in result.ties:
        for group in tie.unresolved:
            notes.append(t("documents.report.unresolved", lang,
                           entries=", ".join(names.get(e, e) for e in group)))
    return notes


def judges(result: Result) -> list[str]:
    """The judges whose scores made the result, in order of first appearance."""
    if result.scores.empty:
        return []
    return list(dict.fromkeys(str(j) for j in result.scores["judge_id"]))
