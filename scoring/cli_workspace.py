"""``python -m scoring workspace …``: the shared workspace's workflows from a terminal.

Commands (each with ``--db URL`` and ``--json`` for automation):

- ``create-organiser USERNAME`` — the first (or another) organiser; the password is read
  from ``$JURI_NEW_PASSWORD`` or asked for without echo, never given on the command line.
- ``create --rubric FILE --entries FILE`` — store the competition as a draft.
- ``add-judge COMPETITION NAME [--agency A]``; ``links COMPETITION --base-url URL`` — issue
  every judge a new link and print it with a ready-to-send message (``$JURI_SECRET_KEY``).
- ``board COMPETITION [--xlsx FILE]``; ``list``.
- ``publish --rubric FILE --entries FILE SHEET… [--reason R]`` — keep the sheets and publish
  (or correct, with a reason). Exits 1 when any file was rejected (nothing published then).
- ``diff --competition ID --from A --to B`` — what changed between two revisions: places,
  totals, judges' files (:func:`scoring.workspace.revisions.revision_diff`).

The CLI runs with the server's rights: it acts as the ``system`` actor, and is logged so.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
from pathlib import Path

from scoring.store import open_archive
from scoring.store import people as stored_people
from scoring.workspace import accounts, assignments, board, links, release, revisions
from scoring.workspace.access import system

COMMAND = "workspace"
PASSWORD_ENV = "JURI_NEW_PASSWORD"
EXIT_OK, EXIT_REJECTED = 0, 1


def add_commands(commands: argparse._SubParsersAction) -> None:
    workspace = commands.add_parser(COMMAND, help="the shared workspace (organisers, judges)")
    sub = workspace.add_subparsers(dest="workspace_command", required=True)

    def common(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--db", help="database URL (default: $JURI_DATABASE_URL)")
        parser.add_argument("--json", action="store_true", help="print JSON")
        return parser

    common(sub.add_parser("create-organiser")).add_argument("username")
    create = common(sub.add_parser("create"))
    create.add_argument("--rubric", required=True, type=Path)
    create.add_argument("--entries", required=True, type=Path)
    judge = common(sub.add_parser("add-judge"))
    judge.add_argument("competition", type=int)
    judge.add_argument("name")
    judge.add_argument("--agency", default="")
    issued = common(sub.add_parser("links"))
    issued.add_argument("competition", type=int)
    issued.add_argument("--base-url", required=True)
    shown = common(sub.add_parser("board"))
    shown.add_argument("competition", type=int)
    shown.add_argument("--xlsx", type=Path)
    common(sub.add_parser("list"))
    publish = common(sub.add_parser("publish"))
    publish.add_argument("--rubric", required=True, type=Path)
    publish.add_argument("--entries", required=True, type=Path)
    publish.add_argument("sheets", nargs="+", type=Path, metavar="SHEET")
    publish.add_argument("--reason", default="")
    diff = common(sub.add_parser("diff", help="what changed between two revisions"))
    diff.add_argument("--competition", required=True, type=int)
    diff.add_argument("--from", dest="old", required=True, type=int)
    diff.add_argument("--to", dest="new", required=True, type=int)


def run(args: argparse.Namespace) -> int:
    actor, lang = system("cli"), getattr(args, "lang", "id")
    with open_archive(args.db) as archive:
        command = args.workspace_command
        if command == "create-organiser":
            password = os.environ.get(PASSWORD_ENV) or getpass.getpass()
            out: object = {"organiser_id": accounts.create_organiser(
                archive, args.username, password, by=actor), "username": args.username}
        elif command == "create":
            cid, created = release.create_competition(
                archive, actor, args.rubric.read_text("utf-8"), args.entries.read_text("utf-8"))
            out = {"competition_id": cid, "created": created}
        elif command == "add-judge":
            out = {"judge_id": assignments.add_judge(archive, actor, args.competition, args.name,
                                                     args.agency)}
        elif command == "links":
            secret = links.link_secret()
            competition = archive.competition(args.competition)
            with archive.reading() as conn:
                found = stored_people.judges(conn, args.competition)
            out = []
            for j in found:
                link = links.issue_link(archive, actor, j.id, secret)
                out.append({"judge": j.name, "url": link.url(args.base_url),
                            "expires_at": link.expires_at,
                            "message": link.message(args.base_url, competition.title,
                                                    competition.year, lang)})
        elif command == "board":
            found_board = board.board(archive, actor, args.competition, lang)
            if args.xlsx:
                args.xlsx.write_bytes(board.board_xlsx(found_board))
            out = {"judges": found_board.judges.to_dict("records"),
                   "entries": found_board.entries.to_dict("records")}
        elif command == "diff":
            found_diff = revisions.revision_diff(archive, actor, args.competition, args.old,
                                                 args.new, lang)
            out = found_diff.to_dict()
            if not args.json:
                print(found_diff.summary(lang))
        elif command == "list":
            out = archive.competitions().astype(object).where(
                lambda f: f.notna(), None).to_dict("records")
        else:
            files = [(p.name, p.read_bytes()) for p in args.sheets]
            done = release.publish_files(archive, actor, args.rubric.read_text("utf-8"),
                                         args.entries.read_text("utf-8"), files,
                                         reason=args.reason, lang=lang)
            out = {"competition_id": done.competition_id, "created": done.created,
                   "revision": done.revision, "rejected": done.rejected,
                   "files": [{"judge": r.judge, "status": r.status, "upload_id": r.upload_id}
                             for r in done.receipts]}
            _print(out, args.json)
            return EXIT_REJECTED if done.rejected else EXIT_OK
    _print(out, args.json)
    return EXIT_OK


def _print(out: object, as_json: bool) -> None:
    text = json.dumps(out, ensure_ascii=False, indent=None if as_json else 2, default=str)
    print(text)
