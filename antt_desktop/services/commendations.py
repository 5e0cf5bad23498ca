"""Commendations (khen thưởng): giấy khen, bằng khen, giấy chứng nhận from a decision, for a
person, a team, an initiative, an area, a unit or a recipient named in free text."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import CommendationKind
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.text import fold, sort_key
from antt_desktop.services.context import Ctx, Permission, max_length
from antt_desktop.services.values import clean_fields, clean_text, read_date, text_input_problems
from antt_desktop.store.base import Base
from antt_desktop.store.models import Area, Commendation, Initiative, Person, Team, Unit

KINDS = tuple(k.value for k in CommendationKind)
#: Recipient kinds that point at a record, with that record's table and name column.
RECORD_KINDS: dict[str, tuple[type[Base], str]] = {
    "person": (Person, "full_name"),
    "team": (Team, "name"),
    "initiative": (Initiative, "name"),
    "area": (Area, "name"),
    "unit": (Unit, "name"),
}
RECIPIENT_KINDS = (*RECORD_KINDS, "text")


@dataclass
class DecisionInput:
    """What every commendation of one decision shares."""

    kind: str | None = None  # giay_khen, bang_khen, giay_chung_nhan
    issuer: str | None = None
    decision_number: str | None = None
    decision_date: date | str | None = None  # DD/MM/YYYY
    achievement: str | None = None  # the default for recipients that state none
    signer_name: str | None = None  # the issuer who signs, under the signature space


@dataclass
class RecipientInput:
    """One recipient of a decision (``recipient_id`` for every kind but ``text``)."""

    recipient_kind: str | None = None
    recipient_id: str | None = None
    recipient_name: str | None = None  # filled from the record when not given
    collective: bool | None = None  # default: False for a person or text, True otherwise
    achievement: str | None = None
    golden_book_no: str | None = None
    recipient_position: str | None = None  # the line under the name on the certificate


@dataclass
class CommendationInput:
    """One commendation as typed: the decision and its recipient."""

    kind: str | None = None
    issuer: str | None = None
    decision_number: str | None = None
    decision_date: date | str | None = None
    recipient_kind: str | None = None
    recipient_id: str | None = None
    recipient_name: str | None = None
    collective: bool | None = None
    achievement: str | None = None
    golden_book_no: str | None = None
    recipient_position: str | None = None
    signer_name: str | None = None


def _clean(data: CommendationInput) -> CommendationInput:
    return clean_fields(data, paragraphs=("achievement",))


def _check_decision(ctx: Ctx, data: CommendationInput) -> tuple[list[Problem], date | None]:
    problems: list[Problem] = []
    if data.kind not in KINDS:
        problems.append(
            Problem("commendation_kind", "required")
            if not data.kind
            else Problem(
                "commendation_kind", "choice", {"value": data.kind, "allowed": list(KINDS)}
            )
        )
    for name, limit in (("issuer", 200), ("decision_number", 60)):
        value = getattr(data, name)
        problems += [Problem(name, "required")] if not value else max_length(name, value, limit)
    problems += max_length("signer_name", data.signer_name, 120)
    day = read_date(data.decision_date, "decision_date", problems, today=ctx.today, required=True)
    problems += text_input_problems(
        {
            name: getattr(data, name)
            for name in ("kind", "issuer", "decision_number", "signer_name")
        },
        problems,
    )
    return problems, day


def _check_recipient(
    ctx: Ctx, data: CommendationInput, prefix: str = ""
) -> tuple[list[Problem], dict[str, Any]]:
    """Problems with the recipient part (fields named ``prefix + field``) and its columns."""
    problems: list[Problem] = []
    kind = data.recipient_kind
    name = data.recipient_name
    if kind not in RECIPIENT_KINDS:
        problems.append(
            Problem(prefix + "recipient_kind", "required")
            if not kind
            else Problem(
                prefix + "recipient_kind",
                "choice",
                {"value": kind, "allowed": list(RECIPIENT_KINDS)},
            )
        )
    elif kind == "text":
        if data.recipient_id:
            problems.append(
                Problem(
                    prefix + "recipient_id",
                    "commendation.id_for_text",
                    {"value": data.recipient_id},
                )
            )
    elif not data.recipient_id:
        problems.append(Problem(prefix + "recipient_id", "required"))
    else:
        table, name_column = RECORD_KINDS[kind]
        record = ctx.session.get(table, data.recipient_id)
        if record is None or getattr(record, "deleted", False):
            problems.append(
                Problem(
                    prefix + "recipient_id",
                    "commendation.recipient_unknown",
                    {"kind": kind, "value": data.recipient_id},
                )
            )
        else:
            name = name or getattr(record, name_column)
    if not name and not problems:
        problems.append(Problem(prefix + "recipient_name", "required"))
    problems += max_length(prefix + "recipient_name", name, 300)
    if not data.achievement:
        problems.append(Problem(prefix + "achievement", "required"))
    problems += max_length(prefix + "golden_book_no", data.golden_book_no, 40)
    problems += max_length(prefix + "recipient_position", data.recipient_position, 300)
    collective = data.collective
    if collective is None:
        collective = kind not in ("person", "text")
    elif not isinstance(collective, bool):
        problems.append(
            Problem(
                prefix + "collective", "choice", {"value": collective, "allowed": [True, False]}
            )
        )
    columns = {
        "recipient_kind": kind,
        "recipient_id": data.recipient_id or None,
        "recipient_name": name,
        "collective": collective,
        "achievement": data.achievement,
        "golden_book_no": data.golden_book_no,
        "recipient_position": data.recipient_position,
    }
    texts = {prefix + k: v for k, v in columns.items() if k != "recipient_kind"}
    problems += text_input_problems(texts, problems, paragraphs=(prefix + "achievement",))
    return problems, columns


def _recipient_key(columns: dict[str, Any]) -> tuple[str, str]:
    kind = columns["recipient_kind"]
    return kind, columns["recipient_id"] if kind != "text" else fold(columns["recipient_name"])


def _already_commended(ctx: Ctx, unit_id: str, decision_number: str) -> set[tuple[str, str]]:
    rows = ctx.session.execute(
        select(
            Commendation.recipient_kind, Commendation.recipient_id, Commendation.recipient_name
        ).where(
            Commendation.unit_id == unit_id,
            Commendation.decision_number == decision_number,
            Commendation.deleted.is_(False),
        )
    ).all()
    return {
        _recipient_key({"recipient_kind": k, "recipient_id": i, "recipient_name": n})
        for k, i, n in rows
    }


@dataclass
class _Checked:
    """A decision and its recipients checked: the problems, and the rows they would make."""

    problems: list[Problem]
    unit_id: str
    decision: CommendationInput
    day: date | None
    recipients: list[dict[str, Any]]


def _checked(
    ctx: Ctx,
    decision: DecisionInput,
    recipients: list[RecipientInput],
    unit_id: str | None,
    *,
    prefixed: bool,
) -> _Checked:
    """Every problem with the decision and its recipients (read, never written)."""
    unit = ctx.get_unit(unit_id)
    shared = {f.name: getattr(decision, f.name) for f in fields(DecisionInput)}
    inputs = [
        _clean(
            CommendationInput(
                **{
                    **shared,
                    **{f.name: getattr(r, f.name) for f in fields(RecipientInput)},
                    "achievement": r.achievement or decision.achievement,
                }
            )
        )
        for r in recipients
    ]
    head = _clean(CommendationInput(**shared))
    problems, day = _check_decision(ctx, head)
    if not inputs:
        problems.append(Problem("recipients", "required"))
    number = head.decision_number
    seen = _already_commended(ctx, unit.id, number) if number else set()
    prepared = []
    for i, data in enumerate(inputs):
        prefix = f"recipients[{i}]." if prefixed else ""
        row_problems, columns = _check_recipient(ctx, data, prefix)
        if not row_problems and number:
            key = _recipient_key(columns)
            if key in seen:
                row_problems.append(
                    Problem(
                        prefix + "recipient_id",
                        "commendation.duplicate",
                        {"name": columns["recipient_name"], "decision": number},
                    )
                )
            seen.add(key)
        problems += row_problems
        prepared.append(columns)
    return _Checked(problems, unit.id, head, day, prepared)


def _add(ctx: Ctx, checked: _Checked) -> list[Commendation]:
    raise_if_errors(checked.problems)
    head = checked.decision
    made = [
        Commendation(
            unit_id=checked.unit_id,
            kind=head.kind,
            issuer=head.issuer,
            decision_number=head.decision_number,
            decision_date=checked.day,
            signer_name=head.signer_name,
            **columns,
        )
        for columns in checked.recipients
    ]
    ctx.session.add_all(made)
    ctx.session.flush()
    for c in made:
        ctx.audit(
            "create", "commendation", c.id, [f for f in _AUDITED if getattr(c, f) is not None]
        )
    return made


_AUDITED = (
    "kind",
    "issuer",
    "decision_number",
    "decision_date",
    "recipient_kind",
    "recipient_id",
    "recipient_name",
    "collective",
    "achievement",
    "golden_book_no",
    "recipient_position",
    "signer_name",
)


def _one(data: CommendationInput) -> tuple[DecisionInput, list[RecipientInput]]:
    """One commendation as a decision with one recipient."""
    decision = DecisionInput(
        kind=data.kind,
        issuer=data.issuer,
        decision_number=data.decision_number,
        decision_date=data.decision_date,
        signer_name=data.signer_name,
    )
    recipient = RecipientInput(**{f.name: getattr(data, f.name) for f in fields(RecipientInput)})
    return decision, [recipient]


def check_add_commendation(
    ctx: Ctx, data: CommendationInput, *, unit_id: str | None = None
) -> list[Problem]:
    """Every problem :func:`add_commendation` would refuse ``data`` for; writes nothing."""
    return _checked(ctx, *_one(data), unit_id, prefixed=False).problems


def add_commendation(
    ctx: Ctx, data: CommendationInput, *, unit_id: str | None = None
) -> Commendation:
    """Record one commendation in this post (or ``unit_id``). Raises ValidationFailed and
    writes nothing on any problem."""
    ctx.require(Permission.WRITE)
    return _add(ctx, _checked(ctx, *_one(data), unit_id, prefixed=False))[0]


def _recipients(recipients: list[RecipientInput | dict[str, Any]]) -> list[RecipientInput]:
    return [r if isinstance(r, RecipientInput) else RecipientInput(**r) for r in recipients]


def check_add_commendations_batch(
    ctx: Ctx,
    decision: DecisionInput,
    recipients: list[RecipientInput | dict[str, Any]],
    *,
    unit_id: str | None = None,
) -> list[Problem]:
    """Every problem :func:`add_commendations_batch` would refuse the decision for, each
    naming its recipient; writes nothing."""
    return _checked(ctx, decision, _recipients(recipients), unit_id, prefixed=True).problems


def add_commendations_batch(
    ctx: Ctx,
    decision: DecisionInput,
    recipients: list[RecipientInput | dict[str, Any]],
    *,
    unit_id: str | None = None,
) -> list[Commendation]:
    """One decision commending many recipients, all saved or none: a problem with recipient
    ``i`` (from 0) names the field ``recipients[i].<field>``."""
    ctx.require(Permission.WRITE)
    checked = _checked(ctx, decision, _recipients(recipients), unit_id, prefixed=True)
    return _add(ctx, checked)


def commendations_of_decision(
    session: Session, decision_number: str, unit_id: str, decision_date: date | None = None
) -> list[Commendation]:
    """The live commendations of one decision as such decisions list them: collectives
    (tập thể) by name, then individuals (cá nhân) by given name, the Vietnamese way.

    Numbers such as "28/QĐ-UBND" start again every year, so a number alone may name two
    decisions: without ``decision_date`` that is refused, naming their dates.

    Raises:
        ValidationFailed: field ``decision_date``, code ``commendation.decision_ambiguous``.
    """
    wanted = clean_text(decision_number)
    query = select(Commendation).where(
        Commendation.unit_id == unit_id,
        Commendation.decision_number == wanted,
        Commendation.deleted.is_(False),
    )
    if decision_date is not None:
        query = query.where(Commendation.decision_date == decision_date)
    rows = list(session.execute(query).scalars())
    days = sorted({c.decision_date for c in rows})
    if len(days) > 1:
        raise ValidationFailed.single(
            "decision_date",
            "commendation.decision_ambiguous",
            number=wanted,
            dates=", ".join(d.strftime("%d/%m/%Y") for d in days),
        )
    return sorted(
        rows,
        key=lambda c: (
            not c.collective,
            fold(c.recipient_name) if c.collective else sort_key(c.recipient_name),
        ),
    )


def commendations_of(
    session: Session, recipient_kind: str, recipient_id: str
) -> list[Commendation]:
    """A recipient's live commendations, the latest decision first."""
    return list(
        session.execute(
            select(Commendation)
            .where(
                Commendation.recipient_kind == recipient_kind,
                Commendation.recipient_id == recipient_id,
                Commendation.deleted.is_(False),
            )
            .order_by(Commendation.decision_date.desc(), Commendation.decision_number)
        ).scalars()
    )
