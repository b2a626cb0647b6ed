"""The printed documents: each PDF opened with pypdf and each .docx with python-docx, looking
for the winners, their totals the Indonesian way, the amounts in figures and words, a shared
place said so, and the fingerprint."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from docx import Document
from pypdf import PdfReader

from scoring.documents import build
from scoring.documents.settings import Decree, DocumentSettings, Letterhead, Signatory
from scoring.pipeline import score
from tests.helpers import entries_of, marks, single_leaf

SETTINGS = DocumentSettings(
    letterhead=Letterhead(government="Pemerintah Kota Contoh", agency="Sekretariat Daerah"),
    chair=Signatory(name="Ir. Ketua Panitia", title="Asisten Administrasi",
                    id_number="19700101 199503 1 001"),
    judges={"Budi": Signatory(name="Drs. Budi Santoso")},
    decree=Decree(authority="Wali Kota Contoh", number="100.3.3.2/245/2026",
                  date=dt.date(2026, 12, 7), signatory=Signatory(name="Wali Kota")))


@pytest.fixture(scope="module")
def result():
    four = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"), ("e4", "A"))
    rubric = single_leaf(date="2017-11-30", place="Pekalongan", awards={"places": [
        {"name": "Juara I", "amount": 10_000_000}, {"name": "Juara II", "amount": 7_500_000},
        {"name": "Juara III", "amount": 5_000_000}]})
    # one judge, one criterion: the totals are the marks. e2 and e3 tie on 80.25 with no
    # tie-break: both rank 2 and share Juara II (each its amount, the rubric's rule for a
    # shared place); e4 is rank 4, so no one is Juara III (ranks 1, 2, 2, 4).
    return score(rubric, four, marks(four, {("e1", "Budi"): {"c": 85.5},
                                            ("e2", "Budi"): {"c": 80.25},
                                            ("e3", "Budi"): {"c": 80.25},
                                            ("e4", "Budi"): {"c": 70}}))


def pdf_text(data: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text)


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in doc.sections for p in section.footer.paragraphs]
    return re.sub(r"\s+", " ", " ".join(parts))


def test_results_report(result) -> None:
    name, data, mime = build("results", result, SETTINGS)
    assert name == "t_results.pdf" and mime == "application/pdf"
    text = pdf_text(data)
    assert "LAPORAN HASIL PENILAIAN" in text and "SEKRETARIAT DAERAH" in text
    for entry, total, amount in (("Entry e1", "85,50", "Rp10.000.000"),
                                 ("Entry e2", "80,25", "Rp7.500.000"),
                                 ("Entry e3", "80,25", "Rp7.500.000")):
        assert re.search(f"{entry}.{{0,40}}{total}.{{0,10}}{amount}", text), entry
    assert "Juara II (juara kembar)" in text and "Juara III" not in text
    assert result.fingerprint in text
    assert "Entry e4" in text  # in the appendix's full ranking


def test_minutes_pdf_and_docx(result) -> None:
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        _, data, _ = build("minutes", result, SETTINGS, fmt)
        text = read(data)
        # 30 November 2017 was a Thursday
        assert ("Pada hari ini Kamis tanggal tiga puluh bulan November tahun dua ribu tujuh "
                "belas") in text, fmt
        assert "BERITA ACARA PENILAIAN" in text
        assert "Drs. Budi Santoso" in text and "Ir. Ketua Panitia" in text
        assert re.search(r"Juara I Entry e1 85,50", text), fmt
        assert text.count("Juara II (juara kembar)") == 2
        assert result.fingerprint in text


def test_decree_annex_has_the_amounts_in_figures_and_words(result) -> None:
    for fmt, read in (("docx", docx_text), ("pdf", pdf_text)):
        _, data, _ = build("annex", result, SETTINGS, fmt)
        text = read(data)
        assert "LAMPIRAN KEPUTUSAN WALI KOTA CONTOH" in text
        assert "100.3.3.2/245/2026" in text and "7 Desember 2026" in text
        assert "Rp10.000.000" in text and "sepuluh juta rupiah" in text
        # 7.500.000: tujuh juta lima ratus ribu, for each of the two sharing Juara II
        assert text.count("tujuh juta lima ratus ribu rupiah") == 2, fmt
        assert "Entry e2" in text and "Entry e3" in text and "80,25" in text
        assert result.fingerprint in text


def test_one_certificate_page_per_winner(result) -> None:
    _, data, _ = build("certificates", result, SETTINGS)
    pages = PdfReader(io.BytesIO(data)).pages
    # e1 Juara I, e2 and e3 Juara II (shared); e4 has no place
    assert len(pages) == 3
    assert all(page.mediabox.width > page.mediabox.height for page in pages)  # landscape
    texts = [re.sub(r"\s+", " ", page.extract_text()) for page in pages]
    assert "Entry e1" in texts[0] and "sebagai Juara I " in texts[0] and "85,50" in texts[0]
    assert "Entry e3" in texts[2] and "Juara II (juara kembar)" in texts[2]
    assert all(result.fingerprint in text for text in texts)


def test_feedback_reports_in_one_zip(result) -> None:
    name, data, mime = build("feedback", result, SETTINGS)
    assert name.endswith(".zip") and mime == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert len(archive.namelist()) == 4
    text = pdf_text(archive.read(next(n for n in archive.namelist() if "Entry_e4" in n)))
    assert "Entry e4" in text and "Peringkat 4 dari 4" in text and "70,00" in text


def test_a_kind_in_a_format_it_is_not_made_in_is_refused(result) -> None:
    with pytest.raises(ValueError):
        build("certificates", result, SETTINGS, "docx")
