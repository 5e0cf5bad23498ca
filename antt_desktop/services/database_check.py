"""``antt check``: the database checked quickly (seconds on a district) or whole (``full``).

The full check runs SQLite's ``integrity_check`` and ``foreign_key_check`` (C code that
lets go of Python while it reads) on a second connection on a worker thread, while this
thread runs FTS5's ``integrity-check`` (unless SQLite's ``integrity_check`` runs it: SQLite
3.44 and later, SQLCipher's builds) and compares every search index entry with its record in
SQL (``search_index_check.verify``: Python only folds each record's text, from a cache) and the
audit chain. On the district the worker takes what the raw checks take and this thread
less, so with a core free the whole takes little more than SQLite's own checks; on a machine
busy with other work it takes their sum (measured by ``tests/benchmarks/check.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from antt_desktop.store import audit, integrity, search_index_check
from antt_desktop.store.errors import DatabaseNotInitialised

#: ``progress(step, done, total)``: the check's step (one of :data:`STEPS`) and how far it
#: is (``total`` 0 until known, then ``done`` of ``total``).
CheckProgress = Callable[[str, int, int], None]
#: The steps, in the order they are told: the schema, the search index, the audit log, and
#: SQLite's integrity and foreign keys (on ``full``, begun first on its own thread).
STEPS = ("structure", "search", "audit", "sqlite")
#: SQLite's virtual machine steps per page of the file for ``integrity_check`` and
#: ``foreign_key_check`` together (324 + 32, measured alike on the commune and the
#: district): how SQLite's share is told in percent.
_OPS_PER_PAGE = 356
#: SQLite tells its progress every so many steps: rarely, since each time it takes Python's
#: lock back from the thread comparing the search index (every 1,000 steps made the whole
#: check twice as long); about 160 times on the district.
_TICK_OPS = 1_000_000


def _told(progress: CheckProgress | None, step: str) -> Callable[[int, int], None]:
    def tell(done: int, total: int) -> None:
        if progress is not None:
            progress(step, done, total)

    tell(0, 0)
    return tell


class _SqliteWhole:
    """SQLite's integrity and foreign-key checks of the whole file on their own connection,
    counting its steps."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.ticks = 0
        self.expected = 1
        self.stopped = False

    def _tick(self) -> int:
        self.ticks += 1
        return 1 if self.stopped else 0  # non-zero: SQLite abandons the statement

    def __call__(self) -> list[str]:
        with self.engine.connect() as conn:
            pages = int(conn.execute(text("PRAGMA page_count")).scalar_one())
            self.expected = max(1, pages * _OPS_PER_PAGE // _TICK_OPS)
            dbapi: Any = conn.connection.dbapi_connection
            dbapi.set_progress_handler(self._tick, _TICK_OPS)
            try:
                return integrity.full_sqlite_problems(conn)
            finally:
                dbapi.set_progress_handler(None, 0)


def problems(
    session: Session, *, full: bool = False, progress: CheckProgress | None = None
) -> list[str]:
    """What is wrong with the database (empty when sound); see
    :func:`antt_desktop.services.post_rows.database_problems`."""
    conn = session.connection()
    if conn.execute(text("SELECT count(*) FROM local_node")).scalar_one() != 1:
        raise DatabaseNotInitialised()
    if not full:
        _told(progress, "structure")
        found = integrity.schema_problems(conn)
        found += integrity.quick_sqlite_problems(conn)
        _told(progress, "search")
        found += search_index_check.verify_sample(conn)
        _told(progress, "audit")
        return found + audit.verify_chain(session, full=False)
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    sqlite = _SqliteWhole(engine)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="antt-check") as pool:
        whole = pool.submit(sqlite)
        try:
            _told(progress, "structure")
            found = integrity.schema_problems(conn)
            step = _told(progress, "search")
            fts = not integrity.integrity_checks_search_index(conn)  # else SQLite's does
            found += search_index_check.verify(conn, step, fts=fts)
            step = _told(progress, "audit")
            found += audit.verify_chain(session, full=True, progress=step)
            step = _told(progress, "sqlite")
            while True:
                try:
                    found += whole.result(timeout=0.5)
                    break
                except TimeoutError:
                    step(min(sqlite.ticks, sqlite.expected - 1), sqlite.expected)
        except BaseException:
            sqlite.stopped = True  # Ctrl+C or a failure here: do not wait for SQLite
            raise
        step(sqlite.expected, sqlite.expected)
    return found
