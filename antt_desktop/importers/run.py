"""``import_file``: a spreadsheet of residents or households into the post's records.

Every row is checked before anything is written. Then, unless it is a dry run, all valid
rows are added in ONE transaction through the services, with one audit entry "import"
holding the counts. A refused row never blocks the others; an unexpected error writes
nothing at all.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from antt_desktop.domain.errors import Problem
from antt_desktop.importers import households, persons
from antt_desktop.importers.columns import Header, Kind, data_rows, find_header, kept_headers
from antt_desktop.importers.reading import read_rows, refuse
from antt_desktop.importers.report import ImportReport, RefusedRow
from antt_desktop.importers.rules import Lookups
from antt_desktop.importers.writing import RowProgress
from antt_desktop.services.context import Actor, Ctx, Permission, check
from antt_desktop.store.database import Database


def import_file(
    db: Database,
    path: Path,
    *,
    kind: Kind,
    actor: Actor,
    today: date,
    dry_run: bool,
    progress: RowProgress | None = None,
) -> ImportReport:
    """Import the persons or households listed in an .xlsx or .csv file.

    Args:
        db: the post's database.
        path: the spreadsheet; an .xlsx is read from its active sheet.
        kind: ``"persons"`` or ``"households"``.
        actor: who imports (named in the audit entry and in each record's own entry).
        today: the date rules such as "not in the future" are checked against.
        dry_run: check and report only; nothing is written (and no write lock is taken).
        progress: called as ``progress(done, total)`` before each row is written; when it
            returns False the import stops with :class:`ImportCancelled` and nothing is kept.

    Returns:
        The report: rows read, imported (or importable in a dry run), duplicates of
        records already registered, refused rows with their problems, warnings.

    Raises:
        ImportCancelled: ``progress`` returned False (the transaction was rolled back).
        ValidationFailed: on field ``file`` when the whole file is refused (too big, too
            many rows, not a spreadsheet, no header naming the required column, no rows).
    """
    if kind not in ("persons", "households"):
        raise ValueError(f"unknown import kind: {kind!r}")
    check(actor, Permission.IMPORT)  # before the file is even read
    path = Path(path)
    rows = read_rows(path)
    header = find_header(rows, kind)
    sheet = data_rows(rows, header)
    if not sheet:
        raise refuse("import.empty")
    report = ImportReport(
        kind=kind,
        file_name=path.name,
        dry_run=dry_run,
        headers=kept_headers(header),
        total=len(sheet),
        ignored_columns=header.ignored,
    )
    with db.read() if dry_run else db.write() as session:
        ctx = Ctx(session, actor, today)
        lookups = Lookups.load(session, ctx.local_unit().id)
        if kind == "persons":
            person_rows = persons.plan(ctx, sheet, lookups, report)
            if not dry_run:
                persons.write(ctx, person_rows, report, progress)
            ready = len(person_rows)
        else:
            household_rows = households.plan(ctx, sheet, lookups, report)
            if not dry_run:
                households.write(ctx, household_rows, report, progress)
            ready = len(household_rows)
        if dry_run:
            report.imported = ready
        else:
            ctx.audit("import", kind, None, (), json.dumps(_counts(report), ensure_ascii=False))
    report.refused = sorted(
        (_in_column_order(r, header) for r in report.refused), key=lambda r: r.line
    )
    report.warnings.sort(key=lambda w: w.line)
    return report


#: Problem fields named after the service's field rather than the sheet's column.
_COLUMN_OF = {"ethnic_code": "ethnic", "religion_code": "religion"}


def _in_column_order(row: RefusedRow, header: Header) -> RefusedRow:
    """The row's problems in the order of the columns they are about, left to right."""

    def position(problem: Problem) -> int:
        name = _COLUMN_OF.get(problem.field, problem.field)
        return header.fields.get(name, len(header.texts))

    return replace(row, problems=tuple(sorted(row.problems, key=position)))


def _counts(report: ImportReport) -> dict[str, object]:
    return {
        "file": report.file_name,
        "total": report.total,
        "imported": report.imported,
        "duplicates": len(report.duplicates),
        "refused": len(report.refused),
    }
