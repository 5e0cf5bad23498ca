"""Texts of the register of document numbers and of certificates that do not fit a page."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "numbers.unknown": N_("there is no document number '{value}' in the register"),
    "numbers.already_cancelled": N_("number {number} is already cancelled"),
    "numbers.year": N_("the year {value} is not one the register counts"),
    "numbers.batch_typed": N_(
        "a batch of documents cannot share one typed number: choose automatic numbering or"
        " blank numbers"
    ),
    "numbers.mode": N_("'{value}' is not a number: write auto, blank or the number itself"),
    "print.too_long": N_(
        "the certificate of {name} does not fit on one page even at the smallest letters"
        " allowed: shorten the achievement or the position line (or allow two pages)"
    ),
    "print.offset": N_("the offset {value} mm is out of range (from -30 to 30 mm)"),
}

FIELDS = {
    "cancel_reason": N_("Reason for cancelling"),
    "doc_type": N_("Type of document"),
    "recipient_position": N_("Position and unit"),
    "signer_name": N_("Signer's full name"),
    "offset_x": N_("Horizontal offset"),
    "offset_y": N_("Vertical offset"),
}
