"""Refusals of the login and of the permission check (calm messages, exit code 5)."""

from __future__ import annotations

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.store.errors import KnownError


class WrongCredentials(KnownError):
    """Unknown account, wrong password or disabled account: one message for all three, so
    a stranger cannot learn which account names exist."""

    code = "auth.wrong"
    exit_code = 5


class LoginDelayed(KnownError):
    """Too many failed attempts: the next one is accepted only after ``seconds``."""

    code = "auth.delayed"
    exit_code = 5


class CredentialsMissing(KnownError):
    """No account named (no ``--user``) or no password given where none can be asked."""

    code = "auth.missing"
    exit_code = 5


class PasswordsDiffer(KnownError):
    """The new password and its repetition are not the same."""

    code = "auth.passwords_differ"
    exit_code = 3


class PermissionDenied(ValidationFailed):
    """The account's role does not allow the action (checked in the services).

    A refusal like any other (the window's editors and the command line show it with the
    other problems, and nothing is written), on the field ``account``; the command line
    exits 5 for it, as for wrong credentials.
    """

    code = "auth.forbidden"
    exit_code = 5

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__([Problem("account", self.code, params)])


class KeyFileMissing(KnownError):
    """The database exists but the key file beside it does not."""

    code = "auth.no_key_file"
    exit_code = 5


class KeyFileInvalid(KnownError):
    """The key file is damaged, too big, or of a format this version does not know."""

    code = "auth.key_file_invalid"
    exit_code = 5


class NotEncrypted(KnownError):
    """A database from before accounts existed: plain SQLite, no key file."""

    code = "auth.not_encrypted"
    exit_code = 5
