"""Activities and results of initiatives (hoạt động, kết quả): recording and period totals.

Activities are append-only: a wrong entry is answered by another entry, never edited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import InitiativeStatus
from antt_desktop.domain.errors import Problem, raise_if_errors
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx, Permission, max_length, require
from antt_desktop.services.values import (
    CountValue,
    DateValue,
    clean_paragraph,
    read_date,
    read_whole,
    text_input_problems,
)
from antt_desktop.store.models import Activity, Initiative

#: Items handed in at weapon collection drives (vũ khí, vật liệu nổ, công cụ hỗ trợ).
WEAPON_ITEMS = (
    "guns",
    "rudimentary_weapons",
    "explosives",
    "bullets",
    "grenades",
    "fireworks",
    "support_tools",
)
#: Counted quantities of an activity, in the order reports list them.
QUANTITIES = ("participants", *WEAPON_ITEMS, "cases_mediated", "tips_of_value", "surrendered")
NOTES_MAX = 4000


@dataclass
class ActivityInput:
    """An activity as typed: dates as DD/MM/YYYY text (or dates), counts as ints or text."""

    initiative_id: str | None = None
    held_on: DateValue = None
    kind: str | None = None  # code of the activity_kind catalogue
    participants: CountValue = 0
    guns: CountValue = 0
    rudimentary_weapons: CountValue = 0
    explosives: CountValue = 0
    bullets: CountValue = 0
    grenades: CountValue = 0
    fireworks: CountValue = 0
    support_tools: CountValue = 0
    cases_mediated: CountValue = 0
    tips_of_value: CountValue = 0
    surrendered: CountValue = 0
    notes: str | None = None


def _checked(ctx: Ctx, data: ActivityInput) -> tuple[list[Problem], dict[str, Any]]:
    """Every problem with ``data``, and the columns it gives (read, never written)."""
    kind = (data.kind or "").strip()
    problems = require(
        {"initiative_id": data.initiative_id, "held_on": data.held_on, "kind": kind},
        "initiative_id",
        "held_on",
        "kind",
    )
    initiative = ctx.session.get(Initiative, data.initiative_id) if data.initiative_id else None
    if data.initiative_id and (initiative is None or initiative.deleted):
        problems.append(
            Problem("initiative_id", "initiative.unknown", {"value": data.initiative_id})
        )
        initiative = None
    held_on = read_date(data.held_on, "held_on", problems, today=ctx.today)
    if initiative is not None and held_on is not None:
        if held_on < initiative.launched_on:
            problems.append(
                Problem(
                    "held_on",
                    "activity.before_launch",
                    {"value": held_on, "launched": initiative.launched_on},
                )
            )
        ended = initiative.status == InitiativeStatus.ENDED
        if ended and (initiative.ended_on is None or held_on > initiative.ended_on):
            problems.append(
                Problem(
                    "held_on",
                    "activity.after_end",
                    {"value": held_on, "ended": initiative.ended_on},
                )
            )
    if kind and kind not in catalogues.codes(ctx.session, catalogues.ACTIVITY_KIND):
        problems.append(Problem("kind", "activity.kind_unknown", {"value": kind}))
    problems += catalogues.retired_problems(ctx.session, catalogues.ACTIVITY_KIND, kind, "kind")
    values: dict[str, Any] = {"initiative_id": data.initiative_id, "held_on": held_on, "kind": kind}
    for name in QUANTITIES:
        values[name] = read_whole(getattr(data, name), name, problems) or 0
    values["notes"] = clean_paragraph(data.notes)
    problems += max_length("notes", values["notes"], NOTES_MAX, multiline=True)
    problems += text_input_problems(values, problems, paragraphs=("notes",))
    return problems, values


def check_record_activity(ctx: Ctx, data: ActivityInput) -> list[Problem]:
    """Every problem :func:`record_activity` would refuse ``data`` for; writes nothing, so
    a read is enough (the editor asks as the officer types)."""
    return _checked(ctx, data)[0]


def record_activity(ctx: Ctx, data: ActivityInput) -> Activity:
    """Record an activity of an initiative active or paused on that day.

    Raises:
        ValidationFailed: with every problem found; nothing is written then.
    """
    ctx.require(Permission.WRITE)
    problems, values = _checked(ctx, data)
    raise_if_errors(problems)
    activity = Activity(**values)
    ctx.session.add(activity)
    ctx.session.flush()
    ctx.audit("create", "activity", activity.id, [k for k, v in values.items() if v])
    return activity


@dataclass(frozen=True)
class ActivityTotals:
    """What a set of activities adds up to (số buổi, lượt người, tin có giá trị...)."""

    sessions_by_kind: dict[str, int] = field(default_factory=dict)
    participants: int = 0
    guns: int = 0
    rudimentary_weapons: int = 0
    explosives: int = 0
    bullets: int = 0
    grenades: int = 0
    fireworks: int = 0
    support_tools: int = 0
    cases_mediated: int = 0
    tips_of_value: int = 0
    surrendered: int = 0

    @property
    def sessions(self) -> int:
        """Number of activities of every kind."""
        return sum(self.sessions_by_kind.values())

    @property
    def weapons(self) -> dict[str, int]:
        """Each weapon item collected, in ``WEAPON_ITEMS`` order."""
        return {name: getattr(self, name) for name in WEAPON_ITEMS}


def activity_totals(
    session: Session,
    *,
    start: date,
    end: date,
    unit_id: str | None = None,
    initiative_id: str | None = None,
) -> ActivityTotals:
    """Totals of the activities held from ``start`` to ``end`` (both included).

    Args:
        session: an open session.
        start: first day counted.
        end: last day counted.
        unit_id: only initiatives of this unit; None counts every unit in the database.
        initiative_id: only this initiative.

    Raises:
        ValueError: if ``end`` is before ``start``.
    """
    if end < start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")
    sums = [func.coalesce(func.sum(getattr(Activity, name)), 0) for name in QUANTITIES]
    stmt = (
        select(Activity.kind, func.count(Activity.id), *sums)
        .join(Initiative, Initiative.id == Activity.initiative_id)
        .where(
            Activity.held_on >= start,
            Activity.held_on <= end,
            Activity.deleted.is_(False),
            Initiative.deleted.is_(False),
        )
        .group_by(Activity.kind)
    )
    if unit_id is not None:
        stmt = stmt.where(Initiative.unit_id == unit_id)
    if initiative_id is not None:
        stmt = stmt.where(Activity.initiative_id == initiative_id)
    by_kind: dict[str, int] = {}
    totals = dict.fromkeys(QUANTITIES, 0)
    for kind, count, *amounts in session.execute(stmt):
        by_kind[kind] = int(count)
        for name, amount in zip(QUANTITIES, amounts, strict=True):
            totals[name] += int(amount)
    return ActivityTotals(sessions_by_kind=by_kind, **totals)
