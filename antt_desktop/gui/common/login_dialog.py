"""Đăng nhập: the login at start, and the same dialog to unlock after the idle lock.

Both go through :mod:`antt_desktop.security.login` (the command line's path too): a wrong
password opens nothing and says so; after repeated failures the dialog says how long to
wait. On the demo post the dialog shows the demo account (its password is public).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from antt_desktop.gui.forms.ui_login_dialog import Ui_LoginDialog
from antt_desktop.i18n.messages import full_sentence, sentence
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.security.demo_account import DEMO_PASSWORD, DEMO_USER
from antt_desktop.security.errors import LoginDelayed, WrongCredentials
from antt_desktop.security.kdf import PRODUCTION, KdfParams
from antt_desktop.security.keyslots import KeyFile, PostLabel, key_file_path, read_key_file
from antt_desktop.security.lockout import seconds_left
from antt_desktop.store.errors import DatabaseLocked, KnownError
from antt_desktop.store.postgresql_url import is_url

WRONG = N_("Wrong account name or password. Check both and try again.")
DELAYED = N_("Too many wrong passwords: the account is locked for a moment.")
#: Said after a login that found the key file's failed-login record edited (issue #13).
KEY_FILE_EDITED = N_(
    "The record of wrong passwords in the key file was changed outside the program: wrong"
    " passwords may have been hidden. This is written in the audit log. Report it to the"
    " chief of the post."
)
WAIT = N_("Please wait {seconds} seconds…")
TRY_AGAIN = N_("You may try again now.")

if TYPE_CHECKING:  # the login itself opens the database: imported when it runs
    from antt_desktop.security.keyring import KeyRing
    from antt_desktop.security.login import Unlocked
    from antt_desktop.store.database import Database


def post_label(db_path: Path | str) -> PostLabel:
    """What the key file (on a server: the keys its database keeps) says this post is (an
    empty label when it cannot be read: the login then says what is wrong)."""
    try:
        if is_url(db_path):
            return _server_keys(str(db_path)).post
        return read_key_file(key_file_path(Path(db_path))).post
    except Exception:  # an unreachable server, a missing key file: named by the login
        return PostLabel()


def _server_keys(url: str) -> KeyFile:
    """The keys a server's database keeps, read with a connection of its own."""
    from antt_desktop.security.server_keys import ServerKeys
    from antt_desktop.store.database import open_database

    db = open_database(url, write=False)
    try:
        return ServerKeys(db.engine, url).read()
    finally:
        db.close()


class LoginDialog(QDialog):
    """Log in to the post at ``db_path`` (or, with ``unlock_user``, unlock the session).

    After ``exec()`` accepted: :attr:`session` is the open post (login), or :attr:`keys`
    the verified key ring (unlock). ``DatabaseLocked`` is not caught: the post is open in
    another window, and the caller says so.
    """

    def __init__(
        self,
        tr: Translator,
        db_path: Path | str,
        parent: QWidget | None = None,
        *,
        unlock_user: str | None = None,
        kdf: KdfParams = PRODUCTION,
        now: Callable[[], float] = time.time,
        local_dir: Path | None = None,
        db: Database | None = None,
    ) -> None:
        super().__init__(parent)
        self.tr_ = tr
        #: the post's file, or its server's URL (``postgresql://…``)
        self.db_path = db_path
        #: on a server: the desk's own folder (login), the open post (unlock)
        self.local_dir, self.db = local_dir, db
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
        self.wait_until = 0.0  # the clock's time the next try is accepted at
        self.wait_reason = ""
        #: Counts the wait down once a second (tests emit its timeout after moving the clock).
        self.wait_timer = QTimer(self, interval=1000)
        self.wait_timer.timeout.connect(self.count_down)
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
                self.keys = verify(
                    Path(self.db_path), user, password, kdf=self.kdf, now=self.now, db=self.db
                )
            else:
                self.session = login(
                    self.db_path,
                    user,
                    password,
                    kdf=self.kdf,
                    now=self.now,
                    local_dir=self.local_dir if is_url(self.db_path) else None,
                )
        except DatabaseLocked:
            self.locked_elsewhere = True
            self.reject()
            return
        except LoginDelayed as exc:
            self.start_wait(self.tr_(DELAYED), int(str(exc.params.get("seconds", 1))))
            ui.passwordEdit.clear()
            return
        except WrongCredentials:
            ui.problemsLabel.setText(self.tr_(WRONG))
            self.start_wait(self.tr_(WRONG), self._wait_left(user))
            ui.passwordEdit.clear()
            ui.passwordEdit.setFocus()
            return
        except KnownError as exc:
            ui.problemsLabel.setText(full_sentence(sentence(exc.code, exc.params, self.tr_)))
            ui.passwordEdit.clear()
            ui.passwordEdit.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        ui.passwordEdit.clear()
        if self.session is not None and self.session.key_file_edited:
            QMessageBox.warning(self, self.windowTitle(), self.tr_(KEY_FILE_EDITED))
        self.accept()

    def _wait_left(self, user: str) -> int:
        """Seconds before the next try of ``user`` is accepted (0: at once)."""
        try:
            if is_url(self.db_path):
                failures = _server_keys(str(self.db_path)).failures
            else:
                failures = read_key_file(key_file_path(Path(self.db_path))).failures
        except Exception:  # unreadable: the next try says what is wrong
            return 0
        return seconds_left(failures.get(user), self.now())

    def start_wait(self, reason: str, seconds: int) -> None:
        """Say ``reason`` and count ``seconds`` down, the button off until zero."""
        if seconds <= 0:
            return
        self.wait_reason, self.wait_until = reason, self.now() + seconds
        self.ui.loginButton.setEnabled(False)
        self.wait_timer.start()
        self.count_down()

    def seconds_to_wait(self) -> int:
        return max(0, math.ceil(self.wait_until - self.now()))

    def count_down(self) -> None:
        """``Vui lòng chờ 5 giây…`` each second; at zero the button works again."""
        left, tr = self.seconds_to_wait(), self.tr_
        if left > 0:
            wait = tr(WAIT).format(seconds=left)
            self.ui.problemsLabel.setText(f"{self.wait_reason} {wait}")
            return
        self.wait_timer.stop()
        self.ui.loginButton.setEnabled(True)
        self.ui.problemsLabel.setText(f"{self.wait_reason} {tr(TRY_AGAIN)}")
        self.ui.passwordEdit.setFocus()
