"""Numbers and tables the reader's way, shared by the page models.

Words used here:
- *display frame*: a frame whose column headers are already in the user's language and whose
  numbers stay numbers; :func:`styled` shows them the Indonesian way (85,50), so sorting a
  column in the table sorts by value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from scoring.i18n import format_number


def styled(frame: pd.DataFrame, numbers: Sequence[str], lang: str, decimals: int = 2, *,
           whole: Sequence[str] = ()) -> Any:
    """A pandas Styler that shows ``numbers`` with ``decimals`` and ``whole`` as whole numbers,
    the Indonesian way (85,50; 1.044), while the values stay numbers; missing values as "–"."""
    style = frame.style
    present_whole = [c for c in whole if c in frame.columns]
    present = [c for c in numbers if c in frame.columns and c not in present_whole]
    if present_whole:
        style = style.format(lambda v: format_number(int(v), lang, 0), subset=present_whole,
                             na_rep="–")
    if present:
        style = style.format(lambda v: format_number(float(v), lang, decimals), subset=present,
                             na_rep="–")
    return style


def decimals_of(value: float) -> int:
    """The fewest decimals (up to 4) that show ``value`` exactly: 5 -> 0, 0.5 -> 1."""
    for decimals in range(0, 4):
        if abs(round(value, decimals) - value) < 1e-9:
            return decimals
    return 4


def unique_label(label: str, taken: set[str]) -> str:
    """``label``, or ``label (2)``, ``label (3)`` … when a column already has it (recorded in
    ``taken``)."""
    text, n = label, 1
    while text in taken:
        n += 1
        text = f"{label} ({n})"
    taken.add(text)
    return text


def number_text(value: float | None, lang: str, decimals: int = 2) -> str:
    """A number the Indonesian way, or "–" when it is missing or not finite."""
    if value is None or not np.isfinite(value):
        return "–"
    return format_number(float(value), lang, decimals)


def percent_text(value: float | None, lang: str) -> str:
    """A probability as a whole percentage (80%); "> 99%" and "< 1%" rather than a 100% or
    0% that resampling cannot promise."""
    if value is None or not np.isfinite(value):
        return "–"
    if value >= 0.995:
        return "> 99%"
    if 0 < value < 0.005:
        return "< 1%"
    return format_number(100 * float(value), lang, 0) + "%"


def arrow(change: int) -> str:
    """↑2 (moved up two places), ↓1, or = (no change)."""
    if change > 0:
        return f"↑{change}"
    if change < 0:
        return f"↓{-change}"
    return "="


def short_fingerprint(fingerprint: str) -> str:
    return fingerprint[:12]


def column_widths(widths: dict[str, str | int]) -> dict[str, dict[str, object]]:
    """A table's column configuration giving each named column its width (``small``,
    ``medium``, ``large`` or pixels), so that a ranking fits a 1,440-pixel screen with the
    name column taking the room and no prize or year column cut off."""
    return {column: {"width": width} for column, width in widths.items()}
