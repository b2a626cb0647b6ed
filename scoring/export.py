"""The official results workbook.

Sheets: one per category (rank, entry, total, group subtotals, award, reward, tie notes), the
judges' raw scores with the cell each came from, the problems found, and the rubric used with
the fingerprints. Numbers stay numbers (shown with two decimals; Excel in an Indonesian locale
shows 85,50); every text that came from users is neutralised against formula injection.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from scoring.i18n import DEFAULT_LANGUAGE, t
from scoring.result import Result
from scoring.safe_text import neutralise

_INVALID_TITLE = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _title(text: str) -> str:
    return text.translate(_INVALID_TITLE)[:31]


def _header(ws: Worksheet, labels: list[str]) -> None:
    cells = []
    for label in labels:
        cell = WriteOnlyCell(ws, value=label)
        cell.font = Font(bold=True)
        cells.append(cell)
    ws.append(cells)


def _row(ws: Worksheet, values: list[object], number_format: str = "0.00") -> None:
    cells = []
    for value in values:
        if isinstance(value, float) and pd.isna(value):
            value = None
        cell = WriteOnlyCell(ws, value=neutralise(value))
        if isinstance(value, float):
            cell.number_format = number_format
        cells.append(cell)
    ws.append(cells)


def results_workbook(result: Result, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The results workbook as .xlsx bytes."""
    rubric = result.rubric
    wb = Workbook(write_only=True)
    groups = [node for node, _, depth in rubric.walk() if depth == 0 or not node.is_leaf]
    for category in rubric.categories:
        ws = wb.create_sheet(_title(category.id))
        ws.freeze_panes = "C2"
        standings = result.category(category.id)
        has_rank_sum = "rank_sum" in standings
        labels = [t("col.rank", lang), t("col.tied", lang), t("col.entry_id", lang),
                  t("col.entry", lang), t("col.total", lang)]
        labels += [t("col.rank_sum", lang)] if has_rank_sum else []
        labels += [g.label(lang) for g in groups]
        labels += [t("col.award", lang), t("col.band", lang), t("col.reward", lang),
                   t("col.decided_by", lang), t("col.n_judges", lang)]
        _header(ws, labels)
        for row in standings.to_dict("records"):
            values: list[object] = [int(row["rank"]), t("yes" if row["tied"] else "no", lang),
                                    row["entry_id"], row["name"], float(row["total"])]
            values += [float(row["rank_sum"])] if has_rank_sum else []
            values += [float(row[g.id]) for g in groups]
            values += [row["place"], row["band"], row["reward"],
                       result.tie_rule_label(row["decided_by"], lang) if row["decided_by"] else "",
                       int(row["n_judges"])]
            _row(ws, values)

    ws = wb.create_sheet(_title(t("export.sheet_scores", lang)))
    ws.freeze_panes = "A2"
    _header(ws, [t(f"col.{c}", lang) for c in
                 ("entry_id", "category", "judge", "criterion", "score", "file", "sheet", "cell")])
    for row in result.scores.itertuples(index=False):
        _row(ws, list(row), number_format="General")

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
        ("export.tie_breaks", "; ".join(result.tie_rule_label(r.key, lang)
                                         for r in rubric.tie_breaks)),
    ):
        _row(ws, [t(key, lang), value])
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
    return buffer.getvalue()


def panel_rule_text(result: Result, lang: str = DEFAULT_LANGUAGE) -> str:
    rule = result.rubric.panel
    text = t(f"panel.{rule.rule}", lang, trim=rule.trim, min_judges=rule.min_judges)
    return f"{text}, {t(f'panel.apply_to.{rule.apply_to}', lang)}"
