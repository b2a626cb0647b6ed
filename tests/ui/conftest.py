"""Helpers for the page tests: start the app in AppTest, collect what a page shows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from scoring.i18n import t
from scoring.store.database import URL_ENV
from scoring.workspace.demo import DEMO_URL_ENV

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
TIMEOUT = 60

PAGE_TITLES = {
    "ui/competition.py": "app.page.competition",
    "ui/upload.py": "app.upload.title",
    "ui/results.py": "app.results.title",
    "ui/rewards.py": "app.page.rewards",
    "ui/judges.py": "app.page.judges",
    "ui/sensitivity.py": "app.fair.sens.title",
    "ui/simulation.py": "app.sim.title",
    "ui/history.py": "app.history.title",
    "ui/archive.py": "app.archive.title",
    "ui/public.py": "app.public.title",
}
"""Each page file open in the demo (no organiser account yet) and the message key of its
title."""


def texts(at: AppTest) -> list[str]:
    """Every text a page shows: titles, markdown, notices, captions, metrics, tables, tabs."""
    out: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning",
                 "info", "success"):
        out += [str(element.value) for element in getattr(at, kind)]
    out += [f"{m.label} {m.value}" for m in at.metric]
    out += [str(e.label) for e in at.expander]
    out += [str(tab.label) for tab in at.tabs]
    for frame in at.dataframe:
        value = frame.value
        out += [str(c) for c in value.columns]
        out += [str(v) for v in value.astype(str).to_numpy().ravel()]
    return out


def shows(at: AppTest, fragment: str) -> bool:
    return any(fragment in text for text in texts(at))


def frames_with(at: AppTest, column: str) -> list[pd.DataFrame]:
    """The tables on the page with a column ``column`` (st.dataframe has no key in AppTest
    unless it takes selections), in page order."""
    return [frame.value for frame in at.dataframe if column in frame.value.columns]


def assert_clean(at: AppTest) -> None:
    """No exception reached Streamlit and the page did not fall back to the error notice."""
    assert not at.exception, [e.value for e in at.exception]
    unexpected = {t("app.error.unexpected", lang) for lang in ("id", "en")}
    assert not unexpected.intersection(e.value for e in at.error)


@pytest.fixture
def app() -> Callable[..., AppTest]:
    """``app(page=None, lang="id", organiser=None)``: the app run once, then switched to
    ``page``; with ``organiser``, that organiser is signed in (as the sign-in page leaves it)."""

    def start(page: str | None = None, lang: str = "id", organiser: str | None = None
              ) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        if organiser is not None:
            import time

            from scoring.workspace.access import organiser as organiser_actor
            from ui import who

            at.session_state[who.ACTOR_KEY] = organiser_actor(organiser)
            at.session_state[who.SEEN_KEY] = time.time()
        at.run()
        if lang != "id":
            at.sidebar.radio(key="lang").set_value(lang).run()
        if page is not None:
            at.switch_page(page).run()
        assert_clean(at)
        return at

    return start


@pytest.fixture(scope="session")
def shared_archive_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("archive")


@pytest.fixture(autouse=True)
def temporary_archive(monkeypatch: pytest.MonkeyPatch, shared_archive_dir: Path) -> str:
    """Every page test opens a temporary archive (seeded with the sample on first use, shared
    by the session), never data/juri.db. A test that changes the archive sets its own."""
    url = f"sqlite:///{shared_archive_dir / 'juri.db'}"
    monkeypatch.delenv(URL_ENV, raising=False)  # no real database: the app runs the demo
    monkeypatch.setenv(DEMO_URL_ENV, url)
    return url


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[bytes, str, str]]]:
    """Every file the app offers for download in this test: (data, mimetype, file name)."""
    found: list[tuple[bytes, str, str]] = []
    real = MediaFileManager.add

    def add(self, path_or_data, mimetype, coordinates, file_name=None, *args, **kwargs):
        if isinstance(path_or_data, bytes):
            found.append((path_or_data, mimetype, file_name or ""))
        return real(self, path_or_data, mimetype, coordinates, file_name, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", add)
    yield found
