"""Thêm tài khoản: account name, full name, title or rank, role (with a line on what it
may do) and the password twice; what is wrong shows under each field as it is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.settings.password_dialog import repeat_problems
from antt_desktop.i18n.texts.accounts import ADD_TITLE, ROLE_HINTS, ROLE_LABELS
from antt_desktop.security.roles import grantable_roles
from antt_desktop.services import accounts
from antt_desktop.services.context import Ctx


class AddAccountDialog(RecordDialog):
    """The role chooser offers only the roles the account may give (an admin: viewer and
    admin). Checks as the chief types with :func:`accounts.check_add_account`; saves through
    :func:`accounts.add_account` (which checks the permission and the input again)."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        tr = app.tr
        self.setObjectName("add_account_dialog")
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.title = QLineEdit()
        self.role = QComboBox()
        for role in grantable_roles(app.actor.role):  # only roles within the account's rights
            self.role.addItem(tr(ROLE_LABELS[role.value]), role.value)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        fields: list[tuple[str, QWidget]] = [
            ("username", self.username),
            ("full_name", self.full_name),
            ("title", self.title),
            ("role", self.role),
            ("password", self.password),
            ("password_repeat", self.repeat),
        ]
        for name, widget in fields:
            widget.setObjectName(name)
        form = self.lay_out(tr(ADD_TITLE), fields)
        self.username.setMinimumWidth(320)
        self.role_hint = QLabel()
        self.role_hint.setObjectName("role_hint")
        self.role_hint.setStyleSheet("color: palette(placeholder-text);")  # one line each
        position: Any = form.getWidgetPosition(self.role)
        form.insertRow(int(position[0]) + 2, "", self.role_hint)  # below the role's problem row
        self.role.currentIndexChanged.connect(lambda _i: self._show_hint())
        self._show_hint()
        self.added: str | None = None

    def _show_hint(self) -> None:
        self.role_hint.setText(self.app.tr(ROLE_HINTS[str(self.role.currentData())]))

    def _typed(self) -> dict[str, Any]:
        return {
            "username": self.username.text(),
            "role": str(self.role.currentData()),
            "password": self.password.text(),
            "full_name": self.full_name.text(),
            "title": self.title.text(),
        }

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            found = accounts.check_add_account(ctx, **self._typed())
        return found + repeat_problems(self.password.text(), self.repeat.text())

    def write(self, ctx: Ctx) -> Any:
        keys = self.app.keys
        if keys is None:
            raise ValidationFailed.single("account", "user.unknown", value=self.username.text())
        raise_if_errors(repeat_problems(self.password.text(), self.repeat.text()))
        user = accounts.add_account(ctx, keys, **self._typed())
        self.added = user.username
        return user
