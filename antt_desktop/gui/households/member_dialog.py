"""Adding a person to a household, or moving a member to another household."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import RecordPicker, household_finder, person_finder
from antt_desktop.gui.forms.ui_household_member_dialog import Ui_HouseholdMemberDialog
from antt_desktop.i18n.translator import N_
from antt_desktop.services import household_rows, memberships
from antt_desktop.services.context import Ctx

#: Relations to the head as household registers write them (stored as typed, in Vietnamese).
RELATIONS = (
    "Vợ",
    "Chồng",
    "Con",
    "Con dâu",
    "Con rể",
    "Bố",
    "Mẹ",
    "Ông",
    "Bà",
    "Cháu",
    "Anh",
    "Chị",
    "Em",
)


class MemberDialog(RecordDialog):
    """Add a person to ``household_id``; or, with ``member_id``, move that member out of
    it into another household."""

    def __init__(
        self,
        app: AppContext,
        household_id: str,
        member_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, parent)
        self.household_id = household_id
        self.member_id = member_id
        self.ui = Ui_HouseholdMemberDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.use_buttons(self.ui.buttonBox, self.ui.problemLabel, self.ui.formLayout)
        with app.read() as ctx:
            household = household_rows.household_details(ctx, household_id)
            members = household_rows.members_of(ctx, household_id) if member_id else ()
        self.number, unit_id = household.number, household.unit_id
        self.member_name = next((m.full_name for m in members if m.id == member_id), "")
        self.person = RecordPicker(person_finder(app, unit_id), self)
        self.person.setObjectName("personPicker")
        self.target = RecordPicker(household_finder(app, unit_id), self)
        self.target.setObjectName("targetPicker")
        self.ui.personHolderLayout.addWidget(self.person)
        self.ui.targetHolderLayout.addWidget(self.target)
        self.ui.relationCombo.addItems(RELATIONS)
        self.ui.relationCombo.setCurrentIndex(-1)
        moving = member_id is not None
        self.ui.personLabel.setVisible(not moving)
        self.person.setVisible(not moving)
        self.ui.targetLabel.setVisible(moving)
        self.target.setVisible(moving)
        first = self.target if moving else self.person
        (self.ui.targetLabel if moving else self.ui.personLabel).setBuddy(first.edit)
        QWidget.setTabOrder(first.edit, self.ui.relationCombo)
        self.watch("member_id", self.person, self.ui.personHolder)
        self.watch("household_id", self.target, self.ui.targetHolder)
        self.watch("relation_to_head", self.ui.relationCombo)
        self.ui.relationCombo.editTextChanged.connect(lambda _t: self.touch("relation_to_head"))
        self.retranslate()

    def retranslate(self) -> None:
        moving = self.member_id is not None
        self.setWindowTitle(
            self.tr_(N_("Move to another household") if moving else N_("Add a household member"))
        )
        intro = (
            N_("Move {name} out of household {number} into another household.")
            if moving
            else N_("Add a resident already in the records to household {number}.")
        )
        self.ui.introLabel.setText(
            self.tr_(intro).format(name=self.member_name, number=self.number)
        )
        self.ui.personLabel.setText(self.tr_(N_("&Person:")))
        self.person.setPlaceholderText(self.tr_(N_("Type a name or ID number")))
        self.ui.targetLabel.setText(self.tr_(N_("&To household:")))
        self.target.setPlaceholderText(self.tr_(N_("Type the household number or head's name")))
        self.ui.relationLabel.setText(self.tr_(N_("&Relation to the head:")))
        self.retranslate_buttons()

    def _missing(self) -> list[Problem]:
        if self.member_id is None and self.person.value is None:
            return [Problem("member_id", "required")]
        if self.member_id is not None and self.target.value is None:
            return [Problem("household_id", "required")]
        return []

    def check(self) -> list[Problem]:
        missing = self._missing()
        relation = self.ui.relationCombo.currentText()
        if missing:  # the rest is checked once the person or household is chosen
            if not relation.strip():
                missing.append(Problem("relation_to_head", "required"))
            return missing
        with self.app.read() as ctx:
            if self.member_id is not None:
                assert self.target.value is not None
                return memberships.check_move_member(
                    ctx, self.member_id, self.target.value, relation
                )
            assert self.person.value is not None
            return memberships.check_add_member(ctx, self.household_id, self.person.value, relation)

    def write(self, ctx: Ctx) -> Any:
        missing = self._missing()
        if missing:
            raise ValidationFailed(missing)
        relation = self.ui.relationCombo.currentText()
        if self.member_id is not None:
            assert self.target.value is not None
            return memberships.move_member(ctx, self.member_id, self.target.value, relation)
        assert self.person.value is not None
        return memberships.add_member(ctx, self.household_id, self.person.value, relation)
