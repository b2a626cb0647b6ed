"""The demo: the bundled sample in its own database, never mixed with real data.

Words used here:
- *demo database* (:func:`demo_url`): ``$JURI_DEMO_DATABASE_URL``, else the SQLite file
  ``data/demo.db`` in the repository — never the real archive's ``data/juri.db``.
- *open the demo* (:func:`open_demo`): open (creating) that database, mark it as the demo
  while it is empty (:func:`scoring.store.settings.mark_demo`; a database holding real data is
  refused with ``store.not_demo``), and load the sample's three years into it once
  (:func:`scoring.workspace.sample.seed_sample`).
- *seed once*: the first process to claim the setting ``sample_seeded`` loads the sample and
  then sets it to ``done``; others opening the demo meanwhile wait for that (up to
  :data:`SEED_WAIT_SECONDS`), so two processes opening an empty demo at once load it once.
  If loading fails, the setting says ``failed`` and the error is raised; delete the demo
  database to start it again (it holds nothing but the sample).
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping

from scoring.store.archive import Archive, open_archive
from scoring.store.database import REPO_ROOT
from scoring.store.settings import claim_setting, get_setting, mark_demo, put_setting
from scoring.workspace.sample import seed_sample

DEMO_URL_ENV = "JURI_DEMO_DATABASE_URL"
SEEDED = "sample_seeded"
SEEDING, DONE, FAILED = "seeding", "done", "failed"
SEED_WAIT_SECONDS = 180.0
POLL_SECONDS = 0.2


def demo_url(environ: Mapping[str, str] | None = None) -> str:
    """``$JURI_DEMO_DATABASE_URL``, else ``sqlite:///<repo>/data/demo.db``."""
    environ = os.environ if environ is None else environ
    return environ.get(DEMO_URL_ENV) or f"sqlite:///{REPO_ROOT / 'data' / 'demo.db'}"


def open_demo(url: str | None = None, *, wait_seconds: float = SEED_WAIT_SECONDS) -> Archive:
    """The demo database at ``url`` (default :func:`demo_url`), marked and holding the sample.

    Raises :class:`scoring.store.StoreRefusedError` (``store.not_demo``) when ``url`` is a
    database with real data in it, and ``TimeoutError`` when another process's loading of the
    sample did not finish within ``wait_seconds``.
    """
    archive = open_archive(url or demo_url())
    try:
        mark_demo(archive)
        seed_demo(archive, wait_seconds=wait_seconds)
    except BaseException:
        archive.close()
        raise
    return archive


def seed_demo(archive: Archive, *, wait_seconds: float = SEED_WAIT_SECONDS) -> bool:
    """Load the sample into the (marked) demo ``archive`` unless some process did or is doing
    it; True when this call loaded it. Waits for another process's loading to finish."""
    if archive.write(lambda conn: claim_setting(conn, SEEDED, SEEDING)):
        try:
            seed_sample(archive)
        except BaseException:
            archive.write(lambda conn: put_setting(conn, SEEDED, FAILED))
            raise
        archive.write(lambda conn: put_setting(conn, SEEDED, DONE))
        return True
    deadline = time.monotonic() + wait_seconds
    while _state(archive) == SEEDING:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the sample is still being loaded into {archive.url}")
        time.sleep(POLL_SECONDS)
    return False


def _state(archive: Archive) -> str | None:
    with archive.reading() as conn:
        return get_setting(conn, SEEDED)
