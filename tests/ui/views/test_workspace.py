"""The workspace pages' models: who sees which page, session expiry, and the tables the
pages show (public results without marks, the board, uploads, links)."""

from __future__ import annotations

import pandas as pd
import pytest

from scoring.i18n import t
from scoring.workspace.access import PUBLIC_ACTOR, judge, organiser, system
from scoring.workspace.board import Board
from scoring.workspace.release import Released
from ui import PAGES
from ui.views import workspace as model


def paths(who: str) -> list[str]:
    return [spec.path for spec in model.visible(PAGES, who)]


def test_the_audience_follows_the_actor_and_the_accounts() -> None:
    assert model.audience(None, 0, demo=True) == "demo"
    assert model.audience(None, 0, demo=False) == "public"  # a real database is never open
    assert model.audience(None, 1, demo=True) == "public"
    assert model.audience(PUBLIC_ACTOR, 1, demo=False) == "public"
    assert model.audience(organiser("panitia"), 1, demo=False) == "organiser"
    assert model.audience(system(), 2, demo=False) == "organiser"
    # a judge through a link is a judge, accounts or not
    assert model.audience(judge("Juri", 3, 1), 0, demo=True) == "judge"
    assert model.audience(judge("Juri", 3, 1), 1, demo=False) == "judge"


def test_a_judge_sees_only_their_own_page() -> None:
    assert paths("judge") == ["ui/judge_home.py"]


def test_the_public_sees_released_results_history_and_sign_in_only() -> None:
    assert paths("public") == ["ui/history.py", "ui/public.py", "ui/signin.py"]


def test_organisers_see_everything_but_the_judge_and_sign_in_pages() -> None:
    shown = paths("organiser")
    assert "ui/judge_home.py" not in shown and "ui/signin.py" not in shown
    assert len(shown) == len(PAGES) - 2
    assert {"ui/results.py", "ui/board.py", "ui/audit.py", "ui/organiser_release.py"} <= set(
        shown)
    for who, first in model.FIRST_PAGE.items():
        assert first in paths(who)


def test_the_demo_has_the_desk_and_no_workspace_pages() -> None:
    shown = paths("demo")
    assert "ui/results.py" in shown and "ui/public.py" in shown
    assert not {"ui/board.py", "ui/audit.py", "ui/judge_home.py", "ui/signin.py"} & set(shown)
    with pytest.raises(ValueError):
        model.visible(PAGES, "reviewer")


def test_sessions_expire_after_the_idle_limit() -> None:
    hours = 8.0
    assert not model.expired(None, 10_000.0, hours)
    assert not model.expired(1000.0, 1000.0 + 8 * 3600 - 1, hours)  # one second short
    assert model.expired(1000.0, 1000.0 + 8 * 3600, hours)
    assert model.session_hours({}) == 8.0
    assert model.session_hours({"JURI_SESSION_HOURS": "0.5"}) == 0.5
    assert model.session_hours({"JURI_SESSION_HOURS": "-1"}) == 8.0
    assert model.session_hours({"JURI_SESSION_HOURS": "lama"}) == 8.0


def test_the_base_url_for_links_drops_the_page() -> None:
    assert model.base_url("http://127.0.0.1:8501/lomba") == "http://127.0.0.1:8501/"
    assert model.base_url("https://juri.example.go.id/app/lomba?x=1") == (
        "https://juri.example.go.id/app/")
    assert model.base_url("http://127.0.0.1:8501") == "http://127.0.0.1:8501/"
    assert model.base_url(None) == "" and model.base_url("lomba") == ""


def released(corrected: bool) -> Released:
    table = pd.DataFrame({
        "category": ["OPD", "OPD", "OPD", "KEL"],
        "rank": [1, 2, 2, 1],
        "tied": [False, True, True, False],
        "name": ["Dinas A", "Dinas B", "Dinas C", "Kelurahan D"],
        "total": [90.5, 80.25, 80.25, 70.0],
        "award": ["Juara I", "Juara II", "Juara II", None],
    })
    return Released(7, "Lomba", 2026, 2 if corrected else 1, corrected,
                    "2 November 2026 15.15 WIB", "nilai juri 3 salah ketik" if corrected
                    else "", table)


def test_public_tables_show_places_and_awards_only() -> None:
    found = model.public_tables(released(False), "id")
    assert [category for category, _, _ in found] == ["OPD", "KEL"]
    _, winners, ranking = found[0]
    columns = [t(f"app.public.col.{c}", "id") for c in ("rank", "name", "total", "award")]
    assert list(ranking.columns) == columns
    assert ranking[columns[0]].tolist() == ["1", "2 (sama)", "2 (sama)"]
    assert winners[columns[1]].tolist() == ["Dinas A", "Dinas B", "Dinas C"]
    _, kel_winners, kel_ranking = found[1]
    assert len(kel_winners) == 0 and len(kel_ranking) == 1  # ranked, no award
    lines = model.winner_lines(winners, "id")
    assert lines[0] == "Juara I: **Dinas A** (90,50)"
    assert lines[1] == "Juara II: **Dinas B** (80,25)"


def test_the_note_says_when_a_result_was_corrected_and_why() -> None:
    assert model.released_note(released(False), "id") == "Dirilis 2 November 2026 15.15 WIB."
    note = model.released_note(released(True), "en")
    assert note == ("Corrected on 2 November 2026 15.15 WIB (revision 2): "
                    "nilai juri 3 salah ketik")


def test_the_board_in_words() -> None:
    found = Board(
        pd.DataFrame([(1, "Juri A", "", "complete", "Lengkap", "1 Desember 2026 09.00 WIB", 2,
                       0, ""),
                      (2, "Juri B", "Dinkes", "not_started", "Belum mulai", "", 0, 3,
                       "a, b, c")],
                     columns=["judge_id", "judge", "agency", "status", "status_label",
                              "last_upload", "uploads", "missing", "missing_entries"]),
        pd.DataFrame([("a", "Dinas A", "OPD", 1, 2)],
                     columns=["entry_id", "name", "category", "scored", "expected"]))
    assert model.board_lines(found, "id") == [
        "**Juri A**: Lengkap · terakhir 1 Desember 2026 09.00 WIB",
        "**Juri B**: Belum mulai",
    ]
    judges, entries = model.board_tables(found, "en")
    assert list(judges.columns) == ["Judge", "Agency", "Status", "Last upload", "Uploads",
                                    "Missing", "Entries missing"]
    assert judges["Status"].tolist() == ["Lengkap", "Belum mulai"]
    assert list(entries.columns) == ["Entry", "Category", "Judges scored", "Judges expected"]


def test_uploads_newest_first_and_the_newest_in_words() -> None:
    frame = pd.DataFrame({
        "upload_id": [4, 9], "judge": ["Juri A", "Juri A"], "version": [1, 2],
        "status": ["rejected", "ok"], "current": [False, True],
        "purpose": ["sheet", "sheet"], "filename": ["a.xlsx", "a_fix.xlsx"],
        "sha256": ["x", "y"], "size": [10, 11],
        # 08.00 UTC is 15.00 WIB (UTC+7)
        "uploaded_at": ["2026-12-01T07:00:00+00:00", "2026-12-01T08:00:00+00:00"],
        "uploader": ["Juri A", "Juri A"], "score_count": [0, 540],
    })
    table = model.uploads_table(frame, "id")
    assert table[t("app.judge.col.version", "id")].tolist() == [2, 1]
    assert table[t("app.judge.col.time", "id")].tolist()[0] == "1 Desember 2026 15.00 WIB"
    assert model.latest_upload(frame, "id") == (
        "Terbaru: **a_fix.xlsx** (versi 2, diterima), 1 Desember 2026 15.00 WIB.")
    assert table[t("app.judge.col.status", "id")].tolist() == ["diterima", "ditolak"]
    assert [model.upload_status(s, "en") for s in ("new", "new_version", "rejected")] == [
        "accepted", "accepted", "rejected"]


def test_the_judges_table_names_the_link_state() -> None:
    frame = pd.DataFrame([(1, "Juri A", "Dinkes", "revoked", "", 60, 1),
                          (2, "Juri B", "", "active", "9 Desember 2026 10.00 WIB", 61, 0)],
                         columns=["judge_id", "name", "agency", "link", "link_expires",
                                  "assigned", "conflicted"])
    table = model.judges_table(frame, "id")
    assert table[t("app.setup.col.link", "id")].tolist() == ["dicabut", "aktif"]
    assert "judge_id" not in table.columns


def test_competition_options_name_title_year_and_status() -> None:
    frame = pd.DataFrame({"competition_id": [3, 1], "title": ["Lomba B", "Lomba A"],
                          "year": [2026, 2025], "status": ["draft", "published"]})
    assert model.competition_options(frame, "id") == {3: "Lomba B (2026) · draf",
                                                     1: "Lomba A (2025) · dirilis"}
