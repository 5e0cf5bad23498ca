"""Residents as the window and the command line read them: the list (ids in Vietnamese order
in chunks, search hits, filters, rows with the ID number masked for every role) and one
resident (the opened record, the editor's form, the correction history), with what a viewer
is not shown."""

from __future__ import annotations

from typing import Any

import pytest

from antt_desktop.i18n.translator import Translator
from antt_desktop.services import catalogues, units
from antt_desktop.services.context import Actor
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.people import PersonInput, add_person, edit_person
from antt_desktop.services.people_rows import (
    PeopleFilter,
    areas_of,
    correction_history,
    first_people_ids,
    household_by_number,
    people_ids,
    people_rows,
    person_details,
    person_form,
    search_refs,
)
from antt_desktop.store.errors import NotFound

VIEWER = Actor("xem1", "viewer")
PEOPLE = (
    ("Nguyễn Văn Đức", "1990", "M", "001090012345"),
    ("Trần Thị Hoà", "05/06/1991", "F", None),
    ("Lê Văn An", "1985", "M", None),
    ("Phạm Thị Ánh", "03/2000", "F", None),
    ("Hoàng Văn Bách", "1975", "M", None),
)
IN_VIETNAMESE_ORDER = [
    "Lê Văn An",
    "Phạm Thị Ánh",
    "Hoàng Văn Bách",
    "Nguyễn Văn Đức",
    "Trần Thị Hoà",
]


@pytest.fixture
def people(write: Any) -> dict[str, str]:
    """Five residents; those of even rank live in Thôn Đông."""
    ids = {}
    with write() as ctx:
        area = units.add_area(ctx, name="Thôn Đông").id
        for i, (name, born, sex, number) in enumerate(PEOPLE):
            data = PersonInput(full_name=name, born=born, sex=sex, id_number=number)
            data.current_area_id = area if i % 2 == 0 else None
            ids[name] = add_person(ctx, data).person.id
    return ids | {"area": area}


def names(read: Any, ids: list[str]) -> list[str]:
    with read() as ctx:
        by_id = {r.id: r.full_name for r in people_rows(ctx, ids)}
    return [by_id[i] for i in ids]


def test_ids_in_vietnamese_order_a_first_page_then_chunks(read, people) -> None:
    with read() as ctx:
        first = first_people_ids(ctx, PeopleFilter(), 2)
        chunks = list(people_ids(ctx, PeopleFilter(), skip=2, first=2, chunk=2))
    assert names(read, first) == IN_VIETNAMESE_ORDER[:2]
    assert [len(c) for c in chunks] == [2, 1]
    assert names(read, [i for c in chunks for i in c]) == IN_VIETNAMESE_ORDER[2:]


def test_a_row_shows_the_id_number_masked_even_to_an_officer(read, people) -> None:
    with read() as ctx:
        (row,) = people_rows(ctx, [people["Nguyễn Văn Đức"]])
        (hoa,) = people_rows(ctx, [people["Trần Thị Hoà"]])
    assert (row.full_name, row.born, row.sex, row.id_number, row.area, row.address) == (
        "Nguyễn Văn Đức",
        "1990",
        "M",
        "•••••••••345",
        "Thôn Đông",
        "",
    )
    assert (hoa.born, hoa.id_number, hoa.area) == ("05/06/1991", "", "")


def test_area_filter_and_sorting_by_birth_newest_first(read, people) -> None:
    f = PeopleFilter(area_id=people["area"], sort="born", descending=True)
    with read() as ctx:
        (ids,) = list(people_ids(ctx, f))
    assert names(read, ids) == ["Nguyễn Văn Đức", "Lê Văn An", "Hoàng Văn Bách"]


@pytest.mark.parametrize("descending", [False, True])
def test_people_without_an_area_come_first_going_up_and_last_going_down(
    read, people, descending: bool
) -> None:
    f = PeopleFilter(sort="area", descending=descending)
    with read() as ctx:
        (ids,) = list(people_ids(ctx, f))
        first = first_people_ids(ctx, f, 5)
    without = ["Phạm Thị Ánh", "Trần Thị Hoà"]  # no area, by given name
    within = ["Lê Văn An", "Hoàng Văn Bách", "Nguyễn Văn Đức"]  # Thôn Đông
    expected = within[::-1] + without[::-1] if descending else without + within
    assert names(read, ids) == expected == names(read, first)


def test_search_hits_in_the_lists_order(read, people) -> None:
    with read() as ctx:
        refs = search_refs(ctx, "van", limit=300)
        assert refs is not None
        (ids,) = list(people_ids(ctx, PeopleFilter(), refs))
        assert search_refs(ctx, "  ", limit=300) is None
        assert list(people_ids(ctx, PeopleFilter(), [])) == [[]]
    assert names(read, ids) == ["Lê Văn An", "Hoàng Văn Bách", "Nguyễn Văn Đức"]


def test_an_id_number_finds_nobody_for_a_viewer(read, people) -> None:
    with read() as ctx:
        assert search_refs(ctx, "001090012345", limit=300) == [people["Nguyễn Văn Đức"]]
    with read(VIEWER) as ctx:
        assert search_refs(ctx, "001090012345", limit=300) == []
        (row,) = people_rows(ctx, [people["Nguyễn Văn Đức"]])
    assert row.id_number == "•••••••••345"


def test_areas_of_the_post(read, people) -> None:
    with read() as ctx:
        unit_id = ctx.local_unit().id
        assert areas_of(ctx, unit_id) == ((people["area"], "Thôn Đông"),)


# --- one resident ------------------------------------------------------------------------------


@pytest.fixture
def resident(write: Any) -> dict[str, str]:
    """Nguyễn Văn Đức with every sensitive field, in Thôn Đông and household HK-01, whose
    ID number and address were corrected once."""
    with write() as ctx:
        area = units.add_area(ctx, name="Thôn Đông").id
        ethnic = next(iter(catalogues.codes(ctx.session, catalogues.ETHNIC)))
        household = add_household(ctx, HouseholdInput(number="HK-01")).id
        data = PersonInput(
            full_name="Nguyễn Văn Đức",
            born="12/03/1990",
            sex="M",
            id_number="001090012345",
            legacy_id="012345678",
            ethnic_code=ethnic,
            current_area_id=area,
            current_address="Số 5 ngõ Hòa Bình",
            household_id=household,
        )
        person = add_person(ctx, data).person.id
        changes = {"id_number": "001090054321", "current_address": "Số 7 ngõ Hòa Bình"}
        edit_person(ctx, person, changes, reason="Theo CCCD")
    return {"person": person, "area": area, "household": household, "ethnic": ethnic}


def test_an_officer_opens_the_whole_record_with_names_for_codes(read, resident) -> None:
    with read() as ctx:
        p = person_details(ctx, resident["person"])
        ethnic_name = catalogues.codes(ctx.session, catalogues.ETHNIC)[resident["ethnic"]]
    assert (p.full_name, p.born, p.sex) == ("Nguyễn Văn Đức", "12/03/1990", "M")
    assert (p.id_number, p.legacy_id, p.ethnic_code) == (
        "001090054321",
        "012345678",
        resident["ethnic"],
    )
    assert (p.ethnic_name, p.current_area, p.household_number) == (
        ethnic_name,
        "Thôn Đông",
        "HK-01",
    )
    assert p.withheld == ()


def test_a_viewer_gets_the_id_number_masked_and_the_rest_withheld(read, resident) -> None:
    with read(VIEWER) as ctx:
        p = person_details(ctx, resident["person"])
    assert p.id_number == "•••••••••321"
    assert (p.legacy_id, p.ethnic_code, p.ethnic_name) == (None, None, None)
    assert set(p.withheld) == {"id_number", "legacy_id", "ethnic_code"}
    assert (p.current_address, p.current_area) == ("Số 7 ngõ Hòa Bình", "Thôn Đông")


def test_the_editor_form_and_the_household_typed_by_number(read, resident) -> None:
    with read() as ctx:
        new = person_form(ctx, None)
        known = person_form(ctx, resident["person"])
        assert household_by_number(ctx, new.unit_id, "HK-01") == resident["household"]
        assert household_by_number(ctx, new.unit_id, "HK-99") is None
    assert new.person is None and known.person is not None
    assert new.areas == known.areas == ((resident["area"], "Thôn Đông"),)
    assert resident["ethnic"] in dict(new.ethnic_groups) and new.religions


def test_the_correction_history_as_each_role_reads_it(read, resident) -> None:
    word = Translator("vi")
    with read() as ctx:
        officer = correction_history(ctx, resident["person"], word)
    with read(VIEWER) as ctx:
        viewer = correction_history(ctx, resident["person"], word)
        with pytest.raises(NotFound):
            correction_history(ctx, "khong-co", word)
    assert officer.full_name == "Nguyễn Văn Đức"
    by_field = {r.line.field: (r.old_text, r.new_text) for r in officer.rows}
    assert by_field == {
        "id_number": ("001090012345", "001090054321"),
        "current_address": ("Số 5 ngõ Hòa Bình", "Số 7 ngõ Hòa Bình"),
    }
    shown = {r.line.field: (r.old_text, r.new_text) for r in viewer.rows}
    assert shown["id_number"] == ("•••••••••345", "•••••••••321")
    assert shown["current_address"] == by_field["current_address"]


@pytest.mark.parametrize("batch", [2, 512])
def test_search_hits_within_a_filter_in_its_order_whatever_their_number(
    read, write, people, monkeypatch, batch: int
) -> None:
    """The hits of a search are ordered like the list (here by area, newest first, and by
    masked ID number), kept to the filter's area and unit, without the deleted, however
    many statements read them."""
    from antt_desktop.services.person_merge import merge_people
    from antt_desktop.store import fast_read

    monkeypatch.setattr(fast_read, "IDS_BATCH", batch)
    with write() as ctx:  # Lê Văn An merged into Hoàng Văn Bách: a tombstone
        merge_people(ctx, people["Hoàng Văn Bách"], people["Lê Văn An"])
    refs = [people[name] for name, *_ in PEOPLE]
    with read() as ctx:
        unit = ctx.local_unit().id
        (by_area,) = people_ids(ctx, PeopleFilter(sort="area", descending=True), refs)
        (in_area,) = people_ids(ctx, PeopleFilter(area_id=people["area"], unit_id=unit), refs)
        (by_number,) = people_ids(ctx, PeopleFilter(sort="id_number"), refs[::-1])
        (elsewhere,) = people_ids(ctx, PeopleFilter(unit_id="no-such-unit"), refs)
    assert names(read, by_area) == [
        "Nguyễn Văn Đức",  # Thôn Đông, by given name going down
        "Hoàng Văn Bách",
        "Trần Thị Hoà",  # no area
        "Phạm Thị Ánh",
    ]
    assert names(read, in_area) == ["Hoàng Văn Bách", "Nguyễn Văn Đức"]
    assert names(read, by_number)[-1] == "Nguyễn Văn Đức"  # the one with a number, last
    assert elsewhere == []
