"""One definition of "overdue" (quá hạn nhận xét, :func:`domain.schedule.is_overdue`): the
overview, the dossier list's filter and the year report agree on the demo post.

They used to differ (11 on the overview, 13 in the year report): the report also counted the
missing assessments of dossiers closed during the year, which nobody can write any more.
"""

from __future__ import annotations

from datetime import date

import pytest

from antt_desktop.demo.generate import generate
from antt_desktop.domain.periods import Period
from antt_desktop.domain.schedule import is_overdue
from antt_desktop.services import listing, report_rows
from antt_desktop.services.context import Actor, Ctx

TODAY = date(2026, 12, 6)
CHIEF = Actor("admin", "chief")


@pytest.mark.slow
def test_the_overview_the_list_and_the_year_report_count_the_same(db) -> None:
    generate(db, scale="commune", seed=1, today=TODAY, factor=0.3)
    with db.read() as session:
        ctx = Ctx(session, CHIEF, TODAY)
        overview = report_rows.dashboard(ctx)
        listed = listing.dossier_ids(ctx, listing.DossierFilter(due=listing.OVERDUE_ONLY))
        year = report_rows.statistics(ctx, Period.year_of(TODAY))
    items = overview.overdue
    of_the_year = [i for i in items if i.period.year == TODAY.year]
    assert len(items) >= 3  # the demo leaves some assessments unwritten
    assert year.assessments.total.overdue == len(of_the_year)
    assert overview.year.assessments.total.overdue == len(of_the_year)
    assert set(listed.ids) == {i.dossier_id for i in items}


def test_a_closed_dossier_owes_nothing_overdue() -> None:
    due = date(2026, 10, 5)
    assert is_overdue(due, TODAY, done=False)
    assert not is_overdue(due, TODAY, done=True)
    assert not is_overdue(due, date(2026, 10, 5), done=False)  # due today: not yet late
    assert not is_overdue(due, TODAY, done=False, closed_on=date(2026, 11, 1))
    assert is_overdue(due, TODAY, done=False, closed_on=date(2026, 12, 31))  # closes later
