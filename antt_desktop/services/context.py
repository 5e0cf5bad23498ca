"""What every service call needs: the transaction's session, who acts, and today's date.

The permission check lives here, in one place: a service function that changes or reveals
sensitive data calls ``ctx.require(Permission.X)`` before anything else. A refusal is
recorded here too (:meth:`Ctx.refused`): an audit entry ``refused`` naming the account, the
action and the record, appended in a short transaction of its own once the caller's
transaction has ended (rolled back with the refused change, or committed by a read).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import event, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, SessionTransaction

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.domain.text_input import text_problems
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.security.roles import SYSTEM, Actor, Permission, allows, roles_with
from antt_desktop.store import audit
from antt_desktop.store.base import Base
from antt_desktop.store.errors import DatabaseNotInitialised, NotFound
from antt_desktop.store.models import LocalNode, Unit

T = TypeVar("T", bound=Base)


__all__ = [
    "SYSTEM",
    "Actor",
    "Ctx",
    "Permission",
    "apply_changes",
    "check",
    "max_length",
    "require",
]

AuditLine = tuple[str, str | None, str | None, tuple[str, ...], str | None]
#: The audit action of a refused change or read (what was asked for is in the detail).
REFUSED = "refused"
_PENDING = "antt_refusals"
log = logging.getLogger(__name__)


@dataclass
class Ctx:
    """A service call's context. The caller owns the transaction (``Database.write()``).

    A read context (``Database.read()``) sets ``deferred_audit``: entries a read records
    (a view of a sensitive record) are collected there, and the caller appends them after the
    read in a transaction of their own (``Database.journal()``).
    """

    session: Session
    actor: Actor
    today: date
    deferred_audit: list[AuditLine] | None = field(default=None)

    def may(self, permission: Permission) -> bool:
        return allows(self.actor.role, permission)

    def require(
        self, permission: Permission, entity: str | None = None, entity_id: str | None = None
    ) -> None:
        """PermissionDenied naming the account, its role and who may, unless allowed; the
        refusal is audited (naming ``entity`` and ``entity_id`` when given)."""
        try:
            check(self.actor, permission)
        except PermissionDenied:
            self.refused(permission.value, entity, entity_id)
            raise

    def refused(self, action: str, entity: str | None = None, entity_id: str | None = None) -> None:
        """Audit a refusal: ``refused`` by this account, ``action`` (a permission such as
        ``accounts.manage``, or ``grant chief``) in the detail, on the record when known.

        The caller's transaction is about to roll back (nothing of the refused change is
        kept), so the entry waits for it to end and goes in a transaction of its own.
        """
        if _PENDING not in self.session.info:
            self.session.info[_PENDING] = []
            event.listen(self.session, "after_transaction_end", _append_refusals)
        self.session.info[_PENDING].append((self.actor.username, action, entity, entity_id))

    def audit(
        self,
        action: str,
        entity: str | None = None,
        entity_id: str | None = None,
        fields: list[str] | tuple[str, ...] = (),
        detail: str | None = None,
    ) -> None:
        if self.deferred_audit is not None:
            self.deferred_audit.append((action, entity, entity_id, tuple(fields), detail))
            return
        audit.append(self.session, self.actor.username, action, entity, entity_id, fields, detail)

    def flush_deferred_audit(self, session: Session) -> None:
        """Append what a read recorded, in ``session`` (a ``Database.journal()``)."""
        for action, entity, entity_id, fields, detail in self.deferred_audit or ():
            audit.append(session, self.actor.username, action, entity, entity_id, fields, detail)
        if self.deferred_audit:
            self.deferred_audit.clear()

    def get(self, cls: type[T], ident: str, entity: str | None = None) -> T:
        """The live (not tombstoned) row with this id, or NotFound naming the entity."""
        obj = self.session.get(cls, ident)
        if obj is None or getattr(obj, "deleted", False):
            raise NotFound(entity=entity or cls.__name__, value=ident)
        return obj

    def local_unit(self) -> Unit:
        node = self.session.get(LocalNode, 1)
        if node is None or node.unit_id is None:
            raise DatabaseNotInitialised()
        return self.get(Unit, node.unit_id, "unit")

    def get_unit(self, unit_id: str | None) -> Unit:
        """The unit with this id, or this post's own unit when ``unit_id`` is None."""
        return self.get(Unit, unit_id, "unit") if unit_id else self.local_unit()

    def unit_by_code(self, code: str) -> Unit:
        unit = self.session.execute(
            select(Unit).where(Unit.code == code, Unit.deleted.is_(False))
        ).scalar_one_or_none()
        if unit is None:
            raise ValidationFailed.single("unit", "unit.unknown", value=code)
        return unit


def _append_refusals(session: Session, transaction: SessionTransaction) -> None:
    """After the caller's (outermost) transaction: the refusals it saw, in their own."""
    pending: list[tuple[str, str, str | None, str | None]] = session.info.get(_PENDING) or []
    if transaction.parent is not None or not pending:
        return
    lines, pending[:] = list(pending), []
    try:
        with (
            Session(session.get_bind(), info=audit.session_info(session)) as journal,
            journal.begin(),
        ):
            for actor, action, entity, entity_id in lines:
                audit.append(journal, actor, REFUSED, entity, entity_id, (), action)
    except SQLAlchemyError:  # the refusal itself stands; losing its entry must not hide it
        log.exception("could not audit %d refusals", len(lines))


def check(actor: Actor, permission: Permission) -> None:
    """The permission check (``Ctx.require``), for the few calls made before a session."""
    if not allows(actor.role, permission):
        raise PermissionDenied(
            user=actor.username,
            role=actor.role,
            action=permission.value,
            roles=[r.value for r in roles_with(permission)],
        )


def require(values: dict[str, Any], *names: str) -> list[Problem]:
    """Problems for each named value that is missing or blank."""
    return [
        Problem(name, "required")
        for name in names
        if values.get(name) is None
        or (isinstance(values.get(name), str) and not values[name].strip())
    ]


def max_length(
    field: str, value: str | None, limit: int, *, multiline: bool = False
) -> list[Problem]:
    """``too_long`` when ``value`` has more than ``limit`` characters, and ``text.control``
    when it holds a control character or bidi mark (tab and line breaks only if
    ``multiline``): every text a service limits is checked for both."""
    return text_problems(field, value, multiline=multiline, limit=limit)


def apply_changes(obj: Base, changes: dict[str, Any]) -> list[str]:
    """Set the attributes that really change; returns their names (for the audit entry)."""
    changed = []
    for key, value in changes.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed.append(key)
    return changed
