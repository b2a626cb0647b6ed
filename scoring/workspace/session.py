"""A competition being worked on, and the workflow from its files to an outcome.

The app's pages and scripts share these steps: keep the inputs as they came
(:class:`Competition`), refuse oversized or undecodable uploads with problems, read the judges'
workbooks into one score table, and score it (:func:`outcome_of`, :func:`run_competition`).
Nothing here knows how a page shows anything.

Words used here:
- *competition*: what is being worked on — a rubric file, an entries list and the judges'
  workbooks, each kept as it came (text or bytes), see :class:`Competition`.
- *key*: a sha256 of content. Caches are keyed by these (:class:`ContentCache`), so the same
  files read once are never read again, whatever page or language is shown.
- *outcome*: everything one competition gives: the rubric and entries (or their problems),
  the score table, every problem, and the :class:`~scoring.result.Result` (see
  :class:`Outcome`).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from scoring import sheets, table
from scoring.entries import Entries, parse_entries
from scoring.i18n import format_number
from scoring.pipeline import score
from scoring.problems import HasProblems, Problem, error
from scoring.result import Result
from scoring.rubric import Rubric, parse_rubric

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_RUBRIC = ROOT / "rubrics" / "budaya_kerja_tulta.yaml"
SAMPLE_ENTRIES = ROOT / "data" / "entries_pekalongan_sample.csv"
SAMPLE_SHEETS = ROOT / "data" / "samples" / "budaya_kerja_2026"
MAX_UPLOAD_ENV = "JURI_MAX_UPLOAD_MB"
"""Environment variable: the largest upload the app accepts, in megabytes (per file)."""
DEFAULT_MAX_UPLOAD_MB = 5
"""A judge's filled template is tens of KB; 5 MB leaves room for big competitions."""
MB = 1024 * 1024
Source = Literal["sample", "upload"]


def digest(data: bytes | str) -> str:
    """sha256 hex digest of ``data`` (text as UTF-8)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def files_digest(files: Iterable[tuple[str, bytes]]) -> str:
    """One digest over ``(name, bytes)`` pairs, in order (a renamed file is another set)."""
    outer = hashlib.sha256()
    for name, data in files:
        outer.update(digest(name).encode())
        outer.update(digest(data).encode())
    return outer.hexdigest()


# --- the competition being worked on ------------------------------------------------------


@dataclass(frozen=True)
class Competition:
    """The inputs of one competition as they came: rubric text, entries text, workbooks."""

    rubric_name: str
    rubric_text: str
    entries_name: str
    entries_text: str
    files: tuple[tuple[str, bytes], ...] = ()
    source: Source = "sample"
    mappings: tuple[tuple[str, str, str], ...] = ()
    """Confirmed mappings of judges' own workbooks: (file name, sha256 of the file, mapping
    YAML); a file is read by its mapping only while its content is the same."""

    @cached_property
    def rubric_key(self) -> str:
        return digest(self.rubric_text)

    @cached_property
    def entries_key(self) -> str:
        return digest(self.entries_text)

    @cached_property
    def files_key(self) -> str:
        return files_digest(self.files)

    @cached_property
    def key(self) -> str:
        """The digest of everything: equal keys, equal outcome."""
        parts = [self.rubric_key, self.entries_key, self.files_key]
        if self.mappings:
            parts.append(digest(repr(self.mappings)))
        return digest("|".join(parts))

    @property
    def file_names(self) -> list[str]:
        return [name for name, _ in self.files]

    def with_rubric(self, name: str, text: str) -> Competition:
        return replace(self, rubric_name=name, rubric_text=text)

    def with_entries(self, name: str, text: str) -> Competition:
        return replace(self, entries_name=name, entries_text=text)

    def with_files(self, files: Iterable[tuple[str, bytes]], source: Source = "upload"
                   ) -> Competition:
        """These files instead; the mappings of files still there (same content) are kept."""
        files = tuple((str(n), bytes(d)) for n, d in files)
        present = {(name, digest(data)) for name, data in files}
        kept = tuple(m for m in self.mappings if (m[0], m[1]) in present)
        return replace(self, files=files, source=source, mappings=kept)

    def with_mapping(self, name: str, text: str | None) -> Competition:
        """File ``name`` read by the mapping ``text`` (YAML); None: by detection again."""
        data = dict(self.files).get(name)
        kept = tuple(m for m in self.mappings if m[0] != name)
        if text is None or data is None:
            return replace(self, mappings=kept)
        return replace(self, mappings=(*kept, (name, digest(data), text)))

    def mapping_text(self, name: str) -> str | None:
        """The confirmed mapping file ``name`` is read by, if any."""
        data = dict(self.files).get(name)
        return next((text for n, d, text in self.mappings
                     if n == name and data is not None and d == digest(data)), None)


def sample_competition() -> Competition:
    """The bundled sample: the TULTA rubric, the Pekalongan entries and five judges' sheets."""
    files = tuple((path.name, path.read_bytes())
                  for path in sorted(SAMPLE_SHEETS.glob("*.xlsx")))
    return Competition(
        rubric_name=SAMPLE_RUBRIC.name,
        rubric_text=SAMPLE_RUBRIC.read_text(encoding="utf-8"),
        entries_name=SAMPLE_ENTRIES.name,
        entries_text=SAMPLE_ENTRIES.read_text(encoding="utf-8-sig"),
        files=files,
        source="sample",
    )


# --- uploads ------------------------------------------------------------------------------


def max_upload_mb(environ: Mapping[str, str] | None = None) -> int:
    """The per-file upload limit in MB: ``JURI_MAX_UPLOAD_MB`` if a positive whole number,
    else :data:`DEFAULT_MAX_UPLOAD_MB`."""
    environ = os.environ if environ is None else environ
    raw = environ.get(MAX_UPLOAD_ENV, "").strip()
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_MAX_UPLOAD_MB
    return value if value > 0 else DEFAULT_MAX_UPLOAD_MB


def size_problems(files: Iterable[tuple[str, bytes]], max_bytes: int) -> list[Problem]:
    """An error for each file larger than ``max_bytes`` (the uploader's own limit is not
    trusted: our code checks again)."""
    return [error("app.upload.too_large", file=name,
                  size=format_number(len(data) / MB, "id", 1),
                  size_en=format_number(len(data) / MB, "en", 1),
                  limit=format_number(max_bytes / MB, "id", 0),
                  limit_en=format_number(max_bytes / MB, "en", 0))
            for name, data in files if len(data) > max_bytes]


def decode_text(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Uploaded text (a rubric or an entries list) as a string, or a problem."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return None, [error("app.upload.not_text", file=name)]


def text_upload(name: str, data: bytes, max_bytes: int) -> tuple[str | None, list[Problem]]:
    """An uploaded rubric or entries file as text, after the size check."""
    too_large = size_problems([(name, data)], max_bytes)
    if too_large:
        return None, too_large
    return decode_text(data, name)


def parse_mappings(mappings: Iterable[tuple[str, str, str]], files: Sequence[tuple[str, bytes]],
                   rubric: Rubric, entries: Entries
                   ) -> tuple[list[sheets.Mapping], list[Problem]]:
    """The confirmed mappings (see :attr:`Competition.mappings`) of the files still there,
    each applying to its own file only; a mapping that no longer fits the rubric or the
    entries is a problem and its file is read by detection."""
    present = {(name, digest(data)) for name, data in files}
    found: list[sheets.Mapping] = []
    problems: list[Problem] = []
    for name, data_digest, text in mappings:
        if (name, data_digest) not in present:
            continue
        mapping, wrong = sheets.mapping_from_yaml(text, f"{name} (mapping)", rubric, entries)
        problems += wrong
        if mapping is not None:
            found.append(replace(mapping, file=name))
    return found, problems


def read_sheets(files: Sequence[tuple[str, bytes]], rubric: Rubric, entries: Entries, *,
                max_bytes: int, on_file: Callable[[int, int, str], None] | None = None,
                mappings: Sequence[tuple[str, str, str]] = ()
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """Read the judges' workbooks into one score table with every problem found.

    Files over ``max_bytes`` are not parsed; nor are those the readers' safety check
    (:mod:`scoring.sheets.safety`, run before any parser) refuses. Their problems say why.
    ``on_file(index, count, name)`` is called before each file is read (for a progress bar).
    ``mappings`` (:attr:`Competition.mappings`) say how to read the judges' own workbooks a
    person mapped; the others are detected.
    """
    problems = size_problems(files, max_bytes)
    refused = {p.file for p in problems}
    readable = [f for f in files if f[0] not in refused]
    parsed, wrong = parse_mappings(mappings, readable, rubric, entries)
    problems += wrong

    def announced() -> Iterator[tuple[str, bytes]]:
        for index, (name, data) in enumerate(readable):
            if on_file is not None:
                on_file(index, len(readable), name)
            yield name, data

    scores, found = sheets.read_many(announced(), rubric, entries, mappings=parsed)
    return scores, problems + list(found)


class ContentCache:
    """A small thread-safe LRU keyed by content digests (the app keeps one per process)."""

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: str) -> bool:
        with self._lock:
            return key in self._items

    def get_or_make(self, key: str, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()  # outside the lock: reading files may take a while
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


# --- the outcome --------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome(HasProblems):
    """What a competition gives. ``result`` is None when the rubric or the entries list could
    not be read; otherwise it carries every problem (including those of the rubric stage)."""

    rubric: Rubric | None
    entries: Entries | None
    scores: pd.DataFrame = field(default_factory=table.empty)
    problems: tuple[Problem, ...] = ()
    result: Result | None = None

    @property
    def ok(self) -> bool:
        """A ranking exists."""
        return self.result is not None and self.result.ok


def outcome_of(rubric: Rubric | None, rubric_problems: Sequence[Problem],
               entries: Entries | None, entries_problems: Sequence[Problem],
               read: Callable[[Rubric, Entries], tuple[pd.DataFrame, list[Problem]]],
               lang: str) -> Outcome:
    """Put the stages together: rubric and entries, then the sheets (``read``), then score."""
    if rubric is None or entries is None:
        return Outcome(rubric, entries, problems=(*rubric_problems, *entries_problems))
    scores, problems = read(rubric, entries)
    result = score(rubric, entries, scores, problems, lang=lang)
    return Outcome(rubric, entries, scores, result.problems, result)


def run_competition(competition: Competition, lang: str = "id", *,
                    max_bytes: int | None = None) -> Outcome:
    """The whole pipeline for one competition, uncached (tests and scripts)."""
    limit = max_upload_mb() * MB if max_bytes is None else max_bytes
    rubric, rubric_problems = parse_rubric(competition.rubric_text, competition.rubric_name)
    entries, entries_problems = parse_entries(competition.entries_text,
                                              competition.entries_name)
    return outcome_of(
        rubric, rubric_problems, entries, entries_problems,
        lambda r, e: read_sheets(competition.files, r, e, max_bytes=limit,
                                 mappings=competition.mappings), lang)
