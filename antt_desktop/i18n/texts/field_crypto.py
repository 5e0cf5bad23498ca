"""Texts of the sensitive fields sealed under the fields key (store/field_crypto.py)."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "fields.unreadable": N_("a protected value of record {row} does not open (field {column})"),
    "fields.unreadable.id_number": N_(
        "the ID number of record {row} does not open: it was damaged, or copied from "
        "another record or another post's database; enter it again or restore a backup"
    ),
    "fields.unreadable.legacy_id": N_(
        "the old ID number of record {row} does not open: it was damaged, or copied from "
        "another record or another post's database; enter it again or restore a backup"
    ),
    "fields.unreadable.ethnic_code": N_(
        "the ethnicity of record {row} does not open: it was damaged, or copied from "
        "another record or another post's database; enter it again or restore a backup"
    ),
    "fields.unreadable.religion_code": N_(
        "the religion of record {row} does not open: it was damaged, or copied from "
        "another record or another post's database; enter it again or restore a backup"
    ),
    "fields.unreadable.risk_notes": N_(
        "the risk notes of record {row} does not open: it was damaged, or copied from "
        "another record or another post's database; enter it again or restore a backup"
    ),
    "fields.unreadable.description": N_(
        "the violation text of record {row} does not open: it was damaged, or copied from"
        " another record or another post's database; enter it again or restore a backup"
    ),
    "fields.unreadable.data": N_(
        "the photo of record {row} does not open: it was damaged, or copied from another "
        "record or another post's database; enter it again or restore a backup"
    ),
    "fields.unreadable.old_value": N_(
        "the old value of a correction of record {row} does not open: it was damaged, or "
        "copied from another record or another post's database; enter it again or restore"
        " a backup"
    ),
    "fields.unreadable.new_value": N_(
        "the new value of a correction of record {row} does not open: it was damaged, or "
        "copied from another record or another post's database; enter it again or restore"
        " a backup"
    ),
    "fields.locked": N_(
        "this account may not read or write ID numbers, ethnicity, religion, risk notes, "
        "violations or photos; nothing was changed (ask an officer or the chief)"
    ),
}
