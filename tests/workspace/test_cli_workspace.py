"""``python -m scoring workspace``: create, add a judge, links, board, list, publish."""

from __future__ import annotations

import json

from scoring.cli import main

from .shared import ENTRIES_CSV, RUBRIC_TEXT, filled_sheet


def run(capsys, *argv: str) -> tuple[int, object]:
    code = main(["workspace", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_the_workspace_commands_print_json_and_publish_fails_on_a_rejected_file(
        tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("JURI_SECRET_KEY", "x" * 40)
    db = f"sqlite:///{tmp_path / 'real.db'}"
    rubric, entries = tmp_path / "rubric.yaml", tmp_path / "entries.csv"
    rubric.write_text(RUBRIC_TEXT, "utf-8")
    entries.write_text(ENTRIES_CSV, "utf-8")
    good, bad = tmp_path / "budi.xlsx", tmp_path / "rusak.xlsx"
    good.write_bytes(filled_sheet("Budi"))
    bad.write_bytes(b"not a workbook")
    code, made = run(capsys, "create", "--db", db, "--json", "--rubric", str(rubric),
                     "--entries", str(entries))
    assert code == 0 and made["created"] is True
    cid = str(made["competition_id"])
    assert run(capsys, "add-judge", cid, "Budi", "--db", db, "--json")[0] == 0
    code, issued = run(capsys, "links", cid, "--base-url", "https://juri.example",
                       "--db", db, "--json")
    assert issued[0]["url"].startswith("https://juri.example?judge=")
    code, rejected = run(capsys, "publish", "--db", db, "--json", "--rubric", str(rubric),
                         "--entries", str(entries), str(good), str(bad))
    assert (code, rejected["rejected"], rejected["revision"]) == (1, 1, None)
    code, published = run(capsys, "publish", "--db", db, "--json", "--rubric", str(rubric),
                          "--entries", str(entries), str(good))
    assert (code, published["revision"], published["created"]) == (0, 1, False)
    code, listed = run(capsys, "list", "--db", db, "--json")
    assert [c["status"] for c in listed] == ["published"]
    code, shown = run(capsys, "board", cid, "--db", db, "--json")
    assert [j["status"] for j in shown["judges"]] == ["complete"]
