"""``antt check`` on a PostgreSQL server: the reads SQLite's checks (store/integrity.py) make
of ``sqlite_master`` and its pragmas, in the server's catalogue.

* the structure: the schema's Alembic revision against the program's head; the tables,
  columns and named indexes of the models (and the search index's two tables) against
  ``pg_class``, ``pg_attribute`` and ``pg_indexes``; the server's triggers (revision 0029,
  store/postgresql_schema.py) present, enabled, and none nobody wrote;
* the foreign keys: PostgreSQL enforces them, so the quick check confirms each of the
  models' foreign keys is a constraint there, validated (``pg_constraint.convalidated``:
  a constraint added ``NOT VALID`` does not vouch for the rows before it) and not switched
  off (its internal triggers disabled: ``ALTER TABLE … DISABLE TRIGGER ALL``); the full
  check reads every reference too, as SQLite's ``foreign_key_check`` does (an anti-join
  per foreign key: rows written while the checks were off are found);
* the pages: SQLite's ``integrity_check`` has no counterpart in PostgreSQL itself. Where
  the server's owner installed the ``amcheck`` extension and this account may run it,
  ``verify_heapam`` reads each table and ``bt_index_check`` each B-tree index (the quick
  check: the small tables only, as on SQLite; the full check: every one, each index
  against its table's rows too); else the check says it was not done
  (:data:`PAGES_NOT_INSTALLED`, :data:`PAGES_NO_RIGHTS`);
* the rights: what the account checking may not do that a desk does (a desks' role the owner
  has not given an upgrade's new tables, sequences or functions), each named with the
  command that gives them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from antt_desktop.store import postgresql_schema

#: ``progress(done, total)``: how far a long step is.
Progress = Callable[[int, int], None]

#: The triggers the server's schema holds (revision 0029): the audit log's guard and the
#: post figures' upkeep.
TRIGGERS = tuple(
    re.findall(
        r"CREATE TRIGGER (\w+)", " ".join((*postgresql_schema.AUDIT, *postgresql_schema.FIGURES))
    )
)
#: What the page check did: read by amcheck, or not done (the extension is not installed
#: in the post's database; this account may not run it).
PAGES_CHECKED = "amcheck"
PAGES_NOT_INSTALLED = "no_amcheck"
PAGES_NO_RIGHTS = "no_rights"
#: How many rows of a foreign key's broken references are named (then how many more).
NAMED_ROWS = 100


@dataclass(frozen=True)
class ForeignKey:
    """A foreign key of the models: the table and its columns, the table they refer to and
    its columns, and the table's primary key (what names a row)."""

    table: str
    columns: tuple[str, ...]
    parent: str
    parent_columns: tuple[str, ...]
    key: tuple[str, ...]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def revision(conn: Connection) -> str | None:
    """The schema's Alembic revision (None: no ``alembic_version`` table or row)."""
    if conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is None:
        return None
    value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if value is None else str(value)


def schema_problems(
    conn: Connection,
    columns: dict[str, frozenset[str]],
    indexes: dict[str, str],
    other_tables: Sequence[str],
    head: str,
) -> list[str]:
    """:func:`integrity.schema_problems` read from the server's catalogue (the same words):
    the revision, then tables, columns, indexes, triggers missing, disabled or unknown."""
    problems: list[str] = []
    at = revision(conn)
    if at != head:
        problems.append(
            f"schema: the database is at revision {at or 'none'}, this program's is {head}"
        )
    have: dict[str, set[str]] = {}
    for table, column in conn.exec_driver_sql(
        "SELECT c.relname::text, a.attname::text FROM pg_class c JOIN pg_attribute a"
        " ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
        " WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace"
    ):
        have.setdefault(table, set()).add(column)
    problems += [
        f"schema: the table {name} is missing"
        for name in (*columns, *other_tables)
        if name not in have
    ]
    for table, names in columns.items():
        if table in have:
            problems += [
                f"schema: the column {table}.{column} is missing"
                for column in sorted(names - have[table])
            ]
    found = set(
        conn.exec_driver_sql(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        ).scalars()
    )
    problems += [
        f"schema: the index {name} on {table} is missing"
        for name, table in sorted(indexes.items())
        if name not in found and table in have
    ]
    triggers: dict[str, str] = {
        str(name): str(enabled)
        for name, enabled in conn.exec_driver_sql(
            "SELECT t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
        )
    }
    problems += [
        f"schema: the trigger {name} is missing" for name in TRIGGERS if name not in triggers
    ]
    problems += [
        f"schema: the trigger {name} is disabled" for name in TRIGGERS if triggers.get(name) == "D"
    ]
    problems += [
        f"schema: an unknown trigger {name} was added"
        for name in sorted(set(triggers) - set(TRIGGERS))
    ]
    return problems


def constraint_problems(conn: Connection, foreign_keys: Iterable[ForeignKey]) -> list[str]:
    """The quick check's counterpart of ``foreign_key_check``: each foreign key of the
    models is a constraint on the server, validated, its checks not switched off (the
    server enforces what these hold: a catalogue read, no row is read)."""
    held: dict[tuple[str, tuple[str, ...], str, tuple[str, ...]], tuple[str, bool]] = {}
    for table, name, cols, parent, parent_cols, validated in conn.exec_driver_sql(
        "SELECT c.conrelid::regclass::text, c.conname,"
        " ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)"
        "  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),"
        " c.confrelid::regclass::text,"
        " ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)"
        "  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i),"
        " c.convalidated"
        " FROM pg_constraint c WHERE c.contype = 'f'"
        " AND c.connamespace = current_schema()::regnamespace"
    ):
        held[(table.strip('"'), tuple(cols), parent.strip('"'), tuple(parent_cols))] = (
            name,
            bool(validated),
        )
    problems: list[str] = []
    for fk in foreign_keys:
        columns = ", ".join(fk.columns)
        got = held.get((fk.table, fk.columns, fk.parent, fk.parent_columns))
        if got is None:
            problems.append(
                f"foreign key: the constraint {fk.table}({columns}) -> {fk.parent} is missing"
            )
        elif not got[1]:
            problems.append(f"foreign key: the constraint {got[0]} on {fk.table} is not validated")
    switched_off = conn.exec_driver_sql(
        "SELECT DISTINCT c.relname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
        " JOIN pg_constraint k ON k.oid = t.tgconstraint AND k.contype = 'f'"
        " WHERE t.tgisinternal AND t.tgenabled = 'D'"
        " AND c.relnamespace = current_schema()::regnamespace ORDER BY 1"
    ).scalars()
    problems += [
        f"foreign key: the checks on the table {table} are switched off" for table in switched_off
    ]
    return problems


def broken_references(conn: Connection, fk: ForeignKey) -> list[str]:
    """The full check's ``foreign_key_check`` of one foreign key: the rows whose reference
    finds no row of the parent table (named by their primary key, as SQLite names them by
    rowid: ``foreign key: TABLE row KEY -> PARENT``)."""
    child = " AND ".join(f"r.{_quoted(c)} IS NOT NULL" for c in fk.columns)
    match = " AND ".join(
        f"p.{_quoted(pc)} = r.{_quoted(c)}"
        for c, pc in zip(fk.columns, fk.parent_columns, strict=True)
    )
    key = ", ".join(f"r.{_quoted(c)}::text" for c in fk.key)
    try:
        with conn.begin_nested():  # a column missing: named by the structure's check
            rows = conn.exec_driver_sql(
                f"SELECT {key} FROM {_quoted(fk.table)} r WHERE {child} AND NOT EXISTS"
                f" (SELECT 1 FROM {_quoted(fk.parent)} p WHERE {match})"
                f" ORDER BY {key} LIMIT {NAMED_ROWS + 1}"
            ).all()
    except DBAPIError as exc:
        return [f"foreign key: {fk.table} -> {fk.parent} could not be read: {_said(exc)}"]
    problems = [f"foreign key: {fk.table} row {','.join(row)} -> {fk.parent}" for row in rows]
    if len(problems) > NAMED_ROWS:
        more = conn.exec_driver_sql(
            f"SELECT count(*) FROM {_quoted(fk.table)} r WHERE {child} AND NOT EXISTS"
            f" (SELECT 1 FROM {_quoted(fk.parent)} p WHERE {match})"
        ).scalar_one()
        problems[NAMED_ROWS:] = [
            f"foreign key: {more - NAMED_ROWS} more rows of {fk.table} -> {fk.parent}"
        ]
    return problems


def present(conn: Connection, tables: Iterable[str]) -> list[str]:
    """Those of ``tables`` the server holds (a missing one is the structure's problem)."""
    here = set(
        conn.exec_driver_sql(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()"
        ).scalars()
    )
    return [table for table in tables if table in here]


#: What the program does to each table (postgresql_schema.desk_grants), but for the audit
#: log (entries are only added) and the schema's revision (only read).
_TABLE_RIGHTS = ("SELECT", "INSERT", "UPDATE", "DELETE")
_RIGHTS_OF = {"audit_entries": ("SELECT", "INSERT"), "alembic_version": ("SELECT",)}
#: The functions a desk runs whose right is not everyone's (revision 0035).
_FUNCTIONS = ("antt_analyze(text[], bigint[])",)
#: Who gives the rights, and how (docs/POSTGRESQL.md).
_GRANT = (
    "the server's owner gives a desks' role the rights of each upgrade: antt server grant-desks"
)


def rights_problems(conn: Connection, tables: Iterable[str]) -> list[str]:
    """What this account may not do that the program does: a desk whose role the owner has
    not given the rights of an upgrade's new tables, sequences or functions (its writes
    there would fail; without the statistics' function a bulk load's plans wait for
    autovacuum). The owner's account may do everything."""
    wanted = [(t, right) for t in tables for right in _RIGHTS_OF.get(t, _TABLE_RIGHTS)]
    problems = [
        f"rights: this account may not {right} on {table} ({_GRANT})"
        for table, right in conn.exec_driver_sql(
            "SELECT t, r FROM unnest(CAST(%(t)s AS text[]), CAST(%(r)s AS text[])) AS w(t, r)"
            " WHERE NOT has_table_privilege(quote_ident(current_schema()) || '.'"
            " || quote_ident(t), r) ORDER BY t, r",
            {"t": [t for t, _r in wanted], "r": [r for _t, r in wanted]},
        )
    ]
    problems += [
        f"rights: this account may not use the sequence {name} ({_GRANT})"
        for name in conn.exec_driver_sql(
            "SELECT c.relname::text FROM pg_class c WHERE c.relkind = 'S'"
            " AND c.relnamespace = current_schema()::regnamespace"
            # (the server may test the right before the kind: a table is no sequence)
            " AND CASE WHEN c.relkind = 'S' THEN NOT has_sequence_privilege(c.oid, 'USAGE')"
            " ELSE false END ORDER BY 1"
        ).scalars()
    ]
    for function in _FUNCTIONS:
        if conn.exec_driver_sql(
            "SELECT CASE WHEN to_regprocedure(f) IS NULL THEN false"
            " ELSE NOT has_function_privilege(f, 'EXECUTE') END"
            " FROM (SELECT quote_ident(current_schema()) || '.' || %(f)s AS f) AS named",
            {"f": function},
        ).scalar():
            problems.append(f"rights: this account may not run {function.split('(')[0]} ({_GRANT})")
    return problems


def small_tables(conn: Connection, tables: Iterable[str], limit: int) -> list[str]:
    """Those of ``tables`` holding at most ``limit`` rows (each counted no further than
    ``limit`` + 1: a large table is not read whole)."""
    return [
        table
        for table in tables
        if conn.exec_driver_sql(
            f"SELECT count(*) FROM (SELECT 1 FROM {_quoted(table)} LIMIT {limit + 1}) s"
        ).scalar_one()
        <= limit
    ]


def amcheck_schema(conn: Connection) -> str | None:
    """The schema the ``amcheck`` extension is installed in (None: not installed)."""
    found = conn.exec_driver_sql(
        "SELECT n.nspname::text FROM pg_extension e JOIN pg_namespace n"
        " ON n.oid = e.extnamespace WHERE e.extname = 'amcheck'"
    ).scalar()
    return None if found is None else str(found)


def page_check(conn: Connection) -> str:
    """Whether the page check can run here: :data:`PAGES_CHECKED`, or why not."""
    schema = amcheck_schema(conn)
    if schema is None:
        return PAGES_NOT_INSTALLED
    allowed = conn.exec_driver_sql(
        "SELECT has_function_privilege(%(f)s, 'EXECUTE')"
        " AND has_function_privilege(%(g)s, 'EXECUTE')",
        {
            "f": f"{_quoted(schema)}.verify_heapam"
            "(regclass, boolean, boolean, text, bigint, bigint)",
            "g": f"{_quoted(schema)}.bt_index_check(regclass, boolean)",
        },
    ).scalar()
    return PAGES_CHECKED if allowed else PAGES_NO_RIGHTS


def _relations(conn: Connection, tables: Sequence[str]) -> list[tuple[str, str | None]]:
    """The tables, each followed by its B-tree indexes: (table, None), (table, index)…"""
    indexes: dict[str, list[str]] = {}
    for table, index in conn.exec_driver_sql(
        "SELECT t.relname::text, i.relname::text FROM pg_index x"
        " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
        " JOIN pg_am a ON a.oid = i.relam AND a.amname = 'btree'"
        " WHERE t.relnamespace = current_schema()::regnamespace ORDER BY 1, 2"
    ):
        indexes.setdefault(table, []).append(index)
    return [
        pair
        for table in tables
        for pair in ((table, None), *((table, index) for index in indexes.get(table, [])))
    ]


def page_problems(
    conn: Connection, tables: Sequence[str], *, whole: bool, progress: Progress | None = None
) -> list[str]:
    """amcheck over ``tables`` and their B-tree indexes (:func:`page_check` said it may
    run): ``verify_heapam`` of each table, ``bt_index_check`` of each index (``whole``:
    with every row of the table looked up in it, ``heapallindexed``). A corrupt index
    raises an error: each relation is checked in a savepoint, the error named."""
    schema = _quoted(amcheck_schema(conn) or "public")
    relations = _relations(conn, tables)
    problems: list[str] = []
    for done, (table, index) in enumerate(relations):
        try:
            with conn.begin_nested():
                if index is None:
                    problems += [
                        f"integrity: {table} page {block}"
                        + ("" if offset is None else f" row {offset}")
                        + f": {message}"
                        for block, offset, message in conn.exec_driver_sql(
                            f"SELECT blkno, offnum, msg FROM {schema}.verify_heapam("
                            f"{_literal(table)}::regclass)"
                        )
                    ]
                else:
                    conn.exec_driver_sql(
                        f"SELECT {schema}.bt_index_check({_literal(index)}::regclass,"
                        f" {'true' if whole else 'false'})"
                    )
        except DBAPIError as exc:
            what = table if index is None else f"index {index}"
            problems.append(f"integrity: {what}: {_said(exc)}")
        if progress is not None:
            progress(done + 1, len(relations))
    return problems


def _said(exc: DBAPIError) -> str:
    """The server's own sentence for a statement's failure (without its SQL)."""
    diag = getattr(exc.orig, "diag", None)
    return str(getattr(diag, "message_primary", None) or exc.orig)


def _literal(name: str) -> str:
    """A relation's name as a quoted identifier inside a string literal (for ``regclass``)."""
    return "'" + _quoted(name).replace("'", "''") + "'"
