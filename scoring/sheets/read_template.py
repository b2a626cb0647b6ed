"""Reading a filled judge template (see :mod:`scoring.sheets.template`) into the score table.

Words used here:
- *score cell*: a cell the template's layout assigns to one (entry, criterion); *non-empty*
  means it holds anything but nothing or spaces.
- *entry row*: a data row the template wrote for an entry; an *added row* is a row below the
  last entry row that the judge filled in.
- *compatible rubric*: the rubric in use has the template's rubric id and, for every category
  sheet, exactly the same criteria with the same scales. A compatible rubric of another
  version or fingerprint is a warning and the scores are read; an incompatible one is an error
  and no score is read, since the cells may not mean what the rubric says.

A *comment* is the text in an entry row's comment cell (templates that have the column): kept
with its file, sheet and cell in :attr:`WorkbookRead.comments` (:data:`COMMENT_COLUMNS`), never
part of the score table; it is for the organisers and that entry's feedback report only.

Every non-empty score cell ends either as a row of the table or inside the ``cell`` of exactly
one problem (a single cell, or a row range such as ``D12:H12`` for a row-level problem).
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from scoring import table
from scoring.entries import Entries
from scoring.i18n import parse_number, t
from scoring.identity import clean_name, id_key, same_judge, same_name
from scoring.problems import Problem, error, warning
from scoring.rubric import Rubric
from scoring.sheets.template import (
    META_SHEET,
    ColumnLayout,
    RowLayout,
    SheetLayout,
    TemplateDamagedError,
    TemplateMeta,
    read_meta,
)

COMMENT_COLUMNS = ("entry_id", "category", "judge_id", "comment", "source_file",
                   "source_sheet", "source_cell")


def no_comments() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="string") for c in COMMENT_COLUMNS})


@dataclass(frozen=True)
class WorkbookRead:
    """What reading one workbook gives: its scores, its problems, and whose they are.

    ``judge`` is the judge id (:func:`scoring.identity.clean_name` of the judge cell), empty
    when unknown; ``judge_sheet`` and ``judge_cell`` say where it was read.
    """

    table: pd.DataFrame
    problems: tuple[Problem, ...]
    judge: str = ""
    judge_sheet: str = ""
    judge_cell: str = ""
    comments: pd.DataFrame = field(default_factory=no_comments)
    """The judges' written comments (:data:`COMMENT_COLUMNS`); empty without any."""

    @classmethod
    def failed(cls, *problems: Problem) -> WorkbookRead:
        return cls(table.empty(), problems)


def read_template(wb: Workbook, *, data: bytes | None, file: str, rubric: Rubric,
                  entries: Entries) -> WorkbookRead:
    """Read a filled template opened with ``data_only=True``; ``data`` is its bytes (used to
    tell a formula without a saved result from an empty cell; None skips that check)."""
    try:
        meta = read_meta(wb)
    except TemplateDamagedError as exc:
        return WorkbookRead.failed(error("template.damaged", file=file, sheet=META_SHEET,
                                         cell=exc.cell, detail=exc.detail))
    problems: list[Problem] = []
    judge = _read_judge(wb, meta, file, problems)

    fits = meta.rubric_id == rubric.id and all(
        _layout_fits(layout, rubric) for layout in meta.sheets)
    same = (meta.rubric_id, meta.rubric_version, meta.rubric_fingerprint) == (
        rubric.id, rubric.version, rubric.fingerprint)
    if not same:
        problems.append(_rubric_mismatch(meta, rubric, file, fits))
    elif not fits:
        # The very rubric the template was made from, yet the recorded layout does not match
        # it: the metadata was changed by hand.
        problems.append(error("template.damaged", file=file, sheet=META_SHEET,
                              detail="layout does not match the rubric"))
    if not fits:
        # The cells may not mean what the rubric says; reading them would be guessing.
        return WorkbookRead(table.empty(), tuple(problems), judge, meta.judge_sheet,
                            meta.judge_cell)

    reader = _SheetReader(file=file, rubric=rubric, entries=entries, judge=judge,
                          formulas=_Formulas(data))
    for layout in meta.sheets:
        if layout.title not in wb.sheetnames:
            problems.append(error("template.sheet_missing", file=file, sheet=layout.title,
                                  sheet_name=layout.title))
            continue
        reader.read(wb[layout.title], layout)
    problems.extend(reader.problems)
    comments = (pd.DataFrame(reader.comments, columns=list(COMMENT_COLUMNS)).astype("string")
                if reader.comments else no_comments())
    return WorkbookRead(table.make(reader.rows), tuple(problems), judge, meta.judge_sheet,
                        meta.judge_cell, comments)


def _read_judge(wb: Workbook, meta: TemplateMeta, file: str, problems: list[Problem]) -> str:
    value = (wb[meta.judge_sheet][meta.judge_cell].value
             if meta.judge_sheet in wb.sheetnames else None)
    judge = clean_name(value)
    where = {"file": file, "sheet": meta.judge_sheet, "cell": meta.judge_cell}
    if not judge:
        problems.append(error("judge.missing_name", **where))
    elif meta.judge and not same_judge(meta.judge, judge):
        problems.append(warning("judge.changed", **where, judge=judge,
                                template_judge=clean_name(meta.judge)))
    return judge


def _rubric_mismatch(meta: TemplateMeta, rubric: Rubric, file: str, fits: bool) -> Problem:
    """A template from another rubric or version: a warning when it still fits, else an error."""
    detail = "template.text.mismatch_read" if fits else "template.text.mismatch_not_read"
    make = warning if fits else error
    return make("template.rubric_mismatch", file=file,
                template_rubric=meta.rubric_id, template_version=meta.rubric_version,
                template_fingerprint=meta.rubric_fingerprint[:12],
                rubric=rubric.id, version=rubric.version, fingerprint=rubric.fingerprint[:12],
                detail_id=t(detail, "id"), detail_en=t(detail, "en"))


def _layout_fits(layout: SheetLayout, rubric: Rubric) -> bool:
    """True when the sheet's columns are exactly the category's criteria, scales unchanged."""
    if layout.category not in rubric.category_ids:
        return False
    ids = [c.criterion_id for c in layout.columns]
    if len(set(ids)) != len(ids) or set(ids) != set(rubric.leaf_ids_for(layout.category)):
        return False
    return all(rubric.nodes[c.criterion_id].scale == c.scale for c in layout.columns)


class _Formulas:
    """The formulas of the workbook, loaded only if an empty-looking score cell needs a look:
    with ``data_only=True`` a formula whose result was never saved (a file written by a
    program that does not calculate) reads as empty, and must not be reported as missing."""

    def __init__(self, data: bytes | None) -> None:
        self._data = data
        self._wb: Workbook | None = None

    def formula(self, sheet: str, coordinate: str) -> str | None:
        if self._data is None:
            return None
        if self._wb is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # as when the workbook was first opened
                self._wb = load_workbook(BytesIO(self._data), data_only=False)
        cell = self._wb[sheet][coordinate]
        if cell.data_type != "f":
            return None
        value = cell.value
        return value if isinstance(value, str) else str(getattr(value, "text", value))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: object) -> str:
    """How a non-number cell value is named in a message."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _as_number(value: object) -> float | None:
    """The number in a score cell, or None. Booleans and dates are not numbers; text is read
    the way judges type it (``85,5`` and ``85.5`` are both 85.5)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        parsed = parse_number(value)
        if parsed is None:
            return None
        number = parsed
    else:
        return None
    # Excel keeps 15 significant digits; a formula such as =0.1*3*100 gives
    # 30.000000000000004, which is 30 to Excel and to the judge.
    return float(f"{number:.15g}")


def _both(value: float) -> dict[str, str]:
    """A number written the Indonesian and the English way, for message parameters."""
    english = f"{value:.15g}"
    return {"id": english.replace(".", ","), "en": english}


def _span(cells: list[Cell]) -> str:
    """``D12`` for one cell, ``D12:H12`` for several in a row."""
    if len(cells) == 1:
        return cells[0].coordinate
    return f"{cells[0].coordinate}:{cells[-1].coordinate}"


@dataclass
class _SheetReader:
    file: str
    rubric: Rubric
    entries: Entries
    judge: str
    formulas: _Formulas

    def __post_init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.comments: list[dict[str, str]] = []
        self.problems: list[Problem] = []
        self.missing: Callable[..., Problem] = (
            error if self.rubric.missing_scores == "error" else warning)

    def read(self, ws: Worksheet, layout: SheetLayout) -> None:
        where = {"file": self.file, "sheet": ws.title}
        for col in layout.columns:
            head = ws[f"{col.column}{layout.header_row}"]
            if clean_name(head.value) != clean_name(col.header):
                self.problems.append(error("template.header_edited", **where,
                                           cell=head.coordinate, found=clean_name(head.value),
                                           expected=col.header))
        for row in layout.rows:
            self._read_entry_row(ws, layout, row)
        # Only rows that hold cells: a stray mark far below must not make us walk (and create)
        # a million empty rows. openpyxl keeps a worksheet's cells in ``_cells``, keyed by
        # (row, column); it has no public way to list them without creating the gaps.
        last = layout.last_data_row
        below = sorted({r for r, _ in ws._cells if r > last})
        for number in below:
            self._read_added_row(ws, layout, number)

    def _score_cells(self, ws: Worksheet, layout: SheetLayout, row: int
                     ) -> list[tuple[ColumnLayout, Cell]]:
        return [(col, ws[f"{col.column}{row}"]) for col in layout.columns]

    def _read_entry_row(self, ws: Worksheet, layout: SheetLayout, row: RowLayout) -> None:
        where = {"file": self.file, "sheet": ws.title}
        cells = self._score_cells(ws, layout, row.row)
        filled = [cell for _, cell in cells if not _blank(cell.value)]
        entry = self.entries.by_id.get(row.entry_id)
        if entry is None or entry.category != layout.category:
            # Written for an entry no longer in the list (or moved to another category): its
            # scores cannot be attributed. Without scores there is nothing to report.
            if filled:
                self.problems.append(error("entry.unknown", **where, cell=_span(filled),
                                           entry=row.entry_id, category=layout.category))
            return

        id_cell = ws[f"{layout.id_column}{row.row}"]
        name_cell = ws[f"{layout.name_column}{row.row}"]
        if id_key(id_cell.value) != id_key(row.entry_id):
            self.problems.append(error("entry.row_edited", **where, cell=id_cell.coordinate,
                                       found=clean_name(id_cell.value), expected=row.entry_id,
                                       entry=row.entry_id))
        elif not same_name(name_cell.value, row.name):
            self.problems.append(error("entry.row_edited", **where, cell=name_cell.coordinate,
                                       found=clean_name(name_cell.value), expected=row.name,
                                       entry=row.entry_id))
        # An edited row is still read (the error blocks the result) so that each score stays
        # visible with its cell while the organisers sort it out.
        if layout.comment_column:
            note = ws[f"{layout.comment_column}{row.row}"]
            if not _blank(note.value):
                self.comments.append({
                    "entry_id": row.entry_id, "category": layout.category,
                    "judge_id": self.judge, "comment": str(note.value).strip(),
                    "source_file": self.file, "source_sheet": ws.title,
                    "source_cell": note.coordinate})

        blanks: list[tuple[ColumnLayout, Cell]] = []
        formulas = 0
        for col, cell in cells:
            leaf = self.rubric.nodes[col.criterion_id]
            about = {"entry": row.entry_id, "criterion": leaf.id,
                     "criterion_name": leaf.name, "criterion_name_en": leaf.label("en")}
            here = {**where, "cell": cell.coordinate}
            if _blank(cell.value):
                formula = self.formulas.formula(ws.title, cell.coordinate)
                if formula is not None:
                    formulas += 1
                    self.problems.append(error("score.formula_no_value", **here, **about,
                                               formula=formula))
                else:
                    blanks.append((col, cell))
                continue
            number = _as_number(cell.value)
            if number is None:
                self.problems.append(error("score.not_a_number", **here, **about,
                                           value=_shown(cell.value)))
                continue
            scale = col.scale
            value, low, high, step = (_both(number), _both(scale.min), _both(scale.max),
                                      _both(scale.step))
            numbers = {"score": number, "value_id": value["id"], "value_en": value["en"],
                       "min_id": low["id"], "min_en": low["en"]}
            if not scale.contains(number):
                self.problems.append(error("score.out_of_range", **here, **about, **numbers,
                                           max_id=high["id"], max_en=high["en"]))
            elif not scale.on_step(number):
                self.problems.append(error("score.off_step", **here, **about, **numbers,
                                           step_id=step["id"], step_en=step["en"]))
            else:
                self.rows.append({
                    "entry_id": row.entry_id, "category": layout.category,
                    "judge_id": self.judge, "criterion_id": leaf.id, "score": number,
                    "source_file": self.file, "source_sheet": ws.title,
                    "source_cell": cell.coordinate})

        if blanks and len(blanks) == len(cells) and not formulas:
            # One problem for an entry the judge left out entirely, not one per criterion.
            self.problems.append(self.missing(
                "entry.not_scored", **where, cell=_span([c for _, c in cells]),
                entry=row.entry_id, name=entry.name))
            return
        for col, cell in blanks:
            leaf = self.rubric.nodes[col.criterion_id]
            self.problems.append(self.missing(
                "score.missing", **where, cell=cell.coordinate, entry=row.entry_id,
                criterion=leaf.id, criterion_name=leaf.name,
                criterion_name_en=leaf.label("en")))

    def _read_added_row(self, ws: Worksheet, layout: SheetLayout, number: int) -> None:
        filled = [cell for _, cell in self._score_cells(ws, layout, number)
                  if not _blank(cell.value)]
        if not filled:
            return
        label = (clean_name(ws[f"{layout.id_column}{number}"].value)
                 or clean_name(ws[f"{layout.name_column}{number}"].value) or f"#{number}")
        self.problems.append(error("entry.unknown", file=self.file, sheet=ws.title,
                                   cell=_span(filled), entry=label, category=layout.category))
