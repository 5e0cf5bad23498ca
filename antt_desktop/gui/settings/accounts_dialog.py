"""Tài khoản (the chief's or the administrator's): the post's accounts, and adding one,
setting a new password, disabling (after a question naming it) and enabling again. Every
change goes through :mod:`antt_desktop.services.accounts`, which checks the permission."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import ERROR_COLOUR
from antt_desktop.gui.settings.account_add import AddAccountDialog
from antt_desktop.gui.settings.account_name import EDIT_NAME, EDITED, AccountNameDialog
from antt_desktop.gui.settings.accounts_model import COL_FAILURES, COL_STATE, AccountsModel
from antt_desktop.gui.settings.password_dialog import PasswordDialog, write_rotating
from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.texts import accounts as t
from antt_desktop.i18n.texts.keys import ROTATED
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.roles import may_grant
from antt_desktop.services import accounts
from antt_desktop.services.accounts import AccountRow
from antt_desktop.services.context import Ctx
from antt_desktop.store.errors import KnownError


class AccountsDialog(QDialog):
    """The table of accounts and its four buttons; ``message`` tells what happened."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        tr = app.tr
        self.setObjectName("accounts_dialog")
        self.setWindowTitle(tr(t.ACCOUNTS_TITLE))
        self.resize(960, 420)
        self.model = AccountsModel(tr, self)
        self.table = QTableView()
        self.table.setObjectName("accounts_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (COL_STATE, COL_FAILURES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel()
        self.message.setObjectName("accounts_message")
        self.message.setWordWrap(True)
        self.add_button = self._button(t.ADD, self.add)
        self.name_button = self._button(EDIT_NAME, self.edit_name)
        self.reset_button = self._button(t.RESET, self.reset_password)
        self.disable_button = self._button(t.DISABLE, self.ask_disable)
        self.enable_button = self._button(t.ENABLE, self.enable)
        close = self._button(t.CLOSE, self.accept)
        buttons = QHBoxLayout()
        for b in (
            self.add_button,
            self.name_button,
            self.reset_button,
            self.disable_button,
            self.enable_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.question: QMessageBox | None = None
        self.editor: QDialog | None = None
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.reload()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(self.app.tr(text))
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def reload(self) -> None:
        keys = self._keys()
        with self.app.read() as ctx:
            rows = accounts.accounts(ctx, keys) if keys else []
        self.model.set_accounts(rows)
        self._enable()

    def _keys(self) -> KeyRing | None:
        return self.app.keys

    def selected(self) -> AccountRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.account(rows[0].row()) if rows else None

    def select(self, username: str) -> None:
        for row, a in enumerate(self.model.accounts):
            if a.username == username:
                self.table.selectRow(row)

    def _enable(self) -> None:
        a = self.selected()
        self.name_button.setEnabled(a is not None)
        # another account only when its role's rights are within this account's (an admin
        # never resets or disables a chief); one's own password: Change password (asks the
        # current one)
        me = self.app.actor
        theirs = a is not None and a.username != me.username and may_grant(me.role, a.role)
        self.reset_button.setEnabled(theirs and a is not None and a.active)
        mine = a is not None and a.username == me.username
        self.disable_button.setEnabled((theirs or mine) and a is not None and a.active)
        self.enable_button.setEnabled(theirs and a is not None and not a.active)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.setText(("✖ " if error else "") + text)

    def _run(
        self, change: Callable[[Ctx, KeyRing], object], done: str, *, rotated: bool = False
    ) -> bool:
        """One change through the service; its refusal is shown, nothing else happens. A
        change that rotates the keys runs on a worker thread (:func:`write_rotating`)."""
        keys = self._keys()
        if keys is None:
            return False
        try:
            if rotated:
                write_rotating(self.app, self, lambda ctx: change(ctx, keys))
            else:
                with self.app.write() as ctx:
                    change(ctx, keys)
        except ValidationFailed as exc:
            tr = self.app.tr
            self._say("; ".join(sentence(p.code, p.params, tr) for p in exc.problems), error=True)
            return False
        except KnownError as exc:
            self._say(sentence(exc.code, exc.params, self.app.tr), error=True)
            return False
        self.reload()
        self._say(done)
        return True

    # --- the four actions -----------------------------------------------------------------
    def add(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self.app, self)
        dialog.accepted.connect(lambda: self._added(dialog))
        self.editor = dialog
        dialog.open()
        return dialog

    def _added(self, dialog: AddAccountDialog) -> None:
        self.reload()
        if dialog.added:
            self.select(dialog.added)
            self._say(self.app.tr(t.ADDED).format(user=dialog.added))

    def edit_name(self) -> AccountNameDialog | None:
        """The selected account's full name and title, in an editor."""
        a = self.selected()
        if a is None:
            return None
        dialog = AccountNameDialog(self.app, a, self)
        dialog.accepted.connect(lambda: self._named(a.username))
        self.editor = dialog
        dialog.open()
        return dialog

    def _named(self, username: str) -> None:
        self.reload()
        self.select(username)
        a = self.selected()
        name = (f"{a.title} {a.full_name}" if a.title else a.full_name) if a else ""
        self._say(self.app.tr(EDITED).format(user=username, name=name))

    def _password_dialog(
        self, title: str, done: str, service: Callable[..., object], *, rotated: bool = False
    ) -> None:
        a = self.selected()
        if a is None:
            return
        name = a.username

        def submit(password: str) -> None:
            keys = self._keys()
            assert keys is not None
            if rotated:  # the whole file is rewritten under the new key: off the GUI thread
                write_rotating(
                    self.app,
                    self,
                    lambda ctx: service(ctx, keys, username=name, password=password),
                )
                return
            with self.app.write() as ctx:
                service(ctx, keys, username=name, password=password)

        dialog = PasswordDialog(
            self.app,
            name,
            submit,
            title=self.app.tr(title).format(user=name),
            ask_current=False,
            parent=self,
        )
        said = self.app.tr(done).format(user=name) + (self._rotated() if rotated else "")
        dialog.accepted.connect(lambda: self._changed(said))
        self.editor = dialog
        dialog.open()

    def _rotated(self) -> str:
        """What a change that rotated the data keys adds to its message (docs/KEYS.md)."""
        return " " + self.app.tr(ROTATED)

    def _changed(self, done: str) -> None:
        self.reload()
        self._say(done)

    def reset_password(self) -> None:
        self._password_dialog(t.RESET_TITLE, t.RESET_DONE, accounts.set_password, rotated=True)

    def enable(self) -> None:
        self._password_dialog(t.ENABLE_TITLE, t.ENABLED, accounts.enable_account)

    def ask_disable(self) -> QMessageBox | None:
        """ "Khóa tài khoản …?" naming the account; Quay lại is the default."""
        a = self.selected()
        if a is None:
            return None
        tr = self.app.tr
        box = QMessageBox(self)
        box.setObjectName("disable_question")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr(t.DISABLE).replace("&", ""))
        box.setText(tr(t.DISABLE_QUESTION).format(user=a.username, name=a.full_name))
        box.setInformativeText(tr(t.DISABLE_DETAIL))
        yes = box.addButton(tr(t.DISABLE_YES), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(tr(t.GO_BACK), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        yes.clicked.connect(lambda: self.disable(a.username))
        self.question = box
        box.open()
        return box

    def disable(self, username: str) -> bool:
        done = self.app.tr(t.DISABLED).format(user=username) + self._rotated()
        return self._run(
            lambda ctx, keys: accounts.disable_account(ctx, keys, username=username),
            done,
            rotated=True,
        )


def open_accounts(app: AppContext, parent: QWidget | None = None) -> AccountsDialog:
    dialog = AccountsDialog(app, parent)
    dialog.open()
    return dialog
