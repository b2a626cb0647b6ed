"""Juri's web app: the navigation over the pages in ui/ (the page list is ui.PAGES), by who
is using it (ui/who.py): the demo, an organiser, a judge through their link, or the public.

Run with ``streamlit run streamlit_app.py``.
"""

import logging

import streamlit as st

from scoring.i18n import t
from ui import common, state, who

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

lang = state.lang()
st.set_page_config(page_title=t("app.name", lang), page_icon=":material/emoji_events:",
                   layout="wide")
session = who.identify(lang)
page = who.navigation(session, lang)
status = common.sidebar(lang)
who.sidebar(session, lang)
common.run_page(page, lang)
if session.audience in ("demo", "organiser"):
    common.guarded(status, lang)
