"""Adding a member to a team: a resident from the records or a name typed in, with a role
(tổ trưởng, tổ phó, tổ viên), a phone number and the day they joined."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import DATE_HINT, RecordPicker, person_finder
from antt_desktop.gui.forms.ui_team_member_dialog import Ui_TeamMemberDialog
from antt_desktop.gui.teams.model import ROLE_LABELS
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.translator import N_
from antt_desktop.services import team_rows, teams
from antt_desktop.services.context import Ctx


class TeamMemberDialog(RecordDialog):
    """Add a member to ``team_id``; a team has one leader at a time."""

    def __init__(self, app: AppContext, team_id: str, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.team_id = team_id
        self.ui = ui = Ui_TeamMemberDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.use_buttons(ui.buttonBox, ui.problemLabel, ui.formLayout)
        with app.read() as ctx:
            team = team_rows.team_page(ctx, team_id, app.tr.lang)
        self.team_name, unit_id = team.name, team.unit_id
        self.person = RecordPicker(person_finder(app, unit_id), self)
        self.person.setObjectName("personPicker")
        ui.personHolderLayout.addWidget(self.person)
        ui.personLabel.setBuddy(self.person.edit)
        QWidget.setTabOrder(self.person.edit, ui.nameEdit)
        for role in teams.ROLES:
            ui.roleCombo.addItem("", role)
        ui.roleCombo.setCurrentIndex(ui.roleCombo.findData("member"))
        ui.joinedEdit.setText(fmt_date(app.today(), app.tr))
        self.person.changed.connect(self._person_changed)
        self.watch("member_person_id", self.person, ui.personHolder)
        self.watch("member_name", ui.nameEdit)
        self.watch("team_role", ui.roleCombo)
        self.watch("phone", ui.phoneEdit)
        self.watch("joined_on", ui.joinedEdit)
        self.dirty = False
        self.retranslate()

    def _person_changed(self) -> None:
        # a resident from the records brings their own name; a typed name is for others
        chosen = self.person.value is not None
        self.ui.nameEdit.setEnabled(not chosen)
        if chosen:
            self.ui.nameEdit.clear()

    def retranslate(self) -> None:
        ui, t = self.ui, self.tr_
        self.setWindowTitle(t(N_("Add a team member")))
        ui.introLabel.setText(
            t(
                N_(
                    "Team: {name}. Choose a resident from the records, or type the name of"
                    " someone who is not in them."
                )
            ).format(name=self.team_name)
        )
        ui.personLabel.setText(t(N_("&Resident:")))
        self.person.setPlaceholderText(t(N_("Type a name or ID number")))
        ui.nameLabel.setText(t(N_("or &name:")))
        ui.roleLabel.setText(t(N_("R&ole:")))
        for i in range(ui.roleCombo.count()):
            ui.roleCombo.setItemText(i, t(ROLE_LABELS[ui.roleCombo.itemData(i)]))
        ui.phoneLabel.setText(t(N_("&Phone:")))
        ui.joinedLabel.setText(t(N_("&Joined on:")))
        ui.joinedEdit.setPlaceholderText(t(DATE_HINT))
        self.retranslate_buttons()

    def member(self) -> dict[str, Any]:
        """The member as typed, in the service's words."""
        ui = self.ui
        return {
            "role": ui.roleCombo.currentData(),
            "person_id": self.person.value,
            "name": ui.nameEdit.text(),
            "phone": ui.phoneEdit.text(),
            "joined_on": ui.joinedEdit.text(),
        }

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return teams.check_add_team_member(ctx, self.team_id, **self.member())

    def write(self, ctx: Ctx) -> Any:
        return teams.add_team_member(ctx, self.team_id, **self.member())
