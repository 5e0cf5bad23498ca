"""Household pledges (cam kết an toàn về ANTT, Gia đình văn hóa): one per household per year.

A pledge's id is a UUIDv5 of its natural key (household, year), so two nodes that both record
the same household's pledge for the same year create the same row, never twins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import PledgeStatus
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.rates import Ratio
from antt_desktop.domain.text import normalize_name
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx, Permission, apply_changes, max_length
from antt_desktop.services.values import (
    clean_paragraph,
    clean_text,
    read_date,
    read_year,
    refuse_unknown_fields,
    text_input_problems,
)
from antt_desktop.store.base import natural_id
from antt_desktop.store.models import Area, Household, Person, Pledge

#: Fixed namespace of pledge ids. Never change it: ids already synced depend on it.
STATUSES = tuple(s.value for s in PledgeStatus)
#: Fields of a pledge an officer may change after it was recorded.
EDITABLE = (
    "signed_on",
    "signer_name",
    "officer_name",
    "status",
    "cultured_family",
    "violation_notes",
)


def pledge_id(household_id: str, year: int) -> str:
    """The id every node gives the pledge of ``household_id`` for ``year``."""
    return natural_id("pledges", household_id, year)


def _value_problems(ctx: Ctx, year: int | None, values: dict[str, Any]) -> list[Problem]:
    """Problems with a pledge's values (already cleaned) for ``year``."""
    problems: list[Problem] = []
    status = values["status"]
    if status not in STATUSES:
        problems.append(
            Problem("pledge_status", "choice", {"value": status, "allowed": list(STATUSES)})
        )
    signed = status in (PledgeStatus.SIGNED, PledgeStatus.VIOLATED)
    _signing_day(values["signed_on"], year, problems, ctx.today, required=signed)
    if signed and not values["signer_name"]:
        problems.append(Problem("signer_name", "required"))
    problems += max_length("signer_name", values["signer_name"], 120)
    problems += max_length("officer_name", values["officer_name"], 120)
    texts = {k: v for k, v in values.items() if k != "status"}
    problems += text_input_problems(texts, problems, paragraphs=("violation_notes",))
    if status == PledgeStatus.VIOLATED and not values["violation_notes"]:
        problems.append(Problem("violation_notes", "required"))
    cultured = values["cultured_family"]
    if cultured is not None and not isinstance(cultured, bool):
        problems.append(
            Problem("cultured_family", "choice", {"value": cultured, "allowed": [True, False]})
        )
    return problems


def _signing_day(
    value: date | str | None, year: int | None, problems: list[Problem], today: date, required: bool
) -> date | None:
    """The day a pledge was signed, which must fall in its ``year``."""
    day = read_date(value, "signed_on", problems, today=today, required=required)
    if day is not None and year is not None and day.year != year:
        problems.append(
            Problem("signed_on", "pledge.date_outside_year", {"value": day, "year": year})
        )
    return day


def _cleaned(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for key in ("signer_name", "officer_name"):
        out[key] = clean_text(out[key])
    notes = out["violation_notes"]
    out["violation_notes"] = clean_paragraph(notes) if isinstance(notes, str) else notes
    return out


def _existing(session: Session, household_id: str, year: int) -> Pledge | None:
    """The household's pledge row of that year, tombstoned or not."""
    return session.execute(
        select(Pledge).where(Pledge.household_id == household_id, Pledge.year == year)
    ).scalar_one_or_none()


def check_record_pledge(
    ctx: Ctx,
    household_id: str,
    year: int | str,
    *,
    signed_on: date | str | None,
    signer_name: str | None,
    officer_name: str | None,
    status: str = "signed",
    cultured_family: bool | None = None,
    violation_notes: str | None = None,
) -> list[Problem]:
    """What :func:`record_pledge` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    values = _cleaned(
        {
            "signed_on": signed_on,
            "signer_name": signer_name,
            "officer_name": officer_name,
            "status": status,
            "cultured_family": cultured_family,
            "violation_notes": violation_notes,
        }
    )
    problems: list[Problem] = []
    year_value = read_year(year, "year", problems, today=ctx.today)
    household = ctx.session.get(Household, household_id)
    if household is None or household.deleted:
        problems.append(Problem("household_id", "household.unknown", {"value": household_id}))
    problems += _value_problems(ctx, year_value, values)
    if household is not None and year_value is not None:
        existing = _existing(ctx.session, household.id, year_value)
        if existing is not None and not existing.deleted:
            problems.append(
                Problem("year", "pledge.exists", {"year": year_value, "number": household.number})
            )
    return problems


def record_pledge(
    ctx: Ctx,
    household_id: str,
    year: int | str,
    *,
    signed_on: date | str | None,
    signer_name: str | None,
    officer_name: str | None,
    status: str = "signed",
    cultured_family: bool | None = None,
    violation_notes: str | None = None,
) -> Pledge:
    """Record a household's pledge for a year, on the current pledge template.

    Refused with ``pledge.exists`` when that year already has one (change it with
    :func:`edit_pledge`). Raises ValidationFailed and writes nothing on any problem.
    """
    ctx.require(Permission.WRITE)
    typed: dict[str, Any] = {
        "signed_on": signed_on,
        "signer_name": signer_name,
        "officer_name": officer_name,
        "status": status,
        "cultured_family": cultured_family,
        "violation_notes": violation_notes,
    }
    raise_if_errors(check_record_pledge(ctx, household_id, year, **typed))
    values = _cleaned(typed)
    year_value = read_year(year, "year", [], today=ctx.today)
    assert year_value is not None
    day = _signing_day(values["signed_on"], year_value, [], ctx.today, required=False)
    version, items = catalogues.pledge_template()
    columns = {**values, "signed_on": day, "template_version": version, "items": items}
    existing = _existing(ctx.session, household_id, year_value)
    if existing is not None:  # a tombstoned pledge of that year comes back to life
        apply_changes(existing, {**columns, "deleted": False})
        pledge = existing
    else:
        pledge = Pledge(
            id=pledge_id(household_id, year_value),
            household_id=household_id,
            year=year_value,
            **columns,
        )
        ctx.session.add(pledge)
    ctx.session.flush()
    ctx.audit("create", "pledge", pledge.id, [k for k, v in columns.items() if v is not None])
    return pledge


def _edited(pledge: Pledge, changes: dict[str, Any]) -> dict[str, Any]:
    """The pledge's editable values as they would be with ``changes`` (cleaned)."""
    return _cleaned({**{k: getattr(pledge, k) for k in EDITABLE}, **changes})


def check_edit_pledge(ctx: Ctx, pledge_id: str, changes: dict[str, Any]) -> list[Problem]:
    """What :func:`edit_pledge` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    pledge = ctx.get(Pledge, pledge_id, "pledge")
    try:
        refuse_unknown_fields(changes, EDITABLE)
    except ValidationFailed as exc:  # the write refuses these before anything else
        return exc.problems
    return _value_problems(ctx, pledge.year, _edited(pledge, changes))


def edit_pledge(ctx: Ctx, pledge_id: str, changes: dict[str, Any]) -> Pledge:
    """Change some fields of a pledge (its household and year never change)."""
    ctx.require(Permission.WRITE)
    raise_if_errors(check_edit_pledge(ctx, pledge_id, changes))
    pledge = ctx.get(Pledge, pledge_id, "pledge")
    values = _edited(pledge, changes)
    day = _signing_day(values["signed_on"], pledge.year, [], ctx.today, required=False)
    changed = apply_changes(pledge, {**values, "signed_on": day})
    if changed:
        ctx.session.flush()
        ctx.audit("edit", "pledge", pledge.id, changed)
    return pledge


def _violation(notes: str) -> dict[str, Any]:
    return {"status": PledgeStatus.VIOLATED.value, "violation_notes": notes}


def check_mark_violated(ctx: Ctx, pledge_id: str, notes: str) -> list[Problem]:
    """What :func:`mark_violated` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    pledge = ctx.get(Pledge, pledge_id, "pledge")
    if pledge.status == PledgeStatus.REFUSED:
        return [Problem("pledge_status", "pledge.not_signed", {"year": pledge.year})]
    return check_edit_pledge(ctx, pledge.id, _violation(notes))


def mark_violated(ctx: Ctx, pledge_id: str, notes: str) -> Pledge:
    """Mark a signed pledge as violated, saying what happened."""
    ctx.require(Permission.WRITE)
    raise_if_errors(check_mark_violated(ctx, pledge_id, notes))
    return edit_pledge(ctx, pledge_id, _violation(notes))


@dataclass(frozen=True)
class HouseholdRef:
    id: str
    number: str


@dataclass
class AreaSigningResult:
    """What :func:`sign_area` did: pledges created, households that already had one, and
    households skipped because they have no head to sign."""

    created: int = 0
    already_pledged: int = 0
    skipped_without_head: list[HouseholdRef] = field(default_factory=list)


def _signing(
    ctx: Ctx, area_id: str, year: int | str, signed_on: date | str, officer_name: str | None
) -> tuple[list[Problem], int | None, date | None, str | None]:
    """The problems of signing an area, and its year, its day and the officer (cleaned)."""
    problems: list[Problem] = []
    year_value = read_year(year, "year", problems, today=ctx.today)
    area = ctx.session.get(Area, area_id)
    if area is None or area.deleted:
        problems.append(Problem("area_id", "area.unknown", {"value": area_id}))
    officer = clean_text(officer_name)
    problems += max_length("officer_name", officer, 120)
    day = _signing_day(signed_on, year_value, problems, ctx.today, required=True)
    return problems, year_value, day, officer


def check_sign_area(
    ctx: Ctx, area_id: str, year: int | str, *, signed_on: date | str, officer_name: str | None
) -> list[Problem]:
    """What :func:`sign_area` would refuse; reads the area only, whatever its size."""
    ctx.require(Permission.READ)
    return _signing(ctx, area_id, year, signed_on, officer_name)[0]


def sign_area(
    ctx: Ctx, area_id: str, year: int | str, *, signed_on: date | str, officer_name: str | None
) -> AreaSigningResult:
    """Mark every live household of an area that has no pledge for ``year`` as signed, the
    head signing, in one transaction (a few queries whatever the number of households)."""
    ctx.require(Permission.WRITE)
    raise_if_errors(
        check_sign_area(ctx, area_id, year, signed_on=signed_on, officer_name=officer_name)
    )
    s = ctx.session
    _problems, year_value, day, officer = _signing(ctx, area_id, year, signed_on, officer_name)
    assert year_value is not None and day is not None
    households = s.execute(
        select(Household.id, Household.number, Person.full_name)
        .outerjoin(Person, and_(Person.id == Household.head_person_id, Person.deleted.is_(False)))
        .where(Household.area_id == area_id, Household.deleted.is_(False))
        .order_by(Household.number)
    ).all()
    in_area = select(Household.id).where(Household.area_id == area_id).scalar_subquery()
    existing = {
        p.household_id: p
        for p in s.execute(
            select(Pledge).where(Pledge.year == year_value, Pledge.household_id.in_(in_area))
        ).scalars()
    }
    version, items = catalogues.pledge_template()
    result = AreaSigningResult()
    new: list[Pledge] = []
    for household_id, number, head_name in households:
        old = existing.get(household_id)
        if old is not None and not old.deleted:
            result.already_pledged += 1
            continue
        if not head_name:
            result.skipped_without_head.append(HouseholdRef(household_id, number))
            continue
        columns = {
            "signed_on": day,
            "signer_name": normalize_name(head_name)[:120],
            "officer_name": officer,
            "status": PledgeStatus.SIGNED.value,
            "template_version": version,
            "items": items,
            "cultured_family": None,
            "violation_notes": None,
        }
        if old is not None:  # tombstoned earlier: revive the one row the natural key allows
            apply_changes(old, {**columns, "deleted": False})
        else:
            new.append(
                Pledge(
                    id=pledge_id(household_id, year_value),
                    household_id=household_id,
                    year=year_value,
                    **columns,
                )
            )
        result.created += 1
    s.add_all(new)
    s.flush()
    if result.created:
        ctx.audit(
            "sign_area",
            "area",
            area_id,
            ["officer_name", "signed_on", "signer_name", "status"],
            f"year {year_value}: {result.created} pledges signed",
        )
    return result


@dataclass(frozen=True)
class AreaCoverage:
    """Pledges of one area (or of households with no area, or the total) for a year.

    ``pledged`` counts households whose pledge stands signed (kept), so pledged + refused +
    violated + not recorded = households, as in the statistics; ``ratio`` is
    :func:`signed_share`: every household that signed, kept or since broken.
    """

    area_id: str | None
    area_name: str | None
    households: int
    pledged: int
    refused: int
    violated: int
    ratio: Ratio
    is_total: bool = False


def pledge_coverage(session: Session, year: int, unit_id: str) -> list[AreaCoverage]:
    """One row per live area of the unit (by name), a row for households without an area
    when there are any, and a total row last."""
    status = Pledge.status
    counts = session.execute(
        select(
            Household.area_id,
            func.count(Household.id),
            func.count(case((status == "signed", 1))),
            func.count(case((status == "refused", 1))),
            func.count(case((status == "violated", 1))),
        )
        .select_from(Household)
        .outerjoin(
            Pledge,
            and_(
                Pledge.household_id == Household.id, Pledge.year == year, Pledge.deleted.is_(False)
            ),
        )
        .where(Household.unit_id == unit_id, Household.deleted.is_(False))
        .group_by(Household.area_id)
    ).all()
    by_area = {row[0]: tuple(row[1:]) for row in counts}
    areas = session.execute(
        select(Area.id, Area.name)
        .where(Area.unit_id == unit_id, Area.deleted.is_(False))
        .order_by(Area.name)
    ).all()
    rows = [(a_id, name, by_area.pop(a_id, (0, 0, 0, 0))) for a_id, name in areas]
    no_area = [0, 0, 0, 0]
    for numbers in by_area.values():  # no area, or an area since removed
        no_area = [a + b for a, b in zip(no_area, numbers, strict=True)]
    if no_area[0]:
        rows.append((None, None, tuple(no_area)))
    total = [sum(r[2][i] for r in rows) for i in range(4)]
    result = [_coverage(a_id, name, numbers) for a_id, name, numbers in rows]
    result.append(_coverage(None, None, tuple(total), is_total=True))
    return result


def signed_share(kept: int, violated: int, households: int) -> Ratio:
    """The pledge rate every screen, report and register prints: households that signed the
    pledge of the year, whether they kept it or broke it later, of all households ("98,1 %
    (352/359)", the 7 that broke it named beside it)."""
    return Ratio(kept + violated, households)


def _coverage(
    area_id: str | None, name: str | None, numbers: tuple[int, ...], is_total: bool = False
) -> AreaCoverage:
    households, pledged, refused, violated = numbers
    return AreaCoverage(
        area_id,
        name,
        households,
        pledged,
        refused,
        violated,
        signed_share(pledged, violated, households),
        is_total,
    )


def pledge_of(session: Session, household_id: str, year: int) -> Pledge | None:
    """The live pledge of a household for a year, if recorded."""
    pledge = session.get(Pledge, pledge_id(household_id, year))
    if pledge is None:  # a row imported with another id still holds the natural key
        pledge = session.execute(
            select(Pledge).where(Pledge.household_id == household_id, Pledge.year == year)
        ).scalar_one_or_none()
    return pledge if pledge is not None and not pledge.deleted else None
