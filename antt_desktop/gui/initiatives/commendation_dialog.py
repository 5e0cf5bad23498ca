"""Recording one commendation decision for many recipients: all of them are saved, or none
and the lines with problems are shown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidgetItem, QWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.record_tabs import KIND_LABELS
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import DATE_HINT, setup_table
from antt_desktop.gui.forms.ui_commendation_dialog import Ui_CommendationDialog
from antt_desktop.gui.initiatives.commendation_rows import (
    KIND_NAMES,
    PROBLEM_ROW,
    RecipientChooser,
    recipient,
    row_of,
    row_problem_text,
)
from antt_desktop.i18n.translator import N_
from antt_desktop.services import commendations
from antt_desktop.services.commendation_rows import decision_key
from antt_desktop.services.commendations import DecisionInput, RecipientInput
from antt_desktop.services.context import Ctx

#: Widths of the recipients' columns (0: the achievement, which takes the room left).
RECIPIENT_WIDTHS = (170, 250, 0, 120, 90)


class CommendationDialog(RecordDialog):
    """One decision (form, issuer, number, date) and the list of those it commends."""

    def __init__(
        self, app: AppContext, *, unit_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, parent)
        self.ui = ui = Ui_CommendationDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.use_buttons(ui.buttonBox, ui.problemLabel, ui.formLayout)
        with app.read() as ctx:
            self.unit_id = ctx.get_unit(unit_id).id
        for code in commendations.KINDS:
            ui.kindCombo.addItem("", code)
        self.chooser = RecipientChooser(
            app, ui.recipientKindCombo, ui.recipientHolderLayout, self.unit_id
        )
        ui.recipientLabel.setBuddy(self.chooser.stack)
        # the signer under the issuer, the position line under the recipient (certificates)
        self.signer_label, self.signer_edit = QLabel(), QLineEdit()
        self.signer_edit.setObjectName("signerEdit")
        self.signer_edit.setMaxLength(120)
        self.signer_label.setBuddy(self.signer_edit)
        ui.formLayout.insertRow(2, self.signer_label, self.signer_edit)
        self.position_label, self.position_edit = QLabel(), QLineEdit()
        self.position_edit.setObjectName("positionEdit")
        self.position_edit.setMaxLength(300)
        self.position_label.setBuddy(self.position_edit)
        ui.recipientForm.insertRow(2, self.position_label, self.position_edit)
        self.rows: list[RecipientInput] = []
        self.names: list[str] = []
        setup_table(ui.recipientsTable)
        ui.recipientsTable.setColumnCount(5)
        header = ui.recipientsTable.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate(RECIPIENT_WIDTHS):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(2, header.ResizeMode.Stretch)
        ui.rowProblemLabel.setStyleSheet("color: #b3261e;")
        ui.rowProblemLabel.hide()
        ui.addRowButton.clicked.connect(self.add_row)
        ui.removeRowButton.clicked.connect(self.remove_row)
        ui.recipientKindCombo.currentIndexChanged.connect(self._kind_changed)
        self.chooser.changed.connect(self._chooser_changed)
        self._kind_changed()
        self.watch("commendation_kind", ui.kindCombo)
        self.watch("issuer", ui.issuerEdit)
        self.watch("signer_name", self.signer_edit)
        self.watch("decision_number", ui.decisionNumberEdit)
        self.watch("decision_date", ui.decisionDateEdit)
        self.watch("achievement", ui.achievementEdit)
        self.retranslate()

    def retranslate(self) -> None:
        ui, t = self.ui, self.tr_
        self.setWindowTitle(t(N_("Record a commendation decision")))
        ui.kindLabel.setText(t(N_("&Form:")))
        for i in range(ui.kindCombo.count()):
            ui.kindCombo.setItemText(i, t(KIND_LABELS[ui.kindCombo.itemData(i)]))
        ui.issuerLabel.setText(t(N_("&Issued by:")))
        self.signer_label.setText(t(N_("Signed &by (full name):")))
        self.signer_edit.setPlaceholderText(t(N_("e.g. Đại tá Phạm Văn Hùng")))
        self.position_label.setText(t(N_("&Position and unit:")))
        self.position_edit.setPlaceholderText(
            t(N_("The line under the name on the certificate, e.g. Tổ trưởng tổ tự quản số 3"))
        )
        ui.decisionNumberLabel.setText(t(N_("&Decision number:")))
        ui.decisionDateLabel.setText(t(N_("Decision da&te:")))
        ui.decisionDateEdit.setPlaceholderText(t(DATE_HINT))
        ui.achievementLabel.setText(t(N_("Achie&vement:")))
        ui.achievementEdit.setPlaceholderText(
            t(N_("Used for every recipient who has none of their own"))
        )
        ui.recipientsBox.setTitle(t(N_("Recipients")))
        ui.recipientKindLabel.setText(t(N_("&Kind of recipient:")))
        ui.recipientLabel.setText(t(N_("&Recipient:")))
        ui.rowAchievementLabel.setText(t(N_("Their ac&hievement:")))
        ui.goldenBookLabel.setText(t(N_("&Golden book number:")))
        ui.collectiveLabel.setText(t(N_("Colle&ctive:")))
        ui.addRowButton.setText(t(N_("&Add to the list")))
        ui.removeRowButton.setText(t(N_("Remove from the &list")))
        ui.recipientsTable.setHorizontalHeaderLabels(
            [
                t(N_("Kind of recipient")),
                t(N_("Recipient")),
                t(N_("Achievement")),
                t(N_("Golden book number")),
                t(N_("Collective (tập thể)")),
            ]
        )
        # the achievement column (which takes the room left) never narrower than its title
        header = ui.recipientsTable.horizontalHeader()
        for column, width in enumerate(RECIPIENT_WIDTHS):
            if width:
                header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        widths = sum(header.sectionSize(c) for c in range(header.count()) if c != 2)
        ui.recipientsTable.setMinimumWidth(widths + header.sectionSizeHint(2) + 4)
        self.chooser.retranslate(self.app.tr)
        self._fill_table()
        self.retranslate_buttons()

    def _kind_changed(self) -> None:
        self.ui.collectiveCheck.setEnabled(self.chooser.kind == "text")
        self._chooser_changed()

    def _chooser_changed(self) -> None:
        self.ui.addRowButton.setEnabled(self.chooser.chosen()[1] != "")

    def add_row(self) -> None:
        """Put the chosen recipient on the list (the form clears for the next one)."""
        ident, name = self.chooser.chosen()
        if not name:
            return
        ui = self.ui
        made = recipient(
            self.chooser.kind,
            ident,
            name,
            ui.rowAchievementEdit.text(),
            ui.goldenBookEdit.text(),
            ui.collectiveCheck.isChecked(),
        )
        position = " ".join(self.position_edit.text().split()) or None
        self.rows.append(replace(made, recipient_position=position))
        self.names.append(name)
        self.chooser.clear()
        ui.rowAchievementEdit.clear()
        self.position_edit.clear()
        ui.goldenBookEdit.clear()
        ui.collectiveCheck.setChecked(False)
        self._fill_table()
        self.touch("recipients")

    def remove_row(self) -> None:
        row = self.ui.recipientsTable.currentRow()
        if 0 <= row < len(self.rows):
            del self.rows[row]
            del self.names[row]
            self._fill_table()
            self.touch("recipients")

    def _fill_table(self) -> None:
        table, t = self.ui.recipientsTable, self.tr_
        table.setRowCount(len(self.rows))
        for r, (row, name) in enumerate(zip(self.rows, self.names, strict=True)):
            collective = (
                row.collective if row.recipient_kind == "text" else row.recipient_kind != "person"
            )
            values = (
                t(KIND_NAMES.get(row.recipient_kind or "", "")),
                f"{name}\n{row.recipient_position}" if row.recipient_position else name,
                row.achievement or "",
                row.golden_book_no or "",
                t(N_("yes") if collective else N_("no")),
            )
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))

    def show_problems(self, problems: Iterable[Problem]) -> None:
        """Problems of the decision under their fields; those of the lines below the list,
        each naming its line, with the line marked."""
        problems = list(problems)
        lines = [p for p in problems if row_of(p) is not None]
        super().show_problems([p for p in problems if row_of(p) is None])
        self.shown = problems
        bad = {found[0] for p in lines if (found := row_of(p)) is not None}
        table = self.ui.recipientsTable
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                if item is not None:
                    item.setBackground(PROBLEM_ROW if r in bad else table.palette().base())
        text = "\n".join(f"✖ {row_problem_text(p, self.names, self.app.tr)}" for p in lines)
        self.ui.rowProblemLabel.setText(text)
        self.ui.rowProblemLabel.setVisible(bool(lines))

    def problem_text(self) -> str:
        return "\n".join(row_problem_text(p, self.names, self.app.tr) for p in self.shown)

    def decision(self) -> DecisionInput:
        ui = self.ui
        return DecisionInput(
            kind=ui.kindCombo.currentData(),
            issuer=ui.issuerEdit.text(),
            decision_number=ui.decisionNumberEdit.text(),
            decision_date=ui.decisionDateEdit.text(),
            achievement=ui.achievementEdit.toPlainText(),
            signer_name=self.signer_edit.text() or None,
        )

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return commendations.check_add_commendations_batch(
                ctx, self.decision(), list(self.rows), unit_id=self.unit_id
            )

    def write(self, ctx: Ctx) -> str:
        """Save every line; the decision's key (the page opens it)."""
        first = commendations.add_commendations_batch(
            ctx, self.decision(), list(self.rows), unit_id=self.unit_id
        )[0]
        return decision_key(first.unit_id, first.decision_date, first.decision_number)
