"""Times as the archive stores them: UTC, ISO 8601 text with microseconds and ``+00:00``."""

from __future__ import annotations

import datetime as dt


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
