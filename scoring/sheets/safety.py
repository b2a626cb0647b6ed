"""Checks on uploaded bytes before any parser sees them: refuse hostile files safely.

A judge's upload is untrusted. Spreadsheet parsers (openpyxl, python-calamine, pandas) trust
what a file says about itself, so this module looks first, with bounded memory, and answers
with :class:`~scoring.problems.Problem` records rather than exceptions.

Words used here:

- *kind*: what the bytes really are, whatever the file is called: ``xlsx`` (Office Open XML
  workbook: .xlsx, .xlsm, .xltx, .xltm), ``xlsb`` (binary Excel workbook), ``ods``
  (OpenDocument spreadsheet), ``xls`` (Excel 97–2003), ``csv`` (plain text), or ``unknown``.
  Found from the first bytes (the *magic*): a ZIP archive holds xlsx, xlsb and ods; an OLE2
  compound file (CFB) holds .xls and also *encrypted* Office files (a password-protected
  .xlsx is an OLE2 file with ``EncryptionInfo`` and ``EncryptedPackage`` streams).
- *member* (or *part*): one file inside the ZIP archive, such as ``xl/workbook.xml``.
- *central directory*: the list of members at the end of a ZIP archive, with each member's
  *declared* sizes. It is read without decompressing anything, so the checks on it cost
  nothing; but declared sizes can lie, so whatever is decompressed goes through the bounded
  reader (:func:`iter_member`), which stops as soon as a member yields more than it declared
  or more than the limit.
- *ratio*: a member's uncompressed size over its compressed size. Real sheets reach 10–20;
  a *zip bomb* reaches hundreds or thousands.
- *DTD*: an XML document type declaration (``<!DOCTYPE …>``), the only place XML entities
  can be declared. Entities are how XML bombs (billion laughs) and external-entity attacks
  (XXE) work. The Open Packaging Conventions (ECMA-376 Part 2, rule M1.18) forbid DTDs and
  tell readers to treat one as an error; Excel and LibreOffice never write one in any part.
  So any DTD in any XML part is refused outright, before a parser is involved.

Not looked into here (readers check them after parsing, with :func:`check_shape` and
:func:`check_cell_text`): the sheets of an xlsb or xls (binary records), the real number of
rows of a sheet (only its declared ``<dimension>`` is read), and the FILEPASS record of an .xls
whose workbook stream is under 4 KB (it lives in the OLE2 mini stream; real ones never are).

Defence in depth for XML: openpyxl parses with defusedxml whenever defusedxml is installed
(``openpyxl.xml.DEFUSEDXML``); :func:`xml_defences_in_effect` says whether that holds, and the
workbook parts this module reads itself go through ``defusedxml`` with DTDs forbidden.
``defusedxml.defuse_stdlib()`` is deliberately not called: it monkey-patches the standard
library for the whole process (the app, too), and openpyxl already binds the defused parsers.
"""

from __future__ import annotations

import io
import itertools
import logging
import os
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import PurePath
from typing import Literal
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from scoring.i18n import format_number
from scoring.problems import Problem, error, has_errors, warning

_log = logging.getLogger(__name__)

KB = 1024
MB = 1024 * KB

Kind = Literal["xlsx", "xlsb", "ods", "xls", "csv", "unknown"]


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
    max_columns: int = 500
    max_cell_chars: int = 32_767
    """Excel's own limit on the text in one cell."""

    def __post_init__(self) -> None:
        for f in fields(self):
            if not getattr(self, f.name) > 0:
                raise ValueError(f"Limits.{f.name} must be positive")


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

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EOCD = b"PK\x05\x06"
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"

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

_WORKBOOK_TYPES: Mapping[str, Kind] = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xlsx",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsx",
    "application/vnd.ms-excel.template.macroEnabled.main+xml": "xlsx",
    "application/vnd.ms-excel.sheet.binary.macroEnabled.main": "xlsb",
}
_OTHER_OOXML = (
    ("wordprocessingml", ("dokumen Word (.docx)", "a Word document (.docx)")),
    ("presentationml", ("presentasi PowerPoint (.pptx)", "a PowerPoint file (.pptx)")),
)
_ODS_TYPES = ("application/vnd.oasis.opendocument.spreadsheet",
              "application/vnd.oasis.opendocument.spreadsheet-template")

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


# --- results --------------------------------------------------------------------------------


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


def _reasons(id_text: str, en_text: str) -> dict[str, str]:
    return {"reason_id": id_text, "reason_en": en_text}


def _sizes(size: int, limit: int) -> dict[str, str]:
    def human(n: int, lang: str) -> str:
        if n >= MB:
            return f"{format_number(n / MB, lang, 1)} MB"
        return f"{format_number(n / KB, lang, 1)} KB"
    return {"size_id": human(size, "id"), "size_en": human(size, "en"),
            "limit_id": human(limit, "id"), "limit_en": human(limit, "en")}


# --- reading members with bounded memory ----------------------------------------------------


def _member_span(data: bytes, info: zipfile.ZipInfo) -> tuple[int, int]:
    """Where ``info``'s compressed bytes are in ``data``, from its local header."""
    offset = info.header_offset
    if offset + 30 > len(data):
        raise MemberError("safety.truncated", info.filename,
                          **_reasons("data bagian hilang", "a part's data is missing"))
    if data[offset:offset + 4] != _LOCAL:
        raise MemberError("safety.corrupt", info.filename,
                          **_reasons("kepala bagian tidak sah", "a part's header is invalid"))
    name_length, extra_length = struct.unpack_from("<HH", data, offset + 26)
    start = offset + 30 + name_length + extra_length
    end = start + info.compress_size
    if end > len(data):
        raise MemberError("safety.truncated", info.filename,
                          **_reasons("data bagian terpotong", "a part's data is cut short"))
    return start, end


def iter_member(data: bytes, info: zipfile.ZipInfo, limit: int | None = None,
                chunk_size: int = CHUNK) -> Iterator[bytes]:
    """Decompress one member of the archive ``data`` in chunks of at most ``chunk_size``.

    Raises :class:`MemberError` (``safety.size_mismatch``) as soon as the member yields more
    than its declared size — the declared sizes are what every other check trusted — and
    (``safety.part_too_large``) more than ``limit``; ``safety.corrupt`` or ``safety.truncated``
    when the data or its CRC is wrong. Memory stays within a few chunks whatever the member.
    """
    start, end = _member_span(data, info)
    declared = info.file_size
    produced = 0
    crc = 0

    def account(out: bytes) -> None:
        nonlocal produced, crc
        produced += len(out)
        if produced > declared:
            raise MemberError("safety.size_mismatch", info.filename, declared=declared)
        if limit is not None and produced > limit:
            raise MemberError("safety.part_too_large", info.filename, **_sizes(produced, limit))
        crc = zlib.crc32(out, crc)

    view = memoryview(data)
    if info.compress_type == zipfile.ZIP_STORED:
        for position in range(start, end, chunk_size):
            out = bytes(view[position:min(position + chunk_size, end)])
            account(out)
            yield out
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        position = start
        while not inflater.eof:
            if inflater.unconsumed_tail:
                piece: bytes | memoryview = inflater.unconsumed_tail
            elif position < end:
                piece = view[position:min(position + chunk_size, end)]
                position += len(piece)
            else:
                piece = b""  # no input left: let zlib hand over what it still holds
            try:
                # max_length bounds each step's output, so a bomb never fills memory
                out = inflater.decompress(piece, chunk_size)
            except zlib.error as exc:
                raise MemberError("safety.corrupt", info.filename, **_reasons(
                    f"data terkompresi tidak sah: {exc}", f"invalid compressed data: {exc}")
                ) from None
            if not out and not piece and not inflater.eof:
                raise MemberError("safety.truncated", info.filename, **_reasons(
                    "data terkompresi berhenti di tengah", "the compressed data stops short"))
            if out:
                account(out)
                yield out
    else:
        # bzip2, lzma: Excel never writes them; zipfile itself stops at the declared size
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(info) as stream:
                while out := stream.read(chunk_size):
                    account(out)
                    yield out
            return
        except (NotImplementedError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise MemberError("safety.corrupt", info.filename, **_reasons(
                f"bagian tidak dapat dibuka: {exc}", f"a part cannot be opened: {exc}")) from None
    if produced != declared:
        raise MemberError("safety.truncated", info.filename, **_reasons(
            "isi bagian lebih pendek dari yang tercatat", "a part is shorter than recorded"))
    if crc != info.CRC:
        raise MemberError("safety.corrupt", info.filename, **_reasons(
            "CRC bagian tidak cocok", "a part's CRC does not match"))


def read_member(data: bytes, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A whole member, refusing (``MemberError``) past ``limit`` or its declared size."""
    if info.file_size > limit:
        raise MemberError("safety.part_too_large", info.filename,
                          **_sizes(info.file_size, limit))
    return b"".join(iter_member(data, info, limit))


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
                                            **_sizes(len(data), limits.max_file_bytes)),))
    if data.startswith(_ZIP_MAGIC):
        result = _inspect_zip(data, filename, limits)
    elif data.startswith(_OLE_MAGIC):
        result = _inspect_ole(data, filename)
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


def _refuse(filename: str, code: str, **params: object) -> Inspection:
    return Inspection("unknown", (error(code, file=filename, **params),))


def _not_a_spreadsheet(filename: str, detected: tuple[str, str]) -> Inspection:
    return _refuse(filename, "safety.not_a_spreadsheet", detected_id=detected[0],
                   detected_en=detected[1])


# --- ZIP containers: xlsx, xlsb, ods --------------------------------------------------------


def _end_record(data: bytes) -> tuple[int, int, int] | None:
    """(declared member count, central directory size, offset) from the end record."""
    position = data.rfind(_EOCD, max(0, len(data) - 22 - 65_535))
    if position < 0 or position + 22 > len(data):
        return None
    _, _, _, count, size, offset, _ = struct.unpack_from("<4HLLH", data, position + 4)
    return count, size, offset


def _inspect_zip(data: bytes, filename: str, limits: Limits) -> Inspection:
    end = _end_record(data)
    if end is None:
        return _refuse(filename, "safety.truncated", **_reasons(
            "catatan akhir arsip tidak ada", "the end-of-archive record is missing"))
    declared_count, cd_size, cd_offset = end
    # Count the directory's records before zipfile builds an object for each: a 20 MB file
    # can declare hundreds of thousands of them. bytes.count does not copy.
    records = data.count(_CENTRAL, cd_offset, cd_offset + cd_size) if cd_size != 0xFFFFFFFF else 0
    if max(declared_count if declared_count != 0xFFFF else 0, records) > limits.max_members:
        return _refuse(filename, "safety.too_many_members",
                       count=max(declared_count, records), limit=limits.max_members)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            struct.error) as exc:
        return _refuse(filename, "safety.corrupt", **_reasons(
            f"struktur ZIP tidak sah: {exc}", f"invalid ZIP structure: {exc}"))
    if len(infos) > limits.max_members:
        return _refuse(filename, "safety.too_many_members", count=len(infos),
                       limit=limits.max_members)

    problems = _directory_problems(data, infos, filename, limits)
    if problems:
        return Inspection("unknown", tuple(problems))

    by_name = {info.filename: info for info in infos}
    try:
        package = _package(data, by_name, limits)
    except MemberError as exc:
        return Inspection("unknown", (exc.problem(filename),))
    if isinstance(package, tuple):
        return _not_a_spreadsheet(filename, package)

    problems = []
    dimensions: dict[str, tuple[int, int]] = {}
    ods_tables = 0
    for info in infos:
        if info.is_dir():
            continue
        try:
            scan = _scan_member(data, info, limits, info.filename in package.sheet_parts,
                                count_tables=package.kind == "ods"
                                and info.filename == "content.xml")
        except MemberError as exc:
            problems.append(exc.problem(filename))
            continue
        if scan.dtd:
            problems.append(error("safety.xml_entities", file=filename, member=info.filename))
        if scan.dimension:
            dimensions[info.filename] = scan.dimension
        ods_tables += scan.tables
    if problems:
        # a DTD, a lying size or damaged data: nothing in this file goes to a parser
        return Inspection("unknown", tuple(problems), members=tuple(by_name))

    sheets: tuple[str, ...] = ()
    sheet_count: int | None = None
    part_names: dict[str, str] = {}
    try:
        if package.kind == "xlsx" and package.workbook:
            sheets, part_names = _workbook_sheets(data, by_name, package.workbook, limits)
            sheet_count = len(sheets)
        elif package.kind == "ods":
            sheet_count = ods_tables
    except MemberError as exc:
        return Inspection("unknown", (exc.problem(filename),), members=tuple(by_name))
    if sheet_count is not None and sheet_count > limits.max_sheets:
        problems.append(error("safety.too_many_sheets", file=filename, count=sheet_count,
                              limit=limits.max_sheets))
    for part, (rows, columns) in dimensions.items():
        sheet = part_names.get(part, part)
        problems.extend(check_shape(rows, columns, limits, file=filename, sheet=sheet))
    return Inspection(package.kind, tuple(problems), sheets, sheet_count, tuple(by_name))


def _directory_problems(data: bytes, infos: list[zipfile.ZipInfo], filename: str,
                        limits: Limits) -> list[Problem]:
    """Checks on the central directory alone: nothing is decompressed."""
    problems: list[Problem] = []
    total = 0
    spans: list[tuple[int, int, str]] = []
    for info in infos:
        if info.flag_bits & 0x1:
            # ZIP-level encryption; Excel encrypts differently (OLE2), but refuse either way
            return [error("safety.encrypted", file=filename)]
        total += info.file_size
        if (info.file_size >= limits.ratio_floor_bytes
                and info.file_size > limits.max_ratio * max(info.compress_size, 1)):
            problems.append(error(
                "safety.zip_bomb", file=filename, member=info.filename,
                ratio=int(info.file_size // max(info.compress_size, 1)),
                limit=int(limits.max_ratio)))
        try:
            _, end = _member_span(data, info)
        except MemberError as exc:
            return [exc.problem(filename)]
        spans.append((info.header_offset, end, info.filename))
    # Members whose data overlap are how non-recursive zip bombs reuse one compressed block
    # for thousands of entries; real archives never share bytes between members.
    spans.sort()
    for (_, end, name), (next_start, _, next_name) in itertools.pairwise(spans):
        if next_start < end:
            problems.append(error("safety.overlapping_members", file=filename, member=name,
                                  other=next_name))
            break
    if total > limits.max_uncompressed_bytes:
        problems.append(error("safety.uncompressed_too_large", file=filename,
                              **_sizes(total, limits.max_uncompressed_bytes)))
    return problems


@dataclass(frozen=True)
class _Package:
    kind: Kind
    workbook: str | None = None
    sheet_parts: frozenset[str] = frozenset()


def _parse_part(data: bytes, info: zipfile.ZipInfo, limits: Limits) -> Element:
    """A small XML part parsed whole, with DTDs and entities forbidden."""
    text = read_member(data, info, limits.max_part_bytes)
    try:
        return defused_fromstring(text, forbid_dtd=True)
    except DefusedXmlException:
        raise MemberError("safety.xml_entities", info.filename) from None
    except ParseError as exc:
        raise MemberError("safety.corrupt", info.filename, **_reasons(
            f"XML tidak sah di {info.filename}: {exc}",
            f"invalid XML in {info.filename}: {exc}")) from None


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _package(data: bytes, by_name: Mapping[str, zipfile.ZipInfo], limits: Limits
             ) -> _Package | tuple[str, str]:
    """What the archive holds: a spreadsheet package, or the (id, en) name of what it is."""
    types = by_name.get("[Content_Types].xml")
    if types is not None:
        root = _parse_part(data, types, limits)
        overrides = {str(node.get("PartName", "")).lstrip("/"): str(node.get("ContentType", ""))
                     for node in root.iter() if _local(node.tag) == "Override"}
        sheets = frozenset(part for part, kind in overrides.items()
                           if kind.endswith("worksheet+xml"))
        for part, content_type in overrides.items():
            if content_type in _WORKBOOK_TYPES:
                return _Package(_WORKBOOK_TYPES[content_type], part, sheets)
        for marker, names in _OTHER_OOXML:
            if any(marker in kind for kind in overrides.values()):
                return names
    if "mimetype" in by_name:
        mimetype = read_member(data, by_name["mimetype"], 200).decode("ascii", "replace")
        if mimetype.strip() in _ODS_TYPES:
            return _Package("ods")
        return ("dokumen OpenDocument yang bukan lembar kerja",
                "an OpenDocument file that is not a spreadsheet")
    if "xl/workbook.xml" in by_name:  # no content types: lenient, as Excel is
        sheets = frozenset(n for n in by_name if re.fullmatch(r"xl/worksheets/[^/]+\.xml", n))
        return _Package("xlsx", "xl/workbook.xml", sheets)
    return ("arsip ZIP", "a ZIP archive")


@dataclass
class _Scan:
    dtd: bool = False
    dimension: tuple[int, int] | None = None
    tables: int = 0


_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="\$?([A-Za-z]{0,3})\$?(\d*)'
                        rb'(?::\$?([A-Za-z]{1,3})\$?(\d+))?"')
_ODS_TABLE = b"<table:table"
_ODS_TABLE_RE = re.compile(re.escape(_ODS_TABLE) + rb"[\s>/]")


def _encoding_of(first: bytes) -> str | None:
    """How an XML part is encoded, from its first bytes; None when it is not XML at all."""
    if first.startswith((b"\xff\xfe", b"<\x00")):
        return "utf-16-le"
    if first.startswith((b"\xfe\xff", b"\x00<")):
        return "utf-16-be"
    if first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "utf-8"
    return None


def _scan_member(data: bytes, info: zipfile.ZipInfo, limits: Limits, is_sheet: bool,
                 count_tables: bool) -> _Scan:
    """Stream one member: DTD markers anywhere, the sheet dimension, ODS table count.

    Non-XML members (pictures, macros) are left after their first chunk.
    """
    scan = _Scan()
    chunks = iter_member(data, info, limits.max_uncompressed_bytes)
    first = next(chunks, b"")
    encoding = _encoding_of(first)
    if encoding is None:
        return scan
    markers = tuple(m.decode("ascii").encode(encoding) for m in _DTD_MARKERS)
    count_tables = count_tables and encoding == "utf-8"  # ODS is always UTF-8
    # the tail of the previous chunk is kept so that no marker is missed across a boundary
    keep = max(len(m) for m in (*markers, _ODS_TABLE)) + 1
    if is_sheet and encoding == "utf-8":
        scan.dimension = _dimension(first)
    tail = b""
    for chunk in _chain(first, chunks):
        window = tail + chunk
        if any(marker in window for marker in markers):
            scan.dtd = True
            return scan
        if count_tables:
            # count only tables ending in the new chunk: the others were counted before
            scan.tables += sum(1 for m in _ODS_TABLE_RE.finditer(window) if m.end() > len(tail))
        tail = window[-keep:]
    return scan


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - ord("A") + 1
    return number


def _dimension(head: bytes) -> tuple[int, int] | None:
    """(rows, columns) a sheet declares in ``<dimension ref="A1:K250"/>``, if it does."""
    found = _DIMENSION.search(head)
    if not found:
        return None
    first_col, first_row, last_col, last_row = found.groups()
    col = last_col if last_col else first_col
    row = last_row if last_row else first_row
    if not col or not row:
        return None
    return int(row), _column_number(col)


def _workbook_sheets(data: bytes, by_name: Mapping[str, zipfile.ZipInfo], workbook: str,
                     limits: Limits) -> tuple[tuple[str, ...], dict[str, str]]:
    """Sheet names from the workbook part, and part name -> sheet name for the sheets."""
    info = by_name.get(workbook)
    if info is None:
        raise MemberError("safety.corrupt", workbook, **_reasons(
            f"bagian {workbook} tidak ada", f"the part {workbook} is missing"))
    root = _parse_part(data, info, limits)
    entries = [(str(node.get("name", "")),
                next((str(v) for k, v in node.attrib.items() if _local(k) == "id"), ""))
               for node in root.iter() if _local(node.tag) == "sheet"]
    names = tuple(name for name, _ in entries)
    folder, base = posixpath.split(workbook)
    rels = by_name.get(posixpath.join(folder, "_rels", base + ".rels"))
    if rels is None or len(entries) > limits.max_sheets:
        return names, {}
    targets = {}
    for node in _parse_part(data, rels, limits).iter():
        if _local(node.tag) == "Relationship":
            target = str(node.get("Target", ""))
            part = (target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target)))
            targets[str(node.get("Id", ""))] = part
    return names, {targets[rid]: name for name, rid in entries if rid in targets}


# --- OLE2 compound files: .xls and encrypted Office files ------------------------------------

_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_FILEPASS = 0x002F  # BIFF record: the workbook stream is encrypted
_BOF = 0x0809


class _CfbError(Exception):
    def __init__(self, truncated: bool) -> None:
        self.truncated = truncated


def _cfb_entries(data: bytes) -> tuple[list[tuple[str, int, int]], int, int]:
    """Directory entries (name, start sector, size), the sector size and the mini cutoff
    (see :func:`_cfb`)."""
    entries, size, cutoff, _ = _cfb(data)
    return entries, size, cutoff


def cfb_stream(data: bytes, name: str, limit: int) -> bytes | None:
    """The stream ``name`` of an OLE2 file, followed through the FAT, at most ``limit`` bytes;
    None when it is not there, lives in the mini stream (under 4 KB) or cannot be read."""
    try:
        entries, size, cutoff, next_sector = _cfb(data)
        found = next(((start, length) for n, start, length in entries if n == name), None)
        if found is None or found[1] < cutoff or found[1] > limit:
            return None
        start, length = found
        out, seen, current = bytearray(), set(), start
        while current < _END_OF_CHAIN and len(out) < length:
            if current in seen or (current + 2) * size > len(data):
                return None
            seen.add(current)
            out += data[(current + 1) * size:(current + 2) * size]
            current = next_sector(current)
        return bytes(out[:length]) if len(out) >= length else None
    except (_CfbError, struct.error, IndexError):
        return None


def _cfb(data: bytes) -> tuple[list[tuple[str, int, int]], int, int, Callable[[int], int]]:
    """Directory entries (name, start sector, size), the sector size, the mini cutoff and
    the FAT's next-sector function.

    A minimal reader of [MS-CFB]: enough to list stream names and find the first sector of
    one; every sector number is checked against the file and chains are followed at most
    once per sector, so a hostile file cannot loop or read outside ``data``.
    """
    if len(data) < 512:
        raise _CfbError(truncated=True)
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        raise _CfbError(truncated=False)
    size = 1 << shift
    fat_count, first_dir = struct.unpack_from("<LL", data, 0x2C)
    cutoff = struct.unpack_from("<L", data, 0x38)[0]
    first_difat, difat_count = struct.unpack_from("<LL", data, 0x44)
    sectors = (len(data) - size) // size if len(data) > size else 0
    per_sector = size // 4

    def sector_offset(number: int) -> int:
        if number >= sectors:
            raise _CfbError(truncated=True)
        return (number + 1) * size

    fat_sectors = [s for s in struct.unpack_from("<109L", data, 0x4C) if s < _END_OF_CHAIN]
    seen: set[int] = set()
    current = first_difat
    while current < _END_OF_CHAIN and len(seen) < min(difat_count, sectors):
        if current in seen:
            raise _CfbError(truncated=False)
        seen.add(current)
        values = struct.unpack_from(f"<{per_sector}L", data, sector_offset(current))
        fat_sectors.extend(s for s in values[:-1] if s < _END_OF_CHAIN)
        current = values[-1]
    fat_sectors = fat_sectors[:fat_count]

    def next_sector(number: int) -> int:
        holder = number // per_sector
        if holder >= len(fat_sectors):
            raise _CfbError(truncated=False)
        return struct.unpack_from("<L", data, sector_offset(fat_sectors[holder])
                                  + 4 * (number % per_sector))[0]

    entries = []
    visited: set[int] = set()
    current = first_dir
    while current != _END_OF_CHAIN:
        if current in visited or current == _FREE:
            raise _CfbError(truncated=False)
        visited.add(current)
        base = sector_offset(current)
        for offset in range(base, base + size, 128):
            name_length = struct.unpack_from("<H", data, offset + 64)[0]
            kind = data[offset + 66]
            if kind == 0 or not 2 <= name_length <= 64:
                continue
            name = data[offset:offset + name_length - 2].decode("utf-16-le", "replace")
            start, stream_size = struct.unpack_from("<LQ", data, offset + 116)
            entries.append((name, start, stream_size & 0xFFFFFFFF if shift == 9
                            else stream_size))
        current = next_sector(current)
    return entries, size, cutoff, next_sector


def _inspect_ole(data: bytes, filename: str) -> Inspection:
    # Encrypted OOXML keeps these stream names; finding them as UTF-16 text is enough even
    # when the directory itself cannot be read.
    if "EncryptedPackage".encode("utf-16-le") in data:
        return _refuse(filename, "safety.encrypted")
    try:
        entries, size, cutoff = _cfb_entries(data)
    except (_CfbError, struct.error, IndexError) as exc:
        truncated = isinstance(exc, _CfbError) and exc.truncated
        code = "safety.truncated" if truncated else "safety.corrupt"
        return _refuse(filename, code, **_reasons(
            "struktur berkas Excel 97-2003 tidak sah", "invalid Excel 97-2003 file structure"))
    names = {name for name, _, _ in entries}
    if names & {"EncryptionInfo", "EncryptedPackage"}:
        return _refuse(filename, "safety.encrypted")
    workbook = next(((start, length) for name, start, length in entries
                     if name in ("Workbook", "Book")), None)
    if workbook is None:
        if "WordDocument" in names:
            return _not_a_spreadsheet(filename, ("dokumen Word 97-2003 (.doc)",
                                                 "a Word 97-2003 document (.doc)"))
        if "PowerPoint Document" in names:
            return _not_a_spreadsheet(filename, ("presentasi PowerPoint 97-2003 (.ppt)",
                                                 "a PowerPoint 97-2003 file (.ppt)"))
        return _not_a_spreadsheet(filename, ("berkas Office 97-2003 yang bukan lembar kerja",
                                             "an Office 97-2003 file that is not a spreadsheet"))
    start, length = workbook
    # A stream under the cutoff lives in the mini stream; its first records are not looked
    # at (a real workbook stream is larger than 4 KB).
    if length >= cutoff and start < _END_OF_CHAIN:
        offset = (start + 1) * size
        if offset + size > len(data):
            return _refuse(filename, "safety.truncated", **_reasons(
                "aliran Workbook terpotong", "the Workbook stream is cut short"))
        if _biff_encrypted(data[offset:offset + size]):
            return _refuse(filename, "safety.encrypted")
    return Inspection("xls")


def _biff_encrypted(head: bytes) -> bool:
    """True when a FILEPASS record follows the workbook stream's BOF (a password on open)."""
    position = 0
    for _ in range(16):  # FILEPASS comes right after BOF; a few records is plenty
        if position + 4 > len(head):
            return False
        record, length = struct.unpack_from("<HH", head, position)
        if record == _FILEPASS:
            return True
        if position == 0 and record != _BOF:
            return False
        position += 4 + length
    return False


# --- everything else: text (CSV) or not a spreadsheet ---------------------------------------

_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 26))
_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html|<table|<head|<body|<meta)", re.IGNORECASE)


def _inspect_other(data: bytes, filename: str, limits: Limits) -> Inspection:
    for magic, names in _MAGIC:
        if data.startswith(magic):
            return _not_a_spreadsheet(filename, names)
    sample = data[:8 * KB]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = sample.decode("utf-16", "replace")
        newline = "\n".encode("utf-16-le" if sample.startswith(b"\xff\xfe") else "utf-16-be")
    else:
        # text has at most a stray control character or two (a name pasted from elsewhere:
        # the readers clean them); binary data has them everywhere
        if b"\x00" in sample or sum(sample.count(c) for c in _CONTROL) > len(sample) // 100 + 4:
            return _not_a_spreadsheet(filename, _UNKNOWN)
        text = sample.decode("utf-8", "replace")
        newline = b"\n"
    head = text.lstrip("\ufeff \t\r\n")
    if _HTML.match(head) or "<html" in head[:1024].lower():
        return _not_a_spreadsheet(filename, ("halaman web (HTML)", "a web page (HTML)"))
    if head.startswith("<?xml"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in head:
            return _not_a_spreadsheet(filename, ("XML Spreadsheet 2003",
                                                 "an XML Spreadsheet 2003"))
        return _not_a_spreadsheet(filename, ("dokumen XML", "an XML document"))
    problems: list[Problem] = []
    # counted, not split: no copy of the data is made
    rows = data.count(newline) + (0 if data.endswith(newline) else 1)
    if rows > limits.max_rows:
        problems.append(error("safety.too_many_rows", file=filename, sheet_name=filename,
                              count=rows, limit=limits.max_rows))
    columns = _widest_line(data, newline)
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


def xml_defences_in_effect() -> bool:
    """True when openpyxl parses with defusedxml (it does whenever defusedxml is importable
    and the environment variable ``OPENPYXL_DEFUSEDXML`` is not set to something else)."""
    from openpyxl.xml import DEFUSEDXML

    return bool(DEFUSEDXML)
