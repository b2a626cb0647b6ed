"""Times in the shared workspace: a clock that tests can replace, and times shown in WIB.

Words used here:
- *clock*: a function returning the current moment as an aware UTC ``datetime``
  (:func:`system_clock`). Workflows take ``now`` (a moment) so that tests can inject one, for
  example to see a link expire.
- *stored time*: UTC ISO 8601 text, as the archive keeps every time (:func:`stored`).
- *local time*: a stored time shown in the workspace's zone, ``Asia/Jakarta`` (WIB) unless
  ``$JURI_TIMEZONE`` names another IANA zone, with the zone's abbreviation always written:
  ``2 November 2026 15.15 WIB`` (Indonesian) or ``2 November 2026 15:15 WIB`` (English).
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from scoring.i18n import DEFAULT_LANGUAGE, format_date

TIMEZONE_ENV = "JURI_TIMEZONE"
DEFAULT_TIMEZONE = "Asia/Jakarta"


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def moment(now: dt.datetime | None) -> dt.datetime:
    """``now`` as an aware UTC moment (the system clock's when None)."""
    if now is None:
        return system_clock()
    if now.tzinfo is None:
        raise ValueError("a naive datetime is ambiguous: give a time zone")
    return now.astimezone(dt.UTC)


def stored(value: dt.datetime) -> str:
    """A moment as the archive stores it (UTC ISO text with microseconds)."""
    return moment(value).isoformat(timespec="microseconds")


def parse_stored(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def local_zone() -> ZoneInfo:
    """The workspace's zone: ``$JURI_TIMEZONE`` or Asia/Jakarta (an unknown name is refused)."""
    name = os.environ.get(TIMEZONE_ENV) or DEFAULT_TIMEZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{TIMEZONE_ENV}={name!r} is not a known time zone") from None


def local_time(value: str | dt.datetime | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A stored time (or a moment) in the local zone, with the zone shown; ``""`` for none."""
    if value is None or value == "":
        return ""
    when = parse_stored(value) if isinstance(value, str) else moment(value)
    local = when.astimezone(local_zone())
    separator = "." if lang == "id" else ":"
    return (f"{format_date(local.date(), lang)} {local.hour:02d}{separator}{local.minute:02d}"
            f" {local.tzname()}")
