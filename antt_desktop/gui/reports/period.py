"""Choosing a reporting period: month, quarter or year, which one, and the year."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from antt_desktop.domain.periods import ROMAN, Period, PeriodKind
from antt_desktop.i18n.translator import N_, Translator

KINDS: tuple[tuple[PeriodKind, str], ...] = (
    ("month", N_("Month")),
    ("quarter", N_("Quarter")),
    ("year", N_("Year")),
)
FIRST_YEAR = 2000


class PeriodChooser(QWidget):
    """Three controls that together name a :class:`Period`; ``changed`` on any edit."""

    changed = Signal()

    def __init__(
        self, tr: Callable[[], Translator], this_year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tr = tr
        self.label = QLabel()
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("periodKind")
        self.index_box = QComboBox()
        self.index_box.setObjectName("periodIndex")
        self.index_box.setMinimumContentsLength(10)
        self.year_label = QLabel()
        self.year_box = QSpinBox()
        self.year_box.setObjectName("periodYear")
        self.year_box.setRange(FIRST_YEAR, this_year + 1)
        self.year_box.setValue(this_year)
        self.year_box.setGroupSeparatorShown(False)
        self.label.setBuddy(self.kind_box)
        self.year_label.setBuddy(self.year_box)
        for kind, _name in KINDS:
            self.kind_box.addItem("", kind)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.kind_box)
        layout.addWidget(self.index_box)
        layout.addSpacing(8)
        layout.addWidget(self.year_label)
        layout.addWidget(self.year_box)
        self.kind_box.currentIndexChanged.connect(self._on_kind)
        self.index_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.year_box.valueChanged.connect(lambda _v: self.changed.emit())
        self.retranslate()

    def kind(self) -> PeriodKind:
        value = self.kind_box.currentData()
        return value if value in ("month", "quarter") else "year"

    def period(self) -> Period:
        """The period the controls name now."""
        kind = self.kind()
        index = 1 if kind == "year" else max(1, self.index_box.currentIndex() + 1)
        return Period(kind, self.year_box.value(), index)

    def set_period(self, period: Period) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(period.kind))
        self._fill_indexes()
        if period.kind != "year":
            self.index_box.setCurrentIndex(period.index - 1)
        if self.year_box.maximum() < period.year:
            self.year_box.setMaximum(period.year)
        self.year_box.setValue(period.year)

    def _on_kind(self, _row: int) -> None:
        self._fill_indexes()
        self.changed.emit()

    def _fill_indexes(self) -> None:
        tr = self._tr()
        kind = self.kind()
        keep = self.index_box.currentIndex()
        self.index_box.blockSignals(True)
        self.index_box.clear()
        if kind == "month":
            self.index_box.addItems([tr(N_("Month {index}")).format(index=m) for m in range(1, 13)])
        elif kind == "quarter":
            self.index_box.addItems(
                [tr(N_("Quarter {index}")).format(index=ROMAN[q]) for q in range(4)]
            )
        if 0 <= keep < self.index_box.count():
            self.index_box.setCurrentIndex(keep)
        self.index_box.blockSignals(False)
        self.index_box.setVisible(kind != "year")

    def retranslate(self) -> None:
        tr = self._tr()
        self.label.setText(tr(N_("Reporting &period:")))
        self.year_label.setText(tr(N_("&Year:")))
        for row, (_kind, name) in enumerate(KINDS):
            self.kind_box.setItemText(row, tr(name))
        self._fill_indexes()
