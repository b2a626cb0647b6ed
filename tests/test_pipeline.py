"""The score() call: checks on the table, missing scores, fingerprint, JSON shape."""

import json

import pandas as pd
import pytest

from scoring import table
from scoring.entries import Entries, Entry
from scoring.pipeline import fingerprint, score
from scoring.problems import warning
from tests.helpers import entries_of, marks, rubric_from, single_leaf
from tests.test_ranking import TWO_CRITERIA

TWO = entries_of(("e1", "A"), ("e2", "A"))


def codes(result) -> list[str]:
    return sorted(p.code for p in result.problems)


def test_table_checks_name_the_source_cell() -> None:
    rubric = single_leaf(categories=[{"id": "A", "name": "A"}, {"id": "B", "name": "B"}])
    scores = marks(TWO, {("e1", "J"): {"c": 50}, ("e2", "J"): {"c": 101}})
    extra = table.make([
        {"entry_id": "ghost", "category": "A", "judge_id": "J", "criterion_id": "c",
         "score": 5, "source_file": "f.xlsx", "source_sheet": "A", "source_cell": "C9"},
        {"entry_id": "e1", "category": "B", "judge_id": "J", "criterion_id": "c",
         "score": 5, "source_file": "f.xlsx", "source_sheet": "B", "source_cell": "C3"},
        {"entry_id": "e1", "category": "A", "judge_id": "J", "criterion_id": "zz",
         "score": 5, "source_file": "f.xlsx", "source_sheet": "A", "source_cell": "D3"},
        {"entry_id": "e1", "category": "A", "judge_id": "j", "criterion_id": "c",
         "score": 51, "source_file": "g.xlsx", "source_sheet": "A", "source_cell": "C3"},
        {"entry_id": "e2", "category": "A", "judge_id": "K", "criterion_id": "c",
         "score": 50.005, "source_file": "g.xlsx", "source_sheet": "A", "source_cell": "C4"},
    ])
    result = score(rubric, TWO, table.concat([scores, extra]))
    assert not result.ok and result.standings.empty
    found = {(p.code, p.file, p.cell) for p in result.problems}
    assert found == {
        ("table.out_of_range", "test.xlsx", "e2/J/c"),
        ("table.unknown_entry", "f.xlsx", "C9"),
        ("table.wrong_category", "f.xlsx", "C3"),
        ("table.unknown_criterion", "f.xlsx", "D3"),
        ("table.duplicate_score", "g.xlsx", "C3"),   # judge "j" is judge "J"
        ("table.off_step", "g.xlsx", "C4"),
    }
    out_of_range = next(p for p in result.problems if p.code == "table.out_of_range")
    assert out_of_range.message("id") == "Nilai 101 di luar skala 0–100"
    assert out_of_range.message("en") == "Score 101 is outside the scale 0–100"


def test_missing_scores_error_by_default() -> None:
    rubric = rubric_from(TWO_CRITERIA)
    scores = marks(TWO, {("e1", "J"): {"a": 50, "b": 60}, ("e2", "J"): {"a": 70}})
    result = score(rubric, TWO, scores)
    assert codes(result) == ["score.incomplete"]
    assert result.errors[0].params["criteria"] == "Presentasi"


def test_missing_scores_counted_as_minimum() -> None:
    rubric = rubric_from(TWO_CRITERIA, missing_scores="minimum")
    scores = marks(TWO, {("e1", "J"): {"a": 50, "b": 60}, ("e2", "J"): {"a": 70}})
    result = score(rubric, TWO, scores)
    assert codes(result) == ["score.filled_minimum"] and result.ok
    # e2: a 70, b counted as 0 → (70 + 0) / 2 = 35
    assert result.standings.set_index("entry_id").loc["e2", "total"] == 35


def test_missing_scores_exclude_the_judge_for_that_entry() -> None:
    rubric = rubric_from(TWO_CRITERIA, missing_scores="exclude_judge")
    scores = marks(TWO, {("e1", "J"): {"a": 50, "b": 60}, ("e2", "J"): {"a": 70},
                         ("e1", "K"): {"a": 70, "b": 80}, ("e2", "K"): {"a": 90, "b": 90}})
    result = score(rubric, TWO, scores)
    assert codes(result) == ["score.judge_excluded"] and result.ok
    rows = result.standings.set_index("entry_id")
    # e2 only from K: (90 + 90) / 2 = 90; e1 mean of 55 and 75 = 65
    assert rows.loc["e2", "total"] == 90 and rows.loc["e2", "n_judges"] == 1
    assert rows.loc["e1", "total"] == 65 and rows.loc["e1", "n_judges"] == 2


def test_unscored_entry_is_a_warning_and_not_ranked() -> None:
    result = score(single_leaf(), TWO, marks(TWO, {("e1", "J"): {"c": 50}}))
    assert result.ok and codes(result) == ["entry.unscored"]
    assert list(result.standings["entry_id"]) == ["e1"]


def test_no_scores_at_all() -> None:
    result = score(single_leaf(), TWO, table.empty())
    assert codes(result) == ["scores.none"] and not result.ok


def test_reader_problems_are_carried_and_block_when_errors() -> None:
    scores = marks(TWO, {("e1", "J"): {"c": 50}, ("e2", "J"): {"c": 60}})
    note = warning("entry.unscored", file="x.xlsx", entry_id="e9", name="Nine")
    result = score(single_leaf(), TWO, scores, problems=[note, note])
    assert result.ok and result.problems == (note,)


def test_entries_in_unknown_category() -> None:
    entries = entries_of(("e1", "A"), ("z1", "Z"))
    result = score(single_leaf(), entries, marks(entries_of(("e1", "A")),
                                                 {("e1", "J"): {"c": 50}}))
    assert codes(result) == ["entries.unknown_category"]


def test_fingerprint_is_stable_and_sensitive() -> None:
    rubric = single_leaf()
    scores = marks(TWO, {("e1", "J"): {"c": 50}, ("e2", "J"): {"c": 60}})
    shuffled = scores.iloc[::-1].assign(source_file="other.xlsx")
    first = fingerprint(rubric, TWO, scores)
    assert first == fingerprint(rubric, TWO, shuffled)  # order and source do not matter
    changed = scores.assign(score=[50, 60.5])
    assert fingerprint(rubric, TWO, changed) != first
    assert fingerprint(single_leaf(title="Other"), TWO, scores) != first
    assert len(first) == 64


def test_fingerprint_hashes_the_marks_as_a_set_of_rows() -> None:
    rubric = single_leaf()
    three = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))
    scores = marks(three, {("e1", "J1"): {"c": 50}, ("e2", "J1"): {"c": 60},
                           ("e3", "J2"): {"c": 70}, ("e1", "J2"): {"c": 55}})
    first = fingerprint(rubric, three, scores)
    # the same rows in every order give the same hash, whatever the index or the sources
    for order in ([3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]):
        moved = scores.iloc[order].reset_index(drop=True).assign(source_cell="Z9")
        assert fingerprint(rubric, three, moved) == first
    # one changed mark, one mark moved to another judge or entry: another hash
    assert fingerprint(rubric, three, scores.assign(score=[50, 60, 70, 55.000001])) != first
    assert fingerprint(rubric, three, scores.assign(judge_id=["J1", "J1", "J2", "J1"])) != first
    assert fingerprint(rubric, three, scores.assign(entry_id=["e1", "e2", "e3", "e3"])) != first
    # the same marks with two scores swapped between rows: the set of rows differs
    assert fingerprint(rubric, three, scores.assign(score=[60, 50, 70, 55])) != first
    # one entry more in the list, or renamed: another hash
    four = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"), ("e4", "A"))
    assert fingerprint(rubric, four, scores) != first
    renamed = Entries(tuple(Entry(e.id, e.name + " baru", e.category) for e in three))
    assert fingerprint(rubric, renamed, scores) != first
    # another rubric
    assert fingerprint(single_leaf(title="Other"), three, scores) != first
    # -0.0 is 0.0, and a blank mark is the same blank however it came
    zero = scores.assign(score=[0.0, 60, 70, 55])
    assert (fingerprint(rubric, three, zero)
            == fingerprint(rubric, three, zero.assign(score=[-0.0, 60, 70, 55])))
    blank = scores.assign(score=[float("nan"), 60, 70, 55])
    assert (fingerprint(rubric, three, blank)
            == fingerprint(rubric, three, blank.assign(score=[None, 60, 70, 55])))


def test_json_shape_and_determinism() -> None:
    rubric = rubric_from(TWO_CRITERIA, awards={"places": [{"name": "Juara I"}]},
                         tie_breaks=[{"criterion": "a"}])
    scores = marks(TWO, {("e1", "J"): {"a": 90, "b": 70}, ("e2", "J"): {"a": 70, "b": 90}})
    result = score(rubric, TWO, scores)
    text = result.to_json()
    assert text == score(rubric, TWO, scores).to_json()
    data = json.loads(text)
    assert set(data) >= {"fingerprint", "categories", "problems"}
    [first, second] = data["categories"]["A"]
    # both totals are 80 (e1: (90 + 70) / 2, e2: (70 + 90) / 2) from a single judge: the
    # panel cannot tell them apart, so each has an even chance of the one place (½ and ½),
    # the margin is 0 and the place is too close to call (0.5 < 0.8); in every resample the
    # two stay level, so both hold competition rank 1 throughout: interval [1, 1]
    assert first.pop("confidence") == {
        "p_own_place": 0.5, "p_places": [0.5], "p_awarded": 0.5, "rank_interval": [1, 1],
        "margin_next": 0, "too_close": True}
    assert second.pop("confidence")["p_places"] == [0.5]
    assert data["normalisation"] == {"method": "none", "min_scores": 5}
    assert data["confidence"]["seed"] == 0 and data["confidence"]["resamples"] == 2000
    assert first == {
        "entry_id": "e1", "name": "Entry e1", "rank": 1, "tied": False, "total": 80,
        "subtotals": {"a": 45, "b": 35}, "award": "Juara I", "place": "Juara I",
        "band": None, "reward": None, "decided_by": "criterion:a", "n_judges": 1,
        "deciding": 80}  # a mean panel decides on the total, 45 + 35 = 80
    assert data["deciding"] == {"A": "total"}
    assert second["rank"] == 2 and second["award"] is None
    assert data["ties"][0]["steps"] == [
        {"rule": "criterion:a", "separated": True, "values": {"e1": 45, "e2": 35}}]


@pytest.mark.parametrize("rule", ["mean", "median", "trimmed_mean"])
def test_missing_entry_from_one_judge_incomplete_design(rule: str) -> None:
    # J2 did not see e2 at all: not a missing score, an incomplete design
    scores = marks(TWO, {("e1", "J1"): {"c": 50}, ("e2", "J1"): {"c": 60},
                         ("e1", "J2"): {"c": 70}})
    result = score(single_leaf(panel={"rule": rule, "min_judges": 3}), TWO, scores)
    assert result.ok
    rows = result.standings.set_index("entry_id")
    assert rows.loc["e1", "total"] == 60 and rows.loc["e2", "total"] == 60
    assert isinstance(rows, pd.DataFrame)


# --- normalisation chosen in the rubric --------------------------------------------------

FOUR_ENTRIES = entries_of(("a", "A"), ("b", "A"), ("c", "A"), ("d", "A"))
# An incomplete design with exactly additive marks, x = quality + offset, so the least-squares
# severity model fits them with no residual and recovers the truth exactly:
#   quality  a 76, b 72, c 60, d 64;   offsets  J1 −6 (strict), J2 +3, J3 +3 (they sum to 0)
#   J1 scores a, c, d:  76 − 6 = 70,  60 − 6 = 54,  64 − 6 = 58
#   J2 scores b, c, d:  72 + 3 = 75,  60 + 3 = 63,  64 + 3 = 67
#   J3 scores a, b:     76 + 3 = 79,  72 + 3 = 75
# The design is connected (J1 and J2 share c and d, J2 and J3 share b), so the fit is unique.
STRICT_J1 = {("a", "J1"): {"c": 70}, ("c", "J1"): {"c": 54}, ("d", "J1"): {"c": 58},
             ("b", "J2"): {"c": 75}, ("c", "J2"): {"c": 63}, ("d", "J2"): {"c": 67},
             ("a", "J3"): {"c": 79}, ("b", "J3"): {"c": 75}}


def test_severity_normalisation_changes_the_ranking_as_worked_by_hand() -> None:
    scores = marks(FOUR_ENTRIES, STRICT_J1)
    raw = score(single_leaf(), FOUR_ENTRIES, scores)
    rows = raw.standings.set_index("entry_id")
    # raw means: a (70 + 79) / 2 = 74.5, b (75 + 75) / 2 = 75, c (54 + 63) / 2 = 58.5,
    # d (58 + 67) / 2 = 62.5: b first, because the strict J1 scored a and not b
    assert rows["total"].to_dict() == {"b": 75, "a": 74.5, "d": 62.5, "c": 58.5}
    assert rows["rank"].to_dict() == {"b": 1, "a": 2, "d": 3, "c": 4}

    rubric = single_leaf(normalisation={"method": "severity", "min_scores": 2})
    result = score(rubric, FOUR_ENTRIES, scores)
    assert result.ok, result.problems
    rows = result.standings.set_index("entry_id")
    # adjusted marks x − offset: J1 a 76, c 60, d 64; J2 b 72, c 60, d 64; J3 a 76, b 72;
    # their means are the true qualities, and a now wins
    assert rows["total"].to_dict() == {"a": 76, "b": 72, "d": 64, "c": 60}
    assert rows["rank"].to_dict() == {"a": 1, "b": 2, "d": 3, "c": 4}
    offsets = result.judge_offsets.set_index("judge_id")["offset"]
    assert offsets.round(9).to_dict() == {"J1": -6, "J2": 3, "J3": 3}
    # the judges' totals as given stay in judge_totals; the panel combined the adjusted ones
    given = result.judge_totals.set_index(["entry_id", "judge_id"])["total"]
    assert given[("a", "J1")] == 70
    adjusted = result.normalised_totals.set_index(["entry_id", "judge_id"])
    assert adjusted.loc[("a", "J1"), "total"] == 76 and adjusted.loc[("a", "J1"), "raw_total"] == 70
    assert result.panel_totals.set_index(["entry_id", "judge_id"])["total"][("b", "J3")] == 72
    # recorded in the JSON, and the rubric's fingerprint (so the result's) covers the choice
    data = json.loads(result.to_json(confidence=False))
    assert data["normalisation"]["method"] == "severity"
    assert data["normalisation"]["min_scores"] == 2
    assert {j["judge_id"]: j["offset"] for j in data["normalisation"]["judges"]} == {
        "J1": -6, "J2": 3, "J3": 3}
    assert "confidence" not in data
    assert rubric.fingerprint != single_leaf().fingerprint
    assert result.fingerprint != raw.fingerprint


def test_no_normalisation_keeps_the_fingerprint_of_rubrics_without_the_key() -> None:
    assert (single_leaf(normalisation="none").fingerprint
            == single_leaf(normalisation={"method": "none", "min_scores": 5}).fingerprint
            == single_leaf().fingerprint)
    result = score(single_leaf(), FOUR_ENTRIES, marks(FOUR_ENTRIES, STRICT_J1))
    assert result.normalised_totals.empty and result.judge_offsets.empty
    assert list(result.panel_totals.columns) == ["entry_id", "category", "judge_id", "total"]


def test_normalisation_refusals_name_the_judges_and_block_the_result() -> None:
    scores = marks(FOUR_ENTRIES, STRICT_J1)
    # J3 has 2 scores, J1 and J2 have 3: with min_scores 3 J3 is too few
    result = score(single_leaf(normalisation={"method": "severity", "min_scores": 3}),
                   FOUR_ENTRIES, scores)
    assert not result.ok and result.standings.empty
    [problem] = result.errors
    assert problem.code == "fairness.too_few_scores" and problem.cell == "J3"
    assert "J3 (2)" in problem.message("en")
    # J1 and J2 score a and c, J3 only b and d: no chain of shared entries links J3 to the
    # others, so their severities cannot be compared
    apart = {("a", "J1"): {"c": 70}, ("c", "J1"): {"c": 54}, ("a", "J2"): {"c": 79},
             ("c", "J2"): {"c": 63}, ("b", "J3"): {"c": 75}, ("d", "J3"): {"c": 67}}
    result = score(single_leaf(normalisation={"method": "severity", "min_scores": 2}),
                   FOUR_ENTRIES, marks(FOUR_ENTRIES, apart))
    assert not result.ok and result.standings.empty
    [problem] = result.errors
    assert problem.code == "fairness.disconnected"
    assert problem.params["groups"] == "[J1, J2] · [J3]"


def test_zscore_on_an_incomplete_design_warns_and_still_ranks() -> None:
    result = score(single_leaf(normalisation={"method": "zscore", "min_scores": 2}),
                   FOUR_ENTRIES, marks(FOUR_ENTRIES, STRICT_J1))
    assert result.ok
    assert "fairness.zscore_uneven" in codes(result)


def test_normalisation_is_not_applied_to_a_rank_sum_built_in_code() -> None:
    # a rubric file cannot combine the two (the loader refuses it), but a rubric made in code
    # (the what-if page changes the panel rule) can: the rank sum is then left as it is
    from scoring.rubric import Rubric

    base = single_leaf(normalisation="severity").model_dump()
    rubric = Rubric.model_validate({**base, "panel": {"rule": "rank_sum"}})
    scores = marks(TWO, {("e1", "J1"): {"c": 50}, ("e2", "J1"): {"c": 60},
                         ("e1", "J2"): {"c": 70}, ("e2", "J2"): {"c": 80}})
    result = score(rubric, TWO, scores)
    assert result.ok and "fairness.normalisation_not_applied" in codes(result)
    assert result.normalised_totals.empty
    # each judge ranks e2 first: rank sums e2 1 + 1 = 2, e1 2 + 2 = 4
    assert result.standings.set_index("entry_id")["rank_sum"].to_dict() == {"e2": 2, "e1": 4}
