"""Tổng quan: the post's figures at a glance, each leading to the records behind it.

Tiles (this month and this year), managed persons by category, pledge coverage by area and
the overdue assessments; at an upper unit also the posts side by side and a choice of post.
Figures are read on a worker thread; the page says "Loading…" meanwhile.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.reports import dashboard_render as render
from antt_desktop.gui.reports.charts import NAVY, TEAL, BarChart
from antt_desktop.gui.reports.dashboard_compare import ComparisonSection
from antt_desktop.gui.reports.dashboard_overdue import OverdueSection
from antt_desktop.gui.reports.dashboard_tiles import TileGrid
from antt_desktop.gui.reports.data import WATCHED, DashboardData, load_dashboard
from antt_desktop.gui.reports.drilldown import Target, dossier
from antt_desktop.gui.reports.worker import BackgroundLoader
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.translator import N_
from antt_desktop.services.changes import Changes
from antt_desktop.services.stats_model import UnitRow

STYLE = """
QLabel#pageTitle { color: #102a43; }
QLabel#subtitle { color: #52606d; }
QLabel#status { font-weight: 600; color: #1f4e79; }
QLabel#status[error="true"] { color: #b3261e; }
QGroupBox { font-weight: 600; }
"""


class DashboardPage(Page):
    """The overview. ``navigate(page_key, filters)`` asks the main window for a list page."""

    title = N_("Overview")
    navigate = Signal(str, object)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.data: DashboardData | None = None
        self._unit_id: str | None = None  # None: the default (all posts / this post)
        self._comparison: tuple[UnitRow, ...] = ()
        self._stale = False
        self._error = ""
        self.loader = BackgroundLoader(self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.loader.busy_changed.connect(lambda _busy: self._show_status())
        self._build()
        self.retranslate()
        self.reload()

    # --- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(STYLE)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        font = QFont(self.heading.font())
        font.setPointSize(max(font.pointSize(), 9) + 6)
        font.setBold(True)
        self.heading.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("subtitle")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.unit_label = QLabel()
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("unitBox")
        self.unit_box.setMinimumContentsLength(28)
        self.unit_label.setBuddy(self.unit_box)
        self.unit_box.activated.connect(self._on_unit_chosen)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(lambda: self.reload(with_comparison=True))
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.heading)
        titles.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.addLayout(titles, 1)
        top.addWidget(self.status)
        top.addSpacing(12)
        top.addWidget(self.unit_label)
        top.addWidget(self.unit_box)
        top.addWidget(self.refresh_button)

        self.tiles = TileGrid(4)
        for key in render.TILES:
            tile = self.tiles.add(key)
            tile.clicked.connect(lambda k=key: self._on_tile(k))
        self.comparison = ComparisonSection(lambda: self.app.tr)
        self.comparison.post_chosen.connect(self.show_unit)
        self.comparison.hide()
        self.category_chart = BarChart()
        self.category_chart.setObjectName("categoryChart")
        self.category_chart.bar_clicked.connect(lambda i: self._on_bar(self._category_targets, i))
        self.coverage_chart = BarChart()
        self.coverage_chart.setObjectName("coverageChart")
        self.coverage_chart.bar_clicked.connect(lambda i: self._on_bar(self._coverage_targets, i))
        self._category_targets: list[Target] = []
        self._coverage_targets: list[Target] = []
        charts = QHBoxLayout()
        charts.setSpacing(10)
        charts.addWidget(self.category_chart, 1, Qt.AlignmentFlag.AlignTop)
        charts.addWidget(self.coverage_chart, 1, Qt.AlignmentFlag.AlignTop)

        self.overdue = OverdueSection(lambda: self.app.tr)
        self.overdue.dossier_chosen.connect(lambda d, p: self._go(dossier(d, p)))

        content = QWidget()
        content.setObjectName("dashboardContent")
        body = QVBoxLayout(content)
        body.setContentsMargins(16, 12, 16, 16)
        body.setSpacing(12)
        body.addLayout(top)
        body.addWidget(self.tiles)
        body.addWidget(self.comparison)
        body.addLayout(charts)
        body.addWidget(self.overdue)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- loading -----------------------------------------------------------------------
    def reload(self, *, with_comparison: bool = True) -> None:
        """Read the figures again on the worker (the page keeps showing the old ones)."""
        app, unit_id = self.app, self._unit_id
        compare = with_comparison or not self._comparison
        self._stale = False
        self._error = ""
        self.loader.start(lambda: load_dashboard(app, unit_id, with_comparison=compare))
        self._show_status()

    def refresh(self, changes: Changes) -> None:
        if not changes.touches(*WATCHED):
            return
        if self.isVisible():
            self.reload(with_comparison=True)
        else:
            self._stale = True  # read again when the officer comes back to the page

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload(with_comparison=True)

    def show_unit(self, unit_id: str) -> None:
        """Show one post (or, with the upper unit's id, every post)."""
        row = self.unit_box.findData(unit_id)
        if row >= 0:
            self.unit_box.setCurrentIndex(row)
        self._unit_id = unit_id
        self.reload(with_comparison=False)

    def _on_unit_chosen(self, row: int) -> None:
        unit_id = self.unit_box.itemData(row)
        if isinstance(unit_id, str) and unit_id != self._unit_id:
            self.show_unit(unit_id)

    def _on_loaded(self, data: Any) -> None:
        assert isinstance(data, DashboardData)
        self.data = data
        if data.comparison:
            self._comparison = data.comparison
        self._fill_units()
        self._render()
        self._show_status()

    def _on_failed(self, exc: Any) -> None:
        self._error = self.tr_(N_("The figures could not be read: {error}")).format(error=exc)
        self._show_status()

    def _show_status(self) -> None:
        if self.loader.busy:
            text, error = self.tr_(N_("Loading…")), False
        else:
            text, error = self._error, bool(self._error)
        self.status.setText(text)
        if bool(self.status.property("error")) != error:
            self.status.setProperty("error", error)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)

    # --- showing -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr_(self.title))
        self.unit_label.setText(self.tr_(N_("&Unit:")))
        self.refresh_button.setText(self.tr_(N_("&Refresh")))
        self.refresh_button.setToolTip(self.tr_(N_("Read the figures again (F5)")))
        self.overdue.retranslate()
        if self.data is None:
            for tile in self.tiles.tiles.values():
                tile.show_loading("")
        self._fill_units()
        self._render()
        self._show_status()

    def _selected_post(self) -> str | None:
        """The post click-throughs keep (None: every post in view)."""
        data = self.data
        if data is None or not data.posts.upper or data.unit == data.posts.parent:
            return None
        return data.unit.id

    def _fill_units(self) -> None:
        data = self.data
        upper = data is not None and data.posts.upper
        self.unit_label.setVisible(upper)
        self.unit_box.setVisible(upper)
        if data is None or not upper or data.posts.parent is None:
            return
        self.unit_box.clear()
        self.unit_box.addItem(self.tr_(N_("All posts")), data.posts.parent.id)
        for post in data.posts.posts:
            self.unit_box.addItem(f"{post.name} ({post.code})", post.id)
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(data.unit.id)))

    def _render(self) -> None:
        data = self.data
        for widget in (self.category_chart, self.coverage_chart, self.overdue):
            widget.setVisible(data is not None)  # nothing but "Loading…" until the first figures
        if data is None:
            return
        tr = self.app.tr
        post = self._selected_post()
        self.subtitle.setText(
            self.tr_(N_("{unit} · figures as of {date}")).format(
                unit=data.unit.name, date=fmt_date(data.today, tr)
            )
        )
        figures = render.tile_figures(data, post, tr)
        for key, tile in self.tiles.tiles.items():
            fig = figures[key]
            tile.show_figure(fig.caption, fig.value, fig.detail, fig.alert)
        cats = render.category_bars(data, post, tr)
        self._category_targets = cats.targets
        self.category_chart.set_bars(
            self.tr_(N_("Persons under management by category")),
            cats.labels,
            cats.values,
            cats.tips,
            color=NAVY,
        )
        cover = render.coverage_bars(data, post, self._comparison, tr)
        self._coverage_targets = cover.targets
        self.coverage_chart.set_bars(
            self.tr_(N_("Pledge coverage {year} by residential area")).format(
                year=data.year.period.year
            )
            if not (data.posts.upper and data.unit == data.posts.parent)
            else self.tr_(N_("Pledge coverage {year} by post")).format(year=data.year.period.year),
            cover.labels,
            cover.values,
            cover.tips,
            percent=True,
            color=TEAL,
        )
        self.overdue.set_rows(data.overdue, data.names, data.today)
        self.comparison.setVisible(data.posts.upper and bool(self._comparison))
        if data.posts.upper and self._comparison:
            self.comparison.set_rows(self._comparison, data.year.period.year)

    # --- click-through ------------------------------------------------------------------
    def _go(self, target: Target) -> None:
        self.navigate.emit(target.page, dict(target.filters))

    def _on_tile(self, key: str) -> None:
        if self.data is not None:
            self._go(render.tile_figures(self.data, self._selected_post(), self.app.tr)[key].target)

    def _on_bar(self, targets: list[Target], index: int) -> None:
        if 0 <= index < len(targets):
            self._go(targets[index])
