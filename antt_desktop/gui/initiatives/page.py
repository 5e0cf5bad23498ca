"""The "Mô hình" page: community security initiatives with their activities, evaluations and
commendations."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_list import RecordListPage, RecordView
from antt_desktop.gui.common.records_widgets import catalogue_names, fill_combo, named
from antt_desktop.gui.initiatives.dialog import InitiativeDialog
from antt_desktop.gui.initiatives.model import STATUS_LABELS, InitiativeListModel
from antt_desktop.gui.initiatives.view import InitiativeView
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogues, initiatives
from antt_desktop.services.changes import Kind


class InitiativesPage(RecordListPage):
    """Initiatives: search by name, filter by type and status, open one to see its tabs."""

    title = N_("Initiatives")
    SHOWS = (
        *(Kind.INITIATIVE, Kind.INITIATIVE_AREA, Kind.FUNDING, Kind.ASSET, Kind.ACTIVITY),
        *(Kind.EVALUATION, Kind.COMMENDATION, Kind.AREA, Kind.CATALOGUE),
    )
    SETTINGS_KEY = "initiatives"
    SEARCH_HINT = N_("Search by name (Ctrl+F)")
    model: InitiativeListModel

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.dialog: RecordDialog | None = None
        self.type_combo = named(QComboBox(), "typeFilter")
        self.status_combo = named(QComboBox(), "statusFilter")
        self.type_combo.setMinimumWidth(220)
        self.filter_bar.addWidget(self.type_combo)
        self.filter_bar.addWidget(self.status_combo)
        self.status_combo.addItem("", None)
        for status in initiatives.STATUSES:
            self.status_combo.addItem("", status)
        self._fill_types()
        self.type_combo.currentIndexChanged.connect(self._filter_changed)
        self.status_combo.currentIndexChanged.connect(self._filter_changed)
        self.start()

    def make_model(self) -> InitiativeListModel:
        return InitiativeListModel(self.app, self)

    def make_view(self) -> RecordView:
        return InitiativeView(self.app, self)

    def _fill_types(self) -> None:
        names = catalogue_names(self.app, catalogues.INITIATIVE_TYPE)
        fill_combo(self.type_combo, [(None, self.tr_(N_("All types"))), *names.items()])

    def retranslate(self) -> None:
        super().retranslate()
        self._fill_types()
        self.status_combo.setItemText(0, self.tr_(N_("Any status")))
        for i in range(1, self.status_combo.count()):
            self.status_combo.setItemText(i, self.tr_(STATUS_LABELS[self.status_combo.itemData(i)]))
        self.new_button.setText(self.tr_(N_("&New initiative")))

    def _filter_changed(self) -> None:
        self.model.type_code = self.type_combo.currentData()
        self.model.status = self.status_combo.currentData()
        self.model.reload()

    def new_record(self) -> None:
        self.dialog = InitiativeDialog(self.app, unit_id=self.model.unit_id, parent=self)
        self.dialog.accepted.connect(self._open_saved)
        self.dialog.open()

    def _open_saved(self) -> None:
        if self.dialog is not None and self.dialog.result_record is not None:
            self.open_record(self.dialog.result_record)
