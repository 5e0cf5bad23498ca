"""Texts of the size limits on files from outside (backups; bundles, spreadsheets and photos
have theirs beside their other refusals)."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "sync.refused.file_too_large": N_(
        "{file} is larger than a sync file may be ({max} GB) (nothing was imported)"
    ),
    "backup.too_large": N_(
        "{path} is larger than a backup may be (a post database of at most {max} GB);"
        " nothing was restored"
    ),
    "backup.no_room": N_(
        "there is not enough room on the disk of {folder} to restore this backup (it needs"
        " {need} GB, {free} GB are free); free some space and try again, nothing was restored"
    ),
}
