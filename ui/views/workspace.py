"""Page models of the shared workspace's pages (no Streamlit here): who sees which page,
when a session has expired, and the tables the pages show, with their columns named in the
page's language.

Words used here:
- *audience* of a session: ``demo`` (the database has no organiser account yet: the bundled
  sample, everything open, labelled DEMO), ``organiser`` (signed in), ``judge`` (through a
  private link) or ``public`` (signed out). A page lists the audiences that see it
  (:attr:`ui.PageSpec.audience`).
- *idle limit*: a signed-in session ends after this many hours without a page run
  (``$JURI_SESSION_HOURS``, default :data:`DEFAULT_SESSION_HOURS`).
- *public table*: a released result's places, totals and awards; never a judge's marks.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlsplit

import pandas as pd

from scoring.i18n import format_number, t
from scoring.workspace.access import Actor
from scoring.workspace.board import Board
from scoring.workspace.release import Released
from scoring.workspace.times import local_time

DEMO, ORGANISER, JUDGE, PUBLIC = "demo", "organiser", "judge", "public"
AUDIENCES = (DEMO, ORGANISER, JUDGE, PUBLIC)
SESSION_HOURS_ENV = "JURI_SESSION_HOURS"
DEFAULT_SESSION_HOURS = 8.0
BOARD_SECONDS = 3
FIRST_PAGE = {ORGANISER: "ui/organiser_setup.py", JUDGE: "ui/judge_home.py",
              PUBLIC: "ui/public.py"}
"""The page each audience lands on (the demo: the page marked default in ui.PAGES)."""


def audience(actor: Actor | None, organisers: int, *, demo: bool) -> str:
    """The audience of a session with ``actor`` (None: nobody signed in) in a database with
    ``organisers`` accounts; ``demo`` says the database is the bundled demo. Only the demo
    without organisers is open to everyone: a real database stays public-only until an
    organiser signs in (the first one is made with the CLI)."""
    if actor is not None and actor.role == JUDGE:
        return JUDGE
    if demo and organisers == 0:
        return DEMO
    return ORGANISER if actor is not None and actor.can_manage else PUBLIC


def visible(specs: Sequence[object], who: str) -> list[object]:
    """The pages (specs with an ``audience``) that ``who`` sees, in list order."""
    if who not in AUDIENCES:
        raise ValueError(f"unknown audience {who!r}")
    return [spec for spec in specs if who in spec.audience]  # type: ignore[attr-defined]


def session_hours(environ: Mapping[str, str] | None = None) -> float:
    """The idle limit in hours: ``$JURI_SESSION_HOURS`` if a positive number, else 8."""
    environ = os.environ if environ is None else environ
    try:
        value = float(environ.get(SESSION_HOURS_ENV, "") or DEFAULT_SESSION_HOURS)
    except ValueError:
        return DEFAULT_SESSION_HOURS
    return value if value > 0 else DEFAULT_SESSION_HOURS


def expired(last_seen: float | None, now: float, hours: float) -> bool:
    """A session last seen at ``last_seen`` (seconds) has been idle ``hours`` or longer."""
    return last_seen is not None and now - last_seen >= hours * 3600


def competition_options(frame: pd.DataFrame, lang: str) -> dict[int, str]:
    """Competition id -> "title (year) · status", in the archive's order."""
    return {int(row.competition_id):
            t("app.setup.option", lang, title=row.title, year=int(row.year),
              status=t(f"app.setup.status.{row.status}", lang))
            for row in frame.itertuples()}


def _renamed(frame: pd.DataFrame, prefix: str, columns: Sequence[str], lang: str
             ) -> pd.DataFrame:
    return frame.loc[:, list(columns)].rename(
        columns={c: t(f"{prefix}.{c}", lang) for c in columns})


def judges_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The judges for organisers: name, agency, link state (in words), validity, counts."""
    shown = frame.copy()
    shown["link"] = [t(f"app.setup.link.{state}", lang) for state in shown["link"]]
    shown = shown.rename(columns={"link_expires": "expires"})
    return _renamed(shown, "app.setup.col",
                    ("name", "agency", "link", "expires", "assigned", "conflicted"), lang)


def board_tables(found: Board, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The board's two tables (by judge, by entry) with the status in words."""
    judges = found.judges.drop(columns="status").rename(columns={"status_label": "status"})
    entries = found.entries.rename(columns={"name": "entry"})
    return (_renamed(judges, "app.board.col", ("judge", "agency", "status", "last_upload",
                                                "uploads", "missing", "missing_entries"),
                     lang),
            _renamed(entries, "app.board.col", ("entry", "category", "scored", "expected"),
                     lang))


def board_lines(found: Board, lang: str, escape: Callable[[str], str] = str) -> list[str]:
    """One line per judge: name, status in words, and the last upload's time."""
    return [t("app.board.line", lang, judge=escape(row.judge), status=row.status_label,
              last=t("app.board.line_last", lang, time=row.last_upload) if row.last_upload
              else "")
            for row in found.judges.itertuples()]


def latest_upload(frame: pd.DataFrame, lang: str, escape: Callable[[str], str] = str) -> str:
    """The judge's newest upload in words (``frame`` as :func:`uploads_table` takes it)."""
    row = frame.iloc[-1]
    return t("app.judge.latest", lang, file=escape(str(row["filename"])),
             version=int(row["version"]), status=upload_status(str(row["status"]), lang),
             time=local_time(row["uploaded_at"], lang))


def winner_lines(winners: pd.DataFrame, lang: str, escape: Callable[[str], str] = str
                 ) -> list[str]:
    """The winners (a table from :func:`public_tables`) as lines: award, name, final score."""
    col = {c: t(f"app.public.col.{c}", lang) for c in ("name", "total", "award")}
    return [t("app.public.winner", lang, award=escape(row[col["award"]]),
              name=escape(row[col["name"]]), total=format_number(row[col["total"]], lang))
            for _, row in winners.iterrows()]


def upload_status(status: str, lang: str) -> str:
    """An upload's status in words: ``rejected``, or accepted (a stored upload's ``ok``, a
    receipt's ``new``, ``new_version`` or ``duplicate``)."""
    return t("app.archive.upload.rejected" if status == "rejected" else "app.archive.upload.ok",
             lang)


def uploads_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A judge's own uploads, newest first: version, file, status, in use, time, marks."""
    shown = frame.iloc[::-1].rename(columns={"filename": "file", "score_count": "marks"})
    shown = shown.assign(time=[local_time(v, lang) for v in shown["uploaded_at"]],
                         status=[upload_status(str(v), lang) for v in shown["status"]])
    return _renamed(shown, "app.judge.col",
                    ("version", "file", "status", "current", "time", "marks"), lang)


def audit_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The audit log for the page, newest first, columns in words."""
    return _renamed(frame.iloc[::-1], "app.audit.col", tuple(frame.columns), lang)


def public_tables(released: Released, lang: str
                  ) -> list[tuple[str, pd.DataFrame, pd.DataFrame]]:
    """Per category (in the result's order): (category, winners, ranking). Winners are the
    rows with an award; both show rank, entry, final score and award, nothing else."""
    out = []
    table = released.table
    for category in dict.fromkeys(table["category"]):
        rows = table[table["category"] == category]
        shown = pd.DataFrame({
            "rank": [f"{int(r)}" + (f" ({t('app.public.tied', lang)})" if tied else "")
                     for r, tied in zip(rows["rank"], rows["tied"], strict=True)],
            "name": rows["name"].to_numpy(),
            "total": rows["total"].to_numpy(),
            "award": rows["award"].fillna("").to_numpy(),
        })
        shown = _renamed(shown, "app.public.col", ("rank", "name", "total", "award"), lang)
        award = t("app.public.col.award", lang)
        out.append((str(category), shown[shown[award] != ""].reset_index(drop=True), shown))
    return out


def released_note(released: Released, lang: str) -> str:
    """When it was released, or that it was corrected, when and why."""
    if released.corrected:
        return t("app.public.corrected", lang, time=released.published_at,
                 revision=released.revision, reason=released.reason)
    return t("app.public.released", lang, time=released.published_at)


def base_url(page_url: str | None) -> str:
    """The app's address (scheme, host, port, and a path prefix) from a page's address: the
    part before the page's own path, for judges' links; ``""`` when unknown."""
    if not page_url:
        return ""
    parts = urlsplit(page_url)
    if not parts.scheme or not parts.netloc:
        return ""
    path = parts.path.rstrip("/")
    prefix = path.rsplit("/", 1)[0] if path.count("/") >= 1 else ""
    return f"{parts.scheme}://{parts.netloc}{prefix}/"
