"""The one rule on typed text: no control characters or bidi marks, long texts limited."""

from __future__ import annotations

import pytest

from antt_desktop.domain.text_input import LONG_TEXT_MAX, first_forbidden, text_problems

REFUSED = {
    "escape (clears a terminal)": "\x1b[2J",
    "bell": "\x07",
    "NUL": "\x00",
    "DEL": "\x7f",
    "C1 CSI": "\x9b",
    "C1 NEL": "\x85",
    "right-to-left override": "\u202e",
    "left-to-right embedding": "\u202a",
    "first strong isolate": "\u2068",
    "right-to-left isolate": "\u2067",
    "pop directional isolate": "\u2069",
    "right-to-left mark": "\u200f",
    "left-to-right mark": "\u200e",
    "lone surrogate (bytes that were not UTF-8)": "\udcff",
    "vertical tab": "\x0b",
    "form feed": "\x0c",
}


@pytest.mark.parametrize("bad", REFUSED.values(), ids=REFUSED.keys())
@pytest.mark.parametrize("multiline", [False, True])
def test_controls_and_bidi_marks_are_refused_at_their_position(bad: str, multiline: bool) -> None:
    found = first_forbidden(f"Lê Văn{bad} An", multiline=multiline)
    assert found is not None
    assert (found.position, found.char) == (7, bad[0])


def test_vietnamese_text_and_ordinary_punctuation_pass() -> None:
    text = "Nguyễn Thị Ánh Tuyết – số 4, ngõ 12/3 “Chợ Đồn”; 50% (đ) ₫ @ # & 'Ơ' Ư\u00a0x"
    assert first_forbidden(text) is None
    assert text_problems("full_name", text, limit=200) == []


def test_tab_and_line_breaks_only_in_multi_line_text() -> None:
    assert first_forbidden("dòng 1\ndòng 2\r\n\tdòng 3", multiline=True) is None
    assert first_forbidden("Lê\tAn").position == 3  # type: ignore[union-attr]
    assert first_forbidden("Lê\nAn").position == 3  # type: ignore[union-attr]
    # a carriage return alone moves a terminal's cursor back: only \r\n is a line break
    assert first_forbidden("a\rb", multiline=True).position == 2  # type: ignore[union-attr]


def test_the_problem_names_the_field_the_position_and_the_code_point() -> None:
    [problem] = text_problems("full_name", "Lê An\x1b[2J")
    assert (problem.field, problem.code, dict(problem.params)) == (
        "full_name",
        "text.control",
        {"position": 6, "char": "U+001B"},
    )


def test_a_long_text_is_limited_and_values_that_are_not_text_pass() -> None:
    assert text_problems("notes", "x" * LONG_TEXT_MAX, multiline=True, limit=LONG_TEXT_MAX) == []
    [problem] = text_problems("notes", "x" * (LONG_TEXT_MAX + 1), limit=LONG_TEXT_MAX)
    assert (problem.code, problem.params["max"]) == ("too_long", 20_000)
    assert text_problems("count", 5) == text_problems("notes", None) == []


def test_the_fast_search_and_the_character_rule_agree_on_every_character() -> None:
    from antt_desktop.domain.text_input import is_forbidden

    for multiline in (False, True):
        wrong = [
            hex(code)
            for code in range(0x10000)
            if (first_forbidden(f"a{chr(code)}b", multiline=multiline) is not None)
            != (is_forbidden(chr(code), multiline=multiline) or chr(code) == "\r")
        ]
        assert wrong == []
