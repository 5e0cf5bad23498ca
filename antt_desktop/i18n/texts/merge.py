"""Texts of merging two records of one person (gộp hồ sơ trùng) and of the spreadsheet
templates."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "merge.same_person": N_("a record cannot be merged with itself; choose the other record"),
    "merge.person_unknown": N_(
        "there is no person with the code {value} (it may have been deleted or merged already)"
    ),
    "merge.id_numbers_differ": N_(
        "the two records have different ID numbers ({survivor} and {absorbed}): they are two"
        " different people and cannot be merged"
    ),
    "merge.open_dossiers_same_category": N_(
        "both records have an open dossier of the category {category}; close the duplicate"
        " dossier (with its reason) before merging"
    ),
    "merge.different_households": N_(
        "the two records are in different households (no. {survivor} and no. {absorbed});"
        " move the person into the right household first, then merge"
    ),
}

FIELDS = {
    "survivor_id": N_("Record kept"),
    "absorbed_id": N_("Duplicate record"),
}
