"""Households: register, head and members, yearly poor / near-poor status."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import households as hh
from antt_desktop.services import memberships as ms
from antt_desktop.services.households import HouseholdInput
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_area
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import AuditEntry, Household, HouseholdYearStatus, Person
from tests.conftest import CHIEF


def _person(ctx, name, born=None):
    return add_person(ctx, PersonInput(full_name=name, born=born)).person.id


def _count(ctx, cls):
    return ctx.session.execute(select(func.count()).select_from(cls)).scalar_one()


def _refused(exc_info):
    return [(p.field, p.code) for p in exc_info.value.problems]


def _memberships(ctx):
    return {
        p.full_name: (p.household_id, p.relation_to_head)
        for p in ctx.session.execute(select(Person)).scalars()
    }


@pytest.fixture
def family(write):
    """Household 12 in Thôn Đông: An (head), his wife Bình; Cường lives alone elsewhere."""
    with write() as ctx:
        area = add_area(ctx, name="Thôn Đông")
        an = _person(ctx, "Nguyễn Văn An", "12/05/1968")
        binh = _person(ctx, "Trần Thị Bình", "1970")
        cuong = _person(ctx, "Lê Văn Cường", "03/1990")
        h = hh.add_household(
            ctx,
            HouseholdInput(
                number=" 12 ", head_person_id=an, area_id=area.id, address="Số 4 ngõ Chợ"
            ),
        )
        ms.add_member(ctx, h.id, binh, "Vợ")
        return {"area": area.id, "household": h.id, "an": an, "binh": binh, "cuong": cuong}


def test_household_is_saved_with_its_head_as_first_member(family, read):
    with read() as ctx:
        h = ctx.session.get(Household, family["household"])
        assert (h.number, h.head_person_id, h.area_id, h.address) == (
            "12",
            family["an"],
            family["area"],
            "Số 4 ngõ Chợ",
        )
        head = ctx.session.get(Person, family["an"])
        assert (head.household_id, head.relation_to_head) == (h.id, "Chủ hộ")
        assert "household_id" in head.field_stamps  # the membership write was stamped
        assert [p.full_name for p in ms.members(ctx.session, h.id)] == [
            "Nguyễn Văn An",
            "Trần Thị Bình",
        ]
        actions = ctx.session.execute(select(AuditEntry.action, AuditEntry.entity)).all()
        assert ("create", "household") in actions and ("edit", "person") in actions
        assert hh.household_by_number(ctx.session, "12", h.unit_id).id == h.id
        assert hh.household_by_number(ctx.session, "13", h.unit_id) is None


def test_members_list_head_first_then_oldest(family, write, read):
    with write() as ctx:
        child = _person(ctx, "Nguyễn Văn Dũng", "2001")
        baby = _person(ctx, "Nguyễn Thị Em", None)
        grandma = _person(ctx, "Phạm Thị Gấm", "1940")
        for pid, relation in ((child, "Con"), (baby, "Con"), (grandma, "Mẹ")):
            ms.add_member(ctx, family["household"], pid, relation)
    with read() as ctx:
        names = [p.full_name for p in ms.members(ctx.session, family["household"])]
    assert names == [
        "Nguyễn Văn An",
        "Phạm Thị Gấm",
        "Trần Thị Bình",
        "Nguyễn Văn Dũng",
        "Nguyễn Thị Em",
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (HouseholdInput(number="  "), [("number", "required")]),
        (HouseholdInput(number="12"), [("number", "household.number_taken")]),
        (HouseholdInput(number="1" * 21), [("number", "too_long")]),
        (HouseholdInput(number="20", area_id="nowhere"), [("area_id", "area.unknown")]),
        (
            HouseholdInput(number="20", head_person_id="nobody"),
            [("head_person_id", "person.unknown")],
        ),
    ],
)
def test_bad_household_is_refused_and_nothing_written(family, write, data, expected):
    with write() as ctx:
        before = (_count(ctx, Household), _count(ctx, AuditEntry))
        with pytest.raises(ValidationFailed) as exc:
            hh.add_household(ctx, data)
        assert _refused(exc) == expected
        assert (_count(ctx, Household), _count(ctx, AuditEntry)) == before


def test_a_head_cannot_head_two_households(family, write):
    with write() as ctx:
        memberships = _memberships(ctx)
        with pytest.raises(ValidationFailed) as exc:
            hh.add_household(ctx, HouseholdInput(number="13", head_person_id=family["an"]))
        assert _refused(exc) == [("head_person_id", "household.head_taken")]
        assert exc.value.problems[0].params == {"name": "Nguyễn Văn An", "number": "12"}
        assert _memberships(ctx) == memberships
        assert _count(ctx, Household) == 1


def test_new_household_takes_its_head_from_another_household(family, write, read):
    """Tách hộ: the wife becomes head of a new household and leaves household 12."""
    with write() as ctx:
        new = hh.add_household(ctx, HouseholdInput(number="12A", head_person_id=family["binh"]))
    with read() as ctx:
        assert [p.id for p in ms.members(ctx.session, family["household"])] == [family["an"]]
        assert [p.id for p in ms.members(ctx.session, new.id)] == [family["binh"]]
        assert (
            ctx.session.execute(
                select(AuditEntry.action)
                .where(AuditEntry.entity_id == family["binh"])
                .order_by(AuditEntry.seq.desc())
            )
            .scalars()
            .first()
            == "move"
        )


def test_member_of_another_household_must_be_moved_explicitly(family, write, read):
    with write() as ctx:
        other = hh.add_household(ctx, HouseholdInput(number="14", head_person_id=family["cuong"]))
        lodger = _person(ctx, "Đỗ Văn Hải")
        ms.add_member(ctx, other.id, lodger, "Em")
    with write() as ctx:
        memberships = _memberships(ctx)
        with pytest.raises(ValidationFailed) as exc:
            ms.add_member(ctx, family["household"], lodger, "Cháu")
        assert _refused(exc) == [("member_id", "household.member_elsewhere")]
        with pytest.raises(ValidationFailed) as exc:
            ms.add_member(ctx, family["household"], family["binh"], "Vợ")
        assert _refused(exc) == [("member_id", "household.already_member")]
        assert _memberships(ctx) == memberships
    with write() as ctx:
        ms.move_member(ctx, lodger, family["household"], "Cháu")
    with read() as ctx:
        assert [p.id for p in ms.members(ctx.session, other.id)] == [family["cuong"]]
        moved = ctx.session.get(Person, lodger)
        assert (moved.household_id, moved.relation_to_head) == (family["household"], "Cháu")


@pytest.mark.parametrize(
    ("relation", "code"),
    [(" ", "required"), ("chu ho", "household.relation_is_head"), ("x" * 41, "too_long")],
)
def test_member_needs_a_relation_other_than_head(family, write, relation, code):
    with write() as ctx:
        memberships = _memberships(ctx)
        with pytest.raises(ValidationFailed) as exc:
            ms.add_member(ctx, family["household"], family["cuong"], relation)
        assert _refused(exc) == [("relation_to_head", code)]
        assert _memberships(ctx) == memberships


def test_unknown_member_and_unknown_household(family, write):
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            ms.add_member(ctx, family["household"], "nobody", "Con")
        assert _refused(exc) == [("member_id", "person.unknown")]
        with pytest.raises(NotFound):
            ms.add_member(ctx, "no-household", family["cuong"], "Con")


def test_a_head_is_moved_or_removed_only_after_a_new_head(family, write, read):
    with write() as ctx:
        memberships = _memberships(ctx)
        with pytest.raises(ValidationFailed) as exc:
            ms.remove_member(ctx, family["household"], family["an"])
        assert _refused(exc) == [("member_id", "household.is_head")]
        other = hh.add_household(ctx, HouseholdInput(number="15"))
        with pytest.raises(ValidationFailed) as exc:
            ms.move_member(ctx, family["an"], other.id, "Con")
        assert _refused(exc) == [("member_id", "household.is_head")]
        with pytest.raises(ValidationFailed) as exc:
            ms.remove_member(ctx, family["household"], family["cuong"])
        assert _refused(exc) == [("member_id", "household.not_member")]
        assert _memberships(ctx) == memberships
    with write() as ctx:
        ms.change_head(ctx, family["household"], family["binh"], former_head_relation="Chồng")
    with read() as ctx:
        h = ctx.session.get(Household, family["household"])
        assert h.head_person_id == family["binh"]
        assert _memberships(ctx)["Trần Thị Bình"] == (h.id, "Chủ hộ")
        assert _memberships(ctx)["Nguyễn Văn An"] == (h.id, "Chồng")
    with write() as ctx:
        ms.remove_member(ctx, family["household"], family["an"])
    with read() as ctx:
        assert _memberships(ctx)["Nguyễn Văn An"] == (None, None)
        assert [p.id for p in ms.members(ctx.session, family["household"])] == [family["binh"]]


def test_change_head_refuses_a_head_of_another_household(family, write):
    with write() as ctx:
        hh.add_household(ctx, HouseholdInput(number="16", head_person_id=family["cuong"]))
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            ms.change_head(ctx, family["household"], family["cuong"])
        assert _refused(exc) == [("head_person_id", "household.head_taken")]
        assert ctx.session.get(Household, family["household"]).head_person_id == family["an"]


def test_edit_household(family, write, read):
    with write() as ctx:
        hh.add_household(ctx, HouseholdInput(number="17"))
    with write() as ctx:
        hh.edit_household(ctx, family["household"], {"address": "  Số 6   ngõ Chợ ", "notes": ""})
    with read() as ctx:
        h = ctx.session.get(Household, family["household"])
        assert (h.address, h.notes) == ("Số 6 ngõ Chợ", None)
    with write() as ctx:
        for changes, expected in (
            ({"number": "17"}, [("number", "household.number_taken")]),
            ({"head_person_id": None}, [("head_person_id", "required")]),
            ({"colour": "red"}, [("colour", "field.unknown")]),
        ):
            with pytest.raises(ValidationFailed) as exc:
                hh.edit_household(ctx, family["household"], changes)
            assert _refused(exc) == expected
        h = ctx.session.get(Household, family["household"])
        assert (h.number, h.head_person_id) == ("12", family["an"])
    with write() as ctx:  # a new head through edit: the former one stays a member
        hh.edit_household(ctx, family["household"], {"head_person_id": family["binh"]})
    with read() as ctx:
        assert _memberships(ctx)["Trần Thị Bình"] == (family["household"], "Chủ hộ")
        assert _memberships(ctx)["Nguyễn Văn An"] == (family["household"], None)


def test_poverty_status_is_one_row_per_year_updated_in_place(family, write, read):
    with write() as ctx:
        hh.set_poverty_status(ctx, family["household"], 2025, "poor")
        hh.set_poverty_status(ctx, family["household"], "2026", "near_poor")
    with write() as ctx:
        hh.set_poverty_status(ctx, family["household"], 2026, "none")
    with read() as ctx:
        assert _count(ctx, HouseholdYearStatus) == 2
        assert hh.poverty_status(ctx.session, family["household"], 2025) == "poor"
        assert hh.poverty_status(ctx.session, family["household"], 2026) == "none"
        assert hh.poverty_status(ctx.session, family["household"], 2024) is None


@pytest.mark.parametrize(
    ("year", "status", "expected"),
    [
        (2026, "rich", [("poverty_status", "choice")]),
        (1989, "poor", [("year", "year.range")]),
        (2028, "poor", [("year", "year.range")]),
        ("năm nay", "poor", [("year", "number.invalid")]),
    ],
)
def test_bad_poverty_status_is_refused(family, write, year, status, expected):
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            hh.set_poverty_status(ctx, family["household"], year, status)
        assert _refused(exc) == expected
        assert _count(ctx, HouseholdYearStatus) == 0


def test_refusals_read_in_vietnamese(family, write):
    with write() as ctx, pytest.raises(ValidationFailed) as exc:
        hh.add_household(ctx, HouseholdInput(number="12", head_person_id=family["an"]))
    text = [describe(p, Translator("vi")) for p in exc.value.problems]
    assert text == [
        "Số hộ: số hộ 12 đã được sử dụng trong đơn vị",
        "Chủ hộ: Nguyễn Văn An đang là chủ hộ của hộ số 12",
    ]


def test_change_head_refuses_a_member_of_another_household(family, write):
    with write() as ctx:
        other = hh.add_household(ctx, HouseholdInput(number="18", head_person_id=family["cuong"]))
        lodger = _person(ctx, "Đỗ Văn Hải")
        ms.add_member(ctx, other.id, lodger, "Em")
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            ms.change_head(ctx, family["household"], lodger)
        assert _refused(exc) == [("head_person_id", "household.member_elsewhere")]
        assert ctx.session.get(Household, family["household"]).head_person_id == family["an"]
        assert ctx.session.get(Person, lodger).household_id == other.id


def test_people_of_another_unit_cannot_join(family, write):
    from antt_desktop.services.units import add_unit

    with write(CHIEF) as ctx:
        unit = add_unit(ctx, code="00073", name="Công an phường Cửa Nam")
        stranger = add_person(ctx, PersonInput(full_name="Vũ Văn Khánh"), unit_id=unit.id).person
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            ms.add_member(ctx, family["household"], stranger.id, "Con")
        assert _refused(exc) == [("member_id", "household.other_unit")]
        with pytest.raises(ValidationFailed) as exc:
            hh.add_household(ctx, HouseholdInput(number="19", head_person_id=stranger.id))
        assert _refused(exc) == [("head_person_id", "household.other_unit")]
        assert _count(ctx, Household) == 1
