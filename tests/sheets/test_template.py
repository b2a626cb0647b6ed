"""The judge template: what it looks like, what is locked, and that it reads back exactly."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from openpyxl import load_workbook

from scoring.entries import Entries, Entry
from scoring.problems import ProblemsError
from scoring.rubric import Rubric, parse_rubric
from scoring.sheets import fill_template, template_cells, write_template
from scoring.sheets.template import META_SHEET, read_meta
from scoring.sheets.template_fill import judge_cell

from .helpers import read


def _open(data: bytes):
    return load_workbook(BytesIO(data))


def test_round_trip_gives_back_every_score_from_its_cell(
        tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    cells = template_cells(tulta_template)
    # Every entry has a cell for every criterion of its category, nothing else.
    assert len(cells) == 31 * 18 + 27 * 18 == 1044
    assert cells["opd-disdukcapil", "l1_tema"] == ("OPD", "D10")
    assert cells["opd-disdukcapil", "fr_kostum"] == ("OPD", "U10")
    assert cells["opd-dinarpus", "tanya_jawab"] == ("OPD", "N11")
    assert cells["kel-medono", "l1_tema"] == ("KEL", "D10")
    assert cells["kel-banyurip", "fr_kostum"] == ("KEL", "U36")

    scores = {key: (i * 7) % 101 for i, key in enumerate(sorted(cells))}
    filled = fill_template(tulta_template, scores)
    frame, problems = read(filled, tulta, pekalongan, "budi.xlsx")

    assert problems == []
    assert len(frame) == 1044
    got = {(r.entry_id, r.criterion_id): r.score for r in frame.itertuples()}
    assert got == {key: float(value) for key, value in scores.items()}
    where = {(r.entry_id, r.criterion_id): (r.source_sheet, r.source_cell)
             for r in frame.itertuples()}
    assert where == cells
    assert set(frame["judge_id"]) == {"Dr. Budi Santoso"}
    assert set(frame["source_file"]) == {"budi.xlsx"}
    categories = dict(zip(frame["entry_id"], frame["category"], strict=False))
    assert categories["opd-dinkes"] == "OPD"
    assert categories["kel-tirto"] == "KEL"
    row = frame[(frame.entry_id == "opd-dinarpus") & (frame.criterion_id == "tanya_jawab")]
    assert row.iloc[0].score == scores["opd-dinarpus", "tanya_jawab"]
    assert row.iloc[0].source_cell == "N11"


def test_poster_template_has_only_the_criteria_of_each_category(
        poster_template: bytes) -> None:
    cells = template_cells(poster_template)
    assert sorted(c for (e, c) in cells if e == "u-citra") == ["dampak", "desain", "ide"]
    assert sorted(c for (e, c) in cells if e == "p-ani") == [
        "dampak", "desain", "ide", "kerapian"]
    wb = _open(poster_template)
    assert wb.sheetnames == ["PELAJAR", "UMUM", META_SHEET]
    umum = wb["UMUM"]
    assert [umum.cell(6, c).value for c in range(4, 7)] == [
        "Kebaruan ide", "Desain visual", "Dampak bagi warga"]


def test_only_score_cells_the_comment_cells_and_the_judge_cell_are_unlocked(
        tulta_template: bytes) -> None:
    wb = _open(tulta_template)
    expected = {(sheet, cell) for sheet, cell in template_cells(tulta_template).values()}
    expected.add(judge_cell(tulta_template))
    # the optional comment column: one cell per entry row (31 OPD + 27 KEL = 58), after the
    # judge's total: 18 criteria in D (4th) to U (21st), the total in V, comments in W
    layouts = read_meta(wb).sheets
    comments = {(lay.title, f"{lay.comment_column}{row.row}") for lay in layouts
                for row in lay.rows}
    assert len(comments) == 58 and {lay.comment_column for lay in layouts} == {"W"}
    expected |= comments
    assert judge_cell(tulta_template) == ("OPD", "C3")
    unlocked = set()
    for ws in wb.worksheets:
        assert ws.protection.sheet is True
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row + 5, max_col=ws.max_column + 3):
            for cell in row:
                if not cell.protection.locked:
                    unlocked.add((ws.title, cell.coordinate))
    assert unlocked == expected
    assert wb.security.lockStructure is True


def test_protection_validation_panes_and_print_setup(tulta_template: bytes) -> None:
    wb = _open(tulta_template)
    assert wb[META_SHEET].sheet_state == "veryHidden"
    for title, last_row in (("OPD", 40), ("KEL", 36)):
        ws = wb[title]
        assert ws.sheet_state == "visible"
        assert ws.freeze_panes == "D10"
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.print_title_rows == "$1:$9"
        rules = ws.data_validations.dataValidation
        assert len(rules) == 1  # every criterion here is on 0–100, step 1
        rule = rules[0]
        assert (rule.type, rule.operator, rule.formula1, rule.formula2) == (
            "decimal", "between", "0", "100")
        assert rule.showErrorMessage is True
        assert "Nilai harus angka dari 0 sampai 100" in rule.error
        assert "The score must be a number from 0 to 100" in rule.error
        assert str(rule.sqref).split()[0] == f"D10:D{last_row}"
        covered = {c for rng in rule.sqref.ranges for c in _cells(str(rng))}
        assert covered == {cell for sheet, cell in template_cells(tulta_template).values()
                           if sheet == title}


def _cells(rng: str) -> set[str]:
    match = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", rng)
    assert match and match[1] == match[3]
    return {f"{match[1]}{r}" for r in range(int(match[2]), int(match[4]) + 1)}


def test_poster_validation_follows_each_scale(poster_template: bytes) -> None:
    ws = _open(poster_template)["PELAJAR"]
    rules = {(r.formula1, r.formula2): str(r.sqref) for r in ws.data_validations.dataValidation}
    assert rules == {("1", "10"): "D10:D11 E10:E11 F10:F11", ("1", "5"): "G10:G11"}


def test_headers_show_name_weight_share_and_scale(tulta: Rubric, poster_template: bytes,
                                                  tulta_template: bytes) -> None:
    ws = _open(tulta_template)["OPD"]
    assert ws["A1"].value.startswith("Lomba Budaya Kerja Kota Pekalongan 2026")
    assert ws["A3"].value == "Nama juri / Judge"
    assert ws["C3"].value == "Dr. Budi Santoso"
    assert ws["D6"].value == "Langkah 1: Menentukan tema dan sasaran"
    # 40 % risalah × 70 % steps × 15 % step 1 = 4.2 % of the total
    assert ws["D7"].value == "4,2 %"
    assert ws["K6"].value == "Penggunaan tujuh alat"
    assert ws["K7"].value == "12 %"
    assert ws["S7"].value == "3,75 %"
    assert (ws["D8"].value, ws["D9"].value) == ("0–100", "1")
    assert ws["D5"].value == "Risalah (40 %) › Tujuh langkah TULTA (28 %)"
    comment = ws["K6"].comment.text
    assert "Enam atau tujuh alat dipakai dengan benar" in comment
    assert "Six or seven tools used correctly and linked" in comment
    assert "Lembar periksa, stratifikasi" in comment
    kel = _open(tulta_template)["KEL"]
    assert kel["C3"].value == "=IF('OPD'!$C$3=\"\",\"\",'OPD'!$C$3)"

    umum = _open(poster_template)["UMUM"]
    # points weighting: ide is worth 3 × 10 of the 3 × 10 + 2 × 10 + 3 × 10 = 80 points
    assert [umum[f"{c}7"].value for c in "DEF"] == ["37,5 %", "25 %", "37,5 %"]
    assert [umum[f"{c}8"].value for c in "DEF"] == ["1–10"] * 3
    assert [umum[f"{c}9"].value for c in "DEF"] == ["0,5"] * 3


def test_total_formula_uses_the_effective_weights(tulta: Rubric,
                                                  tulta_template: bytes) -> None:
    ws = _open(tulta_template)["KEL"]
    formula = ws["V12"].value
    assert formula.startswith('=IF(COUNT(D12:U12)=0,"",')
    terms = dict(re.findall(r"N\(([A-Z]+)12\)\*([0-9.e-]+)", formula))
    columns = [chr(ord("D") + i) for i in range(18)]
    weights = tulta.effective_weights("KEL")
    assert {col: float(w) for col, w in terms.items()} == pytest.approx(
        dict(zip(columns, (weights[leaf] for leaf in tulta.leaf_ids_for("KEL")), strict=True)))
    # a judge giving 100 everywhere totals 100
    assert sum(float(w) * 100 for w in terms.values()) == pytest.approx(100)
    assert ws["V12"].protection.locked is True


def test_empty_judge_name_leaves_the_judge_cell_blank_and_unlocked(
        poster: Rubric, poster_entries: Entries) -> None:
    data = write_template(poster, poster_entries)
    ws = _open(data)["PELAJAR"]
    assert ws["C3"].value is None
    assert ws["C3"].protection.locked is False
    filled = fill_template(data, {("p-ani", "ide"): 7}, judge="  Rina   Wulandari ")
    frame, _ = read(filled, poster, poster_entries)
    assert frame.loc[frame.entry_id == "p-ani", "judge_id"].tolist() == ["Rina Wulandari"]


def test_sheet_titles_are_valid_and_unique() -> None:
    text = """
id: x
title: X
categories:
  - {id: "Kelurahan/Desa: [utara]*?", name: A}
  - {id: "kelurahan_desa_ [utara]__", name: B}
  - {id: "_juri_template", name: C}
  - {id: "a-very-long-category-id-that-goes-past-thirty-one", name: D}
criteria:
  - {id: c1, name: C1, scale: {min: 0, max: 10}}
"""
    rubric, problems = parse_rubric(text)
    assert problems == [] and rubric is not None
    entries = Entries(tuple(Entry(f"e{i}", f"E{i}", c.id)
                            for i, c in enumerate(rubric.categories)))
    wb = _open(write_template(rubric, entries))
    assert wb.sheetnames == ["Kelurahan_Desa_ _utara___", "kelurahan_desa_ _utara___~2",
                             "_juri_template~2", "a-very-long-category-id-that-go",
                             META_SHEET]
    assert all(len(title) <= 31 for title in wb.sheetnames)


def test_entries_in_unknown_categories_are_refused(tulta: Rubric) -> None:
    entries = Entries((Entry("x", "X", "SEKOLAH"),))
    with pytest.raises(ProblemsError) as caught:
        write_template(tulta, entries)
    assert [p.code for p in caught.value.problems] == ["entries.unknown_category"]


def test_categories_without_entries_get_no_sheet(tulta: Rubric) -> None:
    entries = Entries((Entry("kel-a", "Kelurahan A", "KEL"),))
    wb = _open(write_template(tulta, entries))
    assert wb.sheetnames == ["KEL", META_SHEET]
    assert judge_cell(write_template(tulta, entries)) == ("KEL", "C3")


def test_names_starting_with_equals_stay_text(poster: Rubric) -> None:
    entries = Entries((Entry("=p1", '=HYPERLINK("http://x","klik")', "PELAJAR"),))
    data = write_template(poster, entries, "=Budi")
    ws = _open(data)["PELAJAR"]
    assert (ws["B10"].data_type, ws["C10"].data_type, ws["C3"].data_type) == ("s", "s", "s")
    filled = fill_template(data, {("=p1", "ide"): 8})
    frame, problems = read(filled, poster, entries)
    assert [p.code for p in problems] == ["score.missing"] * 3
    assert frame[["entry_id", "judge_id", "score"]].values.tolist() == [["=p1", "=Budi", 8.0]]
