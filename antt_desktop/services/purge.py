"""Purging closed dossiers whose retention period has passed (hủy hồ sơ hết thời hạn lưu).

Only a chief (``Permission.PURGE``) purges, and only with an explicit confirmation. A purge
tombstones the dossier and every record kept under it (assessments, commitments, support,
violations linked to it) and erases their personal values in the same write, so the
tombstones that sync to the upper unit carry nothing personal either. The person's record
goes too when nothing else refers to them (``retention.person_ties``: another dossier, a
household, a team, a commendation, a violation of their own); it then takes its correction
history with it. The audit entry names the dossier, its category and the counts, never a
personal value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from antt_desktop.domain.errors import Problem, raise_if_errors
from antt_desktop.services import drafts, proposals, retention
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.ownership import require_owned
from antt_desktop.store import person_refs, photos
from antt_desktop.store.base import Synced
from antt_desktop.store.models import (
    Assessment,
    Commitment,
    Dossier,
    Person,
    PersonCorrection,
    Support,
    SyncConflict,
    Violation,
)

#: The value each personal column takes in a purged row (the rest: ids, dates, codes that
#: CHECK constraints and parents need, stay as they were).
ERASE: dict[type[Synced], dict[str, Any]] = {
    Dossier: dict.fromkeys(
        (
            "legal_doc_number",
            "legal_doc_date",
            "legal_issuer",
            "legal_summary",
            "planned_end",
            "close_note",
            "officer_name",
            "team_id",
            "helper_name",
            "classification",
            "risk_notes",
        )
    ),
    Assessment: {
        "author": "",
        "content": "",
        **dict.fromkeys(
            ("rating", "has_stable_work", "complied", "reported_on_time", "next_steps")
        ),
    },
    Commitment: {"text": "", "form_code": None, "witnesses": None},
    Support: dict.fromkeys(("amount_vnd", "provider", "outcome")),
    Violation: {"description": "", "decision_ref": None, "is_reoffence": False, "dangerous": False},
    PersonCorrection: dict.fromkeys(("old_value", "new_value", "reason")),
    Person: {
        "full_name": "—",  # the CHECK wants a name; nobody reads a tombstone's
        "name_folded": "",
        "given_folded": "",
        "sort_key": "",
        **dict.fromkeys((*person_refs.DETAILS, "birth_year")),
    },
}


@dataclass
class Purged:
    """What one dossier's purge removed (counts by table; the person when it went too)."""

    dossier_id: str
    person_id: str
    person_removed: bool
    counts: dict[str, int] = field(default_factory=dict)


def _erase(ctx: Ctx, row: Synced) -> None:
    """Tombstone ``row`` and blank its personal values (one stamped write)."""
    for name, value in ERASE[type(row)].items():
        setattr(row, name, value)
    row.deleted = True
    for conflict in ctx.session.scalars(select(SyncConflict).where(SyncConflict.row_id == row.id)):
        conflict.kept_value = conflict.other_value = None  # a kept value is personal too
    proposals.forget_record(ctx, row.id)  # so is a value the upper unit proposed


def _live(ctx: Ctx, cls: type[Synced], *where: Any) -> list[Any]:
    return list(ctx.session.scalars(select(cls).where(cls.deleted.is_(False), *where)))


def check(ctx: Ctx, dossier_ids: Iterable[str]) -> None:
    """Every check :func:`purge` makes but the confirmation (for a preview of what goes).

    Raises:
        PermissionDenied: unless the account may purge.
        ValidationFailed: an unknown, open or not yet due dossier.
    """
    ctx.require(Permission.PURGE)
    raise_if_errors(_check(ctx, list(dict.fromkeys(dossier_ids)), True))


def _check(ctx: Ctx, ids: list[str], confirm: bool) -> list[Problem]:
    problems: list[Problem] = []
    if not ids:
        problems.append(Problem("dossier_id", "required"))
    due = {c.dossier_id: c for c in retention.candidates(ctx, ids)}
    for ident in ids:
        dossier = ctx.session.get(Dossier, ident)
        if dossier is None or dossier.deleted:
            problems.append(Problem("dossier_id", "purge.unknown", {"value": ident}))
        elif dossier.status != "closed" or ident not in due:
            problems.append(Problem("dossier_id", "purge.not_closed", {"value": ident}))
        elif due[ident].due_on > ctx.today:
            found = due[ident]
            params = {"name": found.person_name, "due": found.due_on}
            problems.append(Problem("dossier_id", "purge.not_due", params))
        else:
            require_owned(ctx, dossier)
    if not confirm:
        problems.append(Problem("confirm", "purge.not_confirmed"))
    return problems


def purge(ctx: Ctx, dossier_ids: Iterable[str], *, confirm: bool) -> list[Purged]:
    """Purge the closed dossiers ``dossier_ids`` whose retention period has passed.

    Raises:
        PermissionDenied: unless the account may purge (a chief).
        ValidationFailed: an unknown, open or not yet due dossier, or ``confirm`` not given;
            nothing is written.
    """
    ctx.require(Permission.PURGE)
    ids = list(dict.fromkeys(dossier_ids))
    raise_if_errors(_check(ctx, ids, confirm))
    dossiers = [ctx.get(Dossier, ident, "dossier") for ident in ids]
    done = []
    for dossier in dossiers:
        person = ctx.session.get(Person, dossier.person_id)
        assert person is not None  # a foreign key
        # a person whose two dossiers go together goes with the first
        ties = ["gone"] if person.deleted else retention.person_ties(ctx, person, ids)
        records = {
            "assessments": _live(ctx, Assessment, Assessment.dossier_id == dossier.id),
            "commitments": _live(ctx, Commitment, Commitment.dossier_id == dossier.id),
            "supports": _live(ctx, Support, Support.dossier_id == dossier.id),
            "violations": _live(ctx, Violation, Violation.dossier_id == dossier.id),
        }
        for rows in records.values():
            for row in rows:
                _erase(ctx, row)
        _erase(ctx, dossier)
        counts = {name: len(rows) for name, rows in records.items()}
        if not ties:
            corrections = _live(ctx, PersonCorrection, PersonCorrection.person_id == person.id)
            for row in corrections:
                _erase(ctx, row)
            photo = person.photo_sha256
            _erase(ctx, person)
            counts["person_corrections"] = len(corrections)
            ctx.session.flush()
            counts["photos"] = int(photos.forget_unused(ctx.session, photo))
        erased = {dossier.id, *(row.id for rows in records.values() for row in rows)}
        if not ties:
            erased.add(person.id)
        drafts.forget_records(ctx.session, erased)  # half-typed texts about them go too
        ctx.session.flush()
        detail = ", ".join(f"{k} {v}" for k, v in counts.items())
        ctx.audit("purge", "dossier", dossier.id, detail=f"{dossier.category_code}: {detail}")
        if not ties:
            ctx.audit("purge", "person", person.id)
        done.append(Purged(dossier.id, person.id, person.deleted, counts))
    return done
