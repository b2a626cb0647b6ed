"""The submission board: where every judge and every entry stands, for organisers.

Words used here:
- *judge status* (:data:`STATUSES`): ``not_started`` (no upload), ``problems`` (the newest
  upload was rejected, or the current one leaves assigned entries unscored), ``complete``
  (the current upload scores every assigned entry), ``final`` (complete and marked final by
  the judge for exactly the current upload).
- *missing*: assigned (not conflicted) entries the judge's current upload has no mark for.
- *per entry*: ``scored`` judges with a mark for it in their current upload, of ``expected``
  (judges assigned and not conflicted).
Times are local (WIB) with the zone shown.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd

from scoring.i18n import t
from scoring.identity import judge_keys
from scoring.store import people
from scoring.store.archive import Archive
from scoring.workspace.access import MANAGE, Actor, require
from scoring.workspace.assignments import entries_for
from scoring.workspace.publishing import competition_inputs
from scoring.workspace.times import local_time

STATUSES = ("not_started", "problems", "complete", "final")
JUDGE_BOARD_COLUMNS = ("judge_id", "judge", "agency", "status", "status_label",
                       "last_upload", "uploads", "missing", "missing_entries")
ENTRY_BOARD_COLUMNS = ("entry_id", "name", "category", "scored", "expected")


@dataclass(frozen=True)
class Board:
    judges: pd.DataFrame
    entries: pd.DataFrame


def board(archive: Archive, actor: Actor, competition_id: int, lang: str = "id") -> Board:
    require(actor, MANAGE)
    _, entries = competition_inputs(archive, competition_id)
    with archive.reading() as conn:
        registered = people.judges(conn, competition_id)
        assigned = people.assignments(conn, competition_id)
        finals = people.latest_submissions(conn, competition_id)
    uploads = archive.uploads(competition_id)
    uploads = uploads[uploads["purpose"] == "sheet"].copy()
    uploads["key"] = judge_keys(uploads["judge"].astype(str))
    scores = archive.current_scores(competition_id)
    scores = scores[scores["score"].notna()].copy()
    scores["key"] = judge_keys(scores["judge_id"].astype(str))
    final_of = dict(zip(finals["judge_id"], finals["upload_id"], strict=True))
    rows, expected, scored = [], dict.fromkeys(entries.by_id, 0), dict.fromkeys(entries.by_id, 0)
    for judge in registered:
        mine = entries_for(entries, judge.id, judge.name, judge.agency,
                           assigned[assigned["judge_id"] == judge.id])
        theirs = uploads[uploads["key"] == judge.name_key]
        current = theirs[theirs["current"]]
        done = set(scores.loc[scores["key"] == judge.name_key, "entry_id"])
        for entry in mine.assigned:
            expected[entry.id] += 1
            scored[entry.id] += entry.id in done
        missing = [e.id for e in mine.assigned if e.id not in done]
        if not len(theirs):
            status = "not_started"
        elif theirs["status"].iloc[-1] == "rejected" or not len(current) or missing:
            status = "problems"
        elif final_of.get(judge.id) == int(current["upload_id"].iloc[0]):
            status = "final"
        else:
            status = "complete"
        last = theirs["uploaded_at"].iloc[-1] if len(theirs) else None
        rows.append((judge.id, judge.name, judge.agency, status,
                     t(f"access.board.{status}", lang), local_time(last, lang), len(theirs),
                     len(missing), ", ".join(missing)))
    entry_rows = [(e.id, e.name, e.category, scored[e.id], expected[e.id]) for e in entries]
    return Board(pd.DataFrame(rows, columns=list(JUDGE_BOARD_COLUMNS)),
                 pd.DataFrame(entry_rows, columns=list(ENTRY_BOARD_COLUMNS)))


def board_xlsx(found: Board) -> bytes:
    """The board as a workbook: a sheet of judges and a sheet of entries."""
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        found.judges.drop(columns="status").to_excel(writer, sheet_name="judges", index=False)
        found.entries.to_excel(writer, sheet_name="entries", index=False)
    return out.getvalue()
