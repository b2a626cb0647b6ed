"""Sensitivity report: ranks under each panel rule and normalisation, worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from scoring.pipeline import score
from scoring.sensitivity import VARIANTS, sensitivity
from tests.helpers import entries_of, marks, single_leaf

THREE = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))
# e1: 60, 80, 81 → mean 221/3 = 73.67, median 80
# e2: 75, 76, 77 → mean 76,           median 76
# e3: 50, 55, 52 → mean 52.33,        median 52
SCORES = {("e1", "J1"): {"c": 60}, ("e1", "J2"): {"c": 80}, ("e1", "J3"): {"c": 81},
          ("e2", "J1"): {"c": 75}, ("e2", "J2"): {"c": 76}, ("e2", "J3"): {"c": 77},
          ("e3", "J1"): {"c": 50}, ("e3", "J2"): {"c": 55}, ("e3", "J3"): {"c": 52}}
TWO_PLACES = {"places": [{"name": "Juara I"}, {"name": "Juara II"}]}


def test_median_and_mean_disagree_on_the_winner() -> None:
    rubric = single_leaf(awards=TWO_PLACES)  # the mean decides
    frame, problems = sensitivity(rubric, THREE, marks(THREE, SCORES),
                                  variants=["mean", "median", "trimmed_mean"])
    rows = frame.set_index("entry_id")
    assert rows["official_rank"].to_dict() == {"e2": 1, "e1": 2, "e3": 3}
    assert rows["rank_mean"].to_dict() == {"e2": 1, "e1": 2, "e3": 3}
    assert rows["rank_median"].to_dict() == {"e1": 1, "e2": 2, "e3": 3}
    # three judges are fewer than min_judges 5: the trimmed mean is the mean
    assert rows["rank_trimmed_mean"].to_dict() == {"e2": 1, "e1": 2, "e3": 3}
    assert rows["changed"].to_dict() == {"e2": True, "e1": True, "e3": False}
    assert rows.loc["e2", "place"] == "Juara I"
    assert frame["entry_id"].tolist() == ["e2", "e1", "e3"]  # official order
    assert [(p.code, p.params["count"]) for p in problems] == [("fairness.place_changes", 2)]


def test_a_rank_change_outside_the_places_is_not_a_place_change() -> None:
    rubric = single_leaf(awards={"places": [{"name": "Juara I"}]})
    four = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"), ("e0", "A"))
    scores = {**SCORES, **{("e0", j): {"c": 95} for j in ("J1", "J2", "J3")}}
    frame, problems = sensitivity(rubric, four, marks(four, scores), variants=["median"])
    rows = frame.set_index("entry_id")
    # e0 wins either way; e1 and e2 swap 2nd and 3rd, which wins nothing
    assert rows["rank_median"].to_dict() == {"e0": 1, "e1": 2, "e2": 3, "e3": 4}
    assert rows["rank_changed"].to_dict() == {"e0": False, "e2": True, "e1": True,
                                              "e3": False}
    assert not rows["changed"].any() and problems == []


def test_normalisations_sit_beside_the_rules() -> None:
    # J1 is 10 points more severe than J2 and J3 on every entry, with small disagreements,
    # so offsets are −20/3, +10/3, +10/3 and removing them keeps the order of the means
    entries = entries_of(*((f"e{i}", "A") for i in range(1, 7)))
    base = {"e1": 90, "e2": 84, "e3": 79, "e4": 71, "e5": 66, "e6": 60}
    wobble = {"J1": [0, 1, -1, 0, 1, -1], "J2": [1, -1, 0, 1, 0, -1], "J3": [-1, 0, 1, -1, -1, 2]}
    scores = {(e, j): {"c": value - (10 if j == "J1" else 0) + wobble[j][i]}
              for i, (e, value) in enumerate(base.items()) for j in ("J1", "J2", "J3")}
    frame, problems = sensitivity(single_leaf(awards=TWO_PLACES), entries,
                                  marks(entries, scores), min_scores=5)
    assert [c for c in frame.columns if c.startswith("rank_") and c != "rank_changed"] == [
        f"rank_{v}" for v in VARIANTS]
    rows = frame.set_index("entry_id")
    # a complete design: a judge's offset moves every entry alike, so the severity model
    # ranks as the mean does
    assert rows["rank_severity"].tolist() == rows["rank_mean"].tolist() == [1, 2, 3, 4, 5, 6]
    # leniency_spread shrinks each judge's slope (6 marks: weight 6 / (6 + 10)) instead of
    # refusing; the severity model needs 5 scores per judge and has 6
    assert rows["rank_leniency_spread"].notna().all()
    assert [p.code for p in problems] == []


def test_an_official_result_with_errors_gives_its_errors() -> None:
    bad = {**SCORES, ("e1", "J1"): {"c": 160}}  # outside 0–100
    frame, problems = sensitivity(single_leaf(), THREE, marks(THREE, bad))
    assert frame.empty
    assert problems and all(p.is_error for p in problems)


def test_unknown_variant_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown variant"):
        sensitivity(single_leaf(), THREE, marks(THREE, SCORES), variants=["mode"])


def test_a_normalised_official_result_beside_the_raw_rules() -> None:
    from tests.test_pipeline import FOUR_ENTRIES, STRICT_J1

    # worked in tests/test_pipeline.py: the raw mean ranks b, a, d, c; the severity model
    # (J1 −6, J2 +3, J3 +3) ranks a, b, d, c
    rubric = single_leaf(normalisation={"method": "severity", "min_scores": 2},
                         awards={"places": [{"name": "Juara I"}]})
    frame, problems = sensitivity(rubric, FOUR_ENTRIES, marks(FOUR_ENTRIES, STRICT_J1),
                                  variants=["mean", "severity"])
    rows = frame.set_index("entry_id")
    assert rows["official_rank"].to_dict() == {"a": 1, "b": 2, "d": 3, "c": 4}
    assert rows["rank_severity"].to_dict() == {"a": 1, "b": 2, "d": 3, "c": 4}
    assert rows["rank_mean"].to_dict() == {"a": 2, "b": 1, "d": 3, "c": 4}  # the raw marks
    assert rows["changed"].to_dict() == {"a": True, "b": True, "d": False, "c": False}
    assert [p.code for p in problems] == ["fairness.place_changes"]


def test_rule_variants_from_the_judges_totals_rank_as_a_full_run_does() -> None:
    # the variants reuse the official result's per-judge totals; each must rank exactly as
    # scoring the whole competition again with only the panel rule changed
    from scoring.sensitivity import RULES, _variant_rubric

    rng = np.random.default_rng(4)
    entries = entries_of(*((f"e{i}", "A") for i in range(12)))
    # whole marks in a narrow range: several totals tie, so the tie-break has work to do
    scores = {(f"e{i}", f"J{j}"): {"c": float(rng.integers(70, 75))}
              for i in range(12) for j in range(5)}
    rubric = single_leaf(awards=TWO_PLACES, panel={"rule": "trimmed_mean"},
                         tie_breaks=[{"rule": "most_first_places"}])
    table = marks(entries, scores)
    assert score(rubric, entries, table).ties  # not a vacuous comparison
    frame, _ = sensitivity(rubric, entries, table)
    rows = frame.set_index("entry_id")
    for rule in RULES:
        full = score(_variant_rubric(rubric, panel={**rubric.panel.model_dump(), "rule": rule}),
                     entries, table)
        expected = full.standings.set_index("entry_id")["rank"].astype(float)
        assert rows[f"rank_{rule}"].to_dict() == expected.reindex(rows.index).to_dict(), rule
