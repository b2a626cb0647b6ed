"""The form layout: one form per entry, criteria down the rows, the score in a column.

What a judge fills on paper and then types in: a title (``FORMULIR PENILAIAN``), the group's
name in a title cell (``Nama Kelompok : KBK Dinas Kesehatan``), a table of criteria with a
weight, a maximum and the score, a total row, the judge's name and signature. One sheet per
entry, or several forms stacked on one sheet.

Words used here:

- *criterion column*: the column whose cells name the most leaf criteria (a row naming a
  criteria group, ``Yel-yel``, gives the rows below it their *group*, so ``Kreativitas``
  there is the yel-yel's).
- *score column*: the column headed ``Nilai`` / ``Skor`` / ``Score`` above the first
  criterion row; without such a heading, the column holding the most numbers on the
  criterion rows. Columns headed as weights, maxima or weighted scores are never it.
- *block*: one form: from the row after the previous form to its last criterion row (or its
  total row). A new block starts where a criterion comes again.
- *title region*: a block's rows above its first criterion row, where its entry is named:
  a label (:data:`scoring.sheets.words.ENTRY_LABELS`) with the name after ``:`` or to its
  right, or any text naming an entry; failing that (one form on the sheet), the sheet name.
  A labelled name that is a near miss (uncertain) is never overruled by the others: the form
  waits for a person to confirm it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from scoring.problems import error, warning
from scoring.sheets.cells import clean_text, read_cell
from scoring.sheets.grid import Grid, blank, cell_name, cells_of, column_letter, span
from scoring.sheets.mapping import (
    IGNORE,
    Block,
    Column,
    Confidence,
    CriterionRow,
    Option,
    SheetMapping,
)
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
from scoring.sheets.words import (
    ENTRY_LABELS,
    JUDGE_LABELS,
    ROLE_WORDS,
    is_footer,
    label_split,
    role_of,
)

ROW_SCAN = 600
"""Rows (that hold something) searched for criteria."""
HEADING_SCAN = 8
"""Rows above a form's first criterion searched for its column headings (notes and group
rows may stand between them)."""
TOTAL_GAP = 3
"""A total row is at most this many rows below a form's last criterion."""


def _criterion_rows(grid: Grid, column: int, rows: list[int], ctx: Context
                    ) -> list[CriterionRow]:
    """The rows of ``column`` naming a criterion (sure or not), in order, with group context."""
    found = []
    group = ""
    for row in rows:
        text = clean_text(grid.text(row, column))
        if not text:
            continue
        criterion, kind, confidence = ctx.criterion(text, group)
        if kind == "group" and confidence.sure:
            group = text
            continue
        if criterion == IGNORE or (kind == "leaf" and confidence.sure):
            found.append(CriterionRow(row, criterion, text, cell_name(row, column), confidence))
        elif confidence.status == "uncertain" and any(
                ctx.rubric.nodes[o.id].is_leaf for o in confidence.candidates):
            found.append(CriterionRow(row, None, text, cell_name(row, column), confidence))
        elif role_of(text) is None and not is_footer(text):
            found.append(CriterionRow(row, None, text, cell_name(row, column),
                                      Confidence("none", confidence.score)))
    return found


def _sure(rows: list[CriterionRow]) -> list[CriterionRow]:
    return [r for r in rows if r.criterion_id and r.criterion_id != IGNORE]


def row_numbers(values: Sequence[object]) -> bool:
    """True when ``values`` (a column's numbers, top to bottom) count rows: three or more
    whole numbers each one more than the one above (1, 2, 3 …). Such a column is never a
    score column, whatever its heading."""
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if len(numbers) < 3 or len(numbers) != len(values):
        return False
    return all(float(n).is_integer() for n in numbers) and \
        all(b - a == 1 for a, b in pairwise(numbers))


def _not_marks(values: Sequence[object]) -> bool:
    """True for a column's numbers that read as weights (adding up to 100 or to 1) or as one
    maximum repeated, not as marks (three or more numbers)."""
    numbers = [float(v) for v in values if isinstance(v, (int, float))
               and not isinstance(v, bool)]
    if len(numbers) < 3:
        return False
    total = sum(numbers)
    return len(set(numbers)) == 1 or abs(total - 100) <= 0.5 or abs(total - 1) <= 0.005


def _score_column(grid: Grid, criterion_column: int, rows: list[int]
                  ) -> tuple[int | None, bool]:
    """The score column for criterion rows ``rows`` (see the module's words), and whether it
    is certain: headed as the score, or the only column holding the most numbers once row
    numbers, weights and a repeated maximum are set aside."""
    first = min(rows)
    headed: dict[int, str] = {}
    for above in range(first - 1, max(first - 1 - HEADING_SCAN, 0), -1):
        for column in grid.rows.get(above, {}):
            role = role_of(clean_text(grid.text(above, column)))
            if role and column not in headed:
                headed[column] = role
    numbering = {c for c in {c for r in rows for c in grid.rows.get(r, {})}
                 if row_numbers([grid.value(r, c) for r in rows
                                 if not blank(grid.value(r, c))])}
    scores = [c for c, role in headed.items()
              if role == "score" and c != criterion_column and c not in numbering]
    if scores:
        right = [c for c in scores if c > criterion_column]
        return (min(right) if right else max(scores)), True
    excluded = {c for c, role in headed.items() if role != "score"} | {criterion_column} | \
        numbering
    counts: Counter[int] = Counter()
    for row in rows:
        for column, value in grid.rows.get(row, {}).items():
            if column not in excluded and isinstance(value, (int, float)) and \
                    not isinstance(value, bool):
                counts[column] += 1
    if not counts:
        return None, False
    top = max(counts.values())
    tied = [c for c in counts if counts[c] == top]
    if len(tied) > 1:
        marks = [c for c in tied if not _not_marks([grid.value(r, c) for r in rows])]
        tied = marks or tied
    best = max(tied, key=lambda c: (c > criterion_column, -abs(c - criterion_column)))
    return best, len(tied) == 1


def _split(rows: list[CriterionRow]) -> list[list[CriterionRow]]:
    """Criterion rows cut into forms where a criterion comes again."""
    blocks: list[list[CriterionRow]] = []
    seen: set[str] = set()
    for row in rows:
        if not blocks or (row.criterion_id and row.criterion_id in seen):
            blocks.append([])
            seen = set()
        blocks[-1].append(row)
        if row.criterion_id:
            seen.add(row.criterion_id)
    return blocks


def detect(grid: Grid, ctx: Context) -> SheetMapping | None:
    """The form mapping of a sheet, or None when it holds no form."""
    rows = list(grid.row_numbers[:ROW_SCAN])
    columns = sorted({c for r in rows for c, v in grid.rows[r].items() if isinstance(v, str)})
    best: tuple[int, int, list[CriterionRow]] | None = None
    for column in columns:
        found = _criterion_rows(grid, column, rows, ctx)
        distinct = len({r.criterion_id for r in _sure(found)})
        if distinct and (best is None or distinct > best[0]):
            best = (distinct, column, found)
    needed = 2 if len(ctx.leaf_ids) > 1 else 1
    if best is None or best[0] < needed:
        return None
    distinct, criterion_column, found = best
    # leading and trailing rows that name no criterion are titles and notes, not the form
    sure_rows = [r.row for r in _sure(found)]
    found = [r for r in found if sure_rows[0] <= r.row <= sure_rows[-1]]
    score_column, certain = _score_column(grid, criterion_column, sure_rows)
    if score_column is None:
        return None
    blocks = []
    previous_end = 0
    parts = _split(found)
    for index, part in enumerate(parts):
        last = part[-1].row
        total_row = _total_row(grid, last, score_column)
        block_end = total_row or last
        if index + 1 < len(parts):
            block_end = min(block_end, parts[index + 1][0].row - 1)
        entry_id, text, cell, confidence = _block_entry(
            grid, range(previous_end + 1, part[0].row), ctx, single=len(parts) == 1)
        blocks.append(Block(previous_end + 1, block_end, entry_id, text, cell, confidence,
                            tuple(part), total_row if total_row and total_row <= block_end
                            else None))
        previous_end = block_end
    columns_found = (
        Column(column_letter(criterion_column), "criterion", None,
               cell=cell_name(found[0].row, criterion_column), confidence=Confidence("assumed")),
        Column(column_letter(score_column), "score", None,
               cell=cell_name(found[0].row, score_column),
               # a guess between columns alike is asked, with no answer preselected
               confidence=Confidence("assumed") if certain else Confidence(
                   "uncertain", 50.0, (Option("score", "score", 50.0),
                                       Option(IGNORE, IGNORE, 50.0)))),
    )
    sure_blocks = sum(1 for b in blocks if b.confidence.sure)
    fit = distinct / max(len(ctx.leaf_ids), 1) * (sure_blocks / len(blocks))
    return SheetMapping(grid.name, "form", columns=tuple(sorted(columns_found,
                                                                key=lambda c: c.number)),
                        blocks=tuple(blocks), fit=round(max(fit, 0.01), 3))


def _total_row(grid: Grid, last: int, score_column: int) -> int | None:
    for row in range(last + 1, last + 1 + TOTAL_GAP):
        cells = grid.rows.get(row, {})
        texts = [v for c, v in cells.items() if isinstance(v, str) and c < score_column]
        if any(role_of(t) == "total" or (is_footer(t) and role_of(t) != "judge")
               for t in texts) and not blank(cells.get(score_column)):
            return row
    return None


def _block_entry(grid: Grid, rows: range, ctx: Context, *, single: bool
                 ) -> tuple[str | None, str, str, Confidence]:
    """(entry id, text, cell, confidence) of a form, from its title region."""
    labelled: list[tuple[str, str]] = []
    loose: list[tuple[str, str]] = []
    for row in rows:
        cells = grid.rows.get(row, {})
        for column in sorted(cells):
            text = clean_text(grid.text(row, column))
            if not text:
                continue
            label, value = label_split(text)
            if label in JUDGE_LABELS:
                continue
            if label in ENTRY_LABELS:
                if not value:
                    value, where = _right_of(grid, row, column)
                    if value:
                        labelled.append((value, where))
                    continue
                labelled.append((value, cell_name(row, column)))
            elif value and label not in ROLE_WORDS["judge"]:
                loose.append((value, cell_name(row, column)))
                loose.append((text, cell_name(row, column)))
            else:
                loose.append((text, cell_name(row, column)))
    named = [(grid.name, "")] if single else []
    candidates = labelled + loose + named
    ctx.match_entries(t for t, _ in candidates)
    # a label's value first, then any text, then (one form on the sheet) the sheet's name
    for group in (labelled, loose, named):
        sure = {}
        for text, where in group:
            entry_id, confidence = ctx.entry(text)
            if entry_id == IGNORE:
                return IGNORE, text, where, confidence
            if entry_id and confidence.sure:
                sure.setdefault(entry_id, (text, where, confidence))
        if len(sure) == 1:
            (entry_id, (text, where, confidence)), = sure.items()
            return entry_id, text, where, confidence
        if len(sure) > 1:
            options = tuple(Option(e, ctx.entries.by_id[e].name, 100.0) for e in sure)
            text, where, _ = next(iter(sure.values()))
            return None, text, where, Confidence("uncertain", 100.0, options)
        if group is labelled:
            # a labelled name that is a near miss is for a person to confirm: a title or the
            # sheet's name naming some entry must not overrule it silently
            near = [(ctx.entry(t)[1], t, w) for t, w in labelled
                    if ctx.entry(t)[1].status == "uncertain"]
            if near:
                confidence, text, where = max(near, key=lambda u: u[0].score)
                return None, text, where, confidence
    unsure = [(ctx.entry(t)[1], t, w) for t, w in candidates]
    unsure = [u for u in unsure if u[0].status == "uncertain"]
    if unsure:
        confidence, text, where = max(unsure, key=lambda u: u[0].score)
        return None, text, where, confidence
    first = labelled[0] if labelled else ("", "")
    return None, first[0], first[1], Confidence("none", 0.0)


def _number(value: object) -> bool:
    """A number (also typed as text) or an error value: what a judge means as a score."""
    return not blank(value) and read_cell(value).kind in ("number", "error", "no_value")


def _right_of(grid: Grid, row: int, column: int) -> tuple[str, str]:
    """The first text to the right of a label (a lone ``:`` cell skipped)."""
    for right in range(column + 1, column + 6):
        text = clean_text(grid.text(row, right))
        if text.strip(": "):
            return text.lstrip(": ").strip(), cell_name(row, right)
    return "", ""


# --- reading ----------------------------------------------------------------------------------


def read(grid: Grid, mapping: SheetMapping, ctx: Context, sink: Sink, judge: str
         ) -> list[GivenTotal]:
    """Read a sheet of forms by its mapping into ``sink``; the judge's totals, to check."""
    where = {"file": ctx.file, "sheet": grid.name}
    criterion_column = next((c.number for c in mapping.columns if c.role == "criterion"), None)
    chosen = sorted((c for c in mapping.columns if c.role == "score"),
                    key=lambda c: c.confidence.status != "confirmed")
    if criterion_column is None or not chosen:
        return []
    score_column = chosen[0].number
    if not chosen[0].confidence.sure:
        # which column holds the marks is a guess: asked, never read on a guess
        sink.problems.append(warning("layout.score_column_unsure", **where,
                                     cell=chosen[0].cell, column=chosen[0].column))
        sink.unsure("criterion", grid.name, chosen[0].cell, chosen[0].header or
                    chosen[0].column, chosen[0].confidence, column=chosen[0].column)
        return []
    blocks = mapping.blocks or (Block(1, grid.height, None),)
    tasks: list[Task] = []
    given: list[GivenTotal] = []
    for block in blocks:
        rows = [r for r in grid.row_numbers if block.first_row <= r <= block.last_row]
        found = _criterion_rows(grid, criterion_column, rows, ctx)
        if block.entry_id and block.confidence.sure:
            entry_id, text, cell, confidence = (block.entry_id, block.text, block.cell,
                                                block.confidence)
        else:
            # found again, so that names a person confirmed (the mapping's entries) apply;
            # the title region ends at the first criterion, as in detection (rows naming no
            # criterion above it are titles)
            first = next((r.row for r in found if r.criterion_id), block.first_row)
            entry_id, text, cell, confidence = _block_entry(
                grid, range(block.first_row, first), ctx, single=len(blocks) == 1)
        if entry_id == IGNORE:
            continue
        # a number between the criteria on a row naming none is not guessed to be a score
        named = [r.row for r in found if r.criterion_id]
        for row in grid.row_numbers:
            if named and named[0] < row < named[-1] and block.first_row <= row and \
                    not grid.text(row, criterion_column) and \
                    _number(grid.value(row, score_column)):
                sink.problems.append(warning("layout.score_without_criterion", **where,
                                             cell=cell_name(row, score_column),
                                             column=column_letter(criterion_column)))
        scored = [(r.row, score_column) for r in found
                  if not blank(grid.value(r.row, score_column))]
        if entry_id is None:
            if scored:
                cells = span(scored)
                if text:
                    sink.problems.append(entry_problem_of(text, confidence, **where,
                                                          cell=cells))
                    sink.unsure("entry", grid.name, cell or cells, text, confidence)
                else:
                    sink.problems.append(error("layout.form_no_entry", **where, cell=cells,
                                               first=block.first_row, last=block.last_row))
                    sink.unsure("block", grid.name, cells, "", confidence,
                                row=block.first_row)
            continue
        if cell:
            name_text(grid, *min(cells_of(cell)), ctx, sink)
        seen: dict[str, int] = {}
        for item in found:
            value = grid.value(item.row, score_column)
            if item.criterion_id == IGNORE:
                continue
            if item.criterion_id is None:
                if not blank(value):
                    sink.problems.append(criterion_problem_of(
                        item.text, item.confidence, ctx, sheet=grid.name,
                        cell=span([(item.row, criterion_column), (item.row, score_column)]),
                        severity="warning" if item.confidence.status == "uncertain"
                        else "error"))
                    sink.unsure("criterion", grid.name, item.cell, item.text, item.confidence)
                continue
            if item.criterion_id in seen:
                sink.problems.append(error(
                    "layout.criterion_twice", **where, cell=cell_name(item.row, score_column),
                    column=str(item.row), other=str(seen[item.criterion_id]),
                    criterion=item.criterion_id,
                    criterion_name=ctx.rubric.nodes[item.criterion_id].name))
                continue
            seen[item.criterion_id] = item.row
            tasks.append(Task(item.row, score_column, entry_id, item.criterion_id, judge,
                              (grid.name, block.first_row)))
        if not seen:
            continue
        total_row = block.total_row or _total_row(grid, max(seen.values()), score_column)
        if total_row is not None and block.first_row <= total_row <= block.last_row:
            value = grid.value(total_row, score_column)
            if not blank(value):
                given.append(GivenTotal(entry_id, judge, grid.name,
                                        cell_name(total_row, score_column), value,
                                        grid.formats.get((total_row, score_column)),
                                        span((r, score_column) for r in seen.values())))
        category = ctx.category_of.get(entry_id, "")
        absent = [leaf for leaf in ctx.rubric.leaf_ids_for(category)
                  if leaf not in seen] if category in ctx.applicable else []
        if absent:
            names = ", ".join(ctx.rubric.nodes[leaf].name for leaf in absent)
            sink.problems.append(warning("layout.criteria_missing", **where,
                                         cell=span([(block.first_row, criterion_column),
                                                    (block.last_row, criterion_column)]),
                                         criteria=names))
    read_tasks(grid, tasks, ctx, sink)
    return given

