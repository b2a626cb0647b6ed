"""Juri's web app: the navigation over the pages in ui/ (the page list is ui.PAGES).

Run with ``streamlit run streamlit_app.py``.
"""

import logging

import streamlit as st

from scoring.i18n import t
from ui import common, state

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

lang = state.lang()
st.set_page_config(page_title=t("app.name", lang), page_icon=":material/emoji_events:",
                   layout="wide")
page = st.navigation(common.pages(lang))
status = common.sidebar(lang)
common.run_page(page, lang)
common.guarded(status, lang)
