"""Award recommendations: places by rank and bands by score, per category.

Words used here:
- *award rule*: ``places`` or ``bands``, each registered in :mod:`scoring.rules.awards`
  (which defines *place* and *band*); every rule the category's settings list is applied.
- *eligible*: the total reaches the rubric's ``min_total`` (when set); only eligible entries
  get a place or band.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.rounding import to_nano
from scoring.rubric import Rubric
from scoring.rules.awards import AWARD_RULES


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
        for rule in AWARD_RULES:
            settings = getattr(rules, rule.name)
            if settings:
                rule.assign(out, eligible, settings, lang)
    return out
