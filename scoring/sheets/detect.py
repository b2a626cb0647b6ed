"""Reading judges' own workbooks: find the layout of each sheet, then read it by that mapping.

This is the entry point the app's mapping step and the CLI use:

- :func:`detect` looks at an upload and returns a :class:`DetectedLayout`: the
  :class:`~scoring.sheets.mapping.Mapping` found (which sheet is which layout, the header row,
  which column is which criterion, which name is which entry, whose scores), each item with
  its confidence; the score table read by that mapping; every problem; and the
  :class:`~scoring.sheets.mapping.Confirmation` items a person must decide (names and headings
  that were not sure matches, a form without an entry, a judge named after the file).
- The app shows it; the organiser's answers go into the mapping
  (:meth:`Mapping.resolve <scoring.sheets.mapping.Mapping.resolve>` and the ``with_…``
  methods), and :func:`read_with_mapping` reads the workbook by the corrected mapping.
- :func:`scoring.sheets.mapping_file.mapping_to_yaml` saves a confirmed mapping;
  ``python -m scoring score --mapping mapping.yaml`` reads by it.

Words used here:

- *upload*: the bytes of one file after :func:`scoring.sheets.safety.inspect_bytes` passed
  them, opened once (:class:`Upload`): the openpyxl workbook for an .xlsx (so that our own
  templates are recognised) and, when needed, the :class:`~scoring.sheets.grid.Book`.
- *sheet layout*: a kind of sheet Juri reads without a template, each a
  :class:`SheetLayout` in :data:`SHEET_LAYOUTS` (``long``, ``recap``, ``form``): a detector
  that returns a sheet's mapping (or None) with a *fit* (0–1), and a reader. Each sheet gets
  the layout that fits it best; a new layout is one more entry there.
- *judge source*: where a sheet's judge was found, in this order: a label cell (``Nama
  juri``, ``Juri``, ``Penilai`` … with the name after ``:`` or to its right); the sheet's
  name, unless it says what the sheet is rather than whose (``Rekap``, ``Sheet1``, a
  category or an entry: :func:`scoring.sheets.words.is_generic_sheet_name`); the file's name,
  with a warning (``layout.judge_from_file``). A mapping's judge comes before all three.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from io import BytesIO
from pathlib import PurePath
from typing import TypeVar

import pandas as pd
from openpyxl import Workbook, load_workbook

from scoring import table
from scoring.entries import Entries
from scoring.identity import clean_name, fold, judge_key
from scoring.problems import Problem, error, has_errors, warning
from scoring.rubric import Rubric
from scoring.sheets import forms, long, recap, safety
from scoring.sheets.cells import clean_text
from scoring.sheets.formats.xlsx import not_finite_problems, scan_xlsx, text_problems
from scoring.sheets.grid import Book, Grid, cell_name, load_book
from scoring.sheets.mapping import (
    ASSUMED,
    Confirmation,
    Judge,
    Mapping,
    SheetMapping,
    shape_of,
)
from scoring.sheets.read_template import WorkbookRead, read_template
from scoring.sheets.reading import Context, GivenTotal, Guess, Sink, check_totals
from scoring.sheets.safety import DEFAULT_LIMITS, Limits
from scoring.sheets.words import JUDGE_LABELS, is_generic_sheet_name, label_split, role_of

T = TypeVar("T")

__all__ = [
    "SHEET_LAYOUTS",
    "DetectedLayout",
    "LayoutRead",
    "SheetLayout",
    "Upload",
    "detect",
    "open_upload",
    "read_upload",
    "read_with_mapping",
    "with_book",
    "workbook_shape",
]


@dataclass(frozen=True)
class SheetLayout:
    """A kind of sheet (see the module's words)."""

    name: str
    detect: Callable[[Grid, Context], SheetMapping | None]
    read: Callable[[Grid, SheetMapping, Context, Sink, str], list[GivenTotal]]


SHEET_LAYOUTS: tuple[SheetLayout, ...] = (
    # long first: a long table also has criteria down a column, as a form does
    SheetLayout("long", long.detect, long.read),
    SheetLayout("recap", recap.detect, recap.read),
    SheetLayout("form", forms.detect, forms.read),
)
_BY_NAME = {layout.name: layout for layout in SHEET_LAYOUTS}


@dataclass(frozen=True)
class LayoutRead(WorkbookRead):
    """A :class:`WorkbookRead` of a workbook that is not a template; it may hold several
    judges (a sheet per judge, or a judge column): ``judges`` lists (judge, sheet, cell)."""

    judges: tuple[tuple[str, str, str], ...] = ()
    mapping: Mapping | None = None
    confirmations: tuple[Confirmation, ...] = ()
    guesses: tuple[Guess, ...] = ()
    """Names and headings read by likeness, to show (see :class:`~scoring.sheets.reading.Guess`)."""


@dataclass(frozen=True)
class DetectedLayout:
    """What :func:`detect` found in an upload (see the module's docstring).

    ``layout`` is ``juri-template`` (one of our templates: nothing to map), ``sheets`` (read
    by ``mapping``) or ``refused`` (not readable: see ``problems``).
    """

    layout: str
    mapping: Mapping
    table: pd.DataFrame
    problems: tuple[Problem, ...]
    confirmations: tuple[Confirmation, ...] = ()
    kind: str = ""
    guesses: tuple[Guess, ...] = ()

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.confirmations)


# --- opening ----------------------------------------------------------------------------------


@dataclass
class Upload:
    """One upload opened once (see the module's words); close it when done."""

    data: bytes
    file: str
    kind: str
    limits: Limits = DEFAULT_LIMITS
    workbook: Workbook | None = None
    """The .xlsx opened by openpyxl with cached values (None for other kinds)."""
    _book: tuple[Book | None, list[Problem]] | None = field(default=None, repr=False)

    def book(self) -> tuple[Book | None, list[Problem]]:
        if self._book is None:
            self._book = load_book(self.data, self.file, self.kind, self.limits,
                                   self.workbook)
        return self._book

    def close(self) -> None:
        if self.workbook is not None:
            self.workbook.close()


def open_upload(data: bytes, filename: str, kind: str, limits: Limits = DEFAULT_LIMITS
                ) -> tuple[Upload | None, list[Problem]]:
    """Open bytes that passed the safety check (as ``kind``); None and problems on failure.

    An .xlsx's sheets are counted from the XML stream first, so that no parser builds a sheet
    of a million rows (:func:`scoring.sheets.formats.xlsx.scan_xlsx`).
    """
    if kind != "xlsx":
        return Upload(data, filename, kind, limits), []
    try:
        counts = scan_xlsx(data, limits)
    except safety.MemberError as exc:
        return None, [exc.problem(filename)]
    except Exception as exc:  # a damaged archive is a problem with the file
        return None, [error("file.unreadable", file=filename, reason=str(exc) or
                            type(exc).__name__)]
    problems = [p for part, count in counts.items()
                for p in safety.check_shape(count.rows, 0, limits, file=filename, sheet=part)]
    problems += text_problems(counts, filename, limits) + not_finite_problems(counts, filename)
    if problems:
        return None, problems
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it does not keep (extensions, styles); none of
            # them touches cell values. Macros (.xlsm) are never run: keep_vba is False.
            warnings.simplefilter("ignore")
            workbook = load_workbook(BytesIO(data), data_only=True)
    except Exception as exc:  # any failure to parse the upload is a problem with the file
        reason = str(exc) or type(exc).__name__
        return None, [error("file.unreadable", file=filename, reason=reason[:300])]
    return Upload(data, filename, kind, limits, workbook), []


# --- detecting --------------------------------------------------------------------------------


def _best_layout(grid: Grid, ctx: Context) -> SheetMapping | None:
    found = [m for m in (layout.detect(grid, ctx) for layout in SHEET_LAYOUTS)
             if m is not None]
    if not found:
        return None
    if found[0].layout == "long":
        return found[0]
    return max(found, key=lambda m: m.fit)


def detect_book(book: Book, ctx: Context) -> Mapping:
    """The mapping of every sheet of ``book``; sheets ``ctx.mapping`` maps keep its mapping."""
    given = ctx.mapping
    sheets = []
    for grid in book.grids:
        if grid.name in given.skip:
            continue
        mapped = given.sheet(grid.name)
        if mapped is None and grid.rows:
            mapped = _best_layout(grid, ctx)
        if mapped is None:
            continue
        if mapped.judge is None:
            mapped = replace(mapped, judge=find_judge(grid, mapped, book, ctx))
        sheets.append(mapped)
    mapping = replace(given, sheets=tuple(sheets), file=given.file or book.file)
    return replace(mapping, shape=given.shape or shape_of(book, mapping))


def find_judge(grid: Grid, sheet: SheetMapping, book: Book, ctx: Context) -> Judge:
    """Whose scores a sheet holds (see *judge source* in the module's words)."""
    if ctx.mapping.judge:
        return Judge(ctx.mapping.judge, "mapping")
    labelled = _judge_label(grid, sheet.header_row)
    if labelled is not None:
        return labelled
    if book.kind != "csv" and _names_a_judge(grid.name, ctx):
        return Judge(clean_name(grid.name), "sheet")
    return Judge(clean_name(clean_text(PurePath(book.file).stem or book.file)), "file")


def _judge_label(grid: Grid, header_row: int | None) -> Judge | None:
    for row in grid.row_numbers:
        if row == header_row:
            continue
        for column in sorted(grid.rows[row]):
            value = grid.value(row, column)
            if not isinstance(value, str):
                continue
            label, name = label_split(clean_text(value))
            if label not in JUDGE_LABELS:
                continue
            where = cell_name(row, column)
            if not name:
                name, where = _right_of(grid, row, column)
            name = clean_name(name)
            if name and role_of(name) is None and len(name) <= 100:
                return Judge(name, "label", where)
    return None


def _right_of(grid: Grid, row: int, column: int) -> tuple[str, str]:
    for right in range(column + 1, column + 6):
        value = grid.value(row, right)
        if isinstance(value, str) and clean_text(value).strip(": "):
            return clean_text(value).lstrip(": ").strip(), cell_name(row, right)
    return "", ""


def _names_a_judge(name: str, ctx: Context) -> bool:
    """False for a sheet name that says what the sheet is (see the module's words)."""
    if is_generic_sheet_name(name):
        return False
    key = fold(name)
    if any(key in (fold(c.id), fold(c.name), fold(c.label("en"))) for c in
           ctx.rubric.categories):
        return False
    entry_id, confidence = ctx.entry(name)
    return entry_id is None and confidence.status == "none"


# --- reading ----------------------------------------------------------------------------------


def read_book(book: Book, mapping: Mapping, ctx: Context) -> LayoutRead:
    """Read ``book`` by ``mapping``: every score and every problem."""
    sink = Sink(book.file)
    given: list[GivenTotal] = []
    judges: dict[str, tuple[str, str, str]] = {}
    mapped = set()
    for sheet in mapping.sheets:
        grid = book.by_name.get(sheet.sheet)
        if grid is None:
            sink.problems.append(error("mapping.sheet_missing", file=book.file,
                                       sheet=sheet.sheet, sheet_name=sheet.sheet))
            continue
        mapped.add(grid.name)
        judge = sheet.judge or find_judge(grid, sheet, book, ctx)
        before = len(sink.rows.get("score", []))
        fallbacks = sink.judge_fallbacks
        given += _BY_NAME[sheet.layout].read(grid, sheet, ctx, sink, judge.name)
        # a judge column names the judge of every row that has one: the file's name is
        # only used (and said) for rows without, even when a column's name equals it
        if judge.source == "file" and (not sheet.with_role("judge")
                                       or sink.judge_fallbacks > fallbacks):
            sink.problems.append(warning("layout.judge_from_file", file=book.file,
                                         sheet=grid.name, judge=judge.name))
            sink.unsure("judge", grid.name, "", judge.name, ASSUMED)
        if grid.hidden and len(sink.rows.get("score", [])) > before:
            sink.problems.append(warning("layout.hidden_sheet", file=book.file,
                                         sheet=grid.name, sheet_name=grid.name))
        judges.setdefault(judge_key(judge.name), (judge.name, grid.name, judge.cell))
    for grid in book.grids:
        if grid.name in mapped or grid.name in mapping.skip or not grid.rows:
            continue
        if any(isinstance(v, (int, float)) and not isinstance(v, bool)
               for cells in grid.rows.values() for v in cells.values()):
            sink.problems.append(warning("layout.sheet_not_read", file=book.file,
                                         sheet=grid.name, sheet_name=grid.name))
    if not mapped:
        sink.problems.append(error("layout.unrecognised", file=book.file))
    scores = sink.table()
    problems = [*sink.problems, *check_totals(given, scores, ctx)]
    if mapping.shape and mapped and shape_of(book, mapping) != mapping.shape:
        problems.append(warning("mapping.shape_changed", file=book.file,
                                expected=mapping.shape, found=shape_of(book, mapping)))
    # every judge whose scores were read, also those named in a judge column
    in_table: dict[str, tuple[str, str, str]] = {}
    for name, sheet in scores[["judge_id", "source_sheet"]].drop_duplicates().itertuples(
            index=False):
        known = judges.get(judge_key(name))
        in_table.setdefault(judge_key(name), known or (name, sheet, ""))
    listed = tuple(in_table.values()) if in_table else tuple(judges.values())
    single = listed[0] if len(listed) == 1 else ("", "", "")
    return LayoutRead(scores, tuple(problems), *single, judges=listed, mapping=mapping,
                      confirmations=tuple(sink.confirmations.values()),
                      guesses=tuple(ctx.guesses(scores)))


def read_upload(upload: Upload, *, rubric: Rubric, entries: Entries,
                mapping: Mapping | None = None) -> LayoutRead:
    """Detect (sheets ``mapping`` does not map) and read an opened upload."""
    book, problems = upload.book()
    if book is None:
        return LayoutRead(table.empty(), tuple(problems))
    ctx = Context(rubric, entries, mapping, file=upload.file, kind=book.kind,
                  limits=upload.limits)
    detected = detect_book(book, ctx)
    result = read_book(book, detected, ctx)
    if problems:
        # a sheet refused on loading (too large) says why: "no sheet recognised" would not
        kept = tuple(p for p in result.problems
                     if not (p.code == "layout.unrecognised" and has_errors(problems)))
        result = replace(result, problems=(*problems, *kept))
    return result


def detect(data: bytes, filename: str, rubric: Rubric, entries: Entries, *,
           mapping: Mapping | None = None, limits: Limits = DEFAULT_LIMITS) -> DetectedLayout:
    """What an upload holds and how to read it (see the module's docstring).

    ``mapping`` (a saved one, or the organiser's answers so far) is kept for the sheets and
    names it covers; the rest is detected.
    """
    inspection = safety.inspect_bytes(data, filename, limits)
    if not inspection.ok:
        return DetectedLayout("refused", Mapping(file=filename), table.empty(),
                              inspection.problems, kind=inspection.kind)
    template = (read_template(data, file=filename, rubric=rubric, entries=entries,
                              limits=limits) if inspection.kind == "xlsx" else None)
    if template is not None:
        return DetectedLayout("juri-template", Mapping(file=filename), template.table,
                              template.problems, kind=inspection.kind)
    upload, problems = open_upload(data, filename, inspection.kind, limits)
    if upload is None:
        return DetectedLayout("refused", Mapping(file=filename), table.empty(),
                              tuple(problems), kind=inspection.kind)
    try:
        result = read_upload(upload, rubric=rubric, entries=entries, mapping=mapping)
    finally:
        upload.close()
    layout = "sheets" if result.mapping is not None and result.mapping.sheets else "refused"
    return DetectedLayout(layout, result.mapping or Mapping(file=filename), result.table,
                          result.problems, result.confirmations, inspection.kind,
                          result.guesses)


def read_with_mapping(data: bytes, filename: str, mapping: Mapping, rubric: Rubric,
                      entries: Entries, *, limits: Limits = DEFAULT_LIMITS
                      ) -> tuple[pd.DataFrame, list[Problem]]:
    """Read an upload by a (confirmed) mapping: the score table and every problem.

    Sheets the mapping does not list (nor skip) are detected as usual, so a mapping may cover
    only what needed a decision.
    """
    found = detect(data, filename, rubric, entries, mapping=mapping, limits=limits)
    return found.table, list(found.problems)


def with_book(data: bytes, filename: str, action: Callable[[Book], T], *,
              limits: Limits = DEFAULT_LIMITS) -> T | None:
    """``action(book)`` on the workbook in ``data`` (None when it cannot be opened: its
    problems are reported by the readers)."""
    inspection = safety.inspect_bytes(data, filename, limits)
    if not inspection.ok:
        return None
    upload, _ = open_upload(data, filename, inspection.kind, limits)
    if upload is None:
        return None
    try:
        book, _ = upload.book()
        return action(book) if book is not None else None
    finally:
        upload.close()


def workbook_shape(data: bytes, filename: str, mapping: Mapping, *,
                   limits: Limits = DEFAULT_LIMITS) -> str | None:
    """The shape signature of an upload read by ``mapping`` (None when it cannot be read):
    equal to ``mapping.shape`` when the mapping fits this workbook's structure."""
    return with_book(data, filename, lambda book: shape_of(book, mapping), limits=limits)
