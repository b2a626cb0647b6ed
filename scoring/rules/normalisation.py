"""Judge normalisations: the methods, their settings and their fits, one class per method.

The methods, when each is right, and the words (*offset*, *slope*, *design*, *connected*)
are described in :mod:`scoring.normalise`, which checks the design and applies the chosen
method category by category. Here each method is one registered rule:

- ``name`` (the rubric's ``normalisation.method``), ``label_key`` (``fairness.method.<name>``);
- the setting :data:`MIN_SCORES` (``normalisation.min_scores``); a method that fits two
  numbers per judge needs ``scores_factor`` × that many scores per judge;
- what the design must be: ``needs_connected`` (judges linked through shared entries) and
  ``warns_uneven`` (fair only when every judge scored every entry);
- ``fit(codes)``: one category's marks (:class:`Codes`) to a :class:`Fit`.

*Spread weight* (leniency_spread): a judge's slope from few marks is mostly noise, so it is
shrunk toward the panel's (1) with the credibility weight ``w = n / (n + n₀)`` — ``n`` the
judge's marks, ``n₀ = SPREAD_PRIOR_FACTOR × min_scores`` (10 by default: the panel's spread
counts as ten marks) — the empirical-Bayes weight of a mean of ``n`` observations against a
prior worth ``n₀`` (Bühlmann credibility). The slope used is ``1 + w (b̂ − 1)``; a judge with
few marks is thus shrunk, not refused (the level still needs ``min_scores`` marks, as the
severity model's offset does).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from scoring.problems import Problem, warning
from scoring.rules.registry import Parameter, Registry, Rule

MIN_SCORES = Parameter("min_scores", default=5, minimum=2)
"""The fewest totals a judge needs in a category for a fitted method (× ``scores_factor``)."""
SLOPE_FLOOR = 0.2
"""The smallest slope leniency_spread lets a judge have. A slope near zero says the judge's
totals barely follow the entries; the adjustment would then put back nearly all of the
panel's view in place of the judge's, on a slope estimated from noise."""
SPREAD_PRIOR_FACTOR = 2
"""The panel's spread counts as this many × ``min_scores`` marks in a judge's spread weight."""
MAX_ITERATIONS = 500
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Codes:
    """One category's marks: entry code ``e`` and judge code ``j`` of each mark ``x``, the
    numbers of entries and judges, the category, and the judge ids by code."""

    e: np.ndarray
    j: np.ndarray
    x: np.ndarray
    n_e: int
    n_j: int
    category: str
    judges: np.ndarray
    min_scores: int = MIN_SCORES.default


@dataclass(frozen=True)
class Fit:
    """A method's result for one category: the adjusted marks (in the order given), each
    judge's offset, offset standard error and slope, the fit's warnings, and each judge's
    spread weight (None: 1 for every judge, nothing shrunk)."""

    adjusted: np.ndarray
    offset: np.ndarray
    offset_se: np.ndarray
    slope: np.ndarray
    problems: tuple[Problem, ...] = ()
    spread_weight: np.ndarray | None = None


@dataclass(frozen=True)
class Normalisation(Rule):
    """A normalisation method (the base class is ``none``: the totals as given)."""

    scores_factor: int = 1
    needs_connected: bool = False
    warns_uneven: bool = False

    @property
    def active(self) -> bool:
        """Whether the method changes anything (every method but ``none``)."""
        return self.name != "none"

    def needed(self, min_scores: int) -> int:
        """The fewest scores per judge this method needs under ``min_scores``."""
        return self.scores_factor * min_scores

    def fit(self, codes: Codes) -> Fit:
        return Fit(codes.x.copy(), np.zeros(codes.n_j), np.full(codes.n_j, np.nan),
                   np.ones(codes.n_j))


@dataclass(frozen=True)
class ZScore(Normalisation):
    def fit(self, codes: Codes) -> Fit:
        adjusted, offset, se, slope, found = _zscore(codes.j, codes.x, codes.n_j,
                                                     codes.category, codes.judges)
        return Fit(adjusted, offset, se, slope, tuple(found))


@dataclass(frozen=True)
class Severity(Normalisation):
    def fit(self, codes: Codes) -> Fit:
        offsets, _, se = _additive(codes.e, codes.j, codes.x, codes.n_e, codes.n_j)
        return Fit(codes.x - offsets[codes.j], offsets, se, np.ones(codes.n_j))


@dataclass(frozen=True)
class LeniencySpread(Normalisation):
    def fit(self, codes: Codes) -> Fit:
        count = np.bincount(codes.j, minlength=codes.n_j).astype(float)
        weight = count / (count + SPREAD_PRIOR_FACTOR * codes.min_scores)
        adjusted, offset, se, slope, found = _leniency_spread(
            codes.e, codes.j, codes.x, codes.n_e, codes.n_j, codes.category, codes.judges,
            weight)
        shrunk = np.flatnonzero(count < SPREAD_PRIOR_FACTOR * codes.min_scores)
        if len(shrunk):
            listed = ", ".join(f"{codes.judges[i]} ({int(count[i])}: "
                               f"{round(100 * (1 - weight[i]))}%)" for i in shrunk)
            found.append(warning("fairness.spread_shrunk",
                                 cell=", ".join(str(codes.judges[i]) for i in shrunk),
                                 category=codes.category, judges=listed))
        return Fit(adjusted, offset, se, slope, tuple(found), weight)


NORMALISATIONS: Registry[Normalisation] = Registry("normalisation")
NORMALISATIONS.register(Normalisation("none", "fairness.method.none", (MIN_SCORES,)))
NORMALISATIONS.register(ZScore("zscore", "fairness.method.zscore", (MIN_SCORES,),
                               warns_uneven=True))
NORMALISATIONS.register(Severity("severity", "fairness.method.severity", (MIN_SCORES,),
                                 needs_connected=True))
NORMALISATIONS.register(LeniencySpread("leniency_spread", "fairness.method.leniency_spread",
                                       (MIN_SCORES,), needs_connected=True))


# ---------------------------------------------------------------------------------------------
# The fits: each takes one category's marks as integer codes and returns the adjusted values
# and per-judge (offset, offset_se, slope), plus warnings.


def _zscore(j: np.ndarray, x: np.ndarray, n_j: int, category: str, judges: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[Problem]]:
    count = np.bincount(j, minlength=n_j).astype(float)
    mean = np.bincount(j, x, minlength=n_j) / count
    centred = x - mean[j]
    ss = np.bincount(j, centred**2, minlength=n_j)
    sd = np.sqrt(ss / np.maximum(count - 1, 1))
    panel_mean = x.mean()
    # pooled within-judge SD: the panel's spread with each judge's own level taken out
    panel_sd = np.sqrt(ss.sum() / max((count - 1).sum(), 1))
    problems = []
    # a spread of a millionth of a point is rounding noise, not a spread
    constant = sd <= 1e-6 * max(panel_sd, 1.0)
    for i in np.flatnonzero(constant):
        problems.append(warning("fairness.constant_judge", cell=str(judges[i]),
                                category=category, judge=str(judges[i]),
                                total=format_figure(mean[i])))
    z = np.where(constant[j], 0.0, centred / np.where(constant, 1.0, sd)[j])
    adjusted = panel_mean + panel_sd * z
    offset = mean - panel_mean
    slope = np.where(constant, 0.0, sd / panel_sd if panel_sd > 0 else np.nan)
    return adjusted, offset, np.full(n_j, np.nan), slope, problems


def _additive(e: np.ndarray, j: np.ndarray, x: np.ndarray, n_e: int, n_j: int,
              weights: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Least-squares ``x = q_e + o_j`` with Σ o = 0: (offsets, qualities, offset SEs).

    The qualities are eliminated ("absorbed"): with ``A`` the entry × judge incidence matrix,
    the offsets solve ``L o = s − Aᵀ (r / n)``, ``L = diag(c) − Aᵀ diag(1/n) A`` (``n``: scores
    per entry, ``c``: per judge, ``r``, ``s``: their sums). ``L`` is the design graph's
    weighted Laplacian, singular along the all-ones vector only when the design is connected;
    adding ``11ᵀ/k`` removes that direction and gives the sum-to-zero solution. A k × k solve:
    5,000 entries × 7 judges costs milliseconds. ``weights`` (optional) weight each score.
    """
    w = np.ones_like(x) if weights is None else weights
    incidence = sparse.csr_matrix((w, (e, j)), shape=(n_e, n_j))
    n = np.bincount(e, w, minlength=n_e)
    c = np.bincount(j, w, minlength=n_j)
    r = np.bincount(e, w * x, minlength=n_e)
    s = np.bincount(j, w * x, minlength=n_j)
    scaled = sparse.diags(1.0 / n) @ incidence
    laplacian = np.diag(c) - (incidence.T @ scaled).toarray()
    rhs = s - incidence.T @ (r / n)
    projector = np.full((n_j, n_j), 1.0 / n_j)
    inverse = np.linalg.inv(laplacian + projector)
    offsets = inverse @ rhs
    offsets -= offsets.mean()  # exact zero sum despite rounding
    quality = (r - incidence @ offsets) / n
    residual = x - quality[e] - offsets[j]
    dof = len(x) - n_e - n_j + 1
    sigma2 = float(np.sum(w * residual**2) / dof) if dof > 0 else np.nan
    # Cov(o) = σ² L⁺ and L⁺ = (L + 11ᵀ/k)⁻¹ − 11ᵀ/k for a connected design
    se = np.sqrt(np.maximum(np.diag(inverse - projector), 0.0) * sigma2)
    return offsets, quality, se


def _leniency_spread(e: np.ndarray, j: np.ndarray, x: np.ndarray, n_e: int, n_j: int,
                     category: str, judges: np.ndarray, weight: np.ndarray
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[Problem]]:
    """Alternating least squares for ``x = α_j + b_j c_e`` (``c``: centred quality), started
    from the additive fit. Each half-step is a closed-form fit (per judge: a straight line on
    c, its slope shrunk toward 1 by the judge's spread ``weight``; per entry: c given the
    lines); it stops when the residual sum no longer falls."""
    offsets, quality, _ = _additive(e, j, x, n_e, n_j)
    level = quality.mean()
    alpha = level + offsets
    b = np.ones(n_j)
    c = quality - level
    count = np.bincount(j, minlength=n_j).astype(float)
    floored = np.zeros(n_j, dtype=bool)
    fitted_b = b.copy()
    previous = np.inf
    converged = False
    scale = max(float(np.std(x)), 1e-9)
    for _ in range(MAX_ITERATIONS):
        # per judge: least-squares line of x on c
        c_obs = c[e]
        c_mean = np.bincount(j, c_obs, minlength=n_j) / count
        x_mean = np.bincount(j, x, minlength=n_j) / count
        sxy = np.bincount(j, (c_obs - c_mean[j]) * (x - x_mean[j]), minlength=n_j)
        sxx = np.bincount(j, (c_obs - c_mean[j]) ** 2, minlength=n_j)
        b = 1 + weight * (np.where(sxx > 0, sxy / np.where(sxx > 0, sxx, 1.0), 1.0) - 1)
        fitted_b = b.copy()
        floored = b < SLOPE_FLOOR
        b = np.maximum(b, SLOPE_FLOOR)
        alpha = x_mean - b * c_mean
        # per entry: c given the lines
        c = (np.bincount(e, b[j] * (x - alpha[j]), minlength=n_e)
             / np.bincount(e, b[j] ** 2, minlength=n_e))
        # identification: the b average 1, the c average 0 (the average judge's scale)
        mean_b = b.mean()
        c *= mean_b
        b /= mean_b
        shift = c.mean()
        c -= shift
        alpha += b * shift
        rss = float(np.sum((x - alpha[j] - b[j] * c[e]) ** 2))
        if previous - rss <= TOLERANCE * scale**2 * len(x):
            converged = True
            break
        previous = rss
    level = alpha.mean()
    a = alpha - level
    problems = []
    if not converged:
        problems.append(warning("fairness.not_converged", category=category,
                                iterations=MAX_ITERATIONS))
    for i in np.flatnonzero(floored):
        problems.append(warning("fairness.flat_slope", cell=str(judges[i]), category=category,
                                judge=str(judges[i]), slope=format_figure(fitted_b[i]),
                                floor=format_figure(SLOPE_FLOOR)))
    # Take out what the model explains — the judge's level, and the judge's extra (or
    # missing) spread at this entry's quality — and leave the judge's noise as it is.
    # (Dividing by the slope, (x − q̄ − a)/b, would also multiply a narrow judge's noise by
    # 1/b; the benchmark shows it then ranks worse than no correction at all.)
    adjusted = x - a[j] - (b[j] - 1) * c[e]
    return adjusted, a, np.full(n_j, np.nan), b, problems


def format_figure(value: float) -> str:
    """A figure for a message: two decimals, the same in both languages."""
    # messages carry text, so the number reads the same in both languages (no separators)
    return f"{value:.2f}"
