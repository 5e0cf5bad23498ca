"""The database's structure and SQLite's own checks, quick and full (``antt check``).

The quick check reads the schema (``sqlite_master`` and each table's columns: a few hundred
rows) against what the models define, and runs SQLite's ``integrity_check(TABLE)`` and
``foreign_key_check(TABLE)`` on every *small* table (accounts, the post's settings, sync
state, catalogues: the tables written most often relative to their size). SQLite keeps no
age of a page, so "the newest pages" cannot be picked out; the big register tables
(residents, households, pledges, the audit log, the search index) are read whole only by the
full check: ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check`` over the file.

On a PostgreSQL server the same schema is read from the server's catalogue, the foreign
keys are confirmed as validated constraints (quick) and every reference read (full), and
the pages are left to the ``amcheck`` extension where it is installed
(:mod:`postgresql_check`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from antt_desktop.store import post_figures, postgresql_check
from antt_desktop.store.base import Base

#: A table holding at most this many rows (by its largest rowid, read from the B-tree's
#: edge) is checked whole by the quick check; measured on the district copy, the tables
#: under it (37 of 43; not persons, households, pledges, assessments, activities and
#: household_year_status) take ~0.7 s together.
SMALL_TABLE_ROWS = 20_000
#: Tables the models do not define: the search index (``store/search_documents.DDL``), FTS5's
#: own shadow tables and SQLite's and Alembic's bookkeeping.
OTHER_TABLES = ("search_docs", "search_fts")
_BOOKKEEPING_PREFIXES = ("sqlite_", "search_fts_", "alembic_version")
#: Triggers the migrations create (revision 0009: the audit log is append-only; revision
#: 0026: the pledge figures kept per post, store/post_figures.py).
TRIGGERS = (
    "audit_entries_no_update",
    "audit_entries_no_delete",
    *(name for name, _sql in post_figures.TRIGGERS),  # the figures kept per post
)

#: ``progress(done, total)``: how far a long step is.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Expected:
    """What the schema holds when every migration ran: tables with their columns, indexes."""

    columns: dict[str, frozenset[str]]
    indexes: dict[str, str]  # index name -> table


def expected_schema() -> Expected:
    """The tables, columns and named indexes of the models (a test keeps the migrations
    creating exactly these)."""
    import antt_desktop.store.models  # noqa: F401  (every model registered on Base)

    columns: dict[str, frozenset[str]] = {}
    indexes: dict[str, str] = {}
    for table in Base.metadata.sorted_tables:
        columns[table.name] = frozenset(c.name for c in table.columns)
        for index in table.indexes:
            if index.name:
                indexes[str(index.name)] = table.name
    return Expected(columns, indexes)


def foreign_keys() -> list[postgresql_check.ForeignKey]:
    """The models' foreign keys (what the server's constraints must be), table by table."""
    import antt_desktop.store.models  # noqa: F401  (every model registered on Base)

    return [
        postgresql_check.ForeignKey(
            table.name,
            tuple(column.name for column in fk.columns),
            fk.referred_table.name,
            tuple(element.column.name for element in fk.elements),
            tuple(column.name for column in table.primary_key.columns),
        )
        for table in Base.metadata.sorted_tables
        for fk in sorted(table.foreign_key_constraints, key=lambda fk: tuple(fk.column_keys))
    ]


def model_tables() -> list[str]:
    """The tables of the models and the search index's (what a server's check reads)."""
    return [*expected_schema().columns, *OTHER_TABLES]


def schema_problems(conn: Connection) -> list[str]:
    """Tables, columns, indexes and triggers missing from the file, and triggers nobody
    wrote (a trigger can change rows behind the program's back); on a server, read from its
    catalogue, the schema's revision too (:func:`postgresql_check.schema_problems`)."""
    expected = expected_schema()
    if conn.dialect.name == "postgresql":
        from antt_desktop.store.database import SCHEMA_HEAD  # (a test keeps it Alembic's)

        return postgresql_check.schema_problems(
            conn, expected.columns, expected.indexes, OTHER_TABLES, SCHEMA_HEAD
        )
    found: dict[str, set[str]] = {"table": set(), "index": set(), "trigger": set()}
    for kind, name in conn.execute(
        text("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger')")
    ):
        found[kind].add(name)
    problems = [
        f"schema: the table {name} is missing"
        for name in (*expected.columns, *OTHER_TABLES)
        if name not in found["table"]
    ]
    for table, columns in expected.columns.items():
        if table not in found["table"]:
            continue
        query = text("SELECT name FROM pragma_table_info(:t)")
        have_names = set(conn.execute(query, {"t": table}).scalars())
        problems += [
            f"schema: the column {table}.{column} is missing"
            for column in sorted(columns - have_names)
        ]
    problems += [
        f"schema: the index {name} on {table} is missing"
        for name, table in sorted(expected.indexes.items())
        if name not in found["index"] and table in found["table"]
    ]
    problems += [
        f"schema: the trigger {name} is missing"
        for name in TRIGGERS
        if name not in found["trigger"]
    ]
    problems += [
        f"schema: an unknown trigger {name} was added"
        for name in sorted(found["trigger"] - set(TRIGGERS))
    ]
    return problems


def _tables(conn: Connection) -> list[str]:
    return [
        name
        for (name,) in conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        )
        if not name.startswith(_BOOKKEEPING_PREFIXES) and name not in OTHER_TABLES
    ]


def small_tables(conn: Connection) -> list[str]:
    """The tables whose largest rowid is at most :data:`SMALL_TABLE_ROWS` (read from the
    B-tree's right edge: no table is counted)."""
    small, limit = [], SMALL_TABLE_ROWS
    for table in _tables(conn):
        top = conn.execute(text(f'SELECT max(rowid) FROM "{table}"')).scalar()
        if (top or 0) <= limit:
            small.append(table)
    return small


def _integrity(conn: Connection, pragma: str) -> list[str]:
    return [f"integrity: {row[0]}" for row in conn.execute(text(pragma)) if row[0] != "ok"]


def _foreign_keys(conn: Connection, pragma: str) -> list[str]:
    return [f"foreign key: {row[0]} row {row[1]} -> {row[2]}" for row in conn.execute(text(pragma))]


def quick_sqlite_problems(conn: Connection) -> list[str]:
    """SQLite's integrity and foreign-key checks on the small tables only."""
    problems: list[str] = []
    for table in small_tables(conn):
        problems += _integrity(conn, f'PRAGMA integrity_check("{table}")')
        problems += _foreign_keys(conn, f'PRAGMA foreign_key_check("{table}")')
    return problems


#: The first SQLite whose ``PRAGMA integrity_check`` also runs each virtual table's own
#: check (FTS5's ``integrity-check`` of the search index); SQLCipher's builds are newer.
CHECKS_VIRTUAL_TABLES = (3, 44, 0)


def integrity_checks_search_index(conn: Connection) -> bool:
    """Whether ``PRAGMA integrity_check`` on this connection's SQLite checks the search
    index's full-text index too (then nobody runs FTS5's check a second time)."""
    version = str(conn.exec_driver_sql("SELECT sqlite_version()").scalar_one())
    return tuple(int(part) for part in version.split(".")[:3]) >= CHECKS_VIRTUAL_TABLES


def full_sqlite_problems(conn: Connection) -> list[str]:
    """``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check`` over the whole file."""
    return _integrity(conn, "PRAGMA integrity_check") + _foreign_keys(
        conn, "PRAGMA foreign_key_check"
    )
