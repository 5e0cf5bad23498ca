"""Before the program closes (or the officer logs out): one question for every editor with
changes not saved yet, naming each record — Lưu tất cả / Không lưu / Quay lại. Quay lại
leaves every editor as it was, with what was typed; nothing closes.

The question does not block (it is opened, and answered by a slot), so the window's close
event can be refused at once and done again once the officer has answered.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import GO_BACK
from antt_desktop.gui.common.records_editor import RecordDialog, inform
from antt_desktop.i18n.translator import N_

QUESTION = N_("Save the changes before closing?")
DETAIL = N_("These windows have changes that are not saved yet:")
SAVE_ALL = N_("&Save all")
DONT_SAVE = N_("&Don't save")
NOT_ALL_SAVED = N_(
    "Not saved: {names}. The problems are shown in its window; correct them and save, "
    "or close again and choose Don't save."
)
NOT_ALL_SAVED_TITLE = N_("Not everything was saved")


def open_editors(root: QWidget, app: AppContext) -> list[RecordDialog]:
    """The editors open over ``app``'s post: those inside ``root`` (opened from its pages
    and record windows) and any other open window that is one."""
    found: list[RecordDialog] = []
    candidates = [*root.findChildren(RecordDialog), *QApplication.topLevelWidgets()]
    for widget in candidates:
        if (
            isinstance(widget, RecordDialog)
            and widget.app is app
            and widget.isVisible()
            and widget not in found
        ):
            found.append(widget)
    return found


def unsaved_editors(root: QWidget, app: AppContext) -> list[RecordDialog]:
    """The open editors with changes (an editor with none does not count)."""
    return [e for e in open_editors(root, app) if e.is_dirty()]


def keep_drafts(root: QWidget, app: AppContext) -> int:
    """Keep the texts of every open editor as drafts now; how many were written."""
    return sum(1 for editor in open_editors(root, app) if editor.keep_draft())


class LeaveQuestion(QMessageBox):
    """The one question for all unsaved editors; ``then`` runs when the officer saved or
    discarded them all (never after Quay lại, nor when one could not be saved)."""

    def __init__(
        self, root: QWidget, app: AppContext, editors: list[RecordDialog], then: Callable[[], None]
    ) -> None:
        super().__init__(root)
        tr = app.tr
        self.app = app
        self.editors = editors
        self.then = then
        self.setObjectName("leave_question")
        # room for a record's name on one line (the box is as narrow as its buttons else)
        self.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 30em; }")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(tr(QUESTION))
        self.setText(tr(QUESTION))
        self.setInformativeText(
            tr(DETAIL) + "\n" + "\n".join(f"• {e.draft_label()}" for e in editors)
        )
        self.save_all = self.addButton(tr(SAVE_ALL), QMessageBox.ButtonRole.AcceptRole)
        self.dont_save = self.addButton(tr(DONT_SAVE), QMessageBox.ButtonRole.DestructiveRole)
        self.go_back = self.addButton(tr(GO_BACK), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.go_back)
        self.setEscapeButton(self.go_back)
        # above every editor (they may be modal to the main window themselves)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.buttonClicked.connect(self._answered)
        self.finished.connect(self.deleteLater)

    def labels(self) -> list[str]:
        return [e.draft_label() for e in self.editors]

    def _answered(self, button: QAbstractButton) -> None:
        live = [e for e in self.editors if shiboken6.isValid(e) and e.isVisible()]
        if button is self.save_all:
            refused = [e for e in live if not (e.can_save() and e.save())]
            for editor in live:
                if editor not in refused:
                    editor.accept()
            if refused:
                refused[0].raise_()
                refused[0].activateWindow()
                names = ", ".join(e.draft_label() for e in refused)
                tr = self.app.tr
                parent = refused[0]
                inform(parent, tr(NOT_ALL_SAVED_TITLE), tr(NOT_ALL_SAVED).format(names=names))
                return
        elif button is self.dont_save:
            for editor in live:
                editor.discard_changes()
        else:
            return  # Quay lại: everything stays as it was
        self.then()


def settle_editors(
    root: QWidget, app: AppContext, then: Callable[[], None]
) -> LeaveQuestion | None:
    """Run ``then`` at once when no editor has unsaved changes; otherwise ask the one
    question (returned, already shown) and run ``then`` after Lưu tất cả or Không lưu."""
    editors = unsaved_editors(root, app)
    if not editors:
        then()
        return None
    question = LeaveQuestion(root, app, editors, then)
    question.show()
    return question
