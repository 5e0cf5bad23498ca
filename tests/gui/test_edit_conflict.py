"""An editor whose record another desk changed while it was open: Save tells who changed
it and when, keeps what the officer typed, and saves over it only when asked — writing just
the fields the officer changed, so the other desk's other changes stay."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.dossiers.edit_dialogs import EditDossierDialog
from antt_desktop.gui.households.dialog import HouseholdDialog
from antt_desktop.gui.households.pledge_dialog import PledgeDialog
from antt_desktop.gui.initiatives.dialog import InitiativeDialog
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.gui.reports.narrative import NarrativeDialog
from antt_desktop.gui.teams.dialog import TeamDialog
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import (
    dossier_rows,
    dossiers,
    households,
    initiatives,
    pledges,
    teams,
)
from antt_desktop.services.context import Actor
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person, edit_person
from antt_desktop.services.report_narratives import NarrativeInput, save_narrative
from antt_desktop.store.models import (
    Dossier,
    Household,
    Initiative,
    Person,
    Pledge,
    ReportNarrative,
    Team,
    User,
)
from tests.conftest import CHIEF

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

OTHER_DESK = Actor("canbo2", "officer")


@pytest.fixture
def app(db, write):
    with write(CHIEF) as ctx:
        ctx.session.add(User(username="canbo2", full_name="Trần Văn Bình", role="officer"))
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


@pytest.fixture
def household(write):
    with write() as ctx:
        head = add_person(ctx, PersonInput(full_name="Nguyễn Văn An", born="1968")).person.id
        data = households.HouseholdInput(number="12", head_person_id=head, address="Thôn Đông")
        return households.add_household(ctx, data).id


def answer(qtbot, button_text: str, seen: list[QMessageBox]) -> None:
    """When the question shows, keep it (to read) and press ``button_text``."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box)
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def opened(qtbot, dialog: RecordDialog) -> RecordDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_save_over_another_desks_change_is_asked_and_keeps_their_other_fields(
    qtbot, app, household, write, read
):
    dialog = opened(qtbot, HouseholdDialog(app, household))
    dialog.ui.addressEdit.setText("Xóm Mới, ngõ 4")
    with write(OTHER_DESK) as ctx:  # meanwhile, at the other desk
        households.edit_household(ctx, household, {"address": "Thôn Tây", "notes": "Hộ mới"})
    seen: list[QMessageBox] = []
    answer(qtbot, "Quay lại", seen)
    dialog.try_save()
    [box] = seen
    text = box.text()
    assert text.startswith("Bản ghi vừa được Trần Văn Bình (canbo2) sửa lúc ")
    assert "Cả hai bên cùng sửa: Địa chỉ." in text
    assert "Nội dung anh/chị đã nhập vẫn còn nguyên trong cửa sổ này." in text
    assert [b.text().replace("&", "") for b in box.buttons()] == ["Lưu đè", "Quay lại"]
    # Quay lại: the editor stays with the typed text; the other desk's save stands
    assert dialog.isVisible() and dialog.ui.addressEdit.text() == "Xóm Mới, ngõ 4"
    with read() as ctx:
        assert ctx.session.get(Household, household).address == "Thôn Tây"
    answer(qtbot, "Lưu đè", seen)
    dialog.try_save()
    assert len(seen) == 2 and not dialog.isVisible()
    with read() as ctx:
        saved = ctx.session.get(Household, household)
        assert (saved.address, saved.notes) == ("Xóm Mới, ngõ 4", "Hộ mới")


def test_an_editor_nobody_else_touched_saves_without_a_question(qtbot, app, household, read):
    dialog = opened(qtbot, HouseholdDialog(app, household))
    dialog.ui.addressEdit.setText("Xóm Mới")
    dialog.try_save()
    assert not dialog.isVisible()
    assert dialog.changed_notice is None  # its own save is no news to it
    with read() as ctx:
        assert ctx.session.get(Household, household).address == "Xóm Mới"


def test_a_record_merged_away_meanwhile_offers_only_to_go_back(qtbot, app, write, read):
    with write() as ctx:
        kept = add_person(ctx, PersonInput(full_name="Lê Văn Cường", born="1990")).person.id
        twin = add_person(ctx, PersonInput(full_name="Lê Văn Cường", born="1990")).person.id
    editor = opened(qtbot, PersonEditor(app, twin))
    editor.ui.phone.setText("0912345678")
    from antt_desktop.services.person_merge import merge_people

    with write(CHIEF) as ctx:
        merge_people(ctx, kept, twin)
    seen: list[QMessageBox] = []
    answer(qtbot, "Quay lại", seen)
    editor.try_save()
    [box] = seen
    assert "gộp vào một bản ghi khác" in box.text()
    assert [b.text().replace("&", "") for b in box.buttons()] == ["Quay lại"]
    assert editor.isVisible() and editor.ui.phone.text() == "0912345678"
    with read() as ctx:
        assert ctx.session.get(Person, twin).phone is None
    editor.discard_changes()


def _dossier(write) -> str:
    with write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Lò Văn Sáng", born="1985")).person.id
        data = DossierInput(person_id=pid, category_code="SUSPENDED", opened_on="01/10/2026")
        return open_dossier(ctx, data).id


@pytest.mark.parametrize(
    "editor", ["person", "dossier", "pledge", "narrative", "team", "initiative"]
)
def test_every_record_editor_asks_before_saving_over_a_change(
    qtbot, app, household, write, read, editor
):
    """Each editor guards the record it shows: the other desk's change comes first, and
    the officer's Quay lại leaves it in place."""
    if editor == "person":
        with read() as ctx:
            head = ctx.session.get(Household, household).head_person_id
        dialog = opened(qtbot, PersonEditor(app, head))
        dialog.ui.phone.setText("0987000111")

        def other(ctx):
            edit_person(ctx, head, {"phone": "0911222333"})

        def kept(ctx):
            return ctx.session.get(Person, head).phone == "0911222333"

    elif editor == "dossier":
        dossier_id = _dossier(write)
        with read() as ctx:
            page = dossier_rows.dossier_page(ctx, dossier_id)
        dialog = opened(qtbot, EditDossierDialog(app, page))
        dialog.widgets["helper_name"].setText("Bí thư chi đoàn")

        def other(ctx):
            dossiers.edit_dossier(ctx, dossier_id, {"helper_name": "Trưởng thôn"})

        def kept(ctx):
            return ctx.session.get(Dossier, dossier_id).helper_name == "Trưởng thôn"

    elif editor == "pledge":
        with write() as ctx:
            pledge_id = pledges.record_pledge(
                ctx, household, 2026, status="signed", signed_on="05/01/2026",
                signer_name="Nguyễn Văn An", officer_name="Trung úy Hà",
            ).id  # fmt: skip
        dialog = opened(qtbot, PledgeDialog(app, household, pledge_id=pledge_id))
        dialog.ui.signerEdit.setText("Nguyễn Văn An")

        def other(ctx):
            pledges.edit_pledge(ctx, pledge_id, {"officer_name": "Đại úy Hà"})

        def kept(ctx):
            return ctx.session.get(Pledge, pledge_id).officer_name == "Đại úy Hà"

    elif editor == "team":
        with write() as ctx:
            team_id = teams.add_team(ctx, "grassroots_security", "Tổ bảo vệ số 1", "18/07/2024").id
        dialog = opened(qtbot, TeamDialog(app, team_id))
        dialog.ui.foundedEdit.setText("19/07/2024")

        def other(ctx):
            teams.edit_team(ctx, team_id, {"name": "Tổ bảo vệ ANTT số 1"})

        def kept(ctx):
            return ctx.session.get(Team, team_id).name == "Tổ bảo vệ ANTT số 1"

    elif editor == "initiative":
        with write() as ctx:
            data = initiatives.InitiativeInput(
                name="Camera giám sát ANTT", type_code="CAMERA", launched_on="15/03/2024"
            )
            initiative_id = initiatives.add_initiative(ctx, data).id
        dialog = opened(qtbot, InitiativeDialog(app, initiative_id))
        dialog.ui.nameEdit.setText("Camera an ninh thôn Đông")

        def other(ctx):
            initiatives.edit_initiative(ctx, initiative_id, {"name": "Mắt thần khu phố"})

        def kept(ctx):
            return ctx.session.get(Initiative, initiative_id).name == "Mắt thần khu phố"

    else:
        dialog = opened(qtbot, NarrativeDialog(app, "2026-Q3"))
        dialog.editors["situation"].setPlainText("Tình hình ổn định.")

        def other(ctx):
            save_narrative(ctx, "2026-Q3", NarrativeInput(situation="Có vụ trộm cắp."))

        def kept(ctx):
            row = ctx.session.query(ReportNarrative).one()
            return row.situation == "Có vụ trộm cắp."

    assert dialog.changed_notice is None
    # the other desk's write, announced as the server's notification announces it
    other_desk = AppContext(app.db, OTHER_DESK, app.tr, changes=app.changes, today=app.today)
    with other_desk.write() as ctx:
        other(ctx)
    notice = dialog.changed_notice
    assert notice is not None and notice.isVisible()  # told at once, before Save
    assert notice.text().startswith("Bản ghi vừa được Trần Văn Bình (canbo2) sửa lúc ")
    assert notice.text().endswith("Khi lưu, anh/chị sẽ được hỏi có lưu đè không.")
    assert dialog.layout().indexOf(notice) == 0  # the first line of the editor
    seen: list[QMessageBox] = []
    answer(qtbot, "Quay lại", seen)
    dialog.try_save()
    assert len(seen) == 1
    assert seen[0].text().startswith("Bản ghi vừa được Trần Văn Bình (canbo2) sửa lúc ")
    assert dialog.isVisible()
    with read() as ctx:
        assert kept(ctx)
    dialog.discard_changes()
