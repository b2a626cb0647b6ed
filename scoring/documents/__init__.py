"""Printable outputs of a result: the results workbook, the results report, the minutes
(Berita Acara Penilaian), certificates, the decree annex and the feedback reports.

Words used here:
- *kind*: which document (:data:`KINDS`); *format*: ``pdf``, ``docx``, ``xlsx`` or ``zip``
  (:data:`FORMATS` gives what each kind is made in, the first being its default).
- :func:`build` is the one call the app's download buttons and the CLI share: it returns
  the file name, the bytes and the MIME type.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from scoring.documents.settings import DocumentSettings, with_defaults
from scoring.entries import Entries
from scoring.i18n import DEFAULT_LANGUAGE
from scoring.result import Result
from scoring.rubric import Rubric

KINDS = ("results", "minutes", "certificates", "annex", "feedback", "workbook")
FORMATS: dict[str, tuple[str, ...]] = {
    "results": ("pdf",), "minutes": ("pdf", "docx"), "certificates": ("pdf",),
    "annex": ("docx", "pdf"), "feedback": ("zip", "pdf"), "workbook": ("xlsx",)}
MIME = {"pdf": "application/pdf", "zip": "application/zip",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def build(kind: str, result: Result, settings: DocumentSettings | None = None,
          fmt: str | None = None, lang: str = DEFAULT_LANGUAGE, *,
          comments: pd.DataFrame | None = None,
          previous: dict[str, tuple[int, int, float]] | None = None,
          entry_id: str | None = None) -> tuple[str, bytes, str]:
    """``(file name, bytes, MIME type)`` of one document of ``result``.

    ``fmt`` defaults to the kind's first format; a kind not made in ``fmt`` is a
    ``ValueError``. ``comments`` and ``previous`` feed the feedback reports (see
    :mod:`scoring.documents.feedback`); ``entry_id`` chooses one entry's report as PDF.
    """
    if kind not in FORMATS:
        raise ValueError(f"unknown document {kind!r}; one of {KINDS}")
    fmt = fmt or FORMATS[kind][0]
    if fmt not in FORMATS[kind]:
        raise ValueError(f"{kind} is made as {', '.join(FORMATS[kind])}, not {fmt}")
    chosen = with_defaults(settings or DocumentSettings(), result.rubric)
    data = _make(kind, fmt, result, chosen, lang, comments, previous, entry_id)
    stem = f"{result.rubric.id}_{kind}" + (f"_{entry_id}" if entry_id else "")
    return f"{stem}.{fmt}", data, MIME[fmt]


def _make(kind: str, fmt: str, result: Result, settings: DocumentSettings, lang: str,
          comments: pd.DataFrame | None, previous: dict[str, tuple[int, int, float]] | None,
          entry_id: str | None) -> bytes:
    # imported here: each document pulls in its own libraries (altair, python-docx, fpdf2)
    if kind == "workbook":
        from scoring.documents.workbook import results_workbook

        return results_workbook(result, lang)
    if kind == "results":
        from scoring.documents.report import results_report

        return results_report(result, settings, lang)
    if kind == "certificates":
        from scoring.documents.certificates import certificates

        return certificates(result, settings, lang)
    if kind in ("minutes", "annex"):
        from scoring.documents import annex, blocks, minutes

        draft = (minutes.minutes if kind == "minutes" else annex.annex)(result, settings, lang)
        return blocks.to_pdf(draft) if fmt == "pdf" else blocks.to_docx(draft)
    from scoring.documents.feedback import feedback_pdf, feedback_zip

    if fmt == "zip" or entry_id is None:
        return feedback_zip(result, settings, lang, comments=comments, previous=previous)
    return feedback_pdf(result, settings, entry_id, lang, comments=comments,
                        previous=previous)


def comments_of(files: Iterable[tuple[str, bytes]], rubric: Rubric, entries: Entries
                ) -> pd.DataFrame:
    """The judges' written comments in ``(filename, bytes)`` templates, with their cells."""
    from scoring.sheets import read_file
    from scoring.sheets.read_template import COMMENT_COLUMNS, no_comments

    found = [read_file(data, name, rubric, entries).comments for name, data in files]
    found = [frame for frame in found if not frame.empty]
    return (pd.concat(found, ignore_index=True).loc[:, list(COMMENT_COLUMNS)] if found
            else no_comments())
