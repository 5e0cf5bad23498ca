"""Tabs that list a record's related rows (a summary line, a table, buttons), shared by the
initiative, team and household windows: their commendations among them."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import fill_table, named, setup_table
from antt_desktop.i18n.formatting import fmt_date, fmt_int
from antt_desktop.i18n.texts.teams import COMMENDATION_KINDS
from antt_desktop.i18n.translator import N_
from antt_desktop.services import commendation_rows

#: Labels of the forms of commendation (giấy khen, bằng khen, giấy chứng nhận).
KIND_LABELS = dict(
    zip(("giay_khen", "bang_khen", "giay_chung_nhan"), COMMENDATION_KINDS, strict=True)
)


class ListTab(QWidget):
    """A summary line, a table and the tab's action buttons."""

    def __init__(self, app: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.app = app
        self.summary = named(QLabel(), "summaryLabel", wordWrap=True)
        self.table = named(QTableWidget(), "table")
        setup_table(self.table)
        self.buttons = QHBoxLayout()
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addLayout(self.buttons)

    def add_button(self, name: str) -> QPushButton:
        button = named(QPushButton(self), name)
        self.buttons.insertWidget(self.buttons.count(), button)
        return button

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)


def fill_commendations(tab: ListTab, kind: str, ident: str) -> None:
    """The commendations of the record ``kind``/``ident``, the latest decision first."""
    app, tr = tab.app, tab.app.tr
    with app.read() as ctx:
        rows = commendation_rows.commendations_of(ctx, kind, ident)
    table_rows = [
        (
            c.id,
            (
                c.decision_number,
                fmt_date(c.decision_date, tr),
                tr(KIND_LABELS.get(c.kind, c.kind)),
                c.issuer,
                c.achievement,
            ),
        )
        for c in rows
    ]
    tab.summary.setText(tr(N_("{count} commendations")).format(count=fmt_int(len(table_rows), tr)))
    fill_table(
        tab.table,
        [
            tr(N_("Decision number")),
            tr(N_("Decision date")),
            tr(N_("Form of commendation")),
            tr(N_("Issued by")),
            tr(N_("Achievement")),
        ],
        table_rows,
    )
