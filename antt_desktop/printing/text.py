"""Words of the printed documents: escaping text for paragraphs, dates, periods, titles.

Fixed wording is English in the code (``N_``) and Vietnamese in ``printing.po``; documents
print in Vietnamese unless asked otherwise, as administrative papers must.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.periods import Period
from antt_desktop.domain.text import fold
from antt_desktop.i18n.formatting import fmt_period
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters import words
from antt_desktop.store.models import Unit

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True)
class PrintOptions:
    """What the officer may choose when printing.

    Attributes:
        number: the document's number and symbol, e.g. ``05/BC-CAX`` ("Số: 05/BC-CAX").
        signer_name: the name printed under the signature of the unit's chief.
        lang: the language of the document (Vietnamese unless asked otherwise).
        recipients: extra lines of "Nơi nhận:" (where a document has that block).
        numbers: numbers from the register of a batch's documents, by record key (a
            certificate's commendation id); None prints none.
        allow_two_pages: a certificate too long for one page may run onto a second
            (otherwise it is refused, naming the recipient).
        blank_form: print only the variable text of a certificate, for paper with the
            rest printed on it; ``offset_x_mm``/``offset_y_mm`` move it (right, down).
    """

    number: str | None = None
    signer_name: str | None = None
    lang: str = "vi"
    recipients: tuple[str, ...] = field(default_factory=tuple)
    numbers: Mapping[str, str] | None = None
    allow_two_pages: bool = False
    blank_form: bool = False
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0

    @property
    def tr(self) -> Translator:
        return Translator(self.lang)


def nfc(text: str | None) -> str:
    """``text`` in composed Unicode (decomposed tone marks print badly), '' for None."""
    return unicodedata.normalize("NFC", text or "")


def esc(text: str | None) -> str:
    """``text`` as paragraph markup: composed, escaped, line breaks kept."""
    return escape(nfc(text)).replace("\r\n", "\n").replace("\n", "<br/>")


def upper(text: str | None) -> str:
    """Upper case the Vietnamese way (đ → Đ), composed."""
    return nfc(text).upper()


def two(n: int) -> str:
    """Day or month with a leading zero below 10, as Decree 30 writes dates."""
    return f"{n:02d}"


def date_words(day: date, tr: Translator) -> str:
    """``ngày 05 tháng 02 năm 2026``."""
    return tr(N_("day {day} month {month} year {year}")).format(
        day=two(day.day), month=two(day.month), year=day.year
    )


def place_date(place: str | None, day: date | None, tr: Translator, year: int | None = None) -> str:
    """``Phú Lương, ngày 05 tháng 02 năm 2026``; with no ``day``, a line left blank to fill
    by hand (``ngày ..... tháng ..... năm 2026``)."""
    if day is not None:
        words = date_words(day, tr)
    else:
        words = tr(N_("day ..... month ..... year {year}")).format(year=year or "........")
    return f"{nfc(place)}, {words}" if place else words[:1].upper() + words[1:]


def money(amount: int | None, tr: Translator) -> str:
    """``15.000.000 đồng`` (every serif has these letters, not every one has ₫)."""
    return "" if amount is None else words.money(amount, tr)


def fmt_day(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def fmt_born(born: str | None) -> str:
    """A stored partial birth date (``1985``, ``1985-03``, ``1985-03-02``) as written."""
    return PartialDate.from_iso(born).format() if born else ""


def period_words(period: Period, tr: Translator) -> str:
    """``Tháng 10/2026``, ``Quý III/2026`` or ``Năm 2026``."""
    return fmt_period(period, tr)


#: Kinds of police unit by the start of their name (folded), with the code of the unit in a
#: document's symbol ("05/BC-CAX"), the province's police first.
KINDS = (
    ("cong an thanh pho", "CATP", True),
    ("cong an tinh", "CAT", True),
    ("cong an phuong", "CAP", False),
    ("cong an xa", "CAX", False),
    ("cong an dac khu", "CAĐK", False),
    ("cong an thi tran", "CATT", False),
)


def _kind(unit: Unit) -> tuple[str, str, bool] | None:
    folded = fold(nfc(unit.name)).strip()
    for prefix, code, province in KINDS:
        if folded.startswith(prefix + " ") and (not province or unit.kind != "commune_post"):
            return prefix, code, province
    return None


def is_province(unit: Unit) -> bool:
    """A provincial police (Công an tỉnh / thành phố) above the posts: its chief is the
    "Giám đốc" and its parent body the Ministry."""
    kind = _kind(unit)
    return kind is not None and kind[2]


def issuer_place(unit: Unit) -> str | None:
    """The place of the unit's date line: the commune's name for a post ("Phú Lương"), the
    province's for a provincial police ("Thái Nguyên")."""
    if unit.place_name:
        return nfc(unit.place_name)
    kind = _kind(unit)
    if kind is None:
        return None
    words = nfc(unit.name).split()
    return " ".join(words[len(kind[0].split()) :]) or None


def unit_kind_name(unit: Unit) -> str:
    """The unit's name without its place: "Công an xã" of "Công an xã Phú Lương"."""
    name, place = nfc(unit.name), issuer_place(unit) or ""
    if place and name.casefold().endswith(place.casefold()) and len(name) > len(place):
        return name[: -len(place)].strip()
    return name


def unit_code(unit: Unit) -> str:
    """The unit's part of a document symbol: CAX (xã), CAP (phường), CAT (tỉnh), CATP
    (thành phố), else the unit's code."""
    kind = _kind(unit)
    return kind[1] if kind else unit.code


def parent_body(unit: Unit, tr: Translator) -> str | None:
    """The body above the issuer in the header: "BỘ CÔNG AN" above a provincial police,
    the province's police above a post."""
    if is_province(unit):
        return upper(tr(N_("Ministry of Public Security")))
    return unit.parent_body


def chief_title(unit: Unit, tr: Translator) -> str:
    """The signing title of the unit's chief: ``TRƯỞNG CÔNG AN XÃ``, ``GIÁM ĐỐC``."""
    if is_province(unit):
        return upper(tr(N_("Director")))
    return upper(tr(N_("Head of {unit}")).format(unit=unit_kind_name(unit)))


def deputy_title(unit: Unit, tr: Translator) -> tuple[str, str]:
    """(authority, title) of a deputy signing for the chief: ``KT. TRƯỞNG CÔNG AN XÃ`` over
    ``PHÓ TRƯỞNG CÔNG AN XÃ``."""
    chief = chief_title(unit, tr)
    return (
        upper(tr(N_("For the {title}")).format(title=chief)),
        upper(tr(N_("Deputy {title}")).format(title=chief)),
    )
