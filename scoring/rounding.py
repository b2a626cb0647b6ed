"""Rounding as officials do it by hand: half away from zero, in decimal.

Words used here:
- *nano units*: a value times 10⁹ as a whole number. Judges' scores and the sums and means made
  of them have few decimals, so converting to nano units removes binary floating-point noise
  (2.675 is stored as 2.67499999…; in nano units it is exactly 2 675 000 000) and the rounding
  itself is done in exact integer arithmetic, vectorised over whole columns.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

NANO = 10**9


def to_nano(values: np.ndarray | pd.Series | float) -> np.ndarray:
    """Values as whole nano units (int64); NaN becomes the smallest int64 (sorts last)."""
    array = np.asarray(values, dtype="float64")
    missing = np.isnan(array)
    nano = np.rint(np.where(missing, 0.0, array) * NANO).astype("int64")
    return np.where(missing, np.iinfo("int64").min, nano)


def round_half_away(values: np.ndarray | pd.Series | float, decimals: int | None
                    ) -> np.ndarray | pd.Series | float:
    """Round to ``decimals`` places, halves away from zero (2.675 → 2.68, −0.125 → −0.13).

    ``decimals=None`` returns the values unchanged. Keeps a Series a Series (same index).
    """
    if decimals is None:
        return values
    if not 0 <= decimals <= 9:
        raise ValueError(f"decimals must be between 0 and 9, not {decimals}")
    array = np.asarray(values, dtype="float64")
    missing = np.isnan(array)
    nano = np.rint(np.where(missing, 0.0, array) * NANO).astype("int64")
    unit = 10 ** (9 - decimals)
    magnitude = (np.abs(nano) + unit // 2) // unit
    rounded = np.where(missing, np.nan, np.sign(nano) * magnitude / 10**decimals)
    if isinstance(values, pd.Series):
        return pd.Series(rounded, index=values.index, name=values.name)
    if np.ndim(values) == 0:
        return float(rounded)
    return rounded
