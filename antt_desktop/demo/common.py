"""Shared pieces of the demo data generator: a seeded random source and a bulk writer.

Everything random comes from :class:`Rand` instances seeded with text (``"7:3:people"``), so
the same seed gives the same rows, ids included, on every machine and Python run. Rows go
to the database through :class:`BulkWriter`: SQLAlchemy Core ``executemany`` with the sync
columns stamped by the store's one stamper (``NodeClock.stamp_new``).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from antt_desktop.store import field_crypto
from antt_desktop.store.base import SYNC_COLUMNS
from antt_desktop.store.errors import KnownError
from antt_desktop.store.stamping import NodeClock

T = TypeVar("T")

#: ``progress(stage, done, total)``; returning False asks the generator to stop.
Progress = Callable[[str, int, int], bool]

#: Namespace of the UUIDv5 ids of natural-key singletons (a pledge per household and year).

BATCH = 5000


class DemoCancelled(KnownError):
    """The officer cancelled demo data generation; the current transaction was rolled back."""

    code = "demo.cancelled"
    exit_code = 1


class DemoTargetNotEmpty(KnownError):
    """Demo data goes only into a database that holds no people yet."""

    code = "demo.not_empty"
    exit_code = 3


class Rand(random.Random):
    """``random.Random`` with the few helpers the generator needs."""

    def uid(self) -> str:
        """A reproducible random UUID (version 4 layout)."""
        return str(uuid.UUID(int=self.getrandbits(128), version=4))

    def chance(self, p: float) -> bool:
        return self.random() < p

    def weighted(self, table: Sequence[tuple[T, float]]) -> T:
        """One value of ``(value, weight)`` pairs, drawn by weight."""
        values = [v for v, _w in table]
        return self.choices(values, weights=[w for _v, w in table])[0]

    def day(self, first: date, last: date) -> date:
        """A day between ``first`` and ``last`` inclusive (``first`` if the range is empty)."""
        span = (last - first).days
        return first if span <= 0 else first + timedelta(days=self.randint(0, span))

    def digits(self, n: int) -> str:
        return "".join(self.choice("0123456789") for _ in range(n))


def lower_first(text: str) -> str:
    """A name as written inside a sentence: "Thôn Đồng Tâm" → "thôn Đồng Tâm"."""
    return text[:1].lower() + text[1:]


def scaled(count: int, factor: float, minimum: int = 1) -> int:
    """``count`` scaled by the hidden size factor, never below ``minimum``."""
    return max(minimum, round(count * factor))


class BulkWriter:
    """Inserts rows of synced tables with Core ``executemany``, stamped and counted."""

    def __init__(self, session: Session, clock: NodeClock, counts: dict[str, int]) -> None:
        self.session = session
        self.conn = session.connection()
        self.clock = clock
        self.counts = counts
        self._blanks: dict[str, dict[str, Any]] = {}

    def _blank(self, table: Table) -> dict[str, Any]:
        """Every data column with its scalar default (or None): executemany needs all keys."""
        blank = self._blanks.get(table.name)
        if blank is None:
            blank = {}
            for column in table.columns:
                if column.name in SYNC_COLUMNS:
                    continue
                default = column.default
                arg = getattr(default, "arg", None) if default is not None else None
                blank[column.name] = None if callable(arg) else arg
            blank["deleted"] = False
            self._blanks[table.name] = blank
        return blank

    def insert(self, model: Any, rows: Sequence[dict[str, Any]]) -> None:
        """Insert ``rows`` (each with its ``id``) into ``model``'s table."""
        table: Table = model.__table__
        blank = self._blank(table)
        if table.name in field_crypto.SEALED:  # sensitive values sealed, as a service does
            cipher = field_crypto.require_cipher(self.session)
            rows = [field_crypto.sealed_row(cipher, table.name, r) for r in rows]
        for start in range(0, len(rows), BATCH):
            chunk = [self.clock.stamp_new({**blank, **r}) for r in rows[start : start + BATCH]]
            if chunk:
                self.conn.execute(insert(table), chunk)
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
