"""Judges' private links: signed, expiring, revocable, one per judge per competition.

Words used here:
- *token*: what the link carries, ``{"c": competition, "j": judge, "n": nonce}`` signed by
  itsdangerous's :class:`~itsdangerous.URLSafeTimedSerializer` with the *secret* (salt
  :data:`SALT`). A changed or forged token fails the signature.
- *nonce*: random text stored with the judge. Issuing the judge a link again stores a new
  nonce, so the old link stops working: one valid link per judge per competition.
- *expiry*: a link is valid until ``link_expires_at`` (issued + :data:`DEFAULT_LINK_DAYS`
  days, or ``$JURI_LINK_DAYS``); after that it is refused and a new one must be issued.
- *revoked*: an organiser can revoke a link; it is refused from then on.
- *secret* (:func:`link_secret`): ``$JURI_SECRET_KEY``, else the app's secrets
  (``JURI_SECRET_KEY`` in the app's secrets file, see docs/security.md), at least 32
  characters. There is no default, except :data:`DEMO_SECRET` for the demo database only.
- *link URL*: the app's address with ``?judge=<token>``.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets as random
from collections.abc import Mapping
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import Connection

from scoring.i18n import t
from scoring.problems import error
from scoring.store import people
from scoring.store.archive import Archive
from scoring.workspace.access import (
    MANAGE,
    AccessRefusedError,
    Actor,
    judge,
    require,
)
from scoring.workspace.audit import record
from scoring.workspace.times import local_time, moment, parse_stored, stored

SECRET_ENV = "JURI_SECRET_KEY"
LINK_DAYS_ENV = "JURI_LINK_DAYS"
DEFAULT_LINK_DAYS = 14
MIN_SECRET_LENGTH = 32
SALT = "juri.judge-link"
LINK_PARAMETER = "judge"
DEMO_SECRET = "juri-demo-database-only-this-is-not-a-secret"


@dataclass(frozen=True)
class JudgeLink:
    """A link just issued: the token to put in the URL and when it expires (stored time)."""

    judge_id: int
    judge: str
    token: str
    expires_at: str

    def url(self, base_url: str) -> str:
        separator = "&" if "?" in base_url else "?"
        return f"{base_url}{separator}{LINK_PARAMETER}={self.token}"

    def message(self, base_url: str, title: str, year: int, lang: str = "id") -> str:
        """A ready-to-send message with the link, for a chat or an e-mail."""
        return t("access.link.message", lang, judge=self.judge, title=title, year=year,
                 url=self.url(base_url), expires=local_time(self.expires_at, lang))


def link_secret(*, demo: bool = False, app_secrets: Mapping[str, object] | None = None
                ) -> str:
    """The secret that signs links (see the module docstring); :class:`AccessRefusedError`
    ``access.secret.missing`` when there is none fit for a real database."""
    value = os.environ.get(SECRET_ENV) or str((app_secrets or {}).get(SECRET_ENV) or "")
    if len(value) >= MIN_SECRET_LENGTH:
        return value
    if demo:
        return DEMO_SECRET
    raise AccessRefusedError([error("access.secret.missing")])


def link_days() -> int:
    return int(os.environ.get(LINK_DAYS_ENV) or DEFAULT_LINK_DAYS)


def issue_link(archive: Archive, actor: Actor, judge_id: int, secret: str, *,
               valid_for: dt.timedelta | None = None, now: dt.datetime | None = None
               ) -> JudgeLink:
    """Issue the judge a new link (any older one stops working); organisers only."""
    require(actor, MANAGE)
    at = moment(now)
    expires = at + (valid_for or dt.timedelta(days=link_days()))
    nonce = random.token_urlsafe(24)

    def work(conn: Connection) -> JudgeLink:
        found = people.judge(conn, judge_id)
        people.set_link(conn, judge_id, nonce=nonce, issued_at=stored(at),
                        expires_at=stored(expires))
        record(conn, actor, "link.issued", found.competition_id,
               {"judge": found.name, "expires_at": stored(expires)}, now=at)
        token = _serializer(secret).dumps({"c": found.competition_id, "j": judge_id,
                                           "n": nonce})
        return JudgeLink(judge_id, found.name, str(token), stored(expires))

    return archive.write(work)


def revoke_link(archive: Archive, actor: Actor, judge_id: int, *,
                now: dt.datetime | None = None) -> None:
    """Revoke the judge's link; organisers only."""
    require(actor, MANAGE)
    at = moment(now)

    def work(conn: Connection) -> None:
        found = people.judge(conn, judge_id)
        people.revoke_link(conn, judge_id, stored(at))
        record(conn, actor, "link.revoked", found.competition_id, {"judge": found.name},
               now=at)

    archive.write(work)


def open_link(archive: Archive, token: str, secret: str, *, now: dt.datetime | None = None,
              lang: str = "id") -> Actor:
    """The judge actor of a valid link; :class:`AccessRefusedError` with
    ``access.link.invalid``, ``access.link.revoked`` or ``access.link.expired``."""
    try:
        data = _serializer(secret).loads(token)
        competition_id, judge_id, nonce = int(data["c"]), int(data["j"]), str(data["n"])
    except (BadSignature, KeyError, TypeError, ValueError):
        raise AccessRefusedError([error("access.link.invalid")]) from None
    with archive.reading() as conn:
        try:
            found = people.judge(conn, judge_id)
        except people.UnknownJudgeError:
            raise AccessRefusedError([error("access.link.invalid")]) from None
    if found.competition_id != competition_id or found.link_nonce is None:
        raise AccessRefusedError([error("access.link.invalid")])
    if found.link_nonce != nonce or found.link_revoked_at is not None:
        raise AccessRefusedError([error("access.link.revoked")])
    if found.link_expires_at is None or moment(now) >= parse_stored(found.link_expires_at):
        raise AccessRefusedError([error("access.link.expired",
                                        expired=local_time(found.link_expires_at, lang))])
    return judge(found.name, found.id, found.competition_id)


def _serializer(secret: str) -> URLSafeTimedSerializer:
    if not secret:
        raise AccessRefusedError([error("access.secret.missing")])
    return URLSafeTimedSerializer(secret, salt=SALT)
