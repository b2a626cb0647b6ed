"""The rubric: everything that decides a result, loaded from YAML into immutable objects.

Words used here:
- *node*: an entry in the criteria tree. A *leaf* (scored criterion) has a ``scale``; a *group*
  has ``children``. Ids are unique over the whole tree.
- *weighting*: ``percent`` — weights are relative shares among siblings and totals are on a
  0–100 scale (a leaf contributes ``share × score / max × 100``); ``points`` — weights are plain
  multipliers on raw points (a leaf contributes ``product of weights on its path × score``).
- *effective weight*: the factor a leaf's score is multiplied by, per category (a category may
  use only part of the tree; percent weights are then shared out among what it uses).
- *panel rule*: how the judges' marks are combined (``mean``, ``median``, ``trimmed_mean``,
  ``rank_sum``), applied to each judge's total or to each criterion before weighting.
- *rounding stage*: ``criterion`` (a criterion's panel score), ``weighted_criterion``,
  ``group`` (every group subtotal) and ``total``; ``None`` means not rounded at that stage.

A file with mistakes is refused with every mistake at once as :class:`~scoring.problems.Problem`
records, each naming the file and the path inside it (``criteria[2].children[0].scale.max``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from scoring.problems import Problem, ProblemsError, error
from scoring.rules.normalisation import MIN_SCORES, NORMALISATIONS
from scoring.rules.panel import MIN_JUDGES, PANEL_RULES, TRIM
from scoring.rules.registry import Registry
from scoring.rules.tiebreaks import TIE_BREAKS


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
        return self

    @property
    def is_leaf(self) -> bool:
        return self.scale is not None

    def label(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


class Category(_Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    name_en: str | None = None
    criteria: tuple[str, ...] | None = None
    """Ids of the nodes this category is scored on (all leaves below them); None: all."""

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
    too_close_below: float = Field(default=0.8, gt=0, le=1)
    """A winning place whose probability is below this is flagged as too close to call."""


class Rubric(_Model):
    id: str = Field(min_length=1)
    version: str = "1"
    title: str = Field(min_length=1)
    title_en: str | None = None
    year: int | None = None
    organiser: str | None = None
    place: str | None = None
    date: dt.date | None = None
    weighting: Literal["percent", "points"] = "percent"
    missing_scores: Literal["error", "minimum", "exclude_judge"] = "error"
    categories: tuple[Category, ...] = Field(min_length=1)
    criteria: tuple[Criterion, ...] = Field(min_length=1)
    panel: Panel = Panel()
    rounding: Rounding = Rounding()
    tie_breaks: tuple[TieBreak, ...] = ()
    awards: Awards = Awards()
    confidence: Confidence = Confidence()
    normalisation: Normalisation = Normalisation()

    def label(self, lang: str = "id") -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False
                   ) -> Rubric:
        """A copy with ``update`` applied; the figures cached from the tree are made anew."""
        copy = super().model_copy(update=update, deep=deep)
        for name in _CACHED:
            copy.__dict__.pop(name, None)
        return copy

    # --- the tree ---------------------------------------------------------------------------

    def walk(self) -> Iterator[tuple[Criterion, Criterion | None, int]]:
        """Every node in document order with its parent and depth (top level is 0)."""
        stack: list[tuple[Criterion, Criterion | None, int]] = [
            (node, None, 0) for node in reversed(self.criteria)]
        while stack:
            node, parent, depth = stack.pop()
            yield node, parent, depth
            stack.extend((child, node, depth + 1) for child in reversed(node.children))

    @cached_property
    def nodes(self) -> Mapping[str, Criterion]:
        return {node.id: node for node, _, _ in self.walk()}

    @cached_property
    def parents(self) -> Mapping[str, str | None]:
        return {node.id: (parent.id if parent else None) for node, parent, _ in self.walk()}

    @cached_property
    def leaves(self) -> tuple[Criterion, ...]:
        return tuple(node for node, _, _ in self.walk() if node.is_leaf)

    @cached_property
    def groups(self) -> tuple[Criterion, ...]:
        return tuple(node for node, _, _ in self.walk() if not node.is_leaf)

    @cached_property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)

    def leaves_below(self, node_id: str) -> tuple[str, ...]:
        node = self.nodes[node_id]
        if node.is_leaf:
            return (node.id,)
        return tuple(leaf for child in node.children for leaf in self.leaves_below(child.id))

    def leaf_labels(self, lang: str = "id", leaf_ids: Iterable[str] | None = None
                    ) -> dict[str, str]:
        """A label per leaf (of ``leaf_ids``, or every leaf) that tells it apart: the leaf's
        own name, or "parent › leaf" where two of them share a name (Yel-yel › Kreativitas,
        Fragmen › Kreativitas)."""
        ids = [leaf.id for leaf in self.leaves] if leaf_ids is None else list(leaf_ids)
        own = {leaf: self.nodes[leaf].label(lang) for leaf in ids}
        counts = Counter(own.values())
        labels = {}
        for leaf, label in own.items():
            parent = self.parents.get(leaf)
            if counts[label] > 1 and parent is not None:
                label = f"{self.nodes[parent].label(lang)} › {label}"
            labels[leaf] = label
        return labels

    def leaf_ids_for(self, category_id: str) -> tuple[str, ...]:
        """The leaves a category is scored on, in document order."""
        chosen = self.category(category_id).criteria
        if chosen is None:
            return tuple(leaf.id for leaf in self.leaves)
        wanted = {leaf for node_id in chosen for leaf in self.leaves_below(node_id)}
        return tuple(leaf.id for leaf in self.leaves if leaf.id in wanted)

    def effective_weights(self, category_id: str) -> dict[str, float]:
        """Leaf id -> the factor its score is multiplied by to give its part of the total.

        Percent weighting: the product, down the path, of each node's share among the siblings
        the category uses, times ``100 / scale.max``; so the leaves' parts add to 100 at most.
        Points weighting: the product of the weights down the path.
        """
        used = set(self.leaf_ids_for(category_id))
        weights: dict[str, float] = {}

        def visit(nodes: tuple[Criterion, ...], factor: float) -> None:
            live = [n for n in nodes if used.intersection(self.leaves_below(n.id))]
            total_weight = sum(n.weight for n in live)
            for node in live:
                share = (node.weight / total_weight if self.weighting == "percent"
                         else node.weight)
                if node.is_leaf:
                    assert node.scale is not None
                    weights[node.id] = (factor * share * 100 / node.scale.max
                                        if self.weighting == "percent" else factor * share)
                else:
                    visit(node.children, factor * share)

        visit(self.criteria, 1.0)
        return weights

    def weight_percentages(self, category_id: str) -> dict[str, float]:
        """Node id -> its share of the total in percent (for showing a rubric to people)."""
        weights = self.effective_weights(category_id)
        maximum = {leaf: weights[leaf] * self.nodes[leaf].scale.max for leaf in weights}  # type: ignore[union-attr]
        grand = sum(maximum.values())
        shares = {}
        for node_id in self.nodes:
            below = [maximum[leaf] for leaf in self.leaves_below(node_id) if leaf in maximum]
            if below:
                shares[node_id] = 100 * sum(below) / grand
        return shares

    def max_total(self, category_id: str) -> float:
        weights = self.effective_weights(category_id)
        return sum(w * self.nodes[leaf].scale.max for leaf, w in weights.items())  # type: ignore[union-attr]

    @cached_property
    def fingerprint(self) -> str:
        data = self.model_dump(mode="json")
        if self.normalisation == Normalisation():
            # no normalisation, as written or by default: the fingerprint stays what it was
            # before the key existed, so templates made then still match their rubric
            del data["normalisation"]
        return fingerprint_of(data)


_CACHED = tuple(name for name, value in vars(Rubric).items()
                if isinstance(value, cached_property))


def fingerprint_of(data: Any) -> str:
    """sha256 of the canonical JSON of ``data`` (sorted keys, no spaces): stable across runs."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                           default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- loading -------------------------------------------------------------------------------


def _path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


_TYPE_WORDS = {
    "float": ("angka", "a number"),
    "int": ("bilangan bulat", "a whole number"),
    "string": ("teks", "text"),
    "bool": ("true atau false", "true or false"),
    "list": ("daftar", "a list"),
    "tuple": ("daftar", "a list"),
    "dict": ("peta kunci: nilai", "a mapping of key: value"),
    "model": ("peta kunci: nilai", "a mapping of key: value"),
    "date": ("tanggal (YYYY-MM-DD)", "a date (YYYY-MM-DD)"),
}


def _problem_from_pydantic(err: Any, file: str) -> Problem:
    kind: str = err["type"]
    where = _path(tuple(err["loc"]))
    ctx = dict(err.get("ctx") or {})
    given = err.get("input")
    if kind.startswith("rubric."):
        return error(kind, file=file, cell=where, **ctx)
    if kind == "missing":
        return error("rubric.missing_key", file=file, cell=where)
    if kind == "extra_forbidden":
        return error("rubric.unknown_key", file=file, cell=where)
    if kind == "literal_error":
        return error("rubric.not_one_of", file=file, cell=where, given=given,
                     expected=ctx.get("expected", ""))
    if kind in ("greater_than", "greater_than_equal"):
        op = ">" if kind == "greater_than" else "≥"
        limit = ctx.get("gt", ctx.get("ge"))
        return error("rubric.too_small", file=file, cell=where, given=given, op=op, limit=limit)
    if kind in ("less_than", "less_than_equal"):
        op = "<" if kind == "less_than" else "≤"
        limit = ctx.get("lt", ctx.get("le"))
        return error("rubric.invalid", file=file, cell=where,
                     reason=f"{given!r}: {op} {limit}")
    if kind == "too_short" and isinstance(given, (list, tuple)):
        return error("rubric.too_short", file=file, cell=where,
                     min_length=ctx.get("min_length", 1))
    if kind == "string_too_short":
        return error("rubric.missing_key", file=file, cell=where)
    for prefix, (word_id, word_en) in _TYPE_WORDS.items():
        if kind.startswith(prefix + "_"):
            return error("rubric.wrong_type", file=file, cell=where, given=given,
                         expected_id=word_id, expected_en=word_en)
    return error("rubric.invalid", file=file, cell=where, reason=err.get("msg", kind))


def _cross_checks(raw: Mapping[str, Any], file: str) -> list[Problem]:
    """Checks that need the whole file (ids, references); defensive about its shape, so they
    run even when the structure has mistakes and every mistake is reported at once."""
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    leaf_scales: list[tuple[str, Any]] = []

    def visit(nodes: Any, where: str) -> None:
        if not isinstance(nodes, list):
            return
        for i, node in enumerate(nodes):
            here = f"{where}[{i}]"
            if not isinstance(node, dict):
                continue
            node_id = node.get("id")
            if isinstance(node_id, (str, int, float)):
                node_id = str(node_id)
                if node_id in first_seen:
                    problems.append(error("rubric.duplicate_id", file=file, cell=f"{here}.id",
                                          id=node_id, other=first_seen[node_id]))
                else:
                    first_seen[node_id] = f"{here}.id"
            if isinstance(node.get("scale"), dict):
                leaf_scales.append((f"{here}.scale.min", node["scale"].get("min")))
            visit(node.get("children"), f"{here}.children")

    visit(raw.get("criteria"), "criteria")
    known = set(first_seen)

    categories = raw.get("categories")
    category_ids: dict[str, str] = {}
    if isinstance(categories, list):
        for i, cat in enumerate(categories):
            if not isinstance(cat, dict):
                continue
            cat_id = cat.get("id")
            if isinstance(cat_id, (str, int)):
                cat_id = str(cat_id)
                if cat_id in category_ids:
                    problems.append(error("rubric.duplicate_id", file=file,
                                          cell=f"categories[{i}].id", id=cat_id,
                                          other=category_ids[cat_id]))
                else:
                    category_ids[cat_id] = f"categories[{i}].id"
            chosen = cat.get("criteria")
            if isinstance(chosen, list):
                if known and not chosen:
                    problems.append(error("rubric.category_no_criteria", file=file,
                                          cell=f"categories[{i}].criteria", id=cat_id))
                for j, node_id in enumerate(chosen):
                    if known and str(node_id) not in known:
                        problems.append(error("rubric.unknown_criterion", file=file,
                                              cell=f"categories[{i}].criteria[{j}]",
                                              id=node_id))

    tie_breaks = raw.get("tie_breaks")
    if isinstance(tie_breaks, list) and known:
        for i, rule in enumerate(tie_breaks):
            named = rule.get("criterion") if isinstance(rule, dict) else None
            if named is not None and str(named) not in known:
                problems.append(error("rubric.unknown_criterion", file=file,
                                      cell=f"tie_breaks[{i}].criterion", id=rule["criterion"]))

    awards = raw.get("awards")
    if isinstance(awards, dict) and isinstance(awards.get("categories"), dict) and category_ids:
        for cat_id in awards["categories"]:
            if str(cat_id) not in category_ids:
                problems.append(error("rubric.unknown_category", file=file,
                                      cell=f"awards.categories.{cat_id}", id=cat_id))

    # the panel rule's and the normalisation's own checks, asked of their registries
    panel = raw.get("panel") if isinstance(raw.get("panel"), dict) else {}
    named = panel.get("rule", "mean")
    rule = PANEL_RULES.get(named) if named in PANEL_RULES else None
    apply_to = panel.get("apply_to", "total")
    if rule is not None:
        if not rule.per_criterion and apply_to == "criterion":
            problems.append(error("rubric.rank_sum_per_criterion", file=file,
                                  cell="panel.apply_to"))
        settings = {p.name: panel.get(p.name, p.default) for p in rule.parameters}
        for mistake in rule.check(**settings):
            problems.append(error(mistake.code, file=file, cell=f"panel.{mistake.setting}",
                                  **mistake.params))

    normalisation = raw.get("normalisation")
    method = (normalisation.get("method") if isinstance(normalisation, dict)
              else normalisation)
    if method in NORMALISATIONS and NORMALISATIONS.get(method).active:
        where = ("normalisation.method" if isinstance(normalisation, dict)
                 else "normalisation")
        if rule is not None and not rule.normalisable:
            problems.append(error("rubric.normalisation_rank_sum", file=file, cell=where,
                                  method=method))
        elif apply_to == "criterion":
            problems.append(error("rubric.normalisation_per_criterion", file=file,
                                  cell=where, method=method))

    if raw.get("weighting", "percent") == "percent":
        for where, minimum in leaf_scales:
            if isinstance(minimum, (int, float)) and minimum < 0:
                problems.append(error("rubric.scale_negative", file=file, cell=where,
                                      min=minimum))
    return problems


def parse_rubric(text: str, file: str = "<rubric>") -> tuple[Rubric | None, list[Problem]]:
    """Read a rubric from YAML text: the Rubric, or None and every problem found."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [error("rubric.invalid_yaml", file=file,
                            line=(mark.line + 1) if mark else "?",
                            column=(mark.column + 1) if mark else "?",
                            reason=getattr(exc, "problem", None) or str(exc))]
    if not isinstance(raw, dict):
        return None, [error("rubric.not_a_mapping", file=file)]
    problems = _cross_checks(raw, file)
    rubric = None
    try:
        rubric = Rubric.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        # pydantic also calls a list "too short" when all its items failed: not a real mistake
        inner = {tuple(e["loc"][:n]) for e in errors for n in range(len(e["loc"]))}
        errors = [e for e in errors if not (e["type"] == "too_short" and tuple(e["loc"]) in inner)]
        problems = [_problem_from_pydantic(e, file) for e in errors] + problems
    if problems:
        return None, problems
    return rubric, []


def load_rubric(path: str | Path) -> Rubric:
    """Load and check a rubric file; raises :class:`ProblemsError` listing every mistake."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemsError([error("file.not_found", file=str(path), path=str(path))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemsError([error("file.unreadable", file=str(path), reason=str(exc))]) from None
    rubric, problems = parse_rubric(text, str(path))
    if rubric is None:
        raise ProblemsError(problems)
    return rubric
