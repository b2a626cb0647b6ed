"""The judge's guidance inside a template: each criterion heading's note (name, weight,
scale, description, levels), the cell rules that refuse a score off the scale, and numbers as
the template shows them (no trailing zeros).

Words used here are those of :mod:`scoring.sheets.template`.
"""

from __future__ import annotations

import math

from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from scoring.i18n import format_number, t
from scoring.rubric import Criterion


def short_number(value: float, lang: str = "id") -> str:
    """A number with no trailing zeros the Indonesian (or English) way: 4,2 · 12 · 3,75."""
    for decimals in range(0, 5):
        if math.isclose(round(value, decimals), value, abs_tol=1e-9):
            return format_number(value, lang, decimals, grouping=False)
    return format_number(value, lang, 4, grouping=False)


def header_comment(leaf: Criterion, share: float) -> Comment:
    assert leaf.scale is not None
    scale = leaf.scale
    lines = [leaf.name]
    if leaf.name_en and leaf.name_en != leaf.name:
        lines.append(f"({leaf.name_en})")
    lines.append(f"{t('template.label.weight', 'id')} / {t('template.label.weight', 'en')}: "
                 f"{short_number(round(share, 2))} %")
    lines.append(f"{t('template.label.scale', 'id')} / {t('template.label.scale', 'en')}: "
                 f"{short_number(scale.min)}–{short_number(scale.max)}, "
                 f"{t('template.label.step', 'id').lower()} / "
                 f"{t('template.label.step', 'en').lower()} {short_number(scale.step)}")
    if leaf.description:
        lines += ["", " ".join(leaf.description.split())]
    if leaf.levels:
        lines += ["", f"{t('template.label.guidance', 'id')} / "
                      f"{t('template.label.guidance', 'en')}:"]
        for level in leaf.levels:
            text = f"{short_number(level.min)}–{short_number(level.max)}: {level.text}"
            if level.text_en:
                text += f" ({level.text_en})"
            lines.append(text)
    text = "\n".join(lines)
    # Comment boxes do not grow by themselves; size them to the text (about 45 characters
    # a line at 320 px).
    height = 20 + 16 * sum(max(1, math.ceil(len(line) / 45)) for line in lines)
    return Comment(text, "Juri", height=min(height, 600), width=320)


def add_validations(ws: Worksheet, leaves: list[Criterion], first_col: int, first_row: int,
                    last_row: int) -> None:
    """A decimal-between rule per distinct scale, covering that scale's score columns."""
    by_scale: dict[tuple[float, float, float], list[str]] = {}
    for offset, leaf in enumerate(leaves):
        assert leaf.scale is not None
        key = (leaf.scale.min, leaf.scale.max, leaf.scale.step)
        letter = get_column_letter(first_col + offset)
        by_scale.setdefault(key, []).append(f"{letter}{first_row}:{letter}{last_row}")
    for (low, high, step), ranges in by_scale.items():
        message = "\n".join(
            t("template.text.validation_error", lang, min=short_number(low, lang),
              max=short_number(high, lang), step=short_number(step, lang)) for lang in ("id", "en"))
        rule = DataValidation(
            type="decimal", operator="between", formula1=f"{low:.12g}", formula2=f"{high:.12g}",
            allow_blank=True, showErrorMessage=True, errorStyle="stop",
            errorTitle=(f"{t('template.text.validation_title', 'id')} / "
                        f"{t('template.text.validation_title', 'en')}")[:32],
            error=message[:255])
        ws.add_data_validation(rule)
        for cells in ranges:
            rule.add(cells)
