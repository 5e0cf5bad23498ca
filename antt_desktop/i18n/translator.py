"""Gettext catalogues read straight from the ``.po`` files in ``resources/locale``.

The ``.po`` files are read on first use, so there is no build step and no stale binary
catalogue. Message ids are English; Vietnamese is the default language.
"""

from __future__ import annotations

import gettext
import io
import re
from functools import cache
from importlib.resources import files
from typing import Any

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
DOMAIN = "antt"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


class Translator:
    """Translates English message ids into one language."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; choose one of {LANGUAGES}")
        self.lang = lang
        self._catalogue = _load(lang)

    def gettext(self, message: str) -> str:
        return self._catalogue.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalogue.ngettext(singular, plural, n)

    __call__ = gettext

    @property
    def locale(self) -> str:
        return "vi_VN" if self.lang == "vi" else "en_US"


@cache
def _load(lang: str) -> gettext.NullTranslations:
    folder = files("antt_desktop.resources") / "locale" / lang / "LC_MESSAGES"
    parts = (
        sorted((p for p in folder.iterdir() if p.name.endswith(".po")), key=lambda p: p.name)
        if folder.is_dir()
        else []
    )
    if not parts:
        return gettext.NullTranslations()
    read = [plain_po(part.read_bytes()) for part in parts]
    if any(texts is None for texts in read):
        return _babel_catalogue(parts, lang)
    merged: dict[str, str] = {}
    for texts in read:  # one .po per area of the application, merged here (later wins)
        merged.update(texts or {})
    return _Texts({k: v for k, v in merged.items() if k and v})


def _babel_catalogue(parts: list[Any], lang: str) -> gettext.NullTranslations:
    """The catalogues read and compiled by babel (plurals, contexts, fuzzy entries)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = None
    for part in parts:
        with part.open("rb") as fh:
            piece = read_po(fh, locale=lang)
        if catalog is None:
            catalog = piece
        else:
            for message in piece:
                if message.id:
                    catalog[message.id] = message
    assert catalog is not None
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
_ESCAPED = re.compile(r"\\(.)")


def plain_po(data: bytes) -> dict[str, str] | None:
    """msgid → msgstr of a .po file of single messages, read directly: starting the
    command line costs the parse of every catalogue, and babel's reader takes most of that.
    None for a file with anything else (plurals, contexts, flags, old entries): babel then
    reads the catalogues (tests/test_catalogue_reader.py: both read the shipped ones alike)."""
    found: dict[str, str] = {}
    parts: dict[str, list[str]] = {}
    field = ""

    def done() -> None:
        if "msgid" in parts:
            found["".join(parts["msgid"])] = "".join(parts.get("msgstr", []))
        parts.clear()

    for raw in data.decode("utf-8").splitlines():
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith(("#,", "#~", "#|"))):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgid", "msgstr") and rest.startswith('"'):
            if keyword == "msgid":
                done()
            elif "msgid" not in parts or "msgstr" in parts:
                return None
            field, line = keyword, rest
            parts[field] = []
        elif not line.startswith('"') or not field:
            return None
        if len(line) < 2 or not line.endswith('"'):
            return None
        parts[field].append(_ESCAPED.sub(lambda m: _ESCAPES.get(m[1], m[0]), line[1:-1]))
    done()
    return found


class _Texts(gettext.NullTranslations):
    """The merged catalogues: a text's translation, or the text itself."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self._texts = texts

    def gettext(self, message: str) -> str:
        return self._texts.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if n == 1 else msgid2  # no plural entries: babel reads those
