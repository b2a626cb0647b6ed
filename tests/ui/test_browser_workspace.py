"""The shared workspace end to end in a real headless Chromium, with separate browser
contexts (separate people on separate devices): an organiser (created from the CLI) signs in,
creates a competition and issues a judge's link; the judge opens the link in another context
and uploads a sheet; the organiser's board shows it without a reload; the judge cannot reach
the ranking or another judge's marks; after publishing, a signed-out context sees the public
results and no raw marks. Reloading keeps the judge's upload; restarting the app on the same
database keeps everything. Skipped locally without Chromium; in CI a missing one fails."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import ui  # noqa: F401  (adds the app's texts to the catalogue)
from scoring.i18n import t
from scoring.workspace.session import SAMPLE_ENTRIES, SAMPLE_RUBRIC, SAMPLE_SHEETS
from tests.ui.browser import CHROMIUM_FLAGS, ROOT, serve_app
from tests.ui.test_browser import chromium  # noqa: F401  (the fixture)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "kata-sandi-panitia-2026"
JUDGE, OTHER_JUDGE = "Dra. Sri Wahyuni, M.Si.", "Ir. Bambang Setiawan"
"""The judge of the sample sheet juri_1.xlsx, and a second judge of the panel."""
OPD_WINNER = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
TITLE, YEAR = "Lomba Budaya Kerja Kota Pekalongan 2026", 2026
WAIT = 60_000


def text(key: str, **params: object) -> str:
    """A catalogue text as the page shows it (markdown's ** removed)."""
    return t(key, "id", **params).replace("**", "")


@contextlib.contextmanager
def browser(executable: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True,
                                              args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


def new_page(launched: Browser) -> Page:
    context = launched.new_context(viewport={"width": 1440, "height": 1000}, locale="id-ID")
    return context.new_page()


def heading(page: Page, key: str) -> Locator:
    return page.get_by_role("heading", name=t(key, "id")).first


def sign_in(page: Page, url: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{url}/masuk")
    expect(heading(page, "app.signin.title")).to_be_visible(timeout=WAIT)
    page.get_by_label(t("app.signin.username", "id")).fill("panitia")
    page.get_by_label(t("app.signin.password", "id")).fill(PASSWORD)
    page.get_by_role("button", name=t("app.signin.submit", "id")).click()
    expect(heading(page, "app.setup.title")).to_be_visible(timeout=WAIT)


def open_page(page: Page, title: str) -> None:
    """Go to a page through the sidebar's navigation (a new address would be a new session,
    signed out)."""
    page.get_by_test_id("stSidebarNav").get_by_text(t(title, "id"), exact=True).click()


def create_organiser(database: str) -> None:
    """The first organiser, from the CLI (the password from the environment)."""
    done = subprocess.run(
        [sys.executable, "-m", "scoring", "workspace", "create-organiser", "panitia",
         "--db", database], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "JURI_NEW_PASSWORD": PASSWORD})
    assert done.returncode == 0, done.stderr


def test_organiser_judge_and_public_on_their_own_devices(chromium: str,  # noqa: F811
                                                         tmp_path: Path) -> None:
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'juri.db'}"
    create_organiser(database)
    env = {"JURI_DATABASE_URL": database, "JURI_SECRET_KEY": "k" * 48}
    with serve_app(tmp_path / "streamlit.log", env=env) as url, browser(chromium) as launched:
        organiser = new_page(launched)
        sign_in(organiser, url)
        # create the competition: a stored draft
        files = organiser.locator("input[type=file]")
        files.nth(0).set_input_files(str(SAMPLE_RUBRIC))
        files.nth(1).set_input_files(str(SAMPLE_ENTRIES))
        # both uploads registered (the page reruns on each) before the button is pressed
        expect(organiser.get_by_test_id("stFileChipName")).to_have_count(2, timeout=WAIT)
        create = organiser.get_by_role("button", name=t("app.setup.create_button", "id"))
        expect(create).to_be_enabled(timeout=WAIT)
        organiser.wait_for_load_state("networkidle")
        create.click()
        expect(organiser.get_by_text(text("app.setup.created", title=TITLE))).to_be_visible(
            timeout=WAIT)
        for name in (JUDGE, OTHER_JUDGE):
            organiser.get_by_label(t("app.setup.judge_name", "id")).fill(name)
            organiser.get_by_role("button", name=t("app.setup.add_judge", "id")).click()
            expect(organiser.get_by_text(text("app.setup.judge_added", judge=name))
                   ).to_be_visible(timeout=WAIT)
        # issue the first judge's link (the first in the list) and copy it from the page
        organiser.get_by_role("button", name=t("app.setup.issue", "id", judge=JUDGE)).click()
        expect(organiser.get_by_text(text("app.setup.issued", judge=JUDGE))).to_be_visible(
            timeout=WAIT)
        link = organiser.locator("[data-testid=stCode]").first.inner_text().strip()
        assert re.fullmatch(rf"{re.escape(url)}/\?judge=[\w.-]+", link), link
        # the organiser watches the board
        open_page(organiser, "app.page.board")
        expect(heading(organiser, "app.board.title")).to_be_visible(timeout=WAIT)
        not_started = text("app.board.line", judge=JUDGE,
                           status=t("access.board.not_started", "id"), last="")
        expect(organiser.get_by_text(not_started)).to_be_visible(timeout=WAIT)

        # the judge, on another device: the link, then an upload
        judge = new_page(launched)
        judge.goto(link)
        expect(heading(judge, "app.judge.title")).to_be_visible(timeout=WAIT)
        expect(judge.get_by_text(text("app.judge.none"))).to_be_visible(timeout=WAIT)
        judge.locator("input[type=file]").first.set_input_files(
            str(SAMPLE_SHEETS / "juri_1.xlsx"))
        expect(judge.get_by_text(re.compile(r"juri_1\.xlsx.*versi 1"))).to_have_count(
            2, timeout=WAIT)  # the notice and the newest upload
        expect(judge.get_by_text(OTHER_JUDGE)).to_have_count(0)

        # the organiser's board shows it by itself (no reload)
        complete = re.compile(re.escape(f"{JUDGE}: {t('access.board.complete', 'id')}"))
        expect(organiser.get_by_text(complete)).to_be_visible(timeout=WAIT)

        # reloading the judge's page keeps the upload
        judge.reload()
        expect(heading(judge, "app.judge.title")).to_be_visible(timeout=WAIT)
        expect(judge.get_by_text(re.compile(r"juri_1\.xlsx \(versi 1"))).to_be_visible(
            timeout=WAIT)
        # the judge cannot reach the ranking, the board or the public results
        for path in ("hasil", "papan", "juri", "hasil-resmi"):
            judge.goto(f"{link}&x=1".replace("/?", f"/{path}?"))
            expect(heading(judge, "app.judge.title")).to_be_visible(timeout=WAIT)
            expect(judge.get_by_role("heading", name=t("app.results.title", "id"))
                   ).to_have_count(0)
            expect(judge.get_by_text(OTHER_JUDGE)).to_have_count(0)
        expect(judge.get_by_text("Juara I")).to_have_count(0)

        # before release, a signed-out visitor sees nothing
        public = new_page(launched)
        public.goto(url)
        expect(heading(public, "app.public.title")).to_be_visible(timeout=WAIT)
        expect(public.get_by_text(text("app.public.none"))).to_be_visible(timeout=WAIT)

        # the organiser publishes, naming the competition and its year
        open_page(organiser, "app.page.release")
        expect(heading(organiser, "app.release.title")).to_be_visible(timeout=WAIT)
        organiser.get_by_label(t("app.release.confirm_title", "id")).fill(TITLE)
        organiser.get_by_label(t("app.release.confirm_year", "id")).fill(str(YEAR))
        organiser.get_by_role("button", name=t("app.release.publish", "id")).click()
        expect(organiser.get_by_text(text("app.release.published", revision=1))
               ).to_be_visible(timeout=WAIT)

        # a signed-out visitor sees the public results, and no judge's marks
        public.reload()
        expect(public.get_by_text(re.compile(re.escape(OPD_WINNER))).first).to_be_visible(
            timeout=WAIT)
        expect(public.get_by_text(re.compile("Juara I"))).not_to_have_count(0)
        for secret in (JUDGE, OTHER_JUDGE, "juri_1.xlsx"):
            expect(public.get_by_text(secret)).to_have_count(0)
        public.goto(f"{url}/hasil")  # the desk's ranking with marks: not for the public
        expect(heading(public, "app.public.title")).to_be_visible(timeout=WAIT)
        expect(public.get_by_role("heading", name=t("app.results.title", "id"))
               ).to_have_count(0)
        public.screenshot(path=str(tmp_path / "public.png"), full_page=True)
        # the released year is in the History
        public.goto(f"{url}/riwayat")
        expect(heading(public, "app.history.title")).to_be_visible(timeout=WAIT)
        expect(public.get_by_text(re.compile(rf"tahun: {YEAR}\.")).first).to_be_visible(
            timeout=WAIT)

    # the app process restarts on the same database: everything is still there
    with serve_app(tmp_path / "streamlit2.log", env=env) as url2, \
            browser(chromium) as launched:
        judge = new_page(launched)
        judge.goto(link.replace(url, url2))
        expect(judge.get_by_text(re.compile(r"juri_1\.xlsx \(versi 1"))).to_be_visible(
            timeout=WAIT)
        organiser = new_page(launched)
        sign_in(organiser, url2)
        open_page(organiser, "app.page.board")
        expect(organiser.get_by_text(complete)).to_be_visible(timeout=WAIT)
        public = new_page(launched)
        public.goto(url2)
        expect(public.get_by_text(re.compile(re.escape(OPD_WINNER))).first).to_be_visible(
            timeout=WAIT)
        for page in (judge, organiser, public):
            expect(page.get_by_text(t("app.error.unexpected", "id"))).to_have_count(0)
