"""The app's service layer (scoring/service.py): plain functions, no Streamlit."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from scoring import service
from scoring.i18n import t
from scoring.pipeline import score
from scoring.sheets import fill_template, template_cells, write_template
from tests.helpers import entries_of, marks, single_leaf

OPD_WINNER = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"


@pytest.fixture(scope="module")
def sample() -> service.Outcome:
    return service.run_competition(service.sample_competition())


# --- inputs ---------------------------------------------------------------------------------


def test_sample_competition_is_complete_and_scores(sample) -> None:
    competition = service.sample_competition()
    assert competition.source == "sample"
    assert len(competition.files) == 5
    assert sample.ok and not sample.problems
    assert sample.result.category("OPD").iloc[0]["name"] == OPD_WINNER


def test_competition_keys_follow_content_only() -> None:
    a = service.sample_competition()
    b = service.sample_competition()
    assert a.key == b.key
    changed = a.with_files([(name, data + b"x") for name, data in a.files])
    assert changed.key != a.key and changed.rubric_key == a.rubric_key
    assert changed.source == "upload"
    renamed = a.with_files([("lain.xlsx", a.files[0][1]), *a.files[1:]], source="sample")
    assert renamed.files_key != a.files_key


def test_judge_names_and_sample_judges() -> None:
    assert service.judge_names(" Ani  Budi \n\n# komentar\nCici\nAni Budi\n") == [
        "Ani Budi", "Cici"]
    assert len(service.sample_judges()) == 5


@pytest.mark.parametrize(("value", "expected"), [
    (None, service.DEFAULT_MAX_UPLOAD_MB), ("", service.DEFAULT_MAX_UPLOAD_MB),
    ("12", 12), ("0", service.DEFAULT_MAX_UPLOAD_MB), ("-3", service.DEFAULT_MAX_UPLOAD_MB),
    ("lima", service.DEFAULT_MAX_UPLOAD_MB),
])
def test_upload_limit_from_the_environment(value: str | None, expected: int) -> None:
    environ = {} if value is None else {service.MAX_UPLOAD_ENV: value}
    assert service.max_upload_mb(environ) == expected


def test_size_problems_name_the_file_in_both_languages() -> None:
    problems = service.size_problems([("a.xlsx", b"x" * 10), ("b.xlsx", b"x" * 3000)], 2048)
    assert [p.file for p in problems] == ["b.xlsx"]
    assert problems[0].is_error
    assert "0,0 MB" in problems[0].message("id") and "batas 0 MB" in problems[0].message("id")
    assert "0.0 MB" in problems[0].message("en")


def test_text_upload_refuses_binary_and_oversized() -> None:
    assert service.text_upload("r.yaml", b"id: x", 100) == ("id: x", [])
    text, problems = service.text_upload("r.yaml", b"\xff\xfe\x00bad", 100)
    assert text is None and problems[0].code == "app.upload.not_text"
    text, problems = service.text_upload("r.yaml", b"x" * 200, 100)
    assert text is None and problems[0].code == "app.upload.too_large"


def test_read_sheets_reports_progress_and_refuses_before_parsing(sample) -> None:
    files = service.sample_competition().files
    seen = []
    table, problems = service.read_sheets(
        files, sample.rubric, sample.entries, max_bytes=service.MB,
        on_file=lambda i, n, name: seen.append((i, n, name)))
    assert seen == [(i, 5, name) for i, (name, _) in enumerate(files)]
    assert len(table) == len(sample.scores) and not problems
    # too large: a problem, not read at all
    seen.clear()
    table, problems = service.read_sheets(
        [("besar.xlsx", files[0][1])], sample.rubric, sample.entries, max_bytes=1000,
        on_file=lambda i, n, name: seen.append(name))
    assert table.empty and seen == []
    assert [p.code for p in problems] == ["app.upload.too_large"]


def test_read_sheets_refuses_what_the_safety_check_refuses(sample) -> None:
    table, problems = service.read_sheets(
        [("gambar.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)], sample.rubric, sample.entries,
        max_bytes=service.MB)
    assert table.empty
    assert problems and all(p.file == "gambar.xlsx" for p in problems)
    assert any(p.code.startswith("safety.") for p in problems)


def test_content_cache_is_an_lru() -> None:
    cache = service.ContentCache(size=2)
    made = []

    def make(value: str) -> Callable[[], str]:
        return lambda: made.append(value) or value

    assert cache.get_or_make("a", make("A")) == "A"
    assert cache.get_or_make("a", make("other")) == "A"
    cache.get_or_make("b", make("B"))
    cache.get_or_make("a", make("A"))  # a is now the most recent
    cache.get_or_make("c", make("C"))  # b goes
    assert "a" in cache and "c" in cache and "b" not in cache
    assert made == ["A", "B", "C"]


def test_broken_inputs_give_problems_not_a_result() -> None:
    competition = service.sample_competition().with_rubric("rusak.yaml", "id: [unclosed")
    outcome = service.run_competition(competition)
    assert outcome.result is None and not outcome.ok
    assert outcome.errors[0].code == "rubric.invalid_yaml"
    assert outcome.errors[0].file == "rusak.yaml"


# --- checking report ------------------------------------------------------------------------


def test_problem_groups_by_file_then_sheet_errors_first(sample) -> None:
    blank = write_template(sample.rubric, sample.entries, "Juri Uji")
    cells = dict.fromkeys(template_cells(blank), 80)
    cells[("opd-dinkes", "tanya_jawab")] = 150
    cells[("kel-tirto", "fr_kostum")] = "banyak"
    files = [("juri_uji.xlsx", fill_template(blank, cells)), ("sampah.xlsx", b"bukan")]
    outcome = service.run_competition(service.sample_competition().with_files(files))
    groups = service.problem_groups(outcome.problems, "en")
    assert groups[0].n_errors > 0
    by_file = {g.file: g for g in groups}
    assert set(by_file["juri_uji.xlsx"].sheets) == {"OPD", "KEL"}
    opd = by_file["juri_uji.xlsx"].sheets["OPD"]
    assert list(opd.columns) == [t(f"col.{c}", "en") for c in ("cell", "severity", "message",
                                                               "code")]
    assert opd[t("col.severity", "en")].iloc[0] == t("problem.error", "en")
    assert "sampah.xlsx" in by_file
    assert service.problem_groups([], "id") == []


# --- the rubric for people --------------------------------------------------------------------


def test_rubric_frame_shows_the_tree_with_percentages(sample) -> None:
    frame = service.rubric_frame(sample.rubric, "id")
    weight = t("app.rubric.weight_in", "id", category="OPD")
    ids = frame[t("col.entry_id", "id")].tolist()
    assert ids[:3] == ["risalah", "langkah", "l1_tema"]
    top = frame[frame[t("col.entry_id", "id")].isin([n.id for n in sample.rubric.criteria])]
    assert top[weight].sum() == pytest.approx(100)
    assert frame.loc[ids.index("risalah"), weight] == pytest.approx(40)
    assert frame.loc[ids.index("l1_tema"), t("col.criterion", "id")].startswith("\u2003\u2003")
    assert frame.loc[ids.index("l1_tema"), t("col.scale", "id")] == "0–100 (kelipatan 1)"


def test_rule_texts(sample) -> None:
    rubric = sample.rubric
    assert "1 nilai tertinggi" in service.panel_rule_text(rubric, "id")
    assert service.tie_rule_label(rubric, "criterion:risalah", "en") == (
        "the Written report (risalah) score")
    assert service.rounding_text(rubric, "id").startswith("subtotal kelompok 2 desimal")
    _, frame, note = service.award_frames(rubric, "id")[0]
    assert frame[t("col.award", "id")].tolist()[:2] == ["Juara I", "Juara II"]
    assert "50" in note


def test_templates_one_per_judge_and_zip(sample) -> None:
    made, problems = service.templates(sample.rubric, sample.entries, ["Ani", "Budi B."])
    assert not problems
    assert [name for name, _ in made] == ["budaya_kerja_tulta_Ani.xlsx",
                                          "budaya_kerja_tulta_Budi_B_.xlsx"]
    archive = zipfile.ZipFile(io.BytesIO(service.zip_files(made)))
    assert archive.namelist() == [name for name, _ in made]
    blank, _ = service.templates(sample.rubric, sample.entries, [])
    assert len(blank) == 1
    assert service.read_rubric_file("budaya_kerja_tulta.yaml").startswith("#")
    with pytest.raises(KeyError):
        service.read_rubric_file("../requirements.txt")


# --- coverage -------------------------------------------------------------------------------


def test_coverage_finds_who_has_not_scored_what(sample) -> None:
    scores = sample.scores
    gap = (scores["judge_id"] == scores["judge_id"].iloc[0]) & (
        scores["entry_id"] == "opd-dinkes") & scores["criterion_id"].isin(["l1_tema", "alat"])
    cells, missing = service.coverage(scores[~gap], sample.rubric, sample.entries, "OPD")
    assert len(cells) == 5 * 31
    assert cells["expected"].iloc[0] == 18
    assert len(missing) == 1
    assert missing.iloc[0]["missing"] == ["l1_tema", "alat"]
    frame = service.missing_frame(missing, sample.rubric, "id")
    assert frame.iloc[0][t("app.coverage.criteria", "id")] == (
        "Langkah 1: Menentukan tema dan sasaran, Penggunaan tujuh alat")
    complete, none_missing = service.coverage(scores, sample.rubric, sample.entries, "KEL")
    assert none_missing.empty and (complete["share"] == 1).all()


# --- results --------------------------------------------------------------------------------


def test_ranking_table_columns_and_numbers(sample) -> None:
    table = service.ranking_table(sample.result, "OPD", "id")
    frame = table.frame
    assert list(frame.columns[:5]) == [t(k, "id") for k in (
        "col.rank", "col.tied", "col.entry", "col.total", "col.award")]
    assert "Risalah" in frame.columns and "Fragmen" in frame.columns
    judges = service.judges_of(sample.result, "OPD")
    assert len(judges) == 5 and all(j in frame.columns for j in judges)
    assert frame.iloc[0][t("col.entry", "id")] == OPD_WINNER
    assert frame[t("col.total", "id")].dtype.kind == "f"
    assert set(table.number_columns) >= {t("col.total", "id"), "Risalah", *judges}
    styled = service.styled(frame, table.number_columns, "id").to_html()
    assert "86,78" in styled and "86.78" not in styled


def test_leaders_and_chart_data(sample) -> None:
    top = service.leaders(sample.result, "KEL", "id")
    assert top[0] == {"award": "Juara I", "name": "Kelurahan Bandengan", "total": "90,62"}
    panel, judges = service.totals_chart_data(sample.result, "OPD", "id")
    assert len(panel) == 31 and len(judges) == 31 * 5
    assert panel.iloc[0]["label"] == f"1. {OPD_WINNER}"
    heat = service.heatmap_data(sample.result, "OPD", "id")
    assert len(heat) == 31 * 18
    assert heat["share"].between(0, 1).all()
    assert "Yel-yel › Kreativitas" in set(heat["criterion"])
    assert "Fragmen › Kreativitas" in set(heat["criterion"])
    spread = service.distribution_data(sample.result, "OPD", "en")
    assert set(spread["judge"]) == set(service.judges_of(sample.result, "OPD"))
    assert spread["total_text"].str.contains(r"^\d+\.\d\d$").all()


# --- rewards --------------------------------------------------------------------------------


def test_awards_margins_and_how_the_tie_was_broken(sample) -> None:
    items = service.awards(sample.result, "OPD", "id")
    assert [a.award for a in items] == ["Juara I", "Juara II", "Juara III", "Harapan I",
                                        "Harapan II", "Harapan III"]
    assert items[0].name == OPD_WINNER and items[0].margin_text == "3,36"
    rule = t("tiebreak.criterion", "id", name="Tanya jawab")
    assert items[1].note == t("tiebreak.ahead", "id", rule=rule)
    assert items[1].margin_text == "0,00"
    assert items[2].note == t("tiebreak.decided", "id", rule=rule)
    assert not any(a.shared for a in items)
    assert service.unresolved_ties(sample.result, "OPD", "id") == []
    [(heading, lines)] = service.tie_steps(sample.result, "OPD", "en")
    assert "83.42" in heading
    assert lines[0].endswith("still equal") and lines[2].endswith("separates them")
    frame = service.awards_frame(items, "id")
    assert frame[t("col.reward", "id")].iloc[0] == "Rp10.000.000"


def test_a_tie_no_rule_separates_is_left_to_the_organisers() -> None:
    rubric = single_leaf(awards={"places": [{"name": "Juara I"}, {"name": "Juara II"}]})
    entries = entries_of(("a", "A"), ("b", "A"), ("c", "A"))
    table = marks(entries, {("a", "j1"): {"c": 90}, ("b", "j1"): {"c": 90},
                            ("c", "j1"): {"c": 70}})
    result = score(rubric, entries, table)
    items = service.awards(result, "A", "id")
    assert [a.award for a in items] == ["Juara I", "Juara I"]
    assert all(a.shared for a in items)
    [sentence] = service.unresolved_ties(result, "A", "id")
    assert "Entry a, Entry b" in sentence and "peringkat 1" in sentence
    [(_, lines)] = service.tie_steps(result, "A", "id")
    assert lines[-1] == t("app.rewards.step_unresolved", "id")


# --- judges ---------------------------------------------------------------------------------


def test_judge_tables_and_agreement(sample) -> None:
    tables = service.judge_tables(sample.result, "OPD", "id", outlier_sds=3.0)
    judges = tables.judges
    assert len(judges) == 5
    assert judges[t("app.judges.col.correlation", "id")].between(-1, 1).all()
    loose = service.judge_tables(sample.result, "OPD", "id", outlier_sds=2.0)
    assert len(loose.outliers) >= len(tables.outliers)
    summary = service.agreement_of(sample.result, "OPD")
    assert summary is not None and summary.n_judges == 5 and summary.n_complete_entries == 31
    assert 0 < summary.kendall.w <= 1
    assert service.quality_word(0.91, "id") == t("app.agreement.excellent", "id")
    assert service.quality_word(float("nan"), "en") == t("app.agreement.undefined", "en")
    assert service.number_text(float("inf"), "id") == "–"
    assert service.number_text(0.5, "id") == "0,50"


# --- what if --------------------------------------------------------------------------------


def test_simulated_rubric_is_a_fresh_rubric(sample) -> None:
    rubric = sample.rubric
    _ = rubric.nodes, rubric.fingerprint  # cached on the original
    weights = {**service.group_weights(rubric), "presentasi": 80.0}
    changed = service.simulated_rubric(rubric, weights, "median")
    assert changed.nodes["presentasi"].weight == 80
    assert changed.criteria[1].weight == 80
    assert changed.fingerprint != rubric.fingerprint
    assert changed.panel.rule == "median" and rubric.panel.rule == "trimmed_mean"
    assert rubric.nodes["presentasi"].weight == 20  # the official rubric is untouched
    assert service.simulated_rubric(rubric, weights, "rank_sum").panel.apply_to == "total"
    with pytest.raises(ValueError):
        service.simulated_rubric(rubric, weights, "loudest")
    shares = service.weight_shares(rubric, weights)
    assert sum(shares.values()) == pytest.approx(100)


def test_simulation_moves_the_ranking_and_compare_shows_arrows(sample) -> None:
    same = service.simulate(sample, service.group_weights(sample.rubric),
                            sample.rubric.panel.rule, "id")
    unchanged = service.compare(sample.result, same, "OPD", "id")
    assert unchanged.moved == 0 and not unchanged.winner_changed
    weights = dict.fromkeys(service.group_weights(sample.rubric), 1.0) | {"presentasi": 100.0}
    simulated = service.simulate(sample, weights, "median", "id")
    comparison = service.compare(sample.result, simulated, "OPD", "id")
    change = comparison.frame[t("app.sim.col.change", "id")]
    assert comparison.moved > 0
    assert change.str.startswith("↑").any() and change.str.startswith("↓").any()
    official = comparison.frame.set_index(t("col.entry", "id"))[
        t("app.sim.col.official_rank", "id")]
    expected = sample.result.category("OPD").set_index("name")["rank"]
    assert official.sort_index().tolist() == expected.sort_index().tolist()
    assert service.arrow(2) == "↑2" and service.arrow(-1) == "↓1" and service.arrow(0) == "="
    html = service.comparison_styled(comparison, "id").to_html()
    assert "#1a7f37" in html and "#cf222e" in html


def test_styled_keeps_numbers_and_formats_the_indonesian_way() -> None:
    frame = pd.DataFrame({"a": [85.5, np.nan], "b": ["x", "y"]})
    html = service.styled(frame, ["a", "missing"], "id").to_html()
    assert "85,50" in html and "–" in html
    assert frame["a"].dtype.kind == "f"
