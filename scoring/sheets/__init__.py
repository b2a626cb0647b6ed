"""Judges' workbooks in and out: the template writer and the readers of filled workbooks.

Words used here:
- *layout*: a kind of workbook Juri can read. Each layout is a :class:`Layout` in
  :data:`LAYOUTS`: a name, a test that recognises its workbooks and a reader. Reading tries
  them in order; a new layout (another organiser's own sheet, say) is one more entry there.
- *reader*: a function ``(workbook, *, data, file, rubric, entries) -> WorkbookRead`` that
  returns every score and every problem it finds and never raises on bad input.

:func:`read_workbook` reads one file; :func:`read_many` reads a batch and also reports a judge
who submitted more than one file.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from io import BytesIO

import pandas as pd
from openpyxl import Workbook, load_workbook

from scoring import table
from scoring.entries import Entries
from scoring.problems import Problem, error
from scoring.rubric import Rubric
from scoring.sheets import safety
from scoring.sheets.read_template import WorkbookRead, read_template
from scoring.sheets.template import fill_template, is_template, template_cells, write_template

__all__ = [
    "LAYOUTS",
    "Layout",
    "WorkbookRead",
    "fill_template",
    "read_file",
    "read_many",
    "read_workbook",
    "template_cells",
    "write_template",
]


@dataclass(frozen=True)
class Layout:
    name: str
    detects: Callable[[Workbook], bool]
    read: Callable[..., WorkbookRead]
    """Called as ``read(workbook, data=..., file=..., rubric=..., entries=...)``."""


LAYOUTS: tuple[Layout, ...] = (
    Layout("juri-template", is_template, read_template),
)


def read_workbook(data: bytes, filename: str, rubric: Rubric, entries: Entries
                  ) -> tuple[pd.DataFrame, list[Problem]]:
    """The scores in one uploaded workbook, as a score table, and every problem found."""
    result = _read(data, filename, rubric, entries)
    return result.table, list(result.problems)


def read_file(data: bytes, filename: str, rubric: Rubric, entries: Entries) -> WorkbookRead:
    """One uploaded workbook read in full: its scores, problems and whose they are."""
    return _read(data, filename, rubric, entries)


def read_many(files: Iterable[tuple[str, bytes]], rubric: Rubric, entries: Entries
              ) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``(filename, bytes)`` pairs into one score table, with every problem found.

    A judge (names compared ignoring case and spacing) who appears in more than one file is a
    ``judge.duplicate`` error on each later file, whose scores are then left out of the table
    so that no judge counts twice; which file is right is for the organisers to decide.
    """
    tables: list[pd.DataFrame] = []
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    for filename, data in files:
        result = _read(data, filename, rubric, entries)
        problems.extend(result.problems)
        key = result.judge.casefold()
        if key and key in first_file:
            problems.append(error("judge.duplicate", file=filename, sheet=result.judge_sheet,
                                  cell=result.judge_cell, judge=result.judge,
                                  first_file=first_file[key]))
            continue
        if key:
            first_file[key] = filename
        tables.append(result.table)
    return table.concat(tables), problems


def _read(data: bytes, filename: str, rubric: Rubric, entries: Entries) -> WorkbookRead:
    # the bytes are checked before any parser sees them: parsers decompress whatever they get
    inspection = safety.inspect_bytes(data, filename)
    if not inspection.ok:
        return WorkbookRead.failed(*inspection.problems)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it does not keep (extensions, styles);
            # none of them touches cell values, which is all that is read here.
            warnings.simplefilter("ignore")
            wb = load_workbook(BytesIO(data), data_only=True)
    except Exception as exc:  # any failure to parse the upload is a problem with the file
        reason = str(exc) or type(exc).__name__
        return WorkbookRead.failed(*inspection.problems,
                                   error("file.unreadable", file=filename, reason=reason))
    try:
        for layout in LAYOUTS:
            if layout.detects(wb):
                return layout.read(wb, data=data, file=filename, rubric=rubric,
                                   entries=entries)
        return WorkbookRead.failed(error("template.not_a_template", file=filename))
    finally:
        wb.close()
