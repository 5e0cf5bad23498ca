"""Fields a newer minor version sends that this version does not know (SYNC.md "Versions").

Within a major format version changes are additive, so such fields are kept, not dropped:
received rows carry them under ``EXTRA`` (name -> value), the merge treats them like any
field (their stamps are in ``field_stamps`` as the newer version wrote them), they are
stored beside the row in ``sync_extra``, and exports put them back as ordinary fields, so
the next node receives them unchanged.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from antt_desktop.store.base import SYNC_COLUMNS
from antt_desktop.store.spelling import Spelling
from antt_desktop.sync.tables import SyncTable

EXTRA = "_extra"
MAX_BYTES = 100_000
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
BATCH = 500


def split(t: SyncTable, row: dict[str, Any]) -> dict[str, Any]:
    """The fields of a received row that ``t`` does not know.

    Raises:
        ValueError: a name that cannot be a column, or values too large to keep.
    """
    known = t.column_map
    extra = {k: v for k, v in row.items() if k not in known and k not in SYNC_COLUMNS}
    if not extra:
        return extra
    for name in extra:
        if not _NAME.match(name):
            raise ValueError(f"unknown field {name[:60]!r}")
    if len(_dumps(extra)) > MAX_BYTES:
        raise ValueError("unknown fields too large")
    return extra


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its unknown fields beside the known ones (as the merge needs them)."""
    extra = row.get(EXTRA)
    if not extra:
        return row
    out = {k: v for k, v in row.items() if k != EXTRA}
    out.update(extra)
    return out


def names(*found: dict[str, Any] | None) -> tuple[str, ...]:
    return tuple(sorted({n for row in found if row for n in row.get(EXTRA) or {}}))


def nest(row: dict[str, Any], extra_names: Iterable[str]) -> dict[str, Any]:
    """Undo :func:`flat`: unknown fields back under ``EXTRA``."""
    wanted = list(extra_names)
    if not wanted:
        return row
    out = {k: v for k, v in row.items() if k not in wanted}
    out[EXTRA] = {n: row[n] for n in wanted if n in row}
    return out


def _any(conn: Connection, table: str) -> bool:
    return (
        conn.exec_driver_sql(
            "SELECT 1 FROM sync_extra WHERE table_name = ? LIMIT 1", (table,)
        ).first()
        is not None
    )


def attach(conn: Connection, table: str, found: dict[str, dict[str, Any]]) -> None:
    """Put the stored unknown fields of these rows under ``EXTRA``."""
    if not found or not _any(conn, table):
        return
    ids = list(found)
    loads = Spelling(conn).json_reader()
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for row_id, fields in conn.exec_driver_sql(
            "SELECT row_id, fields FROM sync_extra WHERE table_name = ?"
            f" AND row_id IN ({','.join('?' * len(chunk))})",
            (table, *chunk),
        ):
            found[row_id][EXTRA] = loads(fields)


def unfold(conn: Connection, table: str, batch: list[dict[str, Any]]) -> None:
    """Rows leaving in a bundle: their unknown fields go out as ordinary fields."""
    if not batch or not _any(conn, table):
        return
    by_id = {r["id"]: r for r in batch}
    attach(conn, table, by_id)
    for row in batch:
        extra = row.pop(EXTRA, None)
        if extra:
            row.update(extra)


def save(conn: Connection, table: str, written: list[dict[str, Any]]) -> None:
    """Store the unknown fields of rows just written."""
    keep = [(table, r["id"], _dumps(r[EXTRA])) for r in written if r.get(EXTRA)]
    if keep:
        conn.exec_driver_sql(
            Spelling(conn).insert_replacing(
                "sync_extra (table_name, row_id, fields) VALUES (?, ?, ?)",
                ("table_name", "row_id"),
                ("fields",),
            ),
            keep,
        )
