"""The document settings file (every mistake named with its key) and `python -m scoring
report`."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from scoring.documents.settings import load_settings, parse_settings, settings_path
from scoring.problems import ProblemsError
from tests.test_cli import POSTER, competition, run  # noqa: F401  (the fixture)


def test_every_mistake_in_the_settings_is_named_with_its_key() -> None:
    text = ("letterhead: {agency: X, logo_file: a.png}\n"
            "certificate: {text: 'sebagai {juara}'}\n"
            "decree: {date: 30-11-2026}\n")
    settings, problems = parse_settings(text, "lomba.documents.yaml")
    assert settings is None
    assert [(p.file, p.cell) for p in problems] == [
        ("lomba.documents.yaml", "letterhead.logo_file"),
        ("lomba.documents.yaml", "certificate.text"),
        ("lomba.documents.yaml", "decree.date")]
    assert "{juara}" in problems[1].message("id")
    assert problems[0].message("id").startswith("Pengaturan dokumen salah pada "
                                                "letterhead.logo_file")


def test_the_settings_file_sits_next_to_the_rubric(tmp_path: Path) -> None:
    assert settings_path(tmp_path / "lomba.yaml") == tmp_path / "lomba.documents.yaml"
    assert load_settings(tmp_path / "absent.yaml").chair is None  # absent: defaults
    with pytest.raises(ProblemsError):
        load_settings(tmp_path / "absent.yaml", required=True)
    (tmp_path / "lomba.documents.yaml").write_text(
        "letterhead: {agency: Dinas X, logo: logo.png}\nchair: {name: Ketua}\n",
        encoding="utf-8")
    settings = load_settings(settings_path(tmp_path / "lomba.yaml"))
    assert settings.chair.name == "Ketua"
    assert settings.letterhead.logo == tmp_path / "logo.png"  # relative to the settings file


def test_report_command_writes_the_minutes_as_docx(competition, tmp_path) -> None:  # noqa: F811
    out = tmp_path / "ba.docx"
    given = ["--rubric", POSTER, "--entries", competition["entries"],
             competition["s0"], competition["s1"], competition["s2"]]
    code = run("report", *given, "--kind", "minutes", "--format", "docx", "--out", out)
    assert code == 0
    text = " ".join(p.text for p in Document(io.BytesIO(out.read_bytes())).paragraphs)
    assert "BERITA ACARA PENILAIAN" in text and "Pada hari ini" in text
    # feedback: a zip with one PDF per ranked entry; certificates are not made as docx
    assert run("report", *given, "--kind", "feedback", "--out", tmp_path / "rapor.zip") == 0
    assert len(zipfile.ZipFile(tmp_path / "rapor.zip").namelist()) == len(
        competition["entries"].read_text(encoding="utf-8").splitlines()) - 1
    assert run("report", *given, "--kind", "certificates", "--format", "docx") == 2
