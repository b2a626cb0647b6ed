"""Identity: the one place that decides when two names (or two ids) are the same.

Judges and organisers write one agency many ways: ``Kel. Medono``, ``KELURAHAN  MEDONO``,
``Kelurahan Kelurahan Medono``, ``Kélurahan Medono``. Every part of Juri that compares names
(the readers, matching, the archive and its imports) asks this module, so they all agree.

Words used here:

- *fold* (:func:`fold`): NFKD, lower case (casefold), accents removed, punctuation turned into
  spaces, spaces folded; invisible format characters and apostrophes are removed, since they
  sit inside words (``Ma'arif`` is ``maarif``). ``"  Dinas  Kesehatan\\u00a0(DINKES)"`` folds
  to ``"dinas kesehatan dinkes"``. Headings and labels are compared folded too.
- *name key* (:func:`name_key`) of an entry name: folded (``&`` read as ``dan``), the
  abbreviations of :data:`ENTRY_ABBREVIATIONS` written out (``Kel.`` is ``Kelurahan``,
  ``Kec.`` ``Kecamatan``, ``Dis.`` ``Dinas``), the noise words of :data:`ENTRY_NOISE` dropped
  (unless the name is nothing else) and a doubled first word said once (``Kelurahan
  Kelurahan Medono`` is ``kelurahan medono``). The *compact key* is the key without spaces,
  so ``Disduk Capil`` and ``Disdukcapil`` are one name.
- *same name* (:func:`same_name`): two entry names whose keys, or compact keys, are equal.
  Near spellings (typos) are not the same name: :mod:`scoring.matching` scores them on top of
  these keys and says how sure it is.
- *judge key* (:func:`judge_key`): a judge's name folded (``Dra. Sri  WAHYUNI`` and ``dra sri
  wahyuni`` are one judge); judges are told apart by it everywhere (readers, checks, archive).
- *clean name* (:func:`clean_name`): a name as shown and stored: the text as written with its
  spaces folded (a judge's ``judge_id`` in the score table is the clean name).
- *id key* (:func:`id_key`): an entry or criterion id as written in a cell, trimmed and case
  folded; ids are otherwise compared as they are.

The tables are data: extend them to teach Juri another region's abbreviations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd

ENTRY_ABBREVIATIONS: Mapping[str, str] = {
    "kel": "kelurahan",
    "kec": "kecamatan",
    "kab": "kabupaten",
    "dis": "dinas",
}
"""Folded word or phrase -> what it stands for, in entry names (``Kel. Kali Baros``)."""

ENTRY_NOISE: frozenset[str] = frozenset({
    "kota", "kabupaten", "pemerintah", "pemkot", "pemkab", "kbk", "kelompok", "tim",
})
"""Words that do not tell entries apart (``KBK Dinkes Kota`` is ``Dinkes``); dropped from keys."""

_APOSTROPHES = dict.fromkeys(map(ord, "'`\u2018\u2019\u02bc"), None)


def fold(text: object) -> str:
    """Lower case, without accents, punctuation as spaces, spaces folded.

    Non-breaking and other unusual spaces become plain spaces (NFKD does that); invisible
    format characters (zero-width space, soft hyphen) and apostrophes are removed rather than
    turned into spaces.
    """
    # NFKD, casefold, NFKD again: case folding can itself produce decomposable letters
    lowered = unicodedata.normalize("NFKD", str(text)).casefold()
    decomposed = unicodedata.normalize("NFKD", lowered).translate(_APOSTROPHES)
    kept = "".join(ch for ch in decomposed
                   if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return " ".join("".join(ch if ch.isalnum() else " " for ch in kept).split())


@lru_cache(maxsize=16)
def _phrase_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    # longest first, so "tanya jwb" wins over a shorter key inside it
    ordered = sorted(keys, key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\S)")


def expand(folded: str, table: Mapping[str, str]) -> str:
    """``folded`` with every whole word or phrase that is a key of ``table`` written out."""
    if not table or not folded:
        return folded
    return _phrase_pattern(tuple(table)).sub(lambda m: table[m.group(0)], folded)


def name_key(name: object, noise: Iterable[str] = ENTRY_NOISE) -> str:
    """The key of an entry name (see the module's words); ``""`` for a blank name."""
    folded = fold(str(name).replace("&", " dan "))
    tokens = expand(folded, ENTRY_ABBREVIATIONS).split()
    dropped = frozenset(noise)
    kept = [t for t in tokens if t not in dropped] or tokens
    while len(kept) > 1 and kept[0] == kept[1]:
        kept = kept[1:]
    return " ".join(kept)


def compact(key: str) -> str:
    """A key without its spaces: word breaks do not tell names apart."""
    return key.replace(" ", "")


def name_id(name: object, noise: Iterable[str] = ENTRY_NOISE) -> str:
    """What :func:`same_name` compares, for looking names up in a dict: the compact key
    (equal keys have equal compact keys)."""
    return compact(name_key(name, noise))


def same_name(a: object, b: object, noise: Iterable[str] = ENTRY_NOISE) -> bool:
    """True when ``a`` and ``b`` name the same entry (equal keys or compact keys); a blank
    name is nobody's."""
    key = name_id(a, noise)
    return bool(key) and key == name_id(b, noise)


def clean_name(name: object) -> str:
    """A name as shown and stored: spaces folded, ``""`` for None."""
    return " ".join(str(name if name is not None else "").split())


def judge_key(name: object) -> str:
    """How judges are told apart: the name folded (case, accents, punctuation, spacing)."""
    return fold(clean_name(name))


def same_judge(a: object, b: object) -> bool:
    """True when ``a`` and ``b`` are one judge's name; blank names are nobody's."""
    key = judge_key(a)
    return bool(key) and key == judge_key(b)


def judge_keys(names: pd.Series) -> pd.Series:
    """:func:`judge_key` of a column of names (each distinct name folded once)."""
    keys = {name: judge_key(name) for name in names.unique()}
    return names.map(keys).astype(str)


def id_key(text: object) -> str:
    """An id as written in a cell, for looking it up: trimmed, case folded."""
    return str(text if text is not None else "").strip().casefold()
