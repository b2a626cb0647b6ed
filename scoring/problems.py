"""Problems: what is wrong with user input, as records rather than exceptions.

Words used here:
- *Problem*: one thing wrong (or worth a look) in a rubric, entries list, sheet or request.
- *severity*: ``error`` blocks a result; ``warning`` does not.
- *code*: a stable dotted id (``score.out_of_range``) that programs can act on; it is also the
  message id in the catalogue (:mod:`scoring.i18n`), so every code has its text in Indonesian
  and English.
- *where*: ``file``, ``sheet`` and ``cell`` (for a rubric file, ``cell`` holds the path inside
  it, such as ``criteria[2].children[0].scale.max``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from scoring.i18n import CATALOGUE, DEFAULT_LANGUAGE, t

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem found in user input; ``params`` fill the message's placeholders."""

    severity: Severity
    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    file: str = ""
    sheet: str = ""
    cell: str = ""

    def __post_init__(self) -> None:
        if self.severity not in (ERROR, WARNING):
            raise ValueError(f"unknown severity {self.severity!r}")
        if self.code not in CATALOGUE:
            raise KeyError(f"problem code {self.code!r} has no message in the catalogue")
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def __reduce__(self) -> tuple[type[Problem], tuple[object, ...]]:
        # a read-only mapping cannot be pickled; files read in worker processes
        # (scoring.sheets.parallel) send their problems back this way
        return (Problem, (self.severity, self.code, dict(self.params), self.file, self.sheet,
                          self.cell))

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return t(self.code, lang, **self.params)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def where(self) -> str:
        """``file › sheet › cell`` with the empty parts left out."""
        return " › ".join(part for part in (self.file, self.sheet, self.cell) if part)

    def to_dict(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
        }


def error(code: str, *, file: str = "", sheet: str = "", cell: str = "", **params: object
          ) -> Problem:
    return Problem(ERROR, code, params, file, sheet, cell)


def warning(code: str, *, file: str = "", sheet: str = "", cell: str = "", **params: object
            ) -> Problem:
    return Problem(WARNING, code, params, file, sheet, cell)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


class HasProblems:
    """The ``errors`` and ``warnings`` among an object's ``problems`` (a mixin for the
    dataclasses that carry them)."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def format_problems(problems: Iterable[Problem], lang: str = DEFAULT_LANGUAGE) -> str:
    """One line per problem, errors first: ``ERROR file › sheet › cell: message [code]``."""
    label = {ERROR: t("problem.error", lang), WARNING: t("problem.warning", lang)}
    ordered = sorted(problems, key=lambda p: (p.severity != ERROR,))
    lines = []
    for p in ordered:
        where = p.where()
        lines.append(f"{label[p.severity]} {where + ': ' if where else ''}{p.message(lang)}"
                     f" [{p.code}]")
    return "\n".join(lines)


class ProblemsError(Exception):
    """Raised by loaders that cannot return a usable object; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(format_problems(self.problems, "en"))
