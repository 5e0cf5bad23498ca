"""The serif the documents print in: found on this computer, complete for Vietnamese,
embedded; a clear message naming what to install when there is none."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from antt_desktop.i18n.messages import known_error
from antt_desktop.i18n.translator import Translator
from antt_desktop.printing.fonts import (
    CANDIDATES,
    FontMissing,
    find_family,
    missing_letters,
    serif,
    vietnamese_letters,
)

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def test_the_all_tones_name_covers_every_vowel_and_tone_in_both_cases() -> None:
    letters = vietnamese_letters()
    assert len(letters) == len(VOWELS) * len(TONES) * 2 + 2
    for vowel in VOWELS:
        for tone in TONES:
            composed = unicodedata.normalize("NFC", vowel + tone)
            assert len(composed) == 1  # every one has a precomposed letter
            assert composed in letters and composed.upper() in letters
    assert "đ" in letters and "Đ" in letters


def test_every_face_of_the_chosen_serif_has_every_vietnamese_letter() -> None:
    family = serif()
    assert family.family in {c.family for c in CANDIDATES}
    name = vietnamese_letters()
    for face in (family.regular, family.bold, family.italic, family.bold_italic):
        cmap = pdfmetrics.getFont(face).face.charToGlyph  # type: ignore[attr-defined]
        assert [ch for ch in name if ord(ch) not in cmap] == []
        assert missing_letters(face, name) == ""


def test_the_family_is_registered_for_bold_and_italic_markup() -> None:
    family = serif()
    from reportlab.lib.fonts import tt2ps

    assert tt2ps(family.family, 1, 0) == family.bold
    assert tt2ps(family.family, 0, 1) == family.italic
    assert tt2ps(family.family, 1, 1) == family.bold_italic


def test_times_new_roman_is_preferred_when_installed(tmp_path: Path) -> None:
    real = serif().files
    for face, name in zip(
        real, ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"), strict=True
    ):
        (tmp_path / name).write_bytes(face.read_bytes())  # any complete serif stands in
    family = find_family([tmp_path])
    assert family.family == "TimesNewRoman"
    assert [p.name for p in family.files] == [
        "times.ttf",
        "timesbd.ttf",
        "timesi.ttf",
        "timesbi.ttf",
    ]
    serif.cache_clear()  # the next document registers the real font again


def test_no_font_on_linux_names_the_packages_to_install(tmp_path: Path) -> None:
    with pytest.raises(FontMissing) as caught:
        find_family([tmp_path], platform="linux")
    assert caught.value.exit_code == 1
    message = known_error(caught.value.code, caught.value.params, Translator("vi"))
    assert "fonts-liberation" in message and "fonts-dejavu" in message
    assert "phông chữ" in message


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_no_font_on_windows_or_mac_names_times_new_roman(tmp_path: Path, platform: str) -> None:
    with pytest.raises(FontMissing) as caught:
        find_family([tmp_path], platform=platform)
    message = known_error(caught.value.code, caught.value.params, Translator("vi"))
    assert "Times New Roman" in message
    english = known_error(caught.value.code, caught.value.params, Translator("en"))
    assert english.startswith("no serif font with every Vietnamese letter")


def test_a_font_missing_vietnamese_letters_is_passed_over(tmp_path: Path) -> None:
    latin = Path(pdfmetrics.__file__).parent.parent / "fonts" / "Vera.ttf"
    for name in (
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf",
        "LiberationSerif-BoldItalic.ttf",
    ):
        (tmp_path / name).write_bytes(latin.read_bytes())  # Vera has no ơ, ư, ạ...
    with pytest.raises(FontMissing):
        find_family([tmp_path], platform="linux")
