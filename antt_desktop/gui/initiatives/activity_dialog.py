"""Recording an activity of an initiative (Ghi hoạt động): the day, the kind and what it
counted — participants, weapons handed in, cases mediated, tips of value..."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import DATE_HINT, catalogue_names
from antt_desktop.gui.forms.ui_activity_dialog import Ui_ActivityDialog
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.translator import N_
from antt_desktop.services import activities, catalogues, initiative_rows
from antt_desktop.services.context import Ctx


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.title() for part in rest)


class ActivityDialog(RecordDialog):
    """Record one activity of ``initiative_id`` (activities are never edited afterwards)."""

    def __init__(self, app: AppContext, initiative_id: str, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.initiative_id = initiative_id
        self.ui = ui = Ui_ActivityDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.use_buttons(ui.buttonBox, ui.problemLabel, ui.formLayout, ui.notesForm)
        with app.read() as ctx:
            self.initiative_name = initiative_rows.initiative_name(ctx, initiative_id)
        for code, name in catalogue_names(app, catalogues.ACTIVITY_KIND, offered=True).items():
            ui.kindCombo.addItem(name, code)
        ui.kindCombo.setCurrentIndex(-1)
        ui.heldOnEdit.setText(fmt_date(app.today(), app.tr))
        self.spins: dict[str, QSpinBox] = {
            name: getattr(ui, f"{_camel(name)}Spin") for name in activities.QUANTITIES
        }
        self.watch("held_on", ui.heldOnEdit)
        self.watch("kind", ui.kindCombo)
        for name, spin in self.spins.items():
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.watch(name, spin)
        self.watch("notes", ui.notesEdit)
        self.retranslate()

    def retranslate(self) -> None:
        ui, t = self.ui, self.tr_
        self.setWindowTitle(t(N_("Record an activity")))
        ui.introLabel.setText(t(N_("Initiative: {name}")).format(name=self.initiative_name))
        ui.heldOnLabel.setText(t(N_("&Date held:")))
        ui.heldOnEdit.setPlaceholderText(t(DATE_HINT))
        ui.kindLabel.setText(t(N_("&Kind of activity:")))
        ui.quantityBox.setTitle(t(N_("Results")))
        for name in activities.QUANTITIES:
            label: QLabel = getattr(ui, f"{_camel(name)}Label")
            label.setText(f"{field_label(name, self.app.tr)}:")
        ui.notesLabel.setText(t(N_("N&otes:")))
        self.retranslate_buttons()

    def data(self) -> activities.ActivityInput:
        return activities.ActivityInput(
            initiative_id=self.initiative_id,
            held_on=self.ui.heldOnEdit.text(),
            kind=self.ui.kindCombo.currentData(),
            notes=self.ui.notesEdit.toPlainText(),
            **{name: spin.value() for name, spin in self.spins.items()},
        )

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return activities.check_record_activity(ctx, self.data())

    def write(self, ctx: Ctx) -> str:
        return activities.record_activity(ctx, self.data()).id
