"""Workflows over a competition: the session's inputs and their outcome (:mod:`.session`),
judges' templates (:mod:`.templates`), what-if scoring (:mod:`.whatif`), and the archive as
the app and the CLI open and publish to it: judges' files submitted and the result published
or corrected (:mod:`.publishing`), the bundled sample archive (:mod:`.sample`). Above the
engine and the store, below the shells (the app's pages and page models, the CLI)."""
