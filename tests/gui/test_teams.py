"""The team page: setting up a team, adding members with their roles (one leader at a time),
ending a membership and changing the areas covered."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from sqlalchemy import func, select

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.teams.model import TeamListModel
from antt_desktop.gui.teams.page import TeamsPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import teams, units
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Team, TeamArea, TeamMember

# The offscreen platform of the tests warns that it cannot resize windows to their layouts.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def app(db):
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


@pytest.fixture
def areas(write):
    with write() as ctx:
        return [
            units.add_area(ctx, name=f"Tổ dân phố số {n}", kind="to_dan_pho").id for n in (1, 2)
        ]


@pytest.fixture
def page(qtbot, app):
    page = TeamsPage(app)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def _team(write, name="Tổ bảo vệ ANTT tổ dân phố số 1", kind="grassroots_security", area_ids=()):
    with write() as ctx:
        return teams.add_team(ctx, kind, name, "18/07/2024", area_ids).id


def _column(page, column):
    model = page.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _members(read):
    with read() as ctx:
        return ctx.session.execute(select(func.count(TeamMember.id))).scalar()


def test_set_up_a_team_and_see_it_in_the_list(qtbot, page, areas, read):
    page.new_record()
    dialog = page.dialog
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("mediation"))
    ui.nameEdit.insert("Tổ hòa giải tổ dân phố số 2")
    qtbot.keyClicks(ui.foundedEdit, "05/01/2025")
    ui.areasList.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.try_save()
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: page.stack.currentIndex() == 1)
    assert page.view.title.text() == "Tổ hòa giải tổ dân phố số 2"
    assert page.view.details.text() == "Tổ hòa giải · thành lập ngày 05/01/2025 · đang hoạt động"
    page.show_list()
    assert _column(page, 0) == ["Tổ hòa giải tổ dân phố số 2"]
    assert _column(page, 2) == ["Tổ dân phố số 2"]
    assert _column(page, 3) == ["0"]
    with read() as ctx:
        team = ctx.session.execute(select(Team)).scalar_one()
        assert team.kind == "mediation"
        assert ctx.session.execute(select(TeamArea.area_id)).scalars().all() == [areas[1]]


def test_a_team_without_kind_or_name_is_refused_naming_both(qtbot, page, read):
    page.new_record()
    dialog = page.dialog
    dialog.try_save()
    assert dialog.isVisible()
    assert dialog.problem_text().splitlines() == [
        "Loại tổ: không được để trống",
        "Tên tổ: không được để trống",
    ]
    with read() as ctx:
        assert ctx.session.execute(select(func.count(Team.id))).scalar() == 0


def test_add_a_leader_then_refuse_a_second_leader(qtbot, page, write, read, areas):
    team = _team(write, area_ids=[areas[0]])
    with write() as ctx:
        person = add_person(
            ctx, PersonInput(full_name="Đặng Duy Trường", born="1968", sex="M", phone="0371993927")
        ).person.id
    page.model.reload()
    page.open_record(team)
    view = page.view

    view.add_button.click()
    dialog = view.dialog
    qtbot.keyClicks(dialog.person.edit, "dang truong")
    qtbot.waitUntil(lambda: dialog.person.results.count() == 1)
    qtbot.keyClick(dialog.person.edit, Qt.Key.Key_Return)
    assert dialog.person.value == person
    assert not dialog.ui.nameEdit.isEnabled()
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData("leader"))
    dialog.try_save()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: view.members.rowCount() == 1)
    row = [view.members.item(0, c).text() for c in range(4)]
    assert row == ["Đặng Duy Trường", "tổ trưởng", "0371993927", "22/11/2026"]
    qtbot.waitUntil(lambda: _column(page, 4) == ["Đặng Duy Trường"])

    view.add_button.click()
    dialog = view.dialog
    dialog.ui.nameEdit.insert("Hoàng Đức Luân")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData("leader"))
    qtbot.waitUntil(lambda: dialog.field_problem("team_role") != "")
    message = "tổ đã có tổ trưởng (Đặng Duy Trường); cần cho thôi tham gia tổ trước"
    assert dialog.field_problem("team_role") == f"✖ {message}"
    assert dialog.problem_text() == f"Chức danh trong tổ: {message}"
    dialog.try_save()
    assert dialog.isVisible()
    assert _members(read) == 1

    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData("deputy"))
    qtbot.waitUntil(lambda: dialog.problem_text() == "")
    dialog.try_save()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: view.members.rowCount() == 2)
    assert view.members.item(1, 1).text() == "tổ phó"
    assert _members(read) == 2


def test_end_a_membership_and_change_the_areas(qtbot, page, write, read, areas, monkeypatch):
    team = _team(write, area_ids=[areas[0]])
    with write() as ctx:
        teams.add_team_member(ctx, team, role="member", name="Tô Thị Diệp", joined_on="01/08/2024")
    page.open_record(team)
    view = page.view
    view.members.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("30/09/2026", True))
    view.end_button.click()
    qtbot.waitUntil(lambda: view.members.rowCount() == 0)
    view.former_check.setChecked(True)
    assert view.members.item(0, 4).text() == "30/09/2026"

    view.areas.item(0).setCheckState(Qt.CheckState.Unchecked)
    view.areas.item(1).setCheckState(Qt.CheckState.Checked)
    view.save_areas_button.click()
    qtbot.waitUntil(lambda: _column(page, 2) == ["Tổ dân phố số 2"])
    with read() as ctx:
        assert [a.id for a in teams.team_areas(ctx.session, team)] == [areas[1]]


def test_filters_by_kind_and_search(qtbot, page, write):
    _team(write, "Tổ hòa giải số 1", "mediation")
    _team(write, "Tổ bảo vệ ANTT số 1")
    page.model.reload()
    assert _column(page, 0) == ["Tổ bảo vệ ANTT số 1", "Tổ hòa giải số 1"]
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("mediation"))
    assert _column(page, 0) == ["Tổ hòa giải số 1"]
    page.kind_combo.setCurrentIndex(0)
    qtbot.keyClicks(page.search_edit, "bao ve")
    qtbot.waitUntil(lambda: _column(page, 0) == ["Tổ bảo vệ ANTT số 1"])


def test_team_list_model_passes_the_model_tester(qtmodeltester, app, write):
    for n in range(3):
        _team(write, f"Tổ tự quản số {n}", "self_managed")
    model = TeamListModel(app)
    model.reload()
    qtmodeltester.check(model)
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 3
    qtmodeltester.check(model)
