"""The fast reads of the upper unit's figures equal the straightforward computation.

The assessment counts of a period (``stats_assessments.tallies``) and the assessments due
(``stats_due.due_assessments``, the overview's overdue list and the dossier list's due
column) read plain rows from covering indexes; ``tallies_counted`` and
``due_assessments_counted`` read the same through the ORM. On a generated post, after the
writes an officer and the sync import make — assessments written late, corrected
(superseded), settled, removed; rows inserted by plain SQL as an import does; dossiers
closed, transferred, deleted — both give the same figures, to the last one, for every
period and day asked.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update

from antt_desktop.demo.generate import generate
from antt_desktop.domain.periods import Period
from antt_desktop.services import stats_assessments, stats_due
from antt_desktop.services.context import Ctx
from antt_desktop.services.stats_cache import StatsCache
from antt_desktop.services.stats_scope import Scope
from antt_desktop.store.base import Base
from antt_desktop.store.database import Database
from antt_desktop.store.models import Assessment, Dossier

Ctxs = Callable[..., AbstractContextManager[Ctx]]
TODAY = date(2026, 11, 22)
DAYS = (TODAY, date(2026, 10, 5), date(2026, 10, 6), date(2026, 1, 31))
PERIODS = (
    Period.year_of(TODAY),
    Period.quarter_of(TODAY),
    Period.month_of(TODAY),
    Period("month", 2026, 9),
    Period("quarter", 2026, 1),
    Period("year", 2025, 1),
)


def same_figures(read: Ctxs) -> int:
    """Assert the fast and the counted reads agree; return how many assessments are owed
    this year (so a step can show it changed something)."""
    owed = 0
    with read() as ctx:
        s = ctx.session
        _order, rules = StatsCache(s).categories()
        unit = ctx.local_unit().id
        for scope in (Scope(None), Scope(frozenset({unit}))):
            for period in PERIODS:
                for today in DAYS[:2]:
                    fast = stats_assessments.tallies(s, scope, period, today, rules)
                    counted = stats_assessments.tallies_counted(s, scope, period, today, rules)
                    assert fast == counted, (period.label(), today)
        year = stats_assessments.tallies(s, Scope(None), PERIODS[0], TODAY, rules)
        owed = sum(t.due for t in year.values())
        for today in DAYS:
            for unit_id in (None, unit):
                fast_due = stats_due.due_assessments(s, today, unit_id)
                assert fast_due == stats_due.due_assessments_counted(s, today, unit_id), today
    return owed


def overdue(read: Ctxs) -> list[Any]:
    with read() as ctx:
        return [i for i in stats_due.due_assessments(ctx.session, TODAY) if i.status == "overdue"]


def copy_row(ctx: Ctx, table: str, row_id: str, **changes: Any) -> None:
    """Insert a copy of a row by plain SQL, as the sync import writes (no ORM, no service)."""
    columns = [column.name for column in Base.metadata.tables[table].columns]
    values = [f":{c}" if c in changes else c for c in columns]
    ctx.session.execute(
        text(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)}"
            f" FROM {table} WHERE id = :_source"
        ),
        {**changes, "_source": row_id},
    )


@pytest.mark.slow
def test_fast_reads_equal_the_counted_figures_after_every_kind_of_write(
    db: Database, write: Ctxs, read: Ctxs
) -> None:
    generate(db, scale="commune", seed=5, today=TODAY, factor=0.15)
    first = same_figures(read)
    missing = overdue(read)
    assert first > 0 and len(missing) >= 2  # the demo leaves some assessments unwritten

    with write() as ctx:  # the officer writes two missing ones, one of them late
        s = ctx.session
        for item, written in zip(missing[:2], (TODAY, item_due(missing[1])), strict=True):
            s.add(
                Assessment(
                    dossier_id=item.dossier_id,
                    period=item.period.label(),
                    period_start=item.period.start,
                    written_on=written,
                    author="Cán bộ Tâm",
                    content="Chấp hành tốt.",
                )
            )
    assert len(overdue(read)) == len(missing) - 2
    same_figures(read)

    with write() as ctx:  # a correction, a settling correction, one removed, one deleted
        s = ctx.session
        done = s.execute(
            select(Assessment).where(Assessment.deleted.is_(False)).order_by(Assessment.id)
        ).scalars()
        a, b, c, d, e = [next(done) for _ in range(5)]
        fields = {"period": a.period, "period_start": a.period_start, "author": "Cán bộ Tâm"}
        s.add(Assessment(dossier_id=a.dossier_id, written_on=TODAY, content="Sửa", **fields))
        s.add(
            Assessment(
                dossier_id=b.dossier_id,
                period=b.period,
                period_start=b.period_start,
                written_on=b.written_on,
                author="Cán bộ Tâm",
                content="Sửa lại",
                supersedes_id=b.id,
            )
        )
        s.add(
            Assessment(
                dossier_id=c.dossier_id,
                period=c.period,
                period_start=c.period_start,
                written_on=TODAY,
                author="Cán bộ Tâm",
                content="Chọn bản này",
                supersedes_id=c.id,
                settles_id=d.id,
            )
        )
        s.execute(update(Assessment).where(Assessment.id == e.id).values(deleted=True))
    same_figures(read)

    with write() as ctx:  # the import: rows inserted and removed by plain SQL
        s = ctx.session
        rows = s.execute(select(Assessment.id, Assessment.dossier_id).limit(4)).all()
        copy_row(ctx, "assessments", rows[0].id, id="imported-1", written_on="2026-11-30")
        copy_row(ctx, "assessments", rows[1].id, id="imported-2", supersedes_id=rows[1].id)
        s.execute(delete(Assessment).where(Assessment.id.in_([rows[2].id, rows[3].id])))
    before = same_figures(read)

    with write() as ctx:  # dossiers closed, transferred away and deleted
        s = ctx.session
        ids = list(
            s.execute(
                select(Dossier.id).where(Dossier.status == "open").order_by(Dossier.id).limit(3)
            ).scalars()
        )
        s.execute(
            update(Dossier)
            .where(Dossier.id == ids[0])
            .values(status="closed", closed_on=date(2026, 10, 15), close_reason="other")
        )
        s.execute(update(Dossier).where(Dossier.id == ids[1]).values(status="transferred"))
        s.execute(update(Dossier).where(Dossier.id == ids[2]).values(deleted=True))
    assert same_figures(read) < before  # a transferred or deleted dossier owes nothing


def item_due(item: Any) -> date:
    """The day after an item's due date: written late."""
    return date.fromordinal(item.due_on.toordinal() + 1)
