"""The example rubrics in rubrics/ with their example data sets (data/examples/<name>/), run
through the CLI; every expected figure worked out by hand here from the data files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run_example(name: str, tmp_path: Path, *sheets: str) -> dict:
    data = ROOT / "data" / "examples" / name
    out = tmp_path / "result.json"
    status = main(["--lang", "en", "score", "--rubric", str(ROOT / "rubrics" / f"{name}.yaml"),
                   "--entries", str(data / "entries.csv"),
                   *(str(data / sheet) for sheet in sheets),
                   "--inputs", str(data / "inputs.csv"), "--json", str(out)])
    assert status == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_diving_rounds_rotating_panels_and_the_best_two(tmp_path: Path) -> None:
    data = run_example("loncat_indah", tmp_path, "marks.csv")
    # Each dive: five marks (a rotating panel: d1 lacks J1, d2 J2, ...), the highest and the
    # lowest dropped, the middle three added, times the dive's DD.
    # p1: d1 7 7.5 8 6.5 9 → 7 + 7.5 + 8 = 22.5 × 2.0 = 45
    #     d2 6 6.5 6 7 5 → 6 + 6 + 6.5 = 18.5 × 3.0 = 55.5
    #     d3 8 8 8.5 7.5 8 → 8 + 8 + 8 = 24 × 1.8 = 43.2
    #     d4 5 5.5 6 6 4 → 5 + 5.5 + 6 = 16.5 × 2.5 = 41.25
    # p2: d1 8 × 3 = 24 × 2.5 = 60; d2 7 × 3 = 21 × 2.0 = 42;
    #     d3 6 6.5 7 6 6 → 6 + 6 + 6.5 = 18.5 × 2.2 = 40.7; d4 9 × 3 = 27 × 1.6 = 43.2
    # preliminary: d1 45 + 60 = 105, d2 55.5 + 42 = 97.5, d4 41.25 + 43.2 = 84.45,
    #              d3 43.2 + 40.7 = 83.9 → d1 and d2 advance
    preliminary = data["stages"][0]["categories"]["P3M"]
    assert [(r["entry_id"], r["total"]) for r in preliminary] == [
        ("d1", 105), ("d2", 97.5), ("d4", 84.45), ("d3", 83.9)]
    # the worked line shows the panel's mean of the middle marks: 22.5 / 3 = 7.5, 24 / 3 = 8
    assert preliminary[0]["worked"] == "3 × (7.5 × 2 + 8 × 2.5) = 105.00"
    # final (the last stage alone decides): d1 8.5 × 3 = 25.5 × 3.0 = 76.5;
    # d2 8.5 9 9 9 9.5 → 9 + 9 + 9 = 27 × 3.2 = 86.4 → d2 wins though d1 led the preliminary
    rows = data["categories"]["P3M"]
    assert [(r["entry_id"], r["rank"], r["total"], r["place"]) for r in rows] == [
        ("d2", 1, 86.4, "Gold"), ("d1", 2, 76.5, "Silver"),
        ("d4", 3, None, None), ("d3", 4, None, None)]
    assert rows[2]["stage"] == {"reached": "penyisihan", "rank": 3, "reason": None,
                                "totals": {"penyisihan": 84.45, "final": None}}
    assert rows[0]["inputs"] == {"dd_p1": 3, "dd_p2": 2, "dd_f1": 3.2}


def test_figure_skating_elements_components_deductions_and_segments(tmp_path: Path) -> None:
    data = run_example("seluncur_indah", tmp_path, "marks.csv")
    # Grades of execution −5…+5 are 10 % of the element's base value per step; the panel's
    # trimmed mean (five judges, highest and lowest dropped) per element and per component.
    # Short program, s1 (base values 5 and 3):
    #   e1 grades 2 3 2 1 2 → 1.0 1.5 1.0 0.5 1.0 → mean of 1.0 1.0 1.0 = 1.0
    #   e2 grades 0 0 1 −1 0 → 0 0 0.3 −0.3 0 → 0
    #   composition 7 7 7 6.5 7.5 → 7; presentation 6 6 6 5 8 → 6; factor 1 → 13
    #   5 + 3 + 1 + 13 − 0 = 22
    # s2 (base values 4 and 4, 1 deducted): grades all 0 → 0; components 8 + 7 = 15
    #   4 + 4 + 0 + 15 − 1 = 22: tied, broken by the short program's own tie-break, the
    #   element score (s1 1 > s2 0)
    short, free = (stage["categories"]["PT"] for stage in data["stages"])
    assert [(r["entry_id"], r["rank"], r["total"], r["decided_by"]) for r in short] == [
        ("s1", 1, 22, "criterion:sp_elements"), ("s2", 2, 22, "criterion:sp_elements")]
    assert short[0]["worked"] == "5 + 3 + 1 + 13 − 0 = 22.00"
    # Free skating (components × 2):
    #   s1: e1 −1 × 5 → −0.6; e2 +1 → +0.4; components (7 + 6) × 2 = 26; a fall: −1
    #       6 + 4 + (−0.6 + 0.4) + 26 − 1 = 34.8
    #   s2: e1 +2 → 0.2 × 7 = 1.4; no second element (no base value: J1's grade for it is
    #       left out with a warning); components (7.5 + 6.5) × 2 = 28
    #       7 + 0 + 1.4 + 28 − 0 = 36.4
    assert [(r["entry_id"], r["total"]) for r in free] == [("s2", 36.4), ("s1", 34.8)]
    assert free[1]["worked"] == "6 + 4 + (−0.2) + 26 − 1 = 34.80"
    assert [p["code"] for p in data["problems"]] == ["score.not_performed"]
    # the segments added: s2 22 + 36.4 = 58.4, s1 22 + 34.8 = 56.8
    rows = data["categories"]["PT"]
    assert [(r["entry_id"], r["total"], r["place"]) for r in rows] == [
        ("s2", 58.4, "Gold"), ("s1", 56.8, "Silver")]
    assert rows[1]["subtotals"]["fs_e1"] == pytest.approx(-0.6)
