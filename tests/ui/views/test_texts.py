"""The app's texts (ui/views/texts/): registered into the one catalogue, complete in both
languages, and refused when a key is defined twice."""

from __future__ import annotations

import re
import string

import pytest

from scoring import i18n
from ui.views import texts
from ui.views.texts import app, fairness, history, mapping


def test_every_page_text_is_in_the_catalogue_with_both_languages() -> None:
    fields = string.Formatter()
    for module in (app, fairness, history, mapping):
        for key, (indonesian, english) in module.MESSAGES.items():
            assert i18n.CATALOGUE[key] == (indonesian, english), key
            assert indonesian.strip() and english.strip(), key
            names_id = {re.sub(r"_(id|en)$", "", f) for _, f, _, _ in fields.parse(indonesian)
                        if f}
            names_en = {re.sub(r"_(id|en)$", "", f) for _, f, _, _ in fields.parse(english)
                        if f}
            assert names_id == names_en, key


def test_registering_again_changes_nothing_and_a_second_owner_is_refused() -> None:
    before = dict(i18n.CATALOGUE)
    texts.register_all()
    assert dict(i18n.CATALOGUE) == before
    with pytest.raises(RuntimeError, match=r"app\.name"):
        i18n.register({"app.name": ("Lain", "Other")}, "tests.elsewhere")
    with pytest.raises(RuntimeError, match="exactly"):
        i18n.register({"tests.only_one": ("Satu",)}, "tests.elsewhere")  # type: ignore[dict-item]
    assert "tests.only_one" not in i18n.CATALOGUE
    assert i18n.t("app.name", "en") == "Juri — competition scoring"


def test_one_key_per_page_text() -> None:
    """No page text repeats another text of the pages under a second key."""
    page_keys = {k for m in (app, fairness, history, mapping) for k in m.MESSAGES}
    seen: dict[tuple[str, str], str] = {}
    for key in sorted(page_keys):
        texts_ = i18n.CATALOGUE[key]
        assert texts_ not in seen, (key, seen.get(texts_))
        seen[texts_] = key
