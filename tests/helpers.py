"""Small builders for tests: rubrics from dicts, score tables from nested dicts."""

from __future__ import annotations

import copy
from collections.abc import Mapping

import pandas as pd
import yaml

from scoring import table
from scoring.entries import Entries, Entry
from scoring.rubric import Rubric, parse_rubric


def rubric_from(data: Mapping, **overrides: object) -> Rubric:
    raw = copy.deepcopy(dict(data))
    raw.update(overrides)
    rubric, problems = parse_rubric(yaml.safe_dump(raw, allow_unicode=True), "test.yaml")
    assert rubric is not None, [p.message("en") + " @ " + p.cell for p in problems]
    return rubric


def entries_of(*items: tuple[str, str]) -> Entries:
    """entries_of(("e1", "A"), ...) with names "Entry e1"."""
    return Entries(tuple(Entry(eid, f"Entry {eid}", cat) for eid, cat in items))


def marks(entries: Entries, scores: Mapping[tuple[str, str], Mapping[str, float]]
          ) -> pd.DataFrame:
    """A score table from {(entry_id, judge): {criterion_id: score}}."""
    rows = []
    for (entry_id, judge), by_criterion in scores.items():
        for criterion_id, value in by_criterion.items():
            rows.append({"entry_id": entry_id, "category": entries.by_id[entry_id].category,
                         "judge_id": judge, "criterion_id": criterion_id, "score": value,
                         "source_file": "test.xlsx", "source_sheet": "S",
                         "source_cell": f"{entry_id}/{judge}/{criterion_id}"})
    return table.make(rows)


def single_leaf(**overrides: object) -> Rubric:
    """One criterion 'c' on 0–100 (step 0.01), percent weighting: a judge's total = the score."""
    base = {
        "id": "t", "title": "T", "categories": [{"id": "A", "name": "A"}],
        "criteria": [{"id": "c", "name": "C", "weight": 1,
                      "scale": {"min": 0, "max": 100, "step": 0.01}}],
    }
    return rubric_from(base, **overrides)
