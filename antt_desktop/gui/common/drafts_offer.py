"""After a crash or a power cut: at the next login of the same account, the drafts it left
are offered back, each with Khôi phục (the same editor opens again, for the same record,
with the text typed in) or Bỏ bản nháp. When the record is gone, or the account may no
longer edit it, the officer is told so and may copy the text before discarding it.
"""

from __future__ import annotations

import importlib
import logging
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.translator import N_
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import drafts
from antt_desktop.services.drafts import DraftRow
from antt_desktop.store.errors import KnownError

log = logging.getLogger(__name__)

TITLE = N_("Texts kept from last time")
INTRO = N_(
    "ANTT Desktop was not closed properly last time. What you were typing was kept; "
    "restore it to go on, or discard it."
)
SAVED_AT = N_("kept at {time} on {date}")
RESTORE = N_("&Restore")
DISCARD = N_("Discard the draft")
COPY = N_("Copy the text")
LATER = N_("Decide later")
GONE = N_(
    "This record can no longer be opened (it was removed, or your account may no longer "
    "edit it). Copy the text to keep it somewhere else, then discard the draft."
)
COPIED = N_("The text is copied: paste it where you need it (Ctrl+V).")


class DraftUnavailable(Exception):
    """The editor of a draft cannot be opened again (the record is gone, no permission)."""


def open_draft(app: AppContext, parent: QWidget, row: DraftRow) -> RecordDialog:
    """The editor of ``row`` opened again for its record, with the kept texts typed in
    (shown; the draft stays until the editor is saved or discarded).

    Raises:
        DraftUnavailable: the editor or the record no longer exists, or the account may no
            longer edit it.
    """
    module, _, name = row.editor.partition(":")
    try:
        cls = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise DraftUnavailable(row.editor) from exc
    if not (isinstance(cls, type) and issubclass(cls, RecordDialog)):
        raise DraftUnavailable(row.editor)
    try:
        editor = cls(app, **row.opened_with, parent=parent)
    except (KnownError, ValidationFailed, TypeError) as exc:
        raise DraftUnavailable(str(exc)) from exc
    try:
        editor.check()
    except PermissionDenied as exc:
        editor.deleteLater()
        raise DraftUnavailable(str(exc)) from exc
    except (KnownError, ValidationFailed):
        pass  # shown under the fields as usual
    editor.adopt_draft(row.id, row.label, row.fields)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.open()
    return editor


class DraftsOffer(QDialog):
    """The account's drafts, each with its label, when it was kept, and what to do with it."""

    def __init__(self, app: AppContext, rows: list[DraftRow], parent: QWidget) -> None:
        super().__init__(parent)
        self.app = app
        self.rows = {row.id: row for row in rows}
        self.opened: dict[str, RecordDialog] = {}
        self.setObjectName("drafts_offer")
        tr = app.tr
        self.setWindowTitle(tr(TITLE))
        layout = QVBoxLayout(self)
        intro = QLabel(tr(INTRO))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        holder = QWidget()
        self.grid = QGridLayout(holder)
        self.grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.notes: dict[str, QLabel] = {}
        self.buttons: dict[str, dict[str, QPushButton]] = {}
        for number, row in enumerate(rows):
            self._add_row(number, row)
        box = QDialogButtonBox()
        later = box.addButton(tr(LATER), QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("later")
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.setMinimumWidth(620)

    def _add_row(self, number: int, row: DraftRow) -> None:
        tr = self.app.tr
        when = tr(SAVED_AT).format(
            time=row.saved_at.strftime("%H:%M"), date=fmt_date(row.saved_at.date(), tr)
        )
        label = QLabel(f"<b>{escape(row.label)}</b><br>{escape(when)}")
        label.setWordWrap(True)
        note = QLabel()
        note.setWordWrap(True)
        note.hide()
        self.notes[row.id] = note
        buttons = {
            "restore": QPushButton(tr(RESTORE)),
            "copy": QPushButton(tr(COPY)),
            "discard": QPushButton(tr(DISCARD)),
        }
        buttons["copy"].hide()  # offered when the record cannot be opened
        buttons["restore"].clicked.connect(lambda _c=False, i=row.id: self.restore(i))
        buttons["copy"].clicked.connect(lambda _c=False, i=row.id: self.copy(i))
        buttons["discard"].clicked.connect(lambda _c=False, i=row.id: self.discard(i))
        self.buttons[row.id] = buttons
        line = number * 2
        self.grid.addWidget(label, line, 0)
        for column, key in enumerate(("restore", "copy", "discard"), start=1):
            self.grid.addWidget(buttons[key], line, column)
        self.grid.addWidget(note, line + 1, 0, 1, 4)

    def restore(self, draft_id: str) -> RecordDialog | None:
        """Khôi phục: the editor opens with the text; when it cannot, say why."""
        row = self.rows[draft_id]
        try:
            editor = open_draft(self.app, self.parentWidget() or self, row)
        except DraftUnavailable as exc:
            log.info("draft %s cannot be restored: %s", draft_id, exc)
            self._tell(draft_id, self.app.tr(GONE))
            self.buttons[draft_id]["restore"].setEnabled(False)
            self.buttons[draft_id]["copy"].show()
            return None
        self.opened[draft_id] = editor
        self._done_with(draft_id)
        return editor

    def copy(self, draft_id: str) -> None:
        """Chép chữ: every text of the draft on the clipboard."""
        row = self.rows[draft_id]
        text = "\n\n".join(t for t in row.fields.values() if t.strip())
        clipboard = QApplication.clipboard()
        clipboard.setText(text)
        self._tell(draft_id, self.app.tr(COPIED))

    def discard(self, draft_id: str) -> None:
        """Bỏ bản nháp: the draft is removed for good."""
        try:
            drafts.forget(self.app.db, self.app.actor, draft_id)
        except KnownError as exc:
            log.warning("draft not removed: %s", exc)
            return
        self._done_with(draft_id)

    def _tell(self, draft_id: str, text: str) -> None:
        note = self.notes[draft_id]
        note.setText(text)
        note.show()

    def _done_with(self, draft_id: str) -> None:
        for button in self.buttons[draft_id].values():
            button.setEnabled(False)
        if all(
            not b["restore"].isEnabled() and not b["discard"].isEnabled()
            for b in self.buttons.values()
        ):
            self.accept()


def offer_drafts(app: AppContext, parent: QWidget) -> DraftsOffer | None:
    """Offer the account's drafts back (shown, not blocking); None when it has none."""
    try:
        rows = drafts.mine(app.db, app.actor)
    except KnownError as exc:
        log.warning("drafts not read: %s", exc)
        return None
    if not rows:
        return None
    dialog = DraftsOffer(app, rows, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
