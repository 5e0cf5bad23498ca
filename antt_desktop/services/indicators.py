"""Indicator snapshots: named counts per unit and period, for before/after comparisons.

Reports state results the way the press does: "tin báo tố giác về tội phạm giảm 42,9%
(4/7)". A post records each count once per period; recording it again corrects it in place.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.periods import Period
from antt_desktop.domain.rates import Change
from antt_desktop.services.context import Ctx, Permission, require
from antt_desktop.services.values import CountValue, read_whole
from antt_desktop.store.base import natural_id
from antt_desktop.store.models import IndicatorSnapshot

#: The indicators a post records, in report order; labels live in i18n.texts.initiatives.
INDICATORS = (
    "crime_tips",  # tin báo, tố giác về tội phạm
    "criminal_cases",  # vụ phạm pháp hình sự
    "traffic_accidents",  # vụ tai nạn, va chạm giao thông
    "reoffence_released",  # người chấp hành xong án phạt tù tái phạm
    "social_vice_cases",  # vụ tệ nạn xã hội
    "mediated_disputes",  # vụ việc hòa giải thành
)


def _period(value: Period | str, problems: list[Problem]) -> Period | None:
    if isinstance(value, Period):
        return value
    try:
        return Period.parse(value)
    except ValidationFailed as exc:
        problems.extend(exc.problems)
        return None


def _row(
    session: Session, unit_id: str, period: Period, indicator: str
) -> IndicatorSnapshot | None:
    """The stored row, tombstoned or not (the natural key is unique either way)."""
    return session.execute(
        select(IndicatorSnapshot).where(
            IndicatorSnapshot.unit_id == unit_id,
            IndicatorSnapshot.period == period.label(),
            IndicatorSnapshot.indicator == indicator,
        )
    ).scalar_one_or_none()


def record_indicator(
    ctx: Ctx, unit_id: str | None, period: Period | str, indicator: str, value: CountValue
) -> IndicatorSnapshot:
    """Record (or correct) one count of a unit for a period.

    Args:
        ctx: the service context.
        unit_id: the unit counted; None for this post.
        period: a month, quarter or year (``2026-10``, ``2026-Q3``, ``2026``) that has begun.
        indicator: one of ``INDICATORS``.
        value: the count, a non-negative whole number.

    Raises:
        NotFound: if the unit does not exist.
        ValidationFailed: with every problem found; nothing is written then.
    """
    ctx.require(Permission.WRITE)
    unit = ctx.get_unit(unit_id)
    problems = require(
        {
            "period": period if isinstance(period, str) else period.label(),
            "indicator": indicator,
            "value": value,
        },
        "period",
        "indicator",
        "value",
    )
    parsed = _period(period, problems) if period else None
    if parsed is not None and parsed.start > ctx.today:
        problems.append(Problem("period", "indicator.period_future", {"value": parsed.label()}))
    if indicator and indicator not in INDICATORS:
        problems.append(Problem("indicator", "indicator.unknown", {"value": indicator}))
    count = read_whole(value, "value", problems)
    raise_if_errors(problems)
    assert parsed is not None and count is not None
    row = _row(ctx.session, unit.id, parsed, indicator)
    if row is None:
        row = IndicatorSnapshot(
            id=natural_id("indicator_snapshots", unit.id, parsed.label(), indicator),
            unit_id=unit.id,
            period=parsed.label(),
            period_start=parsed.start,
            indicator=indicator,
            value=count,
        )
        ctx.session.add(row)
        ctx.session.flush()
        ctx.audit("create", "indicator_snapshot", row.id, ["indicator", "period", "value"])
        return row
    changed = [
        name for name, new in (("value", count), ("deleted", False)) if getattr(row, name) != new
    ]
    if changed:
        row.value, row.deleted = count, False
        ctx.session.flush()
        ctx.audit("edit", "indicator_snapshot", row.id, changed)
    return row


def _values(
    session: Session, unit_id: str, indicators: tuple[str, ...], periods: list[Period]
) -> dict[tuple[str, str], int]:
    rows = session.execute(
        select(
            IndicatorSnapshot.period, IndicatorSnapshot.indicator, IndicatorSnapshot.value
        ).where(
            IndicatorSnapshot.unit_id == unit_id,
            IndicatorSnapshot.period.in_([p.label() for p in periods]),
            IndicatorSnapshot.indicator.in_(indicators),
            IndicatorSnapshot.deleted.is_(False),
        )
    )
    return {(period, indicator): value for period, indicator, value in rows}


def compare(
    session: Session, unit_id: str, indicator: str, before: Period, after: Period
) -> Change | None:
    """The change of one indicator between two periods, or None if either is missing."""
    values = _values(session, unit_id, (indicator,), [before, after])
    first = values.get((before.label(), indicator))
    second = values.get((after.label(), indicator))
    if first is None or second is None:
        return None
    return Change(first, second)


def snapshot(session: Session, unit_id: str, period: Period | str) -> dict[str, int]:
    """Every indicator recorded for a unit and period, in ``INDICATORS`` order.

    Raises:
        ValidationFailed: if ``period`` is text that is not a period.
    """
    parsed = period if isinstance(period, Period) else Period.parse(period)
    values = _values(session, unit_id, INDICATORS, [parsed])
    label = parsed.label()
    return {code: values[(label, code)] for code in INDICATORS if (label, code) in values}
