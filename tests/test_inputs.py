"""Entry inputs (values per entry that are not judged) and totals made by a formula: the
inputs file checked cell by cell, the rubric's new keys validated with their paths, and the
totals, worked lines, JSON and CLI worked out by hand."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
import yaml
from openpyxl import Workbook

from scoring.cli import main
from scoring.inputs import complete, read_inputs
from scoring.pipeline import score
from scoring.rubric import parse_rubric

from .helpers import entries_of, marks, rubric_from

DIVE = {
    "id": "dive", "title": "Loncat indah", "weighting": "points",
    "categories": [{"id": "A", "name": "A"}],
    "criteria": [{"id": "execution", "name": "Eksekusi",
                  "scale": {"min": 0, "max": 10, "step": 0.5}}],
    "inputs": [
        {"id": "difficulty", "name": "Tingkat kesulitan", "name_en": "Degree of difficulty",
         "scale": {"min": 1.2, "max": 4.1}, "meaning": "DD of the dive performed"},
        {"id": "bonus", "name": "Bonus", "scale": {"min": 0, "max": 1}, "default": 0},
        {"id": "deduction", "name": "Potongan", "scale": {"min": 0, "max": 5}, "default": 0},
        {"id": "on_time", "name": "Tepat waktu", "kind": "yes_no", "default": 1},
    ],
    "total": "(execution + bonus) * difficulty - deduction",
}
ENTRIES = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))


def read_csv_text(text: str, rubric_data: dict = DIVE) -> tuple[pd.DataFrame, list]:
    return read_inputs(text.encode("utf-8"), "inputs.csv", rubric_from(rubric_data), ENTRIES)


def test_a_csv_of_inputs_by_id_and_name_headers() -> None:
    frame, problems = read_csv_text(
        "id;Tingkat kesulitan;bonus;Potongan;Tepat waktu\n"
        "e1;3,2;0,6;1;ya\n"
        "e2;2;;;tidak\n")
    assert problems == []
    assert frame.loc["e1"].tolist() == [3.2, 0.6, 1.0, 1.0]
    assert frame.loc["e2", "difficulty"] == 2.0 and frame.loc["e2", "on_time"] == 0.0
    assert frame.loc["e2", ["bonus", "deduction"]].isna().all()  # blank: no value given


def test_every_mistake_in_an_inputs_file_with_its_cell() -> None:
    _, problems = read_csv_text(
        "id;Tingkat kesulitan;Potongan;Tepat waktu;catatan\n"
        "e1;5;1;ya;\n"            # 5 > 4.1
        "e9;3;0;ya;\n"            # no entry e9
        "e2;tiga;-1;mungkin;\n"   # not a number, -1 < 0, not yes/no
        "e1;3;0;ya;\n")           # e1 again
    found = sorted((p.code, p.cell, p.severity) for p in problems)
    assert found == sorted([
        ("inputs.unknown_column", "E1", "warning"),
        ("inputs.out_of_scale", "B2", "error"),
        ("inputs.unknown_entry", "A3", "error"),
        ("inputs.not_a_number", "B4", "error"),
        ("inputs.out_of_scale", "C4", "error"),
        ("inputs.not_yes_no", "D4", "error"),
        ("inputs.duplicate_entry", "A5", "warning"),
    ])
    assert all(p.file == "inputs.csv" for p in problems)
    out = next(p for p in problems if p.cell == "B2")
    assert out.message("en") == "Tingkat kesulitan: 5 is outside the scale 1.2–4.1"


def test_a_sheet_of_inputs_matched_by_entry_name() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Masukan"
    sheet.append(["Nama", "difficulty"])
    sheet.append(["Entry e1", 3.2])
    sheet.append(["Entry e3", 1.5])
    data = io.BytesIO()
    book.save(data)
    frame, problems = read_inputs(data.getvalue(), "inputs.xlsx", rubric_from(DIVE), ENTRIES)
    assert problems == []
    assert frame["difficulty"].to_dict() == {"e1": 3.2, "e3": 1.5}


def test_a_file_without_an_entry_column_is_refused() -> None:
    frame, problems = read_csv_text("difficulty;bonus\n3;0\n")
    assert [p.code for p in problems] == ["inputs.no_entry_column"] and frame.empty


def test_missing_required_inputs_and_defaults() -> None:
    given = pd.DataFrame({"difficulty": [3.2]}, index=pd.Index(["e1"], name="entry_id"))
    frame, problems = complete(given, rubric_from(DIVE), ENTRIES)
    # difficulty has no default: e2 and e3 lack it; the others take their default
    assert [(p.code, p.params["entry_id"]) for p in problems] == [
        ("inputs.missing", "e2"), ("inputs.missing", "e3")]
    assert frame.loc["e1"].tolist() == [3.2, 0.0, 0.0, 1.0]


def test_the_total_is_the_formula_with_its_worked_line() -> None:
    rubric = rubric_from(DIVE)
    scores = marks(ENTRIES, {
        ("e1", "J1"): {"execution": 7.5}, ("e1", "J2"): {"execution": 7.5},
        ("e2", "J1"): {"execution": 9}, ("e2", "J2"): {"execution": 8},
        ("e3", "J1"): {"execution": 6}, ("e3", "J2"): {"execution": 7},
    })
    given = pd.DataFrame({"difficulty": [3.2, 2.0, 3.0], "bonus": [0.6, None, None],
                          "deduction": [1.0, None, 0.5]},
                         index=pd.Index(["e1", "e2", "e3"], name="entry_id"))
    result = score(rubric, ENTRIES, scores, entry_inputs=given)
    assert result.ok, [p.message("en") for p in result.problems]
    rows = result.standings.set_index("entry_id")
    # panel = mean of judges' totals: e1 7.5, e2 (9 + 8) / 2 = 8.5, e3 (6 + 7) / 2 = 6.5
    assert rows["panel"].to_dict() == {"e1": 7.5, "e2": 8.5, "e3": 6.5}
    # e1 (7.5 + 0.6) × 3.2 − 1 = 25.92 − 1 = 24.92; e2 (8.5 + 0) × 2 − 0 = 17;
    # e3 (6.5 + 0) × 3 − 0.5 = 19.5 − 0.5 = 19 → ranks e1, e3, e2 (the panel alone: e2 first)
    assert rows["total"].to_dict() == {"e1": 24.92, "e2": 17.0, "e3": 19.0}
    assert rows["rank"].to_dict() == {"e1": 1, "e2": 3, "e3": 2}
    assert rows.loc["e1", "worked"] == "(7,5 + 0,6) × 3,2 − 1 = 24,92"
    assert rows.loc["e3", "worked"] == "(6,5 + 0) × 3 − 0,5 = 19,00"
    item = json.loads(result.to_json("en", confidence=False))["categories"]["A"][0]
    assert item["entry_id"] == "e1" and item["total"] == 24.92 and item["panel"] == 7.5
    assert item["inputs"] == {"difficulty": 3.2, "bonus": 0.6, "deduction": 1, "on_time": 1}
    assert item["worked"] == "(7,5 + 0,6) × 3,2 − 1 = 24,92"  # the language score() was given


def test_without_the_inputs_a_formula_total_is_blocked() -> None:
    scores = marks(ENTRIES, {(e, "J1"): {"execution": 7} for e in ("e1", "e2", "e3")})
    result = score(rubric_from(DIVE), ENTRIES, scores)
    assert not result.ok
    assert sorted(p.params["entry_id"] for p in result.errors) == ["e1", "e2", "e3"]
    assert {p.code for p in result.errors} == {"inputs.missing"}


def test_a_category_override_formula_and_a_division_by_zero() -> None:
    data = {**DIVE, "categories": [
        {"id": "A", "name": "A"},
        {"id": "B", "name": "B", "overrides": {"total": "panel / (difficulty - 2)"}}]}
    entries = entries_of(("a1", "A"), ("b1", "B"), ("b2", "B"))
    scores = marks(entries, {(e, "J1"): {"execution": 8} for e in ("a1", "b1", "b2")})
    given = pd.DataFrame({"difficulty": [2.5, 4.0, 2.0]},
                         index=pd.Index(["a1", "b1", "b2"], name="entry_id"))
    result = score(rubric_from(data), entries, scores, entry_inputs=given)
    # b2: 8 / (2 − 2) has no value: an error naming the entry
    assert [(p.code, p.params["entry_id"]) for p in result.errors] == [
        ("formula.no_value", "b2")]
    given.loc["b2", "difficulty"] = 3.0
    result = score(rubric_from(data), entries, scores, entry_inputs=given)
    rows = result.standings.set_index("entry_id")
    # A: (8 + 0) × 2.5 − 0 = 20; B: b1 8 / (4 − 2) = 4, b2 8 / (3 − 2) = 8
    assert rows["total"].to_dict() == {"a1": 20.0, "b1": 4.0, "b2": 8.0}
    assert rows.loc["b1", "worked"] == "8 / (4 − 2) = 4,00"


@pytest.mark.parametrize(("change", "expected"), [
    ({"total": "execution * dd"}, [("formula.unknown_name", "total")]),
    ({"total": "execution ** 2"}, [("formula.not_allowed", "total")]),
    ({"inputs": [{"id": "execution", "name": "X", "scale": {"min": 0, "max": 1}}]},
     [("rubric.duplicate_id", "inputs[0].id")]),
    ({"inputs": [{"id": "Rank", "name": "X", "kind": "yes_no"}]},
     [("rubric.reserved_id", "inputs[0].id")]),
    ({"inputs": [{"id": "x", "name": "X"}]}, [("rubric.input_needs_scale", "inputs[0]")]),
    ({"inputs": [{"id": "x", "name": "X", "kind": "yes_no", "scale": {"min": 0, "max": 1}}]},
     [("rubric.input_yes_no_scale", "inputs[0]")]),
    ({"inputs": [{"id": "x", "name": "X", "scale": {"min": 0, "max": 1}, "default": 2}]},
     [("rubric.input_default_outside", "inputs[0]")]),
    ({"categories": [{"id": "A", "name": "A", "overrides": {"total": "panel +"}}]},
     [("formula.syntax", "categories[0].overrides.total")]),
    ({"total": "panel * 2", "panel": {"rule": "rank_sum"}},
     [("rubric.formula_with_rank_panel", "total")]),
    ({"categories": [{"id": "A", "name": "A", "overrides": {
        "total": "panel * 2", "panel": {"rule": "rank_sum"}}}]},
     [("rubric.formula_with_rank_panel", "categories[0].overrides.total")]),
])
def test_mistakes_in_inputs_and_formulas_name_their_place(change: dict, expected: list) -> None:
    base = {key: value for key, value in DIVE.items() if key not in ("inputs", "total")}
    rubric, problems = parse_rubric(yaml.safe_dump({**base, **change}), "r.yaml")
    assert rubric is None
    assert [(p.code, p.cell) for p in problems] == expected
    assert all(p.file == "r.yaml" and p.message("id") and p.message("en") for p in problems)


def test_the_rubric_fingerprint_is_unchanged_without_the_new_keys() -> None:
    plain = {key: value for key, value in DIVE.items() if key not in ("inputs", "total")}
    with_empty = {**plain, "inputs": []}
    assert rubric_from(plain).fingerprint == rubric_from(with_empty).fingerprint
    assert rubric_from(plain).fingerprint != rubric_from(DIVE).fingerprint


def test_cli_score_with_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rubric = tmp_path / "dive.yaml"
    rubric.write_text(yaml.safe_dump(DIVE), encoding="utf-8")
    entries = tmp_path / "entries.csv"
    entries.write_text("id,name,category\ne1,Ani,A\ne2,Budi,A\ne3,Citra,A\n",
                       encoding="utf-8")
    sheet = tmp_path / "marks.csv"
    sheet.write_text("entry_id,judge,criterion,score\n"
                     "e1,J1,execution,7.5\ne2,J1,execution,9\ne3,J1,execution,6\n",
                     encoding="utf-8")
    inputs = tmp_path / "inputs.csv"
    inputs.write_text("id;difficulty;deduction\ne1;3,2;1\ne2;2;\ne3;3;0,5\n",
                      encoding="utf-8")
    out = tmp_path / "result.json"
    status = main(["score", "--rubric", str(rubric), "--entries", str(entries), str(sheet),
                   "--inputs", str(inputs), "--json", str(out)])
    assert status == 0, capsys.readouterr().err
    rows = json.loads(out.read_text(encoding="utf-8"))["categories"]["A"]
    # e1 7.5 × 3.2 − 1 = 23; e2 9 × 2 = 18; e3 6 × 3 − 0.5 = 17.5
    assert [(r["entry_id"], r["total"]) for r in rows] == [
        ("e1", 23), ("e2", 18), ("e3", 17.5)]
    assert rows[0]["worked"] == "(7,5 + 0) × 3,2 − 1 = 23,00"
    inputs.write_text("id;difficulty\ne1;9\n", encoding="utf-8")
    assert main(["score", "--rubric", str(rubric), "--entries", str(entries), str(sheet),
                 "--inputs", str(inputs)]) == 1
    err = capsys.readouterr().err
    assert "inputs.csv" in err and "B2" in err
