"""The parts of a rubric beyond one judged round: entry inputs (values per entry that are not
judged, :mod:`scoring.inputs`) and stages with their final combination
(:mod:`scoring.stages`). See :mod:`scoring.rubric` for the words.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from scoring.rubric.parts import Panel, TieBreak, _Model, positive_weights


class InputScale(_Model):
    """The range an entry input's values must lie in (ends included); no step."""

    min: float
    max: float

    @model_validator(mode="after")
    def _range(self) -> InputScale:
        if self.min >= self.max:
            raise PydanticCustomError(
                "rubric.scale_range", "min must be less than max",
                {"min": self.min, "max": self.max})
        return self


class Input(_Model):
    """A value per entry that is not judged (a difficulty, a deduction, a bonus, an
    eligibility yes/no), supplied in an inputs file (:mod:`scoring.inputs`) and used by name
    in formulas. ``kind: yes_no`` takes yes/no (ya/tidak, 1/0) and counts as 1 or 0.
    Without ``default`` every entry needs a value; with one, an entry without a value takes
    it."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    name_en: str | None = None
    kind: Literal["number", "yes_no"] = "number"
    scale: InputScale | None = None
    meaning: str | None = None
    default: float | None = None

    @model_validator(mode="after")
    def _scale_fits_kind(self) -> Input:
        if self.kind == "number" and self.scale is None:
            raise PydanticCustomError("rubric.input_needs_scale", "needs a scale", {})
        if self.kind == "yes_no" and self.scale is not None:
            raise PydanticCustomError("rubric.input_yes_no_scale", "no scale", {})
        bounds = self.bounds
        if self.default is not None and not bounds[0] <= self.default <= bounds[1]:
            raise PydanticCustomError(
                "rubric.input_default_outside", "default outside scale",
                {"default": self.default, "min": bounds[0], "max": bounds[1]})
        return self

    @property
    def bounds(self) -> tuple[float, float]:
        """The smallest and largest value allowed (0 and 1 for yes/no)."""
        return (self.scale.min, self.scale.max) if self.scale else (0.0, 1.0)

    @property
    def required(self) -> bool:
        return self.default is None

    def label(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


class Shortlist(_Model):
    """Who advances from a scored stage: the best ``best`` per category (those tied at the cut
    advance too), or everyone whose stage total reaches ``min_total``."""

    best: int | None = Field(default=None, ge=1)
    min_total: float | None = None
    per: Literal["category"] = "category"

    @model_validator(mode="after")
    def _one_way(self) -> Shortlist:
        if (self.best is None) == (self.min_total is None):
            raise PydanticCustomError("rubric.shortlist_shape", "best or min_total", {})
        return self


class Stage(_Model):
    """One stage of a competition in stages (see :mod:`scoring.stages`): a ``gate`` of yes/no
    inputs (an entry with a "no" stops there, the input named as the reason), or a ``scored``
    round of some of the criteria with its own panel rule and total formula, optionally
    followed by a shortlist."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    name_en: str | None = None
    kind: Literal["gate", "scored"] = "scored"
    criteria: tuple[str, ...] = ()
    """Node ids scored in this stage (every leaf below them)."""
    inputs: tuple[str, ...] = ()
    """A gate's yes/no input ids: every one must be yes to pass."""
    panel: Panel | None = None
    total: str | None = None
    shortlist: Shortlist | None = None
    tie_breaks: tuple[TieBreak, ...] | None = None
    """This stage's own tie-breaks instead of the rubric's."""

    @model_validator(mode="after")
    def _shape(self) -> Stage:
        if self.kind == "gate" and (not self.inputs or self.criteria or self.panel
                                    or self.total or self.shortlist or self.tie_breaks):
            raise PydanticCustomError("rubric.stage_gate_shape", "gate", {})
        if self.kind == "scored" and (not self.criteria or self.inputs):
            raise PydanticCustomError("rubric.stage_scored_shape", "scored", {})
        return self

    def label(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


class Final(_Model):
    """How the stages make the final result: ``weighted_sum`` of the scored stages' totals
    (``weights`` are shares, divided by their sum; a stage left out weighs 0), ``cumulative``
    (their plain sum) or ``last`` (the last scored stage's total alone)."""

    combine: Literal["weighted_sum", "cumulative", "last"] = "last"
    weights: dict[str, float] = Field(default_factory=dict)

    @field_validator("weights")
    @classmethod
    def _positive_weights(cls, weights: dict[str, float]) -> dict[str, float]:
        return positive_weights(weights)
