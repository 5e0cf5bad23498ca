"""The QR code of the chip citizen ID card (mã QR trên thẻ Căn cước công dân gắn chip).

The code holds one line of fields separated by ``|``::

    ID number|old ID (CMND, may be empty)|full name|ddmmyyyy|Nam/Nữ|permanent address|ddmmyyyy

the last date being the day the card was issued. Cards issued since July 2024 (thẻ Căn cước)
may add fields after these seven; they are ignored. A USB scanner types the line like a
keyboard, ending with Enter, so the text may arrive with spaces or a line break around it.

The card is read as typed data is: the ID number must be 12 digits and agree with the sex and
birth year printed beside it (``domain.idnumber``); the person service checks the rest (the
province code, duplicates) when the officer saves.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from antt_desktop.domain.enums import Sex
from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.domain.idnumber import ID_LENGTH, check_id_number, check_legacy_id
from antt_desktop.domain.text import normalize_name

SEPARATOR = "|"
#: The fields of the 2021 chip card; later cards may add more after them.
FIELD_COUNT = 7
#: Problems about the code as a whole (not one of its fields) name this field.
FIELD = "cccd_qr"
#: A line a scanner typed that may be a card's code: 9-12 digits, then at least six ``|``
#: (the check that it really is one is :func:`parse_card`).
_CANDIDATE = re.compile(r"\d{9,12}\|[^|\r\n]*(?:\|[^|\r\n]*){5,}")
#: Longer than any card's code (a name of 120 and an address of 300 characters fit).
MAX_LENGTH = 1000

_SEXES = {"nam": Sex.MALE, "nữ": Sex.FEMALE, "nu": Sex.FEMALE, "nư": Sex.FEMALE}


@dataclass(frozen=True)
class CardData:
    """What the QR code of a citizen ID card says about its holder."""

    id_number: str
    old_id: str | None
    full_name: str
    born: date
    sex: Sex
    address: str | None
    issued: date | None

    def person_values(self) -> dict[str, str]:
        """The card as the fields of a person (``services.people.PersonInput``'s names):
        the address on the card is the permanent residence (nơi thường trú)."""
        values = {
            "full_name": self.full_name,
            "born": self.born.strftime("%d/%m/%Y"),
            "sex": self.sex.value,
            "id_number": self.id_number,
            "legacy_id": self.old_id or "",
            "permanent_address": self.address or "",
        }
        return {key: value for key, value in values.items() if value}


def find_candidate(text: str) -> str | None:
    """The part of ``text`` that looks like a card's code (a scan typed into a field that
    held something already), or None."""
    found = _CANDIDATE.search(text)
    return found.group(0) if found else None


def _field(name: str) -> str:
    return f"{FIELD}.{name}"


def _date(value: str, name: str, problems: list[Problem]) -> date | None:
    digits = value.replace("/", "").replace("-", "").replace(".", "")
    if len(digits) == 8 and digits.isascii() and digits.isdigit():
        try:
            return date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
        except ValueError:
            pass
    problems.append(Problem(_field(name), "cccd.date", {"value": value}))
    return None


def _sex(value: str, problems: list[Problem]) -> Sex | None:
    sex = _SEXES.get(unicodedata.normalize("NFC", value).strip().casefold())
    if sex is None:
        problems.append(Problem(_field("sex"), "cccd.sex", {"value": value}))
    return sex


def _is_foreign(text: str, parts: list[str]) -> bool:
    """Not a card at all: a web address, a bank's or a shop's code, words."""
    first = parts[0].strip()
    return (
        len(parts) < 3
        or "://" in text
        or not (first.isascii() and first.isdigit())
        or len(text) > MAX_LENGTH
    )


def parse_card(text: str, *, today: date | None = None) -> CardData | list[Problem]:
    """Read the text of a card's QR code.

    Args:
        text: the code as a scanner typed it or a decoder read it.
        today: dates after it are refused (the birth date, the issue date); not checked
            when None.

    Returns:
        The card's data, or every problem found: ``cccd.not_card`` when the text is not a
        card's code at all, ``cccd.field_count`` when fields are missing, then problems on
        the fields ``cccd_qr.<name>`` (``id_number``, ``old_id``, ``full_name``, ``born``,
        ``sex``, ``issued``).
    """
    text = unicodedata.normalize("NFC", text).strip()
    parts = text.split(SEPARATOR)
    if _is_foreign(text, parts):
        return [Problem(FIELD, "cccd.not_card")]
    if len(parts) < FIELD_COUNT:
        return [Problem(FIELD, "cccd.field_count", {"expected": FIELD_COUNT, "found": len(parts)})]
    number, old_id, name, born_text, sex_text, address, issued_text = (
        p.strip() for p in parts[:FIELD_COUNT]
    )
    problems: list[Problem] = []
    if len(number) != ID_LENGTH:
        problems.append(
            Problem(
                _field("id_number"),
                "id_number.length",
                {"expected": ID_LENGTH, "found": len(number)},
            )
        )
    if old_id:
        problems += [replace(p, field=_field("old_id")) for p in check_legacy_id(old_id)]
    full_name = normalize_name(name)
    if not full_name:
        problems.append(Problem(_field("full_name"), "cccd.empty"))
    born = _date(born_text, "born", problems)
    sex = _sex(sex_text, problems)
    issued = _date(issued_text, "issued", problems) if issued_text else None
    if today is not None:
        for field, day in (("born", born), ("issued", issued)):
            if day is not None and day > today:
                problems.append(Problem(_field(field), "date.future", {"value": _dmy(day)}))
    if born is not None and issued is not None and issued < born:
        problems.append(Problem(_field("issued"), "cccd.issued_before_birth"))
    if not problems:
        problems += _id_problems(number, sex, born)
    if problems:
        return problems
    assert born is not None and sex is not None
    return CardData(
        id_number=number,
        old_id=old_id or None,
        full_name=full_name,
        born=born,
        sex=sex,
        address=normalize_name(address) or None,
        issued=issued,
    )


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _id_problems(number: str, sex: Sex | None, born: date | None) -> list[Problem]:
    """The number's own rules and its agreement with the sex and birth year on the card (a
    disagreement means the code was misread or is not genuine: no reason can keep it)."""
    found = check_id_number(
        number, sex=sex, birth_year=born.year if born else None, province_codes=()
    )
    renamed = {
        "id_number.sex_mismatch": "cccd.sex_mismatch",
        "id_number.year_mismatch": "cccd.year_mismatch",
    }
    return [
        replace(p, field=_field("id_number"), code=renamed.get(p.code, p.code))
        for p in found
        if p.code != "id_number.province_unknown"  # the person service checks it, as typed
    ]


def read_card(text: str, *, today: date | None = None) -> CardData:
    """:func:`parse_card`, raising its problems.

    Raises:
        ValidationFailed: when the text is not a card's code or a field is wrong.
    """
    result = parse_card(text, today=today)
    if isinstance(result, list):
        raise ValidationFailed(result)
    return result
