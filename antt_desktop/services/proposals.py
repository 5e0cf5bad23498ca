"""Proposals from the upper unit (đề nghị sửa từ cấp trên): the list, one proposal, and the
post officer's decision (SYNC.md "Ownership"; kept at import by ``sync.proposals``).

Accepting writes the proposed values through the record's own service (its checks, the
sync stamps and the audit entry, in the caller's transaction), so the change then travels
up as the post's own edit. Rejecting records the reason. Either way the proposal row is
written with the decision and travels up too, so the upper unit sees the outcome. Only an
account that may write the post's records decides, and only at the post that owns them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import func, select, text

from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.services import dossiers, households, people, pledges
from antt_desktop.services.context import Ctx, Permission, max_length
from antt_desktop.services.values import clean_paragraph
from antt_desktop.store import field_crypto
from antt_desktop.store.models import LocalNode, SyncProposal
from antt_desktop.store.models.proposals import ACCEPTED, PENDING, REJECTED, WITHHELD, is_withheld

__all__ = [
    "ACCEPTED",
    "PENDING",
    "REASON_FIELD",
    "REJECTED",
    "STATES",
    "FieldChange",
    "ProposalView",
    "accept",
    "check_reject",
    "forget_record",
    "pending_count",
    "proposal",
    "proposal_list",
    "reject",
]

STATES = (PENDING, ACCEPTED, REJECTED)
#: the reason of a rejection, at most (it travels to the upper unit)
REASON_MAX = 2_000
REASON_FIELD = "rejection_reason"
#: what the correction history of a person says when the change came as a proposal
_CORRECTION = "Chấp nhận đề nghị của {unit}"

#: How to name the record of a proposal: SQL giving one text for ``:id``.
_DESCRIBE = {
    "persons": "SELECT full_name FROM persons WHERE id = :id",
    "dossiers": "SELECT p.full_name FROM dossiers d JOIN persons p ON p.id = d.person_id"
    " WHERE d.id = :id",
    "households": "SELECT h.number || COALESCE(' — ' || p.full_name, '')"
    " || COALESCE(', ' || h.address, '') FROM households h"
    " LEFT JOIN persons p ON p.id = h.head_person_id WHERE h.id = :id",
    "pledges": "SELECT h.number || ' — ' || g.year FROM pledges g"
    " JOIN households h ON h.id = g.household_id WHERE g.id = :id",
    "teams": "SELECT name FROM teams WHERE id = :id",
    "team_members": "SELECT name FROM team_members WHERE id = :id",
    "initiatives": "SELECT name FROM initiatives WHERE id = :id",
    "areas": "SELECT name FROM areas WHERE id = :id",
}


@dataclass(frozen=True)
class FieldChange:
    """One field of a proposal: the value here now, the value proposed, and the value the
    post held when the proposal arrived (``changed_since``: the record changed here since)."""

    field: str
    now: Any
    proposed: Any
    at_arrival: Any

    @property
    def changed_since(self) -> bool:
        return bool(self.now != self.at_arrival)


@dataclass(frozen=True)
class ProposalView:
    id: str
    table: str
    row_id: str
    record: str  # the record in words: a resident's name, a household's number and head
    changes: tuple[FieldChange, ...]
    proposer_unit: str
    proposed_by: str | None
    proposed_at: str
    received_at: str
    bundle_id: str
    state: str
    decided_by: str | None
    decided_at: str | None
    reason: str | None
    mine: bool  # the record is this post's: it decides here

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["changes"] = [{**c.__dict__, "changed_since": c.changed_since} for c in self.changes]
        return out


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _view(ctx: Ctx, p: SyncProposal, me: str) -> ProposalView:
    sql = _DESCRIBE.get(p.table_name)
    record = ctx.session.execute(text(sql), {"id": p.row_id}).scalar() if sql else None
    now = _current(ctx, p)
    changes = tuple(
        FieldChange(name, now.get(name), value, (p.current or {}).get(name))
        for name, value in sorted((p.proposed or {}).items())
    )
    return ProposalView(
        p.id,
        p.table_name,
        p.row_id,
        str(record).strip() if record else p.row_id[:8],
        changes,
        p.proposer_unit,
        p.proposed_by,
        p.proposed_at,
        p.received_at,
        p.bundle_id,
        p.state,
        p.decided_by,
        p.decided_at,
        p.reason,
        p.owner_node == me,
    )


def _current(ctx: Ctx, p: SyncProposal) -> dict[str, Any]:
    from antt_desktop.store.base import Base

    table = Base.metadata.tables.get(p.table_name)
    names = [n for n in (p.proposed or {}) if table is not None and n in table.c]
    if table is None or not names:
        return {}
    row = ctx.session.execute(
        select(*(table.c[n] for n in names)).where(table.c.id == p.row_id)
    ).first()
    sealed = field_crypto.SEALED.get(p.table_name, ())
    return {
        n: dict(WITHHELD) if n in sealed else _json(v)
        for n, v in zip(names, row or (), strict=False)
    }


def _me(ctx: Ctx) -> str:
    node = ctx.session.get(LocalNode, 1)
    return node.node_id if node is not None else ""


def proposal_list(ctx: Ctx, state: str | None = None) -> list[ProposalView]:
    """Proposals, newest first (``state``: only those in it)."""
    ctx.require(Permission.READ)
    query = select(SyncProposal).where(SyncProposal.deleted.is_(False))
    if state is not None:
        query = query.where(SyncProposal.state == state)
    found = ctx.session.execute(
        query.order_by(SyncProposal.received_at.desc(), SyncProposal.id)
    ).scalars()
    me = _me(ctx)
    return [_view(ctx, p, me) for p in found]


def pending_count(ctx: Ctx) -> int:
    """Proposals this post still has to decide (for the sync page's line)."""
    ctx.require(Permission.READ)
    return int(
        ctx.session.execute(
            select(func.count())
            .select_from(SyncProposal)
            .where(
                SyncProposal.state == PENDING,
                SyncProposal.deleted.is_(False),
                SyncProposal.owner_node == _me(ctx),
            )
        ).scalar_one()
    )


def _find(ctx: Ctx, ident: str) -> SyncProposal:
    """The proposal with this id, or the only one whose id starts with it (8 characters
    are shown)."""
    ident = (ident or "").strip()
    found = ctx.session.get(SyncProposal, ident) if ident else None
    if found is None and len(ident) >= 4:
        matches = list(
            ctx.session.execute(
                select(SyncProposal).where(SyncProposal.id.like(ident.replace("%", "") + "%"))
            ).scalars()
        )
        found = matches[0] if len(matches) == 1 else None
    if found is None or found.deleted:
        raise ValidationFailed.single("proposal", "proposal.unknown", value=ident)
    return found


def proposal(ctx: Ctx, ident: str) -> ProposalView:
    ctx.require(Permission.READ)
    return _view(ctx, _find(ctx, ident), _me(ctx))


def _decidable(ctx: Ctx, ident: str) -> SyncProposal:
    ctx.require(Permission.WRITE, "proposal", ident)
    p = _find(ctx, ident)
    if p.owner_node != _me(ctx):
        raise ValidationFailed.single("proposal", "proposal.not_here", unit=p.proposer_unit)
    if p.state != PENDING:
        raise ValidationFailed.single("proposal", f"proposal.already_{p.state}")
    return p


def check_reject(ctx: Ctx, ident: str, reason: str | None) -> list[Problem]:
    """What :func:`reject` would refuse; reads only."""
    problems: list[Problem] = []
    try:
        _decidable(ctx, ident)
    except ValidationFailed as exc:
        problems += exc.problems
    cleaned = clean_paragraph(reason) if reason else None
    if not cleaned:
        problems.append(Problem(REASON_FIELD, "required"))
    problems += max_length(REASON_FIELD, cleaned, REASON_MAX, multiline=True)
    return problems


def reject(ctx: Ctx, ident: str, reason: str | None) -> SyncProposal:
    """Keep the record as it is; the reason travels to the upper unit."""
    ctx.require(Permission.WRITE, "proposal", ident)
    raise_if_errors(check_reject(ctx, ident, reason))
    p = _find(ctx, ident)
    p.state, p.reason = REJECTED, clean_paragraph(reason)
    p.decided_by, p.decided_at = _who(ctx), _now(ctx)
    ctx.session.flush()
    ctx.audit("reject", "proposal", p.id, ["state", "reason"], p.reason)
    return p


def accept(ctx: Ctx, ident: str) -> SyncProposal:
    """Write the proposed values with the record's own service, then note the decision."""
    p = _decidable(ctx, ident)
    writer = _WRITERS.get(p.table_name)
    if writer is None:
        raise ValidationFailed.single("proposal", "proposal.cannot_apply", table=p.table_name)
    writer(ctx, p)
    p.state, p.decided_by, p.decided_at = ACCEPTED, _who(ctx), _now(ctx)
    ctx.session.flush()
    ctx.audit("accept", "proposal", p.id, sorted(p.proposed or {}), p.proposer_unit)
    return p


def forget_record(ctx: Ctx, row_id: str) -> None:
    """A record is purged: its proposals go with it, their values blanked (a stamped write
    that reaches the upper unit too)."""
    for p in ctx.session.scalars(select(SyncProposal).where(SyncProposal.row_id == row_id)):
        p.proposed = dict.fromkeys(p.proposed or {})
        p.current = dict.fromkeys(p.current or {})
        p.reason, p.deleted = None, True


def _who(ctx: Ctx) -> str:
    return ctx.actor.username


def _now(ctx: Ctx) -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="seconds")


def _unsupported(p: SyncProposal, allowed: set[str]) -> None:
    withheld = sorted(n for n, v in (p.proposed or {}).items() if is_withheld(v))
    if withheld:  # a sealed field's value is not kept in a proposal: corrected by hand
        raise ValidationFailed(
            [Problem(name, "proposal.field_withheld", {"field": name}) for name in withheld]
        )
    other = sorted(set(p.proposed or {}) - allowed)
    if other:
        raise ValidationFailed(
            [Problem(name, "proposal.field_not_applicable", {"field": name}) for name in other]
        )


def _dates(values: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    out = dict(values)
    for name in names:
        if isinstance(out.get(name), str) and out[name]:
            out[name] = date.fromisoformat(out[name])
    return out


def _person(ctx: Ctx, p: SyncProposal) -> None:
    allowed = {f.name for f in fields(people.PersonInput)} - {"id_override_reason"}
    _unsupported(p, allowed)
    changes = dict(p.proposed or {})
    if changes.get("born"):
        changes["born"] = PartialDate.from_iso(changes["born"]).format()
    people.edit_person(ctx, p.row_id, changes, reason=_CORRECTION.format(unit=p.proposer_unit))


def _dossier(ctx: Ctx, p: SyncProposal) -> None:
    editable = {*dossiers.MUTABLE, *dossiers.CORRECTABLE}
    _unsupported(p, editable | {"classification"})
    changes = _dates(
        {k: v for k, v in (p.proposed or {}).items() if k in editable},
        ("opened_on", "legal_doc_date", "planned_end"),
    )
    if changes:
        dossiers.edit_dossier(ctx, p.row_id, changes)
    if "classification" in (p.proposed or {}):
        dossiers.set_classification(ctx, p.row_id, p.proposed["classification"])


def _household(ctx: Ctx, p: SyncProposal) -> None:
    _unsupported(p, {f.name for f in fields(households.HouseholdInput)})
    households.edit_household(ctx, p.row_id, dict(p.proposed or {}))


def _pledge(ctx: Ctx, p: SyncProposal) -> None:
    _unsupported(p, set(pledges.EDITABLE))
    pledges.edit_pledge(ctx, p.row_id, _dates(dict(p.proposed or {}), ("signed_on",)))


_WRITERS = {
    "persons": _person,
    "dossiers": _dossier,
    "households": _household,
    "pledges": _pledge,
}
