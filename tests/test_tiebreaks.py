"""Tie-breaks on hand-built ties: each rule's value, and the pipeline applying them in order
only inside the group still tied."""

from __future__ import annotations

import pandas as pd
import pytest

from scoring.pipeline import score
from scoring.rubric import TieBreak
from scoring.rules.tiebreaks import TIE_BREAKS, Context, values
from tests.helpers import entries_of, marks, single_leaf

# Three entries scored by three judges; every entry's mean is 80:
#   a: 70, 80, 90   (sum 240)   median 80   lowest 70
#   b: 75, 80, 85   (sum 240)   median 80   lowest 75
#   c: 60, 85, 95   (sum 240)   median 85   lowest 60
SCORES = {"a": (70, 80, 90), "b": (75, 80, 85), "c": (60, 85, 95)}
JUDGES = ("J1", "J2", "J3")


def _context() -> Context:
    rows = [{"entry_id": e, "category": "A", "judge_id": j, "total": float(v)}
            for e, given in SCORES.items() for j, v in zip(JUDGES, given, strict=True)]
    standings = pd.DataFrame({"category": "A", "total": 80.0, "c": [7.0, 9.0, 8.0]},
                             index=pd.Index(["a", "b", "c"], name="entry_id"))
    return Context(standings, pd.DataFrame(rows))


@pytest.mark.parametrize(("rule", "expected"), [
    ("median_judge_total", {"a": 80, "b": 80, "c": 85}),
    ("mean_judge_total", {"a": 240 / 3, "b": 240 / 3, "c": 240 / 3}),
    ("highest_lowest_judge_total", {"a": 70, "b": 75, "c": 60}),
    # J1's best is b (75 > 70 > 60); J2's and J3's best is c (85 > 80; 95 > 90 > 85)
    ("most_first_places", {"a": 0, "b": 1, "c": 2}),
])
def test_each_rules_value_by_hand(rule: str, expected: dict[str, float]) -> None:
    got = values(TieBreak(rule=rule), _context())
    assert got.to_dict() == pytest.approx(expected)
    assert list(got.index) == ["a", "b", "c"]  # in the standings' order


def test_a_judge_with_two_equal_best_totals_gives_each_a_first_place() -> None:
    ctx = _context()
    totals = ctx.judge_totals.copy()
    totals.loc[(totals["entry_id"] == "a") & (totals["judge_id"] == "J1"), "total"] = 75.0
    got = values(TieBreak(rule="most_first_places"), Context(ctx.standings, totals))
    # J1 now gives a and b 75 each: a 1, b 1; c keeps J2 and J3
    assert got.to_dict() == {"a": 1, "b": 1, "c": 2}


def test_a_criterion_tie_break_reads_the_panels_part() -> None:
    got = values(TieBreak(criterion="c"), _context())
    assert got.to_dict() == {"a": 7.0, "b": 9.0, "c": 8.0}


def test_every_registered_rule_gives_one_value_per_entry() -> None:
    for rule in TIE_BREAKS:
        got = values(TieBreak(rule=rule.name), _context())
        assert got.notna().all() and len(got) == 3, rule.name


def _scored(tie_breaks: list[dict], **rubric: object) -> pd.DataFrame:
    entries = entries_of(("a", "A"), ("b", "A"), ("c", "A"))
    table = marks(entries, {(e, j): {"c": v} for e, given in SCORES.items()
                            for j, v in zip(JUDGES, given, strict=True)})
    result = score(single_leaf(tie_breaks=tie_breaks, **rubric), entries, table)
    assert result.ok, result.errors
    return result.standings.set_index("entry_id")


def test_rules_apply_in_order_only_inside_the_group_still_tied() -> None:
    # all three total 80. Median: c 85 beats a and b (80, 80) -> c first; a and b are
    # still tied, and the lowest judge total splits them: b 75 > a 70.
    got = _scored([{"rule": "median_judge_total"}, {"rule": "highest_lowest_judge_total"}])
    assert got["rank"].to_dict() == {"c": 1, "b": 2, "a": 3}
    assert got["decided_by"].to_dict() == {
        "c": "median_judge_total", "b": "highest_lowest_judge_total",
        "a": "highest_lowest_judge_total"}
    assert got["total"].to_dict() == {"a": 80, "b": 80, "c": 80}


def test_most_first_places_alone_orders_the_tie() -> None:
    got = _scored([{"rule": "most_first_places"}])
    # first places: c 2, b 1, a 0
    assert got["rank"].to_dict() == {"c": 1, "b": 2, "a": 3}


def test_a_tie_no_rule_separates_is_shared_and_reported() -> None:
    # the mean judge total is 80 for all three: nothing separated, one shared rank
    entries = entries_of(("a", "A"), ("b", "A"), ("c", "A"))
    table = marks(entries, {(e, j): {"c": v} for e, given in SCORES.items()
                            for j, v in zip(JUDGES, given, strict=True)})
    rubric = single_leaf(tie_breaks=[{"rule": "mean_judge_total"}],
                         awards={"places": [{"name": "I"}, {"name": "II"}]})
    result = score(rubric, entries, table)
    assert result.standings["rank"].tolist() == [1, 1, 1]
    assert result.standings["tied"].all()
    [tie] = result.ties
    assert tie.unresolved == (("a", "b", "c"),)
    assert [p.code for p in result.problems if p.code == "tie.unresolved"] == ["tie.unresolved"]


def test_under_the_median_panel_the_mean_judge_total_breaks_the_tie() -> None:
    # median panel: a (70, 80, 90) and d (60, 80, 82) both have median 80;
    # means: a 240 / 3 = 80, d 222 / 3 = 74 -> a ahead on the mean judge total
    entries = entries_of(("a", "A"), ("d", "A"))
    given = {"a": (70, 80, 90), "d": (60, 80, 82)}
    table = marks(entries, {(e, j): {"c": v} for e, vs in given.items()
                            for j, v in zip(JUDGES, vs, strict=True)})
    rubric = single_leaf(panel={"rule": "median"}, tie_breaks=[{"rule": "mean_judge_total"}])
    got = score(rubric, entries, table).standings.set_index("entry_id")
    assert got["total"].to_dict() == {"a": 80, "d": 80}
    assert got["rank"].to_dict() == {"a": 1, "d": 2}
    assert got.loc["a", "decided_by"] == "mean_judge_total"
