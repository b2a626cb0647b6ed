"""Small builders for the archive tests (also used by the worker processes in workers.py)."""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence

import pandas as pd

from scoring.store import Archive

ENTRIES_CSV = (
    "id,name,category,aliases\n"
    "opd-a,Dinas A,OPD,DA\n"
    "opd-b,Dinas B,OPD,\n"
    "kel-x,Kelurahan X,Kelurahan,Kel. X\n"
)
RUBRIC_TEXT = "id: test\nname: Rubrik uji\n# the archive keeps this text as it is\n"
RUBRIC_FINGERPRINT = "ab" * 32
CRITERIA = ("c1", "c2", "c3")


def new_competition(archive: Archive, year: int = 2026, title: str = "Lomba Budaya Kerja",
                    entries_csv: str = ENTRIES_CSV) -> int:
    return archive.create_competition(f"{title} {year}", year, RUBRIC_TEXT, RUBRIC_FINGERPRINT,
                                      entries_csv, "panitia")


def sheet_scores(judge: str, entries: Sequence[str] = ("opd-a", "opd-b", "kel-x"),
                 base: float = 70.0, source_file: str = "sheet.xlsx",
                 rows: int | None = None) -> pd.DataFrame:
    """A judge's score table: every entry × criterion, scores ``base``, ``base + 1`` …; or,
    with ``rows``, that many rows over made-up entries (for big uploads)."""
    if rows is not None:
        keys = [(f"e{k // len(CRITERIA):05d}", CRITERIA[k % len(CRITERIA)]) for k in range(rows)]
    else:
        keys = [(entry, criterion) for entry in entries for criterion in CRITERIA]
    return pd.DataFrame({
        "entry_id": [e for e, _ in keys],
        "category": ["Kelurahan" if e.startswith("kel") else "OPD" for e, _ in keys],
        "judge_id": judge,
        "criterion_id": [c for _, c in keys],
        "score": [base + (k % 10) for k in range(len(keys))],
        "source_file": source_file,
        "source_sheet": "Penilaian",
        "source_cell": [f"C{k + 2}" for k in range(len(keys))],
    })


def sheet_bytes(judge: str, size: int = 4096, variant: int = 1) -> bytes:
    """Stand-in file contents, different per judge and variant, the same on every call."""
    return random.Random(f"{judge}/{variant}").randbytes(size)


def result_json(categories: Mapping[str, Sequence[tuple]], fingerprint: str = "fp") -> str:
    """A result in the shape of ``Result.to_json()``; rows are
    ``(entry_id, name, rank, tied, total, award)``."""
    return json.dumps({
        "fingerprint": fingerprint,
        "categories": {
            category: [{"entry_id": e, "name": n, "rank": r, "tied": t, "total": total,
                        "subtotals": {"risalah": total}, "award": a, "n_judges": 3}
                       for e, n, r, t, total, a in rows]
            for category, rows in categories.items()},
        "problems": [],
    }, ensure_ascii=False, indent=2)


# --- the 2015 merge of the city's 47 kelurahan into 27 (made-up ids) ------------------------

OLD_KELURAHAN = tuple(f"kel-lama-{i:02d}" for i in range(1, 48))
NEW_KELURAHAN = tuple(f"kel-{j:02d}" for j in range(1, 28))


def merged_from(j: int) -> tuple[str, ...]:
    """The old kelurahan that became new kelurahan ``j`` (1-based) in 2015: the first 20 new
    ones each merge two old ones (kel-01 ← lama-01 + lama-02 … kel-20 ← lama-39 + lama-40);
    the last 7 each continue one old one under a new id (kel-21 ← lama-41 … kel-27 ← lama-47).
    47 old, 27 new."""
    if j <= 20:
        return (OLD_KELURAHAN[2 * j - 2], OLD_KELURAHAN[2 * j - 1])
    return (OLD_KELURAHAN[j + 19],)


def register_and_link_the_2015_merge(archive: Archive) -> None:
    from scoring.entries import Entry
    from scoring.store import link_entries

    archive.register_entries([Entry(i, f"Kelurahan Lama {i[-2:]}", "Kelurahan")
                              for i in OLD_KELURAHAN], 2014)
    archive.register_entries([Entry(i, f"Kelurahan {i[-2:]}", "Kelurahan")
                              for i in NEW_KELURAHAN], 2016)
    for j, new in enumerate(NEW_KELURAHAN, start=1):
        old = merged_from(j)
        link_entries(archive, "merge" if len(old) > 1 else "rename", old, new, 2015,
                     "Perda penggabungan kelurahan 2014")
