"""What-if scoring (scoring/workspace/whatif.py): a fresh rubric, nothing official."""

from __future__ import annotations

import pytest

from scoring.workspace import whatif
from ui.views import simulation as simulation_view


def test_simulated_rubric_is_a_fresh_rubric(sample) -> None:
    rubric = sample.rubric
    _ = rubric.nodes, rubric.fingerprint  # cached on the original
    weights = {**simulation_view.group_weights(rubric), "presentasi": 80.0}
    changed = whatif.simulated_rubric(rubric, weights, "median")
    assert changed.nodes["presentasi"].weight == 80
    assert changed.criteria[1].weight == 80
    assert changed.fingerprint != rubric.fingerprint
    assert changed.panel.rule == "median" and rubric.panel.rule == "trimmed_mean"
    assert rubric.nodes["presentasi"].weight == 20  # the official rubric is untouched
    assert whatif.simulated_rubric(rubric, weights, "rank_sum").panel.apply_to == "total"
    with pytest.raises(ValueError):
        whatif.simulated_rubric(rubric, weights, "loudest")
    shares = simulation_view.weight_shares(rubric, weights)
    assert sum(shares.values()) == pytest.approx(100)
