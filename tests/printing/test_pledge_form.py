"""The household's own pledge form: the national motto and no letterhead, the household
and its members, the pledge items, and the head's signature beside the confirmation of the
head of the residential area; a large household runs onto a second page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from reportlab.lib.units import mm

from antt_desktop.i18n.translator import Translator
from antt_desktop.printing.pledge_form import area_title, pledge_form, pledge_forms_for_area
from antt_desktop.services import catalogues
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.memberships import add_member
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_area
from antt_desktop.store.models import Area
from tests.conftest import TODAY
from tests.printing.conftest import OFFICER_NAME

#: Members of household 12 besides its head Nguyễn Văn Đức (born 1985).
FAMILY = [
    ("Nguyễn Thị Hoa", "1987", "Vợ"),
    ("Nguyễn Văn An", "2010", "Con"),
    ("Nguyễn Thị Bình", "2014", "Con"),
    ("Trần Thị Tám", "1950", "Mẹ"),
]


def _flat(text: str) -> str:
    return "".join(text.split())


def _add_members(
    write: Callable[..., Any], household_id: str, people: list[tuple[str, str, str]]
) -> None:
    with write() as ctx:
        for name, born, relation in people:
            person = add_person(ctx, PersonInput(full_name=name, born=born)).person
            add_member(ctx, household_id, person.id, relation)


@pytest.fixture
def family(post: dict[str, str], write: Any) -> dict[str, str]:
    _add_members(write, post["household"], FAMILY)
    return post


def test_the_form_is_the_households_own_pledge_with_its_members(
    family: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        printed = pledge_form(ctx.session, family["household"], 2026, today=TODAY)
    doc = pdf(printed.pdf)
    assert printed.pages == 1
    lines = doc.lines(0)
    # the national motto heads the page, and nothing of the post's letterhead
    assert lines[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert not any("CÔNG AN" in line for line in lines)
    assert "BẢN CAM KẾT CỦA HỘ GIA ĐÌNH" in lines
    flat = doc.flat(0)
    assert (
        _flat(
            "Thực hiện phong trào Toàn dân bảo vệ an ninh Tổ quốc và xây dựng Gia đình văn"
            " hóa năm 2026"
        )
        in flat
    )
    assert _flat("Họ tên chủ hộ: NGUYỄN VĂN ĐỨC") in flat and _flat("Số hộ: 12") in flat
    assert _flat("Địa chỉ: Thôn Đồng Tâm") in flat and _flat("Số nhân khẩu: 5") in flat
    # the head first, then the oldest first, each with the year of birth and relation
    table = _flat("STT Họ và tên Năm sinh Quan hệ với chủ hộ")
    members = [
        "1 Nguyễn Văn Đức 1985 Chủ hộ",
        "2 Trần Thị Tám 1950 Mẹ",
        "3 Nguyễn Thị Hoa 1987 Vợ",
        "4 Nguyễn Văn An 2010 Con",
        "5 Nguyễn Thị Bình 2014 Con",
    ]
    assert table + "".join(_flat(m) for m in members) in flat
    _version, items = catalogues.pledge_template()
    for i, item in enumerate(items, 1):
        assert _flat(f"{i}. {item}") in flat
    # the date it was signed, the head signs and the head of the village confirms
    assert "Hoàn Kiếm, ngày 15 tháng 03 năm 2026" in lines
    assert _flat("XÁC NHẬN CỦA TRƯỞNG THÔN ĐỒNG TÂM") in flat
    assert "XÁC NHẬN CỦA" in lines and "TRƯỞNG THÔN ĐỒNG TÂM" in lines  # cut after CỦA
    assert "CHỦ HỘ" in lines and "Nguyễn Văn Đức" in lines
    # the officer of the post who received it signs too, named as the pledge records
    assert "CÁN BỘ TIẾP NHẬN" in lines and OFFICER_NAME in lines
    assert flat.count(_flat("(Ký, ghi rõ họ tên)")) == 3


def test_the_three_signature_places_stand_side_by_side_under_the_items(
    family: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        doc = pdf(pledge_form(ctx.session, family["household"], 2026, today=TODAY).pdf)
    runs = {r.text: r for r in doc.runs(0)}
    head, village = runs["CHỦ HỘ"], runs["XÁC NHẬN CỦA"]
    officer = runs["CÁN BỘ TIẾP NHẬN"]
    closing = next(r for r in doc.runs(0) if r.text.startswith("Nếu vi phạm"))
    assert abs(head.y - village.y) < 2 and abs(officer.y - head.y) < 2  # titles start level
    # the village head on the left, the receiving officer between, the household's head right
    assert village.x < officer.x < head.x
    assert head.y < closing.y  # under the closing lines
    assert runs["Nguyễn Văn Đức"].y < head.y  # the head's name under the signing room


def test_a_household_with_no_member_recorded_gets_rows_to_fill_by_hand(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    with write() as ctx:
        bare = add_household(ctx, HouseholdInput(number="30")).id
    with read() as ctx:
        doc = pdf(pledge_form(ctx.session, bare, 2026, today=TODAY).pdf)
    flat = doc.flat(0)
    lines = doc.lines(0)
    assert "Số nhân khẩu: …………" in lines and "Địa chỉ: ………………………………" in lines  # one line each
    assert _flat("Họ tên chủ hộ: …") in flat
    assert _flat("STT Họ và tên Năm sinh Quan hệ với chủ hộ") in flat
    assert _flat("XÁC NHẬN CỦA TRƯỞNG THÔN, TỔ DÂN PHỐ") in flat  # no area recorded
    assert "Hoàn Kiếm, ngày ..... tháng ..... năm 2026" in lines
    # three rows, each tall enough to write a member in by hand
    runs = doc.runs(0)
    table_top = next(r.y for r in runs if r.text == "STT")
    text_top = next(r.y for r in runs if r.text.startswith("Sau khi được quán triệt"))
    assert table_top - text_top > 3 * 6 * mm


def test_eight_members_fit_on_one_page(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    more = [(f"Nguyễn Văn Cháu {n}", str(2000 + n), "Cháu") for n in range(3)]
    _add_members(write, post["household"], FAMILY + more)
    with read() as ctx:
        printed = pledge_form(ctx.session, post["household"], 2026, today=TODAY)
    assert printed.pages == 1
    flat = pdf(printed.pdf).flat(0)
    assert _flat("Số nhân khẩu: 8") in flat and _flat("8 Nguyễn Thị Bình 2014 Con") in flat


def test_a_large_household_runs_on_with_its_signatures_kept_with_the_last_lines(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    many = [(f"Nguyễn Văn Cháu {n}", str(1990 + n), "Cháu") for n in range(1, 21)]
    _add_members(write, post["household"], many)
    with read() as ctx:
        printed = pledge_form(ctx.session, post["household"], 2026, today=TODAY)
    doc = pdf(printed.pdf)
    assert printed.pages == 2
    second = doc.lines(1)
    assert "2" in second  # numbered from its second page
    flat = doc.flat(1)
    # every member is listed once, the signatures come with the closing lines
    assert sum(_flat(f"Nguyễn Văn Cháu {n}") in doc.flat(0) + flat for n in range(1, 21)) == 20
    assert _flat("Nếu vi phạm, gia đình chúng tôi") in flat
    assert "CHỦ HỘ" in second and _flat("XÁC NHẬN CỦA TRƯỞNG THÔN ĐỒNG TÂM") in flat
    assert "BẢN CAM KẾT CỦA HỘ GIA ĐÌNH" not in second  # the title is not repeated


def test_an_area_prints_each_households_form_with_its_own_members(
    family: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        doc = pdf(pledge_forms_for_area(ctx.session, family["area"], 2026, today=TODAY).pdf)
    assert doc.pages == 3
    assert "Trần Thị Tám" in doc.text(2) and "Trần Thị Tám" not in doc.text(0)


def test_the_area_head_is_named_with_the_word_of_its_kind(write: Any, read: Any) -> None:
    with write() as ctx:
        named = add_area(ctx, name="Tổ dân phố số 5", kind="to_dan_pho").id
        bare = add_area(ctx, name="Đồng Tâm", kind="thon").id
    tr = Translator("vi")
    with read() as ctx:
        assert area_title(ctx.session.get(Area, named), tr) == "Tổ dân phố số 5"
        assert area_title(ctx.session.get(Area, bare), tr) == "Thôn Đồng Tâm"
        english = Translator("en")
        assert area_title(ctx.session.get(Area, named), english) == "Tổ dân phố số 5"
        assert area_title(ctx.session.get(Area, bare), english) == "village Đồng Tâm"
