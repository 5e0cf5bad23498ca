"""Texts of the audit log that cannot be shortened or rewritten unseen (issue #13): the
upper unit's warnings about a post's log, and the post's own check against what the upper
unit acknowledged."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "sync.warning.audit_shortened": N_(
        "the audit log of {unit} now has {now} entries, fewer than the {before} it had in an"
        " earlier sync file: entries were removed (or the computer was restored from an older"
        " backup). Ask the chief of {unit} and check the computer"
    ),
    "sync.warning.audit_diverged": N_(
        "the audit log of {unit} has as many entries as before ({now}) but its last entry is"
        " different: the log was rewritten. Ask the chief of {unit} and check the computer"
    ),
}

#: ``antt sync status`` and the sync page, for a unit below whose log went backwards.
ALERT_SHORTENED = N_(
    "Warning: on {day} the audit log of this unit went back from {before} to {now} entries"
    " (entries removed, or restored from an older backup)"
)
ALERT_DIVERGED = N_(
    "Warning: on {day} the audit log of this unit was found rewritten ({now} entries, a"
    " different last entry)"
)
#: ``antt audit list`` and the audit page, when the log is behind what the upper unit holds.
CHAIN_CUT = N_(
    "The audit log was shortened or rewritten after the upper unit received it. Report this"
    " to the chief."
)
