"""Numbers, amounts and dates in words, against cases written out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from scoring.documents.terbilang import date_sentence, rupiah_words, terbilang, weekday


@pytest.mark.parametrize(("number", "words"), [
    (0, "nol"),
    (11, "sebelas"),
    (19, "sembilan belas"),
    (100, "seratus"),
    (1_000, "seribu"),
    (2017, "dua ribu tujuh belas"),
    (2_500_000, "dua juta lima ratus ribu"),
    (1_001_000, "satu juta seribu"),
    (115, "seratus lima belas"),
])
def test_whole_numbers(number: int, words: str) -> None:
    assert terbilang(number) == words


def test_negative_numbers_say_minus_and_fractions_are_refused() -> None:
    # num2words says "min lima"; the official word is "minus"
    assert terbilang(-5) == "minus lima"
    with pytest.raises(ValueError):
        terbilang(2.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        terbilang(10**18)


def test_rupiah_with_and_without_cents() -> None:
    assert rupiah_words(2_500_000) == "dua juta lima ratus ribu rupiah"
    # 1.250.000,50: the cents are fifty sen, not "koma lima"
    assert rupiah_words(1_250_000.50) == (
        "satu juta dua ratus lima puluh ribu rupiah lima puluh sen")
    assert rupiah_words(Decimal("0.05")) == "nol rupiah lima sen"
    # cents round half away from zero: 10,005 → 10,01
    assert rupiah_words(Decimal("10.005")) == "sepuluh rupiah satu sen"


def test_the_date_sentence_of_30_november_2017() -> None:
    day = dt.date(2017, 11, 30)  # a Thursday
    assert weekday(day) == "Kamis"
    assert date_sentence(day) == ("Pada hari ini Kamis tanggal tiga puluh bulan November "
                                  "tahun dua ribu tujuh belas")
    assert date_sentence(day, "en").startswith("On this day, Thursday, day thirty of November")


def test_a_thousand_after_millions_is_seribu() -> None:
    # num2words writes "satu juta satu ribu"; a thousands group of one is "seribu" everywhere
    assert terbilang(2_001_001) == "dua juta seribu satu"
    # but a group of 101 thousand keeps "satu ribu": seratus satu ribu
    assert terbilang(1_101_000) == "satu juta seratus satu ribu"
