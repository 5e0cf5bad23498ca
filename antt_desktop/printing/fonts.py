"""The serif font every printed document uses, found on this computer and embedded.

Decree 30/2020/NĐ-CP asks for Times New Roman. Where it is not installed a metric-compatible
serif (Liberation Serif, Tinos) or another serif with every Vietnamese letter stands in. The
four faces (regular, bold, italic, bold italic) are registered with reportlab as TrueType,
so each PDF embeds the glyphs it uses and prints the same on any computer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from antt_desktop.store.errors import KnownError

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng


def vietnamese_letters() -> str:
    """Every Vietnamese vowel with every tone in both cases, plus đ and Đ (NFC)."""
    import unicodedata

    lower = "".join(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES)
    return lower + lower.upper() + "đĐ"


#: Letters a font must have to print Vietnamese names (checked in its character map).
REQUIRED_LETTERS = vietnamese_letters() + "0123456789/-,.:;()%“”–…"


@dataclass(frozen=True)
class Candidate:
    """A font family worth looking for, with the file names of its four faces."""

    family: str  # the name registered with reportlab (and shown in the PDF)
    regular: tuple[str, ...]
    bold: tuple[str, ...]
    italic: tuple[str, ...]
    bold_italic: tuple[str, ...]


def _times(windows: str, style: str) -> tuple[str, ...]:
    """File names of a Times New Roman face on Windows, macOS and Linux (msttcorefonts)."""
    spaced = f"times new roman {style}".strip()
    return (windows, f"{spaced}.ttf", f"{spaced.replace(' ', '_')}.ttf")


#: Best first: the decree's font, then metric-compatible clones, then complete serifs.
CANDIDATES = (
    Candidate(
        "TimesNewRoman",
        _times("times.ttf", ""),
        _times("timesbd.ttf", "bold"),
        _times("timesi.ttf", "italic"),
        _times("timesbi.ttf", "bold italic"),
    ),
    Candidate(
        "LiberationSerif",
        ("liberationserif-regular.ttf",),
        ("liberationserif-bold.ttf",),
        ("liberationserif-italic.ttf",),
        ("liberationserif-bolditalic.ttf",),
    ),
    Candidate(
        "Tinos",
        ("tinos-regular.ttf",),
        ("tinos-bold.ttf",),
        ("tinos-italic.ttf",),
        ("tinos-bolditalic.ttf",),
    ),
    Candidate(
        "NotoSerif",
        ("notoserif-regular.ttf",),
        ("notoserif-bold.ttf",),
        ("notoserif-italic.ttf",),
        ("notoserif-bolditalic.ttf",),
    ),
    # Condensed first: its widths are the closest to Times of the DejaVu serifs.
    Candidate(
        "DejaVuSerifCondensed",
        ("dejavuserifcondensed.ttf",),
        ("dejavuserifcondensed-bold.ttf",),
        ("dejavuserifcondensed-italic.ttf",),
        ("dejavuserifcondensed-bolditalic.ttf",),
    ),
    Candidate(
        "DejaVuSerif",
        ("dejavuserif.ttf",),
        ("dejavuserif-bold.ttf",),
        ("dejavuserif-italic.ttf",),
        ("dejavuserif-bolditalic.ttf",),
    ),
)


class FontMissing(KnownError):
    """No serif font with every Vietnamese letter is installed (exit 1); names the font."""

    code = "print.font_missing"
    exit_code = 1


class FontPackageMissing(FontMissing):
    """As :class:`FontMissing`, naming the Linux packages that bring such a font."""

    code = "print.font_package_missing"


@dataclass(frozen=True)
class FontFamily:
    """The registered font: reportlab names of its four faces and the files they came from."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    files: tuple[Path, Path, Path, Path]


def font_dirs(platform: str = sys.platform) -> list[Path]:
    """The usual font folders of Windows, macOS and Linux (those of the user too)."""
    home = Path.home()
    if platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA")
        dirs = [windir / "Fonts"]
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if platform == "darwin":
        return [
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/System/Library/Fonts"),
        ]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [
        data_home / "fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]


def _index(dirs: Iterable[Path]) -> dict[str, Path]:
    """Lower-case file name → path of every TrueType file under ``dirs`` (first one wins)."""
    found: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, names in os.walk(folder):
            for name in names:
                if name.lower().endswith(".ttf"):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _faces(candidate: Candidate, index: dict[str, Path]) -> tuple[Path, Path, Path, Path] | None:
    paths = []
    for names in (candidate.regular, candidate.bold, candidate.italic, candidate.bold_italic):
        path = next((index[n] for n in names if n in index), None)
        if path is None:
            return None
        paths.append(path)
    return paths[0], paths[1], paths[2], paths[3]


def covers(font: TTFont, text: str = REQUIRED_LETTERS) -> bool:
    """Whether the font's character map has a glyph for every character of ``text``."""
    cmap = font.face.charToGlyph
    return all(ord(ch) in cmap for ch in text)


def missing_letters(font_name: str, text: str) -> str:
    """The characters of ``text`` the registered font ``font_name`` has no glyph for."""
    font = pdfmetrics.getFont(font_name)
    cmap = font.face.charToGlyph
    return "".join(sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap}))


def _missing(platform: str) -> FontMissing:
    if platform.startswith("win") or platform == "darwin":
        return FontMissing(font="Times New Roman")
    return FontPackageMissing(first="fonts-liberation", second="fonts-dejavu")


def find_family(dirs: Sequence[Path] | None = None, platform: str = sys.platform) -> FontFamily:
    """Register and return the best serif family found in ``dirs`` (default: the usual
    font folders of ``platform``).

    Raises:
        FontMissing: naming what to install, when no family with Vietnamese letters exists.
    """
    index = _index(font_dirs(platform) if dirs is None else dirs)
    for candidate in CANDIDATES:
        files = _faces(candidate, index)
        if files is None:
            continue
        try:
            faces = [
                TTFont(f"{candidate.family}{suffix}", str(path))
                for suffix, path in zip(("", "-Bold", "-Italic", "-BoldItalic"), files, strict=True)
            ]
        except TTFError:
            continue  # a damaged or unsupported file: try the next family
        if not all(covers(face) for face in faces):
            continue
        for face in faces:
            pdfmetrics.registerFont(face)
        names = [face.fontName for face in faces]
        pdfmetrics.registerFontFamily(
            candidate.family, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
        )
        return FontFamily(candidate.family, names[0], names[1], names[2], names[3], files=files)
    raise _missing(platform)


@lru_cache(maxsize=1)
def serif() -> FontFamily:
    """The family all documents print in, found and registered once per process."""
    return find_family()
