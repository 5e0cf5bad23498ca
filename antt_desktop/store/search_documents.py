"""Keeping the search index (store/search_index.py) in step with the records: its tables,
each record's document (the folded text of its name, identity, address and notes), the
entries written with every ORM write (an ``after_flush`` listener, in the same transaction)
and by the bulk loaders, and the whole index rebuilt from the tables. ``antt check``
compares it with the records through :mod:`search_index_check`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from antt_desktop.domain.text import fold
from antt_desktop.store import bulk
from antt_desktop.store.models import Household, Person

DDL = (
    "CREATE TABLE IF NOT EXISTS search_docs ("
    " docid INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL UNIQUE,"
    " unit_id TEXT)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    " name, ident, address, notes,"
    " tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
)
DROP = ("DROP TABLE IF EXISTS search_fts", "DROP TABLE IF EXISTS search_docs")


#: Column weights for ranking: a name match counts most, then phone numbers.
def _join(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def person_document(values: Any) -> tuple[str, str, str, str]:
    """(name, ident, address, notes) folded, from a Person or a mapping of its columns."""
    get = values.get if isinstance(values, dict) else lambda k: getattr(values, k)
    return (
        fold(_join(get("full_name"), get("other_names"))),
        get("phone") or "",
        fold(_join(get("permanent_address"), get("current_address"))),
        fold(_join(get("occupation"), get("notes"))),
    )


def household_document(values: Any, head_name: str | None) -> tuple[str, str, str, str]:
    get = values.get if isinstance(values, dict) else lambda k: getattr(values, k)
    return (
        fold(head_name or ""),
        get("number") or "",
        fold(get("address") or ""),
        fold(get("notes") or ""),
    )


def _remove(conn: Connection, refs: Sequence[str]) -> None:
    for ref in refs:
        row = conn.execute(text("SELECT docid FROM search_docs WHERE ref = :r"), {"r": ref}).first()
        if row is not None:
            conn.execute(text("DELETE FROM search_fts WHERE rowid = :d"), {"d": row[0]})
            conn.execute(text("DELETE FROM search_docs WHERE docid = :d"), {"d": row[0]})


def index_rows(
    conn: Connection, kind: str, docs: Iterable[tuple[str, str | None, tuple[str, str, str, str]]]
) -> None:
    """Insert or replace index entries: ``(ref, unit_id, document)`` per row."""
    docs = list(docs)
    if not docs:
        return
    conn.execute(
        text("INSERT INTO search_docs (kind, ref, unit_id) VALUES (:k, :r, :u)"),
        [{"k": kind, "r": ref, "u": unit} for ref, unit, _d in docs],
    )
    refs = [ref for ref, _u, _d in docs]
    ids: dict[str, int] = {}
    for start in range(0, len(refs), 500):
        chunk = refs[start : start + 500]
        marks = ",".join(f":r{i}" for i in range(len(chunk)))
        rows = conn.execute(
            text(f"SELECT ref, docid FROM search_docs WHERE ref IN ({marks})"),
            {f"r{i}": r for i, r in enumerate(chunk)},
        )
        ids.update({r: d for r, d in rows})
    conn.execute(
        text(
            "INSERT INTO search_fts (rowid, name, ident, address, notes)"
            " VALUES (:d, :n, :i, :a, :o)"
        ),
        [
            {"d": ids[ref], "n": doc[0], "i": doc[1], "a": doc[2], "o": doc[3]}
            for ref, _u, doc in docs
        ],
    )


def _sync_objects(session: Session, _ctx: UOWTransaction) -> None:
    touched = [o for o in (*session.new, *session.dirty) if isinstance(o, Person | Household)]
    if not touched:
        return
    conn = session.connection()
    _remove(conn, [o.id for o in touched])
    for kind, cls in (("person", Person), ("household", Household)):
        docs = []
        for obj in touched:
            if not isinstance(obj, cls) or obj.deleted:
                continue
            if isinstance(obj, Person):
                doc = person_document(obj)
            else:
                head = session.get(Person, obj.head_person_id) if obj.head_person_id else None
                doc = household_document(obj, head.full_name if head else None)
            docs.append((obj.id, obj.unit_id, doc))
        index_rows(conn, kind, docs)


def install(session_class: sessionmaker[Session] | type[Session]) -> None:
    """Keep the index in step with every ORM flush of ``session_class``."""
    event.listen(session_class, "after_flush", _sync_objects)


_PERSON_COLS = (
    "id, unit_id, full_name, other_names, phone, permanent_address,"
    " current_address, occupation, notes"
)


def _expected_batches(conn: Connection, size: int = 5000) -> Iterable[tuple[str, list[Any]]]:
    rows = conn.execute(text(f"SELECT {_PERSON_COLS} FROM persons WHERE deleted = 0"))
    while batch := rows.mappings().fetchmany(size):
        yield "person", [(r["id"], r["unit_id"], person_document(dict(r))) for r in batch]
    rows = conn.execute(
        text(
            "SELECT h.id, h.unit_id, h.number, h.address, h.notes, p.full_name AS head"
            " FROM households h LEFT JOIN persons p ON p.id = h.head_person_id"
            " WHERE h.deleted = 0"
        )
    )
    while batch := rows.mappings().fetchmany(size):
        yield (
            "household",
            [(r["id"], r["unit_id"], household_document(dict(r), r["head"])) for r in batch],
        )


def rebuild(conn: Connection) -> int:
    """Drop and refill the whole index from the tables; returns the number of documents."""
    conn.execute(text("DELETE FROM search_fts"))
    conn.execute(text("DELETE FROM search_docs"))
    count = 0
    for docs in _expected_batches(conn):
        index_rows(conn, docs[0], docs[1])
        count += len(docs[1])
    return count


def index_new_rows(
    conn: Connection, kind: str, docs: Iterable[tuple[str, str | None, tuple[str, str, str, str]]]
) -> None:
    """:func:`index_rows` for rows the index has never held (a bulk load of new records, the
    demo generator, a sync import): their entries take the next docids in one pass, with no
    look-up of their refs (store/bulk.py: ``executemany``, a server's ``COPY``); a ref
    already indexed is refused by ``search_docs``' unique ref."""
    docs = list(docs)
    if not docs:
        return
    if conn.dialect.name == "postgresql":  # its docids are a sequence's
        from antt_desktop.store import postgresql_search

        docids = postgresql_search.next_docids(conn, len(docs))
    else:  # what SQLite gives a rowid of its own: one past the largest
        first = int(
            conn.exec_driver_sql("SELECT coalesce(max(docid), 0) + 1 FROM search_docs").scalar_one()
        )
        docids = list(range(first, first + len(docs)))
    bulk.insert_rows(
        conn,
        "search_docs",
        ("docid", "kind", "ref", "unit_id"),
        [(d, kind, ref, unit) for d, (ref, unit, _d) in zip(docids, docs, strict=True)],
    )
    bulk.insert_rows(
        conn,
        "search_fts",
        ("rowid", "name", "ident", "address", "notes"),
        [(d, *doc) for d, (_r, _u, doc) in zip(docids, docs, strict=True)],
    )
