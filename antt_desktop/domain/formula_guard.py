"""Cells the program writes to CSV and Excel files never run as formulas.

A text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel and LibreOffice as a formula (``=HYPERLINK(...)`` in a unit's name sends whoever
clicks it to any web address). Per the OWASP guidance on CSV injection such a text is
written with a leading apostrophe; genuine numbers (``-5``, ``+84``, ``-3,5``) are left as
they are, and non-text values (counts, dates) are never touched.
"""

from __future__ import annotations

import re
from typing import TypeVar

T = TypeVar("T")

#: First characters that make a spreadsheet read a cell as a formula.
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would take ``text`` for a formula (a number is not one)."""
    return text.startswith(TRIGGERS) and _NUMBER.fullmatch(text) is None


def neutralise(value: T) -> T | str:
    """``value`` as a CSV cell: a formula-like text gets a leading ``'``; anything else
    (other text, numbers, dates, None) is returned unchanged."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value
