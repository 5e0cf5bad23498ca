"""The check functions of pledges: what the pledge and sign-area dialogs show as the officer
types is what saving would refuse, found without writing anything (signing a whole area is
checked without touching its households)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from antt_desktop.services import pledges as pl
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_area
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import Pledge
from tests.helpers.checks import accepted_alike, refused_alike

SIGNED = {"signed_on": "15/03/2026", "signer_name": "Hoàng Văn Minh", "officer_name": "Lê Công"}


def _household(ctx, number, area_id, head=None):
    head_id = add_person(ctx, PersonInput(full_name=head)).person.id if head else None
    data = HouseholdInput(number=number, area_id=area_id, head_person_id=head_id)
    return add_household(ctx, data).id


@pytest.fixture
def village(write):
    """Thôn Bắc: household 1 (Minh) signed for 2026, household 2 (Lan) refused in 2026,
    household 3 without a head."""
    with write() as ctx:
        area = add_area(ctx, name="Thôn Bắc").id
        h1 = _household(ctx, "1", area, "Hoàng Văn Minh")
        h2 = _household(ctx, "2", area, "Đinh Thị Lan")
        h3 = _household(ctx, "3", area)
        signed = pl.record_pledge(ctx, h1, 2026, **SIGNED).id
        refused = pl.record_pledge(
            ctx, h2, 2026, signed_on=None, signer_name=None, officer_name=None, status="refused"
        ).id
        return {"area": area, "h1": h1, "h2": h2, "h3": h3, "signed": signed, "refused": refused}


def _typed(**changes):
    return {**SIGNED, **changes}


# name → (check, write, the input from the village's ids, the problems as (field, code))
REFUSED = {
    "record: the year has one, a day of another year, no signer, a long officer name": (
        pl.check_record_pledge,
        pl.record_pledge,
        lambda v: (
            (v["h1"], "2026"),
            _typed(signed_on="15/03/2025", signer_name=" ", officer_name="x" * 121),
        ),
        [
            ("signed_on", "pledge.date_outside_year"),
            ("signer_name", "required"),
            ("officer_name", "too_long"),
            ("year", "pledge.exists"),
        ],
    ),
    "record: unknown household, a year in words, violated without notes": (
        pl.check_record_pledge,
        pl.record_pledge,
        lambda v: (("nowhere", "năm nay"), _typed(signed_on="31/02/2026", status="violated")),
        [
            ("year", "number.invalid"),
            ("household_id", "household.unknown"),
            ("signed_on", "date.invalid"),
            ("violation_notes", "required"),
        ],
    ),
    "record: a status and a cultured family that do not exist, a future day": (
        pl.check_record_pledge,
        pl.record_pledge,
        lambda v: (
            (v["h3"], 2026),
            _typed(status="maybe", cultured_family="có", signed_on="01/12/2026"),
        ),
        [("pledge_status", "choice"), ("signed_on", "date.future"), ("cultured_family", "choice")],
    ),
    "edit: violated without saying how": (
        pl.check_edit_pledge,
        pl.edit_pledge,
        lambda v: ((v["signed"], {"status": "violated", "violation_notes": "  "}), {}),
        [("violation_notes", "required")],
    ),
    "edit: a day of another year": (
        pl.check_edit_pledge,
        pl.edit_pledge,
        lambda v: ((v["signed"], {"signed_on": "02/01/2025"}), {}),
        [("signed_on", "pledge.date_outside_year")],
    ),
    "edit: its year, which never changes": (
        pl.check_edit_pledge,
        pl.edit_pledge,
        lambda v: ((v["signed"], {"year": 2025, "signer_name": ""}), {}),
        [("year", "field.unknown")],
    ),
    "violated: a refused pledge": (
        pl.check_mark_violated,
        pl.mark_violated,
        lambda v: ((v["refused"], "Đánh bạc"), {}),
        [("pledge_status", "pledge.not_signed")],
    ),
    "violated: without notes": (
        pl.check_mark_violated,
        pl.mark_violated,
        lambda v: ((v["signed"], " "), {}),
        [("violation_notes", "required")],
    ),
    "sign area: unknown area, no day, a long officer name": (
        pl.check_sign_area,
        pl.sign_area,
        lambda v: (("nowhere", 2026), {"signed_on": " ", "officer_name": "x" * 121}),
        [("area_id", "area.unknown"), ("officer_name", "too_long"), ("signed_on", "required")],
    ),
    "sign area: a day of another year": (
        pl.check_sign_area,
        pl.sign_area,
        lambda v: ((v["area"], 2027), {"signed_on": "15/03/2026", "officer_name": None}),
        [("signed_on", "pledge.date_outside_year")],
    ),
    "sign area: a year before records": (
        pl.check_sign_area,
        pl.sign_area,
        lambda v: ((v["area"], "1989"), {"signed_on": "15/03/2026", "officer_name": None}),
        [("year", "year.range")],
    ),
}


@pytest.mark.parametrize(("check", "act", "typed", "expected"), REFUSED.values(), ids=list(REFUSED))
def test_a_check_finds_what_the_write_refuses_and_writes_nothing(
    village, db, read, write, check, act, typed, expected
):
    args, kwargs = typed(village)
    problems = refused_alike(db, read, write, check, act, *args, **kwargs)
    assert [(p.field, p.code) for p in problems] == expected


def test_pledges_the_checks_accept_are_recorded_changed_and_marked(village, db, read, write):
    check, act = pl.check_record_pledge, pl.record_pledge
    typed = _typed(signed_on="15/03/2025", cultured_family=True)
    accepted_alike(db, read, write, check, act, village["h2"], 2025, **typed)
    check, act = pl.check_edit_pledge, pl.edit_pledge
    accepted_alike(db, read, write, check, act, village["signed"], {"signer_name": " Hoàng  Mai "})
    check, act = pl.check_mark_violated, pl.mark_violated
    accepted_alike(db, read, write, check, act, village["signed"], "Đánh bạc tại nhà")
    with read() as ctx:
        h1 = pl.pledge_of(ctx.session, village["h1"], 2026)
        h2 = pl.pledge_of(ctx.session, village["h2"], 2025)
    assert (h1.status, h1.signer_name, h1.violation_notes) == (
        "violated",
        "Hoàng Mai",
        "Đánh bạc tại nhà",
    )
    assert (h2.status, h2.signed_on, h2.cultured_family) == ("signed", date(2025, 3, 15), True)


def test_a_year_whose_pledge_was_removed_may_be_recorded_again(village, db, read, write):
    with write() as ctx:
        ctx.session.get(Pledge, village["signed"]).deleted = True
    check, act = pl.check_record_pledge, pl.record_pledge
    again = accepted_alike(db, read, write, check, act, village["h1"], 2026, **_typed())
    assert again.id == village["signed"]  # the one row the natural key allows, revived
    with read() as ctx:
        assert pl.pledge_of(ctx.session, village["h1"], 2026).signed_on == date(2026, 3, 15)


def test_an_area_the_check_accepts_is_signed(village, db, read, write):
    check, act = pl.check_sign_area, pl.sign_area
    typed = {"signed_on": "10/01/2025", "officer_name": "Lê Công"}
    result = accepted_alike(db, read, write, check, act, village["area"], "2025", **typed)
    assert (result.created, result.already_pledged) == (2, 0)
    assert [h.number for h in result.skipped_without_head] == ["3"]


def test_checking_an_area_reads_none_of_its_households(village, db, read):
    statements: list[str] = []

    def _record(_conn, _cursor, sql, *_args):
        statements.append(sql)

    event.listen(db.engine, "before_cursor_execute", _record)
    try:
        with read() as ctx:
            problems = pl.check_sign_area(
                ctx, village["area"], 2025, signed_on="10/01/2025", officer_name=None
            )
    finally:
        event.remove(db.engine, "before_cursor_execute", _record)
    assert problems == []
    # the signing reads every household of the area and its pledges; its check, neither
    assert not [s for s in statements if "households" in s or "pledges" in s], statements


@pytest.mark.parametrize(
    ("check", "typed", "options"),
    [
        (pl.check_edit_pledge, ("nowhere", {"signer_name": "An"}), {}),
        (pl.check_mark_violated, ("nowhere", "Đánh bạc"), {}),
    ],
)
def test_a_check_of_a_pledge_that_is_not_there_says_so_as_the_write_does(
    read, check, typed, options
):
    with pytest.raises(NotFound), read() as ctx:
        check(ctx, *typed, **options)
