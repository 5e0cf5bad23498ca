"""The one-step "sign pledges for a whole area" (Ký cam kết cả khu dân cư): every household
of the area without a pledge for the year is recorded as signed by its head."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import DATE_HINT, area_choices, fill_combo, select_data
from antt_desktop.gui.forms.ui_household_sign_area_dialog import Ui_HouseholdSignAreaDialog
from antt_desktop.i18n.formatting import fmt_date, fmt_int
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services import pledges
from antt_desktop.services.context import Ctx

#: How many household numbers without a head the message lists before "...".
LISTED = 20


def signing_message(result: pledges.AreaSigningResult, tr: Translator) -> str:
    """ "Đã ghi 312 hộ, 20 hộ đã có cam kết, 3 hộ chưa có chủ hộ: 0012, 0047, 0101."""
    created = fmt_int(result.created, tr)
    already = fmt_int(result.already_pledged, tr)
    skipped = result.skipped_without_head
    if not skipped:
        return tr(
            N_("Recorded {created} households, {already} households already had a pledge.")
        ).format(created=created, already=already)
    numbers = ", ".join(h.number for h in skipped[:LISTED])
    if len(skipped) > LISTED:
        numbers += ", …"
    return tr(
        N_(
            "Recorded {created} households, {already} households already had a pledge,"
            " {skipped} households have no head: {numbers}."
        )
    ).format(created=created, already=already, skipped=fmt_int(len(skipped), tr), numbers=numbers)


class SignAreaDialog(RecordDialog):
    """Choose the area, the year and the signing day; Save signs them all at once."""

    def __init__(
        self,
        app: AppContext,
        *,
        unit_id: str | None = None,
        area_id: str | None = None,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, parent)
        self.ui = ui = Ui_HouseholdSignAreaDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.use_buttons(ui.buttonBox, ui.problemLabel, ui.formLayout)
        today = app.today()
        fill_combo(ui.areaCombo, area_choices(app, unit_id), keep=False)
        select_data(ui.areaCombo, area_id)
        ui.yearSpin.setMaximum(today.year + 1)
        ui.yearSpin.setValue(year or today.year)
        ui.signedOnEdit.setText(
            fmt_date(today, app.tr) if ui.yearSpin.value() == today.year else ""
        )
        self.result_value: pledges.AreaSigningResult | None = None
        self.watch("area_id", ui.areaCombo)
        self.watch("year", ui.yearSpin)
        self.watch("signed_on", ui.signedOnEdit)
        self.watch("officer_name", ui.officerEdit)
        self.retranslate()

    def retranslate(self) -> None:
        ui = self.ui
        self.setWindowTitle(self.tr_(N_("Sign pledges for a whole area")))
        ui.introLabel.setText(
            self.tr_(
                N_(
                    "Every household of the area that has no pledge for the year is recorded"
                    " as signed by its head on the day given."
                )
            )
        )
        ui.areaLabel.setText(self.tr_(N_("Residential &area:")))
        ui.yearLabel.setText(self.tr_(N_("&Year:")))
        ui.signedOnLabel.setText(self.tr_(N_("Signed &on:")))
        ui.signedOnEdit.setPlaceholderText(self.tr_(DATE_HINT))
        ui.officerLabel.setText(self.tr_(N_("Responsible o&fficer:")))
        self.retranslate_buttons()
        self.button_box.button(self.button_box.StandardButton.Save).setText(self.tr_(N_("&Sign")))

    def check(self) -> list[Problem]:
        area_id = self.ui.areaCombo.currentData()
        if area_id is None:
            return [Problem("area_id", "required")]
        with self.app.read() as ctx:
            return pledges.check_sign_area(ctx, area_id, self.ui.yearSpin.value(), **self._day())

    def write(self, ctx: Ctx) -> pledges.AreaSigningResult:
        area_id = self.ui.areaCombo.currentData()
        if area_id is None:
            raise ValidationFailed([Problem("area_id", "required")])
        self.result_value = pledges.sign_area(ctx, area_id, self.ui.yearSpin.value(), **self._day())
        return self.result_value

    def _day(self) -> dict[str, str]:
        """The signing day and the officer, as typed."""
        return {
            "signed_on": self.ui.signedOnEdit.text(),
            "officer_name": self.ui.officerEdit.text(),
        }
