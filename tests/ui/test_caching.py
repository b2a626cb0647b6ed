"""Pages do not redo slow work: the outcome is cached by the content of the competition, so
moving between pages scores once, and the What if sliders weigh the cached marks again
without reading a file or scoring the competition again.

Counters wrap the pipeline (:func:`scoring.workspace.session.outcome_of`), the sheet reader
(``scoring.sheets.read_many`` as the session calls it) and the scoring the What if page may
call (:func:`scoring.workspace.whatif.score`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from scoring.i18n import t
from scoring.workspace import session, whatif
from tests.ui.conftest import assert_clean


@pytest.fixture(scope="module")
def sample() -> session.Outcome:
    return session.run_competition(session.sample_competition())


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Calls of the pipeline, the sheet reader and the What if scoring, from empty caches."""
    st.cache_resource.clear()
    st.cache_data.clear()
    found: Counter[str] = Counter()

    def counting(name: str, real: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            found[name] += 1
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(session, "outcome_of", counting("pipeline", session.outcome_of))
    monkeypatch.setattr(session.sheets, "read_many",
                        counting("reads", session.sheets.read_many))
    monkeypatch.setattr(whatif, "score", counting("score", whatif.score))
    yield found
    st.cache_resource.clear()
    st.cache_data.clear()


def test_results_rewards_results_runs_the_pipeline_once(app, counts: Counter[str]) -> None:
    at = app("ui/results.py")
    assert counts == {"pipeline": 1, "reads": 1}
    ranking = [frame.value.copy() for frame in at.dataframe]
    at.switch_page("ui/rewards.py").run()
    assert_clean(at)
    assert at.title[0].value == t("app.page.rewards", "id")
    at.switch_page("ui/results.py").run()
    assert_clean(at)
    # still one pipeline run and one reading of the five sheets, and the same tables
    assert counts["pipeline"] == 1 and counts["reads"] == 1
    for before, frame in zip(ranking, at.dataframe, strict=True):
        assert frame.value.equals(before)


def test_a_what_if_slider_reads_no_file_and_scores_nothing_again(app,
                                                                 counts: Counter[str]) -> None:
    at: AppTest = app("ui/simulation.py")
    # opening the page: the pipeline once, the sheets read once, the marks scored once under
    # the rubric's panel rule (the basis the sliders weigh again)
    assert counts == {"pipeline": 1, "reads": 1, "score": 1}
    at.slider(key="sim_weight_presentasi").set_value(100.0).run()
    assert_clean(at)
    at.slider(key="sim_weight_risalah").set_value(1.0).run()
    assert_clean(at)
    assert counts == {"pipeline": 1, "reads": 1, "score": 1}
    moved = next(m for m in at.metric if m.label == t("app.sim.moved", "id"))
    assert int(moved.value) > 0
    # another panel rule is scored once, then its sliders are free again
    at.selectbox(key="sim_rule").set_value("median").run()
    at.slider(key="sim_weight_fragmen").set_value(50.0).run()
    assert_clean(at)
    assert counts == {"pipeline": 1, "reads": 1, "score": 2}


def test_moved_weights_give_what_scoring_again_gives(sample) -> None:
    """The quick path (weighing each judge's marks again) against a full scoring."""
    weights = {node.id: float(node.weight) for node in sample.rubric.criteria}
    moved = weights | {"presentasi": 100.0, "risalah": 1.0}
    for rule in ("trimmed_mean", "median", "mean"):
        basis = whatif.basis(sample, rule, "id")
        assert basis.quick
        quick = whatif.retotal(basis, moved, "id").set_index("entry_id")
        full = whatif.simulate(sample, moved, rule, "id").standings.set_index("entry_id")
        assert quick["total"].equals(full["total"].reindex(quick.index))
        assert quick["rank"].equals(full["rank"].reindex(quick.index))
