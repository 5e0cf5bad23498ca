"""Gettext catalogues read straight from the ``.po`` files in ``resources/locale``.

The ``.po`` files are compiled in memory on first use, so there is no build step and no
stale binary catalogue. Message ids are English; Vietnamese is the default language.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from importlib.resources import files

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

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
    catalog = None
    for part in parts:  # one .po per area of the application, merged here
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
