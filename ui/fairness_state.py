"""Cached fairness figures for the pages: rank confidence, the panel plan and the
sensitivity report.

All come from the engine through the page models (:mod:`ui.views.rewards`,
:mod:`ui.views.sensitivity`), once per competition: the cache is
keyed on the result's fingerprint (the digest of the rubric, the entries and every score), not
on the language or the page, so switching pages or languages never recomputes them. What is
cached is the same in every language (numbers, ids, flags); the pages take names and award
labels from the result in the reader's language. The sensitivity report carries problems
(not picklable), so it is kept as a resource: the pages only read it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scoring.problems import Problem
from scoring.result import Result
from scoring.workspace.session import Outcome
from ui.views import planner as planner_view
from ui.views import rewards as rewards_view
from ui.views import sensitivity as sensitivity_view


@st.cache_data(max_entries=16, show_spinner=False)
def _confidence(fingerprint: str, _result: Result) -> pd.DataFrame:
    return rewards_view.confidence_figures(_result)


def confidence(result: Result) -> pd.DataFrame:
    """Rank confidence of a result (fixed seed; cached by its fingerprint)."""
    return _confidence(result.fingerprint, result)


@st.cache_data(max_entries=32, show_spinner=False)
def _plan(fingerprint: str, target: float, _result: Result
          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    return planner_view.plan_figures(_result, target)


def plan(result: Result, target: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The panel plan of a result for ``target`` (fixed seed; cached by its fingerprint and
    the target)."""
    return _plan(result.fingerprint, target, result)


@st.cache_resource(max_entries=16, show_spinner=False)
def _sensitivity(fingerprint: str, _outcome: Outcome
                 ) -> tuple[pd.DataFrame, list[Problem]]:
    return sensitivity_view.sensitivity_figures(_outcome)


def sensitivity(outcome: Outcome) -> tuple[pd.DataFrame, list[Problem]]:
    """The sensitivity report of an outcome with a result (cached by its fingerprint)."""
    assert outcome.result is not None
    return _sensitivity(outcome.result.fingerprint, outcome)
