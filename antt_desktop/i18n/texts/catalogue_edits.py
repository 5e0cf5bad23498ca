"""Texts of the catalogues an upper unit keeps (danh mục): their names, the version line,
the fields of their entries and the rules an edit must meet."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "catalogue.issued_above": N_(
        "the catalogue is issued by the upper unit ({unit}); a post cannot change it —"
        " ask the upper unit to change it"
    ),
    "catalogue.code_format": N_(
        "'{value}' is not a code: use letters without accents, digits and _ only"
    ),
    "catalogue.code_taken": N_("the catalogue already has an entry with code '{value}'"),
    "catalogue.code_fixed": N_(
        "the code of an entry ('{value}') cannot change: records refer to it by its code"
    ),
    "catalogue.code_repeated": N_("code '{value}' appears on an earlier line of the file"),
    "catalogue.unknown_entry": N_("the catalogue has no entry with code '{value}'"),
    "catalogue.in_use": N_(
        "entry '{value}' is named by {count} record(s) and cannot be deleted; retire it instead"
    ),
    "catalogue.yes_no": N_("'{value}' is not yes or no (write 1 or 0)"),
    "catalogue.range": N_("{value} is outside the allowed range {low}–{high}"),
    "catalogue.list_repeats": N_("the same value is listed twice"),
    "catalogue.criterion": N_("line {line} is not a criterion: write code | name | maximum points"),
    "catalogue.criterion_points": N_("line {line}: maximum points must be between 1 and 100"),
    "catalogue.criterion_repeats": N_("two criteria have the same code"),
    "catalogue.pass_mark": N_(
        "the pass mark {value} is more than the criteria's total of {total} points"
    ),
    "catalogue.file": N_("{value} cannot be read as a catalogue file ({reason})"),
    "catalogue.set_format": N_("'{value}' is not field=value"),
    "catalogue.retired": N_(
        "'{value}' is no longer used (retired from the catalogue); choose another entry"
    ),
}

FIELDS = {
    "catalogue": N_("Catalogue"),
    "code": N_("Code"),
    "name_vi": N_("Name (Vietnamese)"),
    "name_en": N_("Name (English)"),
    "legal_basis": N_("Legal basis"),
    "cadence": N_("Assessment cadence"),
    "due_day": N_("Assessment due by day"),
    "default_months": N_("Usual duration (months)"),
    "ratings": N_("Ratings"),
    "uses_classification": N_("Classified A–D"),
    "to_check": N_("To be checked"),
    "retired": N_("No longer used"),
    "pass_mark": N_("Pass mark"),
    "criteria": N_("Criteria"),
}

#: The catalogues by key, as the window's tabs and ``antt catalogue list`` name them.
CATALOGUE_NAMES = {
    "dossier_category": N_("Dossier categories"),
    "rubric": N_("Evaluation rubrics"),
    "initiative_type": N_("Initiative types"),
    "activity_kind": N_("Activity kinds"),
}

CADENCE_NAMES = {
    "monthly": N_("monthly"),
    "quarterly": N_("quarterly"),
    "periodic": N_("periodic"),
    "none": N_("no assessments"),
}

#: "Phiên bản 5 — 02/12/2026 — Công an tỉnh Thái Nguyên"
VERSION_LINE = N_("Version {number} — {day} — {issuer}")
#: the catalogue shipped with the program, not yet changed by an upper unit
SHIPPED_ISSUER = N_("shipped with the program")
TO_CHECK_BADGE = N_("to be checked")
RETIRED_BADGE = N_("no longer used")
