"""Checking a score table against the rubric and the entries list, whatever reader made it.

Every row either passes or becomes a problem that names its source cell; rows with errors are
left out of the table that the computation sees (the errors block the result anyway). The
checks are vectorised: each is a boolean mask over the whole table.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd

from scoring import table
from scoring.entries import Entries
from scoring.identity import judge_keys
from scoring.problems import Problem, error
from scoring.rubric import Rubric


def _problems(rows: pd.DataFrame, code: str, params: dict[str, str | tuple[str, str]]
              ) -> list[Problem]:
    """One problem per row; a param given as a column name takes that row's value."""
    found = []
    for record in rows.to_dict("records"):
        values = {name: (record[source] if isinstance(source, str) and source in record
                         else source) for name, source in params.items()}
        found.append(error(code, file=record["source_file"], sheet=record["source_sheet"],
                           cell=record["source_cell"], **values))
    return found


def _number(value: float) -> str:
    """85.0 -> '85', 85.5 -> '85.5': scores as a judge wrote them."""
    return format(Decimal(repr(float(value))).normalize(), "f")


def check_table(scores: pd.DataFrame, rubric: Rubric, entries: Entries
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """The rows that pass every check, and a problem for each row that does not."""
    scores = table.make(scores)
    if scores.empty:
        return scores, []
    problems: list[Problem] = []
    bad = np.zeros(len(scores), dtype=bool)

    registered = scores["entry_id"].map({e.id: e.category for e in entries})
    unknown = registered.isna().to_numpy()
    problems += _problems(scores[unknown], "table.unknown_entry", {"entry_id": "entry_id"})
    bad |= unknown

    wrong_category = ~unknown & (registered != scores["category"]).to_numpy()
    rows = scores[wrong_category].assign(expected=registered[wrong_category])
    problems += _problems(rows, "table.wrong_category",
                          {"entry_id": "entry_id", "expected": "expected", "given": "category"})
    bad |= wrong_category

    allowed = {(cat, leaf) for cat in rubric.category_ids for leaf in rubric.leaf_ids_for(cat)}
    pairs = pd.MultiIndex.from_frame(scores[["category", "criterion_id"]])
    inapplicable = ~bad & ~pairs.isin(list(allowed))
    problems += _problems(scores[inapplicable], "table.unknown_criterion",
                          {"criterion_id": "criterion_id", "category": "category"})
    bad |= inapplicable

    not_number = ~bad & scores["score"].isna().to_numpy()
    problems += _problems(scores[not_number], "table.not_a_number",
                          {"entry_id": "entry_id", "criterion_id": "criterion_id"})
    bad |= not_number

    leaves = {leaf.id: leaf.scale for leaf in rubric.leaves}
    live = scores[~bad]
    # as floats: mapping an empty column (every row already bad) would keep its text dtype
    low = live["criterion_id"].map({k: s.min for k, s in leaves.items()}).astype("float64")
    high = live["criterion_id"].map({k: s.max for k, s in leaves.items()}).astype("float64")
    step = live["criterion_id"].map({k: s.step for k, s in leaves.items()}).astype("float64")
    outside = (live["score"] < low) | (live["score"] > high)
    # on the step when (score - min) / step is whole, judged in nano units to avoid float noise
    offset = np.rint((live["score"] - low) * 1e9).astype("int64")
    unit = np.rint(step * 1e9).astype("int64")
    off_step = ~outside & (offset % unit != 0)
    for mask, code in ((outside, "table.out_of_range"), (off_step, "table.off_step")):
        rows = live[mask].assign(min=low[mask].map(_number), max=high[mask].map(_number),
                                 step=step[mask].map(_number),
                                 shown=live.loc[mask, "score"].map(_number))
        problems += _problems(rows, code, {"score": "shown", "min": "min", "max": "max",
                                           "step": "step"})
        bad[np.flatnonzero(scores.index.isin(rows.index))] = True

    judges = judge_keys(scores["judge_id"])
    key = pd.DataFrame({"e": scores["entry_id"], "j": judges, "c": scores["criterion_id"]})
    repeated = ~bad & key.duplicated(keep="first").to_numpy()
    if repeated.any():
        first = (scores.assign(_j=judges).loc[~key.duplicated(keep="first").to_numpy()]
                 .set_index(["entry_id", "_j", "criterion_id"]))
        where = first["source_file"] + " › " + first["source_sheet"] + " › " + first["source_cell"]
        rows = scores[repeated].assign(_j=judges[repeated])
        rows = rows.assign(other=[where.get((e, j, c), "")
                                  for e, j, c in zip(rows["entry_id"], rows["_j"],
                                                     rows["criterion_id"], strict=True)])
        problems += _problems(rows, "table.duplicate_score",
                              {"judge": "judge_id", "entry_id": "entry_id",
                               "criterion_id": "criterion_id", "other": "other"})
        bad |= repeated
    return table.make(scores[~bad]), problems
