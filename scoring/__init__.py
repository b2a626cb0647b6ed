"""Juri's engine: rubric → score table → totals → panel → ranking → awards (no Streamlit here).

The one call the shells use is :func:`scoring.pipeline.score`; see DESIGN.md for the flow.
"""
