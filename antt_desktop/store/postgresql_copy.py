"""New rows written to a PostgreSQL server with ``COPY … FROM STDIN``: one stream of rows
per table instead of one statement per row (a sync import's new records, their search
index entries). Each row's values are what driver SQL would send (sealed bytes as the
server's text, truth values as 0/1: store/postgresql.py :func:`driver_value`); the
rows go into the caller's transaction, through its own connection, with every constraint
and trigger of the table at work as for an ``INSERT``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from antt_desktop.store.postgresql import driver_value

#: The values that go as they are (most of them); the others as driver SQL sends them.
_AS_IS = frozenset({str, int, float})


def copy_rows(
    conn: Connection, table: str, names: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Write ``rows`` (values in the order of ``names``) into ``table``."""
    driver: Any = conn.connection.driver_connection
    statement = f"COPY {table} ({', '.join(names)}) FROM STDIN"
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for values in rows:
            copy.write_row(
                [v if v is None or type(v) in _AS_IS else driver_value(v) for v in values]
            )
