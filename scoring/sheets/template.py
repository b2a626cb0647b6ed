"""Judge templates: one .xlsx per judge to fill offline, print, and upload again.

Words used here:
- *template*: the workbook :func:`write_template` makes for one judge (or for any judge, with
  an empty judge name for them to fill in).
- *category sheet*: one visible sheet per category that has entries: title rows, then the
  *header rows* (criteria group path, criterion names, weights, scales, steps), then one *data
  row* per entry with its number, id, name, a *score cell* per leaf criterion and the judge's
  own weighted total (a formula, for the judge's convenience only; the engine never reads it).
- *comment column*: after the judge's total, one cell per entry for the judge's written
  comment (optional; read with its cell, shown to the organisers and in that entry's feedback
  report only). Templates made before it existed have none.
- *judge cell*: the one cell holding the judge's name (on the first category sheet; the other
  sheets show it by formula).
- *metadata sheet*: the very hidden sheet :data:`META_SHEET` that records what the template was
  made from (rubric id, version and fingerprint, judge, entries) and its *layout* (for each
  category sheet: header row, data rows, which column holds which criterion, which row which
  entry), so that reading never guesses where things are. Its first cell holds :data:`MARKER`.

Protection is only against accidents: every sheet is protected without a password, and the
score cells and the judge cell are the only unlocked cells; the workbook structure is locked
(no password either) so that sheets are not renamed, deleted or reordered by mistake.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import (
    Alignment,
    Border,
    Font,
    NamedStyle,
    PatternFill,
    Protection,
    Side,
)
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.worksheet import Worksheet

from scoring.entries import Entries, Entry
from scoring.i18n import t
from scoring.problems import ProblemsError, error
from scoring.rubric import Criterion, Rubric, Scale
from scoring.sheets.template_notes import add_validations, header_comment, short_number

META_SHEET = "_juri_template"
"""Title of the very hidden metadata sheet."""
MARKER = "juri-template"
"""Text in A1 of the metadata sheet: how a workbook is recognised as one of our templates."""
FORMAT_VERSION = 1
"""Layout of the metadata sheet; bump it when the records below change shape."""

# Where things are on a category sheet. Reading never uses these constants: it follows the
# layout recorded in the metadata sheet, so older templates stay readable if this changes.
TITLE_ROW, CATEGORY_ROW, JUDGE_ROW, NOTE_ROW = 1, 2, 3, 4
GROUP_ROW, HEADER_ROW, WEIGHT_ROW, SCALE_ROW, STEP_ROW = 5, 6, 7, 8, 9
FIRST_DATA_ROW = 10
NO_COL, ID_COL, NAME_COL, FIRST_SCORE_COL = 1, 2, 3, 4
JUDGE_LABEL_COL, JUDGE_VALUE_COL = 1, 3

_INVALID_TITLE_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
_MAX_TITLE = 31

_GREY = "FF666666"
_SCORE_FILL = PatternFill("solid", fgColor="FFFFF2CC")
_HEADER_FILL = PatternFill("solid", fgColor="FFDDEBF7")
_TOTAL_FILL = PatternFill("solid", fgColor="FFEDEDED")
_THIN = Side(style="thin", color="FF999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_UNLOCKED = Protection(locked=False)
_STYLE_SCORE, _STYLE_TEXT, _STYLE_ID, _STYLE_TOTAL = (
    "Juri nilai", "Juri teks", "Juri id", "Juri total")


def _named_styles() -> list[NamedStyle]:
    return [
        NamedStyle(_STYLE_SCORE, fill=_SCORE_FILL, border=_BOX, protection=_UNLOCKED,
                   alignment=Alignment(horizontal="center")),
        NamedStyle(_STYLE_TEXT, border=_BOX),
        NamedStyle(_STYLE_ID, border=_BOX, font=Font(sz=8, color=_GREY)),
        NamedStyle(_STYLE_TOTAL, border=_BOX, fill=_TOTAL_FILL, number_format="0.00"),
    ]


# --- the layout, as recorded in the metadata sheet -----------------------------------------


@dataclass(frozen=True)
class ColumnLayout:
    """One score column: the criterion it holds, the heading written above it, its scale."""

    column: str
    criterion_id: str
    header: str
    scale: Scale


@dataclass(frozen=True)
class RowLayout:
    """One data row: the entry it was written for."""

    row: int
    entry_id: str
    name: str


@dataclass(frozen=True)
class SheetLayout:
    title: str
    category: str
    header_row: int
    first_data_row: int
    id_column: str
    name_column: str
    columns: tuple[ColumnLayout, ...]
    rows: tuple[RowLayout, ...]
    comment_column: str = ""
    """The column of the judges' comments; empty in templates made before it existed."""

    @cached_property
    def last_data_row(self) -> int:
        return max((r.row for r in self.rows), default=self.first_data_row - 1)


@dataclass(frozen=True)
class TemplateMeta:
    """Everything the metadata sheet records."""

    rubric_id: str
    rubric_version: str
    rubric_fingerprint: str
    judge: str
    judge_sheet: str
    judge_cell: str
    sheets: tuple[SheetLayout, ...]


class TemplateDamagedError(Exception):
    """The metadata sheet exists but cannot be understood; ``cell`` is where it went wrong."""

    def __init__(self, detail: str, cell: str = "") -> None:
        super().__init__(detail)
        self.detail = detail
        self.cell = cell


# --- writing --------------------------------------------------------------------------------


def write_template(rubric: Rubric, entries: Entries, judge: str = "") -> bytes:
    """The .xlsx bytes of a judge template for ``rubric`` and ``entries``.

    ``judge`` pre-fills the judge cell; leave it empty for a template any judge can fill.
    Raises :class:`~scoring.problems.ProblemsError` when an entry's category is not in the
    rubric or no entry is in any of the rubric's categories (check the entries first).
    """
    unknown = entries.check_categories(rubric.category_ids)
    if unknown:
        raise ProblemsError(unknown)
    categories = [c for c in rubric.categories if entries.in_category(c.id)]
    if not categories:
        raise ProblemsError([error("entries.empty")])

    wb = Workbook()
    wb.remove(wb.active)
    for style in _named_styles():
        wb.add_named_style(style)
    titles = _sheet_titles([c.id for c in categories])
    judge_ref: tuple[str, str] | None = None
    layouts: list[SheetLayout] = []
    for category in categories:
        ws = wb.create_sheet(titles[category.id])
        layouts.append(_write_category_sheet(ws, rubric, category.id,
                                             entries.in_category(category.id), judge, judge_ref))
        if judge_ref is None:
            judge_ref = (ws.title, f"{get_column_letter(JUDGE_VALUE_COL)}{JUDGE_ROW}")
    assert judge_ref is not None
    _write_meta(wb.create_sheet(META_SHEET), rubric, judge, judge_ref, layouts)
    # Lock the structure so sheets are not renamed, removed or unhidden by accident; no
    # password, since this only guards against slips.
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _sheet_titles(category_ids: list[str]) -> dict[str, str]:
    """A valid, unique (case-insensitively, as Excel compares) sheet title per category."""
    titles: dict[str, str] = {}
    taken = {META_SHEET.casefold()}
    for cat_id in category_ids:
        base = cat_id.translate(_INVALID_TITLE_CHARS).strip().strip("'")[:_MAX_TITLE] or "Nilai"
        title, n = base, 1
        while title.casefold() in taken:
            n += 1
            suffix = f"~{n}"
            title = base[:_MAX_TITLE - len(suffix)] + suffix
        taken.add(title.casefold())
        titles[cat_id] = title
    return titles


def _bilingual(key: str, *, bold: bool = False, size: float = 10, **params: object
               ) -> CellRichText:
    """Indonesian text, then the English in smaller grey words."""
    return CellRichText([
        TextBlock(InlineFont(b=bold, sz=size), t(key, "id", **params)),
        TextBlock(InlineFont(i=True, sz=max(size - 2, 7), color=_GREY),
                  " / " + t(key, "en", **params)),
    ])


def _write_category_sheet(ws: Worksheet, rubric: Rubric, category_id: str,
                          entries: tuple[Entry, ...], judge: str,
                          judge_ref: tuple[str, str] | None) -> SheetLayout:
    category = rubric.category(category_id)
    leaf_ids = rubric.leaf_ids_for(category_id)
    leaves = [rubric.nodes[i] for i in leaf_ids]
    shares = rubric.weight_percentages(category_id)
    weights = rubric.effective_weights(category_id)
    total_col = FIRST_SCORE_COL + len(leaves)
    last_col = get_column_letter(total_col)
    first_score = get_column_letter(FIRST_SCORE_COL)
    last_score = get_column_letter(total_col - 1)
    last_row = FIRST_DATA_ROW + len(entries) - 1

    # --- title rows
    ws.cell(TITLE_ROW, 1, CellRichText([
        TextBlock(InlineFont(b=True, sz=14), rubric.label("id")),
        *([TextBlock(InlineFont(i=True, sz=10, color=_GREY), "  /  " + rubric.title_en)]
          if rubric.title_en and rubric.title_en != rubric.title else []),
    ]))
    ws.cell(CATEGORY_ROW, 1, CellRichText([
        TextBlock(InlineFont(b=True, sz=11), f"{t('template.label.category', 'id')}: "
                                             f"{category.label('id')}"),
        TextBlock(InlineFont(i=True, sz=9, color=_GREY),
                  f"  /  {t('template.label.category', 'en')}: {category.label('en')}"),
    ]))
    ws.cell(JUDGE_ROW, JUDGE_LABEL_COL, _bilingual("template.label.judge", bold=True))
    ws.merge_cells(start_row=JUDGE_ROW, start_column=JUDGE_LABEL_COL,
                   end_row=JUDGE_ROW, end_column=JUDGE_VALUE_COL - 1)
    name_cell = ws.cell(JUDGE_ROW, JUDGE_VALUE_COL)
    if judge_ref is None:
        _put(name_cell, judge or None)
        name_cell.protection = _UNLOCKED
        name_cell.fill = _SCORE_FILL
    else:
        # Other sheets show the one judge cell, so the name is typed once and printed on
        # every page.
        ref = (f"{quote_sheetname(judge_ref[0])}!"
               f"${get_column_letter(JUDGE_VALUE_COL)}${JUDGE_ROW}")
        name_cell.value = f'=IF({ref}="","",{ref})'
    name_cell.border = _BOX
    name_cell.font = Font(b=True, sz=12)
    ws.cell(NOTE_ROW, 1, _bilingual("template.text.instructions", size=9))
    for row in (TITLE_ROW, CATEGORY_ROW, NOTE_ROW):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=total_col)
        ws.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="center")

    # --- header rows
    ws.cell(HEADER_ROW, NO_COL, t("template.label.no", "id"))
    ws.cell(HEADER_ROW, ID_COL, t("template.label.entry_id", "id"))
    ws.cell(HEADER_ROW, NAME_COL, _bilingual("template.label.entry_name", bold=True))
    ws.cell(WEIGHT_ROW, NAME_COL, _bilingual("template.label.weight", size=9))
    ws.cell(SCALE_ROW, NAME_COL, _bilingual("template.label.scale", size=9))
    ws.cell(STEP_ROW, NAME_COL, _bilingual("template.label.step", size=9))
    columns: list[ColumnLayout] = []
    for offset, leaf in enumerate(leaves):
        col = FIRST_SCORE_COL + offset
        letter = get_column_letter(col)
        assert leaf.scale is not None
        head = _put(ws.cell(HEADER_ROW, col), leaf.name)
        head.alignment = Alignment(text_rotation=90, wrap_text=True, horizontal="center",
                                   vertical="bottom")
        head.font = Font(b=True, sz=9)
        head.comment = header_comment(leaf, shares[leaf.id])
        ws.cell(WEIGHT_ROW, col, f"{short_number(round(shares[leaf.id], 2))} %")
        ws.cell(SCALE_ROW, col, f"{short_number(leaf.scale.min)}–{short_number(leaf.scale.max)}")
        ws.cell(STEP_ROW, col, short_number(leaf.scale.step))
        for row in (WEIGHT_ROW, SCALE_ROW, STEP_ROW):
            ws.cell(row, col).font = Font(sz=8)
        columns.append(ColumnLayout(letter, leaf.id, leaf.name, leaf.scale))
        ws.column_dimensions[letter].width = 7.5
    _write_group_row(ws, rubric, leaves, shares)
    total_head = ws.cell(HEADER_ROW, total_col, _bilingual("template.label.total", bold=True,
                                                            size=9))
    total_head.alignment = Alignment(text_rotation=90, wrap_text=True, horizontal="center",
                                     vertical="bottom")
    total_head.comment = Comment(
        t("template.text.total_note", "id") + "\n\n" + t("template.text.total_note", "en"),
        "Juri", height=160, width=300)
    comment_col = total_col + 1
    comment_letter = get_column_letter(comment_col)
    ws.cell(HEADER_ROW, comment_col, _bilingual("template.label.comment", bold=True, size=9)
            ).alignment = Alignment(wrap_text=True, vertical="bottom")
    ws.column_dimensions[comment_letter].width = 40
    for row in range(GROUP_ROW, STEP_ROW + 1):
        for col in range(1, comment_col + 1):
            cell = ws.cell(row, col)
            cell.fill = _HEADER_FILL
            cell.border = _BOX
            if (row != HEADER_ROW or col < FIRST_SCORE_COL) and col != comment_col:
                cell.alignment = Alignment(wrap_text=True, horizontal="center"
                                           if col >= FIRST_SCORE_COL else "left",
                                           vertical="center")

    # --- data rows
    rows: list[RowLayout] = []
    terms_by_col = [(get_column_letter(FIRST_SCORE_COL + i), weights[leaf.id])
                    for i, leaf in enumerate(leaves)]
    for index, entry in enumerate(entries):
        row = FIRST_DATA_ROW + index
        # Named styles: one assignment per cell instead of four keeps large templates fast.
        ws.cell(row, NO_COL, index + 1).style = _STYLE_TEXT
        _put(ws.cell(row, ID_COL), entry.id).style = _STYLE_ID
        _put(ws.cell(row, NAME_COL), entry.name).style = _STYLE_TEXT
        for col in range(FIRST_SCORE_COL, total_col):
            ws.cell(row, col).style = _STYLE_SCORE
        # N() reads text and errors as 0, so a stray text entry does not break the total;
        # COUNT keeps an unscored row blank instead of showing 0.
        terms = "+".join(f"N({letter}{row})*{weight:.12g}" for letter, weight in terms_by_col)
        ws.cell(row, total_col, f'=IF(COUNT({first_score}{row}:{last_score}{row})=0,"",{terms})'
                ).style = _STYLE_TOTAL
        note = ws.cell(row, comment_col)
        note.protection, note.border = _UNLOCKED, _BOX
        note.alignment = Alignment(wrap_text=True, vertical="top")
        rows.append(RowLayout(row, entry.id, entry.name))

    add_validations(ws, leaves, FIRST_SCORE_COL, FIRST_DATA_ROW, last_row)

    # --- view, print and protection
    ws.column_dimensions[get_column_letter(NO_COL)].width = 4
    ws.column_dimensions[get_column_letter(ID_COL)].width = 14
    longest = max((len(e.name) for e in entries), default=20)
    ws.column_dimensions[get_column_letter(NAME_COL)].width = min(max(longest + 2, 30), 60)
    ws.column_dimensions[last_col].width = 9
    ws.row_dimensions[TITLE_ROW].height = 24
    ws.row_dimensions[NOTE_ROW].height = 30
    ws.row_dimensions[GROUP_ROW].height = 45
    longest_header = max(len(leaf.name) for leaf in leaves)
    # Rotated names wrap into about three lines of 9 pt text in a 7.5-wide column; each
    # line needs about 6 pt of height per 2.5 characters (Excel does not size this itself).
    ws.row_dimensions[HEADER_ROW].height = min(
        max(60, 6 * math.ceil(longest_header / 2.5) + 12), 220)
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, FIRST_SCORE_COL).coordinate
    ws.print_title_rows = f"{TITLE_ROW}:{STEP_ROW}"
    ws.print_area = f"A1:{comment_letter}{max(last_row, STEP_ROW)}"
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the entries need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.left.text = (f"Juri · {rubric.id} v{rubric.version} · "
                              f"{rubric.fingerprint[:12]}").replace("&", "&&")
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = t("template.text.page", "id")
    ws.oddFooter.right.size = 8
    ws.protection.sheet = True
    # Let judges widen columns and rows to read long names; everything else stays locked.
    ws.protection.formatColumns = False
    ws.protection.formatRows = False

    return SheetLayout(
        title=ws.title, category=category_id, header_row=HEADER_ROW,
        first_data_row=FIRST_DATA_ROW, id_column=get_column_letter(ID_COL),
        name_column=get_column_letter(NAME_COL), columns=tuple(columns), rows=tuple(rows),
        comment_column=comment_letter)


def _write_group_row(ws: Worksheet, rubric: Rubric, leaves: list[Criterion],
                     shares: Mapping[str, float]) -> None:
    """The criteria groups above the criterion names, one merged cell per run of columns."""
    paths: list[tuple[str, ...]] = []
    for leaf in leaves:
        path: list[str] = []
        parent = rubric.parents[leaf.id]
        while parent is not None:
            path.append(parent)
            parent = rubric.parents[parent]
        paths.append(tuple(reversed(path)))
    start = 0
    for i in range(1, len(leaves) + 1):
        if i < len(leaves) and paths[i] == paths[start]:
            continue
        if paths[start]:
            text = " › ".join(f"{rubric.nodes[g].name} ({short_number(round(shares[g], 2))} %)"
                              for g in paths[start])
            cell = _put(ws.cell(GROUP_ROW, FIRST_SCORE_COL + start), text)
            cell.font = Font(b=True, sz=8)
            if i - 1 > start:
                ws.merge_cells(start_row=GROUP_ROW, start_column=FIRST_SCORE_COL + start,
                               end_row=GROUP_ROW, end_column=FIRST_SCORE_COL + i - 1)
        start = i


def _write_meta(ws: Worksheet, rubric: Rubric, judge: str, judge_ref: tuple[str, str],
                layouts: list[SheetLayout]) -> None:
    """The metadata sheet: one record per row, its kind in column A.

    Records: ``rubric, id, version, fingerprint`` · ``judge, name, sheet, cell`` ·
    ``sheet, title, category, header row, first data row, id column, name column`` ·
    ``column, sheet, column, criterion id, heading, scale min, max, step`` ·
    ``entry, sheet, row, entry id, name`` · ``comment, sheet, column``.
    """
    append = _appender(ws)
    append([MARKER, FORMAT_VERSION,
               t("template.text.meta_note", "id") + " / " + t("template.text.meta_note", "en")])
    append(["rubric", rubric.id, rubric.version, rubric.fingerprint])
    append(["judge", judge, judge_ref[0], judge_ref[1]])
    for layout in layouts:
        append(["sheet", layout.title, layout.category, layout.header_row,
                   layout.first_data_row, layout.id_column, layout.name_column])
    for layout in layouts:
        for col in layout.columns:
            append(["column", layout.title, col.column, col.criterion_id, col.header,
                       col.scale.min, col.scale.max, col.scale.step])
    for layout in layouts:
        for row in layout.rows:
            append(["entry", layout.title, row.row, row.entry_id, row.name])
    for layout in layouts:
        if layout.comment_column:
            append(["comment", layout.title, layout.comment_column])
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def _put(cell: Cell, value: object) -> Cell:
    """Write ``value``; a text starting with ``=`` stays text (an entry or judge named
    ``=…`` must not become a formula in a judge's spreadsheet)."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _appender(ws: Worksheet) -> Callable[[list[object]], None]:
    """``ws.append`` that keeps texts as texts (see :func:`_put`)."""
    next_row = [1]

    def append(values: list[object]) -> None:
        for col, value in enumerate(values, start=1):
            _put(ws.cell(next_row[0], col), value)
        next_row[0] += 1
    return append


# --- reading the metadata --------------------------------------------------------------------


def read_meta(wb: Workbook) -> TemplateMeta:
    """The metadata of a template; raises :class:`TemplateDamagedError` if it is malformed."""
    return meta_from_rows(list(wb[META_SHEET].iter_rows(values_only=True)))


def meta_from_rows(records: Sequence[Sequence[object]]) -> TemplateMeta:
    """:func:`read_meta` from the metadata sheet's values, row 1 first (an empty cell is None
    or ``""``); raises :class:`TemplateDamagedError` if they are malformed."""
    first = records[0] if records else ()
    version = first[1] if len(first) > 1 else None
    if version != FORMAT_VERSION:
        raise TemplateDamagedError(f"format version {version!r}, expected {FORMAT_VERSION}",
                                   "B1")
    rubric: tuple[str, str, str] | None = None
    judge: tuple[str, str, str] | None = None
    sheets: dict[str, dict[str, object]] = {}
    columns: dict[str, list[ColumnLayout]] = {}
    rows: dict[str, list[RowLayout]] = {}
    comments: dict[str, str] = {}
    for number, values in enumerate(records[1:], start=2):
        kind = values[0] if values else None
        if kind is None or kind == "":
            continue
        try:
            if kind == "rubric":
                rubric = (_text(values[1]), _text(values[2]), _text(values[3]))
            elif kind == "judge":
                judge = (_text(values[1]), _text(values[2]), _coordinate(values[3]))
            elif kind == "sheet":
                sheets[_text(values[1])] = {
                    "category": _text(values[2]), "header_row": _whole(values[3]),
                    "first_data_row": _whole(values[4]), "id_column": _column(values[5]),
                    "name_column": _column(values[6])}
            elif kind == "column":
                columns.setdefault(_text(values[1]), []).append(ColumnLayout(
                    _column(values[2]), _text(values[3]), _text(values[4]),
                    Scale(min=values[5], max=values[6], step=values[7])))
            elif kind == "entry":
                rows.setdefault(_text(values[1]), []).append(
                    RowLayout(_whole(values[2]), _text(values[3]), _text(values[4])))
            elif kind == "comment":
                comments[_text(values[1])] = _column(values[2])
            else:
                raise ValueError(f"unknown record {kind!r}")
        except (IndexError, ValueError, TypeError) as exc:  # pydantic's error is a ValueError
            raise TemplateDamagedError(f"{exc}", f"A{number}") from None
    if rubric is None or judge is None or not sheets:
        raise TemplateDamagedError("rubric, judge or sheet records missing")
    unknown_sheets = (set(columns) | set(rows) | set(comments)) - set(sheets)
    if unknown_sheets:
        raise TemplateDamagedError(f"records for unknown sheets {sorted(unknown_sheets)}")
    layouts = tuple(
        SheetLayout(title=title, category=str(info["category"]),
                    header_row=int(info["header_row"]),  # type: ignore[call-overload]
                    first_data_row=int(info["first_data_row"]),  # type: ignore[call-overload]
                    id_column=str(info["id_column"]), name_column=str(info["name_column"]),
                    columns=tuple(columns.get(title, ())), rows=tuple(rows.get(title, ())),
                    comment_column=comments.get(title, ""))
        for title, info in sheets.items())
    return TemplateMeta(rubric_id=rubric[0], rubric_version=rubric[1],
                        rubric_fingerprint=rubric[2], judge=judge[0], judge_sheet=judge[1],
                        judge_cell=judge[2], sheets=layouts)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _whole(value: object) -> int:
    if (isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value)
            or value < 1):
        raise ValueError(f"not a row number: {value!r}")
    return int(value)


def _column(value: object) -> str:
    if not (isinstance(value, str) and re.fullmatch(r"[A-Z]{1,3}", value)):
        raise ValueError(f"not a column: {value!r}")
    return value


def _coordinate(value: object) -> str:
    if not (isinstance(value, str) and re.fullmatch(r"[A-Z]{1,3}[1-9][0-9]*", value)):
        raise ValueError(f"not a cell: {value!r}")
    return value
