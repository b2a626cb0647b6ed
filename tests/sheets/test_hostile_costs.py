"""Hostile judges' files are refused cheaply and named precisely (issue 12): a million cells
pointing at one 32,767-character shared string, NaN and infinite number cells, bidirectional
control characters in names."""

from __future__ import annotations

import time

import pytest

from scoring.entries import Entries
from scoring.rubric import Rubric
from scoring.safe_text import neutralise, strip_bidi
from scoring.sheets.cells import clean_text, has_control
from scoring.sheets.detect import detect
from scoring.sheets.formats.common import Limits

from . import corpus
from .helpers import read

MB = 1024 * 1024


def test_a_million_cells_on_one_long_shared_string_are_refused_fast(
        poster: Rubric, poster_entries: Entries) -> None:
    # 2,000 rows × 500 columns (both within the limits) = 1,000,000 cells, each pointing at
    # one string of 32,767 characters: 32,767,000,000 characters once read
    data = corpus.shared_string_bomb()
    assert len(data) < 3 * MB
    started = time.perf_counter()
    found, peak = corpus.peak_memory(lambda: detect(data, "bom.xlsx", poster, poster_entries))
    elapsed = time.perf_counter() - started
    assert found.layout == "refused"
    assert [p.code for p in found.problems] == ["layout.text_too_large"]
    assert found.problems[0].sheet == "Nilai"
    # generous margins over what it takes (well under a second and a few MB)
    assert elapsed < 5.0
    assert peak < 300 * MB


def test_the_text_volume_counts_only_what_cells_point_at(poster: Rubric,
                                                         poster_entries: Entries) -> None:
    """20 cells on one string of 1,000 characters. A string's length is counted from its
    ``<si>`` to its ``</si>``: ``<si>`` (4) + ``<t>`` (3) + 1,000 + ``</t>`` (4) = 1,011
    (never less than its characters), so the sheet holds 20 × 1,011 = 20,220: over a limit of
    20,219, within one of 20,220."""
    data = corpus.shared_string_bomb(rows=2, columns=10, length=1000)
    over = detect(data, "a.xlsx", poster, poster_entries, limits=Limits(max_text_chars=20_219))
    assert "layout.text_too_large" in [p.code for p in over.problems]
    within = detect(data, "a.xlsx", poster, poster_entries,
                    limits=Limits(max_text_chars=20_220))
    assert "layout.text_too_large" not in [p.code for p in within.problems]


def _sheet_with_number(text: str) -> bytes:
    xml = ('<?xml version="1.0" encoding="UTF-8"?>'
           f'<worksheet xmlns="{corpus.MAIN}"><sheetData><row r="1">'
           '<c r="A1" t="inlineStr"><is><t>Nama Peserta</t></is></c>'
           '<c r="B1" t="inlineStr"><is><t>Kebaruan ide</t></is></c></row>'
           '<row r="2"><c r="A2" t="inlineStr"><is><t>Ani Rahayu</t></is></c>'
           f'<c r="B2"><v>8</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Bayu '
           f'Pratama</t></is></c><c r="B3"><v>{text}</v></c></row></sheetData></worksheet>')
    return corpus.xlsx_by_hand({"Siti": xml.encode()})


@pytest.mark.parametrize("text", ["NaN", "INF", "-inf", "Infinity"])
def test_a_nan_or_infinite_number_cell_is_named_with_sheet_and_cell(
        poster: Rubric, poster_entries: Entries, text: str) -> None:
    data = _sheet_with_number(text)
    found = detect(data, "siti.xlsx", poster, poster_entries)
    assert [(p.code, p.sheet, p.cell) for p in found.problems] == [
        ("cell.not_finite", "Siti", "B3")]
    assert "B3" in found.problems[0].message("id")
    _, problems = read(data, poster, poster_entries, "siti.xlsx")
    assert [(p.code, p.sheet, p.cell) for p in problems] == [("cell.not_finite", "Siti", "B3")]


def test_an_ordinary_number_beside_it_is_no_such_problem(poster: Rubric,
                                                         poster_entries: Entries) -> None:
    found = detect(_sheet_with_number("7.5"), "siti.xlsx", poster, poster_entries)
    assert "cell.not_finite" not in [p.code for p in found.problems]


# --- bidirectional control characters --------------------------------------------------------

RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"


def test_bidi_controls_are_removed_from_names_and_exports() -> None:
    assert clean_text(f"Budi {RLO}otnasS{PDF}") == "Budi otnasS"
    assert has_control(f"{LRI}Ani{PDI}")
    assert strip_bidi("\u200fDinas\u200e") == "Dinas"
    # an export: the bidi characters go, and a formula trigger behind them is still caught
    assert neutralise(f"{RLO}=1+1") == "'=1+1"


def test_a_judge_name_with_an_override_is_read_without_it(poster: Rubric,
                                                          poster_entries: Entries) -> None:
    sheet = corpus.poster_recap("Rekap", {"Ani Rahayu": [8, 7.5, 9, 4]},
                                label=f"Nama Juri: Siti {RLO}animA{PDF}")
    found = detect(corpus.to_xlsx([sheet]), "rekap.xlsx", poster, poster_entries)
    assert set(found.table["judge_id"]) == {"Siti animA"}
    for problem in found.problems:
        assert RLO not in problem.message("id") and RLO not in problem.message("en")
