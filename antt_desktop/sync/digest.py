"""``antt sync digest``: a checksum of each synced table's content, to compare two computers.

Two nodes that have exchanged everything hold the same rows, values and field stamps, so they
print the same checksum for every table they share; a table whose checksums differ is where
they disagree. The rows are read in the canonical form of the convergence dump
(:mod:`dump`): by id, whatever order they arrived in, without what only this computer keeps
(its change sequence, version vectors, clock, search keys).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store.models import Unit
from antt_desktop.sync.dump import table_lines
from antt_desktop.sync.errors import SyncProblem
from antt_desktop.sync.tables import by_name, synced_tables


@dataclass(frozen=True)
class TableDigest:
    """One table's content checksum (dấu kiểm nội dung)."""

    table: str
    rows: int
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def digests(ctx: Ctx, table: str | None = None, unit_code: str | None = None) -> list[TableDigest]:
    """The checksum of every synced table (or of ``table``), parents first.

    Args:
        unit_code: only that unit's records in tables kept per unit (an upper unit compares
            itself with one of its posts this way); catalogues are counted whole.

    Raises:
        SyncProblem: no such table or unit.
    """
    ctx.require(Permission.READ)
    tables = synced_tables()
    if table is not None:
        if table not in by_name():
            raise SyncProblem("sync.digest.no_table", table=table)
        tables = (by_name()[table],)
    units = None
    if unit_code is not None:
        unit_id = ctx.session.execute(select(Unit.id).where(Unit.code == unit_code)).scalar()
        if unit_id is None:
            raise SyncProblem("sync.digest.no_unit", unit=unit_code)
        units = [unit_id]
    conn = ctx.session.connection()
    out = []
    for t in tables:
        digest = hashlib.sha256()
        count = 0
        for line in table_lines(conn, t, units):
            digest.update(line + b"\n")
            count += 1
        out.append(TableDigest(t.name, count, digest.hexdigest()))
    return out
