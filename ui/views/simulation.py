"""The What if (Simulasi) page's model: the weight sliders' values and limits, the panel rules
offered, and the simulated ranking against the official one. The simulation itself is
:func:`scoring.workspace.whatif.retotal` (weights) over :func:`~scoring.workspace.whatif.basis`
(one scoring per panel rule); nothing official changes.

Words used here:
- *group weight*: a top-level criterion's weight as the rubric has it (percent or multiplier,
  :attr:`scoring.rubric.Rubric.weighting`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from scoring.i18n import t
from scoring.result import Result
from scoring.rubric import Rubric
from ui.views.format import arrow, column_widths, styled


def group_weights(rubric: Rubric) -> dict[str, float]:
    """Each top-level criterion's weight as the rubric has it."""
    return {node.id: float(node.weight) for node in rubric.criteria}


def weight_slider_max(rubric: Rubric) -> float:
    """The upper end of the weight sliders: 100 for percent weights (shares), else room to
    triple the largest multiplier."""
    if rubric.weighting == "percent":
        return 100.0
    return float(max(10.0, 3 * max(node.weight for node in rubric.criteria)))


def weight_shares(rubric: Rubric, weights: Mapping[str, float]) -> dict[str, float]:
    """Each top-level criterion's share of the sum of the given weights, in percent."""
    total = sum(float(weights.get(n.id, n.weight)) for n in rubric.criteria)
    return {n.id: (100 * float(weights.get(n.id, n.weight)) / total if total else 0.0)
            for n in rubric.criteria}


@dataclass(frozen=True)
class Comparison:
    frame: pd.DataFrame
    number_columns: list[str]
    moved: int
    winner_changed: bool


def compare(official: Result, simulated: pd.DataFrame, category: str, lang: str
            ) -> Comparison:
    """The simulated ranking (rows ``entry_id, name, category, total, rank``, as
    :func:`scoring.workspace.whatif.retotal` gives or a result's standings) against the
    official one: simulated rank, change, entry, simulated total, official rank and total."""
    sim = (simulated[simulated["category"] == category]
           .sort_values(["rank", "entry_id"], kind="mergesort").reset_index(drop=True))
    off = official.category(category).set_index("entry_id")
    official_rank = off["rank"].reindex(sim["entry_id"]).to_numpy()
    change = official_rank - sim["rank"].to_numpy()
    cols = {k: t(k, lang) for k in ("app.sim.col.rank", "app.sim.col.change", "col.entry",
                                    "app.sim.col.total", "app.fair.sens.col.official_rank",
                                    "app.sim.col.official_total")}
    frame = pd.DataFrame({
        cols["app.sim.col.rank"]: sim["rank"].astype(int).to_numpy(),
        cols["app.sim.col.change"]: [arrow(int(c)) for c in change],
        cols["col.entry"]: sim["name"].to_numpy(),
        cols["app.sim.col.total"]: sim["total"].astype(float).to_numpy(),
        cols["app.fair.sens.col.official_rank"]: official_rank.astype(int),
        cols["app.sim.col.official_total"]: off["total"].reindex(sim["entry_id"]).astype(
            float).to_numpy(),
    })
    first_sim = set(sim.loc[sim["rank"] == 1, "entry_id"])
    first_off = set(off.index[off["rank"] == 1])
    return Comparison(frame, [cols["app.sim.col.total"], cols["app.sim.col.official_total"]],
                      int((change != 0).sum()), first_sim != first_off)


def comparison_styled(comparison: Comparison, lang: str) -> Any:
    """The comparison table with its numbers the Indonesian way and the arrows coloured."""
    change = comparison.frame.columns[1]

    def colour(value: object) -> str:
        text = str(value)
        if text.startswith("↑"):
            return "color: #1a7f37; font-weight: bold"
        if text.startswith("↓"):
            return "color: #cf222e; font-weight: bold"
        return ""

    return styled(comparison.frame, comparison.number_columns, lang).map(colour, subset=[change])


def comparison_widths(comparison: Comparison) -> dict[str, dict[str, object]]:
    """Column widths for the comparison table (pixels; the entry's name takes the room)."""
    rank, change, entry, total, official_rank, official_total = comparison.frame.columns
    return column_widths({rank: "small", change: "small", entry: "large", total: "small",
                          official_rank: "small", official_total: "small"})
