"""Teams at the grassroots (tổ bảo vệ ANTT ở cơ sở, tổ an ninh nhân dân, tổ hòa giải...),
the areas they cover and their members (tổ trưởng, tổ phó, tổ viên)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import TeamRole
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.text import fold, sort_key
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx, Permission, apply_changes, max_length
from antt_desktop.services.people import PHONE
from antt_desktop.services.values import clean_text, read_date, refuse_unknown_fields
from antt_desktop.store.models import Area, Person, Team, TeamArea, TeamMember

#: Kinds the schema accepts (the CHECK on teams.kind); the catalogue names them.
SCHEMA_KINDS = (
    "grassroots_security",
    "people_security",
    "mediation",
    "self_managed",
    "fire_watch",
    "working_group",
)
ROLES = tuple(r.value for r in TeamRole)
_ROLE_ORDER = {role: i for i, role in enumerate(ROLES)}
EDITABLE = ("kind", "name", "founded_on", "active")


def team_kinds(session: Session) -> dict[str, str]:
    """code → Vietnamese name of the team kinds a team may have, in catalogue order."""
    return {
        code: name
        for code, name in catalogues.codes(session, catalogues.TEAM_KIND).items()
        if code in SCHEMA_KINDS
    }


def _team_problems(
    ctx: Ctx, unit_id: str, values: dict[str, Any], existing_id: str | None
) -> list[Problem]:
    """Problems with a team's values (its name cleaned) in ``unit_id``."""
    problems: list[Problem] = []
    kinds = team_kinds(ctx.session)
    if values["kind"] not in kinds:
        problems.append(
            Problem("team_kind", "choice", {"value": values["kind"], "allowed": list(kinds)})
        )
    name = values["name"]
    if not name:
        problems.append(Problem("team_name", "required"))
    problems += max_length("team_name", name, 200)
    if name:
        wanted = fold(name)
        for other_id, other_name in ctx.session.execute(
            select(Team.id, Team.name).where(Team.unit_id == unit_id, Team.deleted.is_(False))
        ):
            if other_id != existing_id and fold(other_name) == wanted:
                problems.append(Problem("team_name", "team.name_taken", {"value": other_name}))
                break
    read_date(values["founded_on"], "founded_on", problems, today=ctx.today)
    if not isinstance(values.get("active", True), bool):
        problems.append(
            Problem("team_active", "choice", {"value": values["active"], "allowed": [True, False]})
        )
    return problems


def _area_problems(ctx: Ctx, unit_id: str, area_ids: list[str]) -> list[Problem]:
    wanted = list(dict.fromkeys(area_ids))
    known = (
        set(
            ctx.session.execute(
                select(Area.id).where(
                    Area.id.in_(wanted), Area.unit_id == unit_id, Area.deleted.is_(False)
                )
            ).scalars()
        )
        if wanted
        else set()
    )
    return [Problem("team_areas", "area.unknown", {"value": a}) for a in wanted if a not in known]


def check_add_team(
    ctx: Ctx,
    kind: str,
    name: str,
    founded_on: date | str | None = None,
    area_ids: Iterable[str] = (),
    *,
    unit_id: str | None = None,
) -> list[Problem]:
    """What :func:`add_team` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    unit = ctx.get_unit(unit_id)
    values = {"kind": kind, "name": clean_text(name), "founded_on": founded_on}
    return _team_problems(ctx, unit.id, values, None) + _area_problems(ctx, unit.id, list(area_ids))


def add_team(
    ctx: Ctx,
    kind: str,
    name: str,
    founded_on: date | str | None = None,
    area_ids: Iterable[str] = (),
    *,
    unit_id: str | None = None,
) -> Team:
    """Set up a team of this post (or ``unit_id``) covering some areas."""
    ctx.require(Permission.WRITE)
    areas = list(area_ids)  # read twice: by the check, then written
    raise_if_errors(check_add_team(ctx, kind, name, founded_on, areas, unit_id=unit_id))
    unit = ctx.get_unit(unit_id)
    day = read_date(founded_on, "founded_on", [], today=ctx.today)
    team = Team(unit_id=unit.id, kind=kind, name=clean_text(name), founded_on=day, active=True)
    ctx.session.add(team)
    ctx.session.flush()
    ctx.audit(
        "create",
        "team",
        team.id,
        [k for k in ("kind", "name", "founded_on") if getattr(team, k) is not None],
    )
    _write_areas(ctx, team, list(dict.fromkeys(areas)))
    return team


def _edited(team: Team, changes: dict[str, Any]) -> dict[str, Any]:
    """The team's editable values as they would be with ``changes`` (name cleaned)."""
    values = {**{k: getattr(team, k) for k in EDITABLE}, **changes}
    values["name"] = clean_text(values["name"])
    return values


def check_edit_team(ctx: Ctx, team_id: str, changes: dict[str, Any]) -> list[Problem]:
    """What :func:`edit_team` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    team = ctx.get(Team, team_id, "team")
    try:
        refuse_unknown_fields(changes, EDITABLE)
    except ValidationFailed as exc:  # the write refuses these before anything else
        return exc.problems
    return _team_problems(ctx, team.unit_id, _edited(team, changes), team.id)


def edit_team(ctx: Ctx, team_id: str, changes: dict[str, Any]) -> Team:
    """Change some of a team's fields: kind, name, founded_on, active."""
    ctx.require(Permission.WRITE)
    raise_if_errors(check_edit_team(ctx, team_id, changes))
    team = ctx.get(Team, team_id, "team")
    values = _edited(team, changes)
    day = read_date(values["founded_on"], "founded_on", [], today=ctx.today)
    changed = apply_changes(team, {**values, "founded_on": day})
    if changed:
        ctx.session.flush()
        ctx.audit("edit", "team", team.id, changed)
    return team


def check_set_team_areas(ctx: Ctx, team_id: str, area_ids: Iterable[str]) -> list[Problem]:
    """What :func:`set_team_areas` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    team = ctx.get(Team, team_id, "team")
    return _area_problems(ctx, team.unit_id, list(area_ids))


def set_team_areas(ctx: Ctx, team_id: str, area_ids: Iterable[str]) -> list[Area]:
    """Make the team cover exactly these areas; returns them by name."""
    ctx.require(Permission.WRITE)
    areas = list(area_ids)  # read twice: by the check, then written
    raise_if_errors(check_set_team_areas(ctx, team_id, areas))
    team = ctx.get(Team, team_id, "team")
    _write_areas(ctx, team, list(dict.fromkeys(areas)))
    return team_areas(ctx.session, team.id)


def _write_areas(ctx: Ctx, team: Team, area_ids: list[str]) -> None:
    # One row per (team, area) ever: a removed area is tombstoned and revived if re-added.
    rows = {
        r.area_id: r
        for r in ctx.session.execute(select(TeamArea).where(TeamArea.team_id == team.id)).scalars()
    }
    wanted = set(area_ids)
    added = removed = 0
    for area_id, row in rows.items():
        if apply_changes(row, {"deleted": area_id not in wanted}):
            added += area_id in wanted
            removed += area_id not in wanted
    new = [TeamArea(team_id=team.id, area_id=a) for a in area_ids if a not in rows]
    ctx.session.add_all(new)
    added += len(new)
    if added or removed:
        ctx.session.flush()
        ctx.audit("edit", "team", team.id, ["areas"], f"+{added} -{removed} areas")


def team_areas(session: Session, team_id: str) -> list[Area]:
    return list(
        session.execute(
            select(Area)
            .join(TeamArea, TeamArea.area_id == Area.id)
            .where(
                TeamArea.team_id == team_id, TeamArea.deleted.is_(False), Area.deleted.is_(False)
            )
            .order_by(Area.name)
        ).scalars()
    )


def _active_members(session: Session, team_id: str) -> list[TeamMember]:
    return list(
        session.execute(
            select(TeamMember).where(
                TeamMember.team_id == team_id,
                TeamMember.deleted.is_(False),
                TeamMember.left_on.is_(None),
            )
        ).scalars()
    )


def _member_values(
    ctx: Ctx, person_id: str | None, name: str | None, phone: str | None, problems: list[Problem]
) -> tuple[Person | None, str | None, str | None]:
    """The person a member is (None: a name typed in), their name and phone as stored; the
    problems of the three go to ``problems``."""
    name_text, phone_text = clean_text(name), clean_text(phone)
    person = None
    if person_id:
        person = ctx.session.get(Person, person_id)
        if person is None or person.deleted:
            problems.append(Problem("member_person_id", "person.unknown", {"value": person_id}))
            person = None
        else:
            name_text = name_text or person.full_name
            phone_text = phone_text or person.phone
    elif not name_text:
        problems.append(Problem("member_name", "required"))
    problems += max_length("member_name", name_text, 120)
    if phone_text:
        phone_text = "".join(phone_text.split()).replace(".", "")
        if not PHONE.match(phone_text):
            problems.append(Problem("phone", "phone.format", {"value": phone_text}))
    return person, name_text, phone_text


def check_add_team_member(
    ctx: Ctx,
    team_id: str,
    *,
    role: str,
    person_id: str | None = None,
    name: str | None = None,
    phone: str | None = None,
    joined_on: date | str | None = None,
) -> list[Problem]:
    """What :func:`add_team_member` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    team = ctx.get(Team, team_id, "team")
    problems: list[Problem] = []
    if role not in ROLES:
        problems.append(Problem("team_role", "choice", {"value": role, "allowed": list(ROLES)}))
    person = _member_values(ctx, person_id, name, phone, problems)[0]
    read_date(joined_on, "joined_on", problems, today=ctx.today)
    for other in _active_members(ctx.session, team.id):
        if role == TeamRole.LEADER and other.role == TeamRole.LEADER:
            problems.append(Problem("team_role", "team.leader_exists", {"name": other.name}))
        if person is not None and other.person_id == person.id:
            problems.append(
                Problem("member_person_id", "team.already_member", {"name": other.name})
            )
    return problems


def add_team_member(
    ctx: Ctx,
    team_id: str,
    *,
    role: str,
    person_id: str | None = None,
    name: str | None = None,
    phone: str | None = None,
    joined_on: date | str | None = None,
) -> TeamMember:
    """Add a member: a known person (name and phone taken from the record when not given)
    or a free-text name. A team has at most one active leader (tổ trưởng)."""
    ctx.require(Permission.WRITE)
    raise_if_errors(
        check_add_team_member(
            ctx,
            team_id,
            role=role,
            person_id=person_id,
            name=name,
            phone=phone,
            joined_on=joined_on,
        )
    )
    person, name_text, phone_text = _member_values(ctx, person_id, name, phone, [])
    member = TeamMember(
        team_id=team_id,
        role=role,
        person_id=person.id if person else None,
        name=name_text,
        phone=phone_text,
        joined_on=read_date(joined_on, "joined_on", [], today=ctx.today),
    )
    ctx.session.add(member)
    ctx.session.flush()
    ctx.audit(
        "create",
        "team_member",
        member.id,
        [
            k
            for k in ("role", "person_id", "name", "phone", "joined_on")
            if getattr(member, k) is not None
        ],
    )
    return member


def _leaving(
    ctx: Ctx, member: TeamMember, left_on: date | str, problems: list[Problem]
) -> date | None:
    """The day a member leaves; the problems of that day go to ``problems``."""
    day = read_date(left_on, "left_on", problems, today=ctx.today, required=True)
    if member.left_on is not None:
        problems.append(
            Problem(
                "left_on", "team.membership_ended", {"name": member.name, "value": member.left_on}
            )
        )
    elif day is not None and member.joined_on is not None and day < member.joined_on:
        problems.append(
            Problem(
                "left_on", "team.left_before_joined", {"value": day, "joined": member.joined_on}
            )
        )
    return day


def check_end_membership(ctx: Ctx, member_id: str, left_on: date | str) -> list[Problem]:
    """What :func:`end_membership` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    problems: list[Problem] = []
    _leaving(ctx, ctx.get(TeamMember, member_id, "team_member"), left_on, problems)
    return problems


def end_membership(ctx: Ctx, member_id: str, left_on: date | str) -> TeamMember:
    """Record the day a member left the team (the row stays, for the team's history)."""
    ctx.require(Permission.WRITE)
    raise_if_errors(check_end_membership(ctx, member_id, left_on))
    member = ctx.get(TeamMember, member_id, "team_member")
    member.left_on = _leaving(ctx, member, left_on, [])
    ctx.session.flush()
    ctx.audit("edit", "team_member", member.id, ["left_on"])
    return member


def team_members(
    session: Session, team_id: str, *, include_former: bool = False
) -> list[TeamMember]:
    """Members by role (leader, deputies, members), then by name the Vietnamese way;
    with ``include_former``, those who left come after, the latest to leave first."""
    query = select(TeamMember).where(TeamMember.team_id == team_id, TeamMember.deleted.is_(False))
    if not include_former:
        query = query.where(TeamMember.left_on.is_(None))
    rows = list(session.execute(query).scalars())
    rows.sort(key=lambda m: (_ROLE_ORDER.get(m.role, 9), sort_key(m.name)))
    rows.sort(key=lambda m: -(m.left_on or date.max).toordinal())  # stable: keeps role order
    return rows


def teams(
    session: Session, unit_id: str, *, kind: str | None = None, active_only: bool = True
) -> list[Team]:
    """The unit's teams by name, optionally of one kind."""
    query = select(Team).where(Team.unit_id == unit_id, Team.deleted.is_(False))
    if kind:
        query = query.where(Team.kind == kind)
    if active_only:
        query = query.where(Team.active.is_(True))
    return sorted(session.execute(query).scalars(), key=lambda t: fold(t.name))
