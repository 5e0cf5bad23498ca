"""Cài đặt > Phục hồi từ bản sao lưu: the chief's password for this post first, the
confirmation naming both units when the backup is another unit's, a changed backup refused
with the window still working, and after a restore the window closes for a new login."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.gui.settings import restore_backup as restoring
from antt_desktop.gui.settings.page import SettingsPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.backups import backup_info, write_backup
from antt_desktop.services.accounts import create_post
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.database import Database
from tests.cli.test_cli_restore import _tamper
from tests.conftest import TEST_KDF, TEST_PASSWORD, TODAY, connect_unlocked, open_post

Answers = dict[str, list[str]]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """The officer's answers: the password typed, Yes to the question; what was asked."""
    asked: Answers = {"password": [], "confirm": [], "inform": []}

    def password(_parent: object, _title: str, label: str) -> str:
        asked["password"].append(label)
        return asked.get("typed", [TEST_PASSWORD])[-1]

    def confirm(_parent: object, _title: str, text: str, yes: str) -> bool:
        asked["confirm"].append(f"{text}\n[{yes}]")
        return asked.get("yes", ["yes"])[-1] == "yes"

    monkeypatch.setattr(restoring, "ask_password", password)
    monkeypatch.setattr(restoring, "confirm", confirm)
    monkeypatch.setattr(restoring, "inform", lambda _p, _t, text: asked["inform"].append(text))
    return asked


def _window(qtbot: QtBot, db: Database, actor: Actor) -> MainWindow:
    app = AppContext(db, actor, Translator("vi"), today=lambda: TODAY)
    window = MainWindow(app, None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


@pytest.fixture
def chief_window(qtbot: QtBot, db: Database) -> MainWindow:
    return _window(qtbot, db, Actor("admin", "chief"))


def _page(window: MainWindow) -> SettingsPage:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    return page


def _people(path: Path) -> int:
    with connect_unlocked(path) as conn:
        return int(conn.execute("SELECT count(*) FROM persons").fetchone()[0])


def _add(app: AppContext, name: str) -> None:
    with app.write() as ctx:
        add_person(ctx, PersonInput(full_name=name))


@pytest.fixture
def other_unit_backup(tmp_path: Path) -> Iterator[Path]:
    """A backup of another post whose chief is also called admin, with the same password."""
    path = tmp_path / "other" / "antt.sqlite3"
    create_post(
        path,
        password=TEST_PASSWORD,
        kdf=TEST_KDF,
        unit_code="99001",
        unit_name="Công an xã Lạ",
        admin="admin",
    ).close()
    with open_post(path) as other:
        yield write_backup(other, tmp_path / "la.anttbak")


def test_only_the_chief_sees_restore(qtbot: QtBot, main_window: MainWindow) -> None:
    page = _page(main_window)  # the fixture's officer
    assert not page.restoreButton.isVisibleTo(page)
    assert page.restorer.restore(Path("whatever.anttbak")) is False
    assert "canbo1" in page.ui.backupStatusLabel.text()


def test_the_chief_restores_this_posts_backup(
    chief_window: MainWindow, db: Database, answers: Answers
) -> None:
    page = _page(chief_window)
    assert page.restoreButton.isVisibleTo(page)
    assert page.restoreButton.text() == "&Phục hồi từ bản sao lưu…"
    _add(chief_window.app, "Lê Văn Tám")
    backup = page.backup_now()
    assert backup is not None
    _add(chief_window.app, "Phạm Thị Bảy")
    assert page.restorer.restore(backup) is True
    assert answers["password"] == [
        "Phục hồi sẽ thay toàn bộ dữ liệu của đơn vị. Nhập mật khẩu của admin để tiếp tục:"
    ]
    question = answers["confirm"][0]
    assert question.startswith("Thay toàn bộ dữ liệu của Công an phường Hoàn Kiếm (00070)")
    assert question.endswith("[&Phục hồi]")
    assert not chief_window.isVisible() and chief_window.logged_out
    assert _people(db.path) == 1
    assert page.restorer.restored is not None
    assert answers["inform"][0].startswith("Đã phục hồi dữ liệu của Công an phường Hoàn Kiếm")
    assert _people(page.restorer.restored.kept) == 2  # the safety copy
    with connect_unlocked(db.path) as conn:  # no login: the last entry is the restore
        actor, action, detail = conn.execute(
            "SELECT actor, action, detail FROM audit_entries ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    assert (actor, action) == ("admin", "restore")
    assert f"made at {backup_info(backup).created}" in detail


def test_a_wrong_password_reads_nothing(
    chief_window: MainWindow, db: Database, answers: Answers, tmp_path: Path
) -> None:
    page = _page(chief_window)
    answers["typed"] = ["sai-mat-khau"]
    assert page.restorer.restore(tmp_path / "khong-co.anttbak") is False
    assert "sai tên tài khoản hoặc mật khẩu của 'admin'" in page.ui.backupStatusLabel.text()
    assert answers["confirm"] == []
    assert chief_window.isVisible()


def test_another_units_backup_names_both_units(
    chief_window: MainWindow, db: Database, answers: Answers, other_unit_backup: Path
) -> None:
    page = _page(chief_window)
    _add(chief_window.app, "Lê Văn Tám")
    answers["yes"] = ["no"]
    assert page.restorer.restore(other_unit_backup) is False
    question = answers["confirm"][0]
    assert "bản sao lưu của ĐƠN VỊ KHÁC: Công an xã Lạ (99001)" in question
    assert "Công an phường Hoàn Kiếm (00070)" in question
    assert question.endswith("[Thay bằng dữ liệu của Công an xã Lạ]")
    assert chief_window.isVisible() and _people(db.path) == 1
    answers["yes"] = ["yes"]
    assert page.restorer.restore(other_unit_backup) is True
    assert not chief_window.isVisible()
    assert _people(db.path) == 0


def test_a_changed_backup_is_refused_and_the_window_goes_on(
    chief_window: MainWindow, db: Database, answers: Answers, tmp_path: Path
) -> None:
    page = _page(chief_window)
    backup = page.backup_now()
    assert backup is not None
    bad = tmp_path / "bi-sua.anttbak"
    _tamper(backup, bad, 5000)
    page.restorer.restore(bad)
    assert page.restorer.restored is None
    assert f"tệp {bad} đã bị thay đổi sau khi sao lưu" in page.ui.backupStatusLabel.text()
    assert chief_window.isVisible()
    _add(chief_window.app, "Lê Văn Tám")  # the database is still open and written
    assert _people(db.path) == 1
    with connect_unlocked(db.path) as conn:
        refused = conn.execute(
            "SELECT actor, detail FROM audit_entries WHERE action = 'restore_refused'"
        ).fetchall()
    assert refused == [("admin", f"{bad}: backup.tampered")]
