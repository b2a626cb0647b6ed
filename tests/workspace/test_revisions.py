"""The revision diff (scoring.workspace.revisions) on a hand-built competition, and its CLI.

The poster rubric weighs points: a PELAJAR total is 3·ide + 2·desain + 3·dampak + 1·kerapian
(kerapian at most 5), an UMUM total 3·ide + 2·desain + 3·dampak; the panel is the median of
the judges. Each sheet below gives one mark per entry in every cell.
"""
# ruff: noqa: F811 - pytest fixtures imported from .shared are parameters here

from __future__ import annotations

import json

import pytest

from scoring.cli import main
from scoring.entries import parse_entries
from scoring.problems import ProblemsError
from scoring.rubric import parse_rubric
from scoring.sheets import fill_template, template_cells, write_template
from scoring.store import open_archive
from scoring.workspace import release
from scoring.workspace.access import PUBLIC_ACTOR, AccessRefusedError
from scoring.workspace.revisions import revision_diff

from .shared import ENTRIES_CSV, ORGANISER, RUBRIC_TEXT, archive, backend, db_url  # noqa: F401


def sheet(judge: str, marks: dict[str, float]) -> bytes:
    """The template with ``marks[entry]`` in every cell of that entry (kerapian capped at 5)."""
    rubric, _ = parse_rubric(RUBRIC_TEXT, "rubric")
    entries, _ = parse_entries(ENTRIES_CSV, "entries")
    template = write_template(rubric, entries, judge=judge)
    scale = {c.id: c.scale.max for c in rubric.criteria}
    cells = {key: min(marks[key[0]], scale[key[1]]) for key in template_cells(template)}
    return fill_template(template, cells, judge=judge)


# revision 1: Budi alone.      sma1 8: 24+16+24+5 = 69   smp2 6: 18+12+18+5 = 53
#                              dinkes 7: 21+14+21 = 56   disdik 9: 27+18+27 = 72
# revision 2: Budi's new sheet swaps sma1 and smp2, and Sari (same marks as Budi's new sheet)
# joins: the median of two equal totals is that total, so sma1 53, smp2 69; UMUM unchanged.
BUDI_1 = {"sma1": 8, "smp2": 6, "dinkes": 7, "disdik": 9}
BUDI_2 = {"sma1": 6, "smp2": 8, "dinkes": 7, "disdik": 9}


@pytest.fixture
def corrected(archive) -> int:
    first = release.publish_files(archive, ORGANISER, RUBRIC_TEXT, ENTRIES_CSV,
                                  [("budi.xlsx", sheet("Budi", BUDI_1))])
    assert first.revision == 1
    second = release.publish_files(archive, ORGANISER, RUBRIC_TEXT, ENTRIES_CSV,
                                   [("budi-2.xlsx", sheet("Budi", BUDI_2)),
                                    ("sari.xlsx", sheet("Sari", BUDI_2))],
                                   reason="Budi tertukar baris")
    assert second.revision == 2
    return first.competition_id


def test_places_totals_and_files_between_two_revisions(archive, corrected):
    diff = revision_diff(archive, ORGANISER, corrected, 1, 2)
    rows = diff.entries.set_index("entry_id")
    assert rows.loc["sma1", ["rank_old", "rank_new", "moved"]].tolist() == [1, 2, -1]
    assert rows.loc["smp2", ["rank_old", "rank_new", "moved"]].tolist() == [2, 1, 1]
    assert rows.loc["sma1", ["total_old", "total_new"]].tolist() == [69, 53]
    assert rows.loc["smp2", ["total_old", "total_new"]].tolist() == [53, 69]
    # bands: Perak from 60, Perunggu from 45
    assert rows.loc["sma1", ["award_old", "award_new"]].tolist() == ["Perak", "Perunggu"]
    assert rows.loc["disdik", ["rank_old", "rank_new", "total_old", "total_new"]].tolist() \
        == [1, 1, 72, 72]
    assert sorted(diff.places_changed["entry_id"]) == ["sma1", "smp2"]
    assert sorted(diff.totals_changed["entry_id"]) == ["sma1", "smp2"]
    files = diff.files.set_index("judge")
    assert files.loc["Budi", ["change", "old_version", "new_version"]].tolist() == \
        ["replaced", 1, 2]
    assert files.loc["Budi", ["old_filename", "new_filename"]].tolist() == \
        ["budi.xlsx", "budi-2.xlsx"]
    assert files.loc["Sari", "change"] == "added" and files.loc["Sari", "new_version"] == 1
    assert diff.summary("en") == ("Revision 1 → 2: 2 entries changed place, 2 totals "
                                  "changed, 2 judges' files changed")
    # backwards, Sari's file is one the older revision did not count
    back = revision_diff(archive, ORGANISER, corrected, 2, 1)
    assert back.files.set_index("judge").loc["Sari", "change"] == "removed"
    assert back.entries.set_index("entry_id").loc["sma1", "moved"] == 1


def test_the_frames_for_pages_are_labelled_and_written_the_indonesian_way(archive, corrected):
    diff = revision_diff(archive, ORGANISER, corrected, 1, 2)
    entries = diff.entries_frame("id")
    # only the entries whose place, total or award changed
    assert entries["Peserta"].tolist() == ["SMP Negeri 2", "SMA Negeri 1"]
    assert entries["Nilai rev. 1"].tolist() == ["53,00", "69,00"]
    assert entries["Pindah tempat"].tolist() == ["+1", "-1"]
    files = diff.files_frame("en")
    assert files["Change"].tolist() == ["file replaced", "file added"]
    assert files["File rev. 1"].tolist() == ["budi.xlsx (version 1)", ""]


def test_the_same_revision_has_no_changes_and_others_are_refused(archive, corrected):
    assert revision_diff(archive, ORGANISER, corrected, 2, 2).unchanged
    with pytest.raises(ProblemsError) as unknown:
        revision_diff(archive, ORGANISER, corrected, 1, 3)
    assert [p.code for p in unknown.value.problems] == ["revisions.unknown_revision"]
    with pytest.raises(AccessRefusedError):
        revision_diff(archive, PUBLIC_ACTOR, corrected, 1, 2)


def test_cli_diff_prints_json(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'juri.db'}"
    with open_archive(db) as opened:
        release.publish_files(opened, ORGANISER, RUBRIC_TEXT, ENTRIES_CSV,
                              [("budi.xlsx", sheet("Budi", BUDI_1))])
        release.publish_files(opened, ORGANISER, RUBRIC_TEXT, ENTRIES_CSV,
                              [("budi-2.xlsx", sheet("Budi", BUDI_2))], reason="tertukar")
    assert main(["workspace", "diff", "--db", db, "--json", "--competition", "1",
                 "--from", "1", "--to", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["from"], out["to"]) == (1, 2)
    moved = {row["entry_id"]: (row["rank_old"], row["rank_new"], row["total_new"])
             for row in out["places_changed"]}
    assert moved == {"sma1": (1, 2, 53), "smp2": (2, 1, 69)}
    assert [(f["judge"], f["change"]) for f in out["files"]] == [("Budi", "replaced")]
    assert main(["--lang", "en", "workspace", "diff", "--db", db, "--competition", "1",
                 "--from", "1", "--to", "7"]) == 1
    assert "has no revision 7" in capsys.readouterr().err
