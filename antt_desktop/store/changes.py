"""What one write transaction changed, collected as it flushes, for the views to refresh
only what they show (the shape of Anki's ``OpChanges``).

Every ORM flush of a write session records the table and id of each row it inserts,
updates or deletes; a bulk writer (the demo generator, the sync import at the driver level)
names what it wrote with :func:`note`. After the commit, :meth:`Changes.of` reads the
whole transaction's changes off the session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

_KEY = "antt_changes"


@dataclass(frozen=True)
class Changes:
    """Rows written, as ``(table, id)``, and tables written as a whole by a bulk path."""

    rows: frozenset[tuple[str, str]] = frozenset()
    whole_tables: frozenset[str] = frozenset()

    @classmethod
    def of(cls, session: Session) -> Changes:
        """The changes recorded on ``session`` (complete once it has committed)."""
        rows, tables = session.info.get(_KEY, (set(), set()))
        return cls(frozenset(rows), frozenset(tables))

    @property
    def tables(self) -> frozenset[str]:
        return self.whole_tables | {table for table, _id in self.rows}

    def touches(self, *tables: str) -> bool:
        """Whether any of ``tables`` changed."""
        return not self.tables.isdisjoint(tables)

    def ids(self, table: str) -> frozenset[str] | None:
        """The ids written in ``table``; None when it was written as a whole."""
        if table in self.whole_tables:
            return None
        return frozenset(ident for t, ident in self.rows if t == table)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.rows | other.rows, self.whole_tables | other.whole_tables)

    def __bool__(self) -> bool:
        return bool(self.rows or self.whole_tables)


def note(session: Session, table: str, ids: Iterable[str] | None = None) -> None:
    """Record a bulk write: the ``ids`` written in ``table``, or the table as a whole."""
    rows, tables = session.info.setdefault(_KEY, (set(), set()))
    if ids is None:
        tables.add(table)
    else:
        rows.update((table, ident) for ident in ids)


def _identity(obj: Any) -> tuple[str, str] | None:
    """(table, primary key) of a mapped row; None while its key is not known yet."""
    table = getattr(obj, "__tablename__", None)
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    ident = key[0] if key else None
    return (str(table), str(ident)) if table and ident is not None else None


def install(session_class: sessionmaker[Session] | type[Session]) -> None:
    """Record, on every flush of ``session_class``'s sessions, the rows it writes."""

    def before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
        written = [*session.new, *(o for o in session.dirty if session.is_modified(o))]
        written += list(session.deleted)
        if written:
            rows, _tables = session.info.setdefault(_KEY, (set(), set()))
            rows.update(filter(None, map(_identity, written)))

    def after_flush(session: Session, _ctx: UOWTransaction) -> None:
        # ids given by the database at insert (integer keys) are known only now
        rows, _tables = session.info.get(_KEY, (set(), set()))
        for obj in session.new:
            found = _identity(obj)
            if found:
                rows.add(found)

    event.listen(session_class, "before_flush", before_flush)
    event.listen(session_class, "after_flush", after_flush)
