"""The reading-quality benchmark's own arithmetic, and one workbook of each hard kind read
right: the truth comes from the generator, never from the reader."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from bench.judge_books import generate, misspell
from bench.reading_quality import compare
from scoring.entries import Entries
from scoring.rubric import Rubric
from scoring.sheets.detect import detect


def _table(rows: list[tuple[str, str, str, float, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["judge_id", "entry_id", "criterion_id", "score",
                                       "source_cell"])


def test_compare_counts_by_hand() -> None:
    truth = {("Budi", "a", "x"): 80.0, ("Budi", "a", "y"): 70.0, ("Budi", "b", "x"): 60.0,
             ("Budi", "b", "y"): 50.0}
    table = _table([("BUDI", "a", "x", 80.0, "C7"),     # right (judge's case folded)
                    ("Budi", "a", "y", 75.0, "D7"),     # wrong score
                    ("Budi", "c", "x", 60.0, "C9"),     # a mark the truth does not hold
                    ("Budi", "b", "y", 50.0, "")])      # right numbers, cell unknown: wrong
    asked = compare(truth, table, questions=2)
    # right: (a, x) = 1; wrong: (a, y) + the extra (c, x) + (b, y) without a cell = 3;
    # not read: (b, x) and (b, y) (a mark without its cell is not read) = 2, asked
    assert (asked.right, asked.wrong, asked.asked, asked.missed) == (1, 3, 2, 0)
    silent = compare(truth, table, questions=0)
    assert (silent.asked, silent.missed) == (0, 2)


def test_misspell_changes_one_letter_of_the_longest_word() -> None:
    written = misspell("Dinas Perhubungan", random.Random(1))
    assert written != "Dinas Perhubungan"
    assert written.startswith("Dinas ")
    assert abs(len(written) - len("Dinas Perhubungan")) <= 1


@pytest.mark.parametrize("kind", ["forms_unheaded", "recap_scales", "no_judge"])
def test_a_generated_workbook_is_read_right(tulta: Rubric, pekalongan: Entries,
                                            kind: str) -> None:
    book = generate(kind, tulta, pekalongan, random.Random(5), 1)
    found = detect(book.data, book.file, tulta, pekalongan)
    tally = compare(book.truth, found.table, len(found.confirmations))
    assert (tally.wrong, tally.missed, tally.asked) == (0, 0, 0)
    assert tally.right == len(book.truth)
    # a file without the judge's name inside asks once, offering the file's name
    expected = 1 if kind == "no_judge" else 0
    assert len(found.confirmations) == expected
