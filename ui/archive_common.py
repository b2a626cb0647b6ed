"""A small component shared by the History and Archive pages: the archive, or a clear
message why it cannot be opened (the rest of the app keeps working)."""

from __future__ import annotations

import streamlit as st

from scoring.i18n import t
from scoring.workspace.archive import OpenedArchive
from ui import common, state


def location_caption(opened: OpenedArchive, lang: str) -> None:
    """Where the archive is, and where that setting comes from."""
    st.caption(t("app.archive.location", lang, location=common.escape(opened.location),
                 source=t(f"app.archive.source.{state.archive_source()}", lang)))


def usable(opened: OpenedArchive, lang: str) -> bool:
    """True when the archive is open; otherwise say why, how to fix it, and offer to retry."""
    if opened.ok:
        if opened.problem:
            st.warning(t(opened.problem, lang), icon=":material/warning:")
        for problem in opened.seed_problems:
            st.warning(problem.message(lang), icon=":material/warning:")
        if opened.seeded and not st.session_state.get(state.SEEDED_SHOWN_KEY):
            st.session_state[state.SEEDED_SHOWN_KEY] = True
            st.info(t("app.archive.seeded", lang), icon=":material/inventory_2:")
        return True
    st.error(t(opened.problem, lang, location=common.escape(opened.location)),
             icon=":material/database:")
    st.caption(t("app.archive.how_to_set", lang))
    if opened.detail:
        with st.expander(t("app.archive.detail", lang)):
            st.text(opened.detail)
    st.button(t("app.archive.retry", lang), on_click=state.reopen_archive,
              icon=":material/refresh:", key="archive_retry")
    return False
