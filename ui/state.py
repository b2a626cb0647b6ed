"""Session state and caches: the current competition, the language, and cached outcomes.

``st.session_state`` holds the competition as it came (rubric text, entries text, uploaded
files as (name, bytes)) and the language. Everything computed from it is cached process-wide
by content digests (:mod:`scoring.workspace.session`), so switching pages or languages never
reads the sheets again. The archive is opened once per process
(:mod:`scoring.workspace.archive`), at the URL of ``$JURI_DATABASE_URL``, else of the app
setting ``database_url`` (``.streamlit/secrets.toml``), else ``data/juri.db``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from scoring.entries import Entries, parse_entries
from scoring.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from scoring.problems import Problem
from scoring.result import Result
from scoring.rubric import Rubric, parse_rubric
from scoring.workspace import archive as records
from scoring.workspace import demo, session, whatif
from scoring.workspace import publishing as store_publishing
from scoring.workspace import templates as judge_templates

log = logging.getLogger("juri.app")

LANG_KEY = "lang"
COMPETITION_KEY = "competition"
UPLOADER_KEY = "uploader_round"
"""A counter in the file uploaders' keys: bumping it empties them."""
APPLIED_KEYS = ("applied_upload", "applied_rubric", "applied_entries")
"""Digests of the uploads already applied to the competition (one per uploader)."""


def lang() -> str:
    value = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


@st.cache_resource(show_spinner=False)
def _sample() -> session.Competition:
    return session.sample_competition()


def competition() -> session.Competition:
    """The competition of this session; the bundled sample until something replaces it."""
    if COMPETITION_KEY not in st.session_state:
        st.session_state[COMPETITION_KEY] = _sample()
    return st.session_state[COMPETITION_KEY]


def is_sample() -> bool:
    """The session works on the bundled sample, unchanged."""
    return competition() == _sample()


def set_competition(value: session.Competition) -> None:
    st.session_state[COMPETITION_KEY] = value


def forget_uploads() -> None:
    """Empty the file uploaders and forget which uploads were applied, so that the same file
    uploaded again is applied again."""
    st.session_state[UPLOADER_KEY] = st.session_state.get(UPLOADER_KEY, 0) + 1
    for key in APPLIED_KEYS:
        st.session_state.pop(key, None)


def back_to_sample() -> None:
    """The sample's sheets again (the rubric and entries too), and empty uploaders."""
    st.session_state[COMPETITION_KEY] = _sample()
    forget_uploads()


def source_text(lang: str) -> str:
    """Where the competition in use comes from, in words."""
    current = competition()
    if current.source == "upload":
        return t("app.source.upload", lang, count=len(current.files))
    return t("app.source.sample" if is_sample() else "app.source.sample_changed", lang)


def uploader_key(name: str) -> str:
    return f"{name}_{st.session_state.get(UPLOADER_KEY, 0)}"


def max_upload_mb() -> int:
    return session.max_upload_mb()


def max_upload_bytes() -> int:
    return max_upload_mb() * session.MB


# --- cached stages --------------------------------------------------------------------------


@st.cache_resource(max_entries=32, show_spinner=False)
def _rubric(key: str, name: str, _text: str) -> tuple[Rubric | None, list[Problem]]:
    return parse_rubric(_text, name)


@st.cache_resource(max_entries=32, show_spinner=False)
def _entries(key: str, name: str, _text: str) -> tuple[Entries | None, list[Problem]]:
    return parse_entries(_text, name)


@st.cache_resource(show_spinner=False)
def _reads() -> session.ContentCache:
    """Score tables read from uploaded sheets, by the digest of rubric, entries and files."""
    return session.ContentCache(16)


@st.cache_resource(show_spinner=False)
def _outcomes() -> session.ContentCache:
    """Outcomes (with their Result) by competition digest and language."""
    return session.ContentCache(32)


@st.cache_resource(show_spinner=False)
def _simulations() -> session.ContentCache:
    return session.ContentCache(64)


def rubric_of(value: session.Competition) -> tuple[Rubric | None, list[Problem]]:
    return _rubric(value.rubric_key, value.rubric_name, value.rubric_text)


def outcome(on_file: Callable[[int, int, str], None] | None = None) -> session.Outcome:
    """The outcome of this session's competition in its language (cached by content).

    ``on_file`` is called before each sheet is read — only when the sheets are read at all,
    that is the first time this set of files is seen.
    """
    current, language, limit = competition(), lang(), max_upload_bytes()
    rubric, rubric_problems = rubric_of(current)
    entries, entries_problems = entries_of(current)
    read_key = _read_key()

    def read(r: Rubric, e: Entries) -> tuple[pd.DataFrame, list[Problem]]:
        return _reads().get_or_make(read_key, lambda: session.read_sheets(
            current.files, r, e, max_bytes=limit, on_file=on_file, mappings=current.mappings))

    return _outcomes().get_or_make(
        _outcome_key(),
        lambda: session.outcome_of(rubric, rubric_problems, entries, entries_problems, read,
                                   language))


def _read_key() -> str:
    return session.digest(f"{competition().key}|{max_upload_bytes()}")


def _outcome_key() -> str:
    return f"{_read_key()}|{lang()}"


def is_ready() -> bool:
    """The sheets of this session's competition are read already (nothing slow to do)."""
    return _outcome_key() in _outcomes() or _read_key() in _reads()


def whatif_basis(rule: str) -> whatif.Basis:
    """What the what-if page weighs again under panel rule ``rule``: the marks of this
    session's outcome scored once under that rule (cached; no file is read again)."""
    base, language = outcome(), lang()
    return _simulations().get_or_make(
        f"{_outcome_key()}|basis|{rule}", lambda: whatif.basis(base, rule, language))


def simulation(weights: Mapping[str, float], rule: str) -> pd.DataFrame:
    """The what-if ranking for these weights and panel rule (:func:`whatif.retotal`; cached;
    nothing official)."""
    base, language = whatif_basis(rule), lang()
    key = session.digest(
        f"{_outcome_key()}|{rule}|"
        + ",".join(f"{k}={float(v):g}" for k, v in sorted(weights.items())))
    return _simulations().get_or_make(key, lambda: whatif.retotal(base, weights, language))


@st.cache_data(max_entries=16, show_spinner=False)
def results_workbook(key: str, language: str, _result: Result) -> bytes:
    from scoring.documents.workbook import results_workbook as make

    return make(_result, language)


def entries_of(value: session.Competition) -> tuple[Entries | None, list[Problem]]:
    return _entries(value.entries_key, value.entries_name, value.entries_text)


@st.cache_resource(max_entries=16, show_spinner=False)
def _templates(key: str, judges: tuple[str, ...], _rubric: Rubric, _entries: Entries
               ) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    return judge_templates.templates(_rubric, _entries, list(judges))


def templates(rubric: Rubric, entries: Entries, judges: tuple[str, ...]
              ) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    """Judges' templates for this session's rubric and entries (cached by content)."""
    current = competition()
    return _templates(f"{current.rubric_key}|{current.entries_key}", judges, rubric, entries)


@st.cache_data(max_entries=16, show_spinner=False)
def templates_zip(key: str, judges: tuple[str, ...], _files: list[tuple[str, bytes]]) -> bytes:
    return judge_templates.zip_files(_files)


# --- the archive -----------------------------------------------------------------------------

ARCHIVE_SETTING = "database_url"
"""The app setting for the archive: ``database_url = "postgresql+psycopg://…"`` in
``.streamlit/secrets.toml``. ``$JURI_DATABASE_URL`` comes first (the CLI reads it too); with
neither, the default SQLite file ``data/juri.db``."""
ARCHIVE_NOTICE_KEY = "archive_notice"
SEEDED_SHOWN_KEY = "archive_seeded_shown"


def _archive_setting() -> str:
    try:
        value = st.secrets.get(ARCHIVE_SETTING)
    except (FileNotFoundError, KeyError):  # no secrets file, or an unreadable one
        return ""
    return str(value).strip() if value else ""


def archive_source() -> str:
    """Where the archive's URL comes from: ``env``, ``setting`` or ``default``."""
    return records.archive_source(_archive_setting())


def is_demo() -> bool:
    """No real database is configured (neither ``$JURI_DATABASE_URL`` nor the app setting):
    the app runs on the demo database (:mod:`scoring.workspace.demo`), the sample loaded."""
    return archive_source() == "default"


def archive_url() -> str:
    """The archive's URL: ``$JURI_DATABASE_URL``, else the app setting, else the demo
    database (``$JURI_DEMO_DATABASE_URL`` or data/demo.db)."""
    return demo.demo_url() if is_demo() else records.archive_url(_archive_setting())


def _release_archive(opened: records.OpenedArchive) -> None:
    if opened.archive is not None:
        opened.archive.close()


@st.cache_resource(show_spinner=False, on_release=_release_archive)
def _archive(url: str, is_demo: bool = False) -> records.OpenedArchive:
    """The archive at ``url``, opened once per process (the demo database: with the sample
    loaded on first start; a real one: never); a failure is cached too, until
    :func:`reopen_archive`."""
    if not is_demo:
        return records.open_for_app(url, seed=False)
    location = records.shown_url(url)
    try:
        return records.OpenedArchive(demo.open_demo(url), location)
    except Exception as exc:
        log.warning("the demo database %s cannot be opened: %s", location, exc)
        return records.OpenedArchive(None, location, problem="app.archive.unavailable",
                                     detail=" ".join(str(exc).split())[:300])


def archive() -> records.OpenedArchive:
    """The app's archive, or why it cannot be opened (never an exception)."""
    with st.spinner(t("app.archive.opening", lang())):
        return _archive(archive_url(), is_demo())


def reopen_archive() -> None:
    """Forget the opened archive (a failed one too): the next page opens it again."""
    _archive.clear()


def publish_session(by: str, reason: str) -> store_publishing.PublishReport:
    """Publish this session's competition (rubric, entries, files) in the archive; raises
    :class:`scoring.problems.ProblemsError` (a refusal or blocking errors)."""
    opened = archive()
    if opened.archive is None:
        raise RuntimeError("the archive is not open")
    current = competition()
    rubric, _ = rubric_of(current)
    entries, _ = entries_of(current)
    if rubric is None or entries is None:
        raise RuntimeError("publishing needs a rubric and an entries list")
    mappings, _ = session.parse_mappings(current.mappings, current.files, rubric, entries)
    return store_publishing.publish_files(opened.archive, current.rubric_text, rubric, entries,
                                          current.files, by, reason, lang(), mappings=mappings)


def archived_competition() -> int | None:
    """The archive's competition for this session's rubric and entries, if there is one."""
    opened = archive()
    current = competition()
    rubric, _ = rubric_of(current)
    entries, _ = entries_of(current)
    if opened.archive is None or rubric is None or entries is None:
        return None
    return store_publishing.find_competition(opened.archive, rubric, entries)
