"""Judge normalisation: taking each judge's own habits out of their totals before the panel
combines them.

The rubric chooses the method (``normalisation: severity`` or ``{method, min_scores}``,
:class:`scoring.rubric.Normalisation`); :func:`scoring.pipeline.score` applies it to each
judge's total, and its problems go into the result. The simulations behind the advice below
are in docs/FAIRNESS.md (``python -m bench.simulate``).

Each method is one registered rule in :mod:`scoring.rules.normalisation` (its setting, what
the design must be, and its fit); this module checks the design and applies the method.

Words used here:

- *judge totals*: the long frame ``entry_id, category, judge_id, total`` (one row per entry
  and judge; other columns, such as the parts of each criterion, are passed through
  untouched). Normalisation acts on ``total`` only, category by category; a judge who scores
  in two categories is treated as two judges.
- *offset*: how many points a judge scores above (+, lenient) or below (−, severe) the
  average judge of the category on an entry of average quality. *Severity* is the offset
  read the other way round: a judge with offset −5 is 5 points more severe than average.
- *slope* (relative spread): how much a judge's totals move when the entries' quality moves
  by one point on the average judge's scale; 1 for a judge who spreads marks like the
  panel, 0.5 for one who squeezes every entry into half the range.
- *design*: which judge scored which entry, seen as a bipartite graph (judges on one side,
  entries on the other, an edge for every score). It is *complete* when every judge scored
  every entry of the category, and *connected* when any two judges are linked through a
  chain of judges who scored a common entry.
- *method*:

  ``none``
      the totals as given (the default).
  ``zscore``
      each judge's totals standardised with that judge's own mean and standard deviation,
      then put back on the panel's mean and spread: ``panel_mean + panel_sd × (x − m_j) / s_j``
      (the panel's mean is the mean of all totals of the category, its spread the pooled
      within-judge standard deviation).
  ``severity``
      the additive judge-severity model ``total = quality(entry) + offset(judge) + noise``,
      fitted by least squares over every score of the category, offsets summing to zero
      over the judges; the adjusted total is ``x − offset_j``, the total as the average
      judge would have given it. The panel's mean of the adjusted totals of an entry is
      exactly the model's estimate of its quality.
  ``leniency_spread``
      ``total = q̄ + a_j + b_j × (quality(entry) − q̄) + noise`` (``q̄``: the mean quality), a
      level ``a_j`` and a slope ``b_j`` per judge, fitted by alternating least squares with
      the ``a_j`` summing to zero and the ``b_j`` averaging one. The adjusted total takes out
      what the model explains and keeps the judge's noise as it is:
      ``x − a_j − (b_j − 1) × (q̂_e − q̄)``. (Rescaling, ``q̄ + (x − q̄ − a_j) / b_j``, would
      also multiply a narrow judge's noise by ``1 / b_j``; in the benchmark that ranks worse
      than no correction at all.) In a complete design the panel's mean of these adjusted
      totals is exactly the raw mean (the ``a_j`` sum to zero, the ``b_j`` average one).

When each method is right:

- With a **complete design** (every judge scores every entry — the usual case in a city
  competition) a judge's offset adds the same amount to every entry, so the mean's ranking
  is already free of severity; the severity model then changes the ranking not at all, and
  normalisation only matters for the median, the trimmed mean, and for judges who differ in
  *spread* (``zscore`` or ``leniency_spread``).
- **Per-judge z-scores are fair only when every judge sees a comparable random share of the
  entries.** A judge's mean and spread then describe the judge. When judges see different
  entries, they also describe the entries: a judge who happened to get the strongest groups
  has a high mean, and z-scoring pulls those groups down. When panels of different strength
  score different groups, z-scores can be badly wrong — worse than no normalisation.
- **The additive severity model stays sound for any connected design**, complete or not,
  balanced or not: it compares judges only through the entries they share. It needs the
  design to be connected (otherwise offsets of unlinked groups of judges cannot be compared
  and the model is refused, naming the groups) and enough scores per judge (``min_scores``;
  an offset from a handful of scores carries the noise of those few scores into every total
  it corrects).
- **Leniency-and-spread** also corrects a judge who uses a narrow or a wide part of the
  scale, which matters only when judges see different entries (in a complete design it
  ranks as the raw mean does). It fits two numbers per judge; a judge's slope from few
  marks is mostly noise, so it is shrunk toward the panel's spread by the judge's *spread
  weight* ``n / (n + 2·min_scores)`` (:mod:`scoring.rules.normalisation`; a warning names the
  judges with fewer than ``2·min_scores`` marks and how far each was pulled) rather than
  refused. It trusts that every judge orders the entries roughly as the panel does: a
  judge whose scores barely follow the others' gets a slope near zero, which would
  replace that judge's view by the panel's; the slope is held at :data:`SLOPE_FLOOR` and a
  warning names the judge. In the benchmark it never
  beat the plain severity model by more than noise: prefer ``severity`` unless the judges'
  spreads differ a great deal.
- **Spread and the mean.** A judge who spreads marks widely carries more information per
  mark than one who squeezes them (same noise, more signal); the raw mean already gives that
  judge more say. Per-judge z-scores take that away, and in the benchmark they rank a
  complete design with judges of different spread slightly worse than the raw mean.

Adjusted totals are never cut to the category's possible range: a lenient judge's top
total may become 103 on a 0–100 scale, and cutting it to 100 would shrink the leader's
margin (and could change the order). The totals, margins and ranks stay on this unclipped
scale; when ``bounds`` are given a warning counts the totals outside them, and a display
that shows them cut must say that margins and ranks come from the uncut values.

Problems (codes in :mod:`scoring.messages.fairness`): ``fairness.too_few_scores`` and
``fairness.disconnected`` are errors (the category is left as given, and a caller must not
rank on it); ``fairness.zscore_uneven``, ``fairness.constant_judge``, ``fairness.flat_slope``,
``fairness.not_converged``, ``fairness.spread_shrunk`` and ``fairness.beyond_scale`` are
warnings.

References: the additive model with the entries "absorbed" is the two-way fixed-effects
analysis of an incomplete block design, whose reduced normal equations (the *C-matrix*, a
weighted Laplacian of the design graph) have rank ``judges − 1`` exactly when the design is
connected; see Raymond, M. R. & Viswesvaran, C. (1993), Least-squares models to correct for
rater effects in performance assessment, Journal of Educational Measurement 30(3), 253–268,
and, for connectedness of rating designs, Linacre's Facets documentation.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from scoring.problems import Problem, error, warning
from scoring.rubric import Rubric
from scoring.rules.normalisation import MIN_SCORES as MIN_SCORES_PARAMETER
from scoring.rules.normalisation import NORMALISATIONS, SLOPE_FLOOR, Codes, format_figure

__all__ = ["METHODS", "MIN_SCORES", "OFFSET_COLUMNS", "SLOPE_FLOOR", "check_design",
           "judge_groups", "normalise", "total_bounds"]

Method = str
"""A normalisation's name: one of :data:`scoring.rules.normalisation.NORMALISATIONS`."""
METHODS: tuple[str, ...] = NORMALISATIONS.names()
MIN_SCORES = MIN_SCORES_PARAMETER.default
"""Default fewest scores per judge for a fitted method."""

OFFSET_COLUMNS = ("category", "judge_id", "method", "n_scores", "mean", "sd", "offset",
                  "offset_se", "slope", "spread_weight")
"""The fitted-offsets frame: one row per category and judge. ``offset_se`` is the offset's
standard error under the severity model (NaN for other methods); ``spread_weight`` the
share of the judge's own slope kept by leniency_spread (1 − it: how far the judge's spread
was pulled toward the panel's; 1 for other methods)."""


# ---------------------------------------------------------------------------------------------
# The design


def _codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes and the sorted distinct values (sorted, so results do not depend on the
    order of the rows)."""
    codes, uniques = pd.factorize(values, sort=True)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def judge_groups(judge_totals: pd.DataFrame) -> dict[str, list[list[str]]]:
    """Per category, the judges split into connected groups (each sorted; groups ordered by
    their first judge). A connected category has one group."""
    out: dict[str, list[list[str]]] = {}
    for category, rows in judge_totals.groupby("category", sort=True, observed=True):
        out[str(category)] = _groups(rows)
    return out


def _groups(rows: pd.DataFrame) -> list[list[str]]:
    e, entries = _codes(rows["entry_id"])
    j, judges = _codes(rows["judge_id"])
    n_e, n_j = len(entries), len(judges)
    # nodes 0..n_e-1 are entries, n_e..n_e+n_j-1 judges; an edge for every score
    graph = sparse.coo_matrix((np.ones(len(e)), (e, n_e + j)), shape=(n_e + n_j,) * 2)
    _, labels = connected_components(graph, directed=False)
    judge_labels = labels[n_e:]
    groups = [sorted(str(judges[i]) for i in np.flatnonzero(judge_labels == label))
              for label in np.unique(judge_labels)]
    return sorted(groups, key=lambda g: g[0])


def check_design(judge_totals: pd.DataFrame, method: Method, *, min_scores: int = MIN_SCORES
                 ) -> list[Problem]:
    """Whether the design of each category supports ``method``: errors for judges with too
    few scores and for a disconnected design, a warning for z-scores on an incomplete one."""
    rule = NORMALISATIONS.get(method)
    problems: list[Problem] = []
    if not rule.active:
        return problems
    needed = rule.needed(min_scores)
    marks = judge_totals[judge_totals["total"].notna()]
    for category, rows in marks.groupby("category", sort=True, observed=True):
        counts = rows.groupby("judge_id", sort=True, observed=True).size()
        few = counts[counts < needed]
        if len(few):
            listed = ", ".join(f"{judge} ({count})" for judge, count in few.items())
            problems.append(error("fairness.too_few_scores", cell=", ".join(few.index),
                                  category=category, method=method, min_scores=needed,
                                  judges=listed))
        if rule.needs_connected:
            groups = _groups(rows)
            if len(groups) > 1:
                shown = " · ".join("[" + ", ".join(g) + "]" for g in groups)
                problems.append(error("fairness.disconnected",
                                      cell=", ".join(j for g in groups for j in g),
                                      category=category, count=len(groups), groups=shown))
        if rule.warns_uneven:
            n_entries = rows["entry_id"].nunique()
            if (counts < n_entries).any():
                problems.append(warning("fairness.zscore_uneven", category=category))
    return problems


# ---------------------------------------------------------------------------------------------
# The public call


def normalise(judge_totals: pd.DataFrame, method: Method = "none", *,
              min_scores: int = MIN_SCORES,
              bounds: Mapping[str, tuple[float, float]] | None = None,
              ) -> tuple[pd.DataFrame, pd.DataFrame, list[Problem]]:
    """Each judge's totals with the judge's habits taken out, per category.

    ``judge_totals``: ``entry_id, category, judge_id, total`` (+ any columns, passed through).
    ``method``: see the module docstring. ``min_scores``: the fewest scores a judge needs for
    a fitted method (leniency_spread also weighs each judge's slope by it).
    ``bounds``: category → (lowest, highest) possible total (see :func:`total_bounds`);
    adjusted totals outside it are kept as they are, never cut, with a warning counting them.

    Returns ``(adjusted, offsets, problems)``: ``adjusted`` is ``judge_totals`` in the same
    row order with ``total`` replaced and the given total kept as ``raw_total``; ``offsets``
    has the columns :data:`OFFSET_COLUMNS`; a category with an error is left as given. Pure:
    the input is not changed.
    """
    rule = NORMALISATIONS.get(method)
    missing = [c for c in ("entry_id", "category", "judge_id", "total")
               if c not in judge_totals.columns]
    if missing:
        raise ValueError(f"normalise: judge totals lack column(s) {', '.join(missing)}")
    key = judge_totals[["category", "entry_id", "judge_id"]]
    if key.duplicated().any():
        raise ValueError("normalise: a judge has two totals for the same entry")

    adjusted = judge_totals.copy()
    raw = pd.to_numeric(judge_totals["total"]).astype(float).to_numpy()
    adjusted["raw_total"] = raw
    values = raw.copy()
    problems = check_design(judge_totals, method, min_scores=min_scores)
    blocked = {p.params["category"] for p in problems if p.is_error}
    frames = []
    scored = ~np.isnan(raw)
    categories = judge_totals["category"].astype(str).to_numpy()
    for category in sorted(set(categories[scored])):
        rows = np.flatnonzero((categories == category) & scored)
        e, _ = _codes(judge_totals["entry_id"].iloc[rows])
        j, judges = _codes(judge_totals["judge_id"].iloc[rows])
        x = raw[rows]
        n_e, n_j = int(e.max()) + 1, len(judges)
        count = np.bincount(j, minlength=n_j)
        mean = np.bincount(j, x, minlength=n_j) / count
        sd = np.sqrt(np.bincount(j, (x - mean[j]) ** 2, minlength=n_j)
                     / np.maximum(count - 1, 1))
        offset, se, slope = np.zeros(n_j), np.full(n_j, np.nan), np.ones(n_j)
        weight = np.ones(n_j)
        if rule.active and category not in blocked:
            fit = rule.fit(Codes(e, j, x, n_e, n_j, category, judges, min_scores))
            fitted, offset, se, slope = fit.adjusted, fit.offset, fit.offset_se, fit.slope
            if fit.spread_weight is not None:
                weight = fit.spread_weight
            problems += fit.problems
            if bounds is not None and category in bounds:
                # never cut: a cut total would shrink the leader's margin and could change
                # the order; the totals stay on the unclipped scale, and a warning says so
                low, high = bounds[category]
                outside = int(np.sum((fitted < low) | (fitted > high)))
                if outside:
                    problems.append(warning("fairness.beyond_scale", category=category,
                                            count=outside, low=format_figure(low),
                                            high=format_figure(high)))
            values[rows] = fitted
        frames.append(pd.DataFrame({
            "category": category, "judge_id": judges.astype(str),
            "method": method if category not in blocked else "none",
            "n_scores": count, "mean": mean, "sd": sd, "offset": offset,
            "offset_se": se, "slope": slope, "spread_weight": weight}))
    adjusted["total"] = values
    offsets = (pd.concat(frames, ignore_index=True) if frames
               else pd.DataFrame(columns=list(OFFSET_COLUMNS)))
    return adjusted, offsets.loc[:, list(OFFSET_COLUMNS)], problems


def total_bounds(rubric: Rubric) -> dict[str, tuple[float, float]]:
    """Category → (lowest, highest) possible judge total under ``rubric`` (every leaf at its
    scale's minimum, every leaf at its maximum)."""
    out = {}
    for category in rubric.category_ids:
        weights = rubric.effective_weights(category)
        low = sum(w * rubric.nodes[leaf].scale.min for leaf, w in weights.items())  # type: ignore[union-attr]
        out[category] = (float(low), float(rubric.max_total(category)))
    return out
