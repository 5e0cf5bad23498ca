"""Texts of the sync fixes (issue #13): bundles written before a restore, decompression
limits, content digests."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "sync.warning.before_restore": N_(
        "this sync file was made by {unit} before it was restored from a backup: its records"
        " were merged, but it no longer tells what {unit} holds (the next export sends"
        " everything {unit} may lack)"
    ),
    "sync.refused.unpacks_too_large": N_(
        "{file} would unpack to more than {max} MB of records: it is damaged or was made to"
        " harm the computer; ask the sending unit for a new copy (nothing was imported)"
    ),
    "sync.refused.line_too_long": N_(
        "{file} holds a record longer than {max} MB: it is damaged or was made to harm the"
        " computer; ask the sending unit for a new copy (nothing was imported)"
    ),
    "sync.digest.no_table": N_(
        "there is no synced table named {table}; run antt sync digest without --table to see"
        " them all"
    ),
    "sync.digest.no_unit": N_("there is no unit with code {unit} on this computer"),
    "sync.refused.memory": N_(
        "this computer has too little free memory to open {file}; close other programs and"
        " import it again (nothing was imported)"
    ),
}
