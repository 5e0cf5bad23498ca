"""The residents' check (``check_add_person``): what ``add_person`` refuses or warns about,
found without writing, by the editor as the officer types and by the importers."""

from __future__ import annotations

from typing import Any

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services.people import PersonInput, add_person, check_add_person
from antt_desktop.services.units import add_area
from tests.importers.conftest import cccd


@pytest.fixture
def registered(write: Any) -> str:
    """Vũ Văn Hải, born 20/10/1975, holding a personal ID number; his id."""
    with write() as ctx:
        data = PersonInput(full_name="Vũ Văn Hải", born="20/10/1975", id_number=cccd(1975))
        return add_person(ctx, data).person.id


def test_the_check_finds_every_error_add_person_refuses_and_writes_nothing(
    registered: str, read: Any, write: Any, db_state: Any
) -> None:
    data = PersonInput(
        full_name="  Vũ   Văn Hải ",
        born="31/02/1975",
        sex="x",
        id_number=cccd(1975),
        phone="12345",
        ethnic_code="99",
        current_area_id="no-such-area",
    )
    before = db_state()
    with read() as ctx:
        found = check_add_person(ctx, data)
    assert db_state() == before
    with pytest.raises(ValidationFailed) as refused, write() as ctx:
        add_person(ctx, data)
    assert found == refused.value.problems
    assert [(p.field, p.code) for p in found] == [
        ("born", "date.invalid"),
        ("sex", "choice"),
        ("id_number", "id_number.duplicate"),
        ("ethnic_code", "catalogue.unknown"),
        ("phone", "phone.format"),
        ("current_area_id", "area.unknown"),
    ]
    assert found[2].params["id"] == registered
    assert db_state() == before


def test_the_check_finds_the_warnings_add_person_saves_with(
    registered: str, read: Any, write: Any, db_state: Any
) -> None:
    data = PersonInput(full_name="VŨ VĂN HẢI", born="20/10/1975", id_number="999075000002")
    before = db_state()
    with read() as ctx:
        found = check_add_person(ctx, data)
    assert db_state() == before
    with write() as ctx:
        saved = add_person(ctx, data)
    assert found == saved.warnings
    assert [(p.field, p.code, p.is_error) for p in found] == [
        ("id_number", "id_number.province_unknown", False),
        ("full_name", "person.possible_duplicate", False),
    ]
    assert found[1].params["id"] == registered


def test_the_check_finds_nothing_in_a_good_resident(read: Any, write: Any, db_state: Any) -> None:
    with write() as ctx:
        area = add_area(ctx, name="Thôn Đông").id
    data = PersonInput(
        full_name="Trần Thị Bình",
        born="1990",
        sex="F",
        id_number=cccd(1990, "F", 2),
        phone="0912 345 678",
        current_area_id=area,
    )
    before = db_state()
    with read() as ctx:
        assert check_add_person(ctx, data) == []
    assert db_state() == before
    with write() as ctx:
        assert add_person(ctx, data).warnings == []
