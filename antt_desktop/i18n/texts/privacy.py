"""Texts about personal data rights: corrections with their history, retention and purge."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "correction.reason_required": N_(
        "is required when a value already recorded is changed (a correction)"
    ),
}

FIELDS = {
    "correction_reason": N_("Reason for correcting the data"),
    "photo_sha256": N_("Photo"),
    "old_value": N_("Old value"),
    "new_value": N_("New value"),
    "corrected_on": N_("Corrected on"),
    "corrected_by": N_("Corrected by"),
}

#: The correction history's title (person sheet, dossier window, ``person history``).
HISTORY_TITLE = N_("Correction history")
NO_CORRECTIONS = N_("No correction recorded.")
WITHHELD_VALUE = N_("(not shown)")
