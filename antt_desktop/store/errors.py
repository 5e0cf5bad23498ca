"""Errors the environment causes (locked, too new, missing): calm messages, not bug reports."""

from __future__ import annotations


class KnownError(Exception):
    """An expected failure with a message code the i18n layer can phrase for the officer."""

    code = "error.unknown"
    exit_code = 1

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(f"{self.code} {params}")


class DatabaseLocked(KnownError):
    code = "db.locked"
    exit_code = 5


class DatabaseTooNew(KnownError):
    code = "db.too_new"
    exit_code = 1


class DatabaseMissing(KnownError):
    code = "db.missing"
    exit_code = 1


class DatabaseNotInitialised(KnownError):
    code = "db.not_initialised"
    exit_code = 1


class EncryptionUnavailable(KnownError):
    code = "db.encryption_unavailable"
    exit_code = 1


class DatabaseUnreadable(KnownError):
    """The file does not open with the key given (or is not a database at all)."""

    code = "db.unreadable"
    exit_code = 5


class NotFound(KnownError):
    """A record named by id or code does not exist (exit 3: invalid input)."""

    code = "record.not_found"
    exit_code = 3
