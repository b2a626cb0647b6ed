"""A mapping saved as a small YAML file, and read back with every mistake named.

The file's format is described in :mod:`scoring.sheets.mapping`; :func:`mapping_to_yaml`
writes a :class:`~scoring.sheets.mapping.Mapping`, :func:`mapping_from_yaml` reads one (and,
given the rubric and entries, checks that every criterion and entry it names exists).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from scoring.entries import Entries
from scoring.problems import Problem, error
from scoring.rubric import Rubric
from scoring.sheets.grid import column_number
from scoring.sheets.mapping import (
    CONFIRMED,
    FORMAT,
    IGNORE,
    LAYOUT_NAMES,
    Block,
    Column,
    Confidence,
    Judge,
    Mapping,
    SheetMapping,
)
from scoring.sheets.words import ROLES


def mapping_to_yaml(mapping: Mapping) -> str:
    """The mapping as the YAML file described in the module's docstring (only decisions are
    written, not detection's confidence: a saved mapping is a confirmed one)."""
    data: dict[str, Any] = {"juri_mapping": FORMAT}
    if mapping.file:
        data["file"] = mapping.file
    if mapping.shape:
        data["shape"] = mapping.shape
    if mapping.judge:
        data["judge"] = mapping.judge
    sheets = []
    for sheet in mapping.sheets:
        item: dict[str, Any] = {"sheet": sheet.sheet, "layout": sheet.layout}
        if sheet.judge is not None and sheet.judge.source in ("label", "sheet", "mapping"):
            item["judge"] = sheet.judge.name
        if sheet.header_row is not None:
            item["header_row"] = sheet.header_row
        columns = {c.column: (c.criterion_id if c.role == "criterion" and c.criterion_id
                              else c.role)
                   for c in sheet.columns
                   if c.role != "criterion" or c.criterion_id or sheet.layout != "recap"}
        if columns:
            item["columns"] = columns
        if sheet.blocks:
            item["blocks"] = [
                {"rows": f"{b.first_row}:{b.last_row}",
                 **({"entry": b.entry_id} if b.entry_id and b.confidence.sure else {})}
                for b in sheet.blocks]
        sheets.append(item)
    if sheets:
        data["sheets"] = sheets
    if mapping.entry_names:
        data["entries"] = dict(mapping.entry_names)
    if mapping.criterion_names:
        data["criteria"] = dict(mapping.criterion_names)
    if mapping.skip:
        data["skip"] = list(mapping.skip)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


_ROWS = re.compile(r"^\s*(\d+)\s*[:\-]\s*(\d+)\s*$")
_TOP_KEYS = {"juri_mapping", "file", "shape", "judge", "sheets", "entries", "criteria", "skip"}
_SHEET_KEYS = {"sheet", "layout", "judge", "header_row", "columns", "blocks"}
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "recap": (("entry", "entry_id"),),
    "long": (("entry", "entry_id"), ("criterion",), ("score",)),
    "form": (("criterion",), ("score",)),
}


class _Collector:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def invalid(self, where: str, reason_id: str, reason_en: str) -> None:
        self.problems.append(error("mapping.invalid", file=self.file, cell=where,
                                   reason_id=reason_id, reason_en=reason_en))


def mapping_from_yaml(text: str, file: str = "<mapping>", rubric: Rubric | None = None,
                      entries: Entries | None = None) -> tuple[Mapping | None, list[Problem]]:
    """Read a mapping file: the Mapping, or None and every problem, each naming its place
    (``sheets[0].columns.D``). With ``rubric`` and ``entries`` the ids are checked too."""
    out = _Collector(file)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = str(getattr(exc, "problem", "") or exc)
        return None, [error("mapping.yaml_syntax", file=file, cell=where, reason=reason)]
    if not isinstance(raw, dict):
        out.invalid("", "isi berkas harus berupa peta kunci: nilai",
                    "the file must be a mapping of key: value")
        return None, out.problems
    for key in raw:
        if key not in _TOP_KEYS:
            out.invalid(str(key), "kunci tidak dikenal", "unknown key")
    version = raw.get("juri_mapping", FORMAT)
    if version != FORMAT:
        out.invalid("juri_mapping", f"versi {version!r} tidak dikenal (harus {FORMAT})",
                    f"unknown version {version!r} (must be {FORMAT})")
    leaf_ids = {leaf.id for leaf in rubric.leaves} if rubric is not None else None
    entry_ids = set(entries.by_id) if entries is not None else None

    file_pattern = _text(raw, "file", out)
    shape = _text(raw, "shape", out)
    judge = _text(raw, "judge", out)
    skip = _texts(raw.get("skip"), "skip", out)
    entry_names = _names(raw.get("entries"), "entries", entry_ids, "mapping.unknown_entry", out)
    criterion_names = _names(raw.get("criteria"), "criteria", leaf_ids,
                             "mapping.unknown_criterion", out)
    sheets: list[SheetMapping] = []
    listed = raw.get("sheets", [])
    if listed is None:
        listed = []
    if not isinstance(listed, list):
        out.invalid("sheets", "harus berupa daftar", "must be a list")
        listed = []
    seen: set[str] = set()
    for index, item in enumerate(listed):
        sheet = _sheet(item, f"sheets[{index}]", leaf_ids, entry_ids, out)
        if sheet is None:
            continue
        if sheet.sheet in seen:
            out.invalid(f"sheets[{index}].sheet", f"lembar {sheet.sheet!r} disebut dua kali",
                        f"sheet {sheet.sheet!r} is listed twice")
        seen.add(sheet.sheet)
        sheets.append(sheet)
    if out.problems:
        return None, out.problems
    return Mapping(tuple(sheets), entry_names, criterion_names, tuple(skip), judge or None,
                   file_pattern, shape), []


def _text(raw: dict, key: str, out: _Collector, where: str = "") -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        out.invalid(where + key, "harus berupa teks", "must be text")
        return ""
    return " ".join(str(value).split())


def _texts(value: Any, where: str, out: _Collector) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        out.invalid(where, "harus berupa daftar teks", "must be a list of texts")
        return []
    return [str(v) for v in value]


def _names(value: Any, where: str, known: set[str] | None, unknown_code: str,
           out: _Collector) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        out.invalid(where, "harus berupa peta nama: id", "must be a mapping of name: id")
        return {}
    names: dict[str, str] = {}
    for name, target in value.items():
        here = f"{where}.{name}"
        if not isinstance(target, (str, int)) or isinstance(target, bool):
            out.invalid(here, "harus berupa id atau ignore", "must be an id or ignore")
            continue
        target = str(target).strip()
        if known is not None and target != IGNORE and target not in known:
            out.problems.append(error(unknown_code, file=out.file, cell=here, id=target))
            continue
        names[str(name)] = target
    return names


def _sheet(item: Any, where: str, leaf_ids: set[str] | None, entry_ids: set[str] | None,
           out: _Collector) -> SheetMapping | None:
    if not isinstance(item, dict):
        out.invalid(where, "harus berupa peta kunci: nilai", "must be a mapping of key: value")
        return None
    for key in item:
        if key not in _SHEET_KEYS:
            out.invalid(f"{where}.{key}", "kunci tidak dikenal", "unknown key")
    name = _text(item, "sheet", out, where + ".")
    if not name:
        out.problems.append(error("mapping.missing_key", file=out.file, cell=f"{where}.sheet"))
    layout = item.get("layout")
    if layout not in LAYOUT_NAMES:
        out.invalid(f"{where}.layout", f"{layout!r} bukan salah satu dari {LAYOUT_NAMES}",
                    f"{layout!r} is not one of {LAYOUT_NAMES}")
        return None
    judge_name = _text(item, "judge", out, where + ".")
    header_row = item.get("header_row")
    if header_row is not None and (isinstance(header_row, bool) or not isinstance(
            header_row, int) or header_row < 1):
        out.invalid(f"{where}.header_row", "harus berupa nomor baris (1, 2, …)",
                    "must be a row number (1, 2, …)")
        header_row = None
    columns = _columns(item.get("columns"), f"{where}.columns", leaf_ids, out)
    blocks = _blocks(item.get("blocks"), f"{where}.blocks", entry_ids, out)
    roles = {c.role for c in columns}
    if layout == "recap" and header_row is None:
        out.problems.append(error("mapping.missing_key", file=out.file,
                                  cell=f"{where}.header_row"))
    for needed in _NEEDS[layout]:
        if not roles & set(needed):
            out.problems.append(error("mapping.incomplete", file=out.file,
                                      cell=f"{where}.columns", layout=layout,
                                      role=" / ".join(needed)))
    if layout == "recap" and not any(c.role == "criterion" for c in columns):
        out.problems.append(error("mapping.incomplete", file=out.file, cell=f"{where}.columns",
                                  layout=layout, role="criterion"))
    return SheetMapping(name, layout, Judge(judge_name, "mapping") if judge_name else None,
                        header_row, tuple(columns), tuple(blocks))


def _columns(value: Any, where: str, leaf_ids: set[str] | None, out: _Collector
             ) -> list[Column]:
    if value is None:
        return []
    if not isinstance(value, dict):
        out.invalid(where, "harus berupa peta kolom: isi (misalnya D: l1_tema)",
                    "must be a mapping of column: content (such as D: l1_tema)")
        return []
    columns: list[Column] = []
    for letter, target in value.items():
        here = f"{where}.{letter}"
        letters = str(letter).strip().upper()
        try:
            if not letters.isalpha() or column_number(letters) > 16384:
                raise ValueError(letters)
        except ValueError:
            out.invalid(here, f"{letter!r} bukan huruf kolom (A, B, …, XFD)",
                        f"{letter!r} is not a column's letters (A, B, …, XFD)")
            continue
        if not isinstance(target, str):
            out.invalid(here, "harus berupa id kriteria atau peran kolom",
                        "must be a criterion id or a column role")
            continue
        target = target.strip()
        if leaf_ids is not None and target in leaf_ids:
            columns.append(Column(letters, "criterion", target))
        elif target in ROLES:
            columns.append(Column(letters, target))
        elif leaf_ids is None:
            columns.append(Column(letters, "criterion", target))
        else:
            out.problems.append(error("mapping.unknown_criterion", file=out.file, cell=here,
                                      id=target))
    return sorted(columns, key=lambda c: c.number)


def _blocks(value: Any, where: str, entry_ids: set[str] | None, out: _Collector
            ) -> list[Block]:
    if value is None:
        return []
    if not isinstance(value, list):
        out.invalid(where, "harus berupa daftar", "must be a list")
        return []
    blocks = []
    for index, item in enumerate(value):
        here = f"{where}[{index}]"
        rows = item.get("rows") if isinstance(item, dict) else None
        found = _ROWS.match(str(rows)) if rows is not None else None
        if not found or int(found.group(1)) > int(found.group(2)) or int(found.group(1)) < 1:
            out.invalid(f"{here}.rows", "harus berupa baris awal:akhir (misalnya \"3:20\")",
                        "must be first:last rows (such as \"3:20\")")
            continue
        entry = item.get("entry")
        entry_id = str(entry).strip() if entry is not None else None
        if entry_id and entry_ids is not None and entry_id != IGNORE and \
                entry_id not in entry_ids:
            out.problems.append(error("mapping.unknown_entry", file=out.file,
                                      cell=f"{here}.entry", id=entry_id))
            continue
        blocks.append(Block(int(found.group(1)), int(found.group(2)), entry_id or None,
                            confidence=CONFIRMED if entry_id else Confidence("none", 0.0)))
    return blocks

