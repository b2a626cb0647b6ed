"""Documents that exist both as PDF and as editable .docx, written once as a list of blocks.

Words used here:
- *block*: one piece of a document — the letterhead, a title, a heading, a paragraph, a
  table of labelled fields (``NOMOR : …``), a table, a page break, signature blocks.
- *render*: :func:`to_pdf` draws the blocks with :class:`~scoring.documents.pdf.DocumentPDF`,
  :func:`to_docx` writes them with python-docx, so both files say the same thing.

The .docx has fixed document dates (the competition's date), so the same result gives the
same text; Word documents are for the legal office to edit, not for checking bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

from scoring.documents.pdf import FAMILY, DocumentPDF
from scoring.documents.settings import DocumentSettings, Signatory
from scoring.i18n import DEFAULT_LANGUAGE, t
from scoring.result import Result


@dataclass(frozen=True)
class Letterhead:
    pass


@dataclass(frozen=True)
class Title:
    text: str
    subtitles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    align: str = "J"
    bold: bool = False


@dataclass(frozen=True)
class Fields:
    """Labelled values, the label column aligned: ``NOMOR : 100/12/2026``."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    aligns: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Signatures:
    people: tuple[tuple[str, Signatory], ...]
    dated: str = ""
    columns: int = 2


Block = Letterhead | Title | Heading | Para | Fields | Table | PageBreak | Signatures


@dataclass
class Draft:
    """Blocks with the result and settings they were made from."""

    result: Result
    settings: DocumentSettings
    lang: str = DEFAULT_LANGUAGE
    blocks: list[Block] = field(default_factory=list)


# --- PDF -------------------------------------------------------------------------------------


def to_pdf(doc: Draft) -> bytes:
    pdf = DocumentPDF(doc.result, doc.settings, doc.lang)
    pdf.add_page()
    for block in doc.blocks:
        if isinstance(block, Letterhead):
            pdf.letterhead()
        elif isinstance(block, Title):
            pdf.title_block(block.text, *block.subtitles)
        elif isinstance(block, Heading):
            pdf.heading(block.text, 11)
        elif isinstance(block, Para):
            pdf.set_font(FAMILY, "B" if block.bold else "", 10)
            pdf.multi_cell(0, 5, block.text, align=block.align, new_x="LMARGIN",
                           new_y="NEXT")
            pdf.ln(1.5)
        elif isinstance(block, Fields):
            width = max(pdf.get_string_width(label) for label, _ in block.rows) + 3
            for label, value in block.rows:
                pdf.set_font(FAMILY, size=10)
                pdf.cell(width, 5, label)
                pdf.cell(4, 5, ":")
                pdf.multi_cell(0, 5, value, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif isinstance(block, Table):
            aligns = block.aligns or ("LEFT",) * len(block.header)
            pdf.grid(block.header, block.rows, block.widths, aligns)
        elif isinstance(block, PageBreak):
            pdf.add_page()
        else:
            pdf.signatures(list(block.people), columns=block.columns, dated=block.dated)
    return pdf.bytes()


# --- .docx -----------------------------------------------------------------------------------

_ALIGN = {"J": WD_ALIGN_PARAGRAPH.JUSTIFY, "L": WD_ALIGN_PARAGRAPH.LEFT,
          "C": WD_ALIGN_PARAGRAPH.CENTER, "R": WD_ALIGN_PARAGRAPH.RIGHT,
          "LEFT": WD_ALIGN_PARAGRAPH.LEFT, "RIGHT": WD_ALIGN_PARAGRAPH.RIGHT,
          "CENTER": WD_ALIGN_PARAGRAPH.CENTER}


def to_docx(doc: Draft, *, landscape: bool = False) -> bytes:
    word = Document()
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    style = word.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    day = doc.result.rubric.date or dt.date(2000, 1, 1)
    props = word.core_properties
    props.created = props.modified = dt.datetime(day.year, day.month, day.day)
    props.author = props.last_modified_by = "Juri"
    props.title = doc.result.rubric.label(doc.lang)
    props.comments = t("documents.fingerprint", doc.lang, fingerprint=doc.result.fingerprint)
    footer = section.footer.paragraphs[0]
    footer.text = t("documents.fingerprint", doc.lang, fingerprint=doc.result.fingerprint)
    footer.runs[0].font.size = Pt(7)
    for block in doc.blocks:
        _docx_block(word, block, doc)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _para(word: Document, text: str, align: str = "L", *, bold: bool = False,
          size: float | None = None) -> None:
    paragraph = word.add_paragraph()
    paragraph.alignment = _ALIGN[align]
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)


def _docx_block(word: Document, block: Block, doc: Draft) -> None:
    if isinstance(block, Letterhead):
        head = doc.settings.letterhead
        for text, size in ((head.government.upper(), 13), (head.agency.upper(), 15),
                           (head.address, 9)):
            if text:
                _para(word, text, "C", bold=size > 10, size=size)
        _para(word, "_" * 78, "C", size=8)
    elif isinstance(block, Title):
        _para(word, block.text, "C", bold=True, size=14)
        for line in block.subtitles:
            if line:
                _para(word, line, "C")
    elif isinstance(block, Heading):
        _para(word, block.text, "L", bold=True, size=12)
    elif isinstance(block, Para):
        _para(word, block.text, block.align, bold=block.bold)
    elif isinstance(block, Fields):
        table = word.add_table(rows=0, cols=3)
        for label, value in block.rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = label, ":", value
        _widths(table, (3.5, 0.5, 12))
    elif isinstance(block, Table):
        _docx_table(word, block)
    elif isinstance(block, PageBreak):
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    else:
        _docx_signatures(word, block, doc.lang)


def _widths(table: object, widths: Sequence[float]) -> None:
    for row in table.rows:  # type: ignore[attr-defined]
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)


def _docx_table(word: Document, block: Table) -> None:
    table = word.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    aligns = block.aligns or ("LEFT",) * len(block.header)
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text, align in zip(cells, row, aligns, strict=True):
            cell.text = str(text)
            cell.paragraphs[0].alignment = _ALIGN[align]
    scale = 17 / sum(block.widths)
    _widths(table, [w * scale for w in block.widths])
    word.add_paragraph()


def _docx_signatures(word: Document, block: Signatures, lang: str) -> None:
    if block.dated:
        _para(word, block.dated, "R")
    people = list(block.people)
    for start in range(0, len(people), block.columns):
        chunk = people[start:start + block.columns]
        table = word.add_table(rows=1, cols=block.columns)
        shift = max(block.columns - len(people), 0)  # fewer: on the right, as in the PDF
        for cell, (role, person) in zip(table.rows[0].cells[shift:], chunk, strict=False):
            cell.text = ""
            lines = [role, person.title, "", "", ""]
            first = cell.paragraphs[0]
            first.text = lines[0]
            first.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for line in lines[1:]:
                cell.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
            name = cell.add_paragraph()
            name.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = name.add_run(person.name)
            run.bold = run.underline = True
            if person.id_number:
                cell.add_paragraph(t("documents.signature_name_id", lang,
                                     id_number=person.id_number)
                                   ).alignment = WD_ALIGN_PARAGRAPH.CENTER
        word.add_paragraph()
