"""A filled template's score cells checked over whole arrays, and which of them are percent.

Words used here:

- *state*: what a score cell holds, one of :data:`OK` (a score on its scale), :data:`BLANK`
  (nothing or spaces), :data:`TEXT` (not a number), :data:`OUT` (out of range) and
  :data:`OFF` (off the scale's step).
- *percent cell*: a score cell whose number format is a percentage (``0%``: Excel keeps 85 %
  as 0.85). calamine gives values only, so the formats are read from the file's XML
  (:func:`percent_cells`): ``xl/styles.xml`` says which cell styles are percentages, and only
  when one is, the sheets' XML is scanned for the ``s`` (style) attribute of their cells.
  On a scale whose maximum is above 1 such a value up to 1 means that many hundredths of the
  scale (0.85 means 85), as in the judges'-own-sheet readers
  (:func:`scoring.sheets.cells.percent_scaled`); the reader says so in a warning.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from io import BytesIO
from xml.etree.ElementTree import ParseError

import numpy as np
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from scoring.i18n import parse_number
from scoring.rubric.parts import fits_many
from scoring.sheets.cells import is_percent_format
from scoring.sheets.formats.common import Limits, MemberError
from scoring.sheets.formats.members import iter_member, read_member
from scoring.sheets.template import ColumnLayout

OK, BLANK, TEXT, OUT, OFF = range(5)
"""A score cell's state (see the module's words)."""

_PERCENT_FORMATS = frozenset({9, 10})
"""Excel's built-in percent number formats (``0%``, ``0.00%``)."""
_STYLES = "xl/styles.xml"
_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*)>")
_ADDRESS = re.compile(rb'\br\s*=\s*["\']([A-Za-z]{1,3}\d{1,7})["\']')
_STYLE = re.compile(rb'\bs\s*=\s*["\'](\d{1,6})["\']')
_TAIL = 400
"""Bytes kept across chunks when scanning a sheet (one ``<c>`` tag's length)."""


def plain(value: object) -> object:
    """A calamine value as openpyxl gives it: None for empty, a whole number as int, a date
    as a datetime at midnight."""
    if value == "" and isinstance(value, str):
        return None
    if type(value) is float and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if type(value) is dt.date:
        return dt.datetime.combine(value, dt.time())
    return value


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: object) -> str:
    """How a non-number cell value is named in a message."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def as_number(value: object) -> float | None:
    """The number in a score cell, or None. Booleans and dates are not numbers; text is read
    the way judges type it (``85,5`` and ``85.5`` are both 85.5)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        parsed = parse_number(value)
        if parsed is None:
            return None
        number = parsed
    else:
        return None
    return excel(number)


def excel(number: float) -> float:
    # Excel keeps 15 significant digits; a formula such as =0.1*3*100 gives
    # 30.000000000000004, which is 30 to Excel and to the judge.
    return float(f"{number:.15g}")


def _excel_many(numbers: np.ndarray) -> np.ndarray:
    """:func:`excel` of each number: a number of at most 6 decimals below 1e8 already has
    at most 14 significant digits (it is the double nearest to k / 10**6), so only the others
    are rounded one by one."""
    with np.errstate(invalid="ignore", over="ignore"):
        plain_ = (np.abs(numbers) < 1e8) & (np.rint(numbers * 1e6) / 1e6 == numbers)
    out = numbers.copy()
    for i in np.flatnonzero(~plain_ & np.isfinite(numbers)):
        out[i] = excel(float(numbers[i]))
    return out


def both(value: float) -> dict[str, str]:
    """A number written the Indonesian and the English way, for message parameters."""
    english = f"{value:.15g}"
    return {"id": english.replace(".", ","), "en": english}


def span(cells: list[str]) -> str:
    """``D12`` for one cell, ``D12:H12`` for several in a row."""
    return cells[0] if len(cells) == 1 else f"{cells[0]}:{cells[-1]}"


@dataclass
class Cells:
    """The score cells of a sheet's read rows, checked over whole arrays (rows x columns).

    ``scaled`` marks the percent cells read as hundredths of their scale (``numbers`` holds
    the score read, ``raw`` the value stored)."""

    raw: np.ndarray
    numbers: np.ndarray
    state: np.ndarray
    scaled: np.ndarray


def check(block: np.ndarray, columns: tuple[ColumnLayout, ...],
          percent: np.ndarray | None = None) -> Cells:
    """Each cell's number and state; the scales' min, max and step as arrays over columns.
    ``percent`` marks the percent cells (see the module's words), None when there are none."""
    flat = block.ravel()
    is_float = np.fromiter((type(v) is float for v in flat), dtype=bool, count=len(flat))
    numbers = np.full(len(flat), np.nan)
    numbers[is_float] = flat[is_float].astype("float64")
    state = np.full(len(flat), OK, dtype=np.int8)
    for i in np.flatnonzero(~is_float):
        value = plain(flat[i])
        if blank(value):
            state[i] = BLANK
            continue
        number = as_number(value)
        if number is None:
            state[i] = TEXT
        else:
            numbers[i] = number
    width = len(columns)
    repeat = len(flat) // width if width else 0

    def tiled(values: list[float]) -> np.ndarray:
        return np.tile(np.array(values, dtype="float64"), repeat)

    low, high = tiled([c.scale.min for c in columns]), tiled([c.scale.max for c in columns])
    step = tiled([c.scale.step for c in columns])
    scaled = np.zeros(len(flat), dtype=bool)
    if percent is not None:
        # Only numbers stored as numbers: text typed into a percent cell is what it says.
        with np.errstate(invalid="ignore"):
            scaled = percent.ravel() & is_float & (high > 1) & (numbers <= 1)
        numbers[scaled] = numbers[scaled] * 100
    numbers = _excel_many(numbers)
    ok = state == OK
    out = ok & ~((low <= numbers) & (numbers <= high))
    off = ok & ~out & ~fits_many(numbers - low, step)
    state[out] = OUT
    state[off] = OFF
    shape = block.shape
    return Cells(block, numbers.reshape(shape), state.reshape(shape), scaled.reshape(shape))


def percent_styles(data: bytes, infos: Mapping[str, zipfile.ZipInfo], limits: Limits
                   ) -> frozenset[int]:
    """The cell styles (``s`` attribute values) of the workbook whose number format is a
    percentage; empty when there is none or the styles part cannot be read."""
    info = infos.get(_STYLES)
    if info is None:
        return frozenset()
    try:
        root = defused_fromstring(read_member(data, info, limits.max_part_bytes),
                                  forbid_dtd=True)
    except (MemberError, ParseError, DefusedXmlException, ValueError):
        return frozenset()
    percent_ids = set(_PERCENT_FORMATS)
    for node in root.iter():
        if _local(node.tag) == "numFmt" and is_percent_format(node.get("formatCode")):
            number = node.get("numFmtId", "")
            if number.isdigit():
                percent_ids.add(int(number))
    found: set[int] = set()
    for node in root.iter():
        if _local(node.tag) == "cellXfs":
            for index, xf in enumerate(n for n in node if _local(n.tag) == "xf"):
                number = xf.get("numFmtId", "0")
                if number.isdigit() and int(number) in percent_ids:
                    found.add(index)
    return frozenset(found)


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def percent_cells(data: bytes, parts: Mapping[str, str], wanted: Collection[str],
                  limits: Limits) -> dict[str, frozenset[str]]:
    """The percent cells (``D12``) of the sheets named in ``wanted``, by sheet name;
    ``parts`` maps each sheet part (``xl/worksheets/sheet1.xml``) to its sheet's name. The
    sheets are scanned only when some cell style is a percentage (see the module's words)."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        infos = {info.filename: info for info in archive.infolist()}
    styles = percent_styles(data, infos, limits)
    if not styles:
        return {}
    found: dict[str, frozenset[str]] = {}
    for part, name in parts.items():
        if name not in wanted or part not in infos:
            continue
        cells: set[str] = set()
        tail = b""
        try:
            for chunk in iter_member(data, infos[part], limits.max_uncompressed_bytes):
                window = tail + chunk
                for match in _CELL.finditer(window):
                    attributes = match.group(1)
                    style = _STYLE.search(attributes)
                    if style is not None and int(style.group(1)) in styles:
                        address = _ADDRESS.search(attributes)
                        if address is not None:
                            cells.add(address.group(1).decode().upper())
                tail = window[-_TAIL:]
        except MemberError:
            continue
        if cells:
            found[name] = frozenset(cells)
    return found
