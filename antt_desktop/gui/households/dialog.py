"""The household editor (hộ gia đình): number, head, area, address and notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import (
    RecordPicker,
    area_choices,
    fill_combo,
    person_finder,
    select_data,
)
from antt_desktop.gui.forms.ui_household_dialog import Ui_HouseholdDialog
from antt_desktop.i18n.translator import N_
from antt_desktop.services import household_rows, households
from antt_desktop.services.context import Ctx
from antt_desktop.services.values import clean_fields


class HouseholdDialog(RecordDialog):
    """Register a household (``household_id`` None) or change one."""

    def __init__(
        self,
        app: AppContext,
        household_id: str | None = None,
        *,
        unit_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, parent)
        self.household_id = household_id
        self.ui = Ui_HouseholdDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.head = RecordPicker(person_finder(app, unit_id), self)
        self.head.setObjectName("headPicker")
        self.ui.headHolderLayout.addWidget(self.head)
        self.ui.headLabel.setBuddy(self.head.edit)
        QWidget.setTabOrder(self.ui.numberEdit, self.head.edit)
        QWidget.setTabOrder(self.head.edit, self.ui.areaCombo)
        self.use_buttons(self.ui.buttonBox, self.ui.problemLabel, self.ui.formLayout)
        self._original = households.HouseholdInput()
        existing: household_rows.HouseholdDetails | None = None
        with app.read() as ctx:
            if household_id:
                existing = household_rows.household_details(ctx, household_id)
                self.guard(ctx, "household", household_id)
                self.unit_id, number = existing.unit_id, existing.number
            else:
                new = household_rows.new_household(ctx, unit_id)
                self.unit_id, number = new.unit_id, new.number
        fill_combo(
            self.ui.areaCombo,
            [(None, ""), *area_choices(app, self.unit_id)],
            keep=False,
        )
        if existing is not None:
            self._original = households.HouseholdInput(
                number=existing.number,
                head_person_id=existing.head_person_id,
                area_id=existing.area_id,
                address=existing.address,
                notes=existing.notes,
            )
            self.ui.numberEdit.setText(existing.number)
            self.head.set_value(existing.head_person_id, existing.head_name or "")
            select_data(self.ui.areaCombo, existing.area_id)
            self.ui.addressEdit.setText(existing.address or "")
            self.ui.notesEdit.setPlainText(existing.notes or "")
            # the head changes from the member list ("Make head"), where its rules show
            self.ui.headLabel.hide()
            self.head.hide()
        else:
            self.ui.numberEdit.setText(number)
        self.watch("number", self.ui.numberEdit)
        self.watch("head_person_id", self.head, self.ui.headHolder)
        self.watch("area_id", self.ui.areaCombo)
        self.watch("address", self.ui.addressEdit)
        self.watch("notes", self.ui.notesEdit)
        self.dirty = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr_(N_("Edit household") if self.household_id else N_("New household"))
        )
        self.ui.numberLabel.setText(self.tr_(N_("Household &number:")))
        self.ui.headLabel.setText(self.tr_(N_("&Head of household:")))
        self.head.setPlaceholderText(self.tr_(N_("Type the head's name or ID number")))
        self.ui.areaLabel.setText(self.tr_(N_("Residential &area:")))
        self.ui.addressLabel.setText(self.tr_(N_("A&ddress:")))
        self.ui.notesLabel.setText(self.tr_(N_("N&otes:")))
        self.retranslate_buttons()

    def data(self) -> households.HouseholdInput:
        return households.HouseholdInput(
            number=self.ui.numberEdit.text(),
            head_person_id=self.head.value if self.household_id is None else None,
            area_id=self.ui.areaCombo.currentData(),
            address=self.ui.addressEdit.text(),
            notes=self.ui.notesEdit.toPlainText(),
        )

    def changes(self) -> dict[str, Any]:
        data = clean_fields(self.data())
        original = clean_fields(self._original)
        return {
            name: getattr(data, name)
            for name in ("number", "area_id", "address", "notes")
            if getattr(data, name) != getattr(original, name)
        }

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            if self.household_id is None:
                return households.check_add_household(ctx, self.data(), unit_id=self.unit_id)
            return households.check_edit_household(ctx, self.household_id, self.changes())

    def write(self, ctx: Ctx) -> Any:
        if self.household_id is None:
            return households.add_household(ctx, self.data(), unit_id=self.unit_id)
        return households.edit_household(ctx, self.household_id, self.changes())
