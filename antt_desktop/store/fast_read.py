"""Reading long id lists without SQLAlchemy's per-row objects.

A list of 450,000 residents streams its ordered ids to the window. Through a SQLAlchemy
result each row becomes a ``Row`` first, which costs more than the index scan itself (2.9 s
against 1.2 s here); the statement is compiled by SQLAlchemy as usual and run on the
connection's DBAPI cursor, inside the session's own transaction.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Dialect, Select
from sqlalchemy.orm import Session

_PLAIN = (str, int, float, type(None))
#: Names of a server's cursors (each unique within its connection).
_CURSORS = itertools.count()


def first_column_chunks(
    session: Session, query: Select[Any], size: int, first: int | None = None
) -> Iterator[list[Any]]:
    """The first column of every row of ``query``: ``first`` rows, then ``size`` at a time.

    Always yields at least one (possibly empty) chunk; a chunk shorter than asked is the last.

    Parameters that need SQLAlchemy's conversion (dates, booleans bound as values) send the
    query through the ordinary result instead, so the values are always the same.
    """
    conn = session.connection()
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    # a driver with named marks (psycopg's) takes the parameters by name
    values: Any = [params[n] for n in compiled.positiontup or []] if compiled.positional else params
    plain = values if compiled.positional else params.values()
    if any(not isinstance(v, _PLAIN) or isinstance(v, bool) for v in plain):
        result = conn.execute(query).scalars()
        chunk = first or size
        while True:
            rows = list(result.fetchmany(chunk))
            yield rows
            if len(rows) < chunk:
                return
            chunk = size
    driver: Any = conn.connection.dbapi_connection
    # a server's rows come a chunk at a time through a cursor of its own (the driver would
    # otherwise hold every row at once: 1.5 million ids of a province, 90 MB more)
    server = conn.dialect.name == "postgresql"
    cursor = driver.cursor(name=f"antt_chunks_{next(_CURSORS)}") if server else driver.cursor()
    try:
        cursor.execute(str(compiled), values)
        chunk = first or size
        while True:
            raw = cursor.fetchmany(chunk)
            yield [r[0] for r in raw]
            if len(raw) < chunk:
                return
            chunk = size
    finally:
        cursor.close()


#: Ids bound in one statement of :func:`rows_by_ids` (well under SQLite's limit).
IDS_BATCH = 512


def rows_by_ids(
    session: Session,
    statement: Callable[[int], Select[Any]],
    ids: Sequence[str],
    given: Mapping[str, Any] | None = None,
) -> list[tuple[Any, ...]]:
    """The rows of ``statement(count)`` (a query over ``count`` ids, bound as the expanding
    parameter ``ids``; its other parameters' values in ``given``) for ``ids``, as plain
    tuples, on the session's DBAPI cursor. Read at each keystroke and each jump of a list's
    scroll bar: each statement is compiled once per dialect and number of ids, that number
    rounded up to a power of two from 16 (the first id repeated: it matches once), so a few
    statements serve every list; ``statement`` must be the same function each time (a
    module's own, not a lambda) for that to hold."""
    conn = session.connection()
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    values = dict(given or {})
    found: list[tuple[Any, ...]] = []
    try:
        for start in range(0, len(ids), IDS_BATCH):
            batch = list(ids[start : start + IDS_BATCH])
            size = max(16, 1 << (len(batch) - 1).bit_length())
            batch += batch[:1] * (size - len(batch))
            sql, names = _compiled(statement, size, conn.dialect)
            taken = iter(batch)
            bound = [values[n] if n in values else next(taken) for n in names]
            cursor.execute(
                sql, bound if conn.dialect.positional else dict(zip(names, bound, strict=True))
            )
            found += cursor.fetchall()
    finally:
        cursor.close()
    return found


#: (the list's 24 search shapes and its page rows, each at up to 6 counts, on one engine)
@lru_cache(maxsize=256)
def _compiled(
    statement: Callable[[int], Select[Any]], count: int, dialect: Dialect
) -> tuple[str, tuple[str, ...]]:
    """The SQL of ``statement(count)`` with its placeholders written out, and its
    parameters' names in the order the driver takes them."""
    query = statement(count)
    compiled = query.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    names = compiled.positiontup if compiled.positional else list(compiled.construct_params())
    return str(compiled), tuple(names or ())
