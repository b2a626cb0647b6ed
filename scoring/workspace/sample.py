"""The bundled sample archive: three years of the sample competition, loaded into the demo
database only (:mod:`scoring.workspace.demo`; a database not marked as the demo is refused).

SAMPLE DATA (see ``data/make_sample.py`` and ``data/make_history.py``): 2024 and 2025 are
imported from the results files the organisers kept (with the archive agency's 2025 rename
recorded as lineage), and 2026 is the sample competition itself — five judges' sheets stored
as uploads and the result published — so the history page has three years to show.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from scoring.entries import load_entries
from scoring.problems import ProblemsError, error
from scoring.rubric import load_rubric
from scoring.store.archive import Archive
from scoring.store.errors import StoreRefusedError
from scoring.store.imports import import_past_results
from scoring.store.lineage import link_entries
from scoring.store.settings import is_demo
from scoring.workspace.publishing import publish_current, submit

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
HISTORY = DATA / "samples" / "history"
SHEETS = DATA / "samples" / "budaya_kerja_2026"
RUBRIC = ROOT / "rubrics" / "budaya_kerja_tulta.yaml"
ENTRIES = DATA / "entries_pekalongan_sample.csv"
SAMPLE_BY = "contoh (sample)"


def seed_sample(archive: Archive) -> bool:
    """Load the sample's three years into an empty demo archive; False (nothing done) when
    it already holds competitions. Refused (:class:`StoreRefusedError`, ``store.not_demo``)
    for a database not marked as the demo (:func:`scoring.store.settings.mark_demo`): a real
    archive never receives sample rows."""
    if not is_demo(archive):
        raise StoreRefusedError([error("store.not_demo", url=archive.url)])
    if len(archive.competitions()):
        return False
    rubric, entries = load_rubric(RUBRIC), load_entries(ENTRIES)
    archive.register_entries(load_entries(HISTORY / "entries_2024.csv").items, 2024)
    archive.register_entries(entries.items, 2026)
    for row in csv.DictReader(io.StringIO((HISTORY / "lineage.csv").read_text("utf-8"))):
        link_entries(archive, row["kind"], row["from"], row["to"], int(row["year"]), row["note"])
    for year in (2024, 2025):
        path = HISTORY / f"hasil_{year}.csv"
        report = import_past_results(archive, path.read_bytes(), path.name, year=year,
                                     title=f"Lomba Budaya Kerja Kota Pekalongan {year}",
                                     imported_by=SAMPLE_BY)
        if not report.ok:
            raise ProblemsError(report.problems)
    competition_id = archive.create_competition(
        rubric.title, rubric.year or 2026, RUBRIC.read_text("utf-8"), rubric.fingerprint,
        entries.to_csv(), SAMPLE_BY)
    files = [(path.name, path.read_bytes()) for path in sorted(SHEETS.glob("*.xlsx"))]
    submit(archive, competition_id, files, rubric, entries, SAMPLE_BY)
    publish_current(archive, competition_id, SAMPLE_BY)
    return True
