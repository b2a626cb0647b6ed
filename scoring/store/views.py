"""The archive as the app shows it: opening it for the app, and display frames for the
History (Riwayat) and Archive (Arsip) pages. No Streamlit here; the pages only lay these out.

Words used here:
- *opened archive*: the outcome of :func:`open_for_app` — an :class:`Archive`, or the reason it
  could not be opened (a catalogue key), never an exception: a database that is down must not
  stop the rest of the app.
- *history row*: a group's standing in one year (:func:`scoring.store.history.standings_by_year`)
  under its present official name, with ``names_then``: the names it took part under that
  year when they differ from today's (a rename followed through the lineage).
- *display frame*: column headers in the user's language, numbers still numbers (the pages
  show them the Indonesian way with :func:`styled`), so sorting a column sorts by value.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from sqlalchemy.engine import make_url

from scoring.i18n import format_date, format_number, t
from scoring.problems import Problem
from scoring.rubric import parse_rubric
from scoring.safe_text import neutralise
from scoring.store.archive import Archive, open_archive
from scoring.store.database import database_url
from scoring.store.errors import SchemaTooNewError
from scoring.store.history import (
    consistent_top,
    most_improved,
    new_entrants,
    results_by_year,
    standings_by_year,
)
from scoring.store.sample import seed_sample

log = logging.getLogger("juri.store")

HISTORY_COLUMNS = ("group_id", "name", "category", "year", "rank", "tied", "total", "award",
                   "names_then")


# --- opening the archive for the app ----------------------------------------------------------


@dataclass(frozen=True)
class OpenedArchive:
    """The app's archive, or why there is none. ``location`` is the URL with any password
    hidden; ``seeded`` says the sample's three years were loaded just now; ``problem`` is a
    catalogue key (``app.archive.unavailable*``) and ``detail`` the driver's own words (for the
    log and an expander, never a traceback)."""

    archive: Archive | None
    location: str
    seeded: bool = False
    problem: str = ""
    detail: str = ""
    seed_problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.archive is not None


def shown_url(url: str) -> str:
    """``url`` with its password hidden (or as given when it does not parse)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1] if "@" in url else url


def open_for_app(url: str | None = None, *, seed: bool = True) -> OpenedArchive:
    """Open the archive at ``url`` (default: ``$JURI_DATABASE_URL``, else ``data/juri.db``)
    and, when it holds no competition yet and ``seed``, load the sample's three years.

    Never raises for a database that cannot be opened: the reason is in the result.
    """
    from scoring.problems import ProblemsError

    target = database_url(url)
    location = shown_url(target)
    try:
        archive = open_archive(target)
    except SchemaTooNewError as exc:
        log.warning("archive %s is newer than this version: %s", location, exc)
        return OpenedArchive(None, location, problem="app.archive.unavailable_newer",
                             detail=str(exc))
    except Exception as exc:
        log.warning("archive %s cannot be opened: %s", location, _short(exc))
        return OpenedArchive(None, location, problem="app.archive.unavailable",
                             detail=_short(exc))
    seeded, problems = False, ()
    if seed:
        try:
            seeded = seed_sample(archive)
        except ProblemsError as exc:
            problems = tuple(exc.problems)
        except Exception as exc:
            log.warning("could not load the sample into %s: %s", location, exc, exc_info=True)
            return OpenedArchive(archive, location, problem="app.archive.seed_failed",
                                 detail=_short(exc))
    return OpenedArchive(archive, location, seeded=seeded, seed_problems=problems)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:300] + "…") if len(text) > 300 else text or type(exc).__name__


# --- times and categories --------------------------------------------------------------------


def format_timestamp(value: str, lang: str) -> str:
    """An archive time (ISO 8601, UTC) as ``1 Desember 2026 pukul 18.37 UTC`` /
    ``1 December 2026 at 18:37 UTC``."""
    try:
        moment = dt.datetime.fromisoformat(str(value)).astimezone(dt.UTC)
    except ValueError:
        return str(value)
    clock = moment.strftime("%H.%M" if lang == "id" else "%H:%M")
    return t("app.archive.timestamp", lang, date=format_date(moment.date(), lang), time=clock)


def category_labels(archive: Archive, lang: str) -> dict[str, str]:
    """Category id -> its name in ``lang``, from the newest competition whose rubric names it
    (imported past years have no rubric: their categories keep their ids)."""
    labels: dict[str, str] = {}
    found = archive.competitions()
    for competition_id in found.loc[found["origin"] == "tool", "competition_id"]:
        competition = archive.competition(int(competition_id))
        rubric, _ = parse_rubric(competition.rubric_text, f"competition {competition_id}")
        if rubric is None:
            continue
        for category in rubric.categories:
            labels.setdefault(category.id, category.label(lang))
    return labels


# --- history ---------------------------------------------------------------------------------


def history(archive: Archive, *, category: str | None = None) -> pd.DataFrame:
    """Every group's standing per year (:data:`HISTORY_COLUMNS`), under today's official
    name, by category, group and year."""
    standing = standings_by_year(archive, category=category)
    if standing.empty:
        frame = pd.DataFrame(columns=list(HISTORY_COLUMNS))
        return frame.astype({"year": "Int64", "rank": "Int64", "total": "float64",
                             "tied": bool})
    rows = results_by_year(archive, category=category)
    then = rows.drop_duplicates(["entry_id", "year"]).set_index(["entry_id", "year"])["name"]
    recorded = standing.assign(entry_id=standing["recorded_ids"].str.split("|")).explode(
        "entry_id")
    recorded["name_then"] = pd.Series(
        then.reindex(pd.MultiIndex.from_arrays([recorded["entry_id"],
                                                recorded["year"].astype("int64")])).to_numpy(),
        index=recorded.index)
    other = recorded[recorded["name_then"].notna()
                     & (recorded["name_then"] != recorded["name"])]
    names = (other.groupby(["group_id", "year"])["name_then"]
             .agg(lambda found: "; ".join(sorted(set(found)))))
    frame = standing.join(names.rename("names_then"), on=["group_id", "year"])
    frame["names_then"] = frame["names_then"].fillna("")
    frame = frame.sort_values(["category", "group_id", "year"]).reset_index(drop=True)
    return frame.loc[:, list(HISTORY_COLUMNS)]


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


def styled(frame: pd.DataFrame, lang: str, *, ranks: Sequence[str] = (),
           totals: Sequence[str] = (), decimals: int = 2) -> Any:
    """A pandas Styler: ``ranks`` as whole numbers, ``totals`` with ``decimals`` the
    Indonesian way; the values stay numbers."""
    style = frame.style
    present_ranks = [c for c in ranks if c in frame.columns]
    present_totals = [c for c in totals if c in frame.columns]
    if present_ranks:
        style = style.format(lambda v: format_number(int(v), lang, 0), subset=present_ranks,
                             na_rep="–")
    if present_totals:
        style = style.format(lambda v: format_number(float(v), lang, decimals),
                             subset=present_totals, na_rep="–")
    return style


def history_workbook(frame: pd.DataFrame, lang: str, *, title: str = "",
                     totals: Sequence[str] = ()) -> bytes:
    """``frame`` (a display frame) as an .xlsx workbook: numbers stay numbers (totals shown
    with two decimals), every text neutralised against formula injection."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(t("app.history.sheet", lang)))
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


# --- the archive page ------------------------------------------------------------------------


def competitions_table(archive: Archive, lang: str) -> pd.DataFrame:
    """Every competition in the archive, newest year first, with status and revisions."""
    found = archive.competitions()
    return pd.DataFrame({
        t("app.archive.col.id", lang): found["competition_id"].astype("int64"),
        t("app.archive.col.title", lang): found["title"],
        t("app.archive.col.year", lang): found["year"].astype(str),
        t("app.archive.col.status", lang): [t(f"app.archive.status.{s}", lang)
                                            for s in found["status"]],
        t("app.archive.col.origin", lang): [t(f"app.archive.origin.{o}", lang)
                                            for o in found["origin"]],
        t("app.archive.col.revisions", lang): found["latest_revision"].fillna(0).astype("int64"),
        t("app.archive.col.created", lang): [format_timestamp(v, lang)
                                             for v in found["created_at"]],
        t("app.archive.col.created_by", lang): found["created_by"],
    })


def competition_label(archive: Archive, competition_id: int, lang: str) -> str:
    competition = archive.competition(competition_id)
    return t("app.archive.competition_option", lang, id=competition.id,
             title=competition.title, year=competition.year,
             status=t(f"app.archive.status.{competition.status}", lang))


def uploads_table(archive: Archive, competition_id: int, lang: str) -> pd.DataFrame:
    """A competition's uploads by judge and version: time, file, sha256, status."""
    found = archive.uploads(competition_id)
    found = found.sort_values(["judge", "version"], key=lambda s: s.str.casefold()
                              if s.dtype == object else s)
    return pd.DataFrame({
        t("app.archive.col.upload", lang): found["upload_id"].astype("int64"),
        t("col.judge", lang): found["judge"],
        t("app.archive.col.version", lang): found["version"].astype("int64"),
        t("app.archive.col.uploaded_at", lang): [format_timestamp(v, lang)
                                                 for v in found["uploaded_at"]],
        t("col.file", lang): found["filename"],
        t("app.archive.col.purpose", lang): [t(f"app.archive.purpose.{p}", lang)
                                             for p in found["purpose"]],
        t("app.archive.col.status", lang): [t(f"app.archive.upload.{s}", lang)
                                            for s in found["status"]],
        t("app.archive.col.current", lang): [t("yes" if c else "no", lang)
                                             for c in found["current"]],
        # counts as text, so they read the Indonesian way (1.044), not as a bare 1044
        t("app.archive.col.scores", lang): [format_number(int(v), lang, 0)
                                            for v in found["score_count"]],
        t("app.archive.col.size", lang): [format_number(int(v), lang, 0) for v in found["size"]],
        t("app.archive.col.uploader", lang): found["uploader"],
        "sha256": found["sha256"],
    }).reset_index(drop=True)


def upload_options(archive: Archive, competition_id: int, lang: str) -> dict[int, str]:
    """Upload id -> a one-line label (judge, version, time, file), by judge and version."""
    found = archive.uploads(competition_id)
    found = found.assign(key=found["judge"].str.casefold()).sort_values(["key", "version"])
    return {int(row.upload_id): t("app.archive.upload_option", lang, judge=row.judge,
                                  version=row.version, file=row.filename,
                                  time=format_timestamp(row.uploaded_at, lang))
            for row in found.itertuples(index=False)}


def upload_filename(archive: Archive, competition_id: int, upload_id: int) -> str:
    found = archive.uploads(competition_id)
    names = found.loc[found["upload_id"] == upload_id, "filename"]
    return str(names.iloc[0]) if len(names) else f"upload_{upload_id}"


def revisions_table(archive: Archive, competition_id: int, lang: str) -> pd.DataFrame:
    found = archive.revisions(competition_id)
    return pd.DataFrame({
        t("app.archive.col.revision", lang): found["revision"].astype("int64"),
        t("app.archive.col.published_at", lang): [format_timestamp(v, lang)
                                                  for v in found["published_at"]],
        t("app.archive.col.published_by", lang): found["published_by"],
        t("app.archive.col.reason", lang): found["reason"].fillna(""),
        t("app.archive.col.uploads", lang): found["upload_count"].astype("int64"),
        t("app.archive.col.fingerprint", lang): found["fingerprint"].str[:12] + "…",
    })


def revision_table(archive: Archive, competition_id: int, revision: int, lang: str,
                   labels: dict[str, str] | None = None) -> tuple[pd.DataFrame, list[str]]:
    """One revision's result: category, rank, entry, total, award."""
    labels = labels or {}
    found = archive.result_table(competition_id, revision)
    total_col = t("col.total", lang)
    table = pd.DataFrame({
        t("col.category", lang): found["category"].map(lambda c: labels.get(c, c)),
        t("col.rank", lang): found["rank"].astype("Int64"),
        t("col.entry", lang): found["name"],
        total_col: found["total"].astype("float64"),
        t("col.award", lang): found["award"].fillna(""),
    })
    return table, [total_col]
