"""One household: its members, its pledge of each year and its poor / near-poor status."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.flow_layout import FlowLayout
from antt_desktop.gui.common.records_list import RecordView
from antt_desktop.gui.common.records_widgets import fill_table, named, setup_table
from antt_desktop.gui.households.actions import HouseholdActions
from antt_desktop.gui.households.pledge_dialog import POVERTY_LABELS
from antt_desktop.gui.printing import jobs as print_jobs
from antt_desktop.gui.printing.launch import PrintLauncher
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters import household as household_words
from antt_desktop.services import household_rows
from antt_desktop.store.errors import NotFound


def _button(name: str, parent: QWidget) -> QPushButton:
    return named(QPushButton(parent), name)


class HouseholdView(RecordView):
    """The household page of the register, with the actions on its members and pledges."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.head_id: str | None = None
        self.back_button = _button("backButton", self)
        self.back_button.clicked.connect(self.back.emit)
        self.title = named(QLabel(), "titleLabel")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.details = named(QLabel(), "detailsLabel", wordWrap=True)
        self.edit_button = _button("editButton", self)
        self.members = named(QTableWidget(), "membersTable")
        self.pledges = named(QTableWidget(), "pledgesTable")
        self.poverty = named(QTableWidget(), "povertyTable")
        for table in (self.members, self.pledges, self.poverty):
            setup_table(table)
        self.add_member_button = _button("addMemberButton", self)
        self.move_member_button = _button("moveMemberButton", self)
        self.remove_member_button = _button("removeMemberButton", self)
        self.make_head_button = _button("makeHeadButton", self)
        self.record_pledge_button = _button("recordPledgeButton", self)
        self.edit_pledge_button = _button("editPledgeButton", self)
        self.violated_button = _button("violatedButton", self)
        self.poverty_button = _button("povertyButton", self)
        self.print_pledge_button = _button("printPledgeButton", self)
        self.print_pledge_button.clicked.connect(self.print_pledge_form)
        self.pledges.currentCellChanged.connect(lambda *_a: self._name_print_button())
        self.printing = PrintLauncher(app, self)
        self.handler = HouseholdActions(self, self)

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        self.members_box = self._box(
            "membersBox",
            self.members,
            self.add_member_button,
            self.move_member_button,
            self.remove_member_button,
            self.make_head_button,
        )
        self.pledges_box = self._box(
            "pledgesBox",
            self.pledges,
            self.record_pledge_button,
            self.edit_pledge_button,
            self.violated_button,
            self.print_pledge_button,
        )
        self.poverty_box = self._box("povertyBox", self.poverty, self.poverty_button)
        right = QSplitter()
        right.setOrientation(right.orientation().Vertical)
        right.addWidget(self.pledges_box)
        right.addWidget(self.poverty_box)
        right.setSizes([320, 160])
        split = named(QSplitter(), "householdSplitter")
        split.addWidget(self.members_box)
        split.addWidget(right)
        split.setSizes([560, 640])
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.details)
        box.addWidget(split, 1)

    @staticmethod
    def _box(name: str, table: QTableWidget, *buttons: QPushButton) -> QGroupBox:
        group = named(QGroupBox(), name)
        # the buttons wrap onto more lines: four in one row were cut on a 1024-pixel screen
        row = FlowLayout()
        for button in buttons:
            row.addWidget(button)
        layout = QVBoxLayout(group)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        return group

    @property
    def year(self) -> int:
        return self.app.today().year

    def retranslate(self) -> None:
        t = self.tr_
        self.back_button.setText(t(N_("← &List")))
        self.back_button.setToolTip(t(N_("Back to the list (Alt+Left)")))
        self.edit_button.setText(t(N_("&Edit household")))
        self.members_box.setTitle(t(N_("Members")))
        self.pledges_box.setTitle(t(N_("Pledges by year")))
        self.poverty_box.setTitle(t(N_("Poor / near-poor status by year")))
        self.add_member_button.setText(t(N_("&Add member")))
        self.move_member_button.setText(t(N_("&Move to another household")))
        self.remove_member_button.setText(t(N_("Re&move from household")))
        self.make_head_button.setText(t(N_("Make &head")))
        self.record_pledge_button.setText(t(N_("&Record pledge")))
        self.edit_pledge_button.setText(t(N_("Edit &pledge")))
        self.violated_button.setText(t(N_("Mark &violated")))
        self.poverty_button.setText(t(N_("Set &status")))
        self.reload()

    def reload(self) -> None:
        if self.record_id is None:
            return
        t, tr = self.tr_, self.app.tr
        try:
            with self.app.read() as ctx:
                page = household_rows.household_page(ctx, self.record_id)
        except NotFound:
            self.back.emit()
            return
        household = page.household
        self.head_id = household.head_person_id
        self.title.setText(
            t(N_("Household {number} — head: {head}")).format(
                number=household.number, head=household.head_name or t(N_("(none)"))
            )
        )
        parts = [household.area or "", household.address or "", household.notes or ""]
        self.details.setText(" · ".join(p for p in parts if p))
        fill_table(
            self.members,
            [t(N_("Full name")), t(N_("Relation to the head")), t(N_("Born"))],
            [(m.id, (m.full_name, m.relation_to_head or "", m.born or "")) for m in page.members],
        )
        fill_table(
            self.pledges,
            list(household_words.pledge_headers(tr)),
            [(p.id, household_words.pledge_cells(p, tr)) for p in page.pledges],
        )
        fill_table(
            self.poverty,
            [t(N_("Year")), t(N_("Poor / near-poor"))],
            [
                (str(row.year), (str(row.year), tr(POVERTY_LABELS.get(row.status, row.status))))
                for row in page.poverty
            ],
        )
        self.members.selectRow(0)
        self.pledges.selectRow(0)
        self._name_print_button()

    def pledge_year(self) -> int:
        """The year of the pledge row chosen, else this year."""
        item = self.pledges.item(self.pledges.currentRow(), 0)
        text = item.text() if item is not None else ""
        return int(text) if text.isdigit() else self.year

    def _name_print_button(self) -> None:
        text = self.tr_(N_("Print the pledge &form of {year}"))
        self.print_pledge_button.setText(text.format(year=self.pledge_year()))

    def print_pledge_form(self) -> None:
        """The household's pledge form (bản cam kết) of the chosen year, in the preview."""
        if self.record_id is None:
            return
        household_id, year = self.record_id, self.pledge_year()
        self.printing.preview(lambda: print_jobs.pledge_form_job(self.app, household_id, year))
