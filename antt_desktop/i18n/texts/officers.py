"""Texts of officers' names and titles (họ tên, chức vụ của cán bộ) and of correcting a
dossier's opening: the fields the problems name, and the rules they break."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "dossier.has_assessments": N_(
        "can no longer be changed: {count} assessments are already written on this dossier"
    ),
    "dossier.open_after_record": N_(
        "{value} is after a record already kept on the dossier ({first}); the dossier must"
        " open on or before it"
    ),
}

FIELDS = {
    "title": N_("Title or rank"),
    "admin_name": N_("Chief's full name"),
    "admin_title": N_("Chief's title or rank"),
    "classification_note": N_("Reason for the classification"),
}
