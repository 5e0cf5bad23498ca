"""The search index check's reads on a PostgreSQL server (store/search_index_check.py).

SQLite's check walks the records by ``rowid`` — the full check a stretch of rowids at a
time, the quick check random rowids — and folds the records' columns inside SQLite (a
Python function of the connection). A server has neither: here the records are read in
stretches of their primary key (``id``, each stretch one index range scan, beside its
entry through ``search_docs``' unique ``ref`` and ``search_fts``' key) and folded on the
desk; the quick check's picks are random points in the key's space (ids are UUIDs), each
the first live record at or after it (one index lookup a pick).

The words the ranked search reads (``search_fts.doc``, revision 0029) are computed by the
server from the entry's text: they cannot be out of step with it, so FTS5's
``integrity-check`` has no counterpart to run.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection

#: How many records of a table one statement of the full check reads (a progress step).
STRETCH = 20_000

#: Per kind: the live records of a stretch of keys (after the first, up to the second), in
#: key order — the record's id, the three pairs of columns its document folds (name,
#: address, notes), its ident; then its entry's kind, whether the entry has its text (a
#: ``search_fts`` row), and that text (name, ident, address, notes; NULL without it). The
#: entries' keys are bounded too: the server reads that stretch of ``search_docs`` alone.
_STRETCH = (
    "SELECT r.id, {pairs}, {ident}, d.kind, f.rowid IS NOT NULL,"
    " f.name, f.ident, f.address, f.notes"
    " FROM {records} LEFT JOIN search_docs d"
    " ON d.ref = r.id AND d.ref > %(lo)s AND d.ref <= %(hi)s"
    " LEFT JOIN search_fts f ON f.rowid = d.docid"
    " WHERE r.deleted = 0 AND r.id > %(lo)s AND r.id <= %(hi)s ORDER BY r.id"
)
_SOURCES = {
    "person": (
        "r.full_name, r.other_names, r.permanent_address, r.current_address, r.occupation, r.notes",
        "coalesce(r.phone, '')",
        "persons r",
    ),
    "household": (
        "p.full_name, NULL, r.address, NULL, r.notes, NULL",
        "coalesce(r.number, '')",
        "households r LEFT JOIN persons p ON p.id = r.head_person_id",
    ),
}
_SCAN = {
    kind: _STRETCH.format(pairs=pairs, ident=ident, records=records)
    for kind, (pairs, ident, records) in _SOURCES.items()
}
TABLES = {"person": "persons", "household": "households"}


def live_records(conn: Connection, kind: str) -> int:
    """How many live records of ``kind`` there are (the full check's progress total)."""
    sql = f"SELECT count(*) FROM {TABLES[kind]} WHERE deleted = 0"
    return int(conn.exec_driver_sql(sql).scalar_one())


def stretches(conn: Connection, kind: str) -> Iterator[Sequence[Any]]:
    """The live records of ``kind`` beside their entries (:data:`_SCAN`'s rows), a stretch
    of :data:`STRETCH` primary keys at a time, in key order."""
    table, after = TABLES[kind], ""
    while True:
        # the stretch's last key: the STRETCH-th live record's after it, or the table's last
        last, end = conn.exec_driver_sql(
            f"SELECT (SELECT id FROM {table} WHERE deleted = 0 AND id > %(lo)s"
            f" ORDER BY id OFFSET %(n)s LIMIT 1), (SELECT max(id) FROM {table})",
            {"lo": after, "n": STRETCH - 1},
        ).one()
        if end is None:
            return
        rows = conn.exec_driver_sql(
            _SCAN[kind], {"lo": after, "hi": end if last is None else last}
        ).all()
        if rows:
            yield rows
        if last is None:
            return
        after = last


def in_write_order(conn: Connection, kind: str, refs: Sequence[str]) -> list[str]:
    """``refs`` (live records of ``kind``) in the order they were last written here (their
    ``local_seq``; then their key): the order the problems are named in — on SQLite the
    rowids', the order the records were stored."""
    if not refs:
        return []
    sql = f"SELECT id FROM {TABLES[kind]} WHERE id = ANY(?) ORDER BY local_seq, id"
    return list(conn.exec_driver_sql(sql, (list(dict.fromkeys(refs)),)).scalars())


def sample(conn: Connection, kind: str, size: int) -> list[str]:
    """Up to ``size`` random live records of ``kind`` (every one when there are no more):
    the first live record at or after each of ``size`` random points of the key's space,
    not a ``random()`` ORDER BY, which would read every row of the district."""
    if size <= 0:
        return []
    table = TABLES[kind]
    first = conn.exec_driver_sql(
        f"SELECT id FROM {table} WHERE deleted = 0 ORDER BY id LIMIT ?", (size + 1,)
    )
    refs = list(first.scalars())
    if len(refs) <= size:
        return refs
    points = sorted(str(uuid.UUID(int=random.getrandbits(128))) for _ in range(size))
    picked = conn.exec_driver_sql(
        "SELECT DISTINCT r.id FROM unnest(?::text[]) AS p(point) CROSS JOIN LATERAL"
        f" (SELECT id FROM {table} WHERE id >= p.point AND deleted = 0 ORDER BY id LIMIT 1) r",
        (points,),
    )
    return list(picked.scalars())
