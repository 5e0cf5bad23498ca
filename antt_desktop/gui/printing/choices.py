"""What the officer fills in before printing: the document's number and symbol ("Số:
05/BC-CAX") and the name printed under the chief's signature; "Cập nhật tài liệu" makes
the document again with them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.jobs import NUMBER, SIGNER
from antt_desktop.printing.text import PrintOptions

LIMIT = 80  # a number and symbol, or a rank and a full name, is far shorter


class ChoicesBar(QWidget):
    """The line above the pages: a field for each of ``choices`` and an Update button.

    Signals:
        applied(options): the officer asked for the document with these options.
    """

    applied = Signal(object)

    def __init__(self, choices: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print_choices")
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for name in (NUMBER, SIGNER):
            if name not in choices:
                continue
            label, edit = QLabel(), QLineEdit()
            edit.setObjectName(f"{name}_edit")
            edit.setMaxLength(LIMIT)
            edit.setClearButtonEnabled(True)
            edit.setMinimumWidth(180 if name == NUMBER else 260)
            edit.returnPressed.connect(self.apply)
            label.setBuddy(edit)
            self.fields[name], self.labels[name] = edit, label
            row.addWidget(label)
            row.addWidget(edit)
        self.update_button = QPushButton()
        self.update_button.setObjectName("update_button")
        self.update_button.clicked.connect(self.apply)
        row.addWidget(self.update_button)
        row.addStretch(1)

    def retranslate(self, tr: Translator) -> None:
        texts = {
            NUMBER: (N_("Document &number:"), N_("e.g. 05/BC-CAX")),
            SIGNER: (N_("Si&gner's name:"), N_("e.g. Đại úy Hoàng Minh Tuấn")),
        }
        for name, edit in self.fields.items():
            label, hint = texts[name]
            self.labels[name].setText(tr(label))
            edit.setPlaceholderText(tr(hint))
        self.update_button.setText(tr(N_("&Update the document")))

    def options(self) -> PrintOptions:
        """The options as typed (blank fields print blank lines to fill by hand)."""

        def value(name: str) -> str | None:
            edit = self.fields.get(name)
            text = " ".join(edit.text().split()) if edit is not None else ""
            return text or None

        return PrintOptions(number=value(NUMBER), signer_name=value(SIGNER))

    def apply(self) -> None:
        self.applied.emit(self.options())

    def set_busy(self, busy: bool) -> None:
        self.update_button.setEnabled(not busy)
