"""Conflicts from the window: the list, and the chosen one side by side (the value in the
record now and the value set aside, each with the unit that wrote it) with a choice per
field. The choice is a new write that goes out with the next sync file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import named
from antt_desktop.gui.common.rows_model import ROW_ROLE
from antt_desktop.gui.sync.importing import problem_text
from antt_desktop.gui.sync.models import ConflictModel
from antt_desktop.i18n.translator import N_
from antt_desktop.store.errors import KnownError
from antt_desktop.sync import conflict_text, conflicts
from antt_desktop.sync.conflicts import ConflictView


def _side(title_name: str, value_name: str) -> tuple[QGroupBox, QLabel, QLabel]:
    box = named(QGroupBox(), title_name)
    value = named(QLabel(), value_name, wordWrap=True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = value.font()
    font.setPointSize(font.pointSize() + 2)
    value.setFont(font)
    by = QLabel(wordWrap=True)
    column = QVBoxLayout(box)
    column.addWidget(value)
    column.addWidget(by)
    column.addStretch(1)
    return box, value, by


class ConflictsPanel(QWidget):
    """The conflicts tab. ``resolved`` after a choice was saved."""

    resolved = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.model = ConflictModel(app.tr, self)
        self.view = named(QTableView(), "sync_conflicts_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = named(QLabel(), "sync_conflicts_empty", wordWrap=True)
        self.about = named(QLabel(), "sync_conflict_about", wordWrap=True)
        self.kept_box, self.kept_value, self.kept_by = _side("sync_kept_box", "sync_kept_value")
        self.other_box, self.other_value, self.other_by = _side(
            "sync_other_box", "sync_other_value"
        )
        self.keep_button = named(QPushButton(), "sync_keep")
        self.other_button = named(QPushButton(), "sync_take_other")
        self.reviewed_button = named(QPushButton(), "sync_reviewed")
        self.message = named(QLabel(), "sync_conflicts_message", wordWrap=True)
        self.protected_note = named(QLabel(), "sync_conflict_protected", wordWrap=True)
        sides = QHBoxLayout()
        sides.addWidget(self.kept_box, 1)
        sides.addWidget(self.other_box, 1)
        buttons = QHBoxLayout()
        for b in (self.keep_button, self.other_button, self.reviewed_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.about)
        detail.addLayout(sides)
        detail.addLayout(buttons)
        detail.addWidget(self.protected_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.message)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.keep_button.clicked.connect(lambda: self.choose("kept"))
        self.other_button.clicked.connect(lambda: self.choose("other"))
        self.reviewed_button.clicked.connect(lambda: self.choose("reviewed"))

    def retranslate(self) -> None:
        tr = self.app.tr
        self.model.retranslate(tr)
        self.empty.setText(
            tr(N_("No conflict is waiting: every change from the other units merged by itself."))
        )
        self.kept_box.setTitle(tr(N_("In the record now (kept for the time being)")))
        self.other_box.setTitle(tr(N_("Set aside")))
        self.keep_button.setText(tr(N_("&Keep the value in the record")))
        self.other_button.setText(tr(N_("&Use the value set aside")))
        self.reviewed_button.setText(tr(N_("&Reviewed")))
        self._show()

    def refresh(self) -> None:
        current = self.current()
        with self.app.read() as ctx:
            rows = conflicts.open_conflicts(ctx.session)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.view.setVisible(bool(rows))
        ids = [r.id for r in rows]
        row = ids.index(current.id) if current is not None and current.id in ids else 0
        if rows:
            self.view.selectRow(row)
        self._show()

    def current(self) -> ConflictView | None:
        index = self.view.currentIndex()
        found = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return found if isinstance(found, ConflictView) else None

    def _show(self) -> None:
        c, tr = self.current(), self.app.tr
        self.detail.setVisible(c is not None)
        if c is None:
            return
        self.about.setText(
            f"{c.record} — {conflict_text.table_label(c.table, tr)}:"
            f" {conflict_text.field_text(c, tr)} ({tr(conflict_text.KINDS.get(c.kind, c.kind))})"
        )
        self.kept_value.setText(conflict_text.value_text(c, c.kept_value, tr, kept=True))
        self.kept_by.setText(conflict_text.writer_text(c.kept_by, tr))
        self.other_box.setVisible(not c.reviewed_only)
        self.other_value.setText(conflict_text.value_text(c, c.other_value, tr, kept=False))
        self.other_by.setText(conflict_text.writer_text(c.other_by, tr))
        whole = c.field == conflicts.WHOLE_ROW
        self.keep_button.setVisible(not c.reviewed_only)
        self.other_button.setVisible(not c.reviewed_only)
        self.keep_button.setEnabled(not c.protected)  # no fields key: nothing to choose from
        self.other_button.setEnabled(not c.protected)
        self.protected_note.setVisible(c.protected)
        self.protected_note.setText(
            tr(
                N_(
                    "The values are protected information: an officer or the chief, whose"
                    " account holds the key, sees them and settles this conflict."
                )
            )
        )
        self.reviewed_button.setVisible(whole)

    def choose(self, choice: str) -> bool:
        """Save the choice for the current conflict; True when it was saved."""
        c, tr = self.current(), self.app.tr
        if c is None:
            return False
        try:
            with self.app.write() as ctx:
                conflicts.resolve(ctx, c.id, choice)
        except (ValidationFailed, KnownError) as exc:
            self.message.setProperty("error", True)
            self.message.setText(problem_text(exc, tr) or str(exc))
            return False
        self.message.setProperty("error", False)
        self.message.setText(
            tr(
                N_("Conflict settled for {record}; the choice goes out with the next sync file.")
            ).format(record=c.record)
        )
        self.resolved.emit()
        return True
