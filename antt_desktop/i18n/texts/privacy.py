"""Texts about personal data rights: corrections with their history, retention and purge."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "purge.unknown": N_("there is no dossier {value}"),
    "purge.not_closed": N_("the dossier {value} is not closed, so it cannot be purged"),
    "purge.not_due": N_("the dossier of {name} is kept until {due}; it cannot be purged yet"),
    "purge.not_confirmed": N_(
        "purging cannot be undone: confirm it (--confirm on the command line)"
    ),
    "correction.reason_required": N_(
        "is required when a value already recorded is changed (a correction)"
    ),
}

FIELDS = {
    "confirm": N_("Confirmation"),
    "retention_years": N_("Retention period (years after closing)"),
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

#: Why a purged dossier's person keeps their record (``retention.person_ties``).
TIES = {
    "dossier": N_("has another dossier"),
    "household": N_("belongs to a household"),
    "team": N_("is a member of a team"),
    "commendation": N_("holds a commendation"),
    "violation": N_("has violations recorded outside this dossier"),
}
#: What goes with a dossier, by table.
RECORD_KINDS = {
    "assessments": N_("{n} assessment(s)"),
    "commitments": N_("{n} commitment(s)"),
    "supports": N_("{n} support record(s)"),
    "violations": N_("{n} violation(s)"),
}
DUE_TITLE = N_("Dossiers proposed for purging (retention period over) as of {today}: {count}")
NONE_DUE = N_("No closed dossier has reached the end of its retention period.")
CANDIDATE = N_("closed {closed}, kept {years} years, may be purged since {due}")
PERSON_GOES = N_("The resident's record goes too (nothing else refers to them).")
PERSON_STAYS = N_("The resident's record stays: {why}.")
WILL_GO = N_("These will be purged for good (it cannot be undone):")
NOT_YET = N_("Nothing was purged. To purge them, run the command again with --confirm.")
PURGED = N_("Purged {count} dossier(s); the upper unit's copy goes at the next sync.")
