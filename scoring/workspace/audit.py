"""The audit log of the shared workspace: every change, who made it and when.

Words used here:
- *action* (:data:`ACTIONS`): ``sign_in.ok``, ``sign_in.failed``, ``sign_in.rate_limited``,
  ``organiser.created``, ``competition.created``, ``judge.added``, ``judge.assigned``,
  ``link.issued``, ``link.revoked``, ``upload``, ``mapping.confirmed``, ``mark.excluded``,
  ``final_submission``, ``publish``, ``correction``, ``draft.deleted``.
- *record*: one line of the log (see :mod:`scoring.store.audit`): written in the same
  transaction as the change it describes (:func:`record`), or on its own for events that
  change nothing stored (:func:`log_event`: a mapping confirmed, a mark excluded on a page).

The log is append-only; organisers read it (:func:`audit_log`) with times in WIB and download
it as CSV (:func:`audit_csv`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

import pandas as pd
from sqlalchemy import Connection

from scoring.store import audit as stored_audit
from scoring.store.archive import Archive
from scoring.workspace.access import MANAGE, Actor, require
from scoring.workspace.times import local_time, moment, stored

ACTIONS = (
    "sign_in.ok", "sign_in.failed", "sign_in.rate_limited", "organiser.created",
    "competition.created", "judge.added", "judge.assigned", "link.issued", "link.revoked",
    "upload", "mapping.confirmed", "mark.excluded", "final_submission", "publish",
    "correction", "draft.deleted",
)
LOG_COLUMNS = ("time", "actor", "role", "action", "competition_id", "detail")


def record(conn: Connection, actor: Actor, action: str, competition_id: int | None,
           detail: Mapping[str, object] | None = None, *, now: dt.datetime | None = None
           ) -> int:
    """Append one record in the caller's transaction."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    return stored_audit.append(conn, at=stored(moment(now)), actor=actor.name,
                               role=actor.role, action=action, competition_id=competition_id,
                               detail=detail)


def log_event(archive: Archive, actor: Actor, action: str, competition_id: int | None,
              detail: Mapping[str, object] | None = None, *, now: dt.datetime | None = None
              ) -> int:
    """Append one record on its own (for events that change nothing else stored)."""
    return archive.write(lambda conn: record(conn, actor, action, competition_id, detail,
                                             now=now))


def audit_log(archive: Archive, actor: Actor, competition_id: int | None = None,
              lang: str = "id") -> pd.DataFrame:
    """The log for organisers, oldest first: :data:`LOG_COLUMNS`, ``time`` in local time
    with the zone, ``detail`` as JSON text."""
    require(actor, MANAGE)
    with archive.reading() as conn:
        frame = stored_audit.records(conn, competition_id)
    out = pd.DataFrame({
        "time": [local_time(at, lang) for at in frame["at"]],
        "actor": frame["actor"], "role": frame["role"], "action": frame["action"],
        "competition_id": frame["competition_id"],
        "detail": [json.dumps(d, ensure_ascii=False, sort_keys=True) for d in frame["detail"]],
    }, columns=list(LOG_COLUMNS))
    return out


def audit_csv(frame: pd.DataFrame) -> bytes:
    """The log as a UTF-8 CSV file (with a BOM, so that Excel reads the accents)."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")
