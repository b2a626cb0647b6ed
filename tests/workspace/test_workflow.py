"""Conflicts of interest, the submission board, final submissions, corrections, drafts."""
# ruff: noqa: F811 - pytest fixtures imported from .shared are parameters here

from __future__ import annotations

import io

import openpyxl
import pytest

from scoring.problems import ProblemsError
from scoring.workspace import assignments, board, judging, release
from scoring.workspace.access import AccessRefusedError
from scoring.workspace.audit import audit_log

from .shared import ORGANISER, archive, backend, competition, db_url, filled_sheet  # noqa: F401

TITLE, YEAR = "Lomba Poster Inovasi Pelayanan Publik", 2026


def test_a_conflicted_judge_gets_no_cells_and_no_marks_for_their_own_agency(archive,
                                                                            competition):
    dini = assignments.add_judge(archive, ORGANISER, competition, "Dini", "Dinas Kesehatan")
    mine = assignments.judge_entries(archive, ORGANISER, dini)
    assert [e.id for e in mine.conflicted] == ["dinkes"]
    assert [e.id for e in mine.assigned] == ["sma1", "smp2", "disdik"]
    template = openpyxl.load_workbook(io.BytesIO(
        assignments.judge_template(archive, ORGANISER, dini)))
    cells = {str(c.value) for ws in template for row in ws.iter_rows() for c in row}
    assert "Dinas Pendidikan" in cells and "Dinas Kesehatan" not in cells
    # a sheet with marks for every entry: the dinkes marks are refused, the rest count
    done = judging.upload_sheet(archive, ORGANISER, dini, "dini.xlsx", filled_sheet("Dini"))
    refused = [p for p in done.problems if p.code == "access.mark.conflicted"]
    assert [p.params["entry"] for p in refused] == ["dinkes"]
    # 2 schools x 4 criteria + 1 agency x 3 criteria = 11 marks kept, dinkes' 3 refused
    assert done.receipt.status == "new" and done.receipt.score_count == 2 * 4 + 1 * 3
    actions = list(audit_log(archive, ORGANISER, competition)["action"])
    assert actions[-2:] == ["upload", "mark.excluded"]


def test_assignments_limit_the_entries_and_the_board_shows_who_is_missing(archive,
                                                                         competition):
    budi = assignments.add_judge(archive, ORGANISER, competition, "Budi")
    sari = assignments.add_judge(archive, ORGANISER, competition, "Sari")
    assignments.add_judge(archive, ORGANISER, competition, "Tono")
    assert assignments.assign(archive, ORGANISER, sari, category="PELAJAR")
    assert not assignments.assign(archive, ORGANISER, sari, category="PELAJAR")
    with pytest.raises(AccessRefusedError):
        assignments.assign(archive, ORGANISER, sari, entry_id="nope")
    judging.upload_sheet(archive, ORGANISER, budi, "budi.xlsx",
                         filled_sheet("Budi", only={"sma1", "smp2", "dinkes"}))
    judging.upload_sheet(archive, ORGANISER, sari, "sari.xlsx", filled_sheet("Sari"))
    judging.mark_final(archive, ORGANISER, sari)
    found = board.board(archive, ORGANISER, competition, lang="en")
    by_judge = found.judges.set_index("judge")
    assert by_judge.loc["Budi", "status"] == "problems"
    assert by_judge.loc["Budi", "missing_entries"] == "disdik"
    assert by_judge.loc["Sari", "status"] == "final"       # PELAJAR only, both scored
    assert by_judge.loc["Tono", "status"] == "not_started"
    assert by_judge.loc["Tono", "missing"] == 4
    assert by_judge.loc["Budi", "last_upload"].endswith(" WIB")
    # expected: schools by Budi, Sari, Tono = 3; agencies by Budi and Tono = 2
    entries = found.entries.set_index("entry_id")
    assert entries["expected"].to_dict() == {"sma1": 3, "smp2": 3, "dinkes": 2, "disdik": 2}
    # scored: schools by Budi and Sari = 2; dinkes by Budi = 1; disdik by nobody
    assert entries["scored"].to_dict() == {"sma1": 2, "smp2": 2, "dinkes": 1, "disdik": 0}
    sheets = openpyxl.load_workbook(io.BytesIO(board.board_xlsx(found))).sheetnames
    assert sheets == ["judges", "entries"]


def test_a_correction_needs_a_change_and_a_reason_and_records_its_own_uploads(archive,
                                                                             competition):
    budi = assignments.add_judge(archive, ORGANISER, competition, "Budi")
    judging.upload_sheet(archive, ORGANISER, budi, "budi.xlsx", filled_sheet("Budi", 8))
    first = release.publish(archive, ORGANISER, competition, confirm_title=TITLE,
                            confirm_year=YEAR)
    assert first.revision == 1
    with pytest.raises(ProblemsError) as published:
        release.delete_draft(archive, ORGANISER, competition)
    assert [p.code for p in published.value.problems] == ["access.release.not_draft"]
    with pytest.raises(ProblemsError) as unchanged:
        release.correct(archive, ORGANISER, competition, "ulang")
    assert [p.code for p in unchanged.value.problems] == ["access.release.no_change"]
    second_upload = judging.upload_sheet(archive, ORGANISER, budi, "budi2.xlsx",
                                         filled_sheet("Budi", 9)).receipt.upload_id
    with pytest.raises(ProblemsError) as no_reason:
        release.correct(archive, ORGANISER, competition, "  ")
    assert [p.code for p in no_reason.value.problems] == ["store.reason_required"]
    second = release.correct(archive, ORGANISER, competition, "nilai Budi diperbaiki")
    assert (second.revision, second.upload_ids) == (2, (second_upload,))
    shown = release.released_results(archive, ORGANISER, competition)
    assert (shown.revision, shown.corrected, shown.reason) == (2, True, "nilai Budi diperbaiki")
    # SMA 1 with 9 everywhere (kerapian capped at 5): 3*9 + 2*9 + 3*9 + 1*5 = 77
    sma1 = shown.table.set_index("name").loc["SMA Negeri 1"]
    assert sma1["total"] == 77


def test_a_draft_can_be_deleted_and_the_deletion_is_logged(archive, competition):
    budi = assignments.add_judge(archive, ORGANISER, competition, "Budi")
    judging.upload_sheet(archive, ORGANISER, budi, "budi.xlsx", filled_sheet("Budi"))
    assert release.delete_draft(archive, ORGANISER, competition) == TITLE
    assert competition not in set(archive.competitions()["competition_id"])
    assert list(audit_log(archive, ORGANISER, competition)["action"])[-1] == "draft.deleted"
