"""One member of a ZIP archive, decompressed with bounded memory whatever it claims.

Words used here: a *member* is one file inside the archive; its *declared* sizes are what the
central directory says (see :mod:`.zipped`), which every other check trusted, so the reader
here stops as soon as a member yields more than it declared or more than the limit. Memory
stays within a few chunks (:data:`~.common.CHUNK`) whatever the member.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator

from scoring.sheets.formats.common import CHUNK, MemberError, reasons, sizes

LOCAL = b"PK\x03\x04"
"""How a member's local header starts."""


def member_span(data: bytes, info: zipfile.ZipInfo) -> tuple[int, int]:
    """Where ``info``'s compressed bytes are in ``data``, from its local header."""
    offset = info.header_offset
    if offset + 30 > len(data):
        raise MemberError("safety.truncated", info.filename,
                          **reasons("data bagian hilang", "a part's data is missing"))
    if data[offset:offset + 4] != LOCAL:
        raise MemberError("safety.corrupt", info.filename,
                          **reasons("kepala bagian tidak sah", "a part's header is invalid"))
    name_length, extra_length = struct.unpack_from("<HH", data, offset + 26)
    start = offset + 30 + name_length + extra_length
    end = start + info.compress_size
    if end > len(data):
        raise MemberError("safety.truncated", info.filename,
                          **reasons("data bagian terpotong", "a part's data is cut short"))
    return start, end


def iter_member(data: bytes, info: zipfile.ZipInfo, limit: int | None = None,
                chunk_size: int = CHUNK) -> Iterator[bytes]:
    """Decompress one member of the archive ``data`` in chunks of at most ``chunk_size``.

    Raises :class:`MemberError` (``safety.size_mismatch``) as soon as the member yields more
    than its declared size — the declared sizes are what every other check trusted — and
    (``safety.part_too_large``) more than ``limit``; ``safety.corrupt`` or ``safety.truncated``
    when the data or its CRC is wrong. Memory stays within a few chunks whatever the member.
    """
    start, end = member_span(data, info)
    declared = info.file_size
    produced = 0
    crc = 0

    def account(out: bytes) -> None:
        nonlocal produced, crc
        produced += len(out)
        if produced > declared:
            raise MemberError("safety.size_mismatch", info.filename, declared=declared)
        if limit is not None and produced > limit:
            raise MemberError("safety.part_too_large", info.filename, **sizes(produced, limit))
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
                raise MemberError("safety.corrupt", info.filename, **reasons(
                    f"data terkompresi tidak sah: {exc}", f"invalid compressed data: {exc}")
                ) from None
            if not out and not piece and not inflater.eof:
                raise MemberError("safety.truncated", info.filename, **reasons(
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
            raise MemberError("safety.corrupt", info.filename, **reasons(
                f"bagian tidak dapat dibuka: {exc}", f"a part cannot be opened: {exc}")) from None
    if produced != declared:
        raise MemberError("safety.truncated", info.filename, **reasons(
            "isi bagian lebih pendek dari yang tercatat", "a part is shorter than recorded"))
    if crc != info.CRC:
        raise MemberError("safety.corrupt", info.filename, **reasons(
            "CRC bagian tidak cocok", "a part's CRC does not match"))


def read_member(data: bytes, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A whole member, refusing (``MemberError``) past ``limit`` or its declared size."""
    if info.file_size > limit:
        raise MemberError("safety.part_too_large", info.filename,
                          **sizes(info.file_size, limit))
    return b"".join(iter_member(data, info, limit))
