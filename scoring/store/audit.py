"""The audit log as stored: append-only records of who did what, when, in which competition.

Words used here:
- *record*: ``at`` (UTC ISO text), ``actor`` (a name, an organiser's username or ``-`` for
  the public), ``role`` (``organiser``, ``judge``, ``public``, ``system``), ``action`` (a
  stable word such as ``sign_in.failed``, ``link.issued``, ``publish``), ``competition_id``
  (empty for actions outside one) and ``detail`` (a JSON object).

This module only appends and reads: there is no update or delete, so the log keeps what
happened even when a draft competition is deleted (its records keep the id).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import pandas as pd
from sqlalchemy import Connection, insert, select

from scoring.store import schema

AUDIT_COLUMNS = ("id", "at", "actor", "role", "action", "competition_id", "detail")


def append(conn: Connection, *, at: str, actor: str, role: str, action: str,
           competition_id: int | None, detail: Mapping[str, object] | None = None) -> int:
    """Add one record in the caller's transaction; returns its id."""
    return int(conn.execute(insert(schema.audit_log).values(
        at=at, actor=actor, role=role, action=action, competition_id=competition_id,
        detail_json=json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True,
                               default=str))).inserted_primary_key[0])


def records(conn: Connection, competition_id: int | None = None) -> pd.DataFrame:
    """The log, oldest first (:data:`AUDIT_COLUMNS`; ``detail`` as a dict); one
    competition's records when ``competition_id`` is given."""
    a = schema.audit_log
    query = select(a.c.id, a.c.at, a.c.actor, a.c.role, a.c.action, a.c.competition_id,
                   a.c.detail_json).order_by(a.c.id)
    if competition_id is not None:
        query = query.where(a.c.competition_id == competition_id)
    rows = conn.execute(query).all()
    frame = pd.DataFrame([(*r[:6], json.loads(r[6])) for r in rows],
                         columns=list(AUDIT_COLUMNS))
    frame["competition_id"] = frame["competition_id"].astype("Int64")
    return frame
