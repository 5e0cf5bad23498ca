"""Every document signable as printed (Decree 30/2020/NĐ-CP): the signature never alone on a
page, the issuer's title, parent body, place and number symbol by the unit's kind, a rule
under the subject, title lines never broken inside words that belong together."""

from __future__ import annotations

import re
from typing import Any

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from antt_desktop.domain.periods import Period
from antt_desktop.printing.document import build
from antt_desktop.printing.layout import FIXED_PHRASES, PORTRAIT, balanced, heading, styles
from antt_desktop.printing.report import periodic_report
from antt_desktop.printing.signature import (
    Signer,
    recipients,
    sign_off,
    signature,
    signature_row,
)
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services import accounts
from antt_desktop.services.context import Actor
from tests.conftest import TODAY

W = PORTRAIT.frame_width
LINE = re.compile(rb"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S")


def _flat(text: str) -> str:
    return "".join(text.split())


def _report(read: Any, pdf: Any, unit: str | None = None, **options: Any) -> Any:
    with read() as ctx:
        printed = periodic_report(
            ctx.session,
            Period.parse("2026-Q3"),
            unit_id=unit,
            today=TODAY,
            options=PrintOptions(**options),
        )
    return pdf(printed.pdf)


def test_the_signature_page_always_holds_the_end_of_the_body(pdf: Any) -> None:
    """However long the body, the page with "Nơi nhận" and the title has body text too."""
    st = styles()
    foot = [
        Spacer(1, 8 * mm),
        signature_row(
            recipients(["Công an thành phố Hà Nội"], _tr(), st),
            signature(Signer("TRƯỞNG CÔNG AN PHƯỜNG", "Hoàng Minh Tuấn"), st),
            W,
        ),
    ]
    for count in range(20, 60, 3):
        body = [
            *heading("I. KẾT QUẢ", st),
            *(Paragraph(f"Dòng nội dung số {i} của báo cáo.", st.body) for i in range(count)),
        ]
        doc = pdf(build(sign_off(body, foot), title="t").pdf)
        last = doc.text(doc.pages - 1)
        assert "TRƯỞNG CÔNG AN PHƯỜNG" in last and "Nơi nhận" in last
        assert "Dòng nội dung số" in last, f"the signature is alone with {count} lines"
        assert f"số {count - 1} " in last  # the body's last line is on the signature's page


def _tr() -> Any:
    return PrintOptions().tr


def test_a_posts_report_is_dated_from_the_commune_and_numbered_by_hand(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    doc = _report(read, pdf)
    first = doc.lines(0)
    assert first[0].startswith("CÔNG AN THÀNH PHỐ HÀ NỘI")
    assert re.search(r"Số:\s+/BC-CAP(\s|$)", doc.text(0)), first
    assert _flat(f"Hoàn Kiếm, ngày {TODAY:%d} tháng {TODAY:%m} năm {TODAY.year}") in doc.flat(0)
    assert "BỘ CÔNG AN" not in first


def test_the_upper_units_report_is_the_directors_under_the_ministry(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    doc = _report(read, pdf, unit="CAT-HN")
    first = doc.lines(0)
    assert first[0].startswith("BỘ CÔNG AN")
    assert any("CÔNG AN THÀNH PHỐ HÀ NỘI" in line for line in first[:3])
    assert re.search(r"Số:\s+/BC-CATP(\s|$)", doc.text(0)), first
    assert _flat(f"Hà Nội, ngày {TODAY:%d} tháng {TODAY:%m} năm {TODAY.year}") in doc.flat(0)
    last = doc.lines(doc.pages - 1)
    assert "GIÁM ĐỐC" in last
    assert not any("TRƯỞNG CÔNG AN" in line for line in last)


def test_a_deputy_signs_for_the_chief(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    with write(actor=Actor("admin", "chief")) as ctx:
        accounts.edit_account(
            ctx, username="admin", full_name="Hoàng Minh Tuấn", title="Phó Trưởng Công an phường"
        )
    doc = _report(read, pdf)
    last = doc.lines(doc.pages - 1)
    kt = next(i for i, line in enumerate(last) if "KT. TRƯỞNG CÔNG AN PHƯỜNG" in line)
    assert "PHÓ TRƯỞNG CÔNG AN PHƯỜNG" in last[kt + 1]
    assert any("Hoàng Minh Tuấn" in line for line in last[kt + 2 :])


def test_a_short_rule_is_drawn_under_the_subject(post: dict[str, str], read: Any, pdf: Any) -> None:
    doc = _report(read, pdf)
    runs = doc.runs(0)
    subject = next(r for r in runs if r.text.startswith("Kết quả công tác"))
    intro = next(r for r in runs if r.text.startswith("Thực hiện chế độ"))
    lines = [
        tuple(float(v) for v in m.groups())
        for m in LINE.finditer(doc.reader.pages[0].get_contents().get_data())
    ]
    under = [
        (x1, y1, x2, y2) for x1, y1, x2, y2 in lines if y1 == y2 and intro.y < y1 < subject.y - 3
    ]
    assert len(under) == 1, lines
    x1, _y, x2, _ = under[0]
    middle = PORTRAIT.left + W / 2
    assert abs((x1 + x2) / 2 - middle) < 1
    assert W / 6 < x2 - x1 < W / 2


@pytest.mark.parametrize("width", [w * 10.0 for w in range(18, 46)])
def test_no_title_line_ends_inside_a_phrase(width: float) -> None:
    st = styles()
    for text in (
        "Kết quả công tác bảo đảm an ninh, trật tự quý III/2026",
        "Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc của Công an xã Phú Lương năm 2026",
        "CÔNG AN XÃ PHÚ LƯƠNG TỈNH THÁI NGUYÊN",
    ):
        markup = balanced(text, st.fonts.bold, 14, width)
        for line in markup.split("<br/>"):
            words = line.replace("\u00a0", " ").split(" ")
            for phrase in (*FIXED_PHRASES, "quý III/2026", "năm 2026"):
                head = phrase.split(" ")
                # a line may not end with the start of a phrase whose end is on the next
                for cut in range(1, len(head)):
                    start = [w.casefold() for w in head[:cut]]
                    assert [w.casefold() for w in words[-cut:]] != start or markup.endswith(line), (
                        f"{phrase!r} broken at {width}: {markup}"
                    )
