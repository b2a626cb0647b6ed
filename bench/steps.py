"""The measured steps of the scale benchmark (:mod:`bench.scale`), each with its inputs.

Words used here:

- *step*: one thing timed (:class:`Step`): ``setup`` loads its inputs (not timed), ``run``
  does the work (timed, its peak memory measured), ``check`` looks at what ``run`` gave
  (not timed) and returns facts for the report (rows read, whether they equal the truth).
- *floor*: python-calamine's raw read of every sheet of every file — no reader can be
  faster than reading the cells; *plain script*: what a user would write with openpyxl and
  pandas (read-only, values only, rows → DataFrame, weighted totals, mean, rank), knowing
  the template's layout and skipping every check; *bare arithmetic*: the same weighted
  totals, mean and rank in pandas on the long score table.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from bench.generate import Competition

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    setup: Callable[[Competition], Any]
    run: Callable[[Any], Any]
    check: Callable[[Any, Any], dict[str, object]] = field(default=lambda state, out: {})


# --- inputs ------------------------------------------------------------------------------------


def _paths(comp: Competition) -> dict[str, Any]:
    return {"paths": comp.sheets}


def _loaded(comp: Competition) -> dict[str, Any]:
    from scoring.entries import load_entries
    from scoring.rubric import load_rubric
    return {"comp": comp, "paths": comp.sheets, "rubric": load_rubric(comp.rubric),
            "entries": load_entries(comp.entries)}


def _with_table(comp: Competition) -> dict[str, Any]:
    state = _loaded(comp)
    state["scores"] = pd.read_parquet(comp.truth)
    return state


def _with_result(comp: Competition) -> dict[str, Any]:
    from scoring.pipeline import score
    state = _with_table(comp)
    state["result"] = score(state["rubric"], state["entries"], state["scores"])
    return state


def _with_confidence(comp: Competition) -> dict[str, Any]:
    state = _with_result(comp)
    state["result"].confidence()  # kept by the result: the workbook step writes it only
    return state


def weights(rubric: Any) -> pd.Series:
    """(category, criterion) -> the criterion's share of the total (the shares sum to 1)."""
    pairs = {(c, leaf): w for c in rubric.category_ids
             for leaf, w in rubric.effective_weights(c).items()}
    return pd.Series(pairs).rename_axis(["category", "criterion_id"])


# --- the references ----------------------------------------------------------------------------


def _calamine(state: dict[str, Any]) -> int:
    from python_calamine import CalamineWorkbook
    cells = 0
    for path in state["paths"]:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            cells += sum(len(row) for row in book.get_sheet_by_name(name).to_python())
    return cells


def _plain_setup(comp: Competition) -> dict[str, Any]:
    state = _loaded(comp)
    state["leaves"] = [leaf.id for leaf in state["rubric"].leaves]
    state["weights"] = weights(state["rubric"])
    return state


def _plain(state: dict[str, Any]) -> pd.DataFrame:
    """A user's script: the template's layout known (judge in C3 of the first sheet, ids in
    column B and the 18 criteria in D:U from row 10), nothing checked."""
    from openpyxl import load_workbook
    leaves, records = state["leaves"], []
    for path in state["paths"]:
        wb = load_workbook(path, read_only=True, data_only=True)
        judge = None
        for ws in wb.worksheets:
            if ws.title.startswith("_"):
                continue
            rows = list(ws.iter_rows(values_only=True))
            judge = judge or rows[2][2]
            for row in rows[9:]:
                if row[1] is None:
                    continue
                records.append((row[1], ws.title, judge, *row[3:3 + len(leaves)]))
        wb.close()
    frame = pd.DataFrame(records, columns=["entry_id", "category", "judge_id", *leaves])
    w = state["weights"]
    totals = sum(frame[leaf].astype(float) * frame["category"].map(w.xs(leaf, level=1))
                 for leaf in leaves)
    frame["total"] = totals
    panel = frame.groupby(["category", "entry_id"])["total"].mean()
    return panel.groupby(level="category").rank(method="min", ascending=False)


def _bare_setup(comp: Competition) -> dict[str, Any]:
    state = _with_table(comp)
    state["weights"] = weights(state["rubric"])
    return state


def _bare(state: dict[str, Any]) -> pd.Series:
    scores, w = state["scores"], state["weights"]
    keys = pd.MultiIndex.from_arrays([scores["category"], scores["criterion_id"]])
    weighted = scores["score"].to_numpy() * w.reindex(keys).to_numpy()
    judge_totals = pd.Series(weighted).groupby(
        [scores["category"], scores["entry_id"], scores["judge_id"]]).sum()
    panel = judge_totals.groupby(level=[0, 1]).mean()
    return panel.groupby(level=0).rank(method="min", ascending=False)


# --- Juri --------------------------------------------------------------------------------------


def _read(state: dict[str, Any]) -> tuple[pd.DataFrame, list]:
    from scoring import sheets
    from scoring.cli_archive import read_files
    return sheets.read_many(read_files(state["paths"]), state["rubric"], state["entries"])


def _read_parallel(state: dict[str, Any]) -> tuple[pd.DataFrame, list]:
    from scoring.cli_archive import read_files
    from scoring.sheets.parallel import read_many_parallel
    return read_many_parallel(read_files(state["paths"]), state["rubric"], state["entries"])


def _same_as_truth(state: dict[str, Any], out: tuple[pd.DataFrame, list]) -> dict[str, object]:
    """Rows read, problems, and whether the table is the truth, row for row."""
    read, problems = out
    truth = pd.read_parquet(state["comp"].truth)
    key = list(truth.columns)
    exact = len(read) == len(truth) and read.sort_values(key).reset_index(drop=True).equals(
        truth.sort_values(key).reset_index(drop=True))
    return {"rows": len(read), "problems": len(problems), "exact": bool(exact)}


def _score(state: dict[str, Any]) -> Any:
    from scoring.pipeline import score
    return score(state["rubric"], state["entries"], state["scores"])


def _confidence(state: dict[str, Any]) -> Any:
    return state["result"].confidence()


def _sensitivity(state: dict[str, Any]) -> Any:
    from scoring.sensitivity import sensitivity
    return sensitivity(state["rubric"], state["entries"], state["scores"],
                       official=state["result"])


def _workbook(state: dict[str, Any]) -> bytes:
    from scoring.documents.workbook import results_workbook
    return results_workbook(state["result"])


def _cli_setup(comp: Competition) -> dict[str, Any]:
    return {"comp": comp, "cap": None}


def _cli(state: dict[str, Any], *extra: str) -> dict[str, object]:
    """``python -m scoring score`` with JSON and workbook (and ``extra`` options), in a
    child process; its peak RSS is the largest of this process's waited-for children (the
    only one)."""
    comp: Competition = state["comp"]
    cap = state.get("cap")

    def limit() -> None:
        if cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "scoring", "score", "--rubric", str(comp.rubric),
                   "--entries", str(comp.entries), *map(str, comp.sheets),
                   "--out", f"{out}/results.xlsx", "--json", f"{out}/results.json", *extra]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, preexec_fn=limit,
                              check=False)
        written = Path(f"{out}/results.xlsx").exists() and Path(f"{out}/results.json").exists()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"exit": done.returncode, "written": written, "child_peak": peak,
            "stderr": done.stderr.decode(errors="replace")[-400:] if done.returncode else ""}


def _rows(state: dict[str, Any], out: Any) -> dict[str, object]:
    return {"rows": len(out)}


def _ok(state: dict[str, Any], out: Any) -> dict[str, object]:
    return {"ok": bool(getattr(out, "ok", True))}


STEPS: dict[str, Step] = {step.key: step for step in (
    Step("floor", "python-calamine raw read of every sheet (floor)", _paths, _calamine,
         lambda state, cells: {"cells": cells}),
    Step("plain", "plain openpyxl + pandas script", _plain_setup, _plain, _rows),
    Step("read", "Juri read and check (sheets.read_many)", _loaded, _read, _same_as_truth),
    Step("read_parallel", "Juri read and check, 2 worker processes",
         _loaded, _read_parallel, _same_as_truth),
    Step("bare", "pandas weighted totals + mean + rank (bare arithmetic)", _bare_setup, _bare,
         _rows),
    Step("score", "score() on the long table", _with_table, _score, _ok),
    Step("confidence", "rank confidence (2,000 resamples)", _with_result, _confidence,
         lambda state, out: {"rows": len(out[0])}),
    Step("sensitivity", "sensitivity report", _with_result, _sensitivity,
         lambda state, out: {"rows": len(out[0])}),
    Step("workbook", "results workbook (confidence ready, sensitivity inside)",
         _with_confidence, _workbook, lambda state, out: {"bytes": len(out)}),
    Step("cli", "python -m scoring score, JSON + workbook (subprocess)", _cli_setup, _cli),
    Step("cli_lean", "the same with --scores-sheet no", _cli_setup,
         lambda state: _cli(state, "--scores-sheet", "no")),
)}
