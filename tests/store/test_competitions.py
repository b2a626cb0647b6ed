"""Competitions and the entries registry shared by every year."""

from __future__ import annotations

import pytest

from scoring.entries import Entry
from scoring.store import StoreRefusedError, UnknownCompetitionError

from .helpers import ENTRIES_CSV, RUBRIC_FINGERPRINT, RUBRIC_TEXT, new_competition


def test_a_competition_keeps_its_rubric_and_entries_exactly(archive):
    competition_id = new_competition(archive, 2026)
    competition = archive.competition(competition_id)
    assert competition.title == "Lomba Budaya Kerja 2026"
    assert competition.year == 2026
    assert competition.rubric_text == RUBRIC_TEXT
    assert competition.rubric_fingerprint == RUBRIC_FINGERPRINT
    assert competition.entries_csv == ENTRIES_CSV
    assert (competition.status, competition.origin, competition.created_by) == (
        "draft", "tool", "panitia")
    assert not competition.is_published
    assert competition.created_at.endswith("+00:00")


def test_competitions_are_listed_newest_year_first(archive):
    first = new_competition(archive, 2024)
    second = new_competition(archive, 2026)
    third = new_competition(archive, 2025)
    frame = archive.competitions()
    assert frame["competition_id"].tolist() == [second, third, first]
    assert frame["year"].tolist() == [2026, 2025, 2024]
    assert frame["status"].tolist() == ["draft"] * 3
    assert frame["latest_revision"].isna().all()


def test_an_entries_list_that_does_not_parse_is_refused_with_its_problems(archive):
    with pytest.raises(StoreRefusedError) as caught:
        archive.create_competition("Lomba", 2026, RUBRIC_TEXT, RUBRIC_FINGERPRINT,
                                   "id,name\nopd-a,Dinas A\n")
    assert [p.code for p in caught.value.problems] == ["entries.missing_column"]
    assert archive.competitions().empty


def test_an_unknown_competition_id_is_a_lookup_error(archive):
    with pytest.raises(UnknownCompetitionError):
        archive.competition(999)


def test_creating_a_competition_fills_the_registry(archive):
    new_competition(archive, 2026)
    registry = archive.registry()
    # the alias "Kel. X" is the same name as "Kelurahan X" (scoring.identity): not kept twice
    assert registry.values.tolist() == [
        ["kel-x", "Kelurahan X", "Kelurahan", "", 2026],
        ["opd-a", "Dinas A", "OPD", "DA", 2026],
        ["opd-b", "Dinas B", "OPD", "", 2026],
    ]


def test_the_newest_year_names_an_entry_and_older_names_become_aliases(archive):
    archive.register_entries([Entry("opd-a", "Dinas A", "OPD", ("DA",))], 2024)
    archive.register_entries([Entry("opd-a", "Dinas A Baru", "OPD")], 2025)
    # a late entry of an older year does not take the official name back
    archive.register_entries([Entry("opd-a", "Dinas A Lama", "OPD", ("Dinas Lama",))], 2023)
    registry = archive.registry()
    assert registry.values.tolist() == [
        ["opd-a", "Dinas A Baru", "OPD", "DA|Dinas A|Dinas Lama|Dinas A Lama", 2025]]
