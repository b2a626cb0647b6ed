"""Simulasi / What if: other group weights or another panel rule, against the official ranking.
A simulation changes nothing official: it scores a modified copy of the rubric."""

import streamlit as st

from scoring.i18n import format_number, t
from scoring.workspace.whatif import PANEL_RULES
from ui import common, state
from ui.views import simulation as views

lang = state.lang()
outcome = state.outcome()

st.title(t("app.sim.title", lang))
st.warning(t("app.sim.banner", lang), icon=":material/science:")

if common.require_result(outcome, lang):
    official = outcome.result
    assert official is not None
    rubric = official.rubric
    weights = views.group_weights(rubric)
    keys = {node_id: f"sim_weight_{node_id}" for node_id in weights}
    for node_id, key in keys.items():
        st.session_state.setdefault(key, weights[node_id])
    st.session_state.setdefault("sim_rule", rubric.panel.rule)

    def reset() -> None:
        for node_id, key in keys.items():
            st.session_state[key] = weights[node_id]
        st.session_state["sim_rule"] = rubric.panel.rule

    upper = views.weight_slider_max(rubric)

    @st.fragment
    def what_if() -> None:
        """Sliders, rule and the simulated ranking: moving a slider reruns only this part,
        which weighs the cached marks again (no file is read, nothing scored again)."""
        with st.container(border=True):
            st.subheader(t("app.sim.weights", lang))
            st.caption(t(f"app.sim.weights_help.{rubric.weighting}", lang))
            columns = st.columns(3)
            for i, node in enumerate(rubric.criteria):
                columns[i % 3].slider(node.label(lang), min_value=0.0, max_value=upper,
                                      step=1.0 if rubric.weighting == "percent" else 0.5,
                                      key=keys[node.id], format="%g")
            chosen = {node_id: float(st.session_state[key]) for node_id, key in keys.items()}
            st.selectbox(t("app.sim.rule", lang), PANEL_RULES, key="sim_rule",
                         format_func=lambda rule: t(f"panel.{rule}", lang,
                                                    trim=rubric.panel.trim,
                                                    min_judges=rubric.panel.min_judges))
            st.button(t("app.sim.reset", lang), on_click=reset, icon=":material/restart_alt:")

        if sum(chosen.values()) <= 0:
            st.error(t("app.sim.all_zero", lang))
            return
        shares = views.weight_shares(rubric, chosen)
        st.caption(t("app.sim.shares", lang) + " " + "; ".join(
            f"{node.label(lang)} {format_number(shares[node.id], lang, 1)} %"
            for node in rubric.criteria))
        rule = st.session_state["sim_rule"]
        basis = state.whatif_basis(rule)
        if not basis.exact.ok:
            st.error(t("app.sim.blocked", lang))
            common.problems_report(basis.exact.errors, lang)
            return
        simulated = state.simulation(chosen, rule)
        for category, tab in common.category_tabs(rubric, lang):
            with tab:
                comparison = views.compare(official, simulated, category.id, lang)
                first = st.columns(2)
                first[0].metric(t("app.sim.moved", lang), comparison.moved)
                first[1].metric(t("app.sim.winner", lang),
                                t("yes" if comparison.winner_changed else "no", lang))
                st.dataframe(views.comparison_styled(comparison, lang), hide_index=True,
                             key=f"simulation_{category.id}",
                             column_config=views.comparison_widths(comparison))
                st.caption(t("app.sim.table_help", lang))

    what_if()
