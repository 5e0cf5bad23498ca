"""The pieces editors are built of: each problem shown beside its field (errors in red,
warnings in amber, always with a sign and a sentence, never colour alone), the debounce
timer, the unsaved-changes question, and mnemonics. The editor dialog itself, which puts
them together, is :class:`~antt_desktop.gui.common.records_editor.RecordDialog`.

Generic: it knows nothing of persons or dossiers, only of field names (the ones services put
in :class:`~antt_desktop.domain.errors.Problem`) and the widgets that edit them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from antt_desktop.domain.errors import Problem
from antt_desktop.i18n.messages import describe, field_label, sentence
from antt_desktop.i18n.translator import N_, Translator

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5300"
VALIDATE_DELAY_MS = 250

SAVE_QUESTION = N_("Save changes?")
SAVE_DETAIL = N_("You have changed this record. Save the changes before closing?")
SAVE = N_("&Save")
DISCARD = N_("&Discard changes")
GO_BACK = N_("Go &back")


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    BACK = "back"


def ask(box: QMessageBox, back: QPushButton) -> QAbstractButton | None:
    """Show the question ``box`` until answered (``back``, the safe answer, on Enter and Esc);
    the button pressed."""
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return clicked


def ask_save_changes(parent: QWidget, tr: Translator) -> Answer:
    """Ask "Lưu thay đổi?" with Lưu / Bỏ thay đổi / Quay lại (Quay lại is the default)."""
    box = QMessageBox(parent)
    box.setObjectName("save_changes_question")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr(SAVE_QUESTION))
    box.setText(tr(SAVE_QUESTION))
    box.setInformativeText(tr(SAVE_DETAIL))
    save = box.addButton(tr(SAVE), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr(DISCARD), QMessageBox.ButtonRole.DestructiveRole)
    clicked = ask(box, box.addButton(tr(GO_BACK), QMessageBox.ButtonRole.RejectRole))
    if clicked is save:
        return Answer.SAVE
    if clicked is discard:
        return Answer.DISCARD
    return Answer.BACK


def with_mnemonic(text: str, used: set[str]) -> str:
    """``text`` with ``&`` before a letter not in ``used`` (word starts preferred; plain
    ASCII letters only, so the key can be typed on any keyboard). ``used`` is updated."""
    if "&" in text:
        return text
    candidates = [i for i, ch in enumerate(text) if i == 0 or text[i - 1] == " "]
    candidates += [i for i in range(len(text)) if i not in candidates]
    for i in candidates:
        ch = text[i].lower()
        if ch.isascii() and ch.isalpha() and ch not in used:
            used.add(ch)
            return f"{text[:i]}&{text[i:]}"
    return text


def mnemonic_of(text: str) -> str:
    """The mnemonic letter of ``text`` (``&Lưu`` → ``l``; empty when it has none)."""
    at = text.find("&")
    return text[at + 1].lower() if 0 <= at < len(text) - 1 else ""


def widget_value(widget: QWidget) -> Any:
    """The value of an input widget as a service takes it (text, combo data, flag)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentData()
    if isinstance(widget, QCheckBox):
        if widget.isTristate() and widget.checkState() == Qt.CheckState.PartiallyChecked:
            return None
        return widget.isChecked()
    raise TypeError(f"no value for {type(widget).__name__}")


class FieldProblems(QObject):
    """A message line under each field of a form, and one general line for the rest.

    ``attach`` inserts a hidden row below the field's row in its :class:`QFormLayout`;
    ``show`` fills the rows of the fields named by the problems and hides the others.
    """

    def __init__(self, tr: Translator, general: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.translator = tr
        self.general = general
        self.general.setWordWrap(True)
        self.general.hide()
        self._rows: dict[str, tuple[QFormLayout, QLabel, QWidget]] = {}

    def attach(
        self, form: QFormLayout, field: str, widget: QWidget, row_layout: QLayout | None = None
    ) -> QLabel:
        """Add the message row of ``field`` under ``widget``'s row (or under the row of
        ``row_layout``, when the widget sits in a layout nested in the form)."""
        position: Any = (
            form.getLayoutPosition(row_layout)
            if row_layout is not None
            else form.getWidgetPosition(widget)
        )
        row = int(position[0])
        label = QLabel()
        label.setObjectName(f"{field}_problem")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        form.insertRow(row + 1, "", label)
        form.setRowVisible(label, False)
        self._rows[field] = (form, label, widget)
        return label

    def label(self, field: str) -> QLabel | None:
        entry = self._rows.get(field)
        return entry[1] if entry else None

    def show(self, problems: Iterable[Problem], only: Iterable[str] | None = None) -> None:
        """Show ``problems`` (those of the fields in ``only``, when given)."""
        shown = None if only is None else set(only)
        by_field: dict[str, list[Problem]] = {}
        general: list[Problem] = []
        for p in problems:
            if shown is not None and p.field not in shown:
                continue
            (by_field.setdefault(p.field, []) if p.field in self._rows else general).append(p)
        for field, (form, label, widget) in self._rows.items():
            items = by_field.get(field, [])
            form.setRowVisible(label, bool(items))
            label.setText(self._lines(items, with_field=False))
            label.setStyleSheet(self._style(items))
            widget.setToolTip(label.text())
            widget.setProperty("problem", "error" if self._has_error(items) else "")
        self.general.setText(self._lines(general, with_field=True))
        self.general.setStyleSheet(self._style(general))
        self.general.setVisible(bool(general))

    def _lines(self, items: list[Problem], *, with_field: bool) -> str:
        lines = []
        for p in items:
            mark = "✖" if p.is_error else "⚠"
            text = (
                describe(p, self.translator)
                if with_field
                else sentence(p.code, p.params, self.translator)
            )
            lines.append(f"{mark} {text}")
        return "\n".join(lines)

    @staticmethod
    def _has_error(items: list[Problem]) -> bool:
        return any(p.is_error for p in items)

    def _style(self, items: list[Problem]) -> str:
        colour = ERROR_COLOUR if self._has_error(items) else WARNING_COLOUR
        return f"color: {colour};"


def label_fields(tr: Translator, labels: Mapping[str, QLabel], extra: Iterable[str] = ()) -> None:
    """Give each label its field's translated name with a mnemonic (``extra``: letters
    already taken by the dialog's buttons)."""
    used = {ch.lower() for ch in extra}
    for field, label in labels.items():
        label.setText(with_mnemonic(field_label(field, tr), used))


def debounced(parent: QObject, slot: Callable[[], None], delay_ms: int) -> QTimer:
    """A single-shot timer calling ``slot`` ``delay_ms`` after the last ``start()``."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(slot)
    return timer
