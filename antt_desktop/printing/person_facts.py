"""What documents say about a person: identity lines, residence, and the photo box."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable
from sqlalchemy.orm import Session

from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.layout import styles
from antt_desktop.printing.records import area_name
from antt_desktop.printing.text import fmt_born, nfc, upper
from antt_desktop.services import catalogues
from antt_desktop.store import photos
from antt_desktop.store.models import Household, Person

PHOTO_W, PHOTO_H = 40 * mm, 60 * mm


class PhotoBox(Flowable):  # type: ignore[misc]
    """A 4x6 cm frame with the person's photo in it, or labelled "Ảnh 4x6" when there is
    none (a photo is glued in then)."""

    def __init__(self, label: str, photo: bytes | None = None) -> None:
        super().__init__()
        self.label = label
        self.photo = photo
        self.width, self.height = PHOTO_W, PHOTO_H

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.6)
        c.rect(0, 0, self.width, self.height)
        if self.photo is not None:
            picture = ImageReader(io.BytesIO(self.photo))
            w, h = picture.getSize()
            scale = min(self.width / w, self.height / h)
            shown_w, shown_h = w * scale, h * scale
            x, y = (self.width - shown_w) / 2, (self.height - shown_h) / 2
            c.drawImage(picture, x, y, shown_w, shown_h)
        else:
            c.setFont(styles().fonts.italic, 12)
            c.drawCentredString(self.width / 2, self.height / 2 - 4, self.label)
        c.restoreState()


def photo_box(session: Session, person: Person, tr: Translator) -> PhotoBox:
    """The frame for ``person``, with their photo when this computer holds it."""
    photo = photos.get(session, person.photo_sha256) if person.photo_sha256 else None
    return PhotoBox(tr(N_("Photo 4x6")), photo)


def sex_word(sex: str | None, tr: Translator) -> str:
    if sex == "M":
        return tr(N_("Male"))
    if sex == "F":
        return tr(N_("Female"))
    return ""


def with_area(address: str | None, area: str | None) -> str:
    """The address followed by its residential area, unless the address already names it
    ("Bản Huổi Lèng, xã Phú Lương" is not followed by "Bản Huổi Lèng" again)."""
    parts = [nfc(address)] if address else []
    if area and not (address and nfc(area).casefold() in nfc(address).casefold()):
        parts.append(nfc(area))
    return ", ".join(parts)


def _place(address: str | None, area_id: str | None, session: Session | None) -> str:
    return with_area(address, area_name(session, area_id) if session is not None else None)


def residence(person: Person, tr: Translator, session: Session | None = None) -> str:
    """Where the person lives now (else their permanent residence)."""
    return _place(person.current_address, person.current_area_id, session) or _place(
        person.permanent_address, person.permanent_area_id, session
    )


def household_address(session: Session, h: Household) -> str:
    """The household's address with its residential area (unless the address names it)."""
    return with_area(h.address, area_name(session, h.area_id))


def identity_rows(session: Session, person: Person, tr: Translator) -> list[tuple[str, str | None]]:
    """Label and value of each identity fact recorded about ``person`` (blank ones left out)."""
    ethnic = catalogues.codes(session, catalogues.ETHNIC)
    religion = catalogues.codes(session, catalogues.RELIGION)
    rows: list[tuple[str, str | None]] = [
        (tr(N_("Full name")), upper(person.full_name)),
        (tr(N_("Other names")), person.other_names),
        (tr(N_("Born")), fmt_born(person.born)),
        (tr(N_("Sex")), sex_word(person.sex, tr)),
        (tr(N_("Personal ID number")), person.id_number),
        (tr(N_("Old ID card number")), person.legacy_id),
        (tr(N_("Ethnic group")), ethnic.get(person.ethnic_code or "", person.ethnic_code)),
        (tr(N_("Religion")), religion.get(person.religion_code or "", person.religion_code)),
        (tr(N_("Nationality")), person.nationality),
        (tr(N_("Place of birth registration")), person.birth_place),
        (
            tr(N_("Permanent residence")),
            _place(person.permanent_address, person.permanent_area_id, session),
        ),
        (
            tr(N_("Current residence")),
            _place(person.current_address, person.current_area_id, session),
        ),
        (tr(N_("Occupation")), person.occupation),
        (tr(N_("Phone")), person.phone),
    ]
    return [(label, value) for label, value in rows if value]
