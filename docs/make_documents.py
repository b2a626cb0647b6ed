"""Regenerate docs/documents/*.png: page 1 of each printed document of the sample competition
(results report, minutes, certificates, decree annex, a feedback report), for review.

Run from the repository root: ``python docs/make_documents.py``. The letterhead, signatories
and decree fields are illustrative (docs/documents/sample.documents.yaml).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring import sheets  # noqa: E402
from scoring.documents import build  # noqa: E402
from scoring.documents.settings import load_settings  # noqa: E402
from scoring.entries import load_entries  # noqa: E402
from scoring.pipeline import score  # noqa: E402
from scoring.rubric import load_rubric  # noqa: E402

OUT = ROOT / "docs" / "documents"


def main() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "budaya_kerja_tulta.yaml")
    entries = load_entries(ROOT / "data" / "entries_pekalongan_sample.csv")
    files = [(p.name, p.read_bytes())
             for p in sorted((ROOT / "data" / "samples" / "budaya_kerja_2026").glob("*.xlsx"))]
    table, problems = sheets.read_many(files, rubric, entries)
    result = score(rubric, entries, table, problems)
    settings = load_settings(OUT / "sample.documents.yaml", rubric, required=True)
    winner = result.category(rubric.category_ids[0])["entry_id"].iloc[3]
    for kind, extra in (("results", {}), ("minutes", {}), ("certificates", {}),
                        ("annex", {"fmt": "pdf"}),
                        ("feedback", {"fmt": "pdf", "entry_id": winner})):
        _, data, _ = build(kind, result, settings, **extra)
        page = pdfium.PdfDocument(data)[0]
        page.render(scale=1.4).to_pil().save(OUT / f"{kind}.png", optimize=True)
        print(OUT / f"{kind}.png")


if __name__ == "__main__":
    main()
