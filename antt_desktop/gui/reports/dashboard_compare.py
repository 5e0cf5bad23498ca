"""The upper unit's view of its posts side by side: a sortable table and a grouped bar chart.

Clicking a post (a row, or one of its bars) asks the overview to show that post:
``post_chosen(unit_id)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QTableView, QVBoxLayout

from antt_desktop.gui.reports.charts import GroupedBarChart
from antt_desktop.gui.reports.dashboard_models import ComparisonModel
from antt_desktop.gui.reports.names import short_unit_name
from antt_desktop.i18n.formatting import fmt_int, fmt_ratio
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.stats_model import UnitRow

ROW_PX = 26
MAX_ROWS = 12  # taller lists scroll inside the table


def fit_rows(view: QTableView, rows: int, limit: int = MAX_ROWS) -> None:
    """Make ``view`` exactly as tall as ``rows`` rows (at most ``limit``) and its header,
    plus the horizontal scroll bar while the columns are wider than the window (on a
    narrow screen the bar would otherwise cover the last row)."""
    if view.property("fittedRows") is None:  # refit whenever the bar comes or goes
        bar = view.horizontalScrollBar()
        bar.rangeChanged.connect(lambda *_: fit_rows(view, *view.property("fittedRows")))
    view.setProperty("fittedRows", (rows, limit))
    view.verticalHeader().setDefaultSectionSize(ROW_PX)
    height = view.horizontalHeader().sizeHint().height() + ROW_PX * max(1, min(rows, limit))
    bar = view.horizontalScrollBar()
    if bar.maximum() > 0:
        height += bar.sizeHint().height()
    view.setFixedHeight(height + 2 * view.frameWidth() + 2)


class ComparisonSection(QGroupBox):
    """Posts compared for the year: overdue assessments, pledges, initiatives, results."""

    post_chosen = Signal(str)

    def __init__(self, tr: Callable[[], Translator], parent: QGroupBox | None = None) -> None:
        super().__init__(parent)
        self._tr = tr
        self._year = 0
        self.setObjectName("comparison")
        self.model = ComparisonModel(tr, self)
        self.table = QTableView()
        self.table.setObjectName("comparisonTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        self.chart = GroupedBarChart()
        self.chart.setObjectName("comparisonChart")
        self.chart.bar_clicked.connect(self._on_bar)
        # the chart lists the posts in the table's order, re-sorted with it
        self.model.layoutChanged.connect(self._draw_chart)
        self.model.modelReset.connect(self._draw_chart)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.table)
        layout.addWidget(self.chart)

    def set_rows(self, rows: Sequence[UnitRow], year: int) -> None:
        self._year = year
        self._set_title()
        self.model.set_rows(rows)  # the chart is redrawn on the model's reset
        fit_rows(self.table, len(rows))

    def rows(self) -> list[UnitRow]:
        """The posts in the order the table shows them."""
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def retranslate(self) -> None:
        self._set_title()
        self.model.retranslate()
        self._draw_chart()

    def _set_title(self) -> None:
        self.setTitle(self._tr()(N_("Posts compared, year {year}")).format(year=self._year))

    def _draw_chart(self) -> None:
        tr = self._tr()
        rows = self.rows()
        self.chart.set_groups(
            tr(N_("Overdue assessments and pledge coverage by post")),
            [short_unit_name(r.unit.name) for r in rows],
            [r.assessments_overdue for r in rows],
            [r.pledge_coverage.percent or 0.0 for r in rows],
            (tr(N_("Overdue assessments")), tr(N_("Pledge coverage (%)"))),
            [
                tr(N_("{unit}: {overdue} overdue assessments; pledges {coverage}")).format(
                    unit=r.unit.name,
                    overdue=fmt_int(r.assessments_overdue, tr),
                    coverage=fmt_ratio(r.pledge_coverage, tr),
                )
                for r in rows
            ],
        )

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.post_chosen.emit(self.model.row_at(index.row()).unit.id)

    def _on_bar(self, index: int) -> None:
        if 0 <= index < self.model.rowCount():
            self.post_chosen.emit(self.model.row_at(index).unit.id)
