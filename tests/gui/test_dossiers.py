"""The "Hồ sơ đối tượng" page as an officer uses it: adding a resident through the editor,
searching as they type, opening a dossier, writing and correcting an assessment, and the
guard that keeps typed changes from being lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from sqlalchemy import func, select

from antt_desktop.domain.enums import UnitKind
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import with_mnemonic
from antt_desktop.gui.dossiers.dialogs import AssessmentDialog, OpenDossierDialog
from antt_desktop.gui.dossiers.model import DossierModel
from antt_desktop.gui.dossiers.page import DossiersPage
from antt_desktop.gui.dossiers.view import DossierView
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import units
from antt_desktop.services.context import Actor
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Assessment, Commitment, Dossier, Person, Unit
from tests.conftest import CHIEF

# The offscreen platform warns that it cannot resize windows to their layouts.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def app(db):
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Remembered columns go to a temporary INI file, never the officer's settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_page(qtbot, app, settings) -> DossiersPage:
    page = DossiersPage(app, settings=settings)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    loaded(qtbot, page)
    return page


@pytest.fixture
def page(qtbot, app, settings):
    return make_page(qtbot, app, settings)


def loaded(qtbot, page: DossiersPage) -> None:
    qtbot.waitUntil(lambda: not page.dossier_model.loading and not page.people_model.loading)


def person(write, name: str, born: str = "1990", **extra: str) -> str:
    with write() as ctx:
        return add_person(ctx, PersonInput(full_name=name, born=born, **extra)).person.id


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Vietnamese letters too (QTest only types ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def save(qtbot, dialog: QWidget) -> None:
    """Ctrl+S in ``dialog`` once it is the active window (as the officer's keyboard is)."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)


def names(model, column: int = 0) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def answer_question(qtbot, button_text: str, seen: list[str]) -> None:
    """When the unsaved-changes question shows, note its text and press ``button_text``."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def count(read, entity) -> int:
    with read() as ctx:
        return ctx.session.execute(select(func.count()).select_from(entity)).scalar_one()


# --- residents -------------------------------------------------------------------------------


def test_a_resident_typed_in_the_editor_is_saved_and_listed(qtbot, page, read):
    page.tabs.setCurrentWidget(page.people)
    page.new_record()
    editor = page.dialog
    assert isinstance(editor, PersonEditor) and editor.isVisible()
    type_text(editor.ui.full_name, "Nguyễn Văn Đức")
    qtbot.keyClicks(editor.ui.id_number, "0123")
    qtbot.waitUntil(lambda: editor.field_problem("id_number") != "")
    assert editor.field_problem("id_number") == "✖ phải có đúng 12 chữ số (đã nhập 4)"
    assert not editor.save_button.isEnabled()
    save(qtbot, editor)  # refused while the number is wrong
    assert editor.isVisible() and count(read, Person) == 0

    editor.ui.id_number.selectAll()
    qtbot.keyClicks(editor.ui.id_number, "001090012345")
    qtbot.waitUntil(lambda: editor.field_problem("id_number") == "")
    assert editor.save_button.isEnabled()
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())

    with read() as ctx:
        saved = ctx.session.execute(select(Person)).scalar_one()
    assert (saved.full_name, saved.id_number) == ("Nguyễn Văn Đức", "001090012345")
    model = page.people_model
    qtbot.waitUntil(lambda: model.row_of(saved.id) >= 0)
    row = model.row_of(saved.id)
    assert names(model)[row] == "Nguyễn Văn Đức"
    assert model.index(row, model.COL_ID).data() == "•••••••••345"  # masked in the list
    assert page.people.current_id() == saved.id  # the new person is selected


def test_a_possible_duplicate_is_a_warning_that_does_not_block_saving(qtbot, page, write):
    person(write, "Trần Thị Hoa", born="05/06/1991")
    page.new_person()
    editor = page.dialog
    type_text(editor.ui.full_name, "Trần Thị Hoa")
    qtbot.keyClicks(editor.ui.born, "05/06/1991")
    qtbot.waitUntil(lambda: editor.field_problem("full_name") != "")
    assert (
        editor.field_problem("full_name")
        == "⚠ đã có Trần Thị Hoa, sinh 05/06/1991; hãy kiểm tra xem có trùng người không"
    )
    assert editor.save_button.isEnabled()


def test_esc_with_unsaved_changes_asks_and_go_back_keeps_the_editor(qtbot, page, read):
    page.new_person()
    editor = page.dialog
    type_text(editor.ui.full_name, "Lê Thị Mai")
    seen: list[str] = []
    answer_question(qtbot, "Quay lại", seen)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert seen == ["Lưu thay đổi?"]
    assert editor.isVisible()
    assert editor.ui.full_name.text() == "Lê Thị Mai"

    answer_question(qtbot, "Bỏ thay đổi", seen)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert count(read, Person) == 0


def test_esc_on_an_untouched_editor_closes_without_asking(qtbot, page):
    page.new_person()
    editor = page.dialog
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()


def test_search_as_you_type_narrows_the_residents_list(qtbot, write, app, settings):
    for name in ("Nguyễn Văn Đức", "Nguyễn Văn An", "Trần Thị Hoà", "Ngô Đức Vượng"):
        person(write, name)
    page = make_page(qtbot, app, settings)
    model = page.people_model
    assert model.rowCount() == 0  # the residents tab is not read while it is hidden
    page.tabs.setCurrentWidget(page.people)
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    assert names(model) == ["Nguyễn Văn An", "Nguyễn Văn Đức", "Trần Thị Hoà", "Ngô Đức Vượng"]
    qtbot.keyClicks(page.people.search, "ng v")
    qtbot.waitUntil(lambda: len(names(model)) == 3)
    assert "Trần Thị Hoà" not in names(model)
    qtbot.keyClicks(page.people.search, " duc")
    qtbot.waitUntil(lambda: names(model) == ["Nguyễn Văn Đức"])
    page.people.search.clear()
    qtbot.keyClicks(page.people.search, "hoa")
    qtbot.waitUntil(lambda: names(model) == ["Trần Thị Hoà"])
    page.people.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 4)


def test_the_residents_count_reads_whole_as_a_search_changes_it(qtbot, write, app, settings):
    """The count under the list reads whole whatever it says, and keeps the room of the
    widest it has said (so a keystroke's shorter count lays nothing out again)."""
    for i in range(12):
        person(write, f"Nguyễn Văn Đức {chr(65 + i)}")
    person(write, "Trần Thị Hoà")
    page = make_page(qtbot, app, settings)
    page.tabs.setCurrentWidget(page.people)
    tab, model = page.people, page.people_model
    qtbot.waitUntil(lambda: model.rowCount() == 13 and not model.loading)

    def shown_whole(text: str) -> bool:
        label = tab.count
        natural = QLabel(text)
        natural.setFont(label.font())
        hint = natural.sizeHint()
        return (
            label.text() == text
            and label.width() >= hint.width()
            and (label.height() == hint.height())
        )

    assert shown_whole("13 dòng")
    held = tab.count.width()
    qtbot.keyClicks(tab.search, "hoa")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading)
    qtbot.waitUntil(lambda: shown_whole("1 dòng"))
    assert tab.count.width() == held  # "1 dòng" in the room of "13 dòng": no new layout
    tab.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 13 and not model.loading)
    qtbot.waitUntil(lambda: shown_whole("13 dòng"))


def test_residents_sort_by_a_clicked_column_in_both_directions(qtbot, write, app, settings):
    person(write, "Lê Văn Cường", born="1970")
    person(write, "Hà Thị An", born="2001")
    person(write, "Phạm Minh Bảo", born="1985")
    page = make_page(qtbot, app, settings)
    model = page.people_model
    page.people.view.sortByColumn(model.COL_BORN, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: names(model, model.COL_BORN) == ["1970", "1985", "2001"])
    page.people.view.sortByColumn(model.COL_BORN, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: names(model, model.COL_BORN) == ["2001", "1985", "1970"])
    page.people.view.sortByColumn(model.COL_NAME, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: names(model) == ["Hà Thị An", "Phạm Minh Bảo", "Lê Văn Cường"])


# --- dossiers --------------------------------------------------------------------------------


def next_due(page: DossiersPage, dossier_id: str) -> str:
    model = page.dossier_model
    return model.index(model.row_of(dossier_id), model.COL_NEXT).data()


def test_open_a_dossier_write_and_correct_an_assessment(qtbot, write, read, app, settings):
    person_id = person(write, "Nguyễn Văn Đức", born="1990")
    page = make_page(qtbot, app, settings)

    # open a dossier: find the person by typing, choose the category and the date
    page.tabs.setCurrentWidget(page.dossiers)
    page.new_record()
    dialog = page.dialog
    assert isinstance(dialog, OpenDossierDialog)
    qtbot.keyClicks(dialog.ui.person_search, "ng v duc")
    qtbot.waitUntil(lambda: dialog.ui.person_results.count() == 1)
    dialog.ui.person_results.setCurrentRow(0)
    assert dialog.ui.person_chosen.text() == "Đã chọn: Nguyễn Văn Đức"
    dialog.ui.category_code.setCurrentIndex(dialog.ui.category_code.findData("SUSPENDED"))
    dialog.ui.opened_on.selectAll()
    qtbot.keyClicks(dialog.ui.opened_on, "01/09/2026")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with read() as ctx:
        dossier = ctx.session.execute(select(Dossier)).scalar_one()
    assert (dossier.person_id, dossier.opened_on) == (person_id, date(2026, 9, 1))

    # the list shows it, the first monthly assessment overdue, in red and in words
    model = page.dossier_model
    qtbot.waitUntil(lambda: model.row_of(dossier.id) >= 0)
    assert next_due(page, dossier.id) == "Quá hạn: tháng 09/2026 (hạn 05/10/2026)"
    row = model.row_of(dossier.id)
    colour = model.index(row, model.COL_NEXT).data(Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and colour.name() == "#b3261e"

    # Enter on the row opens the dossier's window
    page.dossiers.view.setFocus()
    page.dossiers.view.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(page.dossiers.view, Qt.Key.Key_Return)
    view = page.views[dossier.id]
    qtbot.addWidget(view)
    assert view.isVisible() and view.windowTitle() == "Hồ sơ: Nguyễn Văn Đức"
    states = {
        view.assessments.topLevelItem(i).text(0): view.assessments.topLevelItem(i).text(2)
        for i in range(view.assessments.topLevelItemCount())
    }
    assert states == {
        "Tháng 09/2026": "Quá hạn",
        "Tháng 10/2026": "Quá hạn",
        "Tháng 11/2026": "Chưa đến hạn",
    }

    # write the assessment: the period is the first overdue one
    view.tabs.setCurrentIndex(1)
    qtbot.mouseClick(view.buttons["assess"], Qt.MouseButton.LeftButton)
    writer = view.dialog
    assert isinstance(writer, AssessmentDialog)
    assert writer.ui.period.currentText() == "Tháng 09/2026"
    writer.ui.rating.setCurrentIndex(writer.ui.rating.findData("Chấp hành tốt"))
    type_text(writer.ui.content, "Chấp hành tốt các nghĩa vụ, trình báo đúng hạn.")
    save(qtbot, writer)
    qtbot.waitUntil(lambda: not writer.isVisible())

    september = view.assessments.topLevelItem(view.assessments.topLevelItemCount() - 1)
    assert (september.text(0), september.text(2), september.text(3)) == (
        "Tháng 09/2026",
        "Đã nhận xét",
        "Chấp hành tốt",
    )
    qtbot.waitUntil(lambda: next_due(page, dossier.id) == "Quá hạn: tháng 10/2026 (hạn 05/11/2026)")

    # correct it: a new version supersedes the old one, which stays in the history
    view.assessments.setCurrentItem(september)
    qtbot.mouseClick(view.buttons["correct"], Qt.MouseButton.LeftButton)
    corrector = view.dialog
    assert corrector.windowTitle() == "Sửa nhận xét, đánh giá"
    assert "Chấp hành tốt các nghĩa vụ" in corrector.ui.history_text.toPlainText()
    corrector.ui.rating.setCurrentIndex(corrector.ui.rating.findData("Chưa tốt"))
    save(qtbot, corrector)
    qtbot.waitUntil(lambda: not corrector.isVisible())

    september = view.assessments.topLevelItem(view.assessments.topLevelItemCount() - 1)
    assert september.text(3) == "Chưa tốt"
    assert september.childCount() == 1
    old = september.child(0)
    assert (old.text(2), old.text(3)) == ("Đã được thay thế", "Chấp hành tốt")
    assert count(read, Assessment) == 2
    # the history is the audit log's: an officer may not read it, the chief may
    assert not view.tabs.isTabVisible(view.tabs.indexOf(view.audit_tab))
    assert view.audit.rowCount() == 0
    chief = DossierView(replace(app, actor=CHIEF), dossier.id)
    qtbot.addWidget(chief)
    assert chief.tabs.isTabVisible(chief.tabs.indexOf(chief.audit_tab))
    actions = [chief.audit.item(r, 2).text() for r in range(chief.audit.rowCount())]
    assert actions == ["Sửa (thay thế bản cũ)", "Tạo mới", "Tạo mới"]


def test_an_assessment_refused_by_the_service_names_the_field(qtbot, write, read, app, settings):
    pid = person(write, "Lò Văn Sáng")
    with write() as ctx:
        data = DossierInput(person_id=pid, category_code="SUSPENDED", opened_on="01/10/2026")
        dossier_id = open_dossier(ctx, data).id
    page = make_page(qtbot, app, settings)
    view = page.open_dossier(dossier_id)
    qtbot.addWidget(view)
    writer = view.write_assessment()
    writer.ui.rating.setCurrentIndex(writer.ui.rating.findData("Chấp hành tốt"))
    save(qtbot, writer)  # no assessment text
    assert writer.isVisible()
    assert writer.field_problem("content") == "✖ không được để trống"
    assert count(read, Assessment) == 0


def test_a_second_open_dossier_is_named_under_the_category_as_it_is_chosen(
    qtbot, write, read, app, settings
):
    pid = person(write, "Mai Văn Tuấn")
    with write() as ctx:
        data = DossierInput(person_id=pid, category_code="SUSPENDED", opened_on="01/03/2026")
        open_dossier(ctx, data)
    page = make_page(qtbot, app, settings)
    dialog = page.new_dossier(pid)
    qtbot.waitExposed(dialog)
    assert dialog.ui.person_chosen.text() == "Đã chọn: Mai Văn Tuấn"
    dialog.ui.category_code.setCurrentIndex(dialog.ui.category_code.findData("SUSPENDED"))
    qtbot.waitUntil(lambda: dialog.field_problem("category_code") != "")
    assert dialog.field_problem("category_code") == (
        "✖ người này đang có hồ sơ quản lý diện 'Người được hưởng án treo' chưa kết thúc"
        " (lập ngày 01/03/2026)"
    )
    save(qtbot, dialog)
    assert dialog.isVisible() and count(read, Dossier) == 1


def test_an_assessment_written_before_its_period_is_named_as_typed(
    qtbot, write, read, app, settings
):
    pid = person(write, "Lò Thị Xuân")
    with write() as ctx:
        data = DossierInput(person_id=pid, category_code="SUSPENDED", opened_on="01/09/2026")
        dossier_id = open_dossier(ctx, data).id
    view = make_page(qtbot, app, settings).open_dossier(dossier_id)
    qtbot.addWidget(view)
    writer = view.write_assessment()
    qtbot.waitExposed(writer)
    assert writer.ui.period.currentText() == "Tháng 09/2026"
    writer.ui.written_on.selectAll()
    qtbot.keyClicks(writer.ui.written_on, "20/08/2026")
    qtbot.waitUntil(lambda: writer.field_problem("written_on") != "")
    before = "✖ ngày 20/08/2026 trước khi bắt đầu kỳ tháng 09/2026"
    assert writer.field_problem("written_on") == before
    assert writer.field_problem("content") == ""  # not reached yet
    writer.ui.written_on.selectAll()
    qtbot.keyClicks(writer.ui.written_on, "02/10/2026")
    qtbot.waitUntil(lambda: writer.field_problem("written_on") == "")
    assert count(read, Assessment) == 0


def test_dossier_filters_narrow_the_list(qtbot, write, app, settings):
    a = person(write, "Nguyễn Văn An")
    b = person(write, "Trần Văn Bình")
    with write() as ctx:
        late = open_dossier(
            ctx, DossierInput(person_id=a, category_code="SUSPENDED", opened_on="01/08/2026")
        ).id
        fresh = open_dossier(
            ctx, DossierInput(person_id=b, category_code="YOUTH_RISK", opened_on="20/11/2026")
        ).id
    page = make_page(qtbot, app, settings)
    model = page.dossier_model
    assert {model.id_at(r) for r in range(model.rowCount())} == {late, fresh}
    due = page.dossiers.filters["due"]
    due.setCurrentIndex(due.findData("overdue"))
    qtbot.waitUntil(lambda: [model.id_at(r) for r in range(model.rowCount())] == [late])
    due.setCurrentIndex(0)
    category = page.dossiers.filters["category"]
    category.setCurrentIndex(category.findData("YOUTH_RISK"))
    qtbot.waitUntil(lambda: [model.id_at(r) for r in range(model.rowCount())] == [fresh])
    assert next_due(page, fresh) == "Chưa đến hạn: quý IV/2026 (hạn 05/01/2027)"
    year = page.dossiers.filters["year"]
    assert [year.itemData(i) for i in range(year.count())] == [None, 2026]


def test_the_post_filter_shows_only_with_several_posts(qtbot, write, app, settings, tmp_path):
    page = make_page(qtbot, app, settings)
    assert not page.dossiers.filters["unit"].isVisibleTo(page)
    with write(CHIEF) as ctx:
        upper = ctx.local_unit().parent_id
        units.add_unit(ctx, code="00073", name="Công an phường Hàng Bạc", parent_id=upper)
    assert count_units(app) == 2
    other = make_page(qtbot, app, QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat))
    assert other.dossiers.filters["unit"].isVisibleTo(other)
    assert other.people.filters["unit"].count() == 3  # all posts, and each of the two


def count_units(app) -> int:
    with app.read() as ctx:
        return ctx.session.execute(
            select(func.count()).where(Unit.kind == UnitKind.COMMUNE_POST.value)
        ).scalar_one()


def test_hidden_columns_are_remembered(qtbot, app, settings):
    page = make_page(qtbot, app, settings)
    menu = page.dossiers.column_menu()
    officer = menu.actions()[DossierModel.COL_OFFICER]
    assert officer.isChecked()
    officer.trigger()
    assert page.dossiers.view.isColumnHidden(DossierModel.COL_OFFICER)
    again = make_page(qtbot, app, settings)
    assert again.dossiers.view.isColumnHidden(DossierModel.COL_OFFICER)
    assert not again.people.view.isColumnHidden(DossierModel.COL_OFFICER)


def test_open_first_record_and_focus_search(qtbot, write, app, settings):
    pid = person(write, "Vàng A Páo")
    with write() as ctx:
        data = DossierInput(person_id=pid, category_code="DRUG_USER", opened_on="02/01/2026")
        open_dossier(ctx, data)
    page = make_page(qtbot, app, settings)
    view = page.open_first_record()
    assert view is not None
    qtbot.addWidget(view)
    assert view.info_values["full_name"].text() == "Vàng A Páo"
    buttons = view.findChildren(QPushButton)
    assert all(b.text() for b in buttons)
    with qtbot.waitActive(page):
        page.activateWindow()
    page.focus_search()
    assert page.dossiers.search.hasFocus()


def test_the_model_passes_the_model_tester_with_real_rows(qtbot, qtmodeltester, write, app):
    pid = person(write, "Đinh Thị Lan")
    with write() as ctx:
        data = DossierInput(person_id=pid, category_code="RELEASED", opened_on="02/03/2025")
        open_dossier(ctx, data)
    model = DossierModel(app)
    with qtbot.waitSignal(model.loaded):
        model.reload()
    assert model.rowCount() == 1
    qtmodeltester.check(model)


@pytest.mark.parametrize("lang", ["en"])
def test_english_texts_are_used_when_chosen(qtbot, db, settings, lang):
    app = AppContext(
        db, Actor("canbo1", "officer"), Translator(lang), today=lambda: date(2026, 11, 22)
    )
    page = make_page(qtbot, app, settings)
    assert page.tabs.tabText(1) == "&Residents"
    assert page.dossier_model.headerData(6, Qt.Orientation.Horizontal) == "Next assessment"


def test_enter_on_a_resident_edits_them(qtbot, write, read, app, settings):
    pid = person(write, "Hà Văn Tâm", born="1980")
    page = make_page(qtbot, app, settings)
    page.tabs.setCurrentWidget(page.people)
    view = page.people.view
    view.setFocus()
    view.setCurrentIndex(page.people_model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = page.dialog
    assert isinstance(editor, PersonEditor)
    assert editor.windowTitle() == "Nhân khẩu: Hà Văn Tâm"
    assert editor.ui.born.text() == "1980"
    qtbot.keyClicks(editor.ui.phone, "0912 345 678")
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    with read() as ctx:
        assert ctx.session.get(Person, pid).phone == "0912345678"


def test_support_and_closing_through_the_dossier_window(qtbot, write, read, app, settings):
    pid = person(write, "Sùng A Chớ")
    with write() as ctx:
        data = DossierInput(person_id=pid, category_code="DRUG_USER", opened_on="02/01/2026")
        dossier_id = open_dossier(ctx, data).id
    app = replace(app, actor=CHIEF)  # closing a dossier is the chief's
    page = make_page(qtbot, app, settings)
    view = page.open_dossier(dossier_id)
    qtbot.addWidget(view)

    support = view.add_support()
    kind = support.widgets["kind"]
    kind.setCurrentIndex(kind.findData("loan"))
    support.widgets["amount_vnd"].setText("15.000.000")
    save(qtbot, support)
    qtbot.waitUntil(lambda: not support.isVisible())
    table = view.records["supports"]
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["22/11/2026", "Vay vốn", "15.000.000 ₫"]

    closing = view.close_dossier()
    save(qtbot, closing)  # no reason chosen: refused, the field says why
    assert closing.isVisible()
    assert closing.field_problem("close_reason") == "✖ không được để trống"
    reason = closing.widgets["close_reason"]
    reason.setCurrentIndex(reason.findData("term_completed"))
    save(qtbot, closing)
    qtbot.waitUntil(lambda: not closing.isVisible())
    with read() as ctx:
        assert ctx.session.get(Dossier, dossier_id).status == "closed"
    assert view.info_values["status"].text().startswith("Đã kết thúc (22/11/2026")
    assert not view.buttons["assess"].isEnabled()
    model = page.dossier_model  # the list shows dossiers under management only
    qtbot.waitUntil(lambda: not model.loading and model.row_of(dossier_id) < 0)


def test_a_commitment_is_checked_as_typed_written_only_on_save_and_guarded(
    qtbot, write, read, app, settings
):
    pid = person(write, "Hoàng Văn Lực")
    with write() as ctx:
        data = DossierInput(person_id=pid, category_code="SUSPENDED", opened_on="02/01/2026")
        dossier_id = open_dossier(ctx, data).id
    page = make_page(qtbot, app, settings)
    view = page.open_dossier(dossier_id)
    qtbot.addWidget(view)

    dialog = view.add_commitment()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Ghi nhận bản cam kết"
    assert dialog.labels["signed_on"].text() == "&Ngày ký"
    signed, text = dialog.widgets["signed_on"], dialog.widgets["text"]
    signed.selectAll()
    qtbot.keyClicks(signed, "30/11/2026")  # after today (22/11/2026)
    qtbot.waitUntil(lambda: dialog.field_problem("signed_on") != "")
    assert dialog.field_problem("signed_on") == "✖ 30/11/2026 là ngày trong tương lai"
    assert dialog.field_problem("text") == ""  # the officer has not reached it yet
    assert count(read, Commitment) == 0

    seen: list[str] = []
    answer_question(qtbot, "Quay lại", seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen == ["Lưu thay đổi?"] and dialog.isVisible()

    signed.selectAll()
    qtbot.keyClicks(signed, "20/11/2026")
    type_text(text, "Cam kết chấp hành nghiêm pháp luật")
    qtbot.waitUntil(lambda: dialog.field_problem("signed_on") == "")
    assert count(read, Commitment) == 0  # checking as typed writes nothing
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with read() as ctx:
        saved = ctx.session.execute(select(Commitment)).scalar_one()
    assert (saved.signed_on, saved.text) == (
        date(2026, 11, 20),
        "Cam kết chấp hành nghiêm pháp luật",
    )
    table = view.records["commitments"]
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.item(0, 0).text() == "20/11/2026"


def test_closing_a_dossier_with_changes_asks_and_discarding_writes_nothing(
    qtbot, write, read, app, settings
):
    pid = person(write, "Giàng A Tủa")
    with write() as ctx:
        data = DossierInput(person_id=pid, category_code="DRUG_USER", opened_on="02/01/2026")
        dossier_id = open_dossier(ctx, data).id
    app = replace(app, actor=CHIEF)
    view = make_page(qtbot, app, settings).open_dossier(dossier_id)
    qtbot.addWidget(view)
    closing = view.close_dossier()
    qtbot.waitExposed(closing)
    reason = closing.widgets["close_reason"]
    reason.setCurrentIndex(reason.findData("other"))
    seen: list[str] = []
    answer_question(qtbot, "Bỏ thay đổi", seen)
    closing.close()  # the window's close button asks as Esc does
    qtbot.waitUntil(lambda: not closing.isVisible())
    assert seen == ["Lưu thay đổi?"]
    with read() as ctx:
        assert ctx.session.get(Dossier, dossier_id).status == "open"


def test_mnemonics_use_letters_a_keyboard_can_type():
    used: set[str] = set()
    assert with_mnemonic("Họ và tên", used) == "&Họ và tên"
    assert with_mnemonic("Hộ gia đình", used) == "Hộ &gia đình"
    assert with_mnemonic("Đã lưu", used) == "Đã &lưu"  # Đ cannot be typed as Alt+Đ
    assert used == {"h", "g", "l"}


def test_columns_chosen_in_an_earlier_version_are_kept(qtbot, app, tmp_path):
    """Earlier versions kept these lists' columns in the user's Qt settings; they move into
    the post's settings file, where every other list keeps its columns."""
    legacy = QSettings(str(tmp_path / "user-settings.ini"), QSettings.Format.IniFormat)
    legacy.setValue("dossiers_page/dossiers/hidden_columns", [str(DossierModel.COL_OFFICER)])
    legacy.sync()

    page = make_page(qtbot, app, legacy)

    assert page.dossiers.view.isColumnHidden(DossierModel.COL_OFFICER)
    assert legacy.value("dossiers_page/dossiers/hidden_columns") is None
    post_file = QSettings(str(app.db.path.with_name("settings.ini")), QSettings.Format.IniFormat)
    assert post_file.value("columns/dossiers") == str(DossierModel.COL_OFFICER)
    other = QSettings(str(tmp_path / "other-user.ini"), QSettings.Format.IniFormat)
    assert make_page(qtbot, app, other).dossiers.view.isColumnHidden(DossierModel.COL_OFFICER)
