"""Synced records by table name: their ORM class, a short description for people (whose
record a conflict is about), and who this node is."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Table, text
from sqlalchemy.orm import Session

from antt_desktop.store.base import Base
from antt_desktop.store.models import LocalNode, Unit

#: The audit log's name for a record of these tables.
ENTITY = {
    "persons": "person",
    "dossiers": "dossier",
    "assessments": "assessment",
    "households": "household",
    "pledges": "pledge",
    "initiatives": "initiative",
    "evaluations": "evaluation",
    "teams": "team",
    "team_members": "team_member",
    "units": "unit",
    "areas": "area",
    "commendations": "commendation",
}

#: How to name a record of a table for a person: SQL giving one text for ``:id``.
_DESCRIBE = {
    "persons": "SELECT full_name FROM persons WHERE id = :id",
    "dossiers": "SELECT p.full_name FROM dossiers d JOIN persons p ON p.id = d.person_id"
    " WHERE d.id = :id",
    "households": "SELECT number || ' ' || COALESCE(address, '') FROM households WHERE id = :id",
    "assessments": "SELECT p.full_name || ' ' || a.period FROM assessments a"
    " JOIN dossiers d ON d.id = a.dossier_id JOIN persons p ON p.id = d.person_id"
    " WHERE a.id = :id",
    "pledges": "SELECT h.number || ' ' || g.year FROM pledges g"
    " JOIN households h ON h.id = g.household_id WHERE g.id = :id",
    "initiatives": "SELECT name FROM initiatives WHERE id = :id",
    "teams": "SELECT name FROM teams WHERE id = :id",
    "team_members": "SELECT name FROM team_members WHERE id = :id",
    "units": "SELECT name FROM units WHERE id = :id",
    "areas": "SELECT name FROM areas WHERE id = :id",
}


def entity(table: str) -> str:
    return ENTITY.get(table, table)


@cache
def classes() -> dict[str, type[Any]]:
    """Table name -> mapped class of every model."""
    return {
        m.local_table.name: m.class_
        for m in Base.registry.mappers
        if isinstance(m.local_table, Table)
    }


def describe(session: Session, table: str, row_id: str) -> str:
    """A few words naming the record ("Nguyễn Văn An"), or its id when nothing better."""
    sql = _DESCRIBE.get(table)
    if sql is not None:
        found = session.execute(text(sql), {"id": row_id}).scalar()
        if found:
            return str(found).strip()
    return row_id[:8]


@dataclass(frozen=True)
class ThisNode:
    node_id: str
    replica_id: str
    unit_id: str
    unit_name: str
    kind: str


def this_node(session: Session) -> ThisNode:
    node = session.get(LocalNode, 1)
    if node is None:
        raise RuntimeError("database has no local node row: it was not initialised")
    unit = session.get(Unit, node.unit_id) if node.unit_id else None
    return ThisNode(
        node.node_id,
        node.replica_id,
        node.unit_id or "",
        unit.name if unit else "",
        unit.kind if unit else "",
    )
