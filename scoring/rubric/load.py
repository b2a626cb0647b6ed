"""Loading a rubric file: YAML text to a :class:`~scoring.rubric.model.Rubric`, or every
mistake at once as :class:`~scoring.problems.Problem` records naming the file and the path
inside it (``criteria[2].children[0].scale.max``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from scoring.problems import Problem, ProblemsError, error
from scoring.rubric.model import Rubric
from scoring.rubric.validate import cross_checks


def _path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


_TYPE_WORDS = {
    "float": ("angka", "a number"),
    "int": ("bilangan bulat", "a whole number"),
    "string": ("teks", "text"),
    "bool": ("true atau false", "true or false"),
    "list": ("daftar", "a list"),
    "tuple": ("daftar", "a list"),
    "dict": ("peta kunci: nilai", "a mapping of key: value"),
    "model": ("peta kunci: nilai", "a mapping of key: value"),
    "date": ("tanggal (YYYY-MM-DD)", "a date (YYYY-MM-DD)"),
}


def _problem_from_pydantic(err: Any, file: str) -> Problem:
    kind: str = err["type"]
    where = _path(tuple(err["loc"]))
    ctx = dict(err.get("ctx") or {})
    given = err.get("input")
    if kind.startswith("rubric."):
        return error(kind, file=file, cell=where, **ctx)
    if kind == "missing":
        return error("rubric.missing_key", file=file, cell=where)
    if kind == "extra_forbidden":
        return error("rubric.unknown_key", file=file, cell=where)
    if kind == "literal_error":
        return error("rubric.not_one_of", file=file, cell=where, given=given,
                     expected=ctx.get("expected", ""))
    if kind in ("greater_than", "greater_than_equal"):
        op = ">" if kind == "greater_than" else "≥"
        limit = ctx.get("gt", ctx.get("ge"))
        return error("rubric.too_small", file=file, cell=where, given=given, op=op, limit=limit)
    if kind in ("less_than", "less_than_equal"):
        op = "<" if kind == "less_than" else "≤"
        limit = ctx.get("lt", ctx.get("le"))
        return error("rubric.invalid", file=file, cell=where,
                     reason=f"{given!r}: {op} {limit}")
    if kind == "too_short" and isinstance(given, (list, tuple)):
        return error("rubric.too_short", file=file, cell=where,
                     min_length=ctx.get("min_length", 1))
    if kind == "string_too_short":
        return error("rubric.missing_key", file=file, cell=where)
    for prefix, (word_id, word_en) in _TYPE_WORDS.items():
        if kind.startswith(prefix + "_"):
            return error("rubric.wrong_type", file=file, cell=where, given=given,
                         expected_id=word_id, expected_en=word_en)
    return error("rubric.invalid", file=file, cell=where, reason=err.get("msg", kind))


def parse_rubric(text: str, file: str = "<rubric>") -> tuple[Rubric | None, list[Problem]]:
    """Read a rubric from YAML text: the Rubric, or None and every problem found."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [error("rubric.invalid_yaml", file=file,
                            line=(mark.line + 1) if mark else "?",
                            column=(mark.column + 1) if mark else "?",
                            reason=getattr(exc, "problem", None) or str(exc))]
    if not isinstance(raw, dict):
        return None, [error("rubric.not_a_mapping", file=file)]
    problems = cross_checks(raw, file)
    rubric = None
    try:
        rubric = Rubric.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        # pydantic also calls a list "too short" when all its items failed: not a real mistake
        inner = {tuple(e["loc"][:n]) for e in errors for n in range(len(e["loc"]))}
        errors = [e for e in errors if not (e["type"] == "too_short" and tuple(e["loc"]) in inner)]
        problems = [_problem_from_pydantic(e, file) for e in errors] + problems
    if problems:
        return None, problems
    return rubric, []


def load_rubric(path: str | Path) -> Rubric:
    """Load and check a rubric file; raises :class:`ProblemsError` listing every mistake."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemsError([error("file.not_found", file=str(path), path=str(path))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemsError([error("file.unreadable", file=str(path), reason=str(exc))]) from None
    rubric, problems = parse_rubric(text, str(path))
    if rubric is None:
        raise ProblemsError(problems)
    return rubric

