"""What the household register, a household's page and its editor read (household_rows)."""

from __future__ import annotations

from datetime import date

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import household_rows as hr
from antt_desktop.services import households as hh
from antt_desktop.services import memberships as ms
from antt_desktop.services import pledges as pl
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_area
from antt_desktop.store.errors import NotFound

VIEWER = Actor("xem1", "viewer")
#: An account whose role the program does not know may read nothing.
STRANGER = Actor("la1", "visitor")


def _person(ctx, name, born=None):
    return add_person(ctx, PersonInput(full_name=name, born=born)).person.id


def _household(ctx, number, area_id, head=None, born=None):
    head_id = _person(ctx, head, born) if head else None
    data = hh.HouseholdInput(number=number, area_id=area_id, head_person_id=head_id)
    return hh.add_household(ctx, data).id


@pytest.fixture
def post(write):
    """Tổ dân phố số 2: households 2 (Nguyễn Văn An, with his wife and son) and 13 (Trần
    Thị Bình); tổ dân phố số 10: household 12A (no head). 2026 pledges: 2 signed, 13
    refused."""
    with write() as ctx:
        two = add_area(ctx, name="Tổ dân phố số 2", kind="to_dan_pho").id
        ten = add_area(ctx, name="Tổ dân phố số 10", kind="to_dan_pho").id
        h2 = _household(ctx, "2", two, "Nguyễn Văn An", "12/05/1968")
        h13 = _household(ctx, "13", two, "Trần Thị Bình", "1975")
        h12a = _household(ctx, "12A", ten)
        ms.add_member(ctx, h2, _person(ctx, "Lê Thị Cúc", "1970"), "Vợ")
        ms.add_member(ctx, h2, _person(ctx, "Nguyễn Văn Dũng", "03/1995"), "Con")
        pledge = pl.record_pledge(
            ctx, h2, 2026, signed_on="15/03/2026", signer_name="Nguyễn Văn An", officer_name="Tâm"
        )
        pl.record_pledge(
            ctx, h13, 2026, signed_on=None, signer_name=None, officer_name=None, status="refused"
        )
        pl.record_pledge(
            ctx, h2, 2025, signed_on="02/02/2025", signer_name="Nguyễn Văn An", officer_name=None
        )
        hh.set_poverty_status(ctx, h13, 2025, "near_poor")
        hh.set_poverty_status(ctx, h13, 2026, "none")
        return {"two": two, "ten": ten, "h2": h2, "h13": h13, "h12a": h12a, "pledge": pledge.id}


def _numbers(ctx, ids):
    return [r.number for r in hr.household_rows(ctx, ids, 2026)]


def test_the_register_lists_number_head_area_members_and_pledge_of_the_year(post, read):
    with read() as ctx:
        ids = hr.household_ids(ctx, hr.HouseholdFilter(year=2026))
        rows = hr.household_rows(ctx, ids, 2026)
        last_year = hr.household_rows(ctx, ids, 2025)
    # numbers as people count them, the same order as `antt household list` gives
    assert [(r.number, r.head, r.area, r.members, r.pledge) for r in rows] == [
        ("2", "Nguyễn Văn An", "Tổ dân phố số 2", 3, "signed"),
        ("12A", None, "Tổ dân phố số 10", 0, None),
        ("13", "Trần Thị Bình", "Tổ dân phố số 2", 1, "refused"),
    ]
    assert [r.pledge for r in last_year] == ["signed", None, None]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"pledge": "signed"}, ["2"]),
        ({"pledge": hr.NO_PLEDGE}, ["12A"]),
        ({"search": "binh"}, ["13"]),
        ({"search": "12"}, ["12A"]),
        ({"sort": "area"}, ["2", "13", "12A"]),  # "số 2" before "số 10"
        ({"sort": "area", "descending": True}, ["12A", "13", "2"]),
        ({"sort": "members", "descending": True}, ["2", "13", "12A"]),
        ({"sort": "head"}, ["12A", "2", "13"]),  # no head first, then An before Bình
    ],
)
def test_the_register_filters_and_sorts_in_sql(post, read, options, expected):
    with read() as ctx:
        ids = hr.household_ids(ctx, hr.HouseholdFilter(year=2026, **options))
        assert _numbers(ctx, ids) == expected


def test_a_page_of_rows_follows_the_ids_asked(post, read):
    with read() as ctx:
        assert _numbers(ctx, [post["h12a"], post["h2"]]) == ["12A", "2"]
        assert _numbers(ctx, ["no-such-household"]) == []


def test_the_command_line_counts_numbers_as_people_do(post, read):
    with read() as ctx:
        rows = hr.households_by_number(ctx)
        in_ten = hr.households_by_number(ctx, post["ten"])
        areas = hr.areas_with_households(ctx)
    assert [r.number for r in rows] == ["2", "12A", "13"]
    assert [r.number for r in in_ten] == ["12A"]
    assert [(a.name, a.kind, a.households) for a in areas] == [
        ("Tổ dân phố số 10", "to_dan_pho", 1),
        ("Tổ dân phố số 2", "to_dan_pho", 2),
    ]


def test_a_household_page_holds_members_pledges_and_yearly_status(post, read):
    with read() as ctx:
        page = hr.household_page(ctx, post["h2"])
        other = hr.household_page(ctx, post["h13"])
    h = page.household
    assert (h.number, h.head_name, h.head_live, h.area, h.area_id) == (
        "2",
        "Nguyễn Văn An",
        True,
        "Tổ dân phố số 2",
        post["two"],
    )
    assert [(m.full_name, m.relation_to_head, m.born) for m in page.members] == [
        ("Nguyễn Văn An", "Chủ hộ", "12/05/1968"),
        ("Lê Thị Cúc", "Vợ", "1970"),
        ("Nguyễn Văn Dũng", "Con", "03/1995"),
    ]
    assert [(p.year, p.status, p.signed_on, p.household_number) for p in page.pledges] == [
        (2026, "signed", date(2026, 3, 15), "2"),
        (2025, "signed", date(2025, 2, 2), "2"),
    ]
    assert [(s.year, s.status) for s in other.poverty] == [(2026, "none"), (2025, "near_poor")]
    assert page.poverty == ()


def test_a_household_is_found_by_id_or_number_and_unknown_ones_are_refused(post, read):
    with read() as ctx:
        assert hr.find_household(ctx, " 12A ").id == post["h12a"]
        assert hr.find_household(ctx, post["h13"]).number == "13"
        with pytest.raises(ValidationFailed) as exc:
            hr.find_household(ctx, "99")
        assert [(p.field, p.code) for p in exc.value.problems] == [
            ("household_id", "household.unknown")
        ]
        with pytest.raises(NotFound):
            hr.household_page(ctx, "no-such-household")


def test_a_pledge_and_a_yearly_status_read_back(post, read):
    with read() as ctx:
        pledge = hr.pledge_row(ctx, post["pledge"])
        assert (pledge.household_number, pledge.year, pledge.signer_name) == (
            "2",
            2026,
            "Nguyễn Văn An",
        )
        assert hr.poverty_status_of(ctx, post["h13"], 2025) == "near_poor"
        assert hr.poverty_status_of(ctx, post["h13"], 2024) is None
        total = hr.area_coverage(ctx, 2026)[-1]
        assert (total.is_total, total.households, total.pledged, total.refused) == (
            True,
            3,
            1,
            1,
        )


def test_the_editor_starts_from_the_next_number_and_checks_without_writing(write, read):
    with write() as ctx:
        area = add_area(ctx, name="Thôn Đông").id
        _household(ctx, "0009", area)
        _household(ctx, "A-1", area)
        taken = _household(ctx, "0010", area, "Phạm Văn Hải")
    with read() as ctx:
        new = hr.new_household(ctx)
        typed = hh.HouseholdInput(number=" 0009 ", area_id=area)
        problems = hh.check_add_household(ctx, typed, unit_id=new.unit_id)
        # an existing household keeps its head: the editor changes only what it shows
        kept = hh.check_edit_household(ctx, taken, {"number": "0010", "address": None})
    assert new.number == "0011"
    assert [(p.field, p.code) for p in problems] == [("number", "household.number_taken")]
    assert kept == []
    with read() as ctx:
        assert hr.household_details(ctx, taken).head_name == "Phạm Văn Hải"


def test_a_viewer_reads_the_register_as_an_officer_does(post, read):
    # nothing a household shows is sensitive: no ID number, ethnicity or religion
    with read() as ctx:
        officer = hr.household_page(ctx, post["h2"])
    with read(VIEWER) as ctx:
        assert hr.household_page(ctx, post["h2"]) == officer
        assert hr.find_household(ctx, "13").head_name == "Trần Thị Bình"


@pytest.mark.parametrize(
    "call",
    [
        lambda ctx, p: hr.household_ids(ctx, hr.HouseholdFilter(year=2026)),
        lambda ctx, p: hr.household_rows(ctx, [p["h2"]], 2026),
        lambda ctx, p: hr.households_by_number(ctx),
        lambda ctx, p: hr.household_page(ctx, p["h2"]),
        lambda ctx, p: hr.find_household(ctx, "2"),
        lambda ctx, p: hr.pledge_row(ctx, p["pledge"]),
        lambda ctx, p: hr.new_household(ctx),
    ],
)
def test_a_role_that_may_not_read_records_is_refused(post, read, call):
    with read(STRANGER) as ctx, pytest.raises(PermissionDenied):
        call(ctx, post)
