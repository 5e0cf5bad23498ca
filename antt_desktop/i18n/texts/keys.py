"""Texts of the key hierarchy (issue #13): rotating the data keys when an account is
disabled, its role lowered or a password changed (docs/KEYS.md)."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "keys.no_fields_key": N_(
        "'{value}' could read sensitive data, so its change needs a new key for that data,"
        " but your account has not been given the current one yet (after an upgrade, it is"
        " given at the next login of an officer or chief who has it); nothing changed"
    ),
}

#: What the command line says after a change that rotated the keys.
ROTATED = N_(
    "The data keys were changed: a copy of the key file made before no longer opens the post"
    " (a backup still opens with the password valid when it was made)."
)

#: The progress dialog's title while a change rotates the keys (the file is rewritten).
ROTATING = N_("Changing the data keys…")
