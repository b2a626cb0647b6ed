"""Organiser sign-in: username and password (argon2, rate-limited, logged), or the
organisation's identity provider (``st.login``) when one is configured."""

import streamlit as st

from scoring.i18n import t
from scoring.workspace.access import AccessRefusedError
from ui import state, who

lang = state.lang()
st.title(t("app.signin.title", lang))
session = who.current()
if session.archive is None:
    st.error(t("app.archive.unavailable", lang, location=""), icon=":material/error:")
    st.stop()

if who.oidc_configured():
    if getattr(st.user, "is_logged_in", False):  # known organisers are signed in already
        st.error(t("app.signin.oidc_unknown", lang, email=str(st.user.get("email") or "")),
                 icon=":material/lock:")
    elif st.button(t("app.signin.oidc", lang), icon=":material/key:"):
        st.login()
    st.divider()

with st.form("ws_signin"):
    username = st.text_input(t("app.signin.username", lang), key="ws_username")
    password = st.text_input(t("app.signin.password", lang), type="password",
                             key="ws_password")
    submitted = st.form_submit_button(t("app.signin.submit", lang), type="primary")
if submitted:
    try:
        who.sign_in(session.archive, username, password, lang)
    except AccessRefusedError as exc:
        st.error(" ".join(p.message(lang) for p in exc.problems), icon=":material/lock:")
    else:
        st.rerun()
st.caption(t("app.signin.judges_hint", lang))
