"""Mark conversion tables (``convert``, ``convert_times``) and criteria per entry
(``only_if``): a figure-skating-like element scored by hand."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from scoring.pipeline import score
from scoring.rubric import parse_rubric

from .helpers import entries_of, marks, rubric_from

GOE = {-3: -0.3, -2: -0.2, -1: -0.1, 0: 0, 1: 0.1, 2: 0.2, 3: 0.3}
"""Grade of execution → share of the base value (ISU-like: each step is 10 %)."""
ELEMENTS = {
    "id": "sk", "title": "Skating", "weighting": "points",
    "categories": [{"id": "A", "name": "A"}],
    "criteria": [
        {"id": "el1", "name": "Unsur 1", "scale": {"min": -3, "max": 3}, "convert": GOE,
         "convert_times": "bv1"},
        {"id": "el2", "name": "Unsur 2", "scale": {"min": -3, "max": 3}, "convert": GOE,
         "convert_times": "bv2", "only_if": "bv2"},
    ],
    "panel": {"rule": "trimmed_mean", "trim": 1, "min_judges": 3, "apply_to": "criterion"},
    "inputs": [{"id": "bv1", "name": "Nilai dasar 1", "scale": {"min": 0, "max": 15}},
               {"id": "bv2", "name": "Nilai dasar 2", "scale": {"min": 0, "max": 15},
                "default": 0}],
    "total": "bv1 + el1 + bv2 + el2",
}


def test_converted_marks_trimmed_per_element_and_elements_not_performed() -> None:
    entries = entries_of(("e1", "A"), ("e2", "A"))
    scores = marks(entries, {
        ("e1", "J1"): {"el1": 2, "el2": 0}, ("e1", "J2"): {"el1": 3, "el2": -1},
        ("e1", "J3"): {"el1": 1, "el2": 1}, ("e1", "J4"): {"el1": 2, "el2": 0},
        # e2 did not perform element 2: J1's mark for it is left out, the others' absence
        # is not an error
        ("e2", "J1"): {"el1": -1, "el2": 3}, ("e2", "J2"): {"el1": -1},
        ("e2", "J3"): {"el1": 0}, ("e2", "J4"): {"el1": -2},
    })
    given = pd.DataFrame({"bv1": [4.0, 5.0], "bv2": [3.3, None]},
                         index=pd.Index(["e1", "e2"], name="entry_id"))
    result = score(rubric_from(ELEMENTS), entries, scores, entry_inputs=given)
    assert result.ok, [p.message("en") for p in result.problems]
    assert [(p.code, p.params["entry_id"]) for p in result.warnings] == [
        ("score.not_performed", "e2")]
    rows = result.standings.set_index("entry_id")
    # e1 el1: grades 2, 3, 1, 2 → × 0.1 × 4.0 = 0.8, 1.2, 0.4, 0.8; drop 1.2 and 0.4 → 0.8
    #    el2: grades 0, −1, 1, 0 → × 0.1 × 3.3 = 0, −0.33, 0.33, 0; drop ±0.33 → 0
    #    total 4 + 0.8 + 3.3 + 0 = 8.1
    # e2 el1: grades −1, −1, 0, −2 → × 0.1 × 5 = −0.5, −0.5, 0, −1; drop 0 and −1 → −0.5
    #    el2 not performed (bv2 0 by default) → 0; total 5 − 0.5 + 0 + 0 = 4.5
    assert rows.loc["e1", "el1"] == pytest.approx(0.8)
    assert rows.loc["e1", "el2"] == pytest.approx(0.0)
    assert rows.loc["e2", "el1"] == pytest.approx(-0.5)
    assert rows["total"].to_dict() == {"e1": 8.1, "e2": 4.5}
    assert rows.loc["e2", "worked"] == "5 + (−0,5) + 0 + 0 = 4,50"


def test_a_missing_mark_of_a_performed_element_is_still_an_error() -> None:
    entries = entries_of(("e1", "A"),)
    scores = marks(entries, {("e1", "J1"): {"el1": 1}, ("e1", "J2"): {"el1": 1, "el2": 0},
                             ("e1", "J3"): {"el1": 1, "el2": 0}})
    given = pd.DataFrame({"bv1": [4.0], "bv2": [3.3]}, index=pd.Index(["e1"], name="entry_id"))
    result = score(rubric_from(ELEMENTS), entries, scores, entry_inputs=given)
    assert [p.code for p in result.errors] == ["score.incomplete"]


@pytest.mark.parametrize(("change", "expected"), [
    ({"convert": {-3: 0, 0: 1, 3: 2}}, [("rubric.convert_missing_grade", "criteria[0]")]),
    ({"convert_times": "bv9"}, [("rubric.unknown_input", "criteria[0].convert_times")]),
    ({"only_if": "nothing"}, [("rubric.unknown_input", "criteria[0].only_if")]),
])
def test_mistakes_in_conversions_name_their_place(change: dict, expected: list) -> None:
    data = {**ELEMENTS, "criteria": [{**ELEMENTS["criteria"][0], **change},
                                     ELEMENTS["criteria"][1]]}
    rubric, problems = parse_rubric(yaml.safe_dump(data), "r.yaml")
    assert rubric is None and [(p.code, p.cell) for p in problems] == expected


def test_a_conversion_needs_points_weighting() -> None:
    data = {**ELEMENTS, "weighting": "percent"}
    data["criteria"] = [{**c, "scale": {"min": 0, "max": 6}, "convert": {
        g: g / 10 for g in range(7)}} for c in ELEMENTS["criteria"]]
    rubric, problems = parse_rubric(yaml.safe_dump(data), "r.yaml")
    assert rubric is None
    assert [(p.code, p.cell) for p in problems] == [
        ("rubric.convert_needs_points", "criteria[0].convert"),
        ("rubric.convert_needs_points", "criteria[1].convert")]
