"""Small pieces shared by the organiser's workspace pages: the page's organiser and archive,
the competition being looked at, and refusals shown as messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from scoring.i18n import t
from scoring.problems import ProblemsError
from scoring.workspace.access import Actor
from scoring.workspace.archive import Archive
from ui import common, who
from ui.views import workspace as model

COMPETITION_KEY = "ws_competition"
"""The competition the organiser is looking at (kept across the workspace pages)."""
T = TypeVar("T")


def organiser_page(title: str, lang: str) -> tuple[Actor, Archive]:
    """The page's title; its organiser and archive, or a refusal that stops the page."""
    st.title(t(title, lang))
    session = who.current()
    actor = who.require_organiser(session.actor, lang)
    if session.archive is None:
        st.error(t("app.archive.unavailable", lang, location=""), icon=":material/error:")
        st.stop()
    return actor, session.archive


def choose_competition(archive: Archive, lang: str, *, drafts_only: bool = False
                       ) -> int | None:
    """A select box of the archive's competitions; the chosen id (None when there is none)."""
    frame = archive.competitions()
    if drafts_only:
        frame = frame[frame["status"] == "draft"]
    options = model.competition_options(frame, lang)
    if not options:
        return None
    if st.session_state.get(COMPETITION_KEY) not in options:
        st.session_state[COMPETITION_KEY] = next(iter(options))
    return st.selectbox(t("app.setup.choose", lang), list(options), key=COMPETITION_KEY,
                        format_func=lambda cid: common.escape(options[cid]))


def attempt(action: Callable[[], T], lang: str) -> T | None:
    """Run ``action``; a refusal or blocking problems become an error message (None)."""
    try:
        return action()
    except ProblemsError as exc:
        st.error(" ".join(p.message(lang) for p in exc.problems), icon=":material/block:")
        return None
