"""Message catalogue and Indonesian-first formatting.

Words used here:
- *message id*: a stable dotted key such as ``score.out_of_range``; the same key is the
  ``code`` of a :class:`~scoring.problems.Problem`.
- *language*: ``"id"`` (Indonesian, the default) or ``"en"``.

Every text a user reads comes from the catalogue. The catalogue is split by concern into
modules under ``scoring/messages/`` (each defines ``MESSAGES = {key: (indonesian, english)}``)
so that parts of the product can grow their texts independently; :data:`CATALOGUE` merges
them and refuses a key defined twice. Texts that belong to a shell (the app's pages) live with
that shell, which adds them with :func:`register` when it is imported: the engine never
imports a shell, and :func:`t` reads both alike.
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
import pkgutil
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from scoring import messages as _messages_pkg

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


_CATALOGUE: dict[str, tuple[str, str]] = {}
_SOURCES: dict[str, str] = {}
"""Message id -> the module that defined it (a module registered again adds nothing)."""


def register(messages: Mapping[str, tuple[str, str]], source: str) -> None:
    """Add ``messages`` (``{key: (indonesian, english)}``) from the module ``source`` to the
    catalogue; a key another module already defines is refused (RuntimeError), as is a key
    without exactly two texts. Registering the same module again changes nothing."""
    for key, texts in messages.items():
        if key in _SOURCES and _SOURCES[key] != source:
            raise RuntimeError(f"message {key!r} defined twice (again in {source})")
        if len(texts) != 2:
            raise RuntimeError(f"message {key!r} needs exactly (id, en) texts")
    for key, texts in messages.items():
        _CATALOGUE[key] = (texts[0], texts[1])
        _SOURCES[key] = source


def _load_catalogue() -> None:
    for info in sorted(pkgutil.iter_modules(_messages_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_messages_pkg.__name__}.{info.name}")
        register(module.MESSAGES, module.__name__)


_load_catalogue()
CATALOGUE: Mapping[str, tuple[str, str]] = _CATALOGUE
"""Every message id with its (Indonesian, English) texts: the engine's, and those the shells
imported so far registered."""


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGUAGES}")
    return lang


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` with ``{placeholders}`` filled from ``params``."""
    texts = CATALOGUE[key]
    template = texts[LANGUAGES.index(check_language(lang))]
    return template.format(**params) if params else template


def format_number(value: float | int | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 2,
                  *, grouping: bool = True) -> str:
    """85.5 -> ``85,50`` in Indonesian, ``85.50`` in English; 1250 -> ``1.250,00``.

    Rounds half away from zero, as the rest of Juri does.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    quantum = Decimal(1).scaleb(-decimals)
    exact = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    rounded = exact.quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}" if grouping else f"{rounded:.{decimals}f}"
    if check_language(lang) == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_money(amount: float | int, lang: str = DEFAULT_LANGUAGE) -> str:
    """Rp10.000.000 in Indonesian, Rp10,000,000 in English."""
    return "Rp" + format_number(amount, lang, decimals=0)


def format_date(value: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """``30 November 2017`` (Indonesian month names) or ``30 November 2017`` in English."""
    months = MONTHS_ID if check_language(lang) == "id" else MONTHS_EN
    return f"{value.day} {months[value.month - 1]} {value.year}"


def parse_number(text: str) -> float | None:
    """A number as judges type it: ``85,5``, ``85.5``, ``1.250,5``, `` 90 `` -> float.

    Returns None when ``text`` is not a number. A single separator followed by exactly three
    digits (``1.250``) is read as a thousands separator only when it is a dot in a number
    written with a comma as well; alone it is ambiguous, and judges' scores are small numbers,
    so ``1.250`` is 1.25 and ``1,250`` is 1.25 too.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    if cleaned.endswith("%"):
        base = parse_number(cleaned[:-1])
        return None if base is None else base / 100
    if "," in cleaned and "." in cleaned:
        # whichever separator comes last is the decimal one
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    elif cleaned.count(",") > 1 or cleaned.count(".") > 1:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
