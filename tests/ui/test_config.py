"""The app's Streamlit settings that guard users (.streamlit/config.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def test_settings_that_guard_users() -> None:
    client = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["client"]
    # tables' own CSV download would write names unneutralised (formula injection)
    assert client["disableDataExport"] is True
    # never a traceback in the app
    assert client["showErrorDetails"] == "none"
