"""The official results workbook.

Sheets: one per category (rank, entry, total, group subtotals, award, reward, tie notes);
when there is a result, the fairness sheets: rank confidence (probability of each award place,
rank interval, margin to the next entry, too close to call), the sensitivity report (the
ranking under each panel rule and normalisation side by side, changed places marked), judge
diagnostics (and each judge's fitted offset when the rubric normalises) and agreement
statistics overall and per criterion group; then the judges' raw scores with the cell each
came from, the problems found, and last the rubric used with the fingerprints.

A competition in stages (:mod:`scoring.stages`): the category sheets add the last stage each
entry reached, its rank there and a gate's reason; an entry stopped by a gate has no rank,
total or judges (empty cells). The fairness sheets are computed on the last stage's own
result, with a note line saying so, and left out (a note on the rubric sheet) when the last
stage is not judged.

Numbers stay numbers (shown with two decimals; Excel in an Indonesian locale shows 85,50;
prize amounts as rupiah), rounded where they are made: totals and subtotals to the rubric's
decimals, every other figure to :data:`DIGITS` at most, so no cell holds float noise such as
86.78000000000002. Every text that came from users is neutralised against formula injection.
The category sheets print as they are: a title block (:data:`TITLE_ROWS` rows) above frozen
headers repeated on every page, column widths that fit the content, landscape A4 fit to
width, and the fingerprint in the footer. The same inputs
give the same file byte for byte: the confidence figures are seeded
(:meth:`scoring.result.Result.confidence`), and the file's own dates (document properties,
zip entries) are fixed to the competition's date rather than the time of export.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scoring.agreement import FORMS, TOTAL_PART, agreement_frame
from scoring.diagnostics import judge_diagnostics
from scoring.i18n import DEFAULT_LANGUAGE, format_date, t
from scoring.result import CONFIDENCE_INTERVAL, CONFIDENCE_RESAMPLES, CONFIDENCE_SEED, Result
from scoring.rubric import Criterion
from scoring.safe_text import neutralise, neutralise_frame
from scoring.sensitivity import VARIANTS, sensitivity

CHANGED_FILL = PatternFill("solid", start_color="FFF2CC", end_color="FFF2CC")
"""Background of a cell whose place differs from the official one (sensitivity sheet) and of
a place too close to call (confidence sheet)."""

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
"""Fonts shared by every cell that uses them (one object, one style entry)."""

DIGITS = 6
"""The most decimals any figure of the workbook keeps."""
TITLE_ROWS = 3
"""Rows above the header of a category sheet: the title, the date and place, a blank row."""
RUPIAH = '"Rp"#,##0'
"""Display format of prize amounts (Excel shows Rp10.000.000 in an Indonesian locale)."""

_INVALID_TITLE = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _title(text: str) -> str:
    return text.translate(_INVALID_TITLE)[:31]


def _header(ws: Worksheet, labels: list[str]) -> None:
    cells = []
    for label in labels:
        # headings hold the rubric's labels (criteria groups): user text, neutralised too
        cell = WriteOnlyCell(ws, value=neutralise(label))
        cell.font = BOLD
        cells.append(cell)
    ws.append(cells)


def _row(ws: Worksheet, values: list[object], number_format: str = "0.00",
         formats: list[str | None] | None = None, marked: list[bool] | None = None) -> None:
    """One row; ``formats`` (per cell, None: ``number_format``) for numbers, ``marked`` cells
    get :data:`CHANGED_FILL` and bold."""
    cells = []
    for i, value in enumerate(values):
        if isinstance(value, (float, np.floating)) and pd.isna(value):
            value = None
        if isinstance(value, np.generic):
            value = value.item()
        if isinstance(value, float):
            value = round(value, DIGITS)
        cell = WriteOnlyCell(ws, value=neutralise(value))
        if isinstance(value, float):
            chosen = formats[i] if formats is not None and i < len(formats) else None
            cell.number_format = chosen or number_format
        if marked is not None and i < len(marked) and marked[i]:
            cell.fill = CHANGED_FILL
            cell.font = BOLD
        cells.append(cell)
    ws.append(cells)


def results_workbook(result: Result, lang: str = DEFAULT_LANGUAGE, *, fairness: bool = True,
                     scores_sheet: bool = True) -> bytes:
    """The results workbook as .xlsx bytes. ``fairness``: include the judge diagnostics,
    agreement, rank confidence and sensitivity sheets (when there is a result);
    ``scores_sheet``: include the judges' raw scores (one row per mark: leave it out of a
    national competition's workbook, where it is hundreds of thousands of rows)."""
    rubric = result.rubric
    wb = Workbook(write_only=True)
    groups = [node for node, _, depth in rubric.walk() if depth == 0 or not node.is_leaf]
    for category in rubric.categories:
        _category_sheet(wb, result, category.id, groups, lang)

    if fairness and result.ok:
        judged, note = _fairness_source(result, lang)
        if judged is not None:
            _confidence_sheet(wb, judged, lang, note)
            _sensitivity_sheet(wb, judged, lang, note)
            _judges_sheet(wb, judged, lang, note)
            _agreement_sheet(wb, judged, lang, note)

    rows = _scores_sheet(wb, result, lang) if scores_sheet else None

    ws = wb.create_sheet(_title(t("export.sheet_problems", lang)))
    _header(ws, [t(f"col.{c}", lang) for c in
                 ("severity", "code", "message", "file", "sheet", "cell")])
    for problem in result.problems:
        record = problem.to_dict(lang)
        record["severity"] = t(f"problem.{problem.severity}", lang)
        _row(ws, list(record.values()))

    ws = wb.create_sheet(_title(t("export.sheet_rubric", lang)))
    for key, value in (
        ("export.rubric_title", rubric.label(lang)),
        ("export.rubric_version", f"{rubric.id} {rubric.version}"),
        ("export.rubric_fingerprint", rubric.fingerprint),
        ("export.result_fingerprint", result.fingerprint),
        ("export.weighting", t(f"weighting.{rubric.weighting}", lang)),
        ("export.panel_rule", panel_rule_text(result, lang)),
        ("fairness.export.normalisation", normalisation_text(result, lang)),
        ("export.tie_breaks", "; ".join(result.tie_rule_label(r.key, lang)
                                         for r in rubric.tie_breaks)),
    ):
        _row(ws, [t(key, lang), value])
    if fairness and result.ok and _fairness_source(result, lang)[0] is None:
        _row(ws, [t("documents.workbook.no_final_stage", lang)])
    _row(ws, [])
    _header(ws, [t("col.criterion", lang), t("col.entry_id", lang), t("col.weight", lang),
                 t("col.scale", lang)])
    shares = rubric.weight_percentages(rubric.category_ids[0])
    for node, _, depth in rubric.walk():
        scale = (f"{node.scale.min:g}–{node.scale.max:g} ({node.scale.step:g})"
                 if node.scale else "")
        _row(ws, ["    " * depth + node.label(lang), node.id, shares.get(node.id), scale])

    buffer = io.BytesIO()
    wb.save(buffer)
    return _reproducible(buffer.getvalue(), result, rows)


def _fairness_source(result: Result, lang: str) -> tuple[Result | None, str | None]:
    """What the fairness sheets are computed on, and the note line saying so: the result
    itself; in a competition in stages the last stage's own result (its entries, marks and
    judges: the stages' judges' totals together would hold one entry twice), or nothing when
    the last stage is not a judged one."""
    if not result.stages:
        return result, None
    last = result.stages[-1]
    if last.result is None or not last.result.ok:
        return None, None
    return last.result, t("documents.workbook.final_stage", lang, stage=last.stage.label(lang))


def _scores_sheet(wb: Workbook, result: Result, lang: str) -> tuple[str, bytes]:
    """The judges' raw scores: the sheet with its header here, and ``(part name, row XML)``
    of its plain rows, one per mark, put into the file by :func:`_reproducible` — written
    as text a whole column at a time rather than one cell object per mark (a national
    competition has hundreds of thousands). Plain: no style (``General``), numbers as
    numbers, text neutralised and inline."""
    ws = wb.create_sheet(_title(t("export.sheet_scores", lang)))
    ws.freeze_panes = "A2"
    _header(ws, [t(f"col.{c}", lang) for c in
                 ("entry_id", "category", "judge", "criterion", "score", "file", "sheet", "cell")])
    part = f"xl/worksheets/sheet{len(wb.worksheets)}.xml"
    frame = neutralise_frame(result.scores, header=False)
    first = 2  # below the header
    rows = [f'<row r="{n}">' for n in range(first, first + len(frame))]
    for position, name in enumerate(frame.columns):
        letter = get_column_letter(position + 1)
        column = frame[name]
        if pd.api.types.is_float_dtype(column.dtype) or pd.api.types.is_integer_dtype(
                column.dtype):
            cells = [_number_cell(letter, n, v)
                     for n, v in enumerate(column.tolist(), start=first)]
        else:
            values = column.astype(object)
            cells = [_text_cell(letter, n, v)
                     for n, v in enumerate(values.where(values.notna(), None).tolist(),
                                           start=first)]
        rows = [row + cell for row, cell in zip(rows, cells, strict=True)]
    return part, "".join(row + "</row>" for row in rows).encode("utf-8")


def _number_cell(letter: str, row: int, value: float | int) -> str:
    if value != value:  # NaN: an empty cell
        return ""
    if isinstance(value, float):
        value = round(value, DIGITS)
    return f'<c r="{letter}{row}" t="n"><v>{value!r}</v></c>'


def _text_cell(letter: str, row: int, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_cell(letter, row, value)
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return (f'<c r="{letter}{row}" t="inlineStr"><is><t xml:space="preserve">'
            f"{escape(text)}</t></is></c>")


def _decimals(result: Result) -> int:
    chosen = result.rubric.rounding.total
    return 2 if chosen is None else chosen


def _category_sheet(wb: Workbook, result: Result, category_id: str, groups: list[Criterion],
                    lang: str) -> None:
    """One category's ranking, ready to print."""
    rubric = result.rubric
    ws = wb.create_sheet(_title(category_id))
    standings = result.category(category_id)
    has_rank_sum = "rank_sum" in standings
    labels = [t("col.rank", lang), t("col.tied", lang), t("col.entry_id", lang),
              t("col.entry", lang), t("col.total", lang)]
    labels += [t("col.rank_sum", lang)] if has_rank_sum else []
    labels += [g.label(lang) for g in groups]
    labels += [t("col.award", lang), t("col.band", lang), t("documents.workbook.amount", lang),
               t("col.reward", lang), t("col.decided_by", lang), t("col.n_judges", lang)]
    staged = bool(result.stages)
    labels += [t(f"documents.workbook.{c}", lang)
               for c in ("reached", "stage_rank", "reason")] if staged else []
    digits = _decimals(result)
    rows: list[list[object]] = []
    for row in standings.to_dict("records"):
        # an entry stopped by a gate has no rank, total or judges: empty cells
        values: list[object] = [_whole(row["rank"]), t("yes" if row["tied"] else "no", lang),
                                row["entry_id"], row["name"], round(float(row["total"]), digits)]
        values += [round(float(row["rank_sum"]), digits)] if has_rank_sum else []
        values += [round(float(row[g.id]), digits) for g in groups]
        amount = row.get("amount")
        values += [row["place"], row["band"],
                   None if amount is None or pd.isna(amount) else float(amount), row["reward"],
                   result.tie_rule_label(row["decided_by"], lang) if row["decided_by"] else "",
                   _whole(row["n_judges"])]
        if staged:
            values += [rubric.stage(row["reached"]).label(lang), _whole(row["stage_rank"]),
                       row["reason"] or ""]
        rows.append(values)
    title = t("documents.workbook.title", lang, competition=rubric.label(lang),
              category=rubric.category(category_id).label(lang))
    day = format_date(rubric.date, lang) if rubric.date else ""
    held = " · ".join(part for part in (day, rubric.place or "") if part)
    _layout(ws, labels, rows)
    ws.oddFooter.left.text = t("documents.fingerprint", lang,
                               fingerprint=result.fingerprint).replace("&", "&&")
    ws.oddFooter.left.size = 7
    ws.oddFooter.right.text = "&P / &N"
    ws.oddFooter.right.size = 7
    amount_column = labels.index(t("documents.workbook.amount", lang))
    formats: list[str | None] = [None] * len(labels)
    formats[amount_column] = RUPIAH
    title_cell = WriteOnlyCell(ws, value=neutralise(title))
    title_cell.font = TITLE_FONT
    ws.append([title_cell])
    ws.append([WriteOnlyCell(ws, value=neutralise(held) or None)])
    ws.append([])
    _header(ws, labels)
    for values in rows:
        _row(ws, values, formats=formats)


def _whole(value: object) -> int | None:
    """A rank or a count as a whole number; None (an empty cell) when there is none."""
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[arg-type]


def _layout(ws: Worksheet, labels: list[str], rows: list[list[object]]) -> None:
    """Column widths fitting the header and the values, frozen header under the title block,
    print titles, landscape A4 one page wide. Before any row is written (write-only)."""
    for i, label in enumerate(labels):
        longest = max([len(label)] + [len(_shown(r[i])) for r in rows if i < len(r)])
        ws.column_dimensions[get_column_letter(i + 1)].width = min(max(longest + 2, 6), 50)
    header = TITLE_ROWS + 1
    ws.freeze_panes = f"E{header + 1}"
    ws.print_title_rows = f"1:{header}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    return "" if value is None else str(value)


def normalisation_text(result: Result, lang: str = DEFAULT_LANGUAGE) -> str:
    chosen = result.rubric.normalisation
    text = t(f"fairness.method.{chosen.method}", lang)
    if chosen.active:
        text += t("fairness.export.min_scores", lang, min_scores=chosen.min_scores)
    return text


# --- the fairness sheets ----------------------------------------------------------------------

_YES_NO = ("yes", "no")


def _in_rubric_order(frame: pd.DataFrame, result: Result) -> pd.DataFrame:
    """``frame`` with its categories in the rubric's order (stable within a category)."""
    if frame.empty:
        return frame
    order = {c: i for i, c in enumerate(result.rubric.category_ids)}
    return frame.iloc[np.argsort(frame["category"].map(order).to_numpy(), kind="stable")]


def _note(ws: Worksheet, note: str | None) -> None:
    """The line saying what a fairness sheet was computed on (a competition in stages)."""
    if note:
        _row(ws, [note])


def _p(value: object) -> float | None:
    """A probability as the JSON gives it (4 decimals), so both show the same figure."""
    return None if value is None or pd.isna(value) else round(float(value), 4)  # type: ignore[arg-type]


def _yes(flag: object, lang: str) -> str:
    return t(_YES_NO[0] if bool(flag) else _YES_NO[1], lang)


def _judges_sheet(wb: Workbook, result: Result, lang: str, note: str | None = None) -> None:
    ws = wb.create_sheet(_title(t("fairness.export.sheet_judges", lang)))
    ws.freeze_panes = "C2"
    found = judge_diagnostics(result.judge_totals)
    fitted = result.judge_offsets
    has_fit = not fitted.empty and (fitted["method"] != "none").any()
    labels = [t("col.category", lang), t("col.judge", lang)]
    labels += [t(f"fairness.col.{c}", lang) for c in (
        "n_scores", "n_compared", "mean", "spread", "spread_ratio", "offset", "correlation",
        "rank_correlation", "n_outliers", "disagrees", "flat")]
    if has_fit:
        labels += [t("fairness.col.model_offset", lang), t("fairness.col.model_offset_se", lang),
                   t("fairness.col.slope", lang)]
    pulled = has_fit and (fitted["method"] == "leniency_spread").any()
    if pulled:
        labels.append(t("fairness.col.spread_weight", lang))
    _header(ws, labels)
    model = (fitted.set_index(["category", "judge_id"]) if has_fit else None)
    for row in _in_rubric_order(found.judges, result).to_dict("records"):
        values: list[object] = [row["category"], row["judge_id"], int(row["n_scores"]),
                                int(row["n_compared"]), float(row["mean"]),
                                float(row["spread"]), float(row["spread_ratio"]),
                                float(row["offset"]), float(row["correlation"]),
                                float(row["rank_correlation"]), int(row["n_outliers"]),
                                _yes(row["disagrees"], lang), _yes(row["flat"], lang)]
        if model is not None:
            key = (row["category"], row["judge_id"])
            known = key in model.index
            values += [float(model.loc[key, "offset"]) if known else None,
                       float(model.loc[key, "offset_se"]) if known else None,
                       float(model.loc[key, "slope"]) if known else None]
            if pulled:
                values.append(float(model.loc[key, "spread_weight"]) if known else None)
        _row(ws, values)
    _row(ws, [])
    _header(ws, [t("fairness.export.outliers", lang)])
    _header(ws, [t("col.category", lang), t("col.entry_id", lang), t("col.entry", lang),
                 t("col.judge", lang), t("fairness.col.total", lang),
                 t("fairness.col.others_mean", lang), t("fairness.col.difference", lang),
                 t("fairness.col.difference_sds", lang)])
    names = {e.id: e.name for e in result.entries}
    for row in _in_rubric_order(found.outliers, result).to_dict("records"):
        _row(ws, [row["category"], row["entry_id"], names.get(row["entry_id"], ""),
                  row["judge_id"], float(row["total"]), float(row["others_mean"]),
                  float(row["difference"]), float(row["sds"])])
    _row(ws, [])
    _note(ws, note)
    for problem in found.problems:
        _row(ws, [problem.message(lang)])


def _part_label(result: Result, part: str, lang: str) -> str:
    if part == TOTAL_PART:
        return t("col.total", lang)
    return result.rubric.nodes[part].label(lang)


def _agreement_sheet(wb: Workbook, result: Result, lang: str, note: str | None = None) -> None:
    ws = wb.create_sheet(_title(t("fairness.export.sheet_agreement", lang)))
    ws.freeze_panes = "C2"
    frame = _in_rubric_order(agreement_frame(result), result)
    labels = [t("col.category", lang), t("fairness.col.part", lang)]
    labels += [t(f"fairness.col.{c}", lang) for c in (
        "n_entries", "n_judges", "n_complete_entries", "n_alpha_entries")]
    for form in FORMS:
        labels += [form, t("fairness.col.ci_low", lang, form=form),
                   t("fairness.col.ci_high", lang, form=form)]
    labels += [t("fairness.col.kendall_w", lang), t("fairness.col.kendall_p", lang),
               t("fairness.col.alpha", lang)]
    _header(ws, labels)
    numbers = [c for c in frame.columns if c not in ("category", "part")]
    counts = {"n_entries", "n_judges", "n_complete_entries", "n_alpha_entries"}
    for row in frame.to_dict("records"):
        values: list[object] = [row["category"], _part_label(result, row["part"], lang)]
        values += [(int(row[c]) if pd.notna(row[c]) else None) if c in counts
                   else float(row[c]) for c in numbers]
        _row(ws, values, number_format="0.000")
    _row(ws, [])
    _row(ws, [t("fairness.export.agreement_note", lang)])
    _note(ws, note)


def _confidence_sheet(wb: Workbook, result: Result, lang: str, note: str | None = None) -> None:
    ws = wb.create_sheet(_title(t("fairness.export.sheet_confidence", lang)))
    ws.freeze_panes = "E2"
    frame, problems = result.confidence()
    frame = _in_rubric_order(frame, result)
    places = [c for c in frame.columns if c.startswith("p_place_")]
    labels = [t("col.category", lang), t("col.rank", lang), t("col.entry_id", lang),
              t("col.entry", lang), t("col.total", lang), t("col.award", lang)]
    labels += [t("fairness.col.p_place", lang, n=i + 1) for i in range(len(places))]
    labels += [t(f"fairness.col.{c}", lang) for c in (
        "p_other", "p_own_place", "p_awarded", "rank_low", "rank_high", "margin_next",
        "too_close", "loo_rank_worst", "loo_worst_without")]
    _header(ws, labels)
    percent = "0.0%"
    for row in frame.to_dict("records"):
        values: list[object] = [row["category"], int(row["rank"]), row["entry_id"],
                                row["name"], round(float(row["total"]), _decimals(result)),
                                row["place"]]
        values += [_p(row[c]) for c in places]
        values += [_p(row["p_other"]), _p(row["p_own_place"]), _p(row["p_awarded"]),
                   int(row["rank_low"]), int(row["rank_high"]), float(row["margin_next"]),
                   _yes(row["too_close"], lang), int(row["loo_rank_worst"]),
                   row["loo_worst_without"]]
        formats: list[str | None] = [None] * 6 + [percent] * (len(places) + 3)
        marked = [False] * len(values)
        if row["too_close"]:
            marked[6 + len(places) + 2] = True  # the award probability, which the flag reads
            marked[6 + len(places) + 6] = True  # the flag
        _row(ws, values, formats=formats, marked=marked)
    _row(ws, [])
    _row(ws, [t("fairness.export.confidence_note", lang, resamples=CONFIDENCE_RESAMPLES,
                seed=CONFIDENCE_SEED, interval=round(100 * CONFIDENCE_INTERVAL),
                threshold=round(100 * result.rubric.confidence.too_close_below))])
    _note(ws, note)
    for problem in problems:
        _row(ws, [problem.message(lang)])


def _sensitivity_sheet(wb: Workbook, result: Result, lang: str, note: str | None = None) -> None:
    ws = wb.create_sheet(_title(t("fairness.export.sheet_sensitivity", lang)))
    ws.freeze_panes = "E2"
    frame, problems = sensitivity(result.rubric, result.entries, result.scores,
                                  official=result)
    labels = [t("col.category", lang), t("fairness.col.official_rank", lang),
              t("col.entry_id", lang), t("col.entry", lang), t("col.award", lang)]
    labels += [t(f"fairness.variant.{v}", lang) for v in VARIANTS]
    labels += [t("fairness.col.changed", lang), t("fairness.col.rank_changed", lang)]
    _header(ws, labels)
    if not frame.empty:
        n_places = frame["category"].map(
            {c: len(result.rubric.awards.for_category(c).places)
             for c in result.rubric.category_ids}).to_numpy()
        for i, row in enumerate(frame.to_dict("records")):
            limit = n_places[i] + 1 if n_places[i] > 0 else np.inf
            official = min(float(row["official_rank"]), limit)
            ranks = [row[f"rank_{v}"] for v in VARIANTS]
            moved = [pd.notna(r) and min(float(r), limit) != official for r in ranks]
            values: list[object] = [row["category"], int(row["official_rank"]),
                                    row["entry_id"], row["name"], row["place"]]
            values += [int(r) if pd.notna(r) else None for r in ranks]
            values += [_yes(row["changed"], lang), _yes(row["rank_changed"], lang)]
            marked = [False] * 5 + moved + [bool(row["changed"]), False]
            _row(ws, values, marked=marked)
    _row(ws, [])
    _row(ws, [t("fairness.export.sensitivity_note", lang)])
    _note(ws, note)
    for problem in problems:
        _row(ws, [problem.message(lang)])


# --- the same bytes every time ----------------------------------------------------------------

_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _reproducible(data: bytes, result: Result, rows: tuple[str, bytes] | None = None
                  ) -> bytes:
    """The .xlsx with its dates fixed: the document's created and modified dates set to the
    competition's date (or 1 January 2000 without one) and every zip entry dated the same, so
    exporting the same result twice gives the same bytes. ``rows``: (sheet part, row XML)
    appended to that sheet's data."""
    day = result.rubric.date or dt.date(2000, 1, 1)
    stamp = f"{day.isoformat()}T00:00:00Z".encode()
    when = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            if rows is not None and info.filename == rows[0]:
                head, tail = content.rsplit(b"</sheetData>", 1)
                content = head + rows[1] + b"</sheetData>" + tail
            fixed = zipfile.ZipInfo(info.filename, date_time=when)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()


def panel_rule_text(result: Result, lang: str = DEFAULT_LANGUAGE) -> str:
    rule = result.rubric.panel
    text = t(f"panel.{rule.rule}", lang, trim=rule.trim, min_judges=rule.min_judges)
    return f"{text}, {t(f'panel.apply_to.{rule.apply_to}', lang)}"
