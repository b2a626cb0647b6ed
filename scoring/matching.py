"""Matching the names people write to the ids Juri uses: entries and criteria.

Judges and organisers type names their own way: ``DISDUK CAPIL`` for the entry
``opd-disdukcapil``, ``L1 Tema`` or ``1. Menentukan tema`` for the criterion ``l1_tema``. This
module finds the id they meant, says how sure it is, and never guesses silently: a name that
is not clearly one thing comes back *uncertain* with the candidates, for the reader to report.

Words used here:

- *key*, *compact key*: an entry name's identity key, from :mod:`scoring.identity` (folded,
  abbreviations written out, noise words dropped): two names with the same key are the same
  name, and are matched exactly; everything fuzzy here is scored on keys.
- *score*: similarity from 0 to 100 (100: the same key).
- *status*:

  - ``exact``: the key (or compact key) is a key of exactly one entry or criterion;
  - ``confident``: fuzzy score at least :data:`CONFIDENT`, ahead of the next candidate by at
    least :data:`MARGIN`, and (entries) every word of the name is found in the match;
  - ``uncertain``: something scores at least :data:`MINIMUM` but the above does not hold;
    nothing is chosen, the candidates are listed;
  - ``none``: nothing scores :data:`MINIMUM`; nothing is proposed.

- *label* (criteria): one name a criterion is known by: its ``id``, ``name`` or ``name_en``,
  alone or after its ancestors' (a *path* label: ``Yel-yel Kreativitas``).

How entries are scored. The official name and every alias of each entry are candidates. A fuzzy
score is the larger of rapidfuzz's ``token_sort_ratio`` on keys (word order does not matter)
and ``ratio`` on compact keys (word breaks do not matter). ``token_set_ratio`` is deliberately
*not* a score: it gives 100 whenever one name's words are all in the other, so ``Dinas
Kesehatan Hewan`` would be ``Dinas Kesehatan`` and ``Kecamatan Pekalongan`` every kecamatan.
It only spots a name contained in a longer one (``Kuripan``), which is then proposed as a
candidate (:data:`SUBSET_FLOOR`) but never taken.
A word the matched entry does not have (``Laut`` in ``Dinas Perhubungan Laut``) keeps the match
uncertain however high the score: the distinguishing word is often the shortest one.

How criteria are scored. Column headings are usually shorter than the criterion names (``Menentukan
tema`` for ``Langkah 1: Menentukan tema dan sasaran``), so the score is directional: mostly
how much of the heading is found in a label (each word matched to its most similar label word,
at least 80 similar; words with digits or of three letters or fewer must be equal), a little
how much of the label the heading covers. Numbering such as ``1.``, ``a)``, ``I.`` in front is
dropped; step references ``Langkah 1``, ``L1``, ``Step 1``, ``Tahap ke-1``, ``Langkah I`` all
become ``langkah 1``; the tables :data:`CRITERION_ABBREVIATIONS` and :data:`CRITERION_NOISE`
are data and can be extended without touching the code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from scoring.entries import Entries, Entry
from scoring.identity import ENTRY_NOISE, compact, expand, fold, name_key
from scoring.problems import ERROR, WARNING, Problem, Severity
from scoring.rubric import Criterion, Rubric

Status = Literal["exact", "confident", "uncertain", "none"]

CONFIDENT = 90.0
"""A fuzzy score at or above this may be taken without asking (if also ahead by MARGIN).

90 on rapidfuzz's 0–100 scale is about two wrong letters in a 20-letter name; the near misses
the tests pin down (``Dinas Kesehatan Hewan`` 85, ``Dinas Perhubungan Laut`` 89,
``Kecamatan Pekalongan Barat`` against ``… Timur`` 83) all stay below it.
"""
MINIMUM = 60.0
"""Below this nothing is proposed: the names share little more than common words."""
MARGIN = 5.0
"""The best candidate must lead the next *different* one by this much to be taken."""
CANDIDATES = 3
"""How many candidates a result lists (and a problem names)."""
SUBSET_FLOOR = 60.0
SUBSET_SPAN = 25.0
"""Entries: a name contained word for word in a longer one scores at least
``SUBSET_FLOOR + SUBSET_SPAN × its share of the longer name's letters`` (under 85)."""
TOKEN_MATCH = 80.0
"""Criteria: two words count as the same word from this similarity (``kreatifitas`` 91)."""

# --- tables (data, not code paths) -------------------------------------------------------

CRITERION_ABBREVIATIONS: Mapping[str, str] = {
    "pres": "presentasi",
    "presentation": "presentasi",
    "tj": "tanya jawab",
    "tanya jwb": "tanya jawab",
    "tanyajawab": "tanya jawab",
    "t jawab": "tanya jawab",
    "wawancara": "tanya jawab",
    "q a": "questions answers",
    "qa": "questions answers",
    "yel2": "yel yel",
    "yelyel": "yel yel",
    "yell yell": "yel yel",
    "lkh": "langkah",
    "lngkh": "langkah",
    "kreatifitas": "kreativitas",
}
"""Folded word or phrase -> its expansion, in column headings and criterion labels alike."""

CRITERION_NOISE: frozenset[str] = frozenset({
    "dan", "and", "the", "of", "nilai", "skor", "score", "poin",
})
"""Words dropped from headings and labels: ``Nilai Presentasi`` is ``Presentasi``. A heading
made only of them (``Nilai``) matches nothing."""

STEP_WORDS: tuple[str, ...] = ("langkah", "step", "tahap", "l")
"""Words that, followed by a number, name a method step; all become ``langkah <n>``.
Roman numerals are understood after the words of more than one letter (``Langkah IV``)."""

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10}
# "1.", "1)", "(1)", "a.", "IV.", "1.2." in front of a heading: list numbering, not content.
_NUMBERING = re.compile(r"^\s*(?:[(\[]?\s*(?:\d{1,3}|[A-Za-z]|[IVXivx]{1,4})\s*[.)\]:]\s*)+")
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s+(?=\D)")


def _unique(tokens: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(tokens))


# --- entries --------------------------------------------------------------------------------


class Candidate(NamedTuple):
    """A possible entry for a name: ``(entry_id, name, score)``."""

    entry_id: str
    name: str
    score: float


@dataclass(frozen=True)
class MatchResult:
    """Which entry a name means. ``entry_id`` is set only when ``status`` is exact or confident.

    ``candidates`` are the best entries, best first (the match itself first when there is
    one); empty when ``status`` is ``none``.
    """

    entry_id: str | None
    score: float
    candidates: tuple[Candidate, ...]
    status: Status
    query: str = ""

    @property
    def matched(self) -> bool:
        return self.entry_id is not None

    @property
    def best(self) -> str | None:
        """The top candidate's id, also when uncertain (for a reader that warns and uses it)."""
        return self.candidates[0].entry_id if self.candidates else None


def _strict(token: str) -> bool:
    """Words that must be equal to count as the same: numbers and very short words."""
    return len(token) <= 3 or any(ch.isdigit() for ch in token)


def _same_word(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if _strict(a) or _strict(b):
        return 0.0
    return fuzz.ratio(a, b)


class EntryMatcher:
    """Matches names to the entries (of one category, if given); build once, match many.

    The candidates' keys are laid out entry by entry, so a score matrix over all keys reduces
    to one column per entry with ``numpy.maximum.reduceat``.
    """

    def __init__(self, entries: Entries, category: str | None = None, *,
                 noise: Iterable[str] = (), confident: float = CONFIDENT,
                 minimum: float = MINIMUM, margin: float = MARGIN, limit: int = CANDIDATES
                 ) -> None:
        self.items: tuple[Entry, ...] = (entries.in_category(category) if category is not None
                                         else tuple(entries))
        self.confident, self.minimum, self.margin, self.limit = confident, minimum, margin, limit
        # extra noise words for this competition, such as the city's own name (rubric.place)
        self.noise = ENTRY_NOISE | {fold(w) for w in noise}
        keys: list[str] = []
        starts: list[int] = []
        owners: list[int] = []  # column of the per-entry matrix -> index into self.items
        self._exact: dict[str, list[int]] = {}
        self._keys_of: list[list[str]] = []
        for index, entry in enumerate(self.items):
            own = _unique(k for k in (self.key(n) for n in (entry.name, *entry.aliases)) if k)
            self._keys_of.append(own)
            if not own:
                continue
            starts.append(len(keys))
            owners.append(index)
            keys.extend(own)
            for key in own:
                for variant in {key, compact(key)}:
                    holders = self._exact.setdefault(variant, [])
                    if index not in holders:
                        holders.append(index)
        self._keys = keys
        self._compact = [compact(k) for k in keys]
        self._lengths = np.asarray([len(k) for k in keys], dtype=np.float32)
        self._starts = np.asarray(starts, dtype=np.intp)
        self._owners = np.asarray(owners, dtype=np.intp)

    def key(self, name: str) -> str:
        return name_key(name, self.noise)

    # one name
    def match(self, name: str) -> MatchResult:
        return self.match_many([name])[0]

    # many names: one score matrix per block of distinct names
    def match_many(self, names: Sequence[str], *, block: int = 2048) -> list[MatchResult]:
        """Match every name; equal names are matched once. Memory is bounded by ``block``."""
        results: dict[str, MatchResult] = {}
        fuzzy: list[tuple[str, str]] = []  # (name, key) still to score
        for name in dict.fromkeys(str(n) for n in names):
            key = self.key(name)
            if not key:
                results[name] = MatchResult(None, 0.0, (), "none", name)
                continue
            holders = self._exact.get(key) or self._exact.get(compact(key))
            if holders:
                results[name] = self._exact_result(name, holders)
            else:
                fuzzy.append((name, key))
        for start in range(0, len(fuzzy), block):
            chunk = fuzzy[start:start + block]
            scores = self._scores([k for _, k in chunk])
            for (name, key), row in zip(chunk, scores, strict=True):
                results[name] = self._decide(name, key, row)
        return [results[str(n)] for n in names]

    def _exact_result(self, name: str, holders: list[int]) -> MatchResult:
        candidates = tuple(Candidate(self.items[i].id, self.items[i].name, 100.0)
                           for i in holders)
        if len(holders) == 1:
            return MatchResult(candidates[0].entry_id, 100.0, candidates, "exact", name)
        # the same name belongs to two entries (a shared alias): only a person can tell
        return MatchResult(None, 100.0, candidates[:max(self.limit, 2)], "uncertain", name)

    def _scores(self, keys: list[str]) -> np.ndarray:
        """Rows: names; columns: entries (the best over each entry's names and aliases)."""
        if not self._keys:
            return np.zeros((len(keys), 0), dtype=np.float32)
        words = process.cdist(keys, self._keys, scorer=fuzz.token_sort_ratio,
                              dtype=np.float32, workers=-1)
        joined = process.cdist([compact(k) for k in keys], self._compact,
                               scorer=fuzz.ratio, dtype=np.float32, workers=-1)
        np.maximum(words, joined, out=words)
        # A name whose words are all in a longer candidate ("Kuripan" in "Kuripan Kertoharjo")
        # is proposed, never taken: at least SUBSET_FLOOR, rising with the share of the
        # candidate it covers, and below CONFIDENT since the candidate has words it lacks.
        subset = process.cdist(keys, self._keys, scorer=fuzz.token_set_ratio,
                               dtype=np.float32, workers=-1) >= 100
        query_len = np.asarray([len(k) for k in keys], dtype=np.float32)[:, None]
        shorter = query_len < self._lengths[None, :]
        floor = SUBSET_FLOOR + SUBSET_SPAN * query_len / self._lengths[None, :]
        np.maximum(words, np.where(subset & shorter, floor, 0), out=words)
        return np.maximum.reduceat(words, self._starts, axis=1)

    def _decide(self, name: str, key: str, row: np.ndarray) -> MatchResult:
        if row.size == 0:
            return MatchResult(None, 0.0, (), "none", name)
        # stable sort: equal scores keep the entries list's order, so results are reproducible
        order = np.argsort(-row, kind="stable")[: self.limit]
        candidates = tuple(
            Candidate(self.items[self._owners[c]].id, self.items[self._owners[c]].name,
                      round(float(row[c]), 1))
            for c in order if row[c] >= self.minimum)
        if not candidates:
            return MatchResult(None, round(float(row[order[0]]), 1), (), "none", name)
        best = candidates[0].score
        runner_up = float(row[order[1]]) if len(order) > 1 else 0.0
        owner = int(self._owners[order[0]])
        if (best >= self.confident and best - runner_up >= self.margin
                and not self.unexplained_words(key, owner)):
            return MatchResult(candidates[0].entry_id, best, candidates, "confident", name)
        return MatchResult(None, best, candidates, "uncertain", name)

    def unexplained_words(self, key: str, item_index: int) -> list[str]:
        """Words of ``key`` (of four letters or more, or with digits) the entry's names lack.

        A word is found when one of the entry's names has a word at least TOKEN_MATCH similar
        (numbers and short words: equal), or contains it inside a run-together word.
        """
        own = self._keys_of[item_index]
        words = {w for k in own for w in k.split()}
        compacts = [compact(k) for k in own]
        missing = []
        for word in key.split():
            if len(word) <= 3 and not any(ch.isdigit() for ch in word):
                continue  # "dan", "pp": too short to tell entries apart on their own
            if any(_same_word(word, w) >= TOKEN_MATCH for w in words):
                continue
            if any(word in c for c in compacts):
                continue
            missing.append(word)
        return missing


def match_entry(name: str, entries: Entries, category: str | None = None) -> MatchResult:
    """Which entry ``name`` means (among ``category``'s entries when given)."""
    return EntryMatcher(entries, category).match(name)


def match_entries(names: Sequence[str], entries: Entries, category: str | None = None
                  ) -> list[MatchResult]:
    """:func:`match_entry` for many names at once (a recap sheet): one matrix, not a loop."""
    return EntryMatcher(entries, category).match_many(names)


# --- criteria -------------------------------------------------------------------------------

Kind = Literal["leaf", "group"]


class CriterionCandidate(NamedTuple):
    """A possible criterion for a heading: ``(criterion_id, label, kind, score)``."""

    criterion_id: str
    label: str
    kind: Kind
    score: float


@dataclass(frozen=True)
class CriterionMatch:
    """Which criterion (a leaf or a group) a column heading means.

    ``matched_on`` says which label matched: ``id``, ``name``, ``name_en``, or the same after
    the ancestors' (``path_id``, ``path_name``, ``path_name_en``).
    """

    criterion_id: str | None
    score: float
    candidates: tuple[CriterionCandidate, ...]
    status: Status
    kind: Kind | None = None
    matched_on: str | None = None
    query: str = ""

    @property
    def matched(self) -> bool:
        return self.criterion_id is not None

    @property
    def best(self) -> str | None:
        return self.candidates[0].criterion_id if self.candidates else None


def _strip_numbering(text: str) -> str:
    stripped = _NUMBERING.sub("", text, count=1)
    stripped = _BARE_NUMBER.sub("", stripped, count=1)
    return stripped if stripped.strip() else text


_STEP = re.compile(
    r"(?<!\S)(?:" + "|".join(map(re.escape, STEP_WORDS)) + r")\s*(?:ke\s*)?(\d{1,2})(?!\S)")
_STEP_ROMAN = re.compile(
    r"(?<!\S)(?:" + "|".join(re.escape(w) for w in STEP_WORDS if len(w) > 1)
    + r")\s+(?:ke\s+)?([ivx]{1,4})(?!\S)")


_SCALE_WORDS = r"(?:maks\w*|max\w*|skala|skor|nilai|rentang|range|poin|points?|angka)"
_RANGE = r"\d+(?:[.,]\d+)?(?:\s*(?:[-–—~]|s\.?/?d\.?|sampai|to)\s*\d+(?:[.,]\d+)?)?"
_SCALE_BRACKETED = re.compile(
    r"[(\[]\s*(?:" + _SCALE_WORDS + r"\s*[.:=]?\s*)?(?:" + _RANGE + r")?\s*%?\s*[)\]]",
    re.IGNORECASE)
_SCALE_TRAILING = re.compile(
    r"(?:\s+" + _SCALE_WORDS + r"\s*[.:=]?)?\s+(?:\d+(?:[.,]\d+)?\s*(?:[-–—~]|s\.?/?d\.?|sampai)"
    r"\s*\d+(?:[.,]\d+)?|(?:maks\w*|max\w*)\s*[.:=]?\s*\d+(?:[.,]\d+)?)\s*%?\s*$",
    re.IGNORECASE)


SCALE_SCAN = 300
"""Characters: a longer text is no heading, and its scale is not looked for (the search for a
trailing scale backtracks over long runs of spaces)."""


def strip_scale(text: str) -> str:
    """A heading without the scale or unit a judge wrote after it: ``Risalah (0-100)``,
    ``Nilai (maks 25)``, ``Bobot (%)``, ``Kostum [0–100]``, ``Pesan maks 25`` and
    ``Kreativitas 0 - 100`` all lose the part that says how it is scored (a text that would
    be left empty is kept whole)."""
    if len(text) > SCALE_SCAN:
        return text
    stripped = _SCALE_BRACKETED.sub(" ", text)
    stripped = _SCALE_TRAILING.sub("", stripped)
    return stripped if stripped.strip() else text


def heading_core(text: str) -> str:
    """A heading without its scale suffix and list numbering (``a) Kreativitas (0-100)`` ->
    ``Kreativitas``), line breaks as spaces: what to put after a group's name."""
    return _strip_numbering(strip_scale(" ".join(str(text).split()))).strip()


def criterion_tokens(text: str) -> list[str]:
    """A heading or label as the words compared: the scale suffix (:func:`strip_scale`) and
    numbering dropped, steps and abbreviations made canonical, noise words dropped, each word
    once."""
    text = strip_scale(" ".join(str(text).split()))
    folded = expand(fold(_strip_numbering(text)), CRITERION_ABBREVIATIONS)
    folded = _STEP_ROMAN.sub(
        lambda m: f"langkah {_ROMAN[m.group(1)]}" if m.group(1) in _ROMAN else m.group(0),
        folded)
    folded = _STEP.sub(lambda m: f"langkah {int(m.group(1))}", folded)
    return _unique(t for t in folded.split() if t not in CRITERION_NOISE)


@dataclass(frozen=True)
class _Label:
    node_id: str
    source: str  # which field: id, name, name_en, path_id, ...
    tokens: tuple[str, ...]
    key: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", " ".join(self.tokens))


def _coverage(heading: Sequence[str], label: Sequence[str]) -> float:
    """0–100: 90 parts how much of the heading is in the label, 10 parts the reverse."""
    found = 0.0
    used: set[str] = set()
    for word in heading:
        best, which = 0.0, ""
        for other in label:
            similarity = _same_word(word, other)
            if similarity > best:
                best, which = similarity, other
        if best >= TOKEN_MATCH:
            found += best / 100
            used.add(which)
    return 100 * (0.9 * found / len(heading) + 0.1 * len(used) / len(label))


class CriterionMatcher:
    """Matches column headings to a rubric's criteria (all nodes, or those in ``among``)."""

    FIELDS = ("id", "name", "name_en")

    def __init__(self, rubric: Rubric, lang: str = "id", *, among: Iterable[str] | None = None,
                 confident: float = CONFIDENT, minimum: float = MINIMUM, margin: float = MARGIN,
                 limit: int = CANDIDATES) -> None:
        self.rubric, self.lang = rubric, lang
        self.confident, self.minimum, self.margin, self.limit = confident, minimum, margin, limit
        wanted = set(among) if among is not None else None
        self.labels: list[_Label] = []
        self._order: dict[str, int] = {}
        chain: dict[str, tuple[Criterion, ...]] = {}
        for node, parent, _ in rubric.walk():
            ancestors = (*chain[parent.id], parent) if parent is not None else ()
            chain[node.id] = ancestors
            if wanted is not None and node.id not in wanted:
                continue
            self._order[node.id] = len(self._order)
            for name in self.FIELDS:
                own = getattr(node, name)
                if not own:
                    continue
                self._add(node.id, name, own)
                for first in range(len(ancestors)):
                    parts = [getattr(a, name) for a in ancestors[first:]]
                    if all(parts):
                        self._add(node.id, f"path_{name}", " ".join([*parts, own]))
        self._exact: dict[str, list[_Label]] = {}
        for label in self.labels:
            for variant in {label.key, compact(label.key)}:
                self._exact.setdefault(variant, []).append(label)

    def _add(self, node_id: str, field_name: str, text: str) -> None:
        tokens = tuple(criterion_tokens(text))
        if tokens:
            self.labels.append(_Label(node_id, field_name, tokens))

    def _candidate(self, node_id: str, score: float) -> CriterionCandidate:
        node = self.rubric.nodes[node_id]
        return CriterionCandidate(node_id, node.label(self.lang),
                                  "leaf" if node.is_leaf else "group", round(score, 1))

    def match(self, heading: str) -> CriterionMatch:
        tokens = criterion_tokens(heading)
        if not tokens:
            return CriterionMatch(None, 0.0, (), "none", query=heading)
        key = " ".join(tokens)
        exact = self._exact.get(key) or self._exact.get(compact(key))
        if exact:
            nodes = _unique(label.node_id for label in exact)
            candidates = tuple(self._candidate(n, 100.0) for n in nodes)
            if len(nodes) == 1:
                first = candidates[0]
                return CriterionMatch(first.criterion_id, 100.0, candidates, "exact", first.kind,
                                      exact[0].source, heading)
            # "Kreativitas" names a criterion of the yel-yel and one of the fragmen
            return CriterionMatch(None, 100.0, candidates, "uncertain", query=heading)
        best: dict[str, tuple[float, str]] = {}
        for label in self.labels:
            score = _coverage(tokens, label.tokens)
            if score > best.get(label.node_id, (-1.0, ""))[0]:
                best[label.node_id] = (score, label.source)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], self._order[item[0]]))
        if not ranked:
            return CriterionMatch(None, 0.0, (), "none", query=heading)
        top_id, (top, top_field) = ranked[0]
        runner_up = ranked[1][1][0] if len(ranked) > 1 else 0.0
        candidates = tuple(self._candidate(node_id, score)
                           for node_id, (score, _) in ranked[: self.limit]
                           if score >= self.minimum)
        if not candidates:
            return CriterionMatch(None, round(top, 1), (), "none", query=heading)
        if top >= self.confident and top - runner_up >= self.margin:
            first = candidates[0]
            return CriterionMatch(top_id, first.score, candidates, "confident", first.kind,
                                  top_field, heading)
        return CriterionMatch(None, round(top, 1), candidates, "uncertain", query=heading)

    def match_many(self, headings: Sequence[str]) -> list[CriterionMatch]:
        return [self.match(h) for h in headings]


def match_criterion(header: str, rubric: Rubric, lang: str = "id") -> CriterionMatch:
    """Which criterion (leaf or group) a column heading means; ``lang`` picks the labels
    shown in the candidates."""
    return CriterionMatcher(rubric, lang).match(header)


def match_criteria(headers: Sequence[str], rubric: Rubric, lang: str = "id"
                   ) -> list[CriterionMatch]:
    """:func:`match_criterion` for every heading of a sheet, building the labels once."""
    return CriterionMatcher(rubric, lang).match_many(headers)


# --- problems -------------------------------------------------------------------------------


def _names(candidates: Iterable[tuple[str, str, object]]) -> str:
    return "; ".join(f"{label} ({ident})" for ident, label, *_ in candidates)


def entry_problem(result: MatchResult, *, file: str = "", sheet: str = "", cell: str = "",
                  severity: Severity | None = None) -> Problem | None:
    """The problem to report for a name that is not a sure match; None when it is one.

    Uncertain: a warning (``match.entry_uncertain``) naming the candidates; none: an error
    (``match.entry_none``). ``severity`` overrides either.
    """
    if result.status in ("exact", "confident"):
        return None
    if result.status == "uncertain":
        return Problem(severity or WARNING, "match.entry_uncertain",
                       {"name": result.query, "candidates": _names(result.candidates)},
                       file, sheet, cell)
    return Problem(severity or ERROR, "match.entry_none", {"name": result.query},
                   file, sheet, cell)


def criterion_problem(result: CriterionMatch, *, file: str = "", sheet: str = "",
                      cell: str = "", severity: Severity | None = None) -> Problem | None:
    """Like :func:`entry_problem`, for a column heading (``match.criterion_*``).

    A reader that expects other columns too (``No``, ``Jumlah``) passes ``severity`` or skips
    the ``none`` results it knows.
    """
    if result.status in ("exact", "confident"):
        return None
    if result.status == "uncertain":
        return Problem(severity or WARNING, "match.criterion_uncertain",
                       {"name": result.query,
                        "candidates": _names((c.criterion_id, c.label) for c in
                                             result.candidates)},
                       file, sheet, cell)
    return Problem(severity or ERROR, "match.criterion_none", {"name": result.query},
                   file, sheet, cell)
