"""Numbers, amounts and dates in words (*terbilang*), as Indonesian official documents write them.

Words used here:
- *terbilang*: a number written out in words, "dua juta lima ratus ribu" for 2.500.000.
- *rupiah in words*: an amount with its currency and, when not whole, its cents
  ("satu juta dua ratus lima puluh ribu rupiah lima puluh sen" for Rp1.250.000,50).
- *date sentence*: the opening of a Berita Acara, "Pada hari ini Kamis tanggal tiga puluh bulan
  November tahun dua ribu tujuh belas".

Whole numbers come from num2words (``lang="id"``), which is right for them up to the trillions.
Where it is not right this module writes the words itself: a thousands group of one after
millions (num2words says "satu juta satu ribu" for 1.001.000, the word is "seribu"), amounts
with cents (num2words says
"… koma lima rupiah", officials write "… rupiah lima puluh sen"), negative numbers (num2words
says "min", the official word is "minus") and numbers from 10^18 up (num2words misspells
"kuintiliun"; no amount in a competition comes near, so they are refused).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words

from scoring.i18n import DEFAULT_LANGUAGE, MONTHS_EN, MONTHS_ID, check_language, t

LIMIT = 10**15
"""Numbers are written in words below this (a thousand trillion)."""


def terbilang(number: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """A whole number in words: 11 → "sebelas", 2017 → "dua ribu tujuh belas"."""
    if isinstance(number, bool) or int(number) != number:
        raise ValueError(f"terbilang takes whole numbers, not {number!r}")
    number = int(number)
    if abs(number) >= LIMIT:
        raise ValueError(f"{number} is too large to write in words (limit {LIMIT:,})")
    words = _id_words(abs(number)) if check_language(lang) == "id" else num2words(
        abs(number), lang="en")
    if number < 0:
        return t("documents.words.minus", lang, words=words)
    return words


def _id_words(number: int) -> str:
    if number >= 10**6 and (number // 1000) % 1000 == 1:
        # 1.001.000: "satu juta seribu", not num2words' "satu juta satu ribu"
        parts = [num2words(number - number % 10**6, lang="id"), "seribu"]
        if number % 1000:
            parts.append(num2words(number % 1000, lang="id"))
        return " ".join(parts)
    return num2words(number, lang="id")


def _cents(amount: float | int | Decimal) -> tuple[int, int]:
    exact = amount if isinstance(amount, Decimal) else Decimal(repr(amount))
    cents = int(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).scaleb(2))
    return divmod(cents, 100)


def rupiah_words(amount: float | int | Decimal, lang: str = DEFAULT_LANGUAGE) -> str:
    """An amount in words with its currency: 2500000 → "dua juta lima ratus ribu rupiah";
    1250000.5 → "satu juta dua ratus lima puluh ribu rupiah lima puluh sen" (cents rounded
    half away from zero)."""
    if amount < 0:
        raise ValueError(f"an amount cannot be negative: {amount!r}")
    whole, cents = _cents(amount)
    text = t("documents.words.rupiah", lang, words=terbilang(whole, lang))
    if cents:
        text += " " + t("documents.words.sen", lang, words=terbilang(cents, lang))
    return text


def weekday(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """The day of the week: "Kamis" for 30 November 2017."""
    return t(f"documents.day.{day.weekday()}", lang)


def date_in_words(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """"Kamis tanggal tiga puluh bulan November tahun dua ribu tujuh belas"."""
    months = MONTHS_ID if check_language(lang) == "id" else MONTHS_EN
    return t("documents.words.date", lang, weekday=weekday(day, lang),
             day=terbilang(day.day, lang), month=months[day.month - 1],
             year=terbilang(day.year, lang))


def date_sentence(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """The opening of the minutes: "Pada hari ini Kamis tanggal tiga puluh bulan November
    tahun dua ribu tujuh belas"."""
    return t("documents.words.today", lang, date=date_in_words(day, lang))
