"""The dossier window's information tab shows the person's photo; an officer chooses or
removes it, a refused file is named in Vietnamese and changes nothing; a viewer sees neither
the photo nor the buttons working."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from antt_desktop.domain.photo import MAX_PHOTO_FILE_BYTES
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.dossiers.view import DossierView
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Person
from tests.pictures import png_bomb, portrait

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def app(db: Any) -> AppContext:
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


@pytest.fixture
def dossier(write: Any) -> tuple[str, str]:
    with write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Giàng A Páo", born="1988")).person.id
        did = open_dossier(ctx, DossierInput(pid, "DRUG_USER", "02/01/2026")).id
    return pid, did


def _view(qtbot: Any, app: AppContext, did: str) -> DossierView:
    view = DossierView(app, did)
    qtbot.addWidget(view)
    view.show()
    return view


def _photo_of(read: Any, pid: str) -> str | None:
    with read() as ctx:
        return ctx.session.get(Person, pid).photo_sha256  # type: ignore[no-any-return]


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path, asked: list[str]) -> None:
    def fake(_parent: object, title: str, _folder: str, filter_: str) -> tuple[str, str]:
        asked.append(f"{title} | {filter_}")
        return str(path), filter_

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))


def test_an_officer_chooses_replaces_and_removes_the_photo(
    qtbot: Any, app: AppContext, dossier: tuple[str, str], read: Any, tmp_path: Path, monkeypatch
) -> None:
    pid, did = dossier
    view = _view(qtbot, app, did)
    panel = view.photo
    assert panel.picture.text() == "Ảnh\n3×4" and panel.picture.pixmap().isNull()
    assert panel.choose_button.text() == "Chọn ảnh…" and panel.choose_button.isEnabled()
    assert panel.remove_button.text() == "Xóa ảnh" and not panel.remove_button.isEnabled()

    chosen = tmp_path / "chan-dung.png"
    chosen.write_bytes(portrait(1200, 1600, "PNG"))
    asked: list[str] = []
    _choose(monkeypatch, chosen, asked)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    # the picture shows, and once the saving has ended the buttons are offered again
    qtbot.waitUntil(lambda: not panel.picture.pixmap().isNull() and panel.remove_button.isEnabled())
    assert asked == ["Chọn ảnh chân dung của người này | Ảnh (*.jpg *.jpeg *.png *.bmp *.webp)"]
    first = _photo_of(read, pid)
    assert first is not None and panel.remove_button.isEnabled()
    assert panel.picture.pixmap().height() == 200  # the 3×4 frame, filled
    view.grab().save(str(tmp_path / "dossier-photo.png"))

    # a hostile file: named in Vietnamese under the picture, nothing changes
    bomb = tmp_path / "bom.png"
    bomb.write_bytes(png_bomb())
    _choose(monkeypatch, bomb, asked)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.message.isVisible() and panel.choose_button.isEnabled())
    assert panel.message.text().startswith("Ảnh: ảnh quá lớn, không mở được")
    assert _photo_of(read, pid) == first and not panel.picture.pixmap().isNull()
    view.grab().save(str(tmp_path / "dossier-photo-refused.png"))

    big = tmp_path / "qua-lon.jpg"
    with big.open("wb") as fh:
        fh.truncate(MAX_PHOTO_FILE_BYTES + 1)
    _choose(monkeypatch, big, asked)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "10 MB" in panel.message.text() and panel.choose_button.isEnabled())
    assert panel.message.text() == "Ảnh: tệp lớn hơn 10 MB; hãy chọn ảnh có dung lượng nhỏ hơn"
    text = tmp_path / "ghi-chu.jpg"
    text.write_text("không phải ảnh", encoding="utf-8")
    _choose(monkeypatch, text, asked)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "không phải là ảnh" in panel.message.text() and panel.choose_button.isEnabled()
    )
    assert _photo_of(read, pid) == first

    # another picture replaces it; the message goes away
    _choose(monkeypatch, chosen.with_name("moi.jpg"), asked)
    chosen.with_name("moi.jpg").write_bytes(portrait(colour="#aa2222"))
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _photo_of(read, pid) not in (None, first))
    qtbot.waitUntil(lambda: not panel.message.isVisible() and panel.remove_button.isEnabled())

    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert _photo_of(read, pid) is None
    assert panel.picture.text() == "Ảnh\n3×4" and panel.picture.pixmap().isNull()
    assert not panel.remove_button.isEnabled()


def test_a_viewer_sees_neither_the_photo_nor_working_buttons(
    qtbot: Any, app: AppContext, dossier: tuple[str, str], write: Any
) -> None:
    from antt_desktop.services.photos import set_photo

    pid, did = dossier
    with write() as ctx:
        set_photo(ctx, pid, portrait())
    view = _view(qtbot, replace(app, actor=Actor("xem1", "viewer")), did)
    panel = view.photo
    assert panel.picture.pixmap().isNull() and panel.picture.text() == "Ảnh\n(đã ẩn)"
    assert not panel.choose_button.isEnabled() and not panel.remove_button.isEnabled()
    officer = _view(qtbot, app, did)
    assert not officer.photo.picture.pixmap().isNull()


def test_english_texts(qtbot: Any, app: AppContext, dossier: tuple[str, str]) -> None:
    view = _view(qtbot, replace(app, tr=Translator("en")), dossier[1])
    assert view.photo.choose_button.text() == "Choose a photo…"
    assert view.photo.remove_button.text() == "Remove the photo"
