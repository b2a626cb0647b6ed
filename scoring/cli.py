"""The command line: ``python -m scoring template|score ...``.

Exit status: 0 with a result, 1 when errors block a result (the problems are printed),
2 for wrong usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from scoring import cli_archive, sheets
from scoring.entries import load_entries
from scoring.export import results_workbook
from scoring.i18n import LANGUAGES, format_number, t
from scoring.pipeline import score
from scoring.problems import ProblemsError, error, format_problems
from scoring.result import Result
from scoring.rubric import load_rubric
from scoring.sheets.template import write_template

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scoring",
                                     description=t("cli.description", "en"))
    parser.add_argument("--lang", choices=LANGUAGES, default="id",
                        help="language of messages and award names (default: id)")
    commands = parser.add_subparsers(dest="command", required=True)

    template = commands.add_parser("template", help="write judges' templates (.xlsx)")
    template.add_argument("--rubric", required=True, type=Path)
    template.add_argument("--entries", required=True, type=Path)
    who = template.add_mutually_exclusive_group(required=True)
    who.add_argument("--judge", help="the judge's name ('' for a template without a name)")
    who.add_argument("--all-judges", type=Path, metavar="JUDGES_TXT",
                     help="a text file with one judge name per line: one template each")
    template.add_argument("--out", required=True, type=Path,
                          help="the .xlsx file (--judge) or a folder (--all-judges)")

    run = commands.add_parser("score", help="read filled sheets and print the ranking")
    run.add_argument("--rubric", required=True, type=Path)
    run.add_argument("--entries", required=True, type=Path)
    run.add_argument("sheets", nargs="+", type=Path, metavar="SHEET")
    run.add_argument("--out", type=Path, help="write the results workbook (.xlsx)")
    run.add_argument("--json", type=Path, help="write the result as JSON")
    cli_archive.add_commands(commands)
    return parser


def _safe_name(name: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_ " else "_" for c in name).strip()
    return "_".join(keep.split()) or "juri"


def _template(args: argparse.Namespace) -> int:
    rubric, entries = load_rubric(args.rubric), load_entries(args.entries)
    if args.judge is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(write_template(rubric, entries, args.judge))
        print(t("cli.written", args.lang, path=args.out))
        return EXIT_OK
    names = [line.strip() for line in args.all_judges.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    if not names:
        print(t("cli.judges_file_empty", args.lang, path=args.all_judges), file=sys.stderr)
        return EXIT_USAGE
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = args.out / f"{rubric.id}_{_safe_name(name)}.xlsx"
        path.write_bytes(write_template(rubric, entries, name))
        print(t("cli.written", args.lang, path=path))
    return EXIT_OK


def print_ranking(result: Result, lang: str) -> None:
    for category in result.rubric.categories:
        print()
        print(t("cli.ranking_heading", lang, category=category.label(lang)))
        rows = result.category(category.id)
        width = max((len(n) for n in rows["name"]), default=10)
        for row in rows.to_dict("records"):
            rank = f"{row['rank']}{'=' if row['tied'] else ' '}"
            award = row["place"] or row["band"]
            rule = row["decided_by"]
            note = (f"  ({t('tiebreak.decided', lang, rule=result.tie_rule_label(rule, lang))})"
                    if rule else "")
            print(f"{rank:>4} {row['name']:<{width}}  {format_number(row['total'], lang):>8}"
                  f"  {award}{note}")


def _score(args: argparse.Namespace) -> int:
    rubric, entries = load_rubric(args.rubric), load_entries(args.entries)
    files = []
    for path in args.sheets:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            unreadable = error("file.unreadable", file=str(path), reason=str(exc))
            raise ProblemsError([unreadable]) from None
    table, problems = sheets.read_many(files, rubric, entries)
    result = score(rubric, entries, table, problems, lang=args.lang)
    if result.problems:
        print(format_problems(result.problems, args.lang), file=sys.stderr)
    if args.json:
        args.json.write_text(result.to_json(args.lang), encoding="utf-8")
        print(t("cli.written", args.lang, path=args.json))
    if not result.ok:
        print(t("cli.blocked", args.lang), file=sys.stderr)
        return EXIT_BLOCKED
    print_ranking(result, args.lang)
    print()
    print(t("cli.fingerprint", args.lang, fingerprint=result.fingerprint))
    if args.out:
        args.out.write_bytes(results_workbook(result, args.lang))
        print(t("cli.written", args.lang, path=args.out))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command in cli_archive.COMMANDS:
            return cli_archive.run(args)
        return _template(args) if args.command == "template" else _score(args)
    except ProblemsError as exc:
        print(format_problems(exc.problems, args.lang), file=sys.stderr)
        return EXIT_BLOCKED
