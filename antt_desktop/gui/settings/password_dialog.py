"""A new password typed twice (đổi mật khẩu): one's own, after the current one, or another
account's, set by the chief. The password rule's message shows under the field as it is
typed; Esc cancels; the service writes the new key slot."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import FieldProblems, label_fields
from antt_desktop.gui.common.worker import Progress, run_operation
from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.texts.accounts import (
    CHANGE_PASSWORD_HINT,
    CHANGE_PASSWORD_TITLE,
    OK,
    PASSWORD_CHANGED,
)
from antt_desktop.i18n.texts.keys import ROTATED, ROTATING
from antt_desktop.i18n.translator import N_
from antt_desktop.security.errors import WrongCredentials
from antt_desktop.security.login import verify
from antt_desktop.security.passwords import password_problems
from antt_desktop.services import accounts
from antt_desktop.services.changes import Changes
from antt_desktop.services.context import Ctx
from antt_desktop.store.errors import KnownError

#: ``submit(new_password)`` writes it through a service (ValidationFailed: shown).
Submit = Callable[[str], None]


def repeat_problems(new: str, repeat: str, field: str = "password_repeat") -> list[Problem]:
    return [] if new == repeat else [Problem(field, "password.repeat_differs", {})]


def tell(parent: QWidget, text: str) -> QMessageBox:
    """A short message over ``parent`` that does not block the caller (tests read it)."""
    box = QMessageBox(QMessageBox.Icon.Information, parent.windowTitle(), text, parent=parent)
    box.setObjectName("done_message")
    box.open()
    return box


class PasswordDialog(QDialog):
    """The current password (when ``ask_current``), the new one twice, and Change / Cancel."""

    def __init__(
        self,
        app: AppContext,
        username: str,
        submit: Submit,
        *,
        title: str,
        ask_current: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.app, self.username, self._submit = app, username, submit
        tr = app.tr
        self.setWindowTitle(title)
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        fields = {"new_password": self.new, "password_repeat": self.repeat}
        if ask_current:
            fields = {"current_password": self.current, **fields}
        for field, edit in (("current_password", self.current), ("new_password", self.new)):
            edit.setObjectName(field)
        self.repeat.setObjectName("password_repeat")
        layout = QVBoxLayout(self)
        if ask_current:
            hint = QLabel(tr(CHANGE_PASSWORD_HINT))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        form = QFormLayout()
        layout.addLayout(form)
        labels: dict[str, QLabel] = {}
        for field, edit in fields.items():
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMinimumWidth(280)
            labels[field] = QLabel()
            labels[field].setBuddy(edit)
            form.addRow(labels[field], edit)
        general = QLabel()
        general.setObjectName("general_problem")
        layout.addWidget(general)
        self.problems = FieldProblems(tr, general, self)
        for field, edit in fields.items():
            self.problems.attach(form, field, edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr(OK))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(N_("Cancel")))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)  # and Esc: nothing is written
        layout.addWidget(buttons)
        label_fields(tr, labels, extra="c")
        self.ask_current = ask_current
        self.new.textEdited.connect(lambda _t: self.check())
        self.repeat.textEdited.connect(lambda _t: self.check())

    def typed_problems(self) -> list[Problem]:
        new, repeat = self.new.text(), self.repeat.text()
        found = password_problems(new, self.username, "new_password") if new else []
        return found + (repeat_problems(new, repeat) if repeat else [])

    def check(self) -> list[Problem]:
        """Show what is wrong with the new password as it is typed."""
        found = self.typed_problems()
        self.problems.show(found)
        return found

    def try_save(self) -> bool:
        new = self.new.text()
        found = password_problems(new, self.username, "new_password")
        found += repeat_problems(new, self.repeat.text())
        if self.ask_current and not found:
            found = self._check_current()
        if not found:
            try:
                self._submit(new)
            except ValidationFailed as exc:
                found = [_on_new(p) for p in exc.problems]
            except KnownError as exc:
                self.problems.general.setText(sentence(exc.code, exc.params, self.app.tr))
                self.problems.general.show()
                return False
        self.problems.show(found)
        if found:
            return False
        self.accept()
        return True

    def _check_current(self) -> list[Problem]:
        """The current password, checked the way a login is (with its waits and counts)."""
        try:
            verify(self.app.db.path, self.username, self.current.text())
        except WrongCredentials:
            return [Problem("current_password", "password.wrong_current", {})]
        except KnownError as exc:  # the wait after wrong passwords, or a key file gone
            return [Problem("current_password", exc.code, exc.params)]
        return []


def _on_new(problem: Problem) -> Problem:
    """The service names the field ``password``: here it is the new password's."""
    if problem.field == "password":
        return Problem("new_password", problem.code, problem.params, problem.severity)
    return problem


def write_rotating(
    app: AppContext, parent: QWidget | None, change: Callable[[Ctx], object]
) -> None:
    """A change that rotates the data keys (docs/KEYS.md) on a worker thread, behind the
    progress dialog: the rekey rewrites the whole file (about a second on a commune post,
    twenty on a district's), so the window keeps painting; what it wrote is announced
    after, as :meth:`AppContext.write` does. Its refusal is raised here."""

    def work(_progress: Progress) -> Changes:
        with app.db.write() as session:
            change(Ctx(session, app.actor, app.today()))
        return Changes.of(session)

    written = run_operation(parent, app.tr(ROTATING), work, cancellable=False, app=app)
    if written:
        app.changes.changed.emit(written)


def change_own_password(app: AppContext, parent: QWidget | None = None) -> PasswordDialog:
    """Open "Đổi mật khẩu…" for the logged-in account; a message confirms the change."""
    keys = app.keys
    user = app.actor.username

    def submit(password: str) -> None:
        if keys is None:
            raise ValidationFailed.single("account", "user.unknown", value=user)
        write_rotating(
            app,
            parent,
            lambda ctx: accounts.set_password(ctx, keys, username=user, password=password),
        )

    dialog = PasswordDialog(
        app,
        user,
        submit,
        title=app.tr(CHANGE_PASSWORD_TITLE).format(user=user),
        ask_current=True,
        parent=parent,
    )
    # the change rotated the data keys (docs/KEYS.md): say what that means for old copies
    done = app.tr(PASSWORD_CHANGED).format(user=user) + "\n\n" + app.tr(ROTATED)
    dialog.accepted.connect(lambda: setattr(dialog, "done_box", tell(parent or dialog, done)))
    dialog.open()
    return dialog
