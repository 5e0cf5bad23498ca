"""The columns each kind of list may have, and a template workbook (Tải mẫu .xlsx) holding
exactly those columns, with an example row, that imports as it is.

The header names written are ones :mod:`antt_desktop.importers.columns` recognises exactly
(a test imports the template); the window and ``antt import --template`` both use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from antt_desktop.domain.formula_guard import is_formula_like
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.importers.columns import REQUIRED, Kind


@dataclass(frozen=True)
class TemplateColumn:
    """One column of a list: the field it fills, its header (a message id: Vietnamese in a
    Vietnamese template), what it means, an example value, and its width in characters."""

    field: str
    header: str
    meaning: str
    example: str
    width: int = 16

    def required(self, kind: Kind) -> bool:
        return REQUIRED[kind] == self.field


PERSON_TEMPLATE = (
    TemplateColumn(
        "full_name", N_("Full name"), N_("as on the birth certificate"), "Nguyễn Văn An", 24
    ),
    TemplateColumn("other_names", N_("Other names"), N_("nicknames, former names"), "", 16),
    TemplateColumn(
        "born", N_("Date of birth"), N_("dd/mm/yyyy, mm/yyyy or the year alone"), "15/08/1990", 13
    ),
    TemplateColumn("sex", N_("Sex"), N_("Nam or Nữ"), "Nam", 9),
    TemplateColumn(
        "id_number", N_("Personal ID number"), N_("12 digits of the CCCD card"), "001090012345", 16
    ),
    TemplateColumn("legacy_id", N_("Old ID card number (CMND)"), N_("9 or 12 digits"), "", 14),
    TemplateColumn("ethnic", N_("Ethnic group"), N_("name, as in the catalogue"), "Kinh", 11),
    TemplateColumn("religion", N_("Religion"), N_("name, as in the catalogue"), "Không", 11),
    TemplateColumn("nationality", N_("Nationality"), N_("Việt Nam when blank"), "Việt Nam", 11),
    TemplateColumn(
        "birth_place", N_("Place of birth registration"), N_("commune, province"), "", 22
    ),
    TemplateColumn(
        "area", N_("Residential area"), N_("a residential area of this post, as named here"), "", 14
    ),
    TemplateColumn(
        "current_address", N_("Current address"), N_("house number, street"), "Số 12, ngõ 3", 22
    ),
    TemplateColumn("permanent_address", N_("Permanent address"), N_("when elsewhere"), "", 22),
    TemplateColumn("occupation", N_("Occupation"), "", "Làm ruộng", 14),
    TemplateColumn("phone", N_("Phone number"), N_("10 digits starting with 0"), "0912345678", 13),
    TemplateColumn(
        "household_number",
        N_("Household number"),
        N_("a household already registered here"),
        "",
        12,
    ),
    TemplateColumn(
        "relation_to_head",
        N_("Relation to the head of household"),
        N_("Vợ, Con, …; with a household number"),
        "",
        16,
    ),
    TemplateColumn("notes", N_("Notes"), "", "", 24),
)
HOUSEHOLD_TEMPLATE = (
    TemplateColumn(
        "household_number", N_("Household number"), N_("unique in this post"), "HK-001", 12
    ),
    TemplateColumn(
        "head_name",
        N_("Head of household"),
        N_("full name; found among the residents or added"),
        "Nguyễn Văn An",
        24,
    ),
    TemplateColumn(
        "head_id_number", N_("Head ID number"), N_("12 digits of the CCCD card"), "001090012345"
    ),
    TemplateColumn(
        "head_born", N_("Head date of birth"), N_("dd/mm/yyyy or the year alone"), "15/08/1990"
    ),
    TemplateColumn("head_sex", N_("Head sex"), N_("Nam or Nữ"), "Nam", 10),
    TemplateColumn(
        "area", N_("Residential area"), N_("a residential area of this post, as named here"), "", 14
    ),
    TemplateColumn(
        "household_address", N_("Address"), N_("house number, street"), "Số 12, ngõ 3", 24
    ),
    TemplateColumn("notes", N_("Notes"), "", "", 24),
)
TEMPLATES: dict[Kind, tuple[TemplateColumn, ...]] = {
    "persons": PERSON_TEMPLATE,
    "households": HOUSEHOLD_TEMPLATE,
}
COLUMNS_READ = N_("Columns read (* required; names may be written without accents):")
TEMPLATE_SAVED = N_("Template saved to {path}: replace the example row with your rows.")
GIVE_FILE = N_("Name the list to import, or --template FILE to save a template.")
SHEET_TITLE = {"persons": N_("Residents"), "households": N_("Households")}


def _text_cell(sheet: Any, row: int, column: int, text: str) -> Any:
    """A cell holding ``text`` as text: never a formula, whatever its first character."""
    cell = sheet.cell(row=row, column=column)
    cell.value = text
    cell.data_type = "s"
    cell.quotePrefix = is_formula_like(text)
    return cell


def write_template(kind: Kind, path: Path, tr: Translator, *, example: bool = True) -> Path:
    """Save the template workbook of ``kind`` at ``path`` (headers in ``tr``'s language):
    the header row, frozen, required columns in bold red; an example row; column widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    columns = TEMPLATES[kind]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = tr(SHEET_TITLE[kind])[:31]
    fill = PatternFill("solid", fgColor="DDEBF7")
    for number, column in enumerate(columns, start=1):
        cell = _text_cell(sheet, 1, number, tr(column.header))
        cell.font = Font(bold=True, color="C00000" if column.required(kind) else None)
        cell.fill = fill
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = max(column.width, len(tr(column.header)) + 2)
        if example and column.example:
            value = _text_cell(sheet, 2, number, column.example)
            value.number_format = "@"  # ID numbers and phones keep their leading zero
    sheet.freeze_panes = "A2"
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    book.save(path)
    return path


class _Output(Protocol):
    tr: Translator

    def line(self, text: str = "") -> None: ...
    def data(self, payload: Any) -> None: ...


def column_lines(kind: Kind, tr: Translator) -> list[str]:
    """The accepted columns, one line each: the header (``*`` when required) and its meaning."""
    columns = TEMPLATES[kind]
    width = max(len(tr(c.header)) + 2 for c in columns)
    return [
        f"  {(tr(c.header) + (' *' if c.required(kind) else '')).ljust(width)}"
        f"  {tr(c.meaning) if c.meaning else ''}".rstrip()
        for c in columns
    ]


def save_template_command(out: _Output, kind: Kind, target: Path | None) -> int:
    """``antt import --kind KIND [--template FILE]``: the columns read, and the template
    saved when FILE is given (nothing is read from or written to the database)."""
    tr = out.tr
    saved = write_template(kind, target, tr) if target is not None else None
    out.data(
        {
            "kind": kind,
            "columns": [
                {"header": tr(c.header), "field": c.field, "required": c.required(kind)}
                for c in TEMPLATES[kind]
            ],
            "template": str(saved) if saved else None,
        }
    )
    out.line(tr(COLUMNS_READ))
    for line in column_lines(kind, tr):
        out.line(line)
    if saved is not None:
        out.line(tr(TEMPLATE_SAVED).format(path=saved))
    else:
        out.line(tr(GIVE_FILE))
    return 0 if saved is not None else 2  # no list named and no template asked for
