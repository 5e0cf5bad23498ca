"""Readers of values as an officer types them: text, dates, whole numbers, money and years.

Every reader takes the value as typed (text, or a value already typed such as a ``date`` or
an ``int``), the field it came from and the list of problems the service is collecting. It
returns the value read, or None when the value is blank or wrong; it never raises, so a
service can report every problem of an input at once (each naming its field) before it
writes anything.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from antt_desktop.domain.dates import parse_date
from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.domain.text import normalize_name
from antt_desktop.domain.text_input import LONG_TEXT_MAX, text_problems

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    Input = TypeVar("Input", bound=DataclassInstance)

#: A date as typed (``DD/MM/YYYY``) or already a ``date``.
DateValue = str | date | None
#: A whole number as typed (``1.500.000``) or already an ``int``.
CountValue = int | str | None

#: Earliest year a pledge or a yearly status may be recorded for (the schema's lower bound).
FIRST_YEAR = 1990

_PLAIN = re.compile(r"-?\d+", re.ASCII)
_GROUPED = re.compile(r"-?\d{1,3}(?:[. ]\d{3})+", re.ASCII)  # 1.500.000 or 1 500 000
_CURRENCY = ("₫", "đ")  # as in 15.000.000 ₫ or 15.000.000đ


def is_blank(*values: object) -> bool:
    """True when every value is None or text of only whitespace."""
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def clean_text(value: str | None) -> str | None:
    """One-line text as stored: NFC, trimmed, inner runs of spaces folded; blank → None."""
    if value is None:
        return None
    return normalize_name(value) or None


def clean_paragraph(value: str | None) -> str | None:
    """Multi-line text as stored: NFC, trimmed, line breaks kept; blank → None."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value).strip() or None


def clean_fields(data: Input, *, paragraphs: Iterable[str] = ()) -> Input:
    """A copy of the input dataclass ``data`` with its text cleaned: fields named in
    ``paragraphs`` by :func:`clean_paragraph`, other text by :func:`clean_text`; values that
    are not text (dates, numbers, flags) are kept as they are."""
    multiline = set(paragraphs)
    changes = {
        f.name: clean_paragraph(value) if f.name in multiline else clean_text(value)
        for f in dataclasses.fields(data)
        if isinstance(value := getattr(data, f.name), str)
    }
    return dataclasses.replace(data, **changes)


def text_input_problems(
    data: object, problems: Iterable[Problem] = (), *, paragraphs: Iterable[str] = ()
) -> list[Problem]:
    """Problems of every text value of ``data`` (an input dataclass or a dict of changes):
    a control character or bidi mark (``text.control``; tab and line breaks only in the
    fields named in ``paragraphs``), or more than ``LONG_TEXT_MAX`` characters
    (``too_long``), unless ``problems`` (those found so far) already holds the same rule for
    the field (``max_length`` checks both).

    Every field is covered, including fields added later: call it on the whole input.
    """
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        values = {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}
    elif isinstance(data, Mapping):
        values = dict(data)
    else:
        raise TypeError(f"not an input: {type(data).__name__}")
    multiline = set(paragraphs)
    known = {(p.field, p.code) for p in problems}
    return [
        problem
        for name, value in values.items()
        for problem in text_problems(name, value, multiline=name in multiline, limit=LONG_TEXT_MAX)
        if (problem.field, problem.code) not in known
    ]


def read_date(
    value: DateValue,
    field: str,
    problems: list[Problem],
    *,
    today: date | None = None,
    required: bool = False,
) -> date | None:
    """The date in ``value`` (``DD/MM/YYYY`` text or a date), None if blank or wrong.

    Args:
        value: the date as typed, or a ``date`` (a ``datetime`` gives its day).
        field: the field named by the problems.
        problems: where the problems go: ``date.format`` or ``date.invalid`` (param
            ``value``), ``date.future`` when ``today`` is given and the date is after it,
            ``required`` when ``required`` and the value is blank.
        today: refuse dates after this day; None accepts any date.
        required: refuse a blank value.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.append(Problem(field, "required"))
        return None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        try:
            day = parse_date(value, field)
        except ValidationFailed as exc:
            problems.extend(exc.problems)
            return None
    if today is not None and day > today:
        problems.append(Problem(field, "date.future", {"value": day}))
        return None
    return day


def read_whole(
    value: CountValue,
    field: str,
    problems: list[Problem],
    *,
    invalid_code: str = "number.invalid",
    negative_code: str = "number.negative",
    **params: Any,
) -> int | None:
    """The non-negative whole number in ``value``, None if blank or wrong.

    Text may group thousands with dots or spaces (``1.500.000.000``). Problems
    (``invalid_code``, ``negative_code``; param ``value``) are appended with ``params`` added.
    """
    if is_blank(value):
        return None
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if _PLAIN.fullmatch(text) or _GROUPED.fullmatch(text):
            number = int(text.replace(".", "").replace(" ", ""))
    if number is None:
        problems.append(Problem(field, invalid_code, {"value": value, **params}))
        return None
    if number < 0:
        problems.append(Problem(field, negative_code, {"value": number, **params}))
        return None
    return number


def read_money(
    value: CountValue, field: str, problems: list[Problem], **options: Any
) -> int | None:
    """Whole non-negative đồng from an int or typed text (``15.000.000 ₫``), None if blank
    or wrong. ``options`` are those of :func:`read_whole`; a negative amount is
    ``money.negative`` unless ``negative_code`` says otherwise."""
    if isinstance(value, str):
        value = value.strip()
        for sign in _CURRENCY:
            value = value.removesuffix(sign).rstrip()
    return read_whole(value, field, problems, **{"negative_code": "money.negative", **options})


def read_year(value: CountValue, field: str, problems: list[Problem], *, today: date) -> int | None:
    """A year from ``FIRST_YEAR`` to next year, None if blank (``required``) or wrong."""
    if is_blank(value):
        problems.append(Problem(field, "required"))
        return None
    last = today.year + 1
    year = read_whole(value, field, problems, negative_code="year.range", min=FIRST_YEAR, max=last)
    if year is not None and not FIRST_YEAR <= year <= last:
        problems.append(
            Problem(field, "year.range", {"value": year, "min": FIRST_YEAR, "max": last})
        )
        return None
    return year


def refuse_unknown_fields(
    changes: Mapping[str, Any], allowed: Iterable[str], code: str = "field.unknown"
) -> None:
    """Refuse a change naming fields other than ``allowed``, one problem per field.

    Raises:
        ValidationFailed: ``code`` with param ``value`` (the field), fields sorted by name.
    """
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise ValidationFailed([Problem(name, code, {"value": name}) for name in unknown])
