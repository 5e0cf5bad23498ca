"""Corrections of a person's data with their history (đính chính thông tin cá nhân).

Every change the people service makes to a recorded person is kept here, one row per field:
the old and the new value, who, when, and the reason. Changing a value already recorded is
a correction and needs a reason ("lý do đính chính"); filling in a blank field does not.
The history travels with the person in sync (an append-only table, SYNC.md) so the upper
unit sees why its copy changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import Problem
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx, max_length
from antt_desktop.services.disclosure import WITHHELD, Disclosure, in_record
from antt_desktop.store.models import Area, Household, Person, PersonCorrection

#: The form fields a correction may concern (the override reason belongs to the ID number).
UNTRACKED = ("id_override_reason",)
REASON = "correction_reason"


def tracked(data: object) -> dict[str, Any]:
    """The tracked field values of a ``PersonInput``."""
    return {
        f.name: getattr(data, f.name)
        for f in fields(data)  # type: ignore[arg-type]
        if f.name not in UNTRACKED
    }


def differences(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Field → (old, new) for the fields whose value changes."""
    return {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v}


def reason_problems(changes: Mapping[str, tuple[Any, Any]], reason: str | None) -> list[Problem]:
    """A reason is needed when a value already recorded changes (a correction)."""
    corrected = sorted(k for k, (old, _new) in changes.items() if old not in (None, ""))
    problems = max_length(REASON, reason, 500)
    if corrected and not reason:
        problems.append(Problem(REASON, "correction.reason_required", {"fields": corrected}))
    return problems


def record(
    ctx: Ctx, person: Person, changes: Mapping[str, tuple[Any, Any]], reason: str | None
) -> list[PersonCorrection]:
    """Append one history row per changed field (in the caller's transaction)."""
    rows = [
        PersonCorrection(
            person_id=person.id,
            field=name,
            old_value=None if old is None else str(old),
            new_value=None if new is None else str(new),
            reason=reason,
            corrected_by=ctx.actor.username,
            corrected_on=ctx.today,
        )
        for name, (old, new) in changes.items()
    ]
    ctx.session.add_all(rows)
    return rows


@dataclass(frozen=True)
class CorrectionLine:
    """One correction as the reader may see it (values masked for roles without
    READ_SENSITIVE; None where a value is withheld or was blank)."""

    id: str
    corrected_on: date
    field: str
    old_value: str | None
    new_value: str | None
    reason: str | None
    corrected_by: str
    withheld: bool = False  # the values are sensitive and not shown to this reader

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def history(ctx: Ctx, person_id: str) -> list[CorrectionLine]:
    """A person's corrections, oldest first, as this reader may see them."""
    return lines_of(ctx.session, person_id, in_record(ctx))


def lines_of(session: Session, person_id: str, shown: Disclosure) -> list[CorrectionLine]:
    """A person's corrections, oldest first, masked as ``shown`` says (the printed data
    sheet passes the full view: only roles with READ_SENSITIVE may print it)."""
    rows = session.scalars(
        select(PersonCorrection)
        .where(PersonCorrection.person_id == person_id, PersonCorrection.deleted.is_(False))
        .order_by(PersonCorrection.corrected_on, PersonCorrection.hlc, PersonCorrection.id)
    )
    return [
        CorrectionLine(
            r.id,
            r.corrected_on,
            r.field,
            shown.value(r.field, r.old_value),
            shown.value(r.field, r.new_value),
            r.reason,
            r.corrected_by,
            r.field in WITHHELD and not shown.sensitive,
        )
        for r in rows
    ]


def value_text(session: Session, name: str, value: str | None, word: Callable[[str], str]) -> str:
    """A stored value as the officer reads it: names for codes and areas, "nam"/"nữ"."""
    if value is None or value == "":
        return "—"
    if name in ("ethnic_code", "religion_code"):
        catalogue = catalogues.ETHNIC if name == "ethnic_code" else catalogues.RELIGION
        return catalogues.codes(session, catalogue).get(value, value)
    if name in ("permanent_area_id", "current_area_id"):
        area = session.get(Area, value)
        return area.name if area is not None else value
    if name == "household_id":
        household = session.get(Household, value)
        return household.number if household is not None else value
    if name == "sex":
        return word("male") if value == "M" else word("female") if value == "F" else value
    return value
