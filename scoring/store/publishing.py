"""From judges' files to a published result in the archive: the organisers' workflow.

Words used here:
- *submit*: keep each file in the archive exactly as it came, with the scores read from it
  (a file the readers refuse is kept too, as a rejected upload, with its problems);
- *publish*: score the competition from the judges' current uploads and freeze that result as
  revision 1; a later change is a *correction*: a new revision with a reason, the earlier one
  still readable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from scoring import sheets
from scoring.entries import Entries, parse_entries
from scoring.pipeline import score
from scoring.problems import Problem, ProblemsError
from scoring.result import Result
from scoring.rubric import Rubric, parse_rubric
from scoring.store.archive import Archive, UploadReceipt


@dataclass(frozen=True)
class Submission:
    filename: str
    receipt: UploadReceipt
    problems: tuple[Problem, ...]
    """What the readers found in the file (the receipt holds the archive's own remarks)."""


def submit(archive: Archive, competition_id: int, files: Iterable[tuple[str, bytes]],
           rubric: Rubric, entries: Entries, uploader: str = "") -> list[Submission]:
    """Read and keep each ``(filename, bytes)``; one transaction per file and judge.

    A workbook that holds several judges (a sheet per judge) is kept once for each of them,
    with that judge's scores, so that each judge's uploads stay one line of versions.
    """
    done = []
    for filename, data in files:
        read = sheets.read_file(data, filename, rubric, entries)
        judges = [name for name, _, _ in sheets.judges_in(read) if name]
        if not judges:
            # a file whose judge cannot be read is still kept, under its file name
            judges = [f"? {filename}"]
        for judge in judges:
            scores = read.table
            if len(judges) > 1:
                scores = scores[scores["judge_id"].str.casefold() == judge.casefold()]
            receipt = archive.store_upload(competition_id, filename, data, judge, uploader,
                                           scores, read.problems)
            done.append(Submission(filename, receipt, tuple(read.problems)))
    return done


def competition_inputs(archive: Archive, competition_id: int) -> tuple[Rubric, Entries]:
    """The rubric and entries list stored with a competition."""
    competition = archive.competition(competition_id)
    rubric, problems = parse_rubric(competition.rubric_text, f"competition {competition_id}")
    entries, more = parse_entries(competition.entries_csv, f"competition {competition_id}")
    if rubric is None or entries is None:
        raise ProblemsError([*problems, *more])
    return rubric, entries


def current_result(archive: Archive, competition_id: int, lang: str = "id") -> Result:
    """The result computed from the judges' current uploads (not stored)."""
    rubric, entries = competition_inputs(archive, competition_id)
    scores = archive.current_scores(competition_id)
    return score(rubric, entries, scores.drop(columns="upload_id"), lang=lang)


def publish_current(archive: Archive, competition_id: int, by: str, reason: str = "",
                    lang: str = "id") -> tuple[int, Result]:
    """Publish (or, when already published, correct with ``reason``) the current result.

    Raises :class:`ProblemsError` when errors block the result; nothing is stored then.
    """
    rubric, entries = competition_inputs(archive, competition_id)
    scores = archive.current_scores(competition_id)
    result = score(rubric, entries, scores.drop(columns="upload_id"), lang=lang)
    if not result.ok:
        raise ProblemsError(result.problems)
    uploads = [int(i) for i in scores["upload_id"].unique()]
    if archive.competition(competition_id).is_published:
        revision = archive.correct(competition_id, result.to_json(lang), reason, by,
                                   upload_ids=uploads)
    else:
        revision = archive.publish(competition_id, result.to_json(lang), by, upload_ids=uploads)
    return revision, result
