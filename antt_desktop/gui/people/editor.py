"""The resident editor (thêm / sửa nhân khẩu): every field of a person, checked by the
people service as the officer types, each problem shown under its field."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import SAVE, label_fields, mnemonic_of, widget_value
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.forms.ui_person_editor import Ui_PersonEditor
from antt_desktop.gui.people.cccd_dialog import CardReading
from antt_desktop.gui.people.correction_history import CorrectionHistoryDialog
from antt_desktop.gui.people.household_chooser import HouseholdChooser
from antt_desktop.gui.people.merge_dialog import MergeDialog
from antt_desktop.i18n.translator import N_
from antt_desktop.security.roles import Permission
from antt_desktop.services import people, people_rows
from antt_desktop.services.audit_events import record_view, shown_fields
from antt_desktop.services.context import Ctx
from antt_desktop.services.disclosure import SENSITIVE
from antt_desktop.services.people import PersonInput
from antt_desktop.services.values import clean_fields

#: Fields of the left column, then the right one (top to bottom: the tab order).
IDENTITY = (
    "full_name",
    "other_names",
    "born",
    "sex",
    "id_number",
    "id_override_reason",
    "legacy_id",
    "ethnic_code",
    "religion_code",
    "nationality",
    "birth_place",
)
RESIDENCE = (
    "permanent_area_id",
    "permanent_address",
    "current_area_id",
    "current_address",
    "occupation",
    "phone",
    "household_id",
    "relation_to_head",
    "notes",
)
NEW_TITLE = N_("New resident")
EDIT_TITLE = N_("Resident: {name}")
HINT = N_(
    "Full name is required. Problems appear under each field as you type; Ctrl+S saves, Esc closes."
)
DATE_HINT = N_("dd/mm/yyyy, mm/yyyy or yyyy")
REASON_HINT = N_("Needed when a value already recorded is changed, e.g. as on the ID card")
HISTORY = N_("Correction &history…")
MERGE_WITH = N_("Merge with another record…")


def clean_input(data: PersonInput) -> PersonInput:
    """The input as the people service reads it (blank → None, no spaces in numbers)."""
    data = clean_fields(data)
    numbers = {
        key: "".join(value.split()).replace(".", "")
        for key in ("id_number", "legacy_id", "phone")
        if (value := getattr(data, key))
    }
    return replace(data, **numbers, sex=data.sex.upper() if data.sex else None)


class PersonEditor(RecordDialog):
    """Add a resident (``person_id`` None) or edit one. ``saved`` carries the person's id.

    Save stays disabled while the input has errors (and for a role that may not write).
    """

    saved = Signal(str)

    def __init__(
        self, app: AppContext, person_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, parent)
        self.person_id = person_id
        self.ui = Ui_PersonEditor()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.setObjectName("person_editor")
        self.household = self._household_chooser()
        self.widgets: dict[str, QWidget] = {
            name: self.household if name == "household_id" else getattr(self.ui, name)
            for name in (*IDENTITY, *RESIDENCE)
        }
        self.labels: dict[str, QLabel] = {
            name: self.ui.household_label
            if name == "household_id"
            else getattr(self.ui, f"{name}_label")
            for name in self.widgets
        }
        self.reason = QLineEdit()
        self.reason.setObjectName("correction_reason")
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.ui.residence_form.addRow(self.reason_label, self.reason)
        self.use_buttons(
            self.ui.buttons, self.ui.general_problem, self.ui.identity_form, self.ui.residence_form
        )
        self.history_button = self.ui.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.history_button.setObjectName("correction_history_button")
        self.history_button.clicked.connect(self.show_history)
        self.merge_button = self.ui.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.setObjectName("merge_with_button")
        self.merge_button.clicked.connect(self.merge_with_another)
        self.merge_dialog: MergeDialog | None = None
        self.card_reading = CardReading(self, self, self.ui.buttons)  # Đọc thẻ CCCD, scanner
        self._original = PersonInput()
        self._unit_id: str | None = None
        self._load()
        self.reason.setVisible(person_id is not None)
        self.reason_label.setVisible(person_id is not None)
        self.history_button.setVisible(person_id is not None)
        self.merge_button.setVisible(person_id is not None and app.may(Permission.WRITE))
        for name, widget in self.widgets.items():
            self.watch(name, widget)
        self.watch("correction_reason", self.reason)
        self.retranslate()
        self.problems = self.check()
        self._enable_save()

    def _household_chooser(self) -> HouseholdChooser:
        """The household found by search, in place of the form's typed number."""
        chooser = HouseholdChooser(self.app, parent=self)
        chooser.setObjectName("household")
        self.ui.residence_form.replaceWidget(self.ui.household, chooser)
        self.ui.household.hide()
        self.ui.household.deleteLater()
        self.ui.household_label.setBuddy(chooser.edit)
        QWidget.setTabOrder(self.ui.phone, chooser.edit)
        QWidget.setTabOrder(chooser.edit, self.ui.relation_to_head)
        return chooser

    # --- filling the form ----------------------------------------------------------------
    def _load(self) -> None:
        with self.app.read() as ctx:
            form = people_rows.person_form(ctx, self.person_id)
            self.guard(ctx, "person", self.person_id)
            person = form.person
            if person is not None:
                values = {f.name: getattr(person, f.name) for f in fields(PersonInput)}
                self._original = PersonInput(**values)
                record_view(ctx, "person", person.id, shown_fields(values))
        self._unit_id = form.unit_id
        self.household.unit_id = form.unit_id
        self._fill(self.ui.ethnic_code, form.ethnic_groups)
        self._fill(self.ui.religion_code, form.religions)
        self._fill(self.ui.permanent_area_id, form.areas)
        self._fill(self.ui.current_area_id, form.areas)
        sexes = [("M", self.tr_("male")), ("F", self.tr_("female"))]
        self._fill(self.ui.sex, [(code, text.capitalize()) for code, text in sexes])
        if person is None:
            self.ui.nationality.setText("Việt Nam")
            return
        self._lock_sensitive()
        for name, widget in self.widgets.items():
            if name == "household_id":
                self.household.set_household(self._original.household_id)
            else:
                self._set(widget, getattr(self._original, name))

    def _lock_sensitive(self) -> None:
        """A role without READ_SENSITIVE got the ID number masked and the other sensitive
        fields blank (the service withholds them): it may not change them either."""
        if not self.app.may(Permission.READ_SENSITIVE):
            for name in SENSITIVE:
                if name in self.widgets:
                    self.widgets[name].setEnabled(False)

    @staticmethod
    def _fill(combo: QComboBox, items: Any) -> None:
        combo.addItem("", None)
        for code, text in items:
            combo.addItem(text, code)

    @staticmethod
    def _set(widget: QWidget, value: Any) -> None:
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)) if value else 0)
        elif hasattr(widget, "setPlainText"):
            widget.setPlainText(value or "")
        else:
            widget.setText(value or "")  # type: ignore[attr-defined]

    def retranslate(self) -> None:
        tr = self.tr_
        name = self._original.full_name or ""
        self.setWindowTitle(tr(EDIT_TITLE).format(name=name) if self.person_id else tr(NEW_TITLE))
        self.retranslate_buttons()
        label_fields(
            tr,
            {**self.labels, "correction_reason": self.reason_label},
            extra=mnemonic_of(tr(SAVE)),
        )
        self.reason.setPlaceholderText(tr(REASON_HINT))
        self.history_button.setText(tr(HISTORY))
        self.merge_button.setText(tr(MERGE_WITH))
        self.card_reading.retranslate()
        self.labels["full_name"].setText(self.labels["full_name"].text() + " *")
        self.ui.born.setPlaceholderText(tr(DATE_HINT))
        self.ui.hint_label.setText(tr(HINT))

    def fill_from_card(self, values: dict[str, str]) -> None:
        """Fill the fields a citizen ID card gives (``cccd_dialog``), then check them as
        typed data (fields this account may not change are left alone)."""
        for name, value in values.items():
            widget = self.widgets[name]
            if widget.isEnabled():
                self._set(widget, value)
                if isinstance(widget, QLineEdit):
                    widget.setCursorPosition(0)  # a long address reads from its start
                self.touch(name)
        self.validate_now()

    # --- values and validation -----------------------------------------------------------
    def show_history(self) -> CorrectionHistoryDialog | None:
        """The corrections of this person in a window of their own."""
        if self.person_id is None:
            return None
        name = self._original.full_name or ""
        dialog = CorrectionHistoryDialog(self.app, self.person_id, name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def merge_with_another(self) -> MergeDialog | None:
        """Gộp với hồ sơ khác: the merge, with this person chosen as the one kept."""
        if self.person_id is None:
            return None
        dialog = MergeDialog(self.app, self.person_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def values(self) -> dict[str, Any]:
        return {name: widget_value(w) for name, w in self.widgets.items() if name != "household_id"}

    def to_input(self, ctx: Ctx) -> PersonInput:
        """The form as a :class:`PersonInput`: the household chosen from the search, or
        the one whose number was typed (a line cleared unlinks the person)."""
        household_id = self.household.household_id()
        typed = self.household.text()
        if household_id is None and typed:
            found = people_rows.household_by_number(ctx, self._unit_id or "", typed)
            household_id = found or typed  # unknown: the service names what it refuses
        return clean_input(PersonInput(**self.values(), household_id=household_id))

    def check(self) -> list[Problem]:
        """The people service's own check of the form, in a read (it writes nothing)."""
        with self.app.read() as ctx:
            problems, _born = people.validate(ctx, self.to_input(ctx), existing_id=self.person_id)
        return problems

    def validate_now(self) -> list[Problem]:
        problems = super().validate_now()
        self._enable_save()
        return problems

    def _enable_save(self) -> None:
        assert self.save_button is not None
        may_write = self.app.may(Permission.WRITE)
        self.save_button.setEnabled(may_write and not any(p.is_error for p in self.problems))

    def can_save(self) -> bool:
        if self._timer.isActive():  # typed a moment ago: Save's state waits for this check
            self.validate_now()
        return super().can_save()

    # --- saving --------------------------------------------------------------------------
    def write(self, ctx: Ctx) -> Any:
        data = self.to_input(ctx)
        if self.person_id is None:
            return people.add_person(ctx, data)
        original = clean_input(self._original)
        changes = {
            f.name: getattr(data, f.name)
            for f in fields(PersonInput)
            if getattr(data, f.name) != getattr(original, f.name)
        }
        return people.edit_person(ctx, self.person_id, changes, reason=self.reason.text())

    def save(self) -> bool:
        if not super().save():
            return False
        self.person_id = self.result_record.person.id
        assert self.person_id is not None
        self.saved.emit(self.person_id)
        return True
