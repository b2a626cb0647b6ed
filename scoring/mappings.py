"""The app's mapping step and the remembered mappings (no page code here).

When a judge's own workbook (not a Juri template) is uploaded, detection
(:func:`scoring.sheets.detect`) finds a :class:`~scoring.sheets.Mapping` with a confidence for
each item. Where it is unsure, the app shows a *mapping step*: the detected header row,
columns and rows, with choices whose options come from the rubric's criteria and the entries
registry. The organiser's answers go into a *draft* (a Mapping), the workbook is read again
by it, and once confirmed the mapping is *applied* (the competition reads that file by it)
and *remembered*.

Words used here:

- *judge key*: whose workbook it is, as the workbook itself says (each mapped sheet's judge
  found from a label cell, the sheet's name or the file's name, folded; never a judge the
  mapping names: :func:`workbook_judge_key`). Remembered mappings are kept per judge key
  and *shape* (:func:`scoring.sheets.workbook_shape`): the next workbook of the same judge
  and shape is read by the remembered mapping with no clicks, and another judge's workbook
  of the same shape is not.
- *mapping store*: where remembered mappings are kept between sessions: one YAML file per
  (judge key, shape) in a folder, :data:`MAPPINGS_DIR_ENV` or ``data/mappings/``
  (:class:`MappingStore`); its first line, a comment, names the judge key. The files are the
  same YAML the CLI reads with ``--mapping``.
- *confirmed YAML*: the mapping as saved (:func:`confirmed_yaml`): only decisions are written;
  an item still unsure is left out, so reading by the file reports it again as a warning
  rather than taking a guess.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from collections.abc import Mapping as MappingABC
from dataclasses import replace
from pathlib import Path, PurePath

import pandas as pd

from scoring.entries import Entries
from scoring.i18n import format_number, t
from scoring.identity import fold
from scoring.problems import Problem, warning
from scoring.rubric import Rubric
from scoring.sheets import (
    IGNORE,
    Confidence,
    Confirmation,
    DetectedLayout,
    Mapping,
    SheetMapping,
    mapping_from_yaml,
    mapping_to_yaml,
)
from scoring.sheets import recap as recap_layout
from scoring.sheets.detect import find_judge, with_book, workbook_shape
from scoring.sheets.grid import Book
from scoring.sheets.mapping import shape_of
from scoring.sheets.reading import Context

ROOT = Path(__file__).resolve().parent.parent
MAPPINGS_DIR_ENV = "JURI_MAPPINGS_DIR"
"""Environment variable: the folder of remembered mappings (default ``data/mappings``)."""
DEFAULT_MAPPINGS_DIR = ROOT / "data" / "mappings"

SHEET_TYPES = ("xlsx", "xlsm", "xls", "ods", "xlsb", "csv")
"""File kinds the upload page accepts (the readers take all of them)."""

ROLE_CHOICES: MappingABC[str, tuple[str, ...]] = {
    "recap": ("ignore", "entry", "entry_id", "number", "total", "rank", "note", "category",
              "judge"),
    "long": ("ignore", "entry", "entry_id", "criterion", "score", "judge", "category",
             "number", "note"),
    "form": ("ignore", "criterion", "score", "number", "weight", "scale", "weighted", "note"),
}
"""The column roles offered for each sheet layout (recap columns also take any leaf)."""


# --- judge key and the store ------------------------------------------------------------------


def judge_key(mapping: Mapping) -> str:
    """Whose workbook this is (see the module's words); '' when no judge was found."""
    names = sorted({fold(s.judge.name) for s in mapping.sheets if s.judge and s.judge.name})
    return " + ".join(n for n in names if n)


def judge_names(mapping: Mapping) -> list[str]:
    """The judges of the mapping's sheets as written, each once."""
    return list(dict.fromkeys(s.judge.name for s in mapping.sheets if s.judge and s.judge.name))


def _slug(text: str) -> str:
    readable = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40] or "juri"
    return f"{readable}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:6]}"


def mappings_dir(environ: MappingABC[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    raw = environ.get(MAPPINGS_DIR_ENV, "").strip()
    return Path(raw) if raw else DEFAULT_MAPPINGS_DIR


class MappingStore:
    """Remembered mappings as YAML files in ``directory`` (see the module's words).

    Nothing here raises on a folder that cannot be read or written: saving returns a
    problem, finding returns nothing.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else mappings_dir()

    def path_for(self, key: str, shape: str) -> Path:
        return self.directory / f"{_slug(key)}.{re.sub(r'[^0-9a-f]', '', shape)[:16]}.yaml"

    def records(self) -> list[tuple[str, str]]:
        """Every remembered mapping as (judge key, YAML), newest first."""
        try:
            paths = sorted(self.directory.glob("*.yaml"), key=lambda p: p.stat().st_mtime,
                           reverse=True)
            texts = [p.read_text(encoding="utf-8") for p in paths]
        except (OSError, UnicodeDecodeError):
            return []
        found = []
        for text in texts:
            first = text.split("\n", 1)[0]
            if first.startswith(KEY_LINE):
                found.append((first[len(KEY_LINE):].strip(), text))
        return found

    def save(self, key: str, shape: str, text: str) -> list[Problem]:
        path = self.path_for(key, shape)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(f"{KEY_LINE}{key}\n{text}")
            os.replace(temporary, path)
        except OSError as exc:
            return [warning("mapping_app.not_saved", file=path.name, path=str(path),
                            reason=exc.strerror or type(exc).__name__)]
        return []

    def forget(self, key: str, shape: str) -> None:
        with contextlib.suppress(OSError):
            self.path_for(key, shape).unlink(missing_ok=True)


KEY_LINE = "# juri-judge-key: "
"""The first line of a remembered mapping file: whose it is (a YAML comment)."""


def _judge_key_in(book: Book, mapping: Mapping, rubric: Rubric, entries: Entries) -> str:
    """Whose workbook it is by the workbook itself: each mapped sheet's judge found again
    (label cell, sheet name, file name), ignoring the judges the mapping names."""
    plain = replace(mapping, judge=None,
                    sheets=tuple(replace(s, judge=None) for s in mapping.sheets))
    ctx = Context(rubric, entries, plain, file=book.file, kind=book.kind)
    names = set()
    for sheet in plain.sheets:
        grid = book.by_name.get(sheet.sheet)
        if grid is not None:
            names.add(fold(find_judge(grid, sheet, book, ctx).name))
    return " + ".join(sorted(n for n in names if n))


def workbook_judge_key(data: bytes, filename: str, mapping: Mapping, rubric: Rubric,
                       entries: Entries) -> str:
    """The judge key of a workbook read by ``mapping`` (see :func:`_judge_key_in`)."""
    return with_book(data, filename,
                     lambda book: _judge_key_in(book, mapping, rubric, entries)) or ""


def remembered_for(data: bytes, filename: str, records: Iterable[tuple[str, str]],
                   rubric: Rubric, entries: Entries) -> Mapping | None:
    """The first remembered mapping (``records``: judge key and YAML) made for this
    workbook's judge and shape, made to apply to ``filename``; None when none fits. A mapping
    made for another rubric or entries list (unknown ids) is not used."""
    parsed = []
    for key, text in records:
        mapping, problems = mapping_from_yaml(text, "<remembered>", rubric, entries)
        if mapping is not None and not problems and mapping.shape and key:
            parsed.append((key, mapping))
    if not parsed:
        return None

    def first(book: Book) -> Mapping | None:
        for key, mapping in parsed:
            if shape_of(book, mapping) == mapping.shape and \
                    _judge_key_in(book, mapping, rubric, entries) == key:
                return replace(mapping, file=filename)
        return None

    return with_book(data, filename, first)


def sheet_names(data: bytes, filename: str) -> list[str]:
    """The sheets of a workbook that hold something (for mapping one by hand)."""
    return with_book(data, filename,
                     lambda book: [g.name for g in book.grids if g.rows]) or []


def recap_at(data: bytes, filename: str, sheet: str, header_row: int, rubric: Rubric,
             entries: Entries, mapping: Mapping | None = None) -> SheetMapping | None:
    """``sheet`` read as a recap whose header is ``header_row``: each heading matched as
    detection matches it, the entry column found below (None: no such sheet)."""

    def build(book: Book) -> SheetMapping | None:
        grid = book.by_name.get(sheet)
        if grid is None:
            return None
        ctx = Context(rubric, entries, mapping, file=filename, kind=book.kind)
        columns = recap_layout._header_columns(grid, header_row, ctx)
        columns = recap_layout._with_entry_columns(grid, header_row, columns, ctx)
        found = SheetMapping(sheet, "recap", header_row=header_row, columns=tuple(columns))
        return replace(found, rows=tuple(recap_layout._entry_rows(grid, found, ctx)))

    return with_book(data, filename, build)


def with_sheet(mapping: Mapping, sheet: SheetMapping) -> Mapping:
    """``mapping`` with ``sheet`` in place of the sheet of that name (or added)."""
    others = [s for s in mapping.sheets if s.sheet != sheet.sheet]
    return replace(mapping, sheets=(*others, sheet), skip=tuple(
        name for name in mapping.skip if name != sheet.sheet))


def unrecognised(found: DetectedLayout) -> bool:
    """A workbook that opened but in which no sheet was recognised (it may be mapped by
    hand), as opposed to one refused as hostile or broken."""
    return found.layout == "refused" and any(
        p.code == "layout.unrecognised" for p in found.problems)


# --- confirmed mapping ------------------------------------------------------------------------


def _sure_sheet(sheet: SheetMapping) -> SheetMapping:
    return replace(sheet, columns=tuple(c for c in sheet.columns if c.confidence.sure))


def confirmed(mapping: Mapping) -> Mapping:
    """The mapping with every item still unsure left out (see *confirmed YAML*)."""
    return replace(mapping, sheets=tuple(_sure_sheet(s) for s in mapping.sheets))


def confirmed_yaml(mapping: Mapping, *, file: str | None = None, shape: str | None = None
                   ) -> str:
    """The confirmed mapping as YAML (``file``: the files it applies to, default its own;
    ``shape``: the workbook's shape, default the mapping's)."""
    chosen = confirmed(mapping)
    if file is not None:
        chosen = replace(chosen, file=file)
    if shape is not None:
        chosen = replace(chosen, shape=shape)
    return mapping_to_yaml(chosen)


def shape_in(data: bytes, filename: str, mapping: Mapping) -> str | None:
    """The shape of the workbook in ``data`` read by ``mapping``."""
    return workbook_shape(data, filename, mapping)


def detected_yaml(found: DetectedLayout, lang: str) -> str:
    """The detected mapping as YAML for editing (``python -m scoring detect``): the confirmed
    part, then a comment per item to decide, naming its cell and candidates."""
    text = confirmed_yaml(found.mapping)
    if not found.confirmations:
        return text
    lines = [f"# {t('mapping_app.yaml.pending', lang, count=len(found.confirmations))}"]
    for item in found.confirmations:
        lines.append(f"#   {confirmation_text(item, lang)}")
    return "\n".join(lines) + "\n" + text


# --- answers ----------------------------------------------------------------------------------


def set_column(mapping: Mapping, sheet: str, column: str, target: str) -> Mapping:
    """Column ``column`` of ``sheet`` holds ``target`` (a leaf id, a role or IGNORE)."""
    return mapping.with_column(sheet, column, target)


def answer(mapping: Mapping, item: Confirmation, target: str) -> Mapping:
    """A person's answer to a confirmation (an entry id, a criterion id, IGNORE, a judge)."""
    return mapping.resolve(item, target)


def open_questions(found: DetectedLayout) -> list[Confirmation]:
    """The confirmations a person answers outside the columns: names (entries, headings of
    forms and long sheets), forms without an entry, judges; recap columns are asked as
    columns."""
    return [c for c in found.confirmations if not (c.kind == "criterion" and c.column)]


def question_id(item: Confirmation) -> str:
    """A stable short id for a confirmation (the same item keeps it while others go)."""
    about = repr((item.kind, item.sheet, item.text, item.column, item.row))
    return hashlib.sha256(about.encode("utf-8")).hexdigest()[:12]


# --- options and labels -----------------------------------------------------------------------


def column_options(rubric: Rubric, layout: str, current: str | None = None) -> list[str]:
    """What a column may be: roles for the layout, then (recap) every leaf criterion."""
    options = list(ROLE_CHOICES.get(layout, ROLE_CHOICES["recap"]))
    if layout == "recap":
        options += [leaf.id for leaf in rubric.leaves]
    if current is not None and current not in options:
        options.append(current)
    return options


def column_target(sheet: SheetMapping, letter: str) -> str | None:
    """What a column is read as; None while it is unsure (not read until decided)."""
    column = sheet.column(letter)
    if column is None or not column.confidence.sure:
        return None
    if column.role == "criterion" and column.criterion_id:
        return column.criterion_id
    return column.role


def target_label(target: str, rubric: Rubric, lang: str) -> str:
    """What an option means, in words: a criterion's label (and id) or a role's name."""
    if target in rubric.nodes:
        return f"{rubric.leaf_labels(lang).get(target, rubric.nodes[target].label(lang))} " \
               f"({target})"
    key = f"mapping_app.role.{target}"
    return t(key, lang) if _known(key) else target


def _known(key: str) -> bool:
    from scoring.i18n import CATALOGUE

    return key in CATALOGUE


def criterion_options(rubric: Rubric, item: Confirmation | None = None) -> list[str]:
    """IGNORE, the item's candidates, then every other leaf in rubric order."""
    leaves = [leaf.id for leaf in rubric.leaves]
    first = [o.id for o in (item.candidates if item else ()) if o.id in leaves]
    return [IGNORE, *dict.fromkeys([*first, *leaves])]


def entry_options(entries: Entries, item: Confirmation | None = None) -> list[str]:
    """IGNORE, the item's candidates, then every other entry by category and name."""
    first = [o.id for o in (item.candidates if item else ()) if o.id in entries.by_id]
    rest = [e.id for e in sorted(entries, key=lambda e: (e.category, e.name))]
    return [IGNORE, *dict.fromkeys([*first, *rest])]


def entry_label(entry_id: str, entries: Entries, lang: str) -> str:
    if entry_id == IGNORE:
        return t("mapping_app.ignore", lang)
    entry = entries.by_id.get(entry_id)
    return f"{entry.name} ({entry.category})" if entry else entry_id


def confidence_text(confidence: Confidence, lang: str) -> str:
    status = t(f"mapping_app.status.{confidence.status}", lang)
    if confidence.status in ("confident", "uncertain"):
        return t("mapping_app.confidence", lang, status=status,
                 score=format_number(confidence.score, lang, 0))
    return status


def candidates_text(item: Confirmation | Confidence, lang: str) -> str:
    names = "; ".join(f"{o.label} ({o.id}, {format_number(o.score, lang, 0)})"
                      for o in item.candidates)
    return t("mapping_app.candidates", lang, names=names) if names else t(
        "mapping_app.no_candidates", lang)


def confirmation_text(item: Confirmation, lang: str) -> str:
    """What a confirmation asks, in words (the CLI and the app)."""
    where = ", ".join(p for p in (item.sheet, item.cell) if p)
    if item.kind == "entry":
        text = t("mapping_app.ask.entry", lang, text=item.text, where=where)
    elif item.kind == "criterion" and item.column:
        text = t("mapping_app.ask.column", lang, column=item.column, text=item.text,
                 where=where)
    elif item.kind == "criterion":
        text = t("mapping_app.ask.criterion", lang, text=item.text, where=where)
    elif item.kind == "block":
        text = t("mapping_app.ask.block", lang, row=item.row or 0, text=item.text,
                 where=where)
    else:
        text = t("mapping_app.ask.judge", lang, text=item.text, where=where)
    return f"{text} — {candidates_text(item, lang)}"


def sheet_text(sheet: SheetMapping, lang: str) -> str:
    """One line about a sheet: its layout, header row and judge (with where it was found)."""
    parts = [t(f"mapping_app.layout.{sheet.layout}", lang)]
    if sheet.header_row is not None:
        parts.append(t("mapping_app.header_row", lang, row=sheet.header_row))
    if sheet.judge is not None:
        source = t(f"mapping_app.judge_source.{sheet.judge.source}", lang,
                   cell=sheet.judge.cell or "")
        parts.append(t("mapping_app.judge", lang, judge=sheet.judge.name, source=source))
    return " · ".join(parts)


def rows_frame(sheet: SheetMapping, mapping: Mapping, entries: Entries, lang: str
               ) -> pd.DataFrame:
    """The detected rows (recap rows, long names): row, text, the entry, confidence; an
    answer given for a name is shown as confirmed."""
    records = []
    for row in sheet.rows:
        given = mapping.entry_name(row.text)
        entry_id = given if given is not None else (
            row.entry_id if row.confidence.sure else None)
        status = (t("mapping_app.status.confirmed", lang) if given is not None
                  else confidence_text(row.confidence, lang))
        records.append({
            t("mapping_app.col.row", lang): row.row,
            t("mapping_app.col.text", lang): row.text,
            t("mapping_app.col.entry", lang): (entry_label(entry_id, entries, lang)
                                               if entry_id else "–"),
            t("mapping_app.col.confidence", lang): status,
        })
    return pd.DataFrame(records, columns=[t(f"mapping_app.col.{c}", lang) for c in (
        "row", "text", "entry", "confidence")])


def blocks_frame(sheet: SheetMapping, mapping: Mapping, entries: Entries, rubric: Rubric,
                 lang: str) -> pd.DataFrame:
    """A form sheet's forms: their rows, the entry (an answer shown as confirmed), how sure,
    and the criteria found down the rows."""
    labels = rubric.leaf_labels(lang)
    records = []
    for block in sheet.blocks:
        given = mapping.entry_name(block.text) if block.text else None
        entry_id = given if given is not None else (
            block.entry_id if block.entry_id and block.confidence.sure else None)
        status = (t("mapping_app.status.confirmed", lang) if given is not None
                  else confidence_text(block.confidence, lang))
        found = [labels.get(c.criterion_id, c.criterion_id) for c in block.criteria
                 if c.criterion_id]
        records.append({
            t("mapping_app.col.rows", lang): f"{block.first_row}–{block.last_row}",
            t("mapping_app.col.text", lang): block.text,
            t("mapping_app.col.entry", lang): (entry_label(entry_id, entries, lang)
                                               if entry_id else "–"),
            t("mapping_app.col.confidence", lang): status,
            t("mapping_app.col.criterion", lang): ", ".join(found),
        })
    return pd.DataFrame(records, columns=[t(f"mapping_app.col.{c}", lang) for c in (
        "rows", "text", "entry", "confidence", "criterion")])


def preview_frame(scores: pd.DataFrame, rubric: Rubric, entries: Entries, lang: str,
                  limit: int = 200) -> pd.DataFrame:
    """The scores a mapping reads (the first ``limit``), in words, with their cells."""
    labels = rubric.leaf_labels(lang)
    head = scores.head(limit)
    return pd.DataFrame({
        t("mapping_app.col.cell", lang): [f"{s} › {c}" for s, c in zip(
            head["source_sheet"], head["source_cell"], strict=True)],
        t("mapping_app.col.entry", lang): [entry_label(e, entries, lang)
                                           for e in head["entry_id"]],
        t("mapping_app.col.judge", lang): list(head["judge_id"]),
        t("mapping_app.col.criterion", lang): [labels.get(c, c) for c in head["criterion_id"]],
        t("mapping_app.col.score", lang): list(head["score"]),
    })


def needs_step(found: DetectedLayout) -> bool:
    """A judge's own workbook whose detection left something for a person to decide."""
    return found.layout == "sheets" and bool(found.confirmations)


def yaml_filename(filename: str) -> str:
    return f"{PurePath(filename).stem or 'juri'}.mapping.yaml"


def judges_offered(found: DetectedLayout, others: Sequence[str]) -> list[str]:
    """Names offered for a judge's confirmation: the detected ones, then ``others``."""
    return list(dict.fromkeys([*judge_names(found.mapping), *(o for o in others if o)]))
