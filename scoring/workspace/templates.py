"""Judges' templates for a competition, and the rubric files shipped with Juri.

Words used here:
- *template*: the workbook a judge fills in (:func:`scoring.sheets.template.write_template`),
  named after the rubric and the judge (:func:`template_filename`).
- *judge list*: the names typed one per line, as the app's Competition page and the sample's
  ``judges.txt`` give them (:func:`judge_names`).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from scoring.entries import Entries
from scoring.problems import Problem, ProblemsError
from scoring.rubric import Rubric
from scoring.sheets.template import write_template
from scoring.workspace.session import ROOT, SAMPLE_SHEETS

RUBRICS_DIR = ROOT / "rubrics"


def sample_judges() -> list[str]:
    """The judges' names of the sample competition (``judges.txt``), for the template form."""
    path = SAMPLE_SHEETS / "judges.txt"
    if not path.exists():
        return []
    return judge_names(path.read_text(encoding="utf-8"))


def judge_names(text: str) -> list[str]:
    """One name per line; blank lines and ``#`` comments left out, duplicates once."""
    names = [" ".join(line.split()) for line in text.splitlines()]
    names = [n for n in names if n and not n.startswith("#")]
    return list(dict.fromkeys(names))


def rubric_files(directory: Path = RUBRICS_DIR) -> list[Path]:
    """The rubric files shipped in ``rubrics/``, by name."""
    return sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])


def read_rubric_file(name: str, directory: Path = RUBRICS_DIR) -> str:
    """The text of one of the shipped rubric files, chosen by its name only."""
    for path in rubric_files(directory):
        if path.name == name:
            return path.read_text(encoding="utf-8")
    raise KeyError(name)


# --- templates ----------------------------------------------------------------------------


def template_filename(rubric: Rubric, judge: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_ " else "_" for c in judge).strip()
    return f"{rubric.id}_{'_'.join(keep.split()) or 'juri'}.xlsx"


def templates(rubric: Rubric, entries: Entries, judges: Sequence[str]
              ) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    """One template per judge (a template without a name when the list is empty) as
    ``(filename, bytes)``; or no files and the problems that prevent writing them."""
    try:
        return [(template_filename(rubric, judge), write_template(rubric, entries, judge))
                for judge in (judges or [""])], []
    except ProblemsError as exc:
        return [], list(exc.problems)


def zip_files(files: Iterable[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


def templates_zip(rubric: Rubric, entries: Entries, judges: Sequence[str]) -> bytes:
    """One template per judge in a zip (a template without a name when the list is empty)."""
    made, problems = templates(rubric, entries, judges)
    if problems:
        raise ProblemsError(problems)
    return zip_files(made)
