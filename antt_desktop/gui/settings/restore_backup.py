"""Cài đặt > Phục hồi từ bản sao lưu: the same checks as ``antt restore``, in the window.

The chief types the password of the account logged in (a login to this post, checked before
a byte of the backup is read); the backup's header says whose it is, and the chief confirms
replacing the data — naming both units when the backup is another unit's. The backup is
then unpacked and checked (its seal, its pages, its unit from inside) while the window still
works on the current data; only then are the open editors settled, the database closed, the
backup swapped in, and the window closes so the officers log in to the restored data.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.worker import OperationCancelled, Progress, run_operation
from antt_desktop.gui.printing.render import failure_text
from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import N_
from antt_desktop.security.backups import (
    SUFFIX,
    BackupInfo,
    Restored,
    Staged,
    backup_info,
    made_at,
    other_unit,
    record_refusal,
    staged_backup,
    swap_in,
)
from antt_desktop.security.login import verify
from antt_desktop.security.roles import Role
from antt_desktop.services.context import Permission, check
from antt_desktop.store.backup import PostIdentity, post_identity
from antt_desktop.store.errors import KnownError

if TYPE_CHECKING:
    from antt_desktop.gui.common.context import AppContext

RESTORE_BUTTON = N_("&Restore from a backup…")
TITLE = N_("Restore from a backup")
ASK_PASSWORD = N_(
    "Restoring replaces all the data of this post. Type the password of {user} to go on:"
)
CONFIRM_SAME = N_(
    "Replace all the data of {this_name} ({this_code}) with the backup made at {made}?"
    "\n\nWhat was entered since then is no longer shown; the current data is kept as a"
    " safety copy in the data folder. The window then closes and everyone logs in again."
)
CONFIRM_OTHER = N_(
    "This backup is of ANOTHER unit: {backup_name} ({backup_code}), made at {made}."
    "\n\nReplace all the data of this post, {this_name} ({this_code}), with the data of"
    " {backup_name} ({backup_code})? The current data is kept as a safety copy in the data"
    " folder. The window then closes and everyone logs in again with the backup's accounts."
)
RESTORE = N_("&Restore the backup")
REPLACE_UNIT = N_("Replace with {backup_name}")
RESTORED = N_(
    "Restored {name} ({code}) from the backup made at {made}. The previous data was kept as"
    " {kept}. Log in again."
)


def ask_password(parent: QWidget, title: str, label: str) -> str | None:
    """The password typed (hidden), None when the officer cancels."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def inform(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget, title: str, text: str, yes: str) -> bool:
    """Whether the officer presses ``yes``; the safe button (Hủy) is the default."""
    question, _sep, detail = text.partition("\n\n")
    box = QMessageBox(QMessageBox.Icon.Warning, title, question, parent=parent)
    box.setInformativeText(detail)
    # lines of a readable width (a message box sizes its long text from the screen, and
    # left it cut on a netbook)
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 30em; }")
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    return box.clickedButton() is go


class BackupRestorer:
    """One restore from the settings page; ``show`` puts a message under the backup buttons."""

    def __init__(self, parent: QWidget, app: AppContext, show: Callable[[str], None]) -> None:
        self.parent, self.app, self.show = parent, app, show
        self.tr = app.tr
        self.restored: Restored | None = None
        self._key: bytes | None = None  # this post's, from the password typed

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.parent,
            self.tr(TITLE),
            str(self.app.db.path.parent / "backups"),
            self.tr(N_("ANTT Desktop backups (*{suffix})")).format(suffix=SUFFIX),
        )
        if path:
            self.restore(Path(path))

    def _refuse(self, exc: KnownError | ValidationFailed, path: Path | None = None) -> None:
        """Show the refusal; one of the backup ``path`` is recorded in this post's log."""
        self.show(failure_text(exc, self.app))
        if path is not None and isinstance(exc, KnownError):
            record_refusal(self.app.db, self.app.actor.username, path, exc)

    def restore(self, path: Path) -> bool:
        """Restore ``path`` after the password and the confirmation (False: refused or
        cancelled; the refusal is shown)."""
        app, tr = self.app, self.tr
        try:
            check(app.actor, Permission.RESTORE)
        except ValidationFailed as exc:
            self._refuse(exc)
            return False
        if app.db.url is not None:  # a server's post: into a new database, by command
            from antt_desktop.security.server_backups import RestoreFromCommandLine

            self._refuse(RestoreFromCommandLine())
            return False
        user = app.actor.username
        password = ask_password(self.parent, tr(TITLE), tr(ASK_PASSWORD).format(user=user))
        if not password:
            return False
        try:
            ring = verify(app.db.path, user, password)  # a login to this post, its counters
            here = post_identity(app.db.path, ring.db_key)
        except KnownError as exc:
            self._refuse(exc)
            return False
        self._key = ring.db_key
        try:
            info = backup_info(path)  # only now is the backup read: its header
        except KnownError as exc:
            self._refuse(exc, path)
            return False
        if info.unit_code != here.unit_code and app.actor.role != Role.CHIEF:
            claimed = PostIdentity(info.unit_code, info.unit_name, "")
            self._refuse(other_unit(path, claimed, here), path)
            return False
        if not confirm(self.parent, tr(TITLE), self._question(info, here), self._yes(info, here)):
            return False
        settle = getattr(self.parent.window(), "settle_editors", None)

        def then() -> None:
            self._stage_and_swap(path, password, here)

        if callable(settle):
            settle(then)  # at once when no editor holds unsaved changes
        else:
            then()
        return True

    def _question(self, info: BackupInfo, here: PostIdentity) -> str:
        values = {
            "made": made_at(info),
            "this_name": here.unit_name,
            "this_code": here.unit_code,
            "backup_name": info.unit_name or info.unit_code,
            "backup_code": info.unit_code,
        }
        same = info.unit_code == here.unit_code
        return self.tr(CONFIRM_SAME if same else CONFIRM_OTHER).format(**values)

    def _yes(self, info: BackupInfo, here: PostIdentity) -> str:
        if info.unit_code == here.unit_code:
            return self.tr(RESTORE)
        return self.tr(REPLACE_UNIT).format(backup_name=info.unit_name or info.unit_code)

    def _stage_and_swap(self, path: Path, password: str, here: PostIdentity) -> None:
        with ExitStack() as stack:
            try:
                staged: Staged = run_operation(
                    self.parent,
                    self.tr(TITLE),
                    lambda progress: self._stage(stack, progress, path, password, here),
                    cancellable=False,
                    app=self.app,
                )
            except OperationCancelled:
                return
            except KnownError as exc:
                self._refuse(exc, path)
                return
            self._swap_and_leave(staged, here)

    def _stage(
        self, stack: ExitStack, progress: Progress, path: Path, password: str, here: PostIdentity
    ) -> Staged:
        progress(self.tr(N_("Checking the backup…")), 0, 1)
        return stack.enter_context(
            staged_backup(
                path,
                self.app.db.path.parent,
                self.app.actor.username,
                password,
                expect=here,
                replace_unit=True,  # confirmed above, naming both units when they differ
            )
        )

    def _swap_and_leave(self, staged: Staged, here: PostIdentity) -> None:
        """Close the database, swap the backup in, say so, and close the window: the login
        is asked again, over the restored data (its accounts and passwords)."""
        app, tr = self.app, self.tr
        window = self.parent.window()
        app.db.close()
        try:
            done = swap_in(
                app.db.path,
                staged,
                actor=app.actor.username,
                replacing=here,
                current_key=self._key,
            )
        except KnownError as exc:
            text = sentence(exc.code, exc.params, tr)
        except OSError as exc:
            text = tr(N_("The backup could not be restored: {reason}")).format(reason=exc)
        else:
            text = tr(RESTORED).format(
                name=done.post.unit_name,
                code=done.post.unit_code,
                made=made_at(done.info),
                kept=done.kept,
            )
            self.restored = done
        self.show(text)
        inform(window, tr(TITLE), text)
        if hasattr(window, "logged_out"):
            window.logged_out = True
        window.close()
