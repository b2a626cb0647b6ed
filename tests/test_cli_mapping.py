"""The CLI with judges' own workbooks: ``detect`` writes the mapping to edit, ``score
--mapping`` reads by it (repeatable), and broken mapping files are problems, not tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring.cli import main
from scoring.entries import load_entries
from scoring.rubric import load_rubric
from scoring.sheets import mapping_from_yaml, write_template
from tests.sheets.corpus import rows_xlsx

ROOT = Path(__file__).resolve().parents[1]
POSTER = ROOT / "rubrics" / "lomba_inovasi_poster.yaml"
ENTRIES_CSV = """id,name,category
p1,Poster SMA 1,PELAJAR
p2,Poster SMA 2,PELAJAR
u1,Poster Karang Taruna,UMUM
u2,Poster PKK,UMUM
"""
# (name, ide, desain, dampak, kerapian or None); points: ide × 3, desain × 2, dampak × 3,
# kerapian × 1 (PELAJAR only)
ROWS = [
    ("Poster SMA 1", 8, 7, 9, 4),      # 24 + 14 + 27 (+ 4) = 65 (69)
    ("Poster SMA 2", 6, 6, 6, 2),      # 18 + 12 + 18 (+ 2) = 48 (50)
    ("Poster Karang Taruna", 9, 9, 9, None),  # 72
    ("Poster PKK", 10, 6, 8, None),            # 66
]


def recap(judge: str, heading: str = "Rapi?", bonus: int = 0) -> bytes:
    """A judge's own recap whose last heading matches no criterion."""
    return rows_xlsx({"Rekap": [
        ["Rekap nilai lomba poster"],
        [f"Nama juri: {judge}"],
        [],
        ["No", "Peserta", "Kebaruan ide", "Desain visual", "Dampak bagi warga", heading],
        *([number, name, ide, desain + bonus, dampak, kerapian]
          for number, (name, ide, desain, dampak, kerapian) in enumerate(ROWS, 1)),
    ]})


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    entries = tmp_path / "entries.csv"
    entries.write_text(ENTRIES_CSV, encoding="utf-8")
    a = tmp_path / "juri_a.xlsx"
    a.write_bytes(recap("Juri A"))
    b = tmp_path / "juri_b.xlsx"
    b.write_bytes(recap("Juri B", heading="Rapi sekali", bonus=1))
    return {"entries": entries, "a": a, "b": b, "dir": tmp_path}


def detect(files: dict[str, Path], sheet: Path, out: Path | None, capsys) -> tuple[int, str,
                                                                                 str]:
    argv = ["detect", "--rubric", str(POSTER), "--entries", str(files["entries"]), str(sheet)]
    code = main(argv + (["--out", str(out)] if out else []))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def score(files: dict[str, Path], sheets: list[Path], mappings: list[Path], capsys
          ) -> tuple[int, dict | None, str]:
    out = files["dir"] / "result.json"
    out.unlink(missing_ok=True)
    argv = ["score", "--rubric", str(POSTER), "--entries", str(files["entries"]),
            *map(str, sheets), "--json", str(out)]
    for mapping in mappings:
        argv += ["--mapping", str(mapping)]
    code = main(argv)
    err = capsys.readouterr().err
    return code, json.loads(out.read_text("utf-8")) if out.exists() else None, err


def totals(result: dict) -> dict[str, float]:
    return {row["entry_id"]: row["total"] for rows in result["categories"].values()
            for row in rows}


def test_detect_writes_the_mapping_with_what_is_left_to_decide(files, capsys) -> None:
    out = files["dir"] / "juri_a.yaml"
    code, stdout, err = detect(files, files["a"], out, capsys)
    assert code == 0
    assert str(out) in stdout
    text = out.read_text("utf-8")
    # what is unsure is a comment naming its cell, not a guess
    assert "Kolom F 'Rapi?' (Rekap, F4)" in text.splitlines()[1]
    assert "F:" not in text
    mapping, problems = mapping_from_yaml(text, str(out), load_rubric(POSTER),
                                          load_entries(files["entries"]))
    assert not problems
    [sheet] = mapping.sheets
    assert (sheet.sheet, sheet.layout, sheet.header_row) == ("Rekap", "recap", 4)
    assert {c.column: c.criterion_id or c.role for c in sheet.columns} == {
        "A": "number", "B": "entry", "C": "ide", "D": "desain", "E": "dampak"}
    assert sheet.judge.name == "Juri A"
    assert mapping.file == "juri_a.xlsx" and mapping.shape
    # the summary goes to stderr, in English on request
    assert "Perlu dikonfirmasi (1)" in err
    main(["--lang", "en", "detect", "--rubric", str(POSTER), "--entries",
          str(files["entries"]), str(files["a"])])
    captured = capsys.readouterr()
    assert captured.out.startswith("# 1 items are unsure")
    assert "To confirm (1)" in captured.err


def test_score_reads_by_the_edited_mapping(files, capsys) -> None:
    code, plain, err = score(files, [files["a"]], [], capsys)
    assert code == 0
    # without the Kerapian column the students' posters lack a score: the judge is left out
    assert {k: v for k, v in totals(plain).items() if v is not None} == {"u1": 72.0,
                                                                         "u2": 66.0}
    assert "layout.column_not_read" in err
    # the organiser decides the column the detection could not, and reads by the mapping
    out = files["dir"] / "juri_a.yaml"
    detect(files, files["a"], out, capsys)
    edited = out.read_text("utf-8").replace("    E: dampak\n", "    E: dampak\n    F: kerapian\n")
    out.write_text(edited, encoding="utf-8")
    code, mapped, err = score(files, [files["a"]], [out], capsys)
    assert code == 0, err
    assert totals(mapped) == {"p1": 69.0, "p2": 50.0, "u1": 72.0, "u2": 66.0}
    assert "layout.column_not_read" not in err


def test_mapping_is_repeatable_each_for_its_own_files(files, capsys) -> None:
    maps = []
    for key in ("a", "b"):
        out = files["dir"] / f"{key}.yaml"
        detect(files, files[key], out, capsys)
        out.write_text(out.read_text("utf-8").replace("    E: dampak\n",
                                                      "    E: dampak\n    F: kerapian\n"),
                       encoding="utf-8")
        maps.append(out)
    code, result, err = score(files, [files["a"], files["b"]], maps, capsys)
    assert code == 0, err
    # the median of two judges is their mean; judge B gave one more point of desain (× 2)
    assert totals(result) == {"p1": 70.0, "p2": 51.0, "u1": 73.0, "u2": 67.0}
    # one mapping for both files ("file:" a pattern, and no judge: each sheet names its
    # own); judge B's sheet has another heading, so its shape differs: read, with a warning
    shared = files["dir"] / "both.yaml"
    shared.write_text(maps[0].read_text("utf-8").replace("file: juri_a.xlsx", "file: juri_*.xlsx")
                      .replace("  judge: Juri A\n", ""), "utf-8")
    code, result, err = score(files, [files["a"], files["b"]], [shared], capsys)
    assert code == 0, err
    assert "mapping.shape_changed" in err
    assert totals(result) == {"p1": 70.0, "p2": 51.0, "u1": 73.0, "u2": 67.0}


def test_a_broken_mapping_file_is_every_problem_with_its_place(files, capsys) -> None:
    broken = files["dir"] / "rusak.yaml"
    broken.write_text("juri_mapping: 1\nsheets:\n  - sheet: Rekap\n    layout: tabel\n"
                      "entries:\n  Poster Lain: p9\n", encoding="utf-8")
    syntax = files["dir"] / "salah.yaml"
    syntax.write_text("sheets: [\n", encoding="utf-8")
    missing = files["dir"] / "tidak_ada.yaml"
    code, result, err = score(files, [files["a"]], [broken, syntax, missing], capsys)
    assert code == 1
    assert result is None
    assert "sheets[0].layout" in err and "mapping.invalid" in err
    assert "entries.Poster Lain" in err and "mapping.unknown_entry" in err
    assert "mapping.yaml_syntax" in err
    assert "tidak_ada.yaml" in err and "file.unreadable" in err
    assert "Traceback" not in err


def test_detect_on_a_template_and_on_a_refused_file(files, capsys) -> None:
    rubric, entries = load_rubric(POSTER), load_entries(files["entries"])
    template = files["dir"] / "templat.xlsx"
    template.write_bytes(write_template(rubric, entries, "Juri C"))
    out = files["dir"] / "templat.yaml"
    code, stdout, _ = detect(files, template, out, capsys)
    assert code == 0
    assert "templat Juri" in stdout
    assert not out.exists()
    junk = files["dir"] / "bukan.xlsx"
    junk.write_bytes(b"%PDF-1.4 not a workbook" + b"x" * 500)
    code, stdout, err = detect(files, junk, out, capsys)
    assert code == 1
    assert "safety.not_a_spreadsheet" in err
    assert not out.exists()
    code, _, err = detect(files, files["dir"] / "hilang.xlsx", out, capsys)
    assert code == 1 and "file.unreadable" in err
