"""Each layout judges really make, read from the corpus into exactly the expected score table.

The expected rows are written out here by hand (entry, criterion, score and the cell each
score is in), from the description of each sheet in ``corpus.py``; none is copied from what
the reader returns. Every column of the score table is checked.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from scoring.entries import Entries
from scoring.rubric import Rubric
from scoring.sheets import detect

from . import corpus
from .helpers import TULTA_CRITERIA, read

COLUMNS = ["entry_id", "category", "judge_id", "criterion_id", "score", "source_file",
           "source_sheet", "source_cell"]


def table(frame) -> list[tuple]:
    """The score table as sorted tuples of every column (order is not part of the promise)."""
    assert list(frame.columns) == COLUMNS
    return sorted(tuple(row) for row in frame.itertuples(index=False))


def expected(rows: list[tuple]) -> list[tuple]:
    return sorted(rows)


# --- the recap ------------------------------------------------------------------------------

# Rekap: header on row 6 (group headings merged over it on row 5), criteria in D..U in
# rubric order, names in B, numbers in A, spacer column C, the judge's total in V.
RECAP_ROWS = {
    7: ("opd-disdukcapil", "OPD", [90, *[80] * 17]),            # "Disdukcapil" (an alias)
    8: ("opd-dinkes", "OPD", [75] * 18),                         # "Dinas Kesehatan"
    9: ("opd-rsud-bendan", "OPD", [*[70] * 10, 90, *[70] * 7]),  # tanya jawab 90
    12: ("kel-kali-baros", "KEL", [*[85] * 7, 95, *[85] * 10]),  # "Kel. Kali Baros"; alat 95
    13: ("kel-medono", "KEL", [*[60] * 17, 100]),               # "Medono"; kostum 100
}
RECAP_COLUMNS = "DEFGHIJKLMNOPQRSTU"


def recap_rows(file: str, judge: str = "Dr. Budi Santoso") -> list[tuple]:
    return expected([
        (entry, category, judge, criterion, float(score), file, "Rekap", f"{column}{row}")
        for row, (entry, category, scores) in RECAP_ROWS.items()
        for column, criterion, score in zip(RECAP_COLUMNS, TULTA_CRITERIA, scores, strict=True)])


@pytest.mark.parametrize("kind", ["xlsx", "xlsm", "xls", "ods"])
def test_recap(tulta: Rubric, pekalongan: Entries, kind: str) -> None:
    file = f"rekap_budi.{kind}"
    frame, problems = read(corpus.write([corpus.recap()], kind), tulta, pekalongan, file)
    # the judge's totals in V (80.42, 75, 73, 86.2, 60.9) are the weighted totals: no warning;
    # the weights row below the table, the notes and the signature are not entries
    assert problems == []
    assert table(frame) == recap_rows(file)
    assert len(frame) == 5 * 18


def test_recap_as_detected(tulta: Rubric, pekalongan: Entries) -> None:
    found = detect(corpus.to_xlsx([corpus.recap()]), "rekap.xlsx", tulta, pekalongan)
    [sheet] = found.mapping.sheets
    assert (found.layout, sheet.layout, sheet.header_row) == ("sheets", "recap", 6)
    roles = {c.column: (c.role, c.criterion_id) for c in sheet.columns}
    assert roles["A"] == ("number", None)
    assert roles["B"] == ("entry", None)
    assert roles["V"] == ("total", None)
    assert [roles[c][1] for c in RECAP_COLUMNS] == TULTA_CRITERIA
    assert (sheet.judge.name, sheet.judge.source, sheet.judge.cell) == (
        "Dr. Budi Santoso", "label", "A3")
    # the sub-heading KELURAHAN (B11) is listed as a name matching no entry; it has no
    # scores, so it is neither read nor a problem
    assert [(r.row, r.entry_id) for r in sheet.rows] == sorted(
        [(row, entry) for row, (entry, _, _) in RECAP_ROWS.items()] + [(11, None)])
    assert not found.needs_confirmation


# --- a form per entry -----------------------------------------------------------------------

# Each form: criteria in B from row 9, group rows (Risalah 8, Presentasi 17, Yel-yel 21,
# Fragmen 25) without a score, the score in D, the total on row 30.
FORM_CELLS = ["D9", "D10", "D11", "D12", "D13", "D14", "D15", "D16", "D18", "D19", "D20",
              "D22", "D23", "D24", "D26", "D27", "D28", "D29"]
FORMS = {
    "Dinkes": ("opd-dinkes", "OPD", [*[80] * 7, 90, *[80] * 10]),  # "KBK Dinas Kesehatan"
    "Dishub": ("opd-dishub", "OPD", [70] * 18),                     # "Dinas Perhubungan"
    "Medono": ("kel-medono", "KEL", [*[65] * 10, 85, *[65] * 7]),   # "Kelurahan Medono"
}


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_form_per_entry(tulta: Rubric, pekalongan: Entries, kind: str) -> None:
    file = f"formulir_siti.{kind}"
    frame, problems = read(corpus.write(corpus.forms(), kind), tulta, pekalongan, file)
    # totals 81.2, 70 and 68 are right; the instructions sheet holds no number
    assert problems == []
    assert table(frame) == expected([
        (entry, category, "Siti Aminah", criterion, float(score), file, sheet, cell)
        for sheet, (entry, category, scores) in FORMS.items()
        for cell, criterion, score in zip(FORM_CELLS, TULTA_CRITERIA, scores, strict=True)])


def test_forms_stacked_on_one_sheet(tulta: Rubric, pekalongan: Entries) -> None:
    frame, problems = read(corpus.to_xlsx([corpus.stacked_forms()]), tulta, pekalongan,
                           "f.xlsx")
    assert problems == []
    second = [f"D{int(cell[1:]) + 34}" for cell in FORM_CELLS]  # the second form: 34 rows down
    assert table(frame) == expected([
        *[("opd-dishub", "OPD", "Siti Aminah", criterion, 70.0, "f.xlsx", "Formulir", cell)
          for cell, criterion in zip(FORM_CELLS, TULTA_CRITERIA, strict=True)],
        *[("kel-medono", "KEL", "Siti Aminah", criterion,
           85.0 if criterion == "tanya_jawab" else 65.0, "f.xlsx", "Formulir", cell)
          for cell, criterion in zip(second, TULTA_CRITERIA, strict=True)],
    ])


def test_forms_as_detected(tulta: Rubric, pekalongan: Entries) -> None:
    found = detect(corpus.to_xlsx(corpus.forms()), "f.xlsx", tulta, pekalongan)
    assert [(s.sheet, s.layout) for s in found.mapping.sheets] == [
        ("Dinkes", "form"), ("Dishub", "form"), ("Medono", "form")]
    dinkes = found.mapping.sheets[0]
    assert {c.role: c.column for c in dinkes.columns} == {"criterion": "B", "score": "D"}
    [block] = dinkes.blocks
    assert (block.entry_id, block.text, block.cell, block.total_row) == (
        "opd-dinkes", "KBK Dinas Kesehatan", "C3", 30)


# --- long format ----------------------------------------------------------------------------

LONG = [
    # judge, entry, criterion, score, cell: rows 2..15 of the sheet "Data"
    ("Siti Aminah", "p-ani", "PELAJAR", "ide", 8.0, "D2"),
    ("Siti Aminah", "p-ani", "PELAJAR", "desain", 7.5, "D3"),
    ("Siti Aminah", "p-ani", "PELAJAR", "dampak", 9.0, "D4"),
    ("Siti Aminah", "p-ani", "PELAJAR", "kerapian", 4.0, "D5"),
    ("Siti Aminah", "u-citra", "UMUM", "ide", 6.0, "D6"),
    ("Siti Aminah", "u-citra", "UMUM", "desain", 6.5, "D7"),
    ("Siti Aminah", "u-citra", "UMUM", "dampak", 7.0, "D8"),
    ("Budi Santoso", "p-ani", "PELAJAR", "ide", 7.0, "D9"),
    ("Budi Santoso", "p-ani", "PELAJAR", "desain", 8.0, "D10"),
    ("Budi Santoso", "p-ani", "PELAJAR", "dampak", 8.5, "D11"),
    ("Budi Santoso", "p-ani", "PELAJAR", "kerapian", 5.0, "D12"),
    ("Budi Santoso", "u-citra", "UMUM", "ide", 9.0, "D13"),
    ("Budi Santoso", "u-citra", "UMUM", "desain", 8.0, "D14"),
    ("Budi Santoso", "u-citra", "UMUM", "dampak", 7.5, "D15"),
]


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_long_format_with_a_judge_column(poster: Rubric, poster_entries: Entries,
                                         kind: str) -> None:
    file = f"nilai.{kind}"
    frame, problems = read(corpus.write([corpus.long_table()], kind), poster, poster_entries,
                           file)
    # every row names its judge: the file's name is not used, and nothing is said about it
    assert problems == []
    assert table(frame) == expected([
        (entry, category, judge, criterion, score, file, "Data", cell)
        for judge, entry, category, criterion, score, cell in LONG])


def test_long_format_without_a_judge_column(poster: Rubric, poster_entries: Entries) -> None:
    sheet = corpus.Sheet("Data").put("A1", "Peserta", "Aspek", "Skor")
    sheet.put("A2", "Ani Rahayu", "Kebaruan ide", 8).put("A3", "Ani Rahayu", "Kerapian", 4)
    frame, problems = read(corpus.to_xlsx([sheet]), poster, poster_entries, "juri_3.xlsx")
    assert [(p.code, p.sheet, p.params["judge"]) for p in problems] == [
        ("layout.judge_from_file", "Data", "juri_3")]
    assert table(frame) == expected([
        ("p-ani", "PELAJAR", "juri_3", "ide", 8.0, "juri_3.xlsx", "Data", "C2"),
        ("p-ani", "PELAJAR", "juri_3", "kerapian", 4.0, "juri_3.xlsx", "Data", "C3")])


# --- several judges in one workbook ---------------------------------------------------------

JUDGES = {
    # sheet: (judge, {row: (entry, category, [ide, desain, dampak, kerapian])}); UMUM entries
    # are not scored on kerapian (F left empty)
    "Siti Aminah": ("Siti Aminah", {4: ("p-ani", "PELAJAR", [8, 7.5, 9, 4]),
                                    5: ("p-bayu", "PELAJAR", [6, 6, 7, 3]),
                                    6: ("u-citra", "UMUM", [6, 6.5, 7]),
                                    7: ("u-dodi", "UMUM", [9, 9, 9.5])}),
    "Juri 2": ("Budi Santoso", {4: ("p-ani", "PELAJAR", [7, 8, 8.5, 5]),
                                5: ("p-bayu", "PELAJAR", [5.5, 7, 6, 2]),
                                6: ("u-citra", "UMUM", [9, 8, 7.5]),
                                7: ("u-dodi", "UMUM", [8, 8.5, 9])}),
}
POSTER_CRITERIA = ["ide", "desain", "dampak", "kerapian"]


def judges_rows(file: str, sheets: dict = JUDGES) -> list[tuple]:
    return expected([
        (entry, category, judge, criterion, float(score), file, sheet, f"{column}{row}")
        for sheet, (judge, rows) in sheets.items()
        for row, (entry, category, scores) in rows.items()
        for column, criterion, score in zip("CDEF", POSTER_CRITERIA, scores, strict=False)])


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_sheet_per_judge(poster: Rubric, poster_entries: Entries, kind: str) -> None:
    from scoring.sheets import judges_in, read_file

    file = f"panel.{kind}"
    data = corpus.write(corpus.judges_workbook(), kind)
    frame, problems = read(data, poster, poster_entries, file)
    assert problems == []
    assert table(frame) == judges_rows(file)
    # the first judge is named by the sheet, the second by the label in A1 ("Penilai: …")
    assert judges_in(read_file(data, file, poster, poster_entries)) == (
        ("Siti Aminah", "Siti Aminah", ""), ("Budi Santoso", "Juri 2", "A1"))


# --- CSV ------------------------------------------------------------------------------------


def test_csv_with_semicolons_and_decimal_commas(poster: Rubric, poster_entries: Entries) -> None:
    data = corpus.poster_csv(separator=";", decimal=",")
    assert b"7,5;9;4" in data and b"Nama Juri;Siti Aminah" in data
    frame, problems = read(data, poster, poster_entries, "siti.csv")
    assert problems == []
    assert table(frame) == judges_rows("siti.csv", {"siti": JUDGES["Siti Aminah"]})


def test_csv_with_commas_and_decimal_points(poster: Rubric, poster_entries: Entries) -> None:
    data = corpus.poster_csv(separator=",", decimal=".", label=False)
    assert b"7.5,9,4" in data
    frame, problems = read(data, poster, poster_entries, "siti_aminah.csv")
    # no name on the sheet: the judge is the file's name, and the reader says so
    assert [(p.code, p.severity, p.params["judge"]) for p in problems] == [
        ("layout.judge_from_file", "warning", "siti_aminah")]
    _, rows = JUDGES["Siti Aminah"]
    assert table(frame) == judges_rows("siti_aminah.csv",
                                       {"siti_aminah": ("siti_aminah", rows)})


def test_csv_in_windows_1252(poster: Rubric, poster_entries: Entries) -> None:
    sheet = corpus.poster_recap("x", {"Ani Rahayu": [8, 7.5, 9, 4]}, label="Juri")
    sheet.put("B1", "Désirée")
    data = corpus.to_csv(sheet, separator=";", decimal=",", encoding="cp1252")
    frame, problems = read(data, poster, poster_entries, "d.csv")
    assert [p.code for p in problems] == ["csv.legacy_encoding"]
    assert set(frame.judge_id) == {"Désirée"}
    assert sorted(frame.source_cell) == ["C4", "D4", "E4", "F4"]


def test_a_subtotal_row_between_two_blocks_does_not_end_the_table(
        poster: Rubric, poster_entries: Entries) -> None:
    # the pupils, their sums (row 6), then the open category: the rows below are not lost
    sheet = corpus.poster_recap("Siti Aminah", {"Ani Rahayu": [8, 7.5, 9, 4],
                                                "Bayu Pratama": [6, 6, 7, 3]})
    sheet.put("B6", "Jumlah", 14, 13.5, 16, 7)
    sheet.put("A7", 3, "Citra Lestari", 6, 6.5, 7).put("A8", 4, "Dodi Hermawan", 9, 9, 9.5)
    sheet.put("B9", "Rata-rata", 7.25, 7.25, 8.1)
    frame, problems = read(corpus.to_xlsx([sheet]), poster, poster_entries, "s.xlsx")
    assert problems == []
    assert table(frame) == expected([
        (entry, category, "Siti Aminah", criterion, float(score), "s.xlsx", "Siti Aminah",
         f"{column}{row}")
        for row, (entry, category, scores) in {
            4: ("p-ani", "PELAJAR", [8, 7.5, 9, 4]), 5: ("p-bayu", "PELAJAR", [6, 6, 7, 3]),
            7: ("u-citra", "UMUM", [6, 6.5, 7]), 8: ("u-dodi", "UMUM", [9, 9, 9.5])}.items()
        for column, criterion, score in zip("CDEF", POSTER_CRITERIA, scores, strict=False)])


def test_a_number_on_a_form_row_naming_no_criterion(tulta: Rubric,
                                                    pekalongan: Entries) -> None:
    sheets = corpus.forms()[:1]
    sheets[0].cells["D17"] = 75  # the "Presentasi" row is a group; row 17 has its name in B
    sheets[0].cells.pop("B17")   # ... now it has none: the 75 is no criterion's score
    frame, problems = read(corpus.to_xlsx(sheets), tulta, pekalongan, "f.xlsx")
    assert [(p.severity, p.code, p.sheet, p.cell, p.params["column"]) for p in problems] == [
        ("warning", "layout.score_without_criterion", "Dinkes", "D17", "B")]
    assert "D17" not in set(frame.source_cell) and len(frame) == 18


def test_a_long_table_whose_names_all_fail_is_still_a_long_table(
        poster: Rubric, poster_entries: Entries) -> None:
    sheet = corpus.Sheet("Data").put("A1", "Peserta", "Kriteria", "Nilai")
    sheet.put("A2", "Anita", "Kebaruan ide", 8).put("A3", "Anita", "Desain visual", 7)
    frame, problems = read(corpus.to_xlsx([sheet]), poster, poster_entries, "juri.xlsx")
    assert [(p.severity, p.code, p.cell) for p in problems] == [
        ("error", "match.entry_none", "A2:C2"), ("error", "match.entry_none", "A3:C3"),
        ("warning", "layout.judge_from_file", "")]
    assert frame.empty


def test_the_xlsm_really_holds_macros_and_they_are_ignored(tulta: Rubric,
                                                           pekalongan: Entries) -> None:
    data = corpus.to_xlsx([corpus.recap()], macros=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert corpus.XLSM_TYPE.encode() in archive.read("[Content_Types].xml")
        assert b"Auto_Open" in archive.read("xl/vbaProject.bin")
    frame, problems = read(data, tulta, pekalongan, "rekap.xlsm")
    assert problems == []
    assert table(frame) == recap_rows("rekap.xlsm")


def test_a_hidden_sheet_is_read_with_a_warning(poster: Rubric, poster_entries: Entries) -> None:
    sheets = corpus.judges_workbook()
    sheets[1].hidden = True
    frame, problems = read(corpus.to_xlsx(sheets), poster, poster_entries, "panel.xlsx")
    assert [(p.severity, p.code, p.sheet) for p in problems] == [
        ("warning", "layout.hidden_sheet", "Juri 2")]
    assert table(frame) == judges_rows("panel.xlsx")
