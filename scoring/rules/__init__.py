"""Registries of the rules a rubric names: one small class per rule, one registry per kind.

- :data:`scoring.rules.panel.PANEL_RULES` — how judges' marks combine (``panel.rule``);
- :data:`scoring.rules.normalisation.NORMALISATIONS` — judge normalisations
  (``normalisation.method``);
- :data:`scoring.rules.tiebreaks.TIE_BREAKS` — named tie-breaks (``tie_breaks[].rule``);
- :data:`scoring.rules.awards.AWARD_RULES` — award kinds (``awards.places``, ``awards.bands``).

The common base (rule, parameter, registry) is :mod:`scoring.rules.registry`. Adding a rule
means one class and one ``register`` call in its kind's module: the rubric loader, the
pipeline, rank confidence, the sensitivity report and the app's choices all ask the registry.
(This package imports nothing eagerly, so that :mod:`scoring.rubric` can use the registries.)
"""
