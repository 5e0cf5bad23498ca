"""The catalogues are read without babel when they hold single messages only (the command
line starts sooner, issue #15 item 1): every shipped text reads the same either way, and a
file with what the direct reader does not know goes to babel."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from antt_desktop.i18n.translator import Translator, _babel_catalogue, plain_po

LOCALE = Path(str(files("antt_desktop.resources") / "locale"))


@pytest.mark.parametrize("lang", ["vi"])
def test_every_shipped_text_reads_as_babel_reads_it(lang: str) -> None:
    parts = sorted((LOCALE / lang / "LC_MESSAGES").glob("*.po"))
    assert parts and all(plain_po(p.read_bytes()) is not None for p in parts)
    by_babel = _babel_catalogue(parts, lang)
    ours = Translator(lang)
    ids = {k for p in parts for k in (plain_po(p.read_bytes()) or {}) if k}  # "" is the header
    assert len(ids) > 1000
    assert {i: ours(i) for i in ids} == {i: by_babel.gettext(i) for i in ids}
    assert ours("Saved.") == "Đã lưu."
    assert ours("a text no catalogue has") == "a text no catalogue has"


def test_escapes_and_continued_lines_are_read() -> None:
    data = (
        b'# comment\nmsgid ""\nmsgstr ""\n"Language: vi\\n"\n\n'
        b'msgid "Say \\"hi\\""\nmsgstr "N\\u00f3i \\"ch\\u00e0o\\""\n\n'
        b'msgid ""\n"two "\n"lines"\nmsgstr "hai\\ndong \\\\ ok"\n'
    )
    assert plain_po(data) == {
        "": "Language: vi\n",
        'Say "hi"': 'N\\u00f3i "ch\\u00e0o"',
        "two lines": "hai\ndong \\ ok",
    }


@pytest.mark.parametrize(
    "extra",
    [
        b'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "mot"\n',
        b'msgctxt "menu"\nmsgid "File"\nmsgstr "Tep"\n',
        b'#, fuzzy\nmsgid "Old"\nmsgstr "Cu"\n',
        b'#~ msgid "Gone"\n#~ msgstr "Mat"\n',
    ],
)
def test_what_the_direct_reader_does_not_know_goes_to_babel(extra: bytes) -> None:
    assert plain_po(b'msgid "A"\nmsgstr "B"\n\n' + extra) is None
