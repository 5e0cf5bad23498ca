"""What the household and area commands look up by the officer's words and print."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select

from antt_desktop.cli.output import Output
from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.rates import round_half_up
from antt_desktop.i18n.formatting import fmt_date, fmt_int, fmt_ratio
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.households import PLEDGE_STATUS, POVERTY_STATUS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.context import Ctx
from antt_desktop.services.households import POVERTY_STATUSES, household_by_number
from antt_desktop.services.memberships import members
from antt_desktop.services.pledges import STATUSES, AreaCoverage
from antt_desktop.services.units import areas
from antt_desktop.store.models import Area, Household, HouseholdYearStatus, Person, Pledge

#: Status value → its label (the labels of texts/households.py, in the same order).
POVERTY_LABELS = dict(zip(POVERTY_STATUSES, POVERTY_STATUS, strict=True))
PLEDGE_LABELS = dict(zip(STATUSES, PLEDGE_STATUS, strict=True))
AREA_KINDS = {
    "thon": N_("village (thôn)"),
    "xom": N_("hamlet (xóm)"),
    "ban": N_("ethnic village (bản)"),
    "ap": N_("hamlet (ấp)"),
    "to_dan_pho": N_("residential group (tổ dân phố)"),
    "khu_pho": N_("urban quarter (khu phố)"),
}


def number_key(number: str) -> tuple[Any, ...]:
    """Household numbers in the order people count them: 2 before 10, "12A" after "12"."""
    return tuple(
        (0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|\D+", number)
    )


def area_rows(ctx: Ctx) -> list[dict[str, Any]]:
    """The post's areas by name, each with its number of live households."""
    unit_id = ctx.local_unit().id
    counts: dict[str | None, int] = {
        area_id: n
        for area_id, n in ctx.session.execute(
            select(Household.area_id, func.count(Household.id))
            .where(Household.unit_id == unit_id, Household.deleted.is_(False))
            .group_by(Household.area_id)
        )
    }
    return [
        {"id": a.id, "name": a.name, "kind": a.kind, "households": counts.get(a.id, 0)}
        for a in areas(ctx.session, unit_id)
    ]


def resolve_household(ctx: Ctx, ref: str) -> Household:
    """The live household of this post with this id or household number."""
    household = ctx.session.get(Household, ref.strip())
    if household is None or household.deleted:
        household = household_by_number(ctx.session, ref, ctx.local_unit().id)
    if household is None:
        raise ValidationFailed.single("household_id", "household.unknown", value=ref)
    return household


def pledge_record(pledge: Pledge, number: str) -> dict[str, Any]:
    return {
        "id": pledge.id,
        "household_id": pledge.household_id,
        "household_number": number,
        "year": pledge.year,
        "status": pledge.status,
        "signed_on": pledge.signed_on,
        "signer_name": pledge.signer_name,
        "officer_name": pledge.officer_name,
        "cultured_family": pledge.cultured_family,
        "violation_notes": pledge.violation_notes,
        "template_version": pledge.template_version,
    }


def household_record(ctx: Ctx, household: Household) -> dict[str, Any]:
    """A household with its members, pledges (latest year first) and yearly status."""
    s = ctx.session
    area = s.get(Area, household.area_id) if household.area_id else None
    people = members(s, household.id)
    head = s.get(Person, household.head_person_id) if household.head_person_id else None
    pledges = s.execute(
        select(Pledge)
        .where(Pledge.household_id == household.id, Pledge.deleted.is_(False))
        .order_by(Pledge.year.desc())
    ).scalars()
    statuses = s.execute(
        select(HouseholdYearStatus.year, HouseholdYearStatus.status)
        .where(
            HouseholdYearStatus.household_id == household.id,
            HouseholdYearStatus.deleted.is_(False),
        )
        .order_by(HouseholdYearStatus.year.desc())
    ).all()
    return {
        "id": household.id,
        "number": household.number,
        "area": area.name if area else None,
        "area_id": household.area_id,
        "address": household.address,
        "head_person_id": household.head_person_id,
        "head_name": head.full_name if head else None,
        "notes": household.notes,
        "members": [
            {
                "id": p.id,
                "full_name": p.full_name,
                "relation_to_head": p.relation_to_head,
                "born": PartialDate.from_iso(p.born).format() if p.born else None,
                "sex": p.sex,
            }
            for p in people
        ],
        "pledges": [pledge_record(p, household.number) for p in pledges],
        "poverty": [{"year": year, "status": status} for year, status in statuses],
    }


def pledge_line(p: dict[str, Any], tr: Translator) -> str:
    """``2026: đã ký; Ngày ký: 15/01/2026; Người ký ...: Nguyễn Văn Đức  [id]``."""
    parts = [
        (field_label(key, tr), fmt_date(p[key], tr) if key == "signed_on" else p[key])
        for key in ("signed_on", "signer_name", "officer_name", "violation_notes")
        if p[key]
    ]
    if p["cultured_family"] is not None:
        parts.append(
            (field_label("cultured_family", tr), tr("yes" if p["cultured_family"] else "no"))
        )
    details = "; ".join(f"{label}: {value}" for label, value in parts)
    status = tr(PLEDGE_LABELS.get(p["status"], p["status"]))
    return f"{p['year']}: {status}" + (f"; {details}" if details else "") + f"  [{p['id']}]"


def print_household(out: Output, r: dict[str, Any]) -> None:
    tr = out.tr
    out.line(f"{tr(N_('Household number'))} {r['number']}  [{r['id']}]")
    out.table(
        [
            (field_label(key, tr), str(r[name]))
            for key, name in (
                ("head_person_id", "head_name"),
                ("area_id", "area"),
                ("address", "address"),
                ("notes", "notes"),
            )
            if r[name]
        ]
    )
    out.line(tr(N_("Household members ({count}):")).format(count=len(r["members"])))
    for m in r["members"]:
        details = "; ".join(v for v in (m["relation_to_head"], m["born"]) if v)
        out.line(
            f"  {m['full_name']}  ({details})  [{m['id']}]"
            if details
            else f"  {m['full_name']}  [{m['id']}]"
        )
    if r["pledges"]:
        out.line(tr(N_("Pledges by year:")))
        for p in r["pledges"]:
            out.line(f"  {pledge_line(p, tr)}")
    if r["poverty"]:
        out.line(f"{field_label('poverty_status', tr)}:")
        for row in r["poverty"]:
            out.line(f"  {row['year']}: {tr(POVERTY_LABELS.get(row['status'], row['status']))}")


def household_rows(ctx: Ctx, area_id: str | None) -> list[dict[str, Any]]:
    """The post's live households (of one area), by number, with head and member count."""
    counts = (
        select(Person.household_id, func.count(Person.id).label("n"))
        .where(Person.deleted.is_(False), Person.household_id.is_not(None))
        .group_by(Person.household_id)
        .subquery()
    )
    query = (
        select(Household, Person.full_name, Area.name, counts.c.n)
        .outerjoin(Person, Person.id == Household.head_person_id)
        .outerjoin(Area, Area.id == Household.area_id)
        .outerjoin(counts, counts.c.household_id == Household.id)
        .where(Household.unit_id == ctx.local_unit().id, Household.deleted.is_(False))
    )
    if area_id:
        query = query.where(Household.area_id == area_id)
    rows = [
        {
            "id": h.id,
            "number": h.number,
            "head_name": head,
            "area": area,
            "address": h.address,
            "members": n or 0,
        }
        for h, head, area, n in ctx.session.execute(query)
    ]
    return sorted(rows, key=lambda r: number_key(r["number"]))


def coverage_record(row: AreaCoverage) -> dict[str, Any]:
    percent = row.ratio.percent
    return {
        "area_id": row.area_id,
        "area": row.area_name,
        "households": row.households,
        "pledged": row.pledged,
        "refused": row.refused,
        "violated": row.violated,
        "percent": round_half_up(percent, 1) if percent is not None else None,
        "is_total": row.is_total,
    }


def print_coverage(out: Output, year: int, rows: list[AreaCoverage]) -> None:
    """One line per area and the total, in aligned columns."""
    tr = out.tr
    out.line(tr(N_("Pledge coverage in {year}")).format(year=year))
    header = [
        field_label("area_id", tr),
        tr(N_("Households")),
        tr(N_("Pledged")),
        tr(N_("Refused")),
        tr(N_("Violated")),
        tr(N_("Coverage")),
    ]
    table = [header]
    for r in rows:
        name = tr(N_("Total")) if r.is_total else (r.area_name or tr(N_("(no residential area)")))
        counts = [fmt_int(n, tr) for n in (r.households, r.pledged, r.refused, r.violated)]
        table.append([name, *counts, fmt_ratio(r.ratio, tr)])
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    for line in table:
        cells = [line[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True)
        ]
        out.line("  " + "  ".join(cells).rstrip())
