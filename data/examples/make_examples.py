"""Make the example data sets of the example rubrics (rubrics/budaya_kerja_tahapan.yaml, ...).

SAMPLE DATA. ``budaya_kerja_tahapan/``: the bundled sample competition
(data/samples/budaya_kerja_2026) judged in stages — the same judges and marks, but each judge's
file (one row per mark: entry, judge, criterion, score) holds only what the stages really
ask for: the risalah marks of every group that submitted its risalah, the presentation marks
of the best 10 per category after the desk evaluation; ``inputs.csv`` says which groups
submitted their risalah on time (three did not).

    python data/examples/make_examples.py      # rewrites data/examples/budaya_kerja_tahapan/
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # runnable as a plain script from anywhere
    sys.path.insert(0, str(ROOT))

from scoring import sheets  # noqa: E402
from scoring.entries import load_entries  # noqa: E402
from scoring.inputs import read_inputs  # noqa: E402
from scoring.pipeline import score  # noqa: E402
from scoring.rubric import load_rubric  # noqa: E402

SAMPLE = ROOT / "data" / "samples" / "budaya_kerja_2026"
ENTRIES = ROOT / "data" / "entries_pekalongan_sample.csv"
STAGED = ROOT / "rubrics" / "budaya_kerja_tahapan.yaml"
OUT = ROOT / "data" / "examples" / "budaya_kerja_tahapan"
NOT_SUBMITTED = ("opd-dinkes", "kel-gamer", "kel-krapyak")
"""Groups whose risalah did not arrive on time (invented)."""


def make_staged() -> None:
    entries = load_entries(ENTRIES)
    original = load_rubric(ROOT / "rubrics" / "budaya_kerja_tulta.yaml")
    files = [(p.name, p.read_bytes()) for p in sorted(SAMPLE.glob("juri_*.xlsx"))]
    marks, problems = sheets.read_many(files, original, entries)
    assert not [p for p in problems if p.is_error], problems
    rubric = load_rubric(STAGED)
    OUT.mkdir(parents=True, exist_ok=True)
    lines = ["id;nama;Risalah diserahkan tepat waktu"]
    lines += [f"{e.id};{e.name};{'tidak' if e.id in NOT_SUBMITTED else 'ya'}" for e in entries]
    inputs_csv = "\n".join(lines) + "\n"
    (OUT / "inputs.csv").write_text(inputs_csv, encoding="utf-8")
    values, found = read_inputs(inputs_csv.encode(), "inputs.csv", rubric, entries)
    assert not found, found
    # which marks each stage uses: score once with every mark, keep those of who took part
    result = score(rubric, entries, marks, entry_inputs=values)
    kept = []
    for step in result.stages:
        if step.result is None:
            continue
        leaves = set(step.result.rubric.leaf_ids_for(rubric.category_ids[0]))
        kept.append(marks[marks["entry_id"].isin(step.entered)
                          & marks["criterion_id"].isin(leaves)])
    staged = pd.concat(kept)
    for path in sorted(OUT.glob("juri_*.csv")):
        path.unlink()
    columns = ["entry_id", "judge_id", "criterion_id", "score"]
    for number, (_, rows) in enumerate(staged.groupby("judge_id", sort=True), start=1):
        rows = rows.sort_values(["entry_id", "criterion_id"])[columns].rename(
            columns={"judge_id": "judge", "criterion_id": "criterion"})
        rows.to_csv(OUT / f"juri_{number}.csv", index=False, lineterminator="\n",
                    float_format="%g")


if __name__ == "__main__":
    make_staged()
