"""The register of document numbers as the window and ``antt print numbers`` list it: the
numbers of a unit's year, of one type or all, in the order they were given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store.models import DocumentNumber


@dataclass(frozen=True)
class NumberRow:
    """One number of the register."""

    id: str
    year: int
    doc_type: str
    seq: int
    number: str
    document: str
    title: str
    issued_on: date
    issued_by: str
    cancelled: bool
    cancelled_on: date | None
    cancel_reason: str | None


def numbers(
    ctx: Ctx, unit_id: str, year: int | None = None, doc_type: str | None = None
) -> tuple[NumberRow, ...]:
    """The unit's numbers of ``year`` (every year when None) and ``doc_type`` (every type
    when None): by year, type and number."""
    ctx.require(Permission.READ)
    query = select(DocumentNumber).where(DocumentNumber.unit_id == unit_id)
    if year is not None:
        query = query.where(DocumentNumber.year == year)
    if doc_type:
        query = query.where(DocumentNumber.doc_type == doc_type)
    query = query.order_by(DocumentNumber.year.desc(), DocumentNumber.doc_type, DocumentNumber.seq)
    return tuple(
        NumberRow(
            r.id,
            r.year,
            r.doc_type,
            r.seq,
            r.number,
            r.document,
            r.title,
            r.issued_on,
            r.issued_by,
            r.state == "cancelled",
            r.cancelled_on,
            r.cancel_reason,
        )
        for r in ctx.session.execute(query).scalars()
    )


def number_years(ctx: Ctx, unit_id: str) -> tuple[int, ...]:
    """The years the unit's register has numbers in, the latest first."""
    ctx.require(Permission.READ)
    years = ctx.session.execute(
        select(DocumentNumber.year).where(DocumentNumber.unit_id == unit_id).distinct()
    ).scalars()
    return tuple(sorted(years, reverse=True))
