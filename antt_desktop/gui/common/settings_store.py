"""The preferences on this computer: language, font size, the idle lock's period, window
geometry, last page.

Stored with :class:`QSettings` in an INI file beside the data (``<data dir>/settings.ini``),
so a portable install keeps them and tests use a temporary file. The settings object is
passed in, never reached for globally.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication

from antt_desktop.gui.common.qt_translation import LanguageSwitch
from antt_desktop.i18n.translator import DEFAULT_LANGUAGE, LANGUAGES

SETTINGS_FILENAME = "settings.ini"
#: Font sizes the officer can choose, in points.
FONT_POINTS = {"small": 9, "normal": 10, "large": 12}
DEFAULT_FONT = "normal"
#: Minutes without a key press or a mouse move before the session locks (SECURITY.md).
IDLE_LOCK_MINUTES = 10
IDLE_LOCK_RANGE = (1, 60)


class SettingsStore:
    """Typed access to the preferences kept in one :class:`QSettings`."""

    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    @classmethod
    def at(cls, path: Path) -> SettingsStore:
        """Preferences kept in the INI file at ``path`` (created when first written)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _text(self, key: str) -> str | None:
        value = self.qsettings.value(key)
        return str(value) if value not in (None, "") else None

    # --- language and font ---------------------------------------------------------
    @property
    def language(self) -> str:
        value = self._text("ui/language")
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        self.qsettings.setValue("ui/language", lang)

    def has_language(self) -> bool:
        return self._text("ui/language") in LANGUAGES

    @property
    def font_size(self) -> str:
        value = self._text("ui/font_size")
        return value if value in FONT_POINTS else DEFAULT_FONT

    @font_size.setter
    def font_size(self, size: str) -> None:
        if size not in FONT_POINTS:
            raise ValueError(f"unknown font size {size!r}")
        self.qsettings.setValue("ui/font_size", size)

    # --- the idle lock ------------------------------------------------------------------
    @property
    def idle_lock_minutes(self) -> int:
        try:
            value = int(str(self.qsettings.value("security/idle_lock_minutes", IDLE_LOCK_MINUTES)))
        except ValueError:
            return IDLE_LOCK_MINUTES
        low, high = IDLE_LOCK_RANGE
        return min(max(value, low), high)  # an edited file never turns the lock off

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        low, high = IDLE_LOCK_RANGE
        if not low <= minutes <= high:
            raise ValueError(f"idle lock of {minutes} minutes is outside {IDLE_LOCK_RANGE}")
        self.qsettings.setValue("security/idle_lock_minutes", minutes)

    # --- the main window -------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        value = self.qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", value)

    @property
    def last_page(self) -> str | None:
        return self._text("window/last_page")

    @last_page.setter
    def last_page(self, page_id: str) -> None:
        self.qsettings.setValue("window/last_page", page_id)

    @property
    def server_url(self) -> str | None:
        """The address of the post's database on a server, chosen at the first start
        (never with the server's password: docs/POSTGRESQL.md)."""
        return self._text("database/server_url")

    @server_url.setter
    def server_url(self, url: str) -> None:
        self.qsettings.setValue("database/server_url", url)

    def sync(self) -> None:
        self.qsettings.sync()


def apply_font_size(qapp: QApplication, size: str) -> None:
    """Set the application's font to the chosen size (every widget follows)."""
    font = qapp.font()
    font.setPointSize(FONT_POINTS.get(size, FONT_POINTS[DEFAULT_FONT]))
    qapp.setFont(font)


class Preferences:
    """What the Settings page changes: remembered in the store and applied at once."""

    def __init__(
        self, store: SettingsStore, qapp: QApplication, languages: LanguageSwitch, data_dir: Path
    ) -> None:
        self.store = store
        self._qapp = qapp
        self._languages = languages
        self.data_dir = data_dir
        #: told the new period when the idle lock's minutes change (the main window's lock)
        self.idle_lock_listeners: list[Callable[[int], None]] = []

    @property
    def language(self) -> str:
        return self._languages.language

    def set_language(self, lang: str) -> None:
        self.store.language = lang
        self._languages.switch(lang)

    @property
    def font_size(self) -> str:
        return self.store.font_size

    def set_font_size(self, size: str) -> None:
        self.store.font_size = size
        apply_font_size(self._qapp, size)

    @property
    def idle_lock_minutes(self) -> int:
        return self.store.idle_lock_minutes

    def set_idle_lock_minutes(self, minutes: int) -> None:
        self.store.idle_lock_minutes = minutes
        for listener in self.idle_lock_listeners:
            listener(minutes)
