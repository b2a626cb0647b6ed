"""Test tiers for the whole suite.

- *fast* (the default loop while developing): ``pytest -n auto -m "not slow"``.
- *slow*: browser journeys (``browser``) and long property tests; every test marked
  ``browser`` is also marked ``slow`` here, so one marker selects the tier.
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.slow)
