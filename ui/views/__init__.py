"""Page models: what each page of the app shows, computed from the engine's results — display
frames, labels, number formats and styles, chart data, slider limits. No Streamlit here: the
pages in ``ui/`` lay these out, and plain pytest tests them.

Importing this package adds the app's texts (:mod:`ui.views.texts`) to the catalogue.
"""

from ui.views import texts

texts.register_all()
