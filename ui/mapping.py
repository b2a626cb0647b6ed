"""The upload page's mapping step (a component, not a page): for each judge's own workbook,
what detection found and the organiser's corrections; the mapping's session state.

Logic lives in :mod:`scoring.mappings`; this file holds the layout and the session state:

- *drafts* (``mapping_drafts``): per uploaded file, the mapping with the organiser's answers
  so far; the file is shown read by it.
- *memory* (``mapping_memory``): the mappings confirmed in this session as (judge key,
  YAML), newest first; the mapping store (``JURI_MAPPINGS_DIR``, default ``data/mappings/``)
  keeps them between sessions. A new upload is read at once by the first that was made for
  its judge and shape (:func:`with_remembered`).
- *confirmed* (``mapping_confirmed``): files whose mapping was confirmed in this session;
  what is still unsure in them stays a warning and no longer holds the step open.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from scoring import mappings
from scoring.entries import Entries
from scoring.i18n import t
from scoring.problems import Problem
from scoring.rubric import Rubric
from scoring.sheets import (
    Confirmation,
    DetectedLayout,
    Mapping,
    SheetMapping,
    detect,
    mapping_from_yaml,
)
from scoring.workspace.session import Competition, ContentCache, digest
from ui import common, state

DRAFTS_KEY = "mapping_drafts"
MEMORY_KEY = "mapping_memory"
NOTES_KEY = "mapping_notes"
ROUND_KEY = "mapping_round"
CONFIRMED_KEY = "mapping_confirmed"


@st.cache_resource(show_spinner=False)
def _detections() -> ContentCache:
    """What detection finds in a file (alone, or by a draft), by content digests."""
    return ContentCache(64)


def _store() -> mappings.MappingStore:
    return mappings.MappingStore(mappings.mappings_dir())


def _file_id(name: str, data: bytes) -> str:
    return digest(f"{name}|{digest(data)}")[:16]


def _session(key: str) -> dict:
    if key not in st.session_state:
        st.session_state[key] = {}
    return st.session_state[key]


def detection(current: Competition, name: str, data: bytes, rubric: Rubric,
              entries: Entries, draft: Mapping | None = None) -> DetectedLayout:
    key = digest(f"{current.rubric_key}|{current.entries_key}|{name}|"
                         f"{digest(data)}|{repr(draft) if draft is not None else ''}")
    return _detections().get_or_make(
        key, lambda: detect(data, name, rubric, entries, mapping=draft))


@dataclass(frozen=True)
class FileReview:
    """One judge's own workbook as the mapping step shows it."""

    name: str
    data: bytes
    file_id: str
    fresh: DetectedLayout
    """Detection alone (the rows shown, whose workbook it is)."""
    current: DetectedLayout
    """Read by the draft (or the applied mapping)."""
    draft: Mapping
    applied: str | None
    hand: bool = False
    """Nothing recognised and nothing mapped yet: the organiser picks a sheet and a header."""


def _inputs() -> tuple[Competition, Rubric | None, Entries | None]:
    current = state.competition()
    rubric, _ = state.rubric_of(current)
    entries, _ = state.entries_of(current)
    return current, rubric, entries


def _own_files(current: Competition) -> list[tuple[str, bytes]]:
    """The uploaded files within the size limit (the readers refuse hostile ones)."""
    limit = state.max_upload_bytes()
    return [(n, d) for n, d in current.files if len(d) <= limit]


def reviews() -> list[FileReview]:
    """Every uploaded judge's own workbook of this session (not templates, not refused)."""
    current, rubric, entries = _inputs()
    if current.source != "upload" or rubric is None or entries is None:
        return []
    drafts = _session(DRAFTS_KEY)
    found = []
    for name, data in _own_files(current):
        fresh = detection(current, name, data, rubric, entries)
        if fresh.layout != "sheets" and not mappings.unrecognised(fresh):
            continue  # a template, or refused: the checking report says why
        file_id = _file_id(name, data)
        applied = current.mapping_text(name)
        draft = drafts.get(file_id)
        if draft is None and applied is not None:
            draft, _ = mapping_from_yaml(applied, name, rubric, entries)
        read = (detection(current, name, data, rubric, entries, draft) if draft is not None
                else fresh)
        found.append(FileReview(name, data, file_id, fresh, read, draft or fresh.mapping,
                                applied, hand=draft is None and fresh.layout != "sheets"))
    return found


def _records() -> list[tuple[str, str]]:
    """Remembered mappings, this session's first, then the store's."""
    return [*_session(MEMORY_KEY).get("records", []), *_store().records()]


def with_remembered(competition: Competition) -> Competition:
    """``competition`` with each judge's own workbook that matches a remembered mapping (same
    judge, same shape) read by it."""
    rubric, _ = state.rubric_of(competition)
    entries, _ = state.entries_of(competition)
    if rubric is None or entries is None:
        return competition
    notes = _session(NOTES_KEY)
    records = _records()
    if not records:
        return competition
    for name, data in _own_files(competition):
        if competition.mapping_text(name) is not None:
            continue
        fresh = detection(competition, name, data, rubric, entries)
        if fresh.layout != "sheets" and not mappings.unrecognised(fresh):
            continue
        found = mappings.remembered_for(data, name, records, rubric, entries)
        if found is not None:
            competition = competition.with_mapping(name, mappings.confirmed_yaml(found))
            read = detection(competition, name, data, rubric, entries, found)
            judges = ", ".join(mappings.judge_names(read.mapping))
            notes[_file_id(name, data)] = [("info", "mapping_app.remembered_used",
                                            {"judge": judges})]
    return competition


# --- callbacks --------------------------------------------------------------------------------


def _draft_of(file_id: str, fallback: Mapping) -> Mapping:
    return _session(DRAFTS_KEY).get(file_id, fallback)


def _set_column(file_id: str, fallback: Mapping, sheet: str, letter: str, key: str) -> None:
    value = st.session_state.get(key)
    if value is None:
        return
    draft = _draft_of(file_id, fallback)
    _session(DRAFTS_KEY)[file_id] = mappings.set_column(draft, sheet, letter, value)


def _answer(file_id: str, fallback: Mapping, item: Confirmation, key: str) -> None:
    value = st.session_state.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return
    draft = _draft_of(file_id, fallback)
    _session(DRAFTS_KEY)[file_id] = mappings.answer(draft, item, " ".join(str(value).split()))


def _confirm(review: FileReview, rubric: Rubric, entries: Entries) -> None:
    draft = _draft_of(review.file_id, review.draft)
    chosen = mappings.confirmed(draft)
    shape = mappings.shape_in(review.data, review.name, chosen) or draft.shape
    text = mappings.confirmed_yaml(draft, file=review.name, shape=shape)
    state.set_competition(state.competition().with_mapping(review.name, text))
    notes: list[tuple[str, str, dict]] = []
    key = mappings.workbook_judge_key(review.data, review.name, chosen, rubric, entries)
    if key and shape:
        memory = _session(MEMORY_KEY)
        memory["records"] = [(key, text), *(r for r in memory.get("records", [])
                                            if r != (key, text))]
        problems: list[Problem] = _store().save(key, shape, text)
        judges = ", ".join(mappings.judge_names(review.current.mapping))
        notes.append(("success", "mapping_app.remembered_saved", {"judge": judges}))
        notes += [("warning", p.code, dict(p.params)) for p in problems]
    _session(NOTES_KEY)[review.file_id] = notes
    _session(CONFIRMED_KEY)[review.file_id] = True


def _header_row(review: FileReview, rubric: Rubric, entries: Entries, sheet: str,
                key: str) -> None:
    row = st.session_state.get(key)
    if not row:
        return
    draft = _draft_of(review.file_id, review.draft)
    found = mappings.recap_at(review.data, review.name, sheet, int(row), rubric, entries,
                              draft)
    if found is not None:
        _session(DRAFTS_KEY)[review.file_id] = mappings.with_sheet(draft, found)


def _by_hand(review: FileReview, rubric: Rubric, entries: Entries, sheet_key: str,
             row_key: str) -> None:
    sheet, row = st.session_state.get(sheet_key), st.session_state.get(row_key)
    if not sheet or not row:
        return
    found = mappings.recap_at(review.data, review.name, sheet, int(row), rubric, entries)
    if found is not None:
        _session(DRAFTS_KEY)[review.file_id] = Mapping(sheets=(found,), file=review.name)


def _reset(review: FileReview) -> None:
    _session(DRAFTS_KEY).pop(review.file_id, None)
    _session(CONFIRMED_KEY).pop(review.file_id, None)
    _session(NOTES_KEY).pop(review.file_id, None)
    rounds = _session(ROUND_KEY)
    rounds[review.file_id] = rounds.get(review.file_id, 0) + 1
    state.set_competition(state.competition().with_mapping(review.name, None))


# --- layout -----------------------------------------------------------------------------------


def step(lang: str) -> None:
    """The mapping step for this session's uploads (nothing when there is nothing to map)."""
    found = reviews()
    if not found:
        return
    _, rubric, entries = _inputs()
    assert rubric is not None and entries is not None
    confirmed_here = _session(CONFIRMED_KEY)
    # a file read by a remembered mapping may still hold a name never seen before
    pending = [r for r in found if r.hand or (
        mappings.needs_step(r.current) and r.file_id not in confirmed_here)]
    st.header(t("mapping_app.title", lang))
    st.markdown(t("mapping_app.intro", lang))
    if pending:
        st.warning(t("mapping_app.pending_notice", lang, count=len(pending)),
                   icon=":material/rule:")
    judges = [n for r in found for n in mappings.judge_names(r.fresh.mapping)]
    for review in found:
        _file(review, rubric, entries, judges, review in pending, lang)


def _file_label(review: FileReview, pending: bool, lang: str) -> str:
    name = common.escape(review.name)
    if review.hand:
        return t("mapping_app.file.unrecognised", lang, file=name)
    if pending:
        return t("mapping_app.file.pending", lang, file=name,
                 count=len(review.current.confirmations))
    if review.applied is not None:
        return t("mapping_app.file.applied", lang, file=name)
    return t("mapping_app.file.auto", lang, file=name)


def _file(review: FileReview, rubric: Rubric, entries: Entries, judges: list[str],
          pending: bool, lang: str) -> None:
    icon = ":material/rule:" if pending else ":material/check_circle:"
    with st.expander(_file_label(review, pending, lang), expanded=pending, icon=icon):
        round_ = _session(ROUND_KEY).get(review.file_id, 0)
        prefix = f"map_{review.file_id}_{round_}"
        if review.hand:
            _hand(review, rubric, entries, prefix, lang)
            return
        for kind, key, params in _session(NOTES_KEY).get(review.file_id, []):
            getattr(st, kind)(t(key, lang, **params))
        if review.applied is not None:
            st.caption(t("mapping_app.applied", lang))
        for index, sheet in enumerate(review.current.mapping.sheets):
            st.markdown(t("mapping_app.sheet", lang, sheet=common.escape(sheet.sheet),
                          about=common.escape(mappings.sheet_text(sheet, lang))))
            if sheet.layout == "recap" and sheet.header_row is not None:
                key = f"{prefix}_{index}_header"
                st.number_input(
                    t("mapping_app.header_row_input", lang, sheet=common.escape(sheet.sheet)),
                    min_value=1, max_value=10_000, value=sheet.header_row, step=1, key=key,
                    help=t("mapping_app.header_row_help", lang), on_change=_header_row,
                    args=(review, rubric, entries, sheet.sheet, key), width=260)
            _columns(review, sheet, rubric, f"{prefix}_{index}", lang)
            shown = sheet.rows or next(
                (s.rows for s in review.fresh.mapping.sheets if s.sheet == sheet.sheet), ())
            if shown:
                st.caption(t("mapping_app.rows", lang))
                st.dataframe(mappings.rows_frame(replace(sheet, rows=tuple(shown)),
                                                 review.draft, entries, lang),
                             hide_index=True, height=min(400, 38 + 35 * len(shown)))
            if sheet.blocks:
                st.caption(t("mapping_app.forms", lang))
                st.dataframe(mappings.blocks_frame(sheet, review.draft, entries, rubric, lang),
                             hide_index=True)
        questions = mappings.open_questions(review.current)
        if questions:
            st.markdown(f"**{t('mapping_app.questions', lang)}**")
            for item in questions:
                _question(review, item, rubric, entries, judges,
                          f"{prefix}_q_{mappings.question_id(item)}", lang)
        columns = st.columns(2)
        columns[0].metric(t("mapping_app.n_read", lang),
                          common.count_text(len(review.current.table), lang))
        columns[1].metric(t("mapping_app.n_pending", lang),
                          len(review.current.confirmations))
        if len(review.current.table):
            st.caption(t("mapping_app.preview", lang))
            st.dataframe(mappings.preview_frame(review.current.table, rubric, entries, lang),
                         hide_index=True, height=250)
        buttons = st.columns(3)
        buttons[0].button(t("mapping_app.confirm", lang), key=f"{prefix}_confirm",
                          type="primary", on_click=_confirm, args=(review, rubric, entries),
                          help=t("mapping_app.confirm_help", lang),
                          icon=":material/task_alt:")
        buttons[1].download_button(
            t("mapping_app.download", lang),
            data=mappings.confirmed_yaml(review.draft, file=review.name).encode("utf-8"),
            file_name=mappings.yaml_filename(review.name), mime="application/x-yaml",
            key=f"{prefix}_download", on_click="ignore",
            help=t("mapping_app.download_help", lang), icon=":material/download:")
        if review.applied is not None or review.file_id in _session(DRAFTS_KEY):
            buttons[2].button(t("mapping_app.reset", lang), key=f"{prefix}_reset",
                              on_click=_reset, args=(review,), icon=":material/undo:")


def _hand(review: FileReview, rubric: Rubric, entries: Entries, prefix: str, lang: str
          ) -> None:
    st.markdown(t("mapping_app.hand.intro", lang))
    names = mappings.sheet_names(review.data, review.name)
    if not names:
        return
    columns = st.columns([3, 2, 2], vertical_alignment="bottom")
    sheet_key, row_key = f"{prefix}_hand_sheet", f"{prefix}_hand_row"
    columns[0].selectbox(t("mapping_app.hand.sheet", lang), names, key=sheet_key)
    columns[1].number_input(t("mapping_app.header_row_input", lang, sheet=""), min_value=1,
                            max_value=10_000, value=1, step=1, key=row_key,
                            help=t("mapping_app.header_row_help", lang))
    columns[2].button(t("mapping_app.hand.read", lang), key=f"{prefix}_hand_read",
                      on_click=_by_hand, args=(review, rubric, entries, sheet_key, row_key),
                      icon=":material/table_view:")


def _columns(review: FileReview, sheet: SheetMapping, rubric: Rubric, prefix: str,
             lang: str) -> None:
    if not sheet.columns:
        return
    st.caption(t("mapping_app.columns", lang))
    grid = st.columns(3)
    for number, column in enumerate(sheet.columns):
        current = mappings.column_target(sheet, column.column)
        options = mappings.column_options(rubric, sheet.layout, current)
        key = f"{prefix}_col_{column.column}"
        grid[number % 3].selectbox(
            t("mapping_app.column", lang, column=column.column,
              header=common.escape(column.header or "–")),
            options, index=options.index(current) if current is not None else None,
            format_func=lambda target: mappings.target_label(target, rubric, lang),
            key=key, placeholder=t("mapping_app.choose", lang),
            help=t("mapping_app.column_help", lang,
                   confidence=mappings.confidence_text(column.confidence, lang),
                   candidates=mappings.candidates_text(column.confidence, lang)),
            on_change=_set_column,
            args=(review.file_id, review.draft, sheet.sheet, column.column, key))


def _question(review: FileReview, item: Confirmation, rubric: Rubric, entries: Entries,
              judges: list[str], key: str, lang: str) -> None:
    label = common.escape(mappings.confirmation_text(item, lang))
    common_args = {"key": key, "index": None, "placeholder": t("mapping_app.choose", lang),
                   "on_change": _answer, "args": (review.file_id, review.draft, item, key)}
    if item.kind in ("entry", "block"):
        st.selectbox(label, mappings.entry_options(entries, item),
                     format_func=lambda e: mappings.entry_label(e, entries, lang),
                     **common_args)
    elif item.kind == "criterion":
        st.selectbox(label, mappings.criterion_options(rubric, item),
                     format_func=lambda c: mappings.target_label(c, rubric, lang),
                     **common_args)
    else:  # the judge: a known name, or a new one typed in
        st.selectbox(label, mappings.judges_offered(review.fresh, judges),
                     accept_new_options=True, **common_args)
