"""The common base of the rule registries: a rule, its parameters, and a registry by name.

Words used here:
- *rule*: one way of deciding something that a rubric names by a key — a panel rule
  (``median``), a normalisation (``severity``), a tie-break (``most_first_places``), an award
  rule (``places``). Each is one small object with its ``name`` (the rubric key), its
  ``label_key`` (the message id that describes it in Indonesian and English), its
  ``parameters`` and its implementation (methods of the kind's own class).
- *parameter*: a whole-number setting a rule reads from the rubric (``trim``,
  ``min_judges``, ``min_scores``), with its default and its smallest allowed value; the
  rubric's fields take both from here, so the loader and the rule cannot disagree.
- *registry*: the rules of one kind, keyed by name, in the order they are offered to users.
  As in Tabbycat's standings metrics, the rubric names rules by key and the app's choices
  come from the registry, so neither can drift from the code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from scoring.i18n import DEFAULT_LANGUAGE, t


@dataclass(frozen=True)
class Parameter:
    """A whole-number rule setting: its rubric key, default and smallest allowed value."""

    name: str
    default: int
    minimum: int


@dataclass(frozen=True)
class Mistake:
    """A rubric mistake a rule finds in its own settings: the setting it names, the message
    code and the message's placeholders (the loader adds the file and the path)."""

    setting: str
    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """What every rule has: its rubric key, its message id and its parameters."""

    name: str
    label_key: str
    parameters: tuple[Parameter, ...] = ()

    def label(self, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
        """The rule in words; ``params`` fill the message's placeholders (``trim`` …)."""
        return t(self.label_key, lang, **params)

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        raise KeyError(f"rule {self.name!r} has no parameter {name!r}")

    def check(self, **settings: object) -> list[Mistake]:
        """Mistakes in the combination of this rule's settings (each setting alone is checked
        against its :class:`Parameter` by the rubric's fields)."""
        return []

    def bind(self, **given: object) -> dict[str, int]:
        """The rule's own parameters from ``given`` (defaults for those not given; settings
        of other rules ignored), each checked against its minimum."""
        bound = {}
        for parameter in self.parameters:
            value = given.get(parameter.name, parameter.default)
            if not isinstance(value, int) or value < parameter.minimum:
                raise ValueError(f"{self.name}: {parameter.name} must be a whole number "
                                 f"≥ {parameter.minimum}, not {value!r}")
            bound[parameter.name] = value
        return bound


class UnknownRuleError(ValueError):
    """A rule name that no registry entry has (a programming error: rubric files are checked
    on load and get a problem instead)."""


R = TypeVar("R", bound=Rule)


class Registry(Generic[R]):
    """The rules of one ``kind`` (a word for error messages), in registration order."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._rules: dict[str, R] = {}

    def register(self, rule: R) -> R:
        """Add ``rule``; a second rule with the same name is refused."""
        if rule.name in self._rules:
            raise ValueError(f"{self.kind} {rule.name!r} registered twice")
        self._rules[rule.name] = rule
        return rule

    def get(self, name: str) -> R:
        """The rule called ``name``; :class:`UnknownRuleError` naming the known ones if none."""
        try:
            return self._rules[name]
        except (KeyError, TypeError):
            raise UnknownRuleError(f"unknown {self.kind} {name!r}; use one of "
                                   f"{', '.join(self._rules)}") from None

    def names(self) -> tuple[str, ...]:
        """Every rule's name, in the order offered."""
        return tuple(self._rules)

    def choices(self, lang: str = DEFAULT_LANGUAGE, **params: object) -> dict[str, str]:
        """Name → label, for a UI's choice list (``params`` fill labels' placeholders)."""
        return {name: rule.label(lang, **params) for name, rule in self._rules.items()}

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._rules

    def __iter__(self) -> Iterator[R]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)
