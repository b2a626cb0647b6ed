"""Entry inputs: values per entry that are not judged (a difficulty, a deduction, a bonus, an
eligibility yes/no), declared in the rubric (``inputs``) and supplied as a sheet or a CSV.

Words used here:
- *inputs file*: a sheet (the first of a workbook) or a CSV with a header row: a column for
  the entry (its id — ``id``, ``entry_id``, ``kode`` — or its name — ``name``, ``nama``,
  ``peserta``) and one column per input, headed by the input's id or name. Checked like a
  judge's sheet: every problem at once, each with its file, sheet and cell.
- *input frame*: one row per entry (index ``entry_id``), one column per input id, floats;
  NaN where no value was given. A yes/no input is 1 (yes) or 0 (no).
- *needed*: an input a category uses (its formula, a stage's, a gate's, its criteria's
  ``only_if`` and ``convert_times``: :func:`needed`); every entry of that category needs a
  value, or the input's ``default``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from scoring.entries import Entries
from scoring.formula import parse_formula
from scoring.identity import fold, id_key
from scoring.matching import entry_problem, match_entry
from scoring.problems import Problem, error, warning
from scoring.rubric import Input, Rubric
from scoring.sheets import safety
from scoring.sheets.cells import read_cell
from scoring.sheets.detect import open_upload
from scoring.sheets.formats.book import Grid, blank, cell_name

ID_HEADERS = frozenset({"id", "entry id", "entry_id", "kode", "id peserta"})
NAME_HEADERS = frozenset({"name", "nama", "peserta", "nama peserta", "entry", "kelompok"})
YES = frozenset({"ya", "y", "yes", "true", "benar", "1"})
NO = frozenset({"tidak", "t", "no", "n", "false", "salah", "0"})


def empty_frame(rubric: Rubric) -> pd.DataFrame:
    """An input frame with no rows."""
    return pd.DataFrame(columns=[i.id for i in rubric.inputs], dtype="float64",
                        index=pd.Index([], name="entry_id", dtype="object"))


def load_inputs(path: str | Path, rubric: Rubric, entries: Entries
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """:func:`read_inputs` of a file on disk."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return empty_frame(rubric), [error("file.unreadable", file=str(path),
                                           reason=str(exc))]
    return read_inputs(data, path.name, rubric, entries)


def read_inputs(data: bytes, filename: str, rubric: Rubric, entries: Entries
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """The input frame of an inputs file and every problem found in it."""
    if not rubric.inputs:
        return empty_frame(rubric), [warning("inputs.none_declared", file=filename)]
    inspection = safety.inspect_bytes(data, filename)
    problems = list(inspection.problems)
    if any(p.is_error for p in problems):
        return empty_frame(rubric), problems
    upload, opened = open_upload(data, filename, inspection.kind)
    problems += opened
    if upload is None:
        return empty_frame(rubric), problems
    try:
        book, found = upload.book()
    finally:
        upload.close()
    problems += found
    if book is None or not book.grids:
        return empty_frame(rubric), problems
    frame, found = _read_grid(book.grids[0], filename, rubric, entries)
    return frame, problems + found


def _columns(grid: Grid, header_row: int, rubric: Rubric, where: dict[str, str]
             ) -> tuple[int | None, int | None, dict[int, Input], list[Problem]]:
    """The id column, the name column and each input's column, from the header row."""
    by_label: dict[str, Input] = {}
    for item in rubric.inputs:
        for label in (item.id, item.name, item.name_en):
            if label:
                by_label.setdefault(fold(label), item)
    id_column = name_column = None
    columns: dict[int, Input] = {}
    problems: list[Problem] = []
    for column, value in sorted(grid.rows[header_row].items()):
        header = fold(value)
        if header in by_label and by_label[header] not in columns.values():
            columns[column] = by_label[header]
        elif header in ID_HEADERS and id_column is None:
            id_column = column
        elif header in NAME_HEADERS and name_column is None:
            name_column = column
        elif not blank(value):
            problems.append(warning("inputs.unknown_column", **where,
                                    cell=cell_name(header_row, column), header=str(value),
                                    known=", ".join(i.id for i in rubric.inputs)))
    return id_column, name_column, columns, problems


def _read_grid(grid: Grid, filename: str, rubric: Rubric, entries: Entries
               ) -> tuple[pd.DataFrame, list[Problem]]:
    where = {"file": filename, "sheet": grid.name}
    if not grid.row_numbers:
        return empty_frame(rubric), [error("inputs.no_entry_column", **where, headers="–")]
    header_row = grid.row_numbers[0]
    id_column, name_column, columns, problems = _columns(grid, header_row, rubric, where)
    if id_column is None and name_column is None:
        headers = ", ".join(str(v) for v in grid.rows[header_row].values())
        return empty_frame(rubric), [
            error("inputs.no_entry_column", **where, cell=f"{header_row}", headers=headers)]
    ids = {id_key(e.id): e.id for e in entries}
    values: dict[str, dict[str, float]] = {}
    seen: dict[str, int] = {}
    for row in grid.row_numbers[1:]:
        entry_id, found = _entry_of(grid, row, id_column, name_column, ids, entries, where)
        problems += found
        if entry_id is None:
            continue
        if entry_id in seen:
            problems.append(warning("inputs.duplicate_entry", **where,
                                    cell=cell_name(row, id_column or name_column or 1),
                                    entry_id=entry_id, other=seen[entry_id]))
            continue
        seen[entry_id] = row
        values[entry_id] = {}
        for column, item in columns.items():
            number, problem = _value(grid, row, column, item, where)
            if problem is not None:
                problems.append(problem)
            elif number is not None:
                values[entry_id][item.id] = number
    frame = pd.DataFrame.from_dict(values, orient="index", dtype="float64")
    frame = frame.reindex(columns=[i.id for i in rubric.inputs])
    frame.index.name = "entry_id"
    return frame, problems


def _entry_of(grid: Grid, row: int, id_column: int | None, name_column: int | None,
              ids: Mapping[str, str], entries: Entries, where: dict[str, str]
              ) -> tuple[str | None, list[Problem]]:
    """The entry a row is about: by its id when the file has an id column, else by name."""
    if id_column is not None:
        value = grid.value(row, id_column)
        if blank(value):
            return None, []
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else value
        if id_key(text) in ids:
            return ids[id_key(text)], []
        return None, [error("inputs.unknown_entry", **where, cell=cell_name(row, id_column),
                            name=str(text))]
    assert name_column is not None
    value = grid.value(row, name_column)
    if blank(value):
        return None, []
    result = match_entry(str(value), entries)
    problem = entry_problem(result, **where, cell=cell_name(row, name_column))
    return result.entry_id, [problem] if problem else []


def _value(grid: Grid, row: int, column: int, item: Input, where: dict[str, str]
           ) -> tuple[float | None, Problem | None]:
    """One cell's value for ``item``: the number (None when blank), or a problem."""
    value = grid.value(row, column)
    cell = cell_name(row, column)
    if blank(value):
        return None, None
    if item.kind == "yes_no":
        word = fold(value) if not isinstance(value, bool) else ("ya" if value else "tidak")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            word = fold(f"{value:g}")
        if word in YES or word in NO:
            return (1.0 if word in YES else 0.0), None
        return None, error("inputs.not_yes_no", **where, cell=cell, input=item.name,
                           value=str(value))
    reading = read_cell(value, grid.formats.get((row, column)))
    if not reading.is_number or reading.number is None:
        return None, error("inputs.not_a_number", **where, cell=cell, input=item.name,
                           value=reading.shown or str(value))
    low, high = item.bounds
    if not low <= reading.number <= high:
        return None, error("inputs.out_of_scale", **where, cell=cell, input=item.name,
                           value=f"{reading.number:g}", min=f"{low:g}", max=f"{high:g}")
    return reading.number, None


def needed(rubric: Rubric, category_id: str) -> tuple[str, ...]:
    """The inputs a category needs, in the rubric's order: those its formula or a stage's
    formula uses, a gate's, and those its criteria's ``only_if`` and ``convert_times`` name."""
    formulas = [rubric.formula_for(category_id)]
    formulas += [parse_formula(s.total, rubric.formula_names)[0]
                 for s in rubric.stages if s.total is not None]
    used = {name for f in formulas if f is not None for name in f.names}
    used.update(i for s in rubric.stages for i in s.inputs)
    for leaf_id in rubric.leaf_ids_for(category_id):
        leaf = rubric.nodes[leaf_id]
        used.update(x for x in (leaf.only_if, leaf.convert_times) if x is not None)
    return tuple(i.id for i in rubric.inputs if i.id in used)


def complete(values: pd.DataFrame | None, rubric: Rubric, entries: Entries, file: str = ""
             ) -> tuple[pd.DataFrame, list[Problem]]:
    """The input frame for every entry of the rubric's categories, with each input's
    ``default`` where no value was given, and an ``inputs.missing`` error for each needed
    input an entry has no value of and no default."""
    listed = [e for e in entries if e.category in rubric.category_ids]
    frame = (values if values is not None else empty_frame(rubric)).reindex(
        index=pd.Index([e.id for e in listed], name="entry_id"),
        columns=[i.id for i in rubric.inputs])
    problems: list[Problem] = []
    for item in rubric.inputs:
        if item.default is not None:
            frame[item.id] = frame[item.id].fillna(item.default)
    for category in rubric.category_ids:
        wanted = needed(rubric, category)
        if not wanted:
            continue
        rows = np.array([e.category == category for e in listed], dtype=bool)
        part = frame.loc[rows, list(wanted)]
        for row, column in np.argwhere(part.isna().to_numpy()):
            entry_id, input_id = part.index[row], wanted[column]
            entry = entries.by_id[entry_id]
            problems.append(error("inputs.missing", file=file, cell=f"{entry_id} / {input_id}",
                                  entry_id=entry_id, name=entry.name,
                                  input=rubric.input(input_id).name))
    return frame, problems
