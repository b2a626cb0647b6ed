"""The catalogue and Indonesian-first formatting."""

import datetime as dt
import re
import string

import pytest

from scoring.i18n import CATALOGUE, format_date, format_money, format_number, parse_number, t


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    fields = string.Formatter()
    for key, (indonesian, english) in CATALOGUE.items():
        assert indonesian.strip() and english.strip(), key
        names_id = {f for _, f, _, _ in fields.parse(indonesian) if f}
        names_en = {f for _, f, _, _ in fields.parse(english) if f}
        # an Indonesian text may use an _id variant where the English uses _en
        strip = {re.sub(r"_(id|en)$", "", n.split("!")[0]) for n in names_id}
        assert strip == {re.sub(r"_(id|en)$", "", n.split("!")[0]) for n in names_en}, key


@pytest.mark.parametrize(("value", "lang", "decimals", "expected"), [
    (85.5, "id", 2, "85,50"),
    (85.5, "en", 2, "85.50"),
    (1250, "id", 0, "1.250"),
    (1250.125, "id", 2, "1.250,13"),
    (2.675, "id", 2, "2,68"),
    (-0.125, "en", 2, "-0.13"),
    (None, "id", 2, "–"),
])
def test_format_number(value, lang, decimals, expected) -> None:
    assert format_number(value, lang, decimals) == expected


def test_money_and_dates() -> None:
    assert format_money(10_000_000) == "Rp10.000.000"
    assert format_money(2_500_000, "en") == "Rp2,500,000"
    assert format_date(dt.date(2017, 11, 30)) == "30 November 2017"
    assert format_date(dt.date(2026, 2, 1)) == "1 Februari 2026"
    assert format_date(dt.date(2026, 2, 1), "en") == "1 February 2026"


@pytest.mark.parametrize(("text", "expected"), [
    ("85,5", 85.5), ("85.5", 85.5), (" 90 ", 90.0), ("1.250,5", 1250.5), ("1,250.5", 1250.5),
    ("85\u00a0", 85.0), ("50%", 0.5), ("", None), ("delapan", None), ("1,2,3", None),
    ("nan", None), ("inf", None),
])
def test_parse_number(text, expected) -> None:
    assert parse_number(text) == expected


def test_t_fills_placeholders_and_refuses_unknown_language() -> None:
    assert t("cli.written", "en", path="x") == "Written: x"
    with pytest.raises(ValueError):
        t("cli.written", "fr", path="x")
