"""National-scale benchmark: Juri against the fastest reader and a plain script, one command.

For each size (:data:`bench.generate.SIZES`), every step of :data:`bench.steps.STEPS` runs
in a fresh process of its own, one after the other (so steps neither share caches nor
memory, and all run under the same conditions): the step's inputs are loaded, the peak
resident memory is reset (``/proc/self/clear_refs``), the step is timed, and the process's
peak resident memory during the step is read (``VmHWM``; for the CLI step, the peak RSS of
the command's own process, from ``getrusage(RUSAGE_CHILDREN)``). A step process may use at
most ``--memory-cap`` of address space (default 6 GiB, so that one step cannot starve the
machine) and ``--timeout`` seconds; a step over either is reported as such and fails.

Words used here: *peak* is the process's largest resident set while the step ran (its
inputs included, since they stay resident); *ratio* is one step's time over another's in
the same run. The targets (issue 13, "Done when") are printed with PASS/FAIL:

- read and check ≤ 4 × the calamine floor; the plain script ≥ 3 × slower than Juri;
- ``score()`` ≤ 6 × the bare arithmetic;
- national: the CLI end to end < 15 s and < 1.5 GiB; XL: the CLI < 4 GiB.

``--profile`` runs each step once more under cProfile (in a fresh process) and reports
where its time goes; ``--write-doc`` writes docs/PERFORMANCE.md from this run.

Run: ``python -m bench.scale --size city,province --profile --write-doc``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import multiprocessing
import platform
import pstats
import resource
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import report
from bench.generate import DEFAULT_ROOT, SIZES, Competition, generate, sizes_from
from bench.steps import STEPS

GIB = 1024 ** 3
CLI_STEPS = ("cli", "cli_lean")
"""Steps that run the command line in a child process (measured there, never profiled)."""
TOP = 12
"""Functions listed per step profile."""


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _short(path: str) -> str:
    for marker in ("site-packages/", str(Path(__file__).resolve().parents[1]) + "/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def _profile_rows(profile: cProfile.Profile) -> dict[str, list[list[object]]]:
    stats = pstats.Stats(profile, stream=io.StringIO())
    rows = []
    by_file: dict[str, float] = {}
    for (file, line, name), (_, calls, own, total, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = f"{_short(file)}:{line}({name})"
        rows.append([where, calls, own, total])
        module = _short(file) if not file.startswith("~") else "(built-in)"
        by_file[module] = by_file.get(module, 0.0) + own
    rows.sort(key=lambda r: -r[2])  # type: ignore[operator]
    files = sorted(([f, s] for f, s in by_file.items()), key=lambda r: -r[1])  # type: ignore[operator]
    return {"functions": rows[:TOP], "files": files[:TOP]}


def _child(size: str, root: str, key: str, cap: int, profile: bool,
           conn: Any) -> None:
    """One step in this (fresh) process; sends back what was measured."""
    try:
        if cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        step = STEPS[key]
        state = step.setup(Competition(SIZES[size], Path(root) / size))
        if key in CLI_STEPS and cap:
            state["cap"] = cap
        before = _status_kib("VmRSS") * 1024
        exact_peak = _reset_peak()
        profiler = cProfile.Profile() if profile else None
        start = time.perf_counter()
        out = profiler.runcall(step.run, state) if profiler else step.run(state)
        seconds = time.perf_counter() - start
        peak = (_status_kib("VmHWM") if exact_peak else
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024
        facts = step.check(state, out)
        if key in CLI_STEPS:
            facts = dict(out)
            peak = int(out["child_peak"])  # type: ignore[arg-type]
        sent: dict[str, object] = {"status": "ok", "seconds": seconds, "peak": peak,
                                   "before": before, **facts}
        if profiler is not None:
            sent["profile"] = _profile_rows(profiler)
        conn.send(sent)
    except MemoryError:
        conn.send({"status": f"over the {cap / GIB:.0f} GiB memory cap"})
    except Exception as exc:  # reported as the step's failure
        conn.send({"status": f"failed: {exc!r}", "trace": traceback.format_exc()[-1500:]})


def run_step(size: str, root: Path, key: str, *, cap: int, timeout: float,
             profile: bool = False) -> dict[str, object]:
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(size, str(root), key, cap, profile, send))
    process.start()
    send.close()
    found: dict[str, object] | None = None
    if receive.poll(timeout):
        try:
            found = receive.recv()
        except EOFError:
            found = None
    if found is None:
        process.kill()
        process.join()
        code = process.exitcode
        return {"status": f"over the {timeout:.0f} s limit" if code in (None, -9)
                else f"died (exit {code})"}
    process.join()
    return found


def measure(size: str, root: Path, keys: list[str], *, cap: int, timeout: float,
            profile: bool, saved: Callable[[dict[str, dict[str, object]]], None] | None = None,
            log: bool = True) -> dict[str, dict[str, object]]:
    """Every step of ``keys`` at ``size``; ``saved`` is called after each with what is
    measured so far (a long run interrupted keeps its measurements)."""
    results: dict[str, dict[str, object]] = {}
    for key in keys:
        found = run_step(size, root, key, cap=cap, timeout=timeout)
        if profile and found.get("status") == "ok" and key not in CLI_STEPS:
            profiled = run_step(size, root, key, cap=cap, timeout=timeout, profile=True)
            found["profile"] = profiled.get("profile")
            found["profiled_seconds"] = profiled.get("seconds")
        results[key] = found
        if saved is not None:
            saved(results)
        if log:
            print(f"  {size:>8} {key:<14} {report.cell_time(found):>10} "
                  f"{report.cell_memory(found):>10}  {report.facts(found)}", file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=sizes_from, default=sizes_from("city,province"),
                        help=f"comma-separated, from {', '.join(SIZES)} (default city,province)")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"comma-separated, from {', '.join(STEPS)} (default all)")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT,
                        help="where generated competitions are kept (default /tmp/juri-bench)")
    parser.add_argument("--memory-cap", type=float, default=6.0, metavar="GIB")
    parser.add_argument("--timeout", type=float, default=1200.0, metavar="SECONDS")
    parser.add_argument("--profile", action="store_true",
                        help="also profile each step (a second run of each)")
    parser.add_argument("--write-doc", action="store_true",
                        help="write docs/PERFORMANCE.md from this run")
    parser.add_argument("--doc-only", action="store_true",
                        help="measure nothing: print the targets and write the doc from the "
                             "last run's results.json (also an interrupted run's)")
    args = parser.parse_args(argv)
    keys = [k.strip() for k in args.steps.split(",") if k.strip()]
    unknown = [k for k in keys if k not in STEPS]
    if unknown:
        parser.error(f"unknown step(s) {', '.join(unknown)}")
    cap = int(args.memory_cap * GIB)
    saved_at = args.root / "results.json"
    if args.doc_only:
        stored = json.loads(saved_at.read_text())
        runs, machine, command = stored["runs"], stored["machine"], stored["command"]
    else:
        machine = {"cpus": multiprocessing.cpu_count(), "python": platform.python_version(),
                   "memory_gib": round(_meminfo_gib(), 1), "memory_cap_gib": args.memory_cap,
                   "date": time.strftime("%Y-%m-%d")}
        command = "python -m bench.scale " + " ".join(
            argv if argv is not None else sys.argv[1:])
        runs = {}

        def save(size: str, results: dict[str, dict[str, object]]) -> None:
            runs[size] = results
            saved_at.write_text(json.dumps({"machine": machine, "command": command.strip(),
                                            "runs": runs}, indent=1, default=str))

        for size in args.size:
            comp = generate(size, args.root)
            print(f"{size.name}: {len(comp.sheets)} files in {comp.folder}", file=sys.stderr)
            measure(size.name, args.root, keys, cap=cap, timeout=args.timeout,
                    profile=args.profile,
                    saved=lambda results, name=size.name: save(name, results))
    checks = report.checks(runs)
    print(report.summary(runs, checks))
    if args.write_doc or args.doc_only:
        path = report.write_doc(runs, checks, machine, command.strip())
        print(f"written {path}", file=sys.stderr)
    return 0


def _meminfo_gib() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 ** 2
    return 0.0


if __name__ == "__main__":
    raise SystemExit(main())
