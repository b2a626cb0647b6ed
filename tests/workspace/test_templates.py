"""Judges' templates and the judge list (scoring/workspace/templates.py)."""

from __future__ import annotations

import io
import zipfile

import pytest

from scoring.workspace import templates as judge_templates


def test_judge_names_and_sample_judges() -> None:
    assert judge_templates.judge_names(" Ani  Budi \n\n# komentar\nCici\nAni Budi\n") == [
        "Ani Budi", "Cici"]
    assert len(judge_templates.sample_judges()) == 5


def test_templates_one_per_judge_and_zip(sample) -> None:
    made, problems = judge_templates.templates(sample.rubric, sample.entries, ["Ani", "Budi B."])
    assert not problems
    assert [name for name, _ in made] == ["budaya_kerja_tulta_Ani.xlsx",
                                          "budaya_kerja_tulta_Budi_B_.xlsx"]
    archive = zipfile.ZipFile(io.BytesIO(judge_templates.zip_files(made)))
    assert archive.namelist() == [name for name, _ in made]
    blank, _ = judge_templates.templates(sample.rubric, sample.entries, [])
    assert len(blank) == 1
    assert judge_templates.read_rubric_file("budaya_kerja_tulta.yaml").startswith("#")
    with pytest.raises(KeyError):
        judge_templates.read_rubric_file("../requirements.txt")
