"""The formula language: what it accepts, what it refuses (with the position), its values
and its worked line, each worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from scoring.formula import parse_formula

NAMES = ("execution", "bonus", "difficulty", "deduction")


def test_a_diving_style_formula_and_its_worked_line() -> None:
    formula, problems = parse_formula("(execution + bonus) * difficulty - deduction", NAMES)
    assert problems == [] and formula is not None
    assert set(formula.names) == set(NAMES)
    values = {"execution": 7.5, "bonus": 0.6, "difficulty": 3.2, "deduction": 1}
    # (7.5 + 0.6) x 3.2 - 1 = 8.1 x 3.2 - 1 = 25.92 - 1 = 24.92
    assert formula.evaluate(values) == pytest.approx(24.92)
    assert formula.worked(values, "id") == "(7,5 + 0,6) × 3,2 − 1 = 24,92"
    assert formula.worked(values, "en") == "(7.5 + 0.6) × 3.2 − 1 = 24.92"


def test_columns_min_max_and_division() -> None:
    formula, _ = parse_formula("max(execution - deduction, 0) / difficulty", NAMES)
    assert formula is not None
    values = {"execution": np.array([9.0, 2.0, 6.0]), "deduction": np.array([1.0, 5.0, 0.0]),
              "difficulty": np.array([2.0, 4.0, 0.0])}
    # max(9 - 1, 0) / 2 = 4; max(2 - 5, 0) / 4 = 0; max(6, 0) / 0: no result (NaN)
    out = formula.evaluate(values)
    assert out[:2].tolist() == [4.0, 0.0] and np.isnan(out[2])
    assert formula.worked({"execution": 9, "deduction": 1, "difficulty": 2}, "id") == \
        "max(9 − 1; 0) / 2 = 4,00"


def test_precedence_keeps_only_the_parentheses_needed() -> None:
    formula, _ = parse_formula("execution - (bonus - deduction) + -difficulty * 2", NAMES)
    assert formula is not None
    values = {"execution": 10, "bonus": 3, "deduction": 1, "difficulty": 1.5}
    # 10 - (3 - 1) + (-1.5 x 2) = 10 - 2 - 3 = 5
    assert formula.worked(values, "en") == "10 − (3 − 1) + −1.5 × 2 = 5.00"


@pytest.mark.parametrize(("text", "code", "position"), [
    ("execution +", "formula.syntax", 12),
    ("execution ** 2", "formula.not_allowed", 1),
    ("__import__('os')", "formula.not_allowed", 1),
    ("(execution", "formula.syntax", 1),
    ("execution.real", "formula.not_allowed", 1),
    ("execution + speed", "formula.unknown_name", 13),
    ("abs(execution)", "formula.not_allowed", 1),
    ("execution + ", "formula.syntax", 12),
    ("execution if bonus else 0", "formula.not_allowed", 1),
    ("execution > 1", "formula.not_allowed", 1),
    ("min()", "formula.not_allowed", 1),
    ("'text'", "formula.not_allowed", 1),
    ("", "formula.empty", None),
])
def test_what_is_refused_and_where(text: str, code: str, position: int | None) -> None:
    formula, problems = parse_formula(text, NAMES, file="r.yaml", cell="inputs.formula")
    assert formula is None
    assert problems[0].code == code and problems[0].file == "r.yaml"
    assert problems[0].cell == "inputs.formula"
    if position is not None:
        assert problems[0].params["position"] == position
    for p in problems:
        assert "{" not in p.message("id") + p.message("en")
