"""Personal ID numbers: the 12-digit CCCD (căn cước) and the legacy CMND.

A CCCD reads ``PPP S YY NNNNNN``: birth-registration province code, one digit for sex and
century, the last two digits of the birth year and a serial. There is no check digit, so the
only consistency checks are against the person's entered sex and birth year.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from antt_desktop.domain.enums import Sex
from antt_desktop.domain.errors import Problem, Severity

ID_LENGTH = 12
LEGACY_LENGTHS = (9, 12)
FIRST_CENTURY = 1900  # digit 0/1 means born in the 1900s
LAST_YEAR = FIRST_CENTURY + 5 * 100 - 1  # digits 8/9: the 2300s

_FIELD = "id_number"
_LEGACY_FIELD = "legacy_id"


@dataclass(frozen=True)
class IdNumberInfo:
    """What a well-formed CCCD number encodes."""

    province_code: str
    sex: Sex
    birth_year: int


def _clean(number: str) -> str:
    return "".join(number.split())


def _is_digits(text: str) -> bool:
    # str.isdigit() alone accepts "²" and Arabic-Indic digits.
    return text.isascii() and text.isdigit()


def decode_id_number(number: str) -> IdNumberInfo | None:
    """Decode a CCCD number (spaces ignored); None unless it is exactly 12 digits."""
    number = _clean(number)
    if len(number) != ID_LENGTH or not _is_digits(number):
        return None
    sex_century = int(number[3])
    century, female = divmod(sex_century, 2)
    return IdNumberInfo(
        province_code=number[:3],
        sex=Sex.FEMALE if female else Sex.MALE,
        birth_year=FIRST_CENTURY + 100 * century + int(number[4:6]),
    )


def check_id_number(
    number: str,
    *,
    sex: Sex | None,
    birth_year: int | None,
    province_codes: Collection[str],
) -> list[Problem]:
    """Check a CCCD number against its format and the person's sex and birth year.

    Args:
        number: the number as typed; spaces are ignored.
        sex: the entered sex, or None if unknown (not checked then).
        birth_year: the entered birth year, or None if unknown (not checked then).
        province_codes: the known three-digit province codes (catalogue data).

    Returns:
        Problems on field ``id_number``: ``not_digits`` / ``length`` (errors; nothing else is
        checked then), ``province_unknown`` (warning), ``sex_mismatch`` and
        ``year_mismatch`` (errors, params ``entered`` and ``encoded``).
    """
    number = _clean(number)
    problems: list[Problem] = []
    if number and not _is_digits(number):
        problems.append(Problem(_FIELD, "id_number.not_digits"))
    if len(number) != ID_LENGTH:
        problems.append(
            Problem(_FIELD, "id_number.length", {"expected": ID_LENGTH, "found": len(number)})
        )
    info = decode_id_number(number) if not problems else None
    if info is None:
        return problems
    if info.province_code not in province_codes:
        problems.append(
            Problem(
                _FIELD,
                "id_number.province_unknown",
                {"code": info.province_code},
                Severity.WARNING,
            )
        )
    if sex is not None and sex != info.sex:
        problems.append(
            Problem(_FIELD, "id_number.sex_mismatch", {"entered": sex, "encoded": info.sex})
        )
    if birth_year is not None and birth_year != info.birth_year:
        problems.append(
            Problem(
                _FIELD,
                "id_number.year_mismatch",
                {"entered": birth_year, "encoded": info.birth_year},
            )
        )
    return problems


def check_legacy_id(number: str) -> list[Problem]:
    """Check a legacy CMND number (9 digits, or 12 for late issues); spaces are ignored.

    Returns:
        Problems on field ``legacy_id``: ``legacy_id.not_digits`` and/or
        ``legacy_id.length`` (params ``expected`` = (9, 12), ``found``).
    """
    number = _clean(number)
    problems: list[Problem] = []
    if number and not _is_digits(number):
        problems.append(Problem(_LEGACY_FIELD, "legacy_id.not_digits"))
    if len(number) not in LEGACY_LENGTHS:
        problems.append(
            Problem(
                _LEGACY_FIELD,
                "legacy_id.length",
                {"expected": LEGACY_LENGTHS, "found": len(number)},
            )
        )
    return problems


def make_id_number(province_code: str, sex: Sex, birth_year: int, serial: int) -> str:
    """Build a CCCD number (for demo data and tests).

    Raises:
        ValueError: if the province code is not three digits, the year is outside
            1900-2399 or the serial outside 0-999999.
    """
    if len(province_code) != 3 or not _is_digits(province_code):
        raise ValueError(f"province code must be three digits: {province_code!r}")
    if not FIRST_CENTURY <= birth_year <= LAST_YEAR:
        raise ValueError(f"birth year outside {FIRST_CENTURY}-{LAST_YEAR}: {birth_year}")
    if not 0 <= serial <= 999_999:
        raise ValueError(f"serial outside 0-999999: {serial}")
    century, year = divmod(birth_year - FIRST_CENTURY, 100)
    sex_century = 2 * century + (1 if sex is Sex.FEMALE else 0)
    return f"{province_code}{sex_century}{year:02d}{serial:06d}"
