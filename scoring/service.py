"""The app's service layer: plain functions between the Streamlit pages and the engine.

Nothing here imports Streamlit. The pages in ``ui/`` hold layout only; whatever they show is
computed here from the same public functions the CLI uses (:func:`scoring.rubric.parse_rubric`,
:func:`scoring.entries.parse_entries`, :func:`scoring.sheets.read_many`,
:func:`scoring.pipeline.score`, :mod:`scoring.agreement`, :mod:`scoring.diagnostics`), and
turned into data frames the pages can display or chart.

Words used here:
- *competition*: what the app is working on — a rubric file, an entries list and the judges'
  workbooks, each kept as it came (text or bytes), see :class:`Competition`.
- *key*: a sha256 of content. Caches in the app are keyed by these, so the same files read
  once are never read again, whatever page or language is shown.
- *outcome*: everything one competition gives: the rubric and entries (or their problems),
  the score table, every problem, and the :class:`~scoring.result.Result` (see
  :class:`Outcome`).
- *display frame*: a frame whose column headers are already in the user's language and whose
  numbers stay numbers (the pages format them the Indonesian way with :func:`styled`).
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from scoring import sheets, table
from scoring.agreement import AgreementSummary, agreement_summary
from scoring.entries import Entries, parse_entries
from scoring.i18n import format_number, t
from scoring.pipeline import score
from scoring.problems import HasProblems, Problem, ProblemsError, error
from scoring.result import Result
from scoring.rubric import Criterion, Rubric, parse_rubric
from scoring.sheets.template import write_template

ROOT = Path(__file__).resolve().parent.parent
RUBRICS_DIR = ROOT / "rubrics"
SAMPLE_RUBRIC = RUBRICS_DIR / "budaya_kerja_tulta.yaml"
SAMPLE_ENTRIES = ROOT / "data" / "entries_pekalongan_sample.csv"
SAMPLE_SHEETS = ROOT / "data" / "samples" / "budaya_kerja_2026"

MAX_UPLOAD_ENV = "JURI_MAX_UPLOAD_MB"
"""Environment variable: the largest upload the app accepts, in megabytes (per file)."""
DEFAULT_MAX_UPLOAD_MB = 5
"""A judge's filled template is tens of KB; 5 MB leaves room for big competitions."""
MB = 1024 * 1024

PANEL_RULES = ("mean", "median", "trimmed_mean", "rank_sum")
"""The panel rules a rubric may name (:class:`scoring.rubric.Panel`), in the order offered."""

Source = Literal["sample", "upload"]


def digest(data: bytes | str) -> str:
    """sha256 hex digest of ``data`` (text as UTF-8)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def files_digest(files: Iterable[tuple[str, bytes]]) -> str:
    """One digest over ``(name, bytes)`` pairs, in order (a renamed file is another set)."""
    outer = hashlib.sha256()
    for name, data in files:
        outer.update(digest(name).encode())
        outer.update(digest(data).encode())
    return outer.hexdigest()


# --- the competition being worked on --------------------------------------------------------


@dataclass(frozen=True)
class Competition:
    """The inputs of one competition as they came: rubric text, entries text, workbooks."""

    rubric_name: str
    rubric_text: str
    entries_name: str
    entries_text: str
    files: tuple[tuple[str, bytes], ...] = ()
    source: Source = "sample"
    mappings: tuple[tuple[str, str, str], ...] = ()
    """Confirmed mappings of judges' own workbooks: (file name, sha256 of the file, mapping
    YAML); a file is read by its mapping only while its content is the same."""

    @cached_property
    def rubric_key(self) -> str:
        return digest(self.rubric_text)

    @cached_property
    def entries_key(self) -> str:
        return digest(self.entries_text)

    @cached_property
    def files_key(self) -> str:
        return files_digest(self.files)

    @cached_property
    def key(self) -> str:
        """The digest of everything: equal keys, equal outcome."""
        parts = [self.rubric_key, self.entries_key, self.files_key]
        if self.mappings:
            parts.append(digest(repr(self.mappings)))
        return digest("|".join(parts))

    @property
    def file_names(self) -> list[str]:
        return [name for name, _ in self.files]

    def with_rubric(self, name: str, text: str) -> Competition:
        return replace(self, rubric_name=name, rubric_text=text)

    def with_entries(self, name: str, text: str) -> Competition:
        return replace(self, entries_name=name, entries_text=text)

    def with_files(self, files: Iterable[tuple[str, bytes]], source: Source = "upload"
                   ) -> Competition:
        """These files instead; the mappings of files still there (same content) are kept."""
        files = tuple((str(n), bytes(d)) for n, d in files)
        present = {(name, digest(data)) for name, data in files}
        kept = tuple(m for m in self.mappings if (m[0], m[1]) in present)
        return replace(self, files=files, source=source, mappings=kept)

    def with_mapping(self, name: str, text: str | None) -> Competition:
        """File ``name`` read by the mapping ``text`` (YAML); None: by detection again."""
        data = dict(self.files).get(name)
        kept = tuple(m for m in self.mappings if m[0] != name)
        if text is None or data is None:
            return replace(self, mappings=kept)
        return replace(self, mappings=(*kept, (name, digest(data), text)))

    def mapping_text(self, name: str) -> str | None:
        """The confirmed mapping file ``name`` is read by, if any."""
        data = dict(self.files).get(name)
        return next((text for n, d, text in self.mappings
                     if n == name and data is not None and d == digest(data)), None)


def sample_competition() -> Competition:
    """The bundled sample: the TULTA rubric, the Pekalongan entries and five judges' sheets."""
    files = tuple((path.name, path.read_bytes())
                  for path in sorted(SAMPLE_SHEETS.glob("*.xlsx")))
    return Competition(
        rubric_name=SAMPLE_RUBRIC.name,
        rubric_text=SAMPLE_RUBRIC.read_text(encoding="utf-8"),
        entries_name=SAMPLE_ENTRIES.name,
        entries_text=SAMPLE_ENTRIES.read_text(encoding="utf-8-sig"),
        files=files,
        source="sample",
    )


def sample_judges() -> list[str]:
    """The judges' names of the sample competition (``judges.txt``), for the template form."""
    path = SAMPLE_SHEETS / "judges.txt"
    if not path.exists():
        return []
    return judge_names(path.read_text(encoding="utf-8"))


def judge_names(text: str) -> list[str]:
    """One name per line; blank lines and ``#`` comments left out, duplicates once."""
    names = [" ".join(line.split()) for line in text.splitlines()]
    names = [n for n in names if n and not n.startswith("#")]
    return list(dict.fromkeys(names))


def rubric_files(directory: Path = RUBRICS_DIR) -> list[Path]:
    """The rubric files shipped in ``rubrics/``, by name."""
    return sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])


# --- uploads --------------------------------------------------------------------------------


def max_upload_mb(environ: Mapping[str, str] | None = None) -> int:
    """The per-file upload limit in MB: ``JURI_MAX_UPLOAD_MB`` if a positive whole number,
    else :data:`DEFAULT_MAX_UPLOAD_MB`."""
    environ = os.environ if environ is None else environ
    raw = environ.get(MAX_UPLOAD_ENV, "").strip()
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_MAX_UPLOAD_MB
    return value if value > 0 else DEFAULT_MAX_UPLOAD_MB


def size_problems(files: Iterable[tuple[str, bytes]], max_bytes: int) -> list[Problem]:
    """An error for each file larger than ``max_bytes`` (the uploader's own limit is not
    trusted: our code checks again)."""
    return [error("app.upload.too_large", file=name,
                  size=format_number(len(data) / MB, "id", 1),
                  size_en=format_number(len(data) / MB, "en", 1),
                  limit=format_number(max_bytes / MB, "id", 0),
                  limit_en=format_number(max_bytes / MB, "en", 0))
            for name, data in files if len(data) > max_bytes]


def decode_text(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Uploaded text (a rubric or an entries list) as a string, or a problem."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return None, [error("app.upload.not_text", file=name)]


def text_upload(name: str, data: bytes, max_bytes: int) -> tuple[str | None, list[Problem]]:
    """An uploaded rubric or entries file as text, after the size check."""
    too_large = size_problems([(name, data)], max_bytes)
    if too_large:
        return None, too_large
    return decode_text(data, name)


def parse_mappings(mappings: Iterable[tuple[str, str, str]], files: Sequence[tuple[str, bytes]],
                   rubric: Rubric, entries: Entries
                   ) -> tuple[list[sheets.Mapping], list[Problem]]:
    """The confirmed mappings (see :attr:`Competition.mappings`) of the files still there,
    each applying to its own file only; a mapping that no longer fits the rubric or the
    entries is a problem and its file is read by detection."""
    present = {(name, digest(data)) for name, data in files}
    found: list[sheets.Mapping] = []
    problems: list[Problem] = []
    for name, data_digest, text in mappings:
        if (name, data_digest) not in present:
            continue
        mapping, wrong = sheets.mapping_from_yaml(text, f"{name} (mapping)", rubric, entries)
        problems += wrong
        if mapping is not None:
            found.append(replace(mapping, file=name))
    return found, problems


def read_sheets(files: Sequence[tuple[str, bytes]], rubric: Rubric, entries: Entries, *,
                max_bytes: int, on_file: Callable[[int, int, str], None] | None = None,
                mappings: Sequence[tuple[str, str, str]] = ()
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """Read the judges' workbooks into one score table with every problem found.

    Files over ``max_bytes`` are not parsed; nor are those the readers' safety check
    (:mod:`scoring.sheets.safety`, run before any parser) refuses. Their problems say why.
    ``on_file(index, count, name)`` is called before each file is read (for a progress bar).
    ``mappings`` (:attr:`Competition.mappings`) say how to read the judges' own workbooks a
    person mapped; the others are detected.
    """
    problems = size_problems(files, max_bytes)
    refused = {p.file for p in problems}
    readable = [f for f in files if f[0] not in refused]
    parsed, wrong = parse_mappings(mappings, readable, rubric, entries)
    problems += wrong

    def announced() -> Iterator[tuple[str, bytes]]:
        for index, (name, data) in enumerate(readable):
            if on_file is not None:
                on_file(index, len(readable), name)
            yield name, data

    scores, found = sheets.read_many(announced(), rubric, entries, mappings=parsed)
    return scores, problems + list(found)


class ContentCache:
    """A small thread-safe LRU keyed by content digests (the app keeps one per process)."""

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: str) -> bool:
        with self._lock:
            return key in self._items

    def get_or_make(self, key: str, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()  # outside the lock: reading files may take a while
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


# --- the outcome ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome(HasProblems):
    """What a competition gives. ``result`` is None when the rubric or the entries list could
    not be read; otherwise it carries every problem (including those of the rubric stage)."""

    rubric: Rubric | None
    entries: Entries | None
    scores: pd.DataFrame = field(default_factory=table.empty)
    problems: tuple[Problem, ...] = ()
    result: Result | None = None

    @property
    def ok(self) -> bool:
        """A ranking exists."""
        return self.result is not None and self.result.ok


def load_rubric_text(text: str, name: str) -> tuple[Rubric | None, list[Problem]]:
    return parse_rubric(text, name)


def load_entries_text(text: str, name: str) -> tuple[Entries | None, list[Problem]]:
    return parse_entries(text, name)


def outcome_of(rubric: Rubric | None, rubric_problems: Sequence[Problem],
               entries: Entries | None, entries_problems: Sequence[Problem],
               read: Callable[[Rubric, Entries], tuple[pd.DataFrame, list[Problem]]],
               lang: str) -> Outcome:
    """Put the stages together: rubric and entries, then the sheets (``read``), then score."""
    if rubric is None or entries is None:
        return Outcome(rubric, entries, problems=(*rubric_problems, *entries_problems))
    scores, problems = read(rubric, entries)
    result = score(rubric, entries, scores, problems, lang=lang)
    return Outcome(rubric, entries, scores, result.problems, result)


def run_competition(competition: Competition, lang: str = "id", *,
                    max_bytes: int | None = None) -> Outcome:
    """The whole pipeline for one competition, uncached (tests and scripts)."""
    limit = max_upload_mb() * MB if max_bytes is None else max_bytes
    rubric, rubric_problems = load_rubric_text(competition.rubric_text, competition.rubric_name)
    entries, entries_problems = load_entries_text(competition.entries_text,
                                                  competition.entries_name)
    return outcome_of(
        rubric, rubric_problems, entries, entries_problems,
        lambda r, e: read_sheets(competition.files, r, e, max_bytes=limit,
                                 mappings=competition.mappings), lang)


# --- problems, grouped for the checking report ----------------------------------------------


@dataclass(frozen=True)
class ProblemGroup:
    """The problems of one file, by sheet: ``sheets`` maps a sheet ('' = the whole file) to a
    display frame of cell, severity and message."""

    file: str
    n_errors: int
    n_warnings: int
    sheets: dict[str, pd.DataFrame]


def problem_groups(problems: Iterable[Problem], lang: str) -> list[ProblemGroup]:
    """Problems grouped by file, then sheet, errors first; files with errors first."""
    rows = [{"file": p.file, "sheet": p.sheet, "cell": p.cell, "error": p.is_error,
             "severity": t(f"problem.{p.severity}", lang), "message": p.message(lang),
             "code": p.code} for p in problems]
    if not rows:
        return []
    frame = pd.DataFrame(rows)
    groups = []
    for file, part in frame.groupby("file", sort=False):
        by_sheet = {}
        for sheet, rows_of_sheet in part.groupby("sheet", sort=True):
            ordered = rows_of_sheet.sort_values("error", ascending=False, kind="mergesort")
            by_sheet[str(sheet)] = pd.DataFrame({
                t("col.cell", lang): ordered["cell"].to_numpy(),
                t("col.severity", lang): ordered["severity"].to_numpy(),
                t("col.message", lang): ordered["message"].to_numpy(),
                t("col.code", lang): ordered["code"].to_numpy(),
            })
        groups.append(ProblemGroup(str(file), int(part["error"].sum()),
                                   int((~part["error"]).sum()), by_sheet))
    groups.sort(key=lambda g: (g.n_errors == 0, g.file == "", g.file))
    return groups


# --- the rubric, for people -----------------------------------------------------------------


def scale_text(node: Criterion, lang: str) -> str:
    if node.scale is None:
        return ""
    low, high = (format_number(v, lang, _decimals(v)) for v in (node.scale.min, node.scale.max))
    step = format_number(node.scale.step, lang, _decimals(node.scale.step))
    return t("app.rubric.scale", lang, min=low, max=high, step=step)


def _decimals(value: float) -> int:
    for decimals in range(0, 4):
        if abs(round(value, decimals) - value) < 1e-9:
            return decimals
    return 4


def rubric_frame(rubric: Rubric, lang: str) -> pd.DataFrame:
    """The criteria tree: one row per node, indented name, id, its weight as a percentage of
    the total per category (empty where a category does not use it), scale, description."""
    shares = {c.id: rubric.weight_percentages(c.id) for c in rubric.categories}
    rows = []
    for node, _, depth in rubric.walk():
        row: dict[str, object] = {
            t("col.criterion", lang): "\u2003" * depth + node.label(lang),
            t("col.entry_id", lang): node.id,
        }
        for category in rubric.categories:
            share = shares[category.id].get(node.id)
            row[t("app.rubric.weight_in", lang, category=category.id)] = (
                np.nan if share is None else share)
        row[t("col.scale", lang)] = scale_text(node, lang)
        guidance = [t("app.rubric.level", lang,
                      min=format_number(level.min, lang, _decimals(level.min)),
                      max=format_number(level.max, lang, _decimals(level.max)),
                      text=(level.text_en if lang == "en" and level.text_en else level.text))
                    for level in node.levels]
        row[t("app.rubric.description", lang)] = " ".join(
            part for part in [node.description or "", *guidance] if part)
        rows.append(row)
    return pd.DataFrame(rows)


def panel_rule_text(rubric: Rubric, lang: str) -> str:
    """The panel rule in words (the same words as the results workbook)."""
    rule = rubric.panel
    text = t(f"panel.{rule.rule}", lang, trim=rule.trim, min_judges=rule.min_judges)
    return f"{text}, {t(f'panel.apply_to.{rule.apply_to}', lang)}"


def tie_rule_label(rubric: Rubric, key: str, lang: str) -> str:
    """A tie-break key in words (as :meth:`Result.tie_rule_label`, without a Result)."""
    if key.startswith("criterion:"):
        return t("tiebreak.criterion", lang, name=rubric.nodes[key.split(":", 1)[1]].label(lang))
    return t(f"tiebreak.{key}", lang)


def rounding_text(rubric: Rubric, lang: str) -> str:
    stages = rubric.rounding
    parts = [t(f"app.rubric.rounding.{stage}", lang, decimals=getattr(stages, stage))
             for stage in ("criterion", "weighted_criterion", "group", "total")
             if getattr(stages, stage) is not None]
    return "; ".join(parts) if parts else t("app.rubric.rounding.none", lang)


def award_frames(rubric: Rubric, lang: str) -> list[tuple[str, pd.DataFrame, str]]:
    """(heading, table, note) per set of award rules: the defaults, then each category that
    has its own."""
    out = []
    sets: list[tuple[str, Any]] = [(t("app.rubric.awards_default", lang), rubric.awards)]
    for category_id, rules in rubric.awards.categories.items():
        sets.append((rubric.category(category_id).label(lang), rules))
    for heading, rules in sets:
        rows = [{t("col.award", lang): place.label(lang),
                 t("app.rubric.award_rule", lang): t("app.rubric.rank_n", lang, rank=i + 1),
                 t("col.reward", lang): place.reward or ""}
                for i, place in enumerate(rules.places)]
        rows += [{t("col.award", lang): band.label(lang),
                  t("app.rubric.award_rule", lang): t(
                      "app.rubric.band_min", lang,
                      min=format_number(band.min, lang, _decimals(band.min))),
                  t("col.reward", lang): ""}
                 for band in rules.bands]
        note = (t("app.rubric.min_total", lang,
                  min=format_number(rules.min_total, lang, _decimals(rules.min_total)))
                if rules.min_total is not None else "")
        out.append((heading, pd.DataFrame(rows), note))
    return out


def entries_frame(entries: Entries, rubric: Rubric | None, lang: str) -> pd.DataFrame:
    names = {}
    if rubric is not None:
        names = {c.id: c.label(lang) for c in rubric.categories}
    return pd.DataFrame({
        t("col.entry_id", lang): [e.id for e in entries],
        t("col.entry", lang): [e.name for e in entries],
        t("col.category", lang): [names.get(e.category, e.category) for e in entries],
        t("app.entries.aliases", lang): [", ".join(e.aliases) for e in entries],
    })


# --- judges' templates ----------------------------------------------------------------------


def template_filename(rubric: Rubric, judge: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_ " else "_" for c in judge).strip()
    return f"{rubric.id}_{'_'.join(keep.split()) or 'juri'}.xlsx"


def template_bytes(rubric: Rubric, entries: Entries, judge: str) -> bytes:
    return write_template(rubric, entries, judge)


def templates(rubric: Rubric, entries: Entries, judges: Sequence[str]
              ) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    """One template per judge (a template without a name when the list is empty) as
    ``(filename, bytes)``; or no files and the problems that prevent writing them."""
    try:
        return [(template_filename(rubric, judge), template_bytes(rubric, entries, judge))
                for judge in (judges or [""])], []
    except ProblemsError as exc:
        return [], list(exc.problems)


def zip_files(files: Iterable[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


def templates_zip(rubric: Rubric, entries: Entries, judges: Sequence[str]) -> bytes:
    """One template per judge in a zip (a template without a name when the list is empty)."""
    made, problems = templates(rubric, entries, judges)
    if problems:
        raise ProblemsError(problems)
    return zip_files(made)


def read_rubric_file(name: str, directory: Path = RUBRICS_DIR) -> str:
    """The text of one of the shipped rubric files, chosen by its name only."""
    for path in rubric_files(directory):
        if path.name == name:
            return path.read_text(encoding="utf-8")
    raise KeyError(name)


# --- coverage: who scored what --------------------------------------------------------------


def coverage(scores: pd.DataFrame, rubric: Rubric, entries: Entries, category: str
             ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """How complete each judge's scores are in one category.

    Returns ``(cells, missing)``: ``cells`` one row per (judge, entry) with ``judge, entry_id,
    name, rank_order, scored, expected, share``; ``missing`` one row per (judge, entry) with a
    gap: ``judge, entry_id, name, missing`` (the criterion ids without a score). Judges are
    those who scored anything in the category; an entry nobody scored shows as all gaps.
    """
    leaf_ids = rubric.leaf_ids_for(category)
    expected = len(leaf_ids)
    listed = entries.in_category(category)
    part = scores[(scores["category"] == category) & scores["score"].notna()]
    judges = sorted(part["judge_id"].unique(), key=str.casefold)
    if not judges or not listed:
        empty = pd.DataFrame(columns=["judge", "entry_id", "name", "rank_order", "scored",
                                      "expected", "share"])
        return empty, pd.DataFrame(columns=["judge", "entry_id", "name", "missing"])
    have = (part[part["criterion_id"].isin(leaf_ids)]
            .drop_duplicates(["judge_id", "entry_id", "criterion_id"]))
    counts = have.groupby(["judge_id", "entry_id"]).size()
    grid = pd.MultiIndex.from_product([judges, [e.id for e in listed]],
                                      names=["judge", "entry_id"])
    cells = counts.reindex(grid, fill_value=0).rename("scored").reset_index()
    names = {e.id: e.name for e in listed}
    order = {e.id: i for i, e in enumerate(listed)}
    cells["name"] = cells["entry_id"].map(names)
    cells["rank_order"] = cells["entry_id"].map(order)
    cells["expected"] = expected
    cells["share"] = cells["scored"] / expected if expected else 1.0
    gaps = cells[cells["scored"] < expected]
    present = have.groupby(["judge_id", "entry_id"])["criterion_id"].agg(frozenset)
    missing_rows = []
    for row in gaps.itertuples(index=False):
        got = present.get((row.judge, row.entry_id), frozenset())
        missing_rows.append({"judge": row.judge, "entry_id": row.entry_id, "name": row.name,
                             "missing": [c for c in leaf_ids if c not in got]})
    missing = pd.DataFrame(missing_rows, columns=["judge", "entry_id", "name", "missing"])
    return cells[["judge", "entry_id", "name", "rank_order", "scored", "expected", "share"]], \
        missing


def missing_frame(missing: pd.DataFrame, rubric: Rubric, lang: str) -> pd.DataFrame:
    """The gaps of :func:`coverage` for display: judge, entry, how many and which criteria."""
    return pd.DataFrame({
        t("col.judge", lang): missing["judge"].to_numpy(),
        t("col.entry", lang): missing["name"].to_numpy(),
        t("app.coverage.n_missing", lang): [len(m) for m in missing["missing"]],
        t("app.coverage.criteria", lang): [
            ", ".join(rubric.nodes[c].label(lang) for c in m) for m in missing["missing"]],
    })


# --- results --------------------------------------------------------------------------------


def top_nodes(rubric: Rubric, category: str) -> list[Criterion]:
    """The top-level criteria a category uses (the groups whose subtotals are shown)."""
    used = set(rubric.leaf_ids_for(category))
    return [node for node in rubric.criteria if used.intersection(rubric.leaves_below(node.id))]


def judges_of(result: Result, category: str) -> list[str]:
    totals = result.judge_totals
    if totals.empty:
        return []
    return sorted(totals.loc[totals["category"] == category, "judge_id"].unique(),
                  key=str.casefold)


def _unique_label(label: str, taken: set[str]) -> str:
    text, n = label, 1
    while text in taken:
        n += 1
        text = f"{label} ({n})"
    taken.add(text)
    return text


@dataclass(frozen=True)
class RankingTable:
    """A display frame and which of its columns hold numbers (to format) and integers."""

    frame: pd.DataFrame
    number_columns: list[str]
    integer_columns: list[str]


def ranking_table(result: Result, category: str, lang: str) -> RankingTable:
    """Rank, tied mark, entry, total, top-level subtotals, award, each judge's total."""
    rows = result.category(category)
    rubric = result.rubric
    taken: set[str] = set()
    col = {key: _unique_label(t(key, lang), taken)
           for key in ("col.rank", "col.tied", "col.entry", "col.total", "col.award")}
    frame = pd.DataFrame({
        col["col.rank"]: rows["rank"].astype(int).to_numpy(),
        col["col.tied"]: np.where(rows["tied"].astype(bool), t("app.results.tied_mark", lang),
                                  ""),
        col["col.entry"]: rows["name"].to_numpy(),
        col["col.total"]: rows["total"].astype(float).to_numpy(),
    })
    awards = rows["place"].where(rows["place"] != "", rows["band"])
    frame[col["col.award"]] = awards.fillna("").to_numpy()
    numbers = [col["col.total"]]
    if "rank_sum" in rows:
        label = _unique_label(t("col.rank_sum", lang), taken)
        frame[label] = rows["rank_sum"].astype(float).to_numpy()
        numbers.append(label)
    for node in top_nodes(rubric, category):
        label = _unique_label(node.label(lang), taken)
        frame[label] = rows[node.id].astype(float).to_numpy()
        numbers.append(label)
    totals = result.judge_totals
    part = totals[totals["category"] == category]
    wide = part.pivot_table(index="entry_id", columns="judge_id", values="total",
                            aggfunc="first", observed=True)
    for judge in judges_of(result, category):
        label = _unique_label(t("app.results.judge_column", lang, judge=judge), taken)
        frame[label] = wide[judge].reindex(rows["entry_id"]).astype(float).to_numpy()
        numbers.append(label)
    return RankingTable(frame, numbers, [col["col.rank"]])


def leaders(result: Result, category: str, lang: str) -> list[dict[str, str]]:
    """The entries with a place or band, for a short text summary: award, name, total."""
    rows = result.category(category)
    awarded = rows[(rows["place"] != "") | (rows["band"] != "")]
    return [{"award": str(row["place"] or row["band"]), "name": str(row["name"]),
             "total": format_number(row["total"], lang)}
            for row in awarded.to_dict("records")]


def totals_chart_data(result: Result, category: str, lang: str
                      ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(panel, judges)`` for the ranked-totals chart: one row per entry with its rank,
    label and total; one row per (entry, judge) with the judge's total."""
    rows = result.category(category)
    panel = pd.DataFrame({
        "entry_id": rows["entry_id"], "name": rows["name"],
        "rank": rows["rank"].astype(int),
        "label": [f"{r}. {n}" for r, n in zip(rows["rank"], rows["name"], strict=True)],
        "total": rows["total"].astype(float),
        "total_text": [format_number(v, lang) for v in rows["total"]],
        "award": rows["place"].where(rows["place"] != "", rows["band"]).fillna(""),
    })
    totals = result.judge_totals
    part = totals.loc[totals["category"] == category, ["entry_id", "judge_id", "total"]]
    judges = part.merge(panel[["entry_id", "name", "label", "rank"]], on="entry_id")
    judges = judges.rename(columns={"judge_id": "judge", "total": "judge_total"})
    judges["judge_total"] = judges["judge_total"].astype(float)
    judges["judge_total_text"] = [format_number(v, lang) for v in judges["judge_total"]]
    return panel.reset_index(drop=True), judges.reset_index(drop=True)


def heatmap_data(result: Result, category: str, lang: str) -> pd.DataFrame:
    """One row per (entry, leaf criterion): the panel's score as a share of the scale's
    maximum (``share`` 0–1), with texts for tooltips."""
    rubric = result.rubric
    rows = result.category(category)[["entry_id", "name", "rank"]]
    leaf_ids = list(rubric.leaf_ids_for(category))
    labels = rubric.leaf_labels(lang, leaf_ids)
    scores = result.panel_scores
    part = scores.loc[scores["category"] == category, ["entry_id", *leaf_ids]]
    long = part.melt(id_vars="entry_id", var_name="criterion_id", value_name="score")
    long = rows.merge(long, on="entry_id", how="inner")
    maximum = {leaf: float(rubric.nodes[leaf].scale.max) for leaf in leaf_ids}  # type: ignore[union-attr]
    order = {leaf: i for i, leaf in enumerate(leaf_ids)}
    long["rank"] = long["rank"].astype(int)
    long["label"] = long["rank"].astype(str) + ". " + long["name"]
    long["criterion"] = long["criterion_id"].map(labels)
    long["criterion_order"] = long["criterion_id"].map(order)
    long["score"] = long["score"].astype(float)
    long["share"] = long["score"] / long["criterion_id"].map(maximum)
    long["score_text"] = [format_number(v, lang) for v in long["score"]]
    long["max_text"] = [format_number(maximum[c], lang, _decimals(maximum[c]))
                        for c in long["criterion_id"]]
    long["share_text"] = [format_number(100 * v, lang, 1) + " %" for v in long["share"]]
    return long.sort_values(["rank", "name", "criterion_order"]).reset_index(drop=True)


def distribution_data(result: Result, category: str, lang: str) -> pd.DataFrame:
    """Every judge total of a category: ``judge, name, total, total_text``, plus each judge's
    mean (``judge_mean``, ``judge_mean_text``)."""
    totals = result.judge_totals
    part = totals.loc[totals["category"] == category, ["entry_id", "judge_id", "total"]].copy()
    names = {e.id: e.name for e in result.entries}
    part["name"] = part["entry_id"].map(names)
    part["total"] = part["total"].astype(float)
    part["total_text"] = [format_number(v, lang) for v in part["total"]]
    means = part.groupby("judge_id")["total"].transform("mean")
    part["judge_mean"] = means
    part["judge_mean_text"] = [format_number(v, lang) for v in means]
    return part.rename(columns={"judge_id": "judge"}).reset_index(drop=True)


# --- rewards --------------------------------------------------------------------------------


def _tie_of(result: Result, category: str, entry_id: str) -> Any | None:
    for tie in result.ties:
        if tie.category == category and entry_id in tie.entries:
            return tie
    return None


def tie_note(result: Result, category: str, row: Mapping[str, Any], lang: str) -> str:
    """How an entry's tie was broken, in words: "unggul pada nilai Risalah" for an entry a
    tie-break put ahead, "nilai akhir sama; ditentukan oleh …" for the one it put behind."""
    rule = row.get("decided_by") or ""
    if not rule:
        return ""
    label = result.tie_rule_label(rule, lang)
    tie = _tie_of(result, category, str(row["entry_id"]))
    if tie is not None:
        ranks = result.category(category).set_index("entry_id")["rank"]
        lowest = max(int(ranks.get(e, 0)) for e in tie.entries)
        if int(row["rank"]) < lowest:
            return t("tiebreak.ahead", lang, rule=label)
    return t("tiebreak.decided", lang, rule=label)


@dataclass(frozen=True)
class Award:
    """One recommended winner: award (place or band), name, total, margin to the next entry
    in rank order (None for the last), and how a tie was broken."""

    award: str
    name: str
    entry_id: str
    rank: int
    total: float
    total_text: str
    margin: float | None
    margin_text: str
    note: str
    reward: str
    shared: bool
    """The entry shares its rank with another (a tie no rule separated)."""


def awards(result: Result, category: str, lang: str) -> list[Award]:
    rows = result.category(category)
    records = rows.to_dict("records")
    out = []
    for i, row in enumerate(records):
        award = row["place"] or row["band"]
        if not award:
            continue
        following = records[i + 1]["total"] if i + 1 < len(records) else None
        margin = None if following is None else float(row["total"]) - float(following)
        out.append(Award(
            award=str(award), name=str(row["name"]), entry_id=str(row["entry_id"]),
            rank=int(row["rank"]), total=float(row["total"]),
            total_text=format_number(row["total"], lang),
            margin=margin, margin_text="–" if margin is None else format_number(margin, lang),
            note=tie_note(result, category, row, lang),
            reward=str(row["reward"] or ""),
            shared=bool(row["tied"]) and not row["decided_by"]))
    return out


def awards_frame(items: Sequence[Award], lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col.award", lang): [a.award for a in items],
        t("col.entry", lang): [a.name for a in items],
        t("col.total", lang): [a.total_text for a in items],
        t("app.rewards.margin", lang): [a.margin_text for a in items],
        t("app.rewards.tie_note", lang): [a.note for a in items],
        t("col.reward", lang): [a.reward for a in items],
    })


def unresolved_ties(result: Result, category: str, lang: str) -> list[str]:
    """One sentence per tie that no rule separated within the awarded places."""
    rows = result.category(category).set_index("entry_id")
    out = []
    for tie in result.ties:
        if tie.category != category:
            continue
        for group in tie.unresolved:
            awarded = [e for e in group if rows.at[e, "place"] or rows.at[e, "band"]]
            if not awarded:
                continue
            out.append(t("app.rewards.unresolved", lang,
                         names=", ".join(str(rows.at[e, "name"]) for e in group),
                         rank=int(rows.loc[list(group), "rank"].min())))
    return out


def tie_steps(result: Result, category: str, lang: str) -> list[tuple[str, list[str]]]:
    """For each tie in a category: a heading and one line per comparison made, with values."""
    rows = result.category(category).set_index("entry_id")
    out = []
    for tie in result.ties:
        if tie.category != category:
            continue
        names = [str(rows.at[e, "name"]) for e in tie.entries]
        heading = t("app.rewards.tie_heading", lang, rank=tie.rank,
                    total=format_number(rows.at[tie.entries[0], "total"], lang),
                    names=", ".join(names))
        lines = []
        for step in tie.steps:
            values = "; ".join(f"{rows.at[e, 'name']}: {format_number(v, lang)}"
                               for e, v in step.values)
            key = "app.rewards.step_separated" if step.separated else "app.rewards.step_equal"
            lines.append(t(key, lang, rule=result.tie_rule_label(step.rule, lang),
                           values=values))
        if tie.unresolved:
            lines.append(t("app.rewards.step_unresolved", lang))
        out.append((heading, lines))
    return out


# --- judges ---------------------------------------------------------------------------------


def judge_totals_of(result: Result, category: str) -> pd.DataFrame:
    totals = result.judge_totals
    if totals.empty:
        return totals
    return totals.loc[totals["category"] == category].reset_index(drop=True)


def judge_diagnostics(result: Result, *, outlier_sds: float = 3.0) -> Any:
    """:func:`scoring.diagnostics.judge_diagnostics` on the result's judge totals."""
    from scoring.diagnostics import judge_diagnostics as diagnose

    return diagnose(result.judge_totals, outlier_sds=outlier_sds)


@dataclass(frozen=True)
class JudgeTables:
    judges: pd.DataFrame
    judges_numbers: list[str]
    outliers: pd.DataFrame
    outliers_numbers: list[str]


def judge_tables(result: Result, category: str, lang: str, *, outlier_sds: float = 3.0
                 ) -> JudgeTables:
    """Each judge's mean, spread, offset and correlation with the rest of the panel, and the
    marks that stand far from the others', as display frames."""
    found = judge_diagnostics(result, outlier_sds=outlier_sds)
    judges = found.judges[found.judges["category"] == category]
    cols = {k: t(f"app.judges.col.{k}", lang)
            for k in ("judge", "n_scores", "mean", "spread", "offset", "correlation",
                      "rank_correlation", "n_outliers")}
    source = {"judge": "judge_id"}
    table_ = pd.DataFrame({cols[k]: judges[source.get(k, k)].to_numpy() for k in cols})
    numbers = [cols[k] for k in ("mean", "spread", "offset", "correlation", "rank_correlation")]
    names = {e.id: e.name for e in result.entries}
    far = found.outliers[found.outliers["category"] == category]
    ocols = {k: t(f"app.judges.col.{k}", lang)
             for k in ("judge", "entry", "total", "others_mean", "difference", "sds")}
    outliers = pd.DataFrame({
        ocols["judge"]: far["judge_id"].to_numpy(),
        ocols["entry"]: far["entry_id"].map(names).to_numpy(),
        ocols["total"]: far["total"].astype(float).to_numpy(),
        ocols["others_mean"]: far["others_mean"].astype(float).to_numpy(),
        ocols["difference"]: far["difference"].astype(float).to_numpy(),
        ocols["sds"]: far["sds"].astype(float).to_numpy(),
    })
    return JudgeTables(table_.reset_index(drop=True), numbers, outliers,
                       [ocols[k] for k in ("total", "others_mean", "difference", "sds")])


def agreement_of(result: Result, category: str) -> AgreementSummary | None:
    """ICC, Kendall's W and Krippendorff's alpha on the judges' totals of one category
    (None when there is nothing to compare, or the data cannot define them)."""
    part = judge_totals_of(result, category)
    if part.empty:
        return None
    try:
        return agreement_summary(part, value_col="total")
    except ValueError:
        return None


def quality_word(value: float, lang: str) -> str:
    """A plain word for an agreement coefficient (ICC bands of Koo & Li 2016)."""
    if value is None or not np.isfinite(value):
        return t("app.agreement.undefined", lang)
    if value < 0.5:
        return t("app.agreement.poor", lang)
    if value < 0.75:
        return t("app.agreement.moderate", lang)
    if value < 0.9:
        return t("app.agreement.good", lang)
    return t("app.agreement.excellent", lang)


# --- what if --------------------------------------------------------------------------------


def group_weights(rubric: Rubric) -> dict[str, float]:
    """Each top-level criterion's weight as the rubric has it."""
    return {node.id: float(node.weight) for node in rubric.criteria}


def weight_slider_max(rubric: Rubric) -> float:
    """The upper end of the weight sliders: 100 for percent weights (shares), else room to
    triple the largest multiplier."""
    if rubric.weighting == "percent":
        return 100.0
    return float(max(10.0, 3 * max(node.weight for node in rubric.criteria)))


def weight_shares(rubric: Rubric, weights: Mapping[str, float]) -> dict[str, float]:
    """Each top-level criterion's share of the sum of the given weights, in percent."""
    total = sum(float(weights.get(n.id, n.weight)) for n in rubric.criteria)
    return {n.id: (100 * float(weights.get(n.id, n.weight)) / total if total else 0.0)
            for n in rubric.criteria}


def simulated_rubric(rubric: Rubric, weights: Mapping[str, float], rule: str) -> Rubric:
    """The rubric with other top-level weights and another panel rule.

    Criteria are frozen models: each top-level node is copied with its new weight and the
    tuple rebuilt. The copy is validated again as a new Rubric, because ``model_copy`` would
    carry over the original's cached tree and fingerprint.
    """
    if rule not in PANEL_RULES:
        raise ValueError(f"unknown panel rule {rule!r}")
    criteria = tuple(node.model_copy(update={"weight": float(weights.get(node.id, node.weight))})
                     for node in rubric.criteria)
    panel_update: dict[str, object] = {"rule": rule}
    if rule == "rank_sum":
        panel_update["apply_to"] = "total"  # a rank sum is taken over judges' totals only
    if rule == "trimmed_mean" and rubric.panel.min_judges <= 2 * rubric.panel.trim:
        panel_update["min_judges"] = 2 * rubric.panel.trim + 1
    panel = rubric.panel.model_copy(update=panel_update)
    fields = {name: getattr(rubric, name) for name in type(rubric).model_fields}
    fields.update(criteria=criteria, panel=panel)
    return type(rubric).model_validate(fields)


def simulate(outcome: Outcome, weights: Mapping[str, float], rule: str, lang: str) -> Result:
    """Score the same marks again under other weights and panel rule (nothing official)."""
    if outcome.result is None or outcome.rubric is None or outcome.entries is None:
        raise ValueError("no result to simulate")
    rubric = simulated_rubric(outcome.rubric, weights, rule)
    return score(rubric, outcome.entries, outcome.scores, (), lang=lang)


def arrow(change: int) -> str:
    """↑2 (moved up two places), ↓1, or = (no change)."""
    if change > 0:
        return f"↑{change}"
    if change < 0:
        return f"↓{-change}"
    return "="


@dataclass(frozen=True)
class Comparison:
    frame: pd.DataFrame
    number_columns: list[str]
    moved: int
    winner_changed: bool


def compare(official: Result, simulated: Result, category: str, lang: str) -> Comparison:
    """The simulated ranking against the official one: simulated rank, change, entry,
    simulated total, official rank and total."""
    sim = simulated.category(category)
    off = official.category(category).set_index("entry_id")
    official_rank = off["rank"].reindex(sim["entry_id"]).to_numpy()
    change = official_rank - sim["rank"].to_numpy()
    cols = {k: t(k, lang) for k in ("app.sim.col.rank", "app.sim.col.change", "col.entry",
                                    "app.sim.col.total", "app.sim.col.official_rank",
                                    "app.sim.col.official_total")}
    frame = pd.DataFrame({
        cols["app.sim.col.rank"]: sim["rank"].astype(int).to_numpy(),
        cols["app.sim.col.change"]: [arrow(int(c)) for c in change],
        cols["col.entry"]: sim["name"].to_numpy(),
        cols["app.sim.col.total"]: sim["total"].astype(float).to_numpy(),
        cols["app.sim.col.official_rank"]: official_rank.astype(int),
        cols["app.sim.col.official_total"]: off["total"].reindex(sim["entry_id"]).astype(
            float).to_numpy(),
    })
    first_sim = set(sim.loc[sim["rank"] == 1, "entry_id"])
    first_off = set(off.index[off["rank"] == 1])
    return Comparison(frame, [cols["app.sim.col.total"], cols["app.sim.col.official_total"]],
                      int((change != 0).sum()), first_sim != first_off)


def comparison_styled(comparison: Comparison, lang: str) -> Any:
    """The comparison table with its numbers the Indonesian way and the arrows coloured."""
    change = comparison.frame.columns[1]

    def colour(value: object) -> str:
        text = str(value)
        if text.startswith("↑"):
            return "color: #1a7f37; font-weight: bold"
        if text.startswith("↓"):
            return "color: #cf222e; font-weight: bold"
        return ""

    return styled(comparison.frame, comparison.number_columns, lang).map(colour, subset=[change])


# --- fairness: rank confidence, the judge report, agreement per group, sensitivity ----------

CONFIDENCE_SEED = 0
"""The app's rank-confidence seed, the same as the results workbook's and the JSON's: the same
competition always shows the same figures, on the page and in the exports."""
CONFIDENCE_RESAMPLES = 2000
CONFIDENCE_COLUMNS = ("entry_id", "category", "rank", "p_own_place", "p_awarded", "rank_low",
                      "rank_high", "margin_next", "too_close", "loo_rank_worst",
                      "loo_worst_without")


def confidence_figures(result: Result, *, seed: int = CONFIDENCE_SEED,
                       n_resamples: int = CONFIDENCE_RESAMPLES) -> pd.DataFrame:
    """Each ranked entry's rank confidence (:func:`scoring.confidence.confidence_for`, fixed
    seed): :data:`CONFIDENCE_COLUMNS`. Numbers and flags only, the same in every language
    (names and award labels come from the result in the reader's language). Empty when the
    data cannot give them (no result, a single judge)."""
    from scoring.confidence import confidence_for

    empty = pd.DataFrame(columns=list(CONFIDENCE_COLUMNS))
    if not result.ok or result.standings.empty or result.judge_totals.empty:
        return empty
    try:
        frame, _ = confidence_for(result, seed=seed, n_resamples=n_resamples)
    except ValueError:
        return empty
    if frame.empty:
        return empty
    return frame.loc[:, list(CONFIDENCE_COLUMNS)].reset_index(drop=True)


def percent_text(value: float | None, lang: str) -> str:
    """A probability as a whole percentage (80%); "> 99%" and "< 1%" rather than a 100% or
    0% that resampling cannot promise."""
    if value is None or not np.isfinite(value):
        return "–"
    if value >= 0.995:
        return "> 99%"
    if 0 < value < 0.005:
        return "< 1%"
    return format_number(100 * float(value), lang, 0) + "%"


def rank_interval_text(low: float, high: float, lang: str) -> str:
    """"1–2", or "3" when both ends agree."""
    if not (np.isfinite(low) and np.isfinite(high)):
        return "–"
    low_text, high_text = (format_number(int(v), lang, 0) for v in (low, high))
    return low_text if low_text == high_text else f"{low_text}–{high_text}"


@dataclass(frozen=True)
class AwardConfidence:
    """How sure one winner's award is: the probability of holding its own place (None for an
    award by band), the rank interval, and whether the place is too close to call."""

    probability: float | None
    probability_text: str
    interval_text: str
    too_close: bool
    warning: str
    """The "too close to call" sentence, or ""."""
    without: str = ""
    """Leave-one-judge-out: the judge without whom the entry ranks lowest, when it then ranks
    below its official rank ("" otherwise)."""
    without_rank: int | None = None
    """Its rank without that judge."""
    falls_out: bool = False
    """Without that judge the entry falls out of the award places."""


def confidence_threshold_text(result: Result, lang: str) -> str:
    return percent_text(result.rubric.confidence.too_close_below, lang)


def confidence_interval_text(lang: str) -> str:
    """The coverage of the rank intervals (90%)."""
    from scoring.confidence import INTERVAL

    return percent_text(INTERVAL, lang)


def confidence_note(result: Result, lang: str) -> str:
    """What the probability and the rank interval mean, in plain words."""
    return t("app.fair.conf.note", lang,
             resamples=format_number(CONFIDENCE_RESAMPLES, lang, 0),
             interval=confidence_interval_text(lang),
             threshold=confidence_threshold_text(result, lang))


def award_confidence(items: Sequence[Award], figures: pd.DataFrame, result: Result,
                     category: str, lang: str) -> dict[str, AwardConfidence]:
    """For each winner of a category (by entry id) its :class:`AwardConfidence`; winners the
    figures do not cover are left out."""
    if figures.empty:
        return {}
    rows = figures[figures["category"] == category].set_index("entry_id")
    threshold = confidence_threshold_text(result, lang)
    n_places = len(result.rubric.awards.for_category(category).places)
    out = {}
    for item in items:
        if item.entry_id not in rows.index:
            continue
        row = rows.loc[item.entry_id]
        p = row["p_own_place"]
        probability = None if pd.isna(p) else float(p)
        ranks = rank_interval_text(float(row["rank_low"]), float(row["rank_high"]), lang)
        p_text = percent_text(probability, lang)
        too_close = bool(row["too_close"]) and probability is not None
        warning_text = (t("app.fair.conf.too_close", lang, probability=p_text,
                          threshold=threshold) if too_close else "")
        worst = row.get("loo_rank_worst")
        lower = worst is not None and pd.notna(worst) and int(worst) > item.rank
        out[item.entry_id] = AwardConfidence(
            probability, p_text, ranks, too_close, warning_text,
            without=str(row["loo_worst_without"]) if lower else "",
            without_rank=int(worst) if lower else None,
            falls_out=bool(lower and probability is not None and int(worst) > n_places))
    return out


def awards_confidence_frame(items: Sequence[Award], confidence: Mapping[str, AwardConfidence],
                            lang: str) -> pd.DataFrame:
    """:func:`awards_frame` with each winner's probability, the too-close mark and the rank
    interval, after the margin."""
    frame = awards_frame(items, lang)
    at = list(frame.columns).index(t("app.rewards.margin", lang)) + 1
    found = [confidence.get(a.entry_id) for a in items]
    frame.insert(at, t("app.fair.col.probability", lang),
                 [c.probability_text if c else "–" for c in found])
    frame.insert(at + 1, t("app.fair.col.too_close", lang),
                 ["⚠ " + t("app.fair.conf.too_close_mark", lang) if c and c.too_close else ""
                  for c in found])
    frame.insert(at + 2, t("app.fair.col.rank_interval", lang),
                 [c.interval_text if c else "–" for c in found])
    return frame


@dataclass(frozen=True)
class JudgeReport:
    """The Judges page's tables for one category: each judge (with flags), the marks far from
    the others', one sentence per flag, and a help text per column."""

    judges: pd.DataFrame
    judges_numbers: list[str]
    outliers: pd.DataFrame
    outliers_numbers: list[str]
    flags: list[tuple[str, str]]
    """(judge, what is flagged) per flag."""
    help: dict[str, str]


def judge_report(result: Result, category: str, lang: str, *, outlier_sds: float = 3.0
                 ) -> JudgeReport:
    """Each judge's count, mean, severity (offset from the panel), spread and correlations
    with the rest of the panel, with the flags of :mod:`scoring.diagnostics`: a ranking that
    disagrees with the panel's, nearly constant scores, marks far from the others' (listed)."""
    from scoring.diagnostics import DISAGREE_BELOW

    found = judge_diagnostics(result, outlier_sds=outlier_sds)
    judges = found.judges[found.judges["category"] == category]
    far = found.outliers[found.outliers["category"] == category]
    names = {e.id: e.name for e in result.entries}
    keys = ("judge", "n_scores", "mean", "offset", "spread", "correlation", "rank_correlation",
            "n_outliers", "flags")
    cols = {k: t(f"app.judges.col.{k}", lang) for k in keys if k not in ("offset", "flags")}
    cols["offset"] = t("app.fair.judges.col.offset", lang)
    cols["flags"] = t("app.fair.judges.col.flags", lang)
    flag_words = []
    for row in judges.itertuples(index=False):
        words = []
        if row.disagrees:
            words.append(t("app.fair.judges.flag.disagrees", lang))
        if row.flat:
            words.append(t("app.fair.judges.flag.flat", lang))
        if row.n_outliers:
            words.append(t("app.fair.judges.flag.far", lang, count=int(row.n_outliers)))
        flag_words.append("; ".join(words))
    source = {"judge": "judge_id"}
    frame = pd.DataFrame({cols[k]: judges[source.get(k, k)].to_numpy()
                          for k in keys if k != "flags"})
    frame[cols["flags"]] = flag_words
    numbers = [cols[k] for k in ("mean", "offset", "spread", "correlation",
                                 "rank_correlation")]
    help_texts = {cols[k]: t(f"app.fair.judges.help.{k}", lang) for k in keys if k != "judge"}

    lines: list[tuple[str, str]] = []
    for row in judges.itertuples(index=False):
        judge = str(row.judge_id)
        if row.disagrees:
            lines.append((judge, t("app.fair.judges.flag_line.disagrees", lang,
                                   rho=number_text(row.rank_correlation, lang),
                                   limit=number_text(DISAGREE_BELOW, lang, 1))))
        if row.flat:
            others = (row.spread / row.spread_ratio
                      if np.isfinite(row.spread_ratio) and row.spread_ratio > 0 else np.nan)
            if not np.isfinite(others):
                others = judges.loc[judges["judge_id"] != row.judge_id, "spread"].median()
            lines.append((judge, t("app.fair.judges.flag_line.flat", lang,
                                   spread=number_text(row.spread, lang),
                                   others=number_text(others, lang))))
        own = far[far["judge_id"] == row.judge_id]
        if len(own):
            listed = ", ".join(f"{names.get(e, e)} ({number_text(s, lang, 1)}×)"
                               for e, s in zip(own["entry_id"], own["sds"], strict=True))
            lines.append((judge, t("app.fair.judges.flag_line.far", lang, entries=listed)))

    tables = judge_tables(result, category, lang, outlier_sds=outlier_sds)
    return JudgeReport(frame.reset_index(drop=True), numbers, tables.outliers,
                       tables.outliers_numbers, lines, help_texts)


@dataclass(frozen=True)
class AgreementTable:
    """A display frame of agreement statistics, its number columns and a help per column."""

    frame: pd.DataFrame
    number_columns: list[str]
    help: dict[str, str]


def _finite(value: object) -> float:
    """A statistic as a float, NaN (shown "–") where it is infinite or undefined: an interval
    bound of a perfectly agreeing panel can be infinite."""
    number = float(value)  # type: ignore[arg-type]
    return number if np.isfinite(number) else np.nan


def _ci_text(form: Any, lang: str) -> str:
    return f"{number_text(form.ci_low, lang)}–{number_text(form.ci_high, lang)}"


def icc_forms_table(summary: AgreementSummary, lang: str) -> AgreementTable:
    """The six Shrout & Fleiss forms: form, what it measures, value and its 95% interval."""
    from scoring.agreement import FORMS

    cols = {k: t(f"app.fair.agreement.col.{k}", lang)
            for k in ("form", "meaning", "value", "ci_low", "ci_high")}
    forms = [summary.icc[f] for f in FORMS] if summary.icc is not None else []
    frame = pd.DataFrame({
        cols["form"]: [f.form for f in forms],
        cols["meaning"]: [t(f"app.fair.agreement.meaning.{f.form}", lang) for f in forms],
        cols["value"]: [_finite(f.value) for f in forms],
        cols["ci_low"]: [_finite(f.ci_low) for f in forms],
        cols["ci_high"]: [_finite(f.ci_high) for f in forms],
    })
    ci_help = t("app.fair.agreement.help.ci", lang)
    return AgreementTable(frame, [cols["value"], cols["ci_low"], cols["ci_high"]],
                          {cols["ci_low"]: ci_help, cols["ci_high"]: ci_help})


def group_agreement(result: Result, category: str
                    ) -> list[tuple[str | None, AgreementSummary | None]]:
    """Agreement on the total (``None``) and on each top-level criterion group a category
    uses (by node id), each from the judges' own parts — the engine's
    :func:`scoring.agreement.agreement_by_part`, so the page shows what the results workbook
    shows; None where it cannot be defined."""
    from scoring.agreement import TOTAL_PART, agreement_by_part, result_parts

    part = judge_totals_of(result, category)
    if part.empty:
        return []
    parts = result_parts(result.rubric).get(category, [TOTAL_PART])
    try:
        found = agreement_by_part(part, {category: parts})
    except ValueError:
        found = {}
    return [(None if name == TOTAL_PART else name, found.get((category, name)))
            for name in parts]


_GROUP_FORMS = ("ICC(2,1)", "ICC(2,k)", "ICC(3,1)", "ICC(3,k)")


def group_agreement_tables(result: Result, category: str, lang: str
                           ) -> tuple[AgreementTable, AgreementTable]:
    """``(groups, forms)``: one row per criterion group (the total first) with the entries
    compared, ICC(2,1) and ICC(2,k) with their 95% intervals, ICC(3,1), ICC(3,k), Kendall's W
    and Krippendorff's alpha; and every ICC form of every group with its interval."""
    cols = {k: t(f"app.fair.agreement.col.{k}", lang)
            for k in ("group", "n_entries", "kendall", "alpha", "form", "value", "ci_low",
                      "ci_high")}
    ci = t("app.fair.agreement.col.ci", lang)
    rows, long_rows = [], []
    for column, summary in group_agreement(result, category):
        label = (t("app.fair.agreement.total_row", lang) if column is None
                 else result.rubric.nodes[column].label(lang))
        row: dict[str, object] = {cols["group"]: label}
        row[cols["n_entries"]] = summary.n_complete_entries if summary else 0
        for form in _GROUP_FORMS:
            item = summary.icc[form] if summary and summary.icc else None
            row[form] = _finite(item.value) if item else np.nan
            if form in ("ICC(2,1)", "ICC(2,k)"):
                row[f"{ci} {form}"] = _ci_text(item, lang) if item else "–"
        row[cols["kendall"]] = _finite(summary.kendall.w) if summary and summary.kendall \
            else np.nan
        row[cols["alpha"]] = _finite(summary.alpha) if summary else np.nan
        rows.append(row)
        if summary and summary.icc:
            long_rows += [{cols["group"]: label, cols["form"]: f.form,
                           cols["value"]: _finite(f.value), cols["ci_low"]: _finite(f.ci_low),
                           cols["ci_high"]: _finite(f.ci_high)} for f in summary.icc]
    groups = pd.DataFrame(rows)
    help_texts = {form: t("app.fair.agreement.help.icc", lang, form=form,
                          meaning=t(f"app.fair.agreement.meaning.{form}", lang))
                  for form in _GROUP_FORMS}
    help_texts.update({f"{ci} {form}": t("app.fair.agreement.help.ci", lang)
                       for form in ("ICC(2,1)", "ICC(2,k)")})
    help_texts[cols["n_entries"]] = t("app.fair.agreement.help.n_entries", lang)
    help_texts[cols["kendall"]] = t("app.agreement.kendall_help", lang)
    help_texts[cols["alpha"]] = t("app.agreement.alpha_help", lang)
    forms = pd.DataFrame(long_rows, columns=[cols[k] for k in ("group", "form", "value",
                                                                "ci_low", "ci_high")])
    return (AgreementTable(groups, [*_GROUP_FORMS, cols["kendall"], cols["alpha"]],
                           help_texts),
            AgreementTable(forms, [cols["value"], cols["ci_low"], cols["ci_high"]], {}))


def sensitivity_methods() -> tuple[str, ...]:
    """The methods the sensitivity report compares, in order
    (:data:`scoring.sensitivity.VARIANTS`)."""
    from scoring.sensitivity import VARIANTS

    return tuple(VARIANTS)


def sensitivity_figures(outcome: Outcome) -> tuple[pd.DataFrame, list[Problem]]:
    """:func:`scoring.sensitivity.sensitivity` for an outcome's rubric, entries and scores:
    each entry's official rank beside its rank under every method (the same in every
    language), and the problems that kept a method from being computed."""
    from scoring.sensitivity import sensitivity

    if outcome.result is None or outcome.rubric is None or outcome.entries is None \
            or not outcome.ok:
        return pd.DataFrame(), []
    return sensitivity(outcome.rubric, outcome.entries, outcome.scores)


def method_label(method: str, lang: str) -> str:
    return t(f"app.fair.method.{method}", lang)


def official_normalisation(rubric: Rubric) -> str:
    """The rubric's normalisation method ("none" when it has none or no such key)."""
    found = getattr(rubric, "normalisation", None)
    if found is None:
        return "none"
    return str(getattr(found, "method", found) or "none")


def official_method_text(rubric: Rubric, lang: str) -> str:
    """The panel rule and normalisation the official result uses, in words."""
    return t("app.fair.sens.official", lang, rule=panel_rule_text(rubric, lang),
             normalisation=t(f"fairness.method.{official_normalisation(rubric)}", lang))


def sensitivity_methods_frame(rubric: Rubric, lang: str) -> pd.DataFrame:
    """Each method compared: its short name, what it does, and whether the rubric uses it."""
    from scoring.sensitivity import RULES

    rule = rubric.panel
    normalisation = official_normalisation(rubric)
    rows = []
    for method in sensitivity_methods():
        if method in RULES:
            text = t("app.fair.method.help.rules", lang,
                     rule=t(f"panel.{method}", lang, trim=rule.trim, min_judges=rule.min_judges))
            used = method == rule.rule and normalisation == "none"
        else:
            text = t("app.fair.method.help.normalisation", lang,
                     method=t(f"fairness.method.{method}", lang))
            used = method == normalisation
        rows.append({t("app.fair.sens.col.method", lang): method_label(method, lang),
                     t("app.fair.sens.col.description", lang): text,
                     t("app.fair.sens.col.used", lang): t("yes" if used else "no", lang)})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class SensitivityTable:
    """One category's ranks under every method beside the official rank, as a display frame:
    ``method_columns`` hold ranks (NaN where a method could not be computed), ``changes``
    says in words where each entry's rank moves, ``place_changed`` marks a changed place."""

    frame: pd.DataFrame
    official_column: str
    method_columns: list[str]
    changes_column: str
    place_changed_column: str
    place_changed: list[bool]
    n_place_changed: int
    n_rank_changed: int


def sensitivity_table(figures: pd.DataFrame, result: Result, category: str, lang: str
                      ) -> SensitivityTable:
    rows = figures[figures["category"] == category].reset_index(drop=True)
    official = result.category(category).set_index("entry_id")
    award = official["place"].where(official["place"] != "", official["band"]).fillna("")
    methods = [m for m in sensitivity_methods() if f"rank_{m}" in rows.columns]
    labels = {m: method_label(m, lang) for m in methods}
    cols = {k: t(f"app.fair.sens.col.{k}", lang)
            for k in ("official_rank", "award", "changes", "place_changed")}
    entry = t("col.entry", lang)
    frame = pd.DataFrame({
        cols["official_rank"]: rows["official_rank"].astype(int).to_numpy(),
        entry: rows["name"].to_numpy(),
        cols["award"]: award.reindex(rows["entry_id"]).fillna("").to_numpy(),
    })
    place_changed = [bool(v) for v in rows["changed"]]
    frame[cols["place_changed"]] = [t("app.fair.sens.place_changed", lang) if v else ""
                                    for v in place_changed]
    base = rows["official_rank"].to_numpy(dtype=float)
    changes: list[list[str]] = [[] for _ in range(len(rows))]
    for method in methods:
        ranks = rows[f"rank_{method}"].to_numpy(dtype=float)
        frame[labels[method]] = ranks
        for i, (before, after) in enumerate(zip(base, ranks, strict=True)):
            if np.isfinite(after) and after != before:
                changes[i].append(f"{arrow(int(before - after))} {labels[method]}")
    frame[cols["changes"]] = ["; ".join(c) if c else "=" for c in changes]
    return SensitivityTable(frame, cols["official_rank"], [labels[m] for m in methods],
                            cols["changes"], cols["place_changed"], place_changed,
                            sum(place_changed), int(rows["rank_changed"].sum()))


def sensitivity_styled(table_: SensitivityTable, lang: str) -> Any:
    """The sensitivity table with ranks as whole numbers, rows whose award place changes on a
    yellow ground, and each method's rank green where better than the official, red where
    worse."""
    frame = table_.frame
    official = frame[table_.official_column].to_numpy(dtype=float)

    def css(data: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame("", index=data.index, columns=data.columns)
        for i, changed in enumerate(table_.place_changed):
            if changed:
                out.iloc[i, :] = "background-color: #fff3bf"
        for column in table_.method_columns:
            ranks = data[column].to_numpy(dtype=float)
            for i, rank in enumerate(ranks):
                if not np.isfinite(rank) or rank == official[i]:
                    continue
                colour = "#1a7f37" if rank < official[i] else "#cf222e"
                out.iloc[i, data.columns.get_loc(column)] += (
                    f"; color: {colour}; font-weight: bold")
        return out

    return styled(frame, table_.method_columns, lang, decimals=0).apply(css, axis=None)


def sensitivity_chart_data(figures: pd.DataFrame, result: Result, category: str, lang: str
                           ) -> pd.DataFrame:
    """One row per (entry, method) for the rank-per-method chart: the official rank first,
    then each method, for the entries holding an award or whose place changes (the first ten
    when the category has neither): ``name, method, method_order, rank, rank_text,
    official_rank, changed_text``."""
    rows = figures[figures["category"] == category]
    keep = rows[(rows["place"].fillna("") != "") | rows["changed"].astype(bool)]
    if keep.empty:
        keep = rows.nsmallest(10, "official_rank")
    methods = [m for m in sensitivity_methods() if f"rank_{m}" in rows.columns]
    official_label = t("app.fair.sens.col.official_rank", lang)
    parts = []
    for order, (label, column) in enumerate(
            [(official_label, "official_rank"),
             *((method_label(m, lang), f"rank_{m}") for m in methods)]):
        parts.append(pd.DataFrame({
            "name": keep["name"].to_numpy(), "method": label, "method_order": order,
            "rank": keep[column].to_numpy(dtype=float),
            "official_rank": keep["official_rank"].astype(int).to_numpy(),
            "changed_text": [t("app.fair.sens.place_changed", lang) if v else ""
                             for v in keep["changed"]]}))
    long = pd.concat(parts, ignore_index=True)
    long = long[np.isfinite(long["rank"])].reset_index(drop=True)
    long["rank_text"] = [format_number(int(v), lang, 0) for v in long["rank"]]
    return long


# --- formatting for display -----------------------------------------------------------------


def styled(frame: pd.DataFrame, number_columns: Sequence[str], lang: str, decimals: int = 2
           ) -> Any:
    """A pandas Styler that shows ``number_columns`` the Indonesian way (85,50) while the
    values stay numbers, so sorting a column in the table sorts by value."""
    present = [c for c in number_columns if c in frame.columns]
    return frame.style.format(lambda v: format_number(v, lang, decimals), subset=present,
                              na_rep="–")


def number_text(value: float | None, lang: str, decimals: int = 2) -> str:
    """A number the Indonesian way, or "–" when it is missing or not finite."""
    if value is None or not np.isfinite(value):
        return "–"
    return format_number(float(value), lang, decimals)


def short_fingerprint(fingerprint: str) -> str:
    return fingerprint[:12]
