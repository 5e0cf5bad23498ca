"""Append an audit entry in the caller's transaction, chained to the previous one by hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from antt_desktop.store.models import AuditEntry

GENESIS = "0" * 64
#: The triggers that make the table append-only in the database (revision 0009): removing
#: one is how an entry would be edited or removed, so the check looks for them too.
GUARDS = ("audit_entries_no_update", "audit_entries_no_delete")


def entry_hash(
    prev_hash: str,
    at: str,
    actor: str,
    action: str,
    entity: str | None,
    entity_id: str | None,
    fields: Sequence[str],
    detail: str | None,
) -> str:
    payload = json.dumps(
        [prev_hash, at, actor, action, entity, entity_id, list(fields), detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    session: Session,
    actor: str,
    action: str,
    entity: str | None = None,
    entity_id: str | None = None,
    fields: Sequence[str] = (),
    detail: str | None = None,
) -> AuditEntry:
    """Record who did what to which record (field names only, never values)."""
    prev = session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).scalar_one_or_none()
    prev_hash = prev or GENESIS
    at = datetime.now(UTC).isoformat(timespec="seconds")
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        fields=sorted(fields),
        detail=detail,
        prev_hash=prev_hash,
        hash=entry_hash(prev_hash, at, actor, action, entity, entity_id, sorted(fields), detail),
    )
    session.add(entry)
    return entry


def broken_entries(session: Session) -> list[tuple[int, str]]:
    """``(seq, what)`` for each entry that breaks the chain: ``what`` is ``"order"`` (it
    does not follow the entry before it: one was removed or moved) or ``"content"``."""
    broken: list[tuple[int, str]] = []
    prev_hash = GENESIS
    for e in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
        if e.prev_hash != prev_hash:
            broken.append((e.seq, "order"))
        expected = entry_hash(
            e.prev_hash, e.at, e.actor, e.action, e.entity, e.entity_id, e.fields, e.detail
        )
        if expected != e.hash:
            broken.append((e.seq, "content"))
        prev_hash = e.hash
    return broken


def missing_guards(session: Session) -> list[str]:
    """The append-only triggers that are not there (none on a database other than SQLite)."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    query = text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entries'"
    )
    found = set(session.execute(query).scalars())
    return [name for name in GUARDS if name not in found]


def verify_chain(session: Session) -> list[str]:
    """Problems in the chain: an edited, removed or reordered entry breaks it; a removed
    append-only guard is named too."""
    words = {"order": "does not follow the previous entry", "content": "content was changed"}
    problems = [f"audit entry {seq}: {words[what]}" for seq, what in broken_entries(session)]
    problems += [f"audit log: the guard {name} was removed" for name in missing_guards(session)]
    return problems
