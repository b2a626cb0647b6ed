"""Make the pictures of docs/layouts.md: each example sheet drawn as a spreadsheet would show it.

The examples are the reader tests' own (``tests/sheets/corpus.py``) and a Juri template of the
shipped rubric, so the pictures show exactly what the tests prove is read. Each workbook is
drawn as an HTML grid (column letters, row numbers, merged cells, bold and filled cells) and
photographed by the machine's headless Chromium (``JURI_CHROMIUM``, default /usr/bin/chromium).

Run from the repository root: ``python docs/make_pictures.py`` (writes docs/pictures/*.png).
"""

from __future__ import annotations

import html
import sys
import tempfile
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scoring.entries import load_entries  # noqa: E402
from scoring.rubric import load_rubric  # noqa: E402
from scoring.sheets import write_template  # noqa: E402
from tests.sheets import corpus  # noqa: E402
from tests.ui.browser import chromium_path, open_browser  # noqa: E402

OUT = ROOT / "docs" / "pictures"
MAX_ROWS = 24
MAX_COLUMNS = 12

STYLE = """
body { margin: 0; padding: 8px; background: #fff; font: 12px 'DejaVu Sans', sans-serif; }
table { border-collapse: collapse; }
td, th { border: 1px solid #d0d0d0; padding: 2px 6px; white-space: nowrap; max-width: 260px;
         overflow: hidden; text-overflow: ellipsis; height: 18px; }
th { background: #efefef; color: #555; font-weight: normal; text-align: center; }
td.n { text-align: right; }
caption { caption-side: top; text-align: left; padding: 4px 0 8px; color: #333;
          font-weight: bold; }
"""


def sheet_html(data: bytes, sheet_name: str | None, caption: str) -> str:
    """One sheet of an .xlsx as an HTML grid, cut to the first rows and columns."""
    book = load_workbook(BytesIO(data))
    sheet = book[sheet_name] if sheet_name else book.worksheets[0]
    filled = [(c.row, c.column) for row in sheet.iter_rows() for c in row if c.value is not None]
    rows = min(max(r for r, _ in filled), MAX_ROWS)
    columns = min(max(c for _, c in filled), MAX_COLUMNS)
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        first_col, first_row, last_col, last_row = range_boundaries(str(merged))
        spans[first_row, first_col] = (last_row - first_row + 1, last_col - first_col + 1)
        covered |= {(r, c) for r in range(first_row, last_row + 1)
                    for c in range(first_col, last_col + 1)} - {(first_row, first_col)}
    out = [f"<table><caption>{html.escape(caption)}</caption><tr><th></th>"]
    out += [f"<th>{get_column_letter(c)}</th>" for c in range(1, columns + 1)]
    out.append("</tr>")
    for r in range(1, rows + 1):
        out.append(f"<tr><th>{r}</th>")
        for c in range(1, columns + 1):
            if (r, c) in covered:
                continue
            cell = sheet.cell(r, c)
            value = cell.value
            text = "" if value is None else str(value)
            if isinstance(value, float):
                text = f"{value:g}".replace(".", ",")
            row_span, col_span = spans.get((r, c), (1, 1))
            style = []
            if cell.font is not None and cell.font.bold:
                style.append("font-weight:bold")
            fill = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type else None
            if isinstance(fill, str) and len(fill) == 8 and fill not in ("00000000", "FFFFFFFF"):
                style.append(f"background:#{fill[2:]}")
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            out.append(f'<td rowspan="{row_span}" colspan="{col_span}"'
                       f'{" class=n" if number else ""} style="{";".join(style)}">'
                       f"{html.escape(text)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def examples() -> list[tuple[str, bytes, str | None, str]]:
    """(picture name, .xlsx bytes, sheet, caption) for each layout of docs/layouts.md."""
    rubric = load_rubric(ROOT / "rubrics" / "budaya_kerja_tulta.yaml")
    entries = load_entries(ROOT / "data" / "entries_pekalongan_sample.csv")
    template = write_template(rubric, entries, "Dra. Sri Wahyuni")
    forms = corpus.forms()
    return [
        ("template", template, None, "Templat Juri · Juri's template"),
        ("recap", corpus.to_xlsx([corpus.recap()]), None,
         "Rekap nilai · Recap sheet"),
        ("form", corpus.to_xlsx(forms), forms[0].name,
         "Formulir per peserta · A form per entry"),
        ("long", corpus.to_xlsx([corpus.long_table()]), None,
         "Tabel panjang · Long table"),
    ]


def main() -> int:
    executable = chromium_path()
    if executable is None:
        print("no chromium: install it (apt-get install chromium) or set JURI_CHROMIUM",
              file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, open_browser(executable, Path(tmp)) as page:
        for name, data, sheet, caption in examples():
            page.set_content(f"<html><head><meta charset='utf-8'><style>{STYLE}</style>"
                             f"</head><body>{sheet_html(data, sheet, caption)}</body></html>")
            target = OUT / f"{name}.png"
            page.locator("table").screenshot(path=str(target))
            print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
