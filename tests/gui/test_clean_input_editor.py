"""The person editor shows a pasted control character or bidi override under its field as
the officer types, and Save stays off."""

from __future__ import annotations

import os
from datetime import date

import pytest
from sqlalchemy import func, select

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.store.models import Person

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def app(db):
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


def test_a_pasted_bidi_override_is_shown_under_the_name_and_save_is_off(qtbot, app, db):
    editor = PersonEditor(app)
    qtbot.addWidget(editor)
    editor.show()
    editor.ui.full_name.setText("Lê Văn\u202e nA")  # pasted from a message: reads "Lê Văn An"
    qtbot.waitUntil(lambda: editor.field_problem("full_name") != "")
    assert editor.field_problem("full_name") == (
        "✖ có ký tự điều khiển không hợp lệ (vị trí 7, U+202E); hãy xoá ký tự đó và gõ lại"
    )
    assert not editor.save_button.isEnabled()
    if os.environ.get("ANTT_SCREENSHOTS"):  # what the officer sees, at both screen sizes
        for w, h in ((1366, 768), (1024, 600)):
            editor.resize(min(editor.sizeHint().width(), w), min(editor.sizeHint().height(), h))
            editor.grab().save(f"/tmp/clean-input-editor-{w}x{h}.png")
    editor.ui.full_name.setText("Lê Văn An")
    qtbot.waitUntil(lambda: editor.field_problem("full_name") == "")
    editor.discard_changes()  # the officer leaves without saving
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Person)).scalar_one() == 0
