"""Formulas: a small, safe expression language over named quantities, for scores that combine
the panel's marks with values that are not judged (``(execution + bonus) * difficulty -
deduction``).

Words used here:
- *formula*: text written in the rubric. Allowed: numbers (``3.2``), names (letters, digits
  and ``_``, not starting with a digit), ``+ - * /``, unary minus, parentheses, and
  ``min(…)`` / ``max(…)`` of one or more arguments. Nothing else: no attributes, indexing,
  comparisons, other calls or keywords. Parsed with Python's :mod:`ast` and checked node by
  node against that list — never evaluated by Python.
- *position*: the 1-based column of the mistake in the formula's text, given in every problem.
- *worked line*: the formula with each name replaced by its value and the result, written the
  way people read numbers (``(7,5 + 0,6) × 3,2 − 1 = 24,92`` in Indonesian); a name whose
  value is negative is shown in parentheses with a minus sign (``5 + (−0,5)``).

Evaluation is vectorised: each name maps to a number or a column of numbers (numpy or pandas);
a division by zero gives NaN (no result), never an exception.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np

from scoring.i18n import DEFAULT_LANGUAGE, format_number
from scoring.problems import Problem, error

FUNCTIONS = ("min", "max")
_OPERATORS: dict[type, tuple[str, int]] = {
    ast.Add: ("+", 1), ast.Sub: ("−", 1), ast.Mult: ("×", 2), ast.Div: ("/", 2)}
"""Each operator as shown in a worked line, and its precedence (higher binds tighter)."""


@dataclass(frozen=True)
class Formula:
    """A checked formula: its text, its parsed tree and the names it uses (in order)."""

    text: str
    tree: ast.expr
    names: tuple[str, ...]

    def evaluate(self, values: Mapping[str, Any]) -> Any:
        """The formula's value with each name taken from ``values`` (numbers or columns)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return _evaluate(self.tree, values)

    def worked(self, values: Mapping[str, float], lang: str = DEFAULT_LANGUAGE,
               decimals: int = 2) -> str:
        """The worked line for one set of values: ``(7,5 + 0,6) × 3,2 − 1 = 24,92``."""
        result = float(self.evaluate(values))
        return f"{_shown(self.tree, values, lang)} = {format_number(result, lang, decimals)}"


def parse_formula(text: str, known: Iterable[str], *, file: str = "", cell: str = ""
                  ) -> tuple[Formula | None, list[Problem]]:
    """Check ``text`` as a formula over the ``known`` names: the Formula, or None and every
    problem found (``formula.syntax``, ``formula.not_allowed``, ``formula.unknown_name``),
    each with the position in the text."""
    where = {"file": file, "cell": cell}
    if not isinstance(text, str) or not text.strip():
        return None, [error("formula.empty", **where)]
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as exc:  # offset 0: the text ended too soon, just past its end
        return None, [error("formula.syntax", **where, formula=text,
                            position=exc.offset or len(text.strip()) + 1, reason=exc.msg)]
    known = set(known)
    problems: list[Problem] = []
    names: list[str] = []
    for node in ast.walk(tree):
        position = getattr(node, "col_offset", 0) + 1
        if isinstance(node, ast.Name):
            if node.id not in known and not _is_function(tree, node):
                problems.append(error("formula.unknown_name", **where, formula=text,
                                      position=position, name=node.id,
                                      known=", ".join(sorted(known)) or "–"))
            elif node.id in known and node.id not in names:
                names.append(node.id)
        elif not _allowed(node):
            problems.append(error("formula.not_allowed", **where, formula=text,
                                  position=position,
                                  part=ast.get_source_segment(text.strip(), node) or "?"))
    if problems:
        return None, problems
    return Formula(text, tree, tuple(names)), []


def _is_function(tree: ast.expr, name: ast.Name) -> bool:
    return any(isinstance(n, ast.Call) and n.func is name for n in ast.walk(tree))


def _allowed(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.BinOp):
        return type(node.op) in _OPERATORS
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, (ast.USub, ast.UAdd))
    if isinstance(node, ast.Call):
        return (isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS
                and bool(node.args) and not node.keywords
                and not any(isinstance(a, ast.Starred) for a in node.args))
    return isinstance(node, (ast.operator, ast.unaryop, ast.expr_context))


def _evaluate(node: ast.expr, values: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.UnaryOp):
        inner = _evaluate(node.operand, values)
        return -inner if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.Call):
        args = [_evaluate(a, values) for a in node.args]
        combine = np.minimum if node.func.id == "min" else np.maximum  # type: ignore[attr-defined]
        out = args[0]
        for arg in args[1:]:
            out = combine(out, arg)
        return out
    assert isinstance(node, ast.BinOp)
    left, right = _evaluate(node.left, values), _evaluate(node.right, values)
    if isinstance(node.op, ast.Add):
        return left + right
    if isinstance(node.op, ast.Sub):
        return left - right
    if isinstance(node.op, ast.Mult):
        return left * right
    quotient = np.divide(np.asarray(left, dtype="float64"), right)
    return np.where(np.isinf(quotient), np.nan, quotient) if np.ndim(quotient) else (
        float("nan") if np.isinf(quotient) else float(quotient))


def _number(value: float, lang: str) -> str:
    """A value with as many decimals as it has (up to 6): 7.5 -> ``7,5``, 3 -> ``3``."""
    exponent = Decimal(repr(round(float(value), 6))).normalize().as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return format_number(float(value), lang, decimals)


def _shown(node: ast.expr, values: Mapping[str, float], lang: str, parent: int = 0,
           right: bool = False) -> str:
    """The formula with values in place of names; parentheses only where needed."""
    if isinstance(node, ast.Constant):
        return _number(node.value, lang)
    if isinstance(node, ast.Name):
        value = float(values[node.id])
        return f"(−{_number(-value, lang)})" if value < 0 else _number(value, lang)
    if isinstance(node, ast.UnaryOp):
        sign = "−" if isinstance(node.op, ast.USub) else "+"
        return sign + _shown(node.operand, values, lang, 3)
    if isinstance(node, ast.Call):
        inner = "; ".join(_shown(a, values, lang) for a in node.args)
        return f"{node.func.id}({inner})"  # type: ignore[attr-defined]
    assert isinstance(node, ast.BinOp)
    symbol, level = _OPERATORS[type(node.op)]
    text = (f"{_shown(node.left, values, lang, level)} {symbol} "
            f"{_shown(node.right, values, lang, level, right=True)}")
    needs = level < parent or (right and level == parent)
    return f"({text})" if needs else text
