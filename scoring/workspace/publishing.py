"""From judges' files to a published result in the archive: the organisers' workflow.

Words used here:
- *submit*: keep each file in the archive exactly as it came, with the scores read from it
  (a file the readers refuse is kept too, as a rejected upload, with its problems);
- *publish*: score the competition from the judges' current uploads and freeze that result as
  revision 1; a later change is a *correction*: a new revision with a reason, the earlier one
  still readable.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from scoring import sheets
from scoring.entries import Entries, parse_entries
from scoring.identity import judge_key, judge_keys
from scoring.pipeline import score
from scoring.problems import Problem, ProblemsError, error
from scoring.result import Result
from scoring.rubric import Rubric, parse_rubric
from scoring.store.archive import Archive, UploadReceipt
from scoring.store.errors import StoreRefusedError


@dataclass(frozen=True)
class Submission:
    filename: str
    receipt: UploadReceipt
    problems: tuple[Problem, ...]
    """What the readers found in the file (the receipt holds the archive's own remarks)."""


def submit(archive: Archive, competition_id: int, files: Iterable[tuple[str, bytes]],
           rubric: Rubric, entries: Entries, uploader: str = "", *,
           mappings: Sequence[sheets.Mapping] = ()) -> list[Submission]:
    """Read and keep each ``(filename, bytes)``; one transaction per file and judge.

    A workbook that holds several judges (a sheet per judge) is kept once for each of them,
    with that judge's scores, so that each judge's uploads stay one line of versions.
    ``mappings``: confirmed mappings of judges' own workbooks; a file is read by the first
    that applies to its name (:meth:`scoring.sheets.Mapping.applies_to`), else by detection.
    """
    done = []
    for filename, data in files:
        mapping = next((m for m in mappings if m.applies_to(filename)), None)
        read = sheets.read_file(data, filename, rubric, entries, mapping=mapping)
        judges = [name for name, _, _ in sheets.judges_in(read) if name]
        if not judges:
            # a file whose judge cannot be read is still kept, under its file name
            judges = [f"? {filename}"]
        for judge in judges:
            scores = read.table
            if len(judges) > 1:
                scores = scores[judge_keys(scores["judge_id"]) == judge_key(judge)]
            receipt = archive.store_upload(competition_id, filename, data, judge, uploader,
                                           scores, read.problems)
            done.append(Submission(filename, receipt, tuple(read.problems)))
    return done


def competition_inputs(archive: Archive, competition_id: int) -> tuple[Rubric, Entries]:
    """The rubric and entries list stored with a competition."""
    competition = archive.competition(competition_id)
    return _parsed_inputs(competition.rubric_text, competition.entries_csv, competition_id)


@lru_cache(maxsize=16)
def _parsed_inputs(rubric_text: str, entries_csv: str, competition_id: int
                   ) -> tuple[Rubric, Entries]:
    """The stored texts parsed, once per distinct text (both results are immutable): every
    judge's upload needs them, and a national entries list takes a while to parse."""
    rubric, problems = parse_rubric(rubric_text, f"competition {competition_id}")
    entries, more = parse_entries(entries_csv, f"competition {competition_id}")
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


# --- the app's "publish this competition" ------------------------------------------------------


@dataclass(frozen=True)
class PublishReport:
    """What :func:`publish_files` did: the competition (``created`` when it was new to the
    archive), each file's submission and the revision published."""

    competition_id: int
    created: bool
    revision: int
    submissions: tuple[Submission, ...]
    result: Result

    def count(self, status: str) -> int:
        return sum(1 for s in self.submissions if s.receipt.status == status)


def competition_year(rubric: Rubric) -> int:
    """The competition's year: the rubric's ``year``, else its ``date``'s, else this year."""
    if rubric.year:
        return int(rubric.year)
    if rubric.date is not None:
        return rubric.date.year
    return datetime.date.today().year


def find_competition(archive: Archive, rubric: Rubric, entries: Entries) -> int | None:
    """The newest competition made by the tool with this rubric (same title, year and
    fingerprint) and this entries list; None when the archive has none."""
    found = archive.competitions()
    same = found[(found["origin"] == "tool")
                 & (found["rubric_fingerprint"] == rubric.fingerprint)
                 & (found["title"] == " ".join(rubric.title.split()))
                 & (found["year"] == competition_year(rubric))]
    entries_csv = entries.to_csv()
    for competition_id in sorted(same["competition_id"], reverse=True):
        if archive.competition(int(competition_id)).entries_csv == entries_csv:
            return int(competition_id)
    return None


def publish_files(archive: Archive, rubric_text: str, rubric: Rubric, entries: Entries,
                  files: Iterable[tuple[str, bytes]], by: str, reason: str = "",
                  lang: str = "id", *, mappings: Sequence[sheets.Mapping] = ()
                  ) -> PublishReport:
    """Publish a competition as the app holds it (rubric text, entries, judges' files).

    The competition is found in the archive (:func:`find_competition`) or created as a draft;
    each file is kept exactly as it came (:func:`submit`, reading judges' own workbooks by
    their confirmed ``mappings``): a re-upload is a new version, the same bytes again are
    recognised. Then the result of the judges' current uploads is published or, when the
    competition is published already, added as a correction with ``reason``.

    Refused before anything is stored (:class:`StoreRefusedError`) when ``by`` is empty or a
    correction has no reason; :class:`ProblemsError` when errors block the result (the files
    are kept then, and the competition stays a draft).
    """
    by, reason = " ".join(by.split()), " ".join(reason.split())
    if not by:
        raise StoreRefusedError([error("store.publisher_required")])
    competition_id = find_competition(archive, rubric, entries)
    if competition_id is not None:
        existing = archive.competition(competition_id)
        if existing.is_published and not reason:
            raise StoreRefusedError([error("store.reason_required", title=existing.title)])
    created = competition_id is None
    if competition_id is None:
        competition_id = archive.create_competition(
            rubric.title, competition_year(rubric), rubric_text, rubric.fingerprint,
            entries.to_csv(), by)
    submissions = submit(archive, competition_id, files, rubric, entries, by,
                         mappings=mappings)
    revision, result = publish_current(archive, competition_id, by, reason, lang)
    return PublishReport(competition_id, created, revision, tuple(submissions), result)
