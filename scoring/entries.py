"""The entries registry: who competes, under a stable id, in which category, by which names.

Words used here:
- *entry*: one competing group (a kelompok budaya kerja of an agency or kelurahan).
- *id*: stable across years and files; *name*: the official name; *aliases*: other names the
  entry is known by (abbreviations, old names), separated by ``|`` in the CSV file.

The CSV file has the columns ``id, name, category, aliases`` (``aliases`` optional); lines
starting with ``#`` are comments.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from scoring.problems import Problem, ProblemsError, error

REQUIRED_COLUMNS = ("id", "name", "category")
ALIAS_SEPARATOR = "|"


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entries:
    """The entries of one competition, in the order of the list."""

    items: tuple[Entry, ...]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    @cached_property
    def by_id(self) -> Mapping[str, Entry]:
        return {e.id: e for e in self.items}

    def in_category(self, category: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.items if e.category == category)

    @cached_property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.category for e in self.items))

    def frame(self) -> pd.DataFrame:
        """``entry_id, name, category, aliases`` (aliases joined by ``|``)."""
        return pd.DataFrame(
            {"entry_id": [e.id for e in self.items], "name": [e.name for e in self.items],
             "category": [e.category for e in self.items],
             "aliases": [ALIAS_SEPARATOR.join(e.aliases) for e in self.items]},
            columns=["entry_id", "name", "category", "aliases"])

    def to_records(self) -> list[dict[str, object]]:
        return [{"id": e.id, "name": e.name, "category": e.category, "aliases": list(e.aliases)}
                for e in self.items]

    def to_csv(self) -> str:
        frame = self.frame().rename(columns={"entry_id": "id"})
        return frame.to_csv(index=False, lineterminator="\n")

    def check_categories(self, categories: Iterable[str], file: str = "") -> list[Problem]:
        known = tuple(categories)
        return [error("entries.unknown_category", file=file, cell=f"id={e.id}",
                      category=e.category, expected=", ".join(known))
                for e in self.items if e.category not in known]


def parse_entries(text: str, file: str = "<entries>") -> tuple[Entries | None, list[Problem]]:
    """Read an entries CSV (comma or semicolon separated): the Entries, or None and problems."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    body = "\n".join(lines)
    if not body.strip():
        return None, [error("entries.empty", file=file)]
    separator = ";" if lines and lines[0].count(";") > lines[0].count(",") else ","
    frame = pd.read_csv(io.StringIO(body), sep=separator, dtype=str, keep_default_na=False,
                        skipinitialspace=True)
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    problems = [error("entries.missing_column", file=file, column=c)
                for c in REQUIRED_COLUMNS if c not in frame.columns]
    if problems:
        return None, problems
    items: list[Entry] = []
    first_row: dict[str, int] = {}
    for index, row in enumerate(frame.to_dict("records")):
        line = index + 2  # the header is row 1
        values = {c: " ".join(str(row[c]).split()) for c in REQUIRED_COLUMNS}
        for column, value in values.items():
            if not value:
                problems.append(error("entries.empty_value", file=file, cell=f"{column}{line}",
                                      column=column))
        if values["id"] in first_row:
            problems.append(error("entries.duplicate_id", file=file, cell=f"id{line}",
                                  id=values["id"], other=first_row[values["id"]]))
            continue
        first_row[values["id"]] = line
        raw_aliases = str(row["aliases"]) if "aliases" in frame.columns else ""
        aliases = tuple(a.strip() for a in raw_aliases.split(ALIAS_SEPARATOR) if a.strip())
        items.append(Entry(values["id"], values["name"], values["category"], aliases))
    if problems:
        return None, problems
    return Entries(tuple(items)), []


def load_entries(path: str | Path) -> Entries:
    """Load an entries CSV; raises :class:`ProblemsError` listing every mistake."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ProblemsError([error("file.not_found", file=str(path), path=str(path))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemsError([error("file.unreadable", file=str(path), reason=str(exc))]) from None
    entries, problems = parse_entries(text, str(path))
    if entries is None:
        raise ProblemsError(problems)
    return entries
