"""Statistics a periodic report prints, from hand-built records whose every figure is known.

The post 00070 sits under CAT-HN; a second post 00071 is added where a test needs two units.
Today is 22/11/2026 throughout.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from datetime import date

import pytest
from sqlalchemy import event

from antt_desktop.domain.enums import CloseReason, CommendationKind, FundingSource
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.periods import Period
from antt_desktop.domain.rates import Change, Ratio
from antt_desktop.domain.text import fold, sort_key
from antt_desktop.i18n.formatting import fmt_change, fmt_ratio
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.texts.stats import LABELS
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import stats, stats_model
from antt_desktop.services.stats_initiatives import ITEMS
from antt_desktop.services.stats_model import AssessmentFigures, CategoryFigures, PledgeFigures
from antt_desktop.services.units import add_area, add_unit
from antt_desktop.store.models import (
    Activity,
    Assessment,
    Commendation,
    Dossier,
    Evaluation,
    Household,
    IndicatorSnapshot,
    Initiative,
    InitiativeAsset,
    InitiativeFunding,
    Person,
    Pledge,
    Team,
    TeamMember,
    Unit,
    Violation,
)
from tests.conftest import CHIEF

TODAY = date(2026, 11, 22)
OCT, Q3, YEAR = Period("month", 2026, 10), Period("quarter", 2026, 3), Period("year", 2026, 1)
VI = Translator("vi")


def add(ctx, obj):
    ctx.session.add(obj)
    ctx.session.flush()
    return obj


def unit(ctx, code):
    return ctx.unit_by_code(code)


def second_post(ctx):
    return add_unit(
        ctx, code="00071", name="Công an phường Ba Đình", parent_id=unit(ctx, "CAT-HN").id
    )


def person(ctx, unit_id, name="Nguyễn Văn An"):
    return add(
        ctx,
        Person(unit_id=unit_id, full_name=name, name_folded=fold(name), sort_key=sort_key(name)),
    )


def dossier(
    ctx,
    unit_id,
    category,
    opened,
    closed=None,
    reason=None,
    *,
    who=None,
    status=None,
    classification=None,
):
    who = who or person(ctx, unit_id)
    return add(
        ctx,
        Dossier(
            unit_id=unit_id,
            person_id=who.id,
            category_code=category,
            opened_on=opened,
            closed_on=closed,
            close_reason=reason,
            classification=classification,
            status=status or ("closed" if closed else "open"),
        ),
    )


def assess(ctx, d, label, written, supersedes=None):
    return add(
        ctx,
        Assessment(
            dossier_id=d.id,
            period=label,
            period_start=Period.parse(label).start,
            written_on=written,
            author="Thượng úy Lê Văn Hùng",
            content="Chấp hành tốt",
            supersedes_id=supersedes.id if supersedes else None,
        ),
    )


def compute(read, period, unit_id=None, today=TODAY):
    with read() as ctx:
        return stats.compute(ctx.session, period, unit_id=unit_id, today=today)


# --- managed persons -----------------------------------------------------------------------


@pytest.fixture
def managed(write):
    with write() as ctx:
        p = unit(ctx, "00070").id
        twice = person(ctx, p, "Trần Văn Bình")
        dossier(ctx, p, "SUSPENDED", date(2026, 9, 5))
        dossier(ctx, p, "SUSPENDED", date(2026, 10, 3), who=twice)
        dossier(ctx, p, "SUSPENDED", date(2026, 1, 10), date(2026, 10, 20), "term_completed")
        dossier(ctx, p, "SUSPENDED", date(2026, 11, 2))
        dossier(ctx, p, "DRUG_USER", date(2025, 10, 1), date(2026, 10, 15), "moved_away")
        dossier(ctx, p, "DRUG_USER", date(2025, 5, 1), date(2026, 9, 30), "deceased")
        dossier(ctx, p, "DRUG_USER", date(2026, 2, 1), status="transferred")
        dossier(ctx, p, "RELEASED", date(2024, 1, 1), who=twice)
        gone = dossier(ctx, p, "SUSPENDED", date(2026, 10, 1))
        gone.deleted = True


def test_managed_persons_of_a_month(managed, read):
    figures = compute(read, OCT).managed
    assert figures.by_category["SUSPENDED"] == CategoryFigures(2, 1, 1, {"term_completed": 1})
    assert figures.by_category["DRUG_USER"] == CategoryFigures(0, 0, 1, {"moved_away": 1})
    assert figures.by_category["RELEASED"] == CategoryFigures(1, 0, 0, {})
    assert figures.by_category["WANTED"] == CategoryFigures()
    assert list(figures.by_category)[:3] == ["RELEASED", "SUSPENDED", "NON_CUSTODIAL"]
    assert figures.total == CategoryFigures(3, 1, 2, {"moved_away": 1, "term_completed": 1})
    assert figures.persons_open_at_end == 2  # Trần Văn Bình has two dossiers


def test_managed_persons_of_a_quarter_and_a_year(managed, read):
    q3 = compute(read, Q3).managed
    assert q3.by_category["SUSPENDED"] == CategoryFigures(2, 1, 0, {})
    # closed on the quarter's last day: no longer open at its end; transferred: not counted
    assert q3.by_category["DRUG_USER"] == CategoryFigures(1, 0, 1, {"deceased": 1})
    year = compute(read, YEAR).managed
    assert year.by_category["SUSPENDED"] == CategoryFigures(3, 4, 1, {"term_completed": 1})
    assert year.by_category["DRUG_USER"] == CategoryFigures(
        0, 1, 2, {"deceased": 1, "moved_away": 1}
    )


# --- assessments ---------------------------------------------------------------------------


@pytest.fixture
def assessed(write):
    """A monthly dossier (one late, one missing, one corrected), a monthly dossier closed in
    September, a quarterly dossier and a wanted person (no assessments)."""
    with write() as ctx:
        p = unit(ctx, "00070").id
        d1 = dossier(ctx, p, "SUSPENDED", date(2026, 7, 15))
        assess(ctx, d1, "2026-07", date(2026, 8, 3))
        assess(ctx, d1, "2026-08", date(2026, 9, 10))  # due 05/09: late
        first = assess(ctx, d1, "2026-10", date(2026, 11, 2))
        assess(ctx, d1, "2026-10", date(2026, 11, 20), supersedes=first)
        d2 = dossier(ctx, p, "SUSPENDED", date(2026, 8, 20), date(2026, 9, 10), "term_completed")
        assess(ctx, d2, "2026-08", date(2026, 9, 2))
        d3 = dossier(ctx, p, "PROBATION", date(2026, 5, 1))
        assess(ctx, d3, "2026-Q2", date(2026, 7, 4))
        dossier(ctx, p, "WANTED", date(2026, 1, 1))


@pytest.mark.parametrize(
    ("period", "suspended", "probation"),
    [
        # October: d1 owes October, done on time (the correction is not a second one);
        # d2 closed in September owes nothing; a quarter is not owed in its first month.
        (OCT, (1, 1, 0, 0), (0, 0, 0, 0)),
        # September: d1 and d2 both missing; d1 overdue since 05/10, d2 closed (owes it, not
        # done, but no longer overdue: is_overdue); d3 owes Q3, overdue.
        (Period("month", 2026, 9), (2, 0, 0, 1), (1, 0, 0, 1)),
        # November is owed but not due until 05/12.
        (Period("month", 2026, 11), (1, 0, 0, 0), (0, 0, 0, 0)),
        (Q3, (5, 3, 1, 1), (1, 0, 0, 1)),
        (Period("quarter", 2026, 2), (0, 0, 0, 0), (1, 1, 0, 0)),
        # the year: d1 Jul-Dec (6), d2 Aug-Sep (2); d3 Q2-Q4 (3)
        (YEAR, (8, 4, 1, 1), (3, 1, 0, 1)),
    ],
)
def test_assessments_due_done_late_and_overdue(assessed, read, period, suspended, probation):
    figures = compute(read, period).assessments
    expected = {"SUSPENDED": suspended, "PROBATION": probation}
    for code, (due, done, late, overdue) in expected.items():
        assert figures.by_category[code] == AssessmentFigures(
            due, done, late, overdue, Ratio(done, due)
        ), code
    assert "WANTED" not in figures.by_category
    total = [sum(x) for x in zip(suspended, probation, strict=True)]
    assert figures.total == AssessmentFigures(*total, Ratio(total[1], total[0]))


def test_overdue_depends_on_today(assessed, read):
    early = compute(read, Q3, today=date(2026, 10, 5)).assessments.total
    assert (early.due, early.done, early.overdue) == (6, 3, 0)  # due by 05/10, not yet late
    late = compute(read, Q3, today=date(2026, 10, 6)).assessments.total
    assert late.overdue == 2  # d2's September: missing, but d2 is closed


def test_a_closed_dossier_stops_being_due(write, read):
    with write() as ctx:
        d = dossier(
            ctx,
            unit(ctx, "00070").id,
            "DRUG_USER",
            date(2026, 1, 20),
            date(2026, 4, 1),
            "term_completed",
        )
        for month in ("2026-01", "2026-02", "2026-03", "2026-04"):
            assess(ctx, d, month, date(2026, int(month[-2:]) + 1, 2))
    year = compute(read, YEAR).assessments.by_category["DRUG_USER"]
    assert (year.due, year.done, year.overdue) == (4, 4, 0)  # April: closed on its 1st day
    assert compute(read, Period("month", 2026, 5)).assessments.total.due == 0


# --- released persons: classification and re-offence ---------------------------------------


@pytest.fixture
def released(write):
    """21 released persons (seed 003): 2 re-offend in Q3, one only breaks an administrative
    rule, one re-offended back in 2025; a 22nd was released after the year."""
    with write() as ctx:
        p = unit(ctx, "00070").id
        classes = ["A"] * 10 + ["B"] * 6 + ["C"] * 3 + ["D"] + [None]
        people = []
        for i, cls in enumerate(classes):
            who = person(ctx, p, f"Lê Văn Hải {i}")
            dossier(ctx, p, "RELEASED", date(2025, 1, 10), who=who, classification=cls)
            people.append(who)
        dossier(ctx, p, "RELEASED", date(2027, 1, 5), classification="A")
        for who, day, again in [
            (people[0], date(2026, 8, 15), True),
            (people[1], date(2026, 9, 20), True),
            (people[1], date(2026, 9, 25), True),  # the same person counts once
            (people[2], date(2026, 8, 1), False),
            (people[3], date(2025, 6, 1), True),
        ]:
            add(
                ctx,
                Violation(
                    person_id=who.id,
                    occurred_on=day,
                    kind="administrative",
                    description="Gây rối trật tự công cộng",
                    is_reoffence=again,
                ),
            )


def test_reoffence_rate_of_released_persons(released, read):
    rate = compute(read, Q3).reoffence
    assert rate == Ratio(2, 21)
    assert rate.percent == pytest.approx(9.5238, abs=1e-4)
    assert fmt_ratio(rate, VI) == "2/21 = 9,5%"
    assert fmt_ratio(Ratio(3813, 4000), VI) == "3.813/4.000 = 95,3%"  # thousands marked
    assert fmt_ratio(Ratio(3813, 4000), Translator("en")) == "3,813/4,000 = 95.3%"
    assert compute(read, YEAR).reoffence == Ratio(2, 21)
    assert compute(read, OCT).reoffence == Ratio(0, 21)
    assert compute(read, Period("year", 2025, 1)).reoffence == Ratio(1, 21)


def test_classification_of_released_persons(released, read):
    figures = compute(read, OCT).classification
    assert figures.by_class == {"A": 10, "B": 6, "C": 3, "D": 1}
    assert (figures.unclassified, figures.total) == (1, 21)


# --- household pledges ---------------------------------------------------------------------


@pytest.fixture
def pledged(write):
    with write() as ctx:
        p = unit(ctx, "00070").id
        west, east = add_area(ctx, name="Thôn Tây"), add_area(ctx, name="Thôn Đông")
        outcomes = {
            west.id: [
                ("signed", True),
                ("signed", True),
                ("signed", False),
                ("refused", None),
                None,
            ],
            east.id: [("violated", None), ("signed", True), None],
            None: [("signed", None)],
        }
        n = 0
        for area_id, pledges in outcomes.items():
            for outcome in pledges:
                n += 1
                h = add(ctx, Household(unit_id=p, number=f"HK{n:03d}", area_id=area_id))
                if outcome:
                    add(
                        ctx,
                        Pledge(
                            household_id=h.id,
                            year=2026,
                            status=outcome[0],
                            cultured_family=outcome[1],
                        ),
                    )
                add(ctx, Pledge(household_id=h.id, year=2025, status="signed"))
        gone = add(ctx, Household(unit_id=p, number="HK999", area_id=west.id))
        add(ctx, Pledge(household_id=gone.id, year=2026, status="signed"))
        gone.deleted = True
        return {"west": west.id, "east": east.id}


def test_pledge_coverage_per_area_and_in_total(pledged, read):
    figures = compute(read, OCT).pledges
    assert figures.year == 2026
    assert [(a.unit_code, a.area_name) for a in figures.by_area] == [
        ("00070", "Thôn Đông"),
        ("00070", "Thôn Tây"),
        ("00070", None),
    ]
    east, west, no_area = (a.figures for a in figures.by_area)
    # the household that broke its pledge had signed it: counted as signed, shown apart
    assert east == PledgeFigures(3, 1, 0, 1, 1, 1, Ratio(2, 3))
    assert west == PledgeFigures(5, 3, 1, 0, 1, 2, Ratio(3, 5))
    assert no_area == PledgeFigures(1, 1, 0, 0, 0, 0, Ratio(1, 1))
    assert figures.total == PledgeFigures(9, 5, 1, 1, 2, 3, Ratio(6, 9))
    assert fmt_ratio(figures.total.coverage, VI) == "6/9 = 66,7%"
    last_year = compute(read, Period("quarter", 2025, 4)).pledges.total
    assert (last_year.signed, last_year.coverage) == (9, Ratio(9, 9))


def test_a_corrected_period_is_no_longer_done(write, read):
    """An assessment filed for September, corrected to October: September is missing."""
    with write() as ctx:
        d = dossier(ctx, unit(ctx, "00070").id, "SUSPENDED", date(2026, 9, 1))
        wrong = assess(ctx, d, "2026-09", date(2026, 10, 2))
        assess(ctx, d, "2026-10", date(2026, 11, 3), supersedes=wrong)
    sep = compute(read, Period("month", 2026, 9)).assessments.total
    assert (sep.due, sep.done, sep.overdue) == (1, 0, 1)
    assert compute(read, OCT).assessments.total.done == 1


# --- initiatives, activities, evaluations, teams, commendations ----------------------------


@pytest.fixture
def movement(write):
    with write() as ctx:
        p = unit(ctx, "00070").id
        area = add_area(ctx, name="Tổ dân phố 3")

        def initiative(type_code, launched, status="active", ended=None, members=None):
            return add(
                ctx,
                Initiative(
                    unit_id=p,
                    name=f"Mô hình {type_code}",
                    type_code=type_code,
                    launched_on=launched,
                    status=status,
                    ended_on=ended,
                    member_count=members,
                ),
            )

        cameras = initiative("CAMERA", date(2024, 3, 1), members=12)
        street = initiative("SELF_MANAGED", date(2026, 10, 5), members=8)
        old = initiative("SELF_MANAGED", date(2020, 1, 1), "ended", date(2026, 6, 30), 30)
        initiative("CAMERA", date(2023, 1, 1), "paused", members=5)
        initiative("OTHER", date(2026, 11, 10))
        for owner, amount, source in [
            (cameras, 1_200_000_000, "community"),
            (cameras, 300_000_000, "state_budget"),
            (street, 100_000_000, "community"),
            (old, 50_000_000, "other"),
        ]:
            add(ctx, InitiativeFunding(initiative_id=owner.id, amount_vnd=amount, source=source))
        add(ctx, InitiativeAsset(initiative_id=cameras.id, kind="Camera", count=372))
        add(ctx, InitiativeAsset(initiative_id=street.id, kind="Camera", count=25))
        add(ctx, InitiativeAsset(initiative_id=old.id, kind="Loa phát thanh", count=4))

        for owner, day, kind, values in [
            (cameras, date(2026, 10, 2), "meeting", {"participants": 400}),
            (cameras, date(2026, 10, 10), "propaganda", {"participants": 250, "tips_of_value": 3}),
            (
                street,
                date(2026, 10, 20),
                "weapon_collection",
                {
                    "guns": 2,
                    "rudimentary_weapons": 5,
                    "explosives": 1,
                    "bullets": 30,
                    "surrendered": 1,
                },
            ),
            (street, date(2026, 10, 25), "mediation", {"cases_mediated": 4}),
            (street, date(2026, 10, 31), "tip", {"tips_of_value": 2}),
            (cameras, date(2026, 9, 30), "meeting", {"participants": 999}),
            (cameras, date(2026, 11, 1), "propaganda", {"participants": 999}),
        ]:
            add(ctx, Activity(initiative_id=owner.id, held_on=day, kind=kind, **values))

        def evaluation(day, total, max_total, meets, supersedes=None, **subject):
            return add(
                ctx,
                Evaluation(
                    evaluated_on=day,
                    rubric_code="ANCS_2021",
                    total=total,
                    max_total=max_total,
                    meets_standard=meets,
                    supersedes_id=supersedes.id if supersedes else None,
                    **subject,
                ),
            )

        evaluation(date(2026, 10, 15), 98, 110, True, initiative_id=cameras.id)
        first = evaluation(date(2026, 10, 20), 70, 100, False, area_id=area.id)
        evaluation(date(2026, 10, 28), 85, 100, True, first, area_id=area.id)
        evaluation(date(2026, 10, 5), 60, 110, False, unit_id=p)
        evaluation(date(2026, 9, 5), 99, 110, True, unit_id=p)

        def team(kind, founded, active=True, members=()):
            t = add(
                ctx,
                Team(unit_id=p, kind=kind, name=f"Tổ {kind}", founded_on=founded, active=active),
            )
            for joined, left in members:
                add(
                    ctx,
                    TeamMember(team_id=t.id, name="Hoàng Văn Minh", joined_on=joined, left_on=left),
                )

        team(
            "people_security",
            date(2020, 1, 1),
            members=[
                (None, None),
                (date(2025, 1, 1), None),
                (None, date(2026, 9, 1)),
                (date(2026, 11, 5), None),
            ],
        )
        team("mediation", date(2026, 10, 10), members=[(None, None)])
        team("mediation", date(2019, 1, 1), active=False, members=[(None, None)])
        team("people_security", date(2026, 11, 1), members=[(None, None)])

        for kind, day in [
            ("giay_khen", date(2026, 10, 12)),
            ("giay_khen", date(2026, 10, 30)),
            ("bang_khen", date(2026, 10, 1)),
            ("giay_khen", date(2026, 9, 30)),
        ]:
            add(
                ctx,
                Commendation(
                    unit_id=p,
                    kind=kind,
                    issuer="UBND phường Hoàn Kiếm",
                    decision_number="844/QĐ-UBND",
                    decision_date=day,
                    recipient_kind="text",
                    recipient_name="Tổ ANTT số 1",
                    achievement="Có thành tích xuất sắc",
                ),
            )


def test_initiatives_active_new_funding_and_assets(movement, read):
    figures = compute(read, OCT).initiatives
    assert (figures.active, figures.new, figures.members) == (2, 1, 20)
    assert figures.active_by_type["CAMERA"] == 1
    assert figures.active_by_type["SELF_MANAGED"] == 1
    assert figures.active_by_type["OTHER"] == 0
    assert figures.new_by_type["SELF_MANAGED"] == 1
    assert figures.funding_by_source == {
        "state_budget": 300_000_000,
        "community": 1_300_000_000,
        "other": 0,
    }
    assert figures.funding_total == 1_600_000_000
    assert figures.assets == {"Camera": 397}
    year = compute(read, YEAR).initiatives
    assert (year.active, year.new) == (3, 2)
    first_quarter = compute(read, Period("quarter", 2026, 1)).initiatives
    assert first_quarter.active_by_type["SELF_MANAGED"] == 1  # ended only on 30/06
    assert first_quarter.assets == {"Camera": 372, "Loa phát thanh": 4}


def test_activity_results_of_the_period(movement, read):
    figures = compute(read, OCT).activities
    assert (figures.sessions, figures.participants) == (5, 650)
    assert (figures.by_kind["meeting"].sessions, figures.by_kind["meeting"].participants) == (
        1,
        400,
    )
    assert figures.by_kind["patrol"].sessions == 0
    assert (figures.tips_of_value, figures.cases_mediated, figures.surrendered) == (5, 4, 1)
    assert figures.items == {
        "guns": 2,
        "rudimentary_weapons": 5,
        "explosives": 1,
        "bullets": 30,
        "grenades": 0,
        "fireworks": 0,
        "support_tools": 0,
    }


def test_evaluations_teams_and_commendations(movement, read):
    figures = compute(read, OCT)
    # the corrected area evaluation counts once, with its corrected result
    assert figures.evaluations.count == 3
    assert figures.evaluations.meeting_standard == Ratio(2, 3)
    assert (figures.teams.teams, figures.teams.members) == (2, 3)
    assert (
        figures.teams.by_kind["people_security"].teams,
        figures.teams.by_kind["people_security"].members,
    ) == (1, 2)
    assert figures.teams.by_kind["mediation"].teams == 1
    assert figures.commendations.total == 3
    assert figures.commendations.by_kind == {"giay_khen": 2, "bang_khen": 1, "giay_chung_nhan": 0}


# --- before / after ------------------------------------------------------------------------


def snapshot(ctx, unit_id, label, indicator, value):
    add(
        ctx,
        IndicatorSnapshot(
            unit_id=unit_id,
            period=label,
            period_start=Period.parse(label).start,
            indicator=indicator,
            value=value,
        ),
    )


@pytest.fixture
def indicators(write):
    with write(CHIEF) as ctx:
        p, q = unit(ctx, "00070").id, second_post(ctx).id
        for unit_id, label, name, value in [
            (p, "2026-Q2", "crime_tips", 7),
            (p, "2026-Q3", "crime_tips", 4),
            (p, "2026-Q2", "criminal_cases", 3),
            (p, "2026-Q3", "criminal_cases", 2),
            (p, "2026-Q3", "traffic_accidents", 10),  # no earlier value: left out
            (q, "2026-Q2", "crime_tips", 5),
            (q, "2026-Q3", "crime_tips", 6),
            (p, "2025", "traffic_accidents", 15),
            (p, "2026", "traffic_accidents", 10),
        ]:
            snapshot(ctx, unit_id, label, name, value)


def test_before_and_after_of_a_post(indicators, read):
    changes = compute(read, Q3, "00070").indicators
    assert changes == {"crime_tips": Change(7, 4), "criminal_cases": Change(3, 2)}
    assert changes["crime_tips"].direction == "down"
    assert changes["crime_tips"].percent == pytest.approx(42.857, abs=1e-3)
    assert fmt_change(changes["crime_tips"], VI) == "giảm 42,9% (4/7)"
    assert fmt_change(changes["criminal_cases"], VI) == "giảm 33,3% (2/3)"
    year = compute(read, YEAR, "00070").indicators
    assert year == {"traffic_accidents": Change(15, 10)}


def test_before_and_after_of_an_upper_unit(indicators, write, read):
    assert compute(read, Q3, "CAT-HN").indicators["crime_tips"] == Change(12, 10)
    assert compute(read, Q3).indicators["crime_tips"] == Change(12, 10)
    with write() as ctx:  # the upper unit's own count replaces the sum of its posts
        upper = unit(ctx, "CAT-HN").id
        snapshot(ctx, upper, "2026-Q2", "crime_tips", 20)
        snapshot(ctx, upper, "2026-Q3", "crime_tips", 15)
    assert compute(read, Q3, "CAT-HN").indicators["crime_tips"] == Change(20, 15)
    assert compute(read, Q3, "00071").indicators == {"crime_tips": Change(5, 6)}


# --- units: filter, upper unit, comparison -------------------------------------------------


def post_records(
    ctx, unit_id, *, overdue, done, households, signed, initiatives, results, batch="A"
):
    """Monthly dossiers (``overdue`` without, ``done`` with an October assessment), households
    (``signed`` of them pledged for 2026), active initiatives; ``results`` go to the first."""
    for _ in range(overdue):
        dossier(ctx, unit_id, "SUSPENDED", date(2026, 1, 1))
    for _ in range(done):
        assess(
            ctx, dossier(ctx, unit_id, "SUSPENDED", date(2026, 1, 1)), "2026-10", date(2026, 11, 3)
        )
    dossier(ctx, unit_id, "PROBATION", date(2026, 1, 1))  # owes no October assessment
    code = ctx.session.get(Unit, unit_id).code
    for i in range(households):
        h = add(ctx, Household(unit_id=unit_id, number=f"{code}-{batch}{i}"))
        if i < signed:
            add(ctx, Pledge(household_id=h.id, year=2026, status="signed"))
    owners = [
        add(
            ctx,
            Initiative(
                unit_id=unit_id,
                name=f"Mô hình {i}",
                type_code="OTHER",
                launched_on=date(2025, 1, 1),
                status="active",
            ),
        )
        for i in range(initiatives)
    ]
    for kind, values in results:
        add(
            ctx,
            Activity(initiative_id=owners[0].id, held_on=date(2026, 10, 15), kind=kind, **values),
        )


@pytest.fixture
def two_posts(write):
    with write(CHIEF) as ctx:
        q = second_post(ctx)
        post_records(
            ctx,
            unit(ctx, "00070").id,
            overdue=2,
            done=0,
            households=4,
            signed=3,
            initiatives=1,
            results=[
                ("meeting", {"participants": 100, "tips_of_value": 1}),
                ("weapon_collection", {"guns": 1, "bullets": 5}),
            ],
        )
        post_records(
            ctx,
            q.id,
            overdue=0,
            done=1,
            households=2,
            signed=2,
            initiatives=2,
            results=[("mediation", {"participants": 20, "cases_mediated": 3})],
        )
        return q.id


@pytest.mark.parametrize(
    ("unit_id", "open_", "due", "overdue", "coverage", "active", "sessions"),
    [
        ("00070", 3, 2, 2, Ratio(3, 4), 1, 2),
        ("00071", 2, 1, 0, Ratio(2, 2), 2, 1),
        ("CAT-HN", 5, 3, 2, Ratio(5, 6), 3, 3),
        (None, 5, 3, 2, Ratio(5, 6), 3, 3),
    ],
)
def test_unit_filter(two_posts, read, unit_id, open_, due, overdue, coverage, active, sessions):
    figures = compute(read, OCT, unit_id)
    assert figures.managed.total.open_at_end == open_
    assert (figures.assessments.total.due, figures.assessments.total.overdue) == (due, overdue)
    assert figures.pledges.total.coverage == coverage
    assert figures.initiatives.active == active
    assert figures.activities.sessions == sessions
    assert (figures.unit.code if figures.unit else None) == unit_id


def test_a_unit_can_be_named_by_its_id(two_posts, read):
    by_id = compute(read, OCT, two_posts)
    assert by_id.unit is not None and by_id.unit.code == "00071"
    assert by_id == compute(read, OCT, "00071")


def test_an_unknown_unit_is_refused(two_posts, read):
    with pytest.raises(ValidationFailed) as refused:
        compute(read, OCT, "99999")
    problem = refused.value.problems[0]
    assert (problem.field, problem.code) == ("unit", "stats.unit_unknown")
    assert describe(problem, VI) == "Đơn vị: không có đơn vị nào có mã hoặc định danh '99999'"
    with read() as ctx, pytest.raises(ValidationFailed):
        stats.compare_units(ctx.session, OCT, "99999", TODAY)


def test_compare_units_side_by_side(two_posts, read):
    with read() as ctx:
        rows = stats.compare_units(ctx.session, OCT, "CAT-HN", TODAY)
        assert stats.compare_units(ctx.session, OCT, "00070", TODAY) == []
    assert [r.unit.code for r in rows] == ["00070", "00071"]
    p, q = rows
    assert (p.managed_open, p.assessments_due, p.assessments_overdue) == (3, 2, 2)
    assert (p.households, p.pledge_coverage, p.active_initiatives) == (4, Ratio(3, 4), 1)
    assert (p.sessions, p.participants, p.tips_of_value, p.items_collected) == (2, 100, 1, 6)
    assert (q.managed_open, q.assessments_due, q.assessments_overdue) == (2, 1, 0)
    assert (q.households, q.pledge_coverage, q.active_initiatives) == (2, Ratio(2, 2), 2)
    assert (q.sessions, q.participants, q.cases_mediated, q.items_collected) == (1, 20, 3, 0)
    assert fmt_ratio(p.pledge_coverage, VI) == "3/4 = 75,0%"
    assert json.loads(json.dumps(p.to_dict()))["pledge_coverage"] == {
        "numerator": 3,
        "denominator": 4,
        "percent": 75.0,
    }


def test_to_dict_is_plain_json(two_posts, read):
    figures = compute(read, OCT, "CAT-HN")
    data = json.loads(json.dumps(figures.to_dict(), ensure_ascii=False))
    assert data["period"] == "2026-10"
    assert data["today"] == "2026-11-22"
    assert data["unit"]["code"] == "CAT-HN"
    assert data["managed"]["by_category"]["SUSPENDED"]["open_at_end"] == 3
    assert data["pledges"]["total"]["coverage"]["numerator"] == 5
    assert data["pledges"]["total"]["coverage"]["percent"] == pytest.approx(83.333, abs=1e-3)
    assert data["assessments"]["total"]["completion"] == {
        "numerator": 1,
        "denominator": 3,
        "percent": pytest.approx(33.333, abs=1e-3),
    }


def test_every_figure_has_a_vietnamese_label():
    identity = {
        "area_id",
        "area_name",
        "code",
        "figures",
        "id",
        "name",
        "period",
        "today",
        "unit_code",
    }
    figures = {
        f.name
        for _name, cls in inspect.getmembers(stats_model, inspect.isclass)
        if dataclasses.is_dataclass(cls) and cls.__module__ == stats_model.__name__
        for f in dataclasses.fields(cls)
    } - identity
    codes = (
        [r.value for r in CloseReason]
        + [s.value for s in FundingSource]
        + [k.value for k in CommendationKind]
        + list(ITEMS)
    )
    for key in sorted(figures) + codes:
        assert key in LABELS, key
        assert VI(LABELS[key]) != LABELS[key], key
    assert VI(LABELS["open_at_end"]) == "Đang quản lý đến cuối kỳ"


def test_query_count_does_not_grow_with_the_records(two_posts, db, write, read):
    def queries():
        statements = []

        def count(*_args):
            statements.append(1)

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            compute(read, YEAR, "CAT-HN")
            with read() as ctx:
                stats.compare_units(ctx.session, YEAR, "CAT-HN", TODAY)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(statements)

    before = queries()
    with write() as ctx:
        post_records(
            ctx,
            two_posts,
            overdue=6,
            done=4,
            households=30,
            signed=20,
            initiatives=5,
            results=[("patrol", {"participants": 8})] * 7,
            batch="B",
        )
    assert queries() == before
    assert before < 35  # about 20 for compute, 10 for compare_units
