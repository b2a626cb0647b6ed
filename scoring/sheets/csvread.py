"""CSV files as a :class:`~scoring.sheets.grid.Grid`: one sheet named after the file.

Words used here:

- *separator*: what splits the fields of a line: ``;`` (what Excel writes where the decimal
  separator is a comma, as in Indonesia), ``,``, tab or ``|``. It is found by counting: each
  candidate splits the first lines (quotes respected) and the one that gives the most lines
  with the same number of fields (more than one) wins; on a tie ``;`` comes first, since in a
  file with decimal commas ``,`` also splits every number in two.
- *sheet name*: the file's name without its extension (``rekap_budi.csv`` -> ``rekap_budi``).
- *encoding*: UTF-8 (with or without BOM), UTF-16 with a BOM, or UTF-16 without one (what
  "Unicode text" exports can be: found by its zero bytes, every other byte, see
  :func:`utf16_without_bom`); anything else is read as Windows-1252, what Excel on Windows
  writes for "CSV", with a warning that letters may be wrong.

Every value stays text; numbers are read later as judges type them (``85,5`` or ``85.5``, see
:mod:`scoring.sheets.cells`). Cells are named as in a spreadsheet: the third field of the fifth
line is ``C5``.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from itertools import islice
from pathlib import PurePath

from scoring.problems import Problem, error, warning
from scoring.sheets.formats.book import Book, Grid
from scoring.sheets.formats.common import DEFAULT_LIMITS, Limits

SEPARATORS = (";", ",", "\t", "|")
"""Candidates in order of preference on a tie."""
SAMPLE_LINES = 50
UTF16_SAMPLE = 4096
"""Bytes looked at to tell UTF-16 without a BOM."""


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` (without a BOM) looks like UTF-16
    text: in at least 60 % of the first byte pairs one byte is zero and the other is not (the
    zero is the high byte of a Latin letter, digit or separator). None otherwise: UTF-8 and
    Windows-1252 text has no zero bytes."""
    sample = data[:UTF16_SAMPLE]
    sample = sample[:len(sample) - len(sample) % 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    low_first = sum(1 for i in range(0, len(sample), 2) if sample[i] and not sample[i + 1])
    high_first = sum(1 for i in range(0, len(sample), 2) if sample[i + 1] and not sample[i])
    for count, encoding in ((low_first, "utf-16-le"), (high_first, "utf-16-be")):
        if count * 10 >= pairs * 6:
            return encoding
    return None


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with (``utf-16``, ``utf-16-le``,
    ``utf-16-be``, ``utf-8`` or ``cp1252``)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    bare = utf16_without_bom(data)
    if bare is not None:
        return data.decode(bare, errors="replace"), bare
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def separator_of(lines: list[str]) -> str:
    """The likeliest separator of the first lines (see the module's words)."""
    best = (SEPARATORS[0], -1, 0)
    for separator in SEPARATORS:
        widths = [len(fields) for fields in csv.reader(lines, delimiter=separator)]
        counts = Counter(w for w in widths if w > 1)
        if not counts:
            continue
        width, lines_with_it = counts.most_common(1)[0]
        if (lines_with_it, width) > best[1:]:
            best = (separator, lines_with_it, width)
    return best[0]


def read_csv(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS
             ) -> tuple[Book | None, list[Problem]]:
    """The CSV file as a book of one grid; rows past the limit are not read (an error)."""
    text, encoding = decode(data)
    problems: list[Problem] = []
    if encoding == "cp1252":
        problems.append(warning("csv.legacy_encoding", file=filename))
    text = text.replace("\x00", "")  # a NUL stops the csv module; it is never meant
    lines = text.splitlines()
    separator = separator_of(lines[:SAMPLE_LINES])
    width = max((len(f) for f in csv.reader(lines[:SAMPLE_LINES], delimiter=separator)),
                default=1)
    most = limits.csv_rows(width)
    rows: dict[int, dict[int, str]] = {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    for number, fields in enumerate(islice(reader, most + 1), start=1):
        if number > most:
            problems.append(error("safety.too_many_rows", file=filename,
                                  sheet_name=sheet_name(filename), count=len(lines),
                                  limit=most))
            return None, problems
        if len(fields) > limits.max_columns:
            problems.append(error("safety.too_many_columns", file=filename,
                                  sheet_name=sheet_name(filename), count=len(fields),
                                  limit=limits.max_columns))
            return None, problems
        kept = {column: value for column, value in enumerate(fields, start=1) if value.strip()}
        if kept:
            rows[number] = kept
    return Book(filename, "csv", (Grid(sheet_name(filename), rows),)), problems


def sheet_name(filename: str) -> str:
    return PurePath(filename).stem or filename
