"""Initiatives (mô hình) as the window and the command line read them: the list, one
initiative's page, its activities and evaluations, and the scoring rubrics.

Every function takes the reader's context first, checks ``Permission.READ`` and returns
frozen rows, never ORM objects. Nothing here is sensitive personal data (disclosure.py), so
no value is masked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.text import fold, natural_key
from antt_desktop.services import catalogues
from antt_desktop.services.activities import ActivityTotals
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.initiatives import InitiativeInput, initiative_detail
from antt_desktop.store.base import Base
from antt_desktop.store.models import Activity, Area, Evaluation, Initiative, InitiativeArea, Rubric

#: Orders of the initiative list (its sortable columns); ties go by name.
ORDERS = ("name", "type", "status", "launched", "areas", "activities")


@dataclass(frozen=True)
class InitiativeRow:
    """One initiative of a list."""

    id: str
    name: str
    type_code: str
    status: str
    launched_on: date
    ended_on: date | None
    areas: tuple[str, ...]  # names of the areas covered, "số 2" before "số 10"
    activities: int  # held in the reader's current year


@dataclass(frozen=True)
class AreaRow:
    id: str
    name: str


@dataclass(frozen=True)
class FundingRow:
    amount_vnd: int
    source: str
    note: str | None


@dataclass(frozen=True)
class AssetRow:
    id: str
    kind: str
    count: int


@dataclass(frozen=True)
class InitiativePage:
    """Everything the initiative's page (and ``initiative show``) shows."""

    id: str
    unit_id: str
    name: str
    type_code: str
    type_name: str  # Vietnamese, the code when the catalogue lacks it
    status: str
    launched_on: date
    ended_on: date | None
    decision_number: str | None
    decision_date: date | None
    decision_issuer: str | None
    lead_body: str | None
    partners: str | None
    member_count: int | None
    description: str | None
    areas: tuple[AreaRow, ...]
    funding: tuple[FundingRow, ...]
    funding_by_source: tuple[tuple[str, int], ...]  # source, amount; first-recorded first
    assets: tuple[AssetRow, ...]
    activities: ActivityTotals  # since launch
    latest_evaluation: EvaluationRow | None

    @property
    def funding_total(self) -> int:
        return sum(amount for _source, amount in self.funding_by_source)


@dataclass(frozen=True)
class InitiativeForm:
    """A stored initiative as its editor starts from (the service's own input type)."""

    unit_id: str
    values: InitiativeInput


def _stored(row: type, record: Base) -> dict[str, Any]:
    """The values of ``record``'s columns that ``row`` has a field of, as stored."""
    columns = record.__table__.c
    return {f.name: getattr(record, f.name) for f in fields(row) if f.name in columns}


def _activities_in(year: int) -> Any:
    return (
        select(Activity.initiative_id, func.count(Activity.id).label("n"))
        .where(
            Activity.held_on >= date(year, 1, 1),
            Activity.held_on <= date(year, 12, 31),
            Activity.deleted.is_(False),
        )
        .group_by(Activity.initiative_id)
        .subquery()
    )


def initiative_ids(
    ctx: Ctx,
    *,
    unit_id: str | None = None,
    type_code: str | None = None,
    status: str | None = None,
    search: str = "",
    order: str = "name",
    descending: bool = False,
) -> tuple[str, ...]:
    """Ids of the live initiatives with this post, type and status whose name holds every
    word searched (accents ignored), in ``order`` (one of :data:`ORDERS`).

    A post holds tens of initiatives (a district a thousand or so): filters run in SQL, the
    folded search and the Vietnamese orders in Python over one narrow query.
    """
    ctx.require(Permission.READ)
    counts = _activities_in(ctx.today.year)
    areas = (
        select(InitiativeArea.initiative_id, func.count(InitiativeArea.id).label("n"))
        .where(InitiativeArea.deleted.is_(False))
        .group_by(InitiativeArea.initiative_id)
        .subquery()
    )
    query = (
        select(
            Initiative.id,
            Initiative.name,
            Initiative.type_code,
            Initiative.status,
            Initiative.launched_on,
            func.coalesce(areas.c.n, 0),
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.initiative_id == Initiative.id)
        .outerjoin(areas, areas.c.initiative_id == Initiative.id)
        .where(Initiative.deleted.is_(False))
    )
    if unit_id:
        query = query.where(Initiative.unit_id == unit_id)
    if type_code:
        query = query.where(Initiative.type_code == type_code)
    if status:
        query = query.where(Initiative.status == status)
    rows = list(ctx.session.execute(query).all())
    types = catalogues.codes(ctx.session, catalogues.INITIATIVE_TYPE)
    words = fold(search).split()
    if words:
        rows = [r for r in rows if all(w in fold(r[1]) for w in words)]
    keys: dict[str, Any] = {
        "type": lambda r: natural_key(types.get(r[2], r[2])),
        "status": lambda r: r[3],
        "launched": lambda r: r[4],
        "areas": lambda r: r[5],
        "activities": lambda r: r[6],
    }
    rows.sort(key=lambda r: natural_key(r[1]))
    if order in keys:
        rows.sort(key=keys[order])  # stable: ties stay by name
    if descending:
        rows.reverse()
    return tuple(r[0] for r in rows)


def initiative_rows(ctx: Ctx, ids: Sequence[str]) -> tuple[InitiativeRow, ...]:
    """The rows of ``ids`` (a page of the list), in that order; ids gone are left out."""
    ctx.require(Permission.READ)
    s = ctx.session
    covered: dict[str, list[str]] = {}
    for ident, name in s.execute(
        select(InitiativeArea.initiative_id, Area.name)
        .join(Area, Area.id == InitiativeArea.area_id)
        .where(
            InitiativeArea.initiative_id.in_(ids),
            InitiativeArea.deleted.is_(False),
            Area.deleted.is_(False),
        )
    ):
        covered.setdefault(ident, []).append(name)
    counts = _activities_in(ctx.today.year)
    found = {
        ident: InitiativeRow(
            ident,
            name,
            type_code,
            status,
            launched,
            ended,
            areas=tuple(sorted(covered.get(ident, []), key=natural_key)),
            activities=count,
        )
        for ident, name, type_code, status, launched, ended, count in s.execute(
            select(
                Initiative.id,
                Initiative.name,
                Initiative.type_code,
                Initiative.status,
                Initiative.launched_on,
                Initiative.ended_on,
                func.coalesce(counts.c.n, 0),
            )
            .outerjoin(counts, counts.c.initiative_id == Initiative.id)
            .where(Initiative.id.in_(ids), Initiative.deleted.is_(False))
        )
    }
    return tuple(found[i] for i in ids if i in found)


def initiative_page(ctx: Ctx, initiative_id: str) -> InitiativePage:
    """The initiative with its areas, funding, assets, activity totals since launch and
    latest evaluation.

    Raises:
        NotFound: if there is no such initiative.
    """
    ctx.require(Permission.READ)
    d = initiative_detail(ctx.session, initiative_id)
    ini = d.initiative
    latest = d.latest_evaluation
    return InitiativePage(
        **_stored(InitiativePage, ini),
        type_name=d.type_name,
        areas=tuple(AreaRow(a.id, a.name) for a in d.areas),
        funding=tuple(FundingRow(f.amount_vnd, f.source, f.note) for f in d.funding),
        funding_by_source=tuple(d.funding_by_source.items()),
        assets=tuple(AssetRow(a.id, a.kind, a.count) for a in d.assets),
        activities=d.activities,
        latest_evaluation=(
            _evaluation_row(latest, _rubric_names(ctx.session, latest.rubric_code))
            if latest
            else None
        ),
    )


def initiative_name(ctx: Ctx, initiative_id: str) -> str:
    """The name of a live initiative (NotFound otherwise), for the dialogs that name it."""
    ctx.require(Permission.READ)
    return ctx.get(Initiative, initiative_id, "initiative").name


def initiative_form(ctx: Ctx, initiative_id: str) -> InitiativeForm:
    """The stored initiative as input for its editor (NotFound if there is none)."""
    ctx.require(Permission.READ)
    ini = ctx.get(Initiative, initiative_id, "initiative")
    return InitiativeForm(ini.unit_id, InitiativeInput.from_initiative(ctx.session, ini))


@dataclass(frozen=True)
class ActivityRow:
    """One activity (hoạt động) and what it counted (``QUANTITIES``)."""

    id: str
    initiative_id: str
    held_on: date
    kind: str
    notes: str | None
    participants: int
    guns: int
    rudimentary_weapons: int
    explosives: int
    bullets: int
    grenades: int
    fireworks: int
    support_tools: int
    cases_mediated: int
    tips_of_value: int
    surrendered: int


def _activity_row(a: Activity) -> ActivityRow:
    return ActivityRow(**_stored(ActivityRow, a))


def activities_of(ctx: Ctx, initiative_id: str) -> tuple[ActivityRow, ...]:
    """The initiative's live activities, the latest first."""
    ctx.require(Permission.READ)
    rows = ctx.session.execute(
        select(Activity)
        .where(Activity.initiative_id == initiative_id, Activity.deleted.is_(False))
        .order_by(Activity.held_on.desc(), Activity.hlc.desc())
    ).scalars()
    return tuple(_activity_row(a) for a in rows)


def activity(ctx: Ctx, activity_id: str) -> ActivityRow:
    """One live activity (NotFound otherwise): what ``initiative activity`` prints."""
    ctx.require(Permission.READ)
    return _activity_row(ctx.get(Activity, activity_id, "activity"))


@dataclass(frozen=True)
class EvaluationRow:
    """One evaluation (chấm điểm) of an initiative against a rubric."""

    id: str
    initiative_id: str | None
    evaluated_on: date
    rubric_code: str
    rubric_vi: str
    rubric_en: str | None
    scores: tuple[tuple[str, int], ...]  # criterion code, points, as scored
    total: int
    max_total: int
    meets_standard: bool
    decision_number: str | None
    decision_date: date | None
    decision_issuer: str | None

    def rubric_name(self, english: bool) -> str:
        return (self.rubric_en if english else None) or self.rubric_vi


def _evaluation_row(ev: Evaluation, names: tuple[str, str | None] | None) -> EvaluationRow:
    vi, en = names or (ev.rubric_code, None)
    return EvaluationRow(
        **{**_stored(EvaluationRow, ev), "scores": tuple(ev.scores.items())},
        rubric_vi=vi,
        rubric_en=en,
    )


def _rubric_names(s: Session, code: str) -> tuple[str, str | None] | None:
    found = catalogues.rubric(s, code)
    return (found.name_vi, found.name_en) if found is not None else None


def evaluations_of(ctx: Ctx, initiative_id: str) -> tuple[EvaluationRow, ...]:
    """The initiative's live evaluations, the latest first (corrected ones too)."""
    ctx.require(Permission.READ)
    rows = ctx.session.execute(
        select(Evaluation, Rubric.name_vi, Rubric.name_en)
        .outerjoin(Rubric, Rubric.code == Evaluation.rubric_code)
        .where(Evaluation.initiative_id == initiative_id, Evaluation.deleted.is_(False))
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.hlc.desc())
    )
    return tuple(_evaluation_row(ev, (vi, en) if vi else None) for ev, vi, en in rows)


def evaluation(ctx: Ctx, evaluation_id: str) -> EvaluationRow:
    """One live evaluation (NotFound otherwise): what ``initiative evaluate`` prints."""
    ctx.require(Permission.READ)
    ev = ctx.get(Evaluation, evaluation_id, "evaluation")
    return _evaluation_row(ev, _rubric_names(ctx.session, ev.rubric_code))


@dataclass(frozen=True)
class CriterionRow:
    code: str
    name_vi: str
    name_en: str | None
    max: int

    def name(self, english: bool) -> str:
        return (self.name_en if english else None) or self.name_vi


@dataclass(frozen=True)
class RubricRow:
    """A scoring rubric (bộ tiêu chí): its criteria and the pass mark."""

    code: str
    name_vi: str
    name_en: str | None
    pass_mark: int
    criteria: tuple[CriterionRow, ...]

    def name(self, english: bool) -> str:
        return (self.name_en if english else None) or self.name_vi

    @property
    def max_total(self) -> int:
        return sum(c.max for c in self.criteria)


def rubrics(ctx: Ctx, code: str | None = None) -> tuple[RubricRow, ...]:
    """The live rubric ``code`` (refused if unknown), or every live rubric by code.

    Raises:
        ValidationFailed: ``evaluation.rubric_unknown`` for a code no live rubric has.
    """
    ctx.require(Permission.READ)
    if code:
        found = catalogues.rubric(ctx.session, code)
        if found is None or found.deleted:
            raise ValidationFailed.single("rubric_code", "evaluation.rubric_unknown", value=code)
        chosen = [found]
    else:
        query = select(Rubric).where(Rubric.deleted.is_(False)).order_by(Rubric.code)
        chosen = list(ctx.session.execute(query).scalars())
    return tuple(
        RubricRow(
            r.code,
            r.name_vi,
            r.name_en,
            r.pass_mark,
            tuple(
                CriterionRow(str(c["code"]), c["name_vi"], c.get("name_en"), int(c["max"]))
                for c in r.criteria
            ),
        )
        for r in chosen
    )
