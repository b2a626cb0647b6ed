"""The PDF base every printed document shares (fpdf2): fonts, letterhead, headings, tables,
signature blocks, QR code, chart and the footer with the fingerprint.

Words used here:
- *font folder*: where the DejaVu TrueType fonts are (Debian's fonts-dejavu-core, or the
  folder in ``JURI_FONT_DIR``); DejaVu covers every Indonesian and English letter and the
  typographic marks (–, ·, →) the texts use. No pip package ships them (fpdf2 ships none).
- *letterhead*: see :mod:`scoring.documents.settings`.
- *signature block*: a place-and-date line (optional), the role, space to sign, the name
  underlined and the id number.

The same result gives the same PDF: the document's creation date is the competition's date.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Sequence
from pathlib import Path

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from scoring.documents.settings import DocumentSettings, Signatory
from scoring.i18n import DEFAULT_LANGUAGE, t
from scoring.result import Result

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
FAMILY = "DejaVu"
_STYLES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_HEAD = FontFace(family=FAMILY, emphasis="BOLD", fill_color=(221, 235, 247))


def font_dir() -> Path:
    """The folder holding the DejaVu fonts; raises a clear error when none is installed."""
    chosen = os.environ.get("JURI_FONT_DIR")
    candidates = ([Path(chosen)] if chosen else []) + list(FONT_DIRS)
    for folder in candidates:
        if all((folder / name).exists() for name in _STYLES.values()):
            return folder
    raise FileNotFoundError("DejaVu fonts not found: install fonts-dejavu-core or set "
                            "JURI_FONT_DIR to a folder holding DejaVuSans*.ttf")


class DocumentPDF(FPDF):
    """An A4 document with Juri's fonts, letterhead and footer."""

    def __init__(self, result: Result, settings: DocumentSettings,
                 lang: str = DEFAULT_LANGUAGE, *, landscape: bool = False,
                 footer: bool = True) -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.result, self.settings, self.lang = result, settings, lang
        self._footer = footer
        folder = font_dir()
        for style, name in _STYLES.items():
            self.add_font(FAMILY, style, str(folder / name))
        self.set_font(FAMILY, size=10)
        self.set_margins(20, 15, 20)
        self.set_auto_page_break(True, margin=18)
        day = result.rubric.date or dt.date(2000, 1, 1)
        self.set_creation_date(dt.datetime(day.year, day.month, day.day,
                                           tzinfo=dt.UTC))
        self.set_creator("Juri")
        self.set_title(result.rubric.label(lang))
        self.alias_nb_pages()

    # --- frame ---------------------------------------------------------------------------

    def footer(self) -> None:
        if not self._footer:
            return
        self.set_y(-13)
        self.set_font(FAMILY, size=7)
        self.set_text_color(100)
        self.cell(0, 4, t("documents.fingerprint", self.lang,
                          fingerprint=self.result.fingerprint), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, t("documents.page", self.lang, page=self.page_no(), pages="{nb}"),
                  align="R")
        self.set_text_color(0)

    def letterhead(self) -> None:
        """The settings' letterhead (logo left, lines centred) and a double rule under it."""
        head = self.settings.letterhead
        lines = [(head.government.upper(), 12, "B"), (head.agency.upper(), 14, "B"),
                 (head.address, 9, "")]
        lines = [line for line in lines if line[0]]
        if not lines and head.logo is None:
            return
        top = self.get_y()
        if head.logo is not None and Path(head.logo).exists():
            self.image(str(head.logo), x=self.l_margin, y=top, h=22)
        for text, size, style in lines:
            self.set_font(FAMILY, style, size)
            self.set_x(self.l_margin + 25)
            self.multi_cell(self.epw - 50, size * 0.5, text, align="C",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_y(max(self.get_y(), top + 23) + 1)
        y = self.get_y()
        self.set_line_width(0.8)
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.set_line_width(0.2)
        self.line(self.l_margin, y + 1.2, self.w - self.r_margin, y + 1.2)
        self.ln(5)
        self.set_font(FAMILY, size=10)

    # --- text ----------------------------------------------------------------------------

    def title_block(self, title: str, *subtitles: str) -> None:
        self.set_font(FAMILY, "B", 14)
        self.multi_cell(0, 7, title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, size=10)
        for line in subtitles:
            if line:
                self.multi_cell(0, 5, line, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def heading(self, text: str, size: float = 12) -> None:
        if self.get_y() > self.h - 45:
            self.add_page()
        self.ln(2)
        self.set_font(FAMILY, "B", size)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)
        self.set_font(FAMILY, size=10)

    def paragraph(self, text: str, size: float = 10, align: str = "J") -> None:
        self.set_font(FAMILY, size=size)
        self.multi_cell(0, size * 0.5, text, align=align, new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.ln(1.5)

    def grid(self, header: Sequence[str], rows: Sequence[Sequence[str]],
             widths: Sequence[float], aligns: Sequence[str] | None = None,
             size: float = 9) -> None:
        """A table with a repeated bold header; ``widths`` are relative."""
        self.set_font(FAMILY, size=size)
        align = tuple(aligns or ["LEFT"] * len(header))
        with self.table(col_widths=tuple(widths), text_align=align, line_height=size * 0.5,
                        first_row_as_headings=True, repeat_headings=1,
                        headings_style=_HEAD, padding=1) as table:
            for row in (header, *rows):
                line = table.row()
                for value in row:
                    line.cell(str(value))
        self.ln(2)

    # --- signatures, QR code, images -------------------------------------------------------

    def signatures(self, people: Sequence[tuple[str, Signatory]], *, columns: int = 2,
                   dated: str = "") -> None:
        """A signature block per ``(role, person)``, ``columns`` to a row, under one
        place-and-date line (right)."""
        width = self.epw / columns
        if dated:
            if self.get_y() + 48 > self.h - self.b_margin:
                self.add_page()
            self.set_font(FAMILY, size=10)
            self.multi_cell(0, 5, dated, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(2)
        for start in range(0, len(people), columns):
            if self.get_y() + 40 > self.h - self.b_margin:
                self.add_page()
            top = bottom = self.get_y()
            # fewer people than columns: they sign on the right, as letters are signed
            shift = max(columns - len(people), 0)
            for i, (role, person) in enumerate(people[start:start + columns], start=shift):
                x = self.l_margin + i * width
                self.set_xy(x, top)
                self.set_font(FAMILY, size=10)
                for line in (role, person.title):
                    if line:
                        self.set_x(x)
                        self.multi_cell(width - 4, 5, line, align="C", new_x=XPos.LEFT,
                                        new_y=YPos.NEXT)
                self.set_xy(x, max(self.get_y(), top + 10) + 18)
                self.set_font(FAMILY, "B", 10)
                self.multi_cell(width - 4, 5, person.name, align="C", new_x=XPos.LEFT,
                                new_y=YPos.NEXT)
                rule = min(self.get_string_width(person.name), width - 8) / 2 + 1
                middle = x + (width - 4) / 2
                self.line(middle - rule, self.get_y(), middle + rule, self.get_y())
                if person.id_number:
                    self.set_font(FAMILY, size=9)
                    self.set_x(x)
                    self.multi_cell(width - 4, 5, t("documents.signature_name_id", self.lang,
                                                    id_number=person.id_number),
                                    align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
                bottom = max(bottom, self.get_y())
            self.set_xy(self.l_margin, bottom + 6)
        self.set_font(FAMILY, size=10)

    def qr(self, data: str, x: float, y: float, size: float = 24) -> None:
        image = io.BytesIO()
        segno.make(data, error="m").save(image, kind="png", scale=6, border=1)
        image.seek(0)
        self.image(image, x=x, y=y, w=size, h=size)

    def png(self, data: bytes, width: float) -> None:
        if self.get_y() + width * 0.4 > self.h - self.b_margin:
            self.add_page()
        self.image(io.BytesIO(data), x=self.l_margin + (self.epw - width) / 2, w=width)
        self.ln(2)

    def bytes(self) -> bytes:
        return bytes(self.output())
