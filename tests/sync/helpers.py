"""Small steps the sync tests repeat: add, edit and delete a resident on a node."""

from __future__ import annotations

from antt_desktop.services.people import PersonInput, add_person, edit_person
from antt_desktop.store.models import Person, SyncConflict
from tests.sync.nodes import Node


def add(node: Node, name: str, **extra: str) -> str:
    with node.write() as ctx:
        return add_person(ctx, PersonInput(full_name=name, **extra)).person.id  # type: ignore[arg-type]


def edit(node: Node, person_id: str, **changes: str | None) -> None:
    with node.write() as ctx:
        edit_person(ctx, person_id, changes, reason="Đính chính theo giấy tờ")


def delete(node: Node, person_id: str) -> None:
    """Tombstone the row (purges come later, once every peer has it)."""
    with node.write() as ctx:
        person = ctx.session.get(Person, person_id)
        assert person is not None
        person.deleted = True


def person(node: Node, person_id: str) -> Person | None:
    with node.read() as ctx:
        return ctx.session.get(Person, person_id)


def conflicts(node: Node) -> list[tuple[str, str, str, object, object]]:
    with node.read() as ctx:
        return sorted(
            (c.row_id, c.field, c.kind, c.kept_value, c.other_value)
            for c in ctx.session.query(SyncConflict).filter(SyncConflict.status == "open")
        )
