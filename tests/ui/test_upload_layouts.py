"""The upload page with the judges' own workbooks (AppTest): a confident recap reads with no
clicks, an unsure one shows the mapping step, corrections change what is read, a confirmed
mapping is remembered; every hostile file ends as a message and the page keeps working.

Every file is built from readable parts by ``tests/sheets/corpus.py``'s writers (rows through
openpyxl, hand-written XML, a small OLE2 writer); nothing is a stored blob.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scoring import mappings
from scoring.i18n import t
from scoring.sheets import fill_template, template_cells, write_template
from scoring.workspace import session
from tests.sheets import corpus
from tests.sheets.corpus import (
    XXE,
    Sheet,
    encrypted_xlsx,
    rows_xlsx,
    sheet_xml,
    write,
    xlsx_by_hand,
)
from tests.ui.conftest import APP, TIMEOUT, assert_clean, frames_with, shows

MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    "xls": "application/vnd.ms-excel",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsb": "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
    "csv": "text/csv",
}
SURE = ["Langkah 1", "Langkah 2", "Langkah 3"]
NAMES = ["Disdukcapil", "Kelurahan Medono", "Kel Pdsugih"]


@pytest.fixture(autouse=True)
def mapping_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Remembered mappings go to a folder of this test's own, never data/mappings."""
    folder = tmp_path / "mappings"
    monkeypatch.setenv(mappings.MAPPINGS_DIR_ENV, str(folder))
    return folder


# --- building files -----------------------------------------------------------------------------


def recap(headers: list[str], names: list[str], *, judge: str = "Dra. Rekap Wati",
          base: int = 70) -> bytes:
    """A judge's own recap: a title, the judge's name, a blank row, the header, a row per
    entry with a numbering column, and a note below."""
    return rows_xlsx({"Rekap": [
        ["REKAP NILAI LOMBA BUDAYA KERJA 2026"],
        [f"Nama juri: {judge}"],
        [],
        ["No", "Nama Kelompok", *headers],
        *([row + 1, name, *[base + (row * 3 + k) % 20 for k in range(len(headers))]]
          for row, name in enumerate(names)),
        [],
        ["Catatan: nilai sementara"],
    ]})


def sample_template(judge: str = "Juri Uji", value: int = 80) -> bytes:
    sample = session.run_competition(session.sample_competition())
    blank = write_template(sample.rubric, sample.entries, judge)
    return fill_template(blank, dict.fromkeys(template_cells(blank), value))


def zip_bomb() -> bytes:
    """A part of 50 MB of spaces: about 50 kB compressed, a ratio near 1000."""
    return xlsx_by_hand(extra={"xl/worksheets/padding.xml": b" " * (50 * 1024 * 1024)})


def billion_laughs() -> bytes:
    return xlsx_by_hand({"Nilai": sheet_xml("&lol9;", corpus.billion_laughs())})


def not_a_spreadsheet() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"x" * 2000


def truncated() -> bytes:
    data = recap(SURE, NAMES)
    return data[: len(data) // 2]


def huge_dimensions() -> bytes:
    return xlsx_by_hand({"Rekap": sheet_xml(dimension="A1:XFD1048576")})


def thousands_of_sheets() -> bytes:
    return xlsx_by_hand({f"Juri {i}": sheet_xml() for i in range(2000)})


def external_entity() -> bytes:
    return xlsx_by_hand({"Nilai": sheet_xml("&xxe;", XXE)})


HOSTILE = {
    "bom.xlsx": (zip_bomb, "safety.zip_bomb"),
    "tawa.xlsx": (billion_laughs, "safety.xml_entities"),
    "luar.xlsx": (external_entity, "safety.xml_entities"),
    "sandi.xlsx": (encrypted_xlsx, "safety.encrypted"),
    "laporan.xlsx": (not_a_spreadsheet, "safety.not_a_spreadsheet"),
    "putus.xlsx": (truncated, "safety.truncated"),
    "raksasa.xlsx": (huge_dimensions, "safety.too_many_"),
    "ribuan.xlsx": (thousands_of_sheets, "safety.too_many_sheets"),
}


# --- driving the page ---------------------------------------------------------------------------


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page("ui/upload.py").run()
    assert_clean(at)
    return at


def upload(at: AppTest, files: list[tuple[str, bytes]]) -> None:
    at.file_uploader[0].set_value(
        [(name, data, MIME[name.rsplit(".", 1)[-1]]) for name, data in files]).run()
    assert_clean(at)


def metric(at: AppTest, key: str) -> str:
    label = t(key, "id")
    return next(m.value for m in at.metric if m.label == label)


def scores_read(at: AppTest) -> int:
    return int(metric(at, "app.upload.n_scores").replace(".", ""))


def mapping_read(at: AppTest) -> int:
    return int(metric(at, "mapping_app.n_read").replace(".", ""))


def selectbox(at: AppTest, fragment: str):
    return next(s for s in at.selectbox if fragment in s.label)


def click(at: AppTest, suffix: str) -> None:
    key = next(b.key for b in at.button if b.key and b.key.endswith(suffix))
    at.button(key=key).click().run()
    assert_clean(at)


def pending_notice(at: AppTest) -> bool:
    return any(w.value.endswith(t("mapping_app.pending_notice", "id", count=1)[1:])
               for w in at.warning)


# --- the mapping step ---------------------------------------------------------------------------


def test_the_upload_accepts_every_kind_of_sheet() -> None:
    at = start()
    assert set(at.file_uploader[0].proto.type) == {f".{k}" for k in mappings.SHEET_TYPES}


def test_a_confident_recap_reads_with_no_clicks() -> None:
    at = start()
    upload(at, [("rekap_wati.xlsx", recap(SURE, NAMES))])
    assert scores_read(at) == len(SURE) * len(NAMES)
    assert not pending_notice(at)
    labels = [e.label for e in at.expander]
    assert t("mapping_app.file.auto", "id", file="rekap\\_wati.xlsx") in labels
    # what was detected is shown: the header row, the judge and each column's criterion
    assert shows(at, "baris judul 4")
    assert shows(at, "Dra. Rekap Wati")
    assert selectbox(at, "Kolom C").value == "l1_tema"
    assert selectbox(at, "Kolom B").value == "entry"


def test_an_unsure_recap_shows_the_mapping_step_and_corrections_change_the_scores(
        mapping_folder: Path) -> None:
    at = start()
    headers = [*SURE, "Kreativitas"]  # the yel-yel's or the fragmen's?
    names = [*NAMES, "Dinas Kesehatan Hewan"]  # near Dinas Kesehatan: not taken silently
    upload(at, [("rekap_wati.xlsx", recap(headers, names))])
    assert pending_notice(at)
    assert scores_read(at) == 3 * 3  # only what is sure is read
    assert mapping_read(at) == 9
    unsure = selectbox(at, "Kolom F")
    assert unsure.value is None  # not read until decided
    assert "yy_kreativitas" in unsure.options[0] or any(
        "yy_kreativitas" in o for o in unsure.options)
    unsure.set_value("fr_kreativitas").run()
    assert_clean(at)
    assert mapping_read(at) == 3 * 4
    # correcting a confident column changes what it is read as
    selectbox(at, "Kolom E").set_value("l7_standar").run()
    assert_clean(at)
    preview = frames_with(at, t("mapping_app.col.criterion", "id"))[0]
    criteria = set(preview[t("mapping_app.col.criterion", "id")])
    assert any("l7" in c or "Langkah 7" in c for c in criteria)
    assert not any("Langkah 3" in c for c in criteria)
    # the name that was not sure: a choice among the registry's entries
    question = selectbox(at, "Dinas Kesehatan Hewan")
    assert question.value is None
    assert question.options[0] == t("mapping_app.ignore", "id")
    assert any(o == "Dinas Kesehatan (OPD)" for o in question.options)
    question.set_value("opd-dinkes").run()
    assert_clean(at)
    assert mapping_read(at) == 4 * 4
    assert scores_read(at) == 9  # nothing changes the competition before confirming
    # confirm: the file is read by the mapping, and the mapping is remembered
    click(at, "_confirm")
    assert scores_read(at) == 16
    assert not pending_notice(at)
    assert t("mapping_app.file.applied", "id", file="rekap\\_wati.xlsx") in [
        e.label for e in at.expander]
    assert shows(at, t("mapping_app.remembered_saved", "id", judge="Dra. Rekap Wati"))
    [saved] = list(mapping_folder.glob("*.yaml"))
    text = saved.read_text(encoding="utf-8")
    assert "F: fr_kreativitas" in text and "E: l7_standar" in text
    assert "Dinas Kesehatan Hewan: opd-dinkes" in text
    # the same file works from the command line
    rubric = session.run_competition(session.sample_competition()).rubric
    parsed, problems = mappings.mapping_from_yaml(text, saved.name, rubric)
    assert parsed is not None and not problems


def _confirm_unsure(at: AppTest, headers: list[str], names: list[str]) -> None:
    upload(at, [("rekap_wati.xlsx", recap(headers, names))])
    selectbox(at, "Kolom F").set_value("yy_kreativitas").run()
    click(at, "_confirm")


def test_a_confirmed_mapping_is_remembered_for_the_next_upload_of_that_shape() -> None:
    headers = [*SURE, "Kreativitas"]
    at = start()
    _confirm_unsure(at, headers, NAMES)
    assert scores_read(at) == 4 * 3
    # the same judge's next workbook of the same shape, other scores and file name
    upload(at, [("rekap_wati_revisi.xlsx", recap(headers, NAMES, base=60))])
    assert not pending_notice(at)
    assert scores_read(at) == 4 * 3
    assert shows(at, t("mapping_app.remembered_used", "id", judge="Dra. Rekap Wati"))
    # and in a new session: the mapping store remembers it
    later = start()
    upload(later, [("rekap_wati_2.xlsx", recap(headers, NAMES, base=65))])
    assert not pending_notice(later)
    assert scores_read(later) == 4 * 3
    # a name never seen before in a remembered shape is still a choice to make
    upload(later, [("rekap_wati_3.xlsx", recap(headers, [*NAMES, "Dinas Kesehatan Hewan"]))])
    assert pending_notice(later)
    assert selectbox(later, "Dinas Kesehatan Hewan").value is None
    assert selectbox(later, "Kolom F").value == "yy_kreativitas"
    # another judge with a workbook of the same shape is not read by that judge's mapping
    other = start()
    upload(other, [("rekap_budi.xlsx", recap(headers, NAMES, judge="Budi Santoso"))])
    assert pending_notice(other)
    assert scores_read(other) == 3 * 3


def forms(groups: list[tuple[str, list[tuple[str, int]]]]) -> bytes:
    """A form per entry, one sheet each, the entry's name in a title cell, no judge named."""
    return rows_xlsx({title[:30]: [
        ["FORMULIR PENILAIAN"],
        [f"Nama kelompok: {title}"],
        [],
        ["No", "Kriteria", "Nilai"],
        *([number, criterion, score] for number, (criterion, score) in enumerate(rows, 1)),
    ] for title, rows in groups})


def test_forms_ask_for_the_entry_and_the_judge_named_after_the_file() -> None:
    at = start()
    data = forms([("Dinas Kesehatan Hewan", [("Langkah 1", 80), ("Langkah 2", 70)]),
                  ("Kelurahan Medono", [("Langkah 1", 85), ("Langkah 2", 75)])])
    upload(at, [("form_budi.xlsx", data)])
    assert pending_notice(at)
    assert scores_read(at) == 2
    assert shows(at, t("mapping_app.forms", "id"))
    assert shows(at, "dari nama berkas")
    entry = selectbox(at, "Dinas Kesehatan Hewan")
    entry.set_value("opd-dinkes").run()
    assert_clean(at)
    assert mapping_read(at) == 4
    for _ in range(2):  # a sheet each
        judge = next(s for s in at.selectbox if "form\\_budi" in s.label or "form_budi" in
                     s.label)
        assert judge.options == ["form_budi"]
        judge.set_value("form_budi").run()
        assert_clean(at)
    assert metric(at, "mapping_app.n_pending") == "0"
    click(at, "_confirm")
    assert scores_read(at) == 4
    assert not pending_notice(at)


def test_a_long_table_of_two_judges_asks_for_the_unsure_heading_once() -> None:
    data = rows_xlsx({"Data": [
        ["Juri", "Peserta", "Kriteria", "Nilai"],
        *([judge, name, criterion, score]
          for judge in ("Juri Satu", "Juri Dua")
          for name in ("Disdukcapil", "Kelurahan Medono")
          for criterion, score in (("Langkah 1", 80), ("Kreativitas", 70), ("Langkah 2", 75))),
    ]})
    at = start()
    upload(at, [("panjang.xlsx", data)])
    assert pending_notice(at)
    assert mapping_read(at) == 8
    assert selectbox(at, "Kolom A").value == "judge"
    [question] = [s for s in at.selectbox if "'Kreativitas'" in s.label]
    assert question.options[0] == t("mapping_app.ignore", "id")
    question.set_value("yy_kreativitas").run()
    assert_clean(at)
    assert mapping_read(at) == 12
    click(at, "_confirm")
    assert scores_read(at) == 12


def test_a_sheet_nothing_recognised_is_mapped_by_hand_and_remembered() -> None:
    at = start()
    data = recap(["Langkah 1", "Nilai Xyz"], NAMES)  # one heading matches: not a recap
    upload(at, [("aneh.xlsx", data)])
    assert pending_notice(at)
    assert scores_read(at) == 0
    assert t("mapping_app.file.unrecognised", "id", file="aneh.xlsx") in [
        e.label for e in at.expander]
    at.number_input(key=next(n.key for n in at.number_input if n.key.endswith("_hand_row"))
                    ).set_value(4).run()
    click(at, "_hand_read")
    assert mapping_read(at) == len(NAMES)
    selectbox(at, "Kolom D").set_value("l2_penyebab").run()
    assert_clean(at)
    assert mapping_read(at) == 2 * len(NAMES)
    click(at, "_confirm")
    assert scores_read(at) == 2 * len(NAMES)
    # remembered: the next upload of this judge's sheet needs nothing
    later = start()
    upload(later, [("aneh_2.xlsx", recap(["Langkah 1", "Nilai Xyz"], NAMES, base=60))])
    assert not pending_notice(later)
    assert scores_read(later) == 2 * len(NAMES)


def test_the_header_row_can_be_corrected() -> None:
    at = start()
    upload(at, [("rekap_wati.xlsx", recap([*SURE, "Kreativitas"], NAMES))])
    header = next(n for n in at.number_input if n.key.endswith("_header"))
    assert header.value == 4
    header.set_value(2).run()  # the judge's name row: nothing to read there
    assert_clean(at)
    assert mapping_read(at) == 0
    next(n for n in at.number_input if n.key.endswith("_header")).set_value(4).run()
    assert_clean(at)
    assert mapping_read(at) == 9


def test_back_to_detection_forgets_the_corrections() -> None:
    at = start()
    _confirm_unsure(at, [*SURE, "Kreativitas"], NAMES)
    assert scores_read(at) == 12
    click(at, "_reset")
    assert scores_read(at) == 9
    assert pending_notice(at)


def test_the_mapping_step_in_english() -> None:
    at = start()
    upload(at, [("rekap_wati.xlsx", recap([*SURE, "Kreativitas"], NAMES))])
    at.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(at)
    assert t("mapping_app.title", "en") in [h.value for h in at.header]
    assert any(s.label.startswith("Column F") for s in at.selectbox)


# --- hostile files ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_hostile_file_is_a_message_and_the_page_keeps_working(name: str) -> None:
    make, code = HOSTILE[name]
    data = make()
    at = start()
    upload(at, [(name, data)])
    assert at.error, "the refusal is shown"
    report = [e.label for e in at.expander]
    assert any(label.startswith(name) for label in report), report
    problems = _problems_of(name, data)
    assert any(p.code.startswith(code) for p in problems), [p.code for p in problems]
    for problem in problems:  # each in the checking report, in words, never a traceback
        assert shows(at, problem.message("id")), problem.code
    assert not shows(at, "Traceback")
    assert scores_read(at) == 0
    # a good upload afterwards still works
    upload(at, [("juri_uji.xlsx", sample_template())])
    assert scores_read(at) > 0
    assert not any(label.startswith(name) for label in [e.label for e in at.expander])


def _problems_of(name: str, data: bytes) -> list:
    competition = session.sample_competition().with_files([(name, data)])
    return [p for p in session.run_competition(competition).problems if p.file == name]


def test_a_file_over_the_limit_is_refused_and_the_page_keeps_working(monkeypatch) -> None:
    monkeypatch.setenv(session.MAX_UPLOAD_ENV, "1")
    at = start()
    big = recap(SURE, NAMES) + b"\0" * (1024 * 1024)
    upload(at, [("besar.xlsx", big)])
    assert shows(at, "Berkas terlalu besar")
    assert not at.expander or all("terbaca otomatis" not in e.label for e in at.expander)
    upload(at, [("rekap_wati.xlsx", recap(SURE, NAMES))])
    assert scores_read(at) == 9


def test_hostile_and_good_files_together() -> None:
    at = start()
    files = [(name, make()) for name, (make, _) in HOSTILE.items()]
    upload(at, [*files, ("rekap_wati.xlsx", recap(SURE, NAMES))])
    assert scores_read(at) == 9
    assert t("mapping_app.file.auto", "id", file="rekap\\_wati.xlsx") in [
        e.label for e in at.expander]


@pytest.mark.parametrize("kind", ["xlsm", "ods", "xls", "csv"])
def test_other_kinds_read_by_the_page(kind: str) -> None:
    sheet = Sheet("Rekap").put("A1", "Nama juri: Dra. Rekap Wati")
    sheet.put("A3", "No", "Nama Kelompok", *SURE)
    for row, name in enumerate(NAMES):
        sheet.put(f"A{row + 4}", row + 1, name, 80, 75, 70)
    at = start()
    upload(at, [(f"rekap_wati.{kind}", write([sheet], kind))])
    assert scores_read(at) == 9


def test_a_csv_with_semicolons_and_decimal_commas() -> None:
    lines = ["Nama Kelompok;Langkah 1;Langkah 2;Langkah 3"]
    lines += [f"{n};80,0;75;70" for n in NAMES]
    at = start()
    upload(at, [("Dra. Rekap Wati.csv", ("\n".join(lines) + "\n").encode("utf-8"))])
    assert scores_read(at) == 9
