"""The person form filled from a citizen ID card: scanned into any field, typed into the
reading dialog, read from a photo; the normal checks then run as for typed data."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import segno
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from antt_desktop.domain.cccd import CardData
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.people.cccd_dialog import CardReadDialog, frame_card
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person

CARD = (
    "001090012345|123456789|Nguyễn Văn An|01021990|Nam|"
    "Thôn 3, Xã Phú Lương, Huyện Đại Từ, Thái Nguyên|15082021"
)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
#: Qt Multimedia looking for a camera on a machine without PipeWire says so once.
NO_PIPEWIRE = pytest.mark.qt_log_ignore("pipewire", "This plugin does not support")


@pytest.fixture
def app(db) -> AppContext:
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


def scan(widget: QWidget, text: str) -> None:
    """What a USB scanner does: every character as a key, then Enter."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        enter = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, enter)


@pytest.fixture
def open_editor(qtbot):
    """A person form on screen; closed after the test without the "Lưu thay đổi?" question."""
    opened: list[PersonEditor] = []

    def _open(app: AppContext, person_id: str | None = None) -> PersonEditor:
        editor = PersonEditor(app, person_id)
        opened.append(editor)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    yield _open
    for editor in opened:
        editor.dirty = False
        editor.close()
        editor.deleteLater()


def filled(editor: PersonEditor) -> dict[str, object]:
    ui = editor.ui
    return {
        "full_name": ui.full_name.text(),
        "born": ui.born.text(),
        "sex": ui.sex.currentData(),
        "id_number": ui.id_number.text(),
        "legacy_id": ui.legacy_id.text(),
        "permanent_address": ui.permanent_address.text(),
    }


EXPECTED = {
    "full_name": "Nguyễn Văn An",
    "born": "01/02/1990",
    "sex": "M",
    "id_number": "001090012345",
    "legacy_id": "123456789",
    "permanent_address": "Thôn 3, Xã Phú Lương, Huyện Đại Từ, Thái Nguyên",
}


@pytest.mark.parametrize("field", ["full_name", "phone", "notes", "ethnic_code"])
def test_a_card_scanned_into_any_field_fills_the_form(qtbot, open_editor, app, field) -> None:
    editor = open_editor(app)
    widget = getattr(editor.ui, field)
    if field == "phone":
        qtbot.keyClicks(widget, "0912345678")  # what the officer had typed stays

    scan(widget, CARD)

    assert filled(editor) == EXPECTED
    assert editor.ui.phone.text() == ("0912345678" if field == "phone" else "")
    assert editor.ui.notes.toPlainText() == ""
    assert editor.ui.ethnic_code.currentIndex() == 0
    assert editor.isVisible()  # the scanner's Enter did not press Save
    assert editor.save_button.isEnabled()


def test_the_filled_form_is_checked_as_typed_data(qtbot, open_editor, app, write) -> None:
    with write() as ctx:
        add_person(ctx, PersonInput(full_name="Lê Văn Ba", id_number="001090012345"))
    editor = open_editor(app)

    scan(editor.ui.full_name, CARD)

    assert editor.field_problem("id_number") == "✖ số 001090012345 đã được cấp cho Lê Văn Ba"
    assert not editor.save_button.isEnabled()


def test_a_wrong_code_is_named_and_the_form_is_left_alone(qtbot, open_editor, app) -> None:
    editor = open_editor(app)
    qtbot.keyClicks(editor.ui.full_name, "Tran")
    misread = CARD.replace("01021990", "01021991")

    scan(editor.ui.full_name, misread)

    box = editor.card_reading.message
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "Không đọc được thẻ"
    assert "chữ số thứ 5-6 cho biết sinh năm 1990 nhưng trên thẻ ghi 1991" in box.text()
    assert editor.ui.full_name.text() == "Tran"
    assert editor.ui.id_number.text() == ""
    box.close()


def test_typing_with_enter_is_left_to_the_field(qtbot, open_editor, app) -> None:
    editor = open_editor(app)

    scan(editor.ui.full_name, "Nguyễn Văn An")

    assert editor.ui.full_name.text() == "Nguyễn Văn An"
    assert editor.card_reading.message is None


@NO_PIPEWIRE
def test_the_reading_dialog_reads_a_scan_and_says_there_is_no_camera(
    qtbot, open_editor, app
) -> None:
    editor = open_editor(app)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.ui.full_name, Qt.Key.Key_Q, ctrl_shift)
    reader = editor.card_reading.reader
    assert isinstance(reader, CardReadDialog) and reader.isVisible()
    assert reader.camera_button.text() == "Không tìm thấy camera"
    assert not reader.camera_button.isEnabled()

    scan(reader.code, "https://example.vn/x")
    assert reader.problem.text() == "Đây không phải mã QR của thẻ Căn cước công dân"
    assert reader.isVisible()

    scan(reader.code, CARD)
    qtbot.waitUntil(lambda: not reader.isVisible())
    assert filled(editor) == EXPECTED


def qr_png(path: Path, text: str = CARD) -> Path:
    segno.make(text, error="m").save(str(path), kind="png", scale=6, border=4)
    return path


@NO_PIPEWIRE
def test_a_photo_of_the_card_fills_the_form(qtbot, open_editor, app, tmp_path, monkeypatch) -> None:
    editor = open_editor(app)
    reader = editor.card_reading.open_reader()
    picture = qr_png(tmp_path / "card.png")
    monkeypatch.setattr(
        "antt_desktop.gui.people.cccd_dialog.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(picture), ""),
    )

    qtbot.mouseClick(reader.picture_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not reader.isVisible())
    assert filled(editor) == EXPECTED


@NO_PIPEWIRE
def test_a_picture_without_a_card_says_so(qtbot, app, tmp_path) -> None:
    reader = CardReadDialog(app)
    qtbot.addWidget(reader)
    blank = tmp_path / "blank.jpg"
    Image.new("RGB", (300, 200), "white").save(blank)
    (tmp_path / "notes.png").write_bytes(b"not a picture at all")

    assert not reader.read_picture(blank)
    assert "không tìm thấy mã QR của thẻ Căn cước công dân trong ảnh" in reader.problem.text()
    assert not reader.read_picture(tmp_path / "notes.png")
    assert "tệp không phải là ảnh" in reader.problem.text()
    assert not reader.read_picture(tmp_path / "missing.png")
    assert "không đọc được tệp missing.png" in reader.problem.text()


def test_a_camera_frame_with_the_card_is_read() -> None:
    buffer = io.BytesIO()
    segno.make(CARD, error="m").save(buffer, kind="png", scale=5, border=4)
    code = QImage.fromData(buffer.getvalue())
    frame = QImage(640, 480, QImage.Format.Format_RGB32)
    frame.fill(Qt.GlobalColor.darkGray)
    from PySide6.QtGui import QPainter

    painter = QPainter(frame)
    painter.fillRect(150, 60, 420, 400, Qt.GlobalColor.white)
    painter.drawImage(200, 80, code)
    painter.end()

    card = frame_card(frame)
    frame.fill(Qt.GlobalColor.white)
    empty = frame_card(frame)

    assert isinstance(card, CardData) and card.full_name == "Nguyễn Văn An"
    assert isinstance(empty, list)
