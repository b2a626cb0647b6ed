"""The workspace's boundaries on the pages (AppTest): the demo, the public, a judge through
their link, an organiser signed in. Each test has its own database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scoring.i18n import t
from scoring.store import open_archive
from scoring.store.archive import Archive
from scoring.store.database import URL_ENV
from scoring.workspace import accounts, assignments, judging, links, release
from scoring.workspace.access import organiser
from scoring.workspace.session import SAMPLE_ENTRIES, SAMPLE_RUBRIC, SAMPLE_SHEETS
from tests.ui.conftest import APP, TIMEOUT, assert_clean, shows, texts

SECRET = "a-test-secret-that-is-long-enough-0123456789"
PASSWORD = "rahasia-panjang-sekali"
JUDGES = ("Dra. Sri Wahyuni, M.Si.", "Ir. Bambang Setiawan")
"""The judges of the sample sheets juri_1.xlsx and juri_2.xlsx."""
OPD_WINNER = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"


@pytest.fixture
def archive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Archive:
    """A fresh database with one organiser account (so: not the demo)."""
    url = f"sqlite:///{tmp_path / 'workspace.db'}"
    monkeypatch.setenv(URL_ENV, url)
    monkeypatch.setenv(links.SECRET_ENV, SECRET)
    found = open_archive(url)
    accounts.create_organiser(found, "panitia", PASSWORD)
    return found


@pytest.fixture
def competition(archive: Archive) -> tuple[int, list[int]]:
    """The sample competition as a draft with two judges; the first has uploaded."""
    boss = organiser("panitia")
    cid, _ = release.create_competition(archive, boss, SAMPLE_RUBRIC.read_text("utf-8"),
                                        SAMPLE_ENTRIES.read_text("utf-8-sig"))
    ids = [assignments.add_judge(archive, boss, cid, name) for name in JUDGES]
    judging.upload_sheet(archive, boss, ids[0], "juri_1.xlsx",
                         (SAMPLE_SHEETS / "juri_1.xlsx").read_bytes())
    return cid, ids


def start(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert_clean(at)
    return at


def unreachable(at: AppTest, page: str) -> bool:
    """``page`` is not in this session's navigation (AppTest cannot switch to it)."""
    try:
        at.switch_page(page)
    except ValueError as exc:
        return "Could not find a navigation page" in str(exc)
    return False


def submit(at: AppTest, label_key: str) -> AppTest:
    label = t(label_key, "id")
    next(b for b in at.button if b.label == label).click().run()
    return at


def sign_in(at: AppTest, password: str = PASSWORD) -> AppTest:
    at.switch_page("ui/signin.py").run()
    at.text_input(key="ws_username").input("panitia")
    at.text_input(key="ws_password").input(password)
    return submit(at, "app.signin.submit")


def test_without_a_real_database_the_app_is_the_labelled_demo() -> None:
    at = start()  # tests/ui/conftest.py: no $JURI_DATABASE_URL, the demo database
    assert at.title[0].value == t("app.results.title", "id")
    assert [w.value for w in at.sidebar.warning] == [t("app.ws.demo", "id")]
    assert shows(at, OPD_WINNER)


def test_a_real_database_without_an_organiser_is_public_only(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(URL_ENV, f"sqlite:///{tmp_path / 'real.db'}")
    at = start()
    assert [e.value for e in at.sidebar.error] == [t("app.ws.no_organiser", "id")]
    assert not at.sidebar.warning  # not called a demo
    assert at.title[0].value == t("app.public.title", "id")  # no ranking, no upload page


def test_the_public_sees_no_ranking_and_no_draft(archive: Archive, competition) -> None:
    at = start()
    assert at.title[0].value == t("app.public.title", "id")
    assert shows(at, t("app.public.none", "id"))  # the draft is not listed
    assert not shows(at, OPD_WINNER) and not shows(at, JUDGES[0])
    for page in ("ui/results.py", "ui/judges.py", "ui/upload.py", "ui/board.py",
                 "ui/organiser_setup.py", "ui/organiser_release.py", "ui/audit.py",
                 "ui/judge_home.py"):
        assert unreachable(at, page), page


def test_a_wrong_password_is_refused_with_the_message(archive: Archive) -> None:
    at = sign_in(start(), "not-the-password")
    assert [e.value for e in at.error] == [t("access.sign_in.failed", "id")]
    assert at.title[0].value == t("app.signin.title", "id")


def test_repeated_failures_hit_the_rate_limit(archive: Archive,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(accounts.ATTEMPTS_ENV, "2")
    at = start()
    for _ in range(2):
        at = sign_in(at, "not-the-password")
        assert [e.value for e in at.error] == [t("access.sign_in.failed", "id")]
    at = sign_in(at)  # even the right password is refused now
    limited = t("access.sign_in.rate_limited", "id", username="panitia", until="X")
    assert len(at.error) == 1
    assert at.error[0].value.startswith(limited.split("X")[0])
    assert at.title[0].value == t("app.signin.title", "id")


def test_an_organiser_signs_in_sees_the_workspace_and_signs_out(archive: Archive,
                                                                competition) -> None:
    at = sign_in(start())
    assert_clean(at)
    assert at.title[0].value == t("app.setup.title", "id")
    assert shows(at, JUDGES[0]) and shows(at, JUDGES[1])
    at.switch_page("ui/board.py").run()
    assert_clean(at)
    assert at.title[0].value == t("app.board.title", "id")
    assert shows(at, t("access.board.complete", "id"))  # juri_1 scored every entry
    assert shows(at, JUDGES[1])
    assert shows(at, t("access.board.not_started", "id"))
    at.switch_page("ui/audit.py").run()
    assert_clean(at)
    assert shows(at, "sign_in.ok") and shows(at, "upload")
    next(b for b in at.sidebar.button if b.label == t("app.ws.sign_out", "id")).click().run()
    assert at.title[0].value == t("app.public.title", "id")


def test_an_idle_session_expires(archive: Archive) -> None:
    at = sign_in(start())
    assert at.title[0].value == t("app.setup.title", "id")
    at.session_state["ws_seen"] = 0.0  # last used in 1970
    at.run()
    assert at.title[0].value == t("app.signin.title", "id")
    assert unreachable(at, "ui/organiser_setup.py")
    assert t("app.ws.expired", "id") in [e.value for e in at.error]


def test_a_judge_sees_only_their_own_scoring(archive: Archive, competition) -> None:
    _, ids = competition
    link = links.issue_link(archive, organiser("panitia"), ids[1], SECRET)
    at = start({links.LINK_PARAMETER: link.token})
    assert at.title[0].value == t("app.judge.title", "id")
    assert shows(at, JUDGES[1]) and not shows(at, JUDGES[0])
    assert shows(at, t("app.judge.none", "id"))  # their own uploads: none yet
    assert shows(at, OPD_WINNER)  # an entry to score, by name only: no place, no award
    assert not shows(at, "Juara I")
    for page in ("ui/results.py", "ui/judges.py", "ui/upload.py", "ui/board.py",
                 "ui/public.py", "ui/history.py", "ui/audit.py", "ui/organiser_setup.py"):
        assert unreachable(at, page), page


def test_a_revoked_link_is_refused_on_the_page(archive: Archive, competition) -> None:
    _, ids = competition
    boss = organiser("panitia")
    link = links.issue_link(archive, boss, ids[0], SECRET)
    links.revoke_link(archive, boss, ids[0])
    at = start({links.LINK_PARAMETER: link.token})
    assert at.title[0].value == t("app.public.title", "id")
    refused = t("app.ws.link_refused", "id", reason=t("access.link.revoked", "id"))
    assert refused in [e.value for e in at.error]


def test_an_expired_link_is_refused_on_the_page(archive: Archive, competition) -> None:
    _, ids = competition
    issued = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    link = links.issue_link(archive, organiser("panitia"), ids[0], SECRET,
                            valid_for=dt.timedelta(days=1), now=issued)
    at = start({links.LINK_PARAMETER: link.token})
    assert at.title[0].value == t("app.public.title", "id")
    assert any(e.value.startswith(t("app.ws.link_refused", "id", reason="")) and
               "kedaluwarsa" in e.value.lower() for e in at.error), [e.value for e in at.error]


def test_after_release_the_public_sees_places_not_marks(archive: Archive, competition) -> None:
    cid, ids = competition
    boss = organiser("panitia")
    for number, judge_id in ((2, ids[1]),):
        judging.upload_sheet(archive, boss, judge_id, f"juri_{number}.xlsx",
                             (SAMPLE_SHEETS / f"juri_{number}.xlsx").read_bytes())
    found = archive.competition(cid)
    release.publish(archive, boss, cid, confirm_title=found.title, confirm_year=found.year)
    at = start()
    assert at.title[0].value == t("app.public.title", "id")
    shown = texts(at)
    assert any(found.title in text for text in shown)
    assert not shows(at, JUDGES[0]) and not shows(at, JUDGES[1])
    columns = {str(c) for frame in at.dataframe for c in frame.value.columns}
    assert columns == {t(f"app.public.col.{c}", "id") for c in ("rank", "name", "total",
                                                                 "award")}


def test_publish_needs_the_title_and_year_then_a_correction_is_a_new_revision(
        archive: Archive, competition) -> None:
    cid, ids = competition
    found = archive.competition(cid)
    at = sign_in(start())
    at.switch_page("ui/organiser_release.py").run()
    assert shows(at, t("app.release.hidden", "id"))
    at.text_input(key="ws_confirm_title").input("Lomba yang lain")
    at.number_input(key="ws_confirm_year").set_value(found.year)
    submit(at, "app.release.publish")
    mismatch = t("access.release.confirm_mismatch", "id", title=found.title, year=found.year)
    assert mismatch in [e.value for e in at.error]
    assert not archive.competition(cid).is_published
    at.text_input(key="ws_confirm_title").input(found.title)
    submit(at, "app.release.publish")
    assert_clean(at)
    assert shows(at, t("app.release.published", "id", revision=1))
    assert archive.competition(cid).is_published
    # the second judge's sheet arrives late: a correction with a reason
    judging.upload_sheet(archive, organiser("panitia"), ids[1], "juri_2.xlsx",
                         (SAMPLE_SHEETS / "juri_2.xlsx").read_bytes())
    at.text_input(key="ws_correct_reason").input("nilai juri kedua terlambat")
    submit(at, "app.release.correct_button")
    assert_clean(at)
    assert shows(at, t("app.release.published", "id", revision=2))
    # one file changed between revision 1 and 2: the second judge's sheet was added
    assert any(text.startswith("Revisi 1 → 2:") and "1 berkas juri berubah" in text
               for text in texts(at))
    public = start()
    assert any("Dikoreksi pada" in text and "nilai juri kedua terlambat" in text
               for text in texts(public))


def test_a_provider_verified_organiser_is_signed_in_and_a_stranger_refused(
        archive: Archive) -> None:
    """What the sign-in page does after ``st.login``: the provider's e-mail must be an
    organiser account (made with the CLI); both outcomes are in the audit log."""
    from scoring.workspace.audit import audit_log

    actor = accounts.sign_in_verified(archive, "Panitia", via="oidc")
    assert actor == organiser("panitia")
    with pytest.raises(accounts.AccessRefusedError) as refused:
        accounts.sign_in_verified(archive, "orang.lain@example.go.id", via="oidc")
    assert [p.code for p in refused.value.problems] == ["access.sign_in.failed"]
    log = audit_log(archive, actor)
    assert log["action"].tolist()[-2:] == ["sign_in.ok", "sign_in.failed"]
    assert log["detail"].str.contains('"via": "oidc"').tolist()[-2:] == [True, True]


def test_a_judge_sees_their_stored_upload_and_submits_it_as_final(archive: Archive,
                                                                  competition) -> None:
    _, ids = competition
    link = links.issue_link(archive, organiser("panitia"), ids[1], SECRET)
    judge = links.open_link(archive, link.token, SECRET)
    judging.upload_sheet(archive, judge, ids[1], "juri_2.xlsx",
                         (SAMPLE_SHEETS / "juri_2.xlsx").read_bytes())
    at = start({links.LINK_PARAMETER: link.token})
    assert any(text.startswith("Terbaru: **juri\\_2.xlsx** (versi 1, diterima)")
               for text in texts(at)), texts(at)
    submit(at, "app.judge.final")
    assert_clean(at)
    # the sample sheet scores all 58 entries on the rubric's 18 criteria: 58 × 18 = 1044
    summary = t("access.final.summary", "id", entries=58, marks=58 * 18, missing=0)
    assert t("app.judge.final_done", "id", summary=summary) in [s.value for s in at.success]
