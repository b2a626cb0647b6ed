"""The score table: the one long table every reader produces and everything downstream reads.

One row per score given by one judge to one entry on one leaf criterion:

``entry_id, category, judge_id, criterion_id, score, source_file, source_sheet, source_cell``

``score`` is in the criterion's own scale; conversion happens once, in the computation.
``judge_id`` is the judge's name as written, spaces folded
(:func:`scoring.identity.clean_name`); judges are told apart by its judge key
(:func:`scoring.identity.judge_key`: case, accents, punctuation and spacing ignored).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

COLUMNS = ("entry_id", "category", "judge_id", "criterion_id", "score",
           "source_file", "source_sheet", "source_cell")
KEY = ("entry_id", "judge_id", "criterion_id")
_TEXT_COLUMNS = tuple(c for c in COLUMNS if c != "score")


def empty() -> pd.DataFrame:
    return make([])


def make(rows: Iterable[Mapping[str, object]] | pd.DataFrame) -> pd.DataFrame:
    """A score table with exactly the spine's columns and types, from rows or a frame."""
    frame = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    for column in COLUMNS:
        if column not in frame:
            frame[column] = "" if column != "score" else float("nan")
    frame = frame.loc[:, list(COLUMNS)]
    frame["score"] = pd.to_numeric(frame["score"]).astype("float64")
    for column in _TEXT_COLUMNS:
        frame[column] = frame[column].fillna("").astype(str)
    return frame.reset_index(drop=True)


def concat(tables: Iterable[pd.DataFrame]) -> pd.DataFrame:
    tables = [t for t in tables if len(t)]
    return make(pd.concat(tables, ignore_index=True)) if tables else empty()
