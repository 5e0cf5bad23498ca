"""What every window and page of the application is given (no global main window)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject, Signal

from antt_desktop.i18n.translator import Translator
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.roles import Permission, allows
from antt_desktop.services.changes import Changes
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store.database import Database


class ChangeBus(QObject):
    """Tells the views what a finished change touched, so each refreshes only that.

    ``changed`` carries a :class:`~antt_desktop.services.changes.Changes`: the rows the write
    transaction wrote, recorded by the store as it flushed (every :meth:`AppContext.write`
    announces its own; a long operation names what it touched).
    """

    changed = Signal(object)
    language_changed = Signal()


@dataclass
class AppContext:
    """The open post database, who is working, the language, and the change bus.

    ``keys`` is the unlocked post's key ring (accounts and backups need it; None in views
    opened over a database no one logged in to, as some tests do).
    """

    db: Database
    actor: Actor
    tr: Translator
    changes: ChangeBus = field(default_factory=ChangeBus)
    today: Callable[[], date] = date.today
    keys: KeyRing | None = None

    def may(self, permission: Permission) -> bool:
        """Whether the account may do ``permission`` (to grey out what it may not; the
        services check again)."""
        return allows(self.actor.role, permission)

    @contextmanager
    def write(self) -> Iterator[Ctx]:
        """One change through the services: one transaction, committed at the end, then
        announced on the change bus with the rows it wrote (nothing when it was refused)."""
        with self.db.write() as session:
            yield Ctx(session, self.actor, self.today())
        written = Changes.of(session)
        if written:
            self.changes.changed.emit(written)

    @contextmanager
    def read(self) -> Iterator[Ctx]:
        """A read; what it records (a view of a sensitive record) is appended after it."""
        with self.db.read() as session:
            ctx = Ctx(session, self.actor, self.today(), deferred_audit=[])
            yield ctx
        if ctx.deferred_audit:
            with self.db.journal() as session:
                ctx.flush_deferred_audit(session)
