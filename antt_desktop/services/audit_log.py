"""Reading the audit log (nhật ký hệ thống) for the chief: filtered entries and the state of
the hash chain. Every function needs Permission.AUDIT (chief, admin); the command line, the
window and the printed log all read through here.

Times are stored in UTC; a day in a filter is a day of the post (Vietnam's time, UTC+7,
whatever this computer's clock says), and entries are shown in the post's time.

Each row carries the name of its record (the resident of a dossier, the account's holder)
when the reader's role may read records, so the log says whose record, not ``157bfc91``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.formatting import POST_TIME_ZONE
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store import audit
from antt_desktop.store.models import (
    Area,
    Assessment,
    AuditEntry,
    Dossier,
    Household,
    Initiative,
    Person,
    Team,
    Unit,
    User,
)


@dataclass(frozen=True)
class AuditFilter:
    """Which entries: from ``since`` to ``until`` (whole local days, both included), by the
    account ``user``, of the ``action``, about the record whose id starts with ``record``."""

    since: date | None = None
    until: date | None = None
    user: str | None = None
    action: str | None = None
    record: str | None = None

    def checked(self) -> AuditFilter:
        """The filter, or ValidationFailed when the dates are the wrong way round."""
        if self.since and self.until and self.since > self.until:
            raise ValidationFailed.single(
                "since",
                "audit.date_range",
                since=self.since.strftime("%d/%m/%Y"),
                until=self.until.strftime("%d/%m/%Y"),
            )
        return self


@dataclass(frozen=True)
class AuditRow:
    """One entry as the log shows it (``at`` in local time)."""

    seq: int
    at: datetime
    actor: str
    action: str
    entity: str | None
    entity_id: str | None
    fields: tuple[str, ...]
    detail: str | None
    #: whose record, when the reader's role may see it (None: not known or not shown)
    name: str | None = None
    #: the full name of the account that acted (None: not known, or the account has none)
    actor_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(timespec="seconds"),
            "actor": self.actor,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "fields": list(self.fields),
            "detail": self.detail,
            "name": self.name,
            "actor_name": self.actor_name,
        }


@dataclass(frozen=True)
class ChainStatus:
    """Whether the log is as it was written: ``broken`` lists ``(seq, what)`` per entry
    that breaks the hash chain (see :func:`antt_desktop.store.audit.broken_entries`)."""

    entries: int
    broken: tuple[tuple[int, str], ...]
    #: append-only guards found removed (see :data:`antt_desktop.store.audit.GUARDS`)
    unguarded: tuple[str, ...] = ()
    #: the log is shorter than, or differs from, what the upper unit acknowledged receiving
    cut: tuple[str, ...] = ()

    @property
    def intact(self) -> bool:
        return not self.broken and not self.unguarded and not self.cut

    @property
    def first_broken(self) -> int | None:
        return self.broken[0][0] if self.broken else None


def _utc(day: date) -> str:
    """The stored form of the first second of the post's ``day``."""
    local = datetime.combine(day, time.min, tzinfo=POST_TIME_ZONE)
    return local.astimezone(UTC).isoformat(timespec="seconds")


def _where(query: Select[Any], f: AuditFilter) -> Select[Any]:
    if f.since:
        query = query.where(AuditEntry.at >= _utc(f.since))
    if f.until:
        query = query.where(AuditEntry.at < _utc(f.until + timedelta(days=1)))
    if f.user and f.user.strip():
        query = query.where(AuditEntry.actor == f.user.strip())
    if f.action and f.action.strip():
        query = query.where(AuditEntry.action == f.action.strip())
    if f.record and f.record.strip():
        escaped = f.record.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(AuditEntry.entity_id.like(f"{escaped}%", escape="\\"))
    return query


def entry_seqs(ctx: Ctx, f: AuditFilter, *, newest_first: bool = False) -> list[int]:
    """The numbers of the entries of ``f``, in the order written (or newest first)."""
    ctx.require(Permission.AUDIT)
    order = AuditEntry.seq.desc() if newest_first else AuditEntry.seq
    query = _where(select(AuditEntry.seq), f.checked()).order_by(order)
    return list(ctx.session.execute(query).scalars())


def _row(
    e: AuditEntry, names: dict[tuple[str, str], str], holders: dict[str, str] | None = None
) -> AuditRow:
    try:
        at = datetime.fromisoformat(e.at).astimezone(POST_TIME_ZONE)
    except ValueError:  # a hand-edited time: shown at the epoch, the chain says it changed
        at = datetime.fromtimestamp(0, POST_TIME_ZONE)
    name = names.get((e.entity or "", e.entity_id or ""))
    fields = tuple(e.fields or ())
    holder = (holders or {}).get(e.actor)
    return AuditRow(
        e.seq, at, e.actor, e.action, e.entity, e.entity_id, fields, e.detail, name, holder
    )


def _holders(ctx: Ctx, entries: Sequence[AuditEntry]) -> dict[str, str]:
    """The full names of the accounts that wrote ``entries`` (the log says who, by name)."""
    actors = {e.actor for e in entries}
    query = select(User.username, User.full_name).where(User.username.in_(actors))
    return {u: n for u, n in ctx.session.execute(query) if n and n.strip() and n != u}


#: Kinds of record named by a column of their own: the model and the column.
_NAMED: dict[str, Any] = {
    "user": (User, User.full_name),
    "unit": (Unit, Unit.name),
    "area": (Area, Area.name),
    "team": (Team, Team.name),
    "initiative": (Initiative, Initiative.name),
    "household": (Household, Household.number),
}


def _names(ctx: Ctx, entries: Sequence[AuditEntry]) -> dict[tuple[str, str], str]:
    """The names of the records ``entries`` are about, for a role that may read records
    (viewer and admin read names too; a role that may not gets none: a neutral label)."""
    if not ctx.may(Permission.READ):
        return {}
    wanted: dict[str, set[str]] = {}
    for e in entries:
        if e.entity and e.entity_id:
            wanted.setdefault(e.entity, set()).add(e.entity_id)
    found: dict[tuple[str, str], str] = {}
    session = ctx.session
    for entity, ids in wanted.items():
        query: Select[Any] | None = None
        if entity == "person":
            query = select(Person.id, Person.full_name).where(Person.id.in_(ids))
        elif entity == "dossier":
            query = (
                select(Dossier.id, Person.full_name)
                .join(Person, Person.id == Dossier.person_id)
                .where(Dossier.id.in_(ids))
            )
        elif entity == "assessment":
            query = (
                select(Assessment.id, Person.full_name)
                .join(Dossier, Dossier.id == Assessment.dossier_id)
                .join(Person, Person.id == Dossier.person_id)
                .where(Assessment.id.in_(ids))
            )
        elif entity in _NAMED:
            model, column = _NAMED[entity]
            query = select(model.id, column).where(model.id.in_(ids))
        if query is not None:
            found.update({(entity, i): n for i, n in session.execute(query) if n})
    return found


def rows_of(ctx: Ctx, seqs: Sequence[int]) -> dict[int, AuditRow]:
    """The entries numbered ``seqs`` (a page of a list)."""
    ctx.require(Permission.AUDIT)
    if not seqs:
        return {}
    found = ctx.session.execute(select(AuditEntry).where(AuditEntry.seq.in_(list(seqs))))
    entries = list(found.scalars())
    names, holders = _names(ctx, entries), _holders(ctx, entries)
    return {e.seq: _row(e, names, holders) for e in entries}


def list_entries(ctx: Ctx, f: AuditFilter, *, limit: int | None = None) -> list[AuditRow]:
    """The entries of ``f`` in the order written (the last ``limit`` of them if given)."""
    ctx.require(Permission.AUDIT)
    query = _where(select(AuditEntry), f.checked()).order_by(AuditEntry.seq.desc())
    if limit is not None:
        query = query.limit(limit)
    entries = list(reversed(list(ctx.session.execute(query).scalars())))
    names, holders = _names(ctx, entries), _holders(ctx, entries)
    return [_row(e, names, holders) for e in entries]


def count_entries(ctx: Ctx, f: AuditFilter) -> int:
    ctx.require(Permission.AUDIT)
    query = _where(select(func.count()).select_from(AuditEntry), f.checked())
    return int(ctx.session.execute(query).scalar_one())


def accounts_in_log(ctx: Ctx) -> list[str]:
    """Every account name the log mentions (for the account filter)."""
    ctx.require(Permission.AUDIT)
    query = select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)
    return list(ctx.session.execute(query).scalars())


def actions_in_log(ctx: Ctx) -> list[str]:
    """Every action the log holds (for the action filter)."""
    ctx.require(Permission.AUDIT)
    query = select(AuditEntry.action).distinct().order_by(AuditEntry.action)
    return list(ctx.session.execute(query).scalars())


def chain_status(ctx: Ctx) -> ChainStatus:
    """Check the whole hash chain (every entry, whatever the filter)."""
    ctx.require(Permission.AUDIT)
    total = int(ctx.session.execute(select(func.count()).select_from(AuditEntry)).scalar_one())
    broken = tuple(audit.broken_entries(ctx.session))
    guards = tuple(audit.missing_guards(ctx.session))
    return ChainStatus(total, broken, guards, tuple(audit.acked_problems(ctx.session)))
