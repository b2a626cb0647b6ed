"""The archive: competitions, uploaded files, scores, published results and their history,
in an SQLite file (default ``data/juri.db``) or a PostgreSQL server, with the same code.

One module per concern:

- :mod:`~scoring.store.database` — the URL (``$JURI_DATABASE_URL`` or the default file) and
  the connection settings (SQLite: WAL, busy timeout, ``BEGIN IMMEDIATE`` for writers);
- :mod:`~scoring.store.schema` — the tables, and what each word in them means;
- :mod:`~scoring.store.migrations` — numbered schema changes and the ``schema_version`` table;
- :mod:`~scoring.store.archive` — :class:`Archive`: competitions, the entries registry,
  uploads (kept byte for byte, versioned per judge), publishing and corrections;
- :mod:`~scoring.store.records` — the statements a transaction is made of (inserts, locks,
  the current uploads), shared by the modules of the package;
- :mod:`~scoring.store.results` — the published result JSON and its flat rows;
- :mod:`~scoring.store.lineage` — renames, merges and splits of entries across years;
- :mod:`~scoring.store.history` — year-over-year queries that follow the lineage;
- :mod:`~scoring.store.imports` — past years' results from CSV or xlsx files;
- :mod:`~scoring.store.errors` — what the archive raises.

Typical use::

    from scoring.store import open_archive
    archive = open_archive()                       # or open_archive("postgresql://…")
    cid = archive.create_competition("Lomba Budaya Kerja 2026", 2026, rubric_text,
                                     rubric.fingerprint, entries.to_csv(), "organiser")
    receipt = archive.store_upload(cid, "juri1.xlsx", data, "Juri 1", "organiser",
                                   scores, problems)
    scores = archive.current_scores(cid)            # one upload per judge
    archive.publish(cid, result.to_json(), "organiser",
                    upload_ids=scores["upload_id"].unique())
"""

from scoring.store.archive import (
    Archive,
    Competition,
    PublishedResult,
    UploadReceipt,
    open_archive,
)
from scoring.store.database import (
    URL_ENV,
    database_url,
    default_database_path,
    default_database_url,
)
from scoring.store.errors import (
    SchemaTooNewError,
    StoreRefusedError,
    UnknownCompetitionError,
    UnknownRevisionError,
    UnknownUploadError,
)
from scoring.store.history import (
    consistent_top,
    entry_history,
    most_improved,
    new_entrants,
    results_by_year,
    standings_by_year,
)
from scoring.store.imports import (
    ImportReport,
    NameMatch,
    NameMatcher,
    import_past_results,
    match_names,
)
from scoring.store.lineage import (
    LineageGraph,
    ancestors,
    descendants,
    lineage_graph,
    lineage_links,
    link_entries,
)
from scoring.store.migrations import MIGRATIONS, Migration, migrate, schema_version

__all__ = [
    "MIGRATIONS",
    "URL_ENV",
    "Archive",
    "Competition",
    "ImportReport",
    "LineageGraph",
    "Migration",
    "NameMatch",
    "NameMatcher",
    "PublishedResult",
    "SchemaTooNewError",
    "StoreRefusedError",
    "UnknownCompetitionError",
    "UnknownRevisionError",
    "UnknownUploadError",
    "UploadReceipt",
    "ancestors",
    "consistent_top",
    "database_url",
    "default_database_path",
    "default_database_url",
    "descendants",
    "entry_history",
    "import_past_results",
    "lineage_graph",
    "lineage_links",
    "link_entries",
    "match_names",
    "migrate",
    "most_improved",
    "new_entrants",
    "open_archive",
    "results_by_year",
    "schema_version",
    "standings_by_year",
]
