"""The initiative editor (mô hình): its particulars, the areas it covers, its funding lines
and its assets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidgetItem, QTableWidget, QTableWidgetItem, QWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import (
    DATE_HINT,
    area_choices,
    catalogue_names,
    select_data,
)
from antt_desktop.gui.forms.ui_initiative_dialog import Ui_InitiativeDialog
from antt_desktop.gui.initiatives.model import STATUS_LABELS
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.texts.initiatives import FUNDING_SOURCES
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogues, initiative_rows, initiatives
from antt_desktop.services.context import Ctx
from antt_desktop.services.initiative_lines import AssetLine, FundingLine


def typed_amount(amount: int) -> str:
    """An amount as an officer types it: ``1.500.000.000``."""
    return f"{amount:,}".replace(",", ".")


class InitiativeDialog(RecordDialog):
    """Add an initiative (``initiative_id`` None) or change one."""

    def __init__(
        self,
        app: AppContext,
        initiative_id: str | None = None,
        *,
        unit_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, parent)
        self.initiative_id = initiative_id
        self.ui = ui = Ui_InitiativeDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.use_buttons(ui.buttonBox, ui.problemLabel, ui.formLayout)
        with app.read() as ctx:
            form = initiative_rows.initiative_form(ctx, initiative_id) if initiative_id else None
            self.guard(ctx, "initiative", initiative_id)
            self.unit_id = form.unit_id if form else ctx.get_unit(unit_id).id
        current = form.values if form else None
        # a retired type is not offered anew; an initiative that has it keeps it
        kept = current.type_code if current else None
        offered = catalogue_names(app, catalogues.INITIATIVE_TYPE, offered=True)
        for code, name in catalogue_names(app, catalogues.INITIATIVE_TYPE).items():
            if code in offered or code == kept:
                ui.typeCombo.addItem(name, code)
        ui.typeCombo.setCurrentIndex(-1)
        for status in initiatives.STATUSES:
            ui.statusCombo.addItem("", status)
        for ident, name in area_choices(app, self.unit_id):
            item = QListWidgetItem(name, ui.areasList)
            item.setData(Qt.ItemDataRole.UserRole, ident)
            item.setCheckState(Qt.CheckState.Unchecked)
        for table, columns in ((ui.fundingTable, 3), (ui.assetsTable, 2)):
            table.setColumnCount(columns)
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().hide()
        ui.fundingTable.setColumnWidth(0, 180)
        ui.fundingTable.setColumnWidth(1, 200)
        ui.assetsTable.setColumnWidth(0, 360)
        if current is not None:
            self._fill(current)
        ui.addFundingButton.clicked.connect(lambda: self._add_funding(FundingLine()))
        ui.removeFundingButton.clicked.connect(lambda: self._remove_row(ui.fundingTable, "funding"))
        ui.addAssetButton.clicked.connect(lambda: self._add_asset(AssetLine()))
        ui.removeAssetButton.clicked.connect(lambda: self._remove_row(ui.assetsTable, "assets"))
        ui.statusCombo.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        for field, widget in (
            ("name", ui.nameEdit),
            ("type_code", ui.typeCombo),
            ("status", ui.statusCombo),
            ("launched_on", ui.launchedEdit),
            ("ended_on", ui.endedEdit),
            ("decision_number", ui.decisionNumberEdit),
            ("decision_date", ui.decisionDateEdit),
            ("decision_issuer", ui.decisionIssuerEdit),
            ("lead_body", ui.leadBodyEdit),
            ("partners", ui.partnersEdit),
            ("member_count", ui.memberCountEdit),
            ("description", ui.descriptionEdit),
        ):
            self.watch(field, widget)
        ui.areasList.itemChanged.connect(lambda _i: self.touch("area_ids"))
        ui.fundingTable.itemChanged.connect(lambda _i: self.touch("funding"))
        ui.assetsTable.itemChanged.connect(lambda _i: self.touch("assets"))
        self.dirty = False
        self.retranslate()

    def _fill(self, data: initiatives.InitiativeInput) -> None:
        ui, tr = self.ui, self.app.tr
        ui.nameEdit.setText(data.name or "")
        select_data(ui.typeCombo, data.type_code)
        select_data(ui.statusCombo, data.status)
        for edit, value in (
            (ui.launchedEdit, data.launched_on),
            (ui.endedEdit, data.ended_on),
            (ui.decisionDateEdit, data.decision_date),
        ):
            edit.setText(fmt_date(value, tr) if value else "")  # type: ignore[arg-type]
        ui.decisionNumberEdit.setText(data.decision_number or "")
        ui.decisionIssuerEdit.setText(data.decision_issuer or "")
        ui.leadBodyEdit.setText(data.lead_body or "")
        ui.partnersEdit.setText(data.partners or "")
        ui.memberCountEdit.setText("" if data.member_count is None else str(data.member_count))
        ui.descriptionEdit.setPlainText(data.description or "")
        chosen = set(data.area_ids)
        for row in range(ui.areasList.count()):
            item = ui.areasList.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in chosen:
                item.setCheckState(Qt.CheckState.Checked)
        for line in data.funding:
            self._add_funding(line)
        for asset in data.assets:
            self._add_asset(asset)

    def retranslate(self) -> None:
        ui, t = self.ui, self.tr_
        self.setWindowTitle(
            t(N_("Edit initiative") if self.initiative_id else N_("New initiative"))
        )
        ui.tabs.setTabText(0, t(N_("&General")))
        ui.tabs.setTabText(1, t(N_("&Areas, funding and assets")))
        for label, text in (
            (ui.nameLabel, N_("&Name:")),
            (ui.typeLabel, N_("&Type:")),
            (ui.statusLabel, N_("Initiative &status:")),
            (ui.launchedLabel, N_("&Launched on:")),
            (ui.endedLabel, N_("&Ended on:")),
            (ui.decisionNumberLabel, N_("&Decision number:")),
            (ui.decisionDateLabel, N_("Decision da&te:")),
            (ui.decisionIssuerLabel, N_("Decision &issued by:")),
            (ui.leadBodyLabel, N_("Lead &body:")),
            (ui.partnersLabel, N_("&Partner bodies:")),
            (ui.memberCountLabel, N_("Number of &members:")),
            (ui.descriptionLabel, N_("Des&cription:")),
            (ui.areasLabel, N_("Residential &areas covered:")),
            (ui.fundingLabel, N_("&Funding:")),
            (ui.assetsLabel, N_("Equipment and a&ssets:")),
        ):
            label.setText(t(text))
        for edit in (ui.launchedEdit, ui.endedEdit, ui.decisionDateEdit):
            edit.setPlaceholderText(t(DATE_HINT))
        for i in range(ui.statusCombo.count()):
            ui.statusCombo.setItemText(i, t(STATUS_LABELS[ui.statusCombo.itemData(i)]))
        ui.fundingTable.setHorizontalHeaderLabels(
            [t(N_("Amount (VND)")), t(N_("Source")), t(N_("Note"))]
        )
        ui.assetsTable.setHorizontalHeaderLabels([t(N_("Equipment or asset")), t(N_("Quantity"))])
        ui.addFundingButton.setText(t(N_("Add funding line")))
        ui.removeFundingButton.setText(t(N_("Remove line")))
        ui.addAssetButton.setText(t(N_("Add asset")))
        ui.removeAssetButton.setText(t(N_("Remove asset")))
        for row in range(ui.fundingTable.rowCount()):
            self._retranslate_sources(ui.fundingTable.cellWidget(row, 1))
        self.retranslate_buttons()

    def _retranslate_sources(self, combo: Any) -> None:
        if isinstance(combo, QComboBox):
            for i in range(combo.count()):
                combo.setItemText(i, self.tr_(FUNDING_SOURCES[combo.itemData(i)]))

    def _status_changed(self) -> None:
        self.ui.endedEdit.setEnabled(self.ui.statusCombo.currentData() == "ended")

    def _add_funding(self, line: FundingLine) -> None:
        table = self.ui.fundingTable
        row = table.rowCount()
        table.insertRow(row)
        amount = "" if line.amount_vnd in (None, "") else line.amount_vnd
        table.setItem(
            row, 0, QTableWidgetItem(typed_amount(amount) if isinstance(amount, int) else amount)
        )
        combo = QComboBox()
        for source in FUNDING_SOURCES:
            combo.addItem("", source)
        self._retranslate_sources(combo)
        select_data(combo, line.source or "community")
        combo.currentIndexChanged.connect(lambda _i: self.touch("funding"))
        table.setCellWidget(row, 1, combo)
        table.setItem(row, 2, QTableWidgetItem(line.note or ""))
        table.setCurrentCell(row, 0)

    def _add_asset(self, line: AssetLine) -> None:
        table = self.ui.assetsTable
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(line.kind or ""))
        table.setItem(row, 1, QTableWidgetItem("" if line.count is None else str(line.count)))
        table.setCurrentCell(row, 0)

    def _remove_row(self, table: QTableWidget, field: str) -> None:
        if table.currentRow() >= 0:
            table.removeRow(table.currentRow())
            self.touch(field)

    @staticmethod
    def _text(table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item is not None else ""

    def _funding_line(self, row: int) -> FundingLine:
        table = self.ui.fundingTable
        amount, note = self._text(table, row, 0), self._text(table, row, 2)
        combo = table.cellWidget(row, 1)
        # a row with neither amount nor note is an empty row, whatever source it shows
        source = combo.currentData() if isinstance(combo, QComboBox) and (amount or note) else None
        return FundingLine(amount, source, note)

    def data(self) -> initiatives.InitiativeInput:
        ui = self.ui
        funding = ui.fundingTable
        assets = ui.assetsTable
        return initiatives.InitiativeInput(
            name=ui.nameEdit.text(),
            type_code=ui.typeCombo.currentData(),
            launched_on=ui.launchedEdit.text(),
            decision_number=ui.decisionNumberEdit.text(),
            decision_date=ui.decisionDateEdit.text(),
            decision_issuer=ui.decisionIssuerEdit.text(),
            lead_body=ui.leadBodyEdit.text(),
            partners=ui.partnersEdit.text(),
            member_count=ui.memberCountEdit.text(),
            status=ui.statusCombo.currentData(),
            description=ui.descriptionEdit.toPlainText(),
            area_ids=[
                ui.areasList.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(ui.areasList.count())
                if ui.areasList.item(r).checkState() == Qt.CheckState.Checked
            ],
            funding=[self._funding_line(r) for r in range(funding.rowCount())],
            assets=[
                AssetLine(self._text(assets, r, 0), self._text(assets, r, 1))
                for r in range(assets.rowCount())
            ],
            ended_on=ui.endedEdit.text() if ui.statusCombo.currentData() == "ended" else None,
        )

    def changes(self) -> dict[str, Any]:
        """Every field as typed, as a change of the initiative being edited."""
        data = self.data()
        return {name: getattr(data, name) for name in data.__dataclass_fields__}

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            if self.initiative_id is None:
                return initiatives.check_add_initiative(ctx, self.data(), unit_id=self.unit_id)
            return initiatives.check_edit_initiative(ctx, self.initiative_id, self.changes())

    def write(self, ctx: Ctx) -> str:
        """Save; the initiative's id (the page opens it)."""
        if self.initiative_id is None:
            return initiatives.add_initiative(ctx, self.data(), unit_id=self.unit_id).id
        return initiatives.edit_initiative(ctx, self.initiative_id, self.changes()).id
