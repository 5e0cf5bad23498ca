"""Commands about residential areas and households: ``antt area add|list`` and ``antt household
add|show|list|member|head|poverty|pledge|pledge-violated|sign-area|coverage``."""

from __future__ import annotations

import argparse
from typing import Any

from antt_desktop.cli import household_text as text
from antt_desktop.cli.cmd_dossiers import yes_no
from antt_desktop.cli.env import Env
from antt_desktop.domain.errors import Problem, raise_if_errors
from antt_desktop.i18n.translator import N_
from antt_desktop.services import household_rows
from antt_desktop.services.context import Ctx
from antt_desktop.services.households import HouseholdInput, add_household, set_poverty_status
from antt_desktop.services.memberships import add_member, change_head, move_member, remove_member
from antt_desktop.services.pledges import mark_violated, record_pledge, sign_area
from antt_desktop.services.units import add_area, area_by_name
from antt_desktop.services.values import read_year

DATE = "DD/MM/YYYY"


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``antt area ...`` and ``antt household ...``."""
    sub = commands.add_parser("area", help="residential areas").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = sub.add_parser("add", help="add a residential area")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", default="thon", help="|".join(text.AREA_KINDS) + " (default thon)")
    p.set_defaults(func=cmd_area_add)
    sub.add_parser("list", help="the residential areas").set_defaults(func=cmd_area_list)

    sub = commands.add_parser("household", help="households").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = sub.add_parser("add", help="register a household")
    p.add_argument("--number", required=True)
    p.add_argument("--head", help="person id of the head of household")
    p.add_argument("--area", help="residential area name")
    p.add_argument("--address")
    p.add_argument("--notes")
    p.set_defaults(func=cmd_add)
    p = sub.add_parser("show", help="a household with members, pledges and yearly status")
    p.add_argument("household", help="household id or number")
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("list", help="households by number")
    p.add_argument("--area", help="residential area name")
    p.set_defaults(func=cmd_list)

    member = sub.add_parser("member", help="members of a household").add_subparsers(
        dest="member_action", metavar="ACTION", required=True
    )
    p = member.add_parser("add", help="add a person to a household")
    p.add_argument("household", help="household id or number")
    p.add_argument("person", help="person id")
    p.add_argument("--relation", help="relation to the head, e.g. Vợ, Con")
    p.set_defaults(func=cmd_member_add)
    p = member.add_parser("move", help="move a person to another household")
    p.add_argument("person", help="person id")
    p.add_argument("--to", required=True, help="household id or number")
    p.add_argument("--relation", help="relation to the new head")
    p.set_defaults(func=cmd_member_move)
    p = member.add_parser("remove", help="take a person out of a household")
    p.add_argument("household", help="household id or number")
    p.add_argument("person", help="person id")
    p.set_defaults(func=cmd_member_remove)

    p = sub.add_parser("head", help="change the head of a household")
    p.add_argument("household", help="household id or number")
    p.add_argument("person", help="person id of the new head (already a member)")
    p.add_argument("--former-relation", help="relation of the former head to the new one")
    p.set_defaults(func=cmd_head)
    p = sub.add_parser("poverty", help="poor / near-poor status for a year")
    p.add_argument("household", help="household id or number")
    p.add_argument("--year", required=True)
    p.add_argument("--status", required=True, help="poor|near_poor|none")
    p.set_defaults(func=cmd_poverty)

    p = sub.add_parser("pledge", help="record a household's pledge for a year")
    p.add_argument("household", help="household id or number")
    p.add_argument("--year", required=True)
    p.add_argument("--signed", help=DATE)
    p.add_argument("--signer", help="who signed (default: the head of household)")
    p.add_argument("--officer", help="responsible officer")
    p.add_argument("--status", default="signed", help="signed|refused|violated")
    p.add_argument("--cultured-family", type=yes_no, metavar="yes|no")
    p.add_argument("--notes", help="what the violation was (with --status violated)")
    p.set_defaults(func=cmd_pledge)
    p = sub.add_parser("pledge-violated", help="mark a pledge as violated")
    p.add_argument("pledge", help="pledge id")
    p.add_argument("--notes", required=True, help="what happened")
    p.set_defaults(func=cmd_pledge_violated)
    p = sub.add_parser("sign-area", help="mark every household of an area as signed")
    p.add_argument("--area", required=True, help="residential area name")
    p.add_argument("--year", required=True)
    p.add_argument("--signed", required=True, help=DATE)
    p.add_argument("--officer", help="responsible officer")
    p.set_defaults(func=cmd_sign_area)
    p = sub.add_parser("coverage", help="pledges per area for a year")
    p.add_argument("--year", required=True)
    p.set_defaults(func=cmd_coverage)


def cmd_area_add(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        area = add_area(ctx, name=args.name, kind=args.kind)
        record = {"id": area.id, "name": area.name, "kind": area.kind}
    env.out.data(record)
    env.out.line(env.out._(N_("Saved.")))
    kind = env.out._(text.AREA_KINDS.get(area.kind, area.kind))
    env.out.line(f"  {record['name']}  ({kind})  [{record['id']}]")
    return 0


def cmd_area_list(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        rows = [text.area_record(a) for a in household_rows.areas_with_households(ctx)]
    env.out.data(rows)
    if not rows:
        env.out.line(env.out._(N_("Nothing found.")))
    for r in rows:
        kind = env.out._(text.AREA_KINDS.get(r["kind"], r["kind"]))
        count = env.out._(N_("{count} households")).format(count=r["households"])
        env.out.line(f"  {r['name']}  ({kind}; {count})  [{r['id']}]")
    return 0


def _household_record(ctx: Ctx, household_id: str) -> dict[str, Any]:
    return text.household_record(household_rows.household_page(ctx, household_id))


def _saved_household(env: Env, record: dict[str, Any]) -> int:
    """Print 'Saved.' and the household as it now stands (with --json: the record)."""
    env.out.data(record)
    env.out.line(env.out._(N_("Saved.")))
    text.print_household(env.out, record)
    return 0


def cmd_add(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        area_id = area_by_name(ctx, args.area).id if args.area else None
        data = HouseholdInput(
            number=args.number,
            head_person_id=args.head,
            area_id=area_id,
            address=args.address,
            notes=args.notes,
        )
        household = add_household(ctx, data)
        record = _household_record(ctx, household.id)
    return _saved_household(env, record)


def cmd_show(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        record = _household_record(ctx, household_rows.find_household(ctx, args.household).id)
    env.out.data(record)
    text.print_household(env.out, record)
    return 0


def cmd_list(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        area_id = area_by_name(ctx, args.area).id if args.area else None
        rows = [
            text.household_list_record(r) for r in household_rows.households_by_number(ctx, area_id)
        ]
    env.out.data(rows)
    if not rows:
        env.out.line(env.out._(N_("Nothing found.")))
    head_label = env.out._(N_("Head of household"))
    for r in rows:
        details = [f"{head_label}: {r['head_name']}"] if r["head_name"] else []
        details += [v for v in (r["area"], r["address"]) if v]
        details.append(env.out._(N_("{count} members")).format(count=r["members"]))
        env.out.line(f"  {r['number']}  ({'; '.join(details)})  [{r['id']}]")
    return 0


def cmd_member_add(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        household = household_rows.find_household(ctx, args.household)
        add_member(ctx, household.id, args.person, args.relation)
        record = _household_record(ctx, household.id)
    return _saved_household(env, record)


def cmd_member_move(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        target = household_rows.find_household(ctx, args.to)
        move_member(ctx, args.person, target.id, args.relation)
        record = _household_record(ctx, target.id)
    return _saved_household(env, record)


def cmd_member_remove(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        household = household_rows.find_household(ctx, args.household)
        remove_member(ctx, household.id, args.person)
        record = _household_record(ctx, household.id)
    return _saved_household(env, record)


def cmd_head(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        household = household_rows.find_household(ctx, args.household)
        change_head(ctx, household.id, args.person, former_head_relation=args.former_relation)
        record = _household_record(ctx, household.id)
    return _saved_household(env, record)


def cmd_poverty(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        household = household_rows.find_household(ctx, args.household)
        set_poverty_status(ctx, household.id, args.year, args.status)
        record = _household_record(ctx, household.id)
    return _saved_household(env, record)


def _print_pledge(env: Env, record: dict[str, Any]) -> None:
    env.out.data(record)
    env.out.line(env.out._(N_("Saved.")))
    number = f"{env.out._(N_('Household number'))} {record['household_number']}"
    env.out.line(f"{number} — {text.pledge_line(record, env.out.tr)}")


def cmd_pledge(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        household = household_rows.find_household(ctx, args.household)
        signer = args.signer
        if signer is None and args.status != "refused" and household.head_live:
            signer = household.head_name
        pledge = record_pledge(
            ctx,
            household.id,
            args.year,
            signed_on=args.signed,
            signer_name=signer,
            officer_name=args.officer,
            status=args.status,
            cultured_family=args.cultured_family,
            violation_notes=args.notes,
        )
        record = text.pledge_record(household_rows.pledge_row(ctx, pledge.id))
    _print_pledge(env, record)
    return 0


def cmd_pledge_violated(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        pledge = mark_violated(ctx, args.pledge, args.notes)
        record = text.pledge_record(household_rows.pledge_row(ctx, pledge.id))
    _print_pledge(env, record)
    return 0


def cmd_sign_area(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        area = area_by_name(ctx, args.area)
        result = sign_area(
            ctx, area.id, args.year, signed_on=args.signed, officer_name=args.officer
        )
    skipped = [ref.number for ref in result.skipped_without_head]
    env.out.data(
        {
            "area_id": area.id,
            "area": area.name,
            "created": result.created,
            "already_pledged": result.already_pledged,
            "skipped_without_head": [
                {"id": ref.id, "number": ref.number} for ref in result.skipped_without_head
            ],
        }
    )
    _ = env.out._
    env.out.line(f"{area.name} — {_(N_('Year'))} {args.year}")
    env.out.table(
        [
            (_(N_("Pledges recorded")), str(result.created)),
            (_(N_("Already pledged")), str(result.already_pledged)),
            (_(N_("Skipped, no head of household")), str(len(skipped))),
        ]
    )
    if skipped:
        env.out.line(f"  {_(N_('Households skipped'))}: {', '.join(skipped)}")
    return 0


def cmd_coverage(env: Env, args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    year = read_year(args.year, "year", problems, today=env.today)
    raise_if_errors(problems)
    assert year is not None
    with env.reading() as ctx:
        rows = household_rows.area_coverage(ctx, year)
    env.out.data([text.coverage_record(r) for r in rows])
    text.print_coverage(env.out, year, rows)
    return 0
