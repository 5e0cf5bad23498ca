""" "Máy chủ dữ liệu": the address of a post's database on a PostgreSQL server, asked by the
first-run assistant when several desks share one database (docs/POSTGRESQL.md).

The address is checked before it is kept: a server that answers, a post there (or an empty
database ready to be set up), and no password in it — the address is remembered in the desk's
settings file, so the server's password lives in the desk's ``pgpass`` file instead.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.i18n.messages import full_sentence, sentence
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.security.keyslots import PostLabel
from antt_desktop.store.errors import KnownError
from antt_desktop.store.postgresql_url import is_url

TITLE = N_("Database server")
EXPLAIN = N_(
    "Several desks can share one database kept on a PostgreSQL server. Type the address the"
    " server's administrator gave you, for example postgresql://desk1@server/antt_05611."
    " The server's password is not written in the address: the administrator keeps it in this"
    " computer's pgpass file."
)
NOT_AN_ADDRESS = N_(
    "The address starts with postgresql:// (for example postgresql://desk1@server/antt_05611)."
)
HAS_PASSWORD = N_(
    "Leave the server's password out of the address: the address is kept in this computer's"
    " settings file. Put the password in the pgpass file instead."
)
CONNECT = N_("&Connect")
CANCEL = N_("Cancel")


class ServerDialog(QDialog):
    """Ask for the server's address and check it. After an accepted ``exec()``: :attr:`url`
    the address, :attr:`post` what is there (None: an empty database, to be set up)."""

    def __init__(self, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.url = ""
        self.post: PostLabel | None = None
        self.setWindowTitle(tr(TITLE))
        layout = QVBoxLayout(self)
        explain = QLabel(tr(EXPLAIN))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.address = QLineEdit()
        self.address.setObjectName("serverAddress")
        self.address.setPlaceholderText("postgresql://may1@may-chu/antt_05611")
        self.address.setMinimumWidth(420)
        explain.setBuddy(self.address)
        layout.addWidget(self.address)
        self.problems = QLabel()
        self.problems.setObjectName("serverProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox()
        self.connect_button = buttons.addButton(tr(CONNECT), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr(CANCEL), QDialogButtonBox.ButtonRole.RejectRole)
        self.connect_button.setDefault(True)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.address.setFocus()

    def check(self) -> None:
        """Accept the address once the server answers with a post or an empty database;
        else say what is wrong (nothing is kept)."""
        url, tr = self.address.text().strip(), self.tr_
        if not is_url(url):
            self._problem(tr(NOT_AN_ADDRESS))
            return
        if urlsplit(url).password:
            self._problem(tr(HAS_PASSWORD))
            return
        from antt_desktop.services.server_post import post_on_server

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.post = post_on_server(url)
        except KnownError as exc:
            self._problem(full_sentence(sentence(exc.code, exc.params, tr)))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.url = url
        self.accept()

    def _problem(self, text: str) -> None:
        self.problems.setText(text)
        self.address.setFocus()
