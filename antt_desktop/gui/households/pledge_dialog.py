"""A household's pledge of one year (cam kết), and its poor / near-poor status of a year."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import DATE_HINT, select_data
from antt_desktop.gui.forms.ui_household_pledge_dialog import Ui_HouseholdPledgeDialog
from antt_desktop.gui.forms.ui_household_poverty_dialog import Ui_HouseholdPovertyDialog
from antt_desktop.gui.households.model import PLEDGE_LABELS
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.household import CULTURED_WORDS
from antt_desktop.services import household_rows, households, pledges
from antt_desktop.services.context import Ctx

POVERTY_LABELS = {"poor": N_("poor"), "near_poor": N_("near-poor"), "none": N_("not poor")}
CULTURED_LABELS = tuple(CULTURED_WORDS.items())


class PledgeDialog(RecordDialog):
    """Record a household's pledge for a year, or (with ``pledge_id``) change one."""

    def __init__(
        self,
        app: AppContext,
        household_id: str,
        *,
        year: int | None = None,
        pledge_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, parent)
        self.household_id = household_id
        self.pledge_id = pledge_id
        self.ui = ui = Ui_HouseholdPledgeDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.use_buttons(ui.buttonBox, ui.problemLabel, ui.formLayout)
        today = app.today()
        ui.yearSpin.setMaximum(today.year + 1)
        for status in pledges.STATUSES:
            ui.statusCombo.addItem("", status)
        for value, _label in CULTURED_LABELS:
            ui.culturedCombo.addItem("", value)
        with app.read() as ctx:
            household = household_rows.household_details(ctx, household_id)
            pledge = household_rows.pledge_row(ctx, pledge_id) if pledge_id else None
            self.guard(ctx, "pledge", pledge_id)
        self.number = household.number
        self.original: dict[str, Any] = {}
        if pledge is not None:
            ui.yearSpin.setValue(pledge.year)
            ui.yearSpin.setEnabled(False)
            self.original = {
                "status": pledge.status,
                "signed_on": fmt_date(pledge.signed_on, app.tr),
                "signer_name": pledge.signer_name or "",
                "officer_name": pledge.officer_name or "",
                "cultured_family": pledge.cultured_family,
                "violation_notes": pledge.violation_notes or "",
            }
            select_data(ui.statusCombo, pledge.status)
            ui.signedOnEdit.setText(self.original["signed_on"])
            ui.signerEdit.setText(self.original["signer_name"])
            ui.officerEdit.setText(self.original["officer_name"])
            select_data(ui.culturedCombo, pledge.cultured_family)
            ui.violationEdit.setPlainText(self.original["violation_notes"])
        else:
            ui.yearSpin.setValue(year or today.year)
            if ui.yearSpin.value() == today.year:
                ui.signedOnEdit.setText(fmt_date(today, app.tr))
            ui.signerEdit.setText(household.head_name or "")
        ui.statusCombo.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.watch("year", ui.yearSpin)
        self.watch("pledge_status", ui.statusCombo)
        self.watch("signed_on", ui.signedOnEdit)
        self.watch("signer_name", ui.signerEdit)
        self.watch("officer_name", ui.officerEdit)
        self.watch("cultured_family", ui.culturedCombo)
        self.watch("violation_notes", ui.violationEdit)
        self.retranslate()

    def retranslate(self) -> None:
        ui = self.ui
        title = N_("Edit the pledge") if self.pledge_id else N_("Record a pledge")
        self.setWindowTitle(self.tr_(title))
        ui.introLabel.setText(self.tr_(N_("Household {number}")).format(number=self.number))
        ui.yearLabel.setText(self.tr_(N_("&Year:")))
        ui.statusLabel.setText(self.tr_(N_("&Result:")))
        for i in range(ui.statusCombo.count()):
            ui.statusCombo.setItemText(i, self.tr_(PLEDGE_LABELS[ui.statusCombo.itemData(i)]))
        ui.signedOnLabel.setText(self.tr_(N_("Signed &on:")))
        ui.signedOnEdit.setPlaceholderText(self.tr_(DATE_HINT))
        ui.signerLabel.setText(self.tr_(N_("Signed &by:")))
        ui.officerLabel.setText(self.tr_(N_("Responsible o&fficer:")))
        ui.culturedLabel.setText(self.tr_(N_("&Cultured family:")))
        for i, (_value, label) in enumerate(CULTURED_LABELS):
            ui.culturedCombo.setItemText(i, self.tr_(label))
        ui.violationLabel.setText(self.tr_(N_("&Violation:")))
        self.retranslate_buttons()

    def _status_changed(self) -> None:
        self.ui.violationEdit.setEnabled(self.ui.statusCombo.currentData() == "violated")

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "status": ui.statusCombo.currentData(),
            "signed_on": ui.signedOnEdit.text(),
            "signer_name": ui.signerEdit.text(),
            "officer_name": ui.officerEdit.text(),
            "cultured_family": ui.culturedCombo.currentData(),
            "violation_notes": ui.violationEdit.toPlainText()
            if ui.statusCombo.currentData() == "violated"
            else None,
        }

    def changes(self) -> dict[str, Any]:
        """What the officer changed in the pledge being edited."""
        return {k: v for k, v in self.values().items() if v != self.original.get(k)}

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            if self.pledge_id is None:
                year = self.ui.yearSpin.value()
                return pledges.check_record_pledge(ctx, self.household_id, year, **self.values())
            return pledges.check_edit_pledge(ctx, self.pledge_id, self.changes())

    def write(self, ctx: Ctx) -> Any:
        if self.pledge_id is None:
            year = self.ui.yearSpin.value()
            return pledges.record_pledge(ctx, self.household_id, year, **self.values())
        return pledges.edit_pledge(ctx, self.pledge_id, self.changes())


class PovertyDialog(RecordDialog):
    """Set a household's poor / near-poor status for a year (hộ nghèo, cận nghèo)."""

    def __init__(
        self, app: AppContext, household_id: str, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, parent)
        self.household_id = household_id
        self.ui = Ui_HouseholdPovertyDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.use_buttons(self.ui.buttonBox, self.ui.problemLabel, self.ui.formLayout)
        self.ui.yearSpin.setMaximum(app.today().year + 1)
        self.ui.yearSpin.setValue(year)
        for status in households.POVERTY_STATUSES:
            self.ui.statusCombo.addItem("", status)
        self.ui.yearSpin.valueChanged.connect(self._show_recorded)
        self._show_recorded()
        self.watch("year", self.ui.yearSpin)
        self.watch("poverty_status", self.ui.statusCombo)
        self.dirty = False
        self.retranslate()

    def _show_recorded(self) -> None:
        with self.app.read() as ctx:
            status = household_rows.poverty_status_of(
                ctx, self.household_id, self.ui.yearSpin.value()
            )
        select_data(self.ui.statusCombo, status or "none")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr_(N_("Poor / near-poor status")))
        self.ui.yearLabel.setText(self.tr_(N_("&Year:")))
        self.ui.statusLabel.setText(self.tr_(N_("&Status:")))
        for i in range(self.ui.statusCombo.count()):
            label = POVERTY_LABELS[self.ui.statusCombo.itemData(i)]
            self.ui.statusCombo.setItemText(i, self.tr_(label))
        self.retranslate_buttons()

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return households.check_set_poverty_status(
                ctx, self.household_id, self.ui.yearSpin.value(), self.ui.statusCombo.currentData()
            )

    def write(self, ctx: Ctx) -> Any:
        return households.set_poverty_status(
            ctx, self.household_id, self.ui.yearSpin.value(), self.ui.statusCombo.currentData()
        )
