"""The rubric: everything that decides a result, loaded from YAML into immutable objects.

Words used here:
- *node*: an entry in the criteria tree. A *leaf* (scored criterion) has a ``scale``; a *group*
  has ``children``. Ids are unique over the whole tree.
- *weighting*: ``percent`` — weights are relative shares among siblings and totals are on a
  0–100 scale (a leaf contributes ``share × score / max × 100``); ``points`` — weights are plain
  multipliers on raw points (a leaf contributes ``product of weights on its path × score``).
- *effective weight*: the factor a leaf's score is multiplied by, per category (a category may
  use only part of the tree; percent weights are then shared out among what it uses).
- *panel rule*: how the judges' marks are combined (``mean``, ``median``, ``trimmed_mean``,
  ``rank_sum``), applied to each judge's total or to each criterion before weighting.
- *overrides*: what one category does differently (``categories[i].overrides``): its own
  node weights, panel rule or tie-breaks (:meth:`Rubric.panel_for`, ``tie_breaks_for``,
  ``weight_of``).
- *inputs*: values per entry that are not judged (``inputs``: difficulty, deduction, bonus,
  eligibility yes/no), read from an inputs file (:mod:`scoring.inputs`).
- *total formula*: ``total`` (or ``categories[i].overrides.total``), a formula
  (:mod:`scoring.formula`) over the panel's part of each node (by its id), each input (by
  its id) and ``panel`` (the panel's total); the entry's total is its value.
- *stages*: a competition in stages (``stages``, ``final``): gates of yes/no inputs and
  scored rounds of some of the criteria, shortlists between them, and the final combination
  (:mod:`scoring.stages`). Not to be confused with the rounding stages below.
- *rounding stage*: ``criterion`` (a criterion's panel score), ``weighted_criterion``,
  ``group`` (every group subtotal) and ``total``; ``None`` means not rounded at that stage.

A file with mistakes is refused with every mistake at once as :class:`~scoring.problems.Problem`
records, each naming the file and the path inside it (``criteria[2].children[0].scale.max``).
"""

from scoring.rubric.flow import Final, Input, InputScale, Shortlist, Stage
from scoring.rubric.load import load_rubric, parse_rubric
from scoring.rubric.model import Rubric, fingerprint_of
from scoring.rubric.parts import (
    AwardRules,
    Awards,
    BandAward,
    Category,
    CategoryOverrides,
    Confidence,
    Criterion,
    Level,
    Normalisation,
    Panel,
    PlaceAward,
    Rounding,
    Scale,
    TieBreak,
)

__all__ = [
    "AwardRules", "Awards", "BandAward", "Category", "CategoryOverrides", "Confidence",
    "Criterion", "Final", "Input", "InputScale", "Level", "Normalisation", "Panel", "PlaceAward",
    "Rounding", "Rubric", "Scale", "Shortlist", "Stage", "TieBreak",
    "fingerprint_of", "load_rubric", "parse_rubric",
]
