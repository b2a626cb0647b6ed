"""A judge's side of the shared workspace: upload sheets, read their own checking report and
versions, and mark the submission final ("kirim final").

Words used here:
- *sheet upload* (:func:`upload_sheet`): one file read by the readers, the judge's marks
  screened (:func:`scoring.workspace.assignments.screen_marks`: conflicted and unassigned
  entries refused) and kept in the archive as that judge's next version, logged. Through a
  link the judge is the link's judge, whatever the file says; an organiser may upload on a
  judge's behalf.
- *final submission* (:func:`mark_final`): the judge says their current upload is the one to
  count; stored with a *summary* (entries scored, marks counted, entries missing) and logged.
  A newer upload afterwards makes the board show the judge as not final again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection

from scoring import sheets
from scoring.i18n import t
from scoring.identity import judge_keys
from scoring.problems import Problem, error
from scoring.store import people
from scoring.store.archive import Archive, UploadReceipt
from scoring.workspace.access import ACT_AS_JUDGE, AccessRefusedError, Actor, require
from scoring.workspace.assignments import judge_entries, screen_marks
from scoring.workspace.audit import log_event, record
from scoring.workspace.publishing import competition_inputs
from scoring.workspace.times import moment, stored


@dataclass(frozen=True)
class SheetUpload:
    """What happened to a judge's file: the archive's receipt and every problem found
    (the readers', the screening's, the archive's)."""

    receipt: UploadReceipt
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class FinalSubmission:
    upload_id: int
    entries_scored: int
    marks: int
    missing: tuple[str, ...]

    def summary(self, lang: str = "id") -> str:
        return t("access.final.summary", lang, entries=self.entries_scored, marks=self.marks,
                 missing=len(self.missing))


def upload_sheet(archive: Archive, actor: Actor, judge_id: int, filename: str, data: bytes,
                 *, now: dt.datetime | None = None) -> SheetUpload:
    """Read, screen and keep one of the judge's files (see the module docstring)."""
    with archive.reading() as conn:
        found = people.judge(conn, judge_id)
    require(actor, ACT_AS_JUDGE, competition_id=found.competition_id, judge_id=judge_id)
    rubric, entries = competition_inputs(archive, found.competition_id)
    read = sheets.read_file(data, filename, rubric, entries)
    scores = read.table.copy()
    blank = scores["judge_id"].astype(str).str.strip() == ""
    scores.loc[blank, "judge_id"] = found.name
    mine = judge_entries(archive, actor, judge_id)
    screened, refused = screen_marks(scores, mine)
    problems = [*read.problems, *refused]
    receipt = archive.store_upload(found.competition_id, filename, data, found.name,
                                   actor.name, screened, problems)
    log_event(archive, actor, "upload", found.competition_id,
              {"judge": found.name, "file": filename, "upload_id": receipt.upload_id,
               "status": receipt.status, "version": receipt.version}, now=now)
    for problem in refused:
        log_event(archive, actor, "mark.excluded", found.competition_id,
                  {"judge": found.name, "entry": problem.params.get("entry", ""),
                   "reason": problem.code, "upload_id": receipt.upload_id}, now=now)
    return SheetUpload(receipt, (*problems, *receipt.problems))


def own_uploads(archive: Archive, actor: Actor, judge_id: int) -> pd.DataFrame:
    """The judge's uploads and versions (the archive's upload columns), oldest first."""
    with archive.reading() as conn:
        found = people.judge(conn, judge_id)
    require(actor, ACT_AS_JUDGE, competition_id=found.competition_id, judge_id=judge_id)
    uploads = archive.uploads(found.competition_id)
    mine = uploads[(uploads["purpose"] == "sheet")
                   & (judge_keys(uploads["judge"].astype(str)) == found.name_key)]
    return mine.reset_index(drop=True)


def own_report(archive: Archive, actor: Actor, judge_id: int, upload_id: int
               ) -> list[Problem]:
    """The checking report of one of the judge's own uploads (another's is refused)."""
    mine = own_uploads(archive, actor, judge_id)
    if upload_id not in set(mine["upload_id"]):
        raise AccessRefusedError([error("access.refused.other_judge")])
    return archive.upload_problems(upload_id)


def mark_final(archive: Archive, actor: Actor, judge_id: int, *,
               now: dt.datetime | None = None) -> FinalSubmission:
    """Mark the judge's current upload final, with its summary; refused
    (``access.final.no_upload``) when the judge has no usable upload."""
    mine = own_uploads(archive, actor, judge_id)
    current = mine[mine["current"]]
    if not len(current):
        raise AccessRefusedError([error("access.final.no_upload")])
    upload_id = int(current["upload_id"].iloc[0])
    scores = archive.upload_scores(upload_id)
    scored = set(scores.loc[scores["score"].notna(), "entry_id"])
    expected = judge_entries(archive, actor, judge_id)
    missing = tuple(e.id for e in expected.assigned if e.id not in scored)
    final = FinalSubmission(upload_id, len(scored), int(scores["score"].notna().sum()),
                            missing)
    at = moment(now)
    summary = {"entries_scored": final.entries_scored, "marks": final.marks,
               "missing": list(missing)}

    def work(conn: Connection) -> None:
        found = people.judge(conn, judge_id)
        people.insert_submission(conn, competition_id=found.competition_id, judge_id=judge_id,
                                 upload_id=upload_id, at=stored(at),
                                 summary_json=json.dumps(summary, ensure_ascii=False))
        record(conn, actor, "final_submission", found.competition_id,
               {"judge": found.name, "upload_id": upload_id, **summary}, now=at)

    archive.write(work)
    return final

