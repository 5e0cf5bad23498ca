"""Texts about households (hộ gia đình), their members, yearly status and pledges (cam kết).

Codes and labels shared with other areas (``area.unknown``, ``Household``...) repeat the
same English text, so every catalogue agrees on one sentence.
"""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "household.number_taken": N_("household number {value} is already used in this unit"),
    "household.unknown": N_("there is no household '{value}'"),
    "household.head_taken": N_("{name} is already the head of household {number}"),
    "household.other_unit": N_("{name} is registered in another unit"),
    "household.member_elsewhere": N_(
        "{name} is a member of household {number}; move the person from that household first"
    ),
    "household.already_member": N_("{name} is already a member of household {number}"),
    "household.not_member": N_("{name} is not a member of household {number}"),
    "household.is_head": N_("{name} is the head of household {number}; choose another head first"),
    "household.relation_is_head": N_("the head is chosen with 'change head', not as a relation"),
    "person.unknown": N_("this person is not in the records (or was deleted)"),
    "area.unknown": N_("there is no residential area '{value}' in this unit"),
    "field.unknown": N_("'{value}' is not a field that can be changed"),
    "year.range": N_("{value} is not a valid year (from {min} to {max})"),
    "pledge.exists": N_(
        "household {number} already has a pledge for {year}; edit that pledge instead"
    ),
    "pledge.date_outside_year": N_("{value} is not in the year of the pledge ({year})"),
    "pledge.not_signed": N_("the household refused to sign the pledge for {year}"),
}

FIELDS = {
    "number": N_("Household number"),
    "head_person_id": N_("Head of household"),
    "area_id": N_("Residential area"),
    "address": N_("Address"),
    "member_id": N_("Household member"),
    "relation_to_head": N_("Relation to the head of household"),
    "former_head_relation": N_("Relation of the former head to the new head"),
    "household_id": N_("Household"),
    "year": N_("Year"),
    "poverty_status": N_("Poor / near-poor household status"),
    "signed_on": N_("Signed on"),
    "signer_name": N_("Signed by (household representative)"),
    "officer_name": N_("Responsible officer"),
    "pledge_status": N_("Pledge result"),
    "violation_notes": N_("Violation of the pledge"),
    "cultured_family": N_("Cultured family (Gia đình văn hóa)"),
}

POVERTY_STATUS = (N_("poor"), N_("near-poor"), N_("not poor"))
PLEDGE_STATUS = (N_("signed"), N_("refused"), N_("violated"))
