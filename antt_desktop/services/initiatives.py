"""Community security initiatives (mô hình phong trào Toàn dân bảo vệ an ninh Tổ quốc).

An initiative belongs to a unit, covers some of its residential areas and lists its funding
lines (e.g. 1,5 tỷ đồng of xã hội hóa) and assets (e.g. 372 cameras). Replacing those lists
tombstones the lines that go, so the change travels by sync like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import FundingSource, InitiativeStatus
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.text import fold, normalize_name
from antt_desktop.services import catalogues
from antt_desktop.services.activities import (
    ActivityTotals,
    CountValue,
    DateValue,
    activity_totals,
    clean_text,
    parse_day,
    parse_whole,
)
from antt_desktop.services.context import Ctx, apply_changes, max_length, require
from antt_desktop.services.evaluations import latest_evaluation
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import (
    Activity,
    Area,
    CatalogueItem,
    Evaluation,
    Initiative,
    InitiativeArea,
    InitiativeAsset,
    InitiativeFunding,
)

TEXT_MAX = 4000
STATUSES = [s.value for s in InitiativeStatus]
SOURCES = [s.value for s in FundingSource]
LISTS = ("area_ids", "funding", "assets")


@dataclass
class FundingLine:
    """A funding line as typed: amount in whole đồng, source (state_budget, community...)."""

    amount_vnd: CountValue = None
    source: str | None = None
    note: str | None = None


@dataclass
class AssetLine:
    """Assets as typed: what (e.g. "Camera giám sát") and how many."""

    kind: str | None = None
    count: CountValue = None


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
            area_ids=[a.id for a in _areas(session, ini.id)],
            funding=[
                FundingLine(r.amount_vnd, r.source, r.note)
                for r in _live(session, InitiativeFunding, ini.id)
            ],
            assets=[AssetLine(r.kind, r.count) for r in _live(session, InitiativeAsset, ini.id)],
        )


@dataclass
class _Checked:
    columns: dict[str, Any]
    area_ids: list[str]
    funding: list[tuple[int, str, str | None]]
    assets: list[tuple[str, int]]


def _short(value: str | None) -> str | None:
    return (normalize_name(value) or None) if value is not None else None


def _blank(*values: object) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _check_funding(
    lines: list[FundingLine], problems: list[Problem]
) -> list[tuple[int, str, str | None]]:
    out: list[tuple[int, str, str | None]] = []
    for i, line in enumerate(lines, 1):
        if isinstance(line, dict):
            line = FundingLine(**line)
        if _blank(line.amount_vnd, line.source, line.note):
            continue  # an empty row left in the table
        before = len(problems)
        amount = parse_whole(
            line.amount_vnd,
            "funding.amount_vnd",
            problems,
            invalid_code="line.number_invalid",
            negative_code="line.negative",
            line=i,
        )
        source, note = (line.source or "").strip(), _short(line.note)
        if _blank(line.amount_vnd):
            problems.append(Problem("funding.amount_vnd", "line.required", {"line": i}))
        if not source:
            problems.append(Problem("funding.source", "line.required", {"line": i}))
        elif source not in SOURCES:
            problems.append(
                Problem(
                    "funding.source",
                    "line.choice",
                    {"line": i, "value": source, "allowed": SOURCES},
                )
            )
        if note is not None and len(note) > 300:
            problems.append(Problem("funding.note", "line.too_long", {"line": i, "max": 300}))
        if len(problems) == before and amount is not None:
            out.append((amount, source, note))
    return out


def _check_assets(lines: list[AssetLine], problems: list[Problem]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for i, line in enumerate(lines, 1):
        if isinstance(line, dict):
            line = AssetLine(**line)
        if _blank(line.kind, line.count):
            continue
        before = len(problems)
        kind = _short(line.kind)
        count = parse_whole(
            line.count,
            "assets.count",
            problems,
            invalid_code="line.number_invalid",
            negative_code="line.negative",
            line=i,
        )
        if kind is None:
            problems.append(Problem("assets.kind", "line.required", {"line": i}))
        elif len(kind) > 120:
            problems.append(Problem("assets.kind", "line.too_long", {"line": i, "max": 120}))
        if _blank(line.count):
            problems.append(Problem("assets.count", "line.required", {"line": i}))
        if len(problems) == before and kind is not None and count is not None:
            out.append((kind, count))
    return out


def _check_areas(
    s: Session, unit_id: str, area_ids: list[str], problems: list[Problem]
) -> list[str]:
    wanted = list(dict.fromkeys(a for a in area_ids if a))
    rows = {a.id: a for a in s.execute(select(Area).where(Area.id.in_(wanted))).scalars()}
    for area_id in wanted:
        area = rows.get(area_id)
        if area is None or area.deleted:
            problems.append(Problem("area_ids", "initiative.area_unknown", {"value": area_id}))
        elif area.unit_id != unit_id:
            problems.append(Problem("area_ids", "initiative.area_other_unit", {"value": area.name}))
    return wanted


def _check_dates(
    s: Session,
    data: InitiativeInput,
    today: date,
    existing: Initiative | None,
    problems: list[Problem],
) -> dict[str, date | None]:
    launched = parse_day(data.launched_on, "launched_on", problems, today=today)
    decided = parse_day(data.decision_date, "decision_date", problems, today=today)
    ended = parse_day(data.ended_on, "ended_on", problems, today=today)
    if data.status == InitiativeStatus.ENDED:
        if _blank(data.ended_on):
            problems.append(Problem("ended_on", "initiative.ended_on_required"))
        elif ended is not None and launched is not None and ended < launched:
            problems.append(
                Problem(
                    "ended_on",
                    "initiative.end_before_launch",
                    {"value": ended, "launched": launched},
                )
            )
    elif not _blank(data.ended_on):
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


def _validate(
    ctx: Ctx, data: InitiativeInput, unit_id: str, existing: Initiative | None
) -> _Checked:
    """Check everything, raise ValidationFailed with every problem, or return clean values."""
    s = ctx.session
    name, type_code = _short(data.name), (data.type_code or "").strip()
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
    if data.status and data.status not in STATUSES:
        problems.append(Problem("status", "choice", {"value": data.status, "allowed": STATUSES}))
    dates = _check_dates(s, data, ctx.today, existing, problems)
    columns: dict[str, Any] = {
        "name": name,
        "type_code": type_code,
        "status": data.status,
        **dates,
        "decision_number": _short(data.decision_number),
        "decision_issuer": _short(data.decision_issuer),
        "lead_body": _short(data.lead_body),
        "partners": clean_text(data.partners),
        "description": clean_text(data.description),
        "member_count": parse_whole(data.member_count, "member_count", problems),
    }
    for key, limit in (
        ("decision_number", 60),
        ("decision_issuer", 200),
        ("lead_body", 200),
        ("partners", TEXT_MAX),
        ("description", TEXT_MAX),
    ):
        problems += max_length(key, columns[key], limit)
    checked = _Checked(
        columns,
        _check_areas(s, unit_id, data.area_ids, problems),
        _check_funding(data.funding, problems),
        _check_assets(data.assets, problems),
    )
    raise_if_errors(problems)
    return checked


def _live(
    s: Session, model: type[InitiativeFunding] | type[InitiativeAsset], ident: str
) -> list[Any]:
    return list(
        s.execute(
            select(model)
            .where(model.initiative_id == ident, model.deleted.is_(False))
            .order_by(model.local_seq)
        ).scalars()
    )


def _areas(s: Session, ident: str) -> list[Area]:
    """Areas covered, in Vietnamese order (binary order would put "Đ" after "Z")."""
    rows = s.execute(
        select(Area)
        .join(InitiativeArea, InitiativeArea.area_id == Area.id)
        .where(InitiativeArea.initiative_id == ident, InitiativeArea.deleted.is_(False))
    )
    return sorted(rows.scalars(), key=lambda a: (fold(a.name), a.name))


def _sync_areas(s: Session, ident: str, wanted: list[str]) -> bool:
    """Make the live area links match ``wanted``; tombstone or revive rows, never delete."""
    rows = s.execute(select(InitiativeArea).where(InitiativeArea.initiative_id == ident))
    known: dict[str, InitiativeArea] = {}
    changed = False
    for row in rows.scalars():
        known[row.area_id] = row
        if row.deleted == (row.area_id in wanted):
            row.deleted, changed = not row.deleted, True
    for area_id in wanted:
        if area_id not in known:
            s.add(InitiativeArea(initiative_id=ident, area_id=area_id))
            changed = True
    return changed


def _sync_lines(
    s: Session,
    model: type[InitiativeFunding] | type[InitiativeAsset],
    ident: str,
    keys: tuple[str, ...],
    wanted: list[tuple[Any, ...]],
) -> bool:
    """Keep identical lines, tombstone the others and add the new ones."""
    remaining, changed = list(wanted), False
    for row in _live(s, model, ident):
        value = tuple(getattr(row, k) for k in keys)
        if value in remaining:
            remaining.remove(value)
        else:
            row.deleted, changed = True, True
    for value in remaining:
        s.add(model(initiative_id=ident, **dict(zip(keys, value, strict=True))))
        changed = True
    return changed


def _write_lists(s: Session, ident: str, checked: _Checked) -> list[str]:
    return [
        name
        for name, changed in (
            ("area_ids", _sync_areas(s, ident, checked.area_ids)),
            (
                "funding",
                _sync_lines(
                    s,
                    InitiativeFunding,
                    ident,
                    ("amount_vnd", "source", "note"),
                    list(checked.funding),
                ),
            ),
            (
                "assets",
                _sync_lines(s, InitiativeAsset, ident, ("kind", "count"), list(checked.assets)),
            ),
        )
        if changed
    ]


def add_initiative(ctx: Ctx, data: InitiativeInput, *, unit_id: str | None = None) -> Initiative:
    """Add an initiative to this post (or ``unit_id``).

    Raises:
        ValidationFailed: with every problem found; nothing is written then.
    """
    unit = ctx.get_unit(unit_id)
    checked = _validate(ctx, data, unit.id, None)
    initiative = Initiative(unit_id=unit.id, **checked.columns)
    ctx.session.add(initiative)
    ctx.session.flush()
    lists = _write_lists(ctx.session, initiative.id, checked)
    ctx.session.flush()
    ctx.audit(
        "create",
        "initiative",
        initiative.id,
        [k for k, v in checked.columns.items() if v is not None] + lists,
    )
    return initiative


def edit_initiative(
    ctx: Ctx, initiative_id: str, changes: dict[str, Any], *, action: str = "edit"
) -> Initiative:
    """Change some fields (``InitiativeInput`` names); lists given are replaced whole.

    Raises:
        NotFound: if there is no such initiative.
        ValidationFailed: with every problem found; nothing is written then.
    """
    initiative = ctx.get(Initiative, initiative_id, "initiative")
    unknown = sorted(set(changes) - {f.name for f in fields(InitiativeInput)})
    if unknown:
        raise ValidationFailed(
            [Problem(k, "initiative.field_unknown", {"value": k}) for k in unknown]
        )
    if changes.get("status", InitiativeStatus.ENDED) != InitiativeStatus.ENDED:
        changes = {"ended_on": None, **changes}  # reopening clears the end date
    current = InitiativeInput.from_initiative(ctx.session, initiative)
    checked = _validate(ctx, replace(current, **changes), initiative.unit_id, initiative)
    changed = apply_changes(initiative, checked.columns)
    changed += _write_lists(ctx.session, initiative.id, checked)
    if changed:
        ctx.session.flush()
        ctx.audit(action, "initiative", initiative.id, changed)
    return initiative


def set_status(ctx: Ctx, initiative_id: str, status: str, ended_on: DateValue = None) -> Initiative:
    """Mark an initiative active, paused or ended (ended needs ``ended_on``)."""
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
    funding: list[InitiativeFunding] = _live(session, InitiativeFunding, ini.id)
    by_source: dict[str, int] = {}
    for line in funding:
        by_source[line.source] = by_source.get(line.source, 0) + line.amount_vnd
    return InitiativeDetail(
        initiative=ini,
        type_name=type_name or ini.type_code,
        areas=_areas(session, ini.id),
        funding=funding,
        funding_by_source=by_source,
        assets=_live(session, InitiativeAsset, ini.id),
        activities=activity_totals(
            session, start=ini.launched_on, end=date.max, initiative_id=ini.id
        ),
        latest_evaluation=latest_evaluation(session, ini.id),
    )
