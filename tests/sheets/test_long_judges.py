"""Long CSV tables and judges across files (issue 15's reading defects): the "judge from the
file's name" warning only when a row really had no judge, and a judge's files that score
different things (one per category) both read."""

from __future__ import annotations

from scoring.entries import Entries
from scoring.rubric import Rubric
from scoring.sheets import read_many

from .helpers import read


def long_csv(*rows: tuple[str, ...]) -> bytes:
    lines = ["Juri;Nama Peserta;Kriteria;Nilai", *(";".join(r) for r in rows)]
    return ("\n".join(lines) + "\n").encode()


def test_a_judge_column_equal_to_the_file_name_is_no_warning(
        poster: Rubric, poster_entries: Entries) -> None:
    data = long_csv(("juri_3", "Ani Rahayu", "Kebaruan ide", "8"),
                    ("juri_3", "Ani Rahayu", "Kerapian", "4"))
    frame, problems = read(data, poster, poster_entries, "juri_3.csv")
    # the column names the judge on every row: the file's name is not what was used
    assert problems == []
    assert set(frame.judge_id) == {"juri_3"} and len(frame) == 2


def test_a_row_without_a_judge_still_gets_the_warning(
        poster: Rubric, poster_entries: Entries) -> None:
    data = long_csv(("juri_3", "Ani Rahayu", "Kebaruan ide", "8"),
                    ("", "Ani Rahayu", "Kerapian", "4"))
    frame, problems = read(data, poster, poster_entries, "juri_3.csv")
    assert [(p.code, p.params["judge"]) for p in problems] == [
        ("layout.judge_from_file", "juri_3")]
    assert list(frame.judge_id) == ["juri_3", "juri_3"]


def test_a_judges_two_files_one_per_category_are_both_read(
        poster: Rubric, poster_entries: Entries) -> None:
    students = long_csv(("Siti Aminah", "Ani Rahayu", "Kebaruan ide", "8"),
                        ("Siti Aminah", "Bayu Pratama", "Kebaruan ide", "7"))
    open_class = long_csv(("Siti Aminah", "Citra Lestari", "Kebaruan ide", "6"))
    frame, problems = read_many([("pelajar.csv", students), ("umum.csv", open_class)],
                                poster, poster_entries)
    assert problems == []
    assert sorted(zip(frame.entry_id, frame.score, frame.source_file, strict=True)) == [
        ("p-ani", 8.0, "pelajar.csv"), ("p-bayu", 7.0, "pelajar.csv"),
        ("u-citra", 6.0, "umum.csv")]


def test_a_judges_second_file_scoring_the_same_thing_again_is_refused(
        poster: Rubric, poster_entries: Entries) -> None:
    first = long_csv(("Siti Aminah", "Ani Rahayu", "Kebaruan ide", "8"))
    again = long_csv(("siti  aminah", "Ani Rahayu", "Kebaruan ide", "9"),
                     ("siti  aminah", "Citra Lestari", "Kebaruan ide", "6"))
    frame, problems = read_many([("a.csv", first), ("b.csv", again)], poster, poster_entries)
    assert [(p.code, p.file, p.params["first_file"]) for p in problems] == [
        ("judge.duplicate", "b.csv", "a.csv")]
    # the whole second file's scores by that judge are left out, not only the overlap
    assert list(zip(frame.entry_id, frame.score, strict=True)) == [("p-ani", 8.0)]
