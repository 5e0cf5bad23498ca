"""Shared pieces of the demo data generator: a seeded random source and a bulk writer.

Everything random comes from :class:`Rand` instances seeded with text (``"7:3:people"``), so
the same seed gives the same rows, ids included, on every machine and Python run. Rows go
to the database through :class:`BulkWriter`: one prepared ``executemany`` per batch, with
the sync columns stamped by the store's one clock (``NodeClock.next_many``).
"""

from __future__ import annotations

import json
import random
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from itertools import accumulate
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import Boolean, Connection, Engine, Table
from sqlalchemy.orm import Session

from antt_desktop.store import bulk, field_crypto, post_figures
from antt_desktop.store.base import SYNC_COLUMNS, new_id
from antt_desktop.store.database import BUSY_TIMEOUT_MS
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
    """``random.Random`` with the few helpers the generator needs.

    The helpers draw exactly what ``random.Random``'s own ``choices``/``choice`` would
    (the same numbers from the same seed), only without rebuilding a table's cumulative
    weights or a UUID object for every draw: they run hundreds of thousands of times.
    """

    def uid(self) -> str:
        """A reproducible random UUID (version 4 layout): ``str(UUID(int=..., version=4))``."""
        n = (self.getrandbits(128) & _UUID_CLEAR) | _UUID_SET
        h = f"{n:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def chance(self, p: float) -> bool:
        return self.random() < p

    def weighted(self, table: Sequence[tuple[T, float]]) -> T:
        """One value of ``(value, weight)`` pairs, drawn by weight (``choices`` by weight)."""
        key = table if isinstance(table, tuple) else None
        try:
            cumulative = _CUMULATIVE.get(key) if key is not None else None
        except TypeError:  # a value that is not hashable: no caching
            key = cumulative = None
        if cumulative is None:
            values = [v for v, _w in table]
            cum = list(accumulate(w for _v, w in table))
            cumulative = (values, cum, cum[-1] + 0.0, len(values) - 1)
            if key is not None and len(_CUMULATIVE) < 4096:
                _CUMULATIVE[key] = cumulative
        values, cum, total, hi = cumulative
        return values[bisect(cum, self.random() * total, 0, hi)]

    def day(self, first: date, last: date) -> date:
        """A day between ``first`` and ``last`` inclusive (``first`` if the range is empty)."""
        span = (last - first).days
        return first if span <= 0 else first + timedelta(days=self.randint(0, span))

    def digits(self, n: int) -> str:
        """``n`` random digits (``choice("0123456789")`` each, drawn the same way)."""
        bits = self.getrandbits
        out = []
        for _ in range(n):
            r = bits(4)
            while r >= 10:
                r = bits(4)
            out.append(_DIGITS[r])
        return "".join(out)


_DIGITS = "0123456789"
#: The bits ``uuid.UUID(int=n, version=4)`` clears and sets (variant RFC 4122, version 4).
_UUID_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))
_UUID_SET = (0x8000 << 48) | (4 << 76)
#: Cumulative weights of the generator's (constant) weight tables, by table.
_CUMULATIVE: dict[Any, tuple[list[Any], list[float], float, int]] = {}


def lower_first(text: str) -> str:
    """A name as written inside a sentence: "Thôn Đồng Tâm" → "thôn Đồng Tâm"."""
    return text[:1].lower() + text[1:]


def scaled(count: int, factor: float, minimum: int = 1) -> int:
    """``count`` scaled by the hidden size factor, never below ``minimum``."""
    return max(minimum, round(count * factor))


#: The big tables the generator fills: their secondary indexes are built after the load.
BULK_TABLES = (
    "persons",
    "households",
    "pledges",
    "household_year_status",
    "assessments",
    "activities",
)
#: The page cache while loading (KiB): the district's indexes stay in memory.
LOAD_CACHE_KIB = 262_144


@contextmanager
def bulk_load(conn: Connection) -> Iterator[None]:
    """A bulk load inside the caller's (one) transaction.

    The big tables' plain (non-unique) indexes are dropped for the load and built again at
    its end from their own ``CREATE INDEX`` statements: one sort each instead of a random
    B-tree insert per row into ever larger indexes. Unique indexes stay, so a duplicate is
    refused at once. The triggers that keep the pledge figures (store/post_figures.py) are
    out too, and the figures counted once at the end (:func:`post_figures.rebuild`): a
    trigger makes each row's INSERT a statement of its own that copies every page it
    touches to the statement journal first, six pages a row. The page cache is larger
    meanwhile, and set back after. An exception rolls the transaction back, the drops with
    it: no file is ever left without them.
    """
    if conn.dialect.name != "sqlite":  # a server keeps its own cache and its indexes
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    try:
        marks = ",".join("?" * len(BULK_TABLES))
        indexes = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({marks}) ORDER BY name",
            BULK_TABLES,
        ).all()
        figures = [name for name, _sql in post_figures.TRIGGERS]
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            f" AND name IN ({','.join('?' * len(figures))}) ORDER BY name",
            tuple(figures),
        ).all()
        for name, _sql in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        for name, _sql in triggers:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        yield
        for _name, sql in indexes:
            conn.exec_driver_sql(sql)
        for _name, sql in triggers:
            conn.exec_driver_sql(sql)
        if triggers:  # what they would have counted, counted once
            post_figures.rebuild(conn)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def file_journal(engine: Engine) -> Iterator[None]:
    """The load written once into the file: a rollback journal instead of the write-ahead
    log while it runs, when this engine's connection is the only one open on the file.

    In WAL mode every page of the load is written twice, to the log and then into the file
    by the checkpoint, and the log's index grows with it. With a rollback journal a page
    beyond the file's size at the transaction's start needs no journal at all: the load goes
    straight into the file, and the journal keeps only the few pages that were there before
    (a crash still rolls back to them). SQLite leaves WAL mode only when no other
    connection has the file open and no transaction is in hand; when it refuses, the load
    goes through the log as before. Whatever happens (success, an error, a cancel) the file
    is in WAL mode again after, and its log folded into it and emptied.
    """
    if engine.dialect.name != "sqlite":  # a server keeps its own log
        yield
        return
    _journal_mode(engine, "delete", wait=False)
    failed = True
    try:
        yield
        failed = False
    finally:
        # a load through the log: folded into the file, the log emptied (not after an error)
        mode = _journal_mode(engine, "wal", wait=True, checkpoint=not failed)
        if mode != "wal" and not failed:
            raise RuntimeError(f"the database file stayed in {mode} journal mode")


def _journal_mode(engine: Engine, mode: str, *, wait: bool, checkpoint: bool = False) -> str | None:
    """Set the file's journal mode outside any transaction: the mode it is in after, or
    None when SQLite refused (another connection holds the file). Without ``wait`` a
    connection in the way makes it give up at once."""
    raw = engine.raw_connection()
    try:
        conn: Any = raw.driver_connection
        try:
            if not wait:
                conn.execute("PRAGMA busy_timeout = 0")
            for _attempt in range(3 if wait else 1):
                try:
                    now = str(conn.execute(f"PRAGMA journal_mode = {mode}").fetchone()[0])
                    if checkpoint and now == "wal":
                        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    return now
                except engine.dialect.loaded_dbapi.OperationalError:
                    continue  # "database is locked": a reader in the way, waited for
            return None
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    finally:
        raw.close()


class _TablePlan:
    """How rows of one table go in: the INSERT, the data columns in order with their
    defaults, and the conversions the column types make (dates to text, JSON...)."""

    def __init__(self, table: Table, dialect: Any) -> None:
        self.data = [c.name for c in table.columns if c.name not in SYNC_COLUMNS]
        self.blank: dict[str, Any] = {}
        for column in table.columns:
            if column.name in SYNC_COLUMNS:
                continue
            default = column.default
            arg = getattr(default, "arg", None) if default is not None else None
            self.blank[column.name] = None if callable(arg) else arg
        self.blank["deleted"] = False
        # the processors SQLAlchemy itself would apply to these values, found once
        self.convert: list[tuple[int, Callable[[Any], Any]]] = []
        # the data values of a row, in column order, as a tuple
        self.getter: Callable[[dict[str, Any]], tuple[Any, ...]] = (
            itemgetter(*self.data) if len(self.data) > 1 else lambda r: (r[self.data[0]],)
        )
        for i, name in enumerate(self.data):
            kind = table.c[name].type
            if isinstance(kind, Boolean) and dialect.name == "sqlite":
                continue  # sqlite3 stores True/False as 1/0 itself (a server's driver: not)
            processor = kind.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                self.convert.append((i, processor))
        self.columns = tuple(f'"{c}"' for c in (*self.data, *_STAMP_COLUMNS))
        self.known = {c.name for c in table.columns}
        self.table = f'"{table.name}"'


#: The sync columns a new row gets, in the order :meth:`BulkWriter.insert` gives them.
_STAMP_COLUMNS = (
    "id",
    "owner_node",
    "version_vector",
    "created_stamp",
    "field_stamps",
    "hlc",
    "local_seq",
)


class BulkWriter:
    """Inserts rows of synced tables in batches (store/bulk.py: SQLite's ``executemany``
    of one prepared statement, a server's ``COPY``), stamped
    (the store's clock, :meth:`NodeClock.next_many`), sealed and counted.

    The rows go to the driver as tuples: each value converted by its column type's own
    bind processor, the stamps' JSON written out directly (``stamp_json``), so a row
    costs no SQL compilation nor per-row ORM work, and reads back exactly as a row written
    through the ORM.
    """

    def __init__(self, session: Session, clock: NodeClock, counts: dict[str, int]) -> None:
        self.session = session
        self.conn = session.connection()
        self.clock = clock
        self.counts = counts
        self._plans: dict[str, _TablePlan] = {}
        serializer = getattr(self.conn.dialect, "_json_serializer", None) or json.dumps
        self._replica = serializer(clock.node.replica_id)  # '"<replica id>"'
        self._empty = serializer({})

    def _plan(self, table: Table) -> _TablePlan:
        plan = self._plans.get(table.name)
        if plan is None:
            plan = self._plans[table.name] = _TablePlan(table, self.conn.dialect)
        return plan

    def stamps(self, n: int) -> list[tuple[str, str, str, int, int]]:
        """``(version_vector, created_stamp, field_stamps, hlc, local_seq)`` of ``n`` new
        rows, the JSON as the database's serializer writes it."""
        replica, empty = self._replica, self._empty
        return [
            (f"{{{replica}:{counter}}}", f"[{hlc},{replica},{counter}]", empty, hlc, seq)
            for hlc, counter, seq in self.clock.next_many(n)
        ]

    def insert(self, model: Any, rows: Sequence[dict[str, Any]]) -> None:
        """Insert ``rows`` (each with its ``id``) into ``model``'s table."""
        table: Table = model.__table__
        plan = self._plan(table)
        if table.name in field_crypto.SEALED:  # sensitive values sealed, as a service does
            cipher = field_crypto.require_cipher(self.session)
            rows = [field_crypto.sealed_row(cipher, table.name, r) for r in rows]
        blank, getter, convert = plan.blank, plan.getter, plan.convert
        unknown = {k for row in rows[:1] for k in row} - plan.known
        if unknown:  # a misspelt column would otherwise be dropped without a word
            raise ValueError(f"{table.name} has no column {sorted(unknown)}")
        owner = self.clock.node.node_id
        memo: dict[int, Any] = {}  # JSON text by object: the rows keep each object alive
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            if not chunk:
                continue
            values = []
            for row, stamp in zip(chunk, self.stamps(len(chunk)), strict=True):
                out = getter({**blank, **row})
                if convert:
                    listed = list(out)
                    for i, processor in convert:
                        value = listed[i]
                        if isinstance(value, list | dict):  # JSON: often one list for all
                            text = memo.get(id(value))
                            if text is None:
                                text = memo[id(value)] = processor(value)
                            listed[i] = text
                        else:
                            listed[i] = processor(value)
                    out = tuple(listed)
                values.append(
                    (*out, row.get("id") or new_id(), row.get("owner_node") or owner, *stamp)
                )
            bulk.insert_rows(self.conn, plan.table, plan.columns, values)
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
