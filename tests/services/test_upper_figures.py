"""The upper unit's fast figures are exactly the figures of a read of their own.

A district-like set of three small generated posts under one upper unit: the overview (this
month, this year, the posts side by side, the overdue list) and every periodic report — for
every post and for all of them — must state the same figures, to the last one, as each
figure computed alone, the way the reports computed them before the rows were shared.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from antt_desktop.demo import generate as demo
from antt_desktop.domain.enums import UnitKind
from antt_desktop.domain.periods import Period
from antt_desktop.services import report_rows, stats, stats_assessments, stats_due, stats_pledges
from antt_desktop.services.context import SYSTEM, Ctx
from antt_desktop.services.units import initialise
from antt_desktop.store.database import Database, open_database
from tests.conftest import FakeWall

TODAY = date(2026, 11, 22)
PERIODS = (
    Period.month_of(TODAY),
    Period("month", 2026, 9),
    Period.quarter_of(TODAY),
    Period("quarter", 2026, 2),
    Period.year_of(TODAY),
    Period("year", 2025, 1),
)


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Three generated posts under CAT-TN (the district's generator, a thirtieth of it)."""
    path = tmp_path_factory.mktemp("district") / "upper.sqlite3"
    db = open_database(path, create=True, wall=FakeWall(), fields_key=bytes(range(32)))
    with db.write() as session:
        initialise(
            session,
            unit_code="CAT-TN",
            unit_name="Công an tỉnh Thái Nguyên",
            admin="admin",
            kind=UnitKind.UPPER_UNIT,
        )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(demo, "DISTRICT_COMMUNES", 3)
        demo.generate(db, scale="district", seed=3, today=TODAY, factor=0.02)
    yield db
    db.close()


def _ctx(db: Database) -> Iterator[Ctx]:
    with db.read() as session:
        yield Ctx(session, SYSTEM, TODAY)


def alone(db: Database, period: Period, unit_id: str | None) -> dict[str, object]:
    """The figures of a read of their own (nothing shared), households and pledges counted
    from the records rather than read from the figures kept per post, assessments counted
    through the ORM rather than read as plain rows from the covering indexes."""
    with db.read() as session, pytest.MonkeyPatch.context() as patch:
        patch.setattr(stats_pledges, "pledge_rows", stats_pledges.pledge_rows_counted)
        patch.setattr(stats_assessments, "tallies", stats_assessments.tallies_counted)
        return stats.compute(session, period, unit_id=unit_id, today=TODAY).to_dict()


def compared_alone(db: Database, period: Period, parent_id: str) -> list[dict[str, object]]:
    with db.read() as session, pytest.MonkeyPatch.context() as patch:
        patch.setattr(stats_pledges, "pledge_rows", stats_pledges.pledge_rows_counted)
        patch.setattr(stats_assessments, "tallies", stats_assessments.tallies_counted)
        return [r.to_dict() for r in stats.compare_units(session, period, parent_id, TODAY)]


@pytest.mark.slow
def test_the_overview_states_the_figures_each_read_alone_states(district: Database) -> None:
    for ctx in _ctx(district):
        data = report_rows.dashboard(ctx)
        posts = data.posts
        assert posts.upper and posts.parent is not None and len(posts.posts) == 3
        parent = posts.parent.id
        overdue = [
            i
            for i in stats_due.due_assessments_counted(ctx.session, TODAY, None)
            if i.status == "overdue"
        ]
        one = report_rows.dashboard(ctx, posts.posts[1].id, with_comparison=False)
    assert data.month.to_dict() == alone(district, Period.month_of(TODAY), parent)
    assert data.year.to_dict() == alone(district, Period.year_of(TODAY), parent)
    assert [r.to_dict() for r in data.comparison] == compared_alone(
        district, Period.year_of(TODAY), parent
    )
    assert list(data.overdue) == overdue
    assert one.year.to_dict() == alone(district, Period.year_of(TODAY), posts.posts[1].id)
    assert one.month.to_dict() == alone(district, Period.month_of(TODAY), posts.posts[1].id)
    # the set is not empty: the comparison has something to compare
    assert data.year.managed.persons_open_at_end > 0 and data.overdue
    assert all(r.households > 0 for r in data.comparison)


@pytest.mark.slow
def test_every_report_states_the_figures_each_read_alone_states(district: Database) -> None:
    for ctx in _ctx(district):
        posts = report_rows.posts(ctx)
        assert posts.parent is not None
        units = [posts.parent.id, *(p.id for p in posts.posts)]
        reports = {(p, u): report_rows.period_report(ctx, p, u) for p in PERIODS for u in units}
    for (period, unit_id), report in reports.items():
        assert report.stats.to_dict() == alone(district, period, unit_id), (period, unit_id)
        expected = compared_alone(district, period, unit_id) if unit_id == units[0] else []
        assert [r.to_dict() for r in report.comparison] == expected
