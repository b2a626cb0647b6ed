"""The What if page's model (ui/views/simulation.py): the simulated ranking against the
official one."""

from __future__ import annotations

from scoring.i18n import t
from scoring.workspace import whatif
from ui.views import format as view_format
from ui.views import simulation as simulation_view


def test_simulation_moves_the_ranking_and_compare_shows_arrows(sample) -> None:
    same = whatif.simulate(sample, simulation_view.group_weights(sample.rubric),
                            sample.rubric.panel.rule, "id")
    unchanged = simulation_view.compare(sample.result, same.standings, "OPD", "id")
    assert unchanged.moved == 0 and not unchanged.winner_changed
    weights = (dict.fromkeys(simulation_view.group_weights(sample.rubric), 1.0)
               | {"presentasi": 100.0})
    simulated = whatif.simulate(sample, weights, "median", "id")
    comparison = simulation_view.compare(sample.result, simulated.standings, "OPD", "id")
    change = comparison.frame[t("app.sim.col.change", "id")]
    assert comparison.moved > 0
    assert change.str.startswith("↑").any() and change.str.startswith("↓").any()
    official = comparison.frame.set_index(t("col.entry", "id"))[
        t("app.fair.sens.col.official_rank", "id")]
    expected = sample.result.category("OPD").set_index("name")["rank"]
    assert official.sort_index().tolist() == expected.sort_index().tolist()
    assert (view_format.arrow(2), view_format.arrow(-1), view_format.arrow(0)) == ("↑2", "↓1", "=")
    html = simulation_view.comparison_styled(comparison, "id").to_html()
    assert "#1a7f37" in html and "#cf222e" in html
