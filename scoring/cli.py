"""The command line: ``python -m scoring template|score|detect|report|plan ...``.

Exit status: 0 with a result, 1 when errors block a result (the problems are printed),
2 for wrong usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import pandas as pd

from scoring import cli_archive, cli_workspace, documents, mappings, planner, sheets
from scoring.documents.settings import load_settings, settings_path
from scoring.documents.workbook import results_workbook
from scoring.entries import Entries, load_entries
from scoring.i18n import LANGUAGES, format_number, t
from scoring.inputs import load_inputs
from scoring.pipeline import score
from scoring.problems import ProblemsError, error, format_problems
from scoring.result import Result
from scoring.rubric import Rubric, load_rubric
from scoring.sheets.parallel import Progress, read_many_parallel
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
    _competition_inputs(run)
    run.add_argument("--out", type=Path, help="write the results workbook (.xlsx)")
    run.add_argument("--json", type=Path, help="write the result as JSON")
    _score_options(run)

    found = commands.add_parser(
        "detect", help="write how Juri reads a judge's own workbook, as a mapping to edit")
    found.add_argument("--rubric", required=True, type=Path)
    found.add_argument("--entries", required=True, type=Path)
    found.add_argument("sheet", type=Path, metavar="SHEET")
    found.add_argument("--out", type=Path, help="the mapping file (.yaml); default: print it")
    report = commands.add_parser("report", help="write a document of the result (pdf, docx)")
    _competition_inputs(report)
    report.add_argument("--kind", required=True, choices=documents.KINDS)
    report.add_argument("--format", dest="fmt", choices=sorted(documents.MIME),
                        help="default: the kind's usual format (feedback: a zip of PDFs)")
    report.add_argument("--settings", type=Path, metavar="YAML",
                        help="document settings (default: <rubric>.documents.yaml if present)")
    report.add_argument("--out", type=Path, help="the file (default: its name, here)")
    report.add_argument("--db", metavar="URL",
                        help="the archive for the feedback reports' change since the latest "
                             "earlier year (default: none)")
    _score_options(report)
    planned = commands.add_parser(
        "plan", help="judges per entry for next year (chance the best entry wins)")
    _competition_inputs(planned)
    planned.add_argument("--target", type=float, default=planner.TARGET,
                         help="chance that each category's winner is truly the best")
    planned.add_argument("--judges", type=int, help="judges available (default: this year's)")
    planned.add_argument("--json", action="store_true", help="print the plan as JSON")
    cli_archive.add_commands(commands)
    cli_workspace.add_commands(commands)
    return parser


def _competition_inputs(parser: argparse.ArgumentParser) -> None:
    """The inputs every command that scores takes: rubric, entries, sheets, mappings and the
    entries' values that are not judged."""
    parser.add_argument("--rubric", required=True, type=Path)
    parser.add_argument("--entries", required=True, type=Path)
    parser.add_argument("sheets", nargs="+", type=Path, metavar="SHEET")
    parser.add_argument("--inputs", type=Path, metavar="FILE",
                        help="the entries' values that are not judged (the rubric's "
                             "'inputs'): a sheet or CSV with an entry id or name column and "
                             "one per input")
    parser.add_argument("--mapping", type=Path, action="append", default=[], metavar="YAML",
                        help="read judges' own workbooks by this mapping file (repeatable; "
                             "each applies to the files its 'file:' names, default all)")


def _score_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--scores-sheet", choices=("yes", "no"), default="yes",
                         help="results workbook: include the sheet of every judge's raw score "
                              "(one row per mark; 'no' for national competitions)")
    command.add_argument("--progress", action="store_true",
                         help="show the files being read on stderr even when it is not a "
                              "terminal (on a terminal it is always shown)")


def progress_printer(lang: str, forced: bool = False, stream: TextIO | None = None
                     ) -> Progress | None:
    """What shows the files being read (:data:`scoring.sheets.parallel.Progress`) on
    ``stream`` (default stderr): on a terminal one line rewritten in place, ended when the
    last file is read; elsewhere one line per file, and only when ``forced``; else None."""
    out = stream if stream is not None else sys.stderr
    live = out.isatty()
    if not live and not forced:
        return None

    def show(done: int, total: int, filename: str) -> None:
        text = t("cli.progress", lang, done=done, total=total, file=filename)
        if live:
            out.write("\r\x1b[K" + text + ("\n" if done == total else ""))
        else:
            out.write(text + "\n")
        out.flush()

    return show


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
            rank = (f"{int(row['rank'])}{'=' if row['tied'] else ' '}"
                    if pd.notna(row["rank"]) else "– ")
            award = row["place"] or row["band"]
            rule = row["decided_by"]
            note = (f"  ({t('tiebreak.decided', lang, rule=result.tie_rule_label(rule, lang))})"
                    if rule else "")
            if result.stages and row["reached"] != result.rubric.stages[-1].id:
                note += "  " + (row["reason"] or t("stage.stopped", lang, stage=result.rubric
                                                   .stage(row["reached"]).label(lang)))
            print(f"{rank:>4} {row['name']:<{width}}  {format_number(row['deciding'], lang):>8}"
                  f"  {award}{note}")


def _result(args: argparse.Namespace) -> tuple[Result, list[tuple[str, bytes]]]:
    rubric, entries = load_rubric(args.rubric), load_entries(args.entries)
    files = cli_archive.read_files(args.sheets)
    table, problems = read_many_parallel(
        files, rubric, entries, mappings=_mappings(args.mapping, rubric, entries),
        progress=progress_printer(args.lang, getattr(args, "progress", False)))
    values = None
    if args.inputs is not None:
        values, found = load_inputs(args.inputs, rubric, entries)
        problems = [*problems, *found]
    return score(rubric, entries, table, problems, lang=args.lang,
                 entry_inputs=values), files


def _report(args: argparse.Namespace) -> int:
    settings = load_settings(args.settings or settings_path(args.rubric),
                             required=args.settings is not None)
    fmt = args.fmt or documents.FORMATS[args.kind][0]
    if fmt not in documents.FORMATS[args.kind]:
        print(t("documents.cli.kind_format", args.lang, kind=args.kind, fmt=fmt),
              file=sys.stderr)
        return EXIT_USAGE
    result, files = _result(args)
    if result.problems:
        print(format_problems(result.problems, args.lang), file=sys.stderr)
    if not result.ok:
        print(t("cli.blocked", args.lang), file=sys.stderr)
        return EXIT_BLOCKED
    comments = (documents.comments_of(files, result.rubric, result.entries)
                if args.kind == "feedback" else None)
    if args.kind == "workbook":  # the one document with a choice of sheets
        name = f"{result.rubric.id}_workbook.xlsx"
        data = results_workbook(result, args.lang, scores_sheet=args.scores_sheet == "yes")
    else:
        name, data, _ = documents.build(args.kind, result, settings, fmt, args.lang,
                                        comments=comments, previous=_previous(args, result))
    out = args.out or Path(name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(t("cli.written", args.lang, path=out))
    return EXIT_OK


def _previous(args: argparse.Namespace, result: Result
              ) -> dict[str, tuple[int, int, float]] | None:
    """The feedback reports' earlier results, from the archive at ``--db`` when given."""
    if args.kind != "feedback" or not args.db:
        return None
    from scoring.store import open_archive
    from scoring.workspace.archive import previous_results

    with open_archive(args.db) as archive:
        return previous_results(archive, result.rubric.year,
                                [entry.id for entry in result.entries])


def _score(args: argparse.Namespace) -> int:
    result, _ = _result(args)
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
        args.out.write_bytes(results_workbook(result, args.lang,
                                              scores_sheet=args.scores_sheet == "yes"))
        print(t("cli.written", args.lang, path=args.out))
    return EXIT_OK


def _plan(args: argparse.Namespace) -> int:
    result, _ = _result(args)
    if result.judge_totals.empty:
        print(format_problems(result.problems, args.lang), file=sys.stderr)
        return EXIT_BLOCKED
    table, assumptions = planner.plan_for(result, target=args.target, judges=args.judges)
    if args.json:
        print(json.dumps({"target": args.target,
                          "assumptions": assumptions.to_dict("records"),
                          "plan": table.to_dict("records")}, indent=2, default=float))
        return EXIT_OK
    print(t("fairness.plan.assumptions", args.lang))
    for row in assumptions.to_dict("records"):
        print(t("fairness.plan.model", args.lang, **{
            k: format_number(v, args.lang, 2) if isinstance(v, float) else v
            for k, v in row.items()}))
    for category, rows in table.groupby("category", sort=True):
        chosen = rows[rows["recommended"]]
        best = rows.iloc[-1]
        key = "fairness.plan.recommend" if len(chosen) else "fairness.plan.out_of_reach"
        row = chosen.iloc[0] if len(chosen) else best
        print(t(key, args.lang, category=category, per_entry=int(row["per_entry"]),
                per_judge=int(row["entries_per_judge"]), judges=int(row["judges"]),
                percent=format_number(100 * row["p_best_wins"], args.lang, 1),
                target=format_number(100 * args.target, args.lang, 0)))
    return EXIT_OK


def _mappings(paths: Sequence[Path], rubric: Rubric, entries: Entries) -> list[sheets.Mapping]:
    """The mapping files given with ``--mapping``; every problem in any of them at once."""
    found, problems = [], []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(error("file.unreadable", file=str(path), reason=str(exc)))
            continue
        mapping, wrong = sheets.mapping_from_yaml(text, str(path), rubric, entries)
        problems += wrong
        if mapping is not None:
            found.append(mapping)
    if problems:
        raise ProblemsError(problems)
    return found


def _detect(args: argparse.Namespace) -> int:
    rubric, entries = load_rubric(args.rubric), load_entries(args.entries)
    try:
        data = args.sheet.read_bytes()
    except OSError as exc:
        raise ProblemsError([error("file.unreadable", file=str(args.sheet),
                                   reason=str(exc))]) from None
    name = args.sheet.name
    found = sheets.detect(data, name, rubric, entries)
    if found.problems:
        print(format_problems(found.problems, args.lang), file=sys.stderr)
    if found.layout == "juri-template":
        print(t("mapping_app.cli.template", args.lang, file=name))
        return EXIT_OK
    if found.layout != "sheets":
        print(t("mapping_app.cli.refused", args.lang, file=name), file=sys.stderr)
        return EXIT_BLOCKED
    for sheet in found.mapping.sheets:
        print(t("mapping_app.cli.sheet", args.lang, sheet=sheet.sheet,
                about=mappings.sheet_text(sheet, args.lang)), file=sys.stderr)
    print(t("mapping_app.cli.read", args.lang, count=len(found.table)), file=sys.stderr)
    if found.confirmations:
        print(t("mapping_app.cli.pending", args.lang, count=len(found.confirmations)),
              file=sys.stderr)
        for item in found.confirmations:
            print(f"  {mappings.confirmation_text(item, args.lang)}", file=sys.stderr)
    text = mappings.detected_yaml(found, args.lang)
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(t("cli.written", args.lang, path=args.out))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == cli_workspace.COMMAND:
            return cli_workspace.run(args)
        if args.command in cli_archive.COMMANDS:
            return cli_archive.run(args)
        if args.command == "detect":
            return _detect(args)
        if args.command == "report":
            return _report(args)
        if args.command == "plan":
            return _plan(args)
        return _template(args) if args.command == "template" else _score(args)
    except ProblemsError as exc:
        print(format_problems(exc.problems, args.lang), file=sys.stderr)
        return EXIT_BLOCKED
