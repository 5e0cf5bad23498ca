"""Activities of initiatives (hoạt động): recording, refusals and period totals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.activities import (
    ActivityInput,
    ActivityTotals,
    activity_totals,
    record_activity,
)
from antt_desktop.services.initiatives import InitiativeInput, add_initiative, set_status
from antt_desktop.services.units import add_unit
from antt_desktop.store.models import Activity, AuditEntry
from tests.conftest import CHIEF

Q1_START, Q1_END = date(2026, 1, 1), date(2026, 3, 31)


def counts(session: Session) -> tuple[int, int]:
    return tuple(
        session.execute(select(func.count()).select_from(m)).scalar_one()
        for m in (Activity, AuditEntry)
    )  # type: ignore[return-value]


def initiative(ctx: Any, name: str, **kw: Any) -> str:
    data = InitiativeInput(name=name, type_code="BASE_SECURITY", launched_on="01/01/2026")
    return add_initiative(ctx, data, **kw).id


@pytest.fixture
def ini(write: Any) -> str:
    with write() as ctx:
        return initiative(ctx, "An ninh cơ sở phường Hồng Gai")


def drive(ini: str, **changes: Any) -> ActivityInput:
    """A weapon collection drive as typed on the form."""
    data = ActivityInput(
        initiative_id=ini,
        held_on="15/02/2026",
        kind="weapon_collection",
        participants="40",
        guns=2,
        rudimentary_weapons="5",
        bullets="30",
        fireworks=12,
        support_tools=1,
        surrendered=1,
        notes="  Vận động nhân dân giao nộp vũ khí  ",
    )
    return replace(data, **changes)


def test_record_saves_the_activity_and_audits(write: Any, read: Any, ini: str) -> None:
    with write() as ctx:
        activity = record_activity(ctx, drive(ini))
    with read() as ctx:
        saved = ctx.session.get(Activity, activity.id)
        assert (saved.held_on, saved.kind) == (date(2026, 2, 15), "weapon_collection")
        assert (
            saved.participants,
            saved.guns,
            saved.rudimentary_weapons,
            saved.bullets,
            saved.fireworks,
            saved.explosives,
        ) == (40, 2, 5, 30, 12, 0)
        assert saved.notes == "Vận động nhân dân giao nộp vũ khí"
        entry = (
            ctx.session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()))
            .scalars()
            .first()
        )
        assert (entry.action, entry.entity, entry.entity_id) == ("create", "activity", activity.id)
        assert {"guns", "held_on", "kind"} <= set(entry.fields)
        assert "grenades" not in entry.fields


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"initiative_id": None}, "initiative_id", "required"),
        ({"initiative_id": "no-such-initiative"}, "initiative_id", "initiative.unknown"),
        ({"held_on": ""}, "held_on", "required"),
        ({"held_on": "23/11/2026"}, "held_on", "date.future"),
        ({"held_on": "30/02/2026"}, "held_on", "date.invalid"),
        ({"held_on": "hôm qua"}, "held_on", "date.format"),
        ({"held_on": date(2025, 12, 31)}, "held_on", "activity.before_launch"),
        ({"kind": None}, "kind", "required"),
        ({"kind": "party"}, "kind", "activity.kind_unknown"),
        ({"participants": -1}, "participants", "number.negative"),
        ({"guns": "-2"}, "guns", "number.negative"),
        ({"grenades": "một"}, "grenades", "number.invalid"),
        ({"explosives": 1.5}, "explosives", "number.invalid"),
        ({"tips_of_value": -3}, "tips_of_value", "number.negative"),
        ({"cases_mediated": "1,5"}, "cases_mediated", "number.invalid"),
        ({"surrendered": -1}, "surrendered", "number.negative"),
        ({"notes": "x" * 4001}, "notes", "too_long"),
    ],
)
def test_record_refuses_bad_input_and_writes_nothing(
    write: Any, ini: str, changes: dict[str, Any], field: str, code: str
) -> None:
    with write() as ctx:
        before = counts(ctx.session)
        with pytest.raises(ValidationFailed) as exc:
            record_activity(ctx, drive(ini, **changes))
        assert [(p.field, p.code) for p in exc.value.problems] == [(field, code)]
        assert counts(ctx.session) == before


def test_every_bad_quantity_is_named(write: Any, ini: str) -> None:
    with write() as ctx, pytest.raises(ValidationFailed) as exc:
        record_activity(ctx, drive(ini, guns=-1, bullets=-30, kind="party"))
    problems = exc.value.problems
    assert {(p.field, p.code) for p in problems} == {
        ("guns", "number.negative"),
        ("bullets", "number.negative"),
        ("kind", "activity.kind_unknown"),
    }
    tr = Translator("vi")
    assert describe(next(p for p in problems if p.field == "guns"), tr) == (
        "Súng: không được là số âm"
    )


def test_ended_initiative_takes_activities_only_up_to_its_end(write: Any, ini: str) -> None:
    with write() as ctx:
        set_status(ctx, ini, "ended", "31/03/2026")
    with write() as ctx:
        record_activity(ctx, drive(ini, held_on="31/03/2026"))  # the last day still counts
        before = counts(ctx.session)
        with pytest.raises(ValidationFailed) as exc:
            record_activity(ctx, drive(ini, held_on="01/04/2026"))
        problem = exc.value.problems[0]
        assert (problem.field, problem.code) == ("held_on", "activity.after_end")
        assert describe(problem, Translator("vi")) == (
            "Ngày thực hiện: mô hình đã kết thúc hoạt động từ ngày 31/03/2026;"
            " ngày 01/04/2026 sau thời điểm đó"
        )
        assert counts(ctx.session) == before


def test_paused_initiative_still_takes_activities(write: Any, ini: str) -> None:
    with write() as ctx:
        set_status(ctx, ini, "paused")
        assert record_activity(ctx, drive(ini)).guns == 2


@pytest.fixture
def fixture_activities(write: Any) -> dict[str, str]:
    """Two initiatives of this post and one of a neighbouring post, with activities."""
    with write(CHIEF) as ctx:
        a = initiative(ctx, "An ninh cơ sở")
        b = initiative(ctx, "Tổ tự quản khu dân cư")
        other = add_unit(ctx, code="05485", name="Công an xã Yên Trạch")
        c = initiative(ctx, "Camera giám sát ANTT", unit_id=other.id)
        for data in (
            ActivityInput(a, "10/01/2026", "propaganda", participants=120, tips_of_value=3),
            ActivityInput(
                a,
                "15/02/2026",
                "weapon_collection",
                participants=40,
                guns=2,
                rudimentary_weapons=5,
                bullets=30,
                fireworks=12,
                support_tools=1,
                surrendered=1,
            ),
            ActivityInput(a, "20/03/2026", "mediation", participants=8, cases_mediated=2),
            ActivityInput(b, "05/02/2026", "propaganda", participants=60, tips_of_value=1),
            ActivityInput(b, "01/05/2026", "patrol", participants=6),  # after Q1
            ActivityInput(c, "12/02/2026", "propaganda", participants=200, tips_of_value=4),
        ):
            record_activity(ctx, data)
        return {"a": a, "b": b, "c": c, "unit": ctx.local_unit().id, "other": other.id}


def test_totals_of_a_unit_for_a_quarter(read: Any, fixture_activities: dict[str, str]) -> None:
    with read() as ctx:
        totals = activity_totals(
            ctx.session, start=Q1_START, end=Q1_END, unit_id=fixture_activities["unit"]
        )
    assert totals.sessions_by_kind == {"propaganda": 2, "weapon_collection": 1, "mediation": 1}
    assert totals.sessions == 4
    assert totals.participants == 120 + 40 + 8 + 60
    assert totals.tips_of_value == 4
    assert totals.weapons == {
        "guns": 2,
        "rudimentary_weapons": 5,
        "explosives": 0,
        "bullets": 30,
        "grenades": 0,
        "fireworks": 12,
        "support_tools": 1,
    }
    assert (totals.cases_mediated, totals.surrendered) == (2, 1)


def test_totals_of_every_unit_one_initiative_and_inclusive_bounds(
    read: Any, fixture_activities: dict[str, str]
) -> None:
    with read() as ctx:
        s = ctx.session
        everyone = activity_totals(s, start=Q1_START, end=Q1_END)
        one = activity_totals(s, start=Q1_START, end=Q1_END, initiative_id=fixture_activities["a"])
        first_day = activity_totals(s, start=date(2026, 1, 10), end=date(2026, 1, 10))
        other = activity_totals(s, start=Q1_START, end=Q1_END, unit_id=fixture_activities["other"])
        year = activity_totals(
            s, start=date(2026, 1, 1), end=date(2026, 12, 31), initiative_id=fixture_activities["b"]
        )
    assert everyone.sessions_by_kind["propaganda"] == 3
    assert (everyone.participants, everyone.tips_of_value) == (428, 8)
    assert one.sessions_by_kind == {"propaganda": 1, "weapon_collection": 1, "mediation": 1}
    assert one.participants == 168
    assert (first_day.sessions, first_day.participants) == (1, 120)
    assert (other.sessions, other.participants, other.tips_of_value) == (1, 200, 4)
    assert year.sessions_by_kind == {"propaganda": 1, "patrol": 1}


def test_totals_of_an_empty_period_are_zero_and_bad_range_is_a_bug(
    read: Any, fixture_activities: dict[str, str]
) -> None:
    with read() as ctx:
        assert (
            activity_totals(ctx.session, start=date(2025, 1, 1), end=date(2025, 12, 31))
            == ActivityTotals()
        )
        with pytest.raises(ValueError):
            activity_totals(ctx.session, start=Q1_END, end=Q1_START)
