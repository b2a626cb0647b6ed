"""The checking report: problems grouped by file, then sheet, for every page that shows one.

Words used here:
- *problem group*: the problems of one file, errors counted apart from warnings, each sheet's
  rows as a display frame of cell, entry, criterion, severity and message (no internal
  code: codes stay in the downloads).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from scoring.entries import Entries
from scoring.i18n import t
from scoring.problems import Problem
from scoring.rubric import Rubric


@dataclass(frozen=True)
class ProblemGroup:
    """The problems of one file, by sheet: ``sheets`` maps a sheet ('' = the whole file) to a
    display frame of cell, severity and message."""

    file: str
    n_errors: int
    n_warnings: int
    sheets: dict[str, pd.DataFrame]


def entry_of(problem: Problem, entries: Entries | None) -> str:
    """The entry a problem is about, by its official name when the list knows it."""
    params = problem.params
    known = entries.by_id if entries is not None else {}
    for key in ("entry_id", "entry"):
        value = str(params.get(key) or "")
        if value in known:
            return known[value].name
    return str(params.get("name") or params.get("entry") or params.get("entry_id") or "")


def criterion_of(problem: Problem, rubric: Rubric | None, lang: str) -> str:
    """The criterion a problem is about, by its label when the rubric knows it."""
    params = problem.params
    found = str(params.get("criterion_id") or params.get("criterion") or "")
    if rubric is not None and found in rubric.nodes:
        return rubric.nodes[found].label(lang)
    return found


def problem_groups(problems: Iterable[Problem], lang: str, rubric: Rubric | None = None,
                   entries: Entries | None = None) -> list[ProblemGroup]:
    """Problems grouped by file, then sheet, errors first; files with errors first. Each row
    names the cell, the entry and the criterion (by name and label, when the problem is about
    one), the severity and the message; the stable codes stay in the downloads."""
    rows = [{"file": p.file, "sheet": p.sheet, "cell": p.cell, "error": p.is_error,
             "entry": entry_of(p, entries), "criterion": criterion_of(p, rubric, lang),
             "severity": t(f"problem.{p.severity}", lang), "message": p.message(lang)}
            for p in problems]
    if not rows:
        return []
    frame = pd.DataFrame(rows)
    groups = []
    for file, part in frame.groupby("file", sort=False):
        by_sheet = {}
        for sheet, rows_of_sheet in part.groupby("sheet", sort=True):
            ordered = rows_of_sheet.sort_values("error", ascending=False, kind="mergesort")
            shown = {t("col.cell", lang): ordered["cell"].to_numpy()}
            for column in ("entry", "criterion"):
                if ordered[column].astype(bool).any():
                    shown[t(f"col.{column}", lang)] = ordered[column].to_numpy()
            shown[t("col.severity", lang)] = ordered["severity"].to_numpy()
            shown[t("col.message", lang)] = ordered["message"].to_numpy()
            by_sheet[str(sheet)] = pd.DataFrame(shown)
        groups.append(ProblemGroup(str(file), int(part["error"].sum()),
                                   int((~part["error"]).sum()), by_sheet))
    groups.sort(key=lambda g: (g.n_errors == 0, g.file == "", g.file))
    return groups
