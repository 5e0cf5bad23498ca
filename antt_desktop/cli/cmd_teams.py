"""Commands about grassroots teams and commendations: ``antt team add|list|show|member add|
member end`` and ``antt commendation add|list``."""

from __future__ import annotations

import argparse
from typing import Any

from antt_desktop.cli.env import Env
from antt_desktop.cli.output import Output
from antt_desktop.domain.dates import parse_date
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.teams import COMMENDATION_KINDS, TEAM_ROLES
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services import team_rows
from antt_desktop.services.commendations import (
    KINDS,
    RECIPIENT_KINDS,
    CommendationInput,
    add_commendation,
    commendations_of_decision,
)
from antt_desktop.services.context import Ctx
from antt_desktop.services.team_rows import TeamMemberRow
from antt_desktop.services.teams import (
    ROLES,
    SCHEMA_KINDS,
    add_team,
    add_team_member,
    end_membership,
)
from antt_desktop.services.units import area_by_name

DATE = "DD/MM/YYYY"
ROLE_LABELS = dict(zip(ROLES, TEAM_ROLES, strict=True))
KIND_LABELS = dict(zip(KINDS, COMMENDATION_KINDS, strict=True))


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``antt team ...`` and ``antt commendation ...``."""
    sub = commands.add_parser("team", help="grassroots teams").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = sub.add_parser("add", help="set up a team")
    p.add_argument("--kind", required=True, help="|".join(SCHEMA_KINDS))
    p.add_argument("--name", required=True)
    p.add_argument("--founded", help=DATE)
    p.add_argument("--area", action="append", default=[], help="residential area (repeatable)")
    p.set_defaults(func=cmd_add)
    p = sub.add_parser("list", help="the teams by name")
    p.add_argument("--kind", help="|".join(SCHEMA_KINDS))
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("show", help="a team with its areas and members")
    p.add_argument("id")
    p.set_defaults(func=cmd_show)
    member = sub.add_parser("member", help="team members").add_subparsers(
        dest="member_action", metavar="ACTION", required=True
    )
    p = member.add_parser("add", help="add a member to a team")
    p.add_argument("team", help="team id")
    p.add_argument("--role", required=True, help="|".join(ROLES))
    who = p.add_mutually_exclusive_group()
    who.add_argument("--person", help="person id")
    who.add_argument("--name", help="name, for someone not in the records")
    p.add_argument("--phone")
    p.add_argument("--joined", help=DATE)
    p.set_defaults(func=cmd_member_add)
    p = member.add_parser("end", help="record the day a member left")
    p.add_argument("member", help="team member id")
    p.add_argument("--left", required=True, help=DATE)
    p.set_defaults(func=cmd_member_end)

    sub = commands.add_parser("commendation", help="commendations").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = sub.add_parser("add", help="record a commendation")
    p.add_argument("--kind", required=True, help="|".join(KINDS))
    p.add_argument("--issuer", required=True)
    p.add_argument("--decision", required=True, help="decision number")
    p.add_argument("--date", required=True, help="decision date, " + DATE)
    p.add_argument("--recipient-kind", required=True, help="|".join(RECIPIENT_KINDS))
    who = p.add_mutually_exclusive_group()
    who.add_argument("--recipient-id", help="id of the person, team, initiative, area or unit")
    who.add_argument("--recipient-name", help="recipient as written in the decision")
    p.add_argument("--achievement", required=True)
    p.add_argument("--golden-book", help="golden book number")
    p.set_defaults(func=cmd_commendation_add)
    p = sub.add_parser("list", help="the commendations of a decision")
    p.add_argument("--decision", required=True, help="decision number")
    p.add_argument("--date", help="decision date, " + DATE + " (when the number was used twice)")
    p.set_defaults(func=cmd_commendation_list)


MEMBER_FIELDS = ("id", "team_id", "role", "person_id", "name", "phone", "joined_on", "left_on")
COMMENDATION_FIELDS = (
    *("id", "kind", "issuer", "decision_number", "decision_date", "recipient_kind"),
    *("recipient_id", "recipient_name", "collective", "achievement", "golden_book_no"),
)


def member_record(m: TeamMemberRow) -> dict[str, Any]:
    return {name: getattr(m, name) for name in MEMBER_FIELDS}


def team_record(ctx: Ctx, team_id: str, tr: Translator) -> dict[str, Any]:
    """A team with its areas and members (those who left last)."""
    team = team_rows.team_page(ctx, team_id, tr.lang, include_former=True)
    return {
        "id": team.id,
        "kind": team.kind,
        "kind_name": team.kind_name,
        "name": team.name,
        "founded_on": team.founded_on,
        "active": team.active,
        "areas": [a.name for a in team.areas],
        "members": [member_record(m) for m in team.members],
    }


def member_line(m: dict[str, Any], tr: Translator) -> str:
    """``tổ trưởng  Nguyễn Văn Hùng  (0912345678; Ngày tham gia: 01/07/2024)  [id]``."""
    details = [m["phone"]] if m["phone"] else []
    details += [
        f"{field_label(key, tr)}: {fmt_date(m[key], tr)}"
        for key in ("joined_on", "left_on")
        if m[key]
    ]
    role = tr(ROLE_LABELS.get(m["role"], m["role"]))
    shown = f" ({'; '.join(details)})" if details else ""
    return f"{role}  {m['name']}{shown}  [{m['id']}]"


def print_team(out: Output, r: dict[str, Any]) -> None:
    tr = out.tr
    out.line(f"{r['name']}  [{r['id']}]")
    rows = [(field_label("team_kind", tr), r["kind_name"])]
    if r["founded_on"]:
        rows.append((field_label("founded_on", tr), fmt_date(r["founded_on"], tr)))
    if r["areas"]:
        rows.append((field_label("team_areas", tr), ", ".join(r["areas"])))
    rows.append((field_label("team_active", tr), tr("yes" if r["active"] else "no")))
    out.table(rows)
    out.line(f"{field_label('member_person_id', tr)} ({len(r['members'])}):")
    for m in r["members"]:
        out.line(f"  {member_line(m, tr)}")


def _area_ids(ctx: Ctx, names: list[str]) -> tuple[list[str], list[Problem]]:
    """Ids of the areas named, and a problem for each unknown name."""
    problems: list[Problem] = []
    ids = []
    for name in filter(str.strip, names):
        try:
            ids.append(area_by_name(ctx, name).id)
        except ValidationFailed as exc:
            problems += exc.problems
    return ids, problems


def cmd_add(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        area_ids, problems = _area_ids(ctx, args.area)
        try:
            team = add_team(ctx, args.kind, args.name, args.founded, area_ids)
        except ValidationFailed as exc:
            raise ValidationFailed(exc.problems + problems) from None
        raise_if_errors(problems)  # the transaction rolls back: nothing is written
        record = team_record(ctx, team.id, env.out.tr)
    env.out.data(record)
    env.out.line(env.out._(N_("Saved.")))
    print_team(env.out, record)
    return 0


def cmd_list(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        rows: list[dict[str, Any]] = [
            {
                "id": t.id,
                "kind": t.kind,
                "kind_name": t.kind_name,
                "name": t.name,
                "founded_on": t.founded_on,
            }
            for t in team_rows.teams_of_post(ctx, env.out.tr.lang, kind=args.kind)
        ]
    env.out.data(rows)
    if not rows:
        env.out.line(env.out._(N_("Nothing found.")))
    for r in rows:
        details = "; ".join(v for v in (r["kind_name"], fmt_date(r["founded_on"], env.out.tr)) if v)
        env.out.line(f"  {r['name']}  ({details})  [{r['id']}]")
    return 0


def cmd_show(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        record = team_record(ctx, args.id, env.out.tr)
    env.out.data(record)
    print_team(env.out, record)
    return 0


def cmd_member_add(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        member = add_team_member(
            ctx,
            args.team,
            role=args.role,
            person_id=args.person,
            name=args.name,
            phone=args.phone,
            joined_on=args.joined,
        )
        record = member_record(team_rows.team_member(ctx, member.id))
        team = team_record(ctx, member.team_id, env.out.tr)
    env.out.data(record)
    env.out.line(env.out._(N_("Saved.")))
    print_team(env.out, team)
    return 0


def cmd_member_end(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        member = end_membership(ctx, args.member, args.left)
        record = member_record(team_rows.team_member(ctx, member.id))
    env.out.data(record)
    env.out.line(env.out._(N_("Saved.")))
    env.out.line(f"  {member_line(record, env.out.tr)}")
    return 0


def commendation_record(c: Any) -> dict[str, Any]:
    """The fields of a commendation the services returned (a Commendation row)."""
    return {name: getattr(c, name) for name in COMMENDATION_FIELDS}


def commendation_line(c: dict[str, Any], tr: Translator) -> str:
    """``giấy khen — Tổ ANTT thôn Đồng Tâm (tập thể): thành tích...  [id]``."""
    kind = tr(KIND_LABELS.get(c["kind"], c["kind"]))
    who = tr(N_("collective")) if c["collective"] else tr(N_("individual"))
    book = (
        f"; {field_label('golden_book_no', tr)}: {c['golden_book_no']}"
        if c["golden_book_no"]
        else ""
    )
    return f"{kind} — {c['recipient_name']} ({who}): {c['achievement']}{book}  [{c['id']}]"


def _decision_heading(c: dict[str, Any], tr: Translator) -> str:
    return tr(N_("Decision {number} of {date}, {issuer}")).format(
        number=c["decision_number"], date=fmt_date(c["decision_date"], tr), issuer=c["issuer"]
    )


def cmd_commendation_add(env: Env, args: argparse.Namespace) -> int:
    data = CommendationInput(
        kind=args.kind,
        issuer=args.issuer,
        decision_number=args.decision,
        decision_date=args.date,
        recipient_kind=args.recipient_kind,
        recipient_id=args.recipient_id,
        recipient_name=args.recipient_name,
        achievement=args.achievement,
        golden_book_no=args.golden_book,
    )
    with env.writing() as ctx:
        record = commendation_record(add_commendation(ctx, data))
    env.out.data(record)
    env.out.line(env.out._(N_("Saved.")))
    env.out.line(_decision_heading(record, env.out.tr))
    env.out.line(f"  {commendation_line(record, env.out.tr)}")
    return 0


def cmd_commendation_list(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        day = parse_date(args.date, "decision_date") if args.date else None
        found = commendations_of_decision(ctx.session, args.decision, ctx.local_unit().id, day)
        rows = [commendation_record(c) for c in found]
    env.out.data(rows)
    if not rows:
        env.out.line(env.out._(N_("Nothing found.")))
        return 0
    env.out.line(_decision_heading(rows[0], env.out.tr))
    for r in rows:
        env.out.line(f"  {commendation_line(r, env.out.tr)}")
    return 0
