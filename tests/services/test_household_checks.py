"""The check functions of households and memberships: what the editors show as the officer
types is what saving would refuse, found without writing anything."""

from __future__ import annotations

import pytest

from antt_desktop.services import households as hh
from antt_desktop.services import memberships as ms
from antt_desktop.services.households import HouseholdInput
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_area
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import Household, HouseholdYearStatus, Person
from tests.helpers.checks import accepted_alike, refused_alike


def _person(ctx, name):
    return add_person(ctx, PersonInput(full_name=name)).person.id


@pytest.fixture
def post(write):
    """Thôn Đông: household 12 (An, head; Bình, his wife), household 13 (Dũng, head);
    Cường lives in no household."""
    with write() as ctx:
        area = add_area(ctx, name="Thôn Đông").id
        an, binh, cuong, dung = (
            _person(ctx, n) for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Võ Dũng")
        )
        h12 = hh.add_household(ctx, HouseholdInput(number="12", head_person_id=an, area_id=area))
        h13 = hh.add_household(ctx, HouseholdInput(number="13", head_person_id=dung))
        ms.add_member(ctx, h12.id, binh, "Vợ")
        return {"area": area, "h12": h12.id, "h13": h13.id} | {
            "an": an,
            "binh": binh,
            "cuong": cuong,
            "dung": dung,
        }


# name → (check, write, the input from the post's ids, the problems as (field, code))
REFUSED = {
    "new household: taken number, long address, unknown area, a head elsewhere": (
        hh.check_add_household,
        hh.add_household,
        lambda p: (
            (
                HouseholdInput(
                    number=" 12 ", address="x" * 301, area_id="nowhere", head_person_id=p["an"]
                ),
            ),
            {},
        ),
        [
            ("address", "too_long"),
            ("number", "household.number_taken"),
            ("area_id", "area.unknown"),
            ("head_person_id", "household.head_taken"),
        ],
    ),
    "new household: no number, unknown head": (
        hh.check_add_household,
        hh.add_household,
        lambda p: ((HouseholdInput(number="  ", head_person_id="nobody"),), {}),
        [("number", "required"), ("head_person_id", "person.unknown")],
    ),
    "edit: a taken number and an unknown area": (
        hh.check_edit_household,
        hh.edit_household,
        lambda p: ((p["h12"], {"number": "13", "area_id": "nowhere"}), {}),
        [("number", "household.number_taken"), ("area_id", "area.unknown")],
    ),
    "edit: the head taken away": (
        hh.check_edit_household,
        hh.edit_household,
        lambda p: ((p["h12"], {"head_person_id": " "}), {}),
        [("head_person_id", "required")],
    ),
    "edit: a field households do not have": (
        hh.check_edit_household,
        hh.edit_household,
        lambda p: ((p["h12"], {"colour": "đỏ", "number": "13"}), {}),
        [("colour", "field.unknown")],
    ),
    "poverty: a year too early and a status that does not exist": (
        hh.check_set_poverty_status,
        hh.set_poverty_status,
        lambda p: ((p["h12"], "1980", "rich"), {}),
        [("year", "year.range"), ("poverty_status", "choice")],
    ),
    "new head: heading another household, and the former head called head": (
        ms.check_change_head,
        ms.change_head,
        lambda p: ((p["h12"], p["dung"]), {"former_head_relation": " chủ  hộ "}),
        [
            ("head_person_id", "household.head_taken"),
            ("former_head_relation", "household.relation_is_head"),
        ],
    ),
    "add member: already a member, no relation": (
        ms.check_add_member,
        ms.add_member,
        lambda p: ((p["h12"], p["binh"], " "), {}),
        [("relation_to_head", "required"), ("member_id", "household.already_member")],
    ),
    "add member: living in another household": (
        ms.check_add_member,
        ms.add_member,
        lambda p: ((p["h12"], p["dung"], "Con"), {}),
        [("member_id", "household.member_elsewhere")],
    ),
    "add member: unknown person, relation too long": (
        ms.check_add_member,
        ms.add_member,
        lambda p: ((p["h12"], "nobody", "x" * 41), {}),
        [("relation_to_head", "too_long"), ("member_id", "person.unknown")],
    ),
    "move member: into their own household as its head": (
        ms.check_move_member,
        ms.move_member,
        lambda p: ((p["binh"], p["h12"], "Chủ hộ"), {}),
        [
            ("relation_to_head", "household.relation_is_head"),
            ("member_id", "household.already_member"),
        ],
    ),
    "move member: a head": (
        ms.check_move_member,
        ms.move_member,
        lambda p: ((p["dung"], p["h12"], "Con"), {}),
        [("member_id", "household.is_head")],
    ),
    "remove member: the head": (
        ms.check_remove_member,
        ms.remove_member,
        lambda p: ((p["h12"], p["an"]), {}),
        [("member_id", "household.is_head")],
    ),
    "remove member: not a member": (
        ms.check_remove_member,
        ms.remove_member,
        lambda p: ((p["h12"], p["cuong"]), {}),
        [("member_id", "household.not_member")],
    ),
    "remove member: unknown person": (
        ms.check_remove_member,
        ms.remove_member,
        lambda p: ((p["h12"], "nobody"), {}),
        [("member_id", "person.unknown")],
    ),
}


@pytest.mark.parametrize(("check", "act", "typed", "expected"), REFUSED.values(), ids=list(REFUSED))
def test_a_check_finds_what_the_write_refuses_and_writes_nothing(
    post, db, read, write, check, act, typed, expected
):
    args, kwargs = typed(post)
    problems = refused_alike(db, read, write, check, act, *args, **kwargs)
    assert [(p.field, p.code) for p in problems] == expected


def test_a_new_household_the_check_accepts_is_saved_with_its_head(post, db, read, write):
    typed = HouseholdInput(number=" 14 ", head_person_id=post["cuong"], area_id=post["area"])
    saved = accepted_alike(db, read, write, hh.check_add_household, hh.add_household, typed)
    with read() as ctx:
        cuong = ctx.session.get(Person, post["cuong"])
        assert (saved.number, cuong.household_id, cuong.relation_to_head) == (
            "14",
            saved.id,
            "Chủ hộ",
        )


def test_an_edit_and_a_poverty_status_the_checks_accept_are_saved(post, db, read, write):
    changes = {"number": "12A", "address": " Số 6 ngõ Chợ "}
    accepted_alike(
        db, read, write, hh.check_edit_household, hh.edit_household, post["h12"], changes
    )
    check, act = hh.check_set_poverty_status, hh.set_poverty_status
    accepted_alike(db, read, write, check, act, post["h12"], "2026", "poor")
    with read() as ctx:
        h12 = ctx.session.get(Household, post["h12"])
        assert (h12.number, h12.address, h12.head_person_id) == ("12A", "Số 6 ngõ Chợ", post["an"])
        status = ctx.session.query(HouseholdYearStatus).one()
        assert (status.year, status.status) == (2026, "poor")


def test_membership_changes_the_checks_accept_are_made(post, db, read, write):
    accepted_alike(
        db, read, write, ms.check_add_member, ms.add_member, post["h12"], post["cuong"], "Con"
    )
    accepted_alike(
        db, read, write, ms.check_move_member, ms.move_member, post["binh"], post["h13"], "Vợ"
    )
    check, act = ms.check_change_head, ms.change_head
    accepted_alike(
        db, read, write, check, act, post["h12"], post["cuong"], former_head_relation="Bố"
    )
    accepted_alike(
        db, read, write, ms.check_remove_member, ms.remove_member, post["h12"], post["an"]
    )
    with read() as ctx:
        where = {
            p.full_name: (p.household_id, p.relation_to_head) for p in ctx.session.query(Person)
        }
    assert where == {
        "Nguyễn Văn An": (None, None),
        "Trần Thị Bình": (post["h13"], "Vợ"),
        "Lê Văn Cường": (post["h12"], "Chủ hộ"),
        "Võ Dũng": (post["h13"], "Chủ hộ"),
    }


def test_making_the_head_head_again_is_no_problem(post, db, read, write):
    check, act = ms.check_change_head, ms.change_head
    accepted_alike(
        db, read, write, check, act, post["h12"], post["an"], former_head_relation="Chủ hộ"
    )


@pytest.mark.parametrize(
    ("check", "typed"),
    [
        (hh.check_edit_household, ("nowhere", {"number": "1"})),
        (hh.check_set_poverty_status, ("nowhere", 2026, "poor")),
        (ms.check_add_member, ("nowhere", "nobody", "Con")),
        (ms.check_move_member, ("nobody", "nowhere", "Con")),
    ],
)
def test_a_check_of_a_record_that_is_not_there_says_so_as_the_write_does(read, check, typed):
    with pytest.raises(NotFound), read() as ctx:
        check(ctx, *typed)
