"""Personal ID numbers (CCCD) and legacy CMND numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from antt_desktop.domain.enums import Sex
from antt_desktop.domain.errors import Problem, Severity, ValidationFailed, raise_if_errors
from antt_desktop.domain.idnumber import (
    IdNumberInfo,
    check_id_number,
    check_legacy_id,
    decode_id_number,
    make_id_number,
)

CSV = Path(__file__).resolve().parents[2] / "resources" / "data" / "cccd_province_codes.csv"
with CSV.open(encoding="utf-8", newline="") as _f:
    CODES = frozenset(row["code"] for row in csv.DictReader(_f))


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def check(number: str, sex: Sex | None = None, year: int | None = None) -> list[Problem]:
    return check_id_number(number, sex=sex, birth_year=year, province_codes=CODES)


def test_catalogue_has_the_63_codes() -> None:
    assert len(CODES) == 63
    assert {"001", "079"} <= CODES


@pytest.mark.parametrize(
    ("number", "info"),
    [
        ("001090012345", IdNumberInfo("001", Sex.MALE, 1990)),
        ("001185000001", IdNumberInfo("001", Sex.FEMALE, 1985)),
        ("079205000001", IdNumberInfo("079", Sex.MALE, 2005)),
        ("079312123456", IdNumberInfo("079", Sex.FEMALE, 2012)),
        ("038400000000", IdNumberInfo("038", Sex.MALE, 2100)),
        ("038599000000", IdNumberInfo("038", Sex.FEMALE, 2199)),
        ("038750000000", IdNumberInfo("038", Sex.FEMALE, 2250)),
        ("038899000000", IdNumberInfo("038", Sex.MALE, 2399)),
        ("001 090 012 345", IdNumberInfo("001", Sex.MALE, 1990)),
    ],
)
def test_decode(number: str, info: IdNumberInfo) -> None:
    assert decode_id_number(number) == info


@pytest.mark.parametrize("number", ["", "00109001234", "0010900123456", "00109001234X"])
def test_decode_rejects_malformed(number: str) -> None:
    assert decode_id_number(number) is None


def test_valid_number_matching_person_has_no_problem() -> None:
    assert check("001090012345", Sex.MALE, 1990) == []
    assert check(" 001 090 012 345 ", Sex.MALE, 1990) == []


def test_unknown_sex_and_year_are_not_checked() -> None:
    assert check("001090012345") == []


def test_not_digits() -> None:
    assert check("00109001234A", Sex.MALE, 1990) == [Problem("id_number", "id_number.not_digits")]
    # Superscripts and other Unicode digits are not ID digits.
    assert codes(check("00109001234²")) == ["id_number.not_digits"]


def test_length() -> None:
    assert check("12345", Sex.MALE, 1990) == [
        Problem("id_number", "id_number.length", {"expected": 12, "found": 5})
    ]
    assert check("") == [Problem("id_number", "id_number.length", {"expected": 12, "found": 0})]
    assert codes(check("abc")) == ["id_number.not_digits", "id_number.length"]


def test_unknown_province_is_only_a_warning() -> None:
    problems = check("999090012345", Sex.MALE, 1990)
    assert problems == [
        Problem("id_number", "id_number.province_unknown", {"code": "999"}, Severity.WARNING)
    ]
    assert raise_if_errors(problems) == problems  # the save may go ahead


def test_sex_mismatch() -> None:
    problems = check("001090012345", Sex.FEMALE, 1990)
    assert problems == [
        Problem("id_number", "id_number.sex_mismatch", {"entered": Sex.FEMALE, "encoded": Sex.MALE})
    ]
    with pytest.raises(ValidationFailed):
        raise_if_errors(problems)


def test_year_mismatch_reports_full_decoded_year() -> None:
    assert check("001290012345", Sex.MALE, 1990) == [
        Problem("id_number", "id_number.year_mismatch", {"entered": 1990, "encoded": 2090})
    ]


def test_all_problems_reported_together() -> None:
    assert codes(check("999190012345", Sex.MALE, 1991)) == [
        "id_number.province_unknown",
        "id_number.sex_mismatch",
        "id_number.year_mismatch",
    ]


@pytest.mark.parametrize("number", ["123456789", "123 456 789", "001090012345"])
def test_legacy_id_valid(number: str) -> None:
    assert check_legacy_id(number) == []


def test_legacy_id_problems() -> None:
    assert check_legacy_id("1234567890") == [
        Problem("legacy_id", "legacy_id.length", {"expected": (9, 12), "found": 10})
    ]
    assert codes(check_legacy_id("12345678X")) == ["legacy_id.not_digits"]
    assert codes(check_legacy_id("12-34")) == ["legacy_id.not_digits", "legacy_id.length"]


def test_make_id_number_layout() -> None:
    assert make_id_number("001", Sex.MALE, 1990, 12345) == "001090012345"
    assert make_id_number("079", Sex.FEMALE, 2005, 1) == "079305000001"


@pytest.mark.parametrize(
    ("province", "year", "serial"),
    [("1", 1990, 0), ("01a", 1990, 0), ("001", 1899, 0), ("001", 2400, 0), ("001", 1990, -1)],
)
def test_make_id_number_refuses_impossible_input(province: str, year: int, serial: int) -> None:
    with pytest.raises(ValueError):
        make_id_number(province, Sex.MALE, year, serial)


provinces = st.sampled_from(sorted(CODES))
sexes = st.sampled_from(list(Sex))
years = st.integers(1900, 2399)
serials = st.integers(0, 999_999)


@given(provinces, sexes, years, serials)
def test_made_numbers_pass_and_decode(province: str, sex: Sex, year: int, serial: int) -> None:
    number = make_id_number(province, sex, year, serial)
    assert check(number, sex, year) == []
    assert decode_id_number(number) == IdNumberInfo(province, sex, year)


@given(provinces, sexes, years, serials, st.integers(0, 9))
def test_changed_sex_century_digit_is_detected(
    province: str, sex: Sex, year: int, serial: int, digit: int
) -> None:
    number = make_id_number(province, sex, year, serial)
    assume(str(digit) != number[3])
    changed = number[:3] + str(digit) + number[4:]
    found = codes(check(changed, sex, year))
    assert found
    assert set(found) <= {"id_number.sex_mismatch", "id_number.year_mismatch"}


@given(provinces, sexes, years, serials, st.integers(4, 5), st.integers(0, 9))
def test_changed_year_digit_is_detected(
    province: str, sex: Sex, year: int, serial: int, position: int, digit: int
) -> None:
    number = make_id_number(province, sex, year, serial)
    assume(str(digit) != number[position])
    changed = number[:position] + str(digit) + number[position + 1 :]
    assert codes(check(changed, sex, year)) == ["id_number.year_mismatch"]
