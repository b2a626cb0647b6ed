"""The entries registry: the sample list and every problem an entries file can have."""

from pathlib import Path

from scoring.entries import load_entries, parse_entries

ROOT = Path(__file__).resolve().parents[1]


def test_sample_list_has_31_agencies_and_27_kelurahan() -> None:
    entries = load_entries(ROOT / "data" / "entries_pekalongan_sample.csv")
    assert len(entries.in_category("OPD")) == 31
    assert len(entries.in_category("KEL")) == 27
    disdukcapil = entries.by_id["opd-disdukcapil"]
    assert disdukcapil.name == "Dinas Kependudukan dan Catatan Sipil"
    assert "Disdukcapil" in disdukcapil.aliases


def test_semicolons_comments_and_aliases() -> None:
    entries, problems = parse_entries("# note\nid;name;category;aliases\na;Alpha;X;A1|A 2\n")
    assert problems == [] and entries is not None
    assert entries.items[0].aliases == ("A1", "A 2")


def test_problems_name_the_row() -> None:
    text = "id,name,category\na,Alpha,X\na,Again,X\nb,,X\n"
    entries, problems = parse_entries(text, "e.csv")
    assert entries is None
    assert [(p.code, p.cell) for p in problems] == [
        ("entries.duplicate_id", "id3"), ("entries.empty_value", "name4")]
    assert problems[0].params["other"] == 2


def test_missing_columns_and_empty_file() -> None:
    _, problems = parse_entries("id,nama\n1,x\n")
    assert sorted(p.params["column"] for p in problems) == ["category", "name"]
    _, empty = parse_entries("# nothing\n")
    assert [p.code for p in empty] == ["entries.empty"]
