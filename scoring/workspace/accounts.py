"""Organiser accounts: created from the CLI, passwords hashed with argon2, sign-in with a
rate limit, every attempt logged.

Words used here:
- *username key*: the username folded (:func:`scoring.identity.judge_key`: case, accents and
  spacing ignored), so ``Panitia`` and ``panitia`` are one account.
- *password hash*: argon2id by argon2-cffi's :class:`~argon2.PasswordHasher` (its own salt and
  parameters inside the hash). The password itself is never stored or logged. A hash made
  with older parameters is replaced at the next good sign-in.
- *rate limit* (:class:`RateLimit`): after ``attempts`` failed sign-ins for one username
  within ``window`` (since its last good one), further attempts are refused without checking
  the password until the oldest of them leaves the window. Defaults 5 per 15 minutes;
  ``$JURI_SIGNIN_ATTEMPTS`` and ``$JURI_SIGNIN_WINDOW_MINUTES`` change them.

There is no default account and no default password: the first organiser is made with
``python -m scoring workspace create-organiser``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection

from scoring.identity import clean_name, judge_key
from scoring.problems import error
from scoring.store import people
from scoring.store.archive import Archive
from scoring.workspace.access import AccessRefusedError, Actor, organiser, system
from scoring.workspace.audit import record
from scoring.workspace.times import local_time, moment, parse_stored, stored

MIN_PASSWORD_LENGTH = 10
ATTEMPTS_ENV, WINDOW_ENV = "JURI_SIGNIN_ATTEMPTS", "JURI_SIGNIN_WINDOW_MINUTES"
_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("juri: a password nobody has, for equal timing")


@dataclass(frozen=True)
class RateLimit:
    attempts: int = 5
    window: dt.timedelta = dt.timedelta(minutes=15)

    @classmethod
    def from_env(cls) -> RateLimit:
        return cls(int(os.environ.get(ATTEMPTS_ENV) or 5),
                   dt.timedelta(minutes=float(os.environ.get(WINDOW_ENV) or 15)))


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def create_organiser(archive: Archive, username: str, password: str, *,
                     by: Actor | None = None, now: dt.datetime | None = None) -> int:
    """Make an organiser account; returns its id. Refused (:class:`AccessRefusedError`) for an
    empty username, a password shorter than :data:`MIN_PASSWORD_LENGTH`, or a taken name."""
    name = clean_name(username)
    by = by or system()
    if not name:
        raise AccessRefusedError([error("access.organiser.bad_username")])
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccessRefusedError([error("access.organiser.weak_password",
                                        minimum=MIN_PASSWORD_LENGTH)])
    if not by.can_manage:
        raise AccessRefusedError([error("access.refused.organiser_only")])
    hashed = hash_password(password)
    at = moment(now)

    def work(conn: Connection) -> int:
        if people.find_organiser(conn, judge_key(name)) is not None:
            raise AccessRefusedError([error("access.organiser.exists", username=name)])
        organiser_id = people.insert_organiser(conn, username=name, username_key=judge_key(name),
                                               password_hash=hashed, created_by=by.name,
                                               at=stored(at))
        record(conn, by, "organiser.created", None, {"username": name}, now=at)
        return organiser_id

    return archive.write(work)


def organiser_count(archive: Archive) -> int:
    with archive.reading() as conn:
        return people.organiser_count(conn)


def sign_in(archive: Archive, username: str, password: str, *,
            limit: RateLimit | None = None, now: dt.datetime | None = None,
            lang: str = "id") -> Actor:
    """The organiser actor for a correct username and password; otherwise
    :class:`AccessRefusedError` (``access.sign_in.failed`` whatever was wrong, or
    ``access.sign_in.rate_limited``). Every attempt is recorded and logged."""
    limit = limit or RateLimit.from_env()
    at = moment(now)
    name = clean_name(username)
    key = judge_key(name)
    with archive.reading() as conn:
        account = people.find_organiser(conn, key) if key else None
        failures = people.recent_failures(conn, key, stored(at - limit.window))
    if len(failures) >= limit.attempts:
        until = local_time(parse_stored(failures[-limit.attempts]) + limit.window, lang)
        archive.write(lambda conn: record(conn, Actor("public", name or "-"),
                                          "sign_in.rate_limited", None, {"username": name},
                                          now=at))
        raise AccessRefusedError([error("access.sign_in.rate_limited", username=name,
                                        until=until)])
    ok = _verify(account.password_hash if account else _DUMMY_HASH, password)
    ok = ok and account is not None and not account.disabled

    def work(conn: Connection) -> None:
        people.record_attempt(conn, key, ok, stored(at))
        who = organiser(account.username) if ok and account else Actor("public", name or "-")
        record(conn, who, "sign_in.ok" if ok else "sign_in.failed", None,
               {"username": name}, now=at)
        if ok and account and _HASHER.check_needs_rehash(account.password_hash):
            people.set_password_hash(conn, account.id, hash_password(password))

    archive.write(work)
    if not ok or account is None:
        raise AccessRefusedError([error("access.sign_in.failed")])
    return organiser(account.username)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def sign_in_verified(archive: Archive, username: str, *, via: str,
                     now: dt.datetime | None = None) -> Actor:
    """The organiser actor for ``username`` already proven by an identity provider (``via``,
    e.g. ``oidc``: the app's ``st.login``); :class:`AccessRefusedError`
    (``access.sign_in.failed``) when there is no such enabled account. Logged either way."""
    at = moment(now)
    name = clean_name(username)
    with archive.reading() as conn:
        account = people.find_organiser(conn, judge_key(name)) if name else None
    ok = account is not None and not account.disabled
    who = organiser(account.username) if ok and account else Actor("public", name or "-")
    archive.write(lambda conn: record(conn, who, "sign_in.ok" if ok else "sign_in.failed",
                                      None, {"username": name, "via": via}, now=at))
    if not ok:
        raise AccessRefusedError([error("access.sign_in.failed")])
    return who
