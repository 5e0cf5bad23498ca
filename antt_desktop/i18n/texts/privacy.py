"""Texts about personal data rights: corrections with their history, retention and purge."""

from antt_desktop.i18n.translator import N_

FIELDS = {
    "photo_sha256": N_("Photo"),
}
