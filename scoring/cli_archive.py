"""The archive's commands: ``python -m scoring publish|history|import-results|seed-sample``.

Every command takes ``--db URL`` (default: ``$JURI_DATABASE_URL``, else ``data/juri.db``),
except ``seed-sample``, which loads the sample into the demo database only (default:
``$JURI_DEMO_DATABASE_URL``, else ``data/demo.db``; a database with real data is refused).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from scoring.entries import load_entries
from scoring.i18n import format_number, t
from scoring.problems import ProblemsError, error, format_problems
from scoring.rubric import load_rubric
from scoring.store import open_archive, standings_by_year
from scoring.store.imports import import_past_results
from scoring.workspace import demo, release
from scoring.workspace.access import system

COMMANDS = ("publish", "history", "import-results", "seed-sample")


def add_commands(commands: argparse._SubParsersAction) -> None:
    def with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--db", help="database URL (default: $JURI_DATABASE_URL or "
                                         "sqlite:///data/juri.db)")
        return parser

    publish = with_db(commands.add_parser(
        "publish", help="keep the judges' sheets in the archive and publish the result"))
    publish.add_argument("--rubric", required=True, type=Path)
    publish.add_argument("--entries", required=True, type=Path)
    publish.add_argument("sheets", nargs="+", type=Path, metavar="SHEET")
    publish.add_argument("--by", default="", help="who publishes (recorded)")
    publish.add_argument("--reason", default="",
                         help="why, when correcting an already published result")

    history = with_db(commands.add_parser("history", help="rank and total by year"))
    history.add_argument("--category")
    history.add_argument("--entry", help="one entry id, followed through its renames")
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")

    past = with_db(commands.add_parser("import-results",
                                       help="import a past year's results (CSV or xlsx)"))
    past.add_argument("file", type=Path)
    past.add_argument("--year", required=True, type=int)
    past.add_argument("--title", help="the competition's title (default: from the file name)")
    past.add_argument("--category", help="the category of every row, if the file has none")
    past.add_argument("--by", default="")

    commands.add_parser("seed-sample", help="create the demo database with the sample's "
                                             "three years").add_argument(
        "--db", help="the demo database's URL (default: $JURI_DEMO_DATABASE_URL or "
                     "sqlite:///data/demo.db)")


def run(args: argparse.Namespace) -> int:
    if args.command == "seed-sample":
        return _seed(args)
    archive = open_archive(args.db)
    try:
        return {"publish": _publish, "history": _history,
                "import-results": _import}[args.command](archive, args)
    finally:
        archive.close()


def read_files(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    """``(name, bytes)`` of each judge's file; one that cannot be read stops the command with
    a ``file.unreadable`` problem naming it (never a traceback)."""
    files = []
    for path in paths:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            raise ProblemsError([error("file.unreadable", file=str(path),
                                       reason=str(exc))]) from None
    return files


def _publish(archive, args: argparse.Namespace) -> int:
    """Exit 0 when published (or corrected), 1 when a file was rejected (kept, nothing
    published) or the publication was refused (problems on stderr, e.g. a correction that
    changes nothing)."""
    load_rubric(args.rubric)  # a broken file's problems name it
    entries = load_entries(args.entries)
    files = read_files(args.sheets)
    # the same workflow as the workspace's: found or created under its unique key, every file
    # kept, then published from the recorded uploads (or corrected with a reason)
    report = release.publish_files(archive, system(args.by), args.rubric.read_text("utf-8"),
                                   entries.to_csv(), files,
                                   reason=args.reason, lang=args.lang)
    for done in report.submissions:
        problems = [*done.problems, *done.receipt.problems]
        print(t("cli.upload", args.lang, file=done.filename, judge=done.receipt.judge,
                status=t(f"cli.upload.{done.receipt.status}", args.lang)))
        if problems:
            print(format_problems(problems, args.lang))
    if report.revision is None:
        print(t("cli.publish_rejected", args.lang, rejected=report.rejected),
              file=sys.stderr)
        return 1
    print(t("cli.published", args.lang, id=report.competition_id, revision=report.revision))
    return 0


def _history(archive, args: argparse.Namespace) -> int:
    frame = standings_by_year(archive, category=args.category)
    if args.entry:
        frame = frame[frame["group_id"] == args.entry]
    if args.json:
        records = frame.astype(object).where(frame.notna(), None).to_dict("records")
        print(json.dumps(records, ensure_ascii=False, indent=2, default=str))
        return 0
    if frame.empty:
        print(t("cli.history_empty", args.lang))
        return 0
    shown = frame.assign(cell=[f"{int(r)}{'=' if tied else ''} ({format_number(v, args.lang)})"
                               if pd.notna(r) else "–"
                               for r, tied, v in zip(frame["rank"], frame["tied"],
                                                     frame["total"], strict=True)])
    table = shown.pivot_table(index=["category", "name"], columns="year", values="cell",
                              aggfunc="first").fillna("")
    print(table.to_string())
    return 0


def _import(archive, args: argparse.Namespace) -> int:
    title = args.title or args.file.stem
    report = import_past_results(archive, args.file.read_bytes(), args.file.name,
                                 year=args.year, title=title, imported_by=args.by,
                                 category=args.category)
    if report.problems:
        print(format_problems(report.problems, args.lang))
    if not report.ok:
        return 1
    print(t("cli.imported", args.lang, rows=report.rows, year=args.year,
            id=report.competition_id))
    return 0


def _seed(args: argparse.Namespace) -> int:
    archive = demo.open_demo(args.db)
    try:
        print(t("cli.seeded", args.lang, url=archive.url))
    finally:
        archive.close()
    return 0

