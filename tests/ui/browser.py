"""Driving the real app in headless Chromium: start ``streamlit run`` on a free port, open a
Playwright browser on the machine's Chromium (never a downloaded one).

Also a script: ``python -m tests.ui.browser docs/screenshots/results.png`` uploads the sample
sheets through the page, opens the results and saves a screenshot there;
``python -m tests.ui.browser --history docs/screenshots/history.png`` opens the History page
on a fresh archive (seeded with the sample's three years) and saves that.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SHEETS = sorted((ROOT / "data" / "samples" / "budaya_kerja_2026").glob("*.xlsx"))
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
STARTUP_TIMEOUT = 60.0


def chromium_path() -> str | None:
    """The Chromium to drive (``JURI_CHROMIUM`` or /usr/bin/chromium), if it exists."""
    path = os.environ.get("JURI_CHROMIUM", "/usr/bin/chromium")
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    return shutil.which(path)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve_app(log_path: Path | None = None, env: dict[str, str] | None = None
              ) -> Iterator[str]:
    """``streamlit run streamlit_app.py`` on a free loopback port; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    log = open(log_path, "wb") if log_path else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with status {process.returncode}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"streamlit did not answer on {url}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log_path:
            log.close()


@contextlib.contextmanager
def open_browser(executable: str, user_data: Path) -> Iterator[Page]:
    """A Playwright Chromium page (1440×900) on ``executable``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(user_data), executable_path=executable, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1440, "height": 900}, locale="id-ID")
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def upload_sample_and_open_results(page: Page, url: str) -> None:
    """The journey: open the Upload page, upload the five sample sheets, see the report,
    then go to the results through the navigation (same session)."""
    from playwright.sync_api import expect

    from scoring.i18n import t

    page.goto(f"{url}/unggah")
    page.locator("input[type=file]").first.wait_for(state="attached", timeout=30_000)
    page.locator("input[type=file]").first.set_input_files([str(p) for p in SAMPLE_SHEETS])
    using = t("app.upload.using_upload", "id", count=len(SAMPLE_SHEETS)).replace("**", "")
    expect(page.get_by_text(using).first).to_be_visible(timeout=60_000)
    expect(page.get_by_text(t("app.upload.all_good", "id")).first).to_be_visible(
        timeout=60_000)
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_text(t("app.page.results", "id"), exact=True).click()
    expect(page.get_by_role("heading", name=t("app.results.title", "id")).first).to_be_visible(
        timeout=60_000)


def open_history(page: Page, url: str, entry: str) -> None:
    """Open the History page (Riwayat) by its address, wait for its charts and for ``entry``
    (a name the page shows in text, outside the canvas-drawn tables)."""
    from playwright.sync_api import expect

    from scoring.i18n import t

    page.goto(f"{url}/riwayat")
    expect(page.get_by_role("heading", name=t("app.history.title", "id")).first).to_be_visible(
        timeout=90_000)
    expect(page.get_by_text(entry).first).to_be_visible(timeout=60_000)
    charts = page.locator("[data-testid=stVegaLiteChart]")
    expect(charts).to_have_count(2, timeout=60_000)
    charts.first.locator("canvas, svg").first.wait_for(state="attached", timeout=30_000)


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if a != "--history"]
    history = "--history" in argv[1:]
    default = "history.png" if history else "results.png"
    target = Path(args[0] if args else ROOT / "docs" / "screenshots" / default)
    executable = chromium_path()
    if executable is None:
        print("no chromium: set JURI_CHROMIUM", file=sys.stderr)
        return 2
    import tempfile

    from playwright.sync_api import expect

    with tempfile.TemporaryDirectory() as tmp:
        # the history screenshot uses a fresh archive, seeded with the sample on first use
        env = {"JURI_DEMO_DATABASE_URL": f"sqlite:///{Path(tmp) / 'juri.db'}"} if history else None
        with serve_app(env=env) as url, open_browser(executable, Path(tmp) / "profile") as page:
            if history:
                open_history(page, url, "Dinas Arsip dan Perpustakaan Daerah")
            else:
                upload_sample_and_open_results(page, url)
                expect(page.get_by_text(
                    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia").first
                ).to_be_visible()
            page.set_viewport_size({"width": 1440, "height": 1200})
            page.wait_for_timeout(2500)  # let the charts draw
            target.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(target), full_page=False)
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
