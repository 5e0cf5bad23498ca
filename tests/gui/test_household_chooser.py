"""The resident editor links a person to a household chosen by search: type a few letters
of the head's name (accents optional), arrows and Enter choose it, Save links the person;
clearing the line unlinks them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import households as hh
from antt_desktop.services.context import Actor
from antt_desktop.services.household_rows import household_choices
from antt_desktop.services.people import PersonInput, add_person, edit_person
from antt_desktop.services.units import add_area
from antt_desktop.store.models import Person
from tests.gui.test_dossiers import save, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def app(db):
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


@pytest.fixture
def resident(write) -> str:
    """Lò Văn Sáng, in no household yet; households 7 (Nguyễn Văn An) and 17 (Trần Thị
    Bình) in Thôn Đồng Tâm."""
    with write() as ctx:
        area = add_area(ctx, name="Thôn Đồng Tâm", kind="thon").id
        for number, head in (("7", "Nguyễn Văn An"), ("17", "Trần Thị Bình")):
            head_id = add_person(ctx, PersonInput(full_name=head, born="1970")).person.id
            data = hh.HouseholdInput(number=number, area_id=area, head_person_id=head_id)
            hh.add_household(ctx, data)
        return add_person(ctx, PersonInput(full_name="Lò Văn Sáng", born="1990")).person.id


def household_of(read, person_id: str) -> str | None:
    with read() as ctx:
        person = ctx.session.get(Person, person_id)
        household = person.household_id
    return household


def open_editor(qtbot, app, person_id: str) -> PersonEditor:
    editor = PersonEditor(app, person_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def test_a_household_is_found_by_the_heads_name_and_chosen_with_enter(qtbot, app, read, resident):
    editor = open_editor(qtbot, app, resident)
    chooser = editor.household
    chooser.edit.setFocus()
    type_text(chooser.edit, "tran thi")
    popup = chooser.completer.popup()
    qtbot.waitUntil(lambda: popup is not None and popup.isVisible())
    assert chooser.model.item(0).text() == "17 — Trần Thị Bình — Thôn Đồng Tâm"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: chooser.household_id() is not None)
    assert chooser.edit.text() == "17 — Trần Thị Bình — Thôn Đồng Tâm"
    editor.ui.relation_to_head.setText("Cháu")
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert household_of(read, resident) == chooser.household_id()


def test_the_household_shows_when_editing_and_clearing_it_unlinks(
    qtbot, app, read, write, resident
):
    with write() as ctx:
        (seven,) = [h for h in household_choices(ctx, "7") if h.number == "7"]
        edit_person(ctx, resident, {"household_id": seven.id, "relation_to_head": "Con"})
    editor = open_editor(qtbot, app, resident)
    assert editor.household.edit.text() == "7 — Nguyễn Văn An — Thôn Đồng Tâm"
    editor.household.edit.clear()
    editor.household.edit.textEdited.emit("")  # the clear button's way
    editor.ui.relation_to_head.clear()
    editor.reason.setText("Đã tách hộ")
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert household_of(read, resident) is None


def test_a_number_nobody_has_is_named_under_the_field(qtbot, app, read, resident):
    editor = open_editor(qtbot, app, resident)
    editor.household.edit.setFocus()
    type_text(editor.household.edit, "99")
    qtbot.waitUntil(lambda: editor.household.model.rowCount() == 1)
    assert editor.household.model.item(0).text() == "Không có hộ nào khớp với '99'"
    qtbot.waitUntil(lambda: editor.field_problem("household_id") != "")
    assert "99" in editor.field_problem("household_id")
    assert household_of(read, resident) is None
    editor.dirty = False  # nothing to ask when the test closes it
