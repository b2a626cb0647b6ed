"""Judges' own sheets never read a mark wrong and ask no question a glance answers (issue 12).

Every expected score table is written out here by hand from the sheet each test builds.
"""

from __future__ import annotations

import random

import pytest

from bench.judge_books import recap_sheet
from scoring.entries import Entries
from scoring.i18n import t
from scoring.matching import CriterionMatcher, heading_core, strip_scale
from scoring.rubric import Rubric
from scoring.sheets.detect import detect
from scoring.sheets.forms import row_numbers
from scoring.sheets.mapping import Confirmation, Option
from scoring.sheets.reading import Context

from . import corpus
from .helpers import TULTA_CRITERIA

# --- a row-number column is never the marks column -------------------------------------------


@pytest.mark.parametrize(("values", "counts"), [
    ([1, 2, 3], True),
    ([3, 4, 5, 6], True),            # numbering carried on from the form above
    ([1.0, 2.0, 3.0], True),
    ([1, 2], False),                 # too short to tell
    ([1, 2, 4], False),
    ([8, 7.5, 9, 4], False),         # marks
    ([5, 5, 5], False),
    ([1, 2, "3"], False),            # a text among them: not a plain numbering
])
def test_row_numbers(values: list[object], counts: bool) -> None:
    assert row_numbers(values) is counts


def poster_form(headed: bool = True) -> corpus.Sheet:
    """A poster-contest form whose heading row (6) is six rows above the first criterion
    (12): a note and an empty group line between. A ``No`` column (A) numbers the criteria
    1–4, all of them valid marks on the 1–10 scale; C holds weights, D the marks under a
    heading that names no role (``Hasil Juri``)."""
    sheet = corpus.Sheet("Ani")
    sheet.put("A1", "FORMULIR PENILAIAN POSTER")
    sheet.put("A3", "Nama Peserta : Ani Rahayu")
    sheet.put("A4", "Nama Juri : Siti Aminah")
    if headed:
        sheet.put("A6", "No", "Kriteria", "Bobot", "Hasil Juri")
    sheet.put("B7", "Petunjuk: isi nilai 1-10 (kerapian 1-5)")
    sheet.put("A12", 1, "Kebaruan ide (1-10)", 30, 8)
    sheet.put("A13", 2, "Desain visual\n(maks 10)", 30, 7.5)
    sheet.put("A14", 3, "Dampak bagi warga [1–10]", 30, 9)
    sheet.put("A15", 4, "Kerapian (maks 5)", 10, 4)
    return sheet


def test_the_no_column_is_never_read_as_marks(poster: Rubric,
                                              poster_entries: Entries) -> None:
    data = corpus.to_xlsx([poster_form()])
    found = detect(data, "ani.xlsx", poster, poster_entries)
    rows = sorted(found.table[["entry_id", "criterion_id", "score", "source_cell"]]
                  .itertuples(index=False, name=None))
    # the marks are D12:D15 (8, 7.5, 9, 4), not the numbers 1-4 of A12:A15
    assert rows == sorted([("p-ani", "ide", 8.0, "D12"), ("p-ani", "desain", 7.5, "D13"),
                           ("p-ani", "dampak", 9.0, "D14"), ("p-ani", "kerapian", 4.0, "D15")])
    assert not found.confirmations


def test_without_any_heading_the_numbers_are_still_not_marks(poster: Rubric,
                                                             poster_entries: Entries) -> None:
    """No heading row at all: A (1, 2, 3, 4) counts rows; C (30 + 30 + 30 + 10 = 100) reads
    as weights; D is left: the marks."""
    data = corpus.to_xlsx([poster_form(headed=False)])
    found = detect(data, "ani.xlsx", poster, poster_entries)
    assert sorted(found.table["source_cell"]) == ["D12", "D13", "D14", "D15"]
    assert not found.confirmations


def test_two_columns_alike_are_asked_not_guessed(poster: Rubric,
                                                poster_entries: Entries) -> None:
    """No heading; C holds 5, 6, 7, 2 (adding up to 20: not weights) and D the marks: either
    could be the marks. Nothing is read on a guess; the question preselects no answer; the
    organiser's choice (D) is read."""
    sheet = poster_form(headed=False)
    for row, value in zip((12, 13, 14, 15), (5, 6, 7, 2), strict=True):
        sheet.cells[f"C{row}"] = value
    data = corpus.to_xlsx([sheet])
    found = detect(data, "ani.xlsx", poster, poster_entries)
    assert found.table.empty
    assert "layout.score_column_unsure" in [p.code for p in found.problems]
    [question] = found.confirmations
    assert (question.kind, question.column, question.best_guess) == ("criterion", "C", None)
    answered = detect(data, "ani.xlsx", poster, poster_entries,
                      mapping=found.mapping.with_column("Ani", "D", "score"))
    assert sorted(zip(answered.table["source_cell"], answered.table["score"], strict=True)) == [
        ("D12", 8.0), ("D13", 7.5), ("D14", 9.0), ("D15", 4.0)]


# --- headings with a scale, numbering, line breaks ------------------------------------------


@pytest.mark.parametrize(("written", "core"), [
    ("Risalah (0-100)", "Risalah"),
    ("Nilai (maks 25)", "Nilai"),
    ("Bobot (%)", "Bobot"),
    ("Kostum [0–100]", "Kostum"),
    ("Pesan maks 25", "Pesan"),
    ("Kreativitas 0 - 100", "Kreativitas"),
    ("Skor (1 s/d 10)", "Skor"),
    ("Langkah 1", "Langkah 1"),      # a step's number is not a scale
    ("(0-100)", "(0-100)"),          # nothing would be left: kept whole
])
def test_strip_scale(written: str, core: str) -> None:
    assert strip_scale(written).strip() == core


def test_heading_core_drops_numbering_scale_and_line_breaks() -> None:
    assert heading_core("a) Kreativitas\n(skor 0-100)") == "Kreativitas"
    assert heading_core("2. Desain visual (maks 10)") == "Desain visual"


@pytest.mark.parametrize(("heading", "criterion"), [
    ("Kebaruan ide (0-10)", "ide"),
    ("Desain visual\n(maks 10)", "desain"),
    ("a) Dampak bagi warga [1–10]", "dampak"),
    ("Kerapian (%)", "kerapian"),
    ("4. Kerapian maks 5", "kerapian"),
])
def test_headings_with_a_scale_match_for_sure(poster: Rubric, heading: str,
                                              criterion: str) -> None:
    match = CriterionMatcher(poster).match(heading)
    assert (match.criterion_id, match.status in ("exact", "confident")) == (criterion, True)


@pytest.mark.parametrize(("group", "criterion"), [("Yel-yel", "yy_kreativitas"),
                                                  ("FRAGMEN", "fr_kreativitas")])
def test_a_numbered_heading_with_a_scale_takes_its_group(tulta: Rubric, pekalongan: Entries,
                                                          group: str, criterion: str) -> None:
    """``Kreativitas`` names a criterion of both groups: the group row above it decides,
    also when the heading is numbered and carries its scale."""
    ctx = Context(tulta, pekalongan)
    found, kind, confidence = ctx.criterion("a) Kreativitas (skor 0-100)", group)
    assert (found, kind, confidence.sure) == (criterion, "leaf", True)


def test_recap_with_scales_under_merged_group_headers(tulta: Rubric,
                                                      pekalongan: Entries) -> None:
    """Every heading with a scale suffix, numbering or a line break under its merged group
    header (``YEL-YEL`` over ``Kreativitas (0-100)``) is read without a question."""
    rows = [("Dinas Kesehatan", "opd-dinkes", [80.0] * 18),
            ("Disdukcapil", "opd-disdukcapil", [70.0] * 17 + [90.0])]
    sheet = recap_sheet(tulta, "Dr. Budi Santoso", rows, random.Random(3), scales=True)
    found = detect(corpus.to_xlsx([sheet]), "rekap.xlsx", tulta, pekalongan)
    assert not found.confirmations
    read = sorted(found.table[["entry_id", "criterion_id", "score", "source_cell"]]
                  .itertuples(index=False, name=None))
    # criteria in C..T of rows 7 (all 80) and 8 (70, kostum 90 in T8)
    columns = "CDEFGHIJKLMNOPQRST"
    want = [("opd-dinkes", c, 80.0, f"{col}7") for c, col in zip(TULTA_CRITERIA, columns,
                                                                   strict=True)]
    want += [("opd-disdukcapil", c, 90.0 if c == "fr_kostum" else 70.0, f"{col}8")
             for c, col in zip(TULTA_CRITERIA, columns, strict=True)]
    assert read == sorted(want)


# --- the best guess preselected ---------------------------------------------------------------


def test_best_guess() -> None:
    ahead = Confirmation("entry", "Rekap", "B7", "Dinas Keshatan",
                         (Option("opd-dinkes", "Dinas Kesehatan", 93.0),
                          Option("opd-dishub", "Dinas Perhubungan", 61.0)))
    tied = Confirmation("criterion", "Data", "D13", "Kreativitas",
                        (Option("yy_kreativitas", "Kreativitas", 100.0),
                         Option("fr_kreativitas", "Kreativitas", 100.0)))
    judge = Confirmation("judge", "Rekap", "", "Budi Santoso")
    assert ahead.best_guess == "opd-dinkes"
    assert tied.best_guess is None
    assert judge.best_guess == "Budi Santoso"
    assert Confirmation("criterion", "Data", "D2", "Catatan").best_guess is None


# --- each guess shown, and remembered once confirmed ------------------------------------------


def test_a_misspelt_name_is_read_and_shown_as_a_guess(poster: Rubric,
                                                      poster_entries: Entries) -> None:
    """``Ani Rahayuu`` (one letter too many) is Ani Rahayu beyond doubt: read, and shown as
    a guess (written -> matched, likeness) rather than passed over in silence."""
    sheet = corpus.poster_recap("Rekap", {"Ani Rahayuu": [8, 7.5, 9, 4]},
                                label="Nama Juri: Siti Aminah")
    data = corpus.to_xlsx([sheet])
    found = detect(data, "rekap.xlsx", poster, poster_entries)
    assert sorted(found.table["score"]) == [4.0, 7.5, 8.0, 9.0]
    [guess] = [g for g in found.guesses if g.kind == "entry"]
    assert (guess.written, guess.target, guess.matched) == ("Ani Rahayuu", "p-ani",
                                                             "Ani Rahayu")
    assert 90 <= guess.score < 100
    assert t(guess.code, "id", **guess.params()).startswith(
        "Nama 'Ani Rahayuu' dibaca sebagai peserta 'Ani Rahayu' (kemiripan ")
    # confirmed, it is no longer a guess: the mapping remembers the name
    again = detect(data, "rekap.xlsx", poster, poster_entries,
                   mapping=guess.confirm(found.mapping))
    assert [g for g in again.guesses if g.kind == "entry"] == []
    assert sorted(again.table["score"]) == [4.0, 7.5, 8.0, 9.0]


@pytest.mark.parametrize(("heading", "group", "criterion"), [
    ("YEL-YEL › Kreativitas (0-100)", "", "yy_kreativitas"),       # a merged header glued on
    ("FRAGMEN › Fragmen - Kreativitas", "", "fr_kreativitas"),     # the group named twice
    ("Yel-yel: Kreativitas", "YEL-YEL", "yy_kreativitas"),         # and again above it
    ("Fragmen Fragmen Kostum\n(maks 100)", "", "fr_kostum"),
])
def test_doubled_prefixes_and_glued_group_headers(tulta: Rubric, pekalongan: Entries,
                                                  heading: str, group: str,
                                                  criterion: str) -> None:
    found, kind, confidence = Context(tulta, pekalongan).criterion(heading, group)
    assert (found, kind, confidence.sure) == (criterion, "leaf", True)


def test_a_hand_typed_total_that_does_not_fit_the_marks_is_said(tulta: Rubric,
                                                               pekalongan: Entries) -> None:
    """The judge's own totals (column U) are plain sums: 18 × 80 = 1440, 18 × 70 = 1260
    (typed as 1250: a slip), 18 × 60 = 1080. The marks are read; the slip is a warning at
    U8 naming what the marks add up to."""
    rows = [("Dinas Kesehatan", "opd-dinkes", [80.0] * 18),
            ("Dinas Perhubungan", "opd-dishub", [70.0] * 18),
            ("Inspektorat", "opd-inspektorat", [60.0] * 18)]
    sheet = recap_sheet(tulta, "Dr. Budi Santoso", rows, random.Random(1))
    assert (sheet.cells["U7"], sheet.cells["U8"], sheet.cells["U9"]) == (1440, 1260, 1080)
    sheet.cells["U8"] = 1250
    found = detect(corpus.to_xlsx([sheet]), "rekap.xlsx", tulta, pekalongan)
    assert len(found.table) == 3 * 18
    totals = [(p.code, p.cell) for p in found.problems if p.code.startswith("total.")]
    assert ("total.mismatch", "U8") in totals
    assert [c for c, _ in totals].count("total.mismatch") == 1
    [mismatch] = [p for p in found.problems if p.code == "total.mismatch"]
    assert mismatch.params["expected_en"] == "1260"
