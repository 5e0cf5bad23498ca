"""The person editor offers "Gộp với hồ sơ khác…" to the accounts that may write, opening
the merge with this person as the record kept."""

from __future__ import annotations

from dataclasses import replace

import pytest

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.gui.people.merge_dialog import MergeDialog
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_the_editor_opens_the_merge_with_its_person_kept(qtbot, app_ctx: AppContext, write):
    with write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Nguyễn Văn An", born="1990")).person.id
    editor = PersonEditor(app_ctx, pid)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.merge_button.isVisible()
    assert editor.merge_button.text() == "Gộp với hồ sơ khác…"

    editor.merge_button.click()

    dialog = editor.merge_dialog
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    assert dialog.survivor_id == pid
    assert dialog.kept_name.text().startswith("Nguyễn Văn An")
    dialog.reject()


def test_a_viewer_and_a_new_person_have_no_merge(qtbot, app_ctx: AppContext, write):
    with write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Nguyễn Văn An", born="1990")).person.id
    viewer = PersonEditor(replace(app_ctx, actor=Actor("xem", "viewer")), pid)
    new = PersonEditor(app_ctx)
    for editor in (viewer, new):
        qtbot.addWidget(editor)
        editor.show()
        assert not editor.merge_button.isVisible()
