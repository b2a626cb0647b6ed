"""The fairness views of issue 6 through AppTest: rank confidence on the Rewards page, the judge
report and agreement on the Judges page, and the Sensitivity page — on the bundled sample and
on small competitions built here, whose rankings are worked out by hand below."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pandas as pd
import pytest
import streamlit as st
import yaml
from streamlit.testing.v1 import AppTest

from scoring.entries import parse_entries
from scoring.i18n import t
from scoring.rubric import parse_rubric
from scoring.sheets import fill_template, write_template
from scoring.workspace import session
from tests.ui.conftest import APP, TIMEOUT, assert_clean, frames_with, shows
from ui import common
from ui import state as app_state
from ui.views import judges as judges_view
from ui.views import results as results_view
from ui.views import rewards as rewards_view
from ui.views import sensitivity as sensitivity_view

LANGS = ("id", "en")
TOO_CLOSE_START = {lang: t("app.fair.conf.too_close", lang, awarded="", probability="",
                           threshold="", odds=0, out_of=0).split(":")[0] for lang in LANGS}
"""The start of a "too close to call" warning, before its figures."""

# A small contest: one category, two criteria of equal weight, the judges' mean, three places,
# no tie-breaks. Each judge gives an entry the same mark on both criteria, so a judge's total
# is that mark.
RUBRIC = """
id: uji_keadilan
version: "1"
title: Lomba Uji Keadilan
title_en: Fairness Test Contest
categories:
  - {id: UMUM, name: Umum, name_en: Open}
criteria:
  - {id: ide, name: Gagasan, name_en: Idea, weight: 50, scale: {min: 0, max: 100, step: 1}}
  - {id: sajian, name: Penyajian, name_en: Delivery, weight: 50,
     scale: {min: 0, max: 100, step: 1}}
panel:
  rule: mean
tie_breaks: []
awards:
  places:
    - {name: Juara I, name_en: First place}
    - {name: Juara II, name_en: Second place}
    - {name: Juara III, name_en: Third place}
"""


def _competition(marks: Mapping[str, Mapping[str, float]], rubric: str = RUBRIC
                 ) -> session.Competition:
    """A competition from ``{judge: {entry id: mark}}``: entries named "Peserta <id>", one
    filled template per judge."""
    entry_ids = list(next(iter(marks.values())))
    entries_text = "id,name,category\n" + "".join(
        f"{e},Peserta {e.upper()},UMUM\n" for e in entry_ids)
    parsed_rubric, problems = parse_rubric(rubric, "uji.yaml")
    assert parsed_rubric is not None, [p.message("en") for p in problems]
    parsed_entries, problems = parse_entries(entries_text, "uji.csv")
    assert parsed_entries is not None, [p.message("en") for p in problems]
    files = []
    for i, (judge, given) in enumerate(marks.items()):
        blank = write_template(parsed_rubric, parsed_entries, judge)
        cells = {(e, c): v for e, v in given.items() for c in ("ide", "sajian")}
        files.append((f"juri_{i}.xlsx", fill_template(blank, cells)))
    return session.Competition("uji.yaml", rubric, "uji.csv", entries_text, tuple(files),
                               source="upload")


def _start(competition: session.Competition | None, page: str, lang: str = "id") -> AppTest:
    """The app on ``competition`` (the sample when None), switched to ``page``."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if competition is not None:
        at.session_state[app_state.COMPETITION_KEY] = competition
    at.run()
    if lang != "id":
        at.sidebar.radio(key="lang").set_value(lang).run()
    at.switch_page(page).run()
    assert_clean(at)
    return at


def _frame(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page with ``column``."""
    found = frames_with(at, column)
    assert found, f"no table with column {column!r}"
    return found[0]


@pytest.fixture(scope="module")
def sample() -> session.Outcome:
    return session.run_competition(session.sample_competition())


# --- Rewards: probability, rank interval, too close to call --------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_rewards_show_each_winners_probability_and_rank_interval(app, lang) -> None:
    result = session.run_competition(session.sample_competition(), lang).result
    figures = rewards_view.confidence_figures(result)
    at = app("ui/rewards.py", lang)
    markdown = [m.value for m in at.markdown]
    interval = rewards_view.confidence_interval_text(lang)
    assert rewards_view.confidence_note(result, lang) in markdown  # what the probability means
    for category in result.rubric.category_ids:
        items = rewards_view.awards(result, category, lang)
        sure = rewards_view.award_confidence(items, figures, result, category, lang)
        assert set(sure) == {item.entry_id for item in items}
        for item in items:
            found = sure[item.entry_id]
            assert found.probability is not None  # the sample awards places, not bands
            line = t("app.fair.conf.place", lang, award=common.escape(item.award),
                     awarded=common.escape(found.awarded_text),
                     probability=common.escape(found.probability_text), interval=interval,
                     ranks=found.interval_text)
            assert line in markdown, (item.name, line)
        summary = frames_with(at, t("app.fair.col.probability", lang))
        assert summary, "the summary table shows the probabilities"
    # the winners' figures as the engine gives them, the Indonesian way
    opd = figures[figures["category"] == "OPD"].set_index("entry_id")
    first = opd.loc[opd["rank"] == 1].iloc[0]
    assert first["rank_low"] == 1
    table = _frame(at, t("app.fair.col.rank_interval", lang))
    assert str(table[t("app.fair.col.rank_interval", lang)].iloc[0]).startswith("1")
    if lang == "id":
        assert not any("." in str(v) and "%" in str(v)
                       for v in table[t("app.fair.col.probability", "id")])


def test_a_near_tie_inside_the_awards_is_not_too_close_but_shows_its_own_place(app,
                                                                              sample) -> None:
    """The sample's OPD Juara II and III are equal on the total (83,42), separated only by the
    Tanya jawab tie-break: each holds its very place in about half of the resamples, but both
    stay among the six award places in every one — the flag reads the award probability, so
    neither is flagged, and the page shows both probabilities side by side."""
    figures = rewards_view.confidence_figures(sample.result).set_index("entry_id")
    for entry in ("opd-kec-utara", "opd-dinkes"):
        assert 0.4 < figures.loc[entry, "p_own_place"] < 0.6
        assert figures.loc[entry, "p_awarded"] > 0.99
        assert not figures.loc[entry, "too_close"]
    names = dict(zip(sample.result.standings["entry_id"], sample.result.standings["name"],
                     strict=True))
    at = app("ui/rewards.py")
    assert not [w.value for w in at.warning if w.value.startswith(TOO_CLOSE_START["id"])]
    table = _frame(at, t("app.fair.col.awarded", "id")).set_index(t("col.entry", "id"))
    for entry in ("opd-kec-utara", "opd-dinkes"):
        row = table.loc[names[entry]]
        assert row[t("app.fair.col.awarded", "id")] == "> 99%"
        assert 40 < int(row[t("app.fair.col.probability", "id")].rstrip("%")) < 60
        assert row[t("app.fair.col.too_close", "id")] == ""
    # the footnote: every sample category took the most resamples, "hingga 2.000"
    footnote = rewards_view.resampling_footnote(figures.reset_index(), "OPD", "id")
    assert "2.000 pengambilan ulang (hingga 2.000)" in footnote
    assert footnote in [c.value for c in at.caption]


def test_rewards_say_which_judge_a_place_leans_on(app, sample) -> None:
    """Leave-one-judge-out: a winner that would rank lower without one judge says so, with
    that judge and the rank (in the sample, Kelurahan Krapyak, Harapan I, falls to 5th without
    one judge)."""
    figures = rewards_view.confidence_figures(sample.result)
    placed = figures[figures["p_own_place"].notna()]
    lower = placed[placed["loo_rank_worst"] > placed["rank"]]
    assert "kel-krapyak" in set(lower["entry_id"])
    at = app("ui/rewards.py")
    captions = [c.value for c in at.caption]
    for row in lower.itertuples(index=False):
        key = ("app.fair.conf.without_out" if row.loo_rank_worst > 6
               else "app.fair.conf.without")
        text = t(key, "id", judge=common.escape(row.loo_worst_without),
                 rank=int(row.loo_rank_worst))
        assert text in captions, text
    # and only those: a winner no single judge moves down gets no such line
    start = t("app.fair.conf.without", "id", judge="", rank=0).split(",")[0]
    assert sum(c.startswith(start) for c in captions) == len(lower) < len(placed)


# Three judges, six entries, three places. Totals (mean): E1 90, E2 85; E3 (80 + 82 + 78) / 3
# = 80 and E4 (80 + 78 + 82) / 3 = 80 — an exact tie no rule separates at the edge of the
# awards, so both share rank 3 (Juara III); E5 50, E6 40. Only one of E3 and E4 fits in the
# top three of a resampled panel (E5 is 30 points behind, E2 5 points ahead with judges
# 2 points apart), so each belongs among the winners about half of the time: below ⅔.
TIE = {
    "Juri A": {"e1": 90, "e2": 85, "e3": 80, "e4": 80, "e5": 50, "e6": 40},
    "Juri B": {"e1": 91, "e2": 86, "e3": 82, "e4": 78, "e5": 52, "e6": 42},
    "Juri C": {"e1": 89, "e2": 84, "e3": 78, "e4": 82, "e5": 48, "e6": 38},
}


@pytest.mark.parametrize("lang", LANGS)
def test_an_exact_tie_at_the_edge_of_the_awards_is_too_close_and_the_clear_ones_are_not(
        lang) -> None:
    at = _start(_competition(TIE), "ui/rewards.py", lang)
    table = _frame(at, t("app.fair.col.too_close", lang))
    by_name = table.set_index(t("col.entry", lang))
    third = "Juara III" if lang == "id" else "Third place"
    assert by_name.loc["Peserta E3", t("col.award", lang)] == third
    assert by_name.loc["Peserta E4", t("col.award", lang)] == third
    mark = "⚠ " + t("app.fair.conf.too_close_mark", lang)
    assert by_name.loc["Peserta E3", t("app.fair.col.too_close", lang)] == mark
    assert by_name.loc["Peserta E4", t("app.fair.col.too_close", lang)] == mark
    for clear in ("Peserta E1", "Peserta E2"):
        assert by_name.loc[clear, t("app.fair.col.too_close", lang)] == ""
        assert by_name.loc[clear, t("app.fair.col.awarded", lang)] == "> 99%"
    assert by_name.loc["Peserta E1", t("app.fair.col.rank_interval", lang)] == "1"
    # each tied entry is among the winners in about half of the resamples, below ⅔
    for name in ("Peserta E3", "Peserta E4"):
        percent = by_name.loc[name, t("app.fair.col.awarded", lang)]
        assert 35 < int(percent.rstrip("%")) < 66
    flags = [w.value for w in at.warning if w.value.startswith(TOO_CLOSE_START[lang])]
    assert len(flags) == 2
    odds = "lebih dari 1 dari 3" if lang == "id" else "more than 1 chance in 3"
    assert all(odds in w for w in flags)


def test_the_threshold_comes_from_the_rubric(app, sample) -> None:
    """With ``confidence.too_close_below: 0.95`` in the rubric, exactly the winners whose
    award probability is below 95% are flagged, and the note names the threshold as a
    percentage and as odds: 1 − 0.95 = 1/20, "lebih dari 1 dari 20"."""
    data = yaml.safe_load(session.SAMPLE_RUBRIC.read_text(encoding="utf-8"))
    data["confidence"] = {"too_close_below": 0.95}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    raised = session.sample_competition().with_rubric("tinggi.yaml", text)
    result = session.run_competition(raised).result
    figures = rewards_view.confidence_figures(result)
    placed = figures[figures["p_own_place"].notna()]
    expected = set(placed.loc[placed["p_awarded"] < 0.95, "entry_id"])
    assert expected and expected == set(figures.loc[figures["too_close"], "entry_id"])
    at = _start(raised, "ui/rewards.py")
    flags = [w.value for w in at.warning if w.value.startswith(TOO_CLOSE_START["id"])]
    assert len(flags) == len(expected)
    assert all("lebih dari 1 dari 20 kemungkinan" in w for w in flags)
    note = [m.value for m in at.markdown if m.value.startswith("**Seberapa pasti?**")]
    assert len(note) == 1 and "**95%**" in note[0] and "lebih dari 1 dari 20" in note[0]
    column = t("app.fair.col.too_close", "id")
    marked = {name for table in frames_with(at, column)
              for name in table.loc[table[column] != "", t("col.entry", "id")]}
    names = dict(zip(result.standings["entry_id"], result.standings["name"], strict=True))
    assert marked == {names[e] for e in expected}


def test_confidence_is_computed_once_across_pages_and_languages(app, monkeypatch) -> None:
    calls = []
    real = rewards_view.confidence_figures

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(rewards_view, "confidence_figures", counting)
    st.cache_data.clear()
    at = app("ui/rewards.py")
    for page in ("ui/results.py", "ui/rewards.py", "ui/judges.py", "ui/rewards.py"):
        at.switch_page(page).run()
        assert_clean(at)
    at.sidebar.radio(key="lang").set_value("en").run()
    at.switch_page("ui/rewards.py").run()
    assert_clean(at)
    assert shows(at, t("app.fair.col.probability", "en"))
    assert len(calls) == 1


def test_confidence_figures_are_reproducible(sample) -> None:
    first = rewards_view.confidence_figures(sample.result)
    again = rewards_view.confidence_figures(sample.result)
    pd.testing.assert_frame_equal(first, again)


# --- Judges: diagnostics, flags, agreement ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_judges_page_shows_diagnostics_and_agreement(app, sample, lang) -> None:
    at = app("ui/judges.py", lang)
    result = sample.result
    judges = _frame(at, t("app.fair.judges.col.offset", lang))
    for key in ("col.judge", "app.judges.col.n_scores", "app.judges.col.spread",
                "app.judges.col.correlation", "app.judges.col.rank_correlation",
                "app.fair.judges.col.offset", "app.fair.judges.col.flags"):
        assert t(key, lang) in judges.columns
    assert set(judges[t("col.judge", lang)]) == set(
        results_view.judges_of(result, "OPD"))
    assert (judges[t("app.judges.col.n_scores", lang)] == 31).all()  # 31 OPD groups
    # the sample's one far mark is listed, and flagged against its judge
    assert shows(at, "Sekretariat Daerah")
    assert any(w.value.startswith("**Dr. Agus Pranoto, M.M.**") for w in at.warning)
    # agreement overall: the four figures with their help, and every ICC form with its CI
    labels = {m.label for m in at.metric}
    for key in ("app.agreement.icc_single", "app.agreement.icc_panel", "fairness.col.kendall_w",
                "app.agreement.alpha"):
        assert t(key, lang) in labels
    assert all(m.help for m in at.metric)
    forms = _frame(at, t("app.fair.agreement.col.ci_low", lang))
    assert list(forms[t("app.fair.agreement.col.form", lang)]) == [
        "ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"]
    summary = judges_view.agreement_of(result, "OPD")
    values = forms.set_index(t("app.fair.agreement.col.form", lang))
    assert values.loc["ICC(2,k)", t("app.fair.agreement.col.value", lang)] == pytest.approx(
        summary.icc["ICC(2,k)"].value)
    assert (values[t("app.fair.agreement.col.ci_low", lang)]
            <= values[t("app.fair.agreement.col.value", lang)]).all()
    # agreement per criterion group: the total and each top-level group of the rubric
    groups = _frame(at, t("app.fair.agreement.col.group", lang))
    assert list(groups[t("app.fair.agreement.col.group", lang)]) == [
        t("col.total", lang),
        *[node.label(lang) for node in results_view.top_nodes(result.rubric, "OPD")]]
    for column in ("ICC(2,1)", "ICC(2,k)", t("fairness.col.kendall_w", lang),
                   t("app.agreement.alpha", lang)):
        assert groups[column].notna().all()
    ci = groups[f"{t('app.fair.agreement.col.ci', lang)} ICC(2,k)"].iloc[0]
    decimal = "," if lang == "id" else "."
    assert decimal in ci and "–" in ci
    assert shows(at, t("app.fair.agreement.groups_help", lang))


# Five judges, eight entries. A, B and C agree (quality 90, 85, … 55 with small noise);
# D gives the exact reverse order (rank correlation −1 with the others' mean); E gives 70 to
# everything (no spread at all, where the others spread about 12).
QUALITY = [90, 85, 80, 75, 70, 65, 60, 55]
IDS = [f"e{i}" for i in range(1, 9)]
FLAGS = {
    "Juri A": dict(zip(IDS, QUALITY, strict=True)),
    "Juri B": dict(zip(IDS, [89, 86, 79, 76, 69, 66, 59, 56], strict=True)),
    "Juri C": dict(zip(IDS, [q - 2 for q in QUALITY], strict=True)),
    "Juri D": dict(zip(IDS, QUALITY[::-1], strict=True)),
    "Juri E": dict.fromkeys(IDS, 70),
}


@pytest.mark.parametrize("lang", LANGS)
def test_judges_page_shows_the_panel_planner(app, sample, lang) -> None:
    """The planner under the judge report: per category the engine's recommended panel size
    (or the target out of reach) in a sentence, the table with the recommended row marked, the
    assumptions; moving the target slider re-plans for the new target."""
    from scoring.planner import plan_for
    from ui.views import planner

    at = app("ui/judges.py", lang)
    assert shows(at, t("app.fair.plan.title", lang))
    result = sample.result
    for target in (0.9, 0.8):
        if target != 0.9:
            at.select_slider(key="plan_target").set_value(target).run()
            assert_clean(at)
        plan, assumptions = plan_for(result, target=target)
        notices = [n.value for n in (*at.success, *at.warning)]
        column = t("app.fair.plan.col.recommended", lang)
        tables = frames_with(at, column)
        assert len(tables) == len(result.rubric.categories)
        for category, table in zip(result.rubric.categories, tables, strict=True):
            found = planner.category_plan(plan, result, category.id, target, lang)
            assert found is not None
            assert common.escape(found.sentence) in notices
            rows = plan[plan["category"] == category.id]
            marked = table[column] != ""
            assert list(marked) == list(rows["recommended"])
            assert len(table) == len(rows)
        heading = common.escape(t("fairness.plan.assumptions", lang))
        assert any(c.value.startswith(heading) for c in at.caption)
        assert len(assumptions) == len(result.rubric.categories)


@pytest.mark.parametrize("lang", LANGS)
def test_judges_page_flags_a_reversed_and_a_flat_judge(lang) -> None:
    at = _start(_competition(FLAGS), "ui/judges.py", lang)
    judges = _frame(at, t("app.fair.judges.col.flags", lang)).set_index(
        t("col.judge", lang))
    flags = judges[t("app.fair.judges.col.flags", lang)]
    assert t("app.fair.judges.flag.disagrees", lang) in flags["Juri D"]
    assert t("app.fair.judges.flag.flat", lang) in flags["Juri E"]
    assert flags["Juri A"] == flags["Juri B"] == flags["Juri C"] == ""
    assert judges.loc["Juri E", t("app.judges.col.spread", lang)] == 0
    assert judges.loc["Juri D", t("app.judges.col.rank_correlation", lang)] == pytest.approx(-1)
    warnings = [w.value for w in at.warning]
    assert any(w.startswith("**Juri D**") for w in warnings)
    assert any(w.startswith("**Juri E**") for w in warnings)
    groups = _frame(at, t("app.fair.agreement.col.group", lang))
    assert list(groups[t("app.fair.agreement.col.group", lang)]) == [
        t("col.total", lang), "Gagasan" if lang == "id" else "Idea",
        "Penyajian" if lang == "id" else "Delivery"]


# --- Sensitivity ---------------------------------------------------------------------------

# Three judges, six entries, the rubric's panel rule the mean:
#            A    B    C    mean    median
#   s1      90   90   30    70,00     90
#   s2      80   80   80    80,00     80
#   s3      70   68   66    68,00     68
#   s4      60   62   64    62,00     62
#   s5      50   52   54    52,00     52
#   s6      40   42   44    42,00     42
# By the mean (official): s2 1st (Juara I), s1 2nd (Juara II), s3 3rd, s4, s5, s6.
# By the median: s1 1st, s2 2nd, s3 3rd, s4, s5, s6 — s1 and s2 swap Juara I and II.
# The trimmed mean needs 5 judges (the default) and is the plain mean with three.
SPLIT = {
    "Juri A": {"s1": 90, "s2": 80, "s3": 70, "s4": 60, "s5": 50, "s6": 40},
    "Juri B": {"s1": 90, "s2": 80, "s3": 68, "s4": 62, "s5": 52, "s6": 42},
    "Juri C": {"s1": 30, "s2": 80, "s3": 66, "s4": 64, "s5": 54, "s6": 44},
}


@pytest.mark.parametrize("lang", LANGS)
def test_sensitivity_marks_the_places_median_and_mean_disagree_on(lang) -> None:
    at = _start(_competition(SPLIT), "ui/sensitivity.py", lang)
    assert at.title[0].value == t("app.fair.sens.title", lang)
    assert t("app.fair.sens.banner", lang) in [w.value for w in at.warning]
    table = _frame(at, t("app.fair.sens.col.place_changed", lang)).set_index(
        t("col.entry", lang))
    # every method is a column, and the methods table lists them all
    for method in sensitivity_view.sensitivity_methods():
        assert sensitivity_view.method_label(method, lang) in table.columns
    methods = _frame(at, t("app.fair.sens.col.method", lang))
    assert list(methods[t("app.fair.sens.col.method", lang)]) == [
        sensitivity_view.method_label(m, lang) for m in sensitivity_view.sensitivity_methods()]
    used = methods.set_index(t("app.fair.sens.col.method", lang))[
        t("app.fair.sens.col.used", lang)]
    assert used[sensitivity_view.method_label("mean", lang)] == t("yes", lang)
    # the ranks worked out above
    official = table[t("app.fair.sens.col.official_rank", lang)]
    mean = table[sensitivity_view.method_label("mean", lang)]
    median = table[sensitivity_view.method_label("median", lang)]
    trimmed = table[sensitivity_view.method_label("trimmed_mean", lang)]
    assert official.to_dict() == {"Peserta S2": 1, "Peserta S1": 2, "Peserta S3": 3,
                                  "Peserta S4": 4, "Peserta S5": 5, "Peserta S6": 6}
    assert mean.to_dict() == trimmed.to_dict() == official.astype(float).to_dict()
    assert median.to_dict() == {"Peserta S1": 1.0, "Peserta S2": 2.0, "Peserta S3": 3.0,
                                "Peserta S4": 4.0, "Peserta S5": 5.0, "Peserta S6": 6.0}
    # the two whose place changes are marked, with arrows saying which way
    changed = table[t("app.fair.sens.col.place_changed", lang)]
    assert changed["Peserta S1"] == changed["Peserta S2"] == t("app.fair.sens.place_changed",
                                                                 lang)
    assert changed["Peserta S6"] == ""
    changes = table[t("app.fair.sens.col.changes", lang)]
    assert f"↑1 {sensitivity_view.method_label('median', lang)}" in changes["Peserta S1"]
    assert f"↓1 {sensitivity_view.method_label('median', lang)}" in changes["Peserta S2"]
    metric = next(m for m in at.metric if m.label == t("app.fair.sens.changed_count", lang))
    assert int(metric.value) >= 2
    # the chart of rank per method, a tooltip on every mark
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    layers = json.loads(charts[0].proto.spec)["layer"]
    assert layers and all("tooltip" in layer["encoding"] for layer in layers)


def test_sensitivity_highlights_changed_places_with_styles() -> None:
    outcome = session.run_competition(_competition(SPLIT))
    figures, _ = sensitivity_view.sensitivity_figures(outcome)
    table = sensitivity_view.sensitivity_table(figures, outcome.result, "UMUM", "id")
    html = sensitivity_view.sensitivity_styled(table, "id").to_html()
    assert "background-color: #fff3bf" in html  # the rows whose place changes
    assert "#1a7f37" in html and "#cf222e" in html  # better and worse ranks


def test_sensitivity_of_the_sample_lists_every_method_in_both_languages(app) -> None:
    at = app("ui/sensitivity.py")
    for lang in LANGS:
        if lang == "en":
            at.sidebar.radio(key="lang").set_value("en").run()
            assert_clean(at)
        table = _frame(at, t("app.fair.sens.col.place_changed", lang))
        for method in sensitivity_view.sensitivity_methods():
            assert sensitivity_view.method_label(method, lang) in table.columns
        assert shows(at, sensitivity_view.official_method_text(
            session.run_competition(session.sample_competition()).rubric, lang))
        assert len(at.get("vega_lite_chart")) == 2  # one per category


def test_visiting_the_fairness_pages_changes_nothing_official(app) -> None:
    at = app("ui/results.py")
    official = [frame.value.copy() for frame in at.dataframe]
    key = at.session_state[app_state.COMPETITION_KEY].key
    for page in ("ui/sensitivity.py", "ui/rewards.py", "ui/judges.py", "ui/sensitivity.py"):
        at.switch_page(page).run()
        assert_clean(at)
    at.switch_page("ui/results.py").run()
    assert_clean(at)
    assert at.session_state[app_state.COMPETITION_KEY].key == key
    for before, frame in zip(official, at.dataframe, strict=True):
        assert frame.value.equals(before)
    assert shows(at, "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")


def test_sensitivity_names_the_rubrics_own_normalisation() -> None:
    """A rubric that normalises (here the severity model) is named as the official method,
    and the methods table marks that normalisation, not a plain panel rule, as the rubric's."""
    data = yaml.safe_load(session.SAMPLE_RUBRIC.read_text(encoding="utf-8"))
    data["normalisation"] = {"method": "severity", "min_scores": 5}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    at = _start(session.sample_competition().with_rubric("parah.yaml", text),
                "ui/sensitivity.py", "en")
    assert shows(at, t("fairness.method.severity", "en"))
    methods = _frame(at, t("app.fair.sens.col.method", "en")).set_index(
        t("app.fair.sens.col.method", "en"))[t("app.fair.sens.col.used", "en")]
    assert methods[sensitivity_view.method_label("severity", "en")] == "yes"
    assert methods[sensitivity_view.method_label("trimmed_mean", "en")] == "no"


def test_a_panel_in_perfect_agreement_renders_every_fairness_page() -> None:
    """Three judges giving the same marks: ICC 1 with infinite F (and interval bounds), no
    spread to resample; every page still renders, with "–" where a figure is undefined."""
    same = dict(zip(IDS, QUALITY, strict=True))
    competition = _competition({"Juri A": same, "Juri B": same, "Juri C": same})
    for page in ("ui/judges.py", "ui/rewards.py", "ui/sensitivity.py"):
        at = _start(competition, page)
        assert not [e.value for e in at.error], page
    at = _start(competition, "ui/judges.py")
    forms = _frame(at, t("app.fair.agreement.col.ci_low", "id"))
    assert forms[t("app.fair.agreement.col.value", "id")].dropna().eq(1).all()


@pytest.mark.parametrize("lang", LANGS)
def test_the_results_page_ranks_a_rank_rule_category_under_its_deciding_figure(lang) -> None:
    """Under ``rank_percentile`` the ranking shows "Persentil peringkat" before the total and
    says the category is ranked on it (the figures are worked by hand in
    tests/ui/views/test_results.py)."""
    from tests.ui.views.test_results import PERCENTILE_MARKS

    rubric = RUBRIC.replace("rule: mean", "rule: rank_percentile")
    at = _start(_competition(PERCENTILE_MARKS, rubric), "ui/results.py", lang)
    label = t("col.rank_percentile", lang)
    table = _frame(at, label)
    assert list(table.columns[3:5]) == [label, t("col.total", lang)]
    assert list(table[t("col.entry", lang)]) == [
        "Peserta E2", "Peserta E1", "Peserta E3", "Peserta E4"]
    decided = t("app.fair.results.decided_on", lang, figure=common.escape(label))
    assert decided in [c.value for c in at.caption]


def test_the_judges_page_shows_how_far_each_spread_was_pulled_toward_the_panel() -> None:
    """The sample under ``leniency_spread`` (min_scores 5): every judge scored all 27 KEL
    entries, and the panel's spread counts as 2 × 5 = 10 marks, so each is pulled
    10 / 37 = 27 % toward the panel, written beside the slope."""
    data = yaml.safe_load(session.SAMPLE_RUBRIC.read_text(encoding="utf-8"))
    data["normalisation"] = {"method": "leniency_spread", "min_scores": 5}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    at = _start(session.sample_competition().with_rubric("ls.yaml", text), "ui/judges.py")
    column = t("app.fair.judges.col.spread_weight", "id")
    tables = frames_with(at, column)
    assert len(tables) == 2  # one per category
    kel = [table for table in tables if set(table[column]) == {"ditarik 27% ke arah panel"}]
    assert len(kel) == 1
    columns = list(kel[0].columns)
    assert columns.index(column) == columns.index(t("app.fair.judges.col.slope", "id")) + 1
