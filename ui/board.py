"""The submission board for organisers: where every judge and every entry stands. It reads
the archive again every few seconds by itself (a fragment), so uploads made on other
devices appear without a reload. Exported as xlsx."""

import datetime as dt

import streamlit as st

from scoring.i18n import t
from scoring.workspace import board
from scoring.workspace.times import local_time
from ui import common, state
from ui.organiser_common import choose_competition, organiser_page
from ui.views import workspace as model

lang = state.lang()
actor, archive = organiser_page("app.board.title", lang)
competition_id = choose_competition(archive, lang)
if competition_id is None:
    st.info(t("app.setup.none", lang))
    st.stop()


@st.fragment(run_every=dt.timedelta(seconds=model.BOARD_SECONDS))
def live_board() -> None:
    found = board.board(archive, actor, competition_id, lang)
    st.caption(t("app.board.caption", lang, seconds=model.BOARD_SECONDS,
                 time=local_time(dt.datetime.now(dt.UTC), lang)))
    judges, entries = model.board_tables(found, lang)
    st.subheader(t("app.board.judges", lang))
    st.markdown("\n".join(f"- {line}" for line in model.board_lines(found, lang,
                                                                     common.escape)))
    st.dataframe(judges, hide_index=True)
    st.subheader(t("app.board.entries", lang))
    st.dataframe(entries, hide_index=True)
    st.download_button(t("app.board.download", lang), data=board.board_xlsx(found),
                       file_name=f"papan_{competition_id}.xlsx", icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


live_board()
