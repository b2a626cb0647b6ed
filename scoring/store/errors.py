"""What the archive raises.

Words used here:
- *refusal*: the archive will not do what was asked, for a reason a user can act on (the
  competition is already published, a correction has no reason, a lineage link names an
  unknown entry). It is a :class:`~scoring.problems.ProblemsError`, so it carries
  :class:`~scoring.problems.Problem` records with catalogue codes (``store.*``) and the shells
  show it like any other list of problems.
- *unknown id*: a competition, upload or revision id that is not in the database. Ids come
  from the archive itself, so an unknown one is a programming error (or a stale page): a
  :class:`LookupError`, not a problem.
"""

from __future__ import annotations

from scoring.problems import ProblemsError


class StoreRefusedError(ProblemsError):
    """The archive refused an operation; ``problems`` say why, in Indonesian and English."""


class UnknownCompetitionError(LookupError):
    """No competition with this id."""


class UnknownUploadError(LookupError):
    """No upload with this id."""


class UnknownRevisionError(LookupError):
    """The competition has no published revision with this number."""


class SchemaTooNewError(RuntimeError):
    """The database was made by a newer Juri (it has migrations this version does not know)."""
