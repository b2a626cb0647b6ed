"""The Archive (Arsip) page's model: the competitions kept, each competition's uploads with
their versions, its published revisions and one revision's result, as display frames.

Words used here:
- *archive time*: an ISO 8601 UTC timestamp as the archive keeps it, shown as
  ``1 Desember 2026 pukul 18.37 UTC`` (:func:`format_timestamp`).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from scoring.i18n import format_date, format_number, t
from scoring.workspace.archive import Archive


def format_timestamp(value: str, lang: str) -> str:
    """An archive time (ISO 8601, UTC) as ``1 Desember 2026 pukul 18.37 UTC`` /
    ``1 December 2026 at 18:37 UTC``."""
    try:
        moment = dt.datetime.fromisoformat(str(value)).astimezone(dt.UTC)
    except ValueError:
        return str(value)
    clock = moment.strftime("%H.%M" if lang == "id" else "%H:%M")
    return t("app.archive.timestamp", lang, date=format_date(moment.date(), lang), time=clock)


# --- the archive page ---------------------------------------------------------------------


def competitions_table(archive: Archive, lang: str) -> pd.DataFrame:
    """Every competition in the archive, newest year first, with status and revisions."""
    found = archive.competitions()
    return pd.DataFrame({
        t("app.archive.col.id", lang): found["competition_id"].astype("int64"),
        t("app.archive.col.title", lang): found["title"],
        t("app.history.year", lang): found["year"].astype(str),
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
        t("app.archive.col.created_by", lang): found["published_by"],
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
