"""Half away from zero, in decimal: the way officials round by hand."""

import numpy as np
import pandas as pd
import pytest

from scoring.rounding import round_half_away, to_nano


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (2.675, 2, 2.68),    # binary 2.67499999…; Python's round() gives 2.67
    (0.125, 2, 0.13),    # exactly representable half; round-half-even would give 0.12
    (-0.125, 2, -0.13),  # away from zero, not up
    (1.005, 2, 1.01),
    (2.5, 0, 3.0),
    (3.5, 0, 4.0),
    (-2.5, 0, -3.0),
    (85.4449, 2, 85.44),
    (81.666666666, 2, 81.67),
    (0.0, 2, 0.0),
])
def test_round_half_away(value: float, decimals: int, expected: float) -> None:
    assert round_half_away(value, decimals) == expected


def test_python_round_differs_which_is_why_we_need_this() -> None:
    assert round(2.675, 2) == 2.67 and round(0.125, 2) == 0.12


def test_vectorised_keeps_series_and_nan() -> None:
    series = pd.Series([1.2345, np.nan, -2.5], index=["a", "b", "c"])
    out = round_half_away(series, 3)
    assert list(out.index) == ["a", "b", "c"]
    assert out["a"] == 1.235 and np.isnan(out["b"]) and out["c"] == -2.5


def test_none_means_not_rounded() -> None:
    assert round_half_away(2.675, None) == 2.675


def test_nano_units_remove_float_noise() -> None:
    assert to_nano(0.1 + 0.2)[()] == to_nano(0.3)[()] == 300_000_000
