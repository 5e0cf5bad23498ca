"""What the overview (tổng quan), the reports page and ``antt stats`` read: the statistics of
a period and unit, the posts side by side, and the names of the codes the figures are keyed
by. The window calls these on a worker thread; each runs in the caller's read transaction.

A database holding one commune post shows that post; one holding several posts (an upper
unit, after importing their bundles) shows all of them together, a chosen one, and the posts
side by side. Figures are counts and names, nothing sensitive: every role (READ) sees them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import assessments, catalogues, post_rows, stats
from antt_desktop.services.assessments import DueItem
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.stats_cache import StatsCache
from antt_desktop.services.stats_model import Statistics, UnitRef, UnitRow
from antt_desktop.services.stats_scope import load_tree
from antt_desktop.store.models import LocalNode


@dataclass(frozen=True)
class CatalogueNames:
    """Catalogue names by code, in Vietnamese and English (English falls back to Vietnamese).

    ``categories`` holds dossier categories; ``items`` holds every simple catalogue, keyed by
    ``(catalogue, code)``. Read once, so switching the language re-renders without a read.
    """

    categories: Mapping[str, tuple[str, str]]
    items: Mapping[tuple[str, str], tuple[str, str]]

    def category(self, code: str, tr: Translator) -> str:
        names = self.categories.get(code)
        if names is None:
            return code
        return names[1] if tr.lang == "en" else names[0]

    def of(self, catalogue: str, code: str, tr: Translator) -> str:
        names = self.items.get((catalogue, code))
        if names is None:
            return code
        return names[1] if tr.lang == "en" else names[0]

    def activity_kind(self, code: str, tr: Translator) -> str:
        return self.of(catalogues.ACTIVITY_KIND, code, tr)

    def initiative_type(self, code: str, tr: Translator) -> str:
        return self.of(catalogues.INITIATIVE_TYPE, code, tr)


def catalogue_names(ctx: Ctx) -> CatalogueNames:
    """Every (small) catalogue's names, read once."""
    ctx.require(Permission.READ)
    cats = {c.code: (c.name_vi, c.name_en or c.name_vi) for c in catalogues.categories(ctx.session)}
    items = {
        (e.catalogue, e.code): (e.name_vi, e.name_en or e.name_vi)
        for e in post_rows.catalogue_entries(ctx)
    }
    return CatalogueNames(cats, items)


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


def posts(ctx: Ctx, cache: StatsCache | None = None) -> Posts:
    """The posts of the database and the unit they are compared under (two small queries)."""
    ctx.require(Permission.READ)
    tree = cache.tree() if cache is not None else load_tree(ctx.session)
    node = ctx.session.get(LocalNode, 1)
    local_id = node.unit_id if node is not None else None
    post_ids = {p.id for p in post_rows.commune_posts(ctx)}
    found = tuple(
        sorted((tree.units[i] for i in post_ids if i in tree.units), key=lambda u: u.code)
    )
    local = tree.units.get(local_id or "") or (
        found[0] if found else next(iter(tree.units.values()))
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
    if len(found) > 1:
        common = [set(ancestors(p.id)) for p in found[1:]]
        for candidate in ancestors(found[0].id):
            if all(candidate in c for c in common):
                parent = tree.units[candidate]
                break
    return Posts(local, found, parent)


def statistics(
    ctx: Ctx, period: Period, unit_id: str | None = None, *, cache: StatsCache | None = None
) -> Statistics:
    """Every figure of a periodic report for ``period``, judged on ``ctx.today``.

    Args:
        unit_id: a unit's id or code (its figures with the units under it); None for every
            unit in the database.
        cache: rows already read in this read (shared by the figures of one page).
    """
    ctx.require(Permission.READ)
    return stats.compute(ctx.session, period, unit_id=unit_id, today=ctx.today, cache=cache)


def unit_comparison(
    ctx: Ctx, period: Period, parent_id: str, *, cache: StatsCache | None = None
) -> tuple[UnitRow, ...]:
    """The posts under ``parent_id`` side by side for ``period`` (a fixed number of queries
    whatever the number of posts: an upper unit compares thirty)."""
    ctx.require(Permission.READ)
    return tuple(stats.compare_units(ctx.session, period, parent_id, ctx.today, cache))


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
    names: CatalogueNames


def dashboard(
    ctx: Ctx, unit_id: str | None = None, *, with_comparison: bool = True
) -> DashboardData:
    """The overview's figures (about a second over 450,000 persons: run it on a worker).

    Args:
        unit_id: a post's id, or the upper unit's for every post; None for the default.
        with_comparison: compute the side-by-side rows (an upper unit only).
    """
    ctx.require(Permission.READ)
    today = ctx.today
    cache = StatsCache(ctx.session)  # the month, the year and the comparison share rows
    found = posts(ctx, cache)
    unit = found.default_unit
    if unit_id is not None:
        unit = cache.tree().resolve(unit_id)
    month = statistics(ctx, Period.month_of(today), unit.id, cache=cache)
    year = statistics(ctx, Period.year_of(today), unit.id, cache=cache)
    # every post together: the parent holds no dossiers of its own, so take them all
    due_unit = None if found.upper and unit == found.parent else unit.id
    overdue = tuple(
        item
        for item in assessments.due_assessments(ctx.session, today, due_unit)
        if item.status == "overdue"
    )
    comparison: tuple[UnitRow, ...] = ()
    if with_comparison and found.upper:
        assert found.parent is not None
        comparison = unit_comparison(ctx, Period.year_of(today), found.parent.id, cache=cache)
    return DashboardData(today, found, unit, month, year, overdue, comparison, catalogue_names(ctx))


@dataclass(frozen=True)
class ReportData:
    """The statistics of one period and unit, with the posts side by side at an upper unit."""

    stats: Statistics
    comparison: tuple[UnitRow, ...]
    names: CatalogueNames


def period_report(ctx: Ctx, period: Period, unit_id: str) -> ReportData:
    """A periodic report's figures (run it on a worker)."""
    cache = StatsCache(ctx.session)  # the report and its comparison share rows
    figures = statistics(ctx, period, unit_id, cache=cache)
    found = posts(ctx, cache)
    comparison: tuple[UnitRow, ...] = ()
    if found.upper and found.parent is not None and figures.unit == found.parent:
        comparison = unit_comparison(ctx, period, found.parent.id, cache=cache)
    return ReportData(figures, comparison, catalogue_names(ctx))
