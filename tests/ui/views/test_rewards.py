"""The Rewards page's model (ui/views/rewards.py): winners, margins, ties, how sure each
place is."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoring.i18n import t
from scoring.pipeline import score
from scoring.workspace import session
from tests.helpers import entries_of, marks, single_leaf
from ui.views import rewards as rewards_view

OPD_WINNER = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"


def test_awards_margins_and_how_the_tie_was_broken(sample) -> None:
    items = rewards_view.awards(sample.result, "OPD", "id")
    assert [a.award for a in items] == ["Juara I", "Juara II", "Juara III", "Harapan I",
                                        "Harapan II", "Harapan III"]
    assert items[0].name == OPD_WINNER and items[0].margin_text == "3,36"
    rule = t("tiebreak.criterion", "id", name="Tanya jawab")
    assert items[1].note == t("tiebreak.ahead", "id", rule=rule)
    assert items[1].margin_text == "0,00"
    assert items[2].note == t("tiebreak.decided", "id", rule=rule)
    assert not any(a.shared for a in items)
    assert rewards_view.unresolved_ties(sample.result, "OPD", "id") == []
    [(heading, lines)] = rewards_view.tie_steps(sample.result, "OPD", "en")
    assert "83.42" in heading
    assert lines[0].endswith("still equal") and lines[2].endswith("separates them")
    frame = rewards_view.awards_frame(items, "id")
    assert frame[t("col.reward", "id")].iloc[0] == "Rp10.000.000"


def test_a_tie_no_rule_separates_is_left_to_the_organisers() -> None:
    rubric = single_leaf(awards={"places": [{"name": "Juara I"}, {"name": "Juara II"}]})
    entries = entries_of(("a", "A"), ("b", "A"), ("c", "A"))
    table = marks(entries, {("a", "j1"): {"c": 90}, ("b", "j1"): {"c": 90},
                            ("c", "j1"): {"c": 70}})
    result = score(rubric, entries, table)
    items = rewards_view.awards(result, "A", "id")
    assert [a.award for a in items] == ["Juara I", "Juara I"]
    assert all(a.shared for a in items)
    [sentence] = rewards_view.unresolved_ties(result, "A", "id")
    assert "Entry a, Entry b" in sentence and "peringkat 1" in sentence
    [(_, lines)] = rewards_view.tie_steps(result, "A", "id")
    assert lines[-1] == t("app.rewards.step_unresolved", "id")


def test_rank_interval_text() -> None:
    assert rewards_view.rank_interval_text(1, 1, "id") == "1"
    assert rewards_view.rank_interval_text(2, 3, "id") == "2–3"
    assert rewards_view.rank_interval_text(998, 1250, "id") == "998–1.250"
    assert rewards_view.rank_interval_text(998, 1250, "en") == "998–1,250"
    assert rewards_view.rank_interval_text(np.nan, 3, "en") == "–"


def test_confidence_figures_hold_every_ranked_entry_and_match_the_engine(sample) -> None:
    from scoring.confidence import confidence_for

    result = sample.result
    figures = rewards_view.confidence_figures(result)
    assert list(figures.columns) == list(rewards_view.CONFIDENCE_COLUMNS)
    assert set(figures["entry_id"]) == set(result.standings["entry_id"])
    engine, _ = confidence_for(result, seed=rewards_view.CONFIDENCE_SEED,
                               n_resamples=rewards_view.CONFIDENCE_RESAMPLES)
    pd.testing.assert_frame_equal(figures, engine.loc[:, list(rewards_view.CONFIDENCE_COLUMNS)])
    placed = figures[figures["p_own_place"].notna()]
    assert ((placed["p_own_place"] >= 0) & (placed["p_own_place"] <= 1)).all()
    assert (figures["rank_low"] <= figures["rank_high"]).all()


def test_award_confidence_for_bands_gives_the_interval_only() -> None:
    """The poster rubric awards bands, not places: no probability of a place, no flag."""
    from tests.ui.test_pages import POSTER_ENTRIES, _poster_sheets

    rubric_text, files = _poster_sheets()
    competition = session.Competition("poster.yaml", rubric_text, "poster.csv", POSTER_ENTRIES,
                                      tuple(files), source="upload")
    result = session.run_competition(competition).result
    figures = rewards_view.confidence_figures(result)
    for category in result.rubric.category_ids:
        items = rewards_view.awards(result, category, "id")
        sure = rewards_view.award_confidence(items, figures, result, category, "id")
        for found in sure.values():
            assert found.probability is None and not found.too_close
            assert found.interval_text != "–"


def test_the_awards_table_shows_each_places_amount_as_rupiah() -> None:
    rubric = single_leaf(awards={"places": [
        {"name": "Juara I", "reward": "Trofi", "amount": 5_000_000},
        {"name": "Juara II", "amount": 2_500_000.5},
        {"name": "Juara III"}]})
    entries = entries_of(("a", "A"), ("b", "A"), ("c", "A"))
    table = marks(entries, {("a", "j1"): {"c": 90}, ("b", "j1"): {"c": 80},
                            ("c", "j1"): {"c": 70}})
    result = score(rubric, entries, table)
    items = rewards_view.awards(result, "A", "id")
    assert [a.amount for a in items] == [5_000_000.0, 2_500_000.5, None]
    shown = rewards_view.awards_frame(items, "id")[t("app.rewards.amount", "id")]
    # thousands by dots, no decimals (2.500.000,5 rounds half up to 2.500.001); none: empty
    assert list(shown) == ["Rp5.000.000", "Rp2.500.001", ""]
    english = rewards_view.awards_frame(rewards_view.awards(result, "A", "en"), "en")[
        t("app.rewards.amount", "en")]
    assert list(english) == ["Rp5,000,000", "Rp2,500,001", ""]


def test_every_document_is_offered_and_the_quick_ones_are_made_through_the_page_model(
        sample) -> None:
    from scoring import documents

    choices = rewards_view.document_choices()
    # one button per kind and format: 1 + 2 + 1 + 2 + 2 + 1 formats over the six kinds
    assert [(c.kind, c.fmt) for c in choices] == [
        ("results", "pdf"), ("minutes", "pdf"), ("minutes", "docx"), ("certificates", "pdf"),
        ("annex", "docx"), ("annex", "pdf"), ("feedback", "zip"), ("feedback", "pdf"),
        ("workbook", "xlsx")]
    assert len({c.label("id") for c in choices}) == 9
    assert choices[2].label("id") == "Berita Acara Penilaian (DOCX)"
    assert choices[2].file_name(sample.result) == "budaya_kerja_tulta_minutes.docx"
    competition = session.sample_competition()
    settings = rewards_view.document_settings(competition.rubric_name,
                                              competition.rubric_text)
    signatures = {"docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04", "pdf": b"%PDF"}
    for choice in choices:
        if (choice.kind, choice.fmt) not in {("minutes", "docx"), ("annex", "docx"),
                                             ("certificates", "pdf"), ("workbook", "xlsx")}:
            continue  # the slow ones are made in the slow test below
        data = rewards_view.document(choice, sample.result, competition.files, "id", settings)
        assert data.startswith(signatures[choice.fmt]), choice
        name, same, _ = documents.build(choice.kind, sample.result, settings, choice.fmt, "id")
        assert name == choice.file_name(sample.result) and same == data


@pytest.mark.slow
def test_the_slow_documents_are_made_through_the_page_model_too(sample) -> None:
    competition = session.sample_competition()
    for choice in rewards_view.document_choices():
        if choice.kind in ("results", "feedback") or choice.fmt == "pdf":
            data = rewards_view.document(choice, sample.result, competition.files, "en")
            assert data[:4] in (b"%PDF", b"PK\x03\x04"), choice


def _figures(**values: object) -> pd.DataFrame:
    """One OPD winner's figures (the sample's first place), the rest as given."""
    row = {"entry_id": "opd-bkpsdm", "category": "OPD", "rank": 1, "p_own_place": 0.5,
           "p_awarded": 0.6, "rank_low": 1, "rank_high": 3, "margin_next": 0.1,
           "too_close": True, "loo_rank_worst": 1, "loo_worst_without": "Juri A",
           "mc_error": 0.0112, "resamples": 1200}
    row.update(values)
    return pd.DataFrame([row], columns=list(rewards_view.CONFIDENCE_COLUMNS))


def test_the_flag_reads_the_award_probability_with_the_own_place_beside_it(sample) -> None:
    result = sample.result
    items = [a for a in rewards_view.awards(result, "OPD", "id") if a.entry_id == "opd-bkpsdm"]
    found = rewards_view.award_confidence(items, _figures(), result, "OPD", "id")["opd-bkpsdm"]
    assert found.too_close and found.awarded == 0.6
    assert (found.awarded_text, found.probability_text) == ("60%", "50%")
    # the sample's threshold is the default ⅔ = 66,7 % → "67%"; 1 − ⅔ = 1/3: "1 dari 3"
    assert found.warning == (
        "Terlalu ketat untuk dipastikan: peluangnya memang termasuk para juara 60% (tepat di "
        "tempat ini 50%), di bawah batas 67% — lebih dari 1 dari 3 kemungkinan urutannya "
        "berbeda. Periksa kembali nilainya sebelum diumumkan.")
    frame = rewards_view.awards_confidence_frame(items, {"opd-bkpsdm": found}, "en")
    columns = list(frame.columns)
    at = columns.index(t("app.rewards.margin", "en"))
    assert columns[at + 1:at + 5] == [t(f"app.fair.col.{k}", "en") for k in (
        "awarded", "probability", "too_close", "rank_interval")]
    assert frame.iloc[0][t("app.fair.col.awarded", "en")] == "60%"
    assert frame.iloc[0][t("app.fair.col.rank_interval", "en")] == "1–3"
    # not flagged by the engine: no warning, whatever the own-place probability
    calm = rewards_view.award_confidence(items, _figures(too_close=False, p_awarded=0.99),
                                         result, "OPD", "id")["opd-bkpsdm"]
    assert not calm.too_close and calm.warning == "" and calm.probability_text == "50%"


def test_the_note_and_footnote_say_up_to_how_many_resamples_and_how_precise(sample) -> None:
    note = rewards_view.confidence_note(sample.result, "id")
    assert "hingga 2.000 kali" in note and "**67%**" in note
    assert "lebih dari 1 dari 3 kemungkinan urutannya berbeda" in note
    assert "up to 2,000 times" in rewards_view.confidence_note(sample.result, "en")
    # 1,200 resamples; the largest Monte Carlo error 0,0112 = 1,12 points → "1,1"
    figures = pd.concat([_figures(), _figures(entry_id="opd-dinkes", mc_error=0.004)])
    assert rewards_view.resampling_footnote(figures, "OPD", "id") == (
        "Peluang di kategori ini dari 1.200 pengambilan ulang (hingga 2.000); ketelitiannya "
        "±1,1 poin persen (galat Monte Carlo terbesar).")
    assert rewards_view.resampling_footnote(figures, "KEL", "id") == ""
    assert rewards_view.threshold_odds_of(sample.result) == (1, 3)
