"""Starting to the main window: only the page it opens on is built (the others when the
officer first goes to them, nothing of the first page missing), and the work done while the
password is typed prepares that page and no other."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.navigation import PAGES
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.common.settings_store import Preferences, SettingsStore
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.gui.reports.dashboard_page import DashboardPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def tiles(page: DashboardPage) -> dict[str, tuple[str, str]]:
    return {k: (t.value.text(), t.detail.text()) for k, t in page.tiles.tiles.items()}


def loaded(qtbot: QtBot, page: DashboardPage) -> DashboardPage:
    qtbot.waitUntil(lambda: page.data is not None and not page.loader.busy, timeout=10_000)
    return page


@pytest.mark.slow
def test_the_window_builds_only_its_first_page_and_the_others_when_first_shown(
    qtbot: QtBot, main_window: MainWindow, app_ctx: AppContext
) -> None:
    assert list(main_window.pages) == ["dashboard"]
    assert main_window.stack.count() == 1
    overview = main_window.pages["dashboard"]
    assert isinstance(overview, DashboardPage)
    alone = DashboardPage(app_ctx)  # the same page built on its own: what it must show
    qtbot.addWidget(alone)
    figures = tiles(loaded(qtbot, alone))
    assert tiles(loaded(qtbot, overview)) == figures
    assert all(value != "…" for value, _detail in figures.values())

    main_window.nav.setCurrentRow([e.key for e in PAGES].index("households"))
    households = main_window.stack.currentWidget()
    assert isinstance(households, Page) and households.isVisible()
    assert set(main_window.pages) == {"dashboard", "households"}
    assert main_window.page_errors == {}

    main_window.show_page("dashboard")  # back: the same page, its figures as they were
    assert main_window.stack.currentWidget() is overview
    assert tiles(overview) == figures


def test_the_window_opened_on_the_page_left_last_builds_that_page_alone(
    qtbot: QtBot, app_ctx: AppContext, settings_store: SettingsStore, prefs: Preferences
) -> None:
    settings_store.last_page = "teams"
    window = MainWindow(app_ctx, settings_store, prefs=prefs)
    qtbot.addWidget(window)
    window.show()
    assert list(window.pages) == ["teams"]
    assert window.stack.currentWidget() is window.pages["teams"]
    assert isinstance(window.pages["teams"], Page)


WARM_UP = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import antt_desktop.gui.app  # what runs before the login window is up
before_login = {"sqlalchemy": "sqlalchemy" in sys.modules}
from PySide6.QtWidgets import QApplication, QDialog
from antt_desktop.gui import warm_up
from antt_desktop.gui.common.navigation import PAGES
from antt_desktop.i18n.translator import Translator
qt_before = {m for m in sys.modules if m.startswith("PySide6")}
warm_up.start_data_layer(Translator("vi")).join()
qt_by_thread = sorted({m for m in sys.modules if m.startswith("PySide6")} - qt_before)
from antt_desktop.store.models import Person
mappers = Person.__mapper__.configured
qapp = QApplication([])
login = QDialog()
preparer = warm_up.WindowPreparer(login, sys.argv[1])
login.show()
while not preparer.done:
    qapp.processEvents()
print(json.dumps({
    **before_login,
    "mappers": mappers,
    "qt_by_thread": qt_by_thread,
    "pages": sorted(e.key for e in PAGES if e.module_path in sys.modules),
    "window": "antt_desktop.gui.main_window" in sys.modules,
}))
"""


def warm_up_in_a_fresh_process(last_page: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", WARM_UP, last_page],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.slow
def test_while_the_password_is_typed_the_window_and_its_first_page_are_prepared() -> None:
    found = warm_up_in_a_fresh_process("households")
    assert found == {
        "sqlalchemy": False,  # the login window comes up without the database layer
        "mappers": True,  # configured on the thread while the password is typed
        "qt_by_thread": [],  # Qt's types are set up on the GUI thread only (else: a crash)
        "pages": ["households"],  # the other pages wait until the officer opens them
        "window": True,
    }
    assert warm_up_in_a_fresh_process("no such page")["pages"] == ["dashboard"]
