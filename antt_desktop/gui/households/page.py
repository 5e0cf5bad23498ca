"""The "Hộ gia đình" page: the household register with its pledges of each year."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton, QSpinBox, QWidget

from antt_desktop.domain.cccd import CardData
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog, inform
from antt_desktop.gui.common.records_list import RecordListPage, RecordView
from antt_desktop.gui.common.records_widgets import area_choices, fill_combo, named
from antt_desktop.gui.households.dialog import HouseholdDialog
from antt_desktop.gui.households.model import NO_PLEDGE, PLEDGE_LABELS, HouseholdListModel
from antt_desktop.gui.households.sign_area import SignAreaDialog, signing_message
from antt_desktop.gui.households.view import HouseholdView
from antt_desktop.gui.people.cccd_lookup import CardLookup
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.gui.printing import jobs as print_jobs
from antt_desktop.gui.printing.launch import PrintLauncher, PrintMenuButton
from antt_desktop.i18n.translator import N_
from antt_desktop.services.cccd_rows import CardHolder
from antt_desktop.services.changes import Changes, Kind

PLEDGE_FILTERS = (
    (None, N_("Any pledge result")),
    ("signed", PLEDGE_LABELS["signed"]),
    ("refused", PLEDGE_LABELS["refused"]),
    ("violated", PLEDGE_LABELS["violated"]),
    (NO_PLEDGE, PLEDGE_LABELS[None]),
)


class HouseholdsPage(RecordListPage):
    """Households: search by head or number, filter by area and pledge of a year, open one
    to see its members and pledges; sign a whole area's pledges in one step."""

    title = N_("Households")
    SHOWS = (Kind.HOUSEHOLD, Kind.HOUSEHOLD_STATUS, Kind.PERSON, Kind.PLEDGE, Kind.AREA)
    SETTINGS_KEY = "households"
    SEARCH_HINT = N_("Search by head's name or household number (Ctrl+F)")
    model: HouseholdListModel

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.dialog: RecordDialog | None = None
        self.message: QMessageBox | None = None
        self.area_combo = named(QComboBox(), "areaFilter")
        self.year_label = named(QLabel(), "yearLabel")
        self.year_spin = named(QSpinBox(), "yearFilter")
        self.year_spin.setRange(1990, app.today().year + 1)
        self.year_spin.setValue(self.model.year)
        self.year_label.setBuddy(self.year_spin)
        self.pledge_combo = named(QComboBox(), "pledgeFilter")
        for value, _label in PLEDGE_FILTERS:
            self.pledge_combo.addItem("", value)
        self.sign_button = named(QPushButton(), "signAreaButton")
        self.printing = PrintLauncher(app, self)
        self.print_button = PrintMenuButton(
            self,
            (
                (N_("Register of pledges of the area"), self.print_register),
                (N_("Pledge forms of every household of the area"), self.print_area_forms),
            ),
        )
        for widget in (self.area_combo, self.year_label, self.year_spin, self.pledge_combo):
            self.filter_bar.addWidget(widget)
        self.filter_bar.addWidget(self.sign_button)
        self.filter_bar.addWidget(self.print_button)
        self.area_combo.currentIndexChanged.connect(self._filter_changed)
        self.pledge_combo.currentIndexChanged.connect(self._filter_changed)
        self.year_spin.valueChanged.connect(self._filter_changed)
        self.sign_button.clicked.connect(self.sign_area)
        self._fill_areas()
        # a citizen ID card scanned into the search box: the household of its holder
        self.card_lookup = CardLookup(app, self, self._open_card_holder, self._add_from_card)
        self.start()

    def card_scanned(self, text: str) -> None:
        self.card_lookup.scanned(text)  # in place of the list pages' search by name

    def _open_card_holder(self, holder: CardHolder) -> None:
        """The holder's household, or their form when they belong to none."""
        if holder.household_id:
            self.open_record(holder.household_id)
        else:
            self._person_form(PersonEditor(self.app, holder.person_id, self))

    def _add_from_card(self, card: CardData) -> None:
        editor = PersonEditor(self.app, None, self)
        self._person_form(editor)
        editor.fill_from_card(card.person_values())  # shown first: the checks run on screen

    def _person_form(self, editor: PersonEditor) -> None:
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = editor
        editor.open()

    def make_model(self) -> HouseholdListModel:
        return HouseholdListModel(self.app, self)

    def make_view(self) -> RecordView:
        return HouseholdView(self.app, self)

    def retranslate(self) -> None:
        super().retranslate()
        self.area_combo.setItemText(0, self.tr_(N_("All areas")))
        self.year_label.setText(self.tr_(N_("&Year:")))
        for i, (_value, label) in enumerate(PLEDGE_FILTERS):
            self.pledge_combo.setItemText(i, self.tr_(label))
        self.sign_button.setText(self.tr_(N_("&Sign pledges for an area")))
        self.print_button.retranslate(self.app.tr)
        self.new_button.setText(self.tr_(N_("&New household")))

    def refresh(self, changes: Changes) -> None:
        if changes.touches(Kind.AREA):
            self._fill_areas()
        super().refresh(changes)

    def _fill_areas(self) -> None:
        items = [(None, self.tr_(N_("All areas"))), *area_choices(self.app, self.model.unit_id)]
        fill_combo(self.area_combo, items)

    def _unit_chosen(self, index: int) -> None:
        super()._unit_chosen(index)
        self._fill_areas()

    def _filter_changed(self) -> None:
        self.model.area_id = self.area_combo.currentData()
        self.model.pledge_filter = self.pledge_combo.currentData()
        self.model.year = self.year_spin.value()
        self.model.reload()
        column = HouseholdListModel.COL_PLEDGE
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def new_record(self) -> None:
        self.dialog = HouseholdDialog(self.app, unit_id=self.model.unit_id, parent=self)
        self.dialog.accepted.connect(self._open_saved)
        self.dialog.open()

    def _open_saved(self) -> None:
        dialog = self.dialog
        if dialog is not None and dialog.result_record is not None:
            self.open_record(dialog.result_record.id)

    def _chosen_area(self) -> str | None:
        area_id = self.area_combo.currentData()
        if area_id is None:
            self.message = inform(
                self,
                self.tr_(N_("Print")),
                self.tr_(N_("Choose a residential area in the filter first, then print.")),
            )
        return area_id if isinstance(area_id, str) else None

    def print_register(self) -> None:
        """The register of pledges (danh sách ký cam kết) of the chosen area and year."""
        area_id, year = self._chosen_area(), self.year_spin.value()
        if area_id is not None:
            self.printing.preview(lambda: print_jobs.pledge_register_job(self.app, area_id, year))

    def print_area_forms(self) -> None:
        """A pledge form for every household of the chosen area (a batch, with Cancel)."""
        area_id, year = self._chosen_area(), self.year_spin.value()
        if area_id is not None:
            self.printing.preview(lambda: print_jobs.pledge_forms_job(self.app, area_id, year))

    def sign_area(self) -> None:
        self.dialog = SignAreaDialog(
            self.app,
            unit_id=self.model.unit_id,
            area_id=self.area_combo.currentData(),
            year=self.year_spin.value(),
            parent=self,
        )
        self.dialog.accepted.connect(self._signed)
        self.dialog.open()

    def _signed(self) -> None:
        dialog = self.dialog
        if not isinstance(dialog, SignAreaDialog) or dialog.result_value is None:
            return
        self.year_spin.setValue(dialog.ui.yearSpin.value())
        self.message = inform(
            self, self.tr_(N_("Pledges signed")), signing_message(dialog.result_value, self.app.tr)
        )
