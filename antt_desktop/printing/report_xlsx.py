"""The figures of the periodic report as an Excel workbook (.xlsx), for the upper unit's own
tables: a first sheet naming the unit, the period and the day of the figures, then one sheet
per table of the report ("1. Đối tượng quản lý", "1b. Đối tượng quản lý" for a section's
second table), headers in Vietnamese, bold and frozen.

Counts and sums of money are numbers a formula can add up; rates and changes are written as
the report words them (``2/21 = 9,5%``). No text is ever stored as a formula: a text a
spreadsheet would run (a unit named ``=HYPERLINK(...)``) gets the leading apostrophe of
``domain.formula_guard``, and every text cell is typed as text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from antt_desktop.domain.formula_guard import neutralise
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.report_model import Report, Value

#: Characters a sheet's name may not hold, and its length.
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")
NAME_MAX = 31
#: The thousands format of a count (Excel shows it in the reader's own separators).
COUNT_FORMAT = "#,##0"


def sheet_name(text: str, taken: set[str]) -> str:
    """``text`` as a sheet's name Excel accepts: no ``[]:*?/\\``, at most 31 characters,
    not used already."""
    name = _BAD_NAME.sub("-", text).strip("' ")[:NAME_MAX].rstrip() or "Sheet"
    base, n = name, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[: NAME_MAX - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def tables(report: Report) -> Iterator[tuple[str, Sequence[str], list[tuple[Value, ...]]]]:
    """Every table of ``report`` as (sheet title, headers, rows): a section's lines (a label
    and its value, details under a line prefixed as the report indents them), then its
    table."""
    for number, section in enumerate(report.sections, start=1):
        title = f"{number}. {section.title}"
        if section.lines:
            rows: list[tuple[Value, ...]] = [
                (Value(f"{line.group} — {line.label}" if line.group else line.label), line.value)
                for line in section.lines
            ]
            yield title, report.line_headers, rows
        if section.table is not None:
            name = f"{number}b. {section.title}" if section.lines else title
            yield name, section.table.headers, list(section.table.rows)


def _put(sheet: Worksheet, row: int, column: int, value: Value | str) -> Cell:
    cell: Cell = sheet.cell(row=row, column=column)
    if isinstance(value, Value) and value.number is not None:
        cell.value = value.number
        cell.number_format = COUNT_FORMAT
        return cell
    text = value.text if isinstance(value, Value) else value
    cell.value = neutralise(text)
    cell.data_type = "s"  # never a formula, whatever it starts with
    return cell


def _sheet(sheet: Worksheet, headers: Sequence[str], rows: list[tuple[Value, ...]]) -> int:
    bold = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        cell = _put(sheet, 1, column, header)
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, cells in enumerate(rows, start=2):
        for column, value in enumerate(cells, start=1):
            _put(sheet, r, column, value)
    sheet.freeze_panes = "A2"
    widths = [
        max([len(str(headers[i])), *(len(row[i].text) for row in rows)])
        for i in range(len(headers))
    ]
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 10), 60)
    return len(rows)


def report_xlsx(report: Report, tr: Translator) -> tuple[bytes, int]:
    """The workbook of ``report``'s figures, and how many figure rows it holds."""
    book = Workbook()
    info = book.active
    assert info is not None
    taken: set[str] = set()
    info.title = sheet_name(tr(N_("General information")), taken)
    facts = [
        (tr(N_("Unit")), report.unit),
        (tr(N_("Reporting period")), report.period),
        (tr(N_("Figures as of")), report.as_of),
    ]
    for r, (name, value) in enumerate(facts, start=1):
        _put(info, r, 1, name).font = Font(bold=True)
        _put(info, r, 2, value)
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 40
    count = 0
    for title, headers, rows in tables(report):
        count += _sheet(book.create_sheet(sheet_name(title, taken)), headers, rows)
    book.properties.title = f"{report.title} — {report.period} — {report.unit}"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue(), count
