"""The written parts of a periodic report (nội dung báo cáo): the situation (tình hình), the
results (kết quả), the shortcomings (tồn tại, hạn chế), the direction for the next period
(phương hướng) and the recommendations (kiến nghị, đề xuất), typed by the chief beside the
computed figures and kept per unit and period.

A unit writes only its own report (a post's texts travel up to its upper unit as the post's
record, which reads them and writes nothing of them). Saving again corrects in place; a
section left empty is printed as dotted lines to be finished by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select

from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.periods import Period
from antt_desktop.domain.text_input import text_problems
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.values import clean_paragraph
from antt_desktop.store.base import natural_id
from antt_desktop.store.models import ReportNarrative

#: The sections in the order a report states them (the columns of ``report_narratives``).
SECTIONS = ("situation", "results", "shortcomings", "direction", "recommendations")

#: The most characters one section may hold: about four printed pages of text.
SECTION_MAX = 10_000


@dataclass(frozen=True)
class Narrative:
    """The texts of one unit's report for one period (None: not written)."""

    unit_id: str
    period: str
    situation: str | None = None
    results: str | None = None
    shortcomings: str | None = None
    direction: str | None = None
    recommendations: str | None = None

    def text(self, section: str) -> str | None:
        return getattr(self, section) if section in SECTIONS else None

    @property
    def empty(self) -> bool:
        return not any(self.text(s) for s in SECTIONS)


@dataclass
class NarrativeInput:
    """The sections as typed (text as entered; the service cleans it)."""

    situation: str | None = None
    results: str | None = None
    shortcomings: str | None = None
    direction: str | None = None
    recommendations: str | None = None


def _parse(period: Period | str, problems: list[Problem]) -> Period | None:
    if isinstance(period, Period):
        return period
    try:
        return Period.parse(period)
    except ValidationFailed as exc:
        problems.extend(exc.problems)
        return None


def _row(ctx: Ctx, unit_id: str, period: Period) -> ReportNarrative | None:
    """The stored row, tombstoned or not (the natural key is unique either way)."""
    return ctx.session.execute(
        select(ReportNarrative).where(
            ReportNarrative.unit_id == unit_id, ReportNarrative.period == period.label()
        )
    ).scalar_one_or_none()


def _cleaned(data: NarrativeInput) -> dict[str, str | None]:
    return {s: clean_paragraph(getattr(data, s)) for s in SECTIONS}


def check_save_narrative(
    ctx: Ctx, period: Period | str, data: NarrativeInput, *, unit_id: str | None = None
) -> list[Problem]:
    """What :func:`save_narrative` would refuse; reads, never writes.

    Each section may hold line breaks and tabs but no control character or invisible
    direction mark, and at most :data:`SECTION_MAX` characters; the period must have
    begun; the unit must be this installation's own.
    """
    ctx.require(Permission.READ)
    problems: list[Problem] = []
    parsed = _parse(period, problems)
    if parsed is not None and parsed.start > ctx.today:
        problems.append(Problem("period", "narrative.period_future", {"period": parsed.label()}))
    unit = ctx.get_unit(unit_id)
    if unit.id != ctx.local_unit().id:
        problems.append(Problem("unit", "narrative.not_own_unit", {"unit": unit.name}))
    for section in (f.name for f in fields(data)):
        problems += text_problems(
            section, getattr(data, section), multiline=True, limit=SECTION_MAX
        )
    return problems


def narrative_id(ctx: Ctx, period: Period | str, *, unit_id: str | None = None) -> str:
    """The id the unit's narrative of ``period`` has, or will have when first saved (its
    natural key: two desks that write it first make one record)."""
    parsed = period if isinstance(period, Period) else Period.parse(period)
    unit = ctx.get_unit(unit_id)
    return natural_id("report_narratives", unit.id, parsed.label())


def save_narrative(
    ctx: Ctx, period: Period | str, data: NarrativeInput, *, unit_id: str | None = None
) -> Narrative:
    """Keep the sections of this unit's report for ``period`` (``2026-Q3``): the first save
    creates the record, a later one changes the sections that differ (an emptied section is
    cleared). Writes nothing and raises ValidationFailed with every problem when one breaks
    a rule; PermissionDenied for a role that may not write."""
    ctx.require(Permission.WRITE)
    raise_if_errors(check_save_narrative(ctx, period, data, unit_id=unit_id))
    parsed = period if isinstance(period, Period) else Period.parse(period)
    unit = ctx.get_unit(unit_id)
    texts = _cleaned(data)
    row = _row(ctx, unit.id, parsed)
    if row is None:
        row = ReportNarrative(
            id=narrative_id(ctx, parsed, unit_id=unit.id),
            unit_id=unit.id,
            period=parsed.label(),
            period_start=parsed.start,
            **texts,
        )
        ctx.session.add(row)
        ctx.session.flush()
        written = [s for s, text in texts.items() if text]
        ctx.audit("create", "report_narrative", row.id, ["period", *written])
        return _read(row)
    changed = [s for s, text in texts.items() if getattr(row, s) != text]
    if row.deleted:
        changed.append("deleted")
    if changed:
        for section, text in texts.items():
            setattr(row, section, text)
        row.deleted = False
        ctx.session.flush()
        ctx.audit("edit", "report_narrative", row.id, changed)
    return _read(row)


def _read(row: ReportNarrative) -> Narrative:
    return Narrative(row.unit_id, row.period, **{s: getattr(row, s) for s in SECTIONS})


def narrative(ctx: Ctx, period: Period | str, *, unit_id: str | None = None) -> Narrative:
    """The texts of a unit's report (default this post) for ``period``; every section None
    when none was written. Any role that reads may read them (they print with the report).

    Raises:
        ValidationFailed: if ``period`` is text that is not a period.
    """
    ctx.require(Permission.READ)
    parsed = period if isinstance(period, Period) else Period.parse(period)
    unit = ctx.get_unit(unit_id)
    row = _row(ctx, unit.id, parsed)
    if row is None or row.deleted:
        return Narrative(unit.id, parsed.label())
    return _read(row)
