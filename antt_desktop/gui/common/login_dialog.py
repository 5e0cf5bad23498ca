"""Đăng nhập: the login at start, and the same dialog to unlock after the idle lock.

Both go through :mod:`antt_desktop.security.login` (the command line's path too): a wrong
password opens nothing and says so; after repeated failures the dialog says how long to
wait. On the demo post the dialog shows the demo account (its password is public).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from antt_desktop.gui.forms.ui_login_dialog import Ui_LoginDialog
from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.security.demo_account import DEMO_PASSWORD, DEMO_USER
from antt_desktop.security.kdf import PRODUCTION, KdfParams
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.keyslots import PostLabel, key_file_path, read_key_file
from antt_desktop.store.errors import DatabaseLocked, KnownError

if TYPE_CHECKING:  # the login itself opens the database: imported when it runs
    from antt_desktop.security.login import Unlocked


def post_label(db_path: Path) -> PostLabel:
    """What the key file says this post is (an empty label when it cannot be read)."""
    try:
        return read_key_file(key_file_path(db_path)).post
    except KnownError:
        return PostLabel()


class LoginDialog(QDialog):
    """Log in to the post at ``db_path`` (or, with ``unlock_user``, unlock the session).

    After ``exec()`` accepted: :attr:`session` is the open post (login), or :attr:`keys`
    the verified key ring (unlock). ``DatabaseLocked`` is not caught: the post is open in
    another window, and the caller says so.
    """

    def __init__(
        self,
        tr: Translator,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        unlock_user: str | None = None,
        kdf: KdfParams = PRODUCTION,
        now: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.db_path = db_path
        self.kdf = kdf
        self.now = now  # the clock of the wait after wrong passwords (tests move it)
        self.unlock_user = unlock_user
        self.session: Unlocked | None = None
        self.keys: KeyRing | None = None
        self.locked_elsewhere = False
        self.label = post_label(db_path)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        heading = QFont(self.ui.titleLabel.font())
        heading.setPointSize(heading.pointSize() + 4)
        heading.setBold(True)
        self.ui.titleLabel.setFont(heading)
        if unlock_user:
            self.ui.userEdit.setText(unlock_user)
            self.ui.userEdit.setReadOnly(True)
            self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
            self.ui.quitButton.hide()  # the open work waits for its own account's password
        elif self.label.demo:  # the demo post's account is public: filled in
            self.ui.userEdit.setText(DEMO_USER)
            self.ui.passwordEdit.setText(DEMO_PASSWORD)
        self.ui.loginButton.clicked.connect(self.try_login)
        self.ui.quitButton.clicked.connect(self.reject)
        self.retranslate()
        (self.ui.passwordEdit if self.ui.userEdit.text() else self.ui.userEdit).setFocus()

    def retranslate(self) -> None:
        ui, tr = self.ui, self.tr_
        unlocking = self.unlock_user is not None
        self.setWindowTitle(tr(N_("Unlock")) if unlocking else tr(N_("Log in")))
        ui.titleLabel.setText(
            tr(N_("The session is locked")) if unlocking else tr(N_("Log in to ANTT Desktop"))
        )
        if unlocking:
            post = tr(
                N_(
                    "Nobody used the program for a while. Type the password of {user} to go"
                    " on; unsaved work is kept."
                )
            ).format(user=self.unlock_user)
        elif self.label.unit_name:
            post = tr(N_("Post: {name} ({code})")).format(
                name=self.label.unit_name, code=self.label.unit_code
            )
        else:
            post = ""
        ui.postLabel.setText(post)
        ui.userLabel.setText(tr(N_("&Account:")))
        ui.passwordLabel.setText(tr(N_("&Password:")))
        ui.hintLabel.setText(
            tr(
                N_(
                    "Demo post: account {user}, password {password}. The demo holds only"
                    " made-up people."
                )
            ).format(user=DEMO_USER, password=DEMO_PASSWORD)
            if self.label.demo and not unlocking
            else ""
        )
        ui.hintLabel.setVisible(bool(ui.hintLabel.text()))
        ui.loginButton.setText(tr(N_("&Unlock")) if unlocking else tr(N_("&Log in")))
        ui.quitButton.setText(tr(N_("&Quit")))

    def reject(self) -> None:
        """Esc or closing the window: the login ends, an unlock does not (only the password
        lifts the lock, so nothing open is lost)."""
        if self.unlock_user is None:
            super().reject()

    def try_login(self) -> None:
        """Check the password; accept, or say what is wrong (nothing is opened)."""
        ui = self.ui
        user, password = ui.userEdit.text().strip(), ui.passwordEdit.text()
        if not user or not password:
            ui.problemsLabel.setText(self.tr_(N_("Type the account name and the password.")))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        from antt_desktop.security.login import login, verify

        try:
            if self.unlock_user is not None:
                self.keys = verify(self.db_path, user, password, kdf=self.kdf, now=self.now)
            else:
                self.session = login(self.db_path, user, password, kdf=self.kdf, now=self.now)
        except DatabaseLocked:
            self.locked_elsewhere = True
            self.reject()
            return
        except KnownError as exc:
            ui.problemsLabel.setText(sentence(exc.code, exc.params, self.tr_))
            ui.passwordEdit.clear()
            ui.passwordEdit.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        ui.passwordEdit.clear()
        self.accept()
