"""The overview's list of overdue assessments (person, category, period, due date).

Clicking a row (or Enter on it) asks for that dossier: ``dossier_chosen(dossier_id,
person_id)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.gui.reports.dashboard_compare import fit_rows
from antt_desktop.gui.reports.dashboard_models import OverdueModel
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.assessments import DueItem
from antt_desktop.services.report_rows import CatalogueNames

VISIBLE_ROWS = 10  # a longer list scrolls inside the table


class OverdueSection(QGroupBox):
    """The overdue assessments of the units in view, oldest due date first."""

    dossier_chosen = Signal(str, str)

    def __init__(self, tr: Callable[[], Translator], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tr = tr
        self.model = OverdueModel(tr, self)
        self.view = QTableView()
        self.view.setObjectName("overdueList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        # the period, due date and days late are sized from their few distinct texts
        # (:meth:`_fit_columns`): sizing them to their contents asked every cell of a
        # district's hundreds of rows for its size, a second of the overview under load
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # person and category share what the period and dates leave: a long name on a small
        # screen is cut (whole in its tooltip), never the category's title
        header.setSectionResizeMode(OverdueModel.COL_PERSON, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OverdueModel.COL_CATEGORY, QHeaderView.ResizeMode.Stretch)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_activated)
        self.empty = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        self.empty.hide()

    def set_rows(self, items: Sequence[DueItem], names: CatalogueNames, today: date) -> None:
        self.model.set_rows(items, names, today)
        self._fit_columns()
        fit_rows(self.view, len(items), VISIBLE_ROWS)
        self.view.setVisible(bool(items))
        self.empty.setVisible(not items)

    def retranslate(self) -> None:
        tr = self._tr()
        self.setTitle(tr(N_("Overdue assessments")))
        self.empty.setText(tr(N_("No assessment is overdue.")))
        self.model.retranslate()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each short column as wide as the widest of its distinct texts or its title."""
        model, header = self.model, self.view.horizontalHeader()
        cell, title = self.view.fontMetrics(), header.fontMetrics()
        pad = 2 * self.view.style().pixelMetric(self.view.style().PixelMetric.PM_FocusFrameHMargin)
        for col in (OverdueModel.COL_PERIOD, OverdueModel.COL_DUE, OverdueModel.COL_LATE):
            texts = {model.index(r, col).data() for r in range(model.rowCount())}
            widest = max((cell.horizontalAdvance(str(t)) for t in texts), default=0)
            name = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            header.resizeSection(col, max(widest, title.horizontalAdvance(name)) + pad + 16)

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            item = self.model.item(index.row())
            self.dossier_chosen.emit(item.dossier_id, item.person_id)

    def _on_activated(self, index: QModelIndex) -> None:
        # a double click was already a click; only Enter comes here on its own
        if QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self._on_clicked(index)
