"""A competition's judges, what each is assigned, and conflicts of interest.

Words used here:
- *judge* (of a competition): a name (told apart by :func:`scoring.identity.judge_key`) and an
  *agency*, the organisation they belong to (may be empty).
- *assignment*: a judge is assigned whole categories or single entries. A judge with no
  assignment at all is assigned every entry (the usual case: every judge scores everything).
- *conflicted*: an entry of the judge's own agency (:func:`is_conflicted`: the agency names
  the entry's id, or is the same name as the entry's name or one of its aliases). A conflicted
  entry is never the judge's to score, even when assigned: their template leaves it out and
  their marks for it are refused (:func:`screen_marks`); the panel then uses the marks that
  exist (the rubric's ``missing_scores`` rule).
- *the judge's entries* (:class:`JudgeEntries`): ``assigned`` (to score) and ``conflicted``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection

from scoring.entries import Entries, Entry
from scoring.identity import clean_name, id_key, judge_key, same_name
from scoring.problems import Problem, error, warning
from scoring.sheets import write_template
from scoring.store import people
from scoring.store.archive import Archive
from scoring.workspace.access import ACT_AS_JUDGE, MANAGE, AccessRefusedError, Actor, require
from scoring.workspace.audit import record
from scoring.workspace.publishing import competition_inputs
from scoring.workspace.times import local_time, moment, stored

JUDGE_COLUMNS = ("judge_id", "name", "agency", "link", "link_expires", "assigned",
                 "conflicted")


@dataclass(frozen=True)
class JudgeEntries:
    judge_id: int
    judge: str
    assigned: tuple[Entry, ...]
    conflicted: tuple[Entry, ...]

    @property
    def assigned_ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self.assigned)


def is_conflicted(agency: str, entry: Entry) -> bool:
    """True when a judge of ``agency`` belongs to ``entry``'s agency."""
    if not clean_name(agency):
        return False
    if id_key(agency) == id_key(entry.id):
        return True
    return any(same_name(agency, name) for name in (entry.name, *entry.aliases))


def add_judge(archive: Archive, actor: Actor, competition_id: int, name: str,
              agency: str = "", *, now: dt.datetime | None = None) -> int:
    """Register a judge in the competition; returns the judge's id. Organisers only;
    refused (``access.judge.exists``) when the name is taken."""
    require(actor, MANAGE)
    name, agency, at = clean_name(name), clean_name(agency), moment(now)
    if not judge_key(name):
        raise ValueError("a judge needs a name")

    def work(conn: Connection) -> int:
        if people.find_judge(conn, competition_id, judge_key(name)) is not None:
            raise AccessRefusedError([error("access.judge.exists", judge=name)])
        judge_id = people.insert_judge(conn, competition_id=competition_id, name=name,
                                       name_key=judge_key(name), agency=agency, at=stored(at))
        record(conn, actor, "judge.added", competition_id, {"judge": name, "agency": agency},
               now=at)
        return judge_id

    return archive.write(work)


def assign(archive: Archive, actor: Actor, judge_id: int, *, category: str | None = None,
           entry_id: str | None = None, now: dt.datetime | None = None) -> bool:
    """Assign the judge a category or an entry (exactly one); False when already assigned."""
    require(actor, MANAGE)
    if (category is None) == (entry_id is None):
        raise ValueError("assign either a category or an entry")
    scope, target = ((people.CATEGORY, category) if category is not None
                     else (people.ENTRY, str(entry_id)))
    with archive.reading() as conn:
        competition_id = people.judge(conn, judge_id).competition_id
    _, entries = competition_inputs(archive, competition_id)
    known = entries.categories if scope == people.CATEGORY else tuple(entries.by_id)
    if target not in known:
        raise AccessRefusedError([error("access.assign.unknown_target", scope=scope,
                                        target=target)])
    at = moment(now)

    def work(conn: Connection) -> bool:
        added = people.add_assignment(conn, competition_id, judge_id, scope, target)
        if added:
            record(conn, actor, "judge.assigned", competition_id,
                   {"judge_id": judge_id, "scope": scope, "target": target}, now=at)
        return added

    return archive.write(work)


def judge_entries(archive: Archive, actor: Actor, judge_id: int) -> JudgeEntries:
    """What the judge is to score and where they are conflicted (that judge or organisers)."""
    with archive.reading() as conn:
        found = people.judge(conn, judge_id)
        assigned = people.assignments(conn, found.competition_id)
    require(actor, ACT_AS_JUDGE, competition_id=found.competition_id, judge_id=judge_id)
    _, entries = competition_inputs(archive, found.competition_id)
    return entries_for(entries, found.id, found.name, found.agency,
                       assigned[assigned["judge_id"] == judge_id])


def entries_for(entries: Entries, judge_id: int, name: str, agency: str,
                assignments: pd.DataFrame) -> JudgeEntries:
    """The judge's :class:`JudgeEntries` from their rows of ``assignments``."""
    categories = set(assignments.loc[assignments["scope"] == people.CATEGORY, "target"])
    single = set(assignments.loc[assignments["scope"] == people.ENTRY, "target"])
    everything = not categories and not single
    wanted = [e for e in entries if everything or e.category in categories or e.id in single]
    conflicted = tuple(e for e in wanted if is_conflicted(agency, e))
    assigned = tuple(e for e in wanted if e not in conflicted)
    return JudgeEntries(judge_id, name, assigned, conflicted)


def judges_frame(archive: Archive, actor: Actor, competition_id: int, lang: str = "id"
                 ) -> pd.DataFrame:
    """The competition's judges for organisers (:data:`JUDGE_COLUMNS`); ``link`` is
    ``none``, ``active``, ``revoked`` or ``expired``."""
    require(actor, MANAGE)
    with archive.reading() as conn:
        found = people.judges(conn, competition_id)
        assigned = people.assignments(conn, competition_id)
    _, entries = competition_inputs(archive, competition_id)
    now = stored(moment(None))
    rows = []
    for j in found:
        mine = entries_for(entries, j.id, j.name, j.agency,
                           assigned[assigned["judge_id"] == j.id])
        if j.link_nonce is None:
            state = "none"
        elif j.link_revoked_at is not None:
            state = "revoked"
        elif (j.link_expires_at or "") <= now:
            state = "expired"
        else:
            state = "active"
        rows.append((j.id, j.name, j.agency, state, local_time(j.link_expires_at, lang),
                     len(mine.assigned), len(mine.conflicted)))
    return pd.DataFrame(rows, columns=list(JUDGE_COLUMNS))


def judge_template(archive: Archive, actor: Actor, judge_id: int) -> bytes:
    """The judge's own template: their assigned entries only (conflicted ones left out)."""
    mine = judge_entries(archive, actor, judge_id)
    with archive.reading() as conn:
        competition_id = people.judge(conn, judge_id).competition_id
    rubric, _ = competition_inputs(archive, competition_id)
    return write_template(rubric, Entries(mine.assigned), judge=mine.judge)


def screen_marks(scores: pd.DataFrame, mine: JudgeEntries) -> tuple[pd.DataFrame, list[Problem]]:
    """The judge's marks that count, and a problem (a warning: the rest of the file counts)
    for each refused entry, conflicted or not assigned, at its first cell."""
    problems: list[Problem] = []
    conflicted = {e.id for e in mine.conflicted}
    keep = scores["entry_id"].isin(mine.assigned_ids)
    for entry_id, rows in scores[~keep].groupby("entry_id", sort=True):
        first = rows.iloc[0]
        code = ("access.mark.conflicted" if entry_id in conflicted
                else "access.mark.unassigned")
        problems.append(warning(code, file=str(first.get("source_file", "")),
                                sheet=str(first.get("source_sheet", "")),
                                cell=str(first.get("source_cell", "")),
                                judge=mine.judge, entry=str(entry_id)))
    return scores[keep].reset_index(drop=True), problems
