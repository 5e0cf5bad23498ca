"""Sửa tên, chức vụ: an account's full name (required) and title or rank, as lists, the
"Người nhận xét" of assessments and the signatures of printed documents show them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.i18n.translator import N_
from antt_desktop.services import accounts
from antt_desktop.services.accounts import AccountRow
from antt_desktop.services.context import Ctx

EDIT_NAME = N_("Edit &name, title…")
EDIT_NAME_TITLE = N_("Name and title of {user}")
EDITED = N_("Account {user}: {name}.")
TITLE_HINT = N_("e.g. Trưởng Công an xã, Phó Trưởng Công an xã, or a rank: Thượng úy")


class AccountNameDialog(RecordDialog):
    """Checked as the chief types with :func:`accounts.check_edit_account`; saved, and
    audited, by :func:`accounts.edit_account`."""

    def __init__(self, app: AppContext, account: AccountRow, parent: QWidget | None = None):
        super().__init__(app, parent)
        self.setObjectName("account_name_dialog")
        self.username = account.username
        named = account.full_name != account.username  # the account name stood in for it
        self.full_name = QLineEdit(account.full_name if named else "")
        self.title = QLineEdit(account.title or "")
        self.title.setPlaceholderText(app.tr(TITLE_HINT))
        self.full_name.setObjectName("full_name")
        self.title.setObjectName("title")
        fields: list[tuple[str, QWidget]] = [("full_name", self.full_name), ("title", self.title)]
        self.lay_out(app.tr(EDIT_NAME_TITLE).format(user=account.username), fields)
        self.full_name.setMinimumWidth(360)
        with app.read() as ctx:
            self.guard(ctx, "user", accounts.account_id(ctx, self.username))

    def _typed(self) -> dict[str, Any]:
        return {
            "username": self.username,
            "full_name": self.full_name.text(),
            "title": self.title.text(),
        }

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return accounts.check_edit_account(ctx, **self._typed())

    def write(self, ctx: Ctx) -> Any:
        return accounts.edit_account(ctx, **self._typed())
