"""Make the bundled sample competition: five judges' filled templates for the shipped rubric.

SAMPLE DATA. The judges are invented; the scores are drawn with a fixed seed from a simple
model — each entry has a true quality, each judge a leniency offset (one strict, one lenient)
and every mark some noise — so that the sample looks like a real panel. One pair of agencies
is made to tie exactly on the total, so that the rubric's tie-break rules have work to do: the
pair is equal on Risalah and Presentasi and is separated by Tanya jawab.

    python data/make_sample.py            # rewrites data/samples/budaya_kerja_2026/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # runnable as a plain script from anywhere
    sys.path.insert(0, str(ROOT))

from scoring import sheets  # noqa: E402
from scoring.entries import Entries, load_entries  # noqa: E402
from scoring.pipeline import score  # noqa: E402
from scoring.rubric import Rubric, load_rubric  # noqa: E402
from scoring.sheets.template import write_template  # noqa: E402
from scoring.sheets.template_fill import fill_template  # noqa: E402

RUBRIC = ROOT / "rubrics" / "budaya_kerja_tulta.yaml"
ENTRIES = ROOT / "data" / "entries_pekalongan_sample.csv"
OUT = ROOT / "data" / "samples" / "budaya_kerja_2026"
SEED = 2026

# (name, leniency in points on a 0–100 scale, noise sd): invented people
JUDGES = (
    ("Dra. Sri Wahyuni, M.Si.", -6.0, 4.0),      # strict: the provincial organisation bureau
    ("Ir. Bambang Setiawan", 5.0, 4.0),          # lenient
    ("dr. Ratna Kusumawati", 0.0, 3.5),
    ("Dr. Agus Pranoto, M.M.", 1.0, 5.0),
    ("Hj. Siti Aminah, S.Sos.", -1.0, 4.0),
)

# Leaves with equal effective weights (swapping them keeps every total) and a shift that keeps
# the total too: +1 on tanya_jawab (15 % of the total per 100 points: 0.15) and −5 on
# yy_kekompakan (3 %: 5 × 0.03 = 0.15).
EQUAL_PAIRS = (("l1_tema", "l2_penyebab"), ("pr_materi", "pr_penyampaian"),
               ("yy_kekompakan", "yy_pesan"), ("fr_kreativitas", "fr_pesan"))
SHIFT = {"tanya_jawab": +1, "yy_kekompakan": -5}


def draw_scores(rubric: Rubric, entries: Entries, rng: np.random.Generator
                ) -> dict[str, dict[tuple[str, str], int]]:
    """judge -> {(entry_id, criterion_id): score} on each criterion's 0–100 scale."""
    leaves = [leaf.id for leaf in rubric.leaves]
    quality = rng.normal(72, 7, size=len(entries))
    # some groups are stronger on the written report, others on the show
    flair = rng.normal(0, 5, size=(len(entries), len(leaves)))
    by_judge = {}
    for name, leniency, noise in JUDGES:
        marks = quality[:, None] + flair + leniency + rng.normal(0, noise, flair.shape)
        marks = np.clip(np.rint(marks), 0, 100).astype(int)
        by_judge[name] = {(entry.id, leaf): int(marks[i, j])
                          for i, entry in enumerate(entries) for j, leaf in enumerate(leaves)
                          if leaf in rubric.leaf_ids_for(entry.category)}
    return by_judge


def make_tie(rubric: Rubric, entries: Entries, by_judge: dict) -> tuple[str, str]:
    """Give the agency ranked fifth the marks of the one ranked second, reshuffled so that
    every judge's total is the same but Tanya jawab is one point higher."""
    first = _rank(rubric, entries, by_judge)
    order = first.category("OPD")["entry_id"].tolist()
    for leader in order[1:4]:
        target = order[4]
        ok = all(marks[(leader, "tanya_jawab")] <= 99 and marks[(leader, "yy_kekompakan")] >= 5
                 for marks in by_judge.values())
        if ok:
            break
    else:
        raise RuntimeError("no pair of agencies can be made to tie; change the seed")
    for marks in by_judge.values():
        copied = {leaf: marks[(leader, leaf)] for leaf in rubric.leaf_ids_for("OPD")}
        for a, b in EQUAL_PAIRS:
            copied[a], copied[b] = copied[b], copied[a]
        for leaf, delta in SHIFT.items():
            copied[leaf] += delta
        for leaf, value in copied.items():
            marks[(target, leaf)] = value
    return leader, target


def _rank(rubric: Rubric, entries: Entries, by_judge: dict):
    files = _files(rubric, entries, by_judge)
    table, problems = sheets.read_many(files, rubric, entries)
    result = score(rubric, entries, table, problems)
    if not result.ok:
        raise RuntimeError("the sample does not score: " + "; ".join(
            p.message("en") for p in result.errors))
    return result


def _files(rubric: Rubric, entries: Entries, by_judge: dict) -> list[tuple[str, bytes]]:
    files = []
    for number, (name, marks) in enumerate(by_judge.items(), start=1):
        blank = write_template(rubric, entries, name)
        files.append((f"juri_{number}.xlsx", fill_template(blank, marks)))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    rubric, entries = load_rubric(RUBRIC), load_entries(ENTRIES)
    by_judge = draw_scores(rubric, entries, np.random.default_rng(args.seed))
    leader, target = make_tie(rubric, entries, by_judge)
    result = _rank(rubric, entries, by_judge)
    rows = result.standings.set_index("entry_id")
    assert rows.loc[leader, "total"] == rows.loc[target, "total"], "the tie did not hold"
    assert rows.loc[target, "decided_by"] == "criterion:tanya_jawab"

    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.xlsx"):
        old.unlink()
    for filename, data in _files(rubric, entries, by_judge):
        (args.out / filename).write_bytes(data)
    (args.out / "judges.txt").write_text(
        "# SAMPLE DATA: invented judges of the sample competition\n"
        + "".join(f"{name}\n" for name, _, _ in JUDGES), encoding="utf-8")
    print(f"wrote {len(JUDGES)} judges' sheets to {args.out}; "
          f"tie: {leader} and {target} at {rows.loc[leader, 'total']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
