"""Every page of the app through streamlit.testing.v1.AppTest, on the bundled sample and on
uploads with mistakes."""

from __future__ import annotations

import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from scoring.entries import parse_entries
from scoring.i18n import t
from scoring.rubric import parse_rubric
from scoring.sheets import fill_template, template_cells, write_template
from scoring.workspace import session
from scoring.workspace import templates as judge_templates
from tests.ui.conftest import APP, PAGE_TITLES, TIMEOUT, assert_clean, shows, texts
from ui import PAGES
from ui.views import results as results_view
from ui.views import rewards as rewards_view

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPD_WINNER = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
KEL_WINNER = "Kelurahan Bandengan"


@pytest.fixture(scope="module")
def sample() -> session.Outcome:
    return session.run_competition(session.sample_competition())


def test_page_list_and_titles_agree() -> None:
    assert [spec.path for spec in PAGES if "demo" in spec.audience] == list(PAGE_TITLES)
    assert sum(spec.default for spec in PAGES) == 1
    assert len({spec.url_path for spec in PAGES}) == len(PAGES)


def test_first_start_shows_the_scored_sample(app) -> None:
    at = app()
    assert at.title[0].value == t("app.results.title", "id")
    assert shows(at, t("app.source.sample", "id"))
    assert shows(at, OPD_WINNER) and shows(at, KEL_WINNER)
    assert len(at.dataframe) == 2  # one ranking per category


@pytest.mark.parametrize("page", list(PAGE_TITLES))
def test_every_page_renders_with_the_sample(app, page: str) -> None:
    at = app(page)
    assert at.title[0].value == t(PAGE_TITLES[page], "id")
    assert not at.error


@pytest.mark.parametrize("page", list(PAGE_TITLES))
def test_language_switch_changes_the_texts(app, page: str) -> None:
    at = app(page)
    before = texts(at)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(at)
    assert at.title[0].value == t(PAGE_TITLES[page], "en")
    assert at.title[0].value != t(PAGE_TITLES[page], "id")
    assert texts(at) != before
    at.sidebar.radio(key="lang").set_value("id").run()
    assert at.title[0].value == t(PAGE_TITLES[page], "id")


def test_results_use_indonesian_numbers_and_english_on_request(app, sample) -> None:
    at = app("ui/results.py")
    total = sample.result.category("OPD").iloc[0]["total"]
    assert shows(at, f"{OPD_WINNER} — {total:.2f}".replace(".", ","))
    ranking = at.dataframe[0].value
    assert ranking[t("col.entry", "id")].iloc[0] == OPD_WINNER
    assert ranking[t("col.total", "id")].dtype.kind == "f"  # numbers stay numbers: sortable
    at.sidebar.radio(key="lang").set_value("en").run()
    assert shows(at, f"{OPD_WINNER} — {total:.2f}")
    assert t("col.total", "en") in at.dataframe[0].value.columns


def test_rewards_name_the_sample_winners(app, sample) -> None:
    for category, winner in (("OPD", OPD_WINNER), ("KEL", KEL_WINNER)):
        first = sample.result.category(category)
        assert first.loc[first["place_index"] == 0, "name"].tolist() == [winner]
    at = app("ui/rewards.py")
    cards = [m.value for m in at.markdown if "Juara I**" in m.value]
    assert any(OPD_WINNER in card for card in cards)
    assert any(KEL_WINNER in card for card in cards)
    # the OPD tie at 83,42 was broken on Tanya jawab, and the page says so
    ahead = t("tiebreak.ahead", "id", rule=t("tiebreak.criterion", "id", name="Tanya jawab"))
    assert ahead in [c.value for c in at.caption]
    assert at.get("download_button")


def _template_with(scores_value: object = 80, bad: object = 150) -> bytes:
    sample = session.run_competition(session.sample_competition())
    blank = write_template(sample.rubric, sample.entries, "Juri Uji")
    cells = dict.fromkeys(template_cells(blank), scores_value)
    cells[("opd-disdukcapil", "l1_tema")] = bad
    return fill_template(blank, cells)


def _upload(at, files: list[tuple[str, bytes]]) -> None:
    at.file_uploader[0].set_value([(name, data, XLSX) for name, data in files]).run()
    assert_clean(at)


def test_upload_with_errors_shows_them_and_no_ranking(app) -> None:
    st.cache_resource.clear()  # so that these files are read now, with progress shown
    at = app("ui/upload.py")
    _upload(at, [("juri_uji.xlsx", _template_with()), ("sampah.xlsx", b"not a workbook")])
    # reading new files shows its progress
    assert [s.label for s in at.status] == [t("app.upload.read_done", "id", count=2)]
    assert at.get("progress")
    assert at.error, "the upload's errors must be reported"
    # one bad cell (150) + one file that is not a workbook = 2 errors; the gap the bad cell
    # leaves in the judge's marks is not counted a second time
    assert t("app.upload.has_errors", "id", count=2) in [e.value for e in at.error]
    assert shows(at, t("app.upload.using_upload", "id", count=2))
    labels = [e.label for e in at.expander]
    assert any(label.startswith("juri\\_uji.xlsx — 1 kesalahan") for label in labels)
    assert any("sampah" in label for label in labels)
    assert shows(at, "Nilai 150 di luar skala 0–100")
    assert shows(at, "D10")  # the cell to fix
    # in English, the same report in English
    at.sidebar.radio(key="lang").set_value("en").run()
    assert shows(at, "150")
    assert not shows(at, "Nilai 150 di luar skala")
    # the results page holds no ranking and says where to look
    at.switch_page("ui/results.py").run()
    assert_clean(at)
    assert not at.dataframe
    assert not shows(at, OPD_WINNER)
    assert t("app.blocked.errors", "en", count=2) in [e.value for e in at.error]


def test_upload_of_the_sample_files_replaces_and_back_to_sample(app) -> None:
    at = app("ui/upload.py")
    files = session.sample_competition().files
    _upload(at, list(files[:4]))  # four judges only: a warning, not an error
    assert shows(at, t("app.upload.using_upload", "id", count=4))
    assert not at.error
    assert at.warning
    at.switch_page("ui/results.py").run()
    assert shows(at, t("app.source.upload", "id", count=4))
    at.switch_page("ui/upload.py").run()
    at.button[0].click().run()  # back to the sample
    assert_clean(at)
    assert shows(at, t("app.upload.using_sample", "id", count=5))


def test_too_large_upload_is_a_problem_not_a_crash(app, monkeypatch) -> None:
    monkeypatch.setenv(session.MAX_UPLOAD_ENV, "1")
    at = app("ui/upload.py")
    assert at.file_uploader[0].proto.max_upload_size_mb == 1  # the widget's own limit
    big = _template_with() + b"\0" * (1024 * 1024)
    _upload(at, [("besar.xlsx", big)])  # AppTest does not enforce it: our code does
    assert shows(at, "Berkas terlalu besar")
    # the file is refused, so there are no scores at all: two errors
    assert t("app.upload.has_errors", "id", count=2) in [e.value for e in at.error]


def test_missing_scores_show_who_has_not_scored_what(app) -> None:
    at = app("ui/upload.py")
    sample = session.run_competition(session.sample_competition())
    blank = write_template(sample.rubric, sample.entries, "Juri Uji")
    cells = dict.fromkeys(template_cells(blank), 80)
    del cells[("opd-dinkes", "tanya_jawab")]
    _upload(at, [("juri_uji.xlsx", fill_template(blank, cells))])
    assert shows(at, t("app.coverage.gaps", "id", count=1))
    assert shows(at, "Dinas Kesehatan")
    assert shows(at, "Tanya jawab")


def test_what_if_moves_the_simulated_ranking_never_the_official(app) -> None:
    at = app("ui/results.py")
    official = [frame.value.copy() for frame in at.dataframe]
    at.switch_page("ui/simulation.py").run()
    assert shows(at, "SIMULASI")
    for node_id in ("risalah", "tanya_jawab", "yel_yel", "fragmen"):
        at.slider(key=f"sim_weight_{node_id}").set_value(1.0)
    at.slider(key="sim_weight_presentasi").set_value(100.0)
    at.selectbox(key="sim_rule").set_value("median").run()
    assert_clean(at)
    simulated = at.dataframe[0].value
    change = simulated[t("app.sim.col.change", "id")]
    assert change.str.startswith("↑").any() and change.str.startswith("↓").any()
    moved = next(m for m in at.metric if m.label == t("app.sim.moved", "id"))
    assert int(moved.value) > 0
    # official columns in the simulation equal the official ranking
    official_total = simulated.set_index(t("col.entry", "id"))[t("app.sim.col.official_total",
                                                                  "id")]
    ranking = official[0].set_index(t("col.entry", "id"))[t("col.total", "id")]
    assert official_total.sort_index().equals(ranking.sort_index())
    # back on the results page, nothing official moved
    at.switch_page("ui/results.py").run()
    for before, frame in zip(official, at.dataframe, strict=True):
        assert frame.value.equals(before)
    assert shows(at, OPD_WINNER)


def test_what_if_reset_restores_the_official_rubric(app) -> None:
    at = app("ui/simulation.py")
    at.slider(key="sim_weight_presentasi").set_value(100.0).run()
    at.button[0].click().run()
    assert_clean(at)
    assert at.slider(key="sim_weight_presentasi").value == 20.0
    assert set(at.dataframe[0].value[t("app.sim.col.change", "id")]) == {"="}


def test_broken_rubric_shows_its_messages_with_the_place(app) -> None:
    at = app("ui/competition.py")
    text = session.SAMPLE_RUBRIC.read_text(encoding="utf-8").replace(
        "weight: 40", "weight: -40", 1).replace("rule: trimmed_mean", "rule: biggest")
    at.file_uploader[0].set_value(("rusak.yaml", text.encode(), "application/yaml")).run()
    assert_clean(at)
    assert shows(at, t("app.competition.rubric_broken", "id", file="rusak.yaml", count=2))
    assert shows(at, "criteria[0].weight")
    assert shows(at, "panel.rule")
    at.sidebar.radio(key="lang").set_value("en").run()
    assert shows(at, t("app.competition.rubric_broken", "en", file="rusak.yaml", count=2))
    # every other page says there is no result, without a traceback
    at.switch_page("ui/results.py").run()
    assert_clean(at)
    assert t("app.blocked.inputs", "en") in [e.value for e in at.error]


def test_choosing_another_rubric_from_the_folder(app) -> None:
    at = app("ui/competition.py")
    at.selectbox(key="rubric_choice").set_value("lomba_inovasi_poster.yaml").run()
    assert_clean(at)
    assert shows(at, "Lomba Poster Inovasi Pelayanan Publik")
    assert shows(at, "Emas")


def test_competition_page_offers_templates_per_judge_and_zip(app) -> None:
    at = app("ui/competition.py")
    buttons = at.get("download_button")
    assert len(buttons) == 1 + len(judge_templates.sample_judges())
    at.text_area(key="judge_names").set_value("Juri A\nJuri B\n").run()
    assert len(at.get("download_button")) == 3


def test_unexpected_failure_shows_a_short_message(app, monkeypatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(results_view, "ranking_table", broken)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert t("app.error.unexpected", "id") in [e.value for e in at.error]
    assert not shows(at, "boom")


def test_switching_pages_and_languages_never_reads_the_sheets_again(app, monkeypatch) -> None:
    from scoring import sheets

    calls = []
    real = sheets.read_many

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(sheets, "read_many", counting)
    st.cache_resource.clear()
    at = app()
    for page in PAGE_TITLES:
        at.switch_page(page).run()
        assert_clean(at)
    at.sidebar.radio(key="lang").set_value("en").run()
    for page in PAGE_TITLES:
        at.switch_page(page).run()
        assert_clean(at)
    assert len(calls) == 1


POSTER_ENTRIES = """id,name,category
p1,Poster SMA 1,PELAJAR
p2,Poster SMA 2,PELAJAR
p3,Poster SMK 1,PELAJAR
u1,Poster Karang Taruna,UMUM
u2,Poster PKK,UMUM
u3,Poster Komunitas Batik,UMUM
"""


def _poster_sheets() -> tuple[str, list[tuple[str, bytes]]]:
    rubric_text = (judge_templates.RUBRICS_DIR / "lomba_inovasi_poster.yaml").read_text("utf-8")
    rubric, _ = parse_rubric(rubric_text, "poster.yaml")
    entries, _ = parse_entries(POSTER_ENTRIES, "poster.csv")
    files = []
    for j, judge in enumerate(("Juri A", "Juri B", "Juri C")):
        blank = write_template(rubric, entries, judge)
        cells = {}
        for i, (entry_id, criterion) in enumerate(sorted(template_cells(blank))):
            scale = rubric.nodes[criterion].scale
            steps = int((scale.max - scale.min) / scale.step)
            cells[(entry_id, criterion)] = scale.min + scale.step * ((i * 7 + j * 3) % steps)
        files.append((f"poster_{j}.xlsx", fill_template(blank, cells)))
    return rubric_text, files


def test_another_competition_nothing_hard_wired(app) -> None:
    """The poster contest: points weighting, median panel, bands only, a category that uses
    part of the criteria; every page works on it."""
    rubric_text, files = _poster_sheets()
    at = app("ui/competition.py")
    at.file_uploader[0].set_value(("poster.yaml", rubric_text.encode(), "application/yaml"))
    at.file_uploader[1].set_value(("poster.csv", POSTER_ENTRIES.encode(), "text/csv")).run()
    assert_clean(at)
    assert shows(at, "Lomba Poster Inovasi Pelayanan Publik")
    assert shows(at, t("app.source.sample_changed", "id"))
    at.switch_page("ui/upload.py").run()
    _upload(at, files)
    assert not at.error
    for page in PAGE_TITLES:
        at.switch_page(page).run()
        assert_clean(at)
        assert not at.error, (page, [e.value for e in at.error])
    at.switch_page("ui/simulation.py").run()
    at.slider(key="sim_weight_dampak").set_value(10.0).run()
    assert_clean(at)
    at.switch_page("ui/rewards.py").run()
    assert any(band in " ".join(texts(at)) for band in ("Emas", "Perak", "Perunggu"))


def test_rewards_offers_every_document(app) -> None:
    at = app("ui/rewards.py")
    labels = [b.proto.label for b in at.get("download_button")]
    for choice in rewards_view.document_choices():
        assert choice.label("id") in labels


def test_a_refused_file_is_never_next_to_a_green_all_clear(app) -> None:
    at = app("ui/upload.py")
    # every entry fully scored by one judge, beside a file that is refused
    blank = _template_with(80, 80)
    _upload(at, [("juri_uji.xlsx", blank), ("rusak.xlsx", b"")])
    assert t("app.upload.has_errors", "id", count=1) in [e.value for e in at.error]
    assert not at.success, [s.value for s in at.success]
    assert shows(at, t("app.upload.widget_hint", "id")[:20])
    # the report names no internal code, and no label repeats its bracket: "(OPD) (OPD)"

    assert not any(re.search(r"\(([^()]+)\) \(\1\)", text) for text in texts(at))
    assert not any(t("col.code", "id") in frame.value.columns for frame in at.dataframe)
