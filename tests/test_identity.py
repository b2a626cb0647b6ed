"""Identity: when two entry names, two judge names or two ids are the same (scoring.identity),
and one agency written two ways staying one entry from the sheet to the history."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from scoring import sheets
from scoring.entries import Entries, Entry
from scoring.identity import (
    clean_name,
    fold,
    id_key,
    judge_key,
    judge_keys,
    name_key,
    same_judge,
    same_name,
)
from scoring.matching import match_entry
from scoring.rubric import load_rubric
from scoring.store import entry_history, import_past_results, open_archive
from scoring.workspace.publishing import publish_current, submit

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("a", "b"), [
    ("Kelurahan Medono", "KELURAHAN MEDONO"),                  # case
    ("Kelurahan Medono", "  Kelurahan \t Medono\u00a0"),        # spacing, no-break space
    ("Kelurahan Medono", "Kelurahan-Medono."),                  # punctuation
    ("Kelurahan Medono", "Kel. Medono"),                        # Kel. = Kelurahan
    ("Kecamatan Pekalongan Barat", "Kec. Pekalongan Barat"),    # Kec. = Kecamatan
    ("Dinas Kesehatan", "Dis. Kesehatan"),                      # Dis. = Dinas
    ("Kelurahan Medono", "Kélurahan Medonó"),                   # accents
    ("Kelurahan Medono", "Kelurahan Kelurahan Medono"),         # a doubled prefix
    ("Kelurahan Medono", "Kel. Kelurahan Medono"),              # doubled once written out
    ("Dinas Kesehatan", "KBK Dinas Kesehatan Kota"),            # noise words
    ("Disdukcapil", "Disduk Capil"),                            # word breaks
    ("Dinas Arsip & Perpustakaan", "Dinas Arsip dan Perpustakaan"),
    ("Kelurahan Medono", "Kelurahan\u200bMedono".replace("\u200b", " ")),
])
def test_the_same_name_written_two_ways(a: str, b: str) -> None:
    assert same_name(a, b)
    assert same_name(b, a)
    assert name_key(a).replace(" ", "") == name_key(b).replace(" ", "")


@pytest.mark.parametrize(("a", "b"), [
    ("Kelurahan Medono", "Kelurahan Medono Baru"),   # a word more is another entry
    ("Kecamatan Pekalongan Barat", "Kecamatan Pekalongan Timur"),
    ("Dinas Kesehatan", "Dinas Kesehatan Hewan"),
    ("Kelurahan Medono", "Kecamatan Medono"),         # kelurahan is not kecamatan
    ("", ""),                                         # a blank name is nobody's
    ("   ", "..."),
])
def test_different_names_stay_different(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_the_name_key_spelled_out() -> None:
    # folded, "Kel." written out, the doubled "kelurahan" said once, brackets' text kept
    assert name_key("  Kel.  Kelurahan MÉDONO-(Barat) ") == "kelurahan medono barat"
    assert name_key("KBK Dinkes Kota") == "dinkes"
    # a name that is only noise words keeps them: it is still a name
    assert name_key("Pemerintah Kota") == "pemerintah kota"
    assert fold("Ma\u2019arif  (DINKES)") == "maarif dinkes"


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Dra. Sri Wahyuni", "DRA SRI  WAHYUNI", True),
    ("Budi Santoso, S.Sos.", "budi santoso s sos", True),
    ("Budi Santoso", "Budi Santosa", False),     # a typo is another judge: never guessed
    ("Juri 1", "Juri 2", False),
    ("", " ", False),
])
def test_judges(a: str, b: str, same: bool) -> None:
    assert same_judge(a, b) is same
    assert (judge_key(a) == judge_key(b) and bool(judge_key(a))) is same


def test_judge_keys_of_a_column_and_clean_names() -> None:
    column = pd.Series(["Dra. Sri", "dra sri", "Budi"])
    assert judge_keys(column).tolist() == ["dra sri", "dra sri", "budi"]
    assert clean_name("  Dra.\u00a0Sri \n Wahyuni ") == "Dra. Sri Wahyuni"
    assert clean_name(None) == ""
    assert id_key("  OPD-Dinkes ") == "opd-dinkes"


# --- one agency, two spellings, one entry: readers, matching, archive, history ---------------


def _recap(judge: str, medono: str) -> bytes:
    """A judge's own recap sheet (not a template) naming Kelurahan Medono ``medono``."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Rekap"
    for row in (["Nama Juri", judge], [],
                ["No", "Nama Peserta", "Kebaruan ide", "Desain visual", "Dampak bagi warga"],
                [1, medono, 8, 7, 9],
                [2, "Dinas Kesehatan", 7, 6, 7]):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_two_spellings_of_one_agency_are_one_entry_everywhere(tmp_path: Path) -> None:
    rubric_path = ROOT / "rubrics" / "lomba_inovasi_poster.yaml"
    rubric = load_rubric(rubric_path)
    entries = Entries((Entry("kel-medono", "Kelurahan Medono", "UMUM"),
                       Entry("opd-dinkes", "Dinas Kesehatan", "UMUM")))
    files = [("budi.xlsx", _recap("Budi", "Kel. Medono")),
             ("sri.xlsx", _recap("Sri", "KELURAHAN  KELURAHAN MEDONO"))]

    # the readers: both sheets' rows are kel-medono's
    scores, _ = sheets.read_many(files, rubric, entries)
    medono = scores[scores["source_file"].isin(["budi.xlsx", "sri.xlsx"])
                    & (scores["criterion_id"] == "ide")]
    assert sorted(zip(medono["source_file"], medono["entry_id"], strict=True)) == [
        ("budi.xlsx", "kel-medono"), ("budi.xlsx", "opd-dinkes"),
        ("sri.xlsx", "kel-medono"), ("sri.xlsx", "opd-dinkes")]

    # the matching: both spellings are an exact match, not a fuzzy guess
    for written in ("Kel. Medono", "KELURAHAN  KELURAHAN MEDONO"):
        assert (match_entry(written, entries).status,
                match_entry(written, entries).entry_id) == ("exact", "kel-medono")

    with open_archive(f"sqlite:///{tmp_path / 'juri.db'}") as archive:
        # the archive: 2024 listed it as "Kel. Medono"; 2026's "Kelurahan Medono" is the
        # same entry, and the registry keeps no second spelling of the same name
        archive.register_entries([Entry("kel-medono", "Kel. Medono", "UMUM"),
                                  Entry("opd-dinkes", "Dinas Kesehatan", "UMUM")], 2024)
        past = b"Peringkat,Peserta,Nilai\n1,KEL. MEDONO,80\n2,Dinas Kesehatan,70\n"
        report = import_past_results(archive, past, "hasil_2024.csv", year=2024,
                                     title="Lomba 2024")
        assert report.ok, report.problems
        competition_id = archive.create_competition(
            rubric.title, 2026, rubric_path.read_text("utf-8"), rubric.fingerprint,
            entries.to_csv(), "panitia")
        registry = archive.registry().set_index("entry_id")
        assert (registry.loc["kel-medono", "name"],
                registry.loc["kel-medono", "aliases"]) == ("Kelurahan Medono", "")
        submitted = submit(archive, competition_id, files, rubric, entries, "panitia")
        assert [s.receipt.status for s in submitted] == ["new", "new"]
        publish_current(archive, competition_id, "panitia")

        # the history: one line for the agency, both years
        history = entry_history(archive, "kel-medono")
        assert history[["year", "entry_id", "relation"]].values.tolist() == [
            [2024, "kel-medono", "self"], [2026, "kel-medono", "self"]]
        # 2024: rank 1 of the imported file; 2026: both judges gave Medono 8, 7, 9 and Dinkes
        # 7, 6, 7 on weights 3, 2, 3: (24 + 14 + 27) / 8 = 8.125 against (21 + 12 + 21) / 8
        # = 6.75 on the 1-10 scale, so Medono is first
        assert history["rank"].tolist() == [1, 1]
