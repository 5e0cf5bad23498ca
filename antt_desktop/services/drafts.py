"""Drafts (bản nháp): the long texts an officer is typing in an editor, kept every few
seconds inside the encrypted database, and offered back at the next login of the same
account after a crash or a power cut.

A draft is not a record: it is never synced, never stamped and never audited, and no view
is told of it. Each call is one small transaction of its own (the window calls it from a
timer; nothing else is in the transaction). Every call names the account: a draft is only
ever read, replaced or removed by the account that typed it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.security.roles import Actor
from antt_desktop.store import sealed_json
from antt_desktop.store.database import Database
from antt_desktop.store.errors import KnownError
from antt_desktop.store.models import Draft

log = logging.getLogger(__name__)
#: The longest label kept (the column's size; a longer one is cut).
MAX_LABEL = 300
#: The most characters one draft may hold in all (far beyond any record's text fields:
#: a runaway paste is refused rather than written every few seconds).
MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class DraftInput:
    """What an open editor holds now.

    Args:
        id: the editor's draft id (the same for each keep of the same editor).
        editor: the editor, as ``module:Class``.
        opened_with: the editor's arguments naming its record (JSON values).
        label: what the officer is told, e.g. "Viết nhận xét — Nguyễn Văn A".
        fields: the texts typed, ``{field: text}``.
    """

    id: str
    editor: str
    label: str
    fields: dict[str, str]
    opened_with: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DraftRow:
    """A kept draft, as the restore offer lists it."""

    id: str
    editor: str
    opened_with: dict[str, Any]
    label: str
    fields: dict[str, str]
    saved_at: datetime


def check_keep(draft: DraftInput) -> list[Problem]:
    """The problems of a draft before it is kept (a bug in the caller, or a runaway paste)."""
    problems = []
    if not draft.id or not draft.editor:
        problems.append(Problem("editor", "draft.no_editor"))
    texts = draft.fields.values()
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in draft.fields.items()):
        problems.append(Problem("fields", "draft.not_text"))
    elif sum(len(t) for t in texts) > MAX_CHARS:
        problems.append(Problem("fields", "draft.too_long", {"limit": MAX_CHARS}))
    return problems


def keep(db: Database, actor: Actor, draft: DraftInput) -> None:
    """Keep ``draft`` for ``actor`` (replacing what the same editor kept before).

    Raises:
        ValidationFailed: see :func:`check_keep`; nothing is written then.
    """
    raise_if_errors(check_keep(draft))
    label = draft.label.strip()[:MAX_LABEL] or draft.editor.rpartition(":")[2]
    saved_at = datetime.fromtimestamp(db.wall() / 1000).isoformat(timespec="seconds")
    with db.write() as session:
        row = session.get(Draft, draft.id)
        if row is not None and row.account != actor.username:
            raise ValidationFailed([Problem("id", "draft.not_yours")])
        if row is None:
            row = Draft(id=draft.id, account=actor.username)
            session.add(row)
        row.editor = draft.editor
        row.opened_with = dict(draft.opened_with)
        row.label = label
        cipher = db.fields  # sealed whole when this login holds the fields key
        texts = dict(draft.fields)
        row.fields = sealed_json.seal_draft(cipher, draft.id, texts) if cipher else texts
        row.saved_at = saved_at


def forget(db: Database, actor: Actor, draft_id: str) -> bool:
    """Remove ``actor``'s draft ``draft_id`` (saved, or discarded); whether there was one."""
    with db.write() as session:
        gone = session.execute(
            delete(Draft).where(Draft.id == draft_id, Draft.account == actor.username)
        )
        return bool(getattr(gone, "rowcount", 0))


def mine(db: Database, actor: Actor) -> list[DraftRow]:
    """``actor``'s drafts, the most recent first."""
    with db.read() as session:
        rows = session.scalars(
            select(Draft)
            .where(Draft.account == actor.username)
            .order_by(Draft.saved_at.desc(), Draft.id)
        ).all()
        found = []
        for r in rows:
            try:
                texts = sealed_json.open_draft(db.fields, r.id, dict(r.fields or {}))
            except KnownError as exc:  # sealed under a key this login does not hold
                log.warning("draft %s not offered: %s", r.id, exc.code)
                continue
            found.append(
                DraftRow(
                    id=r.id,
                    editor=r.editor,
                    opened_with=dict(r.opened_with),
                    label=r.label,
                    fields=texts,
                    saved_at=datetime.fromisoformat(r.saved_at),
                )
            )
        return found


def forget_records(session: Session, record_ids: set[str]) -> int:
    """Remove every account's drafts of the records ``record_ids`` (purged: their texts go
    with them), in the caller's transaction; how many were removed."""
    gone = [
        draft
        for draft in session.scalars(select(Draft)).all()
        if any(isinstance(v, str) and v in record_ids for v in (draft.opened_with or {}).values())
    ]
    for draft in gone:
        session.delete(draft)
    return len(gone)


def forget_account(session: Session, username: str) -> int:
    """Remove the drafts of the account ``username`` (disabled: nobody will log in as it
    to take them back), in the caller's transaction; how many were removed."""
    gone = session.execute(delete(Draft).where(Draft.account == username))
    return int(getattr(gone, "rowcount", 0) or 0)
