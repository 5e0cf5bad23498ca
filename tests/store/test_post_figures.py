"""The figures kept per post follow every write to households and pledges, in its transaction,
and can be counted again from the records.

Households and pledges are written here the way the sync import and the services leave them
(rows added, changed, marked deleted, removed); after each step the kept figures give the
same pledge rows as counting every household afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from sqlalchemy import delete, text, update

from antt_desktop.services.context import Ctx
from antt_desktop.services.stats_pledges import PledgeRow, pledge_rows, pledge_rows_counted
from antt_desktop.services.stats_scope import Scope
from antt_desktop.services.units import add_area
from antt_desktop.store import post_figures
from antt_desktop.store.database import Database
from antt_desktop.store.models import Household, Pledge

Ctxs = Callable[..., AbstractContextManager[Ctx]]
YEARS = (2025, 2026, 2027)


def rows(ctx: Ctx, *, counted: bool) -> dict[int, list[PledgeRow]]:
    read = pledge_rows_counted if counted else pledge_rows
    return {
        y: sorted(read(ctx.session, Scope(None), y), key=lambda r: (r.unit_id, r.area_id or ""))
        for y in YEARS
    }


def same_as_counted(read: Ctxs) -> dict[int, list[PledgeRow]]:
    with read() as ctx:
        kept, counted = rows(ctx, counted=False), rows(ctx, counted=True)
    assert kept == counted
    return kept


def add(ctx: Ctx, obj: Any) -> Any:
    ctx.session.add(obj)
    ctx.session.flush()
    return obj


def test_kept_figures_follow_every_write(write: Ctxs, read: Ctxs) -> None:
    with write() as ctx:
        west, east = add_area(ctx, name="Thôn Tây"), add_area(ctx, name="Thôn Đông")
        unit_id = ctx.local_unit().id
        homes = [
            add(ctx, Household(unit_id=unit_id, number=f"HK{i}", area_id=area))
            for i, area in enumerate([west.id, west.id, east.id, None])
        ]
        for home, cultured in zip(homes[:3], (True, False, None), strict=True):
            add(
                ctx,
                Pledge(household_id=home.id, year=2026, status="signed", cultured_family=cultured),
            )
        add(ctx, Pledge(household_id=homes[0].id, year=2025, status="refused"))
    before = same_as_counted(read)
    assert sum(r.households for r in before[2026]) == 4
    assert sum(r.signed for r in before[2026]) == 3

    with write() as ctx:  # a pledge broken, a household moving area, one leaving the register
        s = ctx.session
        s.execute(
            update(Pledge)
            .where(Pledge.household_id == homes[1].id, Pledge.year == 2026)
            .values(status="violated", cultured_family=None)
        )
        s.execute(update(Household).where(Household.id == homes[0].id).values(area_id=east.id))
        s.execute(update(Household).where(Household.id == homes[2].id).values(deleted=True))
    after = same_as_counted(read)
    assert sum(r.households for r in after[2026]) == 3
    assert [sum(r.violated for r in after[2026]), sum(r.signed for r in after[2026])] == [1, 1]

    with write() as ctx:  # a household back on the register, a pledge removed outright
        s = ctx.session
        s.execute(update(Household).where(Household.id == homes[2].id).values(deleted=False))
        s.execute(delete(Pledge).where(Pledge.household_id == homes[0].id, Pledge.year == 2025))
        add(ctx, Pledge(household_id=homes[3].id, year=2027, status="signed"))
    last = same_as_counted(read)
    assert sum(r.refused for r in last[2025]) == 0 and sum(r.signed for r in last[2027]) == 1


def test_a_write_rolled_back_leaves_the_figures_as_they_were(
    db: Database, write: Ctxs, read: Ctxs
) -> None:
    with write() as ctx:
        home = add(ctx, Household(unit_id=ctx.local_unit().id, number="HK1"))
    before = same_as_counted(read)
    with pytest.raises(RuntimeError), write() as ctx:
        add(ctx, Pledge(household_id=home.id, year=2026, status="signed"))
        raise RuntimeError("the officer's save failed half-way")
    assert same_as_counted(read) == before


def test_the_figures_are_counted_again_on_demand(db: Database, write: Ctxs, read: Ctxs) -> None:
    with write() as ctx:
        home = add(ctx, Household(unit_id=ctx.local_unit().id, number="HK1"))
        add(ctx, Pledge(household_id=home.id, year=2026, status="signed"))
    expected = same_as_counted(read)
    with write() as ctx:  # figures gone wrong (a hand edit of the file, say)
        ctx.session.execute(text("UPDATE post_pledge_figures SET n = n + 5"))
    with read() as ctx:
        assert rows(ctx, counted=False) != expected
    with write() as ctx:
        post_figures.rebuild(ctx.session.connection())
    assert same_as_counted(read) == expected
