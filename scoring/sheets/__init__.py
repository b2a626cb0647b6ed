"""Judges' workbooks in and out: the template writer and the readers of filled workbooks.

Words used here:
- *layout*: a kind of workbook Juri can read. Each layout is a :class:`Layout` in
  :data:`LAYOUTS`: a name, a test that recognises its workbooks and a reader. Our own
  template is read first, from the bytes (:func:`~.read_template.read_template`), then the
  judges' own workbooks, where each sheet gets the *sheet layout* that fits it (recap, form
  per entry, long table: see :data:`scoring.sheets.detect.SHEET_LAYOUTS`). A new kind of
  workbook is one more entry in either list.
- *reader*: a function ``(upload, *, rubric, entries, mapping) -> WorkbookRead`` that
  returns every score and every problem it finds and never raises on bad input; *upload* is
  the file opened once (:class:`scoring.sheets.detect.Upload`): any of .xlsx, .xlsm, .xls,
  .ods, .xlsb, .csv.
- *mapping*: where the scores are in a judge's own workbook, as detected or as a person
  confirmed it (:mod:`scoring.sheets.mapping`); :func:`detect` finds it,
  :func:`read_with_mapping` reads by it.

:func:`read_workbook` reads one file; :func:`read_many` reads a batch and also reports a judge
who submitted more than one file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from scoring import table
from scoring.entries import Entries
from scoring.identity import judge_key, judge_keys
from scoring.problems import Problem, error
from scoring.rubric import Rubric
from scoring.sheets import safety
from scoring.sheets.detect import (
    DetectedLayout,
    LayoutRead,
    Upload,
    detect,
    open_upload,
    read_upload,
    read_with_mapping,
    workbook_shape,
)
from scoring.sheets.mapping import (
    IGNORE,
    Block,
    Column,
    Confidence,
    Confirmation,
    Judge,
    Mapping,
    Option,
    SheetMapping,
)
from scoring.sheets.mapping_file import mapping_from_yaml, mapping_to_yaml
from scoring.sheets.read_template import WorkbookRead, read_template
from scoring.sheets.template import write_template
from scoring.sheets.template_fill import fill_template, template_cells

__all__ = [
    "IGNORE",
    "LAYOUTS",
    "Block",
    "Column",
    "Confidence",
    "Confirmation",
    "DetectedLayout",
    "Judge",
    "Layout",
    "Mapping",
    "Option",
    "SheetMapping",
    "WorkbookRead",
    "combine_reads",
    "detect",
    "fill_template",
    "judges_in",
    "mapping_for",
    "mapping_from_yaml",
    "mapping_to_yaml",
    "read_file",
    "read_many",
    "read_with_mapping",
    "read_workbook",
    "template_cells",
    "workbook_shape",
    "write_template",
]


@dataclass(frozen=True)
class Layout:
    name: str
    detects: Callable[[Upload], bool]
    read: Callable[..., WorkbookRead]
    """Called as ``read(upload, rubric=..., entries=..., mapping=...)``."""


LAYOUTS: tuple[Layout, ...] = (
    # our own template is read before this, from the bytes (read_template)
    # every other workbook: each sheet's layout is detected (or taken from the mapping)
    Layout("judges-own", lambda upload: True, read_upload),
)


def read_workbook(data: bytes, filename: str, rubric: Rubric, entries: Entries, *,
                  mapping: Mapping | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """The scores in one uploaded workbook, as a score table, and every problem found.

    ``mapping`` (a confirmed one) says how to read a judge's own workbook; without it the
    layout is detected.
    """
    result = _read(data, filename, rubric, entries, mapping)
    return result.table, list(result.problems)


def read_file(data: bytes, filename: str, rubric: Rubric, entries: Entries, *,
              mapping: Mapping | None = None) -> WorkbookRead:
    """One uploaded workbook read in full: its scores, problems and whose they are.

    For a judge's own workbook the result is a :class:`LayoutRead`, whose ``judges`` lists
    every judge found in it (a workbook may hold a sheet per judge).
    """
    return _read(data, filename, rubric, entries, mapping)


def judges_in(read: WorkbookRead) -> tuple[tuple[str, str, str], ...]:
    """``(judge, sheet, cell)`` for every judge whose scores ``read`` holds."""
    if isinstance(read, LayoutRead):
        return read.judges
    return ((read.judge, read.judge_sheet, read.judge_cell),)


def read_many(files: Iterable[tuple[str, bytes]], rubric: Rubric, entries: Entries, *,
              mappings: Sequence[Mapping] = ()) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``(filename, bytes)`` pairs into one score table, with every problem found.

    Each file is read by the first of ``mappings`` that applies to its name
    (:meth:`Mapping.applies_to`), else by detection. A judge (names compared ignoring case
    and spacing) may send several files that score different things (one file per
    category); a later file that scores an entry on a criterion the judge's earlier files
    already scored is a ``judge.duplicate`` error, and that judge's scores in it are then left
    out of the table so that no judge counts twice; which file is right is for the organisers
    to decide.
    """
    return combine_reads((filename, _read(data, filename, rubric, entries,
                                          mapping_for(filename, mappings)))
                         for filename, data in files)


def mapping_for(filename: str, mappings: Sequence[Mapping]) -> Mapping | None:
    """The first of ``mappings`` that applies to ``filename``, if any."""
    return next((m for m in mappings if m.applies_to(filename)), None)


def combine_reads(reads: Iterable[tuple[str, WorkbookRead]]) -> tuple[pd.DataFrame,
                                                                        list[Problem]]:
    """One score table and every problem from files read one by one, in the order given,
    with :func:`read_many`'s rule for a judge found in more than one file."""
    tables: list[pd.DataFrame] = []
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    scored: dict[str, set[tuple[str, str]]] = {}
    for filename, result in reads:
        problems.extend(result.problems)
        judges = judges_in(result)
        scores = result.table
        keys = judge_keys(scores["judge_id"])
        for judge, sheet, cell in judges:
            key = judge_key(judge)
            if key and key in first_file:
                mine = scores[keys == key]
                if scored[key].isdisjoint(zip(mine["entry_id"], mine["criterion_id"],
                                              strict=True)):
                    continue
                problems.append(error("judge.duplicate", file=filename, sheet=sheet,
                                      cell=cell, judge=judge, first_file=first_file[key]))
                scores = scores[judge_keys(scores["judge_id"]) != key]
        kept_keys = judge_keys(scores["judge_id"])
        for judge, _, _ in judges:
            key = judge_key(judge)
            if key:
                first_file.setdefault(key, filename)
                mine = scores[kept_keys == key]
                scored.setdefault(key, set()).update(
                    zip(mine["entry_id"], mine["criterion_id"], strict=True))
        tables.append(scores)
    return table.concat(tables), problems


def _read(data: bytes, filename: str, rubric: Rubric, entries: Entries,
          mapping: Mapping | None = None) -> WorkbookRead:
    # the bytes are checked before any parser sees them: parsers decompress whatever they get
    inspection = safety.inspect_bytes(data, filename)
    if not inspection.ok:
        return WorkbookRead.failed(*inspection.problems)
    if inspection.kind == "xlsx":
        template = read_template(data, file=filename, rubric=rubric, entries=entries)
        if template is not None:
            return template
    upload, problems = open_upload(data, filename, inspection.kind)
    if upload is None:
        return WorkbookRead.failed(*inspection.problems, *problems)
    try:
        for layout in LAYOUTS:
            if layout.detects(upload):
                return layout.read(upload, rubric=rubric, entries=entries, mapping=mapping)
        return WorkbookRead.failed(error("layout.unrecognised", file=filename))
    finally:
        upload.close()
