"""A canonical dump of the synced data and its hash: two nodes that imported the same bundles
hold the same rows, field values and field stamps, whatever the order (SYNC.md guarantee 4).

Local bookkeeping (``local_seq``, version vectors, the hlc column) is left out; a unit filter
restricts the dump to what a post may hold.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection

from antt_desktop.sync import extras, rows
from antt_desktop.sync.canonical import canonical
from antt_desktop.sync.merge import stamp_of
from antt_desktop.sync.tables import SyncTable, synced_tables


def dump(conn: Connection, units: Iterable[str] | None = None) -> Iterator[bytes]:
    """One canonical line per row, table by table, rows by id."""
    wanted = sorted(units) if units is not None else None
    for t in synced_tables():
        yield from table_lines(conn, t, wanted)


def table_lines(conn: Connection, t: SyncTable, units: list[str] | None) -> Iterator[bytes]:
    """The canonical lines of one table's rows, by id (of ``units`` only, if given)."""
    where = "1 = 1"
    params: dict[str, Any] = {}
    scope = t.scope()
    if units is not None and scope is not None:
        marks = ", ".join(f":u{i}" for i in range(len(units)))
        where = f"{scope} IN ({marks})" if units else "0 = 1"
        params = {f"u{i}": u for i, u in enumerate(units)}
    found = sorted(rows.iterate(conn, t, where, params), key=lambda r: str(r["id"]))
    extras.attach(conn, t.name, {r["id"]: r for r in found})
    for row in found:
        names = (*t.merge_fields, *extras.names(row))
        flat = extras.flat(row)
        fields = {n: flat.get(n) for n in names}
        stamps = {n: stamp_of(flat, n) for n in names}
        yield canonical([t.name, row["id"], fields, stamps])


def dump_hash(conn: Connection, units: Iterable[str] | None = None) -> str:
    digest = hashlib.sha256()
    for line in dump(conn, units):
        digest.update(line + b"\n")
    return digest.hexdigest()
