"""A small two-category competition end to end through the CLI, JSON checked by hand."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scoring.cli import main
from scoring.sheets.template_fill import fill_template

ROOT = Path(__file__).resolve().parents[1]
POSTER = ROOT / "rubrics" / "lomba_inovasi_poster.yaml"

ENTRIES_CSV = """id,name,category,aliases
p1,Poster Antrean Puskesmas,PELAJAR,
p2,Poster Sampah Pasar,PELAJAR,
u1,Aplikasi Lapor Jalan,UMUM,Lapor Jalan
u2,Layanan KTP Keliling,UMUM,
u3,Kelas Literasi Digital,UMUM,
"""

# (entry, judge) -> scores; poster rubric: points weighting, ide × 3, desain × 2, dampak × 3,
# kerapian × 1 (PELAJAR only); panel = median of judges' totals; totals rounded to 1 decimal
SCORES = {
    ("p1", "J1"): {"ide": 8, "desain": 7, "dampak": 9, "kerapian": 4},     # 24+14+27+4 = 69
    ("p1", "J2"): {"ide": 9, "desain": 8, "dampak": 9, "kerapian": 5},     # 27+16+27+5 = 75
    ("p1", "J3"): {"ide": 7, "desain": 6, "dampak": 8, "kerapian": 3},     # 21+12+24+3 = 60
    ("p2", "J1"): {"ide": 10, "desain": 10, "dampak": 10, "kerapian": 5},  # 30+20+30+5 = 85
    ("p2", "J2"): {"ide": 6, "desain": 6, "dampak": 6, "kerapian": 2},     # 18+12+18+2 = 50
    ("p2", "J3"): {"ide": "8,5", "desain": 7, "dampak": 9, "kerapian": 4},  # 25.5+14+27+4 = 70.5
    ("u1", "J1"): {"ide": 9, "desain": 9, "dampak": 9},     # 27+18+27 = 72
    ("u1", "J2"): {"ide": 8, "desain": 8, "dampak": 8},     # 24+16+24 = 64
    ("u1", "J3"): {"ide": 10, "desain": 10, "dampak": 10},  # 30+20+30 = 80
    ("u2", "J1"): {"ide": 10, "desain": 6, "dampak": 8},    # 30+12+24 = 66
    ("u2", "J2"): {"ide": 9, "desain": 9, "dampak": 10},    # 27+18+30 = 75
    ("u2", "J3"): {"ide": 7, "desain": 7, "dampak": 7},     # 21+14+21 = 56
    ("u3", "J1"): {"ide": 8, "desain": 9, "dampak": 10},    # 24+18+30 = 72
    ("u3", "J2"): {"ide": 10, "desain": 10, "dampak": 10},  # 80
    ("u3", "J3"): {"ide": 5, "desain": 5, "dampak": 5},     # 15+10+15 = 40
}


def run(*args: str) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def competition(tmp_path: Path) -> dict[str, Path]:
    entries = tmp_path / "entries.csv"
    entries.write_text(ENTRIES_CSV, encoding="utf-8")
    judges = tmp_path / "judges.txt"
    judges.write_text("# the panel\nJ1\nJ2\nJ3\n", encoding="utf-8")
    assert run("template", "--rubric", POSTER, "--entries", entries,
               "--all-judges", judges, "--out", tmp_path / "blank") == 0
    sheets = []
    for judge in ("J1", "J2", "J3"):
        blank = tmp_path / "blank" / f"lomba_inovasi_poster_{judge}.xlsx"
        mine = {(entry, crit): value for (entry, j), by in SCORES.items() if j == judge
                for crit, value in by.items()}
        filled = tmp_path / f"{judge}.xlsx"
        filled.write_bytes(fill_template(blank.read_bytes(), mine))
        sheets.append(filled)
    return {"entries": entries, "dir": tmp_path, **{f"s{i}": s for i, s in enumerate(sheets)}}


def test_score_prints_ranking_and_writes_json_and_workbook(competition, capsys) -> None:
    out, js = competition["dir"] / "results.xlsx", competition["dir"] / "results.json"
    sheets = [competition["s0"], competition["s1"], competition["s2"]]
    status = run("--lang", "en", "score", "--rubric", POSTER, "--entries",
                 competition["entries"], *sheets, "--out", out, "--json", js)
    printed = capsys.readouterr().out
    assert status == 0
    assert "Aplikasi Lapor Jalan" in printed and "Kelas Literasi Digital" in printed

    data = json.loads(js.read_text(encoding="utf-8"))
    pelajar = [(r["entry_id"], r["rank"], r["total"], r["award"])
               for r in data["categories"]["PELAJAR"]]
    # medians: p2 of (85, 50, 70.5) = 70.5; p1 of (69, 75, 60) = 69; both Silver (60 ≤ t < 75)
    assert pelajar == [("p2", 1, 70.5, "Silver"), ("p1", 2, 69, "Silver")]
    umum = {r["entry_id"]: r for r in data["categories"]["UMUM"]}
    # u3 median 72 (J1: dampak part 30) and u1 median 72 (J1: dampak part 27) tie on the total;
    # the first tie-break, dampak, puts u3 ahead; u2 median of (66, 75, 56) = 66
    assert [(e, umum[e]["rank"], umum[e]["total"]) for e in ("u3", "u1", "u2")] == [
        ("u3", 1, 72), ("u1", 2, 72), ("u2", 3, 66)]
    assert umum["u3"]["decided_by"] == "criterion:dampak"
    assert umum["u3"]["subtotals"]["dampak"] == 30 and umum["u1"]["subtotals"]["dampak"] == 27
    assert umum["u1"]["tied"] is False
    assert "kerapian" not in umum["u1"]["subtotals"]
    assert data["problems"] == []
    assert len(data["fingerprint"]) == 64

    workbook = load_workbook(out)
    assert workbook.sheetnames[:2] == ["PELAJAR", "UMUM"]
    # below the title block (scoring.documents.workbook.TITLE_ROWS) and the header
    umum_sheet = [row for row in workbook["UMUM"].iter_rows(values_only=True)][3:]
    assert umum_sheet[1][:5] == (1, "no", "u3", "Kelas Literasi Digital", 72.0)
    fingerprints = [row[:2] for row in workbook.worksheets[-1].iter_rows(values_only=True)
                    if row[0] == "Input fingerprint"]
    assert fingerprints == [("Input fingerprint", data["fingerprint"])]


def test_errors_block_the_result_with_exit_1(competition, capsys) -> None:
    broken = competition["dir"] / "broken.xlsx"
    mine = {("p1", "ide"): 7.3, ("u1", "dampak"): 11}
    blank = competition["dir"] / "blank" / "lomba_inovasi_poster_J1.xlsx"
    broken.write_bytes(fill_template(blank.read_bytes(), mine, judge="J4"))
    js = competition["dir"] / "r.json"
    status = run("--lang", "en", "score", "--rubric", POSTER, "--entries",
                 competition["entries"], competition["s0"], broken, "--json", js)
    captured = capsys.readouterr()
    assert status == 1
    assert "broken.xlsx" in captured.err
    codes = {p["code"] for p in json.loads(js.read_text())["problems"]}
    assert {"score.off_step", "score.out_of_range"} <= codes


def test_usage_errors_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["score"])
    assert caught.value.code == 2


def test_broken_rubric_exits_1_with_its_messages(tmp_path: Path, capsys) -> None:
    rubric = tmp_path / "r.yaml"
    rubric.write_text("id: x\ntitle: X\ncategories: []\ncriteria: []\n", encoding="utf-8")
    entries = tmp_path / "e.csv"
    entries.write_text(ENTRIES_CSV, encoding="utf-8")
    status = main(["score", "--rubric", str(rubric), "--entries", str(entries), "none.xlsx"])
    assert status == 1
    assert "r.yaml" in capsys.readouterr().err


def test_python_dash_m_scoring_on_the_sample(tmp_path: Path) -> None:
    sheets = sorted((ROOT / "data" / "samples" / "budaya_kerja_2026").glob("*.xlsx"))
    assert len(sheets) == 5
    js = tmp_path / "sample.json"
    completed = subprocess.run(
        [sys.executable, "-m", "scoring", "score", "--rubric",
         str(ROOT / "rubrics" / "budaya_kerja_tulta.yaml"), "--entries",
         str(ROOT / "data" / "entries_pekalongan_sample.csv"), *map(str, sheets),
         "--json", str(js), "--out", str(tmp_path / "sample.xlsx")],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert "Juara I" in completed.stdout
    data = json.loads(js.read_text(encoding="utf-8"))
    assert len(data["categories"]["OPD"]) == 31 and len(data["categories"]["KEL"]) == 27
    # the sample is made with one tie that the rubric's third rule (Tanya jawab) breaks
    decided = [r for r in data["categories"]["OPD"] if r["decided_by"]]
    assert {r["decided_by"] for r in decided} == {"criterion:tanya_jawab"}
    assert decided[0]["total"] == decided[1]["total"]
