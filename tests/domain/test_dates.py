"""Full and partial dates as officers type them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_desktop.domain.dates import PartialDate, parse_date, parse_partial_date
from antt_desktop.domain.errors import Problem, ValidationFailed


def refusal(text: str, parse: object = parse_partial_date) -> Problem:
    with pytest.raises(ValidationFailed) as caught:
        parse(text, "born")  # type: ignore[operator]
    [problem] = caught.value.problems
    return problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/02/2026", PartialDate(2026, 2, 5)),
        ("5/2/2026", PartialDate(2026, 2, 5)),
        (" 5-2-2026 ", PartialDate(2026, 2, 5)),
        ("05.02.2026", PartialDate(2026, 2, 5)),
        ("02/2026", PartialDate(2026, 2)),
        ("2/2026", PartialDate(2026, 2)),
        ("2026", PartialDate(2026)),
        ("2026-02-05", PartialDate(2026, 2, 5)),
        ("2026-02", PartialDate(2026, 2)),
        ("29/02/2024", PartialDate(2024, 2, 29)),
    ],
)
def test_parse_partial_date(text: str, expected: PartialDate) -> None:
    assert parse_partial_date(text, "born") == expected


@pytest.mark.parametrize("text", ["", "abc", "05/02/26", "5/2", "2026/02/05x", "05/02/2026 1"])
def test_parse_partial_date_bad_format(text: str) -> None:
    assert refusal(text) == Problem("born", "date.format", {"value": text})


@pytest.mark.parametrize("text", ["31/02/2026", "29/02/2025", "13/2026", "00/2026", "0000"])
def test_parse_partial_date_impossible_date(text: str) -> None:
    assert refusal(text) == Problem("born", "date.invalid", {"value": text})


def test_format_and_iso() -> None:
    full, month, year = PartialDate(2026, 2, 5), PartialDate(2026, 2), PartialDate(2026)
    assert (full.format(), month.format(), year.format()) == ("05/02/2026", "02/2026", "2026")
    assert (full.to_iso(), month.to_iso(), year.to_iso()) == ("2026-02-05", "2026-02", "2026")
    assert [PartialDate.from_iso(p.to_iso()) for p in (full, month, year)] == [full, month, year]
    assert full.is_complete and not month.is_complete


@pytest.mark.parametrize("text", ["", "2026-", "26", "2026-02-05-01", "2026/02", "2026-13"])
def test_from_iso_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.from_iso(text)


def test_constructor_validates() -> None:
    with pytest.raises(ValueError):
        PartialDate(2026, None, 5)  # a day needs a month
    with pytest.raises(ValueError):
        PartialDate(2026, 2, 30)
    with pytest.raises(ValueError):
        PartialDate(0)


def test_earliest_and_latest() -> None:
    assert PartialDate(2024).earliest() == date(2024, 1, 1)
    assert PartialDate(2024).latest() == date(2024, 12, 31)
    assert PartialDate(2024, 2).latest() == date(2024, 2, 29)
    assert PartialDate(2025, 2).latest() == date(2025, 2, 28)
    assert PartialDate(2025, 2, 3).earliest() == PartialDate(2025, 2, 3).latest()


def test_is_future_only_when_every_possible_day_is() -> None:
    today = date(2026, 6, 7)
    assert not PartialDate(2026).is_future(today)  # could be January
    assert not PartialDate(2026, 6).is_future(today)
    assert PartialDate(2026, 7).is_future(today)
    assert not PartialDate(2026, 6, 7).is_future(today)
    assert PartialDate(2026, 6, 8).is_future(today)
    assert PartialDate(2027).is_future(today)


def test_parse_date() -> None:
    assert parse_date("05/02/2026", "opened_on") == date(2026, 2, 5)
    assert parse_date("5/2/2026", "opened_on") == date(2026, 2, 5)
    assert parse_date("2026-02-05", "opened_on") == date(2026, 2, 5)


def test_parse_date_refusals() -> None:
    assert refusal("02/2026", parse_date) == Problem("born", "date.format", {"value": "02/2026"})
    assert refusal("2026", parse_date).code == "date.format"
    assert refusal("31/04/2026", parse_date) == Problem(
        "born", "date.invalid", {"value": "31/04/2026"}
    )


partial_dates = st.dates().flatmap(
    lambda d: st.sampled_from(
        [PartialDate(d.year), PartialDate(d.year, d.month), PartialDate.from_date(d)]
    )
)


@given(partial_dates)
def test_text_forms_round_trip(p: PartialDate) -> None:
    assert PartialDate.from_iso(p.to_iso()) == p
    if p.year >= 1000:  # typed years have four digits
        assert parse_partial_date(p.format(), "born") == p


@given(partial_dates)
def test_iso_text_sorts_like_earliest_day(p: PartialDate) -> None:
    assert p.earliest() <= p.latest()
    other = PartialDate.from_date(p.latest())
    assert p.to_iso() <= other.to_iso()


@given(st.dates())
def test_parse_date_reads_its_display_form(d: date) -> None:
    if d.year >= 1000:
        assert parse_date(d.strftime("%d/%m/%Y"), "x") == d
        assert parse_date(d.isoformat(), "x") == d
