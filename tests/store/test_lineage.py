"""Renames, merges and splits of entries across the years."""

from __future__ import annotations

import pytest

from scoring.entries import Entry
from scoring.store import (
    StoreRefusedError,
    ancestors,
    descendants,
    lineage_graph,
    lineage_links,
    link_entries,
)

from .helpers import NEW_KELURAHAN, OLD_KELURAHAN, register_and_link_the_2015_merge


@pytest.fixture
def agencies(archive):
    archive.register_entries([Entry(i, f"Dinas {i}", "OPD") for i in
                              ("bappeda", "bapperida", "brida", "dinas-x", "dinas-y",
                               "dinas-xy", "dinkes")], 2014)
    return archive


def test_a_chain_of_renames_is_followed_both_ways(agencies):
    assert link_entries(agencies, "rename", "bappeda", "bapperida", 2017) == 1
    assert link_entries(agencies, "rename", ["bapperida"], ["brida"], 2021, "Perwal 2021") == 1
    assert ancestors(agencies, "brida") == ["bapperida", "bappeda"]
    assert descendants(agencies, "bappeda") == ["bapperida", "brida"]
    assert ancestors(agencies, "bappeda") == []
    assert lineage_graph(agencies).present_ids("bappeda") == ["brida"]
    links = lineage_links(agencies, "bapperida")
    assert links.values.tolist() == [
        ["rename", "bappeda", "bapperida", 2017, ""],
        ["rename", "bapperida", "brida", 2021, "Perwal 2021"],
    ]


def test_a_merge_and_a_split(agencies):
    link_entries(agencies, "merge", ["dinas-x", "dinas-y"], "dinas-xy", 2016)
    assert ancestors(agencies, "dinas-xy") == ["dinas-x", "dinas-y"]
    assert descendants(agencies, "dinas-y") == ["dinas-xy"]
    link_entries(agencies, "split", "dinkes", ["dinas-x", "bappeda"], 2010)
    assert lineage_graph(agencies).present_ids("dinkes") == ["bappeda", "dinas-xy"]
    assert ancestors(agencies, "dinas-xy") == ["dinas-x", "dinas-y", "dinkes"]


def test_the_2015_merge_of_47_kelurahan_into_27(archive):
    register_and_link_the_2015_merge(archive)
    links = lineage_links(archive)
    assert len(links) == 47
    assert sorted(links["from_entry"]) == list(OLD_KELURAHAN)
    assert set(links["to_entry"]) == set(NEW_KELURAHAN)
    assert links["kind"].value_counts().to_dict() == {"merge": 40, "rename": 7}
    assert set(links["year"]) == {2015}
    assert ancestors(archive, "kel-01") == ["kel-lama-01", "kel-lama-02"]
    assert ancestors(archive, "kel-20") == ["kel-lama-39", "kel-lama-40"]
    assert ancestors(archive, "kel-21") == ["kel-lama-41"]
    assert ancestors(archive, "kel-27") == ["kel-lama-47"]
    assert descendants(archive, "kel-lama-40") == ["kel-20"]
    graph = lineage_graph(archive)
    assert sorted({p for old in OLD_KELURAHAN for p in graph.present_ids(old)}) == list(
        NEW_KELURAHAN)


def test_linking_again_adds_nothing(agencies):
    assert link_entries(agencies, "rename", "bappeda", "bapperida", 2017) == 1
    assert link_entries(agencies, "rename", "bappeda", "bapperida", 2017) == 0
    assert len(lineage_links(agencies)) == 1


@pytest.mark.parametrize(("kind", "sources", "targets", "code"), [
    ("rename", ["bappeda"], ["bapperida", "brida"], "store.lineage_rename_shape"),
    ("merge", ["bappeda"], ["brida"], "store.lineage_merge_shape"),
    ("merge", ["bappeda", "dinkes"], ["brida", "dinas-x"], "store.lineage_merge_shape"),
    ("split", ["bappeda"], ["brida"], "store.lineage_split_shape"),
    ("rebrand", ["bappeda"], ["brida"], "store.lineage_unknown_kind"),
    ("rename", ["bappeda"], ["bappeda"], "store.lineage_cycle"),
])
def test_a_link_that_does_not_fit_its_kind_is_refused(agencies, kind, sources, targets, code):
    with pytest.raises(StoreRefusedError) as caught:
        link_entries(agencies, kind, sources, targets, 2020)
    assert [p.code for p in caught.value.problems] == [code]
    assert lineage_links(agencies).empty


def test_unknown_entries_and_loops_are_refused_with_every_problem(agencies):
    link_entries(agencies, "rename", "bappeda", "bapperida", 2017)
    with pytest.raises(StoreRefusedError) as caught:
        link_entries(agencies, "merge", ["bapperida", "nope-1"], "bappeda", 2020)
    assert [(p.code, dict(p.params)) for p in caught.value.problems] == [
        ("store.unknown_entry", {"id": "nope-1"}),
        ("store.lineage_cycle", {"from_id": "bapperida", "to_id": "bappeda"}),
    ]
    assert len(lineage_links(agencies)) == 1
