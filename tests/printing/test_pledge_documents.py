"""Household pledge forms (one household, or a whole area one form per page) and the pledge
register of an area with its coverage."""

from __future__ import annotations

from typing import Any

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.rates import Ratio
from antt_desktop.printing.person_facts import with_area
from antt_desktop.printing.pledge_form import pledge_form, pledge_forms_for_area
from antt_desktop.printing.pledge_register import pledge_register, within_area
from antt_desktop.services import catalogues
from antt_desktop.services.pledges import mark_violated, pledge_coverage, pledge_of
from antt_desktop.services.units import add_area
from antt_desktop.store.errors import NotFound
from tests.conftest import TODAY


def _flat(text: str) -> str:
    return "".join(text.split())


def test_a_signed_pledge_prints_its_date_items_and_signatures(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        printed = pledge_form(ctx.session, post["household"], 2026, today=TODAY)
    doc = pdf(printed.pdf)
    assert printed.pages == 1
    lines = doc.lines(0)
    assert "Hoàn Kiếm, ngày 15 tháng 03 năm 2026" in lines  # the day it was signed
    assert "BẢN CAM KẾT CỦA HỘ GIA ĐÌNH" in lines  # the household's own, not the post's
    flat = doc.flat(0)
    assert _flat("và xây dựng Gia đình văn hóa năm 2026") in flat
    _version, items = catalogues.pledge_template()
    for i, item in enumerate(items, 1):
        assert _flat(f"{i}. {item}") in flat
    assert "CHỦ HỘ" in lines and "TRƯỞNG THÔN ĐỒNG TÂM" in lines
    assert "Nguyễn Văn Đức" in lines
    assert _flat("Họ tên chủ hộ: NGUYỄN VĂN ĐỨC") in flat and _flat("Số hộ: 12") in flat


def test_a_household_without_a_pledge_gets_a_form_with_the_date_left_blank(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        doc = pdf(pledge_form(ctx.session, post["household_10"], 2026, today=TODAY).pdf)
    lines = doc.lines(0)
    assert "Hoàn Kiếm, ngày ..... tháng ..... năm 2026" in lines
    assert "Đinh Thị Lan" in lines  # the head signs


def test_an_area_prints_one_form_per_household_each_on_its_own_page(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        printed = pledge_forms_for_area(ctx.session, post["area"], 2026, today=TODAY)
    doc = pdf(printed.pdf)
    assert printed.pages == doc.pages == 3
    heads = ["HOÀNG VĂN MINH", "ĐINH THỊ LAN", "NGUYỄN VĂN ĐỨC"]  # households 2, 10, 12
    for page, head in enumerate(heads):
        lines = doc.lines(page)
        assert lines.count("BẢN CAM KẾT CỦA HỘ GIA ĐÌNH") == 1 and _flat(head) in doc.flat(page)
        assert not any(r.text.isdigit() and r.y > 780 for r in doc.runs(page))  # no page no.


def test_an_area_without_households_is_refused(write: Any, read: Any) -> None:
    with write() as ctx:
        area = add_area(ctx, name="Tổ dân phố số 9", kind="to_dan_pho")
    with read() as ctx, pytest.raises(ValidationFailed) as caught:
        pledge_forms_for_area(ctx.session, area.id, 2026, today=TODAY)
    assert [(p.field, p.code) for p in caught.value.problems] == [("area", "print.area_empty")]


def test_unknown_household_is_not_found(read: Any) -> None:
    with read() as ctx, pytest.raises(NotFound):
        pledge_form(ctx.session, "nope", 2026, today=TODAY)


def test_register_lists_every_household_and_ends_with_the_coverage(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        printed = pledge_register(ctx.session, post["area"], 2026, today=TODAY)
    doc = pdf(printed.pdf)
    lines = doc.all_lines()
    assert "DANH SÁCH HỘ GIA ĐÌNH KÝ CAM KẾT" in lines
    for title in ("STT", "Số hộ", "Chủ hộ", "Địa chỉ", "Ngày ký", "Tình trạng", "Chủ hộ ký"):
        assert _flat(title) in doc.flat(0)
    text = "\n".join(lines)
    # by household number, 2 before 10 before 12, with the pledge of each
    assert text.index("Hoàng Văn Minh") < text.index("Đinh Thị Lan") < text.index("Nguyễn Văn Đức")
    assert "16/03/2026" in lines and "15/03/2026" in lines
    assert lines.count("Đã ký") == 2 and lines.count("Chưa ký") == 1
    summary = _flat(text[text.index("Tổng số hộ") :])
    assert _flat("Tổng số hộ: 3; đã ký và thực hiện đúng cam kết: 2") in summary
    assert _flat("Tỷ lệ hộ ký cam kết: 66,7% (2/3).") in summary
    assert _flat("Chủ hộ ký") in doc.flat(0)  # a column where each head signs
    standard = "Thôn Đồng Tâm: 2/3 hộ ký cam kết — chưa đạt chuẩn 100 %"
    assert _flat(standard) in summary


def test_a_household_that_broke_its_pledge_had_signed_it(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    with write() as ctx:
        pledge = pledge_of(ctx.session, post["household"], 2026)
        assert pledge is not None
        mark_violated(ctx, pledge.id, "Đốt pháo nổ đêm giao thừa")
    with read() as ctx:
        cover = pledge_coverage(ctx.session, 2026, ctx.local_unit().id)[-1]
        register = pdf(pledge_register(ctx.session, post["area"], 2026, today=TODAY).pdf)
    assert (cover.pledged, cover.violated, cover.ratio) == (1, 1, Ratio(2, 3))
    summary = "".join(register.flat(n) for n in range(register.pages))
    assert _flat("vi phạm cam kết: 1. Tỷ lệ hộ ký cam kết: 66,7% (2/3).") in summary


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("Số nhà 112, Thôn Đông Thịnh, xã Phú Lương, tỉnh Thái Nguyên", "Số nhà 112"),
        ("Thôn Đông Thịnh, xã Phú Lương, tỉnh Thái Nguyên", ""),
        ("số nhà 5 thôn đông thịnh", "số nhà 5"),
        ("Xóm 3, Thôn Đồng Tâm", "Xóm 3, Thôn Đồng Tâm"),
        (None, ""),
    ],
)
def test_the_register_prints_only_what_an_address_says_below_its_area(
    address: str | None, expected: str
) -> None:
    assert within_area(address, "Thôn Đông Thịnh") == expected


def test_an_address_naming_its_area_is_not_followed_by_the_area_again() -> None:
    assert with_area("Bản Huổi Lèng, xã Phú Lương", "Bản Huổi Lèng") == (
        "Bản Huổi Lèng, xã Phú Lương"
    )
    assert with_area("Xóm 3", "Thôn Đồng Tâm") == "Xóm 3, Thôn Đồng Tâm"
    assert with_area(None, "Thôn Đồng Tâm") == "Thôn Đồng Tâm"


def test_a_batch_of_forms_counts_its_households(post: dict[str, str], read: Any) -> None:
    heard: list[tuple[int, int]] = []
    with read() as ctx:
        pledge_forms_for_area(
            ctx.session,
            post["area"],
            2026,
            today=TODAY,
            progress=lambda done, total: heard.append((done, total)) is None,
        )
    assert [d for d, _t in heard if d] == [1, 2, 3] and {t for _d, t in heard} == {3}
