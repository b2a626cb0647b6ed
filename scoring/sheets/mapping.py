"""The mapping: where the scores are in a judge's own workbook, as detected or as confirmed.

A judge's own sheet is read in two steps: :func:`scoring.sheets.detect.detect` finds a
:class:`Mapping` (which sheet holds which layout, which row is the header, which column is
which criterion, which name is which entry, whose scores they are), each item with a
:class:`Confidence`; the organiser looks at it, corrects what needs it, and
:func:`scoring.sheets.detect.read_with_mapping` reads the workbook by it. A confirmed mapping
can be saved as a small YAML file (:func:`mapping_to_yaml`, :func:`mapping_from_yaml`) and
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
import re
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple

import yaml

from scoring.entries import Entries
from scoring.matching import CriterionMatch, MatchResult, fold
from scoring.problems import Problem, error
from scoring.rubric import Rubric
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

    def with_header_row(self, sheet: str, row: int) -> Mapping:
        return self._replace_sheet(sheet, header_row=row)

    def with_layout(self, sheet: str, layout: LayoutName) -> Mapping:
        return self._replace_sheet(sheet, layout=layout)

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

    def skipping(self, sheet: str) -> Mapping:
        return replace(self, skip=(*self.skip, sheet),
                       sheets=tuple(s for s in self.sheets if s.sheet != sheet))

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


# --- YAML ------------------------------------------------------------------------------------


def mapping_to_yaml(mapping: Mapping) -> str:
    """The mapping as the YAML file described in the module's docstring (only decisions are
    written, not detection's confidence: a saved mapping is a confirmed one)."""
    data: dict[str, Any] = {"juri_mapping": FORMAT}
    if mapping.file:
        data["file"] = mapping.file
    if mapping.shape:
        data["shape"] = mapping.shape
    if mapping.judge:
        data["judge"] = mapping.judge
    sheets = []
    for sheet in mapping.sheets:
        item: dict[str, Any] = {"sheet": sheet.sheet, "layout": sheet.layout}
        if sheet.judge is not None and sheet.judge.source in ("label", "sheet", "mapping"):
            item["judge"] = sheet.judge.name
        if sheet.header_row is not None:
            item["header_row"] = sheet.header_row
        columns = {c.column: (c.criterion_id if c.role == "criterion" and c.criterion_id
                              else c.role)
                   for c in sheet.columns
                   if c.role != "criterion" or c.criterion_id or sheet.layout != "recap"}
        if columns:
            item["columns"] = columns
        if sheet.blocks:
            item["blocks"] = [
                {"rows": f"{b.first_row}:{b.last_row}",
                 **({"entry": b.entry_id} if b.entry_id and b.confidence.sure else {})}
                for b in sheet.blocks]
        sheets.append(item)
    if sheets:
        data["sheets"] = sheets
    if mapping.entry_names:
        data["entries"] = dict(mapping.entry_names)
    if mapping.criterion_names:
        data["criteria"] = dict(mapping.criterion_names)
    if mapping.skip:
        data["skip"] = list(mapping.skip)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


_ROWS = re.compile(r"^\s*(\d+)\s*[:\-]\s*(\d+)\s*$")
_TOP_KEYS = {"juri_mapping", "file", "shape", "judge", "sheets", "entries", "criteria", "skip"}
_SHEET_KEYS = {"sheet", "layout", "judge", "header_row", "columns", "blocks"}
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "recap": (("entry", "entry_id"),),
    "long": (("entry", "entry_id"), ("criterion",), ("score",)),
    "form": (("criterion",), ("score",)),
}


class _Collector:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def invalid(self, where: str, reason_id: str, reason_en: str) -> None:
        self.problems.append(error("mapping.invalid", file=self.file, cell=where,
                                   reason_id=reason_id, reason_en=reason_en))


def mapping_from_yaml(text: str, file: str = "<mapping>", rubric: Rubric | None = None,
                      entries: Entries | None = None) -> tuple[Mapping | None, list[Problem]]:
    """Read a mapping file: the Mapping, or None and every problem, each naming its place
    (``sheets[0].columns.D``). With ``rubric`` and ``entries`` the ids are checked too."""
    out = _Collector(file)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = str(getattr(exc, "problem", "") or exc)
        return None, [error("mapping.yaml_syntax", file=file, cell=where, reason=reason)]
    if not isinstance(raw, dict):
        out.invalid("", "isi berkas harus berupa peta kunci: nilai",
                    "the file must be a mapping of key: value")
        return None, out.problems
    for key in raw:
        if key not in _TOP_KEYS:
            out.invalid(str(key), "kunci tidak dikenal", "unknown key")
    version = raw.get("juri_mapping", FORMAT)
    if version != FORMAT:
        out.invalid("juri_mapping", f"versi {version!r} tidak dikenal (harus {FORMAT})",
                    f"unknown version {version!r} (must be {FORMAT})")
    leaf_ids = {leaf.id for leaf in rubric.leaves} if rubric is not None else None
    entry_ids = set(entries.by_id) if entries is not None else None

    file_pattern = _text(raw, "file", out)
    shape = _text(raw, "shape", out)
    judge = _text(raw, "judge", out)
    skip = _texts(raw.get("skip"), "skip", out)
    entry_names = _names(raw.get("entries"), "entries", entry_ids, "mapping.unknown_entry", out)
    criterion_names = _names(raw.get("criteria"), "criteria", leaf_ids,
                             "mapping.unknown_criterion", out)
    sheets: list[SheetMapping] = []
    listed = raw.get("sheets", [])
    if listed is None:
        listed = []
    if not isinstance(listed, list):
        out.invalid("sheets", "harus berupa daftar", "must be a list")
        listed = []
    seen: set[str] = set()
    for index, item in enumerate(listed):
        sheet = _sheet(item, f"sheets[{index}]", leaf_ids, entry_ids, out)
        if sheet is None:
            continue
        if sheet.sheet in seen:
            out.invalid(f"sheets[{index}].sheet", f"lembar {sheet.sheet!r} disebut dua kali",
                        f"sheet {sheet.sheet!r} is listed twice")
        seen.add(sheet.sheet)
        sheets.append(sheet)
    if out.problems:
        return None, out.problems
    return Mapping(tuple(sheets), entry_names, criterion_names, tuple(skip), judge or None,
                   file_pattern, shape), []


def _text(raw: dict, key: str, out: _Collector, where: str = "") -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        out.invalid(where + key, "harus berupa teks", "must be text")
        return ""
    return " ".join(str(value).split())


def _texts(value: Any, where: str, out: _Collector) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        out.invalid(where, "harus berupa daftar teks", "must be a list of texts")
        return []
    return [str(v) for v in value]


def _names(value: Any, where: str, known: set[str] | None, unknown_code: str,
           out: _Collector) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        out.invalid(where, "harus berupa peta nama: id", "must be a mapping of name: id")
        return {}
    names: dict[str, str] = {}
    for name, target in value.items():
        here = f"{where}.{name}"
        if not isinstance(target, (str, int)) or isinstance(target, bool):
            out.invalid(here, "harus berupa id atau ignore", "must be an id or ignore")
            continue
        target = str(target).strip()
        if known is not None and target != IGNORE and target not in known:
            out.problems.append(error(unknown_code, file=out.file, cell=here, id=target))
            continue
        names[str(name)] = target
    return names


def _sheet(item: Any, where: str, leaf_ids: set[str] | None, entry_ids: set[str] | None,
           out: _Collector) -> SheetMapping | None:
    if not isinstance(item, dict):
        out.invalid(where, "harus berupa peta kunci: nilai", "must be a mapping of key: value")
        return None
    for key in item:
        if key not in _SHEET_KEYS:
            out.invalid(f"{where}.{key}", "kunci tidak dikenal", "unknown key")
    name = _text(item, "sheet", out, where + ".")
    if not name:
        out.problems.append(error("mapping.missing_key", file=out.file, cell=f"{where}.sheet"))
    layout = item.get("layout")
    if layout not in LAYOUT_NAMES:
        out.invalid(f"{where}.layout", f"{layout!r} bukan salah satu dari {LAYOUT_NAMES}",
                    f"{layout!r} is not one of {LAYOUT_NAMES}")
        return None
    judge_name = _text(item, "judge", out, where + ".")
    header_row = item.get("header_row")
    if header_row is not None and (isinstance(header_row, bool) or not isinstance(
            header_row, int) or header_row < 1):
        out.invalid(f"{where}.header_row", "harus berupa nomor baris (1, 2, …)",
                    "must be a row number (1, 2, …)")
        header_row = None
    columns = _columns(item.get("columns"), f"{where}.columns", leaf_ids, out)
    blocks = _blocks(item.get("blocks"), f"{where}.blocks", entry_ids, out)
    roles = {c.role for c in columns}
    if layout == "recap" and header_row is None:
        out.problems.append(error("mapping.missing_key", file=out.file,
                                  cell=f"{where}.header_row"))
    for needed in _NEEDS[layout]:
        if not roles & set(needed):
            out.problems.append(error("mapping.incomplete", file=out.file,
                                      cell=f"{where}.columns", layout=layout,
                                      role=" / ".join(needed)))
    if layout == "recap" and not any(c.role == "criterion" for c in columns):
        out.problems.append(error("mapping.incomplete", file=out.file, cell=f"{where}.columns",
                                  layout=layout, role="criterion"))
    return SheetMapping(name, layout, Judge(judge_name, "mapping") if judge_name else None,
                        header_row, tuple(columns), tuple(blocks))


def _columns(value: Any, where: str, leaf_ids: set[str] | None, out: _Collector
             ) -> list[Column]:
    if value is None:
        return []
    if not isinstance(value, dict):
        out.invalid(where, "harus berupa peta kolom: isi (misalnya D: l1_tema)",
                    "must be a mapping of column: content (such as D: l1_tema)")
        return []
    columns: list[Column] = []
    for letter, target in value.items():
        here = f"{where}.{letter}"
        letters = str(letter).strip().upper()
        try:
            if not letters.isalpha() or column_number(letters) > 16384:
                raise ValueError(letters)
        except ValueError:
            out.invalid(here, f"{letter!r} bukan huruf kolom (A, B, …, XFD)",
                        f"{letter!r} is not a column's letters (A, B, …, XFD)")
            continue
        if not isinstance(target, str):
            out.invalid(here, "harus berupa id kriteria atau peran kolom",
                        "must be a criterion id or a column role")
            continue
        target = target.strip()
        if leaf_ids is not None and target in leaf_ids:
            columns.append(Column(letters, "criterion", target))
        elif target in ROLES:
            columns.append(Column(letters, target))
        elif leaf_ids is None:
            columns.append(Column(letters, "criterion", target))
        else:
            out.problems.append(error("mapping.unknown_criterion", file=out.file, cell=here,
                                      id=target))
    return sorted(columns, key=lambda c: c.number)


def _blocks(value: Any, where: str, entry_ids: set[str] | None, out: _Collector
            ) -> list[Block]:
    if value is None:
        return []
    if not isinstance(value, list):
        out.invalid(where, "harus berupa daftar", "must be a list")
        return []
    blocks = []
    for index, item in enumerate(value):
        here = f"{where}[{index}]"
        rows = item.get("rows") if isinstance(item, dict) else None
        found = _ROWS.match(str(rows)) if rows is not None else None
        if not found or int(found.group(1)) > int(found.group(2)) or int(found.group(1)) < 1:
            out.invalid(f"{here}.rows", "harus berupa baris awal:akhir (misalnya \"3:20\")",
                        "must be first:last rows (such as \"3:20\")")
            continue
        entry = item.get("entry")
        entry_id = str(entry).strip() if entry is not None else None
        if entry_id and entry_ids is not None and entry_id != IGNORE and \
                entry_id not in entry_ids:
            out.problems.append(error("mapping.unknown_entry", file=out.file,
                                      cell=f"{here}.entry", id=entry_id))
            continue
        blocks.append(Block(int(found.group(1)), int(found.group(2)), entry_id or None,
                            confidence=CONFIRMED if entry_id else Confidence("none", 0.0)))
    return blocks

