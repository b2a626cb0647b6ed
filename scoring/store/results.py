"""Published results as the archive keeps them: the JSON as published, plus one row per entry.

Words used here:
- *result JSON*: the text of ``Result.to_json()``::

      {"fingerprint": "…",
       "categories": {"OPD": [{"entry_id": "…", "name": "…", "rank": 1, "tied": false,
                               "total": 85.5, "subtotals": {…}, "award": "Juara I", …}, …]},
       "problems": […]}

  The archive stores it unchanged (it is what was announced) and reads only the keys above.
- *result row*: one entry's line of a category, flattened for history queries:
  ``category, entry_id, name, rank, tied, total, award`` (rank, total and award may be empty).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

ROW_COLUMNS = ("category", "entry_id", "name", "rank", "tied", "total", "award")


def parse_result(result_json: str) -> tuple[str, list[dict[str, Any]]]:
    """The fingerprint and the result rows of a result JSON text.

    Raises ValueError when the text is not a result: results come from the engine, so a
    malformed one is a programming error, not a user's mistake.
    """
    try:
        data = json.loads(result_json)
    except json.JSONDecodeError as exc:
        raise ValueError(f"the result is not JSON: {exc}") from None
    if not isinstance(data, Mapping) or not isinstance(data.get("categories"), Mapping):
        raise ValueError("the result JSON needs an object with a 'categories' object")
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for category, items in data["categories"].items():
        if not isinstance(items, Sequence) or isinstance(items, str):
            raise ValueError(f"category {category!r}: expected a list of entries")
        for item in items:
            if not isinstance(item, Mapping) or not item.get("entry_id"):
                raise ValueError(f"category {category!r}: every entry needs an 'entry_id'")
            key = (str(category), str(item["entry_id"]))
            if key in seen:
                raise ValueError(f"entry {key[1]!r} appears twice in category {key[0]!r}")
            seen.add(key)
            rows.append({
                "category": key[0],
                "entry_id": key[1],
                "name": str(item.get("name") or ""),
                "rank": _integer(item.get("rank")),
                "tied": bool(item.get("tied", False)),
                "total": _number(item.get("total")),
                "award": _award(item.get("award")),
            })
    return str(data.get("fingerprint") or ""), rows


def build_result_json(categories: Mapping[str, Sequence[Mapping[str, Any]]], fingerprint: str,
                      problems: Sequence[Mapping[str, Any]] = (), **extra: Any) -> str:
    """A result JSON in the shape above, for results that do not come from the engine
    (imported past years)."""
    data = {"fingerprint": fingerprint,
            "categories": {c: [dict(row) for row in rows] for c, rows in categories.items()},
            "problems": [dict(p) for p in problems], **extra}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)


def _integer(value: Any) -> int | None:
    if value is None or value == "":
        return None
    number = float(value)
    if math.isnan(number):
        return None
    if not number.is_integer():
        raise ValueError(f"rank {value!r} is not a whole number")
    return int(number)


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _award(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        for key in ("name", "label", "id"):
            if value.get(key):
                return str(value[key])
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
