"""Make the sample's past years: results of 2024 and 2025 as the organisers kept them.

SAMPLE DATA, drawn with a fixed seed around the 2026 sample's totals (each group improving a
little every year, with noise), so that the history page has something true-looking to show
on first start. In 2024 the archive agency was still the *Kantor Perpustakaan dan Arsip
Daerah*; it became the *Dinas Arsip dan Perpustakaan Daerah* in 2025 (a rename, recorded in
``lineage.csv``). Three agencies and two kelurahan groups first took part later (new entrants).

    python data/make_history.py            # rewrites data/samples/history/
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scoring import sheets  # noqa: E402
from scoring.entries import load_entries  # noqa: E402
from scoring.pipeline import score  # noqa: E402
from scoring.rubric import load_rubric  # noqa: E402

OUT = ROOT / "data" / "samples" / "history"
SAMPLE = ROOT / "data" / "samples" / "budaya_kerja_2026"
SEED = 2024
OLD_ARCHIVE = ("opd-kantor-arpus", "Kantor Perpustakaan dan Arsip Daerah", "Kantor Arpus")
RENAMED = "opd-dinarpus"
FIRST_YEAR = {"opd-bapenda": 2025, "opd-dinperpa": 2026, "opd-bpbd": 2026,
              "kel-degayu": 2025, "kel-klego": 2026}
PLACES = ("Juara I", "Juara II", "Juara III", "Harapan I", "Harapan II", "Harapan III")


def totals_2026() -> pd.DataFrame:
    rubric = load_rubric(ROOT / "rubrics" / "budaya_kerja_tulta.yaml")
    entries = load_entries(ROOT / "data" / "entries_pekalongan_sample.csv")
    files = [(p.name, p.read_bytes()) for p in sorted(SAMPLE.glob("*.xlsx"))]
    table, problems = sheets.read_many(files, rubric, entries)
    result = score(rubric, entries, table, problems)
    return result.standings[["entry_id", "name", "category", "total"]]


def year_results(base: pd.DataFrame, year: int, rng: np.random.Generator) -> pd.DataFrame:
    taking_part = base[base["entry_id"].map(lambda e: FIRST_YEAR.get(e, 0) <= year)].copy()
    years_back = 2026 - year
    growth = rng.normal(2.0, 1.5, size=len(taking_part)) * years_back
    noise = rng.normal(0, 2.5, size=len(taking_part))
    taking_part["total"] = np.round(np.clip(taking_part["total"] - growth + noise, 40, 99), 2)
    if year < 2025:
        old = taking_part["entry_id"] == RENAMED
        taking_part.loc[old, ["entry_id", "name"]] = OLD_ARCHIVE[:2]
    frames = []
    for category, rows in taking_part.groupby("category", sort=False):
        rows = rows.sort_values("total", ascending=False).copy()
        rows["rank"] = rows["total"].rank(method="min", ascending=False).astype(int)
        rows["award"] = [PLACES[r - 1] if r <= len(PLACES) else "" for r in rows["rank"]]
        rows["category"] = category
        frames.append(rows)
    out = pd.concat(frames, ignore_index=True)
    return out.rename(columns={"rank": "peringkat", "name": "peserta", "total": "nilai",
                               "award": "penghargaan", "category": "kategori"})[
        ["peringkat", "peserta", "nilai", "penghargaan", "kategori"]]


def main() -> int:
    rng = np.random.default_rng(SEED)
    base = totals_2026()
    OUT.mkdir(parents=True, exist_ok=True)
    for year in (2024, 2025):
        frame = year_results(base, year, rng)
        frame.to_csv(OUT / f"hasil_{year}.csv", index=False, lineterminator="\n")
    entries = load_entries(ROOT / "data" / "entries_pekalongan_sample.csv")
    old = pd.DataFrame([{"id": e.id, "name": e.name, "category": e.category,
                         "aliases": "|".join(e.aliases)} for e in entries
                        if FIRST_YEAR.get(e.id, 0) <= 2024 and e.id != RENAMED])
    old = pd.concat([old, pd.DataFrame([{"id": OLD_ARCHIVE[0], "name": OLD_ARCHIVE[1],
                                          "category": "OPD", "aliases": OLD_ARCHIVE[2]}])])
    (OUT / "entries_2024.csv").write_text(
        "# SAMPLE DATA: the groups of 2024, before the archive agency was renamed\n"
        + old.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    (OUT / "lineage.csv").write_text(
        "kind,from,to,year,note\n"
        f"rename,{OLD_ARCHIVE[0]},{RENAMED},2025,"
        "Kantor Perpustakaan dan Arsip Daerah menjadi Dinas Arsip dan Perpustakaan Daerah\n",
        encoding="utf-8")
    print(f"wrote the 2024 and 2025 results to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
