"""Juri's engine: rubric → score table → totals → panel → ranking → awards (no page code here).

The one call the shells use is :func:`scoring.pipeline.score`; the README's "What is where"
shows the layers.
"""
