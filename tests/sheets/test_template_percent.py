"""Percent-formatted score cells in a filled template (see scoring.sheets.template_cells)."""

from __future__ import annotations

from io import BytesIO

import yaml
from openpyxl import load_workbook

from scoring.entries import Entries
from scoring.rubric import Rubric, parse_rubric
from scoring.sheets import fill_template, template_cells, write_template

from .helpers import codes, full_scores, read


def _rescaled(poster: Rubric, scales: dict[str, dict[str, float]]) -> Rubric:
    raw = poster.model_dump(mode="json")
    for node in raw["criteria"]:
        if node["id"] in scales:
            node["scale"] = scales[node["id"]]
    rubric, problems = parse_rubric(yaml.safe_dump(raw, allow_unicode=True))
    assert problems == [] and rubric is not None
    return rubric


def _as_percent(data: bytes, cells: list[tuple[str, str]], value: float,
                number_format: str = "0%") -> bytes:
    """The cells hold ``value`` shown as a percentage (Excel keeps 85 % as 0.85)."""
    wb = load_workbook(BytesIO(data))
    for sheet, cell in cells:
        wb[sheet][cell].value = value
        wb[sheet][cell].number_format = number_format
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def test_percent_cells_on_a_0_to_100_scale_read_as_hundredths(
        poster: Rubric, poster_entries: Entries) -> None:
    rubric = _rescaled(poster, {"ide": {"min": 0, "max": 100, "step": 1}})
    template = write_template(rubric, poster_entries, "Siti Aminah")
    where = template_cells(template)
    filled = fill_template(template, full_scores(template, 5))
    # 0.85 shown as 85 % on a 0–100 scale: the judge means 85 (0.85 x 100 = 85)
    ide = [where[entry, "ide"] for entry in ("p-ani", "p-bayu")]
    filled = _as_percent(filled, ide, 0.85)
    frame, problems = read(filled, rubric, poster_entries)
    assert codes(problems) == ["cell.percent_scaled"]
    note = problems[0]
    assert note.severity == "warning"
    (sheet, first), (_, last) = ide
    assert (note.sheet, note.cell) == (sheet, f"{first}:{last}")
    assert note.params["count"] == 2
    assert note.params["value_id"] == "85"
    assert "0.85" in note.message("en") and "85" in note.message("id")
    scores = frame[frame.criterion_id == "ide"].set_index("entry_id").score
    assert scores["p-ani"] == 85.0 and scores["p-bayu"] == 85.0
    # the other cells (plain 5, no format) are untouched
    assert set(frame[frame.criterion_id != "ide"].score) == {5.0}


def test_percent_cell_on_a_0_to_1_scale_is_left_alone(
        poster: Rubric, poster_entries: Entries) -> None:
    rubric = _rescaled(poster, {"dampak": {"min": 0, "max": 1, "step": 0.05}})
    template = write_template(rubric, poster_entries, "Siti Aminah")
    where = template_cells(template)
    scores = full_scores(template, 5)
    for entry in ("p-ani", "p-bayu", "u-citra", "u-dodi"):
        scores[entry, "dampak"] = 0.5
    filled = _as_percent(fill_template(template, scores), [where["u-dodi", "dampak"]], 0.85,
                         "0.00%")
    frame, problems = read(filled, rubric, poster_entries)
    assert problems == []
    dodi = frame[(frame.entry_id == "u-dodi") & (frame.criterion_id == "dampak")]
    assert dodi.score.tolist() == [0.85]


def test_a_percent_cell_above_1_is_not_multiplied(
        poster: Rubric, poster_entries: Entries) -> None:
    # 85 formatted 0% shows "8500 %": the number typed is 85 and stays 85
    rubric = _rescaled(poster, {"ide": {"min": 0, "max": 100, "step": 1}})
    template = write_template(rubric, poster_entries, "Siti Aminah")
    filled = _as_percent(fill_template(template, full_scores(template, 5)),
                         [template_cells(template)["p-ani", "ide"]], 85)
    frame, problems = read(filled, rubric, poster_entries)
    assert problems == []
    ani = frame[(frame.entry_id == "p-ani") & (frame.criterion_id == "ide")]
    assert ani.score.tolist() == [85.0]
