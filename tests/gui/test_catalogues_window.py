"""Danh mục: the version line, the "cần kiểm tra" badge and filter, an entry edited through
its dialog at the upper unit, and read only at a post."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from antt_desktop.gui.catalogues.model import STATUS, TO_CHECK_COLOUR
from antt_desktop.gui.catalogues.window import CataloguesWindow
from antt_desktop.gui.common.context import AppContext
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import catalogue_rows
from antt_desktop.services.catalogue_specs import ACTIVITY_KIND, CATEGORY, INITIATIVE_TYPE, RUBRIC
from tests.sync.nodes import CHIEF, UPPER, Network, Node

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def net(tmp_path: Path) -> Iterator[Network]:
    network = Network(tmp_path / "net")
    yield network
    network.close()


def _window(qtbot: QtBot, node: Node, actor: object) -> CataloguesWindow:
    app = AppContext(node.db, actor, Translator("vi"), today=lambda: TODAY)  # type: ignore[arg-type]
    window = CataloguesWindow(app)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _row_of(window: CataloguesWindow, key: str, code: str) -> int:
    return next(i for i, r in enumerate(window.pages[key].model.rows) if r.code == code)


def test_entries_to_be_checked_carry_a_badge_and_can_be_filtered(
    qtbot: QtBot, net: Network
) -> None:
    upper = net.upper(unit_name="Công an tỉnh Thái Nguyên")
    window = _window(qtbot, upper, UPPER)
    tab = window.pages[CATEGORY]
    assert tab.version.text() == "Phiên bản 1 — 01/07/2026 — ban hành kèm phần mềm"
    column = tab.model.fields.index(STATUS)
    released = tab.model.index(_row_of(window, CATEGORY, "RELEASED"), column)
    assert released.data() == "cần kiểm tra"
    assert released.data(Qt.ItemDataRole.BackgroundRole).color() == TO_CHECK_COLOUR
    suspended = tab.model.index(_row_of(window, CATEGORY, "SUSPENDED"), column)
    assert suspended.data() == ""
    assert tab.only_to_check.text() == "Chỉ mục cần &kiểm tra (2)"
    tab.only_to_check.setChecked(True)
    assert [r.code for r in tab.model.rows] == ["RELEASED", "COMMUNE_EDUCATION"]
    window.grab().save("/tmp/catalogues-window-1366x768.png")


def test_an_entry_edited_in_its_dialog_is_saved_and_the_version_shown(
    qtbot: QtBot, net: Network
) -> None:
    upper = net.upper(unit_name="Công an tỉnh Thái Nguyên")
    window = _window(qtbot, upper, UPPER)
    tab = window.pages[CATEGORY]
    tab.choose("RELEASED")
    dialog = tab.open_entry()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.grab().save("/tmp/catalogues-entry.png")
    basis = dialog.widgets["legal_basis"]
    assert isinstance(basis, QPlainTextEdit)
    basis.setPlainText("Luật Thi hành án hình sự số 127/2025/QH15; Nghị định 50/2026/NĐ-CP")
    dialog.widgets["to_check"].setChecked(False)  # type: ignore[attr-defined]
    dialog.widgets["retention_years"].setText("40")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "1–30" in dialog.field_problem("retention_years"))
    dialog.widgets["retention_years"].setText("7")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: tab.version.text().startswith("Phiên bản 2 — 22/11/2026"))
    assert tab.version.text().endswith("Công an tỉnh Thái Nguyên")
    row = tab.model.rows[_row_of(window, CATEGORY, "RELEASED")]
    assert not row.to_check and row.values["retention_years"] == 7
    assert "Nghị định 50/2026/NĐ-CP" in row.values["legal_basis"]
    assert tab.only_to_check.text() == "Chỉ mục cần &kiểm tra (1)"


def test_deleting_an_entry_in_use_is_refused_with_the_reason(qtbot: QtBot, net: Network) -> None:
    from antt_desktop.services.activities import ActivityInput, record_activity
    from antt_desktop.services.initiatives import InitiativeInput, add_initiative

    upper = net.upper()
    with upper.write(CHIEF) as ctx:
        initiative = add_initiative(
            ctx, InitiativeInput(name="Camera", type_code="CAMERA", launched_on="01/02/2026")
        )
        record_activity(
            ctx, ActivityInput(initiative_id=initiative.id, held_on="03/02/2026", kind="patrol")
        )
    window = _window(qtbot, upper, UPPER)
    window.tabs.setCurrentWidget(window.pages[ACTIVITY_KIND])
    tab = window.pages[ACTIVITY_KIND]
    tab.choose("patrol")
    box = tab.delete_entry()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "catalogue_refused") is not None)
    message = window.findChild(QMessageBox, "catalogue_refused")
    assert "đang được 1 bản ghi sử dụng" in message.text()
    message.close()
    with upper.read() as ctx:
        assert catalogue_rows.entry(ctx, ACTIVITY_KIND, "patrol") is not None


def test_at_a_post_the_catalogue_is_read_only_and_says_why(qtbot: QtBot, net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    window = _window(qtbot, post, CHIEF)
    tab = window.pages[CATEGORY]
    assert not tab.add_button.isEnabled() and not tab.delete_button.isEnabled()
    tab.choose("RELEASED")
    dialog = tab.open_entry()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    note = dialog.findChild(QLabel, "read_only_note")
    assert "Danh mục do cấp trên ban hành (Công an huyện Phú Lương)" in note.text()
    assert dialog.save_button is not None and not dialog.save_button.isEnabled()
    dialog.reject()


def test_the_keyboard_reaches_every_action(qtbot: QtBot, net: Network) -> None:
    from antt_desktop.gui.catalogues.entry_dialog import EntryDialog

    upper = net.upper()
    window = _window(qtbot, upper, UPPER)
    window.tabs.setCurrentWidget(window.pages[ACTIVITY_KIND])
    tab = window.pages[ACTIVITY_KIND]
    tab.table.setFocus()
    tab.choose("meeting")
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(EntryDialog) is not None)
    opened = window.findChild(EntryDialog)
    assert opened.windowTitle() == "Mục meeting — Loại hoạt động"
    opened.reject()
    qtbot.waitUntil(lambda: not opened.isVisible())
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(d.code is None and d.isVisible() for d in window.findChildren(EntryDialog))
    )
    new = next(d for d in window.findChildren(EntryDialog) if d.code is None)
    new.widgets["code"].setText("drill")  # type: ignore[attr-defined]
    new.widgets["name_vi"].setText("Diễn tập phương án")  # type: ignore[attr-defined]
    assert new.save_button is not None
    new.save_button.click()  # Ctrl+S is the editor framework's, tested with it
    qtbot.waitUntil(lambda: not new.isVisible())
    qtbot.waitUntil(lambda: any(r.code == "drill" for r in tab.model.rows))


def test_a_retired_activity_kind_is_not_offered_for_a_new_activity(
    qtbot: QtBot, net: Network
) -> None:
    from antt_desktop.gui.initiatives.activity_dialog import ActivityDialog
    from antt_desktop.services import catalogue_edits
    from antt_desktop.services.initiatives import InitiativeInput, add_initiative

    upper = net.upper()
    with upper.write(CHIEF) as ctx:
        initiative = add_initiative(
            ctx, InitiativeInput(name="Camera", type_code="CAMERA", launched_on="01/02/2026")
        )
    with upper.write(UPPER) as ctx:
        catalogue_edits.set_retired(ctx, ACTIVITY_KIND, "patrol")
    app = AppContext(upper.db, CHIEF, Translator("vi"), today=lambda: TODAY)
    dialog = ActivityDialog(app, initiative.id)
    qtbot.addWidget(dialog)
    offered = [dialog.ui.kindCombo.itemData(i) for i in range(dialog.ui.kindCombo.count())]
    assert "patrol" not in offered and "meeting" in offered


def test_a_retired_initiative_type_or_rubric_is_offered_only_where_a_record_keeps_it(
    qtbot: QtBot, net: Network
) -> None:
    from antt_desktop.gui.initiatives.dialog import InitiativeDialog
    from antt_desktop.gui.initiatives.evaluation_dialog import EvaluationDialog
    from antt_desktop.services import catalogue_edits
    from antt_desktop.services.initiatives import InitiativeInput, add_initiative

    upper = net.upper()
    with upper.write(CHIEF) as ctx:
        initiative = add_initiative(
            ctx, InitiativeInput(name="Camera", type_code="CAMERA", launched_on="01/02/2026")
        )
    with upper.write(UPPER) as ctx:
        catalogue_edits.set_retired(ctx, INITIATIVE_TYPE, "CAMERA")
        catalogue_edits.set_retired(ctx, RUBRIC, "KDC_ANTT")
    app = AppContext(upper.db, CHIEF, Translator("vi"), today=lambda: TODAY)

    def choices(combo: object) -> list[str]:
        return [combo.itemData(i) for i in range(combo.count())]  # type: ignore[attr-defined]

    new = InitiativeDialog(app, unit_id=initiative.unit_id)
    qtbot.addWidget(new)
    assert "CAMERA" not in choices(new.ui.typeCombo) and choices(new.ui.typeCombo)
    kept = InitiativeDialog(app, initiative.id)  # the initiative keeps its type
    qtbot.addWidget(kept)
    assert kept.ui.typeCombo.currentData() == "CAMERA"
    scoring = EvaluationDialog(app, initiative.id)
    qtbot.addWidget(scoring)
    assert choices(scoring.ui.rubricCombo) == ["ANCS_2021"]


def test_the_file_menu_opens_the_catalogues(qtbot: QtBot, main_window: object) -> None:
    from antt_desktop.gui.main_window import MainWindow

    assert isinstance(main_window, MainWindow)
    file_menu = main_window.menuBar().actions()[0].menu()
    [action] = [a for a in file_menu.actions() if a.text() == "&Danh mục…"]  # type: ignore[union-attr]
    action.trigger()
    qtbot.waitUntil(lambda: main_window.findChild(CataloguesWindow) is not None)
    window = main_window.findChild(CataloguesWindow)
    assert window.pages[CATEGORY].version.text().startswith("Phiên bản 1 — 01/07/2026")
    assert not window.pages[CATEGORY].add_button.isEnabled()  # a post reads its catalogues
    window.close()


def test_a_dossier_shows_its_categorys_legal_basis_as_still_to_be_checked(
    qtbot: QtBot, app_ctx: AppContext, write: object
) -> None:
    from antt_desktop.gui.dossiers.view import DossierView
    from antt_desktop.services.dossiers import DossierInput, open_dossier
    from antt_desktop.services.people import PersonInput, add_person

    with write() as ctx:  # type: ignore[operator]
        person = add_person(ctx, PersonInput(full_name="Hà Văn Tùng", born="1990")).person
        education = open_dossier(
            ctx,
            DossierInput(
                person_id=person.id, category_code="COMMUNE_EDUCATION", opened_on="01/09/2026"
            ),
        )
        suspended = open_dossier(
            ctx,
            DossierInput(person_id=person.id, category_code="SUSPENDED", opened_on="01/09/2026"),
        )
    shown = {}
    for dossier in (education, suspended):
        view = DossierView(app_ctx, dossier.id)
        qtbot.addWidget(view)
        shown[dossier.category_code] = view.info_values["legal_summary"].text()
    assert shown["COMMUNE_EDUCATION"].endswith("Nghị định 120/2021/NĐ-CP (cần kiểm tra)")
    assert shown["SUSPENDED"] == "Luật Thi hành án hình sự số 127/2025/QH15 (hiệu lực từ 01/7/2026)"
