"""Texts of the lost-update guard (services/edit_guard.py): who changed a record while an
editor was open on it."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "record.edited_meanwhile": N_("this record was just changed by {who} at {time} on {day}"),
    "record.deleted_meanwhile": N_("this record was just deleted by {who} at {time} on {day}"),
    "record.merged_meanwhile": N_(
        "this record was just merged into another by {who} at {time} on {day}"
    ),
    "record.removed_meanwhile": N_("this record was just deleted elsewhere at {time} on {day}"),
    "record.synced_meanwhile": N_(
        "this record was just changed by a sync bundle from {unit} (imported by {who})"
        " at {time} on {day}"
    ),
    "record.changed_meanwhile": N_("this record was just changed elsewhere at {time} on {day}"),
}
