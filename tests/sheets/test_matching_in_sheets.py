"""Matching inside judges' own sheets: criteria by id or name however written, entries by
official name or alias, and near misses that must become warnings naming the candidates,
never silent matches (``tests/test_matching.py`` tests the matchers themselves)."""

from __future__ import annotations

import pytest

from scoring.entries import Entries
from scoring.rubric import Rubric
from scoring.sheets import detect

from . import corpus
from .helpers import TULTA_CRITERIA, read

HEADINGS = [
    "l1_tema",                          # the id itself
    "LANGKAH  2",                       # case and spacing
    "3. Menentukan penyebab dominan",   # numbering in front of the name
    "Langkah ke-4",                     # a step written out
    "L5",                               # a step abbreviated
    "Step 6",                           # in English
    "Langkah VII",                      # a Roman numeral
    "Penggunaan Tujuh Alat",            # case
    "penguasaan   materi",              # spacing
    "Cara penyampaian & waktu",         # punctuation for "dan"
    "TJ",                               # an abbreviation (tanya jawab)
    "Yel2 - Kreativitas",               # an abbreviation of the group, then the criterion
    "Yel-yel Kekompakan",
    "Yel Yel Pesan",
    "Kreatifitas Fragmen",              # a common misspelling, group after
    "Fragmen: Kekompakan",
    "PESAN PELAYANAN",
    "Kostúm",                           # an accent
]


def recap_with(headings: list[str], names: list[str]) -> bytes:
    sheet = corpus.Sheet("Rekap").put("A1", "Nama Juri: Budi Santoso")
    sheet.put("A3", "No", "Nama OPD", *headings)
    for index, name in enumerate(names):
        sheet.put(f"A{4 + index}", index + 1, name, *[80] * len(headings))
    return corpus.to_xlsx([sheet])


def test_criteria_by_id_or_name_however_written(tulta: Rubric, pekalongan: Entries) -> None:
    frame, problems = read(recap_with(HEADINGS, ["Dinas Kesehatan"]), tulta, pekalongan)
    assert problems == []
    assert dict(zip(frame.source_cell, frame.criterion_id, strict=True)) == {
        f"{column}4": criterion
        for column, criterion in zip("CDEFGHIJKLMNOPQRST", TULTA_CRITERIA, strict=True)}


@pytest.mark.parametrize("name", ["Disdukcapil", "DISDUK CAPIL", "Dinas Dukcapil",
                                  "Dinas Kependudukan dan Catatan Sipil",
                                  "dinas  kependudukan & catatan sipil", "KBK Disdukcapil"])
def test_disdukcapil_however_written(tulta: Rubric, pekalongan: Entries, name: str) -> None:
    frame, problems = read(recap_with(HEADINGS, [name]), tulta, pekalongan)
    assert problems == []
    assert set(frame.entry_id) == {"opd-disdukcapil"}
    assert len(frame) == 18


def test_names_with_accents_spaces_and_abbreviations(tulta: Rubric,
                                                     pekalongan: Entries) -> None:
    names = ["Kelurahan Pòncol", "Kel. Kali Baros", "kalibaros ", "Kec. Pekalongan Barat"]
    frame, problems = read(recap_with(HEADINGS[:2], names), tulta, pekalongan)
    # only two criteria are on the sheet: the rest are said to be missing, once
    assert [p.code for p in problems] == ["layout.criteria_missing"]
    assert dict(zip(frame.source_cell, frame.entry_id, strict=True)) == {
        "C4": "kel-poncol", "D4": "kel-poncol", "C5": "kel-kali-baros", "D5": "kel-kali-baros",
        "C6": "kel-kali-baros", "D6": "kel-kali-baros", "C7": "opd-kec-barat",
        "D7": "opd-kec-barat"}


def test_a_near_miss_entry_is_a_warning_naming_the_candidates(tulta: Rubric,
                                                              pekalongan: Entries) -> None:
    data = recap_with(HEADINGS, ["Dinkes", "Dinas Kesehatan Hewan", "Kecamatan Pekalongan"])
    frame, problems = read(data, tulta, pekalongan)
    assert [(p.severity, p.code, p.cell, p.params["name"], p.params["candidates"])
            for p in problems] == [
        ("warning", "match.entry_uncertain", "B5:T5", "Dinas Kesehatan Hewan",
         "Dinas Kesehatan (opd-dinkes); Dinas Kelautan dan Perikanan (opd-dkp)"),
        ("warning", "match.entry_uncertain", "B6:T6", "Kecamatan Pekalongan",
         "Kecamatan Pekalongan Barat (opd-kec-barat); Kecamatan Pekalongan Timur "
         "(opd-kec-timur); Kecamatan Pekalongan Utara (opd-kec-utara)"),
    ]
    # neither row is read, not even as its likeliest entry
    assert set(frame.entry_id) == {"opd-dinkes"}
    assert set(frame.source_cell.str[1:]) == {"4"}
    # for the organiser in the app: a choice to confirm, with the candidates
    found = detect(data, "j.xlsx", tulta, pekalongan)
    entries = [(c.kind, c.cell, c.text, [o.id for o in c.candidates])
               for c in found.confirmations if c.kind == "entry"]
    assert entries == [
        ("entry", "B5", "Dinas Kesehatan Hewan", ["opd-dinkes", "opd-dkp"]),
        ("entry", "B6", "Kecamatan Pekalongan", ["opd-kec-barat", "opd-kec-timur",
                                                 "opd-kec-utara"])]


def test_a_confirmed_near_miss_is_read(tulta: Rubric, pekalongan: Entries) -> None:
    from scoring.sheets import read_with_mapping

    data = recap_with(HEADINGS, ["Dinas Kesehatan Hewan"])
    found = detect(data, "j.xlsx", tulta, pekalongan)
    [item] = [c for c in found.confirmations if c.kind == "entry"]
    mapping = found.mapping.resolve(item, "opd-dinkes")
    frame, problems = read_with_mapping(data, "j.xlsx", mapping, tulta, pekalongan)
    assert problems == []
    assert set(frame.entry_id) == {"opd-dinkes"} and len(frame) == 18


def test_an_unknown_name_is_an_error(tulta: Rubric, pekalongan: Entries) -> None:
    frame, problems = read(recap_with(HEADINGS, ["Dinkes", "Panitia Lomba"]), tulta,
                           pekalongan)
    assert [(p.severity, p.code, p.cell) for p in problems] == [
        ("error", "match.entry_none", "B5:T5")]
    assert len(frame) == 18


def test_a_near_miss_heading_is_a_warning_and_its_column_is_not_read(
        tulta: Rubric, pekalongan: Entries) -> None:
    headings = ["Penguasaan materi", "Cara penyampaian", "Kreativitas", "Tema"]
    frame, problems = read(recap_with(headings, ["Dinkes"]), tulta, pekalongan)
    found = [(p.severity, p.code, p.cell, p.params.get("candidates")) for p in problems]
    assert found[:2] == [
        ("warning", "match.criterion_uncertain", "E3:E4",
         "Kreativitas (yy_kreativitas); Kreativitas (fr_kreativitas)"),
        ("warning", "match.criterion_uncertain", "F3:F4",
         "Langkah 1: Menentukan tema dan sasaran (l1_tema); Langkah 7: Menetapkan standar "
         "dan tema berikutnya (l7_standar)")]
    assert found[2][:2] == ("warning", "layout.criteria_missing")
    assert len(found) == 3
    assert dict(zip(frame.source_cell, frame.criterion_id, strict=True)) == {
        "C4": "pr_materi", "D4": "pr_penyampaian"}


def test_near_misses_in_a_long_table(poster: Rubric, poster_entries: Entries) -> None:
    sheet = corpus.long_table()
    sheet.put("B3", "Ani Rahay")                 # a typo: confident
    sheet.put("B6", "Citra Lestarini Putri")     # a near miss: a warning
    sheet.put("C10", "Desain poster")            # matches nothing: an error
    frame, problems = read(corpus.to_xlsx([sheet]), poster, poster_entries)
    assert [(p.severity, p.code, p.cell, p.params.get("candidates")) for p in problems] == [
        ("warning", "match.entry_uncertain", "A6:D6", "Citra Lestari (u-citra)"),
        ("error", "match.criterion_none", "A10:D10", None)]
    assert "D3" in set(frame.source_cell)
    assert {"D6", "D10"}.isdisjoint(frame.source_cell)
    assert len(frame) == 12


def test_a_near_miss_on_a_form_is_not_overruled_by_the_sheet_name(
        tulta: Rubric, pekalongan: Entries) -> None:
    sheets = corpus.forms()
    sheets[1] = corpus.form("Dishub", "Dinas Perhubungan Laut", [70] * 18, 70)
    frame, problems = read(corpus.to_xlsx(sheets), tulta, pekalongan)
    assert [(p.severity, p.code, p.sheet, p.cell, p.params["candidates"])
            for p in problems] == [
        ("warning", "match.entry_uncertain", "Dishub", "D9:D29",
         "Dinas Perhubungan (opd-dishub); Dinas Kelautan dan Perikanan (opd-dkp)")]
    assert set(frame.source_sheet) == {"Dinkes", "Medono"} and len(frame) == 36


def test_a_form_named_by_its_group_is_found_by_its_sheet(tulta: Rubric,
                                                        pekalongan: Entries) -> None:
    # the group's own name matches no entry at all: the sheet's name says whose form it is
    sheets = corpus.forms()
    sheets[1] = corpus.form("Dishub", "KBK Lancar Jaya", [70] * 18, 70)
    frame, problems = read(corpus.to_xlsx(sheets), tulta, pekalongan)
    assert problems == []
    assert set(frame[frame.source_sheet == "Dishub"].entry_id) == {"opd-dishub"}
