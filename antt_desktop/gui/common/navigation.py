"""The navigation entries of the main window and how their pages are found.

Pages are imported by module name the first time the officer opens them, so starting the
application costs only the page it opens on. A page module that is not part of this build
yet gives a plain placeholder instead of an error.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem, QWidget

from antt_desktop.gui.common.page import Page
from antt_desktop.i18n.translator import N_, Translator

PAGES_PACKAGE = "antt_desktop.gui"  # each feature folder holds its page


@dataclass(frozen=True)
class PageEntry:
    """One navigation entry: a stable key, its English label id and where its page lives."""

    key: str
    label: str
    module: str
    class_name: str
    #: the page's constructor also takes ``prefs=`` (the Settings page).
    takes_prefs: bool = False

    @property
    def module_path(self) -> str:
        return f"{PAGES_PACKAGE}.{self.module}"


# Labels carry a "navigation|" context: short words like "Households" mean something else
# in other catalogues (a report figure), and gettext matches on the id alone.
PAGES: tuple[PageEntry, ...] = (
    PageEntry("dashboard", N_("navigation|Overview"), "reports.dashboard_page", "DashboardPage"),
    PageEntry("dossiers", N_("navigation|Managed persons"), "dossiers.page", "DossiersPage"),
    PageEntry("households", N_("navigation|Households"), "households.page", "HouseholdsPage"),
    PageEntry("initiatives", N_("navigation|Initiatives"), "initiatives.page", "InitiativesPage"),
    PageEntry("teams", N_("navigation|Security teams"), "teams.page", "TeamsPage"),
    PageEntry(
        "commendations",
        N_("navigation|Commendations"),
        "initiatives.commendations_page",
        "CommendationsPage",
    ),
    PageEntry("reports", N_("navigation|Reports"), "reports.page", "ReportsPage"),
    PageEntry("sync", N_("navigation|Sync"), "sync.page", "SyncPage"),
    PageEntry(
        "settings", N_("navigation|Settings"), "settings.page", "SettingsPage", takes_prefs=True
    ),
)


def label_text(tr: Translator, message: str) -> str:
    """``tr(message)``, or the English after the ``context|`` prefix when untranslated."""
    text = tr(message)
    return text.split("|", 1)[-1] if text == message else text


class PageMissing(Exception):
    """The page's module is not part of this build (yet)."""


def page_class(entry: PageEntry) -> type[Page]:
    """The page class of ``entry``; PageMissing when its module does not exist.

    Any other import failure (a bug in the page) propagates.
    """
    try:
        module = importlib.import_module(entry.module_path)
    except ModuleNotFoundError as exc:
        if exc.name == entry.module_path:
            raise PageMissing(entry.module_path) from exc
        raise
    cls = getattr(module, entry.class_name, None)
    if cls is None:
        raise PageMissing(f"{entry.module_path}.{entry.class_name}")
    return cls  # type: ignore[no-any-return]


class NavigationList(QListWidget):
    """The list of pages on the left: big, readable entries, one per page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setUniformItemSizes(True)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(2)
        for entry in PAGES:
            item = QListWidgetItem(entry.label)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.addItem(item)
        self.update_font()
        qapp = QApplication.instance()
        if isinstance(qapp, QApplication):  # a style-sheeted list misses the font event
            qapp.fontChanged.connect(self.update_font)

    def update_font(self, *_font: object) -> None:
        """Entries a little larger than the application's text, and bold."""
        font = QFont(QApplication.font())
        font.setPointSize(max(font.pointSize(), 8) + 2)
        font.setBold(True)
        self.setFont(font)
        self.setFixedWidth(self.sizeHintForColumn(0) + 36)

    def retranslate(self, tr: Translator) -> None:
        for row, entry in enumerate(PAGES):
            self.item(row).setText(label_text(tr, entry.label))
        self.setFixedWidth(self.sizeHintForColumn(0) + 36)
