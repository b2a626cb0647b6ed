"""The pieces a rubric is made of: scales, criteria, categories, the panel rule, rounding,
tie-breaks, awards, normalisation and confidence settings (see :mod:`scoring.rubric` for the
words). Each piece checks its own values; checks that need the whole file live in
:mod:`scoring.rubric.validate`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from scoring.rules.normalisation import MIN_SCORES, NORMALISATIONS
from scoring.rules.panel import MIN_JUDGES, PANEL_RULES, TRIM
from scoring.rules.registry import Registry
from scoring.rules.tiebreaks import TIE_BREAKS


def positive_weights(weights: dict[str, float]) -> dict[str, float]:
    """``weights`` when every weight is > 0 (the check of every ``weights:`` map)."""
    for weight in weights.values():
        if not weight > 0:
            raise PydanticCustomError(
                "rubric.weight_not_positive", "weight must be > 0", {"given": weight})
    return weights


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


def _one_of(registry: Registry, name: Any) -> Any:
    """``name`` when ``registry`` has that rule; else a ``rubric.not_one_of`` error listing
    the registered names (as ``'a', 'b' or 'c'``)."""
    if name not in registry:
        quoted = [repr(known) for known in registry.names()]
        raise PydanticCustomError(
            "rubric.not_one_of", "unknown name",
            {"given": name, "expected": ", ".join(quoted[:-1]) + " or " + quoted[-1]})
    return name


def _fits(value: float, step: float) -> bool:
    """True when ``value`` is a whole multiple of ``step``, judged in decimal (0.3 / 0.1 = 3)."""
    try:
        quotient = Decimal(repr(float(value))) / Decimal(repr(float(step)))
    except (InvalidOperation, ZeroDivisionError):
        return False
    return quotient == quotient.to_integral_value()


def _decimals(step: float) -> tuple[int, int] | None:
    """``(k, s)`` with ``step`` = s / 10**k exactly in decimal (k <= 6), else None."""
    exponent = Decimal(repr(float(step))).normalize().as_tuple().exponent
    places = max(0, -int(exponent))
    if places > 6:
        return None
    return places, int(Decimal(repr(float(step))).scaleb(places))


def fits_many(values: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """:func:`_fits` of each value with its step, over whole arrays (same length).

    Exact, not approximate: with ``step`` = s / 10**k, a value fits when its shortest decimal
    has at most k places (the value is the double nearest to n / 10**k) and s divides n.
    Values too large for that test, and steps with more than 6 places, are checked one by one.
    """
    values = np.asarray(values, dtype="float64")
    steps = np.asarray(steps, dtype="float64")
    result = np.zeros(len(values), dtype=bool)
    for step in np.unique(steps):
        at = np.flatnonzero(steps == step)
        found = _decimals(float(step)) if step > 0 else None
        if found is None:
            result[at] = [_fits(v, step) for v in values[at]]
            continue
        places, whole = found
        scale = 10.0 ** places
        part = values[at]
        with np.errstate(invalid="ignore", over="ignore"):
            n = np.rint(part * scale)
            small = np.abs(n) < 2.0 ** 50
            exact = (n / scale == part) & small
            result[at] = exact & (np.fmod(np.where(exact, n, 0.0), whole) == 0)
        slow = ~small & np.isfinite(part)
        if slow.any():
            result[at[slow]] = [_fits(v, step) for v in part[slow]]
    return result


class Level(_Model):
    """Guidance for judges: what a score between ``min`` and ``max`` means."""

    min: float
    max: float
    text: str
    text_en: str | None = None


class Scale(_Model):
    min: float
    max: float
    step: float = Field(default=1, gt=0)

    @model_validator(mode="after")
    def _range_and_step(self) -> Scale:
        if self.min >= self.max:
            raise PydanticCustomError(
                "rubric.scale_range", "min must be less than max",
                {"min": self.min, "max": self.max},
            )
        if not _fits(self.max - self.min, self.step):
            raise PydanticCustomError(
                "rubric.scale_step", "step does not fit the range",
                {"min": self.min, "max": self.max, "step": self.step},
            )
        return self

    def on_step(self, score: float) -> bool:
        return _fits(score - self.min, self.step)

    def contains(self, score: float) -> bool:
        return self.min <= score <= self.max


class Criterion(_Model):
    """A node of the criteria tree: a scored leaf (``scale``) or a group (``children``)."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    name_en: str | None = None
    weight: float = 1
    description: str | None = None
    scale: Scale | None = None
    levels: tuple[Level, ...] = ()
    children: tuple[Criterion, ...] = ()
    convert: dict[float, float] | None = None
    """A conversion table, mark -> points: each judge's mark (in ``scale``) becomes these
    points before the panel rule (a grade of execution −3…+3 into points)."""
    convert_times: str | None = None
    """An input id: the converted points are multiplied by the entry's value of it (a
    conversion that depends on each element's base value)."""
    only_if: str | None = None
    """An input id: the criterion applies to an entry only when its value of that input is not
    0 (an element the entry performed); a judge's missing mark elsewhere is not an error."""

    @field_validator("weight")
    @classmethod
    def _positive_weight(cls, weight: float) -> float:
        if not weight > 0:
            raise PydanticCustomError(
                "rubric.weight_not_positive", "weight must be > 0", {"given": weight})
        return weight

    @model_validator(mode="after")
    def _leaf_or_group(self) -> Criterion:
        if (self.scale is None) == (not self.children):
            raise PydanticCustomError("rubric.node_shape", "needs scale or children", {})
        if self.scale is not None:
            for level in self.levels:
                if not (self.scale.min <= level.min <= level.max <= self.scale.max):
                    raise PydanticCustomError(
                        "rubric.level_outside_scale", "level outside scale",
                        {"min": level.min, "max": level.max,
                         "scale_min": self.scale.min, "scale_max": self.scale.max})
        if self.convert is not None:
            if self.scale is None:
                raise PydanticCustomError("rubric.convert_on_group", "group", {})
            count = round((self.scale.max - self.scale.min) / self.scale.step) + 1
            grades = [self.scale.min + i * self.scale.step for i in range(min(count, 1001))]
            absent = [g for g in grades if not any(abs(g - k) < 1e-9 for k in self.convert)]
            if absent:
                raise PydanticCustomError(
                    "rubric.convert_missing_grade", "grades missing",
                    {"grades": ", ".join(f"{g:g}" for g in absent[:10])})
        return self

    def converted(self, marks: np.ndarray) -> np.ndarray:
        """``marks`` through the conversion table (NaN stays NaN); unchanged without one."""
        if self.convert is None:
            return marks
        keys = np.array(sorted(self.convert), dtype="float64")
        points = np.array([self.convert[k] for k in sorted(self.convert)], dtype="float64")
        where = np.clip(np.searchsorted(keys, marks), 0, len(keys) - 1)
        below = np.clip(where - 1, 0, len(keys) - 1)
        nearest = np.where(np.abs(keys[below] - marks) < np.abs(keys[where] - marks),
                           below, where)
        return np.where(np.isnan(marks), np.nan, points[nearest])

    @property
    def is_leaf(self) -> bool:
        return self.scale is not None

    def label(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


class Panel(_Model):
    """The panel rule (a name in :data:`scoring.rules.panel.PANEL_RULES`) and its settings."""

    rule: str = "mean"
    trim: int = Field(default=TRIM.default, ge=TRIM.minimum)
    """trimmed_mean: how many of the highest and of the lowest judges' marks to drop."""
    min_judges: int = Field(default=MIN_JUDGES.default, ge=MIN_JUDGES.minimum)
    """trimmed_mean: the fewest judges for trimming; below it the plain mean is used."""
    apply_to: Literal["total", "criterion"] = "total"

    @field_validator("rule", mode="before")
    @classmethod
    def _known_rule(cls, rule: Any) -> Any:
        return _one_of(PANEL_RULES, rule)


class Rounding(_Model):
    criterion: int | None = Field(default=None, ge=0, le=6)
    weighted_criterion: int | None = Field(default=None, ge=0, le=6)
    group: int | None = Field(default=None, ge=0, le=6)
    total: int | None = Field(default=2, ge=0, le=6)
    ties_on: Literal["rounded", "exact"] = "rounded"


class TieBreak(_Model):
    criterion: str | None = None
    rule: str | None = None

    @model_validator(mode="after")
    def _one_of(self) -> TieBreak:
        if (self.criterion is None) == (self.rule is None):
            raise PydanticCustomError("rubric.tie_break_shape", "criterion or rule", {})
        if self.rule is not None and self.rule not in TIE_BREAKS:
            raise PydanticCustomError(
                "rubric.unknown_rule", "unknown rule",
                {"rule": self.rule, "expected": ", ".join(TIE_BREAKS.names())})
        return self

    @property
    def key(self) -> str:
        """``criterion:<id>`` or the rule's name: how results name this tie-break."""
        return f"criterion:{self.criterion}" if self.criterion else str(self.rule)


class CategoryOverrides(_Model):
    """What one category does differently from the rubric's defaults; each key left out keeps
    the default."""

    weights: dict[str, float] = Field(default_factory=dict)
    """Node id -> the weight used in this category instead of the node's own."""
    panel: Panel | None = None
    tie_breaks: tuple[TieBreak, ...] | None = None
    total: str | None = None
    """A formula for this category's total instead of the rubric's ``total``."""

    @field_validator("weights")
    @classmethod
    def _positive_weights(cls, weights: dict[str, float]) -> dict[str, float]:
        return positive_weights(weights)


class Category(_Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    name_en: str | None = None
    criteria: tuple[str, ...] | None = None
    """Ids of the nodes this category is scored on (all leaves below them); None: all."""
    overrides: CategoryOverrides | None = None

    def label(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


class PlaceAward(_Model):
    name: str = Field(min_length=1)
    name_en: str | None = None
    reward: str | None = None
    amount: float | None = Field(default=None, ge=0)

    def label(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


class BandAward(_Model):
    name: str = Field(min_length=1)
    name_en: str | None = None
    min: float

    def label(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


class AwardRules(_Model):
    min_total: float | None = None
    """The lowest panel total that can win a place or band at all."""
    places: tuple[PlaceAward, ...] = ()
    bands: tuple[BandAward, ...] = ()

    @field_validator("bands")
    @classmethod
    def _distinct_bands(cls, bands: tuple[BandAward, ...]) -> tuple[BandAward, ...]:
        seen = set()
        for band in bands:
            if band.min in seen:
                raise PydanticCustomError("rubric.bands_order", "duplicate band", {"min": band.min})
            seen.add(band.min)
        return tuple(sorted(bands, key=lambda b: -b.min))


class Awards(AwardRules):
    categories: dict[str, AwardRules] = Field(default_factory=dict)
    """Per-category rules that replace the defaults above for that category."""

    def for_category(self, category: str) -> AwardRules:
        return self.categories.get(category, self)


class Normalisation(_Model):
    """How each judge's habits (severity, spread) are taken out of the judge's totals before
    the panel rule combines them. Written either as a plain method name
    (``normalisation: severity``) or as a mapping (``{method: severity, min_scores: 8}``)."""

    method: str = "none"
    """A name in :data:`scoring.rules.normalisation.NORMALISATIONS`."""
    min_scores: int = Field(default=MIN_SCORES.default, ge=MIN_SCORES.minimum)
    """The fewest totals a judge needs in a category for a fitted method (twice this for
    ``leniency_spread``, which fits two numbers per judge); fewer is refused, naming the
    judges."""

    @model_validator(mode="before")
    @classmethod
    def _plain_name(cls, data: Any) -> Any:
        if isinstance(data, str):
            if data not in NORMALISATIONS:
                raise PydanticCustomError(
                    "rubric.not_one_of", "unknown normalisation",
                    {"given": data, "expected": ", ".join(NORMALISATIONS.names())})
            return {"method": data}
        return data

    @field_validator("method", mode="before")
    @classmethod
    def _known_method(cls, method: Any) -> Any:
        return _one_of(NORMALISATIONS, method)

    @property
    def active(self) -> bool:
        return NORMALISATIONS.get(self.method).active


class Confidence(_Model):
    too_close_below: float = Field(default=2 / 3, gt=0, le=1)
    """A winning place whose probability of truly belonging among the awarded is below this
    is flagged as too close to call (⅔: more than 1 chance in 3 that the order differs)."""
