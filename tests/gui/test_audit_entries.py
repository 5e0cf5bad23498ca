"""What the window writes to the audit log besides changes: each opening of a dossier or a
resident's data (field names only), files saved outside the database (with the notice that
they are no longer protected), and settings changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.dossiers.view import DossierView
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.gui.reports.page import ReportsPage
from antt_desktop.gui.settings.import_dialog import ImportDialog
from antt_desktop.gui.settings.page import SettingsPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services.context import Actor
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import AuditEntry
from tests.gui.conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

NAME = "Nguyễn Văn Đức"
ID_NUMBER = "001085012345"
OFFICER = "canbo1"


def entries(app: AppContext, action: str) -> list[AuditEntry]:
    with app.read() as ctx:
        return list(
            ctx.session.execute(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)
            ).scalars()
        )


@pytest.fixture
def dossier(write) -> tuple[str, str]:
    with write() as ctx:
        who = add_person(ctx, PersonInput(full_name=NAME, born="1985", id_number=ID_NUMBER))
        opened = open_dossier(ctx, DossierInput(who.person.id, "SUSPENDED", "10/06/2026"))
        return who.person.id, opened.id


def test_opening_a_dossier_window_is_one_view_entry(qtbot, app_ctx, dossier) -> None:
    _person_id, dossier_id = dossier
    window = DossierView(app_ctx, dossier_id)
    qtbot.addWidget(window)
    window.reload()  # a refresh after a change is not another opening

    [entry] = entries(app_ctx, "view")
    assert (entry.actor, entry.entity, entry.entity_id) == (OFFICER, "dossier", dossier_id)
    assert {"full_name", "id_number", "category_code", "opened_on"} <= set(entry.fields)
    assert NAME not in repr((entry.fields, entry.detail))
    assert ID_NUMBER not in repr((entry.fields, entry.detail))


def test_opening_a_residents_data_in_the_editor_is_a_view(qtbot, app_ctx, dossier) -> None:
    person_id, _dossier_id = dossier
    editor = PersonEditor(app_ctx, person_id)
    qtbot.addWidget(editor)
    assert editor.ui.full_name.text() == NAME

    [entry] = entries(app_ctx, "view")
    assert (entry.actor, entry.entity, entry.entity_id) == (OFFICER, "person", person_id)
    assert {"full_name", "born", "id_number"} <= set(entry.fields)

    new = PersonEditor(app_ctx)  # a new resident shows nobody's data
    qtbot.addWidget(new)
    assert len(entries(app_ctx, "view")) == 1


def test_the_report_figures_saved_as_csv_are_an_audited_export(qtbot, app_ctx, tmp_path) -> None:
    page = ReportsPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_report(Period("year", 2026, 1))
    qtbot.waitUntil(lambda: page.report is not None and not page.loader.busy)

    target = page.export_csv(tmp_path / "bao-cao.csv")

    assert target is not None and target.exists()
    assert "không còn được phần mềm bảo vệ" in page.status.text()
    [entry] = entries(app_ctx, "export")
    assert (entry.actor, entry.entity) == (OFFICER, "unit")
    assert entry.detail is not None and entry.detail.startswith("report csv 2026: bao-cao.csv")


def test_refused_rows_saved_from_the_import_are_an_audited_export(qtbot, app_ctx, tmp_path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày sinh"])
    sheet.append(["Trần Thị Bình", "31/02/1990"])
    path = tmp_path / "danh_sach.xlsx"
    book.save(path)
    dialog = ImportDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.operation is not None and not dialog.operation.running)

    dialog.write_refused(tmp_path / "can_sua.xlsx")

    assert "không còn được phần mềm bảo vệ" in dialog.summary.text()
    [entry] = entries(app_ctx, "export")
    assert (entry.actor, entry.entity) == (OFFICER, "persons")
    assert entry.detail == "refused rows of danh_sach.xlsx: can_sua.xlsx, 1 rows"


def test_a_viewer_may_save_the_report_figures(qtbot, db, tmp_path) -> None:
    viewer = AppContext(db, Actor("xem1", "viewer"), Translator("vi"), today=lambda: TODAY)
    page = ReportsPage(viewer)  # figures only: a viewer may save them
    qtbot.addWidget(page)
    page.show_report(Period("year", 2026, 1))
    qtbot.waitUntil(lambda: page.report is not None and not page.loader.busy)
    assert page.export_csv(tmp_path / "bao-cao.csv") is not None
    assert [e.actor for e in entries(viewer, "export")] == ["xem1"]


def test_changing_the_language_is_an_audited_setting(qtbot, app_ctx, prefs) -> None:
    page = SettingsPage(app_ctx, prefs=prefs)
    qtbot.addWidget(page)

    page.ui.languageCombo.setCurrentIndex(page.ui.languageCombo.findData("en"))
    page.ui.fontSizeCombo.setCurrentIndex(page.ui.fontSizeCombo.findData("large"))

    changes = [(e.actor, e.entity, e.fields, e.detail) for e in entries(app_ctx, "setting")]
    assert changes == [
        (OFFICER, "setting", ["language"], "language = en"),
        (OFFICER, "setting", ["font_size"], "font_size = large"),
    ]


def test_nothing_is_saved_when_the_role_may_not_export(qtbot, db, tmp_path: Path) -> None:
    from antt_desktop.importers import ImportReport

    viewer = AppContext(db, Actor("xem1", "viewer"), Translator("vi"), today=lambda: TODAY)
    dialog = ImportDialog(viewer)
    qtbot.addWidget(dialog)
    dialog.report = ImportReport("persons", "ds.xlsx", dry_run=True, headers=("Họ và tên",))
    target = tmp_path / "can_sua.xlsx"

    with pytest.raises(PermissionDenied):
        dialog.write_refused(target)

    assert not target.exists()
    assert entries(viewer, "export") == []
