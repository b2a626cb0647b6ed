"""Numbers and tables the reader's way (ui/views/format.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ui.views import format as view_format


def test_styled_keeps_numbers_and_formats_the_indonesian_way() -> None:
    frame = pd.DataFrame({"a": [85.5, np.nan], "b": ["x", "y"]})
    html = view_format.styled(frame, ["a", "missing"], "id").to_html()
    assert "85,50" in html and "–" in html
    assert frame["a"].dtype.kind == "f"


@pytest.mark.parametrize(("value", "lang", "text"), [
    (0.5123, "id", "51%"), (0.5123, "en", "51%"), (1.0, "id", "> 99%"), (0.996, "en", "> 99%"),
    (0.994, "id", "99%"), (0.004, "id", "< 1%"), (0.0, "id", "0%"), (np.nan, "id", "–"),
    (None, "en", "–"), (0.805, "id", "81%"),
])
def test_percent_text(value, lang, text) -> None:
    assert view_format.percent_text(value, lang) == text
