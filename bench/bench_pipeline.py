"""How fast is scoring at national scale, against the bare arithmetic in the same process.

A synthetic competition of ``--entries`` entries in two categories, ``--judges`` judges each
scoring every entry on the 18 criteria of the shipped rubric (so 5,000 × 7 is 630,000 scores).
Timed, best of ``--repeat`` runs each:

- ``baseline``: the weighted totals and the panel mean in plain numpy on ready arrays — the
  arithmetic no implementation can avoid;
- ``score()``: the whole pipeline from the long score table (checks, missing scores, totals
  with rounding, the trimmed mean with its subtotals, exact and rounded figures, ranks,
  tie-breaks, awards).

The ratio ``score() / baseline`` is what to watch: machines here are shared and noisy, a
ratio measured in one process is not. Run: ``python -m bench.bench_pipeline``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from scoring import table
from scoring.entries import Entries, Entry
from scoring.pipeline import score
from scoring.rubric import load_rubric

ROOT = Path(__file__).resolve().parents[1]


def competition(n_entries: int, n_judges: int, seed: int = 1):
    rubric = load_rubric(ROOT / "rubrics" / "budaya_kerja_tulta.yaml")
    entries = Entries(tuple(Entry(f"e{i:05d}", f"Entry {i}", "OPD" if i % 2 else "KEL")
                            for i in range(n_entries)))
    leaves = [leaf.id for leaf in rubric.leaves]
    rng = np.random.default_rng(seed)
    marks = np.clip(np.rint(rng.normal(70, 10, (n_entries, n_judges, len(leaves)))), 0, 100)
    entry_ids = np.array([e.id for e in entries])
    categories = np.array([e.category for e in entries])
    e_idx, j_idx, c_idx = np.indices(marks.shape).reshape(3, -1)
    frame = pd.DataFrame({
        "entry_id": entry_ids[e_idx], "category": categories[e_idx],
        "judge_id": np.char.add("Juri ", j_idx.astype(str)),
        "criterion_id": np.array(leaves)[c_idx], "score": marks.reshape(-1),
        "source_file": "bench.xlsx", "source_sheet": categories[e_idx], "source_cell": "A1"})
    return rubric, entries, table.make(frame), marks


def baseline(rubric, marks: np.ndarray) -> np.ndarray:
    weights = np.array([rubric.effective_weights("OPD")[leaf.id] for leaf in rubric.leaves])
    judge_totals = marks @ weights
    return judge_totals.mean(axis=1)


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--judges", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rubric, entries, scores, marks = competition(args.entries, args.judges)
    base = best_of(args.repeat, lambda: baseline(rubric, marks))
    full = best_of(args.repeat, lambda: score(rubric, entries, scores))
    result = score(rubric, entries, scores)
    assert result.ok, result.problems[:3]
    print(f"{args.entries} entries × {args.judges} judges × {len(rubric.leaves)} criteria "
          f"= {len(scores):,} scores")
    print(f"baseline (numpy arithmetic): {base * 1000:9.1f} ms")
    print(f"score() (whole pipeline):    {full * 1000:9.1f} ms")
    print(f"ratio score() / baseline:    {full / base:9.0f} ×")
    print(f"scores per second:           {len(scores) / full:12,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
