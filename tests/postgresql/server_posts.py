"""A commune post made on the test server the way the first-run assistant makes one, and a
desk logging in to it through the window's login dialog (tests of the window on a server)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from antt_desktop.demo.generate import generate
from antt_desktop.gui.common.login_dialog import LoginDialog
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.login import Unlocked
from antt_desktop.services.server_post import create_server_post
from tests.conftest import TEST_KDF, TEST_PASSWORD
from tests.postgresql import server

#: The chief of the post, who logs in at every desk.
CHIEF = "truongcong"
TODAY = date(2026, 11, 22)


def make_post(postgresql_server: str, setup_dir: Path, *, demo: bool = False) -> str:
    """A new database on the server holding Công an xã Phú Lương (05611), its chief
    :data:`CHIEF`; with ``demo`` a small demo post's records too. Returns its URL."""
    made = server.create_database(postgresql_server)
    post = create_server_post(
        made,
        password=TEST_PASSWORD,
        kdf=TEST_KDF,
        local_dir=setup_dir,
        unit_code="05611",
        unit_name="Công an xã Phú Lương",
        upper_code="CAT-TN",
        upper_name="Công an tỉnh Thái Nguyên",
        admin=CHIEF,
        admin_name="Nguyễn Văn Trưởng",
    )
    try:
        if demo:
            generate(post.db, scale="commune", seed=1, today=TODAY, factor=0.02)
    finally:
        post.close()
    return made


def log_in(qtbot: QtBot, url: str, desk: Path) -> Unlocked:
    """The chief logs in at a desk whose own files are in ``desk``; the login dialog names
    the post it read off the server."""
    dialog = LoginDialog(Translator("vi"), url, kdf=TEST_KDF, local_dir=desk)
    qtbot.addWidget(dialog)
    assert "Công an xã Phú Lương (05611)" in dialog.ui.postLabel.text()
    dialog.ui.userEdit.setText(CHIEF)
    dialog.ui.passwordEdit.setText(TEST_PASSWORD)
    dialog.try_login()
    assert dialog.session is not None, dialog.ui.problemsLabel.text()
    return dialog.session
