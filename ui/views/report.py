"""The checking report: problems grouped by file, then sheet, for every page that shows one.

Words used here:
- *problem group*: the problems of one file, errors counted apart from warnings, each sheet's
  rows as a display frame of cell, severity, message and code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from scoring.i18n import t
from scoring.problems import Problem


@dataclass(frozen=True)
class ProblemGroup:
    """The problems of one file, by sheet: ``sheets`` maps a sheet ('' = the whole file) to a
    display frame of cell, severity and message."""

    file: str
    n_errors: int
    n_warnings: int
    sheets: dict[str, pd.DataFrame]


def problem_groups(problems: Iterable[Problem], lang: str) -> list[ProblemGroup]:
    """Problems grouped by file, then sheet, errors first; files with errors first."""
    rows = [{"file": p.file, "sheet": p.sheet, "cell": p.cell, "error": p.is_error,
             "severity": t(f"problem.{p.severity}", lang), "message": p.message(lang),
             "code": p.code} for p in problems]
    if not rows:
        return []
    frame = pd.DataFrame(rows)
    groups = []
    for file, part in frame.groupby("file", sort=False):
        by_sheet = {}
        for sheet, rows_of_sheet in part.groupby("sheet", sort=True):
            ordered = rows_of_sheet.sort_values("error", ascending=False, kind="mergesort")
            by_sheet[str(sheet)] = pd.DataFrame({
                t("col.cell", lang): ordered["cell"].to_numpy(),
                t("col.severity", lang): ordered["severity"].to_numpy(),
                t("col.message", lang): ordered["message"].to_numpy(),
                t("col.code", lang): ordered["code"].to_numpy(),
            })
        groups.append(ProblemGroup(str(file), int(part["error"].sum()),
                                   int((~part["error"]).sum()), by_sheet))
    groups.sort(key=lambda g: (g.n_errors == 0, g.file == "", g.file))
    return groups
