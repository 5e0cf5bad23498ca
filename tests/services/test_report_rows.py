"""What the overview, the reports page and ``antt stats`` read: the posts and the unit they
are compared under, the figures with the overdue assessments, and the catalogue names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import catalogues, report_rows
from antt_desktop.services.context import Actor
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_unit
from antt_desktop.store.database import Database
from tests.conftest import CHIEF

Ctxs = Callable[..., Any]
YEAR = Period("year", 2026, 1)
VI, EN = Translator("vi"), Translator("en")
VIEWER = Actor("xem1", "viewer")


def add_post(write: Ctxs, code: str, name: str) -> str:
    with write(CHIEF) as ctx:
        upper = ctx.unit_by_code("CAT-HN").id
        return add_unit(ctx, code=code, name=name, parent_id=upper).id


def managed(write: Ctxs, name: str, unit_id: str | None = None) -> str:
    """A person with a monthly dossier opened in August: September's assessment is overdue
    on 22/11/2026."""
    with write() as ctx:
        person = add_person(ctx, PersonInput(full_name=name, born="1990", sex="M"), unit_id=unit_id)
        return open_dossier(ctx, DossierInput(person.person.id, "SUSPENDED", "10/08/2026")).id


def test_a_single_post_shows_itself_with_nothing_to_compare(write: Ctxs, read: Ctxs) -> None:
    managed(write, "Nguyễn Văn Hùng")
    with read() as ctx:
        posts = report_rows.posts(ctx)
        data = report_rows.dashboard(ctx)
    assert posts.upper is False and posts.default_unit == posts.local
    assert posts.local.code == "00070"
    assert data.unit == posts.local and data.comparison == ()
    assert data.year.managed.persons_open_at_end == 1
    # August to October are past their due day (the 5th of the next month); November is not
    assert [(i.person_name, i.period.label(), i.status) for i in data.overdue] == [
        ("Nguyễn Văn Hùng", "2026-08", "overdue"),
        ("Nguyễn Văn Hùng", "2026-09", "overdue"),
        ("Nguyễn Văn Hùng", "2026-10", "overdue"),
    ]


def test_an_upper_unit_sees_its_posts_together_and_side_by_side(write: Ctxs, read: Ctxs) -> None:
    other = add_post(write, "00071", "Công an phường Ba Đình")
    managed(write, "Nguyễn Văn Hùng")
    managed(write, "Trần Văn Nam", other)
    managed(write, "Lê Văn Cường", other)
    with read() as ctx:
        posts = report_rows.posts(ctx)
        together = report_rows.dashboard(ctx)
        one = report_rows.dashboard(ctx, other, with_comparison=False)
        report = report_rows.period_report(ctx, YEAR, "CAT-HN")
        post_report = report_rows.period_report(ctx, YEAR, other)
    assert posts.upper and posts.parent is not None and posts.parent.code == "CAT-HN"
    assert [p.code for p in posts.posts] == ["00070", "00071"]
    assert together.unit == posts.parent and together.year.managed.persons_open_at_end == 3
    assert {i.person_name for i in together.overdue} == {
        "Nguyễn Văn Hùng",
        "Trần Văn Nam",
        "Lê Văn Cường",
    }
    side = {r.unit.code: r.managed_open for r in together.comparison}
    assert side == {"00070": 1, "00071": 2}
    assert one.unit.id == other and one.comparison == ()
    assert {i.person_name for i in one.overdue} == {"Trần Văn Nam", "Lê Văn Cường"}
    # the report of every post compares them; a single post's report does not
    assert [r.unit.code for r in report.comparison] == ["00070", "00071"]
    assert post_report.stats.managed.persons_open_at_end == 2 and post_report.comparison == ()


def test_comparing_more_posts_takes_no_more_queries(db: Database, write: Ctxs, read: Ctxs) -> None:
    def queries() -> int:
        statements: list[int] = []

        def count(*_args: object) -> None:
            statements.append(1)

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            with read() as ctx:
                report_rows.dashboard(ctx)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(statements)

    add_post(write, "00071", "Công an phường Ba Đình")
    before = queries()
    for i in range(2, 6):
        unit_id = add_post(write, f"0007{i}", f"Công an phường số {i}")
        managed(write, f"Nguyễn Văn {i}", unit_id)
    assert queries() == before


def test_catalogue_names_in_either_language(read: Ctxs) -> None:
    with read(VIEWER) as ctx:
        names = report_rows.catalogue_names(ctx)
    assert names.category("SUSPENDED", VI) != names.category("SUSPENDED", EN)
    assert names.category("SUSPENDED", EN) == "Suspended sentence"
    assert names.of(catalogues.TEAM_KIND, "mediation", VI) == "Tổ hòa giải"
    assert names.of(catalogues.TEAM_KIND, "mediation", EN) == "Mediation team"
    assert names.of(catalogues.TEAM_KIND, "no-such-kind", VI) == "no-such-kind"


def test_figures_are_judged_on_the_day_of_the_read(write: Ctxs, read: Ctxs) -> None:
    managed(write, "Nguyễn Văn Hùng")
    with read(today=date(2026, 9, 1)) as ctx:
        early = report_rows.dashboard(ctx)
    with read() as ctx:
        late = report_rows.dashboard(ctx)
    assert early.today == date(2026, 9, 1) and early.overdue == ()
    assert late.overdue


def test_a_role_that_may_not_read_sees_no_figures(read: Ctxs) -> None:
    with read(Actor("cu", "retired")) as ctx:
        with pytest.raises(PermissionDenied):
            report_rows.dashboard(ctx)
        with pytest.raises(PermissionDenied):
            report_rows.statistics(ctx, YEAR)
