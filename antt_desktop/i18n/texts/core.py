"""Texts shared by every area: dates, generic rules, database and record errors."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "required": N_("is required"),
    "too_long": N_("is too long (at most {max} characters)"),
    "not_found": N_("no record with this identifier: {value}"),
    "choice": N_("'{value}' is not one of the allowed values: {allowed}"),
    "date.format": N_("'{value}' is not a date; write it as DD/MM/YYYY"),
    "date.invalid": N_("'{value}' is not a real calendar date"),
    "date.future": N_("{value} is in the future"),
    "period.format": N_("'{value}' is not a period; write 2026-10, 2026-Q3 or 2026"),
    "money.negative": N_("must not be negative"),
    "number.invalid": N_("'{value}' is not a whole number"),
    "number.negative": N_("must not be negative"),
    "record.not_found": N_("{entity} '{value}' was not found"),
    "db.locked": N_(
        "the database {path} is open in another window or program; close it and try again"
    ),
    "db.too_new": N_(
        "the database {path} was made by a newer version of ANTT Desktop; update the program"
        " (the file was not changed)"
    ),
    "db.missing": N_("there is no database at {path}; run 'antt init' first"),
    "db.not_initialised": N_("the database has not been set up; run 'antt init' first"),
    "db.encryption_unavailable": N_(
        "database encryption needs the {module} package, which is not installed"
    ),
    "db.already_initialised": N_("this database is already set up for unit {code}"),
    "error.unknown": N_("an unexpected error occurred"),
    "error.unexpected": N_(
        "an unexpected error occurred; nothing was saved. Details were written to {log}"
    ),
    "backup.invalid": N_("{path} is not a usable backup of a post database ({reason})"),
}

FIELDS = {
    "period": N_("Period"),
    "unit": N_("Unit"),
    "unit_code": N_("Unit code"),
    "unit_name": N_("Unit name"),
    "upper_code": N_("Upper unit code"),
    "upper_name": N_("Upper unit name"),
    "admin": N_("Administrator account"),
    "notes": N_("Notes"),
    "file": N_("File"),
    "id": N_("Identifier"),
}

WORDS = (N_("unchanged"), N_("up from zero"), N_("down"), N_("up"))

YES_NO = (N_("yes"), N_("no"))

#: Names of the kinds of record, for "không tìm thấy hồ sơ '…'" (param ``entity``).
ENTITIES = {
    "person": N_("resident"),
    "dossier": N_("dossier"),
    "assessment": N_("assessment"),
    "household": N_("household"),
    "pledge": N_("pledge"),
    "initiative": N_("initiative"),
    "evaluation": N_("evaluation"),
    "team": N_("team"),
    "team_member": N_("team member"),
    "unit": N_("unit"),
    "area": N_("residential area"),
    "commendation": N_("commendation"),
    "document_number": N_("document number"),
}
