"""What the overview (tổng quan) and the reports page read, gathered in one go on a worker.

Qt-free: these functions open their own read session, so they run on any thread. A database
holding one commune post shows that post; one holding several posts (an upper unit, after
importing their bundles) shows all of them together, a chosen one, and the posts side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import UnitKind
from antt_desktop.domain.periods import Period
from antt_desktop.gui.reports.names import NameBook
from antt_desktop.services import assessments, stats
from antt_desktop.services.assessments import DueItem
from antt_desktop.services.stats_model import Statistics, UnitRef, UnitRow
from antt_desktop.services.stats_scope import load_tree
from antt_desktop.store.database import Database
from antt_desktop.store.models import LocalNode, Unit

#: Entity names (as ``Changes.changed`` carries them) whose change alters a figure.
WATCHED = {
    *("person", "people", "dossier", "dossiers", "assessment", "assessments"),
    *("household", "households", "pledge", "pledges", "initiative", "initiatives"),
    *("activity", "activities", "evaluation", "team", "commendation", "unit", "units"),
    *("indicator", "indicator_snapshot", "catalogue", "sync", "import"),
}


@dataclass(frozen=True)
class Posts:
    """This installation's unit, the commune posts in the database and the unit above them.

    ``parent`` is the nearest unit holding every post (None with a single post, or when the
    posts share no unit above them).
    """

    local: UnitRef
    posts: tuple[UnitRef, ...]
    parent: UnitRef | None

    @property
    def upper(self) -> bool:
        """True when there are posts to compare (the upper unit's view)."""
        return self.parent is not None and len(self.posts) > 1

    @property
    def default_unit(self) -> UnitRef:
        """What the pages show first: every post at an upper unit, else this post."""
        if self.upper:
            assert self.parent is not None
            return self.parent
        return self.local


def find_posts(session: Session) -> Posts:
    """The posts of the database and the unit they are compared under (two small queries)."""
    tree = load_tree(session)
    node = session.get(LocalNode, 1)
    local_id = node.unit_id if node is not None else None
    post_ids = set(
        session.execute(
            select(Unit.id).where(Unit.kind == UnitKind.COMMUNE_POST.value, Unit.deleted.is_(False))
        ).scalars()
    )
    posts = tuple(
        sorted((tree.units[i] for i in post_ids if i in tree.units), key=lambda u: u.code)
    )
    local = tree.units.get(local_id or "") or (
        posts[0] if posts else next(iter(tree.units.values()))
    )

    def ancestors(unit_id: str) -> list[str]:
        chain, seen = [], {unit_id}
        current = tree.parent.get(unit_id)
        while current is not None and current in tree.units and current not in seen:
            chain.append(current)
            seen.add(current)
            current = tree.parent.get(current)
        return chain

    parent: UnitRef | None = None
    if len(posts) > 1:
        common = [set(ancestors(p.id)) for p in posts[1:]]
        for candidate in ancestors(posts[0].id):
            if all(candidate in c for c in common):
                parent = tree.units[candidate]
                break
    return Posts(local, posts, parent)


@dataclass(frozen=True)
class DashboardData:
    """Every figure of the overview for one unit (a post, or all posts under ``unit``).

    ``month`` and ``year`` are the statistics of the month and the year holding ``today``;
    ``overdue`` lists the assessments past their due date; ``comparison`` puts the posts side
    by side for the year (empty unless asked for at an upper unit).
    """

    today: date
    posts: Posts
    unit: UnitRef
    month: Statistics
    year: Statistics
    overdue: tuple[DueItem, ...]
    comparison: tuple[UnitRow, ...]
    names: NameBook


def load_dashboard(
    db: Database, today: date, unit_id: str | None = None, *, with_comparison: bool = True
) -> DashboardData:
    """Read the overview's figures (about a second over 450,000 persons: run it on a worker).

    Args:
        db: the open database.
        today: the day figures are judged on.
        unit_id: a post's id, or the upper unit's for every post; None for the default.
        with_comparison: compute the side-by-side rows (an upper unit only).
    """
    with db.read() as session:
        posts = find_posts(session)
        unit = posts.default_unit
        if unit_id is not None:
            unit = load_tree(session).resolve(unit_id)
        month = stats.compute(session, Period.month_of(today), unit_id=unit.id, today=today)
        year = stats.compute(session, Period.year_of(today), unit_id=unit.id, today=today)
        # every post together: the parent holds no dossiers of its own, so take them all
        due_unit = None if posts.upper and unit == posts.parent else unit.id
        overdue = tuple(
            item
            for item in assessments.due_assessments(session, today, due_unit)
            if item.status == "overdue"
        )
        comparison: tuple[UnitRow, ...] = ()
        if with_comparison and posts.upper:
            assert posts.parent is not None
            comparison = tuple(
                stats.compare_units(session, Period.year_of(today), posts.parent.id, today)
            )
        return DashboardData(
            today, posts, unit, month, year, overdue, comparison, NameBook.load(session)
        )


@dataclass(frozen=True)
class ReportData:
    """The statistics of one period and unit, with the posts side by side at an upper unit."""

    stats: Statistics
    comparison: tuple[UnitRow, ...]
    names: NameBook


def load_report(db: Database, period: Period, unit_id: str, today: date) -> ReportData:
    """Read a periodic report's figures (run it on a worker)."""
    with db.read() as session:
        figures = stats.compute(session, period, unit_id=unit_id, today=today)
        posts = find_posts(session)
        comparison: tuple[UnitRow, ...] = ()
        if posts.upper and posts.parent is not None and figures.unit == posts.parent:
            comparison = tuple(stats.compare_units(session, period, posts.parent.id, today))
        return ReportData(figures, comparison, NameBook.load(session))
