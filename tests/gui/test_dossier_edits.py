"""Changing a dossier where it is shown: "Sửa hồ sơ", "Phân loại" and "Sửa thông tin người"
in the dossier's window, checked as the officer types, saved through the services, and the
window showing the change at once; roles that may only read do not get the buttons."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.dossiers.edit_dialogs import ClassifyDialog, EditDossierDialog
from antt_desktop.gui.dossiers.view import DossierView
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.store.models import AuditEntry, Dossier, Person
from tests.gui.test_dossiers import person, save

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def app(db):
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


def dossier(write, code: str = "SUSPENDED", **extra: str) -> str:
    pid = person(write, "Lò Văn Sáng", current_address="Thôn Đồng Tâm")
    with write() as ctx:
        data = DossierInput(person_id=pid, category_code=code, opened_on="01/10/2026", **extra)
        return open_dossier(ctx, data).id


def window(qtbot, app, dossier_id: str) -> DossierView:
    view = DossierView(app, dossier_id)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    return view


def shown(view: DossierView, field: str) -> str:
    return view.info_values[field].text()


def test_the_dossier_is_edited_in_its_window_and_the_window_shows_it(qtbot, write, read, app):
    dossier_id = dossier(write)
    view = window(qtbot, app, dossier_id)
    view.buttons["edit_dossier"].click()
    editor = view.dialog
    assert isinstance(editor, EditDossierDialog) and editor.isVisible()
    officer = editor.widgets["officer_name"]
    assert isinstance(officer, QComboBox)
    assert [officer.itemText(i) for i in range(officer.count())] == ["admin"]  # the accounts
    officer.setCurrentText("Thượng úy Lê Văn Công")
    number = editor.widgets["legal_doc_number"]
    assert isinstance(number, QLineEdit)
    number.setText("15/2026/QĐ-TA")
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert shown(view, "officer_name") == "Thượng úy Lê Văn Công"
    assert shown(view, "legal_doc_number") == "15/2026/QĐ-TA"
    with read() as ctx:
        saved = ctx.session.get(Dossier, dossier_id)
        entry = ctx.session.query(AuditEntry).order_by(AuditEntry.seq.desc()).first()
    assert (saved.officer_name, saved.legal_doc_number) == (
        "Thượng úy Lê Văn Công",
        "15/2026/QĐ-TA",
    )
    assert sorted(entry.fields) == ["legal_doc_number", "officer_name"]


def test_a_wrong_date_is_named_under_its_field_as_typed_and_nothing_is_saved(
    qtbot, write, read, app
):
    dossier_id = dossier(write)
    view = window(qtbot, app, dossier_id)
    editor = view.edit_dossier()
    end = editor.widgets["planned_end"]
    assert isinstance(end, QLineEdit)
    end.setText("01/01/2026")
    qtbot.waitUntil(lambda: editor.field_problem("planned_end") != "")
    assert "01/10/2026" in editor.field_problem("planned_end")  # before the opening
    save(qtbot, editor)
    assert editor.isVisible()
    with read() as ctx:
        assert ctx.session.get(Dossier, dossier_id).planned_end != date(2026, 1, 1)


def test_the_category_is_corrected_and_shown(qtbot, write, read, app):
    dossier_id = dossier(write)
    view = window(qtbot, app, dossier_id)
    editor = view.edit_dossier()
    category = editor.widgets["category_code"]
    assert isinstance(category, QComboBox)
    category.setCurrentIndex(category.findData("PROBATION"))
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    with read() as ctx:
        assert ctx.session.get(Dossier, dossier_id).category_code == "PROBATION"
    assert shown(view, "category_code") == view.summary.category_vi
    assert view.summary.category_code == "PROBATION"


def test_a_released_person_is_classified_with_the_reason_kept(qtbot, write, read, app):
    dossier_id = dossier(write, "RELEASED", classification="A")
    view = window(qtbot, app, dossier_id)
    assert view.buttons["classify"].isVisible()
    dialog = view.classify()
    assert isinstance(dialog, ClassifyDialog)
    choice, reason = dialog.widgets["classification"], dialog.widgets["classification_note"]
    assert isinstance(choice, QComboBox) and isinstance(reason, QPlainTextEdit)
    choice.setCurrentIndex(choice.findData("C"))
    reason.setPlainText("Vi phạm hành chính tháng 10/2026")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert shown(view, "classification") == "C"
    with read() as ctx:
        entry = ctx.session.query(AuditEntry).order_by(AuditEntry.seq.desc()).first()
    assert (entry.action, entry.detail) == ("classify", "Vi phạm hành chính tháng 10/2026")


def test_classifying_is_offered_only_where_the_category_classifies(qtbot, write, app):
    view = window(qtbot, app, dossier(write, "SUSPENDED"))
    assert view.buttons["edit_dossier"].isVisible()
    assert not view.buttons["classify"].isVisible()


def test_a_viewer_gets_no_button_that_changes_anything(qtbot, write, app):
    viewer = replace(app, actor=Actor("xem1", "viewer"))
    view = window(qtbot, viewer, dossier(write, "RELEASED"))
    for key in ("edit_dossier", "classify", "edit_person"):
        assert not view.buttons[key].isVisible(), key


def test_the_person_is_edited_from_the_dossier_window(qtbot, write, read, app):
    dossier_id = dossier(write)
    view = window(qtbot, app, dossier_id)
    view.buttons["edit_person"].click()
    editor = view.dialog
    assert isinstance(editor, PersonEditor)
    assert editor.ui.full_name.text() == "Lò Văn Sáng"
    editor.ui.current_address.setText("Xóm Chợ, thôn Đồng Tâm")
    editor.reason.setText("Đã chuyển nhà, theo trình báo ngày 20/11")
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert shown(view, "current_address") == "Xóm Chợ, thôn Đồng Tâm"
    with read() as ctx:
        pid = ctx.session.get(Dossier, dossier_id).person_id
        assert ctx.session.get(Person, pid).current_address == "Xóm Chợ, thôn Đồng Tâm"
