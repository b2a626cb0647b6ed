"""The database's own settings (table ``settings``), and the mark that makes a database the demo.

Words used here:
- *setting*: one ``value`` per ``name`` (:func:`get_setting`, :func:`put_setting`);
  :func:`claim_setting` writes one only when it is absent, so that of several processes
  claiming the same name exactly one gets it (SQLite: the write lock serialises them;
  PostgreSQL: the primary key refuses the others, whose transaction is run again and finds it).
- *demo database* (:data:`DEMO`): a database marked as the demo when it was created empty
  (:func:`mark_demo`). Only a database so marked receives the bundled sample; a database that
  already holds anything (competitions, entries, organisers) is never marked.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, insert, select, update

from scoring.problems import error
from scoring.store import schema
from scoring.store.archive import Archive
from scoring.store.errors import StoreRefusedError
from scoring.store.timeutil import utc_now

DEMO = "demo"


def get_setting(conn: Connection, name: str) -> str | None:
    s = schema.settings
    return conn.scalar(select(s.c.value).where(s.c.name == name))


def put_setting(conn: Connection, name: str, value: str) -> None:
    s = schema.settings
    if get_setting(conn, name) is None:
        conn.execute(insert(s).values(name=name, value=value, updated_at=utc_now()))
    else:
        conn.execute(update(s).where(s.c.name == name).values(value=value,
                                                              updated_at=utc_now()))


def claim_setting(conn: Connection, name: str, value: str) -> bool:
    """Write ``name`` = ``value`` when it is absent; True when this call wrote it."""
    if get_setting(conn, name) is not None:
        return False
    conn.execute(insert(schema.settings).values(name=name, value=value, updated_at=utc_now()))
    return True


def is_demo(archive: Archive) -> bool:
    with archive.reading() as conn:
        return get_setting(conn, DEMO) is not None


def mark_demo(archive: Archive) -> bool:
    """Mark an empty database as the demo; True when marked now, False when it was already.

    Refused (``store.not_demo``) for a database that is not marked and holds competitions,
    entries or organisers: real data is never turned into a demo.
    """

    def work(conn: Connection) -> bool:
        if get_setting(conn, DEMO) is not None:
            return False
        for table in (schema.competitions, schema.entries, schema.organisers):
            if conn.scalar(select(func.count()).select_from(table)):
                raise StoreRefusedError([error("store.not_demo", url=archive.url)])
        return claim_setting(conn, DEMO, "yes")

    return archive.write(work)
