"""What an import did, row by row, and the refused rows as a workbook to fix and re-import."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from antt_desktop.domain.errors import Problem
from antt_desktop.domain.formula_guard import is_formula_like
from antt_desktop.i18n.messages import describe, field_label, sentence
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.importers.reading import Cell

Kind = Literal["persons", "households"]
ERRORS_HEADER = N_("Errors")


@dataclass(frozen=True)
class RefusedRow:
    """A row not imported because of errors; ``cells`` are the row as read from the file."""

    line: int
    problems: tuple[Problem, ...]
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class DuplicateRow:
    """A row describing someone (or a household) already registered: not imported again."""

    line: int
    field: str  # "id_number" or "household_number"
    value: str
    existing_id: str
    existing_name: str

    @property
    def problem(self) -> Problem:
        code = f"import.already_registered.{self.field}"
        if not self.existing_name:
            code += ".unnamed"
        return Problem(self.field, code, {"value": self.value, "name": self.existing_name})


@dataclass(frozen=True)
class RowWarning:
    """Something to check on an imported (or importable) row, e.g. a possible duplicate."""

    line: int
    problem: Problem


@dataclass
class ImportReport:
    """The outcome of one import (or of a dry run: then ``imported`` counts what would be).

    Line numbers are the spreadsheet's own, the header row being line 1 in a usual list.
    """

    kind: Kind
    file_name: str
    dry_run: bool
    headers: tuple[str, ...] = ()
    total: int = 0
    imported: int = 0
    imported_ids: list[str] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()

    def render(self, tr: Translator) -> str:
        """The report as text for the officer, in the translator's language."""
        counts = {
            "file": self.file_name,
            "total": self.total,
            "imported": self.imported,
            "duplicates": len(self.duplicates),
            "refused": len(self.refused),
        }
        lines = [sentence(f"import.report.title.{self.kind}", counts, tr)]
        if self.dry_run:
            lines.append(sentence("import.report.dry_run", {}, tr))
        summary = "import.report.summary_dry" if self.dry_run else "import.report.summary"
        lines.append(sentence(summary, counts, tr))
        if self.ignored_columns:
            lines.append(
                sentence("import.report.ignored", {"columns": list(self.ignored_columns)}, tr)
            )
        sections: list[tuple[str, list[tuple[int, Problem]]]] = [
            ("import.report.duplicates", [(d.line, d.problem) for d in self.duplicates]),
            ("import.report.refused", [(r.line, p) for r in self.refused for p in r.problems]),
            ("import.report.warnings", [(w.line, w.problem) for w in self.warnings]),
        ]
        for heading, items in sections:
            if items:
                lines.append(sentence(heading, {}, tr))
                lines += [_line(line, problem, tr) for line, problem in items]
        return "\n".join(lines)

    def to_dict(self, tr: Translator) -> dict[str, Any]:
        """The report for ``--json`` output: counts, and each row with its messages."""

        def item(line: int, p: Problem) -> dict[str, Any]:
            return {
                "line": line,
                "field": p.field,
                "code": p.code,
                "label": field_label(p.field, tr),
                "message": describe(p, tr),
            }

        return {
            "kind": self.kind,
            "file": self.file_name,
            "dry_run": self.dry_run,
            "total": self.total,
            "imported": self.imported,
            "imported_ids": self.imported_ids,
            "duplicates": [
                item(d.line, d.problem) | {"existing_id": d.existing_id} for d in self.duplicates
            ],
            "refused": [item(r.line, p) for r in self.refused for p in r.problems],
            "warnings": [item(w.line, w.problem) for w in self.warnings],
            "ignored_columns": list(self.ignored_columns),
        }


def _line(line: int, problem: Problem, tr: Translator) -> str:
    return "  " + sentence("import.report.line", {"line": line, "text": describe(problem, tr)}, tr)


def save_refused(report: ImportReport, out_path: Path, tr: Translator | None = None) -> Path:
    """Write the refused rows to an .xlsx: the file's own columns plus an errors column
    ("Lỗi"), so the officer can fix the cells and import that workbook again.

    Text is always written as text, so a cell such as "=1+1" never becomes a formula.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    tr = tr or Translator("vi")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    width = len(report.headers)

    def cell(value: Cell) -> WriteOnlyCell:
        out = WriteOnlyCell(sheet, value=None)
        if isinstance(value, str):
            # the characters a workbook cannot hold (the controls that refused the row)
            # are shown as "\ufffd" where they were; the errors column names the position
            out.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
            out.data_type = "s"  # never a formula, whatever the text starts with
            out.quotePrefix = is_formula_like(value)  # and still text when Excel edits it
        elif isinstance(value, datetime | date):
            out.value = value
            out.number_format = "DD/MM/YYYY"
        else:
            out.value = value
        return out

    sheet.append([cell(h) for h in report.headers] + [cell(tr(ERRORS_HEADER))])
    for row in report.refused:
        values = list(row.cells[:width]) + [None] * (width - len(row.cells))
        errors = "; ".join(describe(p, tr) for p in row.problems)
        sheet.append([cell(v) for v in values] + [cell(errors)])
    out_path = Path(out_path)
    workbook.save(out_path)
    return out_path
