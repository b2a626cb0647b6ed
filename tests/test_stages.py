"""Competitions in stages (scoring/stages.py): a gate, a shortlist, kept ranks and the final
combination, worked out by hand; the stage keys validated with their paths; the city's
competition in stages end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from scoring.cli import main
from scoring.pipeline import score
from scoring.rubric import parse_rubric

from .helpers import entries_of, marks, rubric_from

ROOT = Path(__file__).resolve().parents[1]
STAGED = {
    "id": "s", "title": "S", "weighting": "points",
    "categories": [{"id": "A", "name": "A"}],
    "criteria": [{"id": "desk", "name": "Desk", "scale": {"min": 0, "max": 100}},
                 {"id": "pres", "name": "Pres", "scale": {"min": 0, "max": 100}}],
    "inputs": [{"id": "submitted", "name": "Risalah diserahkan", "name_en": "Report in",
                "kind": "yes_no"}],
    "stages": [{"id": "admin", "name": "Administrasi", "kind": "gate", "inputs": ["submitted"]},
               {"id": "s_desk", "name": "Desk", "criteria": ["desk"], "shortlist": {"best": 2}},
               {"id": "s_pres", "name": "Presentasi", "criteria": ["pres"]}],
    "final": {"combine": "weighted_sum", "weights": {"s_desk": 40, "s_pres": 60}},
}
ENTRIES = entries_of(("a", "A"), ("b", "A"), ("c", "A"), ("d", "A"), ("e", "A"))
SUBMITTED = pd.DataFrame({"submitted": [1, 1, 1, 0, 1]},
                         index=pd.Index(list("abcde"), name="entry_id"))
MARKS = {
    ("a", "J1"): {"desk": 80, "pres": 70}, ("a", "J2"): {"desk": 80, "pres": 70},
    ("b", "J1"): {"desk": 90, "pres": 60}, ("b", "J2"): {"desk": 90, "pres": 60},
    ("c", "J1"): {"desk": 70}, ("c", "J2"): {"desk": 60},
    ("d", "J1"): {"desk": 99, "pres": 99}, ("d", "J2"): {"desk": 99, "pres": 99},
    ("e", "J1"): {"desk": 50}, ("e", "J2"): {"desk": 70},
}


def run(data: dict = STAGED, scores: dict = MARKS):
    return score(rubric_from(data), ENTRIES, marks(ENTRIES, scores), entry_inputs=SUBMITTED)


def test_gate_shortlist_weighted_final_and_kept_ranks() -> None:
    result = run()
    assert result.ok, [p.message("en") for p in result.problems]
    rows = result.standings.set_index("entry_id")
    # gate: d's report did not arrive: stopped, no rank, the input named as the reason; its
    # marks are left out with a warning
    assert pd.isna(rows.loc["d", "rank"]) and rows.loc["d", "reached"] == "admin"
    assert rows.loc["d", "reason"] == "Tidak lolos: Risalah diserahkan"
    assert {p.code for p in result.warnings} == {"stage.scores_ignored"}
    # desk (mean of J1, J2): a 80, b 90, c (70 + 60) / 2 = 65, e (50 + 70) / 2 = 60 → the
    # best 2 are b and a
    assert rows["s_desk"].dropna().to_dict() == {"a": 80, "b": 90, "c": 65, "e": 60}
    # final = (40 × desk + 60 × presentation) / 100: a 0.4 × 80 + 0.6 × 70 = 32 + 42 = 74;
    # b 0.4 × 90 + 0.6 × 60 = 36 + 36 = 72 → a first although b led the desk evaluation
    assert rows.loc["a", "total"] == 74 and rows.loc["b", "total"] == 72
    assert rows.loc["a", "rank"] == 1 and rows.loc["b", "rank"] == 2
    # c and e stopped after the desk: ranks 3 and 4 there (after a and b), kept in that order
    assert rows.loc["c", "rank"] == 3 and rows.loc["e", "rank"] == 4
    assert rows.loc["c", "stage_rank"] == 3 and rows.loc["c", "reached"] == "s_desk"
    assert pd.isna(rows.loc["c", "total"]) and rows.loc["c", "deciding"] == 65
    assert rows.loc["a", "place"] == "" and not rows.loc["c", "eligible"]


def test_the_json_contract_version_2_with_stage_results() -> None:
    data = json.loads(run().to_json("en", confidence=False))
    assert data["schema"] == 2
    assert [s["id"] for s in data["stages"]] == ["admin", "s_desk", "s_pres"]
    gate, desk, presentation = data["stages"]
    assert gate["failed"] == [{"entry_id": "d", "inputs": ["submitted"],
                               "reason": "Did not pass: Report in"}]
    assert gate["advanced"] == ["a", "b", "c", "e"] and desk["advanced"] == ["a", "b"]
    assert [(r["entry_id"], r["rank"], r["total"]) for r in presentation["categories"]["A"]
            ] == [("a", 1, 70), ("b", 2, 60)]
    rows = {r["entry_id"]: r for r in data["categories"]["A"]}
    assert rows["a"]["stage"] == {"reached": "s_pres", "rank": 1, "reason": None,
                                  "totals": {"s_desk": 80, "s_pres": 70}}
    assert rows["d"]["rank"] is None and rows["d"]["stage"]["reason"] == "Did not pass: Report in"


def test_ties_at_the_cut_advance_and_other_combinations() -> None:
    tied = {**MARKS, ("b", "J1"): {"desk": 80, "pres": 60}, ("b", "J2"): {"desk": 80, "pres": 60},
            ("c", "J1"): {"desk": 80, "pres": 90}, ("c", "J2"): {"desk": 80, "pres": 90}}
    data = {**STAGED, "stages": [*STAGED["stages"][:1],
                                 {**STAGED["stages"][1], "shortlist": {"best": 1}},
                                 STAGED["stages"][2]],
            "final": {"combine": "cumulative"}}
    rows = run(data, tied).standings.set_index("entry_id")
    # a, b, c tie on 80 at the desk: all three are "best 1" and go on; e (60) stops
    # cumulative: a 80 + 70 = 150, b 80 + 60 = 140, c 80 + 90 = 170 → c, a, b, then e
    assert rows["total"].dropna().to_dict() == {"a": 150, "b": 140, "c": 170}
    assert rows["rank"].dropna().to_dict() == {"a": 2, "b": 3, "c": 1, "e": 4}
    last = {**data, "final": {"combine": "last"},
            "stages": [*data["stages"][:1], {**data["stages"][1], "shortlist": {"min_total": 61}},
                       data["stages"][2]]}
    rows = run(last, tied).standings.set_index("entry_id")
    # min_total 61: a, b, c (80) go on, e (60) does not; last stage alone: c 90, a 70, b 60
    assert rows["total"].dropna().to_dict() == {"a": 70, "b": 60, "c": 90}


@pytest.mark.parametrize(("change", "expected"), [
    ({"stages": [{"id": "x", "name": "X", "kind": "gate", "inputs": ["nothing"]}]},
     [("rubric.unknown_input", "stages[0].inputs[0]")]),
    ({"stages": [{"id": "x", "name": "X", "kind": "gate", "criteria": ["desk"]}]},
     [("rubric.stage_gate_shape", "stages[0]")]),
    ({"stages": [{"id": "x", "name": "X", "criteria": ["desk", "nope"]}]},
     [("rubric.unknown_criterion", "stages[0].criteria[1]")]),
    ({"stages": [{"id": "x", "name": "X", "criteria": ["desk"]},
                 {"id": "y", "name": "Y", "criteria": ["desk", "pres"]}]},
     [("rubric.stage_overlap", "stages[1].criteria[0]")]),
    ({"stages": [{"id": "desk", "name": "X", "criteria": ["desk"]}]},
     [("rubric.duplicate_id", "stages[0].id")]),
    ({"stages": [{"id": "x", "name": "X", "criteria": ["desk"], "shortlist": {}}]},
     [("rubric.shortlist_shape", "stages[0].shortlist")]),
    ({"final": {"combine": "weighted_sum", "weights": {"s_desk": 1, "admin": 1}}},
     [("rubric.unknown_stage", "final.weights.admin")]),
    ({"total": "panel"}, [("rubric.total_with_stages", "total")]),
])
def test_mistakes_in_stages_name_their_place(change: dict, expected: list) -> None:
    rubric, problems = parse_rubric(yaml.safe_dump({**STAGED, "final": {}, **change}),
                                    "r.yaml")
    assert rubric is None and [(p.code, p.cell) for p in problems] == expected
    assert all(p.message("id") and p.message("en") for p in problems)


def test_the_city_competition_in_stages_end_to_end(tmp_path: Path) -> None:
    example = ROOT / "data" / "examples" / "budaya_kerja_tahapan"
    out = tmp_path / "result.json"
    status = main(["score", "--rubric", str(ROOT / "rubrics" / "budaya_kerja_tahapan.yaml"),
                   "--entries", str(ROOT / "data" / "entries_pekalongan_sample.csv"),
                   *map(str, sorted(example.glob("juri_*.csv"))),
                   "--inputs", str(example / "inputs.csv"), "--json", str(out)])
    assert status == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == 2
    gate = data["stages"][0]
    assert sorted(f["entry_id"] for f in gate["failed"]) == [
        "kel-gamer", "kel-krapyak", "opd-dinkes"]
    for category, rows in data["categories"].items():
        finalists = [r for r in rows if r["stage"]["reached"] == "presentasi_lapangan"]
        assert len(finalists) == 10, category  # the best 10 per category, no tie at the cut
        for row in finalists:
            totals = row["stage"]["totals"]
            # final = 40 % desk + 60 % presentation, rounded to 2 decimals
            expected = 0.4 * totals["penilaian_risalah"] + 0.6 * totals["presentasi_lapangan"]
            assert row["total"] == pytest.approx(expected, abs=0.005)
        assert [r["rank"] for r in finalists] == sorted(r["rank"] for r in finalists)
        assert {r["place"] for r in rows if r["place"]} <= {r["place"] for r in finalists}
