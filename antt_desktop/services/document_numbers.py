"""The register of document numbers (sổ đăng ký văn bản đi): the next number of a type of
document for a unit and a year ("12/BC-CAX"), given when a document is issued (printed or
saved as final), kept with what it was given to.

A document printed again keeps its number; a number is never given twice, and a cancelled
one ("đã hủy") is not given again either. Giving numbers and cancelling one each write the
register and the audit entry in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from antt_desktop.domain.errors import Problem, raise_if_errors
from antt_desktop.services.context import Ctx, Permission, max_length
from antt_desktop.services.values import clean_text
from antt_desktop.store.base import new_id
from antt_desktop.store.models import DocumentNumber

ISSUED, CANCELLED = "issued", "cancelled"
#: Types of document the register counts, as the symbol writes them.
DOC_TYPES = ("BC", "GK", "BK", "GCN", "QĐ", "KH", "TB", "CV")


@dataclass(frozen=True)
class Slot:
    """A document that needs a number.

    Attributes:
        doc_type: the type in the symbol ("BC").
        symbol: the issuing body's part of the symbol ("CAX"): the number reads
            ``{seq}/{doc_type}-{symbol}``.
        year: the year the document is dated in (numbers start again every year).
        document: the kind of document ("report 2026-Q3", "certificate").
        record_key: the record it is given to; the same key printed again keeps its number.
        title: what the register's list says it was ("Báo cáo Quý III/2026").
    """

    doc_type: str
    symbol: str
    year: int
    document: str
    record_key: str
    title: str


def format_number(seq: int, doc_type: str, symbol: str) -> str:
    """``12/BC-CAX``; ``12/GK`` when the body has no symbol."""
    return f"{seq}/{doc_type}-{symbol}" if symbol else f"{seq}/{doc_type}"


def _live(ctx: Ctx, unit_id: str, slots: Sequence[Slot]) -> dict[tuple[str, str], int]:
    """The numbers already given to the slots' records: (type, record key) → seq."""
    found: dict[tuple[str, str], int] = {}
    keys = sorted({s.record_key for s in slots})
    for start in range(0, len(keys), 500):  # SQLite's limit of bound parameters
        rows = ctx.session.execute(
            select(DocumentNumber.doc_type, DocumentNumber.record_key, DocumentNumber.seq).where(
                DocumentNumber.unit_id == unit_id,
                DocumentNumber.record_key.in_(keys[start : start + 500]),
                DocumentNumber.state == ISSUED,
            )
        )
        found.update({(t, k): seq for t, k, seq in rows})
    return found


def _last(ctx: Ctx, unit_id: str, year: int, doc_type: str) -> int:
    found = ctx.session.execute(
        select(func.max(DocumentNumber.seq)).where(
            DocumentNumber.unit_id == unit_id,
            DocumentNumber.year == year,
            DocumentNumber.doc_type == doc_type,
        )
    ).scalar()
    return int(found or 0)


def _plan(ctx: Ctx, unit_id: str, slots: Sequence[Slot]) -> list[tuple[Slot, int, bool]]:
    """(slot, seq, already given) for each slot: its number if it has one, else the next
    ones of its year and type in the order of ``slots``."""
    counters: dict[tuple[int, str], int] = {}
    out: list[tuple[Slot, int, bool]] = []
    seen = _live(ctx, unit_id, slots)  # the same record twice in one batch: one number
    for slot in slots:
        key = (slot.doc_type, slot.record_key)
        if key in seen:
            out.append((slot, seen[key], True))
            continue
        counter = (slot.year, slot.doc_type)
        if counter not in counters:
            counters[counter] = _last(ctx, unit_id, slot.year, slot.doc_type)
        counters[counter] += 1
        seen[key] = counters[counter]
        out.append((slot, counters[counter], False))
    return out


def _check_slots(slots: Sequence[Slot]) -> list[Problem]:
    problems: list[Problem] = []
    for slot in slots:
        if not slot.doc_type or slot.doc_type not in DOC_TYPES:
            value, allowed = slot.doc_type, list(DOC_TYPES)
            problems.append(Problem("doc_type", "choice", {"value": value, "allowed": allowed}))
        if not 1900 <= slot.year <= 9999:
            problems.append(Problem("year", "numbers.year", {"value": slot.year}))
    return problems


def planned(ctx: Ctx, unit_id: str, slots: Sequence[Slot]) -> dict[str, str]:
    """The numbers :func:`issue` would give ``slots`` now, by record key (a preview shows
    them); writes nothing."""
    ctx.require(Permission.READ)
    raise_if_errors(_check_slots(slots))
    return {
        s.record_key: format_number(seq, s.doc_type, s.symbol)
        for s, seq, _given in _plan(ctx, unit_id, slots)
    }


def issue(ctx: Ctx, unit_id: str, slots: Sequence[Slot]) -> dict[str, str]:
    """Give each of ``slots`` its number (the one it already has, else the next of its year
    and type) and return them by record key; the new ones are written to the register with
    their audit entries, in the caller's transaction.

    Raises:
        ValidationFailed: a type of document or a year the register does not count.
    """
    ctx.require(Permission.PRINT_SUMMARY)
    raise_if_errors(_check_slots(slots))
    out: dict[str, str] = {}
    made: list[tuple[DocumentNumber, Slot]] = []
    for slot, seq, given in _plan(ctx, unit_id, slots):
        number = format_number(seq, slot.doc_type, slot.symbol)
        out[slot.record_key] = number
        if not given:
            row = DocumentNumber(
                id=new_id(),
                unit_id=unit_id,
                year=slot.year,
                doc_type=slot.doc_type,
                seq=seq,
                number=number,
                document=slot.document[:120],
                record_key=slot.record_key[:120],
                title=slot.title[:300],
                issued_on=ctx.today,
                issued_by=ctx.actor.username,
                state=ISSUED,
            )
            made.append((row, slot))
    if made:
        ctx.session.add_all([row for row, _slot in made])
        ctx.session.flush()
        # one entry per issue (a batch of 500 certificates is one act); the register keeps
        # each number with its record, date and account
        numbers = [row.number for row, _slot in made]
        listed = ", ".join(numbers) if len(numbers) <= 5 else f"{numbers[0]} … {numbers[-1]}"
        documents = sorted({slot.document for _row, slot in made})
        detail = f"{listed} ({len(numbers)}): {'; '.join(documents)}"
        ctx.audit("create", "document_number", made[0][0].id, detail=detail[:500])
    return out


def check_cancel(ctx: Ctx, number_id: str, reason: str | None) -> list[Problem]:
    """Every problem :func:`cancel` would refuse for; writes nothing."""
    problems: list[Problem] = []
    row = ctx.session.get(DocumentNumber, number_id)
    if row is None:
        problems.append(Problem("number", "numbers.unknown", {"value": number_id}))
    elif row.state == CANCELLED:
        problems.append(Problem("number", "numbers.already_cancelled", {"number": row.number}))
    text = clean_text(reason)
    if not text:
        problems.append(Problem("cancel_reason", "required"))
    problems += max_length("cancel_reason", text, 300)
    return problems


def cancel(ctx: Ctx, number_id: str, reason: str | None) -> DocumentNumber:
    """Mark a number cancelled ("đã hủy"), with why: the document it numbered is void, the
    number stays in the register and is never given again; a reprint of that document
    gets a new number.

    Raises:
        ValidationFailed: unknown or already cancelled number, no reason, a reason too long.
    """
    ctx.require(Permission.WRITE)
    raise_if_errors(check_cancel(ctx, number_id, reason))
    row = ctx.session.get(DocumentNumber, number_id)
    assert row is not None
    row.state = CANCELLED
    row.cancelled_on = ctx.today
    row.cancel_reason = clean_text(reason)
    ctx.session.flush()
    ctx.audit("update", "document_number", row.id, ["state", "cancel_reason"], detail=row.number)
    return row
