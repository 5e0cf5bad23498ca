"""Texts of restoring a backup: whose it is, whether it was changed, who may restore it."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "backup.tampered": N_(
        "{path} was changed after the backup was made (its seal does not match); it may have"
        " been damaged or altered on purpose. Nothing was restored; use another backup"
    ),
    "backup.other_unit": N_(
        "{path} is a backup of {backup_name} ({backup_code}), not of this post,"
        " {this_name} ({this_code}); nothing was restored. Only a chief of this post may"
        " replace its data with another unit's, after confirming it (in the window, or antt"
        " restore --replace-unit)"
    ),
    "backup.wrong_password": N_(
        "the backup {path} does not open with the password of {user}: it opens with the"
        " password of an account that was an active chief when the backup was made;"
        " nothing was restored"
    ),
    "backup.post_unreadable": N_(
        "this post's database cannot be opened ({reason}), so no one can log in to it. To"
        " replace it with the backup all the same, add --replace-unit: the database that"
        " cannot be opened is kept aside; nothing was restored"
    ),
}
