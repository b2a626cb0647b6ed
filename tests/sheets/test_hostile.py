"""Hostile and broken files through the public readers (``read_workbook`` and ``detect``):
each ends in its problem, with nothing read, within bounded memory.

Memory is asserted, not time: the peak of Python allocations (tracemalloc) while the file is
read, and, for the one case where the danger is inside python-calamine (Rust, which
tracemalloc does not see), the process's peak resident memory (``resource``) in a child
process. ``test_safety.py`` tests the checks themselves on the bytes; every file is built in
``corpus.py``.
"""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from scoring.entries import Entries
from scoring.rubric import Rubric
from scoring.sheets import detect, read_workbook, safety
from scoring.sheets.safety import MB, Inspection

from . import corpus
from .corpus import (
    MAIN,
    XXE,
    billion_laughs,
    docx,
    encrypted_xls,
    encrypted_xlsx,
    ods_by_hand,
    ods_zip,
    openpyxl_workbook,
    overlapping_zip,
    patched,
    peak_memory,
    sheet_xml,
    xlsx_by_hand,
)
from .helpers import render

ROOT = Path(__file__).resolve().parents[2]


def sheet_of_rows(rows: int, dimension: str = "A1:B2") -> bytes:
    """A worksheet part of ``rows`` rows of one number each, declaring ``dimension``."""
    body = "".join(f'<row r="{i}"><c r="A{i}"><v>{i % 10}</v></c></row>'
                   for i in range(1, rows + 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
            f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>').encode()


def wide_sheet() -> bytes:
    """A row with a cell in column XFD (16,384), under a dimension that says A1:B1."""
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
            '<dimension ref="A1:B1"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
            'Ani Rahayu</t></is></c><c r="XFD1"><v>5</v></c></row></sheetData></worksheet>'
            ).encode()


def ods_repeated(rows: int, columns: int) -> bytes:
    """An .ods of a few hundred bytes whose one row of ``columns`` values is repeated
    ``rows`` times: python-calamine would build every cell."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {corpus.ODS_NS}><office:body><office:spreadsheet>"
        f'<table:table table:name="Nilai"><table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="float"'
        ' office:value="8"><text:p>8</text:p></table:table-cell></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>")
    return ods_zip(content)


HOSTILE: dict[str, tuple[Callable[[], bytes], str, list[str], int]] = {
    # name: (builder, file name, the problems' codes, peak memory allowed while reading)
    "zip bomb (ratio)": (lambda: xlsx_by_hand({"Nilai": b"<" + b" " * (16 * MB)}),
                         "bom.xlsx", ["safety.zip_bomb"], 2 * MB),
    "zip bomb (declared size)": (
        lambda: patched(xlsx_by_hand(), "xl/worksheets/sheet1.xml", file_size=4_000_000_000),
        "bom.xlsx", ["safety.zip_bomb", "safety.uncompressed_too_large"], 1 * MB),
    "zip bomb (size that lies)": (
        lambda: patched(xlsx_by_hand({"Nilai": b"<" + b" " * (8 * MB)}),
                        "xl/worksheets/sheet1.xml", file_size=1000),
        "bom.xlsx", ["safety.size_mismatch"], 2 * MB),
    "zip bomb (overlapping)": (lambda: overlapping_zip(copies=50, size=200_000), "bom.xlsx",
                               ["safety.overlapping_members"], 2 * MB),
    "billion laughs": (lambda: xlsx_by_hand({"Nilai": sheet_xml("&lol9;", billion_laughs())}),
                       "lol.xlsx", ["safety.xml_entities"], 1 * MB),
    "external entity": (lambda: xlsx_by_hand({"Nilai": sheet_xml("&xxe;", XXE)}), "xxe.xlsx",
                        ["safety.xml_entities"], 1 * MB),
    "entities in an ods": (lambda: ods_by_hand(prolog=billion_laughs(3)), "lol.ods",
                           ["safety.xml_entities"], 1 * MB),
    "password-protected xlsx": (encrypted_xlsx, "rahasia.xlsx", ["safety.encrypted"], 1 * MB),
    "password-protected xls": (encrypted_xls, "rahasia.xls", ["safety.encrypted"], 1 * MB),
    "zip-encrypted xlsx": (
        lambda: patched(xlsx_by_hand(), "xl/worksheets/sheet1.xml", flag_bits=0x1),
        "rahasia.xlsx", ["safety.encrypted"], 1 * MB),
    "pdf renamed .xlsx": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "nilai.xlsx",
                          ["safety.not_a_spreadsheet"], 1 * MB),
    "png renamed .xlsx": (lambda: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "nilai.xlsx",
                          ["safety.not_a_spreadsheet"], 1 * MB),
    "docx renamed .xlsx": (docx, "nilai.xlsx", ["safety.not_a_spreadsheet"], 1 * MB),
    "web page renamed .xls": (lambda: b"<html><body><table><tr><td>8</td></tr></table>",
                              "nilai.xls", ["safety.not_a_spreadsheet"], 1 * MB),
    "truncated xlsx": (lambda: (lambda d: d[:len(d) // 2])(openpyxl_workbook()),
                       "nilai.xlsx", ["safety.truncated"], 1 * MB),
    "truncated xls": (lambda: corpus.to_xls([corpus.recap()])[:600], "nilai.xls",
                      ["safety.truncated"], 1 * MB),
    "truncated ods": (lambda: (lambda d: d[:len(d) - 40])(corpus.to_ods([corpus.recap()])),
                      "nilai.ods", ["safety.truncated"], 1 * MB),
    "a million rows (declared)": (
        lambda: xlsx_by_hand({"Nilai": sheet_xml(dimension="A1:B1000000")}), "a.xlsx",
        ["safety.too_many_rows"], 1 * MB),
    "a million rows (not declared)": (lambda: xlsx_by_hand({"Nilai": sheet_of_rows(1_000_000)}),
                                      "a.xlsx", ["safety.too_many_rows"], 2 * MB),
    "a million rows in a csv": (lambda: b"Ani Rahayu;8\n" * 1_000_001, "a.csv",
                                ["safety.too_many_rows"], 1 * MB),
    "a million rows in an ods": (lambda: ods_repeated(1_048_576, 1), "a.ods",
                                 ["safety.too_many_rows"], 1 * MB),
    "16,384 columns (declared)": (
        lambda: xlsx_by_hand({"Nilai": sheet_xml(dimension="A1:XFD1")}), "a.xlsx",
        ["safety.too_many_columns"], 1 * MB),
    "16,384 columns (not declared)": (lambda: xlsx_by_hand({"Nilai": wide_sheet()}), "a.xlsx",
                                      ["safety.too_many_columns"], 1 * MB),
    "16,384 columns in a csv": (lambda: (";".join(["8"] * 16_384) + "\n").encode(), "a.csv",
                                ["safety.too_many_columns"], 1 * MB),
    "16,384 columns in an ods": (lambda: ods_repeated(1, 16_384), "a.ods",
                                 ["safety.too_many_columns"], 1 * MB),
    "a million rows of 20 values in an ods": (
        lambda: ods_repeated(1_048_576, 20), "a.ods",
        ["safety.too_many_rows", "layout.sheet_too_large"], 1 * MB),
    "thousands of sheets": (lambda: xlsx_by_hand({f"S{i}": sheet_xml() for i in range(5000)}),
                            "a.xlsx", ["safety.too_many_sheets"], 16 * MB),
    "thousands of sheets in an ods": (lambda: ods_by_hand(tables=5000), "a.ods",
                                      ["safety.too_many_sheets"], 2 * MB),
}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return {}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_hostile_file_yields_its_problem_within_memory(
        name: str, poster: Rubric, poster_entries: Entries, files: dict[str, bytes]) -> None:
    build, filename, codes, bound = HOSTILE[name]
    data = files.setdefault(name, build())
    (frame, problems), peak = peak_memory(
        lambda: read_workbook(data, filename, poster, poster_entries))
    render(problems)
    assert [p.code for p in problems] == codes
    assert all(p.severity == "error" and p.file == filename for p in problems)
    assert frame.empty
    assert peak < bound, f"{peak / MB:.1f} MB"


@pytest.mark.parametrize("name", [n for n in HOSTILE if "not declared" not in n])
def test_the_app_is_told_the_file_is_refused(name: str, poster: Rubric,
                                            poster_entries: Entries,
                                            files: dict[str, bytes]) -> None:
    build, filename, codes, bound = HOSTILE[name]
    data = files.setdefault(name, build())
    found, peak = peak_memory(lambda: detect(data, filename, poster, poster_entries))
    assert found.layout == "refused"
    assert [p.code for p in found.problems] == codes
    assert found.table.empty and not found.needs_confirmation
    assert peak < bound


def test_sheet_limits_name_the_sheet(poster: Rubric, poster_entries: Entries,
                                     files: dict[str, bytes]) -> None:
    name = "a million rows (not declared)"
    data = files.setdefault(name, HOSTILE[name][0]())
    _, problems = read_workbook(data, "a.xlsx", poster, poster_entries)
    [problem] = problems
    assert (problem.sheet, problem.params["count"], problem.params["limit"]) == (
        "Nilai", 1_000_000, 100_000)
    assert problem.message("en").startswith("The sheet 'Nilai' has too many rows (1000000;")


def test_an_ods_bomb_never_reaches_calamine(poster: Rubric, poster_entries: Entries,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import python_calamine

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("python-calamine was given the file")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", refuse)
    _, problems = read_workbook(ods_repeated(1_048_576, 20), "a.ods", poster, poster_entries)
    assert [p.code for p in problems] == ["safety.too_many_rows", "layout.sheet_too_large"]
    assert problems[1].params["count"] == 1_048_576 * 20


def test_an_ods_bomb_costs_no_memory_in_calamine_either() -> None:
    """The process's peak resident memory, in a child process, while reading a 500-byte .ods
    that would make calamine build 20 million cells (over a gigabyte before the fix)."""
    script = textwrap.dedent("""
        import resource, sys
        from tests.sheets.conftest import ROOT
        from tests.sheets.test_hostile import ods_repeated
        from scoring.entries import load_entries
        from scoring.rubric import load_rubric
        from scoring.sheets import read_workbook
        rubric = load_rubric(ROOT / "rubrics" / "budaya_kerja_tulta.yaml")
        entries = load_entries(ROOT / "data" / "entries_pekalongan_sample.csv")
        read_workbook(ods_repeated(10, 10), "warm.ods", rubric, entries)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        _, problems = read_workbook(ods_repeated(1_048_576, 20), "a.ods", rubric, entries)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(after - before, [p.code for p in problems])
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)
    grown_kb, codes = done.stdout.split(" ", 1)
    assert codes.strip() == "['safety.too_many_rows', 'layout.sheet_too_large']"
    assert int(grown_kb) < 50 * 1024  # kilobytes on Linux


# --- XML entities with the pre-parse check out of the way: defusedxml still refuses --------


@pytest.mark.parametrize("name", ["billion laughs", "external entity", "entities in an ods"])
def test_entities_are_refused_by_the_parsers_too(name: str, poster: Rubric,
                                                 poster_entries: Entries,
                                                 files: dict[str, bytes],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: were the check before parsing skipped, defusedxml (openpyxl) and the
    .ods scan refuse the DTD; nothing is expanded and no file is read."""
    build, filename, _, _ = HOSTILE[name]
    data = files.setdefault(name, build())
    assert safety.xml_defences_in_effect()
    kind = "ods" if filename.endswith(".ods") else "xlsx"
    monkeypatch.setattr(safety, "inspect_bytes", lambda *a, **k: Inspection(kind))
    (frame, problems), peak = peak_memory(
        lambda: read_workbook(data, filename, poster, poster_entries))
    assert [p.code for p in problems] == ["file.unreadable"]
    assert frame.empty
    assert "root:" not in problems[0].message("en")
    assert peak < 16 * MB


# --- absurd cell contents -------------------------------------------------------------------


def inline_sheet(rows: list[list[object]]) -> bytes:
    """A worksheet part written by hand, texts as inline strings (no writer truncates them)."""
    from xml.sax.saxutils import escape

    from openpyxl.utils import get_column_letter

    out = []
    for r, values in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(values, start=1):
            ref = f"{get_column_letter(c)}{r}"
            if isinstance(value, str):
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
            elif value is not None:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
            f'{"".join(out)}</sheetData></worksheet>').encode()


HEADER = ["No", "Nama Peserta", "Kebaruan Ide", "Desain Visual", "Dampak bagi warga",
          "Kerapian", "Catatan " + "y" * 100_000]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_100_kb_strings(kind: str, poster: Rubric, poster_entries: Entries) -> None:
    rows = [["Nama Juri", "Siti Aminah"], [], HEADER,
            [1, "Ani Rahayu " + "x" * 100_000, 8, 7.5, 9, 4],
            [2, "Bayu Pratama", "8" * 100_000, 6, 7, 3]]
    if kind == "xlsx":
        data = xlsx_by_hand({"Nilai": inline_sheet(rows)})
    else:
        sheet = corpus.Sheet("x")
        for r, values in enumerate(rows, start=1):
            sheet.put(f"A{r}", *values)
        data = corpus.to_csv(sheet, separator=";")
    (frame, problems), peak = peak_memory(
        lambda: read_workbook(data, f"c.{kind}", poster, poster_entries))
    render(problems)
    assert [(p.code, p.cell) for p in problems] == [
        ("safety.cell_too_long", "B4"),       # the name: more than Excel allows in a cell
        ("match.entry_none", "B4:F4"),        # and so no entry: its scores are not read
        ("score.not_a_number", "C5"),         # a 100 kB "number"
    ]
    assert problems[0].params["length"] == 100_011
    # messages quote a little of the cell, never all of it
    assert all(len(p.message("id")) < 600 and len(p.message("en")) < 600 for p in problems)
    assert problems[1].params["name"].endswith("…")
    assert sorted(frame.source_cell) == ["D5", "E5", "F5"]
    assert peak < 8 * MB


def test_control_characters(poster: Rubric, poster_entries: Entries) -> None:
    # Excel writes a control character as _x0007_ in the XML; in a CSV it is the byte itself
    rows = [["Nama Juri", "Siti_x0007_ Aminah"], [], HEADER[:6],
            [1, "Ani_x0007_ Rahayu", 8, 7.5, 9, 4], [2, "Bayu\tPratama_x001B_", 6, 6, 7, 3]]
    xlsx = xlsx_by_hand({"Nilai": inline_sheet(rows)})
    sheet = corpus.Sheet("x")
    for r, values in enumerate(rows, start=1):
        sheet.put(f"A{r}", *[v.replace("_x0007_", "\x07").replace("_x001B_", "\x1b")
                             if isinstance(v, str) else v for v in values])
    csv = corpus.to_csv(sheet, separator=";")
    assert b"\x07" in csv
    for data, filename in ((xlsx, "c.xlsx"), (csv, "c.csv")):
        frame, problems = read_workbook(data, filename, poster, poster_entries)
        render(problems)
        assert [(p.severity, p.code, p.cell) for p in problems] == [
            ("warning", "cell.control_characters", "B4"),
            ("warning", "cell.control_characters", "B5")], filename
        assert problems[0].params["value"] == "Ani Rahayu"
        # the names are read without them, and matched; the judge too
        assert sorted(set(frame.entry_id)) == ["p-ani", "p-bayu"]
        assert set(frame.judge_id) == {"Siti Aminah"}
        assert len(frame) == 8


def test_rows_cells_and_formulas_are_counted_from_the_stream() -> None:
    """The count that refuses a sheet before openpyxl builds it: exact across the 64 KB
    chunks of the stream, with and without a namespace prefix on the tags."""
    from scoring.sheets.grid import scan_xlsx

    plain = sheet_of_rows(30_000)  # about 1.3 MB of XML: many chunks
    assert len(plain) > 20 * safety.CHUNK
    prefixed = (plain.replace(b"<row", b"<x:row").replace(b"<c ", b"<x:c ")
                .replace(b"<worksheet xmlns=", b"<x:worksheet xmlns:x="))
    formulas = plain.replace(b"<v>", b"<f>1+1</f><v>")
    for part, rows, cells, count_f in ((plain, 30_000, 30_000, 0),
                                       (prefixed, 30_000, 30_000, 0),
                                       (formulas, 30_000, 30_000, 30_000)):
        [(name, count)] = scan_xlsx(xlsx_by_hand({"Nilai": part})).items()
        assert (name, count.rows, count.cells, count.formulas) == ("Nilai", rows, cells,
                                                                    count_f)


def test_an_ods_hiding_the_rest_of_the_sheet_costs_nothing(poster: Rubric,
                                                           poster_entries: Entries) -> None:
    """LibreOffice hides "to the end" as one run of a million rows (and a thousand columns):
    the hidden rows are kept as far as the data goes, not spread over the million."""
    data = corpus.to_ods(corpus.judges_workbook()[:1])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml").decode()
    content = content.replace('<table:table-row table:number-rows-repeated=',
                              '<table:table-row table:visibility="collapse" '
                              'table:number-rows-repeated=').replace(
        '<table:table-column table:number-columns-repeated="1000"/>',
        '<table:table-column table:visibility="collapse" '
        'table:number-columns-repeated="1000"/>')
    hidden = ods_zip(content)
    (frame, problems), peak = peak_memory(
        lambda: read_workbook(hidden, "s.ods", poster, poster_entries))
    assert problems == []
    assert len(frame) == 14
    assert peak < 4 * MB


def test_an_xls_whose_sheets_all_point_at_one_place_is_walked_once() -> None:
    """The error values of an .xls are read from its records; a directory listing the same
    sheet thousands of times costs one walk, in bounded memory."""
    import struct

    from scoring.sheets.grid import biff_errors

    sheet = corpus.Sheet("Nilai").put("A1", "Ani Rahayu")
    sheet.cells["B1"] = corpus.ErrorValue("#DIV/0!")
    data = corpus.to_xls([sheet])
    assert biff_errors(data) == {"Nilai": {(1, 2): "#DIV/0!"}}
    stream = safety.cfb_stream(data, "Workbook", 10 * MB)
    assert stream is not None
    position = stream.find(struct.pack("<H", 0x0085))
    length = struct.unpack_from("<H", stream, position + 2)[0]
    boundsheet = stream[position:position + 4 + length]
    many = stream[:position] + boundsheet * 2000 + stream[position + 4 + length:]
    # the sheet's own offset moved: it is where the first BOUNDSHEET was, plus the copies
    offset = struct.unpack_from("<L", boundsheet, 4)[0] + len(boundsheet) * 1999
    many = many.replace(boundsheet, boundsheet[:4] + struct.pack("<L", offset)
                        + boundsheet[8:])
    hostile = corpus.ole2({"Workbook": many})
    found, peak = peak_memory(lambda: biff_errors(hostile))
    assert found == {"Nilai": {(1, 2): "#DIV/0!"}}
    assert peak < 2 * MB
