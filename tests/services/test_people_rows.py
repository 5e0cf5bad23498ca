"""The residents list as the window and the command line read it: ids in Vietnamese order in
chunks, search hits, filters, and rows with the ID number masked for every role."""

from __future__ import annotations

from typing import Any

import pytest

from antt_desktop.services import units
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.people_rows import (
    PeopleFilter,
    areas_of,
    first_people_ids,
    people_ids,
    people_rows,
    search_refs,
)

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
        "0010••••2345",
        "Thôn Đông",
        "",
    )
    assert (hoa.born, hoa.id_number, hoa.area) == ("05/06/1991", "", "")


def test_area_filter_and_sorting_by_birth_newest_first(read, people) -> None:
    f = PeopleFilter(area_id=people["area"], sort="born", descending=True)
    with read() as ctx:
        (ids,) = list(people_ids(ctx, f))
    assert names(read, ids) == ["Nguyễn Văn Đức", "Lê Văn An", "Hoàng Văn Bách"]


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
    assert row.id_number == "0010••••2345"


def test_areas_of_the_post(read, people) -> None:
    with read() as ctx:
        unit_id = ctx.local_unit().id
        assert areas_of(ctx, unit_id) == ((people["area"], "Thôn Đông"),)
