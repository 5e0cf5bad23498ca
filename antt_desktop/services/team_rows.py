"""What the window and the command line show of teams (tổ ANTT, tổ hòa giải...), as typed
rows: the list of teams, one team with its areas and members, the names of team kinds.

Every function checks that the reader may read records; a team's members are named with
their phone, nothing the disclosure rules mask. Names of kinds come in the reader's
language (``lang``), since the list sorts by them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from antt_desktop.domain.enums import TeamRole
from antt_desktop.domain.text import fold, natural_key
from antt_desktop.services import catalogues, teams
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store.models import Area, CatalogueItem, Team, TeamArea, TeamMember

#: Orders of the list of teams, one per column of the window's list (areas and leader
#: columns keep the name order).
SORTS = ("name", "kind", "areas", "members", "leader")


@dataclass(frozen=True)
class TeamKind:
    code: str
    name: str


def team_kind_names(ctx: Ctx, lang: str, *, schema_only: bool = False) -> tuple[TeamKind, ...]:
    """The catalogue's team kinds in catalogue order, named in ``lang`` (the Vietnamese
    name where the catalogue has no English one); with ``schema_only``, only the kinds a
    team may be given (``teams.SCHEMA_KINDS``)."""
    ctx.require(Permission.READ)
    rows = ctx.session.execute(
        select(CatalogueItem.code, CatalogueItem.name_vi, CatalogueItem.name_en)
        .where(CatalogueItem.catalogue == catalogues.TEAM_KIND, CatalogueItem.deleted.is_(False))
        .order_by(CatalogueItem.position)
    ).tuples()
    english = lang == "en"
    return tuple(
        TeamKind(code, en if english and en else vi)
        for code, vi, en in rows
        if not schema_only or code in teams.SCHEMA_KINDS
    )


def _kind_names(ctx: Ctx, lang: str) -> dict[str, str]:
    return {k.code: k.name for k in team_kind_names(ctx, lang)}


# --- the list of teams ---------------------------------------------------------------------


@dataclass(frozen=True)
class TeamFilter:
    """Which teams the list shows (``active`` None: working or not), in what order."""

    unit_id: str | None = None
    kind: str | None = None
    active: bool | None = True
    search: str = ""
    sort: str = "name"
    descending: bool = False
    lang: str = "vi"


@dataclass(frozen=True)
class TeamRow:
    """One line of the list: the areas by name, the working members and leader."""

    id: str
    name: str
    kind: str
    kind_name: str
    founded_on: date | None
    areas: tuple[str, ...]
    members: int
    leader: str | None


def _live_members() -> Any:
    return (
        select(TeamMember.team_id, func.count(TeamMember.id).label("n"))
        .where(TeamMember.deleted.is_(False), TeamMember.left_on.is_(None))
        .group_by(TeamMember.team_id)
        .subquery()
    )


def team_ids(ctx: Ctx, f: TeamFilter) -> tuple[str, ...]:
    """Every team id of the filter, in the order asked.

    A post has tens of teams: the kind, activity and post filters run in SQL, the name is
    matched and ordered the Vietnamese way here.
    """
    ctx.require(Permission.READ)
    members = _live_members()
    query = (
        select(Team.id, Team.name, Team.kind, func.coalesce(members.c.n, 0))
        .outerjoin(members, members.c.team_id == Team.id)
        .where(Team.deleted.is_(False))
    )
    if f.unit_id:
        query = query.where(Team.unit_id == f.unit_id)
    if f.kind:
        query = query.where(Team.kind == f.kind)
    if f.active is not None:
        query = query.where(Team.active.is_(f.active))
    rows = list(ctx.session.execute(query).tuples())
    words = fold(f.search).split()
    if words:
        rows = [r for r in rows if all(w in fold(r[1]) for w in words)]
    rows.sort(key=lambda r: natural_key(r[1]))
    if f.sort == "kind":
        kinds = _kind_names(ctx, f.lang)
        rows.sort(key=lambda r: natural_key(kinds.get(r[2], r[2])))
    elif f.sort == "members":
        rows.sort(key=lambda r: r[3])
    if f.descending:
        rows.reverse()
    return tuple(r[0] for r in rows)


def team_rows(ctx: Ctx, ids: Sequence[str], lang: str) -> tuple[TeamRow, ...]:
    """The rows of these teams, in the order of ``ids``."""
    ctx.require(Permission.READ)
    s = ctx.session
    areas: dict[str, list[str]] = {}
    for team_id, name in s.execute(
        select(TeamArea.team_id, Area.name)
        .join(Area, Area.id == TeamArea.area_id)
        .where(TeamArea.team_id.in_(ids), TeamArea.deleted.is_(False), Area.deleted.is_(False))
    ).tuples():
        areas.setdefault(team_id, []).append(name)
    leaders = dict(
        s.execute(
            select(TeamMember.team_id, TeamMember.name).where(
                TeamMember.team_id.in_(ids),
                TeamMember.role == TeamRole.LEADER.value,
                TeamMember.left_on.is_(None),
                TeamMember.deleted.is_(False),
            )
        )
        .tuples()
        .all()
    )
    members = _live_members()
    kinds = _kind_names(ctx, lang)
    by_id = {
        ident: TeamRow(
            id=ident,
            name=name,
            kind=kind,
            kind_name=kinds.get(kind, kind),
            founded_on=founded_on,
            areas=tuple(sorted(areas.get(ident, []), key=natural_key)),
            members=count,
            leader=leaders.get(ident),
        )
        for ident, name, kind, founded_on, count in s.execute(
            select(Team.id, Team.name, Team.kind, Team.founded_on, func.coalesce(members.c.n, 0))
            .outerjoin(members, members.c.team_id == Team.id)
            .where(Team.id.in_(ids))
        ).tuples()
    }
    return tuple(by_id[i] for i in ids if i in by_id)


def teams_of_post(ctx: Ctx, lang: str, kind: str | None = None) -> tuple[TeamRow, ...]:
    """This post's working teams (of one kind) in the list's order."""
    f = TeamFilter(unit_id=ctx.local_unit().id, kind=kind, lang=lang)
    return team_rows(ctx, team_ids(ctx, f), lang)


# --- one team ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaRef:
    id: str
    name: str


@dataclass(frozen=True)
class TeamMemberRow:
    id: str
    team_id: str
    role: str  # a TeamRole value
    person_id: str | None
    name: str
    phone: str | None
    joined_on: date | None
    left_on: date | None


@dataclass(frozen=True)
class TeamPage:
    """A team as its view and ``team show`` give it: areas by name, members by role then
    name, those who left (when asked for) after, the latest to leave first."""

    id: str
    unit_id: str
    kind: str
    kind_name: str
    name: str
    founded_on: date | None
    active: bool
    areas: tuple[AreaRef, ...]
    members: tuple[TeamMemberRow, ...]


def _member_row(m: TeamMember) -> TeamMemberRow:
    return TeamMemberRow(
        id=m.id,
        team_id=m.team_id,
        role=m.role,
        person_id=m.person_id,
        name=m.name,
        phone=m.phone,
        joined_on=m.joined_on,
        left_on=m.left_on,
    )


def team_page(ctx: Ctx, team_id: str, lang: str, *, include_former: bool = False) -> TeamPage:
    """The live team with this id, or NotFound."""
    ctx.require(Permission.READ)
    team = ctx.get(Team, team_id, "team")
    members = teams.team_members(ctx.session, team.id, include_former=include_former)
    return TeamPage(
        id=team.id,
        unit_id=team.unit_id,
        kind=team.kind,
        kind_name=_kind_names(ctx, lang).get(team.kind, team.kind),
        name=team.name,
        founded_on=team.founded_on,
        active=team.active,
        areas=tuple(AreaRef(a.id, a.name) for a in teams.team_areas(ctx.session, team.id)),
        members=tuple(_member_row(m) for m in members),
    )


def team_member(ctx: Ctx, member_id: str) -> TeamMemberRow:
    """The live team membership with this id, or NotFound."""
    ctx.require(Permission.READ)
    return _member_row(ctx.get(TeamMember, member_id, "team_member"))
