"""Texts of printing: missing fonts, files that cannot be written, nothing to print.

The wording of the documents themselves is marked in the ``antt_desktop.printing`` modules
and translated in ``printing.po`` with these messages.
"""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "print.font_missing": N_(
        "no serif font with every Vietnamese letter was found for printing; install the"
        " font {font} and print again"
    ),
    "print.font_package_missing": N_(
        "no serif font with every Vietnamese letter was found for printing; install the"
        " package {first} or {second} (for example: sudo apt install {first}) and print again"
    ),
    "print.cannot_write": N_("the PDF could not be saved to {path}: {reason}"),
    "print.decision_unknown": N_("this unit has no commendation of decision '{value}'"),
    "print.household_or_area": N_(
        "name either one household or a residential area (--area), not both"
    ),
    "print.area_empty": N_("the residential area '{value}' has no household to print"),
}

FIELDS = {
    "out": N_("Output file"),
}
