"""Progress while the command line reads judges' files: on a terminal one line rewritten in
place, elsewhere nothing unless ``--progress`` (then one line per file), always on stderr."""
# ruff: noqa: F811 - the competition fixture imported from tests.test_cli is a parameter here

from __future__ import annotations

import io

from scoring.cli import progress_printer
from tests.test_cli import POSTER, competition, run  # noqa: F401 - a fixture


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_shown_off_a_terminal_unless_asked() -> None:
    assert progress_printer("en", stream=io.StringIO()) is None
    out = io.StringIO()
    show = progress_printer("en", forced=True, stream=out)
    assert show is not None
    show(1, 2, "a.xlsx")
    show(2, 2, "b.xlsx")
    assert out.getvalue() == "Reading file 1/2: a.xlsx\nReading file 2/2: b.xlsx\n"


def test_a_terminal_gets_one_line_rewritten_and_ended_after_the_last_file() -> None:
    out = Terminal()
    show = progress_printer("id", stream=out)
    assert show is not None
    for done, name in enumerate(("a.xlsx", "b.xlsx", "c.xlsx"), start=1):
        show(done, 3, name)
    text = out.getvalue()
    assert text == ("\r\x1b[KMembaca berkas 1/3: a.xlsx"
                    "\r\x1b[KMembaca berkas 2/3: b.xlsx"
                    "\r\x1b[KMembaca berkas 3/3: c.xlsx\n")


def test_score_shows_each_file_read_on_stderr_with_progress(competition, capsys) -> None:
    sheets = [competition["s0"], competition["s1"], competition["s2"]]
    common = ["--lang", "en", "score", "--rubric", POSTER, "--entries",
              competition["entries"], *sheets]
    assert run(*common) == 0
    # pytest's captured stderr is not a terminal: nothing shown
    assert "Reading file" not in capsys.readouterr().err
    assert run(*common, "--progress") == 0
    captured = capsys.readouterr()
    shown = [line for line in captured.err.splitlines() if line.startswith("Reading file")]
    assert shown == [f"Reading file {k}/3: {path.name}" for k, path in enumerate(sheets, 1)]
    assert "Reading file" not in captured.out
