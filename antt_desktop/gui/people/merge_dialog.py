"""Gộp hồ sơ trùng: two records of one person merged into one. The officer picks the other
record (by search, or from the likely duplicates offered), sees the two side by side with
what the kept record will hold and what moves to it, then confirms."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import RecordPicker, named, person_finder
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.translator import N_
from antt_desktop.services import merge_rows, people_rows, person_merge
from antt_desktop.services.context import Ctx
from antt_desktop.store.errors import NotFound

TITLE = N_("Merge duplicate records")
INTRO = N_(
    "Two records of one person (typed twice, or received from two posts) become one. The"
    " record kept keeps its own values; its blank fields are filled from the duplicate, and"
    " every dossier, violation, household and team place of the duplicate moves to it."
)
KEPT = N_("Record kept:")
OTHER = N_("&Duplicate record:")
FIND = N_("Type a name or ID number")
SUGGESTED = N_("Likely duplicates (click one to compare):")
NO_SUGGESTION = N_("No likely duplicates of this record were found; search for the other one.")
SWAP = N_("&Keep the other record instead")
COLUMNS = (N_("Field"), N_("Record kept"), N_("Duplicate record"), N_("After merging"))
MOVES = N_("Moves to the record kept: {what}.")
NOTHING_MOVES = N_("Nothing else names the duplicate record.")
PHOTO = N_("the photo")
MERGE = N_("&Merge")
CONFIRM_TITLE = N_("Merge the two records?")
CONFIRM = N_(
    "{other} will be merged into {kept}. The duplicate is kept only as a trace; this cannot"
    " be undone."
)
SAME_ID, SAME_NAME_BORN = N_("same ID number"), N_("same name and date of birth")
MOVING = {
    "dossiers": N_("{count} management dossier(s)"),
    "violations": N_("{count} violation(s)"),
    "person_corrections": N_("{count} line(s) of correction history"),
    "dossier_transfers": N_("{count} dossier transfer step(s)"),
    "team_members": N_("{count} team membership(s)"),
    "households": N_("{count} household(s) headed"),
    "commendations": N_("{count} commendation(s)"),
}


class MergeDialog(RecordDialog):
    """Merge another record into ``person_id`` (or, swapped, ``person_id`` into it)."""

    def __init__(self, app: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.setObjectName("merge_dialog")
        self.survivor_id = person_id
        self.comparison: merge_rows.MergeComparison | None = None
        self.confirm_box: QMessageBox | None = None
        with app.read() as ctx:
            self.names = {person_id: people_rows.person_details(ctx, person_id).full_name}
            unit_id = ctx.local_unit().id
            self.suggestions = merge_rows.likely_duplicates(ctx, person_id=person_id)
        layout = QVBoxLayout(self)
        self.intro = QLabel(wordWrap=True)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.kept_label, self.kept_name = QLabel(), named(QLabel(), "keptName")
        bold = QFont(self.kept_name.font())
        bold.setBold(True)
        self.kept_name.setFont(bold)
        self.swap_button = named(QPushButton(), "swapButton")
        self.swap_button.clicked.connect(self.swap)
        self.swap_button.setEnabled(False)
        kept_row = QHBoxLayout()
        kept_row.addWidget(self.kept_name, 1)
        kept_row.addWidget(self.swap_button)
        self.form.addRow(self.kept_label, kept_row)
        self.other_label = QLabel()
        self.picker = RecordPicker(person_finder(app, unit_id), self)
        self.picker.setObjectName("otherPicker")
        self.other_label.setBuddy(self.picker.edit)
        self.form.addRow(self.other_label, self.picker)
        self.suggested_label = QLabel(wordWrap=True)
        layout.addWidget(self.suggested_label)
        self.suggested = named(QListWidget(), "suggestions")
        self.suggested.setMaximumHeight(76)
        self.suggested.itemActivated.connect(self._take_suggestion)
        self.suggested.itemClicked.connect(self._take_suggestion)
        layout.addWidget(self.suggested)
        self.table = named(QTableWidget(0, len(COLUMNS)), "comparison")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.moves = named(QLabel(), "moves", wordWrap=True)
        layout.addWidget(self.moves)
        general = named(QLabel(), "general_problem", wordWrap=True)
        layout.addWidget(general)
        self.buttons = QDialogButtonBox()
        layout.addWidget(self.buttons)
        self.use_buttons(self.buttons, general, self.form)
        self.watch("absorbed_id", self.picker)
        self.picker.changed.connect(self._compare)
        self.resize(760, 560)
        self.retranslate()
        self._compare()

    # --- what the officer sees ---------------------------------------------------------------
    def retranslate(self) -> None:
        tr = self.tr_
        self.setWindowTitle(tr(TITLE))
        self.intro.setText(tr(INTRO))
        self.kept_label.setText(tr(KEPT))
        self.other_label.setText(tr(OTHER))
        self.picker.setPlaceholderText(tr(FIND))
        self.swap_button.setText(tr(SWAP))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.suggested_label.setText(tr(SUGGESTED if self.suggestions else NO_SUGGESTION))
        self.suggested.setVisible(bool(self.suggestions))
        self.suggested.clear()
        for pair in self.suggestions:
            other_id, name = (
                (pair.second_id, pair.second_name)
                if pair.first_id == self.survivor_id
                else (pair.first_id, pair.first_name)
            )
            why = tr(SAME_ID if pair.reason == merge_rows.SAME_ID else SAME_NAME_BORN)
            born = f", {pair.born}" if pair.born else ""
            item = QListWidgetItem(f"{name} ({why}{born})")
            item.setData(256, other_id)
            self.names.setdefault(other_id, name)
            self.suggested.addItem(item)
        self.retranslate_buttons()
        if self.save_button is not None:
            self.save_button.setText(tr(MERGE))
            self.save_button.setToolTip("")
        self._compare()

    def _value(self, field: str, value: str) -> str:
        if field == "sex" and value in ("M", "F"):
            return self.tr_(N_("male") if value == "M" else N_("female"))
        return value

    def _take_suggestion(self, item: QListWidgetItem) -> None:
        ident = str(item.data(256))
        self.picker.set_value(ident, self.names.get(ident, ""))
        self.touch("absorbed_id")

    def swap(self) -> None:
        """Keep the other record, merging this one into it."""
        other = self.picker.value
        if other is None:
            return
        kept = self.survivor_id
        self.survivor_id = other
        with self.app.read() as ctx:
            for ident in (kept, other):
                self.names.setdefault(ident, people_rows.person_details(ctx, ident).full_name)
        self.picker.set_value(kept, self.names[kept])
        self.touch("absorbed_id")

    def _compare(self) -> None:
        tr = self.tr_
        self.kept_name.setText(self.names.get(self.survivor_id, ""))
        other = self.picker.value
        self.swap_button.setEnabled(other is not None)
        self.comparison = None
        if other is not None and other != self.survivor_id:
            try:
                with self.app.read() as ctx:
                    self.comparison = merge_rows.merge_comparison(ctx, self.survivor_id, other)
            except NotFound:
                self.comparison = None
        c = self.comparison
        lines = [x for x in c.lines if x.kept or x.duplicate] if c is not None else []
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            cells = (
                field_label(line.field, tr),
                self._value(line.field, line.kept),
                self._value(line.field, line.duplicate),
                self._value(line.field, line.result),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3 and line.filled:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(tr(N_("(from the duplicate)")))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if c is None or any(p.is_error for p in c.problems):
            self.moves.setText("")
            return
        what = [tr(MOVING.get(t, t + ": {count}")).format(count=n) for t, n in c.moving.items()]
        if c.photo_filled:
            what.append(tr(PHOTO))
        self.moves.setText(tr(MOVES).format(what=", ".join(what)) if what else tr(NOTHING_MOVES))

    # --- RecordDialog --------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return False  # nothing typed is lost by closing: the merge is one click

    def check(self) -> list[Problem]:
        if self.picker.value is None:
            return [Problem("absorbed_id", "required")]
        with self.app.read() as ctx:
            return person_merge.check_merge_people(ctx, self.survivor_id, self.picker.value)

    def try_save(self) -> None:
        """Merge only after the officer confirms (a question that does not block)."""
        problems = [p for p in self.validate_now() if p.is_error] if self.isVisible() else []
        if problems or not self.can_save() or self.picker.value is None:
            self._show_all = True
            self.show_problems(self.check())
            return
        tr = self.tr_
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr(CONFIRM_TITLE),
            tr(CONFIRM).format(
                other=self.names.get(self.picker.value, ""),
                kept=self.names.get(self.survivor_id, ""),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(tr(MERGE))
        box.button(QMessageBox.StandardButton.No).setText(tr(N_("Cancel")))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(self._confirmed)
        self.confirm_box = box
        box.open()

    def _confirmed(self, answer: int) -> None:
        self.confirm_box = None
        if answer == QMessageBox.StandardButton.Yes and self.save():
            self.accept()

    def write(self, ctx: Ctx) -> Any:
        assert self.picker.value is not None
        return person_merge.merge_people(ctx, self.survivor_id, self.picker.value)
