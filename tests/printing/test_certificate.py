"""Certificates of merit (giấy khen): landscape A4, one page per recipient of a decision."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.printing.certificate import (
    certificate,
    certificates_for_decision,
    issuer_title,
)
from antt_desktop.printing.document import PrintCancelled
from antt_desktop.printing.fonts import missing_letters, serif, vietnamese_letters
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services.commendations import (
    CommendationInput,
    DecisionInput,
    add_commendation,
    add_commendations_batch,
    commendations_of_decision,
)

LANDSCAPE = (841.89, 595.28)


def test_one_landscape_page_per_recipient_with_everything_a_certificate_says(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        printed = certificates_for_decision(
            ctx.session,
            "844/QĐ-UBND",
            post["unit"],
            options=PrintOptions(signer_name="Trần Văn Bình"),
        )
    doc = pdf(printed.pdf)
    assert printed.pages == doc.pages == 2
    assert all(doc.size(n) == pytest.approx(LANDSCAPE, abs=0.01) for n in range(2))
    assert all(doc.fonts().values())
    first, second = doc.lines(0), doc.lines(1)  # collectives first, then individuals
    for lines in (first, second):
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
        assert "Độc lập - Tự do - Hạnh phúc" in lines
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM" in lines  # spelled out
        assert "TẶNG" in lines and "GIẤY KHEN" in lines
        assert "Quyết định số 844/QĐ-UBND ngày 01/04/2026" in lines
        assert "Hoàn Kiếm, ngày 01 tháng 04 năm 2026" in lines
        assert "CHỦ TỊCH" in lines and "Trần Văn Bình" in lines
    assert "Tổ tự quản số 3" in first and "Số sổ vàng: 13" in first
    assert "Ông Nguyễn Văn Đức" in second and "Số sổ vàng: 12" in second
    assert any(line.startswith("Đã có thành tích xuất sắc") for line in second)
    title = next(r for r in doc.runs(0) if r.text == "GIẤY KHEN")
    assert title.size >= 40 and title.font.endswith("Bold")


def test_text_stays_inside_the_decorative_frame(post: dict[str, str], read: Any, pdf: Any) -> None:
    with read() as ctx:
        doc = pdf(certificates_for_decision(ctx.session, "844/QĐ-UBND", post["unit"]).pdf)
    inner = 13 * 72 / 25.4  # the inner line of the frame, 13 mm from the edges
    for page in range(doc.pages):
        width, height = doc.size(page)
        for run in doc.runs(page):
            assert inner < run.x and run.end - run.slack < width - inner, run
            assert inner < run.y < height - inner, run


def test_a_recipient_named_with_every_tone_prints_with_no_missing_glyph(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    name = vietnamese_letters()
    with write() as ctx:
        made = add_commendation(
            ctx,
            CommendationInput(
                kind="giay_khen",
                issuer="Giám đốc Công an thành phố Hà Nội",
                decision_number="15/QĐ-CAT",
                decision_date="02/01/2026",
                recipient_kind="text",
                recipient_name=name,
                achievement="Có thành tích trong phát hiện, tố giác tội phạm năm 2025",
            ),
        )
    with read() as ctx:
        doc = pdf(certificate(ctx.session, made.id).pdf)
    assert "".join(doc.text(0).split()).count(name) == 1
    recipient = [r for r in doc.runs(0) if set(r.text) & set("ẶặỸỹ")]
    assert recipient and all(missing_letters(r.font, r.text) == "" for r in recipient)
    assert missing_letters(serif().bold, name) == ""
    assert "GIÁM ĐỐC" in doc.lines(0)  # the signing title of this issuer


def test_issuer_title_is_the_title_before_the_body() -> None:
    assert issuer_title("Chủ tịch UBND xã Phú Lương") == "CHỦ TỊCH"
    assert issuer_title("Giám đốc Công an tỉnh Thái Nguyên") == "GIÁM ĐỐC"
    assert issuer_title("Trưởng Công an xã Phú Lương") == "TRƯỞNG CÔNG AN XÃ"  # never bare
    assert issuer_title("Hội Nông dân") == "HỘI NÔNG DÂN"


def test_unknown_decision_is_refused_naming_the_field(post: dict[str, str], read: Any) -> None:
    with read() as ctx:
        assert commendations_of_decision(ctx.session, "999/QĐ", post["unit"]) == []
        with pytest.raises(ValidationFailed) as caught:
            certificates_for_decision(ctx.session, "999/QĐ", post["unit"])
    [problem] = caught.value.problems
    assert (problem.field, problem.code) == ("decision_number", "print.decision_unknown")


def test_a_batch_reports_each_certificate_and_stops_when_asked(
    post: dict[str, str], read: Any
) -> None:
    heard: list[tuple[int, int]] = []

    def listen(done: int, total: int) -> bool:
        heard.append((done, total))
        return True

    with read() as ctx:
        printed = certificates_for_decision(
            ctx.session, "844/QĐ-UBND", post["unit"], progress=listen
        )
    assert printed.pages == 2
    laid_out = [done for done, total in heard if total == 2 and done > 0]
    assert laid_out == [1, 2]  # after the first certificate, and at the end
    assert {total for _done, total in heard} == {2}

    def stop_after_one(done: int, total: int) -> bool:
        return done < 1

    with read() as ctx, pytest.raises(PrintCancelled):
        certificates_for_decision(ctx.session, "844/QĐ-UBND", post["unit"], progress=stop_after_one)


def test_a_number_used_again_next_year_prints_only_the_decision_asked_for(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    """Numbers like 844/QĐ-UBND start again every year: the 2025 decision of the same number
    must not slip into the 2026 certificates, and a number alone is refused by name."""
    with write() as ctx:
        add_commendations_batch(
            ctx,
            DecisionInput(
                kind="giay_khen",
                issuer="Chủ tịch UBND phường Hoàn Kiếm",
                decision_number="844/QĐ-UBND",
                decision_date="15/03/2025",
                achievement="Hoàn thành xuất sắc nhiệm vụ năm 2024",
            ),
            [{"recipient_kind": "text", "recipient_name": "Tổ dân phố số 7", "collective": True}],
        )
    with read() as ctx:
        with pytest.raises(ValidationFailed) as caught:
            certificates_for_decision(ctx.session, "844/QĐ-UBND", post["unit"])
        doc = pdf(
            certificates_for_decision(
                ctx.session, "844/QĐ-UBND", post["unit"], date(2025, 3, 15)
            ).pdf
        )
    [problem] = caught.value.problems
    assert (problem.field, problem.code) == ("decision_date", "commendation.decision_ambiguous")
    assert problem.params["dates"] == "15/03/2025, 01/04/2026"
    assert doc.pages == 1
    assert "Tổ dân phố số 7" in doc.lines(0)
    assert "Quyết định số 844/QĐ-UBND ngày 15/03/2025" in doc.lines(0)
