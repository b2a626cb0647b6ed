"""The History (Riwayat) page through AppTest, on a temporary archive seeded with the sample's
three years (2024 and 2025 imported from data/samples/history/, 2026 the sample competition).
The expectations are worked out here from the CSV files, independently of scoring.store."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from scoring.i18n import t
from tests.store import conftest as store_fixtures
from tests.ui.conftest import assert_clean, frames_with, shows
from ui.common import escape
from ui.views import history as views

HISTORY = Path(__file__).resolve().parents[2] / "data" / "samples" / "history"
PAGE = "ui/history.py"
OLD_NAME = "Kantor Perpustakaan dan Arsip Daerah"
NEW_NAME = "Dinas Arsip dan Perpustakaan Daerah"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# the store tests' fixtures, registered here under these names: ``store_db_url`` is an empty
# database, on SQLite and on PostgreSQL (``backend``)
backend, store_db_url = store_fixtures.backend, store_fixtures.db_url


def _by_hand(category: str) -> pd.DataFrame:
    """2024 → 2025 from the two results files, the 2025 rename applied by hand."""
    before = pd.read_csv(HISTORY / "hasil_2024.csv")
    after = pd.read_csv(HISTORY / "hasil_2025.csv")
    before["peserta"] = before["peserta"].replace({OLD_NAME: NEW_NAME})
    both = before.merge(after, on=["peserta", "kategori"], suffixes=("_before", "_after"))
    both = both[both["kategori"] == category].copy()
    both["rank_gain"] = both["peringkat_before"] - both["peringkat_after"]
    both["total_gain"] = (both["nilai_after"] - both["nilai_before"]).round(2)
    return both


def _frames(at, column_key: str, lang: str = "id") -> list[pd.DataFrame]:
    """The tables on the page with the column ``t(column_key)``, in page order."""
    return frames_with(at, t(column_key, lang))


def _table(at, lang: str = "id") -> pd.DataFrame:
    return _frames(at, "app.history.col.former_names", lang)[0]


def test_history_renders_the_seeded_sample_in_both_languages(app) -> None:
    at = app(PAGE)
    assert at.title[0].value == t("app.history.title", "id")
    table = _table(at)
    assert list(table.columns[:4]) == [t("col.entry", "id"), t("col.category", "id"),
                                       "Peringkat 2024", "Nilai 2024"]
    assert {"Peringkat 2025", "Peringkat 2026", "Nilai 2026"} <= set(table.columns)
    # the newest year's winner first (the 2026 sample's OPD winner)
    assert table[t("col.entry", "id")].iloc[0] == (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    assert len(at.get("vega_lite_chart")) == 2  # bump chart of ranks, line of totals
    at.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(at)
    assert at.title[0].value == t("app.history.title", "en")
    assert {"Rank 2024", "Total 2025", "Former names"} <= set(_table(at, "en").columns)
    assert shows(at, t("app.history.improved_rank", "en"))


def test_charts_reverse_ranks_and_carry_tooltips(app) -> None:
    import json

    at = app(PAGE)
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    bump = specs[0]
    layers = bump["layer"]
    assert all("tooltip" in layer["encoding"] for layer in layers)
    assert layers[0]["encoding"]["y"]["scale"]["reverse"] is True
    assert layers[0]["encoding"]["y"]["scale"]["domain"][0] == 1
    assert bump["config"]["locale"]["number"]["decimal"] == ","
    assert all("tooltip" in layer["encoding"] for layer in specs[1]["layer"])


def test_category_and_entry_filters_change_the_table(app) -> None:
    at = app(PAGE)
    opd = _table(at)
    assert len(opd) == 31  # every OPD group that ever took part (28 in 2024 + 3 newcomers)
    at.selectbox(key="history_category").set_value("KEL").run()
    assert_clean(at)
    kel = _table(at)
    assert len(kel) == 27
    assert kel[t("col.entry", "id")].str.startswith("Kelurahan").all()
    at.multiselect(key="history_entries_KEL").set_value(
        ["kel-bandengan", "kel-kandang-panjang"]).run()
    assert_clean(at)
    chosen = _table(at)
    assert sorted(chosen[t("col.entry", "id")]) == ["Kelurahan Bandengan",
                                                     "Kelurahan Kandang Panjang"]


@pytest.mark.parametrize("category", ["OPD", "KEL"])
def test_most_improved_names_the_right_entries(app, category: str) -> None:
    hand = _by_hand(category)
    best_rank = hand[hand["rank_gain"] == hand["rank_gain"].max()]
    best_total = hand[hand["total_gain"] == hand["total_gain"].max()]
    at = app(PAGE)
    at.selectbox(key="history_category").set_value(category).run()
    at.selectbox(key="history_pair").set_value((2024, 2025)).run()
    assert_clean(at)
    by_rank, by_total = _frames(at, "app.history.col.rank_gain")
    gain = t("app.history.col.rank_gain", "id")
    top = by_rank[by_rank[gain] == by_rank[gain].max()]
    assert sorted(top[t("col.entry", "id")]) == sorted(best_rank["peserta"])
    assert int(top[gain].iloc[0]) == int(best_rank["rank_gain"].iloc[0])
    assert by_total[t("col.entry", "id")].iloc[0] == best_total["peserta"].iloc[0]
    sentence = [m.value for m in at.markdown if "naik" in m.value and "peringkat (" in m.value]
    assert len(sentence) == 1
    for name in best_rank["peserta"]:
        assert name in sentence[0]
    points = format(float(best_total["total_gain"].iloc[0]), ".2f").replace(".", ",")
    assert shows(at, f"naik {points} poin (2024 → 2025)")


def test_by_hand_the_sample_has_a_unique_kel_leader() -> None:
    """The KEL expectations above are one entry each (so the sentence names one)."""
    hand = _by_hand("KEL")
    assert (hand["rank_gain"] == hand["rank_gain"].max()).sum() == 1
    assert hand.loc[hand["rank_gain"].idxmax(), "peserta"] == "Kelurahan Kandang Panjang"
    assert hand.loc[hand["total_gain"].idxmax(), "peserta"] == "Kelurahan Noyontaan Sari"


def test_the_rename_is_followed(app) -> None:
    at = app(PAGE)
    table = _table(at).set_index(t("col.entry", "id"))
    assert OLD_NAME not in table.index  # one row, under today's official name
    row = table.loc[NEW_NAME]
    before = pd.read_csv(HISTORY / "hasil_2024.csv").set_index("peserta").loc[OLD_NAME]
    after = pd.read_csv(HISTORY / "hasil_2025.csv").set_index("peserta").loc[NEW_NAME]
    assert row["Peringkat 2024"] == before["peringkat"]
    assert row["Nilai 2024"] == pytest.approx(before["nilai"])
    assert row["Peringkat 2025"] == after["peringkat"]
    assert pd.notna(row["Peringkat 2026"])
    assert row[t("app.history.col.former_names", "id")] == f"{OLD_NAME} (2024)"
    assert shows(at, t("app.history.renamed_item", "id", name=NEW_NAME,
                       former=f"{OLD_NAME}, 2024"))
    # a renamed group is not a new entrant
    (newcomers,) = _frames(at, "app.history.col.first_year")
    assert NEW_NAME not in set(newcomers[t("col.entry", "id")])
    assert {"Badan Pendapatan Daerah", "Dinas Pertanian dan Pangan",
            "Badan Penanggulangan Bencana Daerah"} == set(newcomers[t("col.entry", "id")])


def test_consistently_at_the_top(app) -> None:
    at = app(PAGE)
    (consistent,) = _frames(at, "app.history.col.mean_rank")
    # BKPSDM: 1st, 2nd, 1st; worked out from the files and the 2026 sample's winner
    assert consistent[t("col.entry", "id")].iloc[0] == (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    at.number_input(key="history_places").set_value(1).run()
    assert_clean(at)
    assert not _frames(at, "app.history.col.mean_rank")  # nobody was always 1st


def test_the_table_downloads_as_xlsx(app, downloads) -> None:
    at = app(PAGE)
    shown = _table(at)
    workbooks = [(data, name) for data, mime, name in downloads if mime == XLSX]
    assert workbooks, "the page offers the table as xlsx"
    data, name = workbooks[-1]
    assert name == "riwayat_OPD.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == tuple(shown.columns)
    assert len(rows) == 2 + len(shown)
    first = dict(zip(rows[1], rows[2], strict=True))
    assert first[t("col.entry", "id")] == shown[t("col.entry", "id")].iloc[0]
    assert isinstance(first["Nilai 2024"], float)  # numbers stay numbers
    assert first["Peringkat 2024"] == 1


def test_the_workbook_neutralises_formulas() -> None:
    frame = pd.DataFrame({"Peserta": ["=HYPERLINK(\"http://x\",\"klik\")", "+62 tim", "Biasa"],
                          "Nilai 2026": [80.5, -1.25, None], "Peringkat 2026": [1, 2, 3]})
    data = views.history_workbook(frame, "id", totals=["Nilai 2026"], title="=judul")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "'=judul"
    assert [r[0] for r in rows[2:]] == ["'=HYPERLINK(\"http://x\",\"klik\")", "'+62 tim",
                                        "Biasa"]
    assert [r[1] for r in rows[2:]] == [80.5, -1.25, None]  # a negative number stays a number
    assert sheet.cell(row=3, column=2).number_format == "0.00"


def test_an_archive_that_cannot_be_opened_is_a_message(app, monkeypatch) -> None:
    monkeypatch.setenv("JURI_DATABASE_URL",
                       "postgresql+psycopg://juri:rahasia@127.0.0.1:1/tidak_ada?connect_timeout=2")
    at = app(PAGE)
    shown = escape("postgresql+psycopg://juri:***@127.0.0.1:1/tidak_ada?connect_timeout=2")
    assert t("app.archive.unavailable", "id", location=shown) in [e.value for e in at.error]
    assert not shows(at, "rahasia")  # the password is never shown
    assert at.button(key="archive_retry")
    at.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(at)
    assert t("app.archive.unavailable", "en", location=shown) in [e.value for e in at.error]
    # a real archive that cannot be opened leaves nobody signed in: the app stays public-only
    # (no ranking, no upload), never open to everyone as the demo is
    assert not shows(at, "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")


def test_the_app_setting_points_at_the_archive(monkeypatch, tmp_path) -> None:
    """Without $JURI_DATABASE_URL the app setting ``database_url`` (secrets.toml) is used."""
    from streamlit.testing.v1 import AppTest

    from tests.ui.conftest import APP, TIMEOUT

    monkeypatch.delenv("JURI_DATABASE_URL", raising=False)
    url = f"sqlite:///{tmp_path / 'setting.db'}"
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets["database_url"] = url
    at.run()
    at.switch_page(PAGE).run()
    assert_clean(at)
    assert shows(at, t("app.archive.source.setting", "id"))
    assert (tmp_path / "setting.db").exists()
    # a real database: the sample is never loaded into it
    assert shows(at, t("app.history.empty", "id"))


def test_the_history_page_on_sqlite_and_postgresql(app, monkeypatch, store_db_url: str
                                                   ) -> None:
    """The same page over an empty demo database of each kind: seeded on first use, then
    shown."""
    from scoring.workspace.demo import DEMO_URL_ENV
    from ui import state

    monkeypatch.setenv(DEMO_URL_ENV, store_db_url)
    state.reopen_archive()
    try:
        at = app(PAGE)
        table = _table(at).set_index(t("col.entry", "id"))
        assert len(table) == 31
        assert table.loc[NEW_NAME, t("app.history.col.former_names", "id")] == (
            f"{OLD_NAME} (2024)")
        at.switch_page("ui/archive.py").run()
        assert_clean(at)
        assert len(_frames(at, "app.archive.col.origin")) == 1
    finally:
        state.reopen_archive()  # close the cached connections before the database goes


def test_the_charts_show_the_top_entries_named_at_the_line_ends(app) -> None:
    """31 OPD groups: the charts draw the top 10 (by their newest year's rank) and write
    each name at its line's end instead of a legend that would list only some."""
    import json

    at = app(PAGE)
    bump = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert all(layer["encoding"]["color"]["legend"] is None for layer in bump["layer"])
    assert bump["layer"][2]["mark"]["type"] == "text"
    assert bump["layer"][2]["encoding"]["text"]["field"] == "name"
    assert shows(at, t("app.history.top_note", "id", shown=10, count=31))
    # one chosen entry: a chart tall enough to read (not a 30-pixel strip)
    at.multiselect(key="history_entries_OPD").set_value(["opd-bkpsdm"]).run()
    assert_clean(at)
    bump = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert bump["height"] >= 280
    assert not shows(at, t("app.history.top_note", "id", shown=1, count=31))


def test_the_highlight_fades_the_other_entries() -> None:
    frame = pd.DataFrame({"group_id": ["a", "a", "b"], "name": ["Dinas Kesehatan"] * 2
                          + ["Dinas Sosial"], "year": [2025, 2026, 2026],
                          "rank": [2.0, 1.0, 2.0]})
    marked = views.highlight_and_ends(frame, "kesehatan")
    assert marked["highlight"].tolist() == [True, True, False]
    assert marked["line_end"].tolist() == [False, True, True]
    assert views.highlight_and_ends(frame, "")["highlight"].all()
    # top 1 by the newest year's rank: a (1 in 2026) before b (2 in 2026)
    assert views.chart_entries(frame, 1) == ["a"]
    assert views.chart_entries(frame, 5, ["b"]) == ["b"]
