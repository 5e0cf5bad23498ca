"""The words the presenters share: one period phrase and one way to write amounts, in
Vietnamese and English, whichever of the command line, the window or a paper shows them."""

from __future__ import annotations

import pytest

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.translator import Translator
from antt_desktop.presenters.words import money, numeral, period_name, period_phrase


@pytest.mark.parametrize(
    ("label", "vi", "en"),
    [
        ("2026-03", "tháng 03/2026", "month 03/2026"),
        ("2026-Q3", "quý III/2026", "quarter III/2026"),
        ("2026", "năm 2026", "year 2026"),
    ],
)
def test_a_period_reads_the_same_in_a_sentence_and_a_heading(label, vi, en) -> None:
    period = Period.parse(label)
    assert period_phrase(period, Translator("vi")) == vi
    assert period_phrase(period, Translator("en")) == en
    assert period_name(period, Translator("vi")) == vi[0].upper() + vi[1:]


def test_amounts_are_spelled_in_dong_every_font_can_print() -> None:
    assert money(15_000_000, Translator("vi")) == "15.000.000 đồng"
    assert money(15_000_000, Translator("en")) == "15,000,000 dong"


def test_sections_are_numbered_in_roman_then_in_figures() -> None:
    assert [numeral(i) for i in (0, 3, 10, 12, 13)] == ["I", "IV", "XI", "XIII", "14"]
