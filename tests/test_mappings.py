"""The mapping step's engine side (scoring.mappings) and the competition's confirmed mappings
(scoring.workspace.session): what is saved, what is remembered, what is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scoring import mappings, sheets
from scoring.sheets import detect, mapping_from_yaml
from scoring.workspace import session
from tests.sheets.corpus import rows_xlsx

SAMPLE = session.run_competition(session.sample_competition())
RUBRIC, ENTRIES = SAMPLE.rubric, SAMPLE.entries


def recap(headers: list[str], names: list[str], judge: str = "Dra. Rekap Wati",
          sheet_name: str = "Rekap") -> bytes:
    return rows_xlsx({sheet_name: [
        [f"Nama juri: {judge}"],
        ["No", "Nama Kelompok", *headers],
        *([row + 1, name, *[70 + row + k for k in range(len(headers))]]
          for row, name in enumerate(names)),
    ]})


HEADERS = ["Langkah 1", "Langkah 2", "Langkah 3", "Kreativitas", "Nilai Xyz"]
NAMES = ["Disdukcapil", "Kelurahan Medono", "Dinas Kesehatan Hewan"]
DATA = recap(HEADERS, NAMES)


def test_confirmed_yaml_leaves_out_what_is_unsure() -> None:
    found = detect(DATA, "rekap.xlsx", RUBRIC, ENTRIES)
    assert mappings.needs_step(found)
    text = mappings.confirmed_yaml(found.mapping)
    assert "F:" not in text and "G:" not in text  # unsure: reported again, never guessed
    assert "Dinas Kesehatan Hewan" not in text
    mapping, problems = mapping_from_yaml(text, "m.yaml", RUBRIC, ENTRIES)
    assert not problems
    table, read_problems = sheets.read_with_mapping(DATA, "rekap.xlsx", mapping,
                                                             RUBRIC, ENTRIES)
    assert len(table) == 3 * 2
    codes = {p.code for p in read_problems}
    assert {"layout.column_not_read", "match.entry_uncertain"} <= codes
    # answered, they are written
    answered = mappings.set_column(found.mapping, "Rekap", "F", "fr_kreativitas")
    [entry] = [c for c in mappings.open_questions(found) if c.kind == "entry"]
    answered = mappings.answer(answered, entry, "opd-dinkes")
    text = mappings.confirmed_yaml(answered, file="lain.xlsx")
    assert "F: fr_kreativitas" in text and "Dinas Kesehatan Hewan: opd-dinkes" in text
    assert "file: lain.xlsx" in text


def test_detected_yaml_lists_each_item_to_decide() -> None:
    found = detect(DATA, "rekap.xlsx", RUBRIC, ENTRIES)
    text = mappings.detected_yaml(found, "en")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert len(comments) == 1 + len(found.confirmations)
    assert any("Column F 'Kreativitas'" in c and "yy_kreativitas" in c for c in comments)
    assert any("'Dinas Kesehatan Hewan'" in c and "opd-dinkes" in c for c in comments)
    mapping, problems = mapping_from_yaml(text, "m.yaml", RUBRIC, ENTRIES)
    assert mapping is not None and not problems


def test_options_come_from_the_rubric_and_the_registry() -> None:
    found = detect(DATA, "rekap.xlsx", RUBRIC, ENTRIES)
    [entry] = [c for c in mappings.open_questions(found) if c.kind == "entry"]
    options = mappings.entry_options(ENTRIES, entry)
    assert options[:2] == [mappings.IGNORE, "opd-dinkes"]  # the best candidate first
    assert set(options[1:]) == set(ENTRIES.by_id)
    columns = mappings.column_options(RUBRIC, "recap")
    assert {leaf.id for leaf in RUBRIC.leaves} <= set(columns)
    assert "entry" in columns and mappings.IGNORE in columns
    labels = RUBRIC.leaf_labels("id")
    assert labels["yy_kreativitas"] != labels["fr_kreativitas"]
    assert mappings.target_label("entry", RUBRIC, "en") == "Entry name"
    assert "(l1_tema)" in mappings.target_label("l1_tema", RUBRIC, "id")


def test_the_store_keeps_mappings_per_judge_and_shape(tmp_path: Path) -> None:
    store = mappings.MappingStore(tmp_path / "m")
    found = detect(DATA, "rekap.xlsx", RUBRIC, ENTRIES)
    key = mappings.workbook_judge_key(DATA, "rekap.xlsx", found.mapping, RUBRIC, ENTRIES)
    assert key == mappings.judge_key(found.mapping) == "dra rekap wati"
    shouted = recap(HEADERS, NAMES, judge="DRA.  REKAP WATI")
    assert mappings.workbook_judge_key(shouted, "x.xlsx", found.mapping, RUBRIC,
                                       ENTRIES) == key
    answered = mappings.set_column(found.mapping, "Rekap", "F", "fr_kreativitas")
    # a judge set by hand in the mapping does not change whose workbook it is
    assert mappings.workbook_judge_key(DATA, "rekap.xlsx", answered.with_judge(None, "X"),
                                       RUBRIC, ENTRIES) == key
    shape = mappings.shape_in(DATA, "rekap.xlsx", mappings.confirmed(answered))
    assert shape == found.mapping.shape
    text = mappings.confirmed_yaml(answered, shape=shape)
    assert store.save(key, shape, text) == []
    [(saved_key, saved)] = store.records()
    assert saved_key == key and saved.endswith(text)
    # the next workbook of that judge and shape, under another name, is read by it
    again = recap(HEADERS, NAMES)
    found_again = mappings.remembered_for(again, "revisi.xlsx", store.records(), RUBRIC,
                                          ENTRIES)
    assert found_again is not None and found_again.file == "revisi.xlsx"
    assert found_again.sheet("Rekap").column("F").criterion_id == "fr_kreativitas"
    # another shape (a heading more) is not, nor another judge's workbook of that shape
    other = recap([*HEADERS, "Kostum"], NAMES)
    assert mappings.remembered_for(other, "x.xlsx", store.records(), RUBRIC, ENTRIES) is None
    budi = recap(HEADERS, NAMES, judge="Budi Santoso")
    assert mappings.remembered_for(budi, "x.xlsx", store.records(), RUBRIC, ENTRIES) is None
    # nor a mapping made for another rubric (its ids are unknown here)
    foreign = text.replace("fr_kreativitas", "kreativitas_lama")
    assert mappings.remembered_for(again, "x.xlsx", [(key, foreign)], RUBRIC,
                                   ENTRIES) is None
    # hostile bytes are not opened at all
    assert mappings.remembered_for(b"PK\x03\x04broken", "x.xlsx", store.records(), RUBRIC,
                                   ENTRIES) is None
    store.forget(key, shape)
    assert store.records() == []


def test_a_sheet_nothing_recognised_can_be_mapped_by_hand() -> None:
    # two criteria headings only one of which matches: not recognised as a recap
    data = recap(["Langkah 1", "Nilai Xyz"], ["Disdukcapil", "Kelurahan Medono"])
    found = detect(data, "aneh.xlsx", RUBRIC, ENTRIES)
    assert mappings.unrecognised(found)
    assert mappings.sheet_names(data, "aneh.xlsx") == ["Rekap"]
    sheet = mappings.recap_at(data, "aneh.xlsx", "Rekap", 2, RUBRIC, ENTRIES)
    assert sheet.header_row == 2
    assert mappings.column_target(sheet, "B") == "entry"
    assert mappings.column_target(sheet, "C") == "l1_tema"
    assert mappings.column_target(sheet, "D") is None  # unsure: asked, not guessed
    assert [r.entry_id for r in sheet.rows] == ["opd-disdukcapil", "kel-medono"]
    draft = mappings.set_column(sheets.Mapping(sheets=(sheet,), file="aneh.xlsx"),
                                "Rekap", "D", "l2_penyebab")
    table, _ = sheets.read_with_mapping(data, "aneh.xlsx", draft, RUBRIC, ENTRIES)
    assert sorted(table["source_cell"]) == ["C3", "C4", "D3", "D4"]
    assert mappings.recap_at(data, "aneh.xlsx", "Tidak ada", 2, RUBRIC, ENTRIES) is None


def test_a_store_that_cannot_be_written_is_a_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = mappings.MappingStore(blocker / "mappings")
    [problem] = store.save("juri", "abc123", "juri_mapping: 1\n")
    assert problem.code == "mapping_app.not_saved" and not problem.is_error
    assert "mappings" in problem.message("en")
    assert store.records() == []


def test_the_folder_is_a_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(mappings.MAPPINGS_DIR_ENV, raising=False)
    assert mappings.mappings_dir() == mappings.DEFAULT_MAPPINGS_DIR
    assert mappings.mappings_dir({mappings.MAPPINGS_DIR_ENV: str(tmp_path)}) == tmp_path
    assert os.fspath(mappings.DEFAULT_MAPPINGS_DIR).endswith(os.path.join("data", "mappings"))


def test_a_competition_reads_its_files_by_their_confirmed_mappings() -> None:
    found = detect(DATA, "rekap.xlsx", RUBRIC, ENTRIES)
    answered = mappings.set_column(found.mapping, "Rekap", "F", "fr_kreativitas")
    text = mappings.confirmed_yaml(answered)
    base = session.sample_competition().with_files([("rekap.xlsx", DATA)])
    mapped = base.with_mapping("rekap.xlsx", text)
    assert mapped.key != base.key and mapped.mapping_text("rekap.xlsx") == text
    plain = session.run_competition(base)
    by_mapping = session.run_competition(mapped)
    assert len(by_mapping.scores) == len(plain.scores) + 2
    assert "fr_kreativitas" in set(by_mapping.scores["criterion_id"])
    # the same file again keeps its mapping; a changed file does not
    assert mapped.with_files([("rekap.xlsx", DATA)]).mapping_text("rekap.xlsx") == text
    changed = mapped.with_files([("rekap.xlsx", recap(HEADERS, NAMES[:2]))])
    assert changed.mapping_text("rekap.xlsx") is None and not changed.mappings
    assert mapped.with_mapping("rekap.xlsx", None).key == base.key
    # a mapping that no longer fits the rubric is a problem, and the file is detected
    broken = base.with_mapping("rekap.xlsx", text.replace("fr_kreativitas", "hilang"))
    outcome = session.run_competition(broken)
    assert "mapping.unknown_criterion" in {p.code for p in outcome.problems}
    assert len(outcome.scores) == len(plain.scores)
