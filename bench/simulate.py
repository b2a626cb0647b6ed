"""Simulation benchmark for judge normalisation, panel rules and rank confidence.

Synthetic competitions with a known truth: every entry has a true quality, every judge an
offset (leniency), a slope (how widely the judge spreads marks) and noise; a judge's total is

    total = μ + offset_j + slope_j × (quality_i − μ) + noise_ij

rounded to two decimals, as totals are. Scenarios vary the size, the design (complete; each
entry scored by 3 of 9 judges, either at random or in blocks so that panels of different
strength see different entries) and the judges' habits. For each method — raw mean, median,
trimmed mean, z-score, additive severity model, leniency-and-spread model (the last three
combined with the mean) — the report gives, over the repetitions:

- ``spearman``: Spearman correlation of the computed ranking with the true one;
- ``top1``: how often the true winner wins; ``top3``: how often the true top three are the
  computed top three (as a set);

and, for the mean, the median, the trimmed mean and the severity model (resampled with the
mean), the calibration of the confidence figures:
among entries given a place with probability p (binned), how often that is their true place,
for the plain judge bootstrap and for the calibrated one (:mod:`scoring.confidence`), and how
often the true rank lies inside the 90 % rank interval.

The *too-close flag* is checked on its own (``--flags``): competitions of 60 entries, each
scored by 3 of 9 judges, the judges drawn at random (``random``) or in blocks of strict and
lenient panels (``split``), ranked by the raw mean and by the severity model. Over the
awarded places (1–3) it compares today's flag (the own-place probability below 0.8) with the
new one (the probability of truly belonging among the awarded below ⅔): how often each flag
fires on places that are right and on places that are wrong, the difference of the two (the
flag's separation, Youden's J: 0 tells nothing, 1 is perfect), the area under the ROC curve
of the probability behind it (how well it separates right from wrong), and its calibration
error (expected calibration error, 5 equal-width bins, over the awarded places).

Run: ``python -m bench.simulate`` (default: every scenario, under 3 minutes on 2 cores),
``--quick`` (fewer repetitions), ``--flags`` (the flag table only), ``--speed`` (timing of
2,000 resamples of a 5,000-entry, 7-judge competition against naive loops in the same
process), ``--markdown`` (tables as Markdown), ``--write-doc`` (every table written into
docs/FAIRNESS.md between its ``<!-- simulate:NAME -->`` markers). Fixed seeds: the same
command prints the same numbers.
"""

from __future__ import annotations

import argparse
import sys
import time
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring.confidence import TOO_CLOSE_BELOW, panel_statistic, rank_confidence
from scoring.normalise import normalise
from scoring.rubric import Panel

PLACES = 3
"""Award places whose confidence is checked."""
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)
METHODS = ("mean", "median", "trimmed", "zscore", "severity", "leniency_spread")
CALIBRATED = {"mean": Panel(rule="mean"), "median": Panel(rule="median"),
              "trimmed": Panel(rule="trimmed_mean", trim=1, min_judges=5),
              "severity": Panel(rule="mean")}
"""Methods whose confidence figures are checked, with the panel rule they resample."""


@dataclass(frozen=True)
class Scenario:
    name: str
    what: str
    n_entries: int
    n_judges: int
    per_entry: int | None = None
    """Judges per entry; None: every judge scores every entry."""
    design: str = "complete"
    """``complete``, ``random`` (each entry a random set of judges) or ``blocks`` (entries in
    blocks, block b scored by judges b, b+1, b+2 mod J: a connected chain of panels)."""
    quality_sd: float = 6.0
    block_quality_sd: float = 0.0
    """Blocks design: spread of the blocks' mean quality (some blocks hold stronger groups)."""
    offset_sd: float = 4.0
    offsets_sorted: bool = False
    """Judges numbered by offset, so that a block's panel is all severe or all lenient."""
    slope_sd: float = 0.0
    """Spread of log(slope): 0.3 gives judges who use 0.55× to 1.8× the panel's range."""
    noise_sd: float = 4.0
    erratic: float = 1.0
    """Noise multiplier of the last judge (1: like the others)."""
    tails: float | None = None
    """Degrees of freedom of Student-t noise (scaled to noise_sd); None: normal noise."""
    reps: int = 60
    calibrate: bool = True
    extra: dict = field(default_factory=dict)


SCENARIOS = (
    Scenario("city", "complete, 30 entries × 5 judges, offsets", 30, 5),
    Scenario("city-no-offsets", "complete, 30 × 5, judges alike (no offsets)", 30, 5,
             offset_sd=0.0),
    Scenario("city-spread", "complete, 30 × 5, judges differ in spread", 30, 5,
             slope_sd=0.35),
    Scenario("city-erratic", "complete, 30 × 5, one erratic judge (3× noise)", 30, 5,
             erratic=3.0),
    Scenario("city-wild", "complete, 30 × 5, heavy-tailed noise (Student t, 3 df)", 30, 5,
             tails=3.0),
    Scenario("large", "complete, 300 entries × 7 judges", 300, 7, reps=20),
    Scenario("random-3of9", "3 of 9 judges per entry, random panels", 90, 9, per_entry=3,
             design="random"),
    Scenario("random-3of9-large", "3 of 9 judges per entry, random panels, 450 entries", 450,
             9, per_entry=3, design="random", reps=20),
    Scenario("blocks-3of9", "3 of 9 per entry, blocks: strict and lenient panels", 90, 9,
             per_entry=3, design="blocks", offsets_sorted=True),
    Scenario("blocks-strong", "as blocks-3of9, and some blocks hold stronger entries", 90, 9,
             per_entry=3, design="blocks", offsets_sorted=True, block_quality_sd=5.0),
    Scenario("blocks-spread", "3 of 9 per entry, blocks, judges differ in level and spread",
             90, 9, per_entry=3, design="blocks", offsets_sorted=True, slope_sd=0.35),
    Scenario("blocks-no-offsets", "3 of 9 per entry, blocks, judges alike", 90, 9,
             per_entry=3, design="blocks", offset_sd=0.0),
)


# ---------------------------------------------------------------------------------------------
# Generating a competition


def simulate(s: Scenario, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.Series]:
    """(judge totals, true quality by entry id) for one competition of scenario ``s``."""
    n, k = s.n_entries, s.n_judges
    entries = np.array([f"e{i:04d}" for i in range(n)], dtype=object)
    judges = np.array([f"J{j}" for j in range(k)], dtype=object)
    mu = 70.0
    quality = mu + rng.normal(0, s.quality_sd, n)
    offsets = rng.normal(0, s.offset_sd, k)
    if s.offsets_sorted:
        offsets = np.sort(offsets)
    offsets -= offsets.mean()
    slopes = np.exp(rng.normal(0, s.slope_sd, k))
    noise = np.full(k, s.noise_sd)
    noise[-1] *= s.erratic
    if s.design == "complete":
        e_idx = np.repeat(np.arange(n), k)
        j_idx = np.tile(np.arange(k), n)
    else:
        m = s.per_entry or k
        if s.design == "random":
            j_sets = np.argsort(rng.random((n, k)), axis=1)[:, :m]
        else:  # blocks
            block = np.arange(n) * k // n
            j_sets = (block[:, None] + np.arange(m)[None, :]) % k
            if s.block_quality_sd:
                quality += rng.normal(0, s.block_quality_sd, k)[block]
        e_idx = np.repeat(np.arange(n), m)
        j_idx = j_sets.ravel()
    if s.tails is None:
        unit = rng.normal(0, 1, len(e_idx))
    else:  # Student t with the same SD: now and then a judge is far off
        unit = rng.standard_t(s.tails, len(e_idx)) / np.sqrt(s.tails / (s.tails - 2))
    total = (mu + offsets[j_idx] + slopes[j_idx] * (quality[e_idx] - mu)
             + unit * noise[j_idx])
    frame = pd.DataFrame({"entry_id": entries[e_idx], "category": "A",
                          "judge_id": judges[j_idx], "total": np.round(total, 2)})
    return frame, pd.Series(quality, index=entries)


# ---------------------------------------------------------------------------------------------
# Methods


def panel_totals(judge_totals: pd.DataFrame, rule: str) -> pd.Series:
    """The panel's figure per entry under ``rule`` (mean, median, trimmed_mean with trim 1
    from 5 judges), with :func:`scoring.confidence.panel_statistic`."""
    wide = judge_totals.pivot(index="entry_id", columns="judge_id", values="total")
    x = np.sort(wide.to_numpy(dtype=float), axis=1)  # NaN sort last
    stat = panel_statistic(x, (~np.isnan(x)).astype(int), rule, trim=1, min_judges=5)
    return pd.Series(stat, index=wide.index)


def run_method(judge_totals: pd.DataFrame, method: str) -> tuple[pd.Series, pd.DataFrame]:
    """(panel figure per entry, the judge totals it came from) for one method."""
    if method in ("mean", "median"):
        return panel_totals(judge_totals, method), judge_totals
    if method == "trimmed":
        return panel_totals(judge_totals, "trimmed_mean"), judge_totals
    adjusted, _, problems = normalise(judge_totals, method, min_scores=5)  # type: ignore[arg-type]
    if any(p.is_error for p in problems):
        raise RuntimeError([p.message("en") for p in problems])
    return panel_totals(adjusted, "mean"), adjusted


def _ranks(values: pd.Series) -> pd.Series:
    return values.rank(ascending=False, method="min")


# ---------------------------------------------------------------------------------------------
# One scenario


def evaluate(s: Scenario, seed: int, n_resamples: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(accuracy per method, calibration records) over the scenario's repetitions."""
    rng = np.random.default_rng(seed)
    accuracy = []
    calibration = []
    for rep in range(s.reps):
        frame, truth = simulate(s, rng)
        true_rank = _ranks(truth)
        true_top = set(true_rank.index[true_rank <= PLACES])
        for method in METHODS:
            try:
                figure, used = run_method(frame, method)
            except RuntimeError:
                continue
            rank = _ranks(figure).reindex(truth.index)
            top = set(rank.index[rank <= PLACES])
            winner = rank.idxmin()
            accuracy.append({
                "scenario": s.name, "method": method, "rep": rep,
                "spearman": float(np.corrcoef(rank, true_rank)[0, 1]),
                "top1": float(true_rank[winner] == 1), "top3": float(top == true_top)})
            if s.calibrate and method in CALIBRATED:
                for how in ("bootstrap", "calibrated"):
                    conf, _ = rank_confidence(used, CALIBRATED[method], places=PLACES,
                                              n_resamples=n_resamples, precision=None,
                                              seed=seed + rep,
                                              method=how)  # type: ignore[arg-type]
                    conf = conf.set_index("entry_id")
                    truly = true_rank.reindex(conf.index)
                    placed = conf["rank"] <= PLACES
                    calibration.append(pd.DataFrame({
                        "scenario": s.name, "method": method, "how": how,
                        "placed": placed.to_numpy(),
                        "p": conf["p_own_place"].to_numpy(),
                        "hit": (truly == conf["rank"]).to_numpy(),
                        "covered": ((truly >= conf["rank_low"])
                                    & (truly <= conf["rank_high"])).to_numpy(),
                        "width": (conf["rank_high"] - conf["rank_low"]).to_numpy()}))
    cal = pd.concat(calibration, ignore_index=True) if calibration else pd.DataFrame()
    return pd.DataFrame(accuracy), cal


def summarise_accuracy(accuracy: pd.DataFrame) -> pd.DataFrame:
    table = accuracy.groupby(["scenario", "method"], sort=False)[
        ["spearman", "top1", "top3"]].mean()
    return table.unstack("method").reindex(columns=METHODS, level=1)


def summarise_calibration(cal: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(binned predicted vs observed own-place probability of placed entries, per method and
    resampling; per scenario and method: mean predicted vs observed and rank-interval
    coverage, the plain bootstrap beside the calibrated one)."""
    placed = cal[cal["placed"]].copy()
    placed["bin"] = pd.cut(placed["p"], BINS, right=False)
    binned = placed.groupby(["how", "bin"], observed=True).agg(
        n=("hit", "size"), predicted=("p", "mean"), observed=("hit", "mean"))
    binned = binned.unstack("how").swaplevel(axis=1).sort_index(axis=1, level=0,
                                                                 sort_remaining=False)
    binned.index = binned.index.astype(str)
    own = placed.groupby(["scenario", "method", "how"], sort=False).agg(
        predicted=("p", "mean"), observed=("hit", "mean"))
    coverage = cal.groupby(["scenario", "method", "how"], sort=False).agg(
        coverage=("covered", "mean"))
    per = own.join(coverage).unstack("how")
    per.columns = [f"{how} {what}" for what, how in per.columns]
    order = [f"{how} {what}" for how in ("bootstrap", "calibrated")
             for what in ("predicted", "observed", "coverage")]
    return binned, per.loc[:, order]


# ---------------------------------------------------------------------------------------------
# The too-close flag

FLAG_DESIGNS = {
    "random": Scenario("random", "60 entries, 3 of 9 judges at random", 60, 9, per_entry=3,
                       design="random", reps=150),
    "split": Scenario("split", "60 entries, 3 of 9 judges in strict and lenient blocks", 60,
                      9, per_entry=3, design="blocks", offsets_sorted=True, reps=150),
}
OLD_FLAG_BELOW = 0.8
"""Today's flag: the own-place probability below 0.8 (the rubric's old default)."""


def calibration_error(p: np.ndarray, hit: np.ndarray, bins: int = 5) -> float:
    """Expected calibration error: Σ over equal-width bins of (share of the cases in the
    bin) × |mean predicted − share that came true|."""
    which = np.minimum((np.asarray(p) * bins).astype(int), bins - 1)
    hit = np.asarray(hit, dtype=float)
    return float(sum(abs(p[which == b].mean() - hit[which == b].mean()) * (which == b).sum()
                     for b in range(bins) if (which == b).any()) / len(p))


def auc(p: np.ndarray, hit: np.ndarray) -> float:
    """Area under the ROC curve: the chance that a right place gets a higher probability
    than a wrong one (ties count half)."""
    hit = np.asarray(hit, dtype=bool)
    right, wrong = np.asarray(p)[hit], np.asarray(p)[~hit]
    if not len(right) or not len(wrong):
        return float("nan")
    above = (right[:, None] > wrong[None, :]).mean()
    return float(above + 0.5 * (right[:, None] == wrong[None, :]).mean())


def flag_study(seed: int, n_resamples: int, quick: bool = False) -> pd.DataFrame:
    """Per design and method, today's flag beside the new one over the awarded places."""
    rows = []
    for design, s in FLAG_DESIGNS.items():
        reps = max(10, s.reps // 4) if quick else s.reps
        for method in ("mean", "severity"):
            rng = np.random.default_rng(seed + zlib.crc32(f"{design}/{method}".encode()))
            found = []
            for rep in range(reps):
                frame, truth = simulate(s, rng)
                _, used = run_method(frame, method)
                conf, _ = rank_confidence(used, Panel(), places=PLACES, seed=rep,
                                          n_resamples=n_resamples, precision=None)
                conf = conf.set_index("entry_id")
                awarded = conf[conf["rank"] <= PLACES]
                true_rank = _ranks(truth).reindex(awarded.index)
                found.append(pd.DataFrame({
                    "p_own": awarded["p_own_place"], "p_band": awarded["p_awarded"],
                    "right_place": true_rank == awarded["rank"],
                    "right_band": true_rank <= PLACES}))
            got = pd.concat(found, ignore_index=True)
            for flag, p, right, below in (
                    ("today: own place < 0.8", got["p_own"], got["right_place"],
                     OLD_FLAG_BELOW),
                    ("new: among the awarded < ⅔", got["p_band"], got["right_band"],
                     TOO_CLOSE_BELOW)):
                p, right = p.to_numpy(), right.to_numpy()
                flagged = p < below
                rows.append({"design": design, "method": method, "flag": flag,
                             "awarded": len(p), "right": right.mean(),
                             "flagged when right": flagged[right].mean(),
                             "flagged when wrong": flagged[~right].mean(),
                             # the flag's own separation (Youden's J): 0 tells nothing
                             "separation": flagged[~right].mean() - flagged[right].mean(),
                             "AUC": auc(p, right),
                             "calibration error": calibration_error(p, right)})
    return pd.DataFrame(rows).set_index(["design", "method", "flag"])


# ---------------------------------------------------------------------------------------------
# Speed


def speed(n: int = 5000, k: int = 7, n_resamples: int = 2000, rule: str = "median",
          naive_resamples: int = 20) -> dict[str, float]:
    """Seconds for ``n_resamples`` resamples: :func:`rank_confidence` (calibrated, with place
    probabilities, rank intervals and leave-one-judge-out) against two naive loops over
    resamples that compute only the resampled ranks, the place counts and the ranks kept for
    intervals — less work, so the ratio is if anything flattering to the loops. The loops are
    timed on ``naive_resamples`` resamples and scaled up; all in this process."""
    rng = np.random.default_rng(7)
    s = Scenario("speed", "", n, k)
    frame, _ = simulate(s, rng)
    panel = Panel(rule=rule, min_judges=5)  # type: ignore[arg-type]

    start = time.perf_counter()
    rank_confidence(frame, panel, places=6, n_resamples=n_resamples, seed=1)
    vectorised = time.perf_counter() - start

    judges = np.array(sorted(frame["judge_id"].unique()))
    by_judge = {j: rows for j, rows in frame.groupby("judge_id")}
    draw_rng = np.random.default_rng(2)
    entries = np.array(sorted(frame["entry_id"].unique()))

    def resample_frame() -> pd.DataFrame:
        picks = draw_rng.choice(judges, size=len(judges), replace=True)
        return pd.concat([by_judge[j] for j in picks], ignore_index=True)

    # naive 1: a loop over resamples, pandas inside (group by entry, rule, rank, count places)
    places = np.zeros((6, len(entries)))
    kept = []
    start = time.perf_counter()
    for _ in range(naive_resamples):
        grouped = resample_frame().groupby("entry_id")["total"]
        figure = grouped.median() if rule == "median" else grouped.mean()
        rank = figure.rank(ascending=False, method="min").reindex(entries).to_numpy()
        places += rank[None, :] == np.arange(1, 7)[:, None]
        kept.append(rank)
    per_pandas = (time.perf_counter() - start) / naive_resamples

    # naive 2: a loop over resamples and entries in plain Python
    loops = max(1, naive_resamples // 10)
    start = time.perf_counter()
    for _ in range(loops):
        resampled = resample_frame()
        marks: dict[str, list[float]] = {}
        for entry, total in zip(resampled["entry_id"], resampled["total"], strict=True):
            marks.setdefault(entry, []).append(total)
        statistic = np.median if rule == "median" else np.mean
        figure_of = {e: float(statistic(v)) for e, v in marks.items()}
        order = sorted(figure_of, key=figure_of.__getitem__, reverse=True)
        rank_of = {e: i + 1 for i, e in enumerate(order)}
        for e, r in rank_of.items():
            if r <= 6:
                places[r - 1, np.searchsorted(entries, e)] += 1
    per_python = (time.perf_counter() - start) / loops
    return {"vectorised": vectorised, "pandas_loop": per_pandas * n_resamples,
            "python_loop": per_python * n_resamples}


# ---------------------------------------------------------------------------------------------
# Output


def _fmt_table(frame: pd.DataFrame, markdown: bool, digits: int = 3) -> str:
    shown = frame.copy()
    if isinstance(shown.columns, pd.MultiIndex):
        shown.columns = [" ".join(str(c) for c in col) for col in shown.columns]
    for column in shown.columns:
        if column.endswith(" n"):
            shown[column] = shown[column].astype("Int64")
    shown = shown.reset_index()
    for column in shown.columns:
        if pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].map(lambda v: f"{v:.{digits}f}")
        else:
            shown[column] = shown[column].astype(str)
    if not markdown:
        return shown.to_string(index=False)
    head = "| " + " | ".join(shown.columns) + " |"
    rule = "|" + "|".join("---" for _ in shown.columns) + "|"
    rows = ["| " + " | ".join(row) + " |" for row in shown.to_numpy()]
    return "\n".join([head, rule, *rows])


DOC = Path(__file__).resolve().parent.parent / "docs" / "FAIRNESS.md"


def write_doc(tables: dict[str, str], path: Path = DOC) -> list[str]:
    """Put each Markdown table between its ``<!-- simulate:NAME -->`` and
    ``<!-- /simulate:NAME -->`` markers in ``path``; returns the names written (a table
    whose markers are missing is left out, and named by the caller)."""
    text = path.read_text(encoding="utf-8")
    written = []
    for name, table in tables.items():
        start, end = f"<!-- simulate:{name} -->", f"<!-- /simulate:{name} -->"
        if start not in text or end not in text:
            continue
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = f"{before}{start}\n{table}\n{end}{after}"
        written.append(name)
    path.write_text(text, encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.simulate", description=__doc__.split(
        "\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a quarter of the repetitions")
    parser.add_argument("--speed", action="store_true", help="only the timing comparison")
    parser.add_argument("--flags", action="store_true", help="only the too-close flag table")
    parser.add_argument("--markdown", action="store_true", help="tables as Markdown")
    parser.add_argument("--write-doc", action="store_true",
                        help="write every table into docs/FAIRNESS.md (implies --markdown)")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--resamples", type=int, default=400,
                        help="resamples per confidence figure (default 400)")
    parser.add_argument("--only", nargs="*", help="scenario names")
    args = parser.parse_args(argv)
    markdown = args.markdown or args.write_doc

    if args.speed:
        for rule in ("mean", "median"):
            times = speed(rule=rule)
            print(f"2,000 resamples, 5,000 entries × 7 judges, panel rule {rule}:")
            print(f"  vectorised (rank_confidence: calibrated places, intervals, "
                  f"leave-one-out): {times['vectorised']:.1f} s")
            for name in ("pandas_loop", "python_loop"):
                print(f"  naive {name.replace('_', ' ')} (extrapolated): {times[name]:.0f} s"
                      f"  → vectorised is {times[name] / times['vectorised']:.0f}× faster")
        return 0

    started = time.perf_counter()
    tables: dict[str, str] = {}
    flags = flag_study(args.seed, args.resamples, quick=args.quick)
    tables["flags"] = _fmt_table(flags, markdown)
    print("The too-close flag over the awarded places (1–3): today's beside the new one")
    print(tables["flags"])
    if args.flags:
        print(f"\n({time.perf_counter() - started:.0f} s; seed {args.seed})")
        return 0
    chosen = [s for s in SCENARIOS if not args.only or s.name in args.only]
    accuracy, calibration = [], []
    for s in chosen:
        if args.quick:
            s = replace(s, reps=max(5, s.reps // 4))
        # the seed depends on the scenario's name, so --only reproduces the full run's rows
        acc, cal = evaluate(s, args.seed + zlib.crc32(s.name.encode()) % 100_000,
                            args.resamples)
        accuracy.append(acc)
        calibration.append(cal)
    acc = pd.concat(accuracy, ignore_index=True)
    cal = pd.concat(calibration, ignore_index=True)
    table = summarise_accuracy(acc)
    print("\nScenarios:")
    for s in chosen:
        print(f"  {s.name}: {s.what} ({s.reps if not args.quick else max(5, s.reps // 4)}"
              " repetitions)")
    for metric in ("spearman", "top1", "top3"):
        tables[metric] = _fmt_table(table[metric], markdown)
        print(f"\n{metric}:")
        print(tables[metric])
    if len(cal):
        binned, coverage = summarise_calibration(cal)
        tables["calibration"] = _fmt_table(binned, markdown)
        tables["coverage"] = _fmt_table(coverage, markdown)
        print("\nCalibration of the own-place probability of placed entries "
              f"(places 1–{PLACES}), all scenarios and rules: n, mean predicted, observed")
        print(tables["calibration"])
        print("\nPer scenario and method: mean predicted vs observed own-place probability "
              "of placed entries, and how often the true rank is inside the 90 % interval:")
        print(tables["coverage"])
    print(f"\n({time.perf_counter() - started:.0f} s; seed {args.seed}, "
          f"{args.resamples} resamples per confidence figure)")
    if args.write_doc:
        if args.quick or args.only:
            print("--write-doc writes only a full run (no --quick, no --only)",
                  file=sys.stderr)
            return 2
        written = write_doc(tables)
        missing = sorted(set(tables) - set(written))
        print(f"written into {DOC.name}: {', '.join(written)}"
              + (f"; no markers for {', '.join(missing)}" if missing else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
