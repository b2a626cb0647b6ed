"""CSV files (``scoring.sheets.csvread``): encodings (BOMs, UTF-16 without one, Windows-1252),
separators (``;`` with decimal commas, ``,`` with decimal points, tab), how cells are named,
and the errors: too many rows or columns.

The recap is as in ``test_cells.py``: the judge on line 1, the header on line 3, one entry a
line from line 4; column B is ``ide`` (0–100), column C ``dampak`` (0–5000).
"""

from __future__ import annotations

import pytest

from scoring.entries import Entries, Entry
from scoring.rubric import Rubric
from scoring.sheets import safety
from scoring.sheets.csvread import decode, read_csv, separator_of, sheet_name
from scoring.sheets.safety import Limits
from tests.helpers import rubric_from

from .helpers import read

ENTRIES = Entries((Entry("p-ani", "Ani Rahayu", "PELAJAR"),
                   Entry("p-bayu", "Bayu Pratama", "PELAJAR")))

SEMICOLON = ("Nama Juri;Siti Aminah\r\n"
             "\r\n"
             "Nama Peserta;Kebaruan ide;Dampak bagi warga\r\n"
             "Ani Rahayu;85,5;1250\r\n"
             "Bayu Pratama;70;\"1.250,5\"\r\n")
"""What Excel writes in Indonesia: ``;`` between fields, decimal commas; a field quoted."""
COMMA = ("Nama Juri,Siti Aminah\n"
         "\n"
         "Nama Peserta,Kebaruan ide,Dampak bagi warga\n"
         "Ani Rahayu,85.5,1250\n"
         "Bayu Pratama,70,\"1,250.5\"\n")
"""The same with ``,`` and decimal points (a quoted field holds the thousands comma)."""
# Ani: 85,5 and 85.5 are both 85.5; Bayu: 1.250,5 and 1,250.5 are both 1250.5
EXPECTED = {"B4": 85.5, "C4": 1250.0, "B5": 70.0, "C5": 1250.5}


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return rubric_from({
        "id": "cells", "title": "Cells",
        "categories": [{"id": "PELAJAR", "name": "Pelajar"}],
        "criteria": [
            {"id": "ide", "name": "Kebaruan ide", "weight": 1,
             "scale": {"min": 0, "max": 100, "step": 0.01}},
            {"id": "dampak", "name": "Dampak bagi warga", "weight": 1,
             "scale": {"min": 0, "max": 5000, "step": 0.5}},
        ]})


def scores(frame) -> dict[str, float]:
    return dict(zip(frame.source_cell, frame.score, strict=True))


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "encoding"), [
    (b"Nama;Ani", "utf-8"),
    (b"\xef\xbb\xbf" + b"Nama;Ani", "utf-8"),                  # UTF-8 with its BOM
    (b"\xff\xfe" + "Nama;Ani".encode("utf-16-le"), "utf-16"),
    (b"\xfe\xff" + "Nama;Ani".encode("utf-16-be"), "utf-16"),
    ("Nama;Ani".encode("utf-16-le"), "utf-16-le"),                    # no BOM
    ("Nama;Ani".encode("utf-16-be"), "utf-16-be"),
])
def test_encodings(data: bytes, encoding: str) -> None:
    assert decode(data) == ("Nama;Ani", encoding)


def test_letters_outside_ascii() -> None:
    text = "Nama;Désa Kraton Kidul – Pekalongan"
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    # é and the en dash are single bytes in Windows-1252 (0xE9, 0x96): not UTF-8
    assert decode(text.encode("cp1252")) == (text, "cp1252")
    assert decode(text.encode("utf-16-le")) == (text, "utf-16-le")


def test_windows_1252_is_read_with_a_warning() -> None:
    book, problems = read_csv("Nama Peserta;Désa\r\n".encode("cp1252"), "rekap.csv")
    assert book is not None
    assert book.grids[0].value(1, 2) == "Désa"
    assert [(p.severity, p.code, p.file) for p in problems] == [
        ("warning", "csv.legacy_encoding", "rekap.csv")]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_csv_without_bom_is_read(encoding: str, rubric: Rubric) -> None:
    """Issue 12: "Unicode text" saved without a BOM is UTF-16 with a zero byte in every
    pair; it is found as CSV, not refused as binary, and read like any other."""
    data = SEMICOLON.encode(encoding)
    assert not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    assert safety.inspect_bytes(data, "rekap.csv") == safety.Inspection("csv", sheet_count=1)
    frame, problems = read(data, rubric, ENTRIES, "rekap.csv")
    assert problems == []
    assert scores(frame) == EXPECTED
    assert set(frame.judge_id) == {"Siti Aminah"}


def test_binary_with_zero_bytes_is_still_not_text() -> None:
    # pairs of (byte, 0) but the bytes are control characters: no text ever looks like it
    data = bytes([1, 0, 2, 0, 3, 0, 4, 0, 5, 0]) * 100
    [problem] = safety.check_bytes(data, "a.csv")
    assert (problem.code, problem.params["detected_en"]) == (
        "safety.not_a_spreadsheet", "an unknown format")


# --- separators and numbers -----------------------------------------------------------------


@pytest.mark.parametrize(("lines", "separator"), [
    (["Nama;Nilai", "Ani;85,5", "Bayu;70"], ";"),
    (["Nama,Nilai", "Ani,85.5", "Bayu,70"], ","),
    (["Nama\tNilai", "Ani\t85,5"], "\t"),
    (["Nama|Nilai|Catatan", "Ani|85|baik"], "|"),
    # ";" and "," split every line in two alike: the tie goes to ";"
    (["Nama;Nilai", "Ani;85,5"], ";"),
    # a quoted "," does not count: three fields a line by "," only outside quotes
    (['"Rahayu, Ani",85,7', '"Pratama, Bayu",70,6'], ","),
])
def test_separators(lines: list[str], separator: str) -> None:
    assert separator_of(lines) == separator


@pytest.mark.parametrize("text", [SEMICOLON, COMMA])
def test_decimal_comma_and_point_read_alike(text: str, rubric: Rubric) -> None:
    frame, problems = read(text.encode(), rubric, ENTRIES, "rekap.csv")
    assert problems == []
    assert scores(frame) == EXPECTED


def test_the_grid_of_a_csv() -> None:
    book, problems = read_csv(SEMICOLON.encode(), "juri/rekap_budi.csv")
    assert problems == [] and book is not None
    assert (book.kind, [g.name for g in book.grids]) == ("csv", ["rekap_budi"])
    [grid] = book.grids
    # every value stays text; empty lines and empty fields are absent
    assert grid.rows == {
        1: {1: "Nama Juri", 2: "Siti Aminah"},
        3: {1: "Nama Peserta", 2: "Kebaruan ide", 3: "Dampak bagi warga"},
        4: {1: "Ani Rahayu", 2: "85,5", 3: "1250"},
        5: {1: "Bayu Pratama", 2: "70", 3: "1.250,5"},
    }
    assert sheet_name("nilai.csv") == "nilai"


def test_nul_characters_are_dropped() -> None:
    book, _ = read_csv(b"Ani\x00 Rahayu;8\n", "a.csv")
    assert book is not None
    assert book.grids[0].rows == {1: {1: "Ani Rahayu", 2: "8"}}


# --- errors ---------------------------------------------------------------------------------


def test_too_many_rows() -> None:
    data = b"Ani;1\nBayu;2\nCitra;3\nDodi;4\n"  # four lines of two fields
    # 3 rows, or more while lines x 2 fields stay within 6 cells: 6 // 2 = 3 lines at most
    book, problems = read_csv(data, "a.csv", Limits(max_rows=3, max_csv_cells=6))
    assert book is None
    assert [(p.code, p.params["count"], p.params["limit"]) for p in problems] == [
        ("safety.too_many_rows", 4, 3)]


def test_a_narrow_csv_may_have_more_rows_than_max_rows_within_the_cell_budget() -> None:
    data = b"Ani;1\nBayu;2\nCitra;3\nDodi;4\n"  # four lines of two fields: 8 cells
    # max_rows 3 is passed, but 8 cells fit a budget of 8 (8 // 2 = 4 lines allowed)
    book, problems = read_csv(data, "a.csv", Limits(max_rows=3, max_csv_cells=8))
    assert problems == [] and book is not None
    assert sorted(book.grids[0].rows) == [1, 2, 3, 4]
    assert Limits(max_rows=3, max_csv_cells=8).csv_rows(2) == 4
    # the default budget: 2,000,000 cells; a long table of 4 columns may have 500,000 lines
    assert Limits().csv_rows(4) == 2_000_000 // 4 == 500_000
    assert Limits().csv_rows(100) == 100_000  # a wide recap keeps max_rows


def test_too_many_columns() -> None:
    data = b"Ani;1;2;3\n"  # four fields
    book, problems = read_csv(data, "a.csv", Limits(max_columns=3))
    assert book is None
    assert [(p.code, p.params["count"], p.params["limit"]) for p in problems] == [
        ("safety.too_many_columns", 4, 3)]
