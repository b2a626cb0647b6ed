"""Reading quality on judges' own workbooks: read right, read wrong, asked, missed, per kind.

Run: ``.venv/bin/python -m bench.reading_quality [--per-kind 10] [--seed 12]``.

Every workbook comes from :mod:`bench.judge_books` with the marks it was made from (the
truth); each is read twice:

- *as is*: :func:`scoring.sheets.detect.detect`, what Juri reads without help;
- *accepted*: every question answered with the reader's own best guess
  (:attr:`scoring.sheets.mapping.Confirmation.best_guess`; a tie of candidates left for a
  person), then read by that mapping: what an organiser who
  accepts every proposal gets. This is where a wrong guess would turn into a wrong mark.

Words used here (per mark of the truth, judges compared by :func:`scoring.identity.judge_key`):

- *right*: read with the true entry, criterion, judge and score;
- *wrong*: read with another score, or a mark read that the truth does not hold (another
  entry, criterion or judge), read twice, or without its source cell: the failure that must
  never happen;
- *asked*: not read, and the file has a question for a person;
- *missed*: not read, and nothing asked;
- *questions*: the number of questions (confirmations) per file.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from bench.judge_books import KINDS, JudgeBook, Truth, books
from scoring.entries import Entries, load_entries
from scoring.identity import judge_key
from scoring.rubric import Rubric, load_rubric
from scoring.sheets.detect import DetectedLayout, detect
from scoring.sheets.mapping import Mapping

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 3
"""Times questions are answered and the workbook read again (an answer may reveal more)."""


@dataclass
class Tally:
    """Counts for one kind (see the module's words)."""

    files: int = 0
    marks: int = 0
    right: int = 0
    wrong: int = 0
    asked: int = 0
    missed: int = 0
    questions: int = 0
    most_questions: int = 0

    def add(self, other: Tally) -> None:
        for name in ("files", "marks", "right", "wrong", "asked", "missed", "questions"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.most_questions = max(self.most_questions, other.most_questions)


def compare(truth: Truth, table: pd.DataFrame, questions: int) -> Tally:
    """One file's tally: the table read against the truth."""
    expected = {(judge_key(j), e, c): s for (j, e, c), s in truth.items()}
    read: dict[tuple[str, str, str], float] = {}
    extra = 0
    for judge, entry, criterion, score, cell in table[
            ["judge_id", "entry_id", "criterion_id", "score", "source_cell"]].itertuples(
                index=False):
        key = (judge_key(str(judge)), str(entry), str(criterion))
        if not str(cell or ""):
            extra += 1  # a mark whose cell is unknown is never right
            continue
        if key in read or key not in expected:
            extra += 1  # a mark read twice, or one the truth does not hold
        read[key] = float(score)
    tally = Tally(files=1, marks=len(expected), questions=questions,
                  most_questions=questions, wrong=extra)
    for key, score in expected.items():
        if key not in read:
            if questions:
                tally.asked += 1
            else:
                tally.missed += 1
        elif abs(read[key] - score) < 1e-9:
            tally.right += 1
        else:
            tally.wrong += 1
    return tally


def accept_all(book: JudgeBook, found: DetectedLayout, rubric: Rubric, entries: Entries
               ) -> DetectedLayout:
    """The workbook read after answering every question with the reader's best guess."""
    for _ in range(ROUNDS):
        if not found.confirmations:
            return found
        mapping: Mapping = found.mapping
        for item in found.confirmations:
            if item.best_guess is not None:
                mapping = mapping.resolve(item, item.best_guess)
        found = detect(book.data, book.file, rubric, entries, mapping=mapping)
    return found


def measure(items: Iterable[JudgeBook], rubric: Rubric, entries: Entries
            ) -> dict[str, tuple[Tally, Tally]]:
    """Per kind: (as is, accepted)."""
    result: dict[str, tuple[Tally, Tally]] = {}
    for book in items:
        found = detect(book.data, book.file, rubric, entries)
        as_is = compare(book.truth, found.table, len(found.confirmations))
        accepted_found = accept_all(book, found, rubric, entries)
        accepted = compare(book.truth, accepted_found.table, len(found.confirmations))
        mine = result.setdefault(book.kind, (Tally(), Tally()))
        mine[0].add(as_is)
        mine[1].add(accepted)
    return result


def render(result: dict[str, tuple[Tally, Tally]], kinds: Sequence[str] = KINDS) -> str:
    """The table the benchmark prints."""
    head = (f"{'kind':<16}{'files':>6}{'marks':>7} | {'right':>6}{'wrong':>6}{'asked':>6}"
            f"{'missed':>7}{'q/file':>7}{'max q':>6} | accepted: {'right':>6}{'wrong':>6}"
            f"{'missed':>7}")
    lines = [head, "-" * len(head)]
    total = (Tally(), Tally())
    for kind in [k for k in kinds if k in result]:
        as_is, accepted = result[kind]
        total[0].add(as_is)
        total[1].add(accepted)
        lines.append(_line(kind, as_is, accepted))
    lines += ["-" * len(head), _line("all", *total)]
    return "\n".join(lines)


def _line(kind: str, as_is: Tally, accepted: Tally) -> str:
    per_file = as_is.questions / as_is.files if as_is.files else 0.0
    not_read = accepted.asked + accepted.missed
    return (f"{kind:<16}{as_is.files:>6}{as_is.marks:>7} | {as_is.right:>6}{as_is.wrong:>6}"
            f"{as_is.asked:>6}{as_is.missed:>7}{per_file:>7.2f}{as_is.most_questions:>6} | "
            f"          {accepted.right:>6}{accepted.wrong:>6}{not_read:>7}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=10)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--kind", action="append", choices=KINDS)
    args = parser.parse_args(argv)
    rubric = load_rubric(ROOT / "rubrics" / "budaya_kerja_tulta.yaml")
    entries = load_entries(ROOT / "data" / "entries_pekalongan_sample.csv")
    kinds = tuple(args.kind or KINDS)
    result = measure(books(rubric, entries, per_kind=args.per_kind, seed=args.seed,
                           kinds=kinds), rubric, entries)
    print(render(result, kinds))
    wrong = sum(t.wrong for pair in result.values() for t in pair)
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
