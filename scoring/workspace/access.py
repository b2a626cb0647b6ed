"""Who may do what in the shared workspace: the roles and their rules, in one place.

Words used here:
- *actor*: who is asking (:class:`Actor`): an ``organiser`` (signed in, by username), a
  ``judge`` (through their private link: one judge of one competition) or the ``public`` (no
  sign-in). ``system`` is the CLI run by someone with access to the server.
- *permission*: what is asked (:data:`PERMISSIONS`):

  ``manage``       set up competitions, judges, links, assignments; see the board, every
                   judge's marks and the unreleased ranking; publish, correct, delete a
                   draft, read the audit log. Organisers (and the system) only.
  ``judge``        act as one judge of one competition: download their own template, upload,
                   read their own uploads, reports and versions, mark their submission
                   final. That judge (their link) or an organiser on their behalf.
  ``released``     read a competition's released results. Everyone once it is released;
                   before that, organisers only.

  A judge never gets ``manage``: never the ranking, the board or another judge's marks.
- *refusal*: a :class:`~scoring.problems.Problem` saying why not (:func:`refusal`), or the
  same raised as :class:`AccessRefusedError` (:func:`require`).
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.problems import Problem, ProblemsError, error

ORGANISER, JUDGE, PUBLIC, SYSTEM = "organiser", "judge", "public", "system"
ROLES = (ORGANISER, JUDGE, PUBLIC, SYSTEM)
MANAGE, ACT_AS_JUDGE, RELEASED = "manage", "judge", "released"
PERMISSIONS = (MANAGE, ACT_AS_JUDGE, RELEASED)


@dataclass(frozen=True)
class Actor:
    """Who is asking. ``judge_id`` and ``competition_id`` are set for a judge only."""

    role: str
    name: str
    judge_id: int | None = None
    competition_id: int | None = None

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")
        if (self.role == JUDGE) != (self.judge_id is not None):
            raise ValueError("a judge actor needs a judge_id, and only a judge has one")

    @property
    def can_manage(self) -> bool:
        return self.role in (ORGANISER, SYSTEM)


PUBLIC_ACTOR = Actor(PUBLIC, "-")


def organiser(username: str) -> Actor:
    return Actor(ORGANISER, username)


def system(name: str = "cli") -> Actor:
    return Actor(SYSTEM, name)


def judge(name: str, judge_id: int, competition_id: int) -> Actor:
    return Actor(JUDGE, name, judge_id, competition_id)


class AccessRefusedError(ProblemsError):
    """The actor may not do this; ``problems`` say why."""


def refusal(actor: Actor, permission: str, *, competition_id: int | None = None,
            judge_id: int | None = None, released: bool = False) -> Problem | None:
    """Why ``actor`` may not have ``permission`` (on ``competition_id``, as ``judge_id``,
    whose results are ``released`` or not); None when allowed."""
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    if actor.can_manage:
        return None
    if permission == RELEASED:
        if released:
            return None
        if actor.role == JUDGE:
            return error("access.refused.judge_results")
        return error("access.refused.not_released")
    if actor.role != JUDGE:
        return error("access.refused.organiser_only")
    if permission == MANAGE:
        return error("access.refused.judge_results")
    if competition_id is not None and competition_id != actor.competition_id:
        return error("access.refused.other_competition")
    if judge_id is not None and judge_id != actor.judge_id:
        return error("access.refused.other_judge")
    return None


def require(actor: Actor, permission: str, *, competition_id: int | None = None,
            judge_id: int | None = None, released: bool = False) -> None:
    """Raise :class:`AccessRefusedError` unless ``actor`` has ``permission``."""
    problem = refusal(actor, permission, competition_id=competition_id, judge_id=judge_id,
                      released=released)
    if problem is not None:
        raise AccessRefusedError([problem])
