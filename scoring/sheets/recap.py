"""The recap layout: one row per entry, one column per criterion.

What judges (and organisers) make in Excel: title rows, a header row of criteria (often under
merged cells naming the criteria groups: ``RISALAH`` over the seven steps), a numbering
column, the entry's name (sometimes an id), the criteria, the judge's own total, a rank or a
note; spacer rows and columns anywhere; sums, notes and signatures below the table.

Words used here:

- *heading*: a column's text in the header row; where that cell is empty, the text just above
  it (a heading merged over two header rows, or written on the group row only). Its *group*
  is the nearest different text above it within two rows (the merged group heading), used to
  tell ``Kreativitas`` of the yel-yel from ``Kreativitas`` of the fragmen.
- *header row*: among the first :data:`HEADER_SCAN` rows that hold something, the one whose
  headings match the most leaf criteria (exact or confident count one, uncertain half).
- *entry column*: the column below the header whose names match the most entries; an *id
  column* holds entry ids (used first when both are there).
- *body*: the rows from the header down to the last *data row* (a row whose name matches an
  entry, or that holds a number under a criterion) before the first *footer* row
  (:func:`scoring.sheets.words.is_footer`: ``Jumlah``, ``Rata-rata``, ``Catatan``, a place
  and date, a signature). Below the body is notes: never read. A footer row with entries
  below it (``Jumlah`` under the agencies, then the kelurahan) is skipped, and the body goes
  on: the entries below it are not lost.
- *rubric row*: a row whose label names the rubric's figures rather than an entry (``Bobot``,
  ``Nilai maks``: :data:`RUBRIC_ROW_ROLES`), as judges put under the header or below the
  table; its numbers are weights or maxima, not scores, and it is neither an entry nor data.

In the body, every non-empty cell under a criterion column ends as a score or in a problem: a
row whose name is not a sure match (``match.entry_uncertain`` / ``match.entry_none``), a row
with scores and no name (``layout.row_without_entry``), or the cell's own problem.
"""

from __future__ import annotations

from collections.abc import Iterable

from scoring.identity import id_key
from scoring.problems import error, warning
from scoring.sheets.cells import clean_text, read_cell
from scoring.sheets.grid import Grid, blank, cell_name, column_letter, span
from scoring.sheets.mapping import (
    IGNORE,
    Column,
    Confidence,
    EntryRow,
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
from scoring.sheets.words import is_footer, role_of

HEADER_SCAN = 40
"""Rows (that hold something) searched for the header row."""
ENTRY_SCAN = 400
"""Rows below the header whose names are matched to find the entry column."""
RUBRIC_ROW_ROLES = frozenset({"weight", "scale", "weighted"})
"""Roles (:data:`scoring.sheets.words.ROLE_WORDS`) of a rubric row's label (see the words)."""


def _rubric_row(label: str) -> bool:
    return bool(label) and role_of(label) in RUBRIC_ROW_ROLES


def _heading(grid: Grid, row: int, column: int) -> tuple[str, str]:
    """(heading, group heading) of a column at the header row (see the module's words)."""
    text = clean_text(grid.text(row, column))
    above = row - 1
    if not text:
        # a heading written on the group row only; its own cell, not a title merged across
        for candidate in (row - 1, row - 2):
            own = grid.value(candidate, column) if candidate >= 1 else None
            if isinstance(own, str) and clean_text(own):
                text, above = clean_text(own), candidate - 1
                break
    group = ""
    for candidate in (above, above - 1):
        if candidate >= 1:
            found = clean_text(grid.text(candidate, column))
            if found and found != text:
                group = found
                break
    return text, group


def _columns_near(grid: Grid, row: int) -> list[int]:
    columns: set[int] = set()
    for r in (row - 2, row - 1, row):
        columns.update(grid.rows.get(r, {}))
    return sorted(columns)


def _header_columns(grid: Grid, row: int, ctx: Context) -> list[Column]:
    """Every column at a candidate header row, with what its heading says."""
    found = []
    for column in _columns_near(grid, row):
        text, group = _heading(grid, row, column)
        if not text:
            continue
        letter, here = column_letter(column), cell_name(row, column)
        role = role_of(text)
        criterion, kind, confidence = ctx.criterion(text, group)
        header = f"{group} › {text}" if group else text
        if criterion == IGNORE:
            found.append(Column(letter, "ignore", None, header, here, confidence))
        elif kind == "leaf" and confidence.sure:
            found.append(Column(letter, "criterion", criterion, header, here, confidence))
        elif kind == "group" and confidence.sure:
            found.append(Column(letter, "subtotal", criterion, header, here, confidence))
        elif role is not None:
            found.append(Column(letter, role, None, header, here, Confidence("exact")))
        elif confidence.status == "uncertain" and any(
                ctx.rubric.nodes[o.id].is_leaf for o in confidence.candidates):
            found.append(Column(letter, "criterion", None, header, here, confidence))
        else:
            found.append(Column(letter, "ignore", None, header, here, confidence))
    return found


def _weight(columns: Iterable[Column]) -> float:
    return sum(1.0 if c.criterion_id else 0.5 for c in columns if c.role == "criterion")


def detect(grid: Grid, ctx: Context) -> SheetMapping | None:
    """The recap mapping of a sheet, or None when it is not a recap."""
    best: tuple[float, int, list[Column]] | None = None
    for row in grid.row_numbers[:HEADER_SCAN]:
        columns = _header_columns(grid, row, ctx)
        weight = _weight(columns)
        if weight and (best is None or weight > best[0]):
            best = (weight, row, columns)
    needed = 2 if len(ctx.leaf_ids) > 1 else 1
    if best is None or best[0] < needed:
        return None
    _, header_row, columns = best
    columns = _with_entry_columns(grid, header_row, columns, ctx)
    if not any(c.role in ("entry", "entry_id") for c in columns):
        return None
    mapping = SheetMapping(grid.name, "recap", header_row=header_row, columns=tuple(columns))
    rows = _entry_rows(grid, mapping, ctx)
    leaves = {c.criterion_id for c in columns if c.role == "criterion" and c.criterion_id}
    sure = sum(1 for r in rows if r.confidence.sure)
    fit = (len(leaves) / max(len(ctx.leaf_ids), 1)) * (sure / len(rows) if rows else 0.0)
    return SheetMapping(grid.name, "recap", header_row=header_row, columns=tuple(columns),
                        rows=tuple(rows), fit=round(fit, 3))


def _with_entry_columns(grid: Grid, header_row: int, columns: list[Column], ctx: Context
                        ) -> list[Column]:
    """The columns, with the entry column (and id column) found from the names below."""
    scored = {c.number for c in columns if c.role in ("criterion", "subtotal")}
    texts: dict[int, list[str]] = {}
    for row in [r for r in grid.row_numbers if r > header_row][:ENTRY_SCAN]:
        for column, value in grid.rows[row].items():
            if isinstance(value, str) and column not in scored:
                texts.setdefault(column, []).append(clean_text(value))
    ctx.match_entries(t for values in texts.values() for t in values)
    ids = {id_key(e) for e in ctx.category_of}
    id_counts = {c: sum(1 for t in values if id_key(t) in ids) for c, values in texts.items()}
    id_column = max((c for c in id_counts if id_counts[c]), key=lambda c: (id_counts[c], -c),
                    default=None)
    headed = {c.number for c in columns if c.role == "entry"}

    def rank(column: int) -> tuple[int, int, bool, int]:
        statuses = [ctx.entry(t)[1] for t in texts[column]]
        return (sum(1 for s in statuses if s.sure),
                sum(1 for s in statuses if s.status == "uncertain"), column in headed, -column)

    ranked = sorted((c for c in texts if c != id_column), key=rank, reverse=True)
    name_column = ranked[0] if ranked and rank(ranked[0])[:2] != (0, 0) else None
    if name_column is None and headed - {id_column}:
        name_column = min(headed - {id_column})
    chosen = {c: role for c, role in ((name_column, "entry"), (id_column, "entry_id"))
              if c is not None}
    result = []
    for c in columns:
        if c.number in chosen:
            result.append(Column(c.column, chosen.pop(c.number), None, c.header, c.cell,
                                 Confidence("exact")))
        elif c.role in ("entry", "entry_id"):
            result.append(Column(c.column, "ignore", None, c.header, c.cell, c.confidence))
        else:
            result.append(c)
    # an entry column without a heading of its own
    result += [Column(column_letter(number), role, None, "", cell_name(header_row, number),
                      Confidence("assumed")) for number, role in chosen.items()]
    return sorted(result, key=lambda c: c.number)


# --- reading ----------------------------------------------------------------------------------


def _label(grid: Grid, row: int, mapping: SheetMapping) -> tuple[str, tuple[int, int]]:
    """(text, cell) naming the row's entry: the id when the id column has one, else the name."""
    for role in ("entry_id", "entry"):
        for column in mapping.with_role(role):
            text = clean_text(grid.text(row, column.number))
            if text:
                return text, (row, column.number)
    return "", (row, 0)


def _data(value: object) -> bool:
    """A score cell's value that makes its row a data row, name or not: a number, also typed
    as text (every value of a CSV is text), or an error value."""
    if blank(value):
        return False
    return read_cell(value).kind in ("number", "error", "no_value")


def _body_end(grid: Grid, mapping: SheetMapping, ctx: Context) -> tuple[int, frozenset[int]]:
    """The last data row, and the footer rows above it (see the words)."""
    header = mapping.header_row or 0
    score_columns = {c.number for c in mapping.columns if c.role == "criterion"}
    labels = {row: _label(grid, row, mapping)[0] for row in grid.row_numbers if row > header}
    ctx.match_entries(text for text in labels.values() if text)
    last = header
    footers: set[int] = set()
    for row, label in labels.items():
        if _rubric_row(label):
            continue
        entry_id, confidence = ctx.entry(label) if label else (None, None)
        if entry_id is not None:
            last = row
            continue
        cells = grid.rows[row]
        texts = [v for c, v in cells.items() if isinstance(v, str) and c not in score_columns]
        if last > header and any(is_footer(t) for t in texts):
            # the end of the table, unless entries follow (a subtotal between two blocks);
            # a footer's words may resemble an entry's name (Rata-rata OPD): it is a footer
            footers.add(row)
            continue
        if confidence is not None and confidence.status != "none":
            last = row
            continue
        if not footers and (any(_data(cells.get(c)) for c in score_columns) or (label and any(
                not blank(cells.get(c)) for c in score_columns))):
            last = row
    return last, frozenset(r for r in footers if r < last)


def _entry_rows(grid: Grid, mapping: SheetMapping, ctx: Context) -> list[EntryRow]:
    header = mapping.header_row or 0
    end, footers = _body_end(grid, mapping, ctx)
    rows = []
    labels = {row: _label(grid, row, mapping) for row in grid.row_numbers
              if header < row <= end and row not in footers}
    ctx.match_entries(text for text, _ in labels.values() if text)
    for row, (text, cell) in labels.items():
        if text and not _rubric_row(text):
            entry_id, confidence = ctx.entry(text)
            rows.append(EntryRow(row, entry_id, text, cell_name(*cell), confidence))
    return rows


def read(grid: Grid, mapping: SheetMapping, ctx: Context, sink: Sink, judge: str
         ) -> list[GivenTotal]:
    """Read a recap sheet by its mapping into ``sink``; the judge's totals, to check."""
    where = {"file": ctx.file, "sheet": grid.name}
    header = mapping.header_row or 0
    end, footers = _body_end(grid, mapping, ctx)
    body = [r for r in grid.row_numbers if header < r <= end and r not in footers]
    criteria = _criterion_columns(grid, mapping, body, (header, end), ctx, sink)
    judges = mapping.with_role("judge")
    totals = mapping.with_role("total")
    tasks: list[Task] = []
    given: list[GivenTotal] = []
    categories: set[str] = set()
    labels = {row: _label(grid, row, mapping) for row in body}
    ctx.match_entries(text for text, _ in labels.values() if text)
    for row in body:
        text, label_cell = labels[row]
        if _rubric_row(text):
            continue
        filled = [(row, c.number) for c in criteria if not blank(grid.value(row, c.number))]
        if not text:
            if filled:
                sink.problems.append(error("layout.row_without_entry", **where,
                                           cell=span(filled), row=row))
            continue
        name_text(grid, *label_cell, ctx, sink)  # reports absurd or control-laden names
        entry_id, confidence = ctx.entry(text)
        if entry_id == IGNORE:
            continue
        if entry_id is None:
            if filled:
                # the name is not a sure match: its scores are not read, and the problem's
                # range holds them (the name's cell through the last score)
                sink.problems.append(entry_problem_of(text, confidence, **where,
                                                      cell=span([label_cell, *filled])))
                sink.unsure("entry", grid.name, cell_name(*label_cell), text, confidence)
            continue
        categories.add(ctx.category_of.get(entry_id, ""))
        row_judge = next((named for named in (clean_text(grid.text(row, c.number))
                                              for c in judges) if named), judge)
        tasks += [Task(row, c.number, entry_id, c.criterion_id or "", row_judge,
                       (grid.name, row)) for c in criteria]
        for column in totals[:1]:
            value = grid.value(row, column.number)
            if not blank(value):
                given.append(GivenTotal(entry_id, row_judge, grid.name,
                                        cell_name(row, column.number), value,
                                        grid.formats.get((row, column.number)),
                                        span((row, c.number) for c in criteria)))
    read_tasks(grid, tasks, ctx, sink)
    used = {c.criterion_id for c in criteria}
    absent = [leaf for category in sorted(categories) if category in ctx.applicable
              for leaf in ctx.rubric.leaf_ids_for(category) if leaf not in used]
    ignored = {c.criterion_id for c in mapping.columns if c.role == "ignore"}
    absent = [leaf for leaf in absent if leaf not in ignored]
    if absent:
        names = ", ".join(dict.fromkeys(ctx.rubric.nodes[leaf].name for leaf in absent))
        sink.problems.append(warning("layout.criteria_missing", **where,
                                     cell=f"{header}:{header}" if header else "",
                                     criteria=names))
    return given


def _criterion_columns(grid: Grid, mapping: SheetMapping, body: list[int],
                       bounds: tuple[int, int], ctx: Context, sink: Sink) -> list[Column]:
    """The columns to read; a problem for each column not read that holds something."""
    where = {"file": ctx.file, "sheet": grid.name}
    header, end = bounds

    def column_span(number: int) -> str:
        return span([(max(header, 1), number), (max(end, header, 1), number)])

    chosen: list[Column] = []
    seen: dict[str, Column] = {}
    for column in mapping.columns:
        if column.role != "criterion" or column.criterion_id == IGNORE:
            continue
        if column.criterion_id is None:
            # an uncertain heading is never read silently: the problem's range holds its cells
            if any(not blank(grid.value(r, column.number)) for r in body):
                sink.problems.append(criterion_problem_of(
                    column.header, column.confidence, ctx, sheet=grid.name,
                    cell=column_span(column.number)))
                sink.unsure("criterion", grid.name, column.cell, column.header,
                            column.confidence, column=column.column)
            continue
        if column.criterion_id in seen:
            sink.problems.append(error(
                "layout.criterion_twice", **where, cell=column_span(column.number),
                column=column.column, other=seen[column.criterion_id].column,
                criterion=column.criterion_id,
                criterion_name=ctx.rubric.nodes[column.criterion_id].name))
            continue
        seen[column.criterion_id] = column
        chosen.append(column)
    known = {c.number for c in mapping.columns
             if c.role != "ignore" or c.confidence.status not in ("none", "uncertain")}
    headers = {c.number: c.header for c in mapping.columns}
    numeric = sorted({c for r in body for c, v in grid.rows[r].items()
                      if c not in known and isinstance(v, (int, float))
                      and not isinstance(v, bool)})
    for number in numeric:
        sink.problems.append(warning("layout.column_not_read", **where,
                                     cell=column_span(number), column=column_letter(number),
                                     header=headers.get(number, "")))
        sink.unsure("criterion", grid.name, cell_name(max(header, 1), number),
                    headers.get(number, ""), Confidence("none", 0.0),
                    column=column_letter(number))
    return chosen
