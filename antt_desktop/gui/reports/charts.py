"""Horizontal bar charts of the overview (QtCharts), each bar clickable.

:class:`BarChart` draws one value per category (managed persons by category, pledge coverage
by area); :class:`GroupedBarChart` draws two values per post on two scales (overdue
assessments, pledge coverage in percent). Both emit ``bar_clicked(index)`` with the index of
the category as given, and show the tooltip given for it while hovered.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

NAVY = QColor("#1f4e79")
RED = QColor("#b3261e")
TEAL = QColor("#2e7d6b")
GRID = QColor("#dde3ea")
LABEL = QColor("#3e4c59")
ROW_PX = 26  # height of one category row
MAX_LABEL_PX = 420  # the widest a category label gets on a wide screen
#: Share of the chart's width its category labels may take; a longer label is shortened
#: (whole in its tooltip) rather than cut to "…" by the chart.
LABEL_SHARE = 0.35


def nice_scale(top: float, max_ticks: int = 6) -> tuple[int, int]:
    """An axis maximum and a tick count so ticks fall on whole, round numbers."""
    if top <= 0:
        return 5, 6
    raw = top / (max_ticks - 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    steps = math.ceil(top / step)
    return steps * step, steps + 1


def _split_figure(label: str) -> tuple[str, str]:
    """ "Name (12)" → ("Name", " (12)"): the figure is never shortened away."""
    head, sep, tail = label.rpartition(" (")
    if sep and head and label.endswith(")"):
        return head, sep + tail
    return label, ""


class _ChartView(QChartView):
    """A chart view with the look shared by the overview's charts."""

    bar_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setBackgroundRoundness(4)
        chart.setMargins(QMargins(6, 4, 10, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        title_font = QFont(chart.titleFont())
        title_font.setBold(True)
        title_font.setPointSize(max(title_font.pointSize(), 9) + 1)
        chart.setTitleFont(title_font)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._tips: list[str] = []
        self._count = 0
        self._labels: list[str] = []  # whole category labels, in the axis's order
        self._axis: QBarCategoryAxis | None = None

    def _clear(self, title: str, rows: int) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        self.setFixedHeight(max(160, 96 + self.row_px() * max(rows, 1)))
        return chart

    def row_px(self) -> int:
        """The height of one category row: more with the large font, or the chart cuts
        its labels."""
        return max(ROW_PX, QFontMetrics(self.font()).height() + 12)

    def _bar_set(self, name: str, values: Sequence[float], color: QColor | None) -> QBarSet:
        """A set of bars in ``color``; None gives an invisible placeholder set."""
        bars = QBarSet(name)
        bars.append([float(v) for v in values])
        if color is None:
            bars.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            bars.setPen(QPen(Qt.PenStyle.NoPen))
            return bars
        bars.setColor(color)
        bars.setBorderColor(color)
        bars.clicked.connect(self._clicked)
        bars.hovered.connect(self._hover)
        return bars

    def _clicked(self, index: int) -> None:
        # categories are drawn bottom-up, so the chart holds them reversed
        self.bar_clicked.emit(self._count - 1 - index)

    def _category_axis(self, chart: QChart, labels: Sequence[str]) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        self._labels, self._axis = list(labels), axis
        axis.append(self._shortened(self._labels))
        axis.setLabelsColor(LABEL)
        axis.setGridLineVisible(False)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        return axis

    def _shortened(self, labels: Sequence[str]) -> list[str]:
        """``labels`` shortened to the room the chart's width leaves them, each unique
        (the axis refuses two equal categories)."""
        room = min(max(int(self.width() * LABEL_SHARE), 60), MAX_LABEL_PX)
        font = self._axis.labelsFont() if self._axis is not None else self.font()
        fm = QFontMetrics(font)
        shown: list[str] = []
        for text in labels:
            head, figure = _split_figure(text)
            short = (
                fm.elidedText(  # the middle: "Người chấp…giam giữ", "Người chấp…phạt tù"
                    head,
                    Qt.TextElideMode.ElideMiddle,
                    room - fm.horizontalAdvance(figure),
                )
                + figure
            )
            while short in shown:  # equal prefixes: keep them apart
                short += "\u200b"
            shown.append(short)
        return shown

    def _refit_labels(self) -> None:
        axis = self._axis
        if axis is None or not self._labels:
            return
        old = axis.categories()
        new = self._shortened(self._labels)
        if old != new:
            for before, after in zip(old, new, strict=True):
                axis.replace(before, after)

    def label_tip(self, index: int) -> str:
        """The whole text of the category label at ``index`` (in the axis's order)."""
        return self._labels[index] if 0 <= index < len(self._labels) else ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit_labels()

    def event(self, event: QEvent) -> bool:
        """A tooltip over a category label gives its whole text."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            chart = self.chart()
            pos = self.mapToScene(event.pos())
            point = chart.mapFromScene(pos)
            if self._labels and point.x() < chart.plotArea().left():
                row = self._label_row(point)
                if row is not None:
                    QToolTip.showText(event.globalPos(), self.label_tip(row), self)
                    return True
        return super().event(event)

    def _label_row(self, point: QPointF) -> int | None:
        area = self.chart().plotArea()
        if not area.top() <= point.y() <= area.bottom() or not self._labels:
            return None
        # the first category in the axis's order is drawn at the bottom
        share = (area.bottom() - point.y()) / max(area.height(), 1)
        return min(int(share * len(self._labels)), len(self._labels) - 1)

    def _value_axis(
        self, chart: QChart, top: float, fmt: str, where: Qt.AlignmentFlag, grid: bool = True
    ) -> QValueAxis:
        axis = QValueAxis()
        maximum, ticks = (100, 5) if fmt.endswith("%%") else nice_scale(top)
        axis.setRange(0, maximum)
        axis.setTickCount(ticks)
        axis.setLabelFormat(fmt)
        axis.setLabelsColor(LABEL)
        axis.setGridLineColor(GRID)
        axis.setGridLineVisible(grid)
        chart.addAxis(axis, where)
        return axis

    def _hover(self, inside: bool, index: int) -> None:
        if inside and 0 <= index < len(self._tips):
            QToolTip.showText(QCursor.pos(), self._tips[index], self)
        else:
            QToolTip.hideText()


class BarChart(_ChartView):
    """One bar per category, the first category at the top."""

    def set_bars(
        self,
        title: str,
        labels: Sequence[str],
        values: Sequence[float],
        tips: Sequence[str],
        *,
        percent: bool = False,
        color: QColor = NAVY,
    ) -> None:
        """Draw ``values`` (counts, or percentages 0–100 with ``percent``) by ``labels``."""
        chart = self._clear(title, len(labels))
        # a horizontal bar chart draws its first category at the bottom: feed it reversed
        self._tips = list(reversed(tips))
        self._count = len(labels)
        series = QHorizontalBarSeries()
        series.setBarWidth(0.7)
        bars = self._bar_set(title, list(reversed(values)), color)
        series.append(bars)
        chart.addSeries(series)
        chart.legend().hide()
        series.attachAxis(self._category_axis(chart, list(reversed(labels))))
        top = max(values, default=0)
        fmt = "%d%%" if percent else "%d"
        series.attachAxis(self._value_axis(chart, top, fmt, Qt.AlignmentFlag.AlignBottom))
        self.bars = bars


class GroupedBarChart(_ChartView):
    """Two bars per post on two scales: a count (bottom axis) and a percentage (top axis).

    QtCharts groups bar sets only within one series, and one series has one value axis; so
    each measure is its own series holding an invisible empty set in the other's place.
    """

    def set_groups(
        self,
        title: str,
        labels: Sequence[str],
        counts: Sequence[int],
        percents: Sequence[float],
        names: tuple[str, str],
        tips: Sequence[str],
    ) -> None:
        chart = self._clear(title, len(labels))
        self.setFixedHeight(max(200, 130 + int(self.row_px() * 1.3) * max(len(labels), 1)))
        n = len(labels)
        self._tips = list(reversed(tips))
        self._count = n
        zeros = [0.0] * n
        first = QHorizontalBarSeries()
        second = QHorizontalBarSeries()
        for series in (first, second):
            series.setBarWidth(0.8)
        self.counts = self._bar_set(names[0], list(reversed(counts)), RED)
        self.percents = self._bar_set(names[1], list(reversed(percents)), TEAL)
        # set order inside a series decides the slot: counts above, percents below
        first.append(self._bar_set("", zeros, None))
        first.append(self.counts)
        second.append(self.percents)
        second.append(self._bar_set("", zeros, None))
        chart.addSeries(first)
        chart.addSeries(second)
        axis = self._category_axis(chart, list(reversed(labels)))
        first.attachAxis(axis)
        second.attachAxis(axis)
        bottom = Qt.AlignmentFlag.AlignBottom
        first.attachAxis(self._value_axis(chart, max(counts, default=0), "%d", bottom))
        second.attachAxis(self._value_axis(chart, 100, "%d%%", Qt.AlignmentFlag.AlignTop, False))
        chart.legend().show()
        for marker in chart.legend().markers():
            marker.setVisible(bool(marker.label()))
