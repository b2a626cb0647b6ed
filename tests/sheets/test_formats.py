"""The file kinds on their libraries (``scoring.sheets.formats``): an .xls whose workbook
lives in the OLE2 mini stream, what xlrd adds to calamine's values (error values, number
formats, hidden rows and columns), and OLE2 refusals that only a real container reader sees.

The sheet is a judge's recap (as in ``test_cells.py``): the judge in A1, the header on row 3,
one entry a row from row 4; column B is ``ide`` (0–100), column C ``dampak`` (0–5000).
"""

from __future__ import annotations

import io

import olefile
import pytest

from scoring.rubric import Rubric
from scoring.sheets import safety
from scoring.sheets.grid import CellError, load_book
from tests.sheets.helpers import FOUR_ENTRIES, cells_rubric

from . import corpus
from .helpers import read

ENTRIES = FOUR_ENTRIES


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return cells_rubric()


def recap() -> corpus.Sheet:
    """Ani's idea is 85.5% (kept as 0.855, shown "0.0%"); Citra's impact is #DIV/0!."""
    sheet = corpus.Sheet("Nilai").put("A1", "Nama Juri: Siti Aminah")
    sheet.put("A3", "Nama Peserta", "Kebaruan ide", "Dampak bagi warga")
    sheet.put("A4", "Ani Rahayu", 0.855, 100)
    sheet.put("A5", "Bayu Pratama", 70, 700)
    sheet.put("A6", "Citra Lestari", 50)
    sheet.put("A7", "Dodi Hermawan", 50, 100)
    sheet.formats["B4"] = "0.0%"
    sheet.cells["C6"] = corpus.ErrorValue("#DIV/0!")
    return sheet


# B4: 0.855 shown as a percentage on a 0-100 scale means 85.5 (0.855 × 100); C6 is no score
EXPECTED = {"B4": 85.5, "C4": 100.0, "B5": 70.0, "C5": 700.0, "B6": 50.0, "B7": 50.0,
            "C7": 100.0}


def scores(frame) -> dict[str, float]:
    return dict(zip(frame.source_cell, frame.score, strict=True))


def test_a_small_xls_lives_in_the_mini_stream() -> None:
    data = corpus.to_small_xls([recap()])
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        size = ole.get_size("Workbook")
        assert size < ole.minisectorcutoff == 4096  # so its sectors are mini sectors
    assert size == len(corpus.xls_stream([recap()]))
    assert safety.cfb_stream(data, "Workbook", safety.MB) == corpus.xls_stream([recap()])
    assert safety.inspect_bytes(data, "kecil.xls") == safety.Inspection("xls")


@pytest.mark.parametrize("build", [corpus.to_small_xls, corpus.to_xls])
def test_an_xls_is_read_whether_its_workbook_is_small_or_not(build, rubric: Rubric) -> None:
    frame, problems = read(build([recap()]), rubric, ENTRIES, "kecil.xls")
    assert scores(frame) == EXPECTED
    assert sorted((p.severity, p.code, p.cell) for p in problems) == [
        ("error", "cell.error_value", "C6"), ("warning", "cell.percent_scaled", "B4")]


def test_what_xlrd_adds_to_the_grid() -> None:
    sheet = recap()
    sheet.cells["C5"] = corpus.Formula("=B5*10", corpus.ErrorValue("#N/A"))
    book, problems = load_book(corpus.to_small_xls([sheet]), "kecil.xls", "xls")
    assert problems == [] and book is not None
    [grid] = book.grids
    assert grid.value(6, 3) == CellError("#DIV/0!")  # saved in the cell
    assert grid.value(5, 3) == CellError("#N/A")     # a formula's saved result
    assert grid.formats == {(4, 2): "0.0%"}          # the other numbers are General
    assert (grid.hidden_rows, grid.hidden_columns) == (frozenset(), frozenset())


def test_an_xls_keeps_its_hidden_rows_and_columns(rubric: Rubric) -> None:
    sheet = recap()
    sheet.hidden_rows.add(5)
    sheet.hidden_columns.add("C")
    book, _ = load_book(corpus.to_xls([sheet]), "c.xls", "xls")
    assert book is not None
    assert (book.grids[0].hidden_rows, book.grids[0].hidden_columns) == ({5}, {3})
    frame, problems = read(corpus.to_xls([sheet]), rubric, ENTRIES, "c.xls")
    hidden = [p for p in problems if p.code == "cell.hidden"]
    # hidden: row 5 (B5, C5) and column C (C4 to C7, C6 being the error)
    assert [(p.severity, p.cell, p.params["rows"], p.params["columns"]) for p in hidden] == [
        ("warning", "B4:C7", "5", "C")]
    assert scores(frame) == EXPECTED


def test_a_password_on_a_small_xls_is_found() -> None:
    """A FILEPASS record in a workbook stream of the mini stream (the old hand-written reader
    did not look there)."""
    data = corpus.ole2_mini({"Workbook": corpus.biff((0x002F, b"\x01\x00" + b"\0" * 52))})
    assert [p.code for p in safety.check_bytes(data, "rahasia.xls")] == ["safety.encrypted"]


def test_an_xls_cut_at_a_sector_boundary_is_truncated() -> None:
    data = corpus.to_xls([corpus.recap()])
    assert (len(data) - 512) % 512 == 0
    cut = data[:len(data) - 512]  # the header and every sector whole: the stream is short
    assert [p.code for p in safety.check_bytes(cut, "nilai.xls")] == ["safety.truncated"]


def test_an_ole2_file_of_other_streams_is_not_a_spreadsheet() -> None:
    [problem] = safety.check_bytes(corpus.ole2({"PowerPoint Document": b"\0" * 10}), "a.xls")
    assert (problem.code, problem.params["detected_en"]) == (
        "safety.not_a_spreadsheet", "a PowerPoint 97-2003 file (.ppt)")
    [problem] = safety.check_bytes(corpus.ole2_mini({"Catatan": b"halo"}), "a.xls")
    assert problem.params["detected_en"] == "an Office 97-2003 file that is not a spreadsheet"
