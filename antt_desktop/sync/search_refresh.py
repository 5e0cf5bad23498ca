"""Keep the accent-insensitive search index in step with rows written by an import."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection

from antt_desktop.store import search_documents

BATCH = 500


def _forget(conn: Connection, refs: list[str]) -> None:
    for start in range(0, len(refs), BATCH):
        chunk = refs[start : start + BATCH]
        marks = ",".join("?" * len(chunk))
        conn.exec_driver_sql(
            f"DELETE FROM search_fts WHERE rowid IN (SELECT docid FROM search_docs"
            f" WHERE ref IN ({marks}))",
            tuple(chunk),
        )
        conn.exec_driver_sql(f"DELETE FROM search_docs WHERE ref IN ({marks})", tuple(chunk))


def _index(
    conn: Connection, kind: str, docs: list[tuple[str, str | None, tuple[str, str, str, str]]]
) -> None:
    """What ``search_documents.index_rows`` writes, for rows the index does not hold (new
    ones, and those :func:`_forget` has just taken out): in one pass, docids given in order
    (``search_documents.index_new_rows``; a server's by ``COPY``)."""
    search_documents.index_new_rows(conn, kind, docs)


def refresh(
    conn: Connection,
    persons: list[dict[str, Any]],
    households: list[dict[str, Any]],
    new_ids: Collection[str],
) -> None:
    """Index written people and households; households whose head was renamed too."""
    changed_people = [p["id"] for p in persons if p["id"] not in new_ids]
    heads: list[str] = []
    if changed_people:
        for start in range(0, len(changed_people), BATCH):
            chunk = changed_people[start : start + BATCH]
            heads += [
                h
                for (h,) in conn.exec_driver_sql(
                    "SELECT id FROM households WHERE head_person_id IN"
                    f" ({','.join('?' * len(chunk))})",
                    tuple(chunk),
                )
            ]
    household_ids = {h["id"] for h in households} | set(heads)
    stale = changed_people + [h for h in household_ids if h not in new_ids]
    _forget(conn, stale)
    document = search_documents.person_document
    _index(
        conn,
        "person",
        [(p["id"], p["unit_id"], document(p)) for p in persons if not p["deleted"]],
    )
    if not household_ids:
        return
    docs = []
    ids = sorted(household_ids)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for hid, unit, number, address, notes, head, deleted in conn.exec_driver_sql(
            "SELECT h.id, h.unit_id, h.number, h.address, h.notes, p.full_name, h.deleted"
            " FROM households h LEFT JOIN persons p ON p.id = h.head_person_id"
            f" WHERE h.id IN ({','.join('?' * len(chunk))})",
            tuple(chunk),
        ):
            if not deleted:
                values = {"number": number, "address": address, "notes": notes}
                docs.append((hid, unit, search_documents.household_document(values, head)))
    _index(conn, "household", docs)
