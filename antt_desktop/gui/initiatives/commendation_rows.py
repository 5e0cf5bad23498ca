"""The recipients of a commendation decision as the officer lists them: choose the kind
(a resident, a team, an initiative, an area, or a name typed in), pick or type who, then add
the row; problems of a row name its line."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLayout, QLineEdit, QStackedWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import (
    RecordPicker,
    area_choices,
    named,
    person_finder,
)
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services import commendation_rows
from antt_desktop.services.commendations import RecipientInput

#: Kinds of recipient the dialog offers, with their labels.
RECIPIENT_KINDS = (
    ("person", N_("Individual (resident)")),
    ("team", N_("Security team")),
    ("initiative", N_("Initiative")),
    ("area", N_("Residential area")),
    ("text", N_("Other (type the name)")),
)
KIND_NAMES = {**dict(RECIPIENT_KINDS), "unit": N_("Unit")}
ROW_FIELD = re.compile(r"^recipients\[(\d+)\]\.(.+)$")
PROBLEM_ROW = QColor("#fde7e7")


def row_of(problem: Problem) -> tuple[int, Problem] | None:
    """(line index, the problem about that line's own field) of a row's problem."""
    match = ROW_FIELD.match(problem.field)
    if match is None:
        return None
    return int(match[1]), dataclasses.replace(problem, field=match[2])


def row_problem_text(problem: Problem, names: list[str], tr: Translator) -> str:
    """ "Dòng 2 (Nguyễn Văn An): Thành tích: không được để trống"."""
    found = row_of(problem)
    if found is None:
        return describe(problem, tr)
    index, own = found
    name = names[index] if index < len(names) else ""
    return tr(N_("Line {line} ({name}): {problem}")).format(
        line=index + 1, name=name, problem=describe(own, tr)
    )


def _choices(combo: QComboBox, items: list[tuple[str | None, str]]) -> None:
    combo.clear()
    for ident, name in items:
        combo.addItem(name, ident)
    combo.setCurrentIndex(-1)


class RecipientChooser(QObject):
    """The widgets that choose one recipient: a picker per kind, in a stack."""

    changed = Signal()

    def __init__(
        self, app: AppContext, kind_combo: QComboBox, holder: QLayout, unit_id: str
    ) -> None:
        super().__init__(kind_combo)
        self.app = app
        self.kind_combo = kind_combo
        self.person = RecordPicker(person_finder(app, unit_id))
        self.person.setObjectName("personPicker")
        self.team = named(QComboBox(), "teamCombo")
        self.initiative = named(QComboBox(), "initiativeCombo")
        self.area = named(QComboBox(), "areaCombo")
        self.text = named(QLineEdit(), "nameEdit", maxLength=300)
        self.stack = named(QStackedWidget(), "recipientStack")
        for widget in (self.person, self.team, self.initiative, self.area, self.text):
            self.stack.addWidget(widget)
        holder.addWidget(self.stack)
        with app.read() as ctx:
            choices = commendation_rows.recipient_choices(ctx, unit_id)
        _choices(self.team, [(c.id, c.name) for c in choices.teams])
        _choices(self.initiative, [(c.id, c.name) for c in choices.initiatives])
        _choices(self.area, list(area_choices(app, unit_id)))
        for code, _label in RECIPIENT_KINDS:
            kind_combo.addItem("", code)
        kind_combo.currentIndexChanged.connect(self.stack.setCurrentIndex)
        self.person.changed.connect(self.changed)
        for combo in (self.team, self.initiative, self.area):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.text.textChanged.connect(lambda _t: self.changed.emit())

    def retranslate(self, tr: Translator) -> None:
        for i, (_code, label) in enumerate(RECIPIENT_KINDS):
            self.kind_combo.setItemText(i, tr(label))
        self.person.setPlaceholderText(tr(N_("Type a name or ID number")))
        self.text.setPlaceholderText(tr(N_("e.g. Chi đoàn thanh niên tổ dân phố số 3")))

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def chosen(self) -> tuple[str | None, str]:
        """(record id, name shown) of the recipient chosen now; ("", "") when none."""
        kind = self.kind
        if kind == "person":
            return (self.person.value, self.person.edit.text()) if self.person.value else ("", "")
        if kind == "text":
            name = " ".join(self.text.text().split())
            return (None, name) if name else ("", "")
        combo = {"team": self.team, "initiative": self.initiative, "area": self.area}[kind]
        return (combo.currentData(), combo.currentText()) if combo.currentIndex() >= 0 else ("", "")

    def clear(self) -> None:
        self.person.set_value(None)
        for combo in (self.team, self.initiative, self.area):
            combo.setCurrentIndex(-1)
        self.text.clear()


def recipient(
    kind: str, ident: str | None, name: str, achievement: str, book: str, collective: bool
) -> RecipientInput:
    """The service's input for one listed recipient (names of records come from them)."""
    return RecipientInput(
        recipient_kind=kind,
        recipient_id=ident,
        recipient_name=name if kind == "text" else None,
        collective=collective if kind == "text" else None,
        achievement=achievement or None,
        golden_book_no=book or None,
    )
