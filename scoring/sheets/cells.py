"""What a cell a judge filled in means: the quirks of real score sheets, in one place.

Words used here:

- *reading*: what one cell value says (:class:`Reading`): nothing (*blank*), a *number*, an
  *error* value (``#DIV/0!``), a formula with *no value* saved, or something else (*text*, a
  date, TRUE/FALSE), which is not a score.
- *percent cell*: a number cell formatted as a percentage (Excel keeps 85% as 0.85), or text
  ending in ``%``. On a scale whose maximum is above 1, a judge who types 85% means 85: a
  formatted value up to 1 and any ``%`` text are multiplied by 100 (:func:`percent_scaled`),
  and the reader says so in a warning.
- *control character*: a character below U+0020 other than tab and line breaks, or DEL; it is
  never meant in a name and is removed from headings, names and labels (:func:`clean_text`),
  as are bidirectional controls (:data:`scoring.safe_text.BIDI_CONTROLS`).

Text is read the way judges type numbers (:func:`scoring.i18n.parse_number`: ``85,5`` and
``85.5`` alike), after unusual spaces are dropped (no-break, narrow no-break, thin, figure and
zero-width spaces: Excel and web pages put them in), a typographic minus becomes ``-``, a
leading apostrophe (Excel's "keep as text" mark) is dropped, and thousands separators with two
or more groups (``1.250.000``, ``1,250,000``) are understood. A number keeps 15 significant
digits, as Excel does: ``=0.1*3*100`` is 30, not 30.000000000000004.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any, Literal

from scoring.i18n import parse_number
from scoring.safe_text import BIDI_CONTROLS
from scoring.sheets.grid import ERROR_TEXTS, CellError, NoValue, blank

Kind = Literal["blank", "number", "error", "no_value", "text"]

_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2008"), " ")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad" + BIDI_CONTROLS),
                           None)
_MINUS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-"})
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTED = re.compile(r'"[^"]*"|\\.')
_DECIMALS = re.compile(r"\.([0#?]+)")

SHOWN_LIMIT = 60
"""Characters of a cell's text quoted in a message; a 100 kB cell is not repeated whole."""


@dataclass(frozen=True)
class Reading:
    """What a cell says; ``number`` is set for numbers, ``percent`` says how it was marked
    (``"format"``: a percent number format; ``"text"``: a ``%`` typed in text)."""

    kind: Kind
    number: float | None = None
    percent: Literal["format", "text"] | None = None
    shown: str = ""
    formula: str = ""

    @property
    def is_number(self) -> bool:
        return self.kind == "number"


def shown(value: Any) -> str:
    """How a value is named in a message: dates as ISO, long text cut, TRUE/FALSE."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    text = str(value)
    return text if len(text) <= SHOWN_LIMIT else text[:SHOWN_LIMIT] + "…"


def is_percent_format(number_format: str | None) -> bool:
    """True for formats such as ``0%``, ``0.00%``; a ``%`` in quotes or escaped is text."""
    if not number_format:
        return False
    return "%" in _QUOTED.sub("", number_format)


def _significant(number: float) -> float:
    return float(f"{number:.15g}")


def number_in_text(text: str) -> tuple[float | None, bool]:
    """The number a judge typed as text, and whether it ended in ``%`` (the number before the
    sign is returned, not divided); (None, False) when it is not a number."""
    cleaned = text.translate(_SPACES).translate(_INVISIBLE).translate(_MINUS).strip()
    if cleaned.startswith("'"):
        cleaned = cleaned[1:].strip()
    percent = cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1].strip()
    if not cleaned or len(cleaned) > 40:
        return None, False
    if _THOUSANDS.match(cleaned.replace(" ", "")):
        number: float | None = float(cleaned.replace(" ", "").replace(".", "").replace(",", ""))
    else:
        number = parse_number(cleaned)
    if number is None or not math.isfinite(number):
        return None, False
    return _significant(number), percent


def read_cell(value: Any, number_format: str | None = None) -> Reading:
    """What one cell value says (see the module's words)."""
    if blank(value):
        return Reading("blank")
    if isinstance(value, CellError):
        return Reading("error", shown=value.code)
    if isinstance(value, NoValue):
        return Reading("no_value", shown=str(value), formula=value.formula)
    if isinstance(value, bool):
        return Reading("text", shown=shown(value))
    if isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number):
            return Reading("text", shown=shown(value))
        percent = "format" if is_percent_format(number_format) else None
        return Reading("number", _significant(number), percent, shown(value))
    if isinstance(value, str):
        if value.strip().upper() in ERROR_TEXTS:
            return Reading("error", shown=value.strip().upper())
        number, percent_sign = number_in_text(value)
        if number is None:
            return Reading("text", shown=shown(value))
        if percent_sign:
            return Reading("number", _significant(number / 100), "text", shown(value))
        return Reading("number", number, None, shown(value))
    return Reading("text", shown=shown(value))


def percent_scaled(reading: Reading, scale_max: float) -> float | None:
    """The score a percent cell means on a scale up to ``scale_max``, when it is not the
    number stored (see the module's words); None when the number stands as it is."""
    if reading.number is None or reading.percent is None or scale_max <= 1:
        return None
    if reading.percent == "format" and reading.number > 1:
        return None
    return _significant(reading.number * 100)


def clean_text(text: str) -> str:
    """Text without control characters, its spaces (also unusual ones) folded."""
    return " ".join(_CONTROL.sub(" ", text.translate(_SPACES).translate(_INVISIBLE)).split())


def has_control(text: str) -> bool:
    """True when ``text`` holds a control character or a bidirectional control (both are
    removed by :func:`clean_text`, and the reader says so)."""
    return bool(_CONTROL.search(text)) or any(c in text for c in BIDI_CONTROLS)


def decimals_shown(value: Any, number_format: str | None = None) -> int | None:
    """How many decimals a number is shown with: from its format (``0.00`` -> 2) or, without
    one, from the number itself (85.5 -> 1); None when it carries more than 4 (a raw result
    of a calculation, not a rounded figure)."""
    if number_format and number_format != "General":
        found = _DECIMALS.search(_QUOTED.sub("", number_format.split(";")[0]))
        return len(found.group(1)) if found else 0
    if isinstance(value, str):
        number, _ = number_in_text(value)
        if number is None:
            return None
        text = value.strip().replace(",", ".")
        decimals = len(text.rsplit(".", 1)[1]) if "." in text else 0
        return decimals if decimals <= 4 else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = repr(float(value))
        if "e" in text:
            return None
        decimals = len(text.rsplit(".", 1)[1].rstrip("0"))
        return decimals if decimals <= 4 else None
    return None
