"""A bad score cell is one problem, naming the entry by its name and the criterion by its
label (the ids stay in the problem's parameters, for the download).

A cell the reader refuses (out of the scale, not a number, empty under a rubric that makes
gaps errors) leaves its judge's marks for that entry incomplete; the scoring's own check of
complete marks must not report that gap a second time.
"""

from __future__ import annotations

import pytest

from scoring.pipeline import score
from scoring.rubric import Rubric
from scoring.sheets import fill_template, read_many, template_cells, write_template
from tests.helpers import rubric_from

from . import corpus
from .helpers import FOUR_ENTRIES, render

ENTRIES = FOUR_ENTRIES


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    # gaps are errors: a refused cell leaves an error-level gap behind it
    return rubric_from({
        "id": "bad", "title": "Bad cells", "missing_scores": "error",
        "categories": [{"id": "PELAJAR", "name": "Pelajar"}, {"id": "UMUM", "name": "Umum"}],
        "criteria": [
            {"id": "ide", "name": "Kebaruan ide", "name_en": "Novelty", "weight": 1,
             "scale": {"min": 0, "max": 100, "step": 1}},
            {"id": "dampak", "name": "Dampak bagi warga", "name_en": "Benefit", "weight": 1,
             "scale": {"min": 0, "max": 100, "step": 1}},
        ]})


def _templates(rubric: Rubric, bad: dict[tuple[str, str], object]) -> list[tuple[str, bytes]]:
    """Three judges' templates, all scores 80; Siti's holds the ``bad`` values."""
    files = []
    for judge in ("Siti", "Budi", "Rina"):
        template = write_template(rubric, ENTRIES, judge)
        scores: dict[tuple[str, str], object] = dict.fromkeys(template_cells(template), 80)
        if judge == "Siti":
            scores.update(bad)
        files.append((f"{judge}.xlsx", fill_template(template, scores)))
    return files


def _problems(rubric: Rubric, files: list[tuple[str, bytes]]) -> list:
    frame, found = read_many(files, rubric, ENTRIES)
    problems = list(score(rubric, ENTRIES, frame, found).problems)
    render(problems)
    return problems


def test_two_bad_cells_in_a_template_are_two_problems(rubric: Rubric) -> None:
    files = _templates(rubric, {("p-ani", "ide"): 101, ("u-dodi", "dampak"): "delapan"})
    problems = _problems(rubric, files)
    # 2 bad cells -> 2 problems (not 2 + 2 "incomplete marks" for the gaps they leave)
    assert sorted((p.file, p.code) for p in problems) == [
        ("Siti.xlsx", "score.not_a_number"), ("Siti.xlsx", "score.out_of_range")]
    out = next(p for p in problems if p.code == "score.out_of_range")
    assert out.message("id") == (
        "Nilai 101 di luar skala 0–100 (Kebaruan ide, peserta 'Ani Rahayu')")
    assert out.message("en") == "Score 101 is outside the scale 0–100 (Novelty, entry 'Ani Rahayu')"
    assert (out.params["entry"], out.params["criterion"]) == ("p-ani", "ide")


def test_an_empty_cell_is_one_problem(rubric: Rubric) -> None:
    template_files = _templates(rubric, {("p-bayu", "dampak"): None})
    problems = _problems(rubric, template_files)
    assert [(p.code, p.params["entry_name"]) for p in problems] == [
        ("score.missing", "Bayu Pratama")]


def test_a_gap_no_reader_reported_is_still_reported(rubric: Rubric) -> None:
    # Siti's 101 for Ani is reported by the reader; her mark for Dodi's Dampak is taken out
    # of the table afterwards (no reader saw it): that gap is still the scoring's to report
    frame, found = read_many(_templates(rubric, {("p-ani", "ide"): 101}), rubric, ENTRIES)
    dodi = ((frame.judge_id == "Siti") & (frame.entry_id == "u-dodi")
            & (frame.criterion_id == "dampak"))
    assert dodi.sum() == 1
    problems = list(score(rubric, ENTRIES, frame[~dodi], found).problems)
    assert sorted((p.code, p.cell) for p in problems) == [
        ("score.incomplete", "Siti / u-dodi"), ("score.out_of_range", "D10")]


def test_two_bad_cells_in_a_judges_own_sheet_are_two_problems(rubric: Rubric) -> None:
    recap = corpus.Sheet("Nilai").put("A1", "Nama Juri: Siti Aminah")
    recap.put("A3", "Nama Peserta", "Kebaruan ide", "Dampak bagi warga")
    values = {"Ani Rahayu": (150, 80), "Bayu Pratama": (80, "x"),
              "Citra Lestari": (80, 80), "Dodi Hermawan": (80, 80)}
    for row, (name, marks) in enumerate(values.items(), start=4):
        recap.put(f"A{row}", name, *marks)
    problems = _problems(rubric, [("siti.xlsx", corpus.to_xlsx([recap]))])
    assert sorted((p.code, p.cell) for p in problems) == [
        ("score.not_a_number", "C5"), ("score.out_of_range", "B4")]
    wrong = next(p for p in problems if p.code == "score.not_a_number")
    assert wrong.message("en") == "Score 'x' is not a number (Benefit, entry 'Bayu Pratama')"
    assert wrong.params["entry"] == "p-bayu"


def test_a_problem_stored_before_entry_names_still_reads() -> None:
    from scoring.store.records import problem_from_record

    old = problem_from_record({"severity": "error", "code": "score.missing", "params": {
        "entry": "p-ani", "criterion": "ide", "criterion_name": "Kebaruan ide",
        "criterion_name_en": "Novelty"}, "file": "a.xlsx", "sheet": "S", "cell": "D10"})
    assert old.message("en") == "Missing score: Novelty for entry 'p-ani'"
