"""Award recommendations: places by rank and bands by score, per category.

Words used here:
- *place*: Juara I, II, III, Harapan I … given to final rank 1, 2, 3, 4 … Entries sharing a
  rank share its place (juara kembar); with standard competition ranks the next entry takes
  the place of its own rank (1, 2, 2, 4: no third place).
- *band*: a predicate by score (e.g. Emas ≥ 75); the highest band whose threshold the total
  reaches.
- *eligible*: the total reaches the rubric's ``min_total`` (when set); only eligible entries
  get a place or band.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.rounding import to_nano
from scoring.rubric import Rubric


def recommend(standings: pd.DataFrame, rubric: Rubric, lang: str = "id") -> pd.DataFrame:
    """``standings`` (``category``, ``rank``, ``total``) with ``eligible``, ``place``,
    ``place_index`` (0 for the first place; −1 for none), ``reward``, ``amount`` and ``band``."""
    out = standings.copy()
    out["eligible"] = True
    out["place_index"] = -1
    out["place"] = ""
    out["reward"] = ""
    out["amount"] = np.nan
    out["band"] = ""
    for category in rubric.category_ids:
        rules = rubric.awards.for_category(category)
        rows = out["category"] == category
        if rules.min_total is not None:
            reaches = to_nano(out.loc[rows, "total"]) >= to_nano(rules.min_total)
            out.loc[rows, "eligible"] = reaches
        eligible = rows & out["eligible"]
        if rules.places:
            index = out["rank"] - 1
            placed = eligible & (index < len(rules.places))
            out.loc[placed, "place_index"] = index[placed]
            table = pd.DataFrame([{"place": p.label(lang), "reward": p.reward or "",
                                   "amount": np.nan if p.amount is None else p.amount}
                                  for p in rules.places])
            chosen = table.reindex(out.loc[placed, "place_index"].to_numpy())
            for column in ("place", "reward", "amount"):
                out.loc[placed, column] = chosen[column].to_numpy()
        if rules.bands:
            thresholds = np.array([b.min for b in rules.bands])  # highest first
            labels = np.array([b.label(lang) for b in rules.bands] + [""], dtype=object)
            reaches = to_nano(out.loc[eligible, "total"])[:, None] >= to_nano(thresholds)[None, :]
            # the first (highest) band the total reaches; len(bands) when none
            first = np.argmax(reaches, axis=1)
            reached = reaches.any(axis=1)
            out.loc[eligible, "band"] = labels[np.where(reached, first, len(rules.bands))]
    return out
