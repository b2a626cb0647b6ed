"""Separate processes for the reliability and concurrency tests (not a test itself).

    python -m tests.store.workers URL COMPETITION_ID JUDGE [--rows N] [--size BYTES]
        [--variant K] [--ready FILE --go FILE] [--pause SECONDS --pause-marker FILE]
    python -m tests.store.workers publish URL --sheet FILE… [--ready FILE --go FILE]
    python -m tests.store.workers correct URL COMPETITION_ID JUDGE_ID MARK
        [--ready FILE --go FILE]
    python -m tests.store.workers demo URL [--ready FILE --go FILE]

Opens the archive at URL, optionally writes FILE ``--ready`` and waits for FILE ``--go`` (so
that several workers start their uploads together), stores one upload of JUDGE (``--size``
bytes of stand-in file, ``--rows`` scores) and prints the receipt as one JSON line.
``--pause``: inside the upload's transaction, after the file's row and before the scores
(the archive's ``on_locked`` hook), write FILE ``--pause-marker`` and sleep, so that a test
can kill the process there.

The workspace tasks (the small competition of :mod:`tests.workspace.shared`, as its organiser):
``publish`` keeps the judges' sheets ``--sheet`` and publishes
(:func:`scoring.workspace.release.publish_files`);
``correct`` uploads judge JUDGE_ID's sheet with MARK in every cell and publishes a correction;
``demo`` opens URL as the demo database (:func:`scoring.workspace.demo.open_demo`). Each prints
one JSON line: what it returned, or ``{"refused": [codes]}``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from scoring.store import open_archive

from .helpers import sheet_bytes, sheet_scores

GO_TIMEOUT_SECONDS = 120
TASKS = ("publish", "correct", "demo")


def wait_for_go(ready: str | None, go: str | None) -> bool:
    """Write FILE ``ready`` and wait for FILE ``go`` (no wait without ``ready``); False when
    the go signal never came."""
    if not ready:
        return True
    Path(ready).write_text("ready\n", encoding="utf-8")
    deadline = time.monotonic() + GO_TIMEOUT_SECONDS
    while not Path(go or "").exists():
        if time.monotonic() > deadline:
            print("no go signal", file=sys.stderr)
            return False
        time.sleep(0.01)
    return True


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in TASKS:
        return workspace_task(argv)
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("competition_id", type=int)
    parser.add_argument("judge")
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--size", type=int, default=64 * 1024)
    parser.add_argument("--variant", type=int, default=1)
    parser.add_argument("--ready")
    parser.add_argument("--go")
    parser.add_argument("--pause", type=float)
    parser.add_argument("--pause-marker")
    args = parser.parse_args(argv)

    def pause() -> None:
        if args.pause_marker:
            Path(args.pause_marker).write_text("paused inside an upload transaction\n",
                                               encoding="utf-8")
        time.sleep(args.pause)

    archive = open_archive(args.url)
    data = sheet_bytes(args.judge, args.size, args.variant)
    scores = sheet_scores(args.judge, rows=args.rows, source_file=f"{args.judge}.xlsx")
    if not wait_for_go(args.ready, args.go):
        return 2
    receipt = archive.store_upload(args.competition_id, f"{args.judge}.xlsx", data, args.judge,
                                   "worker", scores,
                                   on_locked=pause if args.pause is not None else None)
    print(json.dumps({"upload_id": receipt.upload_id, "status": receipt.status,
                      "judge": receipt.judge, "version": receipt.version,
                      "score_count": receipt.score_count}))
    archive.close()
    return 0


def workspace_task(argv: list[str]) -> int:
    from scoring.problems import ProblemsError
    from scoring.workspace import judging, release
    from tests.workspace.shared import ENTRIES_CSV, ORGANISER, RUBRIC_TEXT, filled_sheet

    parser = argparse.ArgumentParser()
    parser.add_argument("task", choices=TASKS)
    parser.add_argument("url")
    parser.add_argument("competition_id", type=int, nargs="?")
    parser.add_argument("judge_id", type=int, nargs="?")
    parser.add_argument("mark", type=float, nargs="?")
    parser.add_argument("--sheet", action="append", default=[], type=Path)
    parser.add_argument("--ready")
    parser.add_argument("--go")
    args = parser.parse_args(argv)
    if args.task == "demo":
        from scoring.workspace import demo

        if not wait_for_go(args.ready, args.go):
            return 2
        with demo.open_demo(args.url) as opened:
            print(json.dumps({"competitions": len(opened.competitions())}))
        return 0
    archive = open_archive(args.url)
    files = [(path.name, path.read_bytes()) for path in args.sheet]
    if args.task == "correct":
        sheet = filled_sheet("Budi", args.mark)
    if not wait_for_go(args.ready, args.go):
        return 2
    try:
        if args.task == "publish":
            done = release.publish_files(archive, ORGANISER, RUBRIC_TEXT, ENTRIES_CSV, files)
            out: dict[str, object] = {"competition_id": done.competition_id,
                                      "created": done.created, "revision": done.revision}
        else:
            judging.upload_sheet(archive, ORGANISER, args.judge_id,
                                 f"budi-{args.mark}.xlsx", sheet)
            snapshot = release.correct(archive, ORGANISER, args.competition_id,
                                       f"koreksi {args.mark}")
            out = {"revision": snapshot.revision, "upload_ids": list(snapshot.upload_ids)}
    except ProblemsError as refused:
        out = {"refused": [p.code for p in refused.problems]}
    finally:
        archive.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
