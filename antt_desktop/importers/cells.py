"""Turning spreadsheet cells into the text an officer would have typed in the form.

Excel changes what people type: a date becomes a date value, "1985" a number, and an ID
number such as 001085012345 the number 1085012345 (its leading zeros gone). These helpers
undo that before the services' rules see the value.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time

from antt_desktop.domain.errors import Problem
from antt_desktop.domain.text import fold, normalize_name
from antt_desktop.importers.reading import Cell

#: Every personal ID number starts with 0 (province codes 001-096), so a number cell holding
#: 10 or 11 digits lost its leading zeros; legacy CMND numbers have 9 or 12 digits.
ID_RESTORE = {10: 12, 11: 12}
LEGACY_RESTORE = {8: 9, 10: 12, 11: 12}
#: A phone number starts with 0; as a number it keeps 9 or 10 digits.
PHONE_RESTORE = {9: 10, 10: 11}

_SEX = {
    "m": "M",
    "nam": "M",
    "male": "M",
    "man": "M",
    "trai": "M",
    "f": "F",
    "nu": "F",
    "female": "F",
    "woman": "F",
    "gai": "F",
}


def _number_text(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def text(cell: Cell) -> str | None:
    """The cell as typed text: trimmed and NFC; a blank cell is None."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, int | float):
        return _number_text(cell)
    if isinstance(cell, datetime):
        return cell.strftime("%d/%m/%Y")
    if isinstance(cell, date):
        return cell.strftime("%d/%m/%Y")
    if isinstance(cell, time):
        return cell.strftime("%H:%M")
    return normalize_name(cell) or None


def born_text(cell: Cell) -> str | None:
    """A birth date as typed: a date cell → DD/MM/YYYY, a number 1985 → "1985"."""
    if isinstance(cell, datetime | date):
        return text(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return text(cell)


def digits(cell: Cell, restore: Mapping[int, int]) -> str | None:
    """An identifier that Excel may have stored as a number, with its leading zeros back.

    A number cell, or text of digits not starting with 0 (a CSV saved from such a sheet),
    whose length is a key of ``restore`` is padded with zeros to the mapped length.
    """
    value = text(cell)
    if value is None:
        return None
    compact = "".join(value.split()).replace(".", "")
    all_digits = compact.isascii() and compact.isdigit()
    lost_zeros = isinstance(cell, int | float) or not compact.startswith("0")
    if all_digits and lost_zeros and len(compact) in restore:
        return compact.zfill(restore[len(compact)])
    return value


def sex_code(cell: Cell, field: str) -> tuple[str | None, list[Problem]]:
    """The sex code, M or F, from Nam/Nữ, M/F, Male/Female (any case, with or without accents)."""
    value = text(cell)
    if value is None:
        return None, []
    code = _SEX.get(fold(value))
    if code is None:
        return None, [Problem(field, "import.sex_unknown", {"value": value})]
    return code, []


def name_key(name: str) -> str:
    """A catalogue name folded, without spaces: "H'Mông", "HMông" and "hmong" meet."""
    return fold(name).replace(" ", "")


def catalogue_code(
    cell: Cell, field: str, by_code: Mapping[str, str], by_name: Mapping[str, str]
) -> tuple[str | None, list[Problem]]:
    """A catalogue code from its name ("Kinh", "Tày") or its code ("01", or 1 as a number).

    Args:
        by_code: code → name of the catalogue.
        by_name: :func:`name_key` of each name → code.
    """
    value = text(cell)
    if value is None:
        return None, []
    if value in by_code:
        return value, []
    if value.isascii() and value.isdigit():
        width = max((len(c) for c in by_code), default=0)
        if value.zfill(width) in by_code:
            return value.zfill(width), []
    code = by_name.get(name_key(value))
    if code is None:
        return None, [Problem(field, "catalogue.unknown", {"value": value})]
    return code, []
