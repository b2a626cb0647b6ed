"""Checks on uploaded bytes before any parser sees them: refuse hostile files safely.

A judge's upload is untrusted. Spreadsheet parsers (openpyxl, python-calamine, xlrd, pandas)
trust what a file says about itself, so the upload is looked at first, with bounded memory,
and answered with :class:`~scoring.problems.Problem` records rather than exceptions. This
module is the entry point (:func:`inspect_bytes`); each container has its module in
:mod:`scoring.sheets.formats`.

Words used here (the others in :mod:`scoring.sheets.formats.common`):

- *kind*: what the bytes really are, whatever the file is called (:data:`Kind`), found from
  the first bytes (the *magic*): a ZIP archive holds xlsx, xlsb and ods
  (:mod:`~scoring.sheets.formats.zipped`: zip bombs, XML entities, lying sizes); an OLE2
  compound file holds .xls and also *encrypted* Office files
  (:mod:`~scoring.sheets.formats.ole`); anything else is CSV text or not a spreadsheet.
- *extension check*: a file whose name says another kind than its bytes gets a warning, not
  a refusal (:data:`EXTENSIONS`).

Not looked into here (readers check them after parsing, with :func:`check_shape` and
:func:`check_cell_text`): the sheets of an xlsb or xls (binary records) and the real number
of rows of a sheet (only its declared ``<dimension>`` is read).

Defence in depth for XML: openpyxl parses with defusedxml whenever defusedxml is installed
(``openpyxl.xml.DEFUSEDXML``); :func:`xml_defences_in_effect` says whether that holds.
``defusedxml.defuse_stdlib()`` is deliberately not called: it monkey-patches the standard
library for the whole process (the app, too), and openpyxl already binds the defused parsers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath

from scoring.problems import Problem, error, warning
from scoring.sheets import csvread
from scoring.sheets.formats import ole, zipped
from scoring.sheets.formats.common import (
    CHUNK,
    DEFAULT_LIMITS,
    KB,
    LIMIT_ENV_PREFIX,
    MB,
    Inspection,
    Kind,
    Limits,
    MemberError,
    check_cell_text,
    check_shape,
    not_a_spreadsheet,
    sizes,
)
from scoring.sheets.formats.members import iter_member, read_member
from scoring.sheets.formats.ole import read_stream as cfb_stream

__all__ = [
    "CHUNK",
    "DEFAULT_LIMITS",
    "EXTENSIONS",
    "KB",
    "LIMIT_ENV_PREFIX",
    "MB",
    "Inspection",
    "Kind",
    "Limits",
    "MemberError",
    "cfb_stream",
    "check_bytes",
    "check_cell_text",
    "check_shape",
    "detect_kind",
    "inspect_bytes",
    "iter_member",
    "read_member",
    "xml_defences_in_effect",
]

# (Indonesian, English) names of what a file is, for the not-a-spreadsheet problem.
_MAGIC: tuple[tuple[bytes, tuple[str, str]], ...] = (
    (b"%PDF", ("PDF", "PDF")),
    (b"\x89PNG\r\n\x1a\n", ("gambar PNG", "a PNG image")),
    (b"\xff\xd8\xff", ("gambar JPEG", "a JPEG image")),
    (b"GIF8", ("gambar GIF", "a GIF image")),
    (b"Rar!\x1a\x07", ("arsip RAR", "a RAR archive")),
    (b"7z\xbc\xaf\x27\x1c", ("arsip 7z", "a 7z archive")),
    (b"\x1f\x8b", ("arsip gzip", "a gzip archive")),
    (b"MZ", ("program Windows", "a Windows program")),
    (b"\x7fELF", ("program", "a program")),
    (b"{\\rtf", ("dokumen RTF", "an RTF document")),
)
_UNKNOWN = ("format tidak dikenal", "an unknown format")

EXTENSIONS: Mapping[Kind, frozenset[str]] = {
    "xlsx": frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"}),
    "xlsb": frozenset({".xlsb"}),
    "ods": frozenset({".ods", ".ots"}),
    "xls": frozenset({".xls", ".xlt"}),
    "csv": frozenset({".csv", ".txt", ".tsv"}),
}
"""The file names each kind is expected under; another name gets a warning, not a refusal."""
_KIND_NAMES: Mapping[str, str] = {
    "xlsx": "Excel .xlsx", "xlsb": "Excel .xlsb", "ods": "OpenDocument .ods",
    "xls": "Excel 97-2003 .xls", "csv": "CSV",
}



# --- entry points ---------------------------------------------------------------------------


def check_bytes(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> list[Problem]:
    """Every problem :func:`inspect_bytes` finds; no errors means a parser may read ``data``."""
    return list(inspect_bytes(data, filename, limits).problems)


def inspect_bytes(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> Inspection:
    """Look at an upload before parsing it: its real kind, and what is wrong or hostile.

    Checks stop at the first refusal that makes looking further unsafe or pointless (too
    large, not a spreadsheet, encrypted, damaged, a bomb); the rest are collected.
    """
    if not data:
        return Inspection("unknown", (error("safety.empty", file=filename),))
    if len(data) > limits.max_file_bytes:
        return Inspection("unknown", (error("safety.too_large", file=filename,
                                            **sizes(len(data), limits.max_file_bytes)),))
    if data.startswith(zipped.MAGIC):
        result = zipped.inspect_zip(data, filename, limits)
    elif data.startswith(ole.MAGIC):
        result = ole.inspect_ole(data, filename, limits.max_uncompressed_bytes)
    else:
        result = _inspect_other(data, filename, limits)
    return _with_extension_check(result, filename)


def detect_kind(data: bytes, filename: str = "upload", limits: Limits = DEFAULT_LIMITS) -> Kind:
    """The real kind of ``data`` (``unknown`` when it is not a readable spreadsheet)."""
    return inspect_bytes(data, filename, limits).kind


def _with_extension_check(result: Inspection, filename: str) -> Inspection:
    suffix = PurePath(filename).suffix.lower()
    if result.kind == "unknown" or not suffix or suffix in EXTENSIONS[result.kind]:
        return result
    mismatch = warning("safety.wrong_extension", file=filename, extension=suffix,
                       detected=_KIND_NAMES[result.kind])
    return Inspection(result.kind, (*result.problems, mismatch), result.sheets,
                      result.sheet_count, result.members)



# --- everything else: text (CSV) or not a spreadsheet ---------------------------------------

_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 26))
_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html|<table|<head|<body|<meta)", re.IGNORECASE)


def _inspect_other(data: bytes, filename: str, limits: Limits) -> Inspection:
    for magic, names in _MAGIC:
        if data.startswith(magic):
            return not_a_spreadsheet(filename, names)
    sample = data[:8 * KB]
    bare = csvread.utf16_without_bom(sample)
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = sample.decode("utf-16", "replace")
        newline = "\n".encode("utf-16-le" if sample.startswith(b"\xff\xfe") else "utf-16-be")
    elif bare is not None:
        text = sample.decode(bare, "replace")
        if sum(text.count(chr(c)) for c in _CONTROL) > len(text) // 100 + 4:
            return not_a_spreadsheet(filename, _UNKNOWN)  # zero bytes, but not text
        newline = "\n".encode(bare)
    else:
        # text has at most a stray control character or two (a name pasted from elsewhere:
        # the readers clean them); binary data has them everywhere
        if b"\x00" in sample or sum(sample.count(c) for c in _CONTROL) > len(sample) // 100 + 4:
            return not_a_spreadsheet(filename, _UNKNOWN)
        text = sample.decode("utf-8", "replace")
        newline = b"\n"
    head = text.lstrip("\ufeff \t\r\n")
    if _HTML.match(head) or "<html" in head[:1024].lower():
        return not_a_spreadsheet(filename, ("halaman web (HTML)", "a web page (HTML)"))
    if head.startswith("<?xml"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in head:
            return not_a_spreadsheet(filename, ("XML Spreadsheet 2003",
                                                 "an XML Spreadsheet 2003"))
        return not_a_spreadsheet(filename, ("dokumen XML", "an XML document"))
    problems: list[Problem] = []
    # counted, not split: no copy of the data is made
    rows = data.count(newline) + (0 if data.endswith(newline) else 1)
    columns = _widest_line(data, newline)
    if rows > limits.csv_rows(columns):
        problems.append(error("safety.too_many_rows", file=filename, sheet_name=filename,
                              count=rows, limit=limits.csv_rows(columns)))
    if columns > limits.max_columns:
        problems.append(error("safety.too_many_columns", file=filename, sheet_name=filename,
                              count=columns, limit=limits.max_columns))
    return Inspection("csv", tuple(problems), sheet_count=1)


def _widest_line(data: bytes, newline: bytes, lines: int = 1000) -> int:
    """Fields in the widest of the first ``lines`` lines, for the likeliest separator."""
    width = 0
    start = 0
    separators = [s.decode("ascii").encode("utf-16-le" if newline == b"\n\x00" else
                                           "utf-16-be" if newline == b"\x00\n" else "ascii")
                  for s in (b",", b";", b"\t")]
    for _ in range(lines):
        end = data.find(newline, start)
        stop = len(data) if end < 0 else end
        width = max(width, 1 + max(data.count(s, start, stop) for s in separators))
        if end < 0:
            break
        start = end + len(newline)
    return width



def xml_defences_in_effect() -> bool:
    """True when openpyxl parses with defusedxml (it does whenever defusedxml is importable
    and the environment variable ``OPENPYXL_DEFUSEDXML`` is not set to something else)."""
    from openpyxl.xml import DEFUSEDXML

    return bool(DEFUSEDXML)
