"""The Streamlit app's pages and small components: layout only. What they show is computed by
the page models in :mod:`ui.views` from the engine in ``scoring/``.

:data:`PAGES` is the one list of pages: ``streamlit_app.py`` builds the navigation from it, so
adding a page is one line here plus its file. Paths are relative to ``streamlit_app.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui import views as _views  # noqa: F401  (importing it adds the app's texts to the catalogue)


@dataclass(frozen=True)
class PageSpec:
    path: str
    """The page's file, relative to the main script (AppTest switches pages by this path)."""
    title: str
    """Message key of the page's title in the navigation."""
    icon: str
    url_path: str
    """Stable address, the same in every language."""
    default: bool = False
    audience: tuple[str, ...] = ("demo", "organiser")
    """Who sees the page (:mod:`ui.views.workspace`): ``demo`` (no organiser account yet:
    everything open), ``organiser``, ``judge``, ``public`` (signed out)."""


PAGES: tuple[PageSpec, ...] = (
    PageSpec("ui/competition.py", "app.page.competition", ":material/emoji_events:",
             "kompetisi"),
    PageSpec("ui/upload.py", "app.page.upload", ":material/upload_file:", "unggah"),
    PageSpec("ui/results.py", "app.page.results", ":material/leaderboard:", "hasil",
             default=True),
    PageSpec("ui/rewards.py", "app.page.rewards", ":material/military_tech:", "penghargaan"),
    PageSpec("ui/judges.py", "app.page.judges", ":material/groups:", "juri"),
    PageSpec("ui/sensitivity.py", "app.page.sensitivity", ":material/compare_arrows:",
             "kepekaan"),
    PageSpec("ui/simulation.py", "app.page.simulation", ":material/tune:", "simulasi"),
    PageSpec("ui/history.py", "app.page.history", ":material/timeline:", "riwayat",
             audience=("demo", "organiser", "public")),
    PageSpec("ui/archive.py", "app.page.archive", ":material/inventory_2:", "arsip"),
    PageSpec("ui/public.py", "app.page.public", ":material/campaign:", "hasil-resmi",
             audience=("demo", "organiser", "public")),
    PageSpec("ui/signin.py", "app.page.signin", ":material/login:", "masuk",
             audience=("public",)),
    PageSpec("ui/judge_home.py", "app.page.my_scoring", ":material/rate_review:", "penilaian",
             audience=("judge",)),
    PageSpec("ui/organiser_setup.py", "app.page.setup", ":material/settings:", "lomba",
             audience=("organiser",)),
    PageSpec("ui/board.py", "app.page.board", ":material/fact_check:", "papan",
             audience=("organiser",)),
    PageSpec("ui/organiser_release.py", "app.page.release", ":material/publish:", "rilis",
             audience=("organiser",)),
    PageSpec("ui/audit.py", "app.page.audit", ":material/history_edu:", "audit",
             audience=("organiser",)),
)
