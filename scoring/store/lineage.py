"""Entries across the years: renames, merges and splits, so history follows a group.

Words used here:
- *link*: "entry ``from_entry`` continued as ``to_entry`` from ``year`` on", stored in the
  ``lineage`` table with its *kind*:
  ``rename`` — one entry continues under a new id (one to one);
  ``merge`` — several entries become one (many to one; e.g. the city's 47 kelurahan merged
  into 27 in 2015);
  ``split`` — one entry becomes several (one to many).
  An entry renamed without a change of id needs no link: its old name becomes an alias.
- *ancestors* of an entry: every entry it descends from, through any number of links;
  *descendants*: every entry that descends from it. Both are listed nearest first.
- *present ids* of an entry: the descendants that have no successor yet (the entry itself
  when it has none). History credits a past result to the present ids of its entry, so a
  kelurahan merged in 2015 counts in the history of the one it merged into.

Links are few (hundreds at most), so the graph is read whole into memory (:class:`LineageGraph`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pandas as pd
from sqlalchemy import Connection, insert, select

from scoring.problems import Problem, error
from scoring.store import schema
from scoring.store.errors import StoreRefusedError
from scoring.store.timeutil import utc_now

if TYPE_CHECKING:
    from scoring.store.archive import Archive

LinkKind = Literal["rename", "merge", "split"]
KINDS: tuple[LinkKind, ...] = ("rename", "merge", "split")
LINK_COLUMNS = ("kind", "from_entry", "to_entry", "year", "note")


@dataclass(frozen=True)
class Link:
    kind: str
    from_entry: str
    to_entry: str
    year: int
    note: str = ""


class LineageGraph:
    """All links, with walks up (ancestors) and down (descendants)."""

    def __init__(self, links: Iterable[Link]) -> None:
        self.links = tuple(links)
        self._successors: dict[str, list[str]] = {}
        self._predecessors: dict[str, list[str]] = {}
        for link in sorted(self.links, key=lambda k: (k.year, k.from_entry, k.to_entry)):
            self._successors.setdefault(link.from_entry, []).append(link.to_entry)
            self._predecessors.setdefault(link.to_entry, []).append(link.from_entry)

    @classmethod
    def load(cls, conn: Connection) -> LineageGraph:
        t = schema.lineage
        rows = conn.execute(select(t.c.kind, t.c.from_entry, t.c.to_entry, t.c.year,
                                   t.c.note)).all()
        return cls(Link(*row) for row in rows)

    def ancestors(self, entry_id: str) -> list[str]:
        return _walk(entry_id, self._predecessors)

    def descendants(self, entry_id: str) -> list[str]:
        return _walk(entry_id, self._successors)

    def present_ids(self, entry_id: str) -> list[str]:
        ends = [d for d in self.descendants(entry_id) if d not in self._successors]
        return ends or [entry_id]

    def links_of(self, entry_id: str) -> list[Link]:
        """The links among the entry, its ancestors and its descendants, by year."""
        family = {entry_id, *self.ancestors(entry_id), *self.descendants(entry_id)}
        return sorted((k for k in self.links if k.from_entry in family and k.to_entry in family),
                      key=lambda k: (k.year, k.from_entry, k.to_entry))


def link_entries(archive: Archive, kind: str, from_ids: str | Sequence[str],
                 to_ids: str | Sequence[str], year: int, note: str = "") -> int:
    """Record that ``from_ids`` continued as ``to_ids`` from ``year`` on; returns the number
    of links added (a link already recorded is not added again).

    Refused (:class:`StoreRefusedError`, every problem at once) for an unknown kind, a shape that
    does not fit the kind, ids not in the entries registry, or a link that would make an
    entry its own ancestor.
    """
    sources = _ids(from_ids)
    targets = _ids(to_ids)

    def work(conn: Connection) -> int:
        problems = _check_shape(kind, sources, targets)
        e = schema.entries
        known = set(conn.scalars(select(e.c.entry_id)
                                 .where(e.c.entry_id.in_([*sources, *targets]))))
        problems += [error("store.unknown_entry", id=entry_id)
                     for entry_id in dict.fromkeys([*sources, *targets]) if entry_id not in known]
        graph = LineageGraph.load(conn)
        for source in sources:
            for target in targets:
                if target == source or target in graph.ancestors(source):
                    problems.append(error("store.lineage_cycle", from_id=source, to_id=target))
        if problems:
            raise StoreRefusedError(problems)
        existing = {(k.from_entry, k.to_entry) for k in graph.links}
        new = [{"kind": kind, "from_entry": source, "to_entry": target, "year": int(year),
                "note": note, "created_at": utc_now()}
               for source in sources for target in targets if (source, target) not in existing]
        if new:
            conn.execute(insert(schema.lineage), new)
        return len(new)

    return archive.write(work)


def lineage_graph(archive: Archive) -> LineageGraph:
    with archive.reading() as conn:
        return LineageGraph.load(conn)


def ancestors(archive: Archive, entry_id: str) -> list[str]:
    """The ids ``entry_id`` descends from, nearest first."""
    return lineage_graph(archive).ancestors(entry_id)


def descendants(archive: Archive, entry_id: str) -> list[str]:
    """The ids that descend from ``entry_id``, nearest first."""
    return lineage_graph(archive).descendants(entry_id)


def lineage_links(archive: Archive, entry_id: str | None = None) -> pd.DataFrame:
    """The links (:data:`LINK_COLUMNS`) by year: all, or those of one entry's family."""
    graph = lineage_graph(archive)
    links = graph.links_of(entry_id) if entry_id is not None else sorted(
        graph.links, key=lambda k: (k.year, k.from_entry, k.to_entry))
    return pd.DataFrame([(k.kind, k.from_entry, k.to_entry, k.year, k.note) for k in links],
                        columns=list(LINK_COLUMNS))


def _walk(start: str, edges: dict[str, list[str]]) -> list[str]:
    seen = {start}
    order: list[str] = []
    queue = deque(edges.get(start, ()))
    while queue:
        entry_id = queue.popleft()
        if entry_id in seen:
            continue
        seen.add(entry_id)
        order.append(entry_id)
        queue.extend(edges.get(entry_id, ()))
    return order


def _ids(value: str | Sequence[str]) -> list[str]:
    items = [value] if isinstance(value, str) else list(value)
    return list(dict.fromkeys(" ".join(str(i).split()) for i in items if str(i).strip()))


def _check_shape(kind: str, sources: list[str], targets: list[str]) -> list[Problem]:
    counts = {"n_from": len(sources), "n_to": len(targets)}
    if kind == "rename" and (len(sources), len(targets)) != (1, 1):
        return [error("store.lineage_rename_shape", **counts)]
    if kind == "merge" and (len(sources) < 2 or len(targets) != 1):
        return [error("store.lineage_merge_shape", **counts)]
    if kind == "split" and (len(sources) != 1 or len(targets) < 2):
        return [error("store.lineage_split_shape", **counts)]
    if kind not in KINDS:
        return [error("store.lineage_unknown_kind", kind=kind, expected=", ".join(KINDS))]
    return []
