"""No lost update: an editor remembers the version of the record it opened, and its save is
refused when somebody changed the record meanwhile — another desk on the same server, an
imported sync bundle, or another window of this desk.

The version is the row's ``local_seq``: every write to a synced row takes the next one, a
local edit and a merged change from a bundle alike (``store/stamping.py``, ``sync/apply``).
:func:`check_unchanged` runs first in the save's own transaction; writes take turns on
both engines (SQLite's ``BEGIN IMMEDIATE``, a server's advisory write lock taken as the
transaction begins, store/postgresql.py), so nobody can slip a change in between the check
and the write.

The refusal, :class:`EditedMeanwhile`, says who changed the record and when (from the audit
log written since the editor opened: the account, or the bundle's unit for an import) and
which fields; the editor keeps what the officer typed and lets them save over it or go back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, or_, select

from antt_desktop.i18n.formatting import POST_TIME_ZONE
from antt_desktop.services.context import Ctx
from antt_desktop.store import models as m
from antt_desktop.store.base import Synced
from antt_desktop.store.clock import physical_ms
from antt_desktop.store.errors import KnownError

#: The records an editor can be opened on, by the name the audit log gives them.
ENTITIES: dict[str, type[Synced]] = {
    "person": m.Person,
    "household": m.Household,
    "household_year_status": m.HouseholdYearStatus,
    "pledge": m.Pledge,
    "dossier": m.Dossier,
    "assessment": m.Assessment,
    "commitment": m.Commitment,
    "support": m.Support,
    "violation": m.Violation,
    "initiative": m.Initiative,
    "activity": m.Activity,
    "evaluation": m.Evaluation,
    "team": m.Team,
    "team_member": m.TeamMember,
    "commendation": m.Commendation,
    "report_narrative": m.ReportNarrative,
    "catalogue_item": m.CatalogueItem,
    "dossier_category": m.DossierCategory,
    "rubric": m.Rubric,
    "user": m.User,
}

#: Audit actions that do not change the record they name (a view, a print, a refusal).
_NOT_CHANGES = frozenset({"view", "print", "refused", "export"})


@dataclass(frozen=True)
class Opened:
    """The version of one record as an editor opened it."""

    entity: str
    record_id: str
    #: the row's ``local_seq`` (None: there was no such row yet)
    seq: int | None
    #: the row's clock value (the fields stamped after it changed since)
    hlc: int
    #: the last entry of the audit log then (the entries after it tell who changed what)
    audit_seq: int


@dataclass(frozen=True)
class LastChange:
    """Who changed a record after an editor opened it, and when."""

    entity: str
    record_id: str
    #: ``edit`` (an account of this database), ``merge`` (the person merged into another),
    #: ``sync`` (an imported bundle) or ``unknown`` (no audit entry says: a change made
    #: without the program)
    kind: str
    at: datetime | None
    #: the change was the record's deletion
    deleted: bool = False
    #: the account's full name and user name (for ``sync``: who imported the bundle)
    full_name: str = ""
    username: str = ""
    #: for ``sync``: the unit whose bundle it was
    unit_name: str = ""
    #: the fields changed (as the services name them; empty when not known)
    fields: tuple[str, ...] = ()


class EditedMeanwhile(KnownError):
    """The record was changed after the editor opened it: nothing was written."""

    exit_code = 3

    def __init__(self, change: LastChange) -> None:
        self.change = change
        if change.kind == "edit":
            self.code = "record.deleted_meanwhile" if change.deleted else "record.edited_meanwhile"
        elif change.kind == "merge":
            self.code = "record.merged_meanwhile"
        elif change.kind == "sync":
            self.code = "record.synced_meanwhile"
        else:
            self.code = "record.removed_meanwhile" if change.deleted else "record.changed_meanwhile"
        local = change.at.astimezone(POST_TIME_ZONE) if change.at else None
        who = change.full_name or change.username
        if change.username and change.full_name and change.full_name != change.username:
            who = f"{change.full_name} ({change.username})"
        super().__init__(
            who=who,
            unit=change.unit_name,
            time=local.strftime("%H:%M") if local else "",
            day=local.strftime("%d/%m/%Y") if local else "",
        )


def _model(entity: str) -> type[Synced]:
    model = ENTITIES.get(entity)
    if model is None:
        raise ValueError(f"no editor guards records of kind {entity!r}")
    return model


def _audit_head(ctx: Ctx) -> int:
    return int(ctx.session.execute(select(func.max(m.AuditEntry.seq))).scalar() or 0)


def opened(ctx: Ctx, entity: str, record_id: str | None) -> Opened | None:
    """The version of record ``record_id`` of kind ``entity`` now, for an editor opening
    on it in the same read (None when there is no record to guard: a new one)."""
    if not record_id:
        return None
    model = _model(entity)
    row = ctx.session.execute(
        select(model.local_seq, model.hlc).where(model.id == record_id)
    ).one_or_none()
    seq, hlc = (None, 0) if row is None else (int(row.local_seq), int(row.hlc))
    return Opened(entity, record_id, seq, hlc, _audit_head(ctx))


def check_unchanged(ctx: Ctx, versions: Iterable[Opened | None]) -> None:
    """Refuse with :class:`EditedMeanwhile` when one of the records changed since its
    editor opened; run first in the write's transaction."""
    change = changed_since(ctx, versions)
    if change is not None:
        raise EditedMeanwhile(change)


def changed_since(ctx: Ctx, versions: Iterable[Opened | None]) -> LastChange | None:
    """The change made since its editor opened to the first of the records that changed
    (None: none did) — for the save's check, and for an open editor told that the records
    of its kind changed somewhere."""
    for version in versions:
        if version is None:
            continue
        model = _model(version.entity)
        query = select(model.local_seq, model.deleted, model.field_stamps).where(
            model.id == version.record_id
        )
        row = ctx.session.execute(query).one_or_none()
        if row is None:
            if version.seq is None:
                continue
            return _last_change(ctx, version, deleted=True, stamps={})
        if version.seq is not None and int(row.local_seq) == version.seq:
            continue
        stamps = dict(row.field_stamps or {})
        return _last_change(ctx, version, deleted=bool(row.deleted), stamps=stamps)
    return None


def table_of(version: Opened) -> str:
    """The table of the record (the name the change bus gives its writes)."""
    return str(getattr(_model(version.entity), "__tablename__"))  # noqa: B009 - a mixin's type


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _last_change(
    ctx: Ctx, version: Opened, *, deleted: bool, stamps: dict[str, object]
) -> LastChange:
    """Who and when, from the audit entries written since the editor opened: those naming
    the record (an account's change; a merge names the absorbed record in its detail); else
    the last bundle imported (a sync)."""
    since = m.AuditEntry.seq > version.audit_seq
    naming = or_(
        m.AuditEntry.entity_id == version.record_id,
        m.AuditEntry.detail.contains(version.record_id, autoescape=True),
    )
    entries = (
        ctx.session.execute(select(m.AuditEntry).where(since, naming).order_by(m.AuditEntry.seq))
        .scalars()
        .all()
    )
    changes = [e for e in entries if e.action not in _NOT_CHANGES]
    if changes:
        last = changes[-1]
        fields = sorted({str(f) for e in changes for f in (e.fields or [])})
        merged = last.action == "merge" and last.entity_id != version.record_id
        return LastChange(
            version.entity,
            version.record_id,
            "merge" if merged else "edit",
            _when(last.at),
            deleted=deleted,
            full_name=_full_name(ctx, last.actor),
            username=last.actor,
            fields=tuple(fields),
        )
    newer = sorted(
        name
        for name, stamp in stamps.items()
        if isinstance(stamp, list) and stamp and int(stamp[0]) > version.hlc
    )
    imported = ctx.session.execute(
        select(m.AuditEntry)
        .where(since, m.AuditEntry.action == "sync_import")
        .order_by(m.AuditEntry.seq.desc())
        .limit(1)
    ).scalar_one_or_none()
    if imported is not None:
        unit = ctx.session.get(m.Unit, imported.entity_id) if imported.entity_id else None
        return LastChange(
            version.entity,
            version.record_id,
            "sync",
            _when(imported.at),
            deleted=deleted,
            full_name=_full_name(ctx, imported.actor),
            username=imported.actor,
            unit_name=unit.name if unit is not None else "",
            fields=tuple(newer),
        )
    newest = max((int(s[0]) for s in stamps.values() if isinstance(s, list) and s), default=0)
    at = datetime.fromtimestamp(physical_ms(newest) / 1000, UTC) if newest else None
    return LastChange(
        version.entity,
        version.record_id,
        "unknown",
        at,
        deleted=deleted,
        fields=tuple(newer),
    )


def _full_name(ctx: Ctx, username: str) -> str:
    name = ctx.session.execute(
        select(m.User.full_name).where(m.User.username == username)
    ).scalar_one_or_none()
    return str(name) if name else ""
