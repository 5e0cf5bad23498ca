"""Fixtures for the window tests: an application context over the ``db`` post, preferences in
a temporary INI file, and the window itself; Qt's global state is restored after each test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.qt_translation import LanguageSwitch
from antt_desktop.gui.common.settings_store import Preferences, SettingsStore
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.store.database import Database

TODAY = date(2026, 11, 22)


@pytest.fixture
def qt_state(qapp: QApplication) -> Iterator[None]:
    """Put back the application font and Qt's default locale that a test changed."""
    font, locale = qapp.font(), QLocale()
    yield
    qapp.setFont(font)
    QLocale.setDefault(locale)


@pytest.fixture
def app_ctx(db: Database) -> AppContext:
    """The window's context over the ``db`` post: officer canbo1, Vietnamese, 22/11/2026."""
    return AppContext(db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: TODAY)


@pytest.fixture
def settings_store(tmp_path: Path) -> SettingsStore:
    return SettingsStore.at(tmp_path / "settings" / "settings.ini")


@pytest.fixture
def prefs(
    qapp: QApplication, qt_state: None, app_ctx: AppContext, settings_store: SettingsStore
) -> Iterator[Preferences]:
    """Preferences that really switch the language and font (undone after the test)."""
    languages = LanguageSwitch(qapp, app_ctx)
    yield Preferences(settings_store, qapp, languages, app_ctx.db.path.parent)
    languages.uninstall()


@pytest.fixture
def main_window(
    qtbot: QtBot, app_ctx: AppContext, settings_store: SettingsStore, prefs: Preferences
) -> MainWindow:
    """The main window over the ``db`` post, shown at 1366×768."""
    window = MainWindow(app_ctx, settings_store, prefs=prefs)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window
