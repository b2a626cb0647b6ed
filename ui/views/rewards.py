"""The Rewards (Penghargaan) page's model: the recommended winners per category with the margin
to the next entry, how a tie was broken, ties left for the organisers, and how sure each place
is (probability, rank interval, too close to call, leave-one-judge-out).

Words used here:
- *award*: a place (Juara I …) or a band an entry holds; its *reward* is the rubric's text
  for it and its *amount* the rubric's sum of money (shown as rupiah).
- *document*: a printable output of the result (:mod:`scoring.documents`), one download
  button per kind and format (:class:`DocumentChoice`).
- *figures*: the rank-confidence numbers of :func:`confidence_figures` (the same in every
  language; names and labels come from the result).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from scoring import documents
from scoring.documents.settings import DocumentSettings, load_settings
from scoring.i18n import format_money, format_number, t
from scoring.result import CONFIDENCE_RESAMPLES, Result
from scoring.workspace.session import SAMPLE_RUBRIC
from ui.views.format import column_widths, percent_text


def _tie_of(result: Result, category: str, entry_id: str) -> Any | None:
    for tie in result.ties:
        if tie.category == category and entry_id in tie.entries:
            return tie
    return None


def tie_note(result: Result, category: str, row: Mapping[str, Any], lang: str) -> str:
    """How an entry's tie was broken, in words: "unggul pada nilai Risalah" for an entry a
    tie-break put ahead, "nilai akhir sama; ditentukan oleh …" for the one it put behind."""
    rule = row.get("decided_by") or ""
    if not rule:
        return ""
    label = result.tie_rule_label(rule, lang)
    tie = _tie_of(result, category, str(row["entry_id"]))
    if tie is not None:
        ranks = result.category(category).set_index("entry_id")["rank"]
        lowest = max(int(ranks.get(e, 0)) for e in tie.entries)
        if int(row["rank"]) < lowest:
            return t("tiebreak.ahead", lang, rule=label)
    return t("tiebreak.decided", lang, rule=label)


@dataclass(frozen=True)
class Award:
    """One recommended winner: award (place or band), name, total, margin to the next entry
    in rank order (None for the last), and how a tie was broken."""

    award: str
    name: str
    entry_id: str
    rank: int
    total: float
    total_text: str
    margin: float | None
    margin_text: str
    note: str
    reward: str
    amount: float | None
    """The rubric's sum of money for the award (None when it names none)."""
    amount_text: str
    """The amount as rupiah the reader's way (Rp5.000.000), or ""."""
    shared: bool
    """The entry shares its rank with another (a tie no rule separated)."""


def amount_of(value: object) -> float | None:
    """An award's amount from the standings (NaN or missing: None)."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return float(value)  # type: ignore[arg-type]


def money_text(amount: float | None, lang: str) -> str:
    """Rupiah the reader's way (:func:`scoring.i18n.format_money`), "" for no amount."""
    return "" if amount is None else format_money(amount, lang)


def awards(result: Result, category: str, lang: str) -> list[Award]:
    rows = result.category(category)
    records = rows.to_dict("records")
    out = []
    for i, row in enumerate(records):
        award = row["place"] or row["band"]
        if not award:
            continue
        following = records[i + 1]["total"] if i + 1 < len(records) else None
        margin = None if following is None else float(row["total"]) - float(following)
        out.append(Award(
            award=str(award), name=str(row["name"]), entry_id=str(row["entry_id"]),
            rank=int(row["rank"]), total=float(row["total"]),
            total_text=format_number(row["total"], lang),
            margin=margin, margin_text="–" if margin is None else format_number(margin, lang),
            note=tie_note(result, category, row, lang),
            reward=str(row["reward"] or ""),
            amount=amount_of(row.get("amount")),
            amount_text=money_text(amount_of(row.get("amount")), lang),
            shared=bool(row["tied"]) and not row["decided_by"]))
    return out


def awards_frame(items: Sequence[Award], lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col.award", lang): [a.award for a in items],
        t("col.entry", lang): [a.name for a in items],
        t("col.total", lang): [a.total_text for a in items],
        t("app.rewards.margin", lang): [a.margin_text for a in items],
        t("app.rewards.tie_note", lang): [a.note for a in items],
        t("col.reward", lang): [a.reward for a in items],
        t("app.rewards.amount", lang): [a.amount_text for a in items],
    })


def unresolved_ties(result: Result, category: str, lang: str) -> list[str]:
    """One sentence per tie that no rule separated within the awarded places."""
    rows = result.category(category).set_index("entry_id")
    out = []
    for tie in result.ties:
        if tie.category != category:
            continue
        for group in tie.unresolved:
            awarded = [e for e in group if rows.at[e, "place"] or rows.at[e, "band"]]
            if not awarded:
                continue
            out.append(t("app.rewards.unresolved", lang,
                         names=", ".join(str(rows.at[e, "name"]) for e in group),
                         rank=int(rows.loc[list(group), "rank"].min())))
    return out


def tie_steps(result: Result, category: str, lang: str) -> list[tuple[str, list[str]]]:
    """For each tie in a category: a heading and one line per comparison made, with values."""
    rows = result.category(category).set_index("entry_id")
    out = []
    for tie in result.ties:
        if tie.category != category:
            continue
        names = [str(rows.at[e, "name"]) for e in tie.entries]
        heading = t("app.rewards.tie_heading", lang, rank=tie.rank,
                    total=format_number(rows.at[tie.entries[0], "total"], lang),
                    names=", ".join(names))
        lines = []
        for step in tie.steps:
            values = "; ".join(f"{rows.at[e, 'name']}: {format_number(v, lang)}"
                               for e, v in step.values)
            key = "app.rewards.step_separated" if step.separated else "app.rewards.step_equal"
            lines.append(t(key, lang, rule=result.tie_rule_label(step.rule, lang),
                           values=values))
        if tie.unresolved:
            lines.append(t("app.rewards.step_unresolved", lang))
        out.append((heading, lines))
    return out


# --- how sure each award is ---------------------------------------------------------------


CONFIDENCE_SEED = 0
"""The app's rank-confidence seed, the same as the results workbook's and the JSON's: the same
competition always shows the same figures, on the page and in the exports."""


CONFIDENCE_COLUMNS = ("entry_id", "category", "rank", "p_own_place", "p_awarded", "rank_low",
                      "rank_high", "margin_next", "too_close", "loo_rank_worst",
                      "loo_worst_without", "mc_error", "resamples")


def confidence_figures(result: Result, *, seed: int = CONFIDENCE_SEED,
                       n_resamples: int = CONFIDENCE_RESAMPLES) -> pd.DataFrame:
    """Each ranked entry's rank confidence (:func:`scoring.confidence.confidence_for`, fixed
    seed): :data:`CONFIDENCE_COLUMNS`. Numbers and flags only, the same in every language
    (names and award labels come from the result in the reader's language). Empty when the
    data cannot give them (no result, a single judge)."""
    from scoring.confidence import confidence_for

    empty = pd.DataFrame(columns=list(CONFIDENCE_COLUMNS))
    if not result.ok or result.standings.empty or result.judge_totals.empty:
        return empty
    try:
        frame, _ = confidence_for(result, seed=seed, n_resamples=n_resamples)
    except ValueError:
        return empty
    if frame.empty:
        return empty
    return frame.loc[:, list(CONFIDENCE_COLUMNS)].reset_index(drop=True)


def rank_interval_text(low: float, high: float, lang: str) -> str:
    """"1–2", or "3" when both ends agree."""
    if not (np.isfinite(low) and np.isfinite(high)):
        return "–"
    low_text, high_text = (format_number(int(v), lang, 0) for v in (low, high))
    return low_text if low_text == high_text else f"{low_text}–{high_text}"


@dataclass(frozen=True)
class AwardConfidence:
    """How sure one winner's award is: the probability of truly belonging among the winners
    (``awarded``, which the flag reads), the probability of holding its very place (None for
    an award by band), the rank interval, and whether the place is too close to call."""

    probability: float | None
    probability_text: str
    interval_text: str
    too_close: bool
    warning: str
    """The "too close to call" sentence, or ""."""
    without: str = ""
    """Leave-one-judge-out: the judge without whom the entry ranks lowest, when it then ranks
    below its official rank ("" otherwise)."""
    without_rank: int | None = None
    """Its rank without that judge."""
    falls_out: bool = False
    """Without that judge the entry falls out of the award places."""
    awarded: float | None = None
    """The probability that the entry truly belongs among the award places (``p_awarded``)."""
    awarded_text: str = "–"


def confidence_threshold_text(result: Result, lang: str) -> str:
    return percent_text(result.rubric.confidence.too_close_below, lang)


def confidence_interval_text(lang: str) -> str:
    """The coverage of the rank intervals (90%)."""
    from scoring.confidence import INTERVAL

    return percent_text(INTERVAL, lang)


def threshold_odds_of(result: Result) -> tuple[int, int]:
    """The rubric's flag threshold as odds: (1, 3) for ⅔ ("more than 1 chance in 3 that the
    order differs", :func:`scoring.confidence.threshold_odds`)."""
    from scoring.confidence import threshold_odds

    return threshold_odds(result.rubric.confidence.too_close_below)


def confidence_note(result: Result, lang: str) -> str:
    """What the probabilities and the rank interval mean, in plain words, with the rubric's
    threshold as a percentage and as odds."""
    odds, out_of = threshold_odds_of(result)
    return t("app.fair.conf.note", lang,
             resamples=format_number(CONFIDENCE_RESAMPLES, lang, 0),
             interval=confidence_interval_text(lang),
             threshold=confidence_threshold_text(result, lang), odds=odds, out_of=out_of)


def resampling_footnote(figures: pd.DataFrame, category: str, lang: str) -> str:
    """How many resamples a category took (up to :data:`CONFIDENCE_RESAMPLES`) and how
    precise its probabilities are: the largest Monte Carlo standard error of its entries, in
    percentage points ("" when the figures do not cover the category)."""
    rows = figures[figures["category"] == category] if not figures.empty else figures
    if rows.empty:
        return ""
    error = float(rows["mc_error"].max())
    return t("app.fair.conf.footnote", lang,
             resamples=format_number(int(rows["resamples"].max()), lang, 0),
             most=format_number(CONFIDENCE_RESAMPLES, lang, 0),
             error=format_number(100 * error, lang, 1))


def award_confidence(items: Sequence[Award], figures: pd.DataFrame, result: Result,
                     category: str, lang: str) -> dict[str, AwardConfidence]:
    """For each winner of a category (by entry id) its :class:`AwardConfidence`; winners the
    figures do not cover are left out."""
    if figures.empty:
        return {}
    rows = figures[figures["category"] == category].set_index("entry_id")
    threshold = confidence_threshold_text(result, lang)
    odds, out_of = threshold_odds_of(result)
    n_places = len(result.rubric.awards.for_category(category).places)
    out = {}
    for item in items:
        if item.entry_id not in rows.index:
            continue
        row = rows.loc[item.entry_id]
        p = row["p_own_place"]
        probability = None if pd.isna(p) else float(p)
        awarded = None if probability is None or pd.isna(row["p_awarded"]) \
            else float(row["p_awarded"])
        ranks = rank_interval_text(float(row["rank_low"]), float(row["rank_high"]), lang)
        p_text = percent_text(probability, lang)
        awarded_text = percent_text(awarded, lang)
        too_close = bool(row["too_close"]) and probability is not None
        warning_text = (t("app.fair.conf.too_close", lang, awarded=awarded_text,
                          probability=p_text, threshold=threshold, odds=odds, out_of=out_of)
                        if too_close else "")
        worst = row.get("loo_rank_worst")
        lower = worst is not None and pd.notna(worst) and int(worst) > item.rank
        out[item.entry_id] = AwardConfidence(
            probability, p_text, ranks, too_close, warning_text,
            without=str(row["loo_worst_without"]) if lower else "",
            without_rank=int(worst) if lower else None,
            falls_out=bool(lower and probability is not None and int(worst) > n_places),
            awarded=awarded, awarded_text=awarded_text)
    return out


def awards_confidence_frame(items: Sequence[Award], confidence: Mapping[str, AwardConfidence],
                            lang: str) -> pd.DataFrame:
    """:func:`awards_frame` with, after the margin, each winner's probability of belonging
    among the winners (what the flag reads), of holding its very place, the too-close mark
    and the rank interval."""
    frame = awards_frame(items, lang)
    at = list(frame.columns).index(t("app.rewards.margin", lang)) + 1
    found = [confidence.get(a.entry_id) for a in items]
    frame.insert(at, t("app.fair.col.awarded", lang),
                 [c.awarded_text if c else "–" for c in found])
    frame.insert(at + 1, t("app.fair.col.probability", lang),
                 [c.probability_text if c else "–" for c in found])
    frame.insert(at + 2, t("app.fair.col.too_close", lang),
                 ["⚠ " + t("app.fair.conf.too_close_mark", lang) if c and c.too_close else ""
                  for c in found])
    frame.insert(at + 3, t("app.fair.col.rank_interval", lang),
                 [c.interval_text if c else "–" for c in found])
    return frame


def awards_widths(frame: pd.DataFrame, lang: str) -> dict[str, dict[str, object]]:
    """Widths (pixels) for :func:`awards_confidence_frame` that fit a 1,440-pixel screen
    with the prize and its amount in full; columns not named here are narrow figures."""
    wide = {t(key, lang): width for key, width in (
        ("col.entry", 210), ("app.rewards.tie_note", 150), ("col.reward", 130),
        ("app.rewards.amount", 120), ("col.award", 100), ("app.fair.col.too_close", 110))}
    return column_widths({column: wide.get(column, 80) for column in frame.columns})


# --- the documents -------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentChoice:
    """One download on the Rewards page: a document kind in one of its formats."""

    kind: str
    fmt: str

    def label(self, lang: str) -> str:
        return t("app.rewards.doc.button", lang, document=t(f"app.rewards.doc.{self.kind}", lang),
                 format=self.fmt.upper())

    def file_name(self, result: Result) -> str:
        """The name :func:`scoring.documents.build` gives the file."""
        return f"{result.rubric.id}_{self.kind}.{self.fmt}"


def document_choices() -> list[DocumentChoice]:
    """Every document in every format it is made in (:data:`scoring.documents.FORMATS`)."""
    return [DocumentChoice(kind, fmt) for kind in documents.KINDS
            for fmt in documents.FORMATS[kind]]


def document_settings(rubric_name: str, rubric_text: str) -> DocumentSettings:
    """The settings in ``<rubric>.documents.yaml`` beside a bundled rubric (when the rubric in
    use is that file, unchanged), else the defaults; a broken settings file raises
    :class:`scoring.problems.ProblemsError`."""
    bundled = SAMPLE_RUBRIC.parent / rubric_name
    if (bundled.is_file() and bundled.read_text(encoding="utf-8") == rubric_text):
        return load_settings(bundled.with_suffix(".documents.yaml"))
    return DocumentSettings()


def document(choice: DocumentChoice, result: Result, files: Sequence[tuple[str, bytes]],
             lang: str, settings: DocumentSettings | None = None) -> bytes:
    """The bytes of one document of ``result``; the feedback reports carry the judges'
    comments read from ``files`` (only then are the files read)."""
    comments = (documents.comments_of(files, result.rubric, result.entries)
                if choice.kind == "feedback" else None)
    _, data, _ = documents.build(choice.kind, result, settings, choice.fmt, lang,
                                 comments=comments)
    return data
