"""Setting up the post and its residential areas."""

from __future__ import annotations

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services.units import add_area, area_by_name, areas, ward_details


def test_area_names_are_unique_ignoring_case_and_accents(write, read) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        add_area(ctx, name="Thôn Đồng Tâm")
    with pytest.raises(ValidationFailed) as refused, write() as ctx:
        add_area(ctx, name="thôn  đồng tâm")
    assert refused.value.problems[0].code == "area.duplicate"
    with read() as ctx:
        assert [a.name for a in areas(ctx.session, ctx.local_unit().id)] == ["Thôn Đồng Tâm"]
        assert area_by_name(ctx, "thon dong tam").name == "Thôn Đồng Tâm"


def test_areas_are_listed_alphabetically_ignoring_accents(write, read) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        for name in ("Tổ dân phố số 3", "Bản Nà Phìa", "Thôn Đông Thịnh", "Ấp Bình Minh"):
            add_area(ctx, name=name, kind="thon")
    with read() as ctx:
        names = [a.name for a in areas(ctx.session, ctx.local_unit().id)]
    assert names == ["Ấp Bình Minh", "Bản Nà Phìa", "Thôn Đông Thịnh", "Tổ dân phố số 3"]


def test_official_ward_codes_give_place_and_parent_body() -> None:
    assert ward_details("05611") == ("Phú Lương", "CÔNG AN TỈNH THÁI NGUYÊN")
    assert ward_details("00070") == ("Hoàn Kiếm", "CÔNG AN THÀNH PHỐ HÀ NỘI")
    assert ward_details("99999") == (None, None)
