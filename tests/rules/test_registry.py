"""The rule registries: what each lists, unknown names, parameters, shares, and that the
rubric loader, the sensitivity report and the app's choices ask them."""

from __future__ import annotations

import numpy as np
import pytest

from scoring.i18n import CATALOGUE, t
from scoring.rules.awards import AWARD_RULES
from scoring.rules.normalisation import NORMALISATIONS
from scoring.rules.panel import PANEL_RULES, TRIM, PanelRule
from scoring.rules.registry import Parameter, Registry, Rule, UnknownRuleError
from scoring.rules.tiebreaks import TIE_BREAKS

REGISTRIES = {
    "panel rule": (PANEL_RULES, ("mean", "median", "trimmed_mean", "rank_sum",
                                   "rank_percentile")),
    "normalisation": (NORMALISATIONS, ("none", "zscore", "severity", "leniency_spread")),
    "tie-break rule": (TIE_BREAKS, ("median_judge_total", "mean_judge_total",
                                    "most_first_places", "highest_lowest_judge_total")),
    "award rule": (AWARD_RULES, ("places", "bands")),
}


@pytest.mark.parametrize("kind", REGISTRIES)
def test_each_registry_lists_its_rules_in_order(kind: str) -> None:
    registry, expected = REGISTRIES[kind]
    assert registry.kind == kind
    assert registry.names() == expected
    assert [rule.name for rule in registry] == list(expected)
    assert len(registry) == len(expected)
    for name in expected:
        assert name in registry
        assert registry.get(name).name == name


@pytest.mark.parametrize("kind", REGISTRIES)
def test_an_unknown_name_gives_a_clear_error(kind: str) -> None:
    registry, expected = REGISTRIES[kind]
    with pytest.raises(UnknownRuleError) as caught:
        registry.get("coin_toss")
    text = str(caught.value)
    assert text.startswith(f"unknown {kind} 'coin_toss'; use one of ")
    assert text.endswith(", ".join(expected))
    assert isinstance(caught.value, ValueError)  # callers that caught ValueError still do
    assert "coin_toss" not in registry
    assert ["mean"] not in registry  # an unhashable name is simply not there


@pytest.mark.parametrize("kind", REGISTRIES)
def test_every_label_is_in_the_catalogue_in_both_languages(kind: str) -> None:
    registry, _ = REGISTRIES[kind]
    for rule in registry:
        indonesian, english = CATALOGUE[rule.label_key]
        assert indonesian and english
        for lang in ("id", "en"):
            # choices give the same words as the message, placeholders filled
            assert registry.choices(lang, trim=1, min_judges=5)[rule.name] == t(
                rule.label_key, lang, trim=1, min_judges=5)


def test_registering_a_name_twice_is_refused() -> None:
    registry: Registry[Rule] = Registry("demo rule")
    registry.register(Rule("a", "panel.mean"))
    with pytest.raises(ValueError, match="demo rule 'a' registered twice"):
        registry.register(Rule("a", "panel.median"))
    assert registry.names() == ("a",)


def test_parameters_bind_with_defaults_and_minimums() -> None:
    trimmed = PANEL_RULES.get("trimmed_mean")
    assert trimmed.bind() == {"trim": 1, "min_judges": 5}
    # a setting of another rule is ignored; the mean has no settings at all
    assert trimmed.bind(trim=2, min_judges=7, min_scores=3) == {"trim": 2, "min_judges": 7}
    assert PANEL_RULES.get("mean").bind(trim=2) == {}
    with pytest.raises(ValueError, match="trim must be a whole number ≥ 1"):
        trimmed.bind(trim=0)
    with pytest.raises(KeyError):
        trimmed.parameter("width")
    assert NORMALISATIONS.get("severity").parameter("min_scores") == Parameter(
        "min_scores", default=5, minimum=2)


def test_the_rubric_takes_defaults_and_minimums_from_the_registry() -> None:
    from scoring.rubric import Normalisation, Panel

    assert Panel().trim == TRIM.default
    assert Panel().min_judges == PANEL_RULES.get("trimmed_mean").parameter("min_judges").default
    assert Normalisation().min_scores == NORMALISATIONS.get("zscore").parameter(
        "min_scores").default
    assert Panel.model_fields["trim"].metadata[0].ge == TRIM.minimum


def test_the_rubric_refuses_a_name_no_registry_has_listing_the_registered_ones() -> None:
    from scoring.rubric import parse_rubric

    text = ("id: r\ntitle: R\ncategories: [{id: A, name: A}]\n"
            "criteria: [{id: c, name: C, scale: {min: 0, max: 10}}]\n"
            "panel: {rule: mode}\n")
    _, problems = parse_rubric(text, "r.yaml")
    assert [(p.code, p.cell) for p in problems] == [("rubric.not_one_of", "panel.rule")]
    assert problems[0].message("en") == (
        "Unknown value 'mode'; choose one of 'mean', 'median', 'trimmed_mean', 'rank_sum' or "
        "'rank_percentile'")


def test_a_rules_own_check_reaches_the_loader() -> None:
    trimmed = PANEL_RULES.get("trimmed_mean")
    # trim 2 drops 4 marks: it needs min_judges ≥ 5, so 4 is refused and 5 is fine
    [mistake] = trimmed.check(trim=2, min_judges=4)
    assert (mistake.setting, mistake.code) == ("min_judges", "rubric.trim_too_large")
    assert mistake.params == {"trim": 2, "double": 4, "min_judges": 4}
    assert trimmed.check(trim=2, min_judges=5) == []
    assert PANEL_RULES.get("median").check(trim=2, min_judges=1) == []


def _shares(rule: PanelRule, n: int, **params: int) -> np.ndarray:
    position = np.arange(n)
    numerator, denominator, _ = rule.shares(position, position + 1, np.full(n, n),
                                            **rule.bind(**params))
    return numerator / denominator


def test_panel_shares_by_hand() -> None:
    # 4 marks sorted ascending: the median takes the two middle ones, half each
    assert _shares(PANEL_RULES.get("median"), 4).tolist() == [0, 0.5, 0.5, 0]
    # 5 marks: the middle one alone (both middle positions, (5 + 1) / 2 = 3, fall on it)
    assert _shares(PANEL_RULES.get("median"), 5).tolist() == [0, 0, 1, 0, 0]
    # trimmed mean, trim 1 of 5 marks: the middle three, 1 / (5 − 2·1) = 1/3 each
    assert _shares(PANEL_RULES.get("trimmed_mean"), 5, trim=1, min_judges=5) == (
        pytest.approx([0, 1 / 3, 1 / 3, 1 / 3, 0]))
    # below min_judges the plain mean: 1/4 each of 4 marks, and flagged as a fallback
    trimmed = PANEL_RULES.get("trimmed_mean")
    position = np.arange(4)
    _, _, fallback = trimmed.shares(position, position + 1, np.full(4, 4), trim=1,
                                    min_judges=5)
    assert fallback.all()
    assert _shares(trimmed, 4, trim=1, min_judges=5).tolist() == [0.25] * 4


@pytest.mark.parametrize("name", PANEL_RULES.names())
@pytest.mark.parametrize("n", [1, 2, 3, 6, 7])
def test_every_panel_rules_shares_add_up_to_one(name: str, n: int) -> None:
    total = _shares(PANEL_RULES.get(name), n, trim=2, min_judges=5).sum()
    assert total == pytest.approx(1.0)


def test_a_mark_counted_twice_spans_two_positions() -> None:
    # marks 50 (×1), 60 (×2), 90 (×1): positions 1 | 2–3 | 4 of m = 4; the median's middle
    # positions 2 and 3 both fall on 60, so 60 holds the whole median (2 halves)
    median = PANEL_RULES.get("median")
    numerator, denominator, _ = median.shares(np.array([0, 1, 3]), np.array([1, 3, 4]),
                                              np.array([4, 4, 4]))
    assert (numerator / denominator).tolist() == [0, 1, 0]


def test_which_rules_are_a_mean_at_a_size() -> None:
    median, trimmed = PANEL_RULES.get("median"), PANEL_RULES.get("trimmed_mean")
    assert median.is_mean_of(2) and not median.is_mean_of(3)
    assert trimmed.is_mean_of(4, trim=1, min_judges=5)
    assert not trimmed.is_mean_of(5, trim=1, min_judges=5)


def test_normalisation_needs_by_method() -> None:
    assert [m.name for m in NORMALISATIONS if m.active] == [
        "zscore", "severity", "leniency_spread"]
    # leniency_spread shrinks the slope of a judge with few marks (not twice the scores)
    assert [NORMALISATIONS.get(m).needed(5) for m in NORMALISATIONS.names()] == [5, 5, 5, 5]
    assert [m.name for m in NORMALISATIONS if m.needs_connected] == [
        "severity", "leniency_spread"]


def test_choices_offered_to_users_are_the_registrys() -> None:
    from scoring import sensitivity
    from scoring.workspace import whatif

    assert tuple(whatif.PANEL_RULES) == PANEL_RULES.names()
    assert sensitivity.RULES == ("mean", "median", "trimmed_mean")  # rank sum not compared
    assert sensitivity.NORMALISATIONS == ("zscore", "severity", "leniency_spread")
    assert sensitivity.VARIANTS == sensitivity.RULES + sensitivity.NORMALISATIONS
    assert set(sensitivity.RULES) <= set(PANEL_RULES.names())
    assert set(sensitivity.NORMALISATIONS) <= set(NORMALISATIONS.names())
