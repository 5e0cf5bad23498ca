"""The editor of one catalogue entry: its code (only when new), names, and the fields of its
catalogue — a legal basis and a rubric's criteria in boxes that wrap, a cadence to choose,
numbers and yes/no as such. Where the catalogue comes from above, it opens to be read only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.i18n.messages import full_sentence, sentence
from antt_desktop.i18n.texts.catalogue_edits import CADENCE_NAMES
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.catalogue_text import catalogue_name, typed
from antt_desktop.services import catalogue_edits, catalogue_rows
from antt_desktop.services.catalogue_specs import SPECS, FieldSpec
from antt_desktop.services.context import Ctx

NEW_TITLE = N_("New entry — {catalogue}")
EDIT_TITLE = N_("Entry {code} — {catalogue}")
CRITERIA_HINT = N_("One criterion a line: code | name | maximum points | English name (if any)")
RATINGS_HINT = N_("Separated by ; e.g. Tốt; Khá; Trung bình; Yếu")


def _widget(f: FieldSpec, tr: Any) -> QWidget:
    if f.kind == "bool":
        return QCheckBox()
    if f.kind == "choice":
        combo = QComboBox()
        for value in f.choices:
            combo.addItem(tr(CADENCE_NAMES.get(value, value)), value)
        return combo
    if f.kind == "criteria" or f.name == "legal_basis":
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)  # Tab moves on, as in every other field
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lines = 6 if f.kind == "criteria" else 4
        box.setMinimumHeight(box.fontMetrics().lineSpacing() * 3)
        box.setMaximumHeight(box.fontMetrics().lineSpacing() * lines + 12)
        if f.kind == "criteria":
            box.setPlaceholderText(tr(CRITERIA_HINT))
        return box
    edit = QLineEdit()
    if f.kind == "list":
        edit.setPlaceholderText(tr(RATINGS_HINT))
    return edit


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def _set(widget: QWidget, f: FieldSpec, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value), 0))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(typed(f, value))
    elif isinstance(widget, QLineEdit):
        widget.setText(typed(f, value))


class EntryDialog(RecordDialog):
    """Add an entry to catalogue ``key`` (``code`` None) or change entry ``code``."""

    def __init__(
        self, app: AppContext, key: str, code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, parent)
        self.setObjectName("catalogue_entry")
        self.key, self.code = key, code
        spec = SPECS[key]
        with app.read() as ctx:
            row = catalogue_rows.entry(ctx, key, code) if code else None
            record = catalogue_edits.entry_record(ctx, key, code) if code else None
            if record is not None:
                self.guard(ctx, *record)
            self.may_edit = catalogue_rows.rights(ctx).may_edit
            refusal = catalogue_edits.issuer_problems(ctx)
        widgets: list[tuple[str, QWidget]] = []
        if code is None:
            widgets.append(("code", QLineEdit()))
        widgets += [(f.name, _widget(f, app.tr)) for f in spec.fields]
        catalogue = catalogue_name(key, app.tr)
        title = app.tr(EDIT_TITLE if code else NEW_TITLE).format(code=code, catalogue=catalogue)
        self.lay_out(title, widgets)
        self.original: dict[str, Any] = {}
        for f in spec.fields:
            _set(self.widgets[f.name], f, row.values[f.name] if row else None)
        if row is None and "due_day" in self.widgets:  # the usual values of a new category
            _set(self.widgets["due_day"], spec.field("due_day"), 5)
            _set(self.widgets["retention_years"], spec.field("retention_years"), 5)
        self.original = self._values()
        self.dirty = False
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("read_only_note")
        self.layout().insertWidget(0, self.note)  # type: ignore[union-attr]
        said = sentence(refusal[0].code, refusal[0].params, app.tr) if refusal else ""
        self.note.setText(full_sentence(said))
        self.note.setVisible(not self.may_edit)
        if not self.may_edit:
            for widget in self.widgets.values():
                if isinstance(widget, QPlainTextEdit | QLineEdit):
                    widget.setReadOnly(True)  # read in black, and selectable to copy
                else:
                    widget.setEnabled(False)
            if self.save_button is not None:
                self.save_button.setEnabled(False)
        # a category's name and legal basis read whole on a 1024-pixel screen
        self.resize(max(self.sizeHint().width(), 900), self.sizeHint().height())

    def _values(self) -> dict[str, Any]:
        return {name: _value(w) for name, w in self.widgets.items()}

    def changes(self) -> dict[str, Any]:
        """What the officer changed, in the service's words."""
        return {k: v for k, v in self._values().items() if v != self.original.get(k)}

    def check(self) -> list[Problem]:
        if not self.may_edit:
            return []
        with self.app.read() as ctx:
            if self.code is None:
                return catalogue_edits.check_add_entry(ctx, self.key, self._values())
            return catalogue_edits.check_edit_entry(ctx, self.key, self.code, self.changes())

    def write(self, ctx: Ctx) -> Any:
        if self.code is None:
            return catalogue_edits.add_entry(ctx, self.key, self._values())
        return catalogue_edits.edit_entry(ctx, self.key, self.code, self.changes())
