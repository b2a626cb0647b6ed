"""Places by rank (shared when tied), bands by score, the minimum total, per-category rules."""

from scoring.pipeline import score
from tests.helpers import entries_of, marks, single_leaf

PLACES = [{"name": "Juara I", "reward": "Rp10.000.000", "amount": 10_000_000},
          {"name": "Juara II", "amount": 7_000_000},
          {"name": "Juara III"},
          {"name": "Harapan I"}]


def standings(rubric, values: dict[str, float], entries=None):
    entries = entries or entries_of(*[(e, "A") for e in values])
    scores = {(e, "J"): {"c": v} for e, v in values.items()}
    result = score(rubric, entries, marks(entries, scores))
    assert result.ok or all(p.code == "tie.unresolved" for p in result.problems)
    return result, result.standings.set_index("entry_id")


def test_places_follow_ranks_and_ties_share() -> None:
    rubric = single_leaf(awards={"places": PLACES})
    result, rows = standings(rubric, {"e1": 90, "e2": 80, "e3": 80, "e4": 70, "e5": 60})
    # ranks 1, 2, 2, 4, 5: the tied pair share Juara II; no Juara III; e4 is Harapan I
    assert rows["place"].to_dict() == {"e1": "Juara I", "e2": "Juara II", "e3": "Juara II",
                                       "e4": "Harapan I", "e5": ""}
    assert rows.loc["e1", "reward"] == "Rp10.000.000" and rows.loc["e1", "amount"] == 10_000_000
    # the shared place needs the organisers: a warning naming both
    [warning] = result.warnings
    assert warning.code == "tie.unresolved" and warning.params["rank"] == 2
    assert warning.params["names"] == "Entry e2, Entry e3"


def test_minimum_total_to_be_eligible() -> None:
    rubric = single_leaf(awards={"places": PLACES, "min_total": 75})
    _, rows = standings(rubric, {"e1": 90, "e2": 75, "e3": 74.99})
    assert rows["place"].to_dict() == {"e1": "Juara I", "e2": "Juara II", "e3": ""}
    assert rows["eligible"].to_dict() == {"e1": True, "e2": True, "e3": False}


def test_bands_by_score_threshold_inclusive() -> None:
    bands = [{"name": "Perunggu", "min": 45}, {"name": "Emas", "min": 75},
             {"name": "Perak", "min": 60}]
    rubric = single_leaf(awards={"bands": bands})
    _, rows = standings(rubric, {"e1": 75, "e2": 74.99, "e3": 60, "e4": 44.99, "e5": 100})
    assert rows["band"].to_dict() == {"e1": "Emas", "e2": "Perak", "e3": "Perak", "e4": "",
                                      "e5": "Emas"}
    assert rows["place"].eq("").all()


def test_per_category_rules_replace_the_defaults() -> None:
    rubric = single_leaf(
        categories=[{"id": "A", "name": "A"}, {"id": "B", "name": "B"}],
        awards={"places": PLACES, "categories": {"B": {"bands": [{"name": "Baik", "min": 50}]}}})
    entries = entries_of(("a1", "A"), ("b1", "B"))
    _, rows = standings(rubric, {"a1": 55, "b1": 55}, entries)
    assert rows.loc["a1", "place"] == "Juara I" and rows.loc["a1", "band"] == ""
    assert rows.loc["b1", "place"] == "" and rows.loc["b1", "band"] == "Baik"


def test_english_award_names() -> None:
    rubric = single_leaf(awards={"places": [{"name": "Juara I", "name_en": "First place"}]})
    entries = entries_of(("e1", "A"))
    result = score(rubric, entries, marks(entries, {("e1", "J"): {"c": 50}}), lang="en")
    assert result.standings.loc[0, "place"] == "First place"
