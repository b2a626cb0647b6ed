"""Generated competitions at four sizes, for the scale benchmark (:mod:`bench.scale`).

Words used here:

- *size*: one of :data:`SIZES` — ``city`` (the sample's size: every judge scores every
  entry), ``province``, ``national`` and ``xl`` (each judge scores a different subset of
  one category, between ``per_judge`` entries, as national competitions are judged).
- *competition*: what is generated for a size, in ``<root>/<size>/``: ``rubric.yaml``
  (the shipped work-culture rubric, its 18 criteria; for the subset sizes with the plain
  mean and severity normalisation, as its own comments advise when judges score different
  groups), ``entries.csv``, ``sheets/juri_NNNN.xlsx`` (one Juri template per judge, written
  by :func:`scoring.sheets.template.write_template` for the judge's entries and filled
  here) and ``truth.parquet``: the score table of every mark written, with the file, sheet
  and cell it was written to — what a correct reader must give back, row for row.
- *filling*: a judge's marks are written straight into the template's sheet XML (the
  template's empty score cells ``<c r="D10" s=".." t="n"></c>`` get a ``<v>``), as a
  spreadsheet program saves typed numbers; openpyxl would take longer than the reading
  being measured.

Marks: entry quality ~ N(70, 8), judge leniency ~ N(0, 4), each mark adds N(0, 6), rounded
and clipped to the 0–100 scale. Everything follows from ``seed``; a competition already in
the directory with the same parameters and rubric fingerprint (``manifest.json``) is reused.

Run: ``python -m bench.generate --size city,province [--root /tmp/juri-bench]``.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring import table
from scoring.entries import Entries, Entry
from scoring.rubric import Rubric, load_rubric, parse_rubric
from scoring.sheets.template import write_template
from scoring.sheets.template_fill import template_cells

ROOT = Path(__file__).resolve().parents[1]
RUBRIC = ROOT / "rubrics" / "budaya_kerja_tulta.yaml"
DEFAULT_ROOT = Path("/tmp/juri-bench")
GENERATOR_VERSION = 1
"""Bump when the files generated change, so that cached competitions are made again."""


@dataclass(frozen=True)
class Size:
    name: str
    entries: int
    judges: int
    per_judge: tuple[int, int] | None
    """Entries per judge (inclusive range), or None: every judge scores every entry."""
    seed: int = 13


SIZES: dict[str, Size] = {
    "city": Size("city", 60, 5, None),
    "province": Size("province", 600, 40, (45, 91)),
    "national": Size("national", 5_000, 300, (45, 91)),
    "xl": Size("xl", 50_000, 1_000, (150, 250)),
}


@dataclass(frozen=True)
class Competition:
    """Paths of a generated competition."""

    size: Size
    folder: Path

    @property
    def rubric(self) -> Path:
        return self.folder / "rubric.yaml"

    @property
    def entries(self) -> Path:
        return self.folder / "entries.csv"

    @property
    def truth(self) -> Path:
        return self.folder / "truth.parquet"

    @property
    def sheets(self) -> list[Path]:
        return sorted((self.folder / "sheets").glob("*.xlsx"))

    def manifest(self) -> dict[str, object]:
        path = self.folder / "manifest.json"
        return json.loads(path.read_text()) if path.exists() else {}


def _rubric_text(size: Size) -> str:
    text = RUBRIC.read_text(encoding="utf-8")
    if size.per_judge is None:
        return text
    data = yaml.safe_load(text)
    data["panel"] = {"rule": "mean", "apply_to": "total"}
    data["normalisation"] = {"method": "severity", "min_scores": 5}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _entries(size: Size) -> Entries:
    # categories alternate, so both have half of the entries
    return Entries(tuple(
        Entry(f"{'opd' if i % 2 == 0 else 'kel'}-{i:05d}",
              f"{'Kelompok Budaya Kerja' if i % 2 == 0 else 'Pokja Kelurahan'} {i:05d}",
              "OPD" if i % 2 == 0 else "KEL")
        for i in range(size.entries)))


def assignment(size: Size, entries: Entries, rng: np.random.Generator) -> list[list[str]]:
    """The entry ids each judge scores. Subset sizes: judges split between the categories in
    proportion to their entries; each judge takes the next ``n`` entries of a random cycle
    through the category, so every entry gets about the same number of judges and the
    judges' overlaps chain all of them together (severity normalisation needs that)."""
    if size.per_judge is None:
        ids = [e.id for e in entries]
        return [ids for _ in range(size.judges)]
    low, high = size.per_judge
    categories = entries.categories
    split = np.array([len(entries.in_category(c)) for c in categories], dtype=float)
    quota = np.floor(size.judges * split / split.sum()).astype(int)
    quota[0] += size.judges - quota.sum()
    out: list[list[str]] = []
    for category, n_judges in zip(categories, quota, strict=True):
        ids = np.array([e.id for e in entries.in_category(category)])
        cycle = ids[rng.permutation(len(ids))]
        start = 0
        for count in rng.integers(low, high + 1, n_judges):
            picks = np.arange(start, start + min(count, len(ids))) % len(ids)
            out.append(sorted(cycle[picks].tolist()))
            start += int(count)
    return out


def _sheet_files(data: bytes) -> dict[str, str]:
    """Sheet title -> path of its XML inside the .xlsx."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    targets = dict(re.findall(r'<Relationship[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
    if not targets:  # attribute order differs between writers
        targets = {i: t for t, i in re.findall(
            r'<Relationship[^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', rels)}
    files = {}
    for name, rid in re.findall(r'<sheet[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', book):
        target = targets[rid].lstrip("/")
        files[name] = target if target.startswith("xl/") else f"xl/{target}"
    return files


def fill(data: bytes, marks: dict[tuple[str, str], float]) -> tuple[bytes, list[tuple]]:
    """The template ``data`` with ``marks`` ((entry, criterion) -> number) typed in, and
    ``(entry, criterion, sheet, cell, mark)`` for each mark written."""
    cells = template_cells(data)
    by_sheet: dict[str, dict[str, float]] = {}
    written = []
    for (entry_id, criterion_id), value in marks.items():
        sheet, cell = cells[(entry_id, criterion_id)]
        by_sheet.setdefault(sheet, {})[cell] = value
        written.append((entry_id, criterion_id, sheet, cell, value))
    files = _sheet_files(data)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            sheet = next((s for s, f in files.items() if f == item.filename), None)
            if sheet in by_sheet:
                values = by_sheet[sheet]
                count = [0]

                def typed(match: re.Match[str], values: dict[str, float] = values,
                          count: list[int] = count) -> str:
                    ref = match.group(2)
                    if ref not in values:
                        return match.group(0)
                    count[0] += 1
                    return f"{match.group(1)}><v>{values[ref]:g}</v></c>"

                text = re.sub(r'(<c r="([A-Z]+[0-9]+)"[^>]*?t="n")></c>', typed, body.decode())
                if count[0] != len(values):
                    raise RuntimeError(f"{count[0]} of {len(values)} cells found in {sheet}")
                body = text.encode()
            dst.writestr(item, body)
    return out.getvalue(), written


@lru_cache(maxsize=4)
def _rubric(path: str) -> Rubric:
    return load_rubric(path)


def _judge_file(job: tuple[str, tuple[Entry, ...], np.ndarray, list[str], str, str]
                ) -> pd.DataFrame:
    """Write one judge's filled template; the marks written, as score-table rows."""
    rubric_path, mine, marks, leaves, judge, path = job
    template = write_template(_rubric(rubric_path), Entries(mine), judge)
    values = {(entry.id, leaf): float(marks[r, c])
              for r, entry in enumerate(mine) for c, leaf in enumerate(leaves)}
    data, written = fill(template, values)
    Path(path).write_bytes(data)
    category = {entry.id: entry.category for entry in mine}
    return pd.DataFrame({
        "entry_id": [w[0] for w in written],
        "category": [category[w[0]] for w in written],
        "judge_id": judge, "criterion_id": [w[1] for w in written],
        "score": [w[4] for w in written], "source_file": Path(path).name,
        "source_sheet": [w[2] for w in written], "source_cell": [w[3] for w in written]})


def generate(size: Size, root: Path = DEFAULT_ROOT, *, workers: int = 2,
             log: bool = True) -> Competition:
    """The competition of ``size`` under ``root``, generated unless already there."""
    comp = Competition(size, root / size.name)
    wanted = {"generator": GENERATOR_VERSION, **asdict(size)}
    wanted["per_judge"] = list(size.per_judge) if size.per_judge else None
    # the templates carry the rubric's fingerprint: a changed rubric model makes them again
    parsed, _ = parse_rubric(_rubric_text(size), "rubric")
    wanted["rubric"] = parsed.fingerprint if parsed is not None else ""
    if comp.manifest() == wanted and comp.truth.exists():
        return comp
    started = time.perf_counter()
    (comp.folder / "sheets").mkdir(parents=True, exist_ok=True)
    for old in comp.sheets:
        old.unlink()
    comp.rubric.write_text(_rubric_text(size), encoding="utf-8")
    entries = _entries(size)
    comp.entries.write_text(entries.to_csv(), encoding="utf-8")
    rubric = load_rubric(comp.rubric)
    leaves = [leaf.id for leaf in rubric.leaves]
    rng = np.random.default_rng(size.seed)
    quality = dict(zip([e.id for e in entries], rng.normal(70, 8, len(entries)), strict=True))
    lenience = rng.normal(0, 4, size.judges)
    by_id = entries.by_id
    jobs = []
    for j, ids in enumerate(assignment(size, entries, rng)):
        base = np.array([quality[i] for i in ids])[:, None] + lenience[j]
        marks = np.clip(np.rint(base + rng.normal(0, 6, (len(ids), len(leaves)))), 0, 100)
        path = comp.folder / "sheets" / f"juri_{j + 1:04d}.xlsx"
        mine = tuple(by_id[i] for i in ids)
        jobs.append((str(comp.rubric), mine, marks, leaves, f"Juri {j + 1:04d}", str(path)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(_judge_file, jobs, chunksize=max(1, len(jobs) // (8 * workers))))
    truth = table.concat(parts)
    truth.to_parquet(comp.truth, index=False)
    (comp.folder / "manifest.json").write_text(json.dumps(wanted, indent=1))
    if log:
        print(f"{size.name}: {len(jobs)} files, {len(truth):,} marks written in "
              f"{time.perf_counter() - started:.1f} s → {comp.folder}", file=sys.stderr)
    return comp


def sizes_from(text: str) -> list[Size]:
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in SIZES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown size(s) {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    return [SIZES[n] for n in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=sizes_from, default=sizes_from("city"),
                        help=f"comma-separated, from {', '.join(SIZES)}")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    for size in args.size:
        comp = generate(size, args.root, workers=args.workers)
        print(f"{size.name}: {comp.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
