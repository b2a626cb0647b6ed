"""Past years' results imported from CSV or xlsx files, names matched to the registry."""

from __future__ import annotations

import pytest

from scoring.entries import Entries, Entry
from scoring.store import NameMatch, import_past_results, match_names
from tests.sheets.corpus import rows_xlsx

INDONESIAN_CSV = (
    b"HASIL LOMBA BUDAYA KERJA TAHUN 2013;;;;\n"
    b";;;;\n"
    b"No;Peringkat;Nama Peserta;Nilai Akhir;Penghargaan\n"
    b"1;1;  DINAS a ;85,50;Juara I\n"
    b"2;2;Kel. X;80,25;Juara II\n"
    b"3;2;dinas-b;80,25;Juara II\n"
)


def _plain(frame):
    return frame.astype(object).where(frame.notna(), None).values.tolist()


def _xlsx(rows):
    return rows_xlsx({"Sheet": rows})


@pytest.fixture
def registry(archive):
    archive.register_entries([
        Entry("opd-a", "Dinas A", "OPD", ("DA",)),
        Entry("opd-b", "Dinas B", "OPD"),
        Entry("kel-x", "Kelurahan X", "Kelurahan", ("Kel. X",)),
        Entry("opd-dinkes", "Dinas Kesehatan", "OPD", ("DK",)),
        Entry("opd-dinbud", "Dinas Kebudayaan", "OPD", ("DK",)),
    ], 2013)
    return archive


def test_names_are_matched_after_folding_case_spaces_and_punctuation():
    registry = [Entry("kel-x", "Kelurahan X", "Kelurahan", ("Kel. X",)),
                Entry("a", "Dinas A", "OPD", ("DK",)), Entry("b", "Dinas B", "OPD", ("dk",))]
    # punctuation becomes a space, so "D.K." would be "d k"; "(DK)" is "dk"
    assert match_names(["kel x", "KELURAHAN  x", "(DK)", "Dinas C"], Entries(tuple(registry))) \
        == [NameMatch("kel-x"), NameMatch("kel-x"), NameMatch(None, ("a", "b"), exact=False),
            NameMatch(None, (), exact=False)]


def test_an_indonesian_csv_is_imported_as_a_published_year(registry):
    report = import_past_results(registry, INDONESIAN_CSV, "hasil-2013.csv", year=2013,
                                 title="Lomba Budaya Kerja 2013", imported_by="arsip")
    assert report.ok and report.rows == 3 and report.problems == ()
    competition = registry.competition(report.competition_id)
    assert (competition.year, competition.status, competition.origin, competition.rubric_text) \
        == (2013, "published", "import", "")
    # "Kel. X" is the same name as "Kelurahan X" (scoring.identity), so the registry keeps
    # no alias for it: it matches without one
    assert competition.entries_csv == (
        "id,name,category,aliases\n"
        "opd-a,Dinas A,OPD,DA\n"
        "kel-x,Kelurahan X,Kelurahan,\n"
        "opd-b,Dinas B,OPD,\n")
    # rank 2 is in two categories: no tie
    assert _plain(registry.result_table(report.competition_id)) == [
        ["Kelurahan", "kel-x", "Kel. X", 2, False, 80.25, "Juara II"],
        ["OPD", "opd-a", "DINAS a", 1, False, 85.5, "Juara I"],
        ["OPD", "opd-b", "dinas-b", 2, False, 80.25, "Juara II"],
    ]
    published = registry.results(report.competition_id)
    uploads = registry.uploads(report.competition_id)
    assert uploads[["purpose", "filename", "uploader", "current"]].values.tolist() == [
        ["past_results", "hasil-2013.csv", "arsip", False]]
    assert published.upload_ids == (int(uploads.loc[0, "upload_id"]),)
    assert registry.upload_bytes(published.upload_ids[0]) == INDONESIAN_CSV
    assert published.data()["source"] == "import"


def test_an_english_xlsx_with_a_category_column_and_a_tie(registry):
    data = _xlsx([["Rank", "Entry", "Total", "Award", "Category", "Remarks"],
                  [1, "Dinas A", 90.5, "Gold", "Umum", "-"],
                  [2, "Dinas B", 88, "Silver", "Umum", None],
                  [2, "Kelurahan X", 88, "Silver", "Umum", None],
                  [None, None, None, None, None, None],
                  [4, "Dinas Kesehatan", None, None, "Umum", None]])
    report = import_past_results(registry, data, "results.xlsx", year=2012, title="Lomba 2012")
    assert report.ok and report.rows == 4
    assert [(p.severity, p.code, p.cell, dict(p.params)) for p in report.problems] == [
        ("warning", "store.import_ignored_column", "F1", {"column": "Remarks"})]
    assert _plain(registry.result_table(report.competition_id)) == [
        ["Umum", "opd-a", "Dinas A", 1, False, 90.5, "Gold"],
        ["Umum", "kel-x", "Kelurahan X", 2, True, 88.0, "Silver"],
        ["Umum", "opd-b", "Dinas B", 2, True, 88.0, "Silver"],
        ["Umum", "opd-dinkes", "Dinas Kesehatan", 4, False, None, None],
    ]


def test_unknown_and_ambiguous_names_are_errors_and_nothing_is_stored(registry):
    data = b"peringkat,peserta\n1,Dinas A\n2,Dinas Z\n3,dk\n"
    report = import_past_results(registry, data, "2011.csv", year=2011, title="Lomba 2011")
    assert report.competition_id is None and not report.ok
    assert [(p.code, p.cell, dict(p.params)) for p in report.problems] == [
        ("store.import_unknown_entry", "B3", {"name": "Dinas Z"}),
        ("store.import_ambiguous_entry", "B4",
         {"name": "dk",
          "candidates": "Dinas Kebudayaan (opd-dinbud); Dinas Kesehatan (opd-dinkes)"}),
    ]
    assert all(p.file == "2011.csv" for p in report.problems)
    assert registry.competitions().empty


def test_bad_ranks_totals_blank_names_and_repeated_entries_are_all_reported(registry):
    data = (b"rank,entry,total\n"
            b"satu,Dinas A,80\n"
            b"0,Dinas B,80\n"
            b"1.5,Kelurahan X,80\n"
            b"2,Dinas Kesehatan,delapan puluh\n"
            b"3,,70\n"
            b"4,Dinas A,60\n"
            b"5,DA,50\n")
    report = import_past_results(registry, data, "x.csv", year=2010, title="Lomba 2010")
    assert [(p.code, p.cell) for p in report.problems] == [
        ("store.import_bad_rank", "A2"),
        ("store.import_bad_rank", "A3"),
        ("store.import_bad_rank", "A4"),
        ("store.import_bad_number", "C5"),
        ("store.import_empty_value", "B6"),
        ("store.import_duplicate_entry", "B8"),
    ]
    assert dict(report.problems[-1].params) == {"entry_id": "opd-a", "category": "OPD",
                                                "other": 7}
    assert registry.competitions().empty


def test_a_file_without_the_needed_columns(registry):
    report = import_past_results(registry, b"Nama;Nilai\nDinas A;80\n", "x.csv", year=2010,
                                 title="Lomba 2010")
    assert [(p.code, p.params["column"]) for p in report.problems] == [
        ("store.import_missing_column", "rank")]
    unreadable = import_past_results(registry, b"PK\x03\x04 not really a workbook", "x.xlsx",
                                     year=2010, title="Lomba 2010")
    assert [p.code for p in unreadable.problems] == ["file.unreadable"]
    empty = import_past_results(registry, b"peringkat,peserta\n", "x.csv", year=2010,
                                title="Lomba 2010")
    assert [p.code for p in empty.problems] == ["store.import_empty"]


def test_the_same_file_is_not_imported_twice(registry):
    first = import_past_results(registry, INDONESIAN_CSV, "a.csv", year=2013, title="Lomba 2013")
    again = import_past_results(registry, INDONESIAN_CSV, "b.csv", year=2013, title="Lomba 2013")
    assert again.competition_id == first.competition_id
    assert [(p.code, p.params["competition_id"]) for p in again.problems] == [
        ("store.import_already", first.competition_id)]
    assert len(registry.competitions()) == 1


def test_an_id_column_and_a_category_for_the_whole_file(registry):
    data = b"ID,Peringkat,Nama\nopd-a,1,Nama lama Dinas A\nkel-x,2,\n"
    report = import_past_results(registry, data, "x.csv", year=2009, title="Lomba 2009",
                                 category="Umum")
    assert report.ok
    assert _plain(registry.result_table(report.competition_id))[:2] == [
        ["Umum", "opd-a", "Nama lama Dinas A", 1, False, None, None],
        ["Umum", "kel-x", "Kelurahan X", 2, False, None, None],
    ]
    unknown = import_past_results(registry, b"id,rank,entry\nnope,1,X\n", "y.csv", year=2009,
                                  title="Lomba 2009")
    assert [(p.code, p.cell) for p in unknown.problems] == [("store.unknown_entry", "A2")]


def test_the_name_matcher_can_be_swapped(registry):
    calls = []

    def everything_is_dinas_a(names, entries):
        calls.append((list(names), len(entries)))
        return [NameMatch("opd-a", exact=False) for _ in names]

    report = import_past_results(registry, b"rank,entry\n1,Dinas Ay\n", "x.csv", year=2008,
                                 title="Lomba 2008", matcher=everything_is_dinas_a)
    assert calls == [(["Dinas Ay"], 5)]
    assert report.ok
    assert [(p.severity, p.code, dict(p.params)) for p in report.problems] == [
        ("warning", "store.import_uncertain_match",
         {"name": "Dinas Ay", "entry_id": "opd-a", "entry_name": "Dinas A"})]
