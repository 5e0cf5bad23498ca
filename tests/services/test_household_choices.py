"""Choosing a household by search (household_rows.household_choices): the head's name with
or without accents, the number, the address or the area, shown "Số hộ — chủ hộ — địa chỉ"."""

from __future__ import annotations

import pytest

from antt_desktop.services import household_rows as hr
from tests.services.test_household_rows import post as post  # the fixture


@pytest.mark.parametrize(
    ("typed", "numbers"),
    [
        ("nguyen van an", ["2"]),  # accents optional
        ("Trần Thị Bình", ["13"]),
        ("12a", ["12A"]),  # the number, any case
        ("2", ["2", "12A", "13"]),  # the exact number first; 13 is in "Tổ dân phố số 2"
        ("to dan pho so 10", ["12A"]),  # the area's name
        ("", []),
        ("không có ai", []),
    ],
)
def test_households_are_found_by_head_number_or_area(post, read, typed, numbers):
    with read() as ctx:
        found = hr.household_choices(ctx, typed)
    assert [c.number for c in found] == numbers


def test_a_choice_reads_number_head_and_place(post, read):
    with read() as ctx:
        (choice,) = hr.household_choices(ctx, "binh")
        again = hr.household_choice(ctx, post["h13"])
    assert choice.label == "13 — Trần Thị Bình — Tổ dân phố số 2"
    assert again == choice
