"""What every format module shares: the limits on an upload, what an inspection found, and
the problems a refusal makes.

Words used here:

- *kind*: what the bytes really are, whatever the file is called: ``xlsx`` (Office Open XML
  workbook: .xlsx, .xlsm, .xltx, .xltm), ``xlsb`` (binary Excel workbook), ``ods``
  (OpenDocument spreadsheet), ``xls`` (Excel 97–2003), ``csv`` (plain text), or ``unknown``.
- *limits*: how much an upload may hold (:class:`Limits`); over them, a file is *refused*:
  it gets an error :class:`~scoring.problems.Problem` and no parser reads it.
- *member* (or *part*): one file inside a ZIP archive, such as ``xl/workbook.xml``; a member
  that cannot be read safely raises :class:`MemberError`, which names the problem to report.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Literal

from scoring.i18n import format_number
from scoring.problems import Problem, error, has_errors

_log = logging.getLogger(__name__)

KB = 1024
MB = 1024 * KB

Kind = Literal["xlsx", "xlsb", "ods", "xls", "csv", "unknown"]

MAX_CELLS = 2_000_000
"""Non-empty cells per sheet: 100,000 rows × 20 columns, far beyond any judge's recap."""

@dataclass(frozen=True)
class Limits:
    """How much an upload may hold; every field can be overridden (``Limits(max_sheets=20)``).

    The defaults leave ample room for real competitions (a judge's sheet is tens of KB; a
    recap of thousands of rows a few MB) and stop files made to exhaust a server.
    """

    max_file_bytes: int = 20 * MB
    """The upload itself; 100,000 rows × 10 columns of scores make an xlsx of about 2 MB."""
    max_uncompressed_bytes: int = 200 * MB
    """All members together once unpacked; those 100,000 rows unpack to about 35 MB."""
    max_ratio: float = 100.0
    """Per member; real sheets compress 5–20×, deflate bombs about 1000×."""
    ratio_floor_bytes: int = 1 * MB
    """Members smaller than this skip the ratio check: they cannot hurt, and tiny repetitive
    parts (styles, empty sheets) compress well legitimately."""
    max_members: int = 10_000
    """Parts in the archive; a workbook of 200 sheets with drawings has a few hundred."""
    max_part_bytes: int = 10 * MB
    """Parts this module reads whole to parse ([Content_Types].xml, the workbook part and its
    relationships); real ones are a few KB."""
    max_sheets: int = 200
    max_rows: int = 100_000
    """Per sheet; a national competition's recap is tens of thousands of rows."""
    max_csv_cells: int = MAX_CELLS
    """A CSV may have more rows than ``max_rows`` while its rows × fields stay within this
    budget (a long table of four columns: 500,000 rows), see
    :meth:`csv_rows`."""
    max_columns: int = 500
    max_cell_chars: int = 32_767
    """Excel's own limit on the text in one cell."""
    max_text_chars: int = 50_000_000
    """Per sheet: the text its cells hold through shared strings (a long table of 500,000
    rows with three 30-character names holds 45 million), counted while streaming, before
    anything is built (:mod:`scoring.sheets.formats.strings`)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            if not getattr(self, f.name) > 0:
                raise ValueError(f"Limits.{f.name} must be positive")


    def csv_rows(self, width: int) -> int:
        """The most lines a CSV whose lines have up to ``width`` fields may have:
        ``max_rows``, or more while lines × fields stay within ``max_csv_cells`` (a long
        table is narrow: its rows are bounded by the cells they hold)."""
        return max(self.max_rows, self.max_csv_cells // max(width, 1))

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, each overridden by ``JURI_LIMIT_<FIELD>`` (``JURI_LIMIT_MAX_ROWS``)
        where that is a positive number; a value that is not is logged and ignored, so a
        typo in a setting never keeps the app from starting."""
        environ = os.environ if environ is None else environ
        values: dict[str, int | float] = {}
        for f in fields(cls):
            raw = environ.get(LIMIT_ENV_PREFIX + f.name.upper(), "").strip()
            if not raw:
                continue
            kind = float if f.type in (float, "float") else int
            try:
                value = kind(raw)
            except ValueError:
                value = 0
            if value > 0:
                values[f.name] = value
            else:
                _log.warning("ignoring %s=%r: not a positive number",
                             LIMIT_ENV_PREFIX + f.name.upper(), raw)
        return cls(**values)


LIMIT_ENV_PREFIX = "JURI_LIMIT_"
DEFAULT_LIMITS = Limits.from_environ()
"""The limits in force: the defaults above, or the environment's (documented in
docs/layouts.md)."""

CHUNK = 64 * KB
"""Bytes decompressed at a time: the most a member costs in memory while it is scanned."""

@dataclass(frozen=True)
class Inspection:
    """What :func:`inspect_bytes` found: the real kind, the problems, the sheets if known."""

    kind: Kind
    problems: tuple[Problem, ...] = ()
    sheets: tuple[str, ...] = ()
    """Sheet names in workbook order (xlsx), when the workbook part was read."""
    sheet_count: int | None = None
    members: tuple[str, ...] = field(default=(), repr=False)

    @property
    def ok(self) -> bool:
        """No errors: a parser may read the bytes (warnings may still be shown)."""
        return not has_errors(self.problems)


class MemberError(Exception):
    """A member cannot be read safely; ``code`` and ``params`` make the problem to report."""

    def __init__(self, code: str, member: str, **params: object) -> None:
        self.code, self.member, self.params = code, member, {"member": member, **params}
        super().__init__(f"{code}: {member} {params}")

    def problem(self, file: str) -> Problem:
        return error(self.code, file=file, **self.params)


def reasons(id_text: str, en_text: str) -> dict[str, str]:
    return {"reason_id": id_text, "reason_en": en_text}


def sizes(size: int, limit: int) -> dict[str, str]:
    def human(n: int, lang: str) -> str:
        if n >= MB:
            return f"{format_number(n / MB, lang, 1)} MB"
        return f"{format_number(n / KB, lang, 1)} KB"
    return {"size_id": human(size, "id"), "size_en": human(size, "en"),
            "limit_id": human(limit, "id"), "limit_en": human(limit, "en")}


def refuse(filename: str, code: str, **params: object) -> Inspection:
    """An inspection that refuses the file with the error ``code``."""
    return Inspection("unknown", (error(code, file=filename, **params),))


def not_a_spreadsheet(filename: str, detected: tuple[str, str]) -> Inspection:
    """The refusal of a file that is something else: ``detected`` names it (id, en)."""
    return refuse(filename, "safety.not_a_spreadsheet", detected_id=detected[0],
                  detected_en=detected[1])


# --- checks for readers ---------------------------------------------------------------------


def check_shape(rows: int, columns: int, limits: Limits = DEFAULT_LIMITS, *, file: str = "",
                sheet: str = "") -> list[Problem]:
    """Problems for a sheet of ``rows`` × ``columns`` (for readers, after parsing too)."""
    problems = []
    if rows > limits.max_rows:
        problems.append(error("safety.too_many_rows", file=file, sheet=sheet, sheet_name=sheet,
                              count=rows, limit=limits.max_rows))
    if columns > limits.max_columns:
        problems.append(error("safety.too_many_columns", file=file, sheet=sheet,
                              sheet_name=sheet, count=columns, limit=limits.max_columns))
    return problems


def check_cell_text(text: str, limits: Limits = DEFAULT_LIMITS, *, file: str = "",
                    sheet: str = "", cell: str = "") -> Problem | None:
    """A problem when a cell holds more text than Excel itself allows; None otherwise."""
    if len(text) <= limits.max_cell_chars:
        return None
    return error("safety.cell_too_long", file=file, sheet=sheet, cell=cell, length=len(text),
                 limit=limits.max_cell_chars)


def size_problems(filename: str, sheet: str, rows: int, columns: int, cells: int,
                  limits: Limits) -> list[Problem]:
    """A sheet's rows and columns over the limits, and its cells over :data:`MAX_CELLS`."""
    problems = check_shape(rows, columns, limits, file=filename, sheet=sheet)
    if cells > MAX_CELLS:
        problems.append(error("layout.sheet_too_large", file=filename, sheet=sheet,
                              count=cells, limit=MAX_CELLS))
    return problems
