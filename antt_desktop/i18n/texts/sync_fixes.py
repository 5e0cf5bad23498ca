"""Texts of the sync fixes (issue #13): bundles written before a restore, decompression
limits, content digests."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "sync.warning.before_restore": N_(
        "this sync file was made by {unit} before it was restored from a backup: its records"
        " were merged, but it no longer tells what {unit} holds (the next export sends"
        " everything {unit} may lack)"
    ),
}
