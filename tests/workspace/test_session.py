"""The workflow from a competition's files to its outcome (scoring/workspace/session.py):
the inputs kept as they came, uploads refused before reading, the sheets read, the cache."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scoring.workspace import session

OPD_WINNER = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"


def test_sample_competition_is_complete_and_scores(sample) -> None:
    competition = session.sample_competition()
    assert competition.source == "sample"
    assert len(competition.files) == 5
    assert sample.ok and not sample.problems
    assert sample.result.category("OPD").iloc[0]["name"] == OPD_WINNER


def test_competition_keys_follow_content_only() -> None:
    a = session.sample_competition()
    b = session.sample_competition()
    assert a.key == b.key
    changed = a.with_files([(name, data + b"x") for name, data in a.files])
    assert changed.key != a.key and changed.rubric_key == a.rubric_key
    assert changed.source == "upload"
    renamed = a.with_files([("lain.xlsx", a.files[0][1]), *a.files[1:]], source="sample")
    assert renamed.files_key != a.files_key


@pytest.mark.parametrize(("value", "expected"), [
    (None, session.DEFAULT_MAX_UPLOAD_MB), ("", session.DEFAULT_MAX_UPLOAD_MB),
    ("12", 12), ("0", session.DEFAULT_MAX_UPLOAD_MB), ("-3", session.DEFAULT_MAX_UPLOAD_MB),
    ("lima", session.DEFAULT_MAX_UPLOAD_MB),
])
def test_upload_limit_from_the_environment(value: str | None, expected: int) -> None:
    environ = {} if value is None else {session.MAX_UPLOAD_ENV: value}
    assert session.max_upload_mb(environ) == expected


def test_size_problems_name_the_file_in_both_languages() -> None:
    problems = session.size_problems([("a.xlsx", b"x" * 10), ("b.xlsx", b"x" * 3000)], 2048)
    assert [p.file for p in problems] == ["b.xlsx"]
    assert problems[0].is_error
    assert "0,0 MB" in problems[0].message("id") and "batas 0 MB" in problems[0].message("id")
    assert "0.0 MB" in problems[0].message("en")


def test_text_upload_refuses_binary_and_oversized() -> None:
    assert session.text_upload("r.yaml", b"id: x", 100) == ("id: x", [])
    text, problems = session.text_upload("r.yaml", b"\xff\xfe\x00bad", 100)
    assert text is None and problems[0].code == "app.upload.not_text"
    text, problems = session.text_upload("r.yaml", b"x" * 200, 100)
    assert text is None and problems[0].code == "app.upload.too_large"


def test_read_sheets_reports_progress_and_refuses_before_parsing(sample) -> None:
    files = session.sample_competition().files
    seen = []
    table, problems = session.read_sheets(
        files, sample.rubric, sample.entries, max_bytes=session.MB,
        on_file=lambda i, n, name: seen.append((i, n, name)))
    assert seen == [(i, 5, name) for i, (name, _) in enumerate(files)]
    assert len(table) == len(sample.scores) and not problems
    # too large: a problem, not read at all
    seen.clear()
    table, problems = session.read_sheets(
        [("besar.xlsx", files[0][1])], sample.rubric, sample.entries, max_bytes=1000,
        on_file=lambda i, n, name: seen.append(name))
    assert table.empty and seen == []
    assert [p.code for p in problems] == ["app.upload.too_large"]


def test_read_sheets_refuses_what_the_safety_check_refuses(sample) -> None:
    table, problems = session.read_sheets(
        [("gambar.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)], sample.rubric, sample.entries,
        max_bytes=session.MB)
    assert table.empty
    assert problems and all(p.file == "gambar.xlsx" for p in problems)
    assert any(p.code.startswith("safety.") for p in problems)


def test_content_cache_is_an_lru() -> None:
    cache = session.ContentCache(size=2)
    made = []

    def make(value: str) -> Callable[[], str]:
        return lambda: made.append(value) or value

    assert cache.get_or_make("a", make("A")) == "A"
    assert cache.get_or_make("a", make("other")) == "A"
    cache.get_or_make("b", make("B"))
    cache.get_or_make("a", make("A"))  # a is now the most recent
    cache.get_or_make("c", make("C"))  # b goes
    assert "a" in cache and "c" in cache and "b" not in cache
    assert made == ["A", "B", "C"]


def test_broken_inputs_give_problems_not_a_result() -> None:
    competition = session.sample_competition().with_rubric("rusak.yaml", "id: [unclosed")
    outcome = session.run_competition(competition)
    assert outcome.result is None and not outcome.ok
    assert outcome.errors[0].code == "rubric.invalid_yaml"
    assert outcome.errors[0].file == "rusak.yaml"
