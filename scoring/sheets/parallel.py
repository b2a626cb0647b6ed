"""Reading many judges' files at once, in worker processes.

Words used here:

- *batch*: the ``(filename, bytes)`` pairs of one upload or one command, in the order given.
- *worker*: a separate Python process that reads whole files with
  :func:`scoring.sheets.read_file`; reading is CPU-bound Python (XML parsing, cell checks),
  so threads would not help. Workers are started with ``spawn`` (safe beside the app's
  threads) and get the rubric and the entries once, when they start.
- *progress*: a callback ``progress(done, total, filename)`` called in the calling process
  after each file is read, in the batch's order.

:func:`read_many_parallel` gives exactly what :func:`scoring.sheets.read_many` gives — the
same score table row for row, the same problems in the same order, hence the same
fingerprint — because each file is read by the same function and the results are combined
in the batch's order by :func:`scoring.sheets.combine_reads`. A small batch (fewer than
:data:`MIN_FILES_PER_WORKER` files per worker) is read in the calling process: starting a
worker costs about a second of imports.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pandas as pd

from scoring.entries import Entries
from scoring.problems import Problem
from scoring.rubric import Rubric
from scoring.sheets import Mapping, WorkbookRead, combine_reads, mapping_for, read_file

MIN_FILES_PER_WORKER = 50  # a province (40 files) read 3 x slower in workers: start-up
"""Fewer files than this per worker are read in the calling process."""

Progress = Callable[[int, int, str], None]

_context: tuple[Rubric, Entries, tuple[Mapping, ...]] | None = None
"""The rubric, entries and mappings of the batch, in a worker (set by :func:`_start`)."""


def _start(rubric: Rubric, entries: Entries, mappings: tuple[Mapping, ...]) -> None:
    global _context
    _context = (rubric, entries, mappings)


def _read_one(item: tuple[str, bytes]) -> WorkbookRead:
    assert _context is not None, "worker not started"
    rubric, entries, mappings = _context
    filename, data = item
    return read_file(data, filename, rubric, entries, mapping=mapping_for(filename, mappings))


def worker_count(n_files: int, workers: int | None = None) -> int:
    """How many worker processes a batch of ``n_files`` gets: at most ``workers`` (default:
    the CPUs this process may use), and none (read in the calling process) when that would
    leave fewer than :data:`MIN_FILES_PER_WORKER` files per worker."""
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    fitting = min(workers, n_files // MIN_FILES_PER_WORKER)
    return fitting if fitting >= 2 else 0


def read_many_parallel(files: Iterable[tuple[str, bytes]], rubric: Rubric, entries: Entries,
                       *, mappings: Sequence[Mapping] = (), workers: int | None = None,
                       progress: Progress | None = None
                       ) -> tuple[pd.DataFrame, list[Problem]]:
    """:func:`scoring.sheets.read_many`, with the files read in worker processes.

    ``workers``: the most processes to use (default: the CPUs available; 0 or 1 reads in
    this process). ``progress`` is called after each file, in the batch's order.
    """
    batch = list(files)
    names = [name for name, _ in batch]
    count = worker_count(len(batch), workers)
    reads = (_serial(batch, rubric, entries, tuple(mappings)) if count == 0
             else _in_workers(batch, rubric, entries, tuple(mappings), count))
    return combine_reads(_reported(zip(names, reads, strict=True), len(batch), progress))


def _serial(batch: list[tuple[str, bytes]], rubric: Rubric, entries: Entries,
            mappings: tuple[Mapping, ...]) -> Iterator[WorkbookRead]:
    for filename, data in batch:
        yield read_file(data, filename, rubric, entries, mapping=mapping_for(filename, mappings))


def _in_workers(batch: list[tuple[str, bytes]], rubric: Rubric, entries: Entries,
                mappings: tuple[Mapping, ...], count: int) -> Iterator[WorkbookRead]:
    context = multiprocessing.get_context("spawn")
    # a few files per task: fewer round trips, and still an even spread at the end
    chunk = max(1, min(16, len(batch) // (4 * count)))
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_start,
                                 initargs=(rubric, entries, mappings)) as pool:
            for read in pool.map(_read_one, batch, chunksize=chunk):
                done += 1
                yield read
    except BrokenProcessPool:
        # a worker could not start (e.g. a main module read from stdin cannot be imported
        # again) or died: the files not read yet are read here, with the same result
        yield from _serial(batch[done:], rubric, entries, mappings)


def _reported(reads: Iterable[tuple[str, WorkbookRead]], total: int,
              progress: Progress | None) -> Iterator[tuple[str, WorkbookRead]]:
    for done, (filename, read) in enumerate(reads, start=1):
        if progress is not None:
            progress(done, total, filename)
        yield filename, read
