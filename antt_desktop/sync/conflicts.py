"""``antt sync conflicts``: the conflicts waiting for a person, and their resolution.

A conflict keeps both values of one field: the provisional winner (the same on every node)
and the value set aside. Resolving it is an ordinary stamped write of the chosen value: it
syncs like any other change, and every node that receives it closes the same conflict
(``conflict_store.supersede``). Fields derived from another one (the folded name of a
resident) follow the field they come from and are never shown on their own.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.dossier_records import AssessmentInput
from antt_desktop.services.ownership import require_owned
from antt_desktop.store import field_crypto, photos, sealed_json
from antt_desktop.store.models import Assessment, Dossier, SyncConflict, SyncPeer
from antt_desktop.sync import conflict_store, forks, records
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.resolve_write import refuse, write_fields

#: A field whose value is computed from another one: it follows its source field.
DERIVED = {
    "persons": {
        "name_folded": "full_name",
        "given_folded": "full_name",
        "sort_key": "full_name",
        "birth_year": "born",
    }
}
#: A record that arrived whole from the old post after a transfer: reviewed, not chosen.
WHOLE_ROW = conflict_store.WHOLE_ROW
CHOICES = ("kept", "other")


@dataclass(frozen=True)
class ConflictView:
    """One open conflict as an officer sees it: both values side by side."""

    id: str
    table: str
    row_id: str
    record: str  # who or what the record is about (a resident's name...)
    field: str
    kind: str  # field, delete, late_edit, duplicate
    kept_value: Any  # the provisional winner, in the record now
    kept_by: str  # the unit that wrote it
    other_value: Any
    other_by: str
    detected_at: str = dataclasses.field(compare=False)  # when this node found it
    #: both values sealed, and this login holds no fields key: shown as protected
    protected: bool = False

    @property
    def reviewed_only(self) -> bool:
        """A whole record to look at, not two values to choose from."""
        return self.field == WHOLE_ROW or self.kind == "duplicate"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _writers(session: Session) -> dict[str, str]:
    """Replica id -> unit name, for this node and every peer whose bundles came in."""
    me = records.this_node(session)
    found = {me.replica_id: me.unit_name}
    for peer in session.execute(select(SyncPeer)).scalars():
        if peer.applied_epoch:
            found[peer.applied_epoch] = peer.unit_name
    return found


def _writer(stamp: list[Any], writers: dict[str, str]) -> str:
    if len(stamp) == 3:
        return writers.get(str(stamp[1]), "")
    return ""


def open_conflicts(session: Session, *, table: str | None = None) -> list[ConflictView]:
    """Open conflicts, newest first; derived fields are left out (they follow their source)."""
    query = select(SyncConflict).where(SyncConflict.status == "open")
    if table is not None:
        query = query.where(SyncConflict.table_name == table)
    writers = _writers(session)
    out = []
    for c in session.execute(query.order_by(SyncConflict.detected_at.desc(), SyncConflict.id)):
        conflict = c[0]
        if conflict.field in DERIVED.get(conflict.table_name, {}):
            continue
        try:
            kept, other = _values(session, conflict)
        except field_crypto.FieldUnreadable:  # the list stays usable; resolving names it
            kept, other = conflict.kept_value, conflict.other_value
        protected = sealed_json.is_sealed_json(kept) or sealed_json.is_sealed_json(other)
        if protected:
            kept = other = None
        out.append(
            ConflictView(
                id=conflict.id,
                table=conflict.table_name,
                row_id=conflict.row_id,
                record=records.describe(session, conflict.table_name, conflict.row_id),
                field=conflict.field,
                kind=conflict.kind,
                kept_value=kept,
                kept_by=_writer(conflict.kept_stamp, writers),
                other_value=other,
                other_by=_writer(conflict.other_stamp, writers),
                detected_at=conflict.detected_at,
                protected=protected,
            )
        )
    return out


def _values(session: Session, conflict: SyncConflict) -> tuple[Any, Any]:
    """Both values of a conflict in plain; sealed as stored when this login holds no fields
    key (a viewer sees that they are protected, never the values).

    Raises:
        FieldUnreadable: a value sealed under a key this one is not.
    """
    cipher = field_crypto.cipher_of(session)
    stored = (conflict.kept_value, conflict.other_value)
    if cipher is None:
        return stored
    kept, other = (
        sealed_json.open_conflict_value(cipher, conflict.id, column, value)
        for column, value in zip(sealed_json.CONFLICT_VALUES, stored, strict=True)
    )
    return kept, other


def _find(ctx: Ctx, conflict_id: str) -> SyncConflict:
    conflict = ctx.session.get(SyncConflict, conflict_id)
    if conflict is None:
        matches = (
            ctx.session.execute(
                select(SyncConflict).where(
                    SyncConflict.id.startswith(conflict_id), SyncConflict.status == "open"
                )
            )
            .scalars()
            .all()
            if len(conflict_id) >= 6
            else []
        )
        conflict = matches[0] if len(matches) == 1 else None
    if conflict is None or conflict.status != "open":
        raise refuse("conflict_id", "sync.conflict.unknown", value=conflict_id)
    source = DERIVED.get(conflict.table_name, {}).get(conflict.field)
    if source is not None:  # resolve the field it comes from, which takes this one along
        main = ctx.session.execute(
            select(SyncConflict).where(
                SyncConflict.table_name == conflict.table_name,
                SyncConflict.row_id == conflict.row_id,
                SyncConflict.field == source,
                SyncConflict.status == "open",
            )
        ).scalar()
        conflict = main or conflict
    return conflict


def resolve(ctx: Ctx, conflict_id: str, choice: str) -> SyncConflict:
    """Settle a conflict with the ``kept`` or the ``other`` value (``reviewed`` for a whole
    record); a new stamped write of the chosen value. Refuses before writing anything.

    Raises:
        ValidationFailed: the conflict is unknown or closed, the choice does not fit it, the
            record may not be changed here, or the value is no longer valid.
    """
    if not ctx.may(Permission.REVIEW):  # an upper unit reviews, a post's officer writes
        ctx.require(Permission.WRITE)
    conflict = _find(ctx, conflict_id)
    if conflict.kind == forks.KIND:
        return _settle_fork(ctx, conflict, choice)
    if conflict.kind == "duplicate":
        raise refuse("conflict_id", "sync.conflict.duplicate", other=str(conflict.kept_value))
    if conflict.field == WHOLE_ROW:
        if choice != "reviewed":
            raise refuse("choice", "sync.conflict.review_choice", value=choice)
        _close(ctx, [conflict], "resolved")
        ctx.audit(
            "sync_resolve", records.entity(conflict.table_name), conflict.row_id, [], "reviewed"
        )
        return conflict
    if choice not in CHOICES:
        raise refuse("choice", "sync.conflict.choice", value=choice)
    followers = [
        c
        for c in ctx.session.execute(
            select(SyncConflict).where(
                SyncConflict.table_name == conflict.table_name,
                SyncConflict.row_id == conflict.row_id,
                SyncConflict.status == "open",
            )
        ).scalars()
        if DERIVED.get(conflict.table_name, {}).get(c.field) == conflict.field
    ]
    chosen = [conflict, *followers]
    opened = {c.id: _values(ctx.session, c) for c in chosen}
    if any(sealed_json.is_sealed_json(v) for pair in opened.values() for v in pair):
        raise field_crypto.FieldsLocked(table=conflict.table_name, column=conflict.field)
    values = {c.field: opened[c.id][0 if choice == "kept" else 1] for c in chosen}
    row = write_fields(ctx, conflict.table_name, conflict.row_id, values)
    _close(ctx, chosen, "resolved")
    if conflict.field == "photo_sha256":  # the photo not chosen is not kept unseen
        for value in (conflict.kept_value, conflict.other_value):
            photos.forget_unused(ctx.session, value if isinstance(value, str) else None)
    conflict_store.supersede(ctx.session.connection(), conflict.table_name, [row])
    ctx.audit(
        "sync_resolve",
        records.entity(conflict.table_name),
        conflict.row_id,
        list(values),
        f"conflict {conflict.id}: {choice}",
    )
    return conflict


def _settle_fork(ctx: Ctx, conflict: SyncConflict, choice: str) -> SyncConflict:
    """Two corrections of one assessment: a new version, a copy of the chosen one, that
    supersedes it and settles the other (``settles_id``); no row is changed or deleted."""
    if choice not in CHOICES:
        raise refuse("choice", "sync.conflict.choice", value=choice)
    ids = [
        str(v.get("id")) if isinstance(v, dict) else ""
        for v in (conflict.kept_value, conflict.other_value)
    ]
    chosen_id, aside_id = ids if choice == "kept" else reversed(ids)
    chosen = ctx.session.get(Assessment, chosen_id)
    aside = ctx.session.get(Assessment, aside_id)
    if chosen is None or aside is None or chosen.deleted or aside.deleted:
        raise refuse("conflict_id", "sync.conflict.record_missing", value=conflict.row_id)
    dossier = ctx.session.get(Dossier, chosen.dossier_id)
    assert dossier is not None  # a foreign key
    require_owned(ctx, dossier, "conflict_id")
    copied = {
        n: getattr(chosen, n) for n in (*(f.name for f in fields(AssessmentInput)), "period_start")
    }
    settled = Assessment(supersedes_id=chosen.id, settles_id=aside.id, **copied)
    ctx.session.add(settled)
    ctx.session.flush()
    _close(ctx, [conflict], "resolved")
    conn = ctx.session.connection()
    forks.refresh(conn, [{"dossier_id": dossier.id}], conflict.peer_node or "")
    ctx.audit(
        "sync_resolve",
        "assessment",
        settled.id,
        ["supersedes_id", "settles_id"],
        f"conflict {conflict.id}: {choice}",
    )
    return conflict


def _close(ctx: Ctx, conflicts: list[SyncConflict], status: str) -> None:
    for c in conflicts:
        c.status = status
        c.resolved_at = now_iso()
        c.resolved_by = ctx.actor.username
    ctx.session.flush()
