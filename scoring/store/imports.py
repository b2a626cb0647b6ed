"""Past years from before Juri: a year's results imported from a CSV or xlsx file.

Words used here:
- *results file*: one table with a header row and one row per entry. Columns are found by
  their header, in Indonesian or English, case, spaces and punctuation ignored
  (:data:`HEADERS`): ``peringkat``/``rank`` and ``peserta``/``nama``/``entry`` are needed;
  ``nilai``/``total``, ``penghargaan``/``award``, ``kategori``/``category`` and an entry
  ``id`` column are optional; ``No`` is skipped; any other column is reported and ignored.
  The header may sit below a few title rows. An xlsx file is read from its first sheet.
- *name matching*: turning the names written in the file into registry ids, done by one
  swappable function (a :data:`NameMatcher`). The default, :func:`match_names`, accepts a
  name when it is the same name (:func:`scoring.identity.same_name`) as exactly one entry's
  official name or alias.
- *import*: the file's rows, matched, become a competition with ``origin`` ``import``,
  published at once as revision 1; the file itself is kept as an upload (``purpose``
  ``past_results``), all in one transaction.

Nothing is dropped silently: a name that matches no entry, or more than one, is an error
naming the row; an import with any error stores nothing and returns every problem at once
(fix the file, or add the name to the registry as an alias, and import again). The same file
imported twice is recognised by its sha256 and not imported again.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
from sqlalchemy import Connection, insert, select

from scoring.entries import ALIAS_SEPARATOR, Entries, Entry
from scoring.i18n import parse_number
from scoring.identity import fold, name_id
from scoring.problems import Problem, error, has_errors, warning
from scoring.store import schema
from scoring.store.records import (
    PAST_RESULTS,
    PUBLISHED,
    insert_competition,
    insert_revision,
)
from scoring.store.results import build_result_json, parse_result
from scoring.store.timeutil import utc_now

if TYPE_CHECKING:
    from scoring.store.archive import Archive

HEADERS: dict[str, tuple[str, ...]] = {
    "rank": ("rank", "peringkat", "ranking", "place", "posisi", "urutan"),
    "entry": ("entry", "peserta", "nama", "name", "nama peserta", "kelompok",
              "nama kelompok", "entry name"),
    "total": ("total", "nilai", "nilai akhir", "total nilai", "jumlah nilai", "skor", "score",
              "final score"),
    "award": ("award", "penghargaan", "predikat", "hadiah", "prize", "juara"),
    "category": ("category", "kategori"),
    "entry_id": ("id", "entry id", "id peserta", "kode peserta"),
    "row_number": ("no", "nomor", "number"),
}
"""Accepted headers per column, folded (:func:`scoring.identity.fold`)."""
REQUIRED = ("rank", "entry")
HEADER_SEARCH_ROWS = 10
"""How many rows from the top may hold the header (title rows come first in many files)."""


@dataclass(frozen=True)
class NameMatch:
    """Which registry entry a written name means.

    ``entry_id`` is set when one entry was chosen; ``exact`` tells whether it was a sure
    choice (otherwise the import warns, naming it). With no ``entry_id``, ``candidates``
    lists the entries it could be (an error: ambiguous) or is empty (an error: unknown).
    """

    entry_id: str | None
    candidates: tuple[str, ...] = ()
    exact: bool = True


NameMatcher = Callable[[Sequence[str], Entries], list[NameMatch]]
"""Matches many names at once against the registry; one result per name, in order."""


@dataclass(frozen=True)
class ImportReport:
    """``competition_id`` of the imported (or already imported) year, None when refused;
    ``problems``: all of them (errors mean nothing was stored); ``rows``: entries imported."""

    competition_id: int | None
    problems: tuple[Problem, ...]
    rows: int = 0

    @property
    def ok(self) -> bool:
        return self.competition_id is not None


def match_names(names: Sequence[str], registry: Entries) -> list[NameMatch]:
    """Exact matching: the entries whose official name or an alias is the same name
    (:func:`scoring.identity.same_name`) as each of ``names`` (the default :data:`NameMatcher`)."""
    holders: dict[str, set[str]] = {}
    for entry in registry:
        for known in (entry.name, *entry.aliases):
            if key := name_id(known):
                holders.setdefault(key, set()).add(entry.id)
    matches = []
    for name in names:
        found = sorted(holders.get(name_id(name)) or ())
        if len(found) == 1:
            matches.append(NameMatch(found[0]))
        else:
            matches.append(NameMatch(None, tuple(found), exact=False))
    return matches


def import_past_results(archive: Archive, data: bytes, filename: str, *, year: int, title: str,
                        imported_by: str = "", category: str | None = None,
                        matcher: NameMatcher = match_names) -> ImportReport:
    """Import one past year's results file (CSV or xlsx) as a published competition.

    ``category`` applies to every row when the file has no category column; otherwise each
    row takes its entry's category from the registry.
    """
    digest = hashlib.sha256(data).hexdigest()
    grid, problems = _read_grid(data, filename)
    registry = _registry(archive)
    rows: list[dict[str, Any]] = []
    if grid is not None:
        rows, found = _rows(grid, filename, registry, category, matcher)
        problems += found
    if not has_errors(problems) and not rows:
        problems.append(error("store.import_empty", file=filename))
    if has_errors(problems):
        return ImportReport(None, tuple(problems))

    categories: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        categories.setdefault(row["category"], []).append(
            {"entry_id": row["entry_id"], "name": row["name"], "rank": row["rank"],
             "tied": row["tied"], "total": row["total"], "subtotals": {},
             "award": row["award"]})
    warnings = [p.to_dict("en") | {"params": dict(p.params)} for p in problems]
    result_json = build_result_json(categories, digest, warnings, source="import",
                                    file=filename)
    fingerprint, result_rows = parse_result(result_json)
    by_id = {entry.id: entry for entry in registry}
    entries_csv = _entries_csv([Entry(r["entry_id"], by_id[r["entry_id"]].name, r["category"],
                                      by_id[r["entry_id"]].aliases) for r in rows])

    def work(conn: Connection) -> ImportReport:
        u = schema.uploads
        earlier = conn.execute(select(u.c.competition_id)
                               .where(u.c.purpose == PAST_RESULTS, u.c.sha256 == digest)).first()
        if earlier is not None:
            c = schema.competitions
            old = conn.execute(select(c.c.title, c.c.year)
                               .where(c.c.id == earlier.competition_id)).one()
            return ImportReport(earlier.competition_id, (warning(
                "store.import_already", file=filename, competition_id=earlier.competition_id,
                title=old.title, year=old.year),))
        competition_id = insert_competition(
            conn, title=title, year=year, rubric_text="", rubric_fingerprint="",
            entries_csv=entries_csv, status=PUBLISHED, origin="import", created_by=imported_by)
        upload_id = conn.execute(insert(u).values(
            competition_id=competition_id, judge="", judge_key="", version=1, status="ok",
            filename=filename, sha256=digest, size=len(data), data=data, uploaded_at=utc_now(),
            uploader=imported_by, purpose=PAST_RESULTS,
            problems_json=json.dumps([{"severity": p.severity, "code": p.code,
                                       "params": dict(p.params), "file": p.file,
                                       "sheet": p.sheet, "cell": p.cell} for p in problems],
                                     ensure_ascii=False, default=str),
        )).inserted_primary_key[0]
        insert_revision(conn, competition_id, 1, result_json, fingerprint, result_rows,
                        by=imported_by, reason="", upload_ids=[upload_id])
        return ImportReport(competition_id, tuple(problems), len(rows))

    return archive.write(work)


# --- reading the file ----------------------------------------------------------------------


def _read_grid(data: bytes, filename: str) -> tuple[list[list[Any]] | None, list[Problem]]:
    """The file's cells as rows of values (text from CSV; numbers or text from xlsx)."""
    try:
        if data[:4] == b"PK\x03\x04" or filename.lower().endswith((".xlsx", ".xlsm")):
            return _read_xlsx(data), []
        return _read_csv(data), []
    except (ValueError, OSError, KeyError, zipfile.BadZipFile, csv.Error) as exc:
        return None, [error("file.unreadable", file=filename, reason=str(exc))]


def _read_csv(data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # CSV saved by Excel on Windows
        text = data.decode("cp1252")
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    head = "\n".join(lines[:HEADER_SEARCH_ROWS])
    delimiter = ";" if head.count(";") > head.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _read_xlsx(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell(column: int, row: int) -> str:
    """Spreadsheet address of a 0-based column and 1-based row: (1, 5) → ``B5``."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _header_map(cells: list[Any]) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """Which column holds what; the headers not recognised (with their column)."""
    lookup = {alias: field for field, aliases in HEADERS.items() for alias in aliases}
    found: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    for index, value in enumerate(cells):
        header = _text(value)
        if not header:
            continue
        field = lookup.get(fold(header))
        if field is None or field in found:
            unknown.append((index, header))
        else:
            found[field] = index
    return found, unknown


def _rows(grid: list[list[Any]], filename: str, registry: Entries, category: str | None,
          matcher: NameMatcher) -> tuple[list[dict[str, Any]], list[Problem]]:
    problems: list[Problem] = []
    header_row = next((i for i, cells in enumerate(grid[:HEADER_SEARCH_ROWS])
                       if all(f in _header_map(cells)[0] for f in REQUIRED)), None)
    if header_row is None:
        first = next((i for i, cells in enumerate(grid) if any(_text(c) for c in cells)), 0)
        found = _header_map(grid[first])[0] if grid else {}
        return [], [error("store.import_missing_column", file=filename, cell=f"{first + 1}",
                          column=field, accepted=", ".join(HEADERS[field]))
                    for field in REQUIRED if field not in found]
    columns, unknown = _header_map(grid[header_row])
    problems += [warning("store.import_ignored_column", file=filename,
                         cell=_cell(index, header_row + 1), column=header)
                 for index, header in unknown]

    def value(cells: list[Any], field: str) -> Any:
        index = columns.get(field)
        return cells[index] if index is not None and index < len(cells) else None

    raw: list[dict[str, Any]] = []
    for offset, cells in enumerate(grid[header_row + 1:], start=header_row + 2):
        if not any(_text(c) for c in cells):
            continue
        where = {"file": filename}
        name = _text(value(cells, "entry"))
        entry_id = _text(value(cells, "entry_id"))
        if not name and not entry_id:
            problems.append(error("store.import_empty_value", **where,
                                  cell=_cell(columns["entry"], offset), column="entry"))
            continue
        rank = _whole(value(cells, "rank"))
        if rank is False:
            problems.append(error("store.import_bad_rank", **where,
                                  cell=_cell(columns["rank"], offset),
                                  given=_text(value(cells, "rank"))))
            continue
        total = _number(value(cells, "total"))
        if total is False:
            problems.append(error("store.import_bad_number", **where,
                                  cell=_cell(columns["total"], offset),
                                  given=_text(value(cells, "total"))))
            continue
        raw.append({"line": offset, "name": name, "entry_id": entry_id, "rank": rank,
                    "total": total, "award": _text(value(cells, "award")) or None,
                    "category": _text(value(cells, "category")) or category})

    known = {entry.id: entry for entry in registry}
    to_match = [r for r in raw if not r["entry_id"]]
    for row, match in zip(to_match, matcher([r["name"] for r in to_match], registry),
                          strict=True):
        cell = _cell(columns["entry"], row["line"])
        if match.entry_id is None and match.candidates:
            problems.append(error("store.import_ambiguous_entry", file=filename, cell=cell,
                                  name=row["name"], candidates=_describe(match.candidates,
                                                                         known)))
        elif match.entry_id is None:
            problems.append(error("store.import_unknown_entry", file=filename, cell=cell,
                                  name=row["name"]))
        else:
            row["entry_id"] = match.entry_id
            if not match.exact:
                problems.append(warning("store.import_uncertain_match", file=filename,
                                        cell=cell, name=row["name"], entry_id=match.entry_id,
                                        entry_name=known[match.entry_id].name))
    for row in raw:
        if row["entry_id"] and row["entry_id"] not in known:
            problems.append(error("store.unknown_entry", file=filename,
                                  cell=_cell(columns["entry_id"], row["line"]),
                                  id=row["entry_id"]))
            row["entry_id"] = ""

    rows = [r for r in raw if r["entry_id"]]
    first_line: dict[tuple[str, str], int] = {}
    for row in rows:
        entry = known[row["entry_id"]]
        row["category"] = row["category"] or entry.category
        row["name"] = row["name"] or entry.name
        key = (row["category"], row["entry_id"])
        if key in first_line:
            problems.append(error("store.import_duplicate_entry", file=filename,
                                  cell=_cell(columns["entry"], row["line"]),
                                  entry_id=row["entry_id"], category=row["category"],
                                  other=first_line[key]))
        first_line.setdefault(key, row["line"])
    ranks = pd.Series([(r["category"], r["rank"]) for r in rows if r["rank"] is not None])
    shared = set(ranks[ranks.duplicated(keep=False)]) if len(ranks) else set()
    for row in rows:
        row["tied"] = (row["category"], row["rank"]) in shared
    return rows, problems


def _whole(value: Any) -> int | bool | None:
    """A rank: a positive whole number, None when blank, False when not a rank."""
    number = _number(value)
    if number is None or number is False:
        return number
    if number < 1 or not float(number).is_integer():
        return False
    return int(number)


def _number(value: Any) -> float | bool | None:
    """A number (``85,5`` too), None when blank, False when not a number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value)
    number = parse_number(str(value))
    return False if number is None else number


def _describe(ids: Sequence[str], known: dict[str, Entry]) -> str:
    return "; ".join(f"{known[i].name} ({i})" if i in known else i for i in ids)


def _registry(archive: Archive) -> Entries:
    e = schema.entries
    with archive.reading() as conn:
        rows = conn.execute(select(e.c.entry_id, e.c.name, e.c.category, e.c.aliases)
                            .order_by(e.c.entry_id)).all()
    return Entries(tuple(Entry(row.entry_id, row.name, row.category,
                               tuple(a for a in row.aliases.split(ALIAS_SEPARATOR) if a))
                         for row in rows))


def _entries_csv(items: Sequence[Entry]) -> str:
    return Entries(tuple(items)).to_csv()
