"""Certificates as a chief signs them (issue #12): the issuer spelled out with the title of
its kind and its own place in the date line, the recipient's position line under the name,
the signer's name under the signature space, everything on one page or a refusal by name,
and the variable texts alone on a pre-printed blank form."""

from __future__ import annotations

from typing import Any

import pytest

from antt_desktop.printing.certificate import CertificateTooLong, certificate
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services.commendations import CommendationInput, add_commendation

MM = 72 / 25.4
INNER = 13 * MM  # the inner line of the decorative frame
FIXED = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TẶNG", "GIẤY KHEN")


def _commend(write: Any, **fields: Any) -> str:
    data = {
        "kind": "giay_khen",
        "issuer": "Giám đốc Công an tỉnh Thái Nguyên",
        "decision_number": "215/QĐ-CAT",
        "decision_date": "20/11/2026",
        "recipient_kind": "text",
        "recipient_name": "Đinh Thị Thu Hương",
        "recipient_position": "Phó Trưởng Công an xã Phú Lương, Công an tỉnh Thái Nguyên",
        "signer_name": "Đại tá Phạm Văn Hùng",
        "achievement": "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ"
        " quốc năm 2026",
    }
    data.update(fields)
    with write() as ctx:
        return add_commendation(ctx, CommendationInput(**data)).id


def _run(doc: Any, text: str, page: int = 0) -> Any:
    return next(r for r in doc.runs(page) if r.text == text)


def test_a_provincial_director_signs_as_director_dated_at_the_province(
    write: Any, read: Any, pdf: Any
) -> None:
    """The post is in Hoàn Kiếm; the Director of Thái Nguyên's police dates his certificate
    at Thái Nguyên, heads it with his full title and signs as GIÁM ĐỐC over his name."""
    made = _commend(write)
    with read() as ctx:
        doc = pdf(certificate(ctx.session, made).pdf)
    lines = doc.lines(0)
    assert doc.pages == 1
    assert "GIÁM ĐỐC CÔNG AN TỈNH THÁI NGUYÊN" in lines
    assert "Thái Nguyên, ngày 20 tháng 11 năm 2026" in lines
    assert not any(line.startswith("Hoàn Kiếm") for line in lines)
    title, name = _run(doc, "GIÁM ĐỐC"), _run(doc, "Đại tá Phạm Văn Hùng")
    assert name.y < title.y - 20 * MM  # the room for the signature and seal between them
    assert abs((name.x + name.end) / 2 - (title.x + title.end) / 2) < 2  # one column


def test_a_head_of_commune_police_signs_with_the_title_of_the_unit_never_a_bare_truong(
    write: Any, read: Any, pdf: Any
) -> None:
    made = _commend(write, issuer="Trưởng Công an xã Phú Lương", decision_number="7/QĐ-CAX")
    with read() as ctx:
        lines = pdf(certificate(ctx.session, made).pdf).lines(0)
    assert "TRƯỞNG CÔNG AN XÃ PHÚ LƯƠNG" in lines  # the heading
    assert "TRƯỞNG CÔNG AN XÃ" in lines  # the signing title
    assert "TRƯỞNG" not in lines
    assert "Phú Lương, ngày 20 tháng 11 năm 2026" in lines


def test_a_chairman_is_spelled_out_and_a_deputy_signs_for_him(
    write: Any, read: Any, pdf: Any
) -> None:
    made = _commend(write, issuer="Phó Chủ tịch UBND xã Phú Lương", signer_name="Lò Văn Sáu")
    with read() as ctx:
        lines = pdf(certificate(ctx.session, made).pdf).lines(0)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ PHÚ LƯƠNG" in lines
    assert lines.index("KT. CHỦ TỊCH") + 1 == lines.index("PHÓ CHỦ TỊCH")
    assert "Lò Văn Sáu" in lines


def test_the_position_line_stands_under_the_name_and_above_the_achievement(
    write: Any, read: Any, pdf: Any
) -> None:
    made = _commend(write)
    with read() as ctx:
        doc = pdf(certificate(ctx.session, made).pdf)
    name = _run(doc, "Đinh Thị Thu Hương")
    position = _run(doc, "Phó Trưởng Công an xã Phú Lương, Công an tỉnh Thái Nguyên")
    achievement = next(r for r in doc.runs(0) if r.text.startswith("Đã có thành tích"))
    assert achievement.y < position.y < name.y
    assert name.y - position.y < 12 * MM  # the very next line
    assert position.size < name.size


def test_a_two_line_recipient_and_a_four_line_achievement_shrink_onto_one_page(
    write: Any, read: Any, pdf: Any
) -> None:
    long_name = "Tổ bảo vệ an ninh, trật tự ở cơ sở thôn Đồng Tâm và tổ dân phố số 5, tổ liên gia"
    achievement = " ".join(
        ["Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc,"] * 4
    )
    made = _commend(
        write,
        recipient_name=long_name,
        recipient_position="Thôn Đồng Tâm, tổ dân phố số 5 và các hộ liên gia, xã Phú Lương,"
        " tỉnh Thái Nguyên",
        achievement=achievement,
    )
    with read() as ctx:
        doc = pdf(certificate(ctx.session, made).pdf)
    assert doc.pages == 1
    name = _run(doc, "Đại tá Phạm Văn Hùng")
    assert name.y > INNER  # the signer's name inside the frame of page 1
    said = [r for r in doc.runs(0) if r.text.startswith("Đã có thành tích")]
    assert said and all(11 <= r.size < 16 for r in said)  # shrunk within the limit


def test_a_certificate_that_cannot_fit_is_refused_by_name_unless_two_pages_are_allowed(
    write: Any, read: Any, pdf: Any
) -> None:
    made = _commend(write, achievement=" ".join(["Có thành tích xuất sắc năm 2026."] * 60))
    with read() as ctx, pytest.raises(CertificateTooLong) as caught:
        certificate(ctx.session, made)
    assert caught.value.params["name"] == "Đinh Thị Thu Hương"
    assert caught.value.exit_code == 3
    with read() as ctx:
        printed = certificate(ctx.session, made, options=PrintOptions(allow_two_pages=True))
    assert printed.pages == 2


def test_a_number_from_the_register_or_blank_for_the_pen(write: Any, read: Any, pdf: Any) -> None:
    made = _commend(write)
    with read() as ctx:
        given = pdf(
            certificate(ctx.session, made, options=PrintOptions(numbers={made: "12/GK-CAT"})).pdf
        )
        blank = pdf(certificate(ctx.session, made, options=PrintOptions(number="")).pdf)
    assert "Số: 12/GK-CAT" in given.lines(0)
    assert any(line.startswith("Số:") and line.endswith("/GK-CAT") for line in blank.lines(0))
    assert "Quyết định số 215/QĐ-CAT ngày 20/11/2026" in given.lines(0)


def test_a_blank_form_prints_only_the_variable_text_moved_by_the_printers_offsets(
    write: Any, read: Any, pdf: Any
) -> None:
    made = _commend(write)
    with read() as ctx:
        whole = pdf(certificate(ctx.session, made).pdf)
        form = pdf(certificate(ctx.session, made, options=PrintOptions(blank_form=True)).pdf)
        moved = pdf(
            certificate(
                ctx.session,
                made,
                options=PrintOptions(blank_form=True, offset_x_mm=4.5, offset_y_mm=-3),
            ).pdf
        )
    lines = form.lines(0)
    for text in (*FIXED, "GIÁM ĐỐC CÔNG AN TỈNH THÁI NGUYÊN", "GIÁM ĐỐC"):
        assert text in whole.lines(0)
        assert text not in lines
    page = form.reader.pages[0].get_contents().get_data()
    assert b" re\n" not in page and b" re " not in page  # no border rectangles
    variable = (
        "Đinh Thị Thu Hương",
        "Phó Trưởng Công an xã Phú Lương, Công an tỉnh Thái Nguyên",
        "Thái Nguyên, ngày 20 tháng 11 năm 2026",
        "Đại tá Phạm Văn Hùng",
        "Quyết định số 215/QĐ-CAT ngày 20/11/2026",
    )
    for text in variable:
        on_whole, on_form, on_moved = _run(whole, text), _run(form, text), _run(moved, text)
        assert (on_form.x, on_form.y) == pytest.approx((on_whole.x, on_whole.y), abs=0.01)
        assert on_moved.x - on_form.x == pytest.approx(4.5 * MM, abs=0.01)
        assert on_moved.y - on_form.y == pytest.approx(3 * MM, abs=0.01)  # up: y grows upward


def test_the_calibration_page_draws_its_marks_moved_by_the_offsets_tried(pdf: Any) -> None:
    import re

    from antt_desktop.i18n.translator import Translator
    from antt_desktop.printing.calibration import MARKS, calibration_page

    def crosses(x: float, y: float) -> list[tuple[float, float]]:
        page = calibration_page(Translator("vi"), offset_x_mm=x, offset_y_mm=y, printer="HP")
        doc = pdf(page.pdf)
        stream = doc.reader.pages[0].get_contents().get_data().decode("latin-1")
        lines = re.findall(r"([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l", stream)
        # a cross's horizontal stroke is 12 mm long: its middle is the mark
        return [
            ((float(a) + float(c)) / 2, float(b))
            for a, b, c, d in lines
            if b == d and abs(float(c) - float(a) - 12 * MM) < 0.01
        ]

    still, moved = crosses(0, 0), crosses(2.5, -1.5)
    assert len(still) == len(moved) == len(MARKS)
    for (x0, y0), (x1, y1) in zip(still, moved, strict=True):
        assert x1 - x0 == pytest.approx(2.5 * MM, abs=0.01)
        assert y1 - y0 == pytest.approx(1.5 * MM, abs=0.01)  # up the page: -1.5 mm down
    lines = pdf(calibration_page(Translator("vi"), offset_x_mm=2.5, printer="HP").pdf).lines(0)
    assert "TRANG CĂN CHỈNH MÁY IN" in lines
    assert "Độ lệch đang thử: sang phải 2,5 mm, xuống dưới 0 mm" in lines
