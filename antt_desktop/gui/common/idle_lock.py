"""Khóa phiên làm việc: after a period without a key press or a mouse move (Cài đặt, 10
minutes unless changed), or at Ctrl+L, every window of the application is covered and the
same account's password is asked for again (SECURITY.md, "Accounts and roles").

Nothing is closed and nothing is asked (the officer may have walked away: the cover comes at
once): an editor stays open under its cover with what was typed, and is there as it was after
the unlock; the main window keeps its long texts as drafts the moment the lock comes, so a power
cut while locked loses nothing either. The password goes through the one login path
(:func:`antt_desktop.security.login.verify`), with its growing wait after wrong passwords;
the lock, the wrong passwords and the unlock are written to the audit log.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QVBoxLayout, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.login_dialog import KEY_FILE_EDITED, LoginDialog
from antt_desktop.i18n.translator import N_
from antt_desktop.security.kdf import PRODUCTION, KdfParams
from antt_desktop.services.audit_events import LOCK_BY_HAND, LOCK_IDLE, record_lock
from antt_desktop.store.errors import KnownError

log = logging.getLogger(__name__)

#: What counts as someone at the keyboard.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
LOCKED_TITLE = N_("ANTT Desktop — locked")
COVER_TEXT = N_("The session is locked. Type the password in the Unlock window to go on.")


class LockCover(QWidget):
    """An opaque sheet over one window's contents while the session is locked."""

    def __init__(self, window: QWidget, text: str) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lock_cover { background: #37474f; } QLabel { color: white; }")
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = label.font()
        font.setPointSize(font.pointSize() + 3)
        label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class IdleLock(QObject):
    """Locks the session of ``app`` after ``minutes`` idle, or when :meth:`lock` is called.

    Signals:
        locked(reason): the windows are covered and the password is asked for.
        unlocked(): the password was right; the windows are as they were.
    """

    locked = Signal(str)
    unlocked = Signal()

    def __init__(
        self,
        app: AppContext,
        window: QWidget,
        *,
        minutes: int,
        kdf: KdfParams = PRODUCTION,
        now: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.kdf = kdf
        self.now = now  # the clock of the wait after wrong passwords
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.lock(LOCK_IDLE))
        self.dialog: LoginDialog | None = None
        self._covers: list[LockCover] = []
        self._titles: dict[QWidget, str] = {}
        self.set_minutes(minutes)
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.installEventFilter(self)

    def stop(self) -> None:
        """No more locking (the window closes): the timer stops, input is not watched."""
        self.timer.stop()
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.removeEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def set_minutes(self, minutes: int) -> None:
        """Lock after ``minutes`` without activity from now on."""
        self.set_interval_ms(minutes * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)
        if not self.is_locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in ACTIVITY and not self.is_locked:
            self.timer.start()  # restarts the period
        elif kind == QEvent.Type.Show and self.is_locked and isinstance(watched, QWidget):
            self._cover_new(watched)  # a message a background task opens while locked
        return False

    def _cover_new(self, widget: QWidget) -> None:
        kinds = (Qt.WindowType.Window, Qt.WindowType.Dialog)
        if (
            not widget.isWindow()
            or widget.windowType() not in kinds
            or widget is self.dialog
            or widget in self._titles
        ):
            return
        self._cover(widget)

    def _cover(self, w: QWidget) -> None:
        tr = self.app.tr
        self._titles[w] = w.windowTitle()
        w.setWindowTitle(tr(LOCKED_TITLE))
        self._covers.append(LockCover(w, tr(COVER_TEXT)))

    # --- locking ------------------------------------------------------------------------------
    def _windows(self) -> list[QWidget]:
        kinds = (Qt.WindowType.Window, Qt.WindowType.Dialog)
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.windowType() in kinds and w is not self.dialog
        ]

    def lock(self, reason: str = LOCK_BY_HAND) -> LoginDialog | None:
        """Cover every window and ask for the password (nothing happens if locked already)."""
        if self.is_locked:
            return self.dialog
        self.timer.stop()
        tr = self.app.tr
        for w in [self.window, *(w for w in self._windows() if w is not self.window)]:
            self._cover(w)
        try:
            with self.app.write() as ctx:
                record_lock(ctx, reason)
        except KnownError as exc:  # the lock holds all the same
            log.warning("lock not audited: %s", exc)
        server = self.app.db.url is not None  # its database keeps the keys: checked there
        dialog = LoginDialog(
            tr,
            self.app.db.path,
            self.window,
            unlock_user=self.app.actor.username,
            kdf=self.kdf,
            now=self.now,
            db=self.app.db if server else None,
        )
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # no window takes input
        dialog.accepted.connect(self._unlocked)
        self.dialog = dialog
        dialog.show()  # not open(): that would make it modal to the main window only
        self.locked.emit(reason)
        return dialog

    def _unlocked(self) -> None:
        from antt_desktop.security.login import record_unlock

        dialog, self.dialog = self.dialog, None
        for cover in self._covers:
            if shiboken6.isValid(cover):  # gone with a window closed meanwhile otherwise
                parent = cover.parentWidget()
                if parent is not None:
                    parent.removeEventFilter(cover)
                cover.hide()
                cover.deleteLater()
        self._covers.clear()
        for w, title in self._titles.items():
            if shiboken6.isValid(w):
                w.setWindowTitle(title)
        self._titles.clear()
        edited = False
        keys = dialog.keys if dialog is not None and self.app.db.url is not None else None
        try:
            # on a server the desk's ring seals the failures' record again
            edited = record_unlock(self.app.db, self.app.actor, keys)
        except KnownError as exc:
            log.warning("unlock not audited: %s", exc)
        if dialog is not None:
            dialog.deleteLater()
        self.timer.start()
        self.unlocked.emit()
        if edited:  # failures typed at the lock were wiped from the key file meanwhile
            QMessageBox.warning(
                self.window, self.window.windowTitle(), self.app.tr(KEY_FILE_EDITED)
            )
