"""One team: its members (add one, end a membership), the areas it covers and its
commendations."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.flow_layout import FlowLayout
from antt_desktop.gui.common.record_tabs import ListTab, fill_commendations
from antt_desktop.gui.common.records_editor import run_change
from antt_desktop.gui.common.records_list import RecordView
from antt_desktop.gui.common.records_widgets import (
    area_choices,
    current_id,
    fill_table,
    named,
    setup_table,
)
from antt_desktop.gui.teams.dialog import TeamDialog, checked_ids, fill_checklist
from antt_desktop.gui.teams.member_dialog import TeamMemberDialog
from antt_desktop.gui.teams.model import ROLE_LABELS
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.translator import N_
from antt_desktop.services import team_rows, teams
from antt_desktop.store.errors import NotFound


class TeamView(RecordView):
    """The team page of the register of teams."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.dialog: QDialog | None = None
        self.back_button = named(QPushButton(self), "backButton")
        self.back_button.clicked.connect(self.back.emit)
        self.title = named(QLabel(), "titleLabel", wordWrap=True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.details = named(QLabel(), "detailsLabel")
        self.edit_button = named(QPushButton(self), "editButton")
        self.edit_button.clicked.connect(self.edit)
        self.members = named(QTableWidget(), "membersTable")
        setup_table(self.members)
        self.former_check = named(QCheckBox(), "formerCheck")
        self.former_check.toggled.connect(lambda _on: self.reload())
        self.add_button = named(QPushButton(self), "addMemberButton")
        self.add_button.clicked.connect(self.add_member)
        self.end_button = named(QPushButton(self), "endMembershipButton")
        self.end_button.clicked.connect(self.end_membership)
        self.areas = named(QListWidget(), "areasList")
        self.save_areas_button = named(QPushButton(self), "saveAreasButton")
        self.save_areas_button.clicked.connect(self.save_areas)
        self.commendations = ListTab(app, "commendationsBox")

        self.members_box = named(QGroupBox(), "membersBox")
        buttons = FlowLayout()  # wraps on a narrow screen rather than cutting the buttons
        for widget in (self.add_button, self.end_button, self.former_check):
            buttons.addWidget(widget)
        members = QVBoxLayout(self.members_box)
        members.addWidget(self.members, 1)
        members.addLayout(buttons)
        self.areas_box = named(QGroupBox(), "areasBox")
        areas = QVBoxLayout(self.areas_box)
        areas.addWidget(self.areas, 1)
        areas.addWidget(self.save_areas_button)
        self.commendations_box = named(QGroupBox(), "commendationsGroup")
        QVBoxLayout(self.commendations_box).addWidget(self.commendations)
        right = QSplitter()
        right.setOrientation(right.orientation().Vertical)
        right.addWidget(self.areas_box)
        right.addWidget(self.commendations_box)
        split = named(QSplitter(), "teamSplitter")
        split.addWidget(self.members_box)
        split.addWidget(right)
        split.setSizes([760, 520])
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.details)
        box.addWidget(split, 1)

    def retranslate(self) -> None:
        t = self.tr_
        self.back_button.setText(t(N_("← &List")))
        self.back_button.setToolTip(t(N_("Back to the list (Alt+Left)")))
        self.edit_button.setText(t(N_("&Edit team")))
        self.members_box.setTitle(t(N_("Team members")))
        self.add_button.setText(t(N_("&Add a member")))
        self.end_button.setText(t(N_("E&nd membership")))
        self.former_check.setText(t(N_("Show &former members")))
        self.areas_box.setTitle(t(N_("Residential areas covered")))
        self.save_areas_button.setText(t(N_("Save a&reas")))
        self.commendations_box.setTitle(t(N_("Commendations")))
        self.reload()

    def reload(self) -> None:
        if self.record_id is None:
            return
        t, tr = self.tr_, self.app.tr
        try:
            with self.app.read() as ctx:
                team = team_rows.team_page(
                    ctx, self.record_id, tr.lang, include_former=self.former_check.isChecked()
                )
        except NotFound:
            self.back.emit()
            return
        self.title.setText(team.name)
        parts = [team.kind_name]
        if team.founded_on:
            parts.append(t(N_("founded on {date}")).format(date=fmt_date(team.founded_on, tr)))
        parts.append(t(N_("working") if team.active else N_("no longer working")))
        self.details.setText(" · ".join(parts))
        fill_table(
            self.members,
            [
                t(N_("Full name")),
                t(N_("Role")),
                t(N_("Phone")),
                t(N_("Joined on")),
                t(N_("Left on")),
            ],
            [
                (
                    m.id,
                    (
                        m.name,
                        t(ROLE_LABELS.get(m.role, m.role)),
                        m.phone or "",
                        fmt_date(m.joined_on, tr),
                        fmt_date(m.left_on, tr),
                    ),
                )
                for m in team.members
            ],
        )
        covered = {a.id for a in team.areas}
        fill_checklist(self.areas, area_choices(self.app, team.unit_id), covered)
        fill_commendations(self.commendations, "team", team.id)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def edit(self) -> None:
        if self.record_id:
            self._open(TeamDialog(self.app, self.record_id, parent=self))

    def add_member(self) -> None:
        if self.record_id:
            self._open(TeamMemberDialog(self.app, self.record_id, parent=self))

    def end_membership(self) -> None:
        member_id = current_id(self.members)
        if member_id is None:
            return
        try:
            with self.app.read() as ctx:
                name = team_rows.team_member(ctx, member_id).name
        except NotFound:
            name = ""
        day, ok = QInputDialog.getText(
            self,
            self.tr_(N_("End membership")),
            self.tr_(N_("Day {name} left the team (DD/MM/YYYY):")).format(name=name),
            text=fmt_date(self.app.today(), self.app.tr),
        )
        if ok:
            run_change(
                self,
                self.app,
                lambda ctx: teams.end_membership(ctx, member_id, day),
            )

    def save_areas(self) -> None:
        if self.record_id:
            team_id = self.record_id
            areas = checked_ids(self.areas)
            run_change(self, self.app, lambda ctx: teams.set_team_areas(ctx, team_id, areas))
