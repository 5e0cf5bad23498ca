"""The main window: navigation on the left, the pages on the right, the post in the status bar."""

from __future__ import annotations

import functools
import logging
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from antt_desktop import __version__
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.idle_lock import IdleLock
from antt_desktop.gui.common.leaving import (
    LeaveQuestion,
    keep_drafts,
    open_editors,
    settle_editors,
    unsaved_editors,
)
from antt_desktop.gui.common.navigation import (
    PAGES,
    NavigationList,
    PageEntry,
    PageMissing,
    label_text,
    page_class,
)
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.common.qt_translation import LanguageSwitch
from antt_desktop.gui.common.settings_store import IDLE_LOCK_MINUTES, Preferences, SettingsStore
from antt_desktop.gui.settings.password_dialog import change_own_password
from antt_desktop.i18n.texts.accounts import CHANGE_PASSWORD
from antt_desktop.i18n.translator import N_
from antt_desktop.security.roles import Permission
from antt_desktop.services import dossier_rows
from antt_desktop.services.audit_events import LOCK_BY_HAND, record_logout
from antt_desktop.services.changes import EVERYTHING, Changes
from antt_desktop.store.errors import KnownError

if TYPE_CHECKING:
    from antt_desktop.gui.common.drafts_offer import DraftsOffer
    from antt_desktop.gui.settings.audit_browser import AuditBrowser
    from antt_desktop.gui.settings.import_dialog import ImportDialog
    from antt_desktop.store.postgresql_notify import Listener

log = logging.getLogger(__name__)

NAV_STYLE = "QListWidget#navigation::item { padding: 9px 12px; }"


class ElidedLabel(QLabel):
    """A one-line label that, short of room, cuts its text in the middle (a long folder
    keeps its drive and its file name in view); the whole text is in its tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self._whole = ""
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_whole_text(self, text: str) -> None:
        self._whole = text
        self.setToolTip(text)
        self._elide()

    def whole_text(self) -> str:
        return self._whole

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance(self._whole)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right() + 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(self.contentsRect().width() - 4, 0)
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideMiddle, room)
        if shown != self.text():
            self.setText(shown)


#: How long the window gathers the other desks' writes before it refreshes (ms): a burst of
#: writes there is one refresh here.
ELSEWHERE_DELAY_MS = 300


class _Elsewhere(QObject):
    """The other desks' writes, heard on the listener's thread, brought to the window's
    (a queued signal): what changed, None for "anything may have"."""

    heard = Signal(object)


class MainWindow(QMainWindow):
    """The application window over one open post database.

    Args:
        app: the open post, the actor, the language and the change bus.
        settings: where geometry and the last page are remembered (None: nothing is).
        prefs: what the Settings page changes; built here (over ``settings``) when None.
    """

    def __init__(
        self,
        app: AppContext,
        settings: SettingsStore | None = None,
        *,
        prefs: Preferences | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self.settings = settings
        self._own_languages: LanguageSwitch | None = None
        if prefs is None and settings is not None:
            qapp = QApplication.instance()
            assert isinstance(qapp, QApplication)
            self._own_languages = LanguageSwitch(qapp, app)
            prefs = Preferences(settings, qapp, self._own_languages, app.db.path.parent)
        self.prefs = prefs
        self.pages: dict[str, QWidget] = {}
        self.page_errors: dict[str, str] = {}
        self._unit_name, self._unit_code, self._user_name = self._read_unit()

        self.nav = NavigationList()
        self.nav.setStyleSheet(NAV_STYLE)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._post_label = QLabel()
        self._user_label = QLabel()
        self._path_label = ElidedLabel()
        self._path_label.setObjectName("statusPath")
        self._path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._post_label.setObjectName("statusPost")
        self.statusBar().addWidget(self._post_label, 1)
        for label in (self._user_label, self._path_label):
            label.setContentsMargins(12, 0, 6, 0)
        self.statusBar().addPermanentWidget(self._user_label)
        self.statusBar().addPermanentWidget(self._path_label, 1)
        minutes = prefs.idle_lock_minutes if prefs is not None else IDLE_LOCK_MINUTES
        self.idle_lock = IdleLock(app, self, minutes=minutes)
        # the lock never asks (the officer may have walked away: it covers at once); the
        # editors stay open under the cover as typed, and their texts are kept as drafts
        self.idle_lock.locked.connect(lambda _reason: keep_drafts(self, self.app))
        #: the question before closing while it is up (None otherwise)
        self.leave_question: LeaveQuestion | None = None
        self._leaving = False
        #: True once the officer logged out (the application then asks for a login again)
        self.logged_out = False
        if prefs is not None:
            prefs.idle_lock_listeners.append(self.idle_lock.set_minutes)
        self._build_menus()

        self.nav.currentRowChanged.connect(self._on_row_changed)
        app.changes.language_changed.connect(self.retranslate)
        # on a server, the other desks' writes refresh what this window shows (LISTEN/NOTIFY:
        # store/postgresql_notify.py), gathered for a moment; an editor's fields never reload
        self._elsewhere_changes: Changes | None = None
        self._elsewhere_timer = QTimer(self)
        self._elsewhere_timer.setSingleShot(True)
        self._elsewhere_timer.setInterval(ELSEWHERE_DELAY_MS)
        self._elsewhere_timer.timeout.connect(self._refresh_from_elsewhere)
        self._elsewhere = _Elsewhere(self)
        self._elsewhere.heard.connect(self._heard_from_elsewhere)
        #: hears the other desks' writes (None on SQLite: one desk per file)
        self.listener: Listener | None = app.db.listen(self._elsewhere.heard.emit)
        self.retranslate()
        self.setMinimumSize(760, 520)
        #: False on the first start: the application then opens the window maximised.
        self.geometry_restored = settings is not None and settings.geometry is not None
        if settings is not None and settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        else:
            self.resize(1280, 720)
        last = settings.last_page if settings is not None else None
        keys = [e.key for e in PAGES]
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    # --- building -------------------------------------------------------------------
    def _read_unit(self) -> tuple[str, str, str]:
        """The post's name and code, and the full name of the officer at the keyboard."""
        with self.app.read() as ctx:
            unit = ctx.local_unit()
            return unit.name, unit.code, dossier_rows.author_name(ctx)

    def _action(
        self, menu: QMenu, text: str, shortcut: QKeySequence | str, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(self)
        action.setData(text)  # the English id, translated in retranslate()
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._menus: list[tuple[QMenu, str]] = []

        def menu(title: str) -> QMenu:
            m = bar.addMenu(title)
            self._menus.append((m, title))
            return m

        file_menu = menu(N_("&File"))
        self._action(file_menu, N_("&Import a list…"), QKeySequence("Ctrl+I"), self.import_list)
        if self.app.may(Permission.AUDIT):  # the chief and the admin (the services check too)
            self._action(file_menu, N_("Audit &log…"), QKeySequence(), self.open_audit_log)
        self._action(file_menu, N_("&Catalogues…"), QKeySequence(), self.open_catalogues)
        if self.app.keys is not None:  # every account, for itself (after its current password)
            show = functools.partial(change_own_password, self.app, self)
            self._action(file_menu, CHANGE_PASSWORD, QKeySequence(), show)
        file_menu.addSeparator()
        self._action(file_menu, N_("Loc&k the session"), QKeySequence("Ctrl+L"), self.lock_session)
        self._action(file_menu, N_("Log &out"), QKeySequence(), self.log_out)
        self._action(file_menu, N_("&Quit"), QKeySequence("Ctrl+Q"), self.close)
        records = menu(N_("&Records"))
        self._action(records, N_("&New record"), QKeySequence("Ctrl+N"), self.new_record)
        self._action(records, N_("&Find"), QKeySequence("Ctrl+F"), self.focus_search)
        self._action(records, N_("&Refresh"), QKeySequence("F5"), self.refresh_page)
        go = menu(N_("&Go"))
        self._page_actions = []
        for number, entry in enumerate(PAGES, start=1):
            action = self._action(
                go, entry.label, f"Ctrl+{number}", functools.partial(self.show_page, entry.key)
            )
            self._page_actions.append(action)
        help_menu = menu(N_("&Help"))
        self._action(help_menu, N_("&About ANTT Desktop"), QKeySequence(), self._about)

    def retranslate(self) -> None:
        tr = self.app.tr
        self.setWindowTitle(f"ANTT Desktop — {self._unit_name}")
        self.nav.retranslate(tr)
        for menu, title in self._menus:
            menu.setTitle(tr(title))
            for action in menu.actions():
                if isinstance(action.data(), str):
                    action.setText(label_text(tr, action.data()))
        self._post_label.setText(f"{self._unit_name} ({self._unit_code})")
        self._user_label.setText(tr(N_("User: {name}")).format(name=self._user_name))
        self._path_label.set_whole_text(tr(N_("Database: {path}")).format(path=self.app.db.path))
        for key, widget in self.pages.items():
            if not isinstance(widget, Page):
                widget.setText(self._placeholder_text(key))  # type: ignore[attr-defined]

    # --- pages --------------------------------------------------------------------------
    def _entry(self, key: str) -> PageEntry:
        return next(e for e in PAGES if e.key == key)

    def _placeholder_text(self, key: str) -> str:
        if key in self.page_errors:
            return self.app.tr(N_("This page could not be opened. Details: {error}")).format(
                error=self.page_errors[key].strip().splitlines()[-1]
            )
        return self.app.tr(N_("This page is not available in this version yet."))

    def _make_page(self, entry: PageEntry) -> QWidget:
        try:
            cls = page_class(entry)
            if entry.takes_prefs:
                return cls(self.app, self.stack, prefs=self.prefs)  # type: ignore[call-arg]
            return cls(self.app, self.stack)
        except PageMissing:
            pass
        except Exception:
            self.page_errors[entry.key] = traceback.format_exc()
            log.exception("page %s failed to open", entry.key)
        label = QLabel(self._placeholder_text(entry.key))
        label.setObjectName(f"placeholder_{entry.key}")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def page_widget(self, key: str) -> QWidget:
        """The page of ``key``, created on first use."""
        widget = self.pages.get(key)
        if widget is None:
            widget = self._make_page(self._entry(key))
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return widget

    def show_page(self, key: str) -> QWidget:
        row = [e.key for e in PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # _on_row_changed does the rest
        return self.page_widget(key)

    def _on_row_changed(self, row: int) -> None:
        if not 0 <= row < len(PAGES):
            return
        key = PAGES[row].key
        self.stack.setCurrentWidget(self.page_widget(key))
        if self.settings is not None:
            self.settings.last_page = key

    @property
    def current_key(self) -> str:
        return PAGES[max(self.nav.currentRow(), 0)].key

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    # --- commands -----------------------------------------------------------------------
    def new_record(self) -> None:
        page = self.current_page()
        if page is not None:
            page.new_record()

    def focus_search(self) -> None:
        page = self.current_page()
        if page is not None:
            page.focus_search()

    def refresh_page(self) -> None:
        page = self.current_page()
        if page is not None:
            page.refresh(EVERYTHING)

    def import_list(self) -> ImportDialog:
        """Tệp > Nhập danh sách: check, then import, a spreadsheet of residents or households."""
        from antt_desktop.gui.settings.import_dialog import ImportDialog  # not needed to start

        dialog = ImportDialog(self.app, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def lock_session(self) -> None:
        """Tệp > Khóa phiên làm việc (Ctrl+L): cover the windows until the password is typed."""
        self.idle_lock.lock(LOCK_BY_HAND)

    def open_audit_log(self) -> AuditBrowser | None:
        """Tệp > Nhật ký hệ thống: the audit log, for the chief and the admin."""
        from antt_desktop.gui.settings.audit_browser import open_audit_browser

        return open_audit_browser(self.app, self)

    def open_catalogues(self) -> QWidget:
        """Tệp > Danh mục: the catalogues and their versions (edited at the upper unit)."""
        from antt_desktop.gui.catalogues.window import open_catalogues

        return open_catalogues(self.app, self)

    def _about(self) -> None:
        tr = self.app.tr
        QMessageBox.about(
            self,
            tr(N_("About ANTT Desktop")),
            tr(N_("ANTT Desktop {version} — records for commune police posts.")).format(
                version=__version__
            ),
        )

    def settle_editors(self, then: Callable[[], None]) -> LeaveQuestion | None:
        """Run ``then`` once every open editor is saved or its changes discarded: at once
        when none has changes, else after the one question (never after Quay lại). For
        anything that ends the session: quitting, closing the window, logging out."""
        if self.leave_question is not None:  # asked already: the same question, in front
            self.leave_question.raise_()
            self.leave_question.activateWindow()
            return self.leave_question

        def answered() -> None:
            self.leave_question = None
            then()

        question = settle_editors(self, self.app, answered)
        if question is not None:
            self.leave_question = question
            question.finished.connect(lambda _r: setattr(self, "leave_question", None))
        return question

    def offer_drafts(self) -> DraftsOffer | None:
        """After the login: the texts this account was typing when the program last ended
        without closing (a crash, a power cut), offered back."""
        from antt_desktop.gui.common.drafts_offer import offer_drafts

        return offer_drafts(self.app, self)

    def _heard_from_elsewhere(self, changes: Changes | None) -> None:
        written = EVERYTHING if changes is None else changes
        pending = self._elsewhere_changes
        self._elsewhere_changes = written if pending is None else pending | written
        if not self._elsewhere_timer.isActive():
            self._elsewhere_timer.start()

    def _refresh_from_elsewhere(self) -> None:
        changes, self._elsewhere_changes = self._elsewhere_changes, None
        if changes and self.listener is not None:
            self.app.changes.changed.emit(changes)

    def stop_listening(self) -> None:
        """Hear no more of the other desks (before the database closes)."""
        listener, self.listener = self.listener, None
        self._elsewhere_timer.stop()
        self._elsewhere_changes = None
        if listener is not None:
            listener.close()

    def log_out(self) -> LeaveQuestion | None:
        """Tệp > Đăng xuất: close the window (after the question, when an editor has unsaved
        changes) and ask for a login again."""

        def out() -> None:
            self.logged_out = True
            try:
                with self.app.write() as ctx:
                    record_logout(ctx)
            except KnownError as exc:  # the officer leaves all the same
                log.warning("logout not audited: %s", exc)
            self._close_now()

        return self.settle_editors(out)

    def _close_now(self) -> None:
        self._leaving = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving and unsaved_editors(self, self.app):
            event.ignore()  # asked first; closed again after Lưu tất cả or Không lưu
            if self.idle_lock.is_locked:
                # the question would name the records over the cover, and Lưu tất cả would
                # write without the password: the texts are kept, the window stays locked
                keep_drafts(self, self.app)
                return
            self.settle_editors(self._close_now)
            return
        self._leaving = False
        for editor in open_editors(self, self.app):
            editor.discard_changes()  # none has changes left (saved, discarded, or none)
        if self.settings is not None:
            self.settings.geometry = self.saveGeometry()
            self.settings.last_page = self.current_key
            self.settings.sync()
        if self._own_languages is not None:
            self._own_languages.uninstall()
        self.idle_lock.stop()
        self.stop_listening()
        if self.prefs is not None and self.idle_lock.set_minutes in self.prefs.idle_lock_listeners:
            self.prefs.idle_lock_listeners.remove(self.idle_lock.set_minutes)
        super().closeEvent(event)
