"""Commendations (khen thưởng) as the window reads them: the list of decisions, one decision
with everyone it commends, a record's commendations, and whom a decision may commend.

A decision is the commendations of a unit that share a decision number and date (numbers
such as "28/QĐ-UBND" start again every year); its list id is :func:`decision_key`. Every
function checks ``Permission.READ`` and returns frozen rows. A commended resident appears by
name only, which every role may read (disclosure.py), so nothing is masked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import func, select, tuple_

from antt_desktop.domain.text import fold, natural_key, sort_key
from antt_desktop.services import commendations, teams
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import Commendation, Initiative

SEP = "|"
#: Orders of the decision list (its sortable columns); "date" is by date, then number.
ORDERS = ("number", "date", "kind", "issuer", "recipients")


def decision_key(unit_id: str, day: date, number: str) -> str:
    """The list's id of a decision."""
    return SEP.join((unit_id, day.isoformat(), number))


def parse_key(key: str) -> tuple[str, date, str]:
    """(unit id, decision date, decision number) of a :func:`decision_key`."""
    unit_id, day, number = key.split(SEP, 2)
    return unit_id, date.fromisoformat(day), number


@dataclass(frozen=True)
class DecisionFilter:
    """Which decisions the list shows: of a post, a form, a year; words searched in the
    number, the issuer and the recipients' names (accents ignored)."""

    unit_id: str | None = None
    kind: str | None = None
    year: int | None = None
    search: str = ""

    def where(self) -> list[Any]:
        conditions: list[Any] = [Commendation.deleted.is_(False)]
        if self.unit_id:
            conditions.append(Commendation.unit_id == self.unit_id)
        if self.kind:
            conditions.append(Commendation.kind == self.kind)
        if self.year:
            conditions.append(Commendation.decision_date >= date(self.year, 1, 1))
            conditions.append(Commendation.decision_date <= date(self.year, 12, 31))
        return conditions


@dataclass(frozen=True)
class DecisionRow:
    """One decision of the list."""

    key: str
    number: str
    day: date
    kind: str
    issuer: str
    recipients: int  # those of the filter's form


@dataclass(frozen=True)
class CommendationRow:
    """One commendation: the decision's particulars and its recipient."""

    id: str
    unit_id: str
    kind: str
    issuer: str
    decision_number: str
    decision_date: date
    recipient_kind: str
    recipient_id: str | None
    recipient_name: str
    collective: bool
    achievement: str
    golden_book_no: str | None


@dataclass(frozen=True)
class Decision:
    """One decision and everyone it commends: collectives by name, then individuals by
    given name the Vietnamese way, as such decisions list them."""

    key: str
    number: str
    day: date
    kind: str
    issuer: str
    recipients: tuple[CommendationRow, ...]


@dataclass(frozen=True)
class Choice:
    id: str
    name: str


@dataclass(frozen=True)
class RecipientChoices:
    """The teams and initiatives of a unit a decision may commend, each by name."""

    teams: tuple[Choice, ...]
    initiatives: tuple[Choice, ...]


@dataclass
class _Listed:
    """A decision as the list's query gathers it."""

    number: str
    day: date
    kind: str
    issuer: str
    words: list[str]  # folded text the search looks in
    recipients: int = 0


def _row(c: Commendation) -> CommendationRow:
    return CommendationRow(**{f.name: getattr(c, f.name) for f in fields(CommendationRow)})


def decision_keys(
    ctx: Ctx, where: DecisionFilter, *, order: str = "date", descending: bool = True
) -> tuple[str, ...]:
    """Keys of the decisions ``where`` chooses, in ``order`` (one of :data:`ORDERS`).

    A post records a few decisions a year: they are grouped and searched in Python from one
    query, the filters run in SQL.
    """
    ctx.require(Permission.READ)
    query = select(
        Commendation.unit_id,
        Commendation.decision_number,
        Commendation.decision_date,
        Commendation.kind,
        Commendation.issuer,
        Commendation.recipient_name,
    ).where(*where.where())
    found: dict[str, _Listed] = {}
    for unit_id, number, day, kind, issuer, name in ctx.session.execute(query):
        key = decision_key(unit_id, day, number)
        listed = found.get(key)
        if listed is None:
            listed = found[key] = _Listed(number, day, kind, issuer, [fold(f"{number} {issuer}")])
        listed.recipients += 1
        listed.words.append(fold(name))
    words = fold(where.search).split()
    rows = [
        (key, d)
        for key, d in found.items()
        if all(any(w in text for text in d.words) for w in words)
    ]
    sorters: dict[str, Any] = {
        "number": lambda r: fold(r[1].number),
        "kind": lambda r: r[1].kind,
        "issuer": lambda r: fold(r[1].issuer),
        "recipients": lambda r: r[1].recipients,
    }
    rows.sort(key=lambda r: (r[1].day, fold(r[1].number)))
    if order in sorters:
        rows.sort(key=sorters[order])
    if descending:
        rows.reverse()
    return tuple(key for key, _d in rows)


def decision_rows(ctx: Ctx, where: DecisionFilter, keys: Sequence[str]) -> tuple[DecisionRow, ...]:
    """The rows of ``keys`` (a page of the list), in that order; decisions gone are left
    out. The count of recipients is of those ``where`` chooses."""
    ctx.require(Permission.READ)
    wanted = [parse_key(k) for k in keys]
    found = {
        decision_key(unit_id, day, number): DecisionRow(
            decision_key(unit_id, day, number), number, day, kind, issuer, count
        )
        for unit_id, day, number, kind, issuer, count in ctx.session.execute(
            select(
                Commendation.unit_id,
                Commendation.decision_date,
                Commendation.decision_number,
                func.min(Commendation.kind),  # a decision has one form and one issuer
                func.min(Commendation.issuer),
                func.count(Commendation.id),
            )
            .where(
                *where.where(),
                tuple_(
                    Commendation.unit_id, Commendation.decision_date, Commendation.decision_number
                ).in_(wanted),
            )
            .group_by(
                Commendation.unit_id, Commendation.decision_date, Commendation.decision_number
            )
        )
    }
    return tuple(found[k] for k in keys if k in found)


def decision_years(ctx: Ctx) -> tuple[int, ...]:
    """The years that have decisions (of every post), the latest first."""
    ctx.require(Permission.READ)
    days = ctx.session.execute(
        select(Commendation.decision_date).where(Commendation.deleted.is_(False)).distinct()
    ).scalars()
    return tuple(sorted({d.year for d in days}, reverse=True))


def decision(ctx: Ctx, key: str) -> Decision:
    """The decision of ``key`` with every live commendation it made.

    Raises:
        NotFound: if it commends no one (any more).
    """
    ctx.require(Permission.READ)
    unit_id, day, number = parse_key(key)
    rows = sorted(
        ctx.session.execute(
            select(Commendation).where(
                Commendation.unit_id == unit_id,
                Commendation.decision_number == number,
                Commendation.decision_date == day,
                Commendation.deleted.is_(False),
            )
        ).scalars(),
        key=lambda c: (
            not c.collective,
            fold(c.recipient_name) if c.collective else sort_key(c.recipient_name),
        ),
    )
    if not rows:
        raise NotFound(entity="commendation", value=key)
    first = rows[0]
    return Decision(key, number, day, first.kind, first.issuer, tuple(_row(c) for c in rows))


def commendations_of(
    ctx: Ctx, recipient_kind: str, recipient_id: str
) -> tuple[CommendationRow, ...]:
    """A record's live commendations (a team's, an initiative's...), the latest first."""
    ctx.require(Permission.READ)
    found = commendations.commendations_of(ctx.session, recipient_kind, recipient_id)
    return tuple(_row(c) for c in found)


def recipient_choices(ctx: Ctx, unit_id: str) -> RecipientChoices:
    """The unit's teams (ended ones too) and live initiatives, each by name."""
    ctx.require(Permission.READ)
    initiatives = ctx.session.execute(
        select(Initiative.id, Initiative.name).where(
            Initiative.unit_id == unit_id, Initiative.deleted.is_(False)
        )
    ).all()
    return RecipientChoices(
        teams=tuple(
            Choice(t.id, t.name) for t in teams.teams(ctx.session, unit_id, active_only=False)
        ),
        initiatives=tuple(
            sorted((Choice(i, n) for i, n in initiatives), key=lambda c: natural_key(c.name))
        ),
    )
