"""Sensitive fields are masked or withheld for roles that may not read them, in lists for
every role, and in full only in the opened record of a role with READ_SENSITIVE."""

from __future__ import annotations

from typing import Any

import pytest

from antt_desktop.cli.cmd_people import person_record
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services.context import Actor
from antt_desktop.services.listing import people_page
from antt_desktop.services.search import search
from tests.privacy.conftest import ID_NUMBER, MASKED

SEES_ALL = ("officer", "chief", "upper")
MASKED_ROLES = ("viewer", "admin")


@pytest.mark.parametrize("role", [*SEES_ALL, *MASKED_ROLES])
def test_the_people_list_masks_the_id_number_for_every_role(
    read: Any, sensitive_person: dict[str, str], role: str
) -> None:
    with read(Actor("someone", role)) as ctx:
        (row,) = people_page(ctx.session)
    assert row.full_name == "Nguyễn Văn Đức"
    assert row.id_number == MASKED


@pytest.mark.parametrize("role", SEES_ALL)
def test_an_opened_record_shows_everything_to_roles_that_may_read_it(
    read: Any, sensitive_person: dict[str, str], role: str
) -> None:
    with read(Actor("someone", role)) as ctx:
        record = person_record(ctx, sensitive_person["person"])
    assert record["id_number"] == ID_NUMBER
    assert record["legacy_id"] == "012345678"
    assert record["ethnic_code"] and record["religion_code"]
    assert record["withheld"] == []


@pytest.mark.parametrize("role", MASKED_ROLES)
def test_an_opened_record_withholds_sensitive_values_from_viewers(
    read: Any, sensitive_person: dict[str, str], role: str
) -> None:
    with read(Actor("someone", role)) as ctx:
        record = person_record(ctx, sensitive_person["person"])
    assert record["full_name"] == "Nguyễn Văn Đức"
    assert record["current_address"] == "Số 5 ngõ Hòa Bình"
    assert record["id_number"] == MASKED
    assert record["legacy_id"] is None
    assert record["ethnic_code"] is None and record["religion_code"] is None
    assert set(record["withheld"]) == {"id_number", "legacy_id", "ethnic_code", "religion_code"}
    assert ID_NUMBER not in repr(record) and "012345678" not in repr(record)


@pytest.mark.parametrize("role", MASKED_ROLES)
def test_a_viewer_cannot_find_a_person_by_id_number(
    read: Any, sensitive_person: dict[str, str], role: str
) -> None:
    with read(Actor("someone", role)) as ctx:
        assert search(ctx, ID_NUMBER) == []
        assert search(ctx, ID_NUMBER[:6]) == []
        assert search(ctx, "012345678") == []  # the old CMND either
        assert [h.name for h in search(ctx, "ng v duc")] == ["Nguyễn Văn Đức"]
        assert [h.name for h in search(ctx, "hoa binh")] == ["Nguyễn Văn Đức"]


@pytest.mark.parametrize("role", SEES_ALL)
def test_officers_still_find_a_person_by_id_number(
    read: Any, sensitive_person: dict[str, str], role: str
) -> None:
    with read(Actor("someone", role)) as ctx:
        assert [h.name for h in search(ctx, ID_NUMBER)] == ["Nguyễn Văn Đức"]


@pytest.mark.parametrize("role", MASKED_ROLES)
def test_documents_with_personal_data_are_not_printed_for_viewers(
    read: Any, sensitive_person: dict[str, str], role: str
) -> None:
    from antt_desktop.printing.audit import require_print

    with read(Actor("someone", role)) as ctx, pytest.raises(PermissionDenied):
        require_print(ctx, "person sheet")


def test_a_viewer_still_finds_a_household_by_its_number(write: Any, read: Any) -> None:
    from antt_desktop.services.households import HouseholdInput, add_household
    from antt_desktop.services.people import PersonInput, add_person

    with write() as ctx:
        head = add_person(ctx, PersonInput(full_name="Lò Văn Páo", id_number=ID_NUMBER))
        add_household(ctx, HouseholdInput(number="4471", head_person_id=head.person.id))
    with read(Actor("xem1", "viewer")) as ctx:
        assert [(h.kind, h.name) for h in search(ctx, "4471")] == [("household", "Lò Văn Páo")]
        assert [(h.kind, h.name) for h in search(ctx, "4471", kind="household")] == [
            ("household", "Lò Văn Páo")
        ]
        assert search(ctx, ID_NUMBER) == []
