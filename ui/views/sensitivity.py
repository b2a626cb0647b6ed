"""The Sensitivity (Kepekaan) page's model: each entry's rank under every panel rule and
normalisation beside the official rank, the changed places marked, and the rank-per-method
chart's data. A comparison only: nothing official changes.

Words used here:
- *method*: a panel rule or a normalisation the sensitivity report compares
  (:data:`scoring.sensitivity.VARIANTS`).
- *figures*: :func:`scoring.sensitivity.sensitivity`'s frame (the same in every language).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from scoring.i18n import format_number, t
from scoring.problems import Problem
from scoring.result import Result
from scoring.rubric import Rubric
from scoring.workspace.session import Outcome
from ui.views.competition import panel_rule_text
from ui.views.format import arrow, styled


def sensitivity_methods() -> tuple[str, ...]:
    """The methods the sensitivity report compares, in order
    (:data:`scoring.sensitivity.VARIANTS`)."""
    from scoring.sensitivity import VARIANTS

    return tuple(VARIANTS)


def sensitivity_figures(outcome: Outcome) -> tuple[pd.DataFrame, list[Problem]]:
    """:func:`scoring.sensitivity.sensitivity` for an outcome's rubric, entries and scores:
    each entry's official rank beside its rank under every method (the same in every
    language), and the problems that kept a method from being computed."""
    from scoring.sensitivity import sensitivity

    if outcome.result is None or outcome.rubric is None or outcome.entries is None \
            or not outcome.ok:
        return pd.DataFrame(), []
    return sensitivity(outcome.rubric, outcome.entries, outcome.scores)


def method_label(method: str, lang: str) -> str:
    return t(f"app.fair.method.{method}", lang)


def official_normalisation(rubric: Rubric) -> str:
    """The rubric's normalisation method ("none" when it has none or no such key)."""
    found = getattr(rubric, "normalisation", None)
    if found is None:
        return "none"
    return str(getattr(found, "method", found) or "none")


def official_method_text(rubric: Rubric, lang: str) -> str:
    """The panel rule and normalisation the official result uses, in words."""
    return t("app.fair.sens.official", lang, rule=panel_rule_text(rubric, lang),
             normalisation=t(f"fairness.method.{official_normalisation(rubric)}", lang))


def sensitivity_methods_frame(rubric: Rubric, lang: str) -> pd.DataFrame:
    """Each method compared: its short name, what it does, and whether the rubric uses it."""
    from scoring.sensitivity import RULES

    rule = rubric.panel
    normalisation = official_normalisation(rubric)
    rows = []
    for method in sensitivity_methods():
        if method in RULES:
            text = t("app.fair.method.help.rules", lang,
                     rule=t(f"panel.{method}", lang, trim=rule.trim, min_judges=rule.min_judges))
            used = method == rule.rule and normalisation == "none"
        else:
            text = t("app.fair.method.help.normalisation", lang,
                     method=t(f"fairness.method.{method}", lang))
            used = method == normalisation
        rows.append({t("app.fair.sens.col.method", lang): method_label(method, lang),
                     t("app.fair.sens.col.description", lang): text,
                     t("app.fair.sens.col.used", lang): t("yes" if used else "no", lang)})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class SensitivityTable:
    """One category's ranks under every method beside the official rank, as a display frame:
    ``method_columns`` hold ranks (NaN where a method could not be computed), ``changes``
    says in words where each entry's rank moves, ``place_changed`` marks a changed place."""

    frame: pd.DataFrame
    official_column: str
    method_columns: list[str]
    changes_column: str
    place_changed_column: str
    place_changed: list[bool]
    n_place_changed: int
    n_rank_changed: int


def sensitivity_table(figures: pd.DataFrame, result: Result, category: str, lang: str
                      ) -> SensitivityTable:
    rows = figures[figures["category"] == category].reset_index(drop=True)
    official = result.category(category).set_index("entry_id")
    award = official["place"].where(official["place"] != "", official["band"]).fillna("")
    methods = [m for m in sensitivity_methods() if f"rank_{m}" in rows.columns]
    labels = {m: method_label(m, lang) for m in methods}
    cols = {k: t(f"app.fair.sens.col.{k}", lang)
            for k in ("official_rank", "award", "changes", "place_changed")}
    entry = t("col.entry", lang)
    frame = pd.DataFrame({
        cols["official_rank"]: rows["official_rank"].astype(int).to_numpy(),
        entry: rows["name"].to_numpy(),
        cols["award"]: award.reindex(rows["entry_id"]).fillna("").to_numpy(),
    })
    place_changed = [bool(v) for v in rows["changed"]]
    frame[cols["place_changed"]] = [t("app.fair.sens.place_changed", lang) if v else ""
                                    for v in place_changed]
    base = rows["official_rank"].to_numpy(dtype=float)
    changes: list[list[str]] = [[] for _ in range(len(rows))]
    for method in methods:
        ranks = rows[f"rank_{method}"].to_numpy(dtype=float)
        frame[labels[method]] = ranks
        for i, (before, after) in enumerate(zip(base, ranks, strict=True)):
            if np.isfinite(after) and after != before:
                changes[i].append(f"{arrow(int(before - after))} {labels[method]}")
    frame[cols["changes"]] = ["; ".join(c) if c else "=" for c in changes]
    return SensitivityTable(frame, cols["official_rank"], [labels[m] for m in methods],
                            cols["changes"], cols["place_changed"], place_changed,
                            sum(place_changed), int(rows["rank_changed"].sum()))


def sensitivity_styled(table_: SensitivityTable, lang: str) -> Any:
    """The sensitivity table with ranks as whole numbers, rows whose award place changes on a
    yellow ground, and each method's rank green where better than the official, red where
    worse."""
    frame = table_.frame
    official = frame[table_.official_column].to_numpy(dtype=float)

    def css(data: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame("", index=data.index, columns=data.columns)
        for i, changed in enumerate(table_.place_changed):
            if changed:
                out.iloc[i, :] = "background-color: #fff3bf"
        for column in table_.method_columns:
            ranks = data[column].to_numpy(dtype=float)
            for i, rank in enumerate(ranks):
                if not np.isfinite(rank) or rank == official[i]:
                    continue
                colour = "#1a7f37" if rank < official[i] else "#cf222e"
                out.iloc[i, data.columns.get_loc(column)] += (
                    f"; color: {colour}; font-weight: bold")
        return out

    return styled(frame, table_.method_columns, lang, decimals=0).apply(css, axis=None)


def sensitivity_chart_data(figures: pd.DataFrame, result: Result, category: str, lang: str
                           ) -> pd.DataFrame:
    """One row per (entry, method) for the rank-per-method chart: the official rank first,
    then each method, for the entries holding an award or whose place changes (the first ten
    when the category has neither): ``name, method, method_order, rank, rank_text,
    official_rank, changed_text``."""
    rows = figures[figures["category"] == category]
    keep = rows[(rows["place"].fillna("") != "") | rows["changed"].astype(bool)]
    if keep.empty:
        keep = rows.nsmallest(10, "official_rank")
    methods = [m for m in sensitivity_methods() if f"rank_{m}" in rows.columns]
    official_label = t("app.fair.sens.col.official_rank", lang)
    parts = []
    for order, (label, column) in enumerate(
            [(official_label, "official_rank"),
             *((method_label(m, lang), f"rank_{m}") for m in methods)]):
        parts.append(pd.DataFrame({
            "name": keep["name"].to_numpy(), "method": label, "method_order": order,
            "rank": keep[column].to_numpy(dtype=float),
            "official_rank": keep["official_rank"].astype(int).to_numpy(),
            "changed_text": [t("app.fair.sens.place_changed", lang) if v else ""
                             for v in keep["changed"]]}))
    long = pd.concat(parts, ignore_index=True)
    long = long[np.isfinite(long["rank"])].reset_index(drop=True)
    long["rank_text"] = [format_number(int(v), lang, 0) for v in long["rank"]]
    return long
