"""Rows known to be new written in one go, each engine its fastest way: the driver's
``executemany`` of one ``INSERT`` on SQLite, ``COPY`` on a PostgreSQL server
(store/postgresql_copy.py: with a statement per row, a post's import there took 4.9x raw
``COPY`` of its rows; 2.2x so). A row that clashes with one stored fails the caller's
transaction, as its ``INSERT`` would.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection


def insert_rows(
    conn: Connection, table: str, names: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert ``rows`` (values in the order of ``names``) into ``table``."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from antt_desktop.store.postgresql_copy import copy_rows

        copy_rows(conn, table, names, rows)
        return
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({','.join('?' * len(names))})",
        rows,
    )
