"""The long layout: one row per score, with the entry, the criterion and the score.

What comes out of a form tool or a database export: ``Peserta | Kriteria | Nilai`` and, when
one file holds several judges, ``Juri``. Also what the app's own export of a score table
looks like (``entry_id, criterion_id, score, judge_id``).

Words used here:

- *header row*: among the first :data:`HEADER_SCAN` rows, one whose headings name an entry
  column, a criterion column and a score column (:data:`scoring.sheets.words.ROLE_WORDS`). A
  file without headings is recognised by its content instead: a column of entry names, a
  column of criterion names and a column of numbers; its header row is then 0 (none).
- *judge column*: optional; a row's judge is its cell there, or the sheet's judge when blank.

A row is read when its score cell is not empty; its entry and criterion must be sure matches
or the row ends in a problem (whose range runs from the first to the last of its cells).
"""

from __future__ import annotations

from collections import Counter

from scoring.problems import error
from scoring.sheets.cells import clean_text
from scoring.sheets.grid import Grid, blank, cell_name, column_letter, span
from scoring.sheets.mapping import IGNORE, Column, Confidence, EntryRow, SheetMapping
from scoring.sheets.reading import (
    Context,
    GivenTotal,
    Sink,
    Task,
    criterion_problem_of,
    entry_problem_of,
    name_text,
    read_tasks,
)
from scoring.sheets.words import role_of

HEADER_SCAN = 30
CONTENT_SCAN = 300
ROLES = ("entry", "entry_id", "criterion", "score", "judge")


def _by_headings(grid: Grid) -> tuple[int, dict[str, int]] | None:
    for row in grid.row_numbers[:HEADER_SCAN]:
        roles: dict[str, int] = {}
        for column in sorted(grid.rows[row]):
            role = role_of(clean_text(grid.text(row, column)))
            if role in ROLES and role not in roles:
                roles[role] = column
        if ("entry" in roles or "entry_id" in roles) and "criterion" in roles \
                and "score" in roles:
            return row, roles
    return None


def _by_content(grid: Grid, ctx: Context) -> tuple[int, dict[str, int]] | None:
    rows = list(grid.row_numbers[:CONTENT_SCAN])
    texts: dict[int, list[tuple[int, str]]] = {}
    numbers: Counter[int] = Counter()
    for row in rows:
        for column, value in grid.rows[row].items():
            if isinstance(value, str) and clean_text(value):
                texts.setdefault(column, []).append((row, clean_text(value)))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                numbers[column] += 1
    ctx.match_entries(t for values in texts.values() for _, t in values)
    entry_counts = {c: sum(1 for _, t in v if ctx.entry(t)[1].sure) for c, v in texts.items()}
    criterion_counts = {}
    for column, values in texts.items():
        leaves = {ctx.criterion(t)[0] for _, t in values
                  if ctx.criterion(t)[1] == "leaf" and ctx.criterion(t)[2].sure}
        criterion_counts[column] = len(leaves)
    entry_column = max(entry_counts, key=lambda c: (entry_counts[c], -c), default=None)
    criterion_column = max((c for c in criterion_counts if c != entry_column),
                           key=lambda c: (criterion_counts[c], -c), default=None)
    if entry_column is None or criterion_column is None or entry_counts[entry_column] < 2 \
            or criterion_counts[criterion_column] < 2 or not numbers:
        return None
    score_column = max(numbers, key=lambda c: (numbers[c], -c))
    first = min(r for r, t in texts[entry_column] if ctx.entry(t)[1].sure)
    return first - 1, {"entry": entry_column, "criterion": criterion_column,
                       "score": score_column}


def detect(grid: Grid, ctx: Context) -> SheetMapping | None:
    """The long mapping of a sheet, or None when it is not a long table."""
    headed = _by_headings(grid)
    found = headed or _by_content(grid, ctx)
    if found is None:
        return None
    header_row, roles = found
    columns = tuple(sorted(
        (Column(column_letter(number), role, None,
                clean_text(grid.text(header_row, number)) if header_row else "",
                cell_name(header_row, number) if header_row else "",
                Confidence("exact" if header_row else "assumed"))
         for role, number in roles.items()), key=lambda c: c.number))
    mapping = SheetMapping(grid.name, "long", header_row=header_row, columns=columns)
    names = _names(grid, mapping, ctx)
    rows = [r for r in grid.row_numbers if r > header_row]
    sure = 0
    for row in rows:
        entry_text, criterion_text = _texts(grid, row, mapping)
        if entry_text and criterion_text and ctx.entry(entry_text)[1].sure and \
                ctx.criterion(criterion_text)[2].sure:
            sure += 1
    if sure < 1 and not (headed and rows):
        # headings that say entry, criterion and score make a long table even when no row
        # names both surely (every name misspelt): its rows are then problems, not lost
        return None
    return SheetMapping(grid.name, "long", header_row=header_row, columns=columns,
                        rows=tuple(names), fit=round(sure / max(len(rows), 1), 3))


def _texts(grid: Grid, row: int, mapping: SheetMapping) -> tuple[str, str]:
    entry = ""
    for role in ("entry_id", "entry"):
        for column in mapping.with_role(role):
            entry = entry or clean_text(grid.text(row, column.number))
    criterion = next((clean_text(grid.text(row, c.number))
                      for c in mapping.with_role("criterion")), "")
    return entry, criterion


def _names(grid: Grid, mapping: SheetMapping, ctx: Context) -> list[EntryRow]:
    """Each distinct entry name once (first row it is on), for showing."""
    header = mapping.header_row or 0
    first: dict[str, tuple[int, str]] = {}
    columns = [c.number for role in ("entry_id", "entry") for c in mapping.with_role(role)]
    for row in grid.row_numbers:
        if row <= header:
            continue
        for column in columns:
            text = clean_text(grid.text(row, column))
            if text:
                first.setdefault(text, (row, cell_name(row, column)))
                break
    ctx.match_entries(first)
    return [EntryRow(row, *ctx.entry(text)[:1], text, cell, ctx.entry(text)[1])
            for text, (row, cell) in first.items()]


def read(grid: Grid, mapping: SheetMapping, ctx: Context, sink: Sink, judge: str
         ) -> list[GivenTotal]:
    """Read a long sheet by its mapping into ``sink`` (a long sheet has no totals)."""
    where = {"file": ctx.file, "sheet": grid.name}
    header = mapping.header_row or 0
    score_column = next((c.number for c in mapping.columns if c.role == "score"), None)
    if score_column is None:
        return []
    judges = mapping.with_role("judge")
    used = [c.number for c in mapping.columns if c.role in ROLES]
    rows = [r for r in grid.row_numbers if r > header]
    ctx.match_entries(_texts(grid, r, mapping)[0] for r in rows)
    tasks: list[Task] = []
    for row in rows:
        entry_text, criterion_text = _texts(grid, row, mapping)
        value = grid.value(row, score_column)
        if blank(value) and not (entry_text and criterion_text):
            continue  # a note or an empty line, not a score
        cells = span([(row, c) for c in used])
        entry_id, entry_confidence = ctx.entry(entry_text) if entry_text else (None, None)
        criterion_id, kind, criterion_confidence = (ctx.criterion(criterion_text)
                                                    if criterion_text else (None, None, None))
        if entry_id == IGNORE or criterion_id == IGNORE:
            continue
        for column in mapping.columns:
            if column.role in ("entry", "entry_id", "criterion") and \
                    clean_text(grid.text(row, column.number)):
                name_text(grid, row, column.number, ctx, sink)
        if not entry_text or not criterion_text:
            sink.problems.append(error("layout.row_incomplete", **where, cell=cells, row=row))
            continue
        if entry_id is None:
            assert entry_confidence is not None
            sink.problems.append(entry_problem_of(entry_text, entry_confidence, **where,
                                                  cell=cells))
            sink.unsure("entry", grid.name, cells, entry_text, entry_confidence)
            continue
        if kind == "group" and criterion_confidence is not None and criterion_confidence.sure:
            assert criterion_id is not None
            node = ctx.rubric.nodes[criterion_id]
            sink.problems.append(error(
                "layout.criterion_group", **where, cell=cells, name=criterion_text,
                criterion=criterion_id,
                leaves=", ".join(ctx.rubric.nodes[leaf].name
                                 for leaf in ctx.rubric.leaves_below(node.id))))
            continue
        if criterion_id is None or kind != "leaf":
            assert criterion_confidence is not None
            sink.problems.append(criterion_problem_of(criterion_text, criterion_confidence, ctx,
                                                      sheet=grid.name, cell=cells))
            sink.unsure("criterion", grid.name, cells, criterion_text, criterion_confidence)
            continue
        named = next((named for named in (clean_text(grid.text(row, c.number))
                                          for c in judges) if named), None)
        sink.judge_fallbacks += named is None
        row_judge = named or judge
        tasks.append(Task(row, score_column, entry_id, criterion_id, row_judge,
                          (grid.name, entry_id, row_judge)))
    read_tasks(grid, tasks, ctx, sink)
    return []
