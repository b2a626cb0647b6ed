"""The History (Riwayat) page's model: every group's rank and total by year as a table and as
chart data, most improved, consistently at the top, new entrants, and the table as a workbook.

Words used here:
- *history rows*: :func:`scoring.workspace.archive.history`'s frame, one row per group and
  year under today's name.
- *display frame*: column headers in the user's language, numbers still numbers (shown the
  Indonesian way with :func:`ui.views.format.styled`), so sorting a column sorts by value.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from scoring.i18n import format_number, t
from scoring.identity import judge_key
from scoring.safe_text import neutralise
from scoring.workspace.archive import Archive, consistent_top, most_improved, new_entrants


def history_options(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """``(group_id, name)`` of every group in ``frame``, by name."""
    groups = frame.drop_duplicates("group_id").sort_values(["name", "group_id"])
    return list(zip(groups["group_id"], groups["name"], strict=True))


def chart_data(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The history rows with the texts the charts' tooltips show."""
    data = frame.copy()
    data["year"] = data["year"].astype("int64")
    data["rank_text"] = [
        "–" if pd.isna(rank) else
        t("app.history.rank_tied" if tied else "app.history.rank_plain", lang, rank=int(rank))
        for rank, tied in zip(data["rank"], data["tied"], strict=True)]
    data["total_text"] = [format_number(v, lang) if pd.notna(v) else "–" for v in data["total"]]
    data["award"] = data["award"].fillna("")
    data["rank"] = data["rank"].astype("float64")
    return data


def chart_entries(frame: pd.DataFrame, top: int, chosen: Sequence[str] = ()) -> list[str]:
    """The groups the charts draw: the ``chosen`` ones when any, else the ``top`` best by
    their rank in the newest year they took part (newer years first, then rank, then name)."""
    if chosen:
        return [g for g in dict.fromkeys(frame["group_id"]) if g in set(chosen)]
    ranked = frame[frame["rank"].notna()].sort_values(["year", "rank", "name"],
                                                      ascending=[False, True, True])
    newest = ranked.drop_duplicates("group_id")
    return newest["group_id"].head(max(top, 1)).tolist()


def highlight_and_ends(data: pd.DataFrame, query: str = "") -> pd.DataFrame:
    """``data`` (from :func:`chart_data`) with ``highlight`` (the name contains ``query``,
    case and accents aside; every entry when it is empty) and ``line_end`` (the entry's
    newest year: where its name is written)."""
    out = data.copy()
    wanted = judge_key(query)
    out["highlight"] = [not wanted or wanted in judge_key(str(name)) for name in out["name"]]
    newest = out.groupby("group_id")["year"].transform("max")
    out["line_end"] = out["year"] == newest
    return out


def history_table(frame: pd.DataFrame, lang: str,
                  labels: dict[str, str] | None = None) -> tuple[pd.DataFrame, list[str],
                                                                  list[str]]:
    """One row per group, rank and total per year (the newest year's best first): a display
    frame, its rank columns and its total columns."""
    labels = labels or {}
    name_col, category_col = t("col.entry", lang), t("col.category", lang)
    former_col = t("app.history.col.former_names", lang)
    years = sorted(int(y) for y in frame["year"].dropna().unique())
    rank_cols = [t("app.history.col.rank_in", lang, year=y) for y in years]
    total_cols = [t("app.history.col.total_in", lang, year=y) for y in years]
    if frame.empty:
        return pd.DataFrame(columns=[name_col, category_col, former_col]), [], []
    groups = frame.drop_duplicates("group_id").set_index("group_id")
    ranks = frame.pivot_table(index="group_id", columns="year", values="rank",
                              aggfunc="first")
    totals = frame.pivot_table(index="group_id", columns="year", values="total",
                               aggfunc="first")
    former = frame[frame["names_then"] != ""].groupby("group_id").apply(
        lambda rows: "; ".join(f"{n} ({y})" for n, y in zip(rows["names_then"], rows["year"],
                                                             strict=True)),
        include_groups=False)
    table = pd.DataFrame({name_col: groups["name"],
                          category_col: groups["category"].map(lambda c: labels.get(c, c))})
    for year, rank_col, total_col in zip(years, rank_cols, total_cols, strict=True):
        table[rank_col] = ranks.get(year, pd.Series(dtype="float64")).reindex(
            table.index).astype("Int64")
        table[total_col] = totals.get(year, pd.Series(dtype="float64")).reindex(
            table.index).astype("float64")
    table[former_col] = former.reindex(table.index).fillna("") if len(former) else ""
    newest = rank_cols[-1] if rank_cols else None
    order = [category_col] + ([newest] if newest else []) + [name_col]
    table = table.sort_values(order, na_position="last").reset_index(drop=True)
    interleaved = [name_col, category_col]
    for rank_col, total_col in zip(rank_cols, total_cols, strict=True):
        interleaved += [rank_col, total_col]
    return table.loc[:, [*interleaved, former_col]], rank_cols, total_cols


def history_workbook(frame: pd.DataFrame, lang: str, *, title: str = "",
                     totals: Sequence[str] = ()) -> bytes:
    """``frame`` (a display frame) as an .xlsx workbook: numbers stay numbers (totals shown
    with two decimals), every text neutralised against formula injection."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(t("app.page.history", lang)))
    ws.freeze_panes = "B2" if not title else "B3"
    if title:
        ws.append([neutralise(title)])
    header = []
    for label in frame.columns:
        cell = WriteOnlyCell(ws, value=neutralise(str(label)))
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    total_set = set(totals)
    for record in frame.itertuples(index=False):
        cells = []
        for column, value in zip(frame.columns, record, strict=True):
            if value is pd.NA or (isinstance(value, float) and pd.isna(value)):
                value = None
            elif hasattr(value, "item"):
                value = value.item()  # numpy number -> Python number
            cell = WriteOnlyCell(ws, value=neutralise(value))
            if column in total_set and isinstance(value, float):
                cell.number_format = "0.00"
            cells.append(cell)
        ws.append(cells)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _sheet_title(text: str) -> str:
    return text.translate(str.maketrans({c: "_" for c in "[]:*?/\\"}))[:31]


def year_pairs(frame: pd.DataFrame) -> list[tuple[int, int]]:
    """Consecutive years held, newest pair first: [(2025, 2026), (2024, 2025)]."""
    years = sorted(int(y) for y in frame["year"].dropna().unique())
    return list(reversed(list(itertools.pairwise(years))))


def improvements(archive: Archive, lang: str, *, by: str, category: str | None,
                 pair: tuple[int, int] | None, top: int = 5
                 ) -> tuple[pd.DataFrame, list[str], list[str]]:
    """The largest gains between the years of ``pair`` (all consecutive years when None),
    ``by`` ``rank`` or ``total``: a display frame, its rank and total columns."""
    found = most_improved(archive, by=by, category=category)  # type: ignore[arg-type]
    if pair is not None:
        found = found[(found["from_year"] == pair[0]) & (found["to_year"] == pair[1])]
    found = found.dropna(subset=[f"{by}_gain"]).head(top)
    rank_cols = [t("app.history.col.rank_before", lang), t("app.history.col.rank_after", lang),
                 t("app.history.col.rank_gain", lang)]
    total_cols = [t("app.history.col.total_before", lang),
                  t("app.history.col.total_after", lang),
                  t("app.history.col.total_gain", lang)]
    table = pd.DataFrame({
        t("col.entry", lang): found["name"],
        t("app.history.col.years", lang): [f"{a} → {b}" for a, b in
                                           zip(found["from_year"], found["to_year"],
                                               strict=True)],
        rank_cols[0]: found["rank_before"].astype("Int64"),
        rank_cols[1]: found["rank_after"].astype("Int64"),
        rank_cols[2]: found["rank_gain"].astype("Int64"),
        total_cols[0]: found["total_before"].astype("float64"),
        total_cols[1]: found["total_after"].astype("float64"),
        total_cols[2]: found["total_gain"].astype("float64"),
    }).reset_index(drop=True)
    return table, rank_cols, total_cols


def leader_text(table: pd.DataFrame, lang: str, *, by: str,
                escape: Callable[[str], str] = str) -> str:
    """One sentence on the largest gain of :func:`improvements` (empty when there is none),
    naming every entry that shares it; ``escape`` is applied to entry names (markdown)."""
    if table.empty:
        return ""
    name_col, years_col = t("col.entry", lang), t("app.history.col.years", lang)
    before_col = t(f"app.history.col.{by}_before", lang)
    after_col = t(f"app.history.col.{by}_after", lang)
    gain_col = t(f"app.history.col.{by}_gain", lang)
    decimals = 0 if by == "rank" else 2
    gains = table[gain_col].astype("float64").round(decimals)
    best = table[(gains == gains.iloc[0]) & (table[years_col] == table[years_col].iloc[0])]
    items = [t("app.history.improved_item", lang, name=escape(str(row[name_col])),
               before=format_number(row[before_col], lang, decimals),
               after=format_number(row[after_col], lang, decimals))
             for _, row in best.iterrows()]
    names = (items[0] if len(items) == 1 else
             t("app.history.and", lang, first=", ".join(items[:-1]), last=items[-1]))
    return t(f"app.history.improved_{by}_text", lang, names=names, count=len(items),
             gain=format_number(float(gains.iloc[0]), lang, decimals),
             years=table[years_col].iloc[0])


def renames(frame: pd.DataFrame, lang: str, escape: Callable[[str], str] = str) -> list[str]:
    """``today's name (formerly …, year)`` for every group that took part under another
    name, by name."""
    earlier = frame[frame["names_then"] != ""].sort_values(["name", "year"])
    return [t("app.history.renamed_item", lang, name=escape(str(name)),
              former="; ".join(f"{escape(str(n))}, {y}" for n, y in
                               zip(rows["names_then"], rows["year"], strict=True)))
            for name, rows in earlier.groupby("name", sort=True)]


def consistent(archive: Archive, lang: str, *, places: int, category: str | None,
               min_years: int = 2) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Groups in the top ``places`` every year they took part (at least ``min_years``)."""
    found = consistent_top(archive, places=places, min_years=min_years, category=category)
    rank_cols = [t("app.history.col.best_rank", lang), t("app.history.col.worst_rank", lang)]
    mean_col = t("app.history.col.mean_rank", lang)
    table = pd.DataFrame({
        t("col.entry", lang): found["name"],
        t("app.history.col.years_count", lang): found["years"].astype("Int64"),
        t("app.history.col.first_last", lang): [f"{a}–{b}" for a, b in
                                                zip(found["first_year"], found["last_year"],
                                                    strict=True)],
        rank_cols[0]: found["best_rank"].astype("Int64"),
        rank_cols[1]: found["worst_rank"].astype("Int64"),
        mean_col: found["mean_rank"].astype("float64"),
    }).reset_index(drop=True)
    return table, [*rank_cols, t("app.history.col.years_count", lang)], [mean_col]


def newcomers(archive: Archive, lang: str, *, category: str | None, year: int | None = None
              ) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Groups taking part for the first time (a renamed group is not new)."""
    found = new_entrants(archive, year=year, category=category)
    rank_col, total_col = t("col.rank", lang), t("col.total", lang)
    table = pd.DataFrame({
        t("col.entry", lang): found["name"],
        t("app.history.col.first_year", lang): found["year"].astype("Int64").astype(str),
        rank_col: found["rank"].astype("Int64"),
        total_col: found["total"].astype("float64"),
        t("col.award", lang): found["award"].fillna(""),
    }).reset_index(drop=True)
    return table, [rank_col], [total_col]
