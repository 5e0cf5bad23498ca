"""Community security initiatives (mô hình phong trào Toàn dân bảo vệ an ninh Tổ quốc).

An initiative belongs to a unit, covers some of its residential areas and lists its funding
lines (e.g. 1,5 tỷ đồng of xã hội hóa) and assets (e.g. 372 cameras); those lists are
checked and stored by :mod:`antt_desktop.services.initiative_lines`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import InitiativeStatus
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.text import fold
from antt_desktop.services import catalogues
from antt_desktop.services.activities import ActivityTotals, activity_totals
from antt_desktop.services.context import Ctx, Permission, apply_changes, max_length, require
from antt_desktop.services.evaluations import latest_evaluation
from antt_desktop.services.initiative_lines import (
    Asset,
    AssetLine,
    Funding,
    FundingLine,
    check_areas,
    check_assets,
    check_funding,
    covered_areas,
    live_lines,
    write_lines,
)
from antt_desktop.services.values import (
    CountValue,
    DateValue,
    clean_paragraph,
    clean_text,
    is_blank,
    read_date,
    read_whole,
    refuse_unknown_fields,
    text_input_problems,
)
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import (
    Activity,
    Area,
    CatalogueItem,
    Evaluation,
    Initiative,
    InitiativeAsset,
    InitiativeFunding,
)

TEXT_MAX = 4000
STATUSES = [s.value for s in InitiativeStatus]
LISTS = ("area_ids", "funding", "assets")


@dataclass
class InitiativeInput:
    """An initiative as typed. Dates are DD/MM/YYYY text or dates; ``ended_on`` only with
    status ``ended``."""

    name: str | None = None
    type_code: str | None = None
    launched_on: DateValue = None
    decision_number: str | None = None
    decision_date: DateValue = None
    decision_issuer: str | None = None
    lead_body: str | None = None
    partners: str | None = None
    member_count: CountValue = None
    status: str = InitiativeStatus.ACTIVE.value
    description: str | None = None
    area_ids: list[str] = field(default_factory=list)
    funding: list[FundingLine] = field(default_factory=list)
    assets: list[AssetLine] = field(default_factory=list)
    ended_on: DateValue = None

    @classmethod
    def from_initiative(cls, session: Session, ini: Initiative) -> InitiativeInput:
        """The stored initiative as input, to edit some of its fields."""
        values = {f.name: getattr(ini, f.name) for f in fields(cls) if f.name not in LISTS}
        return cls(
            **values,
            area_ids=[a.id for a in covered_areas(session, ini.id)],
            funding=[
                FundingLine(r.amount_vnd, r.source, r.note)
                for r in live_lines(session, InitiativeFunding, ini.id)
            ],
            assets=[
                AssetLine(r.kind, r.count) for r in live_lines(session, InitiativeAsset, ini.id)
            ],
        )


@dataclass
class _Checked:
    columns: dict[str, Any]
    area_ids: list[str]
    funding: list[Funding]
    assets: list[Asset]

    def write_lists(self, s: Session, ident: str) -> list[str]:
        """Store the checked lists; the names of those that changed."""
        return write_lines(s, ident, self.area_ids, self.funding, self.assets)


def _check_dates(
    s: Session,
    data: InitiativeInput,
    today: date,
    existing: Initiative | None,
    problems: list[Problem],
) -> dict[str, date | None]:
    launched = read_date(data.launched_on, "launched_on", problems, today=today)
    decided = read_date(data.decision_date, "decision_date", problems, today=today)
    ended = read_date(data.ended_on, "ended_on", problems, today=today)
    if data.status == InitiativeStatus.ENDED:
        if is_blank(data.ended_on):
            problems.append(Problem("ended_on", "initiative.ended_on_required"))
        elif ended is not None and launched is not None and ended < launched:
            problems.append(
                Problem(
                    "ended_on",
                    "initiative.end_before_launch",
                    {"value": ended, "launched": launched},
                )
            )
    elif not is_blank(data.ended_on):
        problems.append(Problem("ended_on", "initiative.ended_on_unexpected"))
        ended = None
    if existing is not None and launched is not None:
        first, last = s.execute(
            select(func.min(Activity.held_on), func.max(Activity.held_on)).where(
                Activity.initiative_id == existing.id, Activity.deleted.is_(False)
            )
        ).one()
        if first is not None and launched > first:
            problems.append(
                Problem(
                    "launched_on",
                    "initiative.activities_before_launch",
                    {"value": launched, "first": first},
                )
            )
        if last is not None and ended is not None and ended < last:
            problems.append(
                Problem(
                    "ended_on", "initiative.activities_after_end", {"value": ended, "last": last}
                )
            )
    return {"launched_on": launched, "decision_date": decided, "ended_on": ended}


def _checked(
    ctx: Ctx, data: InitiativeInput, unit_id: str, existing: Initiative | None
) -> tuple[list[Problem], _Checked]:
    """Every problem with ``data``, and the values it gives, cleaned (read, never written)."""
    s = ctx.session
    name, type_code = clean_text(data.name), (data.type_code or "").strip()
    problems = require(
        {
            "name": name,
            "type_code": type_code,
            "launched_on": data.launched_on,
            "status": data.status,
        },
        "name",
        "type_code",
        "launched_on",
        "status",
    )
    problems += max_length("name", name, 300)
    if name and any(
        fold(other) == fold(name)
        for other in s.execute(
            select(Initiative.name).where(
                Initiative.unit_id == unit_id,
                Initiative.deleted.is_(False),
                Initiative.id != (existing.id if existing else ""),
            )
        ).scalars()
    ):
        problems.append(Problem("name", "initiative.duplicate", {"value": name}))
    if type_code and type_code not in catalogues.codes(s, catalogues.INITIATIVE_TYPE):
        problems.append(Problem("type_code", "initiative.type_unknown", {"value": type_code}))
    if existing is None or existing.type_code != type_code:  # old records keep a retired type
        problems += catalogues.retired_problems(
            s, catalogues.INITIATIVE_TYPE, type_code, "type_code"
        )
    if data.status and data.status not in STATUSES:
        problems.append(Problem("status", "choice", {"value": data.status, "allowed": STATUSES}))
    dates = _check_dates(s, data, ctx.today, existing, problems)
    columns: dict[str, Any] = {
        "name": name,
        "type_code": type_code,
        "status": data.status,
        **dates,
        "decision_number": clean_text(data.decision_number),
        "decision_issuer": clean_text(data.decision_issuer),
        "lead_body": clean_text(data.lead_body),
        "partners": clean_paragraph(data.partners),
        "description": clean_paragraph(data.description),
        "member_count": read_whole(data.member_count, "member_count", problems),
    }
    for key, limit in (
        ("decision_number", 60),
        ("decision_issuer", 200),
        ("lead_body", 200),
        ("partners", TEXT_MAX),
        ("description", TEXT_MAX),
    ):
        problems += max_length(key, columns[key], limit)
    problems += text_input_problems(columns, problems, paragraphs=("partners", "description"))
    checked = _Checked(
        columns,
        check_areas(s, unit_id, data.area_ids, problems),
        check_funding(data.funding, problems),
        check_assets(data.assets, problems),
    )
    return problems, checked


def check_add_initiative(
    ctx: Ctx, data: InitiativeInput, *, unit_id: str | None = None
) -> list[Problem]:
    """Every problem :func:`add_initiative` would refuse ``data`` for; writes nothing."""
    return _checked(ctx, data, ctx.get_unit(unit_id).id, None)[0]


def add_initiative(ctx: Ctx, data: InitiativeInput, *, unit_id: str | None = None) -> Initiative:
    """Add an initiative to this post (or ``unit_id``).

    Raises:
        ValidationFailed: with every problem found; nothing is written then.
    """
    ctx.require(Permission.WRITE)
    unit = ctx.get_unit(unit_id)
    problems, checked = _checked(ctx, data, unit.id, None)
    raise_if_errors(problems)
    initiative = Initiative(unit_id=unit.id, **checked.columns)
    ctx.session.add(initiative)
    ctx.session.flush()
    lists = checked.write_lists(ctx.session, initiative.id)
    ctx.session.flush()
    ctx.audit(
        "create",
        "initiative",
        initiative.id,
        [k for k, v in checked.columns.items() if v is not None] + lists,
    )
    return initiative


def _edited(
    ctx: Ctx, initiative: Initiative, changes: dict[str, Any]
) -> tuple[list[Problem], _Checked | None]:
    """The problems of ``changes`` (``InitiativeInput`` names) to ``initiative`` and the
    values it would then hold; None with the problems when a name is unknown."""
    try:
        refuse_unknown_fields(
            changes, [f.name for f in fields(InitiativeInput)], "initiative.field_unknown"
        )
    except ValidationFailed as exc:
        return exc.problems, None
    if changes.get("status", InitiativeStatus.ENDED) != InitiativeStatus.ENDED:
        changes = {"ended_on": None, **changes}  # reopening clears the end date
    current = InitiativeInput.from_initiative(ctx.session, initiative)
    return _checked(ctx, replace(current, **changes), initiative.unit_id, initiative)


def check_edit_initiative(ctx: Ctx, initiative_id: str, changes: dict[str, Any]) -> list[Problem]:
    """Every problem :func:`edit_initiative` (or :func:`set_status`, a change of two of
    its fields) would refuse ``changes`` for; writes nothing.

    Raises:
        NotFound: if there is no such initiative.
    """
    return _edited(ctx, ctx.get(Initiative, initiative_id, "initiative"), changes)[0]


def edit_initiative(
    ctx: Ctx, initiative_id: str, changes: dict[str, Any], *, action: str = "edit"
) -> Initiative:
    """Change some fields (``InitiativeInput`` names); lists given are replaced whole.

    Raises:
        NotFound: if there is no such initiative.
        ValidationFailed: with every problem found; nothing is written then.
    """
    ctx.require(Permission.WRITE)
    initiative = ctx.get(Initiative, initiative_id, "initiative")
    problems, checked = _edited(ctx, initiative, changes)
    raise_if_errors(problems)
    assert checked is not None  # None only beside an unknown field, refused just above
    changed = apply_changes(initiative, checked.columns)
    changed += checked.write_lists(ctx.session, initiative.id)
    if changed:
        ctx.session.flush()
        ctx.audit(action, "initiative", initiative.id, changed)
    return initiative


def set_status(ctx: Ctx, initiative_id: str, status: str, ended_on: DateValue = None) -> Initiative:
    """Mark an initiative active, paused or ended (ended needs ``ended_on``)."""
    ctx.require(Permission.WRITE)
    return edit_initiative(
        ctx, initiative_id, {"status": status, "ended_on": ended_on}, action="status"
    )


@dataclass(frozen=True)
class InitiativeDetail:
    """Everything the initiative page shows."""

    initiative: Initiative
    type_name: str
    areas: list[Area]
    funding: list[InitiativeFunding]
    funding_by_source: dict[str, int]
    assets: list[InitiativeAsset]
    activities: ActivityTotals
    latest_evaluation: Evaluation | None

    @property
    def funding_total(self) -> int:
        return sum(self.funding_by_source.values())


def initiative_detail(session: Session, initiative_id: str) -> InitiativeDetail:
    """The initiative with its type name, areas, funding, assets, activity totals since
    launch and latest evaluation.

    Raises:
        NotFound: if there is no such initiative.
    """
    ini = session.get(Initiative, initiative_id)
    if ini is None or ini.deleted:
        raise NotFound(entity="initiative", value=initiative_id)
    type_name = session.execute(
        select(CatalogueItem.name_vi).where(
            CatalogueItem.catalogue == catalogues.INITIATIVE_TYPE,
            CatalogueItem.code == ini.type_code,
        )
    ).scalar_one_or_none()
    funding: list[InitiativeFunding] = live_lines(session, InitiativeFunding, ini.id)
    by_source: dict[str, int] = {}
    for line in funding:
        by_source[line.source] = by_source.get(line.source, 0) + line.amount_vnd
    return InitiativeDetail(
        initiative=ini,
        type_name=type_name or ini.type_code,
        areas=covered_areas(session, ini.id),
        funding=funding,
        funding_by_source=by_source,
        assets=live_lines(session, InitiativeAsset, ini.id),
        activities=activity_totals(
            session, start=ini.launched_on, end=date.max, initiative_id=ini.id
        ),
        latest_evaluation=latest_evaluation(session, ini.id),
    )
