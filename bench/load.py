"""Load test: many judges uploading their sheets to one competition at once, through the
same service the app uses, from several processes sharing one database.

Words used here:

- *competition*: a generated one (:func:`bench.generate.generate`, the ``national`` size by
  default: 300 judges, each a filled template of their own 45–91 entries), stored as a
  draft in the database at ``URL`` with every judge registered
  (:func:`scoring.workspace.assignments.add_judge`), as an organiser does.
- *upload*: one judge sending their sheet through their own link:
  :func:`scoring.workspace.judging.upload_sheet` with a judge actor
  (:func:`scoring.workspace.access.judge`), exactly as the app's judge page does. Its
  *time* is the wall time of that call, reading and checking the file included.
- *worker*: one separate process (an app server) that opens the database itself and runs its
  share of the judges' uploads on ``threads`` threads (the app's concurrent sessions). All
  workers start together (ready and go files); with ``--window`` each judge's upload starts
  at a random moment within that many seconds, otherwise as soon as a thread is free.
- *check*: afterwards, read back from the database: every judge has exactly one upload,
  version 1, accepted, whose stored scores are exactly the marks written into their file
  (nothing lost, nothing duplicated).

Run (the full size, PostgreSQL; the schema given through ``search_path`` must be empty)::

    python -m bench.load postgresql+psycopg://juri:juri-test@127.0.0.1:5432/juri_test \\
        --judges 300 --processes 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import DEFAULT_ROOT, SIZES, Competition, Size, generate
from scoring.identity import judge_key
from scoring.store import Archive, open_archive
from scoring.workspace import access, assignments, judging, release

REPO = Path(__file__).resolve().parents[1]
ORGANISER = access.organiser("panitia-beban")
LIMIT_SECONDS = 300.0
"""Every upload must be done within five minutes of the start."""
START_TIMEOUT = 180.0


@dataclass(frozen=True)
class Job:
    judge_id: int
    judge: str
    path: str
    start: float
    """Seconds after the go signal at which the judge uploads."""


@dataclass(frozen=True)
class Outcome:
    uploads: pd.DataFrame
    """One row per upload attempted: judge_id, judge, upload_id, status, version, seconds,
    error (empty when none), worker."""
    elapsed: float
    problems: list[str]
    """Why the check failed (empty: nothing lost, nothing duplicated)."""

    @property
    def p95(self) -> float:
        return float(np.percentile(self.uploads["seconds"], 95))


def competition_for(judges: int, root: Path) -> Competition:
    """The generated competition with ``judges`` judges: the national size for 300, else a
    smaller one of the same shape (about 17 entries per judge, 10–20 entries each)."""
    national = SIZES["national"]
    if judges == national.judges:
        return generate(national, root)
    size = Size(f"load-{judges}", max(20, judges * 2), judges, (10, 20))
    return generate(size, root, log=False)


def prepare(archive: Archive, comp: Competition) -> tuple[int, dict[str, int]]:
    """Store the competition and register its judges: (competition id, judge name -> id)."""
    competition_id, _ = release.create_competition(
        archive, ORGANISER, comp.rubric.read_text("utf-8"), comp.entries.read_text("utf-8"))
    names = [f"Juri {k + 1:04d}" for k in range(len(comp.sheets))]
    ids = {name: assignments.add_judge(archive, ORGANISER, competition_id, name)
           for name in names}
    return competition_id, ids


def plan(comp: Competition, ids: dict[str, int], processes: int, window: float,
         seed: int = 5) -> list[list[Job]]:
    """The judges' uploads dealt out to ``processes`` workers, each list by start time."""
    rng = np.random.default_rng(seed)
    starts = rng.uniform(0, window, len(ids)) if window > 0 else np.zeros(len(ids))
    jobs = [Job(ids[name], name, str(path), float(start))
            for (name, path, start) in zip(ids, comp.sheets, starts, strict=True)]
    shares = [jobs[k::processes] for k in range(processes)]
    return [sorted(share, key=lambda job: job.start) for share in shares]


def _upload(archive: Archive, competition_id: int, job: Job, go: float) -> dict[str, object]:
    delay = go + job.start - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    actor = access.judge(job.judge, job.judge_id, competition_id)
    data = Path(job.path).read_bytes()
    began = time.perf_counter()
    row: dict[str, object] = {"judge_id": job.judge_id, "judge": job.judge, "upload_id": -1,
                              "status": "", "version": 0, "error": ""}
    try:
        done = judging.upload_sheet(archive, actor, job.judge_id, Path(job.path).name, data)
        row.update(upload_id=done.receipt.upload_id, status=done.receipt.status,
                   version=done.receipt.version)
    except Exception as exc:  # every failure is reported by the check
        row["error"] = f"{type(exc).__name__}: {exc}"
    row["seconds"] = time.perf_counter() - began
    return row


def worker(url: str, competition_id: int, jobs_file: str, threads: int, ready: str,
           go: str) -> list[dict[str, object]]:
    """One app process: its uploads (see the module docstring), one dict per upload."""
    jobs = [Job(**job) for job in json.loads(Path(jobs_file).read_text("utf-8"))]
    with open_archive(url) as archive:
        Path(ready).write_text("ready\n", encoding="utf-8")
        deadline = time.monotonic() + START_TIMEOUT
        while not Path(go).exists():
            if time.monotonic() > deadline:
                raise TimeoutError("no go signal")
            time.sleep(0.005)
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            rows = list(pool.map(lambda job: _upload(archive, competition_id, job, started),
                                 jobs))
    return [{**row, "worker": os.getpid()} for row in rows]


def run(url: str, comp: Competition, *, processes: int = 2, threads: int = 4,
        window: float = 0.0, folder: Path | None = None) -> Outcome:
    """Prepare the competition in ``url``, run the workers together, check what is stored."""
    with open_archive(url) as archive:
        competition_id, ids = prepare(archive, comp)
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        where = Path(scratch)
        go = where / "go"
        children, readies = [], []
        for k, share in enumerate(plan(comp, ids, processes, window)):
            jobs_file = where / f"jobs-{k}.json"
            jobs_file.write_text(json.dumps([job.__dict__ for job in share]), "utf-8")
            readies.append(where / f"ready-{k}")
            children.append(subprocess.Popen(
                [sys.executable, "-m", "bench.load", "worker", url, str(competition_id),
                 str(jobs_file), "--threads", str(threads), "--ready", str(readies[-1]),
                 "--go", str(go)],
                cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        deadline = time.monotonic() + START_TIMEOUT
        while not all(path.exists() for path in readies):
            ended = [child for child in children if child.poll() is not None]
            if ended or time.monotonic() > deadline:
                for child in children:
                    child.kill()
                errors = [child.communicate()[1] for child in ended]
                raise RuntimeError(f"a worker did not start: {' '.join(errors)[-2000:]}")
            time.sleep(0.02)
        began = time.perf_counter()
        go.write_text("go\n", encoding="utf-8")
        rows: list[dict[str, object]] = []
        for child in children:
            out, err = child.communicate(timeout=LIMIT_SECONDS * 4)
            if child.returncode != 0:
                raise RuntimeError(f"a worker failed: {err[-2000:]}")
            rows += json.loads(out.strip().splitlines()[-1])
        elapsed = time.perf_counter() - began
    uploads = pd.DataFrame(rows)
    with open_archive(url) as archive:
        problems = check(archive, competition_id, comp, uploads)
    return Outcome(uploads, elapsed, problems)


def check(archive: Archive, competition_id: int, comp: Competition,
          attempted: pd.DataFrame) -> list[str]:
    """What is wrong with the stored uploads (empty: every judge's sheet kept exactly once,
    version 1, with exactly the marks written into it)."""
    problems = [f"{row.judge}: {row.error}" for row in attempted.itertuples() if row.error]
    stored = archive.uploads(competition_id)
    per_judge = stored.groupby("judge").size()
    names = [f"Juri {k + 1:04d}" for k in range(len(comp.sheets))]
    missing = sorted(set(names) - set(per_judge.index))
    twice = sorted(per_judge[per_judge > 1].index)
    problems += [f"lost: {name}" for name in missing]
    problems += [f"more than one upload: {name}" for name in twice]
    wrong = stored[(stored["version"] != 1) | (stored["status"] != "ok")]
    problems += [f"{row.judge}: version {row.version}, {row.status}"
                 for row in wrong.itertuples()]
    keys = ["judge", "entry_id", "criterion_id"]
    truth = pd.read_parquet(comp.truth, columns=["judge_id", "entry_id", "criterion_id",
                                                 "score"]).rename(columns={"judge_id": "judge"})
    found = archive.current_scores(competition_id).rename(columns={"judge_id": "judge"})
    found = found[[*keys, "score"]]
    for frame in (truth, found):
        frame["judge"] = frame["judge"].map(judge_key)
    if found.duplicated(keys).any():
        problems.append(f"{int(found.duplicated(keys).sum())} marks stored twice")
    merged = truth.merge(found.drop_duplicates(keys), on=keys, how="outer",
                         suffixes=("_written", "_stored"), indicator=True)
    lost = int((merged["_merge"] == "left_only").sum())
    extra = int((merged["_merge"] == "right_only").sum())
    both = merged[merged["_merge"] == "both"]
    changed = int((both["score_written"].astype(float) != both["score_stored"].astype(float))
                  .sum())
    problems += [f"{n} marks {what}" for n, what in
                 ((lost, "lost"), (extra, "stored but never written"), (changed, "changed"))
                 if n]
    return problems


def render(outcome: Outcome, processes: int, threads: int) -> str:
    seconds = outcome.uploads["seconds"]
    lines = [
        f"{len(outcome.uploads)} uploads from {processes} processes × {threads} threads in "
        f"{outcome.elapsed:.1f} s (limit {LIMIT_SECONDS:.0f} s)",
        f"time per upload: median {seconds.median():.2f} s, p95 {outcome.p95:.2f} s, "
        f"max {seconds.max():.2f} s",
    ]
    if outcome.problems:
        lines += ["FAIL:", *[f"  {p}" for p in outcome.problems[:50]]]
    elif outcome.elapsed > LIMIT_SECONDS:
        lines.append("FAIL: slower than five minutes")
    else:
        lines.append("PASS: nothing lost, nothing duplicated, one version per judge")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "worker":
        parser = argparse.ArgumentParser(prog="bench.load worker")
        parser.add_argument("url")
        parser.add_argument("competition_id", type=int)
        parser.add_argument("jobs")
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument("--ready", required=True)
        parser.add_argument("--go", required=True)
        a = parser.parse_args(argv[1:])
        rows = worker(a.url, a.competition_id, a.jobs, a.threads, a.ready, a.go)
        print(json.dumps(rows))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="database URL (an empty database or schema)")
    parser.add_argument("--judges", type=int, default=300)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--window", type=float, default=0.0,
                        help="spread the judges' starts over this many seconds")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    args = parser.parse_args(argv)
    comp = competition_for(args.judges, args.root)
    outcome = run(args.url, comp, processes=args.processes, threads=args.threads,
                  window=args.window)
    print(render(outcome, args.processes, args.threads))
    return 1 if outcome.problems or outcome.elapsed > LIMIT_SECONDS else 0


if __name__ == "__main__":
    raise SystemExit(main())
