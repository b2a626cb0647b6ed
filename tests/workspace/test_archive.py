"""The archive as the app uses it (scoring.workspace.archive, publishing.publish_files, and the
History and Archive pages' models), on SQLite and on PostgreSQL: opening (and seeding) without
exceptions, the history rows under today's names, and publishing the app's competition."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.entries import load_entries
from scoring.problems import ProblemsError
from scoring.rubric import load_rubric
from scoring.store import StoreRefusedError, import_past_results, open_archive
from scoring.store.settings import mark_demo
from scoring.workspace import archive as records
from scoring.workspace.publishing import find_competition, publish_files
from ui.views import archive as archive_view
from ui.views import history as history_view

ROOT = Path(__file__).resolve().parents[2]
HISTORY = ROOT / "data" / "samples" / "history"
RUBRIC = ROOT / "rubrics" / "budaya_kerja_tulta.yaml"
ENTRIES = ROOT / "data" / "entries_pekalongan_sample.csv"
SHEETS = sorted((ROOT / "data" / "samples" / "budaya_kerja_2026").glob("*.xlsx"))


# An empty archive is no longer seeded by open_for_app: the sample goes only into the demo
# database, loaded once (tests/workspace/test_demo.py, which also opens a fresh real database
# the way the app does and finds no sample in it).


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://juri:rahasia@127.0.0.1:1/juri?connect_timeout=2",
    "bukan-alamat",
    "mysql://juri@localhost/juri",
])
def test_an_archive_that_cannot_be_opened_is_reported_not_raised(url: str) -> None:
    opened = records.open_for_app(url)
    assert not opened.ok
    assert opened.problem == "app.archive.unavailable"
    assert "rahasia" not in opened.location


def test_history_rows_follow_the_rename(archive) -> None:
    from scoring.workspace.sample import seed_sample

    mark_demo(archive)  # the sample goes only into a database marked as the demo
    seed_sample(archive)
    frame = records.history(archive, category="OPD")
    archive_agency = frame[frame["group_id"] == "opd-dinarpus"].set_index("year")
    assert list(archive_agency.index) == [2024, 2025, 2026]
    assert set(archive_agency["name"]) == {"Dinas Arsip dan Perpustakaan Daerah"}
    assert archive_agency.loc[2024, "names_then"] == "Kantor Perpustakaan dan Arsip Daerah"
    assert archive_agency.loc[2025, "names_then"] == ""
    assert int(archive_agency.loc[2024, "rank"]) == 12
    table, ranks, totals = history_view.history_table(frame, "id")
    assert ranks == ["Peringkat 2024", "Peringkat 2025", "Peringkat 2026"]
    assert totals == ["Nilai 2024", "Nilai 2025", "Nilai 2026"]
    assert len(table) == frame["group_id"].nunique() == 31
    assert history_view.year_pairs(frame) == [(2025, 2026), (2024, 2025)]


def _past_only(archive) -> None:
    archive.register_entries(load_entries(HISTORY / "entries_2024.csv").items, 2024)
    path = HISTORY / "hasil_2024.csv"
    assert import_past_results(archive, path.read_bytes(), path.name, year=2024,
                               title="Lomba 2024", imported_by="uji").ok


def test_publish_files_creates_publishes_and_corrects(archive) -> None:
    _past_only(archive)
    rubric, entries = load_rubric(RUBRIC), load_entries(ENTRIES)
    files = [(p.name, p.read_bytes()) for p in SHEETS]
    text = RUBRIC.read_text("utf-8")
    with pytest.raises(StoreRefusedError) as refused:
        publish_files(archive, text, rubric, entries, files, by=" ")
    assert [p.code for p in refused.value.problems] == ["store.publisher_required"]
    assert len(archive.competitions()) == 1  # nothing stored

    report = publish_files(archive, text, rubric, entries, files, by="Panitia")
    assert report.created and report.revision == 1 and report.count("new") == 5
    assert find_competition(archive, rubric, entries) == report.competition_id
    assert archive.competition(report.competition_id).is_published

    uploads_before = len(archive.uploads(report.competition_id))
    with pytest.raises(StoreRefusedError) as refused:
        publish_files(archive, text, rubric, entries, files, by="Panitia", reason="  ")
    assert [p.code for p in refused.value.problems] == ["store.reason_required"]
    assert len(archive.uploads(report.competition_id)) == uploads_before

    again = publish_files(archive, text, rubric, entries, files, by="Panitia",
                          reason="Juri 2 memperbaiki nilai")
    assert not again.created and again.competition_id == report.competition_id
    assert again.revision == 2 and again.count("duplicate") == 5
    assert list(archive.revisions(report.competition_id)["reason"]) == [
        "", "Juri 2 memperbaiki nilai"]
    assert archive.results(report.competition_id, 1) is not None  # both stay readable


def test_publish_files_with_blocking_errors_keeps_the_files(archive) -> None:
    rubric, entries = load_rubric(RUBRIC), load_entries(ENTRIES)
    files = [("sampah.xlsx", b"not a workbook")]
    with pytest.raises(ProblemsError):
        publish_files(archive, RUBRIC.read_text("utf-8"), rubric, entries, files, by="Panitia")
    competition_id = find_competition(archive, rubric, entries)
    assert competition_id is not None
    assert not archive.competition(competition_id).is_published
    uploads = archive.uploads(competition_id)
    assert list(uploads["status"]) == ["rejected"]  # kept, as it came
    assert archive.upload_bytes(int(uploads["upload_id"].iloc[0])) == b"not a workbook"


def test_views_over_an_open_archive(tmp_path) -> None:
    with open_archive(f"sqlite:///{tmp_path / 'a.db'}") as archive:
        from scoring.workspace.sample import seed_sample

        mark_demo(archive)
        seed_sample(archive)
        labels = records.category_labels(archive, "en")
        assert set(labels) == {"OPD", "KEL"}
        assert list(archive_view.competitions_table(archive, "id")["Tahun"]) == ["2026", "2025",
                                                                          "2024"]
        options = archive_view.upload_options(archive, 3, "id")
        assert len(options) == 5
        assert all(" · versi 1 · juri_" in label for label in options.values())
        assert archive_view.format_timestamp("2026-12-01T18:37:05.123456+00:00", "id") == (
            "1 Desember 2026 pukul 18.37 UTC")
        assert archive_view.format_timestamp("2026-12-01T18:37:05.123456+00:00", "en") == (
            "1 December 2026 at 18:37 UTC")


def test_submit_reads_each_file_by_its_confirmed_mapping(archive, monkeypatch) -> None:
    """The app's confirmed mappings of judges' own workbooks reach the reader, per file."""
    from scoring import sheets
    from scoring.workspace import publishing

    class OnlyFor:
        """A stand-in for a confirmed mapping of one file (read by detection anyway)."""

        def __init__(self, name: str) -> None:
            self.name = name

        def applies_to(self, filename: str) -> bool:
            return filename == self.name

    used: dict[str, object] = {}
    real = sheets.read_file

    def reading(data, filename, rubric, entries, *, mapping=None):
        used[filename] = mapping
        return real(data, filename, rubric, entries)

    monkeypatch.setattr(sheets, "read_file", reading)
    rubric, entries = load_rubric(RUBRIC), load_entries(ENTRIES)
    competition_id = archive.create_competition("Lomba", 2026, RUBRIC.read_text("utf-8"),
                                                rubric.fingerprint, entries.to_csv())
    mine = OnlyFor("juri_1.xlsx")
    done = publishing.submit(archive, competition_id,
                             [(p.name, p.read_bytes()) for p in SHEETS[:2]], rubric, entries,
                             "uji", mappings=[mine])
    assert used == {"juri_1.xlsx": mine, "juri_2.xlsx": None}
    assert [d.receipt.status for d in done] == ["new", "new"]


def test_previous_results_are_the_latest_earlier_year_through_renames(archive) -> None:
    from scoring.workspace.sample import seed_sample

    mark_demo(archive)
    seed_sample(archive)  # 2024 and 2025 imported from data/samples/history, 2026 scored
    found = records.previous_results(archive, 2026, ["kel-bandengan", "opd-dinarpus", "nobody"])
    # hasil_2025.csv: "4,Kelurahan Bandengan,83.9,Harapan I,KEL"
    assert found["kel-bandengan"] == (2025, 4, 83.9)
    assert "nobody" not in found
    # before 2025 only 2024 counts: hasil_2024.csv "1,Kelurahan Bandengan,89.89,Juara I,KEL"
    assert records.previous_results(archive, 2025, ["kel-bandengan"]) == {
        "kel-bandengan": (2024, 1, 89.89)}
    # hasil_2024.csv "12,Kantor Perpustakaan dan Arsip Daerah,69.33", renamed to
    # opd-dinarpus in 2025 (lineage.csv): followed back through the rename
    assert records.previous_results(archive, 2025, ["opd-dinarpus"])["opd-dinarpus"][:2] == (
        2024, 12)


def test_a_feedback_report_says_the_change_since_last_year(archive) -> None:
    import io

    from pypdf import PdfReader

    from scoring.documents import build
    from scoring.workspace import session
    from scoring.workspace.sample import seed_sample

    mark_demo(archive)
    seed_sample(archive)
    result = session.run_competition(session.sample_competition()).result
    previous = records.previous_results(archive, 2026, ["kel-bandengan"])
    _, data, _ = build("feedback", result, fmt="pdf", entry_id="kel-bandengan",
                       previous=previous)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    rank = int(result.standings.set_index("entry_id").loc["kel-bandengan", "rank"])
    # 2025: rank 4, total 83.9 (hasil_2025.csv), shown the Indonesian way
    assert f"Dibanding 2025: peringkat 4 → {rank}, nilai 83,90" in text
