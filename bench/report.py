"""The scale benchmark's report: the targets checked, the summary printed, PERFORMANCE.md.

Words used here: a *run* is ``{size: {step: measured}}`` as :func:`bench.scale.measure`
gives it (``status``, ``seconds``, ``peak`` in bytes, facts, ``profile``); a *check* is one
target of issue 13 with its measured value and PASS/FAIL (:class:`Check`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.generate import SIZES
from bench.steps import STEPS

DOC = Path(__file__).resolve().parents[1] / "docs" / "PERFORMANCE.md"
MIB, GIB = 1024 ** 2, 1024 ** 3
Run = dict[str, dict[str, dict[str, object]]]


@dataclass(frozen=True)
class Check:
    size: str
    what: str
    value: str
    target: str
    passed: bool


def _ok(found: dict[str, object] | None) -> bool:
    return bool(found) and found.get("status") == "ok"  # type: ignore[union-attr]


def cell_time(found: dict[str, object]) -> str:
    if not _ok(found):
        return "–"
    seconds = float(found["seconds"])  # type: ignore[arg-type]
    if seconds >= 60:
        return f"{int(seconds // 60)} min {seconds % 60:.0f} s"
    return f"{seconds:.3f} s" if seconds < 1 else f"{seconds:.2f} s"


def cell_memory(found: dict[str, object]) -> str:
    if not _ok(found):
        return "–"
    peak = float(found["peak"])  # type: ignore[arg-type]
    return f"{peak / GIB:.2f} GiB" if peak >= GIB else f"{peak / MIB:.0f} MiB"


def facts(found: dict[str, object]) -> str:
    if not _ok(found):
        return str(found.get("status", "not run"))
    keep = ("rows", "cells", "problems", "exact", "ok", "exit", "written", "bytes")
    return ", ".join(f"{k} {found[k]}" for k in keep if k in found)


def _ratio(run: dict[str, dict[str, object]], top: str, bottom: str) -> float | None:
    a, b = run.get(top), run.get(bottom)
    if not (_ok(a) and _ok(b)) or not float(b["seconds"]):  # type: ignore[index,arg-type]
        return None
    return float(a["seconds"]) / float(b["seconds"])  # type: ignore[index,arg-type]


def checks(runs: Run) -> list[Check]:
    out: list[Check] = []
    for size, run in runs.items():
        for top, bottom, what, limit, at_most in (
                ("read", "floor", "read and check / calamine floor", 4.0, True),
                ("read_parallel", "floor", "parallel read / calamine floor", 4.0, True),
                ("plain", "read", "plain script / Juri's read", 3.0, False),
                ("score", "bare", "score() / bare arithmetic", 6.0, True)):
            if top not in run or bottom not in run:
                continue
            ratio = _ratio(run, top, bottom)
            sign = "≤" if at_most else "≥"
            passed = ratio is not None and (ratio <= limit if at_most else ratio >= limit)
            out.append(Check(size, what, "–" if ratio is None else f"{ratio:.1f} ×",
                             f"{sign} {limit:g} ×", passed))
        cli = run.get("cli")
        if cli is None:
            continue
        fine = _ok(cli) and cli.get("exit") == 0 and bool(cli.get("written"))
        if size == "national":
            out.append(Check(size, "CLI end to end, time", cell_time(cli), "< 15 s",
                             fine and float(cli["seconds"]) < 15))  # type: ignore[arg-type]
            out.append(Check(size, "CLI end to end, peak memory", cell_memory(cli),
                             "< 1.5 GiB", fine and float(cli["peak"]) < 1.5 * GIB))  # type: ignore[arg-type]
        elif size == "xl":
            out.append(Check(size, "CLI end to end, peak memory", cell_memory(cli), "< 4 GiB",
                             fine and float(cli["peak"]) < 4 * GIB))  # type: ignore[arg-type]
    return out


def _size_heading(size: str) -> str:
    s = SIZES[size]
    design = ("every judge scores every entry" if s.per_judge is None
              else f"{s.per_judge[0]}–{s.per_judge[1]} entries per judge")
    return f"{size}: {s.entries:,} entries, {s.judges:,} judges, {design}"


def _table(runs: Run) -> list[str]:
    sizes = list(runs)
    lines = ["| step | " + " | ".join(sizes) + " |", "|---|" + "---|" * len(sizes)]
    steps = [k for k in STEPS if any(k in run for run in runs.values())]
    for key in steps:
        cells = []
        for size in sizes:
            found = runs[size].get(key)
            if found is None:
                cells.append("")
            elif _ok(found):
                cells.append(f"{cell_time(found)}, {cell_memory(found)}")
            else:
                cells.append(str(found.get("status")))
        lines.append(f"| {STEPS[key].label} | " + " | ".join(cells) + " |")
    return lines


def summary(runs: Run, found: list[Check]) -> str:
    lines = [""] + [_size_heading(s) for s in runs] + ["", *_table(runs), ""]
    for check in found:
        lines.append(f"{'PASS' if check.passed else 'FAIL'}  {check.size:>8}  {check.what:<32}"
                     f" {check.value:>10}  (target {check.target})")
    return "\n".join(lines)


def _profiles(runs: Run) -> list[str]:
    lines: list[str] = []
    for size, run in runs.items():
        for key, found in run.items():
            profile = found.get("profile")
            if not profile:
                continue
            seconds = found.get("profiled_seconds")
            lines += ["", f"### {size} · {STEPS[key].label}", "",
                      f"Under the profiler: {float(seconds):.2f} s "  # type: ignore[arg-type]
                      f"(unprofiled {cell_time(found)}). Own time by file:", "",
                      "| file | own s |", "|---|---|"]
            lines += [f"| `{f}` | {s:.2f} |" for f, s in profile["files"][:6]]  # type: ignore[index]
            lines += ["", "| function | calls | own s | with callees s |", "|---|---|---|---|"]
            lines += [f"| `{w}` | {c:,} | {o:.2f} | {t:.2f} |"
                      for w, c, o, t in profile["functions"][:8]]  # type: ignore[index]
    return lines


def write_doc(runs: Run, found: list[Check], machine: dict[str, object], command: str,
              path: Path = DOC) -> Path:
    lines = [
        "# Performance at scale",
        "",
        "Made by one command, which generates the competitions (cached in /tmp/juri-bench) "
        "and measures every step in a fresh process of its own, one after the other, "
        "Juri and its references in the same run:",
        "",
        f"```bash\n{command}\n```",
        "",
        f"Machine: {machine['cpus']} CPUs, {machine['memory_gib']} GiB memory, Python "
        f"{machine['python']}, {machine['date']}; each step capped at "
        f"{machine['memory_cap_gib']} GiB of address space. Shared machines are noisy: "
        "compare the ratios measured in one run, not times across runs.",
        "",
        "## The competitions",
        "",
        *[f"- {_size_heading(s)}" for s in runs],
        "",
        "Each judge's file is a Juri template (`scoring.sheets.template.write_template`) "
        "with the marks typed in; the marks written and where are kept as the truth, and "
        "the read steps check that Juri gives exactly that table back (`exact`).",
        "",
        "## Time and peak memory per step",
        "",
        "Peak: the step's process's largest resident set while the step ran (inputs "
        "included); for the CLI, the command's own process.",
        "",
        *_table(runs),
        "",
        "## Targets (issue 13)",
        "",
        "| size | what | measured | target | |",
        "|---|---|---|---|---|",
        *[f"| {c.size} | {c.what} | {c.value} | {c.target} | {'PASS' if c.passed else 'FAIL'} |"
          for c in found],
        "",
        "## Many judges at once",
        "",
        "Not part of this run (it needs a PostgreSQL server): `python -m bench.load URL "
        "--judges 300 --processes 2` has the national competition's 300 judges upload their "
        "files through the app's own service (`scoring.workspace.judging.upload_sheet`, as "
        "judge actors) from two processes sharing the database, then checks that every "
        "judge's file is stored once, version 1, with exactly the marks written into it, and "
        "prints the 95th-percentile time per upload. `tests/workspace/test_load.py` runs it "
        "with 30 judges on SQLite and PostgreSQL.",
        "",
        "## Where the time goes",
        "",
        "cProfile of each step in a separate run (the profiler slows Python code more than "
        "C code, so shares are indicative).",
        *_profiles(runs),
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
