"""The accounts window as the installation administrator sees it: the role chooser offers
only what an admin may give, and a chief's row cannot be reset, disabled or enabled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.settings.accounts_dialog import AccountsDialog
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.login import login
from antt_desktop.services import accounts
from antt_desktop.services.context import Ctx
from tests.conftest import TEST_KDF, TEST_PASSWORD, make_post

CHIEF = "truongcong"
PASSWORD = "mat-khau-quan-tri-2026"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "post.sqlite3"
    make_post(path, chief=CHIEF)
    with login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF) as chief, chief.db.write() as s:
        ctx = Ctx(s, chief.actor, date.today())
        accounts.add_account(ctx, chief.keys, username="quantri", role="admin", password=PASSWORD)
    post = login(path, "quantri", PASSWORD, kdf=TEST_KDF)
    yield AppContext(post.db, post.actor, Translator("vi"), keys=post.keys)
    post.close()


def _dialog(qtbot: QtBot, app: AppContext) -> AccountsDialog:
    dialog = AccountsDialog(app)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_an_admin_is_offered_only_viewer_and_admin(qtbot: QtBot, admin: AppContext) -> None:
    add = _dialog(qtbot, admin).add()
    qtbot.waitExposed(add)
    offered = [add.role.itemText(i) for i in range(add.role.count())]
    assert offered == ["chỉ xem", "quản trị cài đặt"]
    add.grab().save("/tmp/roles-add-admin.png")


def test_an_admin_cannot_reset_disable_or_enable_the_chief(qtbot: QtBot, admin: AppContext) -> None:
    dialog = _dialog(qtbot, admin)
    dialog.select(CHIEF)
    assert dialog.selected() is not None
    assert not dialog.reset_button.isEnabled()
    assert not dialog.disable_button.isEnabled()
    assert dialog.name_button.isEnabled()
    dialog.select("quantri")  # one's own: disable yes, reset through Change password
    assert dialog.disable_button.isEnabled() and not dialog.reset_button.isEnabled()
    dialog.grab().save("/tmp/roles-accounts-admin.png")
