"""The personal data sheet ends with the person's correction history."""

from __future__ import annotations

from datetime import date
from typing import Any

from antt_desktop.printing.person_sheet import person_sheet
from antt_desktop.services.people import edit_person
from tests.conftest import TODAY


def _flat(text: str) -> str:
    return "".join(text.split())


def test_the_sheet_prints_each_correction(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    with read() as ctx:
        before = pdf(person_sheet(ctx.session, post["person"], today=TODAY).pdf)
    assert "VII. LỊCH SỬ ĐÍNH CHÍNH" in before.all_lines()
    assert _flat("Chưa có lần đính chính nào.") in "".join(
        before.flat(n) for n in range(before.pages)
    )
    with write(today=date(2026, 11, 20)) as ctx:
        edit_person(
            ctx, post["person"], {"occupation": "Thợ xây"}, reason="Đổi nghề từ tháng 10/2026"
        )
    with read() as ctx:
        doc = pdf(person_sheet(ctx.session, post["person"], today=TODAY).pdf)
    flat = "".join(doc.flat(n) for n in range(doc.pages))
    for fact in (
        "Ngày Trường thông tin Thông tin cũ Thông tin mới Lý do đính chính Người đính chính",
        "20/11/2026 Nghề nghiệp Thợ mộc Thợ xây Đổi nghề từ tháng 10/2026 canbo1",
    ):
        assert _flat(fact) in flat, fact
