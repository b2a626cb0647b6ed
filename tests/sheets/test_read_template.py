"""Reading filled templates: one test per problem code, each naming the cell it expects."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from io import BytesIO

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from scoring.entries import Entries
from scoring.i18n import CATALOGUE
from scoring.rubric import Rubric, parse_rubric
from scoring.sheets import fill_template, read_many, template_cells, write_template
from scoring.sheets.template import META_SHEET

from .helpers import codes, edit, full_scores, read, render

TULTA_LAST_OPD_ROW = 40  # 31 agencies from row 10


def _half_step_tulta(tulta: Rubric) -> Rubric:
    """The work-culture rubric with every scale 0–100 in steps of 0.5."""
    raw = tulta.model_dump(mode="json")

    def halve(nodes: list[dict]) -> None:
        for node in nodes:
            if node.get("scale"):
                node["scale"]["step"] = 0.5
            halve(node.get("children") or [])

    halve(raw["criteria"])
    rubric, problems = parse_rubric(yaml.safe_dump(raw, allow_unicode=True))
    assert problems == [] and rubric is not None
    return rubric


def _only(problems, code):
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, codes(problems)
    return found[0]


# --- scores --------------------------------------------------------------------------------


def test_comma_and_point_decimals_are_both_read(tulta: Rubric, pekalongan: Entries) -> None:
    rubric = _half_step_tulta(tulta)
    template = write_template(rubric, pekalongan, "Budi")
    scores = full_scores(template, 80)
    scores["opd-dinkes", "l1_tema"] = "85,5"
    scores["opd-dinkes", "l2_penyebab"] = "85.5"
    scores["opd-dinkes", "l3_dominan"] = 85.5
    scores["opd-dinkes", "l4_rencana"] = " 90 "
    frame, problems = read(fill_template(template, scores), rubric, pekalongan)
    assert problems == []
    dinkes = frame[frame.entry_id == "opd-dinkes"].set_index("criterion_id")
    assert dinkes.loc["l1_tema", "score"] == 85.5
    assert dinkes.loc["l1_tema", "source_cell"] == "D13"
    assert dinkes.loc["l2_penyebab", "score"] == 85.5
    assert dinkes.loc["l3_dominan", "score"] == 85.5
    assert dinkes.loc["l4_rencana", "score"] == 90.0


def test_score_above_the_scale(tulta: Rubric, pekalongan: Entries,
                               tulta_template: bytes) -> None:
    scores = full_scores(tulta_template)
    scores["kel-tirto", "pr_materi"] = 101
    frame, problems = read(fill_template(tulta_template, scores), tulta, pekalongan, "a.xlsx")
    problem = _only(problems, "score.out_of_range")
    assert (problem.severity, problem.file, problem.sheet, problem.cell) == (
        "error", "a.xlsx", "KEL", "L12")
    assert problem.params["score"] == 101
    assert problem.message("id") == (
        "Nilai 101 di luar skala 0–100 (Penguasaan materi, peserta 'Kelurahan Tirto')")
    assert problem.message("en") == (
        "Score 101 is outside the scale 0–100 (Command of the material, entry 'Kelurahan Tirto')")
    assert len(problems) == 1
    assert len(frame) == 1043
    assert "L12" not in set(frame.loc[frame.source_sheet == "KEL", "source_cell"])


def test_score_off_the_step(poster: Rubric, poster_entries: Entries,
                            poster_template: bytes) -> None:
    scores = full_scores(poster_template, 5)
    scores["u-dodi", "ide"] = 7.3
    scores["u-citra", "dampak"] = "8,5"
    frame, problems = read(fill_template(poster_template, scores), poster, poster_entries)
    problem = _only(problems, "score.off_step")
    assert (problem.severity, problem.sheet, problem.cell) == ("error", "UMUM", "D11")
    assert problem.message("id") == (
        "Nilai 7,3 bukan kelipatan 0,5 dari 1 (Kebaruan ide, peserta 'Dodi Hermawan')")
    assert len(problems) == 1
    # UMUM is scored on three criteria only; PELAJAR on four
    assert len(frame) == 2 * 4 + 2 * 3 - 1
    citra = frame[(frame.entry_id == "u-citra") & (frame.criterion_id == "dampak")]
    assert citra.score.tolist() == [8.5]
    assert citra.source_cell.tolist() == ["F10"]


@pytest.mark.parametrize(("value", "shown"), [
    ("delapan puluh", "delapan puluh"),
    ("85 poin", "85 poin"),
    (True, "TRUE"),
    (dt.datetime(2026, 11, 30), "2026-11-30T00:00:00"),
    ("#DIV/0!", "#DIV/0!"),
])
def test_text_booleans_and_dates_are_not_numbers(
        tulta: Rubric, pekalongan: Entries, tulta_template: bytes, value: object,
        shown: str) -> None:
    scores = full_scores(tulta_template)
    scores["opd-dishub", "yy_pesan"] = value
    frame, problems = read(fill_template(tulta_template, scores), tulta, pekalongan)
    problem = _only(problems, "score.not_a_number")
    assert (problem.severity, problem.sheet, problem.cell) == ("error", "OPD", "Q15")
    assert problem.params["value"] == shown
    assert len(problems) == 1 and len(frame) == 1043


def test_formula_uses_its_saved_result(tulta: Rubric, pekalongan: Entries,
                                       tulta_template: bytes) -> None:
    scores = full_scores(tulta_template)
    scores["opd-dlh", "alat"] = "=80+5"
    filled = _save_formula_result(fill_template(tulta_template, scores), "OPD", "K16", "85")
    frame, problems = read(filled, tulta, pekalongan)
    assert problems == []
    dlh = frame[(frame.entry_id == "opd-dlh") & (frame.criterion_id == "alat")]
    assert (dlh.score.tolist(), dlh.source_cell.tolist()) == ([85.0], ["K16"])


def test_formula_without_a_saved_result(tulta: Rubric, pekalongan: Entries,
                                        tulta_template: bytes) -> None:
    scores = full_scores(tulta_template)
    scores["opd-dlh", "alat"] = "=80+5"
    frame, problems = read(fill_template(tulta_template, scores), tulta, pekalongan)
    problem = _only(problems, "score.formula_no_value")
    assert (problem.severity, problem.sheet, problem.cell) == ("error", "OPD", "K16")
    assert problem.params["formula"] == "=80+5"
    assert len(problems) == 1 and len(frame) == 1043


def _save_formula_result(data: bytes, sheet: str, cell: str, value: str) -> bytes:
    """Put a saved result on a formula, as Excel does when it saves (openpyxl cannot)."""
    wb = load_workbook(BytesIO(data), read_only=True)
    part = f"xl/worksheets/sheet{wb.sheetnames.index(sheet) + 1}.xml"
    wb.close()
    source = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == part:
                text, n = re.subn(rf'(<c r="{cell}"[^>]*>\s*<f>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)',
                                  rf"\g<1><v>{value}</v>", content.decode())
                assert n == 1
                content = text.encode()
            target.writestr(item, content)
    return out.getvalue()


def test_empty_score_cell_is_an_error_when_the_rubric_says_so(
        tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    assert tulta.missing_scores == "error"
    scores = full_scores(tulta_template)
    scores["kel-poncol", "fr_kreativitas"] = None
    scores["kel-poncol", "fr_kostum"] = "   "
    frame, problems = read(fill_template(tulta_template, scores), tulta, pekalongan)
    assert [(p.code, p.severity, p.sheet, p.cell) for p in problems] == [
        ("score.missing", "error", "KEL", "R17"),
        ("score.missing", "error", "KEL", "U17"),
    ]
    assert problems[0].message("en") == (
        "Missing score: Creativity for entry 'Kelurahan Poncol'")
    assert len(frame) == 1042


def test_empty_score_cell_is_a_warning_otherwise(poster: Rubric, poster_entries: Entries,
                                                 poster_template: bytes) -> None:
    assert poster.missing_scores == "exclude_judge"
    scores = full_scores(poster_template, 5)
    del scores["p-bayu", "kerapian"]
    frame, problems = read(fill_template(poster_template, scores), poster, poster_entries)
    assert [(p.code, p.severity, p.sheet, p.cell) for p in problems] == [
        ("score.missing", "warning", "PELAJAR", "G11")]
    assert len(frame) == 13


def test_entry_left_out_entirely_is_one_problem(tulta: Rubric, pekalongan: Entries,
                                                tulta_template: bytes) -> None:
    scores = {k: v for k, v in full_scores(tulta_template).items() if k[0] != "opd-setda"}
    frame, problems = read(fill_template(tulta_template, scores), tulta, pekalongan)
    assert [(p.code, p.severity, p.sheet, p.cell) for p in problems] == [
        ("entry.not_scored", "error", "OPD", "D39:U39")]
    assert problems[0].message("id") == (
        "Peserta 'Sekretariat Daerah' belum dinilai sama sekali")
    assert len(frame) == 1044 - 18


# --- entries -------------------------------------------------------------------------------


def test_edited_entry_name(tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    filled = fill_template(tulta_template, full_scores(tulta_template))
    filled = edit(filled, {("KEL", "C11"): "Kelurahan Podosugih Baru"})
    frame, problems = read(filled, tulta, pekalongan)
    problem = _only(problems, "entry.row_edited")
    assert (problem.severity, problem.sheet, problem.cell) == ("error", "KEL", "C11")
    assert problem.params["found"] == "Kelurahan Podosugih Baru"
    assert problem.params["expected"] == "Kelurahan Podosugih"
    assert len(problems) == 1
    # the row is still read, so every score stays visible with its cell; the error blocks
    assert len(frame) == 1044


def test_edited_entry_id(tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    filled = fill_template(tulta_template, full_scores(tulta_template))
    filled = edit(filled, {("OPD", "B10"): "opd-dinkes"})
    _, problems = read(filled, tulta, pekalongan)
    problem = _only(problems, "entry.row_edited")
    assert (problem.sheet, problem.cell, problem.params["entry"]) == (
        "OPD", "B10", "opd-disdukcapil")


def test_case_and_spacing_of_a_name_are_not_an_edit(
        tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    filled = fill_template(tulta_template, full_scores(tulta_template))
    filled = edit(filled, {("KEL", "C11"): "  kelurahan   PODOSUGIH "})
    assert read(filled, tulta, pekalongan)[1] == []


def test_row_added_at_the_bottom(tulta: Rubric, pekalongan: Entries,
                                 tulta_template: bytes) -> None:
    filled = fill_template(tulta_template, full_scores(tulta_template))
    row = TULTA_LAST_OPD_ROW + 1
    filled = edit(filled, {("OPD", f"C{row}"): "Dinas Baru", ("OPD", f"E{row}"): 70,
                           ("OPD", f"H{row}"): "75", ("OPD", f"X{row}"): "catatan"})
    frame, problems = read(filled, tulta, pekalongan)
    problem = _only(problems, "entry.unknown")
    assert (problem.severity, problem.sheet, problem.cell) == ("error", "OPD", "E41:H41")
    assert problem.params["entry"] == "Dinas Baru"
    assert len(problems) == 1 and len(frame) == 1044


def test_row_added_without_scores_is_not_a_problem(
        tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    filled = fill_template(tulta_template, full_scores(tulta_template))
    filled = edit(filled, {("OPD", "C41"): "Catatan juri: semua hadir"})
    assert read(filled, tulta, pekalongan)[1] == []


def test_entry_no_longer_in_the_entries_list(tulta: Rubric, pekalongan: Entries,
                                             tulta_template: bytes) -> None:
    fewer = Entries(tuple(e for e in pekalongan if e.id != "kel-gamer"))
    frame, problems = read(fill_template(tulta_template, full_scores(tulta_template)),
                           tulta, fewer)
    problem = _only(problems, "entry.unknown")
    assert (problem.severity, problem.sheet, problem.cell) == ("error", "KEL", "D19:U19")
    assert problem.params["entry"] == "kel-gamer"
    assert len(problems) == 1 and len(frame) == 1044 - 18
    assert "kel-gamer" not in set(frame.entry_id)


# --- judges --------------------------------------------------------------------------------


def test_empty_judge_name(poster: Rubric, poster_entries: Entries) -> None:
    template = write_template(poster, poster_entries)
    frame, problems = read(fill_template(template, full_scores(template, 5)), poster,
                           poster_entries, "tanpa-nama.xlsx")
    assert [(p.code, p.severity, p.file, p.sheet, p.cell) for p in problems] == [
        ("judge.missing_name", "error", "tanpa-nama.xlsx", "PELAJAR", "C3")]
    assert len(frame) == 14


def test_judge_name_other_than_the_one_the_template_was_made_for(
        poster: Rubric, poster_entries: Entries, poster_template: bytes) -> None:
    filled = fill_template(poster_template, full_scores(poster_template, 5), judge="Rudi")
    frame, problems = read(filled, poster, poster_entries)
    problem = _only(problems, "judge.changed")
    assert (problem.severity, problem.cell) == ("warning", "C3")
    assert problem.params == {"judge": "Rudi", "template_judge": "Siti Aminah"}
    assert set(frame.judge_id) == {"Rudi"}


def test_same_judge_in_two_files(poster: Rubric, poster_entries: Entries,
                                 poster_template: bytes) -> None:
    first = fill_template(poster_template, full_scores(poster_template, 5))
    second = fill_template(poster_template, full_scores(poster_template, 4),
                           judge="  siti   AMINAH")
    blank = write_template(poster, poster_entries)
    other = fill_template(blank, full_scores(blank, 3), judge="Rudi")
    frame, problems = read_many(
        [("siti.xlsx", first), ("rudi.xlsx", other), ("siti-revisi.xlsx", second)],
        poster, poster_entries)
    render(problems)
    duplicates = [p for p in problems if p.code == "judge.duplicate"]
    assert [(p.severity, p.file, p.sheet, p.cell) for p in duplicates] == [
        ("error", "siti-revisi.xlsx", "PELAJAR", "C3")]
    assert duplicates[0].params["first_file"] == "siti.xlsx"
    assert "siti.xlsx" in duplicates[0].message("id")
    # siti-revisi.xlsx also differs from its template's judge name only by case and spaces
    assert codes(problems) == ["judge.duplicate"]
    assert sorted(set(frame.source_file)) == ["rudi.xlsx", "siti.xlsx"]
    assert len(frame) == 28
    assert set(frame.loc[frame.source_file == "siti.xlsx", "score"]) == {5.0}
    assert set(frame.judge_id) == {"Siti Aminah", "Rudi"}


# --- the workbook as a whole ---------------------------------------------------------------


def test_template_from_another_version_is_read_with_a_warning(
        tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    # model_copy keeps the original's cached fingerprint, so only the version tells them apart
    # here; the changed-weight test below covers a differing fingerprint.
    newer = tulta.model_copy(update={"version": "2"})
    frame, problems = read(fill_template(tulta_template, full_scores(tulta_template)),
                           newer, pekalongan)
    problem = _only(problems, "template.rubric_mismatch")
    assert (problem.severity, problem.params["template_version"], problem.params["version"]) == (
        "warning", "2026.1", "2")
    assert problem.params["template_fingerprint"] == tulta.fingerprint[:12]
    assert problem.params["fingerprint"] == newer.fingerprint[:12]
    assert "'2026.1'" in problem.message("en") and "'2'" in problem.message("en")
    assert len(problems) == 1 and len(frame) == 1044


def test_template_from_a_rubric_with_a_changed_weight(
        tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    raw = tulta.model_dump(mode="json")
    raw["criteria"][0]["weight"] = 45
    changed, _ = parse_rubric(yaml.safe_dump(raw, allow_unicode=True))
    assert changed is not None and changed.version == tulta.version
    frame, problems = read(fill_template(tulta_template, full_scores(tulta_template)),
                           changed, pekalongan)
    problem = _only(problems, "template.rubric_mismatch")
    assert problem.severity == "warning"
    assert problem.params["template_fingerprint"] != problem.params["fingerprint"]
    assert len(frame) == 1044


def test_template_from_a_rubric_with_another_scale_is_not_read(
        tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    frame, problems = read(fill_template(tulta_template, full_scores(tulta_template)),
                           _half_step_tulta(tulta), pekalongan)
    problem = _only(problems, "template.rubric_mismatch")
    assert (problem.severity, problem.file) == ("error", "juri.xlsx")
    assert len(problems) == 1 and frame.empty


def test_template_from_another_rubric_is_not_read(
        poster: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    frame, problems = read(fill_template(tulta_template, full_scores(tulta_template)),
                           poster, pekalongan)
    problem = _only(problems, "template.rubric_mismatch")
    assert (problem.severity, problem.params["template_rubric"], problem.params["rubric"]) == (
        "error", "budaya_kerja_tulta", "lomba_inovasi_poster")
    assert frame.empty


def test_workbook_in_no_layout_we_know(tulta: Rubric, pekalongan: Entries) -> None:
    # not a template, and "Nilai" names no criterion: the number is reported, not dropped
    wb = Workbook()
    wb.active.append(["Peserta", "Nilai"])
    wb.active.append(["Dinas Kesehatan", 85])
    out = BytesIO()
    wb.save(out)
    frame, problems = read(out.getvalue(), tulta, pekalongan, "rekap.xlsx")
    assert sorted((p.code, p.severity, p.file) for p in problems) == [
        ("layout.sheet_not_read", "warning", "rekap.xlsx"),
        ("layout.unrecognised", "error", "rekap.xlsx")]
    assert frame.empty


def test_garbage_bytes_named_xlsx(tulta: Rubric, pekalongan: Entries) -> None:
    frame, problems = read(b"this is not a workbook \x00\x01\x02", tulta, pekalongan,
                           "nilai.xlsx")
    # the safety check sees it is no spreadsheet before any parser does
    assert [(p.code, p.severity, p.file) for p in problems] == [
        ("safety.not_a_spreadsheet", "error", "nilai.xlsx")]
    assert frame.empty


def test_edited_criterion_heading(tulta: Rubric, pekalongan: Entries,
                                  tulta_template: bytes) -> None:
    filled = fill_template(tulta_template, full_scores(tulta_template))
    filled = edit(filled, {("OPD", "N6"): "Wawancara"})
    frame, problems = read(filled, tulta, pekalongan)
    problem = _only(problems, "template.header_edited")
    assert (problem.severity, problem.sheet, problem.cell) == ("error", "OPD", "N6")
    assert (problem.params["found"], problem.params["expected"]) == ("Wawancara", "Tanya jawab")
    assert len(frame) == 1044


def test_category_sheet_removed(tulta: Rubric, pekalongan: Entries,
                                tulta_template: bytes) -> None:
    wb = load_workbook(BytesIO(fill_template(tulta_template, full_scores(tulta_template))))
    wb.remove(wb["KEL"])
    out = BytesIO()
    wb.save(out)
    frame, problems = read(out.getvalue(), tulta, pekalongan)
    assert [(p.code, p.sheet) for p in problems] == [("template.sheet_missing", "KEL")]
    assert len(frame) == 31 * 18


def test_damaged_metadata(tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    damaged = edit(tulta_template, {(META_SHEET, "D4"): "sepuluh"})
    frame, problems = read(damaged, tulta, pekalongan)
    assert [(p.code, p.severity, p.sheet, p.cell) for p in problems] == [
        ("template.damaged", "error", META_SHEET, "A4")]
    assert frame.empty


# --- nothing is lost ------------------------------------------------------------------------


_CELL_PROBLEMS = ("score.", "entry.unknown")


def _covered(cell: str) -> set[str]:
    """The cells of ``D12`` or ``D12:H12``."""
    if ":" not in cell:
        return {cell}
    start, end = cell.split(":")
    (c1, r1), (c2, r2) = (re.fullmatch(r"([A-Z]+)(\d+)", x).groups() for x in (start, end))
    assert r1 == r2 and len(c1) == len(c2) == 1
    return {f"{chr(c)}{r1}" for c in range(ord(c1), ord(c2) + 1)}


def _check_nothing_lost(data: bytes, frame, problems, extra_cells: set) -> None:
    """Every non-empty score cell is a table row or inside exactly one problem's cell."""
    wb = load_workbook(BytesIO(data), data_only=True)
    score_cells = set(template_cells(data).values()) | extra_cells
    non_empty = {(s, c) for s, c in score_cells
                 if wb[s][c].value is not None and str(wb[s][c].value).strip()}
    in_table = set(zip(frame.source_sheet, frame.source_cell, strict=True))
    assert len(in_table) == len(frame)
    about_cells = [(p.sheet, c) for p in problems if p.code.startswith(_CELL_PROBLEMS)
                   for c in _covered(p.cell)]
    in_problems = {sc for sc in about_cells if sc in non_empty}
    assert len(non_empty) == len(frame) + len(in_problems)
    assert in_table | in_problems == non_empty
    assert not in_table & in_problems


def test_every_non_empty_score_cell_is_a_score_or_a_problem(
        poster: Rubric, poster_entries: Entries, poster_template: bytes) -> None:
    scores = {
        ("p-ani", "ide"): 8, ("p-ani", "desain"): "7,5", ("p-ani", "dampak"): 11,
        ("p-ani", "kerapian"): 4.5, ("p-bayu", "ide"): "sembilan", ("p-bayu", "desain"): True,
        ("p-bayu", "dampak"): 6, ("p-bayu", "kerapian"): None, ("u-citra", "ide"): 9.5,
        ("u-citra", "desain"): "", ("u-citra", "dampak"): " ", ("u-dodi", "ide"): 0,
        ("u-dodi", "desain"): 10, ("u-dodi", "dampak"): "10.0",
    }
    filled = edit(fill_template(poster_template, scores),
                  {("UMUM", "C12"): "Peserta susulan", ("UMUM", "D12"): 9,
                   ("UMUM", "F12"): "x"})
    frame, problems = read(filled, poster, poster_entries)
    assert sorted(zip(frame.entry_id, frame.criterion_id, frame.score, strict=True)) == [
        ("p-ani", "desain", 7.5), ("p-ani", "ide", 8.0), ("p-bayu", "dampak", 6.0),
        ("u-citra", "ide", 9.5), ("u-dodi", "dampak", 10.0), ("u-dodi", "desain", 10.0)]
    assert sorted((p.code, p.sheet, p.cell) for p in problems) == [
        ("entry.unknown", "UMUM", "D12:F12"),
        ("score.missing", "PELAJAR", "G11"),
        ("score.missing", "UMUM", "E10"),
        ("score.missing", "UMUM", "F10"),
        ("score.not_a_number", "PELAJAR", "D11"),
        ("score.not_a_number", "PELAJAR", "E11"),
        ("score.off_step", "PELAJAR", "G10"),
        ("score.out_of_range", "PELAJAR", "F10"),
        ("score.out_of_range", "UMUM", "D11"),
    ]
    _check_nothing_lost(filled, frame, problems, {("UMUM", f"{c}12") for c in "DEF"})


def test_every_code_used_has_both_texts() -> None:
    used = {
        "layout.unrecognised", "template.damaged", "template.sheet_missing",
        "template.rubric_mismatch", "template.header_edited", "judge.missing_name",
        "judge.changed", "judge.duplicate", "entry.row_edited", "entry.unknown",
        "entry.not_scored", "score.missing", "score.not_a_number", "score.formula_no_value",
        "score.out_of_range", "score.off_step", "file.unreadable",
    }
    for code in used:
        indonesian, english = CATALOGUE[code]
        assert indonesian and english and indonesian != english


def test_tampered_layout_of_the_same_rubric_is_damaged(
        tulta: Rubric, pekalongan: Entries, tulta_template: bytes) -> None:
    wb = load_workbook(BytesIO(tulta_template))
    meta = wb[META_SHEET]
    row = next(r for r in meta.iter_rows() if r[0].value == "column" and r[3].value == "alat")
    row[3].value = "bukan_kriteria"
    out = BytesIO()
    wb.save(out)
    frame, problems = read(out.getvalue(), tulta, pekalongan)
    assert [(p.code, p.severity, p.sheet) for p in problems] == [
        ("template.damaged", "error", META_SHEET)]
    assert frame.empty


def test_stray_score_far_below_the_entries(tulta: Rubric, pekalongan: Entries,
                                           tulta_template: bytes) -> None:
    filled = edit(fill_template(tulta_template, full_scores(tulta_template)),
                  {("KEL", "G50000"): 77})
    frame, problems = read(filled, tulta, pekalongan)
    assert [(p.code, p.sheet, p.cell, p.params["entry"]) for p in problems] == [
        ("entry.unknown", "KEL", "G50000", "#50000")]
    assert len(frame) == 1044


_ANY_VALUE = st.one_of(
    st.none(),
    st.sampled_from(["", "  ", "sembilan", "8,5", "7.5", "10,0", "1.250", "x1", "#N/A"]),
    st.integers(min_value=-2, max_value=12),
    st.floats(min_value=-1, max_value=12, allow_nan=False).map(lambda x: round(x, 2)),
    st.booleans(),
    st.just(dt.datetime(2026, 11, 30)),
)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(_ANY_VALUE, min_size=14, max_size=14),
       added=st.lists(_ANY_VALUE, min_size=3, max_size=3))
def test_nothing_is_lost_whatever_the_judge_types(
        poster: Rubric, poster_entries: Entries, poster_template: bytes,
        values: list[object], added: list[object]) -> None:
    keys = sorted(template_cells(poster_template))
    filled = fill_template(poster_template, dict(zip(keys, values, strict=True)))
    filled = edit(filled, {("UMUM", f"{col}12"): value
                           for col, value in zip("DEF", added, strict=True)})
    frame, problems = read(filled, poster, poster_entries)
    _check_nothing_lost(filled, frame, problems, {("UMUM", f"{c}12") for c in "DEF"})
    assert frame.score.between(1, 10).all()
