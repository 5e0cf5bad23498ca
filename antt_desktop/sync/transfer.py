"""Dossier transfer between posts (chuyển hồ sơ), recorded by the upper unit (SYNC.md).

The person moves from post A to post B. The upper unit records a ``requested`` transfer,
then an ``approved`` one pointing at it (both rows append-only). Approval gives the dossier
and its person to B (``owner_node`` and ``unit_id``), drops their links to A's areas,
household and team (B has none of them), and from then on exports send B the whole dossier
whatever its cursor says, and send A the record of the change, after which A's copy is
read-only (``services.ownership``). Changes from A that reach the upper unit after the
approval are merged and flagged for B to review (``late_edits``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import DossierStatus
from antt_desktop.domain.errors import Problem, raise_if_errors
from antt_desktop.services.context import Ctx, Permission, max_length
from antt_desktop.services.values import DateValue, read_date
from antt_desktop.store.base import Synced
from antt_desktop.store.models import (
    Dossier,
    DossierTransfer,
    Person,
    SyncPeer,
    Unit,
)
from antt_desktop.sync import records
from antt_desktop.sync.resolve_write import refuse
from antt_desktop.sync.rights import UPSTREAM_ROLES
from antt_desktop.sync.roster import find_peer

APPROVED = "approved"
REQUESTED = "requested"
#: Links to the old post's own records, which the new post does not hold.
_PERSON_LINKS = ("current_area_id", "permanent_area_id", "household_id", "relation_to_head")


@dataclass(frozen=True)
class TransferView:
    request_id: str
    dossier_id: str
    person: str
    from_unit: str
    to_unit: str
    on_date: date
    requested_note: str | None
    approved_on: date | None
    approval_id: str | None

    @property
    def approved(self) -> bool:
        return self.approval_id is not None

    def to_dict(self) -> dict[str, object]:
        return {
            **self.__dict__,
            "on_date": self.on_date.isoformat(),
            "approved": self.approved,
            "approved_on": self.approved_on.isoformat() if self.approved_on else None,
        }


def _upper_only(ctx: Ctx) -> None:
    ctx.require(Permission.TRANSFER)
    me = records.this_node(ctx.session)
    role = {"upper_unit": "upper", "province": "province"}.get(me.kind, "post")
    if role not in UPSTREAM_ROLES:
        raise refuse("dossier_id", "sync.transfer.upper_only")


def _approval_of(session: Session, request_id: str) -> DossierTransfer | None:
    return session.execute(
        select(DossierTransfer).where(
            DossierTransfer.request_id == request_id, DossierTransfer.step == APPROVED
        )
    ).scalar()


def _day(ctx: Ctx, value: DateValue) -> date:
    problems: list[Problem] = []
    day = read_date(value, "on_date", problems, today=ctx.today)
    raise_if_errors(problems)
    return day or ctx.today


def request_transfer(
    ctx: Ctx, dossier_id: str, to_unit: str, on_date: DateValue = None, note: str | None = None
) -> DossierTransfer:
    """Record that the dossier is to move to the post ``to_unit`` (unit code or node id)."""
    _upper_only(ctx)
    day = _day(ctx, on_date)
    dossier = ctx.session.get(Dossier, dossier_id)
    if dossier is None or dossier.deleted:
        raise refuse("dossier_id", "dossier.unknown", value=dossier_id)
    if dossier.status == DossierStatus.CLOSED.value:
        raise refuse("dossier_id", "dossier.closed", closed_on=dossier.closed_on)
    raise_if_errors(max_length("note", note, 2000, multiline=True))
    target: SyncPeer = find_peer(ctx.session, to_unit)
    if target.role != "post" or target.relation != "downstream" or target.status != "active":
        raise refuse("to_unit", "sync.transfer.not_a_post", unit=target.unit_name)
    if target.unit_id is None or ctx.session.get(Unit, target.unit_id) is None:
        raise refuse("to_unit", "sync.transfer.unit_unknown", unit=target.unit_name)
    if target.unit_id == dossier.unit_id:
        raise refuse("to_unit", "sync.transfer.same_unit", unit=target.unit_name)
    if _open_request(ctx.session, dossier.id) is not None:
        raise refuse("dossier_id", "sync.transfer.already_requested")
    row = DossierTransfer(
        dossier_id=dossier.id,
        person_id=dossier.person_id,
        from_unit_id=dossier.unit_id,
        to_unit_id=target.unit_id,
        from_node=dossier.owner_node,
        to_node=target.node_id,
        step=REQUESTED,
        on_date=day,
        note=note.strip() if note and note.strip() else None,
    )
    ctx.session.add(row)
    ctx.session.flush()
    ctx.audit("transfer_request", "dossier", dossier.id, [], f"to {target.unit_code}")
    return row


def _open_request(session: Session, dossier_id: str) -> DossierTransfer | None:
    for row in session.execute(
        select(DossierTransfer).where(
            DossierTransfer.dossier_id == dossier_id, DossierTransfer.step == REQUESTED
        )
    ).scalars():
        if _approval_of(session, row.id) is None:
            return row
    return None


def _give(obj: Synced, unit_id: str, node_id: str, unlink: tuple[str, ...]) -> None:
    """Hand one record to the new post; ``owner_node`` takes the stamp of the same write."""
    obj.unit_id = unit_id  # type: ignore[attr-defined]
    for name in unlink:
        setattr(obj, name, None)
    obj.owner_node = node_id


def _stamp_owner(obj: Synced) -> None:
    stamps = dict(obj.field_stamps or {})
    stamps["owner_node"] = stamps["unit_id"]
    obj.field_stamps = stamps


def approve_transfer(ctx: Ctx, request_id: str, on_date: DateValue = None) -> DossierTransfer:
    """Approve a requested transfer: the dossier and its person now belong to the new post."""
    _upper_only(ctx)
    day = _day(ctx, on_date)
    request = ctx.session.get(DossierTransfer, request_id)
    if request is None or request.step != REQUESTED:
        raise refuse("request_id", "sync.transfer.unknown", value=request_id)
    if _approval_of(ctx.session, request.id) is not None:
        raise refuse("request_id", "sync.transfer.already_approved")
    dossier = ctx.session.get(Dossier, request.dossier_id)
    person = ctx.session.get(Person, request.person_id)
    assert dossier is not None and person is not None
    if dossier.owner_node != request.from_node:
        raise refuse("request_id", "sync.transfer.moved_since")
    approval = DossierTransfer(
        dossier_id=request.dossier_id,
        person_id=request.person_id,
        from_unit_id=request.from_unit_id,
        to_unit_id=request.to_unit_id,
        from_node=request.from_node,
        to_node=request.to_node,
        step=APPROVED,
        request_id=request.id,
        on_date=day,
        note=request.note,
    )
    ctx.session.add(approval)
    _give(dossier, request.to_unit_id, request.to_node, ("team_id",))
    if person.owner_node == request.from_node:
        _give(person, request.to_unit_id, request.to_node, _PERSON_LINKS)
    ctx.session.flush()
    for obj in (dossier, person):
        if obj.owner_node == request.to_node:
            _stamp_owner(obj)
    ctx.session.flush()
    ctx.audit("transfer_approve", "dossier", dossier.id, ["unit_id", "owner_node"], request.to_node)
    return approval


def transfers(session: Session, unit_id: str | None = None) -> list[TransferView]:
    """Transfer requests, newest first, with their approval when there is one."""
    query = select(DossierTransfer).where(DossierTransfer.step == REQUESTED)
    if unit_id is not None:
        query = query.where(
            or_(DossierTransfer.from_unit_id == unit_id, DossierTransfer.to_unit_id == unit_id)
        )
    units = {u.id: u.name for u in session.execute(select(Unit)).scalars()}
    out = []
    for row in session.execute(
        query.order_by(DossierTransfer.on_date.desc(), DossierTransfer.id)
    ).scalars():
        approval = _approval_of(session, row.id)
        out.append(
            TransferView(
                request_id=row.id,
                dossier_id=row.dossier_id,
                person=records.describe(session, "persons", row.person_id),
                from_unit=units.get(row.from_unit_id, row.from_unit_id),
                to_unit=units.get(row.to_unit_id, row.to_unit_id),
                on_date=row.on_date,
                requested_note=row.note,
                approved_on=approval.on_date if approval else None,
                approval_id=approval.id if approval else None,
            )
        )
    return out


@dataclass(frozen=True)
class DossierChoice:
    dossier_id: str
    label: str  # "Hà Văn Khánh — Công an xã Yên Lạc — Án treo"


def dossier_choices(session: Session, text: str = "", limit: int = 50) -> list[DossierChoice]:
    """Open dossiers whose person's name matches ``text`` (accent-insensitive), by name."""
    from antt_desktop.domain.text import fold
    from antt_desktop.store.models import DossierCategory

    query = (
        select(Dossier.id, Person.full_name, Unit.name, DossierCategory.name_vi)
        .join(Person, Person.id == Dossier.person_id)
        .join(Unit, Unit.id == Dossier.unit_id)
        .join(DossierCategory, DossierCategory.code == Dossier.category_code)
        .where(Dossier.deleted.is_(False), Dossier.status != DossierStatus.CLOSED.value)
        .order_by(Person.sort_key, Dossier.id)
        .limit(limit)
    )
    folded = fold(text.strip()) if text.strip() else ""
    if folded:
        query = query.where(Person.name_folded.contains(folded))
    return [
        DossierChoice(did, f"{name} — {unit} — {category}")
        for did, name, unit, category in session.execute(query)
    ]


def transfer_targets(session: Session) -> list[tuple[str, str]]:
    """(unit code, label) of the posts a dossier may be transferred to."""
    return [
        (p.unit_code, f"{p.unit_name} ({p.unit_code})")
        for p in session.execute(
            select(SyncPeer)
            .where(
                SyncPeer.role == "post",
                SyncPeer.relation == "downstream",
                SyncPeer.status == "active",
            )
            .order_by(SyncPeer.unit_code)
        ).scalars()
    ]
