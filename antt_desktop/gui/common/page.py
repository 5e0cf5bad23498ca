"""The contract every page of the main window keeps (one page per navigation entry)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.services.changes import Changes


class Page(QWidget):
    """A page of the main window.

    Subclasses build their widgets in ``__init__(app, parent)``, translate every visible
    string with ``self.tr_(...)`` (gettext, not Qt's ``tr``), and implement:

    - :meth:`retranslate` — set every visible text again (the language changed);
    - :meth:`refresh` — reload what depends on the kinds of records ``changes`` touched;
    - :meth:`new_record` (Ctrl+N) and :meth:`focus_search` (Ctrl+F) where they make sense.
    """

    #: English message id of the navigation entry (translated by the shell).
    title = ""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        app.changes.changed.connect(self._on_changed)
        app.changes.language_changed.connect(self.retranslate)

    def tr_(self, message: str) -> str:
        return self.app.tr(message)

    def _on_changed(self, changes: Changes) -> None:
        self.refresh(changes)

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def refresh(self, changes: Changes) -> None:
        """Reload the data that depends on what ``changes`` touched (``EVERYTHING``: all)."""

    def new_record(self) -> None:
        """Ctrl+N: start a new record of this page's kind (no-op where none)."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in this page's search box (no-op where none)."""
