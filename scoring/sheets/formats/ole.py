"""OLE2 compound files: Excel 97-2003 workbooks and password-protected Office files.

Read with olefile (the container) and msoffcrypto-tool (whether a workbook is encrypted);
nothing here walks sectors or records by hand.

Words used here:

- *OLE2 file* (compound file, CFB): a small file system inside one file, of named *streams*.
  An .xls keeps its workbook in the stream ``Workbook`` (``Book`` for Excel 5/95); a .doc, a
  .ppt have streams of their own; a password-protected .xlsx (or .docx) is an OLE2 file with
  ``EncryptionInfo`` and ``EncryptedPackage`` streams instead of a ZIP archive.
- *mini stream*: where [MS-CFB] keeps streams under 4,096 bytes (the *cutoff*), in 64-byte
  sectors of their own; a workbook saved with a few cells lives there. olefile follows both.
- *truncated* or *corrupt*: a stream that ends before its declared size, or a sector past the
  end of the file, is what an upload cut short looks like; any other broken structure (a
  directory whose sectors loop, a header that is not OLE2) is corrupt.

Memory: olefile reads a stream whole, and keeps its sector table no longer than the file has
sectors, so no stream can be larger than the file, which the limits keep small.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

import msoffcrypto
import olefile

from scoring.sheets.formats.common import Inspection, not_a_spreadsheet, reasons, refuse

_log = logging.getLogger(__name__)

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How an OLE2 file starts."""
WORKBOOK_STREAMS = ("Workbook", "Book")
"""The stream holding an .xls's workbook: BIFF8 (Excel 97 and later), then BIFF5."""
_ENCRYPTED_STREAMS = frozenset({"EncryptionInfo", "EncryptedPackage"})
_OTHER_OFFICE = (
    ("WordDocument", ("dokumen Word 97-2003 (.doc)", "a Word 97-2003 document (.doc)")),
    ("PowerPoint Document", ("presentasi PowerPoint 97-2003 (.ppt)",
                             "a PowerPoint 97-2003 file (.ppt)")),
)
_NOT_A_WORKBOOK = ("berkas Office 97-2003 yang bukan lembar kerja",
                   "an Office 97-2003 file that is not a spreadsheet")


class OleError(Exception):
    """The container cannot be read; ``truncated`` says whether it looks cut short."""

    def __init__(self, truncated: bool, reason: str = "") -> None:
        self.truncated = truncated
        super().__init__(reason)


def open_ole(data: bytes) -> olefile.OleFileIO:
    """The OLE2 file in ``data``, its directory checked; raises :class:`OleError`."""
    if len(data) < 512:
        raise OleError(truncated=True, reason="no complete header")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises many kinds on a hostile file: all are refusals
        text = str(exc)
        raise OleError("incomplete" in text or "out of range" in text, text) from None
    if _loops(ole.fat, ole.first_dir_sector):
        ole.close()
        raise OleError(truncated=False, reason="the directory's sectors loop")
    return ole


def _loops(fat: Sequence[int], first: int) -> bool:
    """True when the sector chain from ``first`` comes back on itself (olefile reads such a
    directory over and over up to the table's length instead of refusing it)."""
    seen: set[int] = set()
    current = first
    while 0 <= current < len(fat):
        if current in seen:
            return True
        seen.add(current)
        current = fat[current]
    return False


def read_stream(data: bytes, name: str, limit: int) -> bytes | None:
    """The whole stream ``name`` of the OLE2 file ``data`` (regular or mini stream); None
    when the file cannot be read, has no such stream, or the stream is over ``limit`` bytes
    or shorter than it declares."""
    try:
        ole = open_ole(data)
    except OleError:
        return None
    with ole:
        try:
            return _stream(ole, name, limit)
        except (OleError, OSError):
            return None


def _stream(ole: olefile.OleFileIO, name: str, limit: int) -> bytes | None:
    """The stream, None when it is missing or over ``limit``; raises :class:`OleError`
    (truncated) when it holds less than it declares."""
    if not ole.exists(name) or ole.get_type(name) != olefile.STGTY_STREAM:
        return None
    declared = ole.get_size(name)
    if declared > limit:
        return None
    content = ole.openstream(name).read()
    if len(content) < declared:
        raise OleError(truncated=True, reason=f"the {name} stream is cut short")
    return content


def inspect_ole(data: bytes, filename: str, limit: int) -> Inspection:
    """What an OLE2 upload is: an .xls, or refused (encrypted, damaged, not a workbook)."""
    # Encrypted OOXML keeps these stream names; finding them as UTF-16 text is enough even
    # when the directory itself cannot be read.
    if "EncryptedPackage".encode("utf-16-le") in data:
        return refuse(filename, "safety.encrypted")
    try:
        with open_ole(data) as ole:
            names = {path[-1] for path in ole.listdir()}
            if names & _ENCRYPTED_STREAMS:
                return refuse(filename, "safety.encrypted")
            workbook = next((n for n in WORKBOOK_STREAMS if n in names), None)
            if workbook is None:
                found = next((what for stream, what in _OTHER_OFFICE if stream in names),
                             _NOT_A_WORKBOOK)
                return not_a_spreadsheet(filename, found)
            if _stream(ole, workbook, limit) is None:
                raise OleError(truncated=False, reason=f"the {workbook} stream is unreadable")
    except OleError as exc:
        _log.debug("OLE2 file %s refused: %s", filename, exc)
        return refuse(filename, "safety.truncated" if exc.truncated else "safety.corrupt",
                      **reasons("struktur berkas Excel 97-2003 tidak sah",
                                "invalid Excel 97-2003 file structure"))
    if workbook == "Workbook" and _encrypted(data, filename):
        return refuse(filename, "safety.encrypted")
    return Inspection("xls")


def _encrypted(data: bytes, filename: str) -> bool:
    """Whether the workbook has a password on open (a FILEPASS record), as msoffcrypto-tool
    reads it. A workbook stream it cannot walk is not called encrypted: the reader then finds
    what it can (a BIFF5 ``Book`` stream is not looked at: msoffcrypto reads BIFF8 only)."""
    try:
        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception as exc:  # a damaged stream: reported by the reader if it matters
        _log.debug("msoffcrypto could not read %s: %s", filename, exc)
        return False
