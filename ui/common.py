"""Small components shared by the pages: the sidebar, the error guard, tables, reports."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence

import pandas as pd
import streamlit as st
from streamlit.navigation.page import StreamlitPage

from scoring.entries import Entries
from scoring.i18n import LANGUAGES, format_date, format_number, t
from scoring.problems import Problem
from scoring.rubric import Category, Rubric
from scoring.workspace.session import Outcome
from ui import PAGES, state
from ui.views.format import short_fingerprint, styled
from ui.views.report import problem_groups

log = logging.getLogger("juri.app")

_MARKDOWN_SPECIAL = "\\`*_{}[]<>#|~$"


def escape(text: object) -> str:
    """User-provided text (entry and judge names) shown literally inside markdown."""
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in str(text))


def pages(lang: str) -> list[StreamlitPage]:
    """The navigation's pages, titled in ``lang``, from the one list in :data:`ui.PAGES`."""
    return [st.Page(spec.path, title=t(spec.title, lang), icon=spec.icon,
                    url_path=spec.url_path, default=spec.default) for spec in PAGES]


def sidebar(lang: str) -> Callable[[], None]:
    """The language switch; returns what fills in, after the page has run (and perhaps
    replaced it), which competition is in use."""
    with st.sidebar:
        st.radio(t("app.language", lang), LANGUAGES, key=state.LANG_KEY, horizontal=True,
                 format_func=lambda code: t(f"app.language.{code}", lang))
        status = st.empty()
    return lambda: status.caption(state.source_text(lang))


def guarded(action: Callable[[], object], lang: str) -> None:
    """Run ``action`` (a page, the sidebar); an unexpected failure becomes a short message
    from the catalogue and is logged with its traceback, which the user never sees."""
    try:
        action()
    except Exception:
        log.exception("unexpected failure in %s", getattr(action, "__qualname__", action))
        st.error(t("app.error.unexpected", lang), icon=":material/error:")


def run_page(page: StreamlitPage, lang: str) -> None:
    guarded(page.run, lang)


def table(frame: pd.DataFrame, numbers: Sequence[str], lang: str, *, decimals: int = 2,
          height: int | str = "auto", key: str | None = None,
          pinned: Sequence[str] = (), widths: Mapping[str, Mapping[str, object]] | None = None
          ) -> None:
    """A sortable table; ``numbers`` shown the Indonesian way and sorted by value;
    ``pinned`` columns stay in view when the table scrolls sideways; ``widths`` a column
    configuration of widths (:func:`ui.views.format.column_widths`)."""
    config: dict[str, dict[str, object]] = {c: dict(v) for c, v in (widths or {}).items()}
    for column in pinned:
        config.setdefault(column, {})["pinned"] = True
    st.dataframe(styled(frame, numbers, lang, decimals), hide_index=True,
                 height=height, key=key, column_config=config or None)


def category_tabs(rubric: Rubric, lang: str, categories: Iterable[str] | None = None
                  ) -> list[tuple[Category, object]]:
    """One tab per category of the rubric (or of ``categories``), in rubric order."""
    chosen = [c for c in rubric.categories if categories is None or c.id in set(categories)]
    tabs = st.tabs([c.label(lang) for c in chosen])
    return list(zip(chosen, tabs, strict=True))


def source_caption(outcome: Outcome, lang: str) -> None:
    """Which competition, from which files, and its fingerprint."""
    parts = []
    if outcome.rubric is not None:
        parts.append(escape(outcome.rubric.label(lang)))
        if outcome.rubric.date is not None:
            parts.append(format_date(outcome.rubric.date, lang))
    parts.append(state.source_text(lang))
    if outcome.result is not None and outcome.ok:
        parts.append(t("app.fingerprint", lang,
                       fingerprint=short_fingerprint(outcome.result.fingerprint)))
    st.caption(" · ".join(parts))


def require_result(outcome: Outcome, lang: str) -> bool:
    """True when there is a ranking; otherwise say why not and where to fix it."""
    if outcome.ok:
        return True
    if outcome.rubric is None or outcome.entries is None:
        st.error(t("app.blocked.inputs", lang), icon=":material/block:")
        st.page_link(PAGES[0].path, label=t("app.blocked.go_competition", lang),
                     icon=":material/arrow_forward:")
    else:
        st.error(t("app.blocked.errors", lang, count=len(outcome.errors)),
                 icon=":material/block:")
        st.page_link(PAGES[1].path, label=t("app.blocked.go_upload", lang),
                     icon=":material/arrow_forward:")
    return False


def problems_report(problems: Sequence[Problem], lang: str, *, expand_errors: bool = True,
                    rubric: Rubric | None = None, entries: Entries | None = None) -> None:
    """The checking report: by file, then sheet; each row a cell, the entry and criterion
    (named from ``rubric`` and ``entries`` when given), severity and message."""
    if not problems:
        return
    for group in problem_groups(problems, lang, rubric, entries):
        title = t("app.report.file", lang,
                  file=escape(group.file) if group.file else t("app.report.no_file", lang),
                  errors=group.n_errors, warnings=group.n_warnings)
        icon = ":material/error:" if group.n_errors else ":material/warning:"
        with st.expander(title, expanded=expand_errors and group.n_errors > 0, icon=icon):
            for sheet, frame in group.sheets.items():
                if sheet:
                    st.markdown(t("app.report.sheet", lang, sheet=escape(sheet)))
                st.dataframe(frame, hide_index=True)


def count_text(value: int, lang: str) -> str:
    return format_number(value, lang, 0)
