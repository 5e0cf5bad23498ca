"""The merge rule of SYNC.md for one row, as a pure function of two versions.

A stamp is ``[hlc, replica, counter]``; a row's version vector says, per replica, the
highest counter it has seen. For each field: a stamp the other side has already seen loses
to the newer one; when neither side has seen the other's stamp and the values differ, the
higher stamp wins provisionally (the same on every node) and a conflict keeps the other
value. The vector becomes the element-wise maximum. The result does not depend on which
side is local, so nodes that merge the same versions in any order hold the same row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Row = Mapping[str, Any]
Stamp = list[Any]


def stamp_key(stamp: Sequence[Any]) -> tuple[int, str, int]:
    return (int(stamp[0]), str(stamp[1]), int(stamp[2]))


def seen(vector: Mapping[str, Any], stamp: Sequence[Any]) -> bool:
    """The side with ``vector`` has seen the write that made ``stamp``."""
    return int(vector.get(str(stamp[1]), 0)) >= int(stamp[2])


def stamp_of(row: Row, name: str) -> Stamp:
    """The stamp of the last write of field ``name`` (the creation stamp if none since)."""
    stamps = row.get("field_stamps") or {}
    found = stamps.get(name)
    return list(found) if found else list(row["created_stamp"])


def max_vector(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, int]:
    return {k: max(int(a.get(k, 0)), int(b.get(k, 0))) for k in sorted({*a, *b})}


@dataclass(frozen=True)
class Conflict:
    """A field two sides changed concurrently: ``kept`` won provisionally."""

    field: str
    kind: str  # "field" or "delete"
    kept_value: Any
    kept_stamp: Stamp
    other_value: Any
    other_stamp: Stamp


@dataclass
class Merged:
    row: dict[str, Any]
    changed: bool  # data or stamps differ from the local version
    vector_changed: bool
    equals_incoming: bool
    conflicts: list[Conflict] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)  # fields whose incoming value won


def _pick(
    name: str, local: Row, incoming: Row, prefer_incoming: bool, owner: str | None = None
) -> tuple[bool, Conflict | None]:
    """(incoming wins, conflict) for one field."""
    ls, rs = stamp_of(local, name), stamp_of(incoming, name)
    if ls == rs:
        return False, None
    l_saw = seen(local["version_vector"], rs)
    r_saw = seen(incoming["version_vector"], ls)
    if l_saw != r_saw:
        return r_saw, None
    lv, rv = local.get(name), incoming.get(name)
    incoming_higher = stamp_key(rs) > stamp_key(ls)
    if l_saw or lv == rv:  # causally ordered both ways (cannot really happen) or no dispute
        return incoming_higher, None
    if prefer_incoming:
        return True, None
    if owner is not None:  # the owning post's value stays; the other one is shown
        incoming_higher = owner == "incoming"
    if incoming_higher:
        return True, Conflict(name, "field", rv, rs, lv, ls)
    return False, Conflict(name, "field", lv, ls, rv, rs)


def merge(
    local: Row,
    incoming: Row,
    fields: Sequence[str],
    *,
    prefer_incoming: bool = False,
    owner: str | None = None,
) -> Merged:
    """Merge ``incoming`` into ``local`` (both whole rows with their sync columns).

    Args:
        fields: the fields to merge (data columns, ``deleted`` and ``owner_node``); a field
            missing from ``incoming`` (an older program) keeps the local value.
        prefer_incoming: the sender is the authority for this row and this node is not
            (a catalogue at a post): concurrent values resolve to the sender's, quietly.
        owner: ``"local"`` or ``"incoming"``: the side that is the post owning the record
            (SYNC.md "Ownership"); in a true conflict its value wins, on every node alike,
            and the other value is kept in the conflict.
    """
    created = max(local["created_stamp"], incoming["created_stamp"], key=stamp_key)
    row: dict[str, Any] = {"id": local["id"]}
    stamps: dict[str, Stamp] = {}
    conflicts: list[Conflict] = []
    taken: list[str] = []
    for name in fields:
        if name not in incoming:
            row[name], stamps[name] = local.get(name), stamp_of(local, name)
            continue
        wins, conflict = _pick(name, local, incoming, prefer_incoming, owner)
        source = incoming if wins else local
        row[name], stamps[name] = source.get(name), stamp_of(source, name)
        if wins:
            taken.append(name)
        if conflict is not None:
            conflicts.append(conflict)
    delete = _delete_against_edit(local, incoming, fields, row)
    if delete is not None:
        conflicts.append(delete)
    row["created_stamp"] = list(created)
    row["field_stamps"] = {k: v for k, v in sorted(stamps.items()) if v != list(created)}
    row["version_vector"] = max_vector(local["version_vector"], incoming["version_vector"])
    row["hlc"] = max(int(local["hlc"]), int(incoming["hlc"]))
    changed = list(created) != list(local["created_stamp"]) or any(
        row[n] != local.get(n) or stamps[n] != stamp_of(local, n) for n in fields
    )
    equals_incoming = (
        list(created) == list(incoming["created_stamp"])
        and row["version_vector"] == dict(incoming["version_vector"])
        and all(
            n in incoming and row[n] == incoming[n] and stamps[n] == stamp_of(incoming, n)
            for n in fields
        )
    )
    return Merged(
        row=row,
        changed=changed,
        vector_changed=row["version_vector"] != dict(local["version_vector"]),
        equals_incoming=equals_incoming,
        conflicts=conflicts,
        taken=taken,
    )


def _delete_against_edit(
    local: Row, incoming: Row, fields: Sequence[str], merged: Row
) -> Conflict | None:
    """A deletion that wins over edits made without seeing it: kept deleted, but shown."""
    if not merged.get("deleted") or bool(local.get("deleted")) == bool(incoming.get("deleted")):
        return None
    deleter, editor = (local, incoming) if local.get("deleted") else (incoming, local)
    deleted_stamp = stamp_of(deleter, "deleted")
    edits = [
        stamp_of(editor, n)
        for n in fields
        if n != "deleted"
        and n in editor
        and stamp_of(editor, n) != stamp_of(deleter, n)
        and not seen(deleter["version_vector"], stamp_of(editor, n))
    ]
    if not edits:
        return None
    latest = max(edits, key=stamp_key)
    return Conflict("deleted", "delete", True, deleted_stamp, False, latest)
