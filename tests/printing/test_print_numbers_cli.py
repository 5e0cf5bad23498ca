# ruff: noqa: F811  (the fixtures antt and ids of test_print_cli are imported by name)
"""``antt print ... --number auto|blank|N`` and ``antt print numbers``: reports and
certificates numbered from the register of their year and type, kept when printed again,
never reused after a cancellation; certificates too long for a page refused with exit 3."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from antt_desktop.services.commendations import CommendationInput, add_commendation
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store.database import DB_FILENAME
from tests.conftest import open_post
from tests.printing.test_print_cli import antt, ids  # noqa: F401  (fixtures)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.slow
def test_a_report_takes_the_next_number_keeps_it_when_reprinted_and_a_blank_on_request(
    antt: Any, ids: dict[str, str], tmp_path: Path
) -> None:
    first, again, other = (tmp_path / n for n in ("q3.pdf", "q3-again.pdf", "q2.pdf"))
    assert antt("print", "report", "--period", "2026-Q3", "--out", str(first)).code == 0
    assert antt("print", "report", "--period", "2026-Q3", "--out", str(again)).code == 0
    assert antt("print", "report", "--period", "2026-Q2", "--out", str(other)).code == 0
    assert "Số: 1/BC-CAX" in _text(first) and "Số: 1/BC-CAX" in _text(again)
    assert "Số: 2/BC-CAX" in _text(other)
    blank = tmp_path / "blank.pdf"
    result = antt(
        "print", "report", "--period", "2026-Q1", "--number", "blank", "--out", str(blank)
    )
    assert result.code == 0, result.err
    [line] = [x for x in _text(blank).splitlines() if x.strip().startswith("Số:")]
    assert line.strip().endswith("/BC-CAX") and not any(c.isdigit() for c in line)

    listed = antt("print", "numbers", "--year", "2026", "--json")
    assert [(r["number"], r["state"]) for r in listed.json] == [
        ("1/BC-CAX", "issued"),
        ("2/BC-CAX", "issued"),
    ]
    assert listed.json[0]["issued_by"] == "truongcong"


@pytest.mark.slow
def test_a_cancelled_number_is_shown_cancelled_and_never_given_again(
    antt: Any, ids: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "r.pdf"
    assert antt("print", "report", "--period", "2026-Q3", "--out", str(out)).code == 0
    refused = antt("print", "numbers", "--cancel", "1/BC-CAX")
    assert refused.code == 3 and "Lý do hủy số" in refused.err
    done = antt("print", "numbers", "--cancel", "1/BC-CAX", "--reason", "In sai số liệu")
    assert done.code == 0, done.err
    assert antt("print", "report", "--period", "2026-Q3", "--out", str(out)).code == 0
    assert "Số: 2/BC-CAX" in _text(out)  # a reprint after the cancellation: a new number
    shown = antt("print", "numbers")
    assert "đã hủy" in shown.out and "In sai số liệu" in shown.out
    twice = antt("print", "numbers", "--cancel", "1/BC-CAX", "--reason", "Lại")
    assert twice.code == 3 and "đã hủy" in twice.err


def test_certificates_are_numbered_per_recipient_and_a_typed_number_is_refused_for_a_batch(
    antt: Any, ids: dict[str, str], tmp_path: Path
) -> None:
    with open_post(antt.data_dir / DB_FILENAME, "truongcong") as db, db.write() as session:
        ctx = Ctx(session, Actor("truongcong", "chief"), date(2026, 11, 22))
        for name in ("Tổ tự quản xóm Đồng Tâm", "Tổ tự quản xóm Làng Phan"):
            add_commendation(
                ctx,
                CommendationInput(
                    kind="giay_khen",
                    issuer="Trưởng Công an xã Phú Lương",
                    decision_number="14/QĐ-CAX",
                    decision_date="10/01/2026",
                    recipient_kind="text",
                    recipient_name=name,
                    achievement="Có thành tích trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
                ),
            )
    out = tmp_path / "gk.pdf"
    result = antt("print", "certificate", "--decision", "14/QĐ-CAX", "--out", str(out))
    assert result.code == 0, result.err
    pages = [page.extract_text() for page in PdfReader(out).pages]
    assert "Số: 1/GK-CAX" in pages[0] and "Số: 2/GK-CAX" in pages[1]
    typed = antt("print", "certificate", "--decision", "14/QĐ-CAX", "--number", "5/GK")
    assert typed.code == 3 and "cấp số tự động" in typed.err


def test_a_certificate_another_unit_issued_is_left_to_number_by_hand(
    antt: Any, ids: dict[str, str], tmp_path: Path
) -> None:
    """The commune's People's Committee numbers its certificates in its own register: the
    post prints them with a line to fill, and gives none of its own numbers."""
    out = tmp_path / "gk.pdf"
    result = antt("print", "certificate", "--decision", "12/QĐ-UBND", "--out", str(out))
    assert result.code == 0, result.err
    text = PdfReader(out).pages[0].extract_text()
    assert "/GK-UBND" in text and "Số: 1/" not in text
    assert "GK" not in antt("print", "numbers").out  # nothing taken from the post's register


def test_a_certificate_too_long_exits_3_naming_it_unless_two_pages_are_allowed(
    antt: Any, ids: dict[str, str], tmp_path: Path
) -> None:
    with open_post(antt.data_dir / DB_FILENAME, "truongcong") as db, db.write() as session:
        ctx = Ctx(session, Actor("truongcong", "chief"), date(2026, 11, 22))
        add_commendation(
            ctx,
            CommendationInput(
                kind="giay_khen",
                issuer="Trưởng Công an xã Phú Lương",
                decision_number="3/QĐ-CAX",
                decision_date="10/11/2026",
                recipient_kind="text",
                recipient_name="Hoàng Văn Páo",
                achievement=" ".join(["Có thành tích xuất sắc."] * 120),
            ),
        )
    out = tmp_path / "long.pdf"
    refused = antt("print", "certificate", "--decision", "3/QĐ-CAX", "--out", str(out))
    assert refused.code == 3
    assert "Hoàng Văn Páo" in refused.err and "không vừa một trang" in refused.err
    assert not out.exists()
    allowed = antt(
        "print", "certificate", "--decision", "3/QĐ-CAX", "--allow-two-pages", "--out", str(out)
    )
    assert allowed.code == 0, allowed.err
    assert len(PdfReader(out).pages) == 2


def test_blank_form_and_offsets_from_the_command_line(
    antt: Any, ids: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "form.pdf"
    args = ("print", "certificate", "--decision", "12/QĐ-UBND", "--blank-form")
    result = antt(*args, "--offset-x", "2.5", "--offset-y", "-1", "--out", str(out))
    assert result.code == 0, result.err
    text = _text(out)
    assert "Hà Thị Huệ" in text and "GIẤY KHEN" not in text and "CỘNG HÒA" not in text
    far = antt(*args, "--offset-x", "45", "--out", str(out))
    assert far.code == 3 and "45" in far.err
