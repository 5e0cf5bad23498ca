"""The "Khen thưởng" page: commendation decisions and those they commend."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.record_tabs import KIND_LABELS
from antt_desktop.gui.common.records_list import RecordListPage, RecordView
from antt_desktop.gui.common.records_widgets import fill_combo, named
from antt_desktop.gui.initiatives.commendation_dialog import CommendationDialog
from antt_desktop.gui.initiatives.commendation_model import CommendationListModel
from antt_desktop.gui.initiatives.commendation_view import CommendationView
from antt_desktop.i18n.translator import N_
from antt_desktop.services.changes import Changes, Kind


class CommendationsPage(RecordListPage):
    """Commendations listed by decision; one decision records many recipients at once."""

    title = N_("Commendations")
    SHOWS = (Kind.COMMENDATION, Kind.PERSON, Kind.TEAM, Kind.INITIATIVE, Kind.AREA)
    SETTINGS_KEY = "commendations"
    SEARCH_HINT = N_("Search by decision number, issuer or recipient (Ctrl+F)")
    model: CommendationListModel

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.dialog: CommendationDialog | None = None
        self.kind_combo = named(QComboBox(), "kindFilter")
        self.year_combo = named(QComboBox(), "yearFilter")
        self.kind_combo.addItem("", None)
        for kind in KIND_LABELS:
            self.kind_combo.addItem("", kind)
        self.filter_bar.addWidget(self.kind_combo)
        self.filter_bar.addWidget(self.year_combo)
        self._fill_years()
        self.kind_combo.currentIndexChanged.connect(self._filter_changed)
        self.year_combo.currentIndexChanged.connect(self._filter_changed)
        self.start()

    def make_model(self) -> CommendationListModel:
        return CommendationListModel(self.app, self)

    def make_view(self) -> RecordView:
        return CommendationView(self.app, self)

    def _fill_years(self) -> None:
        years = [(y, str(y)) for y in self.model.years()]
        fill_combo(self.year_combo, [(None, self.tr_(N_("All years"))), *years])

    def retranslate(self) -> None:
        super().retranslate()
        self.kind_combo.setItemText(0, self.tr_(N_("All forms")))
        for i in range(1, self.kind_combo.count()):
            self.kind_combo.setItemText(i, self.tr_(KIND_LABELS[self.kind_combo.itemData(i)]))
        self.year_combo.setItemText(0, self.tr_(N_("All years")))
        self.new_button.setText(self.tr_(N_("&New decision")))

    def refresh(self, changes: Changes) -> None:
        if changes.touches(Kind.COMMENDATION):
            self._fill_years()
        super().refresh(changes)

    def _filter_changed(self) -> None:
        self.model.kind = self.kind_combo.currentData()
        self.model.year = self.year_combo.currentData()
        self.model.reload()

    def new_record(self) -> None:
        self.dialog = CommendationDialog(self.app, unit_id=self.model.unit_id, parent=self)
        self.dialog.accepted.connect(self._open_saved)
        self.dialog.open()

    def _open_saved(self) -> None:
        if self.dialog is not None and self.dialog.result_record is not None:
            self.open_record(self.dialog.result_record)
