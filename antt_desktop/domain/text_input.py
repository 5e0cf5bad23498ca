"""Characters no text an officer types may hold, and the size of a long text.

Control characters (C0, DEL, C1, NUL) and the invisible marks that reorder text on screen
(bidi overrides, isolates and direction marks) have no place in a name, an address or a note:
they clear a terminal, ring its bell, hide or reverse words on the printed page and in the
list, and break CSV files. One function decides, for the window, the command line, the
importer, sync and the database's last check alike.

Multi-line texts (notes, assessments, narratives) keep tab and line breaks (``\\n`` or
``\\r\\n``); one-line texts refuse them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from antt_desktop.domain.errors import Problem

#: The most characters a long text (notes, assessments, narratives) may hold.
LONG_TEXT_MAX = 20_000

#: The rule code of a refused character (params ``position``, 1-based, and ``char``, U+XXXX).
CODE = "text.control"

_BIDI = frozenset(
    {
        0x061C,  # ARABIC LETTER MARK
        0x200E,  # LEFT-TO-RIGHT MARK
        0x200F,  # RIGHT-TO-LEFT MARK
        *range(0x202A, 0x202F),  # embeddings and overrides LRE RLE PDF LRO RLO
        *range(0x2066, 0x206A),  # isolates LRI RLI FSI PDI
    }
)


def is_forbidden(ch: str, *, multiline: bool = False) -> bool:
    """True when ``ch`` may not be stored (tab and newline only in multi-line text)."""
    code = ord(ch)
    if code < 0x20:
        return not (multiline and ch in "\t\n")
    return 0x7F <= code <= 0x9F or code in _BIDI or 0xD800 <= code <= 0xDFFF


@dataclass(frozen=True)
class Forbidden:
    """The first refused character of a text: its 1-based position and its code point."""

    position: int
    char: str

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.char):04X}"


def _pattern(multiline: bool) -> re.Pattern[str]:
    singles = "".join(
        chr(c) for c in (*range(0x20), *range(0x7F, 0xA0), *sorted(_BIDI)) if c != 0x0D
    )
    if multiline:
        singles = singles.replace("\t", "").replace("\n", "")
        carriage = "\r(?!\n)"  # only as part of a \r\n line break
    else:
        carriage = "\r"
    return re.compile(f"[{re.escape(singles)}\ud800-\udfff]|{carriage}")


_ONE_LINE, _MULTI_LINE = _pattern(False), _pattern(True)


def first_forbidden(text: str, *, multiline: bool = False) -> Forbidden | None:
    """The first character of ``text`` that may not be stored, or None.

    In multi-line text a carriage return is allowed only as part of a ``\\r\\n`` line break.
    Lone surrogates (bytes that were not UTF-8) are refused as well.
    """
    if text.isprintable():  # the common case: no control, format or separator character
        return None
    found = (_MULTI_LINE if multiline else _ONE_LINE).search(text)
    return Forbidden(found.start() + 1, found.group()[0]) if found else None


def text_problems(
    field: str, value: object, *, multiline: bool = False, limit: int | None = None
) -> list[Problem]:
    """Problems of one text field: a refused character (``text.control``, naming its
    position) and, when ``limit`` is given, ``too_long``. Non-text values have none."""
    if not isinstance(value, str):
        return []
    problems = []
    found = first_forbidden(value, multiline=multiline)
    if found is not None:
        problems.append(
            Problem(field, CODE, {"position": found.position, "char": found.code_point})
        )
    if limit is not None and len(value) > limit:
        problems.append(Problem(field, "too_long", {"max": limit}))
    return problems
