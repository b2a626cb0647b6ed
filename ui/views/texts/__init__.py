"""The app's texts, one module per page family; each defines ``MESSAGES = {key: (id, en)}``.

They are the app's, not the engine's: :func:`register_all` adds them to the one catalogue
(:mod:`scoring.i18n`), which refuses a key defined twice, so :func:`scoring.i18n.t` reads them
like any other message. Problem codes stay in ``scoring/messages/``.
"""

from __future__ import annotations

import importlib
import pkgutil

from scoring import i18n


def register_all() -> None:
    """Add every module's MESSAGES to the catalogue (again: nothing changes)."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        i18n.register(module.MESSAGES, module.__name__)
