"""ZIP containers (xlsx, xlsm, xlsb, ods): what they hold and whether it is safe to unpack.

Words used here (see :mod:`.common` for *kind*, *member* and *limits*):

- *package*: what the archive says it is: its ``[Content_Types].xml`` (Office Open XML) or
  its ``mimetype`` member (OpenDocument) names the workbook part and the sheets.
- *central directory*: the list of members at the end of a ZIP archive, with each member's
  *declared* sizes. It is read without decompressing anything, so the checks on it cost
  nothing; but declared sizes can lie, so whatever is decompressed goes through the bounded
  reader (:func:`.members.iter_member`), which stops as soon as a member yields more than it
  declared or more than the limit.
- *ratio*: a member's uncompressed size over its compressed size. Real sheets reach 10–20;
  a *zip bomb* reaches hundreds or thousands.
- *DTD*: an XML document type declaration (``<!DOCTYPE …>``), the only place XML entities
  can be declared. Entities are how XML bombs (billion laughs) and external-entity attacks
  (XXE) work. The Open Packaging Conventions (ECMA-376 Part 2, rule M1.18) forbid DTDs and
  tell readers to treat one as an error; Excel and LibreOffice never write one in any part.
  So any DTD in any XML part is refused outright, before a parser is involved.

Not looked into here (readers check them after parsing): the sheets of an xlsb (binary
records) and the real number of rows of a sheet (only its declared ``<dimension>`` is read;
:func:`scoring.sheets.formats.xlsx.scan_xlsx` counts them).

The workbook parts this module reads itself go through ``defusedxml`` with DTDs forbidden.
"""

from __future__ import annotations

import io
import itertools
import posixpath
import re
import struct
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from scoring.problems import Problem, error
from scoring.sheets.formats.common import (
    Inspection,
    Kind,
    Limits,
    MemberError,
    check_shape,
    not_a_spreadsheet,
    reasons,
    refuse,
    sizes,
)
from scoring.sheets.formats.members import iter_member, member_span, read_member

MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
"""How a ZIP archive starts."""
_EOCD = b"PK\x05\x06"
_CENTRAL = b"PK\x01\x02"

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



# --- what the archive holds ----------------------------------------------------------------


def _end_record(data: bytes) -> tuple[int, int, int] | None:
    """(declared member count, central directory size, offset) from the end record."""
    position = data.rfind(_EOCD, max(0, len(data) - 22 - 65_535))
    if position < 0 or position + 22 > len(data):
        return None
    _, _, _, count, size, offset, _ = struct.unpack_from("<4HLLH", data, position + 4)
    return count, size, offset


def inspect_zip(data: bytes, filename: str, limits: Limits) -> Inspection:
    end = _end_record(data)
    if end is None:
        return refuse(filename, "safety.truncated", **reasons(
            "catatan akhir arsip tidak ada", "the end-of-archive record is missing"))
    declared_count, cd_size, cd_offset = end
    # Count the directory's records before zipfile builds an object for each: a 20 MB file
    # can declare hundreds of thousands of them. bytes.count does not copy.
    records = data.count(_CENTRAL, cd_offset, cd_offset + cd_size) if cd_size != 0xFFFFFFFF else 0
    if max(declared_count if declared_count != 0xFFFF else 0, records) > limits.max_members:
        return refuse(filename, "safety.too_many_members",
                       count=max(declared_count, records), limit=limits.max_members)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            struct.error) as exc:
        return refuse(filename, "safety.corrupt", **reasons(
            f"struktur ZIP tidak sah: {exc}", f"invalid ZIP structure: {exc}"))
    if len(infos) > limits.max_members:
        return refuse(filename, "safety.too_many_members", count=len(infos),
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
        return not_a_spreadsheet(filename, package)

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
            sheets, part_names = workbook_sheets(data, by_name, package.workbook, limits)
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
            _, end = member_span(data, info)
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
                              **sizes(total, limits.max_uncompressed_bytes)))
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
        raise MemberError("safety.corrupt", info.filename, **reasons(
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


def workbook_sheets(data: bytes, by_name: Mapping[str, zipfile.ZipInfo], workbook: str,
                     limits: Limits) -> tuple[tuple[str, ...], dict[str, str]]:
    """Sheet names from the workbook part, and part name -> sheet name for the sheets."""
    info = by_name.get(workbook)
    if info is None:
        raise MemberError("safety.corrupt", workbook, **reasons(
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
