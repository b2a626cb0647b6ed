"""The organisers' workflow over the archive: submit sheets, publish, correct; the sample's
three years; the archive's CLI commands."""

from __future__ import annotations

import json

import pytest

from scoring.cli import main
from scoring.entries import load_entries
from scoring.problems import ProblemsError
from scoring.rubric import load_rubric
from scoring.sheets.template_fill import fill_template, template_cells
from scoring.store import most_improved, open_archive, standings_by_year
from scoring.store.settings import mark_demo
from scoring.workspace.publishing import current_result, publish_current, submit
from scoring.workspace.sample import ENTRIES, RUBRIC, SHEETS, seed_sample


def sample_files() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(SHEETS.glob("*.xlsx"))]


@pytest.fixture
def competition(archive):
    rubric, entries = load_rubric(RUBRIC), load_entries(ENTRIES)
    cid = archive.create_competition(rubric.title, 2026, RUBRIC.read_text("utf-8"),
                                     rubric.fingerprint, entries.to_csv(), "test")
    return cid, rubric, entries


def test_submit_publish_and_correct(archive, competition) -> None:
    cid, rubric, entries = competition
    files = sample_files()
    done = submit(archive, cid, files, rubric, entries, "panitia")
    assert [d.receipt.status for d in done] == ["new"] * 5
    revision, result = publish_current(archive, cid, "panitia")
    assert revision == 1 and result.ok
    first = json.loads(archive.results(cid).result_json)
    top = first["categories"]["OPD"][0]
    assert top["name"] == "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"

    # a judge sends a corrected sheet: stored as a new version, the published result unchanged
    _, data = files[1]  # the lenient judge, whose high total the trimmed mean dropped
    cell = {k: v for k, v in template_cells(data).items() if k[0] == "opd-bkpsdm"}
    corrected = fill_template(data, {key: 0 for key in cell})
    [again] = submit(archive, cid, [("juri_2_perbaikan.xlsx", corrected)], rubric, entries)
    assert again.receipt.status == "new_version"
    assert json.loads(archive.results(cid).result_json) == first

    with pytest.raises(ProblemsError):
        publish_current(archive, cid, "panitia")  # a correction needs a reason
    revision, corrected_result = publish_current(archive, cid, "panitia",
                                                 reason="Juri 2 memperbaiki nilai BKPSDM")
    assert revision == 2
    assert json.loads(archive.results(cid, revision=1).result_json) == first
    rows = corrected_result.standings.set_index("entry_id")
    # judge 2's total for BKPSDM was the highest and is now 0, the lowest: the trimmed mean
    # drops it either way, but the judges it keeps change, so the panel total changes
    assert rows.loc["opd-bkpsdm", "total"] != top["total"]
    assert current_result(archive, cid).fingerprint == corrected_result.fingerprint


def test_a_refused_file_is_kept_and_blocks_nothing_else(archive, competition) -> None:
    cid, rubric, entries = competition
    [garbage] = submit(archive, cid, [("rusak.xlsx", b"not a workbook")], rubric, entries)
    assert garbage.receipt.status == "rejected"
    assert any(p.is_error for p in garbage.problems)
    assert archive.upload_bytes(garbage.receipt.upload_id) == b"not a workbook"


def test_the_sample_archive_has_three_years_and_a_rename(archive) -> None:
    with pytest.raises(ProblemsError) as refused:
        seed_sample(archive)  # not marked as the demo: a real archive never gets the sample
    assert [p.code for p in refused.value.problems] == ["store.not_demo"]
    mark_demo(archive)
    assert seed_sample(archive) is True
    assert seed_sample(archive) is False  # only into an empty archive
    years = sorted(archive.competitions()["year"])
    assert years == [2024, 2025, 2026]
    standings = standings_by_year(archive, category="OPD")
    archive_agency = standings[standings["group_id"] == "opd-dinarpus"]
    assert list(archive_agency["year"]) == [2024, 2025, 2026]
    assert list(archive_agency["recorded_ids"]) == ["opd-kantor-arpus", "opd-dinarpus",
                                                    "opd-dinarpus"]
    assert len(most_improved(archive, top=3)) == 3


def test_cli_archive_commands(db_url, tmp_path, capsys) -> None:
    assert main(["--lang", "en", "seed-sample", "--db", db_url]) == 0
    assert "three sample years" in capsys.readouterr().out
    assert main(["history", "--db", db_url, "--json", "--entry", "opd-dinarpus"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["year"] for r in rows] == [2024, 2025, 2026]
    past = tmp_path / "hasil_2023.csv"
    past.write_text("peringkat,peserta,nilai,penghargaan\n1,Kelurahan Medono,80,Juara I\n"
                    "2,Kelurahan Tirto,75,Juara II\n", encoding="utf-8")
    assert main(["--lang", "en", "import-results", str(past), "--year", "2023",
                 "--category", "KEL", "--db", db_url]) == 0
    assert "2 entries of 2023 imported" in capsys.readouterr().out
    assert main(["history", "--db", db_url, "--category", "KEL"]) == 0
    table = capsys.readouterr().out
    assert "2023" in table and "Kelurahan Medono" in table
    unknown = tmp_path / "bad.csv"
    unknown.write_text("peringkat,peserta\n1,Kelurahan Atlantis\n", encoding="utf-8")
    assert main(["import-results", str(unknown), "--year", "2022", "--db", db_url]) == 1


def test_cli_publish_then_correct_with_a_reason(db_url, tmp_path, capsys) -> None:
    sheets = [str(p) for p in sorted(SHEETS.glob("*.xlsx"))]
    command = ["--lang", "en", "publish", "--db", db_url, "--rubric", str(RUBRIC),
               "--entries", str(ENTRIES), *sheets]
    assert main([*command, "--by", "Panitia"]) == 0
    out = capsys.readouterr().out
    assert out.count("— stored") == 5 and "published as revision 1" in out
    # a published result is corrected only with a reason; nothing is stored without one
    assert main([*command, "--by", "Panitia"]) == 1
    assert "only be made as a correction with a reason" in capsys.readouterr().err
    # the same five files again: recognised (not stored twice), and a correction identical
    # to revision 1 is refused as no change
    assert main([*command, "--by", "Panitia", "--reason", "Juri 2 memperbaiki nilai"]) == 1
    assert "nothing changes" in capsys.readouterr().err
    with open_archive(db_url) as archive:
        assert len(archive.uploads(1)) == 5
    # judge 2 corrects BKPSDM's marks to 0: that changes the result, so it is revision 2
    path = sorted(SHEETS.glob("*.xlsx"))[1]
    cells = {k: 0 for k in template_cells(path.read_bytes()) if k[0] == "opd-bkpsdm"}
    fixed = tmp_path / path.name
    fixed.write_bytes(fill_template(path.read_bytes(), cells))
    assert main([*command[:-5], str(fixed), "--by", "Panitia", "--reason", "Juri 2"]) == 0
    out = capsys.readouterr().out
    assert "stored as a new version" in out and "published as revision 2" in out
    # a file the readers refuse is kept, nothing is published, and the command exits 1
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"not a workbook")
    assert main([*command[:-5], str(broken), "--by", "Panitia", "--reason", "lagi"]) == 1
    out, err = capsys.readouterr()
    assert "kept but not used" in out and "1 file(s) rejected" in err
    with open_archive(db_url) as archive:
        assert archive.revisions(1)["revision"].tolist() == [1, 2]
    # who publishes is recorded, so it must be given
    assert main(command) == 1
    assert "Fill in who publishes" in capsys.readouterr().err
    # a sheet that cannot be read is a problem naming it, not a traceback
    assert main([*command[:-5], str(tmp_path / "hilang.xlsx"), "--by", "Panitia"]) == 1
    assert "The file cannot be read" in capsys.readouterr().err
