"""Boundaries of the shared workspace: organiser vs judge vs public, links, sign-in."""
# ruff: noqa: F811 - pytest fixtures imported from .shared are parameters here

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from scoring.store import schema
from scoring.workspace import accounts, assignments, board, judging, links, release
from scoring.workspace.access import PUBLIC_ACTOR, AccessRefusedError
from scoring.workspace.accounts import RateLimit
from scoring.workspace.audit import audit_log

from .shared import NOW, ORGANISER, archive, backend, competition, db_url, filled_sheet  # noqa: F401

SECRET = "a-test-secret-that-is-long-enough-0123456789"


def codes(exc: pytest.ExceptionInfo) -> list[str]:
    return [p.code for p in exc.value.problems]


def test_the_stored_password_is_an_argon2_hash_that_verifies(archive):
    accounts.create_organiser(archive, "Panitia", "kata-sandi-rahasia", now=NOW)
    with archive.reading() as conn:
        stored = conn.scalar(select(schema.organisers.c.password_hash))
    assert stored != "kata-sandi-rahasia" and "kata-sandi-rahasia" not in stored
    assert stored.startswith("$argon2id$")
    assert PasswordHasher().verify(stored, "kata-sandi-rahasia")
    assert accounts.sign_in(archive, "panitia", "kata-sandi-rahasia", now=NOW).role == "organiser"


def test_short_passwords_and_taken_names_are_refused(archive):
    with pytest.raises(AccessRefusedError) as short:
        accounts.create_organiser(archive, "panitia", "pendek")
    assert codes(short) == ["access.organiser.weak_password"]
    accounts.create_organiser(archive, "panitia", "kata-sandi-rahasia")
    with pytest.raises(AccessRefusedError) as taken:
        accounts.create_organiser(archive, " PANITIA ", "kata-sandi-lainnya")
    assert codes(taken) == ["access.organiser.exists"]


def test_failed_sign_ins_are_rate_limited_and_logged(archive):
    accounts.create_organiser(archive, "panitia", "kata-sandi-rahasia", now=NOW)
    limit = RateLimit(attempts=3, window=dt.timedelta(minutes=15))
    for minute in range(3):
        with pytest.raises(AccessRefusedError) as failed:
            accounts.sign_in(archive, "panitia", "salah", limit=limit,
                             now=NOW + dt.timedelta(minutes=minute))
        assert codes(failed) == ["access.sign_in.failed"]
    # the fourth try, even with the right password, is refused while 3 failures are recent
    with pytest.raises(AccessRefusedError) as limited:
        accounts.sign_in(archive, "panitia", "kata-sandi-rahasia", limit=limit,
                         now=NOW + dt.timedelta(minutes=5))
    assert codes(limited) == ["access.sign_in.rate_limited"]
    # the first failure (minute 0) leaves the window at minute 15: 2 recent failures remain
    actor = accounts.sign_in(archive, "panitia", "kata-sandi-rahasia", limit=limit,
                             now=NOW + dt.timedelta(minutes=15, seconds=1))
    assert actor.name == "panitia"
    actions = list(audit_log(archive, ORGANISER)["action"])
    assert actions == ["organiser.created", "sign_in.failed", "sign_in.failed",
                       "sign_in.failed", "sign_in.rate_limited", "sign_in.ok"]


def test_a_judge_link_opens_only_until_it_expires_is_revoked_or_reissued(archive, competition):
    judge_id = assignments.add_judge(archive, ORGANISER, competition, "Budi")
    link = links.issue_link(archive, ORGANISER, judge_id, SECRET,
                            valid_for=dt.timedelta(days=2), now=NOW)
    actor = links.open_link(archive, link.token, SECRET, now=NOW + dt.timedelta(days=1))
    assert (actor.role, actor.judge_id, actor.competition_id) == ("judge", judge_id, competition)
    # expired: issued at NOW, valid 2 days, opened 2 days and 1 second later
    with pytest.raises(AccessRefusedError) as expired:
        links.open_link(archive, link.token, SECRET,
                        now=NOW + dt.timedelta(days=2, seconds=1))
    assert codes(expired) == ["access.link.expired"]
    # forged: signed with another secret
    with pytest.raises(AccessRefusedError) as forged:
        links.open_link(archive, link.token, SECRET + "x", now=NOW)
    assert codes(forged) == ["access.link.invalid"]
    # reissued: the old link stops working, the new one works
    newer = links.issue_link(archive, ORGANISER, judge_id, SECRET, now=NOW)
    with pytest.raises(AccessRefusedError) as replaced:
        links.open_link(archive, link.token, SECRET, now=NOW)
    assert codes(replaced) == ["access.link.revoked"]
    assert links.open_link(archive, newer.token, SECRET, now=NOW).judge_id == judge_id
    # revoked
    links.revoke_link(archive, ORGANISER, judge_id, now=NOW)
    with pytest.raises(AccessRefusedError) as revoked:
        links.open_link(archive, newer.token, SECRET, now=NOW)
    assert codes(revoked) == ["access.link.revoked"]


def test_no_secret_means_no_links_except_in_the_demo(monkeypatch):
    monkeypatch.delenv(links.SECRET_ENV, raising=False)
    with pytest.raises(AccessRefusedError) as missing:
        links.link_secret()
    assert codes(missing) == ["access.secret.missing"]
    assert links.link_secret(demo=True) == links.DEMO_SECRET
    assert links.link_secret(app_secrets={links.SECRET_ENV: SECRET}) == SECRET


def test_judge_sees_only_their_own_things_and_the_public_only_released_results(
        archive, competition):
    budi = assignments.add_judge(archive, ORGANISER, competition, "Budi")
    sari = assignments.add_judge(archive, ORGANISER, competition, "Sari")
    token = links.issue_link(archive, ORGANISER, budi, SECRET, now=NOW).token
    as_budi = links.open_link(archive, token, SECRET, now=NOW)
    judging.upload_sheet(archive, as_budi, budi, "budi.xlsx", filled_sheet("Budi"))
    sari_upload = judging.upload_sheet(archive, ORGANISER, sari, "sari.xlsx",
                                       filled_sheet("Sari", 6)).receipt.upload_id
    # the judge: own uploads yes, another judge's no, the board and ranking never
    assert list(judging.own_uploads(archive, as_budi, budi)["judge"]) == ["Budi"]
    with pytest.raises(AccessRefusedError) as other:
        judging.own_uploads(archive, as_budi, sari)
    assert codes(other) == ["access.refused.other_judge"]
    with pytest.raises(AccessRefusedError) as report:
        judging.own_report(archive, as_budi, budi, sari_upload)
    assert codes(report) == ["access.refused.other_judge"]
    with pytest.raises(AccessRefusedError) as board_refused:
        board.board(archive, as_budi, competition)
    assert codes(board_refused) == ["access.refused.judge_results"]
    with pytest.raises(AccessRefusedError) as ranking:
        release.released_results(archive, as_budi, competition)
    assert codes(ranking) == ["access.refused.judge_results"]
    with pytest.raises(AccessRefusedError) as publish:
        release.publish(archive, as_budi, competition, confirm_title="x", confirm_year=2026)
    assert codes(publish) == ["access.refused.judge_results"]
    # the public: nothing before release
    with pytest.raises(AccessRefusedError) as hidden:
        release.released_results(archive, PUBLIC_ACTOR, competition)
    assert codes(hidden) == ["access.refused.not_released"]
    with pytest.raises(AccessRefusedError):
        judging.own_uploads(archive, PUBLIC_ACTOR, budi)
    # a wrong confirmation publishes nothing
    with pytest.raises(AccessRefusedError) as mismatch:
        release.publish(archive, ORGANISER, competition,
                        confirm_title="Lomba Poster Inovasi Pelayanan Publik", confirm_year=2025)
    assert codes(mismatch) == ["access.release.confirm_mismatch"]
    release.publish(archive, ORGANISER, competition,
                    confirm_title="Lomba  Poster Inovasi Pelayanan Publik", confirm_year=2026)
    shown = release.released_results(archive, PUBLIC_ACTOR, competition)
    assert list(shown.table.columns) == ["category", "rank", "tied", "name", "total", "award"]
    assert (shown.revision, shown.corrected) == (1, False)
    assert shown.published_at.endswith(" WIB")
