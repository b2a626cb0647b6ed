"""The text an .xlsx's cells hold through its shared strings, counted while streaming.

An .xlsx keeps each distinct text once, in the *shared strings* part, and a text cell holds
only its index (``<c r="B7" t="s"><v>3</v></c>``). A small file can so point a million cells
at one 32,767-character string: 32 GB of text once every cell is read. Before any parser
builds a cell, :func:`shared_string_lengths` measures each shared string from the stream of
its part, and :class:`SharedText` adds up, cell by cell while a sheet's XML streams past, the
text its cells point at; :func:`scoring.sheets.formats.xlsx.scan_xlsx` refuses a sheet whose
*text volume* is over :attr:`~scoring.sheets.formats.common.Limits.max_text_chars`.

Words used here:

- *length* of a shared string: the bytes between its ``<si>`` and ``</si>`` tags (formatting
  runs included): at least its characters, so the volume is never under-counted.
- *text volume*: the sum, over a sheet's shared-string cells, of their strings' lengths.
"""

from __future__ import annotations

import re
import zipfile

import numpy as np

from scoring.sheets.formats.common import Limits
from scoring.sheets.formats.members import iter_member

SHARED_STRINGS = re.compile(r"xl/sharedStrings\d*\.xml", re.IGNORECASE)
_SI = re.compile(rb"<(/?)(?:\w+:)?si(?=[\s>/])")
_TAIL = 24
"""Bytes kept across chunks so that a tag split between two chunks is still found."""
_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?\bt=[\"']s[\"'][^>]*>\s*<(?:\w+:)?v>\s*(\d{1,9})\s*<")
_CELL_TAIL = 400
"""Bytes kept across chunks when looking for a shared-string cell (one ``<c>`` element)."""


def shared_string_lengths(data: bytes, info: zipfile.ZipInfo, limits: Limits) -> np.ndarray:
    """The length of every shared string of the part ``info``, in order (memory: 8 bytes a
    string, never the strings)."""
    lengths: list[int] = []
    offset = 0  # absolute position of the window's first byte
    tail = b""
    opened: int | None = None
    done = -1  # absolute position of the last tag handled
    for chunk in iter_member(data, info, limits.max_uncompressed_bytes):
        window = tail + chunk
        start = offset - len(tail)
        for match in _SI.finditer(window):
            at = start + match.start()
            if at <= done:
                continue
            done = at
            if not match.group(1):
                opened = at
            elif opened is not None:
                lengths.append(at - opened)
                opened = None
        offset += len(chunk)
        tail = window[-_TAIL:]
    return np.asarray(lengths, dtype=np.int64)


class SharedText:
    """The text volume of one sheet, added up chunk by chunk (see the module's words)."""

    def __init__(self, lengths: np.ndarray) -> None:
        self.lengths = lengths
        self.volume = 0
        self._tail = b""
        self._start = 0  # absolute position of the next chunk
        self._done = -1

    def add(self, chunk: bytes) -> int:
        """Count the shared-string cells that end in ``chunk``; the volume so far."""
        window = self._tail + chunk
        start = self._start - len(self._tail)
        if self.lengths.size and (b't="s"' in window or b"t='s'" in window):
            indices = []
            for match in _CELL.finditer(window):
                at = start + match.start()
                if at <= self._done:
                    continue
                self._done = at
                indices.append(int(match.group(1)))
            if indices:
                found = np.asarray(indices, dtype=np.int64)
                found = found[found < self.lengths.size]
                self.volume += int(self.lengths[found].sum())
        self._start += len(chunk)
        self._tail = window[-_CELL_TAIL:]
        return self.volume
