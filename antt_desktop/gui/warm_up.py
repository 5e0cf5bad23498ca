"""What the program prepares while the officer types the password at the login.

Typing the account name and the password takes a few seconds; preparing the window takes
about a second on an old PC. Done meanwhile, the login's OK leaves only the key derivation,
the database's opening and the window's own building:

- on a thread, the database layer (SQLAlchemy's mappers) and the locale's number formats —
  nothing of Qt: PySide6 sets its types up as they are first used, and doing that on two
  threads at once crashes the program;
- on the GUI thread, once the login window is painted, the main window's module, the module
  of the page it opens on and the drafts offer, one per turn of the event loop so that the
  keys typed meanwhile are taken between them.

Nothing here makes a widget or reads the database, and nothing is imported before the login
window is up (the navigation's modules bring the database layer with them).
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from antt_desktop.i18n.translator import Translator

log = logging.getLogger(__name__)

#: Imported on the GUI thread while the password is typed (the first page's is added).
WINDOW_MODULES = ("antt_desktop.gui.main_window", "antt_desktop.gui.common.drafts_offer")


def first_page_key(last_page: str | None) -> str:
    """The page the main window opens on: the one the officer left, else the first."""
    from antt_desktop.gui.common.navigation import PAGES

    keys = [entry.key for entry in PAGES]
    return last_page if last_page in keys else keys[0]


def import_first_page(last_page: str | None) -> None:
    """Import the module of the page the window opens on (PageMissing when not built)."""
    from antt_desktop.gui.common.navigation import PAGES, page_class

    key = first_page_key(last_page)
    page_class(next(entry for entry in PAGES if entry.key == key))


def prepare_data_layer(tr: Translator) -> None:
    """On a thread: import and configure the database layer, load the locale's numbers."""
    try:
        from antt_desktop.i18n.formatting import fmt_int
        from antt_desktop.services import post_rows

        post_rows.warm_up()
        fmt_int(0, tr)  # babel reads the locale's data on its first number
    except Exception:  # the login imports them again and reports any real problem
        log.debug("warm-up of the data layer failed", exc_info=True)


def start_data_layer(tr: Translator) -> threading.Thread:
    thread = threading.Thread(
        target=prepare_data_layer, args=(tr,), name="antt-warm-up", daemon=True
    )
    thread.start()
    return thread


def window_steps(last_page: str | None) -> list[Callable[[], object]]:
    """The imports of the window and of the page it opens on (``last_page``, the one the
    officer left, when it is one), one callable each."""
    first, *rest = WINDOW_MODULES
    return [
        lambda: importlib.import_module(first),
        lambda: import_first_page(last_page),
        *(lambda name=name: importlib.import_module(name) for name in rest),
    ]


class WindowPreparer(QObject):
    """Runs :func:`window_steps` on the GUI thread once ``login`` has painted, a step per
    turn of the event loop."""

    def __init__(self, login: QWidget, last_page: str | None) -> None:
        super().__init__(login)
        self.steps = window_steps(last_page)
        login.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._next)
        return False

    @property
    def done(self) -> bool:
        return not self.steps

    def _next(self) -> None:
        if not self.steps:
            return
        step = self.steps.pop(0)
        try:
            step()
        except Exception:  # the window imports it again and reports any real problem
            log.debug("warm-up of the window failed", exc_info=True)
        if self.steps:
            QTimer.singleShot(0, self._next)
