"""Matching written names to entry and criterion ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.entries import Entries, Entry, load_entries
from scoring.identity import fold, name_key
from scoring.matching import (
    CONFIDENT,
    MINIMUM,
    CriterionMatcher,
    EntryMatcher,
    criterion_problem,
    criterion_tokens,
    entry_problem,
    match_criteria,
    match_criterion,
    match_entries,
    match_entry,
)
from scoring.rubric import load_rubric

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def entries() -> Entries:
    return load_entries(ROOT / "data" / "entries_pekalongan_sample.csv")


@pytest.fixture(scope="module")
def rubric():
    return load_rubric(ROOT / "rubrics" / "budaya_kerja_tulta.yaml")


# --- fold -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("  Dinas  Kesehatan\u00a0(DINKES)", "dinas kesehatan dinkes"),
    ("Kelurahan Kali-Baros", "kelurahan kali baros"),
    ("Séküñdä", "sekunda"),
    ("Ma'arif", "maarif"),
    ("Ma\u2019arif", "maarif"),
    ("Dis\u200bdukcapil", "disdukcapil"),  # zero-width space inside a word
    ("Kali\u202fBaros", "kali baros"),  # narrow no-break space
    ("Yel–yel", "yel yel"),
    ("ＤＩＮＫＥＳ", "dinkes"),  # full-width letters
    ("Straße", "strasse"),
    ("1. Risalah", "1 risalah"),
    ("", ""),
    (" \t\n", ""),
])
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@given(st.text())
def test_fold_is_idempotent_and_clean(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded
    assert folded == folded.casefold()


# --- entries --------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "entry_id"), [
    ("Disdukcapil", "opd-disdukcapil"),
    ("DISDUK CAPIL", "opd-disdukcapil"),
    ("Dinas Dukcapil", "opd-disdukcapil"),
    ("dinas kesehatan", "opd-dinkes"),
    ("Kelurahan Kali Baros", "kel-kali-baros"),
    ("Kalibaros", "kel-kali-baros"),
    ("Kel. Kali Baros", "kel-kali-baros"),
    ("KBK Dinkes", "opd-dinkes"),
    ("Kecamatan Pekalongan Barat", "opd-kec-barat"),
    ("Kecamatan Pekalongan Timur", "opd-kec-timur"),
    ("Kuripan Kertoharjo", "kel-kuripan-kertoharjo"),
    ("Kuripan Yosorejo", "kel-kuripan-yosorejo"),
    ("Dinas Arsip & Perpustakaan Daerah", "opd-dinarpus"),
])
def test_exact_names(entries: Entries, name: str, entry_id: str) -> None:
    result = match_entry(name, entries)
    assert (result.status, result.entry_id, result.score) == ("exact", entry_id, 100.0)
    assert result.candidates[0].entry_id == entry_id
    assert result.query == name


@pytest.mark.parametrize(("name", "entry_id", "score"), [
    ("Dinas Kesehatn", "opd-dinkes", 96.6),
    ("Dinas Perhubungn", "opd-dishub", 97.0),
    ("Kecamatan Pekalongan Brat", "opd-kec-barat", 98.0),
    ("Kecamatan Pekalongan Selatn", "opd-kec-selatan", 98.2),
    ("Kuripan Kertoharja", "kel-kuripan-kertoharjo", 94.4),
    ("Kelurahan Kuripan Yosoreja", "kel-kuripan-yosorejo", 96.2),
])
def test_typos_are_confident(entries: Entries, name: str, entry_id: str, score: float) -> None:
    result = match_entry(name, entries)
    assert (result.status, result.entry_id, result.score) == ("confident", entry_id, score)


@pytest.mark.parametrize(("name", "top", "score"), [
    ("Dinas Kesehatan Hewan", "opd-dinkes", 84.8),
    ("Dinas Perhubungan Laut", "opd-dishub", 88.9),
    ("Dinas Kependudukan & Capil", "opd-disdukcapil", 87.7),
    ("Kec. Pek. Barat", "opd-kec-barat", 84.4),
])
def test_near_misses_are_not_taken(entries: Entries, name: str, top: str, score: float) -> None:
    result = match_entry(name, entries)
    assert result.status == "uncertain"
    assert result.entry_id is None
    assert result.best == top
    assert result.score == score
    assert all(c.score >= MINIMUM for c in result.candidates)


def test_an_extra_word_blocks_a_high_score(entries: Entries) -> None:
    # above the confident threshold on letters alone, but "laut" is not in "Dinas Perhubungan"
    matcher = EntryMatcher(entries, confident=85)
    result = matcher.match("Dinas Perhubungan Laut")
    assert result.score == 88.9
    assert result.status == "uncertain"
    index = [e.id for e in matcher.items].index("opd-dishub")
    assert matcher.unexplained_words(name_key("Dinas Perhubungan Laut"), index) == ["laut"]


def test_the_distinguishing_word_matters(entries: Entries) -> None:
    sides = ("Barat", "Timur", "Utara", "Selatan")
    for side in sides:
        for written in (f"Kecamatan Pekalongan {side}", f"Kec Pekalongan {side}",
                        f"kecamatan pekalongan {side.lower()}x"):
            result = match_entry(written, entries)
            assert result.entry_id == f"opd-kec-{side.lower()}", written
    both = match_entry("Kecamatan Pekalongan", entries)
    assert both.status == "uncertain"
    assert [c.entry_id for c in both.candidates] == ["opd-kec-barat", "opd-kec-timur",
                                                     "opd-kec-utara"]
    assert {c.score for c in both.candidates} == {88.4}


def test_kuripan_is_not_confused(entries: Entries) -> None:
    assert match_entry("Kuripan Kertoharjo", entries).entry_id == "kel-kuripan-kertoharjo"
    assert match_entry("Kuripan Yosorejo", entries).entry_id == "kel-kuripan-yosorejo"
    assert match_entry("Kel. Kuripan Kertoharjo", entries).entry_id == "kel-kuripan-kertoharjo"
    only_kuripan = match_entry("Kuripan", entries)
    assert only_kuripan.status == "uncertain"
    assert [c.entry_id for c in only_kuripan.candidates][:2] == [
        "kel-kuripan-yosorejo", "kel-kuripan-kertoharjo"]


def test_nothing_is_proposed_below_the_minimum(entries: Entries) -> None:
    for name in ("xyz", "Panitia Lomba", "", "   ", "—"):
        result = match_entry(name, entries)
        assert (result.status, result.entry_id, result.candidates) == ("none", None, ())


def test_category_limits_the_candidates(entries: Entries) -> None:
    assert match_entry("Kalibaros", entries, category="KEL").entry_id == "kel-kali-baros"
    assert match_entry("Kalibaros", entries, category="OPD").entry_id is None
    assert match_entry("Dinkes", entries, category="KEL").entry_id is None
    assert match_entry("Dinkes", entries, category="NONE").status == "none"


def test_a_shared_alias_is_uncertain() -> None:
    shared = Entries((Entry("a", "Dinas Sosial", "OPD", ("Dinsos",)),
                      Entry("b", "Dinas Sosial dan P2KB", "OPD", ("Dinsos",))))
    result = match_entry("DINSOS", shared)
    assert result.status == "uncertain"
    assert [c.entry_id for c in result.candidates] == ["a", "b"]


def test_competition_noise_words(entries: Entries) -> None:
    name = "Dinas Kesehatan Kota Pekalongan"
    assert match_entry(name, entries).status == "uncertain"
    result = EntryMatcher(entries, noise=["Pekalongan"]).match(name)
    assert (result.status, result.entry_id) == ("exact", "opd-dinkes")


def test_every_official_name_and_alias_finds_its_entry(entries: Entries) -> None:
    matcher = EntryMatcher(entries)
    for entry in entries:
        for name in (entry.name, *entry.aliases):
            result = matcher.match(name)
            assert (result.status, result.entry_id) == ("exact", entry.id), name


@given(st.text(max_size=40))
def test_any_text_gets_an_answer(text: str) -> None:
    entries = load_entries(ROOT / "data" / "entries_pekalongan_sample.csv")
    result = match_entry(text, entries)
    assert result.status in ("exact", "confident", "uncertain", "none")
    assert (result.entry_id is not None) == (result.status in ("exact", "confident"))
    if result.status == "confident":
        assert result.score >= CONFIDENT
    assert list(result.candidates) == sorted(result.candidates, key=lambda c: -c.score)


def test_many_names_at_once_match_one_by_one(entries: Entries) -> None:
    written = ["Disdukcapil", "Dinas Kesehatan Hewan", "Kalibaros", "Kecamatan Pekalongan Brat",
               "xyz", "Kuripan", "dinas kesehatan"]
    rows = written * 700  # a recap sheet of thousands of rows
    results = match_entries(rows, entries)
    assert len(results) == len(rows)
    single = [match_entry(n, entries) for n in written]
    assert results[: len(written)] == single
    assert results[-len(written):] == single
    # distinct typos in bulk, more than one block of the score matrix
    typos = [f"Kelurahan Kuripan Kertoharj{chr(97 + i % 26)}{i}" for i in range(3000)]
    matched = EntryMatcher(entries).match_many(typos, block=1000)
    assert {r.best for r in matched} == {"kel-kuripan-kertoharjo"}


def test_entry_problems(entries: Entries) -> None:
    uncertain = match_entry("Dinas Kesehatan Hewan", entries)
    problem = entry_problem(uncertain, file="juri1.xlsx", sheet="OPD", cell="B7")
    assert problem is not None
    assert (problem.severity, problem.code) == ("warning", "match.entry_uncertain")
    assert (problem.file, problem.sheet, problem.cell) == ("juri1.xlsx", "OPD", "B7")
    assert problem.params["candidates"] == (
        "Dinas Kesehatan (opd-dinkes); Dinas Kelautan dan Perikanan (opd-dkp)")
    assert problem.message("en") == (
        "The entry name 'Dinas Kesehatan Hewan' does not match with certainty; the closest "
        "are: Dinas Kesehatan (opd-dinkes); Dinas Kelautan dan Perikanan (opd-dkp). Check the "
        "name, or add it as an alias of the right entry in the entries list.")
    assert "Dinas Kesehatan (opd-dinkes)" in problem.message("id")

    none = entry_problem(match_entry("xyz", entries), file="juri1.xlsx", cell="B9")
    assert none is not None
    assert (none.severity, none.code, none.cell) == ("error", "match.entry_none", "B9")
    assert entry_problem(match_entry("Dinkes", entries)) is None
    assert entry_problem(uncertain, severity="error").severity == "error"


# --- criteria -------------------------------------------------------------------------------


@pytest.mark.parametrize(("heading", "criterion_id", "status", "matched_on"), [
    ("Langkah 1", "l1_tema", "confident", "id"),
    ("1. Menentukan tema", "l1_tema", "confident", "name"),
    ("L1 Tema", "l1_tema", "exact", "id"),
    ("L1", "l1_tema", "confident", "id"),
    ("1) Langkah 1", "l1_tema", "confident", "id"),
    ("Step 3", "l3_dominan", "confident", "id"),
    ("Langkah IV", "l4_rencana", "confident", "id"),
    ("Langkah ke-5", "l5_laksana", "confident", "id"),
    ("Yel Yel - Kreativitas", "yy_kreativitas", "exact", "path_name"),
    ("Kreatifitas Fragmen", "fr_kreativitas", "confident", "path_name"),
    ("Fragmen – Kostum", "fr_kostum", "exact", "path_name"),
    ("1. Risalah", "risalah", "exact", "id"),
    ("Nilai Presentasi", "presentasi", "exact", "id"),
    ("Pres.", "presentasi", "exact", "id"),
    ("TJ", "tanya_jawab", "exact", "id"),
    ("Tanya Jwb", "tanya_jawab", "exact", "id"),
    ("Q&A", "tanya_jawab", "exact", "name_en"),
    ("Yel2", "yel_yel", "exact", "id"),
    ("YEL-YEL", "yel_yel", "exact", "id"),
    ("Penguasaan Materi", "pr_materi", "exact", "name"),
    ("Delivery and timing", "pr_penyampaian", "exact", "name_en"),
])
def test_headings(rubric, heading: str, criterion_id: str, status: str, matched_on: str
                  ) -> None:
    result = match_criterion(heading, rubric)
    assert (result.criterion_id, result.status, result.matched_on) == (
        criterion_id, status, matched_on)
    assert result.kind == ("group" if criterion_id in ("risalah", "presentasi", "yel_yel")
                           else "leaf")


def test_step_numbers_must_agree(rubric) -> None:
    result = match_criterion("Langkah 1 Tema", rubric)
    assert result.criterion_id == "l1_tema"
    # "Langkah 1" is not the group "langkah", though that id is a word of the heading
    assert [c.criterion_id for c in match_criterion("Langkah 1", rubric).candidates] == [
        "l1_tema"]
    assert match_criterion("Langkah 9", rubric).criterion_id is None


def test_ambiguous_headings_are_uncertain(rubric) -> None:
    both = match_criterion("Kreativitas", rubric)
    assert (both.status, both.criterion_id) == ("uncertain", None)
    assert [c.criterion_id for c in both.candidates] == ["yy_kreativitas", "fr_kreativitas"]
    theme = match_criterion("Tema", rubric)
    assert theme.status == "uncertain"
    assert [c.criterion_id for c in theme.candidates] == ["l1_tema", "l7_standar"]


@pytest.mark.parametrize("heading", ["No", "Nama OPD", "Jumlah", "Total", "Nilai", "Bobot",
                                     "Rata-rata", "Hasil Akhir", "", "—"])
def test_other_columns_match_nothing(rubric, heading: str) -> None:
    result = match_criterion(heading, rubric)
    assert (result.status, result.criterion_id, result.candidates) == ("none", None, ())


def test_every_node_finds_itself(rubric) -> None:
    matcher = CriterionMatcher(rubric)
    for node in rubric.nodes.values():
        assert matcher.match(node.id).criterion_id == node.id
        by_name = matcher.match(node.name)
        assert node.id in [c.criterion_id for c in by_name.candidates], node.name
        assert by_name.criterion_id in (node.id, None)


def test_candidates_use_the_language(rubric) -> None:
    result = match_criterion("Kreativitas", rubric, lang="en")
    assert [(c.criterion_id, c.label, c.kind, c.score) for c in result.candidates] == [
        ("yy_kreativitas", "Creativity", "leaf", 100.0),
        ("fr_kreativitas", "Creativity", "leaf", 100.0)]


def test_matching_only_some_criteria(rubric) -> None:
    matcher = CriterionMatcher(rubric, among=rubric.leaves_below("fragmen"))
    assert matcher.match("Kreativitas").criterion_id == "fr_kreativitas"
    assert matcher.match("Risalah").criterion_id is None


def test_a_whole_header_row(rubric) -> None:
    headers = ["No", "Nama OPD", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "Alat", "Jumlah"]
    ids = [r.criterion_id for r in match_criteria(headers, rubric)]
    assert ids == [None, None, "l1_tema", "l2_penyebab", "l3_dominan", "l4_rencana",
                   "l5_laksana", "l6_evaluasi", "l7_standar", "alat", None]


def test_criterion_tokens() -> None:
    assert criterion_tokens("1. Langkah ke-1: Menentukan Tema dan Sasaran") == [
        "langkah", "1", "menentukan", "tema", "sasaran"]
    assert criterion_tokens("L1_tema") == ["langkah", "1", "tema"]
    assert criterion_tokens("Tanya Jwb") == ["tanya", "jawab"]
    assert criterion_tokens("Nilai") == []


def test_criterion_problems(rubric) -> None:
    uncertain = criterion_problem(match_criterion("Kreativitas", rubric), file="j.xlsx",
                                  sheet="Nilai", cell="F1")
    assert uncertain is not None
    assert (uncertain.severity, uncertain.code, uncertain.cell) == (
        "warning", "match.criterion_uncertain", "F1")
    assert uncertain.params["candidates"] == (
        "Kreativitas (yy_kreativitas); Kreativitas (fr_kreativitas)")
    none = criterion_problem(match_criterion("Jumlah", rubric), severity="warning")
    assert (none.severity, none.code) == ("warning", "match.criterion_none")
    assert none.message("id") == (
        "Judul kolom 'Jumlah' tidak cocok dengan kriteria mana pun di rubrik. Pakai nama "
        "kriteria seperti di templat.")
    assert criterion_problem(match_criterion("L1 Tema", rubric)) is None
