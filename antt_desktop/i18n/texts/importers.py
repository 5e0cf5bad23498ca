"""Texts of spreadsheet imports: refused files, refused rows and the import report."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    # The whole file (field "file").
    "import.file_missing": N_("there is no file at {path}"),
    "import.file_type": N_("'{value}' files cannot be imported; save the list as .xlsx or .csv"),
    "import.file_too_large": N_(
        "the file is larger than {max} MB; split the list into several files"
    ),
    "import.unpacks_too_large": N_(
        "the workbook would unpack to more than {max} MB; it may be damaged or made to harm"
        " the computer"
    ),
    "import.xml_entities": N_(
        "the file declares XML entities, which an Excel list never needs (it may be made to"
        " harm the computer); it was not read"
    ),
    "import.unsafe_reader": N_(
        "this installation cannot read Excel files safely (the defusedxml package is missing"
        " or turned off); reinstall the program or save the list as .csv"
    ),
    "import.too_many_rows": N_(
        "the file has more than {max} rows; split the list into several files"
    ),
    "import.not_xlsx": N_("the file is not an Excel workbook (.xlsx) although its name says so"),
    "import.not_csv": N_("the file is not a text (.csv) list although its name says so"),
    "import.encoding": N_("the file's characters cannot be read; save it again as CSV UTF-8"),
    "import.unreadable": N_("the file cannot be read; it may be damaged"),
    "import.empty": N_("the file has no rows to import"),
    "import.missing_column.full_name": N_(
        "the header row has no full name column ('Họ và tên' or 'Full name')"
    ),
    "import.missing_column.household_number": N_(
        "the header row has no household number column ('Số hộ' or 'Household number')"
    ),
    # One row.
    "import.sex_unknown": N_("'{value}' is not a sex; write Nam or Nữ"),
    "import.duplicate_in_file": N_("{value} is already on line {line} of this file"),
    "import.possible_duplicate_in_file": N_(
        "{name}, born {born}, is also on line {line}; check it is not the same person"
    ),
    "import.household_for_relation": N_("is required when a relation to the head is given"),
    "import.head_name_differs": N_(
        "'{value}' differs from the name registered with this ID number: {name}"
    ),
    "import.already_registered.id_number": N_("{value} is already registered to {name}"),
    "import.already_registered.household_number": N_(
        "household {value} is already registered (head of household: {name})"
    ),
    "import.already_registered.household_number.unnamed": N_(
        "household {value} is already registered"
    ),
    # The report.
    "import.report.title.persons": N_("Import of residents from {file}"),
    "import.report.title.households": N_("Import of households from {file}"),
    "import.report.dry_run": N_("Trial run: nothing was saved."),
    "import.report.summary": N_(
        "{total} rows: {imported} imported, {duplicates} already registered, {refused} refused"
    ),
    "import.report.summary_dry": N_(
        "{total} rows: {imported} can be imported, {duplicates} already registered,"
        " {refused} refused"
    ),
    "import.report.ignored": N_("Columns not imported: {columns}"),
    "import.report.duplicates": N_("Already registered (not imported again):"),
    "import.report.refused": N_("Refused rows (correct them and import them again):"),
    "import.report.warnings": N_("To check:"),
    "import.report.line": N_("line {line}: {text}"),
}

FIELDS = {
    "household_number": N_("Household number"),
    "head_name": N_("Full name of the head of household"),
    "head_id_number": N_("Personal ID number of the head of household"),
    "head_born": N_("Date of birth of the head of household"),
    "head_sex": N_("Sex of the head of household"),
    "household_address": N_("Address of the household"),
}

#: The errors column of a refused-rows workbook.
COLUMNS = (N_("Errors"),)
