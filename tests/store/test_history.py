"""Year-over-year history, following renames and the 2015 merge of the kelurahan.

The made-up years (2015 was not held):

- 2014, imported from a file. OPD: Dinas A 1st (90), Dinas B 2nd (88), Bappeda 3rd (80),
  Dinas C 4th (75), Dinas D 5th (70). Kelurahan: the 47 old kelurahan, lama-i ranked i with
  total 100 − i.
- 2016. OPD: B 1st (91), A 2nd (89), Bappeda 3rd (82), D 4th (74), C 5th (72). Kelurahan: the
  27 new ones, kel-j ranked 28 − j with total 50 + j.
- 2017, published with a mistake and corrected. OPD (corrected): A 1st (93), Bapperida (the
  renamed Bappeda) 2nd (90), Dinas E (new) 3rd (85), B 4th (84), C 5th (70), D 6th (65).
  Kelurahan: kel-j ranked j with total 80 − j.
- 2018: a draft, never published.
"""

from __future__ import annotations

import pytest

from scoring.entries import Entry
from scoring.store import (
    consistent_top,
    entry_history,
    import_past_results,
    link_entries,
    most_improved,
    new_entrants,
    results_by_year,
    standings_by_year,
)

from .helpers import (
    NEW_KELURAHAN,
    OLD_KELURAHAN,
    new_competition,
    register_and_link_the_2015_merge,
    result_json,
)

OPD = {"opd-a": "Dinas A", "opd-b": "Dinas B", "opd-c": "Dinas C", "opd-d": "Dinas D",
       "opd-bappeda": "Bappeda", "opd-bapperida": "Bapperida", "opd-e": "Dinas E"}


def _entries_csv(ids):
    lines = ["id,name,category"]
    lines += [f"{i},{OPD[i]},OPD" for i in ids if i in OPD]
    lines += [f"{i},Kelurahan {i[-2:]},Kelurahan" for i in ids if i.startswith("kel-")]
    return "\n".join(lines) + "\n"


def _publish_year(archive, year, opd_rows, kelurahan_rows, corrected=None):
    ids = [row[0] for row in opd_rows] + [row[0] for row in kelurahan_rows]
    competition_id = new_competition(archive, year, entries_csv=_entries_csv(ids))

    def result(rows_opd):
        return result_json({
            "OPD": [(e, OPD[e], rank, False, total, None) for e, rank, total in rows_opd],
            "Kelurahan": [(e, f"Kelurahan {e[-2:]}", rank, False, total, None)
                          for e, rank, total in kelurahan_rows]})

    archive.publish(competition_id, result(opd_rows), "panitia")
    if corrected is not None:
        archive.correct(competition_id, result(corrected), "Nilai Dinas A salah hitung",
                        "panitia")
    return competition_id


@pytest.fixture
def years(archive):
    archive.register_entries([Entry(i, OPD[i], "OPD") for i in
                              ("opd-a", "opd-b", "opd-c", "opd-d", "opd-bappeda")], 2014)
    register_and_link_the_2015_merge(archive)
    rows = ["Kategori,Peringkat,Nama,Nilai",
            "OPD,1,Dinas A,90", "OPD,2,Dinas B,88", "OPD,3,Bappeda,80", "OPD,4,Dinas C,75",
            "OPD,5,Dinas D,70"]
    rows += [f"Kelurahan,{i},Kelurahan Lama {i:02d},{100 - i}" for i in range(1, 48)]
    report = import_past_results(archive, "\n".join(rows).encode(), "rekap-2014.csv",
                                 year=2014, title="Lomba Budaya Kerja 2014")
    assert report.ok, report.problems
    _publish_year(archive, 2016,
                  [("opd-b", 1, 91), ("opd-a", 2, 89), ("opd-bappeda", 3, 82), ("opd-d", 4, 74),
                   ("opd-c", 5, 72)],
                  [(k, 28 - j, 50 + j) for j, k in enumerate(NEW_KELURAHAN, start=1)])
    archive.register_entries([Entry("opd-bapperida", "Bapperida", "OPD")], 2017)
    link_entries(archive, "rename", "opd-bappeda", "opd-bapperida", 2017)
    _publish_year(archive, 2017,
                  [("opd-bapperida", 1, 90), ("opd-a", 2, 83), ("opd-e", 3, 85),
                   ("opd-b", 4, 84), ("opd-c", 5, 70), ("opd-d", 6, 65)],
                  [(k, j, 80 - j) for j, k in enumerate(NEW_KELURAHAN, start=1)],
                  corrected=[("opd-a", 1, 93), ("opd-bapperida", 2, 90), ("opd-e", 3, 85),
                             ("opd-b", 4, 84), ("opd-c", 5, 70), ("opd-d", 6, 65)])
    new_competition(archive, 2018)  # a draft: no history
    return archive


def test_results_by_year_take_the_latest_revision_of_published_years(years):
    rows = results_by_year(years)
    assert rows.groupby("year").size().to_dict() == {2014: 5 + 47, 2016: 5 + 27, 2017: 6 + 27}
    assert rows.groupby("year")["origin"].first().to_dict() == {
        2014: "import", 2016: "tool", 2017: "tool"}
    opd_2017 = rows[(rows["year"] == 2017) & (rows["category"] == "OPD")]
    assert opd_2017[["entry_id", "rank", "total", "revision"]].values.tolist()[:2] == [
        ["opd-a", 1, 93.0, 2], ["opd-bapperida", 2, 90.0, 2]]


def test_the_history_of_a_renamed_agency_includes_its_old_name(years):
    history = entry_history(years, "opd-bapperida")
    assert history[["year", "entry_id", "name", "rank", "total", "relation"]].values.tolist() \
        == [[2014, "opd-bappeda", "Bappeda", 3, 80.0, "ancestor"],
            [2016, "opd-bappeda", "Bappeda", 3, 82.0, "ancestor"],
            [2017, "opd-bapperida", "Bapperida", 2, 90.0, "self"]]


def test_the_history_of_a_merged_kelurahan_goes_back_to_both_old_ones(years):
    history = entry_history(years, "kel-01")
    assert history[["year", "entry_id", "rank", "total", "relation"]].values.tolist() == [
        [2014, "kel-lama-01", 1, 99.0, "ancestor"],
        [2014, "kel-lama-02", 2, 98.0, "ancestor"],
        [2016, "kel-01", 27, 51.0, "self"],
        [2017, "kel-01", 1, 79.0, "self"]]
    forward = entry_history(years, "kel-lama-02")
    assert forward[["year", "entry_id", "relation"]].values.tolist() == [
        [2014, "kel-lama-02", "self"], [2016, "kel-01", "descendant"],
        [2017, "kel-01", "descendant"]]
    assert len(entry_history(years, "kel-lama-02", include_descendants=False)) == 1


def test_standings_credit_old_results_to_the_groups_of_today(years):
    standing = standings_by_year(years, category="Kelurahan")
    assert len(standing) == 27 * 3
    assert sorted(standing["group_id"].unique()) == list(NEW_KELURAHAN)
    kel_01 = standing[standing["group_id"] == "kel-01"]
    assert kel_01[["year", "rank", "total", "recorded_ids", "name"]].values.tolist() == [
        [2014, 1, 99.0, "kel-lama-01|kel-lama-02", "Kelurahan 01"],
        [2016, 27, 51.0, "kel-01", "Kelurahan 01"],
        [2017, 1, 79.0, "kel-01", "Kelurahan 01"]]
    kel_21 = standing[(standing["group_id"] == "kel-21") & (standing["year"] == 2014)]
    assert kel_21[["rank", "total", "recorded_ids"]].values.tolist() == [
        [41, 59.0, "kel-lama-41"]]
    assert not set(OLD_KELURAHAN) & set(standing["group_id"])


def test_the_most_improved_by_rank_across_the_merge(years):
    # 2014 → 2016: kel-27 (was lama-47, 47th) is 1st: +46; kel-26 (lama-46) 2nd: +44; …
    top = most_improved(years, category="Kelurahan", top=3)
    assert top[["group_id", "from_year", "to_year", "rank_before", "rank_after", "rank_gain",
                "total_before", "total_after", "total_gain"]].values.tolist() == [
        ["kel-27", 2014, 2016, 47, 1, 46, 53.0, 77.0, 24.0],
        ["kel-26", 2014, 2016, 46, 2, 44, 54.0, 76.0, 22.0],
        ["kel-25", 2014, 2016, 45, 3, 42, 55.0, 75.0, 20.0]]


def test_the_most_improved_by_total_follows_the_rename(years):
    # Bappeda 82 (2016) → Bapperida 90 (2017): +8; then +4 twice, the earlier year first
    top = most_improved(years, by="total", category="OPD", top=3)
    assert top[["group_id", "from_year", "to_year", "total_gain", "rank_gain"]].values.tolist() \
        == [["opd-bapperida", 2016, 2017, 8.0, 1],
            ["opd-d", 2014, 2016, 4.0, 1],
            ["opd-a", 2016, 2017, 4.0, 1]]
    with pytest.raises(ValueError, match="rank' or 'total"):
        most_improved(years, by="name")


def test_consistently_in_the_top_three(years):
    # A: 1, 2, 1; Bappeda/Bapperida: 3, 3, 2; B fell to 4th in 2017; E took part once
    top = consistent_top(years, category="OPD")
    assert top[["group_id", "years", "first_year", "last_year", "best_rank",
                "worst_rank"]].values.tolist() == [
        ["opd-a", 3, 2014, 2017, 1, 2],
        ["opd-bapperida", 3, 2014, 2017, 2, 3]]
    assert top["mean_rank"].round(3).tolist() == [1.333, 2.667]
    assert consistent_top(years, category="OPD", min_years=1)["group_id"].tolist() == [
        "opd-a", "opd-bapperida", "opd-e"]
    assert consistent_top(years, category="Kelurahan").empty


def test_new_entrants_are_not_renamed_or_merged_entries(years):
    new = new_entrants(years)
    assert new[["group_id", "name", "year", "category", "rank", "total"]].values.tolist() == [
        ["opd-e", "Dinas E", 2017, "OPD", 3, 85.0]]
    assert new_entrants(years, category="Kelurahan").empty
    assert len(new_entrants(years, year=2014)) == 5 + 27  # the first year: everyone


def test_history_of_an_empty_archive(archive):
    assert results_by_year(archive).empty
    assert standings_by_year(archive).empty
    assert most_improved(archive).empty
    assert consistent_top(archive).empty
    assert new_entrants(archive).empty
