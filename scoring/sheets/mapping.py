"""The mapping: where the scores are in a judge's own workbook, as detected or as confirmed.

A judge's own sheet is read in two steps: :func:`scoring.sheets.detect.detect` finds a
:class:`Mapping` (which sheet holds which layout, which row is the header, which column is
which criterion, which name is which entry, whose scores they are), each item with a
:class:`Confidence`; the organiser looks at it, corrects what needs it, and
:func:`scoring.sheets.detect.read_with_mapping` reads the workbook by it. A confirmed mapping
can be saved as a small YAML file (:mod:`scoring.sheets.mapping_file`) and
reused for the same judge's next workbook of the same *shape*.

Words used here:

- *target*: what an item is mapped to: a leaf criterion's id, an entry's id, a column role
  (:data:`scoring.sheets.words.ROLES`) or :data:`IGNORE` (not read, on purpose).
- *confidence*: how sure detection is of an item: ``exact`` and ``confident`` are taken;
  ``uncertain`` (with candidates) and ``none`` are not, and the item *needs confirmation*;
  ``confirmed`` items come from a person (the app or a mapping file); ``assumed`` items are
  what detection settled on without a name to match (the judge from a file name, a form's
  score column). See :mod:`scoring.matching` for the statuses.
- *shape*: a fingerprint of a workbook's structure, not its scores: its sheet names and the
  texts of each mapped sheet's header row (recap, long) or criterion column (form)
  (:func:`shape_of`). The same judge's next workbook of the same shape can reuse the mapping.

The YAML file (all keys but ``sheets[].sheet`` and ``sheets[].layout`` optional)::

    juri_mapping: 1
    file: "nilai_budi*.xlsx"    # the files it applies to (a name or a pattern); default all
    shape: 5d0c2e9a1b7f         # the shape it was made for: another shape gets a warning
    judge: Dr. Budi Santoso     # whose scores, for every sheet (a sheet's own judge wins)
    sheets:
      - sheet: Rekap
        layout: recap           # recap | form | long
        header_row: 6
        columns: {B: entry, D: l1_tema, E: l2_penyebab, N: total, O: ignore}
      - sheet: Medono
        layout: form
        columns: {B: criterion, D: score}
        blocks:
          - {rows: "3:20", entry: kel-medono}
    entries:                    # names as written -> entry id (or ignore), everywhere
      Dinas Kesehatan Hewan: ignore
    criteria:                   # headings as written -> leaf criterion id (or ignore)
      Kreativitas: yy_kreativitas
    skip: [Petunjuk]            # sheets not to read
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple

from scoring.identity import fold
from scoring.matching import CriterionMatch, MatchResult
from scoring.sheets.grid import Book, column_number
from scoring.sheets.words import ROLES

IGNORE = "ignore"
FORMAT = 1
"""``juri_mapping:`` version of the YAML file."""

Status = Literal["exact", "confident", "uncertain", "none", "confirmed", "assumed"]
LayoutName = Literal["recap", "form", "long"]
LAYOUT_NAMES: tuple[str, ...] = ("recap", "form", "long")
JudgeSource = Literal["label", "sheet", "file", "column", "mapping"]


class Option(NamedTuple):
    """A candidate target: its id, what people call it, and how well it matched (0–100)."""

    id: str
    label: str
    score: float


@dataclass(frozen=True)
class Confidence:
    """How sure an item is (see the module's words)."""

    status: Status = "confirmed"
    score: float = 100.0
    candidates: tuple[Option, ...] = ()

    @property
    def sure(self) -> bool:
        return self.status in ("exact", "confident", "confirmed", "assumed")

    @classmethod
    def of_entry(cls, result: MatchResult) -> Confidence:
        return cls(result.status, round(result.score, 1),
                   tuple(Option(c.entry_id, c.name, round(c.score, 1))
                         for c in result.candidates))

    @classmethod
    def of_criterion(cls, result: CriterionMatch) -> Confidence:
        return cls(result.status, round(result.score, 1),
                   tuple(Option(c.criterion_id, c.label, c.score) for c in result.candidates))


CONFIRMED = Confidence()
ASSUMED = Confidence("assumed")


@dataclass(frozen=True)
class Column:
    """One column of a recap or long sheet, or a form's criterion or score column.

    ``role`` is ``criterion`` with ``criterion_id`` set for a recap's score column, else one of
    :data:`scoring.sheets.words.ROLES`.
    """

    column: str
    role: str
    criterion_id: str | None = None
    header: str = ""
    cell: str = ""
    confidence: Confidence = CONFIRMED

    @property
    def number(self) -> int:
        return column_number(self.column)


@dataclass(frozen=True)
class EntryRow:
    """A row (recap) or a name (long) and the entry it was matched to."""

    row: int
    entry_id: str | None
    text: str
    cell: str
    confidence: Confidence


@dataclass(frozen=True)
class CriterionRow:
    """A form's row and the criterion it was matched to."""

    row: int
    criterion_id: str | None
    text: str
    cell: str
    confidence: Confidence


@dataclass(frozen=True)
class Block:
    """One form: rows ``first_row``..``last_row`` of a sheet, for one entry."""

    first_row: int
    last_row: int
    entry_id: str | None = None
    text: str = ""
    cell: str = ""
    confidence: Confidence = CONFIRMED
    criteria: tuple[CriterionRow, ...] = ()
    """As detected (for showing); reading matches the rows again."""
    total_row: int | None = None


@dataclass(frozen=True)
class Judge:
    """Whose scores a sheet holds, and where that was read."""

    name: str
    source: JudgeSource
    cell: str = ""


@dataclass(frozen=True)
class SheetMapping:
    """How to read one sheet."""

    sheet: str
    layout: LayoutName
    judge: Judge | None = None
    """None: found again when reading (label cell, sheet name, file name)."""
    header_row: int | None = None
    columns: tuple[Column, ...] = ()
    blocks: tuple[Block, ...] = ()
    rows: tuple[EntryRow, ...] = ()
    """As detected (for showing): recap rows or long names; reading matches them again."""
    fit: float = 1.0
    """How well the layout fits the sheet, 0–1 (detection's own measure)."""

    def column(self, letter: str) -> Column | None:
        return next((c for c in self.columns if c.column == letter), None)

    def with_role(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]


@dataclass(frozen=True)
class Confirmation:
    """An item detection is not sure of, for a person to decide (see :meth:`Mapping.resolve`).

    ``kind``: ``entry`` (a name, on any layout), ``criterion`` (a recap column when ``column``
    is set, else a heading on a form or long sheet), ``block`` (a form whose entry was not
    found: ``row`` is its first row) or ``judge`` (a judge named after the file).
    """

    kind: Literal["entry", "criterion", "block", "judge"]
    sheet: str
    cell: str
    text: str
    candidates: tuple[Option, ...] = ()
    column: str = ""
    row: int | None = None

    @property
    def best_guess(self) -> str | None:
        """The answer to preselect: a judge's name as found (the file's name); the first
        candidate when it is alone or strictly ahead of the next; None when two candidates
        tie (``Kreativitas`` of the yel-yel or of the fragmen): a person must choose."""
        if self.kind == "judge":
            return self.text
        if not self.candidates:
            return None
        if len(self.candidates) > 1 and self.candidates[1].score >= self.candidates[0].score:
            return None
        return self.candidates[0].id


@dataclass(frozen=True)
class Mapping:
    """How to read one workbook (see the module's words and YAML format)."""

    sheets: tuple[SheetMapping, ...] = ()
    entry_names: MappingABC[str, str] = field(default_factory=dict)
    criterion_names: MappingABC[str, str] = field(default_factory=dict)
    skip: tuple[str, ...] = ()
    judge: str | None = None
    file: str = ""
    shape: str = ""

    def sheet(self, name: str) -> SheetMapping | None:
        return next((s for s in self.sheets if s.sheet == name), None)

    def applies_to(self, filename: str) -> bool:
        """True when ``file`` is empty, equal to ``filename`` or a pattern matching it."""
        if not self.file:
            return True
        return self.file == filename or fnmatch.fnmatchcase(filename, self.file)

    def entry_name(self, text: str) -> str | None:
        """The entry id (or IGNORE) a person gave for this name, if any."""
        return _lookup(self.entry_names, text)

    def criterion_name(self, text: str) -> str | None:
        return _lookup(self.criterion_names, text)

    # --- corrections: each returns a new mapping ---------------------------------------

    def _replace_sheet(self, name: str, **changes: Any) -> Mapping:
        if self.sheet(name) is None:
            raise KeyError(name)
        sheets = tuple(replace(s, **changes) if s.sheet == name else s for s in self.sheets)
        return replace(self, sheets=sheets)

    def with_entry_name(self, text: str, entry_id: str) -> Mapping:
        """``text`` (wherever it appears) means ``entry_id``, or IGNORE."""
        return replace(self, entry_names={**self.entry_names, text: entry_id})

    def with_criterion_name(self, text: str, criterion_id: str) -> Mapping:
        """The heading ``text`` (on forms and long sheets) means ``criterion_id``, or IGNORE."""
        return replace(self, criterion_names={**self.criterion_names, text: criterion_id})

    def with_column(self, sheet: str, column: str, target: str) -> Mapping:
        """Column ``column`` of ``sheet`` holds ``target``: a leaf criterion id, a role or
        IGNORE (a target that is not a role is taken as a criterion id)."""
        current = self.sheet(sheet)
        if current is None:
            raise KeyError(sheet)
        old = current.column(column)
        role, criterion = (target, None) if target in ROLES else ("criterion", target)
        new = Column(column, role, criterion, old.header if old else "",
                     old.cell if old else "", CONFIRMED)
        columns = (*(c for c in current.columns if c.column != column), new)
        columns = tuple(sorted(columns, key=lambda c: c.number))
        return self._replace_sheet(sheet, columns=columns)


    def with_judge(self, sheet: str | None, name: str) -> Mapping:
        """Whose scores ``sheet`` holds (every sheet when ``sheet`` is None)."""
        if sheet is None:
            sheets = tuple(replace(s, judge=Judge(name, "mapping")) for s in self.sheets)
            return replace(self, judge=name, sheets=sheets)
        return self._replace_sheet(sheet, judge=Judge(name, "mapping"))

    def with_block_entry(self, sheet: str, first_row: int, entry_id: str) -> Mapping:
        current = self.sheet(sheet)
        if current is None:
            raise KeyError(sheet)
        blocks = tuple(replace(b, entry_id=entry_id, confidence=CONFIRMED)
                       if b.first_row == first_row else b for b in current.blocks)
        return self._replace_sheet(sheet, blocks=blocks)


    def resolve(self, item: Confirmation, target: str) -> Mapping:
        """Apply a person's answer to a confirmation: ``target`` is an entry id, a criterion
        id, IGNORE, or (``judge``) the judge's name."""
        if item.kind == "entry":
            return self.with_entry_name(item.text, target)
        if item.kind == "criterion":
            if item.column:
                return self.with_column(item.sheet, item.column, target)
            return self.with_criterion_name(item.text, target)
        if item.kind == "block":
            assert item.row is not None
            return self.with_block_entry(item.sheet, item.row, target)
        return self.with_judge(item.sheet, target)


def _lookup(names: MappingABC[str, str], text: str) -> str | None:
    if not names:
        return None
    if text in names:
        return names[text]
    key = fold(text)
    for name, target in names.items():
        if fold(name) == key:
            return target
    return None


# --- shape ------------------------------------------------------------------------------------


def shape_of(book: Book, mapping: Mapping) -> str:
    """The shape signature of ``book`` read by ``mapping`` (12 hex digits; see the words)."""
    parts: list[Any] = [[grid.name for grid in book.grids]]
    for sheet in mapping.sheets:
        grid = book.by_name.get(sheet.sheet)
        if grid is None:
            parts.append([sheet.sheet, None])
            continue
        if sheet.layout == "form":
            criterion = next((c for c in sheet.columns if c.role == "criterion"), None)
            texts = ([grid.text(r, criterion.number) for r in grid.row_numbers]
                     if criterion else [])
        else:
            row = sheet.header_row or 0
            texts = [grid.text(row, c) for c in sorted(grid.rows.get(row, {}))]
        parts.append([sheet.sheet, sheet.layout, [fold(t) for t in texts if t]])
    canonical = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
