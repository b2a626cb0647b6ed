"""The Archive (Arsip) page through AppTest: the competitions in the archive, publishing the
session's competition and correcting it with a reason, every judge's upload with its version,
time and sha256, and the exact bytes back."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from scoring.entries import load_entries
from scoring.i18n import t
from scoring.sheets import fill_template, template_cells, write_template
from scoring.store import import_past_results, open_archive
from scoring.workspace import session
from scoring.workspace.accounts import create_organiser
from tests.ui.conftest import assert_clean, frames_with, shows

ROOT = Path(__file__).resolve().parents[2]
HISTORY = ROOT / "data" / "samples" / "history"
PAGE = "ui/archive.py"
SAMPLE_FILES = sorted((ROOT / "data" / "samples" / "budaya_kerja_2026").glob("*.xlsx"))


def _frame(at, column_key: str, lang: str = "id") -> pd.DataFrame | None:
    column = t(column_key, lang) if "." in column_key else column_key
    found = frames_with(at, column)
    return found[0] if found else None


def _competitions(at) -> pd.DataFrame:
    return _frame(at, "app.archive.col.origin")


def _uploads(at) -> pd.DataFrame:
    return _frame(at, "sha256")


def _revisions(at) -> pd.DataFrame | None:
    return _frame(at, "app.archive.col.reason")


@pytest.fixture
def past_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """An archive holding only the 2024 results (so the app does not seed the sample, and the
    session's 2026 competition is new to it)."""
    url = f"sqlite:///{tmp_path / 'past.db'}"
    with open_archive(url) as archive:
        archive.register_entries(load_entries(HISTORY / "entries_2024.csv").items, 2024)
        path = HISTORY / "hasil_2024.csv"
        report = import_past_results(archive, path.read_bytes(), path.name, year=2024,
                                     title="Lomba Budaya Kerja 2024", imported_by="uji")
        assert report.ok
        create_organiser(archive, "panitia", "kata-sandi-uji-panjang")
    monkeypatch.setenv("JURI_DATABASE_URL", url)
    return url


def _publish(at, by: str = "Panitia Uji", reason: str | None = None) -> None:
    at.text_input(key="archive_by").set_value(by)
    if reason is not None:
        at.text_area(key="archive_reason").set_value(reason)
    at.button(key="archive_publish").click().run()
    assert_clean(at)


def test_the_seeded_archive_is_listed_with_its_uploads(app, downloads) -> None:
    at = app(PAGE)
    assert at.title[0].value == t("app.archive.title", "id")
    competitions = _competitions(at)
    assert list(competitions[t("app.history.year", "id")]) == ["2026", "2025", "2024"]
    assert set(competitions[t("app.archive.col.status", "id")]) == {
        t("app.archive.status.published", "id")}
    # the session's competition (the sample) is the 2026 one, chosen by default
    uploads = _uploads(at)
    assert len(uploads) == 5
    expected = {hashlib.sha256(p.read_bytes()).hexdigest(): p.name for p in SAMPLE_FILES}
    assert dict(zip(uploads["sha256"], uploads[t("col.file", "id")], strict=True)) == expected
    assert set(uploads[t("app.archive.col.version", "id")]) == {1}
    assert uploads[t("app.archive.col.uploaded_at", "id")].str.contains(" pukul ").all()
    # each sample sheet holds 31 + 27 entries × 18 criteria = 1044 scores, written 1.044
    assert set(uploads[t("app.archive.col.scores", "id")]) == {"1.044"}
    # "what exactly did judge X submit?": the chosen upload's bytes, exactly
    offered = [(data, name) for data, mime, name in downloads if mime == "application/octet-stream"]
    data, name = offered[-1]
    assert data == (ROOT / "data" / "samples" / "budaya_kerja_2026" / name).read_bytes()
    revisions = _revisions(at)
    assert list(revisions[t("app.archive.col.revision", "id")]) == [1]
    assert shows(at, t("app.archive.publish_title", "id"))
    at.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(at)
    assert at.title[0].value == t("app.archive.title", "en")
    assert t("app.archive.status.published", "en") in set(
        _frame(at, "app.archive.col.origin", "en")[t("app.archive.col.status", "en")])


def test_a_past_year_keeps_its_results_file_and_its_revision_is_readable(app, downloads
                                                                         ) -> None:
    at = app(PAGE)
    at.selectbox(key="archive_competition").set_value(1).run()  # 2024, imported
    assert_clean(at)
    uploads = _uploads(at)
    assert list(uploads[t("col.file", "id")]) == ["hasil_2024.csv"]
    assert list(uploads[t("app.archive.col.purpose", "id")]) == [
        t("app.archive.purpose.past_results", "id")]
    data = [d for d, mime, name in downloads if name == "hasil_2024.csv"]
    assert data[-1] == (HISTORY / "hasil_2024.csv").read_bytes()
    result = _frame(at, "col.award")
    first = result[result[t("col.rank", "id")] == 1]
    assert "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" in set(
        first[t("col.entry", "id")])


def test_publishing_the_sample_then_a_correction_needs_a_reason(app, past_only) -> None:
    at = app(PAGE, organiser="panitia")
    assert len(_competitions(at)) == 1  # 2024 only: the archive was not empty, no seeding
    assert shows(at, t("app.archive.publish_new", "id"))
    _publish(at)
    assert t("app.archive.published", "id", id=2, revision=1, new=5, versions=0, duplicates=0,
             rejected=0) in [s.value for s in at.success]
    competitions = _competitions(at)
    assert len(competitions) == 2
    assert competitions[t("app.archive.col.status", "id")].iloc[0] == t(
        "app.archive.status.published", "id")
    uploads = _uploads(at)
    assert len(uploads) == 5 and set(uploads[t("app.archive.col.uploader", "id")]) == {
        "Panitia Uji"}
    assert set(uploads["sha256"]) == {hashlib.sha256(p.read_bytes()).hexdigest()
                                      for p in SAMPLE_FILES}
    assert list(_revisions(at)[t("app.archive.col.revision", "id")]) == [1]

    # published now: publishing again is a correction, which needs a reason
    assert shows(at, t("app.archive.publish_correct", "id", id=2,
                       title="Lomba Budaya Kerja Kota Pekalongan 2026", revision=1))
    _publish(at, reason="")
    assert t("store.reason_required", "id", title="Lomba Budaya Kerja Kota Pekalongan 2026") \
        in [e.value for e in at.error]
    assert list(_revisions(at)[t("app.archive.col.revision", "id")]) == [1]

    _publish(at, reason="Juri 2 memperbaiki nilai")
    assert t("app.archive.published", "id", id=2, revision=2, new=0, versions=0, duplicates=5,
             rejected=0) in [s.value for s in at.success]
    revisions = _revisions(at)
    assert list(revisions[t("app.archive.col.revision", "id")]) == [1, 2]
    assert list(revisions[t("app.archive.col.reason", "id")]) == ["", "Juri 2 memperbaiki nilai"]
    assert len(_uploads(at)) == 5  # the same files are recognised, never stored twice
    # both revisions stay readable
    at.selectbox(key="archive_revision_2").set_value(1).run()
    assert_clean(at)
    assert len(_frame(at, "col.award")) == 58


def test_a_reupload_is_a_new_version(app, past_only) -> None:
    at = app(PAGE, organiser="panitia")
    _publish(at)
    sample = session.run_competition(session.sample_competition())
    judge = "Dra. Sri Wahyuni, M.Si."
    blank = write_template(sample.rubric, sample.entries, judge)
    again = fill_template(blank, dict.fromkeys(template_cells(blank), 80))
    files = [(name, again if name == "juri_1.xlsx" else data)
             for name, data in session.sample_competition().files]
    at.session_state["competition"] = session.sample_competition().with_files(files)
    at.run()
    _publish(at, reason="Juri 1 mengirim lembar baru")
    assert t("app.archive.published", "id", id=2, revision=2, new=0, versions=1, duplicates=4,
             rejected=0) in [s.value for s in at.success]
    uploads = _uploads(at)
    mine = uploads[uploads[t("col.judge", "id")] == judge]
    assert list(mine[t("app.archive.col.version", "id")]) == [1, 2]
    assert list(mine[t("app.archive.col.current", "id")]) == [t("no", "id"), t("yes", "id")]
    assert mine["sha256"].iloc[1] == hashlib.sha256(again).hexdigest()
    assert mine["sha256"].iloc[0] == hashlib.sha256(
        SAMPLE_FILES[0].read_bytes()).hexdigest()  # the first version is kept, unchanged


def test_publishing_needs_a_name_and_stores_nothing_without(app, past_only) -> None:
    at = app(PAGE, organiser="panitia")
    _publish(at, by="  ")
    assert t("store.publisher_required", "id") in [e.value for e in at.error]
    assert len(_competitions(at)) == 1
