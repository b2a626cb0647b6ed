"""Who is using this session of the app: an organiser (signed in), a judge (through their
private link) or the public, and the demo when the database has no organiser account yet.

Session state holds only who it is (:data:`ACTOR_KEY`), when the session was last used
(:data:`SEEN_KEY`, for the idle limit) and the judge's link token (:data:`TOKEN_KEY`, also kept
in the page's address as ``?judge=…`` so that a reload keeps working). A judge's link is
checked again on every run, so a revoked or expired link stops working at once. Passwords,
links and their refusals are the workspace's (:mod:`scoring.workspace.accounts`,
:mod:`scoring.workspace.links`); this module only keeps the answer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from scoring.i18n import t
from scoring.problems import ProblemsError
from scoring.workspace import accounts, links
from scoring.workspace.access import AccessRefusedError, Actor
from scoring.workspace.archive import Archive
from ui import PAGES, state
from ui.views import workspace as model

ACTOR_KEY, SEEN_KEY, TOKEN_KEY, NOTICE_KEY = "ws_actor", "ws_seen", "ws_token", "ws_notice"
SESSION_KEY, REFUSED_KEY = "ws_session", "ws_oidc_refused"
"""This run's :class:`Session`, set by the main script before the page runs."""


@dataclass(frozen=True)
class Session:
    actor: Actor | None
    audience: str
    archive: Archive | None


def _archive() -> Archive | None:
    opened = state.archive()
    return opened.archive


def organiser_count(archive: Archive | None) -> int:
    if archive is None:
        return 0
    try:
        return accounts.organiser_count(archive)
    except Exception:  # an archive from before the workspace tables: no accounts
        return 0


def secret() -> str:
    """The key that signs judges' links (:func:`scoring.workspace.links.link_secret`)."""
    try:
        app_secrets = dict(st.secrets)
    except (FileNotFoundError, KeyError):
        app_secrets = {}
    except Exception:
        app_secrets = {}
    return links.link_secret(app_secrets=app_secrets)


def _problem_text(exc: ProblemsError, lang: str) -> str:
    return " ".join(p.message(lang) for p in exc.problems)


def _judge(archive: Archive, lang: str) -> Actor | None:
    token = st.query_params.get(links.LINK_PARAMETER) or st.session_state.get(TOKEN_KEY)
    if not token:
        return None
    try:
        actor = links.open_link(archive, str(token), secret(), lang=lang)
    except AccessRefusedError as exc:
        st.session_state.pop(TOKEN_KEY, None)
        st.session_state[NOTICE_KEY] = t("app.ws.link_refused", lang,
                                         reason=_problem_text(exc, lang))
        return None
    st.session_state[TOKEN_KEY] = str(token)
    if st.query_params.get(links.LINK_PARAMETER) != token:
        st.query_params[links.LINK_PARAMETER] = str(token)
    return actor


def identify(lang: str) -> Session:
    """Who this session is, checked again now (link still valid, session not idle)."""
    archive = _archive()
    st.session_state.pop(NOTICE_KEY, None)
    actor: Actor | None = None
    if archive is not None:
        actor = _judge(archive, lang)
    if actor is None:
        signed = st.session_state.get(ACTOR_KEY)
        now = time.time()
        if signed is not None and model.expired(st.session_state.get(SEEN_KEY), now,
                                                model.session_hours()):
            sign_out()
            st.session_state[NOTICE_KEY] = t("app.ws.expired", lang)
            signed = None
        email = _provider_user()
        if signed is None and archive is not None and email and (
                st.session_state.get(REFUSED_KEY) != email):
            # signed in with the identity provider (its cookie outlives a reload); a refused
            # e-mail is tried (and logged) once per session
            signed = sign_in_oidc(archive, email)
            if signed is None:
                st.session_state[REFUSED_KEY] = email
        if signed is not None:
            st.session_state[SEEN_KEY] = now
            actor = signed
    organisers = organiser_count(archive)
    who = model.audience(actor, organisers, demo=state.is_demo())
    if who == model.DEMO:
        actor = None
    found = Session(actor, who, archive)
    st.session_state[SESSION_KEY] = found
    return found


def sign_in(archive: Archive, username: str, password: str, lang: str) -> Actor:
    """Sign in with a password (raises :class:`AccessRefusedError`, the message to show)."""
    actor = accounts.sign_in(archive, username, password, lang=lang)
    _keep(actor)
    return actor


def sign_in_oidc(archive: Archive, email: str) -> Actor | None:
    """The organiser whose username is ``email`` (signed in by the identity provider), or
    None when there is no such account; logged either way."""
    try:
        actor = accounts.sign_in_verified(archive, email, via="oidc")
    except AccessRefusedError:
        return None
    _keep(actor)
    return actor


def _keep(actor: Actor) -> None:
    st.session_state[ACTOR_KEY] = actor
    st.session_state[SEEN_KEY] = time.time()


def sign_out() -> None:
    for key in (ACTOR_KEY, SEEN_KEY, TOKEN_KEY):
        st.session_state.pop(key, None)
    if links.LINK_PARAMETER in st.query_params:
        del st.query_params[links.LINK_PARAMETER]


def _provider_user() -> str:
    """The e-mail of the user signed in with the identity provider, if any."""
    if not oidc_configured() or not getattr(st.user, "is_logged_in", False):
        return ""
    return str(st.user.get("email") or "")


def oidc_configured() -> bool:
    """An identity provider is set up (``[auth]`` in the app's secrets)."""
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def navigation(session: Session, lang: str) -> StreamlitPage:
    """The navigation for this session's audience: only the pages it may see."""
    shown = model.visible(PAGES, session.audience)
    first = model.FIRST_PAGE.get(session.audience)
    default = next(spec for spec in shown
                   if (spec.path == first if first else spec.default))

    def page(spec: object) -> StreamlitPage:
        return st.Page(spec.path, title=t(spec.title, lang), icon=spec.icon,
                       url_path=spec.url_path, default=spec is default)

    if session.audience == model.JUDGE:
        return st.navigation([page(s) for s in shown], position="hidden")
    if session.audience != model.ORGANISER:
        return st.navigation([page(s) for s in shown])
    groups: dict[str, list[StreamlitPage]] = {}
    for spec in shown:
        if "organiser" in spec.audience and len(spec.audience) == 1:
            section = "app.nav.workspace"
        elif "public" in spec.audience:
            section = "app.nav.public"
        else:
            section = "app.nav.desk"
        groups.setdefault(t(section, lang), []).append(page(spec))
    return st.navigation(groups, expanded=True)


def sidebar(session: Session, lang: str) -> None:
    """Who is signed in and the sign-out button; the DEMO label; a refused link."""
    with st.sidebar:
        if session.audience == model.DEMO:
            st.warning(t("app.ws.demo", lang), icon=":material/science:")
        elif not state.is_demo() and organiser_count(session.archive) == 0:
            st.error(t("app.ws.no_organiser", lang), icon=":material/lock:")
        elif session.audience == model.ORGANISER and session.actor is not None:
            st.caption(t("app.ws.signed_in", lang, name=session.actor.name))
            if st.button(t("app.ws.sign_out", lang), key="ws_sign_out"):
                sign_out()
                if oidc_configured() and getattr(st.user, "is_logged_in", False):
                    st.logout()
                st.rerun()
        elif session.audience == model.JUDGE and session.actor is not None:
            st.caption(t("app.ws.judge_as", lang, name=session.actor.name))
    notice = st.session_state.get(NOTICE_KEY)
    if notice:
        st.error(notice, icon=":material/lock:")


def require_organiser(session_actor: Actor | None, lang: str) -> Actor:
    """The organiser of this page run; otherwise say so and stop the page."""
    if session_actor is None or not session_actor.can_manage:
        st.error(t("access.refused.organiser_only", lang), icon=":material/lock:")
        st.stop()
    return session_actor


def current() -> Session:
    """This run's session, as :func:`identify` found it (set by the main script)."""
    found = st.session_state.get(SESSION_KEY)
    return found if found is not None else identify(state.lang())
