"""A dossier read back as a whole: its person, category, current assessments, commitments,
support and violations (what the print and GUI layers show of one dossier).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from antt_desktop.services import catalogues
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import (
    Assessment,
    Commitment,
    Dossier,
    DossierCategory,
    Person,
    Support,
    Violation,
)


@dataclass(frozen=True)
class DossierSummary:
    """Everything the print and GUI layers show about one dossier."""

    dossier: Dossier
    person: Person
    category: DossierCategory
    assessments: dict[str, Assessment]  # current ones by period label, oldest period first
    commitments: list[Commitment]
    supports: list[Support]
    violations: list[Violation]  # linked to the dossier, or the person's during its life


def load_dossier(session: Session, dossier_id: str) -> Dossier:
    """The live dossier with this id.

    Raises:
        NotFound: if there is none (or it was deleted).
    """
    dossier = session.get(Dossier, dossier_id)
    if dossier is None or dossier.deleted:
        raise NotFound(entity="dossier", value=dossier_id)
    return dossier


def category_of(session: Session, dossier: Dossier) -> DossierCategory:
    """The dossier's category (deleted categories too: the dossier keeps its own)."""
    cat = catalogues.category(session, dossier.category_code)
    assert cat is not None  # a foreign key
    return cat


def current_assessments(
    session: Session, dossier_id: str
) -> tuple[dict[str, Assessment], dict[str, tuple[Assessment, ...]]]:
    """A dossier's current assessments by period label (oldest period first), and by id
    the versions each one superseded (oldest first)."""
    rows = list(
        session.scalars(
            select(Assessment).where(
                Assessment.dossier_id == dossier_id, Assessment.deleted.is_(False)
            )
        )
    )
    by_id = {a.id: a for a in rows}
    replaced = {a.supersedes_id for a in rows if a.supersedes_id}
    current: dict[str, Assessment] = {}
    history: dict[str, tuple[Assessment, ...]] = {}
    for a in sorted(rows, key=lambda a: (a.period_start, a.written_on)):
        if a.id in replaced:
            continue
        current[a.period] = a
        chain: list[Assessment] = []
        prev = by_id.get(a.supersedes_id or "")
        while prev is not None and prev not in chain:
            chain.append(prev)
            prev = by_id.get(prev.supersedes_id or "")
        history[a.id] = tuple(reversed(chain))
    return current, history


def dossier_summary(session: Session, dossier_id: str) -> DossierSummary:
    """The dossier with its person, category, current assessments and other records."""
    dossier = load_dossier(session, dossier_id)
    person = session.get(Person, dossier.person_id)
    assert person is not None  # a foreign key
    current, _history = current_assessments(session, dossier_id)
    during = Violation.occurred_on >= dossier.opened_on
    if dossier.closed_on is not None:
        during = and_(during, Violation.occurred_on <= dossier.closed_on)
    return DossierSummary(
        dossier=dossier,
        person=person,
        category=category_of(session, dossier),
        assessments=current,
        commitments=list(
            session.scalars(
                select(Commitment)
                .where(Commitment.dossier_id == dossier.id, Commitment.deleted.is_(False))
                .order_by(Commitment.signed_on)
            )
        ),
        supports=list(
            session.scalars(
                select(Support)
                .where(Support.dossier_id == dossier.id, Support.deleted.is_(False))
                .order_by(Support.given_on)
            )
        ),
        violations=list(
            session.scalars(
                select(Violation)
                .where(
                    Violation.person_id == person.id,
                    Violation.deleted.is_(False),
                    or_(
                        Violation.dossier_id == dossier.id,
                        and_(Violation.dossier_id.is_(None), during),
                    ),
                )
                .order_by(Violation.occurred_on)
            )
        ),
    )
