"""End to end in a real headless Chromium: start the app, upload the sample sheets through the
file uploader, open the results, find the winner. Skipped locally without Chromium; in CI
(``CI=true``) a missing Chromium fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scoring.i18n import t
from tests.ui.browser import (
    SAMPLE_SHEETS,
    chromium_path,
    open_browser,
    open_history,
    serve_app,
    upload_sample_and_open_results,
)

pytestmark = pytest.mark.browser

OPD_WINNER = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"


@pytest.fixture
def chromium() -> str:
    path = chromium_path()
    if path is None:
        wanted = os.environ.get("JURI_CHROMIUM", "/usr/bin/chromium")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Chromium not found at {wanted}: CI must install it (apt-get install "
                        "chromium) or set JURI_CHROMIUM")
        pytest.skip(f"Chromium not found at {wanted}; install it or set JURI_CHROMIUM")
    pytest.importorskip("playwright.sync_api")
    return path


def test_upload_the_sample_and_see_the_winner(chromium: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    assert len(SAMPLE_SHEETS) == 5
    with serve_app(tmp_path / "streamlit.log") as url, \
            open_browser(chromium, tmp_path / "profile") as page:
        upload_sample_and_open_results(page, url)
        expect(page.get_by_text(t("app.source.upload", "id", count=5)).first).to_be_visible()
        expect(page.get_by_text(OPD_WINNER).first).to_be_visible(timeout=30_000)
        expect(page.get_by_text(t("app.error.unexpected", "id"))).to_have_count(0)
        page.screenshot(path=str(tmp_path / "results.png"))
        # the language switch works in the browser too
        page.get_by_text(t("app.language.en", "en"), exact=True).click()
        expect(page.get_by_role("heading", name=t("app.results.title", "en")).first
               ).to_be_visible(timeout=30_000)
        expect(page.get_by_text(OPD_WINNER).first).to_be_visible()
        page.screenshot(path=str(tmp_path / "results_en.png"))
    assert (tmp_path / "results.png").stat().st_size > 10_000


def test_the_history_page_follows_the_renamed_agency(chromium: str, tmp_path: Path) -> None:
    """A fresh archive: the app loads the sample's three years into it on first use, and the
    History page shows the archive agency under its new name, followed from its old one."""
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'juri.db'}"
    with serve_app(tmp_path / "streamlit.log", env={"JURI_DEMO_DATABASE_URL": database}) as url, \
            open_browser(chromium, tmp_path / "profile") as page:
        open_history(page, url, "Dinas Arsip dan Perpustakaan Daerah")
        expect(page.get_by_text("Kantor Perpustakaan dan Arsip Daerah").first).to_be_visible()
        expect(page.get_by_text(t("app.history.improved_rank", "id")).first).to_be_visible()
        expect(page.get_by_text(t("app.error.unexpected", "id"))).to_have_count(0)
        page.wait_for_timeout(1500)  # let the charts draw
        page.screenshot(path=str(tmp_path / "history.png"), full_page=True)
    assert (tmp_path / "history.png").stat().st_size > 10_000
    assert (tmp_path / "juri.db").exists()  # the temporary archive, not data/juri.db
