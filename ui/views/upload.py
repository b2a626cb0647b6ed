"""The Upload (Unggah) page's model: who scored what — each judge's coverage of a category and
the gaps, criterion by criterion.

Words used here:
- *coverage*: per (judge, entry), how many of the category's leaf criteria the judge scored.
"""

from __future__ import annotations

import pandas as pd

from scoring.entries import Entries
from scoring.i18n import t
from scoring.rubric import Rubric


def coverage(scores: pd.DataFrame, rubric: Rubric, entries: Entries, category: str
             ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """How complete each judge's scores are in one category.

    Returns ``(cells, missing)``: ``cells`` one row per (judge, entry) with ``judge, entry_id,
    name, rank_order, scored, expected, share``; ``missing`` one row per (judge, entry) with a
    gap: ``judge, entry_id, name, missing`` (the criterion ids without a score). Judges are
    those who scored anything in the category; an entry nobody scored shows as all gaps.
    """
    leaf_ids = rubric.leaf_ids_for(category)
    expected = len(leaf_ids)
    listed = entries.in_category(category)
    part = scores[(scores["category"] == category) & scores["score"].notna()]
    judges = sorted(part["judge_id"].unique(), key=str.casefold)
    if not judges or not listed:
        empty = pd.DataFrame(columns=["judge", "entry_id", "name", "rank_order", "scored",
                                      "expected", "share"])
        return empty, pd.DataFrame(columns=["judge", "entry_id", "name", "missing"])
    have = (part[part["criterion_id"].isin(leaf_ids)]
            .drop_duplicates(["judge_id", "entry_id", "criterion_id"]))
    counts = have.groupby(["judge_id", "entry_id"]).size()
    grid = pd.MultiIndex.from_product([judges, [e.id for e in listed]],
                                      names=["judge", "entry_id"])
    cells = counts.reindex(grid, fill_value=0).rename("scored").reset_index()
    names = {e.id: e.name for e in listed}
    order = {e.id: i for i, e in enumerate(listed)}
    cells["name"] = cells["entry_id"].map(names)
    cells["rank_order"] = cells["entry_id"].map(order)
    cells["expected"] = expected
    cells["share"] = cells["scored"] / expected if expected else 1.0
    gaps = cells[cells["scored"] < expected]
    present = have.groupby(["judge_id", "entry_id"])["criterion_id"].agg(frozenset)
    missing_rows = []
    for row in gaps.itertuples(index=False):
        got = present.get((row.judge, row.entry_id), frozenset())
        missing_rows.append({"judge": row.judge, "entry_id": row.entry_id, "name": row.name,
                             "missing": [c for c in leaf_ids if c not in got]})
    missing = pd.DataFrame(missing_rows, columns=["judge", "entry_id", "name", "missing"])
    return cells[["judge", "entry_id", "name", "rank_order", "scored", "expected", "share"]], \
        missing


def missing_frame(missing: pd.DataFrame, rubric: Rubric, lang: str) -> pd.DataFrame:
    """The gaps of :func:`coverage` for display: judge, entry, how many and which criteria."""
    return pd.DataFrame({
        t("col.judge", lang): missing["judge"].to_numpy(),
        t("col.entry", lang): missing["name"].to_numpy(),
        t("app.coverage.n_missing", lang): [len(m) for m in missing["missing"]],
        t("app.coverage.criteria", lang): [
            ", ".join(rubric.nodes[c].label(lang) for c in m) for m in missing["missing"]],
    })
