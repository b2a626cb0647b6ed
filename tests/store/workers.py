"""A separate process that stores one upload, for the reliability tests (not a test itself).

    python -m tests.store.workers URL COMPETITION_ID JUDGE [--rows N] [--size BYTES]
        [--variant K] [--ready FILE --go FILE] [--pause SECONDS --pause-marker FILE]

Opens the archive at URL, optionally writes FILE ``--ready`` and waits for FILE ``--go`` (so
that several workers start their uploads together), stores one upload of JUDGE (``--size``
bytes of stand-in file, ``--rows`` scores) and prints the receipt as one JSON line.
``--pause``: inside the upload's transaction, after the file's row and before the scores
(the archive's ``on_locked`` hook), write FILE ``--pause-marker`` and sleep, so that a test
can kill the process there.
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


def main(argv: list[str] | None = None) -> int:
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
    if args.ready:
        Path(args.ready).write_text("ready\n", encoding="utf-8")
        deadline = time.monotonic() + GO_TIMEOUT_SECONDS
        while not Path(args.go).exists():
            if time.monotonic() > deadline:
                print("no go signal", file=sys.stderr)
                return 2
            time.sleep(0.01)
    receipt = archive.store_upload(args.competition_id, f"{args.judge}.xlsx", data, args.judge,
                                   "worker", scores,
                                   on_locked=pause if args.pause is not None else None)
    print(json.dumps({"upload_id": receipt.upload_id, "status": receipt.status,
                      "judge": receipt.judge, "version": receipt.version,
                      "score_count": receipt.score_count}))
    archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
