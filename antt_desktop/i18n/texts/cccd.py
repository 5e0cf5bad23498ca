"""Texts about reading the QR code of a citizen ID card (thẻ Căn cước công dân)."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "cccd.not_card": N_("This is not the QR code of a citizen identity card"),
    "cccd.field_count": N_(
        "the code has {found} parts but a citizen identity card's has at least {expected};"
        " scan the card again"
    ),
    "cccd.date": N_("'{value}' is not a date (the card writes it as ddmmyyyy)"),
    "cccd.sex": N_("'{value}' is not a sex (the card writes Nam or Nữ)"),
    "cccd.empty": N_("is empty on the card"),
    "cccd.issued_before_birth": N_("the card is issued before its holder was born"),
    "cccd.sex_mismatch": N_(
        "the 4th digit says {encoded} but the card says {entered}; the code was not read"
        " correctly, scan the card again"
    ),
    "cccd.year_mismatch": N_(
        "digits 5-6 say born in {encoded} but the card says {entered}; the code was not"
        " read correctly, scan the card again"
    ),
    "cccd.no_code": N_(
        "no QR code of a citizen identity card was found in the picture; take the picture"
        " again closer to the code, straight and in good light"
    ),
}

FIELDS = {
    "cccd_qr": N_("QR code of the ID card"),
    "cccd_qr.id_number": N_("ID number on the card"),
    "cccd_qr.old_id": N_("Old ID number (CMND) on the card"),
    "cccd_qr.full_name": N_("Full name on the card"),
    "cccd_qr.born": N_("Date of birth on the card"),
    "cccd_qr.sex": N_("Sex on the card"),
    "cccd_qr.issued": N_("Date of issue on the card"),
    "cccd_picture": N_("Picture of the ID card"),
}
