"""Bản nháp: every few seconds, the long texts of an open editor (assessments, notes,
commitments, violations, narratives — every multi-line text field it has) are kept in the
encrypted database, only when they changed, so a crash or a power cut loses at most those
few seconds. Saving the editor, or discarding its changes, removes the draft.

Generic: the keeper knows an editor only by the few methods of :class:`Draftable`, which
every :class:`~antt_desktop.gui.common.records_editor.RecordDialog` has. A draft is kept
through :mod:`antt_desktop.services.drafts` in a small transaction of its own: no audit
entry, no sync stamp, nothing announced to the views.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.services import drafts
from antt_desktop.store.errors import KnownError

log = logging.getLogger(__name__)

#: How often an editor's texts are looked at (and kept when they changed).
DRAFT_INTERVAL_MS = 4000


class Draftable(Protocol):
    """What the keeper needs of an editor."""

    app: AppContext
    draft_id: str

    def draft_texts(self) -> dict[str, str]: ...

    def draft_label(self) -> str: ...

    def editor_name(self) -> str: ...

    def opened_with(self) -> dict[str, Any] | None: ...


TextField = QPlainTextEdit | QTextEdit


def text_fields(dialog: QWidget, named: dict[QWidget, str]) -> dict[str, TextField]:
    """The multi-line text fields of ``dialog`` the officer can type in, by a stable key: the
    field name it is watched under (``named``), else its object name, else its order."""
    found: dict[str, TextField] = {}
    edits: list[TextField] = [
        *dialog.findChildren(QPlainTextEdit),
        *dialog.findChildren(QTextEdit),
    ]
    for number, edit in enumerate(edits):
        if edit.isReadOnly():
            continue  # a history or a preview shown, not typed
        key = named.get(edit) or edit.objectName() or f"text{number}"
        found.setdefault(key, edit)
    return found


class DraftKeeper(QObject):
    """Keeps the texts of one open editor as a draft, every ``interval_ms`` while they differ
    from what the editor opened with (and from what was kept last)."""

    def __init__(self, editor: Draftable, parent: QObject, interval_ms: int) -> None:
        super().__init__(parent)
        self.editor = editor
        #: the texts the editor opened with: no draft while they are unchanged
        self.baseline = editor.draft_texts()
        self.kept: dict[str, str] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.keep_now)
        self.timer.start()

    def adopt(self, kept: dict[str, str]) -> None:
        """The editor was opened again from a draft holding ``kept``."""
        self.kept = dict(kept)

    def keep_now(self) -> bool:
        """Keep the texts if they changed since the last time; whether a draft was written."""
        texts = self.editor.draft_texts()
        if texts == (self.kept if self.kept is not None else self.baseline):
            return False
        if texts == self.baseline:
            self._remove()  # typed back to what it was: nothing to offer after a crash
            return False
        app = self.editor.app
        draft = drafts.DraftInput(
            id=self.editor.draft_id,
            editor=self.editor.editor_name(),
            label=self.editor.draft_label(),
            fields=texts,
            opened_with=self.editor.opened_with() or {},
        )
        try:
            drafts.keep(app.db, app.actor, draft)
        except (KnownError, ValidationFailed) as exc:  # busy, read-only: tried again later
            log.warning("draft not kept: %s", exc)
            return False
        self.kept = texts
        return True

    def forget(self) -> None:
        """The editor was saved or its changes discarded: its draft goes."""
        self.timer.stop()
        self._remove()

    def _remove(self) -> None:
        if self.kept is None:
            return
        app = self.editor.app
        try:
            drafts.forget(app.db, app.actor, self.editor.draft_id)
        except KnownError as exc:
            log.warning("draft not removed: %s", exc)
            return
        self.kept = None

    def stop(self) -> None:
        self.timer.stop()
