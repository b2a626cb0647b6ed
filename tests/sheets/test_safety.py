"""Hostile and broken uploads are refused before a parser sees them, with bounded memory.

Every hostile file is built in ``corpus.py`` from readable parts (hand-written XML, a small
OLE2 writer, byte patches of a ZIP's directory), never stored as an opaque blob. Memory is
measured with tracemalloc (the peak of Python allocations during the check), not time.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from dataclasses import FrozenInstanceError

import openpyxl
import pytest
from defusedxml import DefusedXmlException

from scoring.sheets.safety import (
    CHUNK,
    DEFAULT_LIMITS,
    MB,
    Limits,
    MemberError,
    check_bytes,
    check_cell_text,
    check_shape,
    detect_kind,
    inspect_bytes,
    iter_member,
    read_member,
    xml_defences_in_effect,
)

from .corpus import (
    MAIN,
    XXE,
    biff,
    billion_laughs,
    central_entry,
    docx,
    encrypted_xls,
    encrypted_xlsx,
    ole2,
    openpyxl_workbook,
    overlapping_zip,
    patched,
    peak_memory,
    sheet_xml,
    zip_of,
)
from .corpus import ods_by_hand as ods
from .corpus import xlsx_by_hand as xlsx


def codes(data: bytes, filename: str = "nilai.xlsx", limits: Limits = DEFAULT_LIMITS
          ) -> list[str]:
    return [p.code for p in check_bytes(data, filename, limits)]


# --- files that are fine --------------------------------------------------------------------


def test_a_workbook_from_openpyxl_passes() -> None:
    result = inspect_bytes(openpyxl_workbook(sheets=3), "nilai juri 1.xlsx")
    assert (result.kind, result.problems, result.ok) == ("xlsx", (), True)
    assert result.sheets == ("Sheet", "Juri 2", "Juri 3")
    assert result.sheet_count == 3


def test_the_hand_made_workbook_passes_and_parsers_read_it() -> None:
    data = xlsx()
    assert inspect_bytes(data, "nilai.xlsx").problems == ()
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["Dinkes", 85]]


def test_an_ods_passes_and_its_tables_are_counted() -> None:
    result = inspect_bytes(ods(tables=3), "nilai.ods")
    assert (result.kind, result.problems, result.sheet_count) == ("ods", (), 3)


def test_csv_passes() -> None:
    result = inspect_bytes(b"Peserta;Langkah 1\nDinkes;85,5\n", "rekap.csv")
    assert (result.kind, result.problems) == ("csv", ())
    utf16 = "Peserta\tNilai\nKali Baros\t90\n".encode("utf-16")
    assert inspect_bytes(utf16, "rekap.txt").kind == "csv"


def test_xls_is_recognised() -> None:
    data = ole2({"Workbook": biff((0x0085, b"\0" * 10))})
    result = inspect_bytes(data, "nilai.xls")
    assert (result.kind, result.problems) == ("xls", ())


def test_a_file_named_for_another_kind_is_read_as_what_it_is() -> None:
    result = inspect_bytes(openpyxl_workbook(), "nilai.csv")
    assert result.kind == "xlsx"
    [problem] = result.problems
    assert (problem.severity, problem.code) == ("warning", "safety.wrong_extension")
    assert problem.message("en") == (
        "The file name ends in .csv but the file is Excel .xlsx; it is read as Excel .xlsx. "
        "Check that this is the intended file.")
    text = inspect_bytes(b"a,b\n1,2\n", "nilai.xlsx")
    assert (text.kind, [p.code for p in text.problems]) == ("csv", ["safety.wrong_extension"])
    assert text.ok


# --- size -----------------------------------------------------------------------------------


def test_empty() -> None:
    assert codes(b"") == ["safety.empty"]


def test_too_large_is_refused_without_copying() -> None:
    data = b"a," * (10 * MB + 1)
    [problem], peak = peak_memory(lambda: check_bytes(data, "besar.csv"))
    assert problem.code == "safety.too_large"
    assert problem.params["size_en"] == "20.0 MB"
    assert problem.params["limit_id"] == "20,0 MB"
    assert peak < 1 * MB
    assert codes(b"x" * 1001, "a.csv", Limits(max_file_bytes=1000)) == ["safety.too_large"]


def test_limits_are_validated_and_frozen() -> None:
    with pytest.raises(ValueError, match="max_rows"):
        Limits(max_rows=0)
    with pytest.raises(FrozenInstanceError):
        DEFAULT_LIMITS.max_rows = 5  # type: ignore[misc]
    assert Limits(max_sheets=20).max_sheets == 20
    assert (DEFAULT_LIMITS.max_file_bytes, DEFAULT_LIMITS.max_uncompressed_bytes,
            DEFAULT_LIMITS.max_ratio, DEFAULT_LIMITS.max_members, DEFAULT_LIMITS.max_sheets,
            DEFAULT_LIMITS.max_rows, DEFAULT_LIMITS.max_columns,
            DEFAULT_LIMITS.max_cell_chars) == (
        20 * MB, 200 * MB, 100.0, 10_000, 200, 100_000, 500, 32_767)


def test_limits_are_settings_in_the_environment(caplog: pytest.LogCaptureFixture) -> None:
    environ = {"JURI_LIMIT_MAX_ROWS": "250000", "JURI_LIMIT_MAX_RATIO": "50.5",
               "JURI_LIMIT_MAX_SHEETS": "banyak", "JURI_LIMIT_MAX_COLUMNS": "-3",
               "JURI_LIMIT_MAX_MEMBERS": " "}
    limits = Limits.from_environ(environ)
    assert (limits.max_rows, limits.max_ratio) == (250_000, 50.5)
    # a setting that is not a positive number is ignored (and logged), never fatal
    assert (limits.max_sheets, limits.max_columns, limits.max_members) == (200, 500, 10_000)
    assert "JURI_LIMIT_MAX_SHEETS" in caplog.text and "JURI_LIMIT_MAX_COLUMNS" in caplog.text
    assert Limits.from_environ({}) == Limits()


# --- zip bombs and lying archives -----------------------------------------------------------


def test_a_high_ratio_member_is_refused_before_decompressing() -> None:
    data = xlsx({"Nilai": b"<" + b" " * (16 * MB)})
    [problem], peak = peak_memory(lambda: check_bytes(data, "bom.xlsx"))
    assert problem.code == "safety.zip_bomb"
    assert problem.params["member"] == "xl/worksheets/sheet1.xml"
    assert problem.params["ratio"] > 100
    assert peak < 2 * MB


def test_a_declared_size_of_gigabytes_is_refused() -> None:
    data = patched(xlsx(), "xl/worksheets/sheet1.xml", file_size=4_000_000_000)
    found, peak = peak_memory(lambda: codes(data))
    assert found == ["safety.zip_bomb", "safety.uncompressed_too_large"]
    assert peak < 1 * MB


def test_a_member_larger_than_it_declares_is_stopped_by_the_bounded_reader() -> None:
    # declares 1,000 bytes (no ratio alarm) but inflates to 8 MB
    data = patched(xlsx({"Nilai": b"<" + b" " * (8 * MB)}), "xl/worksheets/sheet1.xml",
                   file_size=1000)
    found, peak = peak_memory(lambda: codes(data))
    assert found == ["safety.size_mismatch"]
    assert peak < 2 * MB


def test_overlapping_members_are_refused() -> None:
    data = overlapping_zip(copies=50, size=200_000)
    found, peak = peak_memory(lambda: codes(data, "bom.xlsx"))
    assert found == ["safety.overlapping_members"]
    assert peak < 2 * MB


def test_too_much_once_unpacked() -> None:
    noise = random.Random(4).randbytes(400_000)  # does not compress: the ratio is ~1
    data = zip_of({f"media/{i}.bin": noise for i in range(3)})
    assert codes(data, "a.xlsx", Limits(max_uncompressed_bytes=1 * MB)) == [
        "safety.uncompressed_too_large"]


def test_too_many_members() -> None:
    data = zip_of({f"x/{i}.xml": b"<a/>" for i in range(10_001)}, zipfile.ZIP_STORED)
    [problem], peak = peak_memory(lambda: check_bytes(data, "banyak.xlsx"))
    assert (problem.code, problem.params["count"], problem.params["limit"]) == (
        "safety.too_many_members", 10_001, 10_000)
    # counted in the raw directory: no ZipInfo object per member was built
    assert peak < 1 * MB


def test_a_lying_member_count_is_not_believed() -> None:
    data = bytearray(zip_of({f"x/{i}.xml": b"<a/>" for i in range(300)}, zipfile.ZIP_STORED))
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 3, 3)  # "3 members"
    assert codes(bytes(data), "a.xlsx", Limits(max_members=100)) == ["safety.too_many_members"]


def test_truncated_zip() -> None:
    data = openpyxl_workbook()
    for cut in (len(data) // 2, len(data) - 10, 30):
        assert codes(data[:cut]) == ["safety.truncated"], cut


def test_damaged_member_data() -> None:
    data = bytearray(xlsx())
    record = central_entry(bytes(data), "xl/worksheets/sheet1.xml")
    local = struct.unpack_from("<L", data, record + 42)[0]
    name_length = struct.unpack_from("<H", data, local + 26)[0]
    data[local + 30 + name_length + 5] ^= 0xFF  # flip bits in the compressed data
    assert codes(bytes(data)) in (["safety.corrupt"], ["safety.truncated"])


def test_zip_level_encryption() -> None:
    data = patched(xlsx(), "xl/worksheets/sheet1.xml", flag_bits=0x1)
    assert codes(data) == ["safety.encrypted"]


# --- OLE2: encrypted workbooks, .xls, other Office files ------------------------------------


def test_a_password_protected_xlsx_is_refused() -> None:
    [problem] = check_bytes(encrypted_xlsx(), "nilai.xlsx")
    assert problem.code == "safety.encrypted"
    assert "kata sandi" in problem.message("id")
    assert "password" in problem.message("en")


def test_a_password_protected_xls_is_refused() -> None:
    assert codes(encrypted_xls(), "nilai.xls") == ["safety.encrypted"]


def test_other_office_files_are_not_spreadsheets() -> None:
    [problem] = check_bytes(ole2({"WordDocument": b"\0" * 100}), "nilai.xls")
    assert problem.code == "safety.not_a_spreadsheet"
    assert problem.params["detected_en"] == "a Word 97-2003 document (.doc)"


def test_a_truncated_ole2_file() -> None:
    data = ole2({"Workbook": biff()})
    assert codes(data[:600], "nilai.xls") == ["safety.truncated"]
    assert codes(data[:100], "nilai.xls") == ["safety.truncated"]


def test_an_ole2_directory_chain_that_loops_is_refused() -> None:
    data = bytearray(ole2({"Workbook": biff()}))
    struct.pack_into("<L", data, 512 + 4 * 1, 1)  # the directory sector points at itself
    assert codes(bytes(data), "nilai.xls") == ["safety.corrupt"]


# --- not spreadsheets -----------------------------------------------------------------------


@pytest.mark.parametrize(("data", "detected"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a PNG image"),
    (b"\xff\xd8\xff\xe0\0\x10JFIF", "a JPEG image"),
    (b"MZ\x90\0\x03\0\0\0", "a Windows program"),
    (random.Random(1).randbytes(5000), "an unknown format"),
    (b"<html><body><table><tr><td>Dinkes</td></tr></table></body></html>",
     "a web page (HTML)"),
    (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
     "an XML Spreadsheet 2003"),
    (docx(), "a Word document (.docx)"),
    (zip_of({"readme.txt": b"hello"}), "a ZIP archive"),
    (zip_of({"mimetype": b"application/vnd.oasis.opendocument.text"}),
     "an OpenDocument file that is not a spreadsheet"),
])
def test_not_a_spreadsheet(data: bytes, detected: str) -> None:
    [problem] = check_bytes(data, "nilai.xlsx")
    assert (problem.code, problem.severity) == ("safety.not_a_spreadsheet", "error")
    assert problem.params["detected_en"] == detected
    assert problem.file == "nilai.xlsx"
    assert detect_kind(data) == "unknown"


# --- XML entities: billion laughs and external entities -------------------------------------


def test_xml_defences_are_in_effect_for_openpyxl() -> None:
    assert xml_defences_in_effect()


@pytest.mark.parametrize("prolog", [billion_laughs(), XXE])
def test_entities_in_a_sheet_are_refused(prolog: str) -> None:
    entity = "&lol9;" if "lol" in prolog else "&xxe;"
    data = xlsx({"Nilai": sheet_xml(entity, prolog)})
    [problem], peak = peak_memory(lambda: check_bytes(data, "lol.xlsx"))
    assert (problem.code, problem.params["member"]) == (
        "safety.xml_entities", "xl/worksheets/sheet1.xml")
    assert peak < 1 * MB


@pytest.mark.parametrize("read_only", [False, True])
@pytest.mark.parametrize("prolog", [billion_laughs(), XXE])
def test_openpyxl_refuses_entities_too(prolog: str, read_only: bool) -> None:
    """Defence in depth: were the check skipped, openpyxl (through defusedxml) still refuses,
    and nothing is expanded."""
    entity = "&lol9;" if "lol" in prolog else "&xxe;"
    data = xlsx({"Nilai": sheet_xml(entity, prolog)})

    def load() -> BaseException | None:
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=read_only)
            list(workbook.active.iter_rows(values_only=True))
        except Exception as exc:  # openpyxl wraps the parser's exception
            return exc
        return None

    raised, peak = peak_memory(load)
    assert raised is not None
    chain = []
    while raised is not None:
        chain.append(raised)
        raised = raised.__cause__ or raised.__context__
    assert any(isinstance(exc, DefusedXmlException) for exc in chain)
    assert peak < 16 * MB


def test_calamine_does_not_expand_entities() -> None:
    python_calamine = pytest.importorskip("python_calamine")
    data = xlsx({"Nilai": sheet_xml("&lol9;", billion_laughs())})
    with pytest.raises(python_calamine.CalamineError):
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        book.get_sheet_by_index(0).to_python()


@pytest.mark.parametrize(("data", "member"), [
    (xlsx(workbook_prolog=billion_laughs(3)), "xl/workbook.xml"),
    (xlsx(types_prolog=XXE), "[Content_Types].xml"),
    (ods(prolog=billion_laughs(3)), "content.xml"),
    (xlsx({"Nilai": sheet_xml("&lol3;", billion_laughs(3)).decode().replace(
        'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")}),
     "xl/worksheets/sheet1.xml"),
    (xlsx(extra={"xl/custom/data.bin": b"<?xml version='1.0'?>" + XXE.encode() + b"<a/>"}),
     "xl/custom/data.bin"),
])
def test_entities_anywhere_are_refused(data: bytes, member: str) -> None:
    found = check_bytes(data, "lol.xlsx")
    assert [(p.code, p.params["member"]) for p in found] == [("safety.xml_entities", member)]


def test_a_dtd_across_a_chunk_boundary_is_found() -> None:
    # "<!DOCTYPE" starts 4 bytes before the end of the first 64 KB of the part
    sheet = ("<" + " " * (CHUNK - 5) + XXE + f'<worksheet xmlns="{MAIN}"/>').encode()
    data = xlsx({"Nilai": sheet})
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    chunks = list(iter_member(data, info))
    assert b"".join(chunks) == sheet
    assert not any(b"<!DOCTYPE" in chunk for chunk in chunks)  # really split
    assert codes(data) == ["safety.xml_entities"]


# --- sheets, rows, columns, parts -----------------------------------------------------------


def test_too_many_sheets() -> None:
    listing = {f"S{i}": sheet_xml() for i in range(201)}
    [problem] = check_bytes(xlsx(listing), "banyak.xlsx")
    assert (problem.code, problem.params["count"], problem.params["limit"]) == (
        "safety.too_many_sheets", 201, 200)
    assert codes(openpyxl_workbook(sheets=5), "a.xlsx", Limits(max_sheets=4)) == [
        "safety.too_many_sheets"]
    assert codes(ods(tables=5), "a.ods", Limits(max_sheets=4)) == ["safety.too_many_sheets"]


def test_declared_dimensions_over_the_limits() -> None:
    rows = check_bytes(xlsx({"Nilai": sheet_xml(dimension="A1:B200000")}), "a.xlsx")
    assert [(p.code, p.sheet, p.params["count"]) for p in rows] == [
        ("safety.too_many_rows", "Nilai", 200_000)]
    columns = check_bytes(xlsx({"Rekap": sheet_xml(dimension="A1:ZZ10")}), "a.xlsx")
    assert [(p.code, p.sheet, p.params["count"]) for p in columns] == [
        ("safety.too_many_columns", "Rekap", 702)]
    assert columns[0].message("en").startswith("The sheet 'Rekap' has too many columns (702;")


def test_a_part_read_whole_has_its_own_limit() -> None:
    # long sheet names: the workbook part outgrows the content types
    listing = {f"Juri {i} " + "x" * 200: sheet_xml() for i in range(10)}
    [problem] = check_bytes(xlsx(listing), "a.xlsx", Limits(max_part_bytes=2000))
    assert (problem.code, problem.params["member"]) == ("safety.part_too_large",
                                                        "xl/workbook.xml")


def test_csv_rows_and_columns() -> None:
    data = "".join(f"Kelurahan {i},80\n" for i in range(11)).encode()
    # 11 lines of 2 fields: over max_rows 10 and over 20 cells (20 // 2 = 10 lines at most)
    assert codes(data, "a.csv", Limits(max_rows=10, max_csv_cells=20)) == [
        "safety.too_many_rows"]
    # within a budget of 22 cells (22 // 2 = 11 lines) the same file passes
    assert codes(data, "a.csv", Limits(max_rows=10, max_csv_cells=22)) == []
    wide = (",".join(["x"] * 6) + "\n").encode()
    assert codes(wide, "a.csv", Limits(max_columns=5)) == ["safety.too_many_columns"]


def test_check_shape_and_cell_text() -> None:
    assert check_shape(100_000, 500) == []
    found = check_shape(100_001, 501, file="a.xlsx", sheet="Nilai")
    assert [(p.code, p.sheet) for p in found] == [("safety.too_many_rows", "Nilai"),
                                                  ("safety.too_many_columns", "Nilai")]
    assert check_cell_text("x" * 32_767) is None
    long = check_cell_text("x" * 32_768, file="a.xlsx", sheet="Nilai", cell="C3")
    assert long is not None
    assert (long.code, long.cell, long.params["length"]) == ("safety.cell_too_long", "C3",
                                                             32_768)


# --- the bounded reader ---------------------------------------------------------------------


def test_the_bounded_reader_reads_in_chunks_and_stops_at_the_limit() -> None:
    payload = b"<" + b"a" * (1 * MB)
    data = zip_of({"x.xml": payload})
    [info] = zipfile.ZipFile(io.BytesIO(data)).infolist()
    chunks = list(iter_member(data, info))
    assert b"".join(chunks) == payload
    assert max(len(c) for c in chunks) <= CHUNK
    assert read_member(data, info, 2 * MB) == payload
    with pytest.raises(MemberError) as refused:
        read_member(data, info, 1000)
    assert refused.value.code == "safety.part_too_large"
    with pytest.raises(MemberError) as stopped:
        b"".join(iter_member(data, info, limit=100_000))
    assert stopped.value.code == "safety.part_too_large"


def test_the_bounded_reader_does_not_trust_declared_sizes() -> None:
    data = patched(zip_of({"x.xml": b"<" + b"a" * (4 * MB)}), "x.xml", file_size=10)
    [info] = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert info.file_size == 10

    def drain() -> str:
        try:
            for _ in iter_member(data, info):
                pass
        except MemberError as exc:
            return exc.code
        return ""

    code, peak = peak_memory(drain)
    assert code == "safety.size_mismatch"
    assert peak < 1 * MB


def test_stored_members_are_read_too() -> None:
    data = zip_of({"x.xml": b"<a/>" * 1000}, zipfile.ZIP_STORED)
    [info] = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert read_member(data, info, 10_000) == b"<a/>" * 1000
