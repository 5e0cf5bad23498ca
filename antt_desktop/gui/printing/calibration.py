"""Calibrating a printer for pre-printed blank certificates (căn chỉnh máy in): the offsets
(mm to the right and down) that move the variable texts onto the form's lines, kept per
printer name in this desk's settings file (never synced: they belong to this printer), and
the calibration page to check them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import gui_settings
from antt_desktop.i18n.translator import N_
from antt_desktop.printing.jobs import Document, PrintJob
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services import post_rows
from antt_desktop.services.context import Ctx

if TYPE_CHECKING:
    from antt_desktop.printing.document import Printed, Progress

LIMIT_MM = 30.0
CALIBRATION = Document("calibration", "calibration page of blank certificates")


def _key(printer: str, axis: str) -> str:
    safe = printer.replace("/", "_").replace("\\", "_") or "default"
    return f"blank_forms/{safe}/offset_{axis}_mm"


def printer_names() -> list[str]:
    """The printers this computer knows, the default first."""
    names = list(QPrinterInfo.availablePrinterNames())
    default = QPrinterInfo.defaultPrinterName()
    return sorted(names, key=lambda n: (n != default, n))


def offsets(settings: QSettings, printer: str) -> tuple[float, float]:
    """The saved offsets of ``printer`` (0, 0 when it was never calibrated)."""

    def read(axis: str) -> float:
        try:
            value = float(str(settings.value(_key(printer, axis), 0.0)))
        except ValueError:
            return 0.0
        return max(-LIMIT_MM, min(LIMIT_MM, value))  # an edited file never moves text off

    return read("x"), read("y")


def save_offsets(settings: QSettings, printer: str, x: float, y: float) -> None:
    settings.setValue(_key(printer, "x"), round(x, 1))
    settings.setValue(_key(printer, "y"), round(y, 1))
    settings.sync()


def calibration_job(app: AppContext, x: float, y: float, printer: str) -> PrintJob:
    """The calibration page as a print job (previewed, printed and audited like others)."""
    with app.read() as ctx:
        unit_id = post_rows.this_post(ctx).id

    def render(_ctx: Ctx, o: PrintOptions, _progress: Progress | None) -> Printed:
        from antt_desktop.printing.calibration import calibration_page

        return calibration_page(o.tr, offset_x_mm=x, offset_y_mm=y, printer=printer)

    title = app.tr(N_("Calibration page of blank certificates"))
    what = "certificate calibration page"
    return PrintJob(CALIBRATION, title, "can-chinh-may-in.pdf", "unit", unit_id, what, render)


class CalibrationDialog(QDialog):
    """Offsets of one printer for blank certificates, a calibration page to check them."""

    def __init__(
        self,
        app: AppContext,
        printer: str = "",
        parent: QWidget | None = None,
        *,
        preview: Callable[[PrintJob], object] | None = None,
    ) -> None:
        """``preview(job)`` shows a print job (the calibration page) in a print preview."""
        super().__init__(parent)
        self.app = app
        self.show_job = preview
        self.settings = gui_settings(app)
        self.setObjectName("calibration_dialog")
        tr = app.tr
        self.setWindowTitle(tr(N_("Calibrate the printer for blank certificates")))
        self.printer_combo = QComboBox()
        self.printer_combo.setObjectName("printer_combo")
        self.printer_combo.setEditable(True)  # a printer not connected now can be named
        self.printer_combo.setMinimumWidth(260)
        names = printer_names()
        if printer and printer not in names:
            names.insert(0, printer)
        self.printer_combo.addItems(names)
        if printer:
            self.printer_combo.setCurrentText(printer)
        self.x_spin, self.y_spin = QDoubleSpinBox(), QDoubleSpinBox()
        for spin, name in ((self.x_spin, "offset_x_spin"), (self.y_spin, "offset_y_spin")):
            spin.setObjectName(name)
            spin.setRange(-LIMIT_MM, LIMIT_MM)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setSuffix(" mm")
        self.hint = QLabel(
            tr(
                N_(
                    "Print the calibration page on plain paper, lay it on a blank certificate"
                    " against the light and enter how far the marks miss the form's lines: to"
                    " the right and down are positive. The offsets are kept for this printer"
                    " on this computer."
                )
            )
        )
        self.hint.setWordWrap(True)
        self.page_button = QPushButton(tr(N_("Preview the &calibration page…")))
        self.page_button.setObjectName("calibration_page_button")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr(N_("&Save")))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(N_("Cancel")))
        form = QFormLayout()
        for text, widget in (
            (N_("&Printer:"), self.printer_combo),
            (N_("Move &right by:"), self.x_spin),
            (N_("Move &down by:"), self.y_spin),
        ):
            label = QLabel(tr(text))
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.page_button)
        layout.addWidget(self.buttons)
        self.printer_combo.currentTextChanged.connect(self._load)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.page_button.clicked.connect(self.preview_page)
        self.page_button.setVisible(preview is not None)
        self._load()

    @property
    def printer(self) -> str:
        return self.printer_combo.currentText().strip()

    def _load(self, *_args: object) -> None:
        x, y = offsets(self.settings, self.printer)
        self.x_spin.setValue(x)
        self.y_spin.setValue(y)

    def save(self) -> None:
        save_offsets(self.settings, self.printer, self.x_spin.value(), self.y_spin.value())
        self.accept()

    def preview_page(self) -> None:
        """The calibration page with the offsets as entered, in a print preview."""
        if self.show_job is not None:
            job = calibration_job(self.app, self.x_spin.value(), self.y_spin.value(), self.printer)
            self.show_job(job)
