"""The one place where sync metadata is stamped, for ORM flushes and bulk inserts alike.

Every write to a synced row takes the next hybrid-clock value, bumps this replica's counter in
the row's version vector, records which fields it wrote with that stamp, and takes the next
``local_seq`` so an export can find everything changed since a peer's acknowledgement.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Column, event, inspect
from sqlalchemy.orm import InstanceState, Session, UOWTransaction, sessionmaker

from antt_desktop.store.base import SYNC_COLUMNS, Synced, new_id
from antt_desktop.store.clock import WallClock, tick, wall_ms
from antt_desktop.store.models import LocalNode


class AppendOnlyError(RuntimeError):
    """A bug: code tried to change or delete a row of an append-only table."""


class HardDeleteError(RuntimeError):
    """A bug: synced rows are deleted by tombstone (``deleted = True``), never by DELETE."""


class NodeClock:
    """Hands out stamps from this node's persisted state (the ``local_node`` row)."""

    def __init__(self, node: LocalNode, wall: WallClock) -> None:
        self.node = node
        self._wall = wall

    def next(self) -> tuple[list[Any], int]:
        """Return ``([hlc, replica, counter], local_seq)`` for one row write."""
        node = self.node
        node.hlc = tick(node.hlc, self._wall())
        node.counter += 1
        node.seq += 1
        return [node.hlc, node.replica_id, node.counter], node.seq

    def next_many(self, n: int) -> list[tuple[int, int, int]]:
        """``(hlc, counter, local_seq)`` of ``n`` row writes in a row: the values ``n`` calls
        of :meth:`next` give (the replica is the node's), for bulk loaders that stamp
        thousands of rows and cannot afford an ORM attribute write per value."""
        node, wall = self.node, self._wall
        hlc, counter, seq = node.hlc, node.counter, node.seq
        out = []
        for _ in range(n):
            hlc = tick(hlc, wall())
            counter += 1
            seq += 1
            out.append((hlc, counter, seq))
        node.hlc, node.counter, node.seq = hlc, counter, seq
        return out

    def stamp_new(self, values: dict[str, Any]) -> dict[str, Any]:
        """Fill the sync columns of a row about to be inserted (bulk path)."""
        stamp, seq = self.next()
        values.setdefault("id", new_id())
        values.setdefault("owner_node", self.node.node_id)
        values.setdefault("deleted", False)
        values["version_vector"] = {stamp[1]: stamp[2]}
        values["created_stamp"] = stamp
        values["field_stamps"] = {}
        values["hlc"] = stamp[0]
        values["local_seq"] = seq
        return values


def local_node(session: Session) -> LocalNode:
    node = session.get(LocalNode, 1)
    if node is None:
        raise RuntimeError("database has no local node row: it was not initialised")
    return node


def _changed_fields(obj: Synced) -> list[str]:
    """The names (as stored, which sync uses) of the columns a flush writes. A sealed
    field's opened value is an SQL expression, not a column: its stored column counts."""
    state: InstanceState[Synced] = inspect(obj)  # type: ignore[assignment]
    return [
        attr.columns[0].name
        for attr in state.mapper.column_attrs
        if isinstance(attr.columns[0], Column)
        and attr.key not in SYNC_COLUMNS
        and state.attrs[attr.key].history.has_changes()
    ]


def _stamp_update(clock: NodeClock, obj: Synced, fields: list[str]) -> None:
    stamp, seq = clock.next()
    vector = dict(obj.version_vector or {})
    vector[stamp[1]] = stamp[2]
    obj.version_vector = vector
    stamps = dict(obj.field_stamps or {})
    for name in fields:
        stamps[name] = stamp
    obj.field_stamps = stamps
    obj.hlc = stamp[0]
    obj.local_seq = seq


def install(
    session_class: sessionmaker[Session] | type[Session], wall: WallClock = wall_ms
) -> None:
    """Register the stamping listener on a sessionmaker's class (or one session)."""

    def before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
        synced_new = [o for o in session.new if isinstance(o, Synced)]
        synced_dirty = [o for o in session.dirty if isinstance(o, Synced)]
        for obj in session.deleted:
            if isinstance(obj, Synced):
                raise HardDeleteError(f"{type(obj).__name__} rows are tombstoned, not deleted")
        if not synced_new and not synced_dirty:
            return
        clock = NodeClock(local_node(session), wall)
        for obj in synced_new:
            values = clock.stamp_new({"id": obj.id or new_id()})
            if not obj.owner_node:
                obj.owner_node = values["owner_node"]
            for key in ("id", "version_vector", "created_stamp", "field_stamps", "hlc"):
                setattr(obj, key, values[key])
            obj.local_seq = values["local_seq"]
            if obj.deleted is None:
                obj.deleted = False
        for obj in synced_dirty:
            fields = _changed_fields(obj)
            if not fields:
                continue
            if obj.append_only and not (obj.deleted and "deleted" in fields):
                # the one change an append-only row takes: its purge (a tombstone that
                # erases the personal values, services.purge)
                raise AppendOnlyError(f"{type(obj).__name__} is append-only: {fields}")
            _stamp_update(clock, obj, fields)

    event.listen(session_class, "before_flush", before_flush)


@contextmanager
def bulk_stamper(session: Session, wall: WallClock = wall_ms) -> Iterator[NodeClock]:
    """A clock for Core bulk inserts inside ``session``'s transaction; state saved on exit."""
    node = local_node(session)
    clock = NodeClock(node, wall)
    yield clock
    session.flush([node])


def stamped(clock: NodeClock, rows: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [clock.stamp_new(dict(r)) for r in rows]
