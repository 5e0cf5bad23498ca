"""What the officer fills in before printing: how the document is numbered ("Cấp số tự
động" from the register, "Để trống để ghi tay", or a number typed), the name printed under
the chief's signature, and for certificates the blank-form mode with the printer whose
offsets it uses and whether a too-long certificate may take two pages; "Cập nhật tài liệu"
makes the document again with them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.jobs import NUMBER, SIGNER
from antt_desktop.printing.numbering import AUTO, BLANK, TYPED, NumberChoice
from antt_desktop.printing.text import PrintOptions

LIMIT = 80  # a number and symbol, or a rank and a full name, is far shorter
MODES = {
    AUTO: N_("Next number of the register"),
    BLANK: N_("Leave blank to number by hand"),
    TYPED: N_("This number:"),
}


class ChoicesBar(QWidget):
    """The lines above the pages: a field for each of ``choices``, the certificate's
    choices when ``certificate``, and an Update button.

    Signals:
        applied(options): the officer asked for the document with these options.
        numbers_requested(): the register of numbers was asked for.
        calibrate_requested(printer): the printer's calibration was asked for.
    """

    applied = Signal(object)
    numbers_requested = Signal()
    calibrate_requested = Signal(str)

    def __init__(
        self,
        choices: tuple[str, ...],
        parent: QWidget | None = None,
        *,
        register: bool = False,
        certificate: bool = False,
        printers: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("print_choices")
        self.register = register
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        #: ``offsets_of(printer)``: the saved offsets (mm right, mm down) of a printer.
        self.offsets_of: Callable[[str], tuple[float, float]] = lambda _p: (0.0, 0.0)
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        lines.addLayout(row)
        self.mode_combo: QComboBox | None = None
        for name in (NUMBER, SIGNER):
            if name not in choices:
                continue
            label, edit = QLabel(), QLineEdit()
            edit.setObjectName(f"{name}_edit")
            edit.setMaxLength(LIMIT)
            edit.setClearButtonEnabled(True)
            edit.setMinimumWidth(120 if name == NUMBER else 200)
            edit.returnPressed.connect(self.apply)
            self.fields[name], self.labels[name] = edit, label
            row.addWidget(label)
            if name == NUMBER:
                combo = self.mode_combo = QComboBox()
                combo.setObjectName("number_mode")
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                for mode in (AUTO, BLANK, TYPED) if register else (BLANK, TYPED):
                    combo.addItem("", mode)
                combo.currentIndexChanged.connect(self._mode_changed)
                label.setBuddy(combo)
                row.addWidget(combo)
            else:
                label.setBuddy(edit)
            row.addWidget(edit)
        self.update_button = QPushButton()
        self.update_button.setObjectName("update_button")
        self.update_button.clicked.connect(self.apply)
        row.addWidget(self.update_button)
        self.numbers_button = QPushButton()
        self.numbers_button.setObjectName("numbers_button")
        self.numbers_button.setVisible(register)
        self.numbers_button.clicked.connect(self.numbers_requested)
        row.addWidget(self.numbers_button)
        row.addStretch(1)
        self.blank_check = QCheckBox()
        self.blank_check.setObjectName("blank_form_check")
        self.printer_label, self.printer_combo = QLabel(), QComboBox()
        self.printer_combo.setObjectName("blank_printer")
        self.printer_combo.setEditable(True)
        self.printer_combo.addItems(list(printers))
        self.printer_combo.setMinimumWidth(180)
        self.printer_label.setBuddy(self.printer_combo)
        self.calibrate_button = QPushButton()
        self.calibrate_button.setObjectName("calibrate_button")
        self.calibrate_button.clicked.connect(
            lambda: self.calibrate_requested.emit(self.printer_combo.currentText().strip())
        )
        self.two_pages_check = QCheckBox()
        self.two_pages_check.setObjectName("two_pages_check")
        self.certificate = certificate
        if certificate:
            second = QHBoxLayout()
            lines.addLayout(second)
            for widget in (
                self.blank_check,
                self.printer_label,
                self.printer_combo,
                self.calibrate_button,
                self.two_pages_check,
            ):
                second.addWidget(widget)
            second.addStretch(1)
            self.blank_check.toggled.connect(self._blank_changed)
            self._blank_changed()
        self._mode_changed()

    def retranslate(self, tr: Translator) -> None:
        texts = {
            NUMBER: (N_("Document &number:"), N_("e.g. 05/BC-CAX")),
            SIGNER: (N_("Si&gner's name:"), N_("e.g. Đại úy Hoàng Minh Tuấn")),
        }
        for name, edit in self.fields.items():
            label, hint = texts[name]
            self.labels[name].setText(tr(label))
            edit.setPlaceholderText(tr(hint))
        if self.mode_combo is not None:
            combo = self.mode_combo
            for i in range(combo.count()):
                combo.setItemText(i, tr(MODES[combo.itemData(i)]))
            longest = max(
                combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                for i in range(combo.count())
            )
            combo.setMinimumWidth(longest + 48)  # the text, the arrow and the frame
            combo.setToolTip(
                tr(
                    N_(
                        "The number shown is given when the document is printed or saved;"
                        " printed again, the document keeps it."
                    )
                )
            )
        self.update_button.setText(tr(N_("&Update the document")))
        self.numbers_button.setText(tr(N_("Register of &numbers…")))
        self.blank_check.setText(tr(N_("Print on pre-printed &blank certificates")))
        self.printer_label.setText(tr(N_("Printer:")))
        self.calibrate_button.setText(tr(N_("&Calibrate…")))
        self.two_pages_check.setText(tr(N_("Allow &two pages")))
        self.two_pages_check.setToolTip(
            tr(N_("A certificate too long for one page is otherwise refused, naming it"))
        )

    def _mode_changed(self, *_args: object) -> None:
        edit = self.fields.get(NUMBER)
        if edit is not None:
            edit.setEnabled(self.mode() == TYPED)

    def _blank_changed(self, *_args: object) -> None:
        on = self.blank_check.isChecked()
        for widget in (self.printer_label, self.printer_combo, self.calibrate_button):
            widget.setEnabled(on)

    def mode(self) -> str:
        if self.mode_combo is None:
            return AUTO if self.register else BLANK
        return str(self.mode_combo.currentData())

    def set_mode(self, mode: str) -> None:
        if self.mode_combo is not None:
            index = self.mode_combo.findData(mode)
            if index >= 0:
                self.mode_combo.setCurrentIndex(index)

    def choice(self) -> NumberChoice:
        """How the document is to be numbered (a typed number left empty: a blank line)."""
        edit = self.fields.get(NUMBER)
        typed = " ".join(edit.text().split()) if edit is not None else ""
        mode = self.mode()
        if mode == TYPED and not typed:
            return NumberChoice(BLANK)
        return NumberChoice(mode, typed if mode == TYPED else None)

    def options(self) -> PrintOptions:
        """The options as typed (a blank name prints a line for the pen)."""
        edit = self.fields.get(SIGNER)
        signer = " ".join(edit.text().split()) if edit is not None else ""
        blank = self.certificate and self.blank_check.isChecked()
        x, y = self.offsets_of(self.printer_combo.currentText().strip()) if blank else (0, 0)
        return PrintOptions(
            signer_name=signer or None,
            allow_two_pages=self.certificate and self.two_pages_check.isChecked(),
            blank_form=blank,
            offset_x_mm=x,
            offset_y_mm=y,
        )

    def apply(self) -> None:
        self.applied.emit(self.options())

    def set_busy(self, busy: bool) -> None:
        self.update_button.setEnabled(not busy)
