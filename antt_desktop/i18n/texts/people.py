"""Texts about residents: identity fields and their rules."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "id_number.not_digits": N_("must contain digits only"),
    "id_number.length": N_("must have exactly {expected} digits (entered {found})"),
    "id_number.province_unknown": N_(
        "starts with province code {code}, which is not on the list of ID province codes"
    ),
    "id_number.sex_mismatch": N_(
        "the 4th digit says {encoded} but the sex entered is {entered}; check the card, or"
        " give a reason to keep it"
    ),
    "id_number.year_mismatch": N_(
        "digits 5-6 say born in {encoded} but the birth year entered is {entered}; check the"
        " card, or give a reason to keep it"
    ),
    "id_number.duplicate": N_("{value} already belongs to {name}"),
    "legacy_id.not_digits": N_("must contain digits only"),
    "legacy_id.length": N_("must have 9 or 12 digits (entered {found})"),
    "person.born_too_early": N_("{value} is too far in the past"),
    "person.possible_duplicate": N_(
        "{name}, born {born}, is already registered; check it is not the same person"
    ),
    "phone.format": N_("'{value}' is not a phone number (10 digits starting with 0, or +84)"),
    "catalogue.unknown": N_("'{value}' is not in the catalogue"),
    "area.unknown": N_("there is no residential area '{value}' in this unit"),
    "area.duplicate": N_("the residential area '{value}' already exists"),
    "household.unknown": N_("there is no household '{value}'"),
    "field.unknown": N_("'{value}' is not a field that can be changed"),
    "unit.unknown": N_("there is no unit with code '{value}'"),
    "unit.code_format": N_("'{value}' is not a unit code (letters and digits, at most 16)"),
    "unit.duplicate": N_("a unit with code '{value}' already exists"),
    "user.name_format": N_(
        "'{value}' is not an account name (2-64 lower-case letters, digits, '.', '_' or '-')"
    ),
}

FIELDS = {
    "full_name": N_("Full name"),
    "other_names": N_("Other names"),
    "born": N_("Date of birth"),
    "sex": N_("Sex"),
    "id_number": N_("Personal ID number"),
    "id_override_reason": N_("Reason for keeping the ID number"),
    "legacy_id": N_("Old ID card number (CMND)"),
    "ethnic_code": N_("Ethnic group"),
    "religion_code": N_("Religion"),
    "nationality": N_("Nationality"),
    "birth_place": N_("Place of birth registration"),
    "permanent_area_id": N_("Residential area (permanent)"),
    "permanent_address": N_("Permanent residence"),
    "current_area_id": N_("Residential area (current)"),
    "current_address": N_("Current residence"),
    "occupation": N_("Occupation"),
    "phone": N_("Phone number"),
    "household_id": N_("Household"),
    "relation_to_head": N_("Relation to the head of household"),
    "area": N_("Residential area"),
    "area_kind": N_("Kind of residential area"),
}

SEX = (N_("male"), N_("female"))
