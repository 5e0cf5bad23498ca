"""A dossier read back as a whole: its person, category, current assessments, commitments,
support and violations (what the print and GUI layers show of one dossier).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Protocol, TypeVar

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
    #: by a current assessment's id, the other correction of it made on another node and
    #: not settled yet (an officer chooses one under Sync, Conflicts): the best one
    forks: dict[str, Assessment] = field(default_factory=dict)


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


class Version(Protocol):
    """What the choice between versions of an assessment reads (an ORM row or a plain one)."""

    @property
    def id(self) -> str: ...
    @property
    def written_on(self) -> date | str: ...
    @property
    def supersedes_id(self) -> str | None: ...
    @property
    def settles_id(self) -> str | None: ...


def version_rank(v: Version) -> tuple[str, str]:
    """Which of two parallel corrections is current until an officer chooses: the later
    ``written_on``, ties by the larger id. The one rule of every node and every view."""
    day = v.written_on
    return (day.isoformat() if isinstance(day, date) else str(day), v.id)


V = TypeVar("V", bound=Version)


@dataclass(frozen=True)
class VersionTree(Generic[V]):
    """The versions of one assessment: the first one written, the current one and the
    others still current on some node (``forks``, set aside until an officer chooses)."""

    root: V
    current: V
    forks: tuple[V, ...]  # best first
    rest: tuple[V, ...]  # every version but the current one: ancestors first, then set aside


def version_trees(rows: Sequence[V]) -> list[VersionTree[V]]:
    """Group live versions by the assessment they correct and pick each one's current
    version by :func:`version_rank` (a version nothing supersedes or settles)."""
    by_id = {r.id: r for r in rows}
    replaced = {r.supersedes_id for r in rows if r.supersedes_id} | {
        r.settles_id for r in rows if r.settles_id
    }

    def chain(r: V) -> list[V]:  # r and what it supersedes, newest first
        out = [r]
        prev = by_id.get(r.supersedes_id or "")
        while prev is not None and prev not in out:
            out.append(prev)
            prev = by_id.get(prev.supersedes_id or "")
        return out

    members: dict[str, list[V]] = {}
    for r in rows:
        members.setdefault(chain(r)[-1].id, []).append(r)
    trees = []
    for root_id, group in members.items():
        leaves = sorted((r for r in group if r.id not in replaced), key=version_rank, reverse=True)
        if not leaves:  # settled in a circle (cannot happen through the services)
            leaves = sorted(group, key=version_rank, reverse=True)
        current = leaves[0]
        ancestors = list(reversed(chain(current)[1:]))
        aside = sorted(
            (r for r in group if r is not current and r not in ancestors), key=version_rank
        )
        trees.append(VersionTree(by_id[root_id], current, tuple(leaves[1:]), (*ancestors, *aside)))
    return trees


def assessment_versions(
    session: Session, dossier_id: str
) -> tuple[dict[str, Assessment], dict[str, tuple[Assessment, ...]], dict[str, Assessment]]:
    """A dossier's current assessments by period label (oldest period first); by id the
    other versions of each one: those it superseded (oldest first), then those set aside
    (two corrections of the same assessment made on two nodes: see :func:`version_trees`);
    and by the id of a current assessment the best other version still current on another
    node (a fork not settled yet)."""
    rows = list(
        session.scalars(
            select(Assessment).where(
                Assessment.dossier_id == dossier_id, Assessment.deleted.is_(False)
            )
        )
    )
    trees = version_trees(rows)
    trees.sort(key=lambda t: (t.current.period_start, version_rank(t.current)))
    current: dict[str, Assessment] = {}
    history: dict[str, tuple[Assessment, ...]] = {}
    forks: dict[str, Assessment] = {}
    for t in trees:
        earlier = current.get(t.current.period)  # another assessment of the same period
        before = (*history.pop(earlier.id), earlier) if earlier is not None else ()
        current[t.current.period] = t.current
        history[t.current.id] = (*before, *t.rest)
        if t.forks:
            forks[t.current.id] = t.forks[0]
    shown = {a.id for a in current.values()}
    return current, history, {i: f for i, f in forks.items() if i in shown}


def dossier_summary(session: Session, dossier_id: str) -> DossierSummary:
    """The dossier with its person, category, current assessments and other records."""
    dossier = load_dossier(session, dossier_id)
    person = session.get(Person, dossier.person_id)
    assert person is not None  # a foreign key
    current, _history, forks = assessment_versions(session, dossier_id)
    during = Violation.occurred_on >= dossier.opened_on
    if dossier.closed_on is not None:
        during = and_(during, Violation.occurred_on <= dossier.closed_on)
    return DossierSummary(
        dossier=dossier,
        person=person,
        category=category_of(session, dossier),
        assessments=current,
        forks=forks,
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
