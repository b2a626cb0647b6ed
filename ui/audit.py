"""The audit log for organisers: every change, who made it and when (WIB); all
competitions or one; downloadable as CSV."""

import streamlit as st

from scoring.i18n import t
from scoring.workspace import audit
from ui import common, state
from ui.organiser_common import organiser_page
from ui.views import workspace as model

lang = state.lang()
actor, archive = organiser_page("app.audit.title", lang)
options = {0: t("app.audit.all", lang),
           **model.competition_options(archive.competitions(), lang)}
chosen = st.selectbox(t("app.setup.choose", lang), list(options), key="ws_audit_competition",
                      format_func=lambda cid: common.escape(options[cid]))
frame = audit.audit_log(archive, actor, chosen or None, lang)
st.dataframe(model.audit_table(frame, lang), hide_index=True)
st.download_button(t("app.audit.download", lang), data=audit.audit_csv(frame),
                   file_name="log_audit.csv", mime="text/csv", icon=":material/download:")
