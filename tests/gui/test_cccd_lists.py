"""A citizen ID card scanned into the search of the initiatives, teams and commendations
lists looks for its holder's name; scanned into the person search of "Lập hồ sơ", it chooses
its holder or offers to add them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.dossiers.dialogs import OpenDossierDialog
from antt_desktop.gui.initiatives.commendations_page import CommendationsPage
from antt_desktop.gui.initiatives.page import InitiativesPage
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.gui.teams.page import TeamsPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from tests.gui.test_cccd_search import CARD, scan

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def app(db) -> AppContext:
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


@pytest.mark.parametrize("page_class", [InitiativesPage, TeamsPage, CommendationsPage])
def test_a_card_scanned_into_a_list_search_looks_for_its_holder(qtbot, app, page_class) -> None:
    page = page_class(app)
    qtbot.addWidget(page)
    page.show()
    page.search_edit.setText("mô")

    scan(page.search_edit, CARD)

    assert page.search_edit.text() == "Nguyễn Văn An"  # not the card's long code
    assert page.model.search_text == "Nguyễn Văn An"
    assert page.card_message is None

    scan(page.search_edit, CARD.replace("|Nam|", "|Nữ|"))
    box = page.card_message
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Không đọc được thẻ"
    assert "giới tính nam nhưng trên thẻ ghi nữ" in box.text()
    assert page.search_edit.text() == "Nguyễn Văn An"  # kept as it was
    box.close()


def test_a_card_scanned_into_the_dossier_person_search_chooses_its_holder(
    qtbot, app, write
) -> None:
    with write() as ctx:
        data = PersonInput(full_name="Nguyễn Văn An", id_number="001090012345", born="01/02/1990")
        pid = add_person(ctx, data).person.id
    dialog = OpenDossierDialog(app)
    qtbot.addWidget(dialog)
    dialog.show()

    scan(dialog.ui.person_search, CARD)

    assert dialog.person_id == pid
    assert "Nguyễn Văn An" in dialog.ui.person_chosen.text()
    dialog.dirty = False  # closed without the question


def test_a_card_of_someone_new_in_the_dossier_person_search_adds_them(qtbot, app) -> None:
    dialog = OpenDossierDialog(app)
    qtbot.addWidget(dialog)
    dialog.show()

    scan(dialog.ui.person_search, CARD)

    box = dialog.card_lookup.message
    assert isinstance(box, QMessageBox) and "001090012345" in box.text()
    add = next(b for b in box.buttons() if "Thêm người mới" in b.text())
    add.click()
    editor = dialog.person_editor
    assert isinstance(editor, PersonEditor)
    assert editor.ui.full_name.text() == "Nguyễn Văn An"
    editor.dirty = dialog.dirty = False  # closed without the question
