"""Thêm tài khoản: account name, full name, role (with a line on what it may do) and the
password twice; the password rule's message shows as it is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from antt_desktop.domain.errors import ValidationFailed, raise_if_errors
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import FormDialog
from antt_desktop.gui.settings.password_dialog import repeat_problems
from antt_desktop.i18n.texts.accounts import ADD_TITLE, ROLE_HINTS, ROLE_LABELS
from antt_desktop.security.passwords import password_problems
from antt_desktop.security.roles import ACCOUNT_ROLES
from antt_desktop.services import accounts


class AddAccountDialog(FormDialog):
    """Saves through :func:`accounts.add_account` (which checks the permission again)."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        tr = app.tr
        self.app = app
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in ACCOUNT_ROLES:
            self.role.addItem(tr(ROLE_LABELS[role.value]), role.value)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        fields: list[tuple[str, QWidget]] = [
            ("username", self.username),
            ("full_name", self.full_name),
            ("role", self.role),
            ("password", self.password),
            ("password_repeat", self.repeat),
        ]
        for name, widget in fields:
            widget.setObjectName(name)
        super().__init__(tr, tr(ADD_TITLE), fields, self._add, parent)
        self.setObjectName("add_account_dialog")
        self.username.setMinimumWidth(320)
        self.role_hint = QLabel()
        self.role_hint.setObjectName("role_hint")
        self.role_hint.setStyleSheet("color: palette(placeholder-text);")  # one line each
        position: Any = self.form.getWidgetPosition(self.role)
        row = int(position[0])
        self.form.insertRow(row + 2, "", self.role_hint)  # below the role's problem row
        self.role.currentIndexChanged.connect(lambda _i: self._show_hint())
        self._show_hint()
        for edit in (self.username, self.password, self.repeat):
            edit.textEdited.connect(lambda _t: self._check_password())
        self.added: str | None = None

    def _show_hint(self) -> None:
        self.role_hint.setText(self.app.tr(ROLE_HINTS[str(self.role.currentData())]))

    def _check_password(self) -> None:
        password, repeat = self.password.text(), self.repeat.text()
        found = password_problems(password, self.username.text().strip()) if password else []
        found += repeat_problems(password, repeat) if repeat else []
        self.problems.show(found)

    def _add(self, values: dict[str, Any]) -> None:
        keys = self.app.keys
        if keys is None:
            raise ValidationFailed.single("account", "user.unknown", value=values["username"])
        raise_if_errors(repeat_problems(values["password"], values["password_repeat"]))
        with self.app.write() as ctx:
            user = accounts.add_account(
                ctx,
                keys,
                username=values["username"],
                role=values["role"],
                password=values["password"],
                full_name=values["full_name"],
            )
            self.added = user.username
