"""Helpers for the template tests: filling, editing and reading workbooks."""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

import pandas as pd
from openpyxl import load_workbook

from scoring.entries import Entries, Entry
from scoring.problems import Problem
from scoring.rubric import Rubric
from scoring.sheets import read_workbook, template_cells
from tests.helpers import rubric_from

TULTA_CRITERIA = ["l1_tema", "l2_penyebab", "l3_dominan", "l4_rencana", "l5_laksana",
                  "l6_evaluasi", "l7_standar", "alat", "pr_materi", "pr_penyampaian",
                  "tanya_jawab", "yy_kreativitas", "yy_kekompakan", "yy_pesan",
                  "fr_kreativitas", "fr_kekompakan", "fr_pesan", "fr_kostum"]
"""The work-culture rubric's 18 scored criteria, in rubric order."""


def full_scores(data: bytes, value: object = 80) -> dict[tuple[str, str], object]:
    """A score for every cell of a template, all ``value``."""
    return dict.fromkeys(template_cells(data), value)


def read(data: bytes, rubric: Rubric, entries: Entries, name: str = "juri.xlsx"
         ) -> tuple[pd.DataFrame, list[Problem]]:
    """read_workbook, also rendering every problem in both languages so that a message with a
    placeholder its problem does not fill fails the test that produced it."""
    frame, problems = read_workbook(data, name, rubric, entries)
    render(problems)
    return frame, problems


def render(problems: Iterable[Problem]) -> None:
    for problem in problems:
        assert problem.message("id") and problem.message("en")
        assert "{" not in problem.message("id") + problem.message("en")


def edit(data: bytes, changes: dict[tuple[str, str], object]) -> bytes:
    """Write values into any cells, as a judge who unprotected the sheet might."""
    wb = load_workbook(BytesIO(data))
    for (sheet, cell), value in changes.items():
        wb[sheet][cell].value = value
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def codes(problems: Iterable[Problem]) -> list[str]:
    return [p.code for p in problems]


FOUR_ENTRIES = Entries((Entry("p-ani", "Ani Rahayu", "PELAJAR"),
                        Entry("p-bayu", "Bayu Pratama", "PELAJAR"),
                        Entry("u-citra", "Citra Lestari", "UMUM"),
                        Entry("u-dodi", "Dodi Hermawan", "UMUM")))
"""Two pupils and two adults, in the categories of :func:`cells_rubric`."""


def cells_rubric() -> Rubric:
    """Two criteria with awkward scales: ``ide`` 0–100 in steps of 0.01, ``dampak`` 0–5000 in
    steps of 0.5; categories PELAJAR and UMUM."""
    return rubric_from({
        "id": "cells", "title": "Cells",
        "categories": [{"id": "PELAJAR", "name": "Pelajar"}, {"id": "UMUM", "name": "Umum"}],
        "criteria": [
            {"id": "ide", "name": "Kebaruan ide", "weight": 1,
             "scale": {"min": 0, "max": 100, "step": 0.01}},
            {"id": "dampak", "name": "Dampak bagi warga", "weight": 1,
             "scale": {"min": 0, "max": 5000, "step": 0.5}},
        ]})
