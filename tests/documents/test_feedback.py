"""A feedback report (rapor): its criteria groups against the category's median and winner,
its strongest and weakest criteria, last year, and a judge's comment from the template."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook
from pypdf import PdfReader

from scoring import sheets
from scoring.documents import comments_of
from scoring.documents.feedback import feedback_pdf, group_table, strongest_weakest
from scoring.documents.settings import DocumentSettings
from scoring.pipeline import score
from scoring.sheets.template import read_meta
from scoring.sheets.template_fill import fill_template
from tests.helpers import entries_of, rubric_from
from tests.test_ranking import TWO_CRITERIA

THREE = entries_of(("e1", "A"), ("e2", "A"), ("e3", "A"))
COMMENT = "Risalah rapi; data sebelum dan sesudah perlu lebih jelas."


def _filled(judge: str, marks: dict[str, tuple[int, int]], comment: str = "") -> bytes:
    rubric = rubric_from(TWO_CRITERIA)
    data = fill_template(sheets.write_template(rubric, THREE, judge),
                         {(e, c): v for e, (a, b) in marks.items()
                          for c, v in (("a", a), ("b", b))})
    if not comment:
        return data
    workbook = load_workbook(io.BytesIO(data), rich_text=True)
    layout = read_meta(workbook).sheets[0]
    row = next(r.row for r in layout.rows if r.entry_id == "e2")
    workbook[layout.title][f"{layout.comment_column}{row}"] = comment
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_the_feedback_report_of_an_entry() -> None:
    rubric = rubric_from(TWO_CRITERIA)
    files = [("ani.xlsx", _filled("Ani", {"e1": (90, 80), "e2": (70, 60), "e3": (50, 100)},
                                  COMMENT)),
             ("budi.xlsx", _filled("Budi", {"e1": (80, 80), "e2": (60, 70), "e3": (60, 90)}))]
    table, problems = sheets.read_many(files, rubric, THREE)
    assert problems == []
    result = score(rubric, THREE, table)
    comments = comments_of(files, rubric, THREE)
    assert comments[["entry_id", "judge_id", "comment", "source_file", "source_sheet"]
                    ].values.tolist() == [["e2", "Ani", COMMENT, "ani.xlsx", "A"]]
    # each criterion weighs half of 100, so its part is score / 2, then the judges' mean:
    # Risalah e1 (45 + 40) / 2 = 42.5, e2 (35 + 30) / 2 = 32.5, e3 (25 + 30) / 2 = 27.5
    # Presentasi e1 (40 + 40) / 2 = 40, e2 (30 + 35) / 2 = 32.5, e3 (50 + 45) / 2 = 47.5
    # totals e1 82.5 (rank 1), e3 75 (rank 2), e2 65 (rank 3)
    assert group_table(result, "e2") == [("Risalah", 32.5, 32.5, 42.5),
                                         ("Presentasi", 32.5, 40.0, 40.0)]
    # e3's panel scores on 0–100: Risalah (50 + 60) / 2 = 55, Presentasi (100 + 90) / 2 = 95
    assert strongest_weakest(result, "e3") == (["Presentasi", "Risalah"],
                                               ["Risalah", "Presentasi"])
    text = re.sub(r"\s+", " ", " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(feedback_pdf(
            result, DocumentSettings(), "e2", comments=comments,
            previous={"e2": (2025, 1, 70.0)}))).pages))
    assert "Peringkat 3 dari 3 · nilai akhir 65,00" in text
    assert "Risalah 32,50 32,50 42,50" in text and "Presentasi 32,50 40,00 40,00" in text
    assert "Median kategori" in text and "Juara I" in text
    assert f"Ani: {COMMENT}" in text
    assert "Dibanding 2025: peringkat 1 → 3, nilai 70,00 → 65,00." in text
    assert result.fingerprint in text
    # another entry's report never shows e2's comment
    other = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(feedback_pdf(
        result, DocumentSettings(), "e1", comments=comments))).pages)
    assert "Risalah rapi" not in other and "Tidak ada catatan tertulis." in other
