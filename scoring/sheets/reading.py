"""What every layout reader shares: matching names, reading score cells, checking totals.

Words used here:

- *context*: one workbook's reading state (:class:`Context`): the rubric and entries, the
  mapping's confirmed names, and the matchers, built once; names are matched many at a time
  (:meth:`Context.match_entries` calls :meth:`scoring.matching.EntryMatcher.match_many` once
  for every name not seen yet) and remembered.
- *task*: one score cell a layout has attributed to an (entry, criterion, judge)
  (:class:`Task`); its *group* is the cells of one entry as one judge scored it (a recap row,
  a form), used to tell an entry left out entirely from a score left out.
- *given total*: a judge's own total for an entry (a recap's total column, a form's total
  row), checked against the engine's (:func:`check_totals`).

Every task ends as one row of the score table or inside exactly one problem's cell, as in
the template reader: :func:`read_tasks` is where that promise is kept for every layout.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from scoring import table
from scoring.entries import Entries
from scoring.identity import id_key
from scoring.matching import (
    Candidate,
    CriterionCandidate,
    CriterionMatch,
    CriterionMatcher,
    EntryMatcher,
    MatchResult,
    criterion_problem,
    entry_problem,
    heading_core,
)
from scoring.problems import Problem, Severity, error, warning
from scoring.rubric import Rubric
from scoring.sheets import safety
from scoring.sheets.cells import (
    Reading,
    clean_text,
    decimals_shown,
    has_control,
    percent_scaled,
    read_cell,
    shown,
)
from scoring.sheets.grid import Grid, cell_name, cells_of, column_letter, span
from scoring.sheets.mapping import Confidence, Confirmation, Mapping
from scoring.sheets.safety import DEFAULT_LIMITS, Limits
from scoring.totals import TOTAL, node_parts, weight_matrix

MAX_NAME = 200
"""Characters: a longer text is no entry's or criterion's name and is not matched at all
(fuzzy matching costs time in proportion to the length)."""

UNSURE = Confidence("none", 0.0)


def both(value: float) -> dict[str, str]:
    """A number written the Indonesian and the English way, for message parameters."""
    english = f"{value:.15g}"
    return {"id": english.replace(".", ","), "en": english}


class Context:
    """One workbook's reading state (see the module's words)."""

    def __init__(self, rubric: Rubric, entries: Entries, mapping: Mapping | None = None, *,
                 file: str = "", kind: str = "xlsx", limits: Limits = DEFAULT_LIMITS,
                 lang: str = "id") -> None:
        self.rubric, self.entries, self.file, self.kind, self.limits = (
            rubric, entries, file, kind, limits)
        self.mapping = mapping or Mapping()
        noise = (rubric.place,) if rubric.place else ()
        self.entry_matcher = EntryMatcher(entries, noise=noise)
        self.criterion_matcher = CriterionMatcher(rubric, lang)
        self.leaf_ids = frozenset(leaf.id for leaf in rubric.leaves)
        self.category_of = {e.id: e.category for e in entries}
        self.applicable = {c: frozenset(rubric.leaf_ids_for(c)) for c in rubric.category_ids}
        self._ids = {id_key(e.id): e.id for e in entries}
        self._leaf_ids = {id_key(leaf_id): leaf_id for leaf_id in self.leaf_ids}
        self._entries: dict[str, tuple[str | None, Confidence]] = {}
        self._criteria: dict[tuple[str, str], tuple[str | None, str | None, Confidence]] = {}

    # --- entries ---------------------------------------------------------------------------

    def match_entries(self, texts: Iterable[str]) -> None:
        """Match every name not seen yet, all at once."""
        fresh: list[str] = []
        for text in dict.fromkeys(texts):
            if text in self._entries:
                continue
            confirmed = self.mapping.entry_name(text)
            if confirmed is not None:
                self._entries[text] = (confirmed, Confidence())
            elif id_key(text) in self._ids:
                self._entries[text] = (self._ids[id_key(text)], Confidence("exact"))
            elif not text.strip() or len(text) > MAX_NAME:
                self._entries[text] = (None, UNSURE)
            else:
                fresh.append(text)
        if fresh:
            for text, result in zip(fresh, self.entry_matcher.match_many(fresh), strict=True):
                self._entries[text] = (result.entry_id, Confidence.of_entry(result))

    def entry(self, text: str) -> tuple[str | None, Confidence]:
        """The entry id a name means (IGNORE when a person said so), or None, and how sure."""
        if text not in self._entries:
            self.match_entries([text])
        return self._entries[text]

    # --- criteria --------------------------------------------------------------------------

    def criterion(self, text: str, group: str = "") -> tuple[str | None, str | None, Confidence]:
        """(criterion id, ``leaf`` or ``group``, confidence) for a heading; with ``group``
        (the heading of the criteria group above it) tried when the heading alone is not
        sure, so ``Kreativitas`` under ``Yel-yel`` is the yel-yel's."""
        key = (text, group)
        if key in self._criteria:
            return self._criteria[key]
        found = self._criterion(text, group)
        self._criteria[key] = found
        return found

    def _criterion(self, text: str, group: str) -> tuple[str | None, str | None, Confidence]:
        confirmed = self.mapping.criterion_name(text)
        if confirmed is not None:
            kind = "leaf" if confirmed in self.leaf_ids else None
            return confirmed, kind, Confidence()
        if id_key(text) in self._leaf_ids:
            return self._leaf_ids[id_key(text)], "leaf", Confidence("exact")
        if not text.strip() or len(text) > MAX_NAME:
            return None, None, UNSURE
        result = self.criterion_matcher.match(text)
        if not result.matched and group and len(group) <= MAX_NAME:
            combined = self.criterion_matcher.match(f"{group} {heading_core(text)}")
            if combined.matched:
                result = combined
        confidence = Confidence.of_criterion(result)
        return result.criterion_id, result.kind, confidence


    # --- what was matched by likeness ------------------------------------------------------

    def guesses(self, scores: pd.DataFrame) -> list[Guess]:
        """Every name or heading taken by likeness rather than by its exact spelling
        (``confident``), for the entries and criteria the score table holds, once each: the
        organiser is shown each guess that was not asked (see :class:`Guess`)."""
        if scores.empty:
            return []
        used_entries = set(scores["entry_id"].astype(str))
        used_criteria = set(scores["criterion_id"].astype(str))
        found: dict[tuple[str, str], Guess] = {}
        for text, (entry_id, confidence) in self._entries.items():
            if confidence.status == "confident" and entry_id in used_entries:
                found[("entry", text)] = Guess("entry", shown(text), entry_id,
                                               self.entries.by_id[entry_id].name,
                                               confidence.score)
        for (text, _), (criterion_id, _, confidence) in self._criteria.items():
            if confidence.status == "confident" and criterion_id in used_criteria:
                found.setdefault(("criterion", text), Guess(
                    "criterion", shown(text), criterion_id,
                    self.rubric.nodes[criterion_id].name, confidence.score))
        return list(found.values())


class Guess(NamedTuple):
    """A name (``entry``) or heading (``criterion``) read as ``matched`` (id ``target``)
    because it is alike enough (``score``, 0–100), not because it is spelt the same. Shown to
    the organiser (message ``match.entry_fuzzy`` / ``match.criterion_fuzzy``); answering
    it into the mapping makes it confirmed and remembered."""

    kind: str
    written: str
    target: str
    matched: str
    score: float

    def params(self) -> dict[str, str]:
        """The message's parameters."""
        return {"written": self.written, "matched": self.matched, "score": f"{self.score:.0f}"}

    @property
    def code(self) -> str:
        return f"match.{self.kind}_fuzzy"

    def confirm(self, mapping: Mapping) -> Mapping:
        """``mapping`` with this guess as a person's answer: the name or heading as written
        means ``target`` from now on (and is remembered with the mapping)."""
        if self.kind == "entry":
            return mapping.with_entry_name(self.written, self.target)
        return mapping.with_criterion_name(self.written, self.target)


# --- problems for names that are not sure ---------------------------------------------


def entry_problem_of(text: str, confidence: Confidence, *, file: str, sheet: str, cell: str,
                     severity: Severity | None = None) -> Problem:
    """:func:`scoring.matching.entry_problem` for a name matched through a :class:`Context`
    (uncertain: a warning naming the candidates; none: an error)."""
    status = "uncertain" if confidence.status == "uncertain" else "none"
    # the name is quoted in the message: a 30,000-character cell is not repeated whole
    result = MatchResult(None, confidence.score,
                         tuple(Candidate(o.id, o.label, o.score) for o in confidence.candidates),
                         status, shown(text))
    problem = entry_problem(result, file=file, sheet=sheet, cell=cell, severity=severity)
    assert problem is not None
    return problem


def criterion_problem_of(text: str, confidence: Confidence, ctx: Context, *, sheet: str,
                         cell: str, severity: Severity | None = None) -> Problem:
    """:func:`scoring.matching.criterion_problem` for a heading matched through a context."""
    status = "uncertain" if confidence.status == "uncertain" else "none"
    candidates = tuple(
        CriterionCandidate(o.id, o.label, "leaf" if ctx.rubric.nodes[o.id].is_leaf else "group",
                           o.score)
        for o in confidence.candidates if o.id in ctx.rubric.nodes)
    result = CriterionMatch(None, confidence.score, candidates, status, query=shown(text))
    problem = criterion_problem(result, file=ctx.file, sheet=sheet, cell=cell,
                                severity=severity)
    assert problem is not None
    return problem


# --- score cells ------------------------------------------------------------------------------


class Task(NamedTuple):
    """One score cell attributed to an entry, a criterion and a judge (see the words)."""

    row: int
    column: int
    entry_id: str
    criterion_id: str
    judge: str
    group: tuple[Any, ...]


@dataclass
class Sink:
    """What reading one workbook has produced so far."""

    file: str
    rows: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    problems: list[Problem] = field(default_factory=list)
    confirmations: dict[tuple[Any, ...], Confirmation] = field(default_factory=dict)
    judge_fallbacks: int = 0
    """Rows read so far whose judge column was empty, so the sheet's judge was used."""

    def unsure(self, kind: str, sheet: str, cell: str, text: str, confidence: Confidence,
               *, column: str = "", row: int | None = None) -> None:
        """Record an item that was not read for want of a sure match, for a person to
        confirm (names once per sheet, however many rows carry them)."""
        key = (kind, sheet, text if kind != "block" else row, column)
        if key not in self.confirmations:
            self.confirmations[key] = Confirmation(kind, sheet, cell, text,  # type: ignore[arg-type]
                                                   confidence.candidates, column, row)

    def add_row(self, task: Task, category: str, score: float, sheet: str) -> None:
        for name, value in (("entry_id", task.entry_id), ("category", category),
                            ("judge_id", task.judge), ("criterion_id", task.criterion_id),
                            ("score", score), ("source_file", self.file),
                            ("source_sheet", sheet),
                            ("source_cell", cell_name(task.row, task.column))):
            self.rows[name].append(value)

    def table(self) -> pd.DataFrame:
        return table.make(pd.DataFrame(dict(self.rows))) if self.rows else table.empty()


def _about(ctx: Context, task: Task) -> dict[str, str]:
    leaf = ctx.rubric.nodes[task.criterion_id]
    return {"entry": task.entry_id, "entry_name": _entry_name(ctx, task.entry_id),
            "criterion": leaf.id, "criterion_name": leaf.name,
            "criterion_name_en": leaf.label("en")}


def _entry_name(ctx: Context, entry_id: str) -> str:
    """How problems name an entry: its name in the entries list (its id when it has none)."""
    entry = ctx.entries.by_id.get(entry_id)
    return entry.name if entry is not None and entry.name else entry_id


def read_tasks(grid: Grid, tasks: Sequence[Task], ctx: Context, sink: Sink) -> None:
    """Read every task's cell into ``sink``: a score row, or a problem naming the cell.

    Distinct cell values are read once (scores repeat: a recap of 10,000 cells holds a few
    dozen distinct values). An entry whose every applicable cell is empty is one problem
    (``entry.not_scored``) rather than one per cell, as in the template reader.
    """
    where = {"file": ctx.file, "sheet": grid.name}
    missing = error if ctx.rubric.missing_scores == "error" else warning
    readings: dict[tuple[type, Any, str | None], Reading] = {}
    groups: dict[tuple[Any, ...], list[tuple[Task, Reading]]] = defaultdict(list)
    for task in tasks:
        value = grid.value(task.row, task.column)
        fmt = grid.formats.get((task.row, task.column))
        key = (type(value), value, fmt)
        reading = readings.get(key)
        if reading is None:
            reading = readings[key] = read_cell(value, fmt)
        groups[task.group].append((task, reading))

    hidden: list[tuple[int, int]] = []
    scaled: dict[int, list[tuple[Task, Reading, float]]] = defaultdict(list)
    for cells in groups.values():
        first = cells[0][0]
        category = ctx.category_of.get(first.entry_id, "")
        applicable = ctx.applicable.get(category)
        filled = [(t, r) for t, r in cells if r.kind != "blank"]
        blanks = [t for t, r in cells if r.kind == "blank"
                  and (applicable is None or t.criterion_id in applicable)]
        if not filled and blanks:
            entry = ctx.entries.by_id.get(first.entry_id)
            sink.problems.append(missing(
                "entry.not_scored", **where, cell=span((t.row, t.column) for t in blanks),
                entry=first.entry_id, name=entry.name if entry else first.entry_id))
            continue
        for task in blanks:
            sink.problems.append(missing("score.missing", **where,
                                         cell=cell_name(task.row, task.column),
                                         **_about(ctx, task)))
        for task, reading in filled:
            if task.row in grid.hidden_rows or task.column in grid.hidden_columns:
                hidden.append((task.row, task.column))
            here = {**where, "cell": cell_name(task.row, task.column)}
            if reading.kind == "error":
                sink.problems.append(error("cell.error_value", **here, value=reading.shown,
                                           **_about(ctx, task)))
                continue
            if reading.kind == "no_value":
                sink.problems.append(error("score.formula_no_value", **here,
                                           formula=reading.formula, **_about(ctx, task)))
                continue
            if reading.kind != "number" or reading.number is None:
                sink.problems.append(error("score.not_a_number", **here, value=reading.shown,
                                           **_about(ctx, task)))
                continue
            scale = ctx.rubric.nodes[task.criterion_id].scale
            assert scale is not None
            number = reading.number
            bigger = percent_scaled(reading, scale.max)
            if bigger is not None:
                scaled[task.column].append((task, reading, bigger))
                number = bigger
            if not _checked(number, scale, task, here, ctx, sink):
                continue
            sink.add_row(task, category, number, grid.name)

    for column, cells in scaled.items():
        task, reading, bigger = cells[0]
        value = both(bigger)
        sink.problems.append(warning(
            "cell.percent_scaled", **where, cell=span((t.row, t.column) for t, _, _ in cells),
            count=len(cells), example=reading.shown, value_id=value["id"],
            value_en=value["en"], column=column_letter(column)))
    if hidden:
        rows = sorted({r for r, c in hidden if r in grid.hidden_rows})
        columns = sorted({c for r, c in hidden if c in grid.hidden_columns})
        sink.problems.append(warning(
            "cell.hidden", **where, cell=span(hidden),
            rows=", ".join(map(str, rows)) or "–",
            columns=", ".join(column_letter(c) for c in columns) or "–"))


def _checked(number: float, scale: Any, task: Task, here: dict[str, str], ctx: Context,
             sink: Sink) -> bool:
    if scale.contains(number) and scale.on_step(number):
        return True
    value, low, high, step = both(number), both(scale.min), both(scale.max), both(scale.step)
    numbers = {"score": number, "value_id": value["id"], "value_en": value["en"],
               "min_id": low["id"], "min_en": low["en"]}
    if not scale.contains(number):
        sink.problems.append(error("score.out_of_range", **here, **_about(ctx, task), **numbers,
                                   max_id=high["id"], max_en=high["en"]))
    else:
        sink.problems.append(error("score.off_step", **here, **_about(ctx, task), **numbers,
                                   step_id=step["id"], step_en=step["en"]))
    return False


# --- texts read as names ------------------------------------------------------------------


def name_text(grid: Grid, row: int, column: int, ctx: Context, sink: Sink) -> str:
    """A heading, label or name cell's text, cleaned; a problem when it holds more than a cell
    may or control characters (the text is still used, cleaned)."""
    value = grid.filled(row, column)
    if not isinstance(value, str):
        return ""
    where = {"file": ctx.file, "sheet": grid.name, "cell": cell_name(row, column)}
    too_long = safety.check_cell_text(value, ctx.limits, **where)
    if too_long is not None:
        sink.problems.append(too_long)
        return ""
    if has_control(value):
        sink.problems.append(warning("cell.control_characters", **where,
                                     value=clean_text(value)[:60]))
    return clean_text(value)


# --- the judge's own totals ---------------------------------------------------------------


@dataclass(frozen=True)
class GivenTotal:
    """A judge's own total for an entry: where it is, what it says, which cells it sums."""

    entry_id: str
    judge: str
    sheet: str
    cell: str
    value: Any
    number_format: str | None
    cells: str
    """The score cells it should be the total of (a span), named in the warning."""


_KINDS = {"weighted": ("total tertimbang", "weighted total"),
          "sum": ("jumlah biasa", "plain sum"), "mean": ("rata-rata biasa", "plain average")}


def check_totals(given: Sequence[GivenTotal], scores: pd.DataFrame, ctx: Context
                 ) -> list[Problem]:
    """Warnings where a judge's own total differs from what the scores give.

    The engine's figure is the judge's weighted total (:func:`scoring.totals.node_parts`, not
    rounded). Many judges add the scores up (or average them) instead: when most of a sheet's
    totals match a plain sum or mean rather than the weighted total, the sheet gets one
    ``total.unweighted`` warning and its totals are checked as that. A difference beyond
    0.01 plus half a unit of the last decimal the judge shows (86 covers 85.5 to 86.5) is a
    ``total.mismatch``. Entries with a score missing or unreadable are not checked.
    """
    if not given or scores.empty:
        return []
    rubric = ctx.rubric
    leaf_ids = [leaf.id for leaf in rubric.leaves]
    keys = ["entry_id", "category", "judge_id"]
    wide = scores.pivot_table(index=keys, columns="criterion_id", values="score",
                              aggfunc="first", observed=True).reindex(columns=leaf_ids)
    categories = wide.index.get_level_values("category")
    wide = wide[categories.isin(rubric.category_ids)]
    if wide.empty:
        return []
    categories = pd.Series(wide.index.get_level_values("category"), index=wide.index)
    applies = weight_matrix(rubric).reindex(categories.to_numpy()).notna().to_numpy()
    values = np.where(applies, wide.to_numpy(dtype="float64"), np.nan)
    complete = ~(applies & np.isnan(values)).any(axis=1)
    wide = wide[complete]
    if wide.empty:
        return []
    values = values[complete]
    weighted = node_parts(wide, categories[complete], rubric, rounded=False)[TOTAL]
    figures = pd.DataFrame({"weighted": weighted.to_numpy(),
                            "sum": np.nansum(values, axis=1),
                            "mean": np.nanmean(values, axis=1)},
                           index=wide.index.droplevel("category"))

    rows = []
    for item in given:
        reading = read_cell(item.value, item.number_format)
        if reading.number is None or (item.entry_id, item.judge) not in figures.index:
            continue
        decimals = decimals_shown(item.value, item.number_format)
        tolerance = 0.01 + (0.5 * 10.0 ** -decimals if decimals is not None else 0.0)
        rows.append((item, reading.number, tolerance,
                     figures.loc[(item.entry_id, item.judge)]))
    problems: list[Problem] = []
    by_sheet: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_sheet[row[0].sheet].append(row)
    for sheet, found in by_sheet.items():
        given_numbers = np.array([number for _, number, _, _ in found])
        tolerance = np.array([tol for _, _, tol, _ in found])
        fits = {kind: np.abs(given_numbers - np.array([f[kind] for _, _, _, f in found]))
                <= tolerance for kind in _KINDS}
        counts = {kind: int(mask.sum()) for kind, mask in fits.items()}
        kind = "weighted"
        best = max(("sum", "mean"), key=lambda k: counts[k])
        if counts[best] > counts["weighted"]:
            kind = best
            words = _KINDS[kind]
            problems.append(warning("total.unweighted", file=ctx.file, sheet=sheet,
                                    cell=span(_corners(found)), kind_id=words[0],
                                    kind_en=words[1]))
        for (item, number, _, figure), ok in zip(found, fits[kind], strict=True):
            if ok:
                continue
            given_text, expected = both(number), both(round(float(figure[kind]), 4))
            words = _KINDS[kind]
            problems.append(warning(
                "total.mismatch", file=ctx.file, sheet=sheet, cell=item.cell,
                entry=item.entry_id, entry_name=_entry_name(ctx, item.entry_id),
                given_id=given_text["id"], given_en=given_text["en"],
                expected_id=expected["id"], expected_en=expected["en"], cells=item.cells,
                kind_id=words[0], kind_en=words[1]))
    return problems


def _corners(found: Iterable[Any]) -> list[tuple[int, int]]:
    cells: set[tuple[int, int]] = set()
    for item, *_ in found:
        cells |= cells_of(item.cell)
    return sorted(cells)
