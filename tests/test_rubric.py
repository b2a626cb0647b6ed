"""Loading rubrics, and every kind of broken rubric with the place it names."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from scoring.problems import ProblemsError
from scoring.rubric import load_rubric, parse_rubric

ROOT = Path(__file__).resolve().parents[1]
RUBRICS = sorted((ROOT / "rubrics").glob("*.yaml"))

GOOD = {
    "id": "mini", "title": "Mini", "year": 2026,
    "categories": [{"id": "A", "name": "A"}, {"id": "B", "name": "B", "criteria": ["g1"]}],
    "criteria": [
        {"id": "g1", "name": "Group", "weight": 60, "children": [
            {"id": "c1", "name": "One", "weight": 1, "scale": {"min": 0, "max": 10, "step": 0.5}},
            {"id": "c2", "name": "Two", "weight": 3, "scale": {"min": 0, "max": 100}},
        ]},
        {"id": "c3", "name": "Three", "weight": 40, "scale": {"min": 0, "max": 5, "step": 1}},
    ],
    "tie_breaks": [{"criterion": "g1"}, {"rule": "median_judge_total"}],
}


def problems_for(data: object) -> list[tuple[str, str]]:
    text = data if isinstance(data, str) else yaml.safe_dump(data)
    rubric, problems = parse_rubric(text, "broken.yaml")
    assert rubric is None
    assert all(p.file == "broken.yaml" and p.is_error for p in problems)
    for p in problems:  # every message exists in both languages
        assert p.message("id") and p.message("en")
    return [(p.code, p.cell) for p in problems]


def broken(path: list, value: object, *, delete: bool = False) -> dict:
    data = copy.deepcopy(GOOD)
    target = data
    for step in path[:-1]:
        target = target[step]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize("path", RUBRICS, ids=lambda p: p.name)
def test_shipped_rubrics_load(path: Path) -> None:
    rubric = load_rubric(path)
    assert rubric.leaves and rubric.categories
    for category in rubric.category_ids:
        assert rubric.effective_weights(category)


def test_tulta_rubric_has_the_seven_steps_and_six_places() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "budaya_kerja_tulta.yaml")
    steps = rubric.nodes["langkah"].children
    assert [s.id[:2] for s in steps] == ["l1", "l2", "l3", "l4", "l5", "l6", "l7"]
    assert rubric.category_ids == ("OPD", "KEL")
    assert [p.name for p in rubric.awards.places] == [
        "Juara I", "Juara II", "Juara III", "Harapan I", "Harapan II", "Harapan III"]
    assert rubric.awards.places[0].amount == 10_000_000
    # the top-level weights are percentages of the total: 40 + 20 + 15 + 10 + 15 = 100
    shares = rubric.weight_percentages("OPD")
    assert shares["risalah"] == pytest.approx(40)
    assert shares["langkah"] == pytest.approx(40 * 0.7)


def test_effective_weights_percent_and_points() -> None:
    from tests.helpers import rubric_from

    rubric = rubric_from(GOOD)
    # category A: g1 is 60 % of the total, c1 is 1/4 of g1 on a 0–10 scale:
    # 0.60 × 0.25 × 100 / 10 = 1.5 points of the total per point of c1
    weights = rubric.effective_weights("A")
    assert weights["c1"] == pytest.approx(0.60 * 0.25 * 100 / 10)  # 1.5
    assert weights["c2"] == pytest.approx(0.60 * 0.75 * 100 / 100)  # 0.45
    assert weights["c3"] == pytest.approx(0.40 * 100 / 5)  # 8
    # category B uses g1 only, so g1 is the whole total
    weights_b = rubric.effective_weights("B")
    assert set(weights_b) == {"c1", "c2"}
    assert weights_b["c1"] == pytest.approx(0.25 * 100 / 10)  # 2.5
    assert rubric.max_total("A") == pytest.approx(100)

    points = rubric_from(GOOD, weighting="points")
    # multipliers down the path: 60 × 1 for c1, 60 × 3 for c2, 40 for c3
    assert points.effective_weights("A") == {"c1": 60, "c2": 180, "c3": 40}


def test_fingerprint_changes_with_any_weight() -> None:
    from tests.helpers import rubric_from

    one = rubric_from(GOOD)
    assert one.fingerprint == rubric_from(GOOD).fingerprint
    other = broken(["criteria", 1, "weight"], 41)
    assert rubric_from(other).fingerprint != one.fingerprint


@pytest.mark.parametrize(("data", "expected"), [
    (broken(["criteria", 1, "weight"], 0),
     [("rubric.weight_not_positive", "criteria[1].weight")]),
    (broken(["criteria", 0, "children", 0, "weight"], -2),
     [("rubric.weight_not_positive", "criteria[0].children[0].weight")]),
    (broken(["criteria", 1, "scale", "max"], 0),
     [("rubric.scale_range", "criteria[1].scale")]),
    (broken(["criteria", 0, "children", 0, "scale", "step"], 0.3),
     [("rubric.scale_step", "criteria[0].children[0].scale")]),
    (broken(["criteria", 1, "scale", "step"], 0),
     [("rubric.too_small", "criteria[1].scale.step")]),
    (broken(["criteria", 1, "id"], "g1"),
     [("rubric.duplicate_id", "criteria[1].id")]),
    (broken(["tie_breaks", 0, "criterion"], "nope"),
     [("rubric.unknown_criterion", "tie_breaks[0].criterion")]),
    (broken(["tie_breaks", 1, "rule"], "coin_toss"),
     [("rubric.unknown_rule", "tie_breaks[1]")]),
    (broken(["categories", 1, "criteria"], ["g9"]),
     [("rubric.unknown_criterion", "categories[1].criteria[0]")]),
    (broken(["criteria", 1, "colour"], "red"),
     [("rubric.unknown_key", "criteria[1].colour")]),
    (broken(["criteria", 1, "weight"], "heavy"),
     [("rubric.wrong_type", "criteria[1].weight")]),
    (broken(["year"], "next year"), [("rubric.wrong_type", "year")]),
    (broken(["title"], None, delete=True), [("rubric.missing_key", "title")]),
    (broken(["weighting"], "stars"), [("rubric.not_one_of", "weighting")]),
    (broken(["criteria", 1, "children"], [{"id": "x", "name": "X", "scale": {"min": 0, "max": 1}}]),
     [("rubric.node_shape", "criteria[1]")]),
    (broken(["panel"], {"rule": "rank_sum", "apply_to": "criterion"}),
     [("rubric.rank_sum_per_criterion", "panel.apply_to")]),
    (broken(["panel"], {"rule": "trimmed_mean", "trim": 2, "min_judges": 4}),
     [("rubric.trim_too_large", "panel.min_judges")]),
    (broken(["awards"], {"categories": {"Z": {"min_total": 10}}}),
     [("rubric.unknown_category", "awards.categories.Z")]),
    (broken(["criteria", 1, "scale", "min"], -1),
     [("rubric.scale_negative", "criteria[1].scale.min")]),
    (broken(["normalisation"], "zscores"), [("rubric.not_one_of", "normalisation")]),
    (broken(["normalisation"], {"method": "severe"}),
     [("rubric.not_one_of", "normalisation.method")]),
    (broken(["normalisation"], {"method": "severity", "min_scores": 1}),
     [("rubric.too_small", "normalisation.min_scores")]),
    (broken(["normalisation"], {"method": "severity", "min_score": 8}),
     [("rubric.unknown_key", "normalisation.min_score")]),
    (broken(["normalisation"], 3), [("rubric.wrong_type", "normalisation")]),
    (dict(broken(["normalisation"], "severity"), panel={"rule": "rank_sum"}),
     [("rubric.normalisation_rank_sum", "normalisation")]),
    (dict(broken(["normalisation"], {"method": "zscore"}), panel={"apply_to": "criterion"}),
     [("rubric.normalisation_per_criterion", "normalisation.method")]),
])
def test_broken_rubric_names_the_place(data: dict, expected: list[tuple[str, str]]) -> None:
    assert problems_for(data) == expected


def test_every_mistake_is_reported_at_once() -> None:
    data = broken(["criteria", 1, "weight"], 0)
    data["criteria"][0]["children"][1]["scale"]["max"] = -5
    data["criteria"][0]["children"][1]["id"] = "c1"
    data["surprise"] = True
    found = problems_for(data)
    assert ("rubric.weight_not_positive", "criteria[1].weight") in found
    assert ("rubric.scale_range", "criteria[0].children[1].scale") in found
    assert ("rubric.duplicate_id", "criteria[0].children[1].id") in found
    assert ("rubric.unknown_key", "surprise") in found
    assert len(found) == 4


def test_yaml_syntax_error_names_line_and_column() -> None:
    found = problems_for("id: x\ntitle: [unclosed\n")
    assert [code for code, _ in found] == ["rubric.invalid_yaml"]
    _, problems = parse_rubric("id: x\ntitle: [unclosed\n", "f.yaml")
    assert "line 3" in problems[0].message("en") or "line 2" in problems[0].message("en")


def test_not_a_mapping() -> None:
    assert problems_for("- just\n- a list\n") == [("rubric.not_a_mapping", "")]


def test_load_rubric_raises_with_all_problems(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(broken(["criteria", 1, "weight"], 0)), encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        load_rubric(path)
    assert [p.code for p in caught.value.problems] == ["rubric.weight_not_positive"]
    assert caught.value.problems[0].file == str(path)
    with pytest.raises(ProblemsError) as missing:
        load_rubric(tmp_path / "absent.yaml")
    assert missing.value.problems[0].code == "file.not_found"


def test_rubric_objects_are_immutable() -> None:
    from pydantic import ValidationError

    from tests.helpers import rubric_from

    rubric = rubric_from(GOOD)
    with pytest.raises(ValidationError):
        rubric.title = "changed"  # type: ignore[misc]
    assert isinstance(rubric.criteria, tuple)


def test_a_modified_copy_does_not_keep_cached_figures() -> None:
    from tests.helpers import rubric_from

    rubric = rubric_from(GOOD)
    assert rubric.leaves and rubric.fingerprint  # fill the caches
    copy = rubric.model_copy(update={"version": "2", "criteria": rubric.criteria[:1]})
    assert copy.fingerprint != rubric.fingerprint
    assert [leaf.id for leaf in copy.leaves] == ["c1", "c2"]


def test_normalisation_as_a_name_or_a_mapping() -> None:
    from scoring.rules.normalisation import NORMALISATIONS
    from tests.helpers import rubric_from

    # the loader accepts every method the registry (and so normalise()) computes
    for method in NORMALISATIONS.names():
        assert rubric_from(GOOD, normalisation=method).normalisation.method == method
    assert rubric_from(GOOD).normalisation.method == "none"
    assert rubric_from(GOOD).normalisation.min_scores == 5
    plain = rubric_from(GOOD, normalisation="leniency_spread").normalisation
    assert (plain.method, plain.min_scores) == ("leniency_spread", 5)
    full = rubric_from(GOOD, normalisation={"method": "severity", "min_scores": 8}).normalisation
    assert (full.method, full.min_scores, full.active) == ("severity", 8, True)
    # a normalised panel rule is fine with every rule but rank_sum, on totals
    assert rubric_from(GOOD, normalisation="zscore",
                       panel={"rule": "trimmed_mean", "min_judges": 5}).normalisation.active


def test_fingerprint_covers_the_normalisation() -> None:
    from tests.helpers import rubric_from

    none = rubric_from(GOOD).fingerprint
    assert rubric_from(GOOD, normalisation="none").fingerprint == none
    severity = rubric_from(GOOD, normalisation="severity").fingerprint
    assert severity != none
    assert rubric_from(GOOD, normalisation={"method": "severity", "min_scores": 6}
                       ).fingerprint != severity
    assert rubric_from(GOOD, normalisation="zscore").fingerprint not in (none, severity)
