"""Vietnamese names: normalising, folding for search and sorting the Vietnamese way.

``fold`` and ``sort_key`` run for every person during bulk imports and demo generation, so
both work from tables computed once per character or per word and cached.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Vietnamese alphabet with the foreign letters f, j, w, z where Latin order puts them.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

# Combining marks that turn a base letter into another letter of the alphabet.
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_MODIFIED = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}
# Tone marks in sort order: none (0), huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}

# Sort key encoding (see ``sort_key``); all printable ASCII, ordered GROUP < WORD < digits.
_GROUP = ","
_WORD = "."
_CODES = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg"  # increasing, alphanumeric only
_LETTER_CODE = dict(zip(ALPHABET, _CODES, strict=True))


def normalize_name(s: str) -> str:
    """Return ``s`` in NFC with outer whitespace trimmed and inner runs folded to one space.

    Used for names and address text before they are stored.
    """
    return " ".join(unicodedata.normalize("NFC", s).split())


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def _strip_marks(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if not _is_mark(ch))


class _FoldTable(dict[int, str | None]):
    """``str.translate`` table for ``fold``, filled lazily one code point at a time.

    Each character maps to its lower-case base letter(s); combining marks are deleted and
    anything that is not a letter or digit becomes a space. Because every character is
    decomposed on its own, no NFD pass over the whole string is needed: a precomposed
    "ễ" and a decomposed "e" + marks both end up as "e".
    """

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        if _is_mark(ch):
            value: str | None = None
        elif ch in "đĐ":
            value = "d"
        else:
            base = _strip_marks(_strip_marks(ch).lower())
            value = "".join(c if c.isalnum() else " " for c in base) or None
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=1 << 15)
def fold(s: str) -> str:
    """Fold text for search: no case, no diacritics, đ → d, punctuation → space.

    Cached: a district's addresses, occupations and family names repeat thousands of
    times, and the search index check folds every one of them.

    "Nguyễn Văn Đức" → "nguyen van duc"; "Hòa", "Hoà" (either tone placement, composed or
    decomposed) → "hoa". Digits are kept; whitespace is collapsed and trimmed.
    """
    return " ".join(s.translate(_FOLD_TABLE).split())


def search_terms(query: str) -> list[str]:
    """Return the folded words of a search query, for prefix matching ("ng v duc")."""
    return fold(query).split()


def split_name(full: str) -> tuple[str, str, str]:
    """Split a full name into (family, middle, given) on whitespace.

    "Nguyễn Thị Minh Khai" → ("Nguyễn", "Thị Minh", "Khai"); one word → ("", "", word).
    """
    words = full.split()
    if not words:
        return ("", "", "")
    if len(words) == 1:
        return ("", "", words[0])
    return (words[0], " ".join(words[1:-1]), words[-1])


@lru_cache(maxsize=65536)
def _word_key(word: str) -> tuple[str, str] | None:
    """Return (letter codes, tone digit) of one word, or None if it has no letter or digit."""
    letters: list[str] = []
    tone = "0"
    base = ""  # the last base letter, which the marks after it modify
    for ch in unicodedata.normalize("NFD", word.lower()):
        if _is_mark(ch):
            modified = _MODIFIED.get((base, ch))
            if modified is not None:
                base = modified
                letters[-1] = _LETTER_CODE[modified]
            elif ch in _TONES and tone == "0":
                tone = _TONES[ch]
            continue
        base = ch
        if ch in _LETTER_CODE:
            letters.append(_LETTER_CODE[ch])
        elif "0" <= ch <= "9":
            letters.append(ch)
        elif ch.isalnum():
            # A letter outside the alphabet (ø, ß, other scripts) keeps its own code point,
            # which is above every ASCII code, so it sorts after z.
            letters.append(ch)
    return ("".join(letters), tone) if letters else None


def sort_key(full_name: str) -> str:
    """Return a key whose plain binary order lists people the Vietnamese way.

    Order: given name (last word), then middle names word by word, then family name, each
    compared letter by letter in the Vietnamese alphabet ``a ă â b c d đ e ê (f) g h i (j) k
    l m n o ô ơ p q r s t u ư v (w) x y (z)``, case-insensitively, a shorter word before a
    longer one it begins ("An" < "Anh"); tones only break ties once all letters of the whole
    name are equal (none < huyền < hỏi < ngã < sắc < nặng). Tone placement ("Hòa"/"Hoà")
    and NFC/NFD input give the same key.

    Encoding (printable ASCII plus, rarely, the non-ASCII letters themselves; never NUL)::

        given "," middle_1 "." middle_2 ... "," family "," tones

    Digits stay "0"-"9"; the 33 letters of ``ALPHABET`` become ``A``-``Z`` then ``a``-``g``;
    other letters keep their own (non-ASCII, so higher) code point; punctuation is dropped.
    "," < "." < "0" makes shorter words and shorter middle-name lists sort first. ``tones``
    holds one digit 0-5 per word in the same word order (given, middle..., family). UTF-8
    byte order equals code point order, so SQLite's BINARY collation agrees with Python.
    """
    keys = [k for k in map(_word_key, full_name.split()) if k is not None]
    if len(keys) < 2:
        word = keys[0] if keys else None
        return "" if word is None else f"{word[0]}{_GROUP}{_GROUP}{_GROUP}{word[1]}"
    (family, family_tone), *middle, (given, given_tone) = keys
    middle_letters = _WORD.join([m[0] for m in middle])
    middle_tones = "".join([m[1] for m in middle])
    return (
        f"{given}{_GROUP}{middle_letters}{_GROUP}{family}{_GROUP}"
        f"{given_tone}{middle_tones}{family_tone}"
    )


_NATURAL_TOKEN = re.compile(r"\d+|[^\W\d_]+")


@lru_cache(maxsize=65536)
def natural_key(text: str) -> str:
    """Return a key whose plain binary order lists titles, house numbers and area names as
    people read them: numbers by value ("số 2" before "số 10", "2a" before "10", "12" before
    "12A"), words in the Vietnamese alphabet ("Dương" before "Đồng"), case, spaces and
    punctuation ignored, tones breaking ties only once every letter is equal.

    The one natural sort of the program, in Python (``sorted(key=natural_key)``) and in SQL
    alike (a stored key compares the same under SQLite's BINARY collation)::

        token "!" token "!" ... " " tones

    A number token is "0", its length in two digits, then its digits without leading zeros
    (so that 9 < 10); a word token is "1" then its letter codes (as in :func:`sort_key`). "!"
    between tokens and " " before the tones, both below "0", put "Thôn" before "Thôn 2".
    """
    tokens: list[str] = []
    tones: list[str] = []
    for part in _NATURAL_TOKEN.findall(text):
        if part.isdigit():
            digits = part.lstrip("0") or "0"
            tokens.append(f"0{len(digits):02d}{digits}")
            continue
        word = _word_key(part)
        if word is not None:
            tokens.append(f"1{word[0]}")
            tones.append(word[1])
    return "!".join(tokens) + " " + "".join(tones)
