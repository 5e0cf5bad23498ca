"""``antt check``: the database checked quickly (seconds on a district) or whole (``full``).

The full check runs SQLite's ``integrity_check`` and ``foreign_key_check`` (C code that
lets go of Python while it reads) on a second connection on a worker thread, while this
thread runs FTS5's ``integrity-check`` (unless SQLite's ``integrity_check`` runs it: SQLite
3.44 and later, SQLCipher's builds) and compares every search index entry with its record in
SQL (``search_index_check.verify``: Python only folds each record's text, from a cache) and the
audit chain. On the district the worker takes what the raw checks take and this thread
less, so with a core free the whole takes little more than SQLite's own checks; on a machine
busy with other work it takes their sum (measured by ``tests/benchmarks/check.py``).

On a PostgreSQL server (store/postgresql_check.py) the steps run one after the other on the
check's connection: the structure read from the server's catalogue (with the schema's
revision), the search index and the audit chain as on SQLite, then the server's step
(``server``): the foreign keys — quick: confirmed as validated constraints the server
enforces; full: every reference read — and the pages where the ``amcheck`` extension is
installed (quick: the small tables; full: every table and B-tree index). Without amcheck the
pages are not checked, and :attr:`Report.pages` says so.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from antt_desktop.services.context import Ctx
from antt_desktop.store import audit, integrity, postgresql_check, search_index_check
from antt_desktop.store.errors import DatabaseNotInitialised

#: ``progress(step, done, total)``: the check's step (one of :data:`STEPS`) and how far it
#: is (``total`` 0 until known, then ``done`` of ``total``).
CheckProgress = Callable[[str, int, int], None]
#: The steps, in the order they are told: the schema, the search index, the audit log, and
#: SQLite's integrity and foreign keys (on ``full``, begun first on its own thread) or, on a
#: server, its foreign keys and pages.
STEPS = ("structure", "search", "audit", "sqlite", "server")
#: How the pages were checked (:attr:`Report.pages`): SQLite's ``integrity_check``; on a
#: server by amcheck, or not (the extension not installed; this account may not run it).
PAGES_SQLITE = "sqlite"
PAGES_AMCHECK = postgresql_check.PAGES_CHECKED
PAGES_NOT_INSTALLED = postgresql_check.PAGES_NOT_INSTALLED
PAGES_NO_RIGHTS = postgresql_check.PAGES_NO_RIGHTS
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


@dataclass(frozen=True)
class Report:
    """What the check found (empty when sound), whether it ran on a server, and how the
    pages were checked (one of the ``PAGES_`` values)."""

    problems: list[str]
    server: bool
    pages: str


def report(
    session: Session, *, full: bool = False, progress: CheckProgress | None = None
) -> Report:
    """The check of the database (quick, or ``full``): its problems and how it read it."""
    conn = session.connection()
    if conn.execute(text("SELECT count(*) FROM local_node")).scalar_one() != 1:
        raise DatabaseNotInitialised()
    if conn.dialect.name == "postgresql":
        return _on_server(session, full=full, progress=progress)
    return Report(_on_sqlite(session, full=full, progress=progress), False, PAGES_SQLITE)


def problems(
    session: Session, *, full: bool = False, progress: CheckProgress | None = None
) -> list[str]:
    """What is wrong with the database (empty when sound); see
    :func:`antt_desktop.services.post_rows.database_problems`."""
    return report(session, full=full, progress=progress).problems


def _on_server(session: Session, *, full: bool, progress: CheckProgress | None) -> Report:
    """The check on a PostgreSQL server, its steps in turn (module docstring)."""
    conn = session.connection()
    _told(progress, "structure")
    found = integrity.schema_problems(conn)
    fks = integrity.foreign_keys()
    found += postgresql_check.constraint_problems(conn, fks)
    pages = postgresql_check.page_check(conn)
    tables = postgresql_check.present(conn, integrity.model_tables())
    found += postgresql_check.rights_problems(conn, [*tables, "alembic_version"])
    if not full:
        if pages == PAGES_AMCHECK:
            small = postgresql_check.small_tables(conn, tables, integrity.SMALL_TABLE_ROWS)
            found += postgresql_check.page_problems(conn, small, whole=False)
        _told(progress, "search")
        found += search_index_check.verify_sample(conn)
        _told(progress, "audit")
        found += audit.verify_chain(session, full=False)
        return Report(found, True, pages)
    step = _told(progress, "search")
    found += search_index_check.verify(conn, step)
    step = _told(progress, "audit")
    found += audit.verify_chain(session, full=True, progress=step)
    step = _told(progress, "server")
    have = set(tables)
    checked = [fk for fk in fks if fk.table in have and fk.parent in have]
    total = len(checked) + (len(tables) if pages == PAGES_AMCHECK else 0)
    for done, fk in enumerate(checked, start=1):
        found += postgresql_check.broken_references(conn, fk)
        step(done, total)
    if pages == PAGES_AMCHECK:
        found += postgresql_check.page_problems(
            conn,
            tables,
            whole=True,
            progress=lambda done, of: step(len(checked) + done * len(tables) // of, total),
        )
    step(total, total)
    return Report(found, True, pages)


def _on_sqlite(session: Session, *, full: bool, progress: CheckProgress | None) -> list[str]:
    conn = session.connection()
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


def database_report(
    ctx: Ctx, *, full: bool = False, progress: CheckProgress | None = None
) -> Report:
    """:func:`antt_desktop.services.post_rows.database_problems` with how the check read
    the database (on a server, whether its pages were checked: ``antt check`` says so).

    Raises:
        DatabaseNotInitialised: the database holds no post (no local node row).
    """
    return report(ctx.session, full=full, progress=progress)
