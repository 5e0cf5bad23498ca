"""Every text a user can see has a Vietnamese translation, and the catalogues parse."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir

from antt_desktop.i18n.translator import Translator

PACKAGE = Path(__file__).resolve().parent.parent / "antt_desktop"
KEYWORDS = {"N_": None, "_": None}


def _extracted() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, str):
            found.add(message)
    return found


def test_every_marked_text_has_a_vietnamese_translation() -> None:
    tr = Translator("vi")
    missing = sorted(m for m in _extracted() if tr(m) == m)
    assert missing == []


def test_english_reads_the_message_ids() -> None:
    assert Translator("en")("Saved.") == "Saved."
    assert Translator("vi")("Saved.") == "Đã lưu."


def test_no_text_is_translated_two_ways() -> None:
    """The .po files of the areas are merged: one English text, one Vietnamese text."""
    from babel.messages.pofile import read_po

    folder = PACKAGE.parent / "resources" / "locale" / "vi" / "LC_MESSAGES"
    seen: dict[str, set[str]] = {}
    for po in sorted(folder.glob("*.po")):
        with po.open("rb") as fh:
            for message in read_po(fh):
                if message.id and isinstance(message.id, str):
                    seen.setdefault(message.id, set()).add(str(message.string))
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}


def test_every_catalogue_line_is_well_formed() -> None:
    """A quote left unescaped inside a text makes babel read a garbled button label
    ('Bỏ msgstr "Bỏ lọc"lọc' was shown once) instead of refusing the file."""
    import re

    quoted = re.compile(r'^(?:msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt)? ?"(?:[^"\\]|\\.)*"$')
    folder = PACKAGE.parent / "resources" / "locale"
    bad = [
        f"{po.name}:{number}: {line}"
        for po in sorted(folder.glob("*/LC_MESSAGES/*.po"))
        for number, line in enumerate(po.read_text(encoding="utf-8").splitlines(), start=1)
        if line.strip() and not line.startswith("#") and not quoted.match(line)
    ]
    assert bad == []
